// SPDX-License-Identifier: GPL-3.0-or-later
// stagecraft_bench: Stagecraft's benchmark suite with side-by-side anchors (issue 7).
//
// The driver generates one project per size, then runs every case in a child process of its
// own (this executable with --case), so each case's peak memory (getrusage ru_maxrss) is its own.
// A child repeats its case until it has --runs timings or has spent --budget seconds, and prints
// one JSON object; the driver takes medians and writes BENCHMARKS.md.
#include "../awaitfuture.h"
#include "../loopbackhttpserver.h"
#include "config/configloader.h"
#include "conveyor/conveyor.h"
#include "conveyor/graphwriter.h"
#include "conveyorscene.h"
#include "document/document.h"
#include "documentcontroller.h"
#include "edgeitem.h"
#include "exporter.h"
#include "git/gitcontext.h"
#include "imagenodeitem.h"
#include "layout/conveyorlayout.h"
#include "layout/dotwriter.h"
#include "mainwindow.h"
#include "models/conveyormodel.h"
#include "models/settings.h"
#include "plancontroller.h"
#include "projectgenerator.h"
#include "projectloader.h"
#include "signature/plandiff.h"
#include "signature/signaturecalculator.h"
#include "signature/signatureinputbuilder.h"
#include "storage/registryclient.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"
#include "template/renderer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <functional>
#include <optional>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace Stagecraft;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// ---- what a child measures ----------------------------------------------------------------

struct Measurement
{
    QList<double> millis;
    /** CPU time (user + system) of each run: on a shared machine it varies less than wall time. */
    QList<double> cpuMillis;
    QString note;
    QString error;
    bool timedOut = false;
    /** Figures besides the timings that the ratios and goals need (counts, second series). */
    QJsonObject extra = {};
};

Measurement failure(const QString &error)
{
    Measurement m;
    m.error = error;
    return m;
}

struct CaseContext
{
    QString projectDir;
    int runs = 5;
    double budgetMs = 30000;
    int timeoutSeconds = 120;
    /** The case's work happens in a child process (dot): count that one's CPU time. */
    bool external = false;
    /** For the build cases: the stagecraft executable and tests/benchmarks/build_overhead.sh. */
    QString stagecraft = {};
    QString buildScript = {};
};

double cpuMillis(bool children)
{
    rusage usage{};
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &tv) {
        return double(tv.tv_sec) * 1e3 + double(tv.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/** Runs body until ctx.runs timings exist or the budget is spent (at least once). */
Measurement repeat(const CaseContext &ctx,
                   const std::function<bool(QString *)> &body,
                   const std::function<bool()> &stop = {})
{
    Measurement m;
    QElapsedTimer total;
    total.start();
    while (m.millis.size() < ctx.runs && (m.millis.isEmpty() || total.elapsed() < ctx.budgetMs)) {
        const double cpuBefore = cpuMillis(ctx.external);
        QElapsedTimer t;
        t.start();
        QString error;
        const bool ok = body(&error);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        m.cpuMillis.append(cpuMillis(ctx.external) - cpuBefore);
        if (!ok) {
            m.error = error;
            return m;
        }
        m.millis.append(ms);
        if (stop && stop())
            break;
    }
    return m;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Model::LoadedProject loadPlain(const CaseContext &ctx)
{
    return Model::loadProject(ctx.projectDir + u'/' + Bench::ProjectGenerator::plainConfigName());
}

QString firstError(const Model::LoadedProject &project)
{
    for (const Model::Diagnostic &d : project.diagnostics) {
        if (d.severity == Model::Severity::Error)
            return d.location.file + u':' + QString::number(d.location.line) + u':'
                   + QString::number(d.location.column) + u": "_s + d.message;
    }
    return {};
}

Measurement caseLoad(const CaseContext &ctx)
{
    return repeat(ctx, [&](QString *error) {
        const Model::LoadedProject project = loadPlain(ctx);
        *error = firstError(project);
        return project.ok();
    });
}

/** werf 1.1 signatures of every stage, git stages read from the generated repository. */
Measurement casePlan(const CaseContext &ctx)
{
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    const Model::SignatureInput input = Model::signatureInputFromProject(project);
    int stages = 0;
    int computed = 0;
    Measurement m = repeat(ctx, [&](QString *error) {
        // A fresh git context per run: reading the repository is part of planning.
        Model::GitContext git;
        git.setProjectRepository(ctx.projectDir);
        Model::SignatureCalculator calculator(input, git);
        const Model::Plan plan = calculator.calculate();
        stages = 0;
        computed = 0;
        for (const Model::ImagePlan &image : plan.images) {
            for (const Model::StagePlan &stage : image.stages) {
                ++stages;
                computed += stage.hasSignature() ? 1 : 0;
            }
        }
        if (Model::hasErrors(plan.diagnostics)) {
            *error = plan.diagnostics.first().message;
            return false;
        }
        return stages > 0;
    });
    m.note = QStringLiteral("%1 stages, %2 with a signature").arg(stages).arg(computed);
    return m;
}

/**
 * The text with one install command changed (" -x" after a `go mod download` in the second half,
 * else the first one), or empty when there is none: the edit the edit cases time.
 */
QByteArray editInstallCommand(const QByteArray &text)
{
    const QByteArray needle = "go mod download";
    qsizetype at = text.indexOf(needle, text.size() / 2);
    if (at < 0)
        at = text.indexOf(needle);
    if (at < 0)
        return {};
    QByteArray edited = text;
    edited.insert(at + needle.size(), " -x");
    return edited;
}

/** The images that have at least one added, removed or invalidated stage. */
int affectedImages(const QList<Model::StageChange> &changes)
{
    QSet<QString> images;
    for (const Model::StageChange &change : changes)
        images.insert(change.image);
    return int(images.size());
}

/**
 * One edit, model side: a changed install command, then reload, re-plan (incrementally, from the
 * previous plan) and the list of invalidated stages; edit-graph times the edit up to the picture.
 */
Measurement caseEdit(const CaseContext &ctx)
{
    const QString configFile = ctx.projectDir + u'/' + Bench::ProjectGenerator::plainConfigName();
    const QByteArray text = readFile(configFile);
    const QByteArray edited = editInstallCommand(text);
    if (edited.isEmpty())
        return failure(u"no install command to edit"_s);

    const Model::LoadedProject project = Model::loadText(configFile, text);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    const Model::SignatureInput input = Model::signatureInputFromProject(project);
    Model::GitContext git;
    git.setProjectRepository(ctx.projectDir);
    const Model::Plan baseline = Model::SignatureCalculator(input, git).calculate();
    qsizetype changes = 0;
    int recomputed = 0;
    int affected = 0;
    Measurement m = repeat(ctx, [&](QString *error) {
        const Model::LoadedProject after = Model::loadText(configFile, edited);
        if (!after.ok()) {
            *error = firstError(after);
            return false;
        }
        const Model::SignatureInput afterInput = Model::signatureInputFromProject(after);
        Model::SignatureCalculator calculator(afterInput, git);
        calculator.setPrevious(input, baseline);
        const Model::Plan plan = calculator.calculate();
        recomputed = calculator.computedImageCount();
        const QList<Model::StageChange> invalidated = Model::PlanDiff::invalidated(baseline, plan);
        changes = invalidated.size();
        affected = affectedImages(invalidated);
        return changes > 0;
    });
    // Images with git mappings are always recomputed (their commits may have moved).
    m.note = QStringLiteral("%1 invalidated stages in %2 images; %3 of %4 images recomputed "
                            "(images with git mappings always are)")
                     .arg(changes)
                     .arg(affected)
                     .arg(recomputed)
                     .arg(input.images.size());
    m.extra = {{u"recomputed"_s, recomputed},
               {u"affected"_s, affected},
               {u"images"_s, qint64(input.images.size())}};
    return m;
}

double median(QList<double> values); // with the driver's helpers below

/** CPU time of the calling (GUI) thread: the window's own work, without the plan's thread. */
double threadCpuMillis()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/**
 * One edit until the graph shows it, the way the window does it: a scalar edit (an image's
 * `from`, alternating between two bases so that every run changes the graph) computed by the
 * ConfigEditor, pushed on the Document through the DocumentController (source view, pipeline,
 * MainWindow::showProject(): conveyor model, problems, scene items and layout), then events are
 * processed until the scene's items show the edit: the new base's node and its edge into the
 * edited image. The note breaks the median run down.
 */
Measurement caseEditGraph(const CaseContext &ctx)
{
    const QString configFile = ctx.projectDir + u'/' + Bench::ProjectGenerator::plainConfigName();
    QTemporaryDir tmp;
    QSettings qsettings(tmp.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Model::Settings settings(qsettings);
    Ui::MainWindow window(settings);
    auto *controller = new Ui::DocumentController(&window);
    controller->setAsker([](const QString &, const QString &, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    if (!window.openPath(configFile))
        return failure(u"cannot open "_s + configFile);
    Model::Document *document = controller->document();
    document->setAutosaveInterval(0);
    if (!document->project().ok())
        return failure(u"load failed: "_s + firstError(document->project()));
    // The middle stapel image that has a plain `from:`.
    const Model::StapelImage *target = nullptr;
    const QList<Model::StapelImage> &images = document->project().config.images;
    for (qsizetype i = images.size() / 2; i < images.size() && !target; ++i) {
        if (images.at(i).from.present)
            target = &images.at(i);
    }
    if (!target)
        return failure(u"no image with `from:` to edit"_s);
    const QString name = target->name;
    const Model::ImageKind kind = target->artifact ? Model::ImageKind::Artifact
                                                   : Model::ImageKind::Image;
    // Where the time goes: the source view (textChanged), the pipeline (Document's own
    // timings), the window's update (projectChanged: showProject), the event loop afterwards.
    QElapsedTimer clock;
    double textAt = 0;
    double shownAt = 0;
    double sceneAt = 0;
    QObject probe;
    QObject::connect(document, &Model::Document::textChanged, &probe, [&] {
        textAt = threadCpuMillis();
    });
    QObject::connect(document, &Model::Document::projectChanged, &probe, [&] {
        shownAt = threadCpuMillis();
    });
    Ui::ConveyorScene *scene = window.scene();
    QObject::connect(scene, &Ui::ConveyorScene::layoutRebuilt, &probe, [&] {
        sceneAt = threadCpuMillis();
    });
    auto sceneShows = [&](const QString &base) {
        const Model::Conveyor &c = scene->conveyor();
        const int source = c.indexOf(base, Model::ImageKind::External);
        const int dependant = c.indexOf(name, kind);
        if (source < 0 || dependant < 0)
            return false;
        const Ui::ImageNodeItem *node = scene->imageItem(source);
        if (!node || node->image() != source || node->scene() != scene)
            return false;
        for (const Ui::EdgeItem *edge : scene->edgeItems()) {
            const Model::ConveyorEdge &e = c.edges.at(edge->edge());
            if (e.source == source && e.target == dependant && edge->scene() == scene
                && !edge->route().isEmpty())
                return true;
        }
        return false;
    };
    int run = 0;
    QList<double> editor, source, split, decode, reuse, assemble, checks, conveyor, window_, scene_,
            events, thread;
    int decoded = 0;
    int documents = 0;
    QString fallback;
    Measurement m = repeat(ctx, [&](QString *error) {
        const QString base = QStringLiteral("alpine:3.%1").arg(10 + (run++ % 2));
        clock.start();
        const double cpu0 = threadCpuMillis();
        const Model::EditResult r = document->editor().setValue(Model::EditTarget::image(name),
                                                                u"from"_s,
                                                                base);
        const double editorAt = threadCpuMillis();
        if (!controller->applyEdit(r, u"bench"_s)) {
            *error = r.error ? r.error->toString() : u"edit refused"_s;
            return false;
        }
        const double appliedAt = threadCpuMillis();
        // Whatever the window left for the event loop counts too.
        do {
            QCoreApplication::processEvents();
        } while (!sceneShows(base) && clock.elapsed() < 10'000);
        const double doneAt = threadCpuMillis();
        if (!sceneShows(base)) {
            *error = u"the scene does not show the edit"_s;
            return false;
        }
        const Model::ReloadStats &stats = document->reloadStats();
        editor << editorAt - cpu0;
        source << textAt - editorAt;
        split << stats.splitMs;
        decode << stats.decodeMs;
        reuse << stats.reuseMs;
        assemble << stats.assembleMs;
        checks << stats.checksMs;
        conveyor << stats.conveyorMs;
        window_ << shownAt - textAt - stats.totalMs;
        scene_ << sceneAt - textAt - stats.totalMs;
        events << doneAt - appliedAt;
        thread << doneAt - cpu0;
        decoded = stats.decodedDocuments;
        documents = stats.documents;
        fallback = stats.fallbackReason;
        return true;
    });
    auto ms = [](const QList<double> &v) { return QString::number(median(v), 'f', 2); };
    m.note = QStringLiteral("`from` of %1; GUI thread CPU %2 ms (medians): ConfigEditor %3, "
                            "source view %4, split %5, parse + decode %6 (%7 of %8 documents%9), "
                            "moving the others %10, assembling %11, whole-config checks %12, "
                            "conveyor %13, window %14 (of it until the scene's items are done "
                            "%15), events afterwards %16; %17 undo steps")
                     .arg(name, ms(thread), ms(editor), ms(source), ms(split), ms(decode))
                     .arg(decoded)
                     .arg(documents)
                     .arg(fallback.isEmpty() ? QString() : u", whole text: "_s + fallback)
                     .arg(ms(reuse),
                          ms(assemble),
                          ms(checks),
                          ms(conveyor),
                          ms(window_),
                          ms(scene_),
                          ms(events))
                     .arg(document->undoStack()->count());
    document->undoStack()->setClean(); // nothing to ask about when the window goes
    return m;
}

/** The ONBUILD lists of every external base of the project's Dockerfile images, as empty lists:
 *  what a registry reports for bases without triggers, so that Dockerfile images compute. */
QHash<QString, QStringList> noOnBuildTriggers(const Model::LoadedProject &project)
{
    QHash<QString, QStringList> onBuild;
    const Model::SignatureInput probe = Model::signatureInputFromProject(project);
    for (const Model::SignatureInput::Image &image : probe.images) {
        for (const QString &base : image.dockerfile.externalBases)
            onBuild.insert(base, {});
    }
    return onBuild;
}

/**
 * The same project without git mappings and without a repository: everything a plan computes
 * from the config and the Dockerfiles alone. Timed: building the signature input (which reads
 * every Dockerfile and its context) and the calculation.
 */
Measurement casePlanNoGit(const CaseContext &ctx)
{
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    const QHash<QString, QStringList> onBuild = noOnBuildTriggers(project);
    int stages = 0;
    int computed = 0;
    Measurement m = repeat(ctx, [&](QString *error) {
        const Model::SignatureInput input = Model::signatureInputFromProject(project, onBuild);
        Model::GitContext git;
        Model::SignatureCalculator calculator(input, git);
        const Model::Plan plan = calculator.calculate();
        stages = 0;
        computed = 0;
        for (const Model::ImagePlan &image : plan.images) {
            for (const Model::StagePlan &stage : image.stages) {
                ++stages;
                computed += stage.hasSignature() ? 1 : 0;
            }
        }
        if (Model::hasErrors(plan.diagnostics)) {
            *error = plan.diagnostics.first().message;
            return false;
        }
        if (computed != stages) {
            *error = QStringLiteral("%1 of %2 stages not computed")
                             .arg(stages - computed)
                             .arg(stages);
            return false;
        }
        return stages > 0;
    });
    m.note = QStringLiteral("%1 stages, all with a signature (Dockerfile bases taken as having no "
                            "ONBUILD triggers)")
                     .arg(stages);
    return m;
}

/**
 * One edit without git: reload, signature input, incremental re-plan from the previous plan
 * (SignatureCalculator::setPrevious) and the invalidated stages. The note gives
 * computedImageCount(): the images actually recomputed.
 */
Measurement caseEditNoGit(const CaseContext &ctx)
{
    const QString configFile = ctx.projectDir + u'/' + Bench::ProjectGenerator::plainConfigName();
    const QByteArray text = readFile(configFile);
    const QByteArray edited = editInstallCommand(text);
    if (edited.isEmpty())
        return failure(u"no install command to edit"_s);

    const Model::LoadedProject project = Model::loadText(configFile, text);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    const QHash<QString, QStringList> onBuild = noOnBuildTriggers(project);
    const Model::SignatureInput input = Model::signatureInputFromProject(project, onBuild);
    Model::GitContext git;
    const Model::Plan baseline = Model::SignatureCalculator(input, git).calculate();
    qsizetype changes = 0;
    int recomputed = 0;
    int affected = 0;
    QJsonArray replan; // the re-plan alone: signature input and calculation, without the reload
    QJsonArray replanCpu;
    Measurement m = repeat(ctx, [&](QString *error) {
        const Model::LoadedProject after = Model::loadText(configFile, edited);
        if (!after.ok()) {
            *error = firstError(after);
            return false;
        }
        QElapsedTimer replanTimer;
        replanTimer.start();
        const double replanCpuBefore = cpuMillis(false);
        const Model::SignatureInput afterInput = Model::signatureInputFromProject(after, onBuild);
        Model::SignatureCalculator calculator(afterInput, git);
        calculator.setPrevious(input, baseline);
        const Model::Plan plan = calculator.calculate();
        replan.append(double(replanTimer.nsecsElapsed()) / 1e6);
        replanCpu.append(cpuMillis(false) - replanCpuBefore);
        recomputed = calculator.computedImageCount();
        const QList<Model::StageChange> invalidated = Model::PlanDiff::invalidated(baseline, plan);
        changes = invalidated.size();
        affected = affectedImages(invalidated);
        return changes > 0;
    });
    m.note = QStringLiteral("%1 invalidated stages in %2 images; %3 of %4 images recomputed")
                     .arg(changes)
                     .arg(affected)
                     .arg(recomputed)
                     .arg(input.images.size());
    m.extra = {{u"replanMillis"_s, replan},
               {u"replanCpuMillis"_s, replanCpu},
               {u"recomputed"_s, recomputed},
               {u"affected"_s, affected},
               {u"images"_s, qint64(input.images.size())}};
    return m;
}

/** werf-templated.yaml through the template engine; its output must be werf.yaml's text. */
Measurement caseRender(const CaseContext &ctx)
{
    const QString configFile = ctx.projectDir + u'/'
                               + Bench::ProjectGenerator::templatedConfigName();
    const QByteArray source = readFile(configFile);
    const QByteArray expected = readFile(ctx.projectDir + u'/'
                                         + Bench::ProjectGenerator::plainConfigName());
    Measurement m = repeat(ctx, [&](QString *error) {
        const Model::Template::RenderResult r = Model::Template::renderWerfConfig(configFile,
                                                                                  source,
                                                                                  ctx.projectDir);
        if (!r.ok) {
            *error = r.diagnostics.isEmpty() ? u"render failed"_s : r.diagnostics.first().message;
            return false;
        }
        if (r.text != expected) {
            *error = u"the rendered text differs from werf.yaml"_s;
            return false;
        }
        return true;
    });
    m.note = QStringLiteral("%1 KiB of template → %2 KiB of YAML")
                     .arg(source.size() / 1024)
                     .arg(expected.size() / 1024);
    return m;
}

Measurement caseYamlCpp(const CaseContext &ctx)
{
    const std::string text = readFile(ctx.projectDir + u'/'
                                      + Bench::ProjectGenerator::plainConfigName())
                                     .toStdString();
    return repeat(ctx, [&](QString *error) {
        try {
            const std::vector<YAML::Node> docs = YAML::LoadAll(text);
            return !docs.empty();
        } catch (const YAML::Exception &e) {
            *error = QString::fromStdString(e.what());
            return false;
        }
    });
}

Measurement caseDotExport(const CaseContext &ctx)
{
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    qsizetype bytes = 0;
    Measurement m = repeat(ctx, [&](QString *) {
        bytes = Model::conveyorToDot(project.conveyor).size();
        return bytes > 0;
    });
    m.note = QStringLiteral("%1 KiB of DOT").arg(bytes / 1024);
    return m;
}

Measurement caseLayout(const CaseContext &ctx)
{
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    qsizetype nodes = 0;
    Measurement m = repeat(ctx, [&](QString *) {
        nodes = Model::layoutConveyor(project.conveyor).images.size();
        return nodes > 0;
    });
    m.note = QStringLiteral("%1 image nodes").arg(nodes);
    return m;
}

/** Stagecraft's side of the Graphviz anchor: scene with layout, then a PNG file. */
Measurement casePngExport(const CaseContext &ctx)
{
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    QTemporaryDir tmp;
    const QString output = tmp.filePath(u"graph.png"_s);
    // Large graphs exceed the PNG limits at 100 %: the exporter then draws at the largest scale
    // that fits and says so (the notice goes into the note).
    Ui::ExportOptions options;
    QString notice;
    Measurement m = repeat(ctx, [&](QString *failed) {
        return Ui::Exporter::exportToFile(project.conveyor,
                                          output,
                                          options,
                                          failed,
                                          {},
                                          {},
                                          {},
                                          &notice);
    });
    // The size from the header: QImage would refuse to decode beyond its 128 MiB default limit.
    const QSize written = QImageReader(output).size();
    m.note = QStringLiteral("PNG %1 × %2 px, %3 KiB%4")
                     .arg(written.width())
                     .arg(written.height())
                     .arg(QFileInfo(output).size() / 1024)
                     .arg(notice.isEmpty() ? QString() : QStringLiteral(" (") + notice + u')');
    return m;
}

/**
 * From a parsed project to a painted window (issue 4's "interactive within 100 ms of the parse"):
 * MainWindow::showProject (model, tree, problems, source view, scene with layout and items, fit)
 * and the first paint of the whole window, offscreen, at 1400 × 900. The note splits the median
 * into showProject and the paint.
 */
Measurement caseWindow(const CaseContext &ctx)
{
    const Model::LoadedProject loaded = loadPlain(ctx);
    if (!loaded.ok())
        return failure(u"load failed: "_s + firstError(loaded));
    const Ui::LoadedProject project = Ui::windowProject(loaded);
    QTemporaryDir tmp;
    QSettings qs(tmp.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Model::Settings settings(qs);
    QList<double> show;
    QList<double> paint;
    QList<double> cpu;
    Measurement m = repeat(ctx, [&](QString *error) {
        Ui::MainWindow window(settings);
        window.resize(1400, 900);
        window.show();
        QCoreApplication::processEvents();
        const double cpuBefore = cpuMillis(false);
        QElapsedTimer t;
        t.start();
        window.showProject(project.configFile,
                           project.sourceText,
                           project.conveyor,
                           project.diagnostics,
                           project.dockerfiles,
                           project.inputs);
        const double shown = double(t.nsecsElapsed()) / 1e6;
        const QPixmap frame = window.grab();
        paint.append(double(t.nsecsElapsed()) / 1e6 - shown);
        cpu.append(cpuMillis(false) - cpuBefore);
        show.append(shown);
        if (frame.isNull())
            *error = u"the window did not paint"_s;
        return !frame.isNull();
    });
    // Only the part after the parse counts: the window exists before a project is opened, so
    // its construction (and destruction) stays out of the figure.
    if (m.error.isEmpty()) {
        m.millis.clear();
        for (qsizetype i = 0; i < show.size(); ++i)
            m.millis.append(show.at(i) + paint.at(i));
        m.cpuMillis = cpu;
    }
    std::sort(show.begin(), show.end());
    std::sort(paint.begin(), paint.end());
    if (!show.isEmpty())
        m.note = QStringLiteral("showProject %1 ms + first paint %2 ms (medians; creating the "
                                "window is not counted)")
                         .arg(show.at(show.size() / 2), 0, 'f', 1)
                         .arg(paint.at(paint.size() / 2), 0, 'f', 1);
    return m;
}

/**
 * Applying a finished what-if on the GUI thread: the plan of an edited project (every tenth
 * image's install command changed) against its baseline, handed to the window the way
 * PlanController::planFinished does it (graph statuses and tooltips, images tree, Plan panel).
 * Each run first clears the window's plan state, so the whole what-if is applied, and then times
 * the signal plus the event processing it causes (deferred item layouts, header resizes).
 */
Measurement casePlanApply(const CaseContext &ctx)
{
    // Absolute, as the window keeps it: PlanController takes another file name for another
    // project (and drops the baseline), so a relative --work directory would compare nothing.
    const QString configFile = QFileInfo(ctx.projectDir + u'/'
                                         + Bench::ProjectGenerator::plainConfigName())
                                       .absoluteFilePath();
    const QByteArray text = readFile(configFile);
    QTemporaryDir tmp;
    QSettings qs(tmp.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Model::Settings settings(qs);
    Ui::MainWindow window(settings);
    // As the application opens a project: the loader adds the stage inputs (tree rows).
    window.setProjectLoader(&Ui::loadProjectForWindow);
    window.resize(1400, 900);
    window.show();
    Ui::PlanController *controller = window.planController();
    auto waitForPlan = [&] {
        QElapsedTimer t;
        t.start();
        while (controller->isBusy() && t.elapsed() < 600000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return !controller->isBusy() && controller->hasResult();
    };
    if (!window.openPath(configFile) || !waitForPlan())
        return failure(u"the baseline plan did not finish: "_s + controller->lastError());
    // The edit: " -x" after every tenth `go mod download`.
    QByteArray edited = text;
    const QByteArray needle = "go mod download";
    int n = 0;
    for (qsizetype at = edited.indexOf(needle); at >= 0; at = edited.indexOf(needle, at + 1)) {
        if (n++ % 10 == 0)
            edited.insert(at + needle.size(), " -x");
    }
    controller->setProject(configFile, edited);
    if (!waitForPlan())
        return failure(u"the what-if plan did not finish: "_s + controller->lastError());
    const int rebuilt = controller->result().rebuildCount();
    if (rebuilt == 0)
        return failure(u"the edit invalidated nothing"_s);
    Model::ConveyorModel *model = window.conveyorModel();
    double sameMs = 0;
    QList<double> applyMs;
    QList<double> applyCpuMs;
    Measurement m = repeat(ctx, [&](QString *error) {
        // Untimed: back to a window without plan marks.
        window.setStatuses({});
        model->setSignaturesAndReasons({}, {});
        QCoreApplication::processEvents();
        const double cpu = cpuMillis(false);
        QElapsedTimer t;
        t.start();
        emit controller->planFinished();
        QCoreApplication::processEvents();
        applyMs.append(double(t.nsecsElapsed()) / 1e6);
        applyCpuMs.append(cpuMillis(false) - cpu);
        // Applying the same result again (nothing changes) must be cheap too.
        const double againCpu = cpuMillis(false);
        emit controller->planFinished();
        QCoreApplication::processEvents();
        sameMs = cpuMillis(false) - againCpu;
        if (model->statuses().isEmpty()) {
            *error = u"the what-if marked nothing"_s;
            return false;
        }
        return true;
    });
    // Only the apply is timed, not the clearing before it.
    if (m.error.isEmpty()) {
        m.millis = applyMs;
        m.cpuMillis = applyCpuMs;
    }
    // For comparison: the same apply with the images tree's status column in ResizeToContents
    // mode, as before issue 6's fix (CPU time of one run).
    QHeaderView *header = window.imagesTree()->header();
    const QHeaderView::ResizeMode mode = header->sectionResizeMode(
            Model::ConveyorModel::StatusColumn);
    header->setSectionResizeMode(Model::ConveyorModel::StatusColumn, QHeaderView::ResizeToContents);
    window.setStatuses({});
    model->setSignaturesAndReasons({}, {});
    QCoreApplication::processEvents();
    const double resizeCpu = cpuMillis(false);
    emit controller->planFinished();
    QCoreApplication::processEvents();
    const double resizeMs = cpuMillis(false) - resizeCpu;
    // The path before the fix: every row's dataChanged (setReadOnlyImages still signals all rows;
    // the plain project has no read-only images) with that header, twice as the apply did it.
    const double allRowsCpu = cpuMillis(false);
    model->setReadOnlyImages({});
    model->setReadOnlyImages({});
    QCoreApplication::processEvents();
    const double allRowsMs = cpuMillis(false) - allRowsCpu;
    header->setSectionResizeMode(Model::ConveyorModel::StatusColumn, mode);
    m.note = QStringLiteral("%1 stages to rebuild of %2; CPU time of re-applying the same result "
                            "%3 ms; of the apply with a ResizeToContents status column %4 ms; "
                            "of two all-rows dataChanged rounds with that column (the path "
                            "before the fix) %5 ms")
                     .arg(rebuilt)
                     .arg(controller->result().changes.size())
                     .arg(sameMs, 0, 'f', 2)
                     .arg(resizeMs, 0, 'f', 1)
                     .arg(allRowsMs, 0, 'f', 1);
    return m;
}

QString graphvizUnavailable()
{
    return QStandardPaths::findExecutable(u"dot"_s).isEmpty() ? u"Graphviz `dot` is not installed"_s
                                                              : QString();
}

/** Graphviz on Stagecraft's DOT export of the same graph: the layout + PNG anchor. */
Measurement caseGraphvizPng(const CaseContext &ctx)
{
    const QString dot = QStandardPaths::findExecutable(u"dot"_s);
    if (dot.isEmpty())
        return failure(graphvizUnavailable());
    const Model::LoadedProject project = loadPlain(ctx);
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    QTemporaryDir tmp;
    const QString input = tmp.filePath(u"graph.dot"_s);
    const QString output = tmp.filePath(u"graph.png"_s);
    {
        QFile f(input);
        if (!f.open(QIODevice::WriteOnly) || f.write(Model::conveyorToDot(project.conveyor)) < 0)
            return failure(u"cannot write "_s + input);
    }
    bool timedOut = false;
    Measurement m = repeat(
            ctx,
            [&](QString *error) {
                QProcess process;
                // dot's per-cluster warnings would drown the driver's progress lines.
                process.setStandardErrorFile(QProcess::nullDevice());
                process.start(dot, {u"-Tpng"_s, u"-o"_s, output, input});
                if (!process.waitForFinished(ctx.timeoutSeconds * 1000)) {
                    process.kill();
                    process.waitForFinished();
                    timedOut = true;
                    return true; // a timing of "at least the timeout"; stop below
                }
                if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
                    *error = QStringLiteral("dot exited with %1").arg(process.exitCode());
                    return false;
                }
                return true;
            },
            [&timedOut] { return timedOut; });
    if (timedOut) {
        m.timedOut = true;
        m.millis = {double(ctx.timeoutSeconds) * 1000.0};
        m.note = QStringLiteral("killed after %1 s").arg(ctx.timeoutSeconds);
    } else {
        m.note = QStringLiteral("PNG %1 KiB").arg(QFileInfo(output).size() / 1024);
    }
    return m;
}

/**
 * cached/missing for 1,000 stages against a registry repository of 10,000 tags on loopback: a
 * v2 front that pages tags/list by 1,000 with Link headers (like registries that cap `n`), and
 * half of the stages stored. Counts the requests the whole plan sends; the goal is one tag-list
 * pass, not a request per stage. Independent of N (it brings its own project).
 */
Measurement caseRegistry(const CaseContext &ctx)
{
    QTemporaryDir dir;
    QByteArray yaml = "project: regbench\nconfigVersion: 1\n";
    for (int i = 0; i < 200; ++i) {
        yaml += "---\nimage: img" + QByteArray::number(i)
                + "\nfrom: alpine:3.18\nfromCacheVersion: \"" + QByteArray::number(i)
                + "\"\nshell:\n" + "  beforeInstall: [echo b" + QByteArray::number(i) + "]\n"
                + "  install: [echo i" + QByteArray::number(i) + "]\n" + "  setup: [echo s"
                + QByteArray::number(i) + "]\n" + "docker:\n  ENV: {N: \"" + QByteArray::number(i)
                + "\"}\n";
    }
    QFile file(dir.filePath(u"werf.yaml"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
        return failure(u"cannot write the project"_s);
    file.close();
    const Model::LoadedProject project = Model::loadProject(dir.path());
    if (!project.ok())
        return failure(u"load failed: "_s + firstError(project));
    const Model::Plan base = Model::planProject(project);
    QStringList signatures;
    for (const Model::ImagePlan &image : base.images) {
        for (const Model::StagePlan &stage : image.stages) {
            if (stage.hasSignature())
                signatures.append(stage.signature);
        }
    }
    if (signatures.size() != 1000)
        return failure(u"expected 1,000 stages, got %1"_s.arg(signatures.size()));
    // Every other stage is stored; the rest of the 10,000 tags are other signatures.
    QStringList tags;
    for (qsizetype i = 0; i < signatures.size(); i += 2)
        tags.append(signatures.at(i) + u"-1700000000000"_s);
    for (int i = 0; tags.size() < 10000; ++i)
        tags.append(QString::number(i, 16).rightJustified(56, u'f') + u"-1700000000001"_s);
    tags.sort();

    constexpr int page = 1000;
    int tagListServed = 0;
    Testing::LoopbackHttpServer server([&tags, &tagListServed](const Testing::HttpRequest &r) {
        if (r.path().endsWith("/tags/list"))
            ++tagListServed;
        const QString query = QString::fromLatin1(r.query());
        qsizetype from = 0;
        for (const QString &item : query.split(u'&')) {
            if (item.startsWith(u"last="_s))
                from = std::lower_bound(tags.cbegin(), tags.cend(), item.mid(5)) - tags.cbegin()
                       + 1;
        }
        QByteArray body = "{\"name\":\"bench/stages\",\"tags\":[";
        const qsizetype end = std::min<qsizetype>(from + page, tags.size());
        for (qsizetype i = from; i < end; ++i)
            body += (i > from ? ",\"" : "\"") + tags.at(i).toLatin1() + '"';
        body += "]}";
        Testing::HttpResponse response = Testing::HttpResponse::json(body);
        if (end < tags.size())
            response.addHeader("Link",
                               "</v2/bench/stages/tags/list?n=1000&last="
                                       + tags.at(end - 1).toLatin1() + ">; rel=\"next\"");
        return response;
    });
    if (!server.start())
        return failure(u"cannot listen on 127.0.0.1"_s);
    Model::StorageSpec spec = *Model::StorageSpec::parse(server.hostPort() + u"/bench/stages"_s,
                                                         nullptr);
    spec.insecureRegistries = {server.hostPort()};
    int requests = 0;
    int tagListRequests = 0;
    int cached = 0;
    int missing = 0;
    int listingRequests = 0;
    Measurement m = repeat(ctx, [&](QString *error) {
        const int before = server.requestCount();
        const int tagListBefore = tagListServed;
        Model::StorageSession session(spec, {});
        bool finished = false;
        const Model::StoragePlan result
                = Testing::await(Model::planWithStorageAsync(project,
                                                             session.storage(),
                                                             session.registry()),
                                 ctx.timeoutSeconds * 1000,
                                 &finished);
        if (!finished || !result.storageOk) {
            *error = finished ? result.storageError : u"the plan did not finish"_s;
            return false;
        }
        requests = server.requestCount() - before;
        tagListRequests = tagListServed - tagListBefore;
        listingRequests = result.listingRequests;
        cached = 0;
        missing = 0;
        for (const Model::ImagePlan &image : result.plan.images) {
            for (const Model::StagePlan &stage : image.stages) {
                cached += stage.cache == Model::CacheStatus::Cached ? 1 : 0;
                missing += stage.cache == Model::CacheStatus::Missing ? 1 : 0;
            }
        }
        if (cached != 500 || missing != 500) {
            *error = u"expected 500 cached and 500 missing, got %1 and %2"_s.arg(cached).arg(
                    missing);
            return false;
        }
        return true;
    });
    const int pages = int((tags.size() + page - 1) / page);
    m.note = u"1,000 stages, 10,000 tags: %1 HTTP requests answered, %2 of them tag-list pages "
             u"(of %3 pages of 1,000; the client counts %4 listing requests, with its https probe "
             u"of the insecure host); %5 cached, %6 missing"_s.arg(requests)
                     .arg(tagListRequests)
                     .arg(pages)
                     .arg(listingRequests)
                     .arg(cached)
                     .arg(missing);
    m.extra = {{u"requests"_s, requests},
               {u"tagListRequests"_s, tagListRequests},
               {u"pages"_s, pages},
               {u"stages"_s, qint64(signatures.size())}};
    return m;
}

/**
 * Runs build_overhead.sh in @p mode (overhead or cached) with ctx.runs runs and returns its
 * stdout lines, or an error. The script times its parts itself (the stagecraft runs, the replay
 * script), so the case reports the script's figures, not its own wall time.
 */
QStringList runBuildScript(const CaseContext &ctx, const QString &mode, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(u"bash"_s, {ctx.buildScript, ctx.stagecraft, QString::number(ctx.runs), mode});
    // A run builds a few small images in vfs storage: minutes at most, even on a loaded machine.
    const int limitMs = (ctx.runs + 1) * 600 * 1000;
    if (!process.waitForFinished(limitMs)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("build_overhead.sh %1 did not finish within %2 s")
                         .arg(mode)
                         .arg(limitMs / 1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QStringList lines
                = QString::fromUtf8(process.readAllStandardError()).trimmed().split(u'\n');
        *error = QStringLiteral("build_overhead.sh %1 exited with %2: %3")
                         .arg(mode)
                         .arg(process.exitCode())
                         .arg(lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(u" / "_s));
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

/**
 * issue 9's overhead: the build worker (`stagecraft build --jobs 1` of the example's base and
 * tools images) against the buildah commands it ran, replayed by a plain bash script in a fresh
 * storage. The timings are the worker's; extra.scriptMillis the plain script's.
 */
Measurement caseBuildOverhead(const CaseContext &ctx)
{
    QString error;
    const QStringList lines = runBuildScript(ctx, u"overhead"_s, &error);
    if (!error.isEmpty())
        return failure(error);
    static const QRegularExpression re(
            uR"(^run \d+: worker ([0-9.]+)s, plain script ([0-9.]+)s(?:, ratio [0-9.]+)? \((\d+) buildah commands\))"_s);
    Measurement m;
    QJsonArray script;
    int commands = 0;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = re.match(line);
        if (!match.hasMatch())
            continue;
        m.millis.append(match.captured(1).toDouble() * 1000);
        script.append(match.captured(2).toDouble() * 1000);
        commands = match.captured(3).toInt();
    }
    if (m.millis.isEmpty())
        return failure(u"build_overhead.sh printed no run: "_s + lines.join(u" / "_s));
    m.extra = {{u"scriptMillis"_s, script}, {u"commands"_s, commands}};
    m.note = QStringLiteral("`stagecraft build --jobs 1 --image base --image tools` of the "
                            "example; the plain script replays its %1 buildah commands")
                     .arg(commands);
    return m;
}

/** issue 9's cached rebuild: the whole example built once, then rebuilt with every stage cached. */
Measurement caseBuildCached(const CaseContext &ctx)
{
    QString error;
    const QStringList lines = runBuildScript(ctx, u"cached"_s, &error);
    if (!error.isEmpty())
        return failure(error);
    static const QRegularExpression full(uR"(^full build of the example: ([0-9.]+)s)"_s);
    static const QRegularExpression rebuild(
            uR"(^fully cached rebuild \d+: ([0-9.]+)s \((\d+) stages cached, (\d+) built\))"_s);
    Measurement m;
    double fullMs = 0;
    int cached = 0;
    int built = 0;
    for (const QString &line : lines) {
        if (const QRegularExpressionMatch match = full.match(line); match.hasMatch())
            fullMs = match.captured(1).toDouble() * 1000;
        if (const QRegularExpressionMatch match = rebuild.match(line); match.hasMatch()) {
            m.millis.append(match.captured(1).toDouble() * 1000);
            cached = match.captured(2).toInt();
            built = match.captured(3).toInt();
        }
    }
    if (m.millis.isEmpty())
        return failure(u"build_overhead.sh printed no rebuild: "_s + lines.join(u" / "_s));
    if (built != 0 || cached == 0)
        return failure(
                QStringLiteral("the rebuild was not fully cached: %1 stages cached, %2 built")
                        .arg(cached)
                        .arg(built));
    m.note = QStringLiteral("all %1 stages cached; the first (full) build took %2")
                     .arg(cached)
                     .arg(QString::number(fullMs / 1000, 'f', 1) + u" s"_s);
    return m;
}

/** Why the build cases cannot run here, or empty. */
QString buildUnavailable(const QString &stagecraft, const QString &script)
{
    if (QStandardPaths::findExecutable(u"buildah"_s).isEmpty())
        return u"buildah is not installed"_s;
    if (::geteuid() != 0)
        return u"needs root (buildah with a storage root of its own, chroot isolation)"_s;
    if (!QFileInfo(u"/bin/busybox"_s).isExecutable())
        return u"Debian's busybox-static (/bin/busybox, the example's base image) is not installed"_s;
    if (stagecraft.isEmpty() || !QFileInfo(stagecraft).isExecutable())
        return u"no stagecraft executable (--stagecraft)"_s;
    if (script.isEmpty() || !QFileInfo::exists(script))
        return u"no build_overhead.sh (--build-script)"_s;
    return {};
}

// ---- the case table -------------------------------------------------------------------------

struct BenchCase
{
    /** What a case needs besides Stagecraft: the driver reports "not run: <why>" without it. */
    enum class Needs { Nothing, Graphviz, Buildah };

    QString id;
    QString title;
    /** Measures itself in the child process. */
    Measurement (*run)(const CaseContext &) = nullptr;
    Needs needs = Needs::Nothing;
    /** Largest N the case runs at. A case that timed out is not run at larger N either. */
    int maxImages = 1 << 30;
    bool external = false; ///< peak memory and CPU are the external tool's (RUSAGE_CHILDREN)
    /** Runs on the variant without git mappings and without a repository. */
    bool noGit = false;
    /** Brings its own input: run once per suite, not per N. */
    bool sizeIndependent = false;
};

QList<BenchCase> cases()
{
    using Needs = BenchCase::Needs;
    return {
            {.id = u"render"_s,
             .title = u"render: werf-templated.yaml → werf.yaml text"_s,
             .run = caseRender},
            {.id = u"load"_s,
             .title = u"load: YAML + validation + conveyor (werf.yaml)"_s,
             .run = caseLoad},
            {.id = u"yaml-cpp"_s,
             .title = u"anchor: yaml-cpp LoadAll of the same werf.yaml"_s,
             .run = caseYamlCpp},
            {.id = u"plan"_s,
             .title = u"plan: stage signatures of every image (git from the repository)"_s,
             .run = casePlan},
            {.id = u"plan-nogit"_s,
             .title = u"plan without git: signature input + signatures (no git mappings, no "
                      u"repository)"_s,
             .run = casePlanNoGit,
             .noGit = true},
            {.id = u"layout"_s, .title = u"layout of the conveyor graph"_s, .run = caseLayout},
            {.id = u"window"_s,
             .title = u"window interactive after parse (showProject + first paint, offscreen)"_s,
             .run = caseWindow},
            {.id = u"plan-apply"_s,
             .title = u"apply a finished what-if on the GUI thread (graph, tree, Plan panel)"_s,
             .run = casePlanApply},
            {.id = u"png"_s,
             .title = u"layout + PNG export (scene, render, encode)"_s,
             .run = casePngExport},
            {.id = u"dot-export"_s, .title = u"DOT export (conveyorToDot)"_s, .run = caseDotExport},
            {.id = u"graphviz-png"_s,
             .title = u"anchor: Graphviz `dot -Tpng` on the DOT export"_s,
             .run = caseGraphvizPng,
             .needs = Needs::Graphviz,
             .external = true},
            {.id = u"edit"_s,
             .title = u"one edit → reload + incremental re-plan + invalidated stages (model side)"_s,
             .run = caseEdit},
            {.id = u"edit-nogit"_s,
             .title = u"one edit without git → reload + input + incremental re-plan + "
                      u"invalidated stages"_s,
             .run = caseEditNoGit,
             .noGit = true},
            {.id = u"edit-graph"_s,
             .title = u"one edit until the graph is updated (document + pipeline + window)"_s,
             .run = caseEditGraph},
            {.id = u"registry"_s,
             .title = u"registry lookup: 1,000 stages among 10,000 tags on loopback"_s,
             .run = caseRegistry,
             .sizeIndependent = true},
            {.id = u"build-overhead"_s,
             .title = u"build worker: base + tools images of the example, `--jobs 1`"_s,
             .run = caseBuildOverhead,
             .needs = Needs::Buildah,
             .external = true,
             .sizeIndependent = true},
            {.id = u"build-cached"_s,
             .title = u"fully cached rebuild of the example (all images)"_s,
             .run = caseBuildCached,
             .needs = Needs::Buildah,
             .external = true,
             .sizeIndependent = true},
    };
}

int runChild(const QString &id, const CaseContext &ctx)
{
    for (const BenchCase &c : cases()) {
        if (c.id != id || !c.run)
            continue;
        CaseContext context = ctx;
        context.external = c.external;
        const Measurement m = c.run(context);
        rusage usage{};
        getrusage(c.external ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
        QJsonArray millis;
        for (double ms : m.millis)
            millis.append(ms);
        QJsonArray cpu;
        for (double ms : m.cpuMillis)
            cpu.append(ms);
        QJsonObject o{{u"case"_s, id},
                      {u"millis"_s, millis},
                      {u"cpuMillis"_s, cpu},
                      {u"peakKiB"_s, qint64(usage.ru_maxrss)},
                      {u"note"_s, m.note},
                      {u"error"_s, m.error},
                      {u"timedOut"_s, m.timedOut},
                      {u"extra"_s, m.extra}};
        QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return m.error.isEmpty() ? 0 : 1;
    }
    err() << "stagecraft_bench: no runnable case " << id << '\n';
    return 2;
}

// ---- the driver ---------------------------------------------------------------------------

struct Result
{
    QString caseId;
    int images = 0; ///< 0 for the cases that do not depend on N
    QList<double> millis;
    QList<double> cpuMillis;
    qint64 peakKiB = 0;
    QString note;
    QString error;
    bool timedOut = false;
    bool skipped = false;
    QJsonObject extra;
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QList<double> doubles(const QJsonValue &array)
{
    QList<double> values;
    for (const QJsonValue &v : array.toArray())
        values.append(v.toDouble());
    return values;
}

QString formatMs(double ms)
{
    if (ms >= 10000)
        return QString::number(ms / 1000, 'f', 1) + u" s"_s;
    if (ms >= 100)
        return QString::number(ms, 'f', 0) + u" ms"_s;
    if (ms >= 1)
        return QString::number(ms, 'f', 1) + u" ms"_s;
    return QString::number(ms * 1000, 'f', 0) + u" µs"_s;
}

QString firstLineOf(const QString &path, const QString &prefix)
{
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(prefix))
            return text.mid(text.indexOf(u':') + 1).trimmed();
    }
    return {};
}

QString loadAverage()
{
    const QList<QByteArray> parts = readFile(u"/proc/loadavg"_s).split(' ');
    return parts.size() >= 3
                   ? QString::fromUtf8(parts.at(0) + ' ' + parts.at(1) + ' ' + parts.at(2))
                   : u"unknown"_s;
}

QString toolVersion(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(10000))
        return {};
    return QString::fromUtf8(p.readAll()).trimmed().section(u'\n', 0, 0);
}

struct DriverOptions
{
    QList<int> sizes;
    int runs = 5;
    double budgetSeconds = 30;
    int timeoutSeconds = 120;
    QString workDir;
    QString output;
    QString commit;
    QString buildType;
    quint64 seed = 1;
    bool smoke = false;
    bool quick = false;
    /** A case whose tool is missing fails the run instead of being reported (CI's smoke pass). */
    bool strict = false;
    /** The cases to run; empty: all. */
    QStringList caseIds;
    QString stagecraft;
    QString buildScript;
};

/** Why @p c cannot run on this machine, or empty. */
QString unavailable(const BenchCase &c, const DriverOptions &o)
{
    switch (c.needs) {
    case BenchCase::Needs::Nothing:
        return {};
    case BenchCase::Needs::Graphviz:
        return graphvizUnavailable();
    case BenchCase::Needs::Buildah:
        return buildUnavailable(o.stagecraft, o.buildScript);
    }
    return {};
}

Result runCase(const BenchCase &c, int images, const QString &projectDir, const DriverOptions &o)
{
    Result r;
    r.caseId = c.id;
    r.images = images;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args = {u"--case"_s,
                        c.id,
                        u"--project"_s,
                        projectDir,
                        u"--runs"_s,
                        QString::number(o.runs),
                        u"--budget"_s,
                        QString::number(o.budgetSeconds),
                        u"--timeout"_s,
                        QString::number(o.timeoutSeconds)};
    if (c.needs == BenchCase::Needs::Buildah)
        args << u"--stagecraft"_s << o.stagecraft << u"--build-script"_s << o.buildScript;
    child.start(QCoreApplication::applicationFilePath(), args);
    // A case may use its budget, finish one last run, and the anchor may wait for its timeout;
    // the build script limits itself to 600 s a run.
    const int limitMs = c.needs == BenchCase::Needs::Buildah
                                ? ((o.runs + 1) * 600 + 60) * 1000
                                : int(o.budgetSeconds * 1000) * 3 + o.timeoutSeconds * 1000 + 60000;
    if (!child.waitForFinished(limitMs)) {
        child.kill();
        child.waitForFinished();
        r.error = QStringLiteral("the case did not finish within %1 s").arg(limitMs / 1000);
        return r;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject o2 = QJsonDocument::fromJson(lines.constLast()).object();
    if (o2.isEmpty()) {
        r.error = QStringLiteral("the case crashed or printed no result (exit code %1)")
                          .arg(child.exitCode());
        return r;
    }
    r.millis = doubles(o2.value(u"millis"_s));
    r.cpuMillis = doubles(o2.value(u"cpuMillis"_s));
    r.peakKiB = o2.value(u"peakKiB"_s).toInteger();
    r.note = o2.value(u"note"_s).toString();
    r.error = o2.value(u"error"_s).toString();
    r.timedOut = o2.value(u"timedOut"_s).toBool();
    r.extra = o2.value(u"extra"_s).toObject();
    return r;
}

const Result *find(const QList<Result> &results, const QString &id, int images = 0)
{
    for (const Result &r : results) {
        if (r.caseId == id && r.images == images)
            return &r;
    }
    return nullptr;
}

/** A result with timings, or null with the reason in @p why. */
const Result *measured(const QList<Result> &results, const QString &id, int images, QString *why)
{
    const Result *r = find(results, id, images);
    if (!r)
        *why = images > 0
                       ? QStringLiteral("%1 did not run at N = %2 in this run").arg(id).arg(images)
                       : QStringLiteral("%1 did not run in this run").arg(id);
    else if (r->skipped)
        *why = id + u": "_s + r->note;
    else if (!r->error.isEmpty())
        *why = id + u" failed: "_s + r->error;
    else if (r->millis.isEmpty())
        *why = id + u" gave no timing"_s;
    else
        return r;
    return nullptr;
}

QString peakText(qint64 peakKiB)
{
    return QString::number(double(peakKiB) / 1024, 'f', 0) + u" MiB"_s;
}

QString cell(const Result *r)
{
    if (!r)
        return u"—"_s;
    if (r->skipped)
        return r->note;
    if (!r->error.isEmpty())
        return u"error"_s;
    if (r->millis.isEmpty())
        return r->note.isEmpty() ? u"—"_s : r->note;
    const QString peak = u", "_s + peakText(r->peakKiB);
    if (r->timedOut)
        return u"> "_s + formatMs(median(r->millis)) + peak;
    const QString cpu = r->cpuMillis.isEmpty()
                                ? QString()
                                : u" (cpu "_s + formatMs(median(r->cpuMillis)) + u')';
    return formatMs(median(r->millis)) + cpu + peak;
}

QString times(double x)
{
    // Two significant digits below 0.01, so that a large speed-up does not print as 0.00×.
    if (x > 0 && x < 0.01)
        return QString::number(x, 'g', 2) + u"×"_s;
    return QString::number(x, 'f', x >= 10 ? 0 : 2) + u"×"_s;
}

QString ratio(const Result *num, const Result *den)
{
    if (!num || !den || num->millis.isEmpty() || den->millis.isEmpty() || !num->error.isEmpty()
        || !den->error.isEmpty())
        return u"n/a"_s;
    const QString prefix = num->timedOut ? u"> "_s : den->timedOut ? u"< "_s : QString();
    QString text = prefix + times(median(num->millis) / median(den->millis));
    if (!num->timedOut && !den->timedOut && median(den->cpuMillis) > 0)
        text += u" (cpu "_s + times(median(num->cpuMillis) / median(den->cpuMillis)) + u')';
    return text;
}

/** Other Go text/template implementations on PATH, looked up at run time. */
QString otherTemplateEngines()
{
    const QStringList candidates = {u"go"_s, u"helm"_s, u"gomplate"_s, u"werf"_s};
    QStringList found;
    for (const QString &program : candidates) {
        if (!QStandardPaths::findExecutable(program).isEmpty())
            found << u'`' + program + u'`';
    }
    const QString looked = u"looked for "_s + candidates.join(u", "_s) + u" on PATH"_s;
    if (found.isEmpty())
        return u"no other Go text/template implementation is installed on this machine ("_s + looked
               + u"), so Stagecraft's render is not compared with one."_s;
    return u"found "_s + found.join(u", "_s) + u" ("_s + looked
           + u"), but the suite has no adapter that renders werf's function set with it, so no "
             u"side-by-side number is given."_s;
}

// ---- goals of the issues, decided from the measured numbers ----------------------------------

struct Goal
{
    QString issue;
    QString goal;
    QString measured;
    /** Empty when decided; else why the goal could not be decided in this run. */
    QString undecided;
    bool met = false;
    /**
     * The same time goal decided on the CPU time of the measuring process ("met"/"not met"), or
     * empty: on a shared machine the wall time also counts the time other processes ran.
     */
    QString onCpu = {};
};

QString verdict(bool met)
{
    return met ? u"met"_s : u"**not met**"_s;
}

Goal timeGoal(const QList<Result> &results,
              const QString &issue,
              const QString &goal,
              const QString &id,
              int images,
              double limitMs)
{
    Goal g{issue, goal, {}, {}, false};
    if (const Result *r = measured(results, id, images, &g.undecided)) {
        const double ms = median(r->millis);
        g.measured = formatMs(ms) + u" (median of "_s + QString::number(r->millis.size()) + u")"_s;
        g.met = ms < limitMs;
        if (!r->cpuMillis.isEmpty()) {
            const double cpu = median(r->cpuMillis);
            g.measured += u"; cpu "_s + formatMs(cpu);
            g.onCpu = verdict(cpu < limitMs);
        }
    }
    return g;
}

QList<Goal> goals(const QList<Result> &results)
{
    QList<Goal> list;
    const QString i4 = u"4"_s;
    list << timeGoal(results,
                     i4,
                     u"layout + PNG export of 1,000 images under 1 s"_s,
                     u"png"_s,
                     1000,
                     1000);
    {
        Goal g{i4, u"at 1,000 images at least 10× faster than `dot -Tpng`"_s, {}, {}, false};
        const Result *png = measured(results, u"png"_s, 1000, &g.undecided);
        const Result *dot = png ? measured(results, u"graphviz-png"_s, 1000, &g.undecided)
                                : nullptr;
        if (png && dot) {
            const double x = median(png->millis) / median(dot->millis);
            if (dot->timedOut) {
                // dot's true time is at least its timeout, so the ratio is at most x.
                g.measured = u"< "_s + times(x) + u" (dot stopped at "_s
                             + formatMs(median(dot->millis)) + u')';
                if (x <= 0.1)
                    g.met = true;
                else
                    g.undecided = u"dot was stopped at its timeout before the ratio reached 0.1"_s;
            } else {
                g.measured = times(x) + u" (Stagecraft "_s + formatMs(median(png->millis))
                             + u", dot "_s + formatMs(median(dot->millis)) + u')';
                g.met = x <= 0.1;
                if (!png->cpuMillis.isEmpty() && median(dot->cpuMillis) > 0) {
                    const double cpu = median(png->cpuMillis) / median(dot->cpuMillis);
                    g.measured += u"; cpu "_s + times(cpu);
                    g.onCpu = verdict(cpu <= 0.1);
                }
            }
        }
        list << g;
    }
    {
        Goal g{i4, u"layout + PNG export of 1,000 images under 300 MB (peak RSS)"_s, {}, {}, false};
        if (const Result *png = measured(results, u"png"_s, 1000, &g.undecided)) {
            const double bytes = double(png->peakKiB) * 1024;
            g.measured = QString::number(bytes / 1e6, 'f', 0) + u" MB ("_s + peakText(png->peakKiB)
                         + u", loading the project included)"_s;
            g.met = bytes < 300e6;
        }
        list << g;
    }
    list << timeGoal(results,
                     i4,
                     u"window interactive within 100 ms of the parse at 150 images"_s,
                     u"window"_s,
                     150,
                     100);
    list << timeGoal(results,
                     u"5"_s,
                     u"one edit on 150 images until the graph shows it under 16 ms"_s,
                     u"edit-graph"_s,
                     150,
                     16);
    const QString i6 = u"6"_s;
    list << timeGoal(results,
                     i6,
                     u"full plan of 1,000 images without git under 100 ms"_s,
                     u"plan-nogit"_s,
                     1000,
                     100);
    {
        Goal g{i6,
               u"incremental re-plan after one edit at 1,000 images without git under 100 ms "
               u"(signature input + calculation; the reload is not counted)"_s,
               {},
               {},
               false};
        if (const Result *r = measured(results, u"edit-nogit"_s, 1000, &g.undecided)) {
            const QList<double> replan = doubles(r->extra.value(u"replanMillis"_s));
            if (replan.isEmpty()) {
                g.undecided = u"edit-nogit reported no re-plan timing"_s;
            } else {
                g.measured = formatMs(median(replan)) + u" (median of "_s
                             + QString::number(replan.size()) + u")"_s;
                g.met = median(replan) < 100;
                const QList<double> cpu = doubles(r->extra.value(u"replanCpuMillis"_s));
                if (!cpu.isEmpty()) {
                    g.measured += u"; cpu "_s + formatMs(median(cpu));
                    g.onCpu = verdict(median(cpu) < 100);
                }
            }
        }
        list << g;
    }
    {
        Goal g{i6,
               u"the re-plan recomputes only the affected images (edit-nogit at 1,000: "
               u"recomputed ≤ images with an invalidated stage)"_s,
               {},
               {},
               false};
        if (const Result *r = measured(results, u"edit-nogit"_s, 1000, &g.undecided)) {
            const int recomputed = r->extra.value(u"recomputed"_s).toInt(-1);
            const int affected = r->extra.value(u"affected"_s).toInt(-1);
            const int images = r->extra.value(u"images"_s).toInt(-1);
            if (recomputed < 0 || affected < 0) {
                g.undecided = u"edit-nogit reported no image counts"_s;
            } else {
                g.measured = QStringLiteral("%1 of %2 images recomputed; %3 affected")
                                     .arg(recomputed)
                                     .arg(images)
                                     .arg(affected);
                g.met = recomputed <= affected;
            }
        }
        list << g;
    }
    {
        Goal g{u"8"_s,
               u"one tag-list pass for 1,000 stages among 10,000 tags: tag-list "
               u"requests = pages, at most 2 other requests, none per stage"_s,
               {},
               {},
               false};
        if (const Result *r = measured(results, u"registry"_s, 0, &g.undecided)) {
            const int requests = r->extra.value(u"requests"_s).toInt(-1);
            const int tagList = r->extra.value(u"tagListRequests"_s).toInt(-1);
            const int pages = r->extra.value(u"pages"_s).toInt(-1);
            const int stages = r->extra.value(u"stages"_s).toInt(-1);
            if (requests < 0 || tagList < 0 || pages <= 0 || stages <= 0) {
                g.undecided = u"registry reported no request counts"_s;
            } else {
                g.measured = QStringLiteral("%1 requests for %2 stages (%3 per stage): %4 "
                                            "tag-list pages of %5, %6 other")
                                     .arg(requests)
                                     .arg(stages)
                                     .arg(double(requests) / stages, 0, 'f', 3)
                                     .arg(tagList)
                                     .arg(pages)
                                     .arg(requests - tagList);
                g.met = tagList == pages && requests - tagList <= 2;
            }
        }
        list << g;
    }
    {
        Goal g{u"9"_s,
               u"build worker ÷ the same buildah commands in a plain script ≤ 1.10"_s,
               {},
               {},
               false};
        if (const Result *r = measured(results, u"build-overhead"_s, 0, &g.undecided)) {
            const QList<double> script = doubles(r->extra.value(u"scriptMillis"_s));
            if (script.isEmpty() || median(script) <= 0) {
                g.undecided = u"build-overhead reported no plain-script timing"_s;
            } else {
                const double x = median(r->millis) / median(script);
                g.measured = QString::number(x, 'f', 3) + u" (worker "_s
                             + formatMs(median(r->millis)) + u", script "_s
                             + formatMs(median(script)) + u", medians of "_s
                             + QString::number(script.size()) + u')';
                g.met = x <= 1.10;
            }
        }
        list << g;
    }
    list << timeGoal(results,
                     u"9"_s,
                     u"fully cached rebuild of the example under 2 s"_s,
                     u"build-cached"_s,
                     0,
                     2000);
    return list;
}

QString markdown(const DriverOptions &o,
                 const QList<Result> &results,
                 const QMap<int, QString> &projects,
                 const QString &loadBefore,
                 const QString &loadAfter,
                 const QDateTime &started,
                 qint64 elapsedSeconds)
{
    QString md;
    QTextStream s(&md);
    const QList<BenchCase> all = cases();
    s << "# Benchmarks\n\n";
    s << "Written by `tests/benchmarks/run.sh`"
      << (o.smoke   ? " (smoke pass, tiny N)"
          : o.quick ? " (quick pass: N = 150, one run)"
                    : "")
      << ". Ratios are what to compare across machines; absolute times vary.\n\n";
    s << "- Date: " << started.toUTC().toString(Qt::ISODate) << "; the run took "
      << elapsedSeconds / 60 << " min " << elapsedSeconds % 60 << " s\n";
    s << "- Commit: `" << (o.commit.isEmpty() ? u"unknown"_s : o.commit) << "`\n";
    s << "- Build: " << (o.buildType.isEmpty() ? u"unknown"_s : o.buildType) << ", Qt "
      << qVersion() << ", " << QSysInfo::prettyProductName() << "\n";
    s << "- CPU: " << firstLineOf(u"/proc/cpuinfo"_s, u"model name"_s) << ", "
      << QThread::idealThreadCount() << " logical cores\n";
    const qint64 memKiB
            = firstLineOf(u"/proc/meminfo"_s, u"MemTotal"_s).section(u' ', 0, 0).toLongLong();
    s << "- RAM: " << QString::number(double(memKiB) / 1024 / 1024, 'f', 1) << " GiB\n";
    s << "- Load average (1, 5, 15 min) before: " << loadBefore << "; after: " << loadAfter
      << " (other engineers' builds may share the machine)\n";
    const QString dotVersion = graphvizUnavailable().isEmpty() ? toolVersion(u"dot"_s, {u"-V"_s})
                                                               : graphvizUnavailable();
    const QString buildah = QStandardPaths::findExecutable(u"buildah"_s).isEmpty()
                                    ? u"not installed"_s
                                    : toolVersion(u"buildah"_s, {u"--version"_s});
    s << "- Graphviz: " << dotVersion << "; buildah: " << buildah << "\n";
    if (!o.caseIds.isEmpty())
        s << "- Cases chosen: " << o.caseIds.join(u", "_s) << "\n";
    s << "- Method: each case runs in a child process; a child repeats the case up to " << o.runs
      << " times or until " << o.budgetSeconds
      << " s are spent (at least once) and the tables show the median wall time, with the median "
         "CPU time (user + system) of the measuring process, or of `dot` for the anchor, in "
         "parentheses, and the peak RSS. Peak RSS is the child's `ru_maxrss`, which includes "
         "preparing the input (for example loading the project before timing the DOT export); "
         "for Graphviz it is the `dot` process's own, for the build cases the largest process "
         "of the run (stagecraft or a buildah). `dot` runs are killed after "
      << o.timeoutSeconds
      << " s. The build cases run `tests/benchmarks/build_overhead.sh`, which times its own "
         "parts ("
      << o.runs << " run(s)).\n\n";

    if (!projects.isEmpty()) {
        s << "## Projects\n\n";
        s << "Generated by `stagecraft_generate --seed " << o.seed
          << "` (tests/benchmarks/projectgenerator.h).\n\n";
        s << "| N | project |\n|---:|---|\n";
        for (auto it = projects.cbegin(); it != projects.cend(); ++it)
            s << "| " << it.key() << " | " << it.value() << " |\n";
        s << "\n";
    }

    QStringList notes;
    QStringList notRun;
    const auto noteOf = [&notes, &notRun](const QString &title, const Result *r, int n) {
        const QString where = n > 0 ? title + u" at N = "_s + QString::number(n) : title;
        if (!r)
            return;
        if (r->skipped)
            notRun << u"- "_s + where + u": "_s + r->note;
        else if (!r->error.isEmpty())
            notes << u"- "_s + where + u" failed: "_s + r->error;
        else if (!r->note.isEmpty())
            notes << QStringLiteral("- %1: %2; %3 run(s)").arg(where, r->note).arg(r->millis.size());
        else
            notes << QStringLiteral("- %1: %2 run(s)").arg(where).arg(r->millis.size());
    };

    const bool anySized = std::any_of(all.cbegin(), all.cend(), [&results](const BenchCase &c) {
        return !c.sizeIndependent
               && std::any_of(results.cbegin(), results.cend(), [&c](const Result &r) {
                      return r.caseId == c.id;
                  });
    });
    if (anySized) {
        s << "## Medians\n\n";
        s << "| case |";
        for (int n : o.sizes)
            s << " N = " << n << " |";
        s << "\n|---|";
        for (qsizetype i = 0; i < o.sizes.size(); ++i)
            s << "---:|";
        s << "\n";
        for (const BenchCase &c : all) {
            if (c.sizeIndependent || !find(results, c.id, o.sizes.value(0)))
                continue;
            s << "| " << c.title << " |";
            for (int n : o.sizes) {
                const Result *r = find(results, c.id, n);
                s << " " << cell(r) << " |";
                noteOf(c.title, r, n);
            }
            s << "\n";
        }
        s << "\n";
    }

    const bool anyIndependent = std::any_of(results.cbegin(), results.cend(), [](const Result &r) {
        return r.images == 0;
    });
    if (anyIndependent) {
        s << "## Cases independent of N\n\n| case | median |\n|---|---:|\n";
        for (const BenchCase &c : all) {
            const Result *r = c.sizeIndependent ? find(results, c.id) : nullptr;
            if (!r)
                continue;
            s << "| " << c.title << " | " << cell(r) << " |\n";
            noteOf(c.title, r, 0);
            if (c.id == u"build-overhead" && r->error.isEmpty() && !r->skipped) {
                const QList<double> script = doubles(r->extra.value(u"scriptMillis"_s));
                s << "| anchor: the same buildah commands replayed by a plain bash script | "
                  << (script.isEmpty() ? u"—"_s : formatMs(median(script))) << " |\n";
            }
        }
        s << "\n";
    }

    s << "## Ratios to the anchors\n\n";
    if (anySized) {
        s << "| ratio |";
        for (int n : o.sizes)
            s << " N = " << n << " |";
        s << "\n|---|";
        for (qsizetype i = 0; i < o.sizes.size(); ++i)
            s << "---:|";
        s << "\n";
        s << "| load ÷ yaml-cpp LoadAll of the same text |";
        for (int n : o.sizes)
            s << " " << ratio(find(results, u"load"_s, n), find(results, u"yaml-cpp"_s, n)) << " |";
        s << "\n| Stagecraft layout + PNG ÷ Graphviz `dot -Tpng` |";
        for (int n : o.sizes)
            s << " " << ratio(find(results, u"png"_s, n), find(results, u"graphviz-png"_s, n))
              << " |";
        s << "\n\n";
        s << "Below 1× Stagecraft is faster; `< x` means Graphviz was stopped at its timeout, so "
             "the true ratio is smaller still. Both draw the same graph: Graphviz from "
             "Stagecraft's DOT export, Stagecraft through its scene (large graphs at the reduced "
             "scale named in the notes, since a PNG side is limited to 16,384 px).\n\n";
    }
    {
        QString why;
        if (const Result *r = measured(results, u"build-overhead"_s, 0, &why)) {
            const QList<double> script = doubles(r->extra.value(u"scriptMillis"_s));
            s << "- build worker ÷ the same buildah commands in a plain script: "
              << (script.isEmpty() ? u"n/a"_s
                                   : QString::number(median(r->millis) / median(script), 'f', 3))
              << " (medians)\n";
        } else if (find(results, u"build-overhead"_s)) {
            s << "- build worker ÷ plain script: n/a (" << why << ")\n";
        }
        if (const Result *r = measured(results, u"registry"_s, 0, &why)) {
            const int requests = r->extra.value(u"requests"_s).toInt();
            const int stages = qMax(1, r->extra.value(u"stages"_s).toInt());
            s << "- registry: " << QString::number(double(requests) / stages, 'f', 3)
              << " requests per stage (" << requests << " for " << stages << ")\n";
        } else if (find(results, u"registry"_s)) {
            s << "- registry requests per stage: n/a (" << why << ")\n";
        }
    }
    s << "\nRender anchor: " << otherTemplateEngines() << "\n\n";

    s << "## Goals of the issues\n\n";
    s << "Decided by the suite from the figures above (a goal at N = 1,000 needs that size in "
         "the run). The verdict is on the median wall time, as the issues state their goals; "
         "the last column decides the same time goal on the median CPU time of the measuring "
         "process, which other processes on a shared machine inflate much less (compare the "
         "load average above).\n\n";
    s << "| issue | goal | measured | verdict (wall time) | on CPU time |\n"
         "|---|---|---|---|---|\n";
    for (const Goal &g : goals(results)) {
        s << "| " << g.issue << " | " << g.goal << " | "
          << (g.measured.isEmpty() ? u"—"_s : g.measured) << " | "
          << (g.undecided.isEmpty() ? verdict(g.met) : u"not decided: "_s + g.undecided) << " | "
          << (g.undecided.isEmpty() && !g.onCpu.isEmpty() ? g.onCpu : u"—"_s) << " |\n";
    }
    s << "\n";

    if (!notRun.isEmpty())
        s << "## Not run\n\n" << notRun.join(u'\n') << "\n\n";
    if (!notes.isEmpty())
        s << "## Notes per measurement\n\n" << notes.join(u'\n') << "\n";
    return md;
}

bool writeProjects(const DriverOptions &o,
                   const QString &work,
                   int n,
                   QString *dir,
                   QString *noGitDir,
                   QString *description)
{
    *dir = work + u"/project-"_s + QString::number(n) + u"-seed"_s + QString::number(o.seed);
    const Bench::ProjectGenerator generator({n, o.seed, true});
    const Bench::ProjectStats &st = generator.stats();
    // Projects are kept between runs (generating 5,000 images with git takes a while), but one
    // written by another version of the generator is replaced.
    if (QFile::exists(*dir) && readFile(*dir + u"/werf.yaml"_s) != generator.plainConfig()) {
        err() << "replacing the outdated project " << *dir << '\n';
        QDir(*dir).removeRecursively();
    }
    if (!QFile::exists(*dir + u"/werf.yaml"_s)) {
        QString error;
        QElapsedTimer t;
        t.start();
        if (!generator.write(*dir, &error)) {
            err() << "stagecraft_bench: " << error << '\n';
            return false;
        }
        err() << "generated N=" << n << " in " << t.elapsed() << " ms\n";
    }
    *noGitDir = *dir + u"-nogit"_s;
    const Bench::ProjectGenerator noGit({n, o.seed, false, false});
    if (QFile::exists(*noGitDir) && readFile(*noGitDir + u"/werf.yaml"_s) != noGit.plainConfig())
        QDir(*noGitDir).removeRecursively();
    QString error;
    if (!QFile::exists(*noGitDir + u"/werf.yaml"_s) && !noGit.write(*noGitDir, &error)) {
        err() << "stagecraft_bench: " << error << '\n';
        return false;
    }
    *description = QStringLiteral("%1 images, %2 artifacts, %3 Dockerfile images; %4 imports, "
                                  "%5 git mappings; werf.yaml %6 KiB; %7 files in 3 commits")
                           .arg(st.images)
                           .arg(st.artifacts)
                           .arg(st.dockerfiles)
                           .arg(st.imports)
                           .arg(st.gitMappings)
                           .arg(generator.plainConfig().size() / 1024)
                           .arg(st.sourceFiles)
                   + u"; the *-nogit cases run the same config without git mappings, outside a "
                     u"repository"_s;
    return true;
}

int runDriver(const DriverOptions &o)
{
    QTemporaryDir tmp;
    const QString work = o.workDir.isEmpty() ? tmp.path() : o.workDir;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    const QString loadBefore = loadAverage();
    QList<BenchCase> selected;
    for (const BenchCase &c : cases()) {
        if (o.caseIds.isEmpty() || o.caseIds.contains(c.id))
            selected.append(c);
    }
    QList<Result> results;
    QMap<int, QString> projects;
    bool failed = false;

    // A case that cannot run here is reported, not dropped; in CI's smoke pass it is a failure,
    // since a missing tool there means bootstrap.sh's package list is wrong.
    const auto notRunnable = [&](const BenchCase &c, int n) -> std::optional<Result> {
        const QString why = unavailable(c, o);
        if (why.isEmpty())
            return std::nullopt;
        Result r;
        r.caseId = c.id;
        r.images = n;
        if (o.strict) {
            r.error = u"not run in CI: "_s + why;
            failed = true;
        } else {
            r.skipped = true;
            r.note = u"not run: "_s + why;
        }
        err() << (n > 0 ? QStringLiteral("N=%1 ").arg(n) : QString()) << c.id << " " << r.note
              << r.error << '\n';
        return r;
    };
    const auto run = [&](const BenchCase &c, int n, const QString &dir) {
        err() << (n > 0 ? QStringLiteral("N=%1 ").arg(n) : QString()) << c.id << " ..."
              << Qt::flush;
        Result r = runCase(c, n, dir, o);
        // Paths inside the work directory say the same without the machine's prefix.
        r.error.replace(work + u'/', QString());
        err() << " " << cell(&r) << (r.error.isEmpty() ? QString() : u" ("_s + r.error + u')')
              << '\n'
              << Qt::flush;
        failed = failed || !r.error.isEmpty();
        results.append(r);
    };

    const bool anySized = std::any_of(selected.cbegin(), selected.cend(), [](const BenchCase &c) {
        return !c.sizeIndependent;
    });
    for (int n : anySized ? o.sizes : QList<int>()) {
        QString dir;
        QString noGitDir;
        QString description;
        if (!writeProjects(o, work, n, &dir, &noGitDir, &description))
            return 1;
        projects.insert(n, description);
        for (const BenchCase &c : selected) {
            if (c.sizeIndependent)
                continue;
            if (std::optional<Result> r = notRunnable(c, n)) {
                results.append(*r);
                continue;
            }
            const bool timedOutBefore = std::any_of(results.cbegin(),
                                                    results.cend(),
                                                    [&c](const Result &r) {
                                                        return r.caseId == c.id && r.timedOut;
                                                    });
            if (n > c.maxImages || timedOutBefore) {
                Result r;
                r.caseId = c.id;
                r.images = n;
                r.skipped = true;
                r.note = timedOutBefore ? u"not run: timed out at a smaller N"_s
                                        : u"not run at this N"_s;
                results.append(r);
                continue;
            }
            run(c, n, c.noGit ? noGitDir : dir);
        }
    }
    for (const BenchCase &c : selected) {
        if (!c.sizeIndependent)
            continue;
        if (std::optional<Result> r = notRunnable(c, 0))
            results.append(*r);
        else
            run(c, 0, work);
    }

    const QString md = markdown(o,
                                results,
                                projects,
                                loadBefore,
                                loadAverage(),
                                started,
                                clock.elapsed() / 1000);
    if (o.output.isEmpty()) {
        QTextStream(stdout) << md;
    } else {
        QFile f(o.output);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(md.toUtf8()) < 0) {
            err() << "stagecraft_bench: cannot write " << o.output << '\n';
            return 1;
        }
        err() << "wrote " << o.output << " (" << clock.elapsed() / 1000 << " s)\n";
    }
    // A case that fails to run is a bug worth a red CI; a slow case never is.
    return failed ? 1 : 0;
}

/** The stagecraft executable built next to this one, if any. */
QString defaultStagecraft()
{
#ifdef STAGECRAFT_APP_PATH
    return QString::fromUtf8(STAGECRAFT_APP_PATH);
#else
    return {};
#endif
}

QString defaultBuildScript()
{
#ifdef STAGECRAFT_BENCH_SOURCE_DIR
    return QString::fromUtf8(STAGECRAFT_BENCH_SOURCE_DIR "/build_overhead.sh");
#else
    return {};
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    // The PNG case draws through QGraphicsScene, which needs a QApplication (offscreen).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stagecraft_bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stagecraft's benchmark suite; writes BENCHMARKS.md."_s);
    parser.addHelpOption();
    const QCommandLineOption sizes(u"sizes"_s,
                                   u"Image counts, comma-separated."_s,
                                   u"N,..."_s,
                                   u"150,1000,5000"_s);
    const QCommandLineOption runs(u"runs"_s,
                                  u"Timed runs per case (upper bound)."_s,
                                  u"R"_s,
                                  u"5"_s);
    const QCommandLineOption budget(u"budget"_s,
                                    u"Seconds a case may spend repeating."_s,
                                    u"S"_s,
                                    u"30"_s);
    const QCommandLineOption timeout(u"timeout"_s,
                                     u"Seconds before a dot run is killed."_s,
                                     u"S"_s,
                                     u"120"_s);
    const QCommandLineOption seed(u"seed"_s, u"Generator seed."_s, u"SEED"_s, u"1"_s);
    const QCommandLineOption work(u"work"_s,
                                  u"Directory for the generated projects (kept)."_s,
                                  u"DIR"_s);
    const QCommandLineOption output(u"output"_s,
                                    u"Markdown file to write (default: stdout)."_s,
                                    u"FILE"_s);
    const QCommandLineOption commit(u"commit"_s, u"Commit id to print."_s, u"SHA"_s);
    const QCommandLineOption buildType(u"build-type"_s, u"Build description to print."_s, u"TEXT"_s);
    const QCommandLineOption smoke(u"smoke"_s,
                                   u"Tiny N, one run each: checks that every case runs. With "
                                   u"CI=true a case whose tool is missing fails."_s);
    const QCommandLineOption quick(u"quick"_s, u"A quick pass: N = 150 only, one run each."_s);
    const QCommandLineOption caseList(u"cases"_s,
                                      u"Only these cases, comma-separated (see --list-cases)."_s,
                                      u"ID,..."_s);
    const QCommandLineOption listCases(u"list-cases"_s, u"Print the case ids and exit."_s);
    const QCommandLineOption stagecraft(u"stagecraft"_s,
                                        u"The stagecraft executable, for the build cases."_s,
                                        u"PATH"_s,
                                        defaultStagecraft());
    const QCommandLineOption buildScript(u"build-script"_s,
                                         u"tests/benchmarks/build_overhead.sh, for the build "
                                         u"cases."_s,
                                         u"PATH"_s,
                                         defaultBuildScript());
    const QCommandLineOption caseOption(u"case"_s,
                                        u"Internal: run one case (child mode)."_s,
                                        u"ID"_s);
    const QCommandLineOption project(u"project"_s,
                                     u"Internal: project directory of --case."_s,
                                     u"DIR"_s);
    parser.addOptions({sizes,
                       runs,
                       budget,
                       timeout,
                       seed,
                       work,
                       output,
                       commit,
                       buildType,
                       smoke,
                       quick,
                       caseList,
                       listCases,
                       stagecraft,
                       buildScript,
                       caseOption,
                       project});
    parser.process(app);

    if (parser.isSet(listCases)) {
        QTextStream out(stdout);
        for (const BenchCase &c : cases())
            out << c.id << '\t' << c.title << '\n';
        return 0;
    }

    if (parser.isSet(caseOption)) {
        CaseContext ctx;
        ctx.projectDir = parser.value(project);
        ctx.runs = qMax(1, parser.value(runs).toInt());
        ctx.budgetMs = parser.value(budget).toDouble() * 1000;
        ctx.timeoutSeconds = qMax(1, parser.value(timeout).toInt());
        ctx.stagecraft = parser.value(stagecraft);
        ctx.buildScript = parser.value(buildScript);
        return runChild(parser.value(caseOption), ctx);
    }

    DriverOptions o;
    o.smoke = parser.isSet(smoke);
    o.quick = parser.isSet(quick);
    for (const QString &n : parser.value(sizes).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = n.trimmed().toInt(&ok);
        if (!ok || value < 1) {
            err() << "stagecraft_bench: bad size " << n << '\n';
            return 2;
        }
        o.sizes.append(value);
    }
    o.runs = qMax(1, parser.value(runs).toInt());
    o.budgetSeconds = qMax(0.0, parser.value(budget).toDouble());
    o.timeoutSeconds = qMax(1, parser.value(timeout).toInt());
    o.seed = parser.value(seed).toULongLong();
    if (o.quick) {
        o.sizes = {150};
        o.runs = 1;
        o.budgetSeconds = 0;
    }
    if (o.smoke) {
        o.sizes = {6};
        o.runs = 1;
        o.budgetSeconds = 0;
        o.timeoutSeconds = 120;
        o.strict = qEnvironmentVariable("CI") == u"true";
    }
    for (const QString &id : parser.value(caseList).split(u',', Qt::SkipEmptyParts)) {
        const QList<BenchCase> all = cases();
        if (std::none_of(all.cbegin(), all.cend(), [&id](const BenchCase &c) {
                return c.id == id.trimmed();
            })) {
            err() << "stagecraft_bench: unknown case " << id << " (see --list-cases)\n";
            return 2;
        }
        o.caseIds.append(id.trimmed());
    }
    o.workDir = parser.value(work);
    o.output = parser.value(output);
    o.commit = parser.value(commit);
    o.buildType = parser.value(buildType);
    // Absolute, since the build script runs them from its own directory.
    if (!parser.value(stagecraft).isEmpty())
        o.stagecraft = QFileInfo(parser.value(stagecraft)).absoluteFilePath();
    if (!parser.value(buildScript).isEmpty())
        o.buildScript = QFileInfo(parser.value(buildScript)).absoluteFilePath();
    return runDriver(o);
}

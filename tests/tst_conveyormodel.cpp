// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "conveyorfixtures.h"
#include "models/conveyorfilterproxymodel.h"
#include "models/conveyormodel.h"
#include "models/dockerfilestages.h"
#include "models/stagestatus.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;
using namespace Stagecraft::Tests;

class tst_ConveyorModel : public QObject
{
    Q_OBJECT

private slots:
    void structure();
    void roles();
    void statuses();
    void changedRowsOnly();
    void problems();
    void filter_data();
    void filter();
    void largeUnderTester();
    void summary_data();
    void summary();
    void dockerfileStages();
    void inputs_data();
    void inputs();
    void inputEdges();
    void generatedInputs();
    void mountInputs();
    void corpusUnderTester();
};

namespace {

/** The bundled example as the window loads it: conveyor, diagnostics and stage inputs. */
struct LoadedModel
{
    LoadedProject project;
    ConveyorInputs inputs;
};

LoadedModel loadExample()
{
    LoadedModel result;
    result.project = loadProject(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example"));
    result.inputs = conveyorInputs(result.project.conveyor,
                                   result.project.config,
                                   result.project.sourceMap);
    return result;
}

int imageNamed(const Conveyor &c, const QString &name)
{
    for (int i = 0; i < c.images.size(); ++i) {
        if (c.images.at(i).name == name && c.images.at(i).kind != ImageKind::External)
            return i;
    }
    return -1;
}

/** "directive: value @line:col" for each input row of a stage. */
QStringList inputRows(const ConveyorModel &model, int image, StageId stage)
{
    QStringList rows;
    const QModelIndex parent = model.indexForStage(image, stage);
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex input = model.index(r, 0, parent);
        rows.append(input.data().toString() + QStringLiteral(" @")
                    + QString::number(input.data(ConveyorModel::LineRole).toInt()) + u':'
                    + QString::number(input.data(ConveyorModel::ColumnRole).toInt()));
    }
    return rows;
}

} // namespace

void tst_ConveyorModel::structure()
{
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Conveyor c = exampleConveyor();
    model.setConveyor(c);
    QCOMPARE(model.rowCount(), c.images.size());
    QCOMPARE(model.columnCount(), int(ConveyorModel::ColumnCount));
    for (int i = 0; i < c.images.size(); ++i) {
        const QModelIndex image = model.index(i, 0);
        QCOMPARE(model.rowCount(image), c.images.at(i).stages.size());
        QCOMPARE(model.imageForIndex(image), i);
        for (int s = 0; s < c.images.at(i).stages.size(); ++s) {
            const QModelIndex stage = model.index(s, 0, image);
            QCOMPARE(stage.parent(), image);
            QCOMPARE(model.stageForIndex(stage), c.images.at(i).stages.at(s).id);
            QCOMPARE(model.indexForStage(i, c.images.at(i).stages.at(s).id), stage);
        }
    }
    // app's importsAfterInstall has one input: the import of tools.
    const QModelIndex imports = model.indexForStage(3, StageId::ImportsAfterInstall);
    QCOMPARE(model.rowCount(imports), 1);
    const QModelIndex input = model.index(0, 0, imports);
    QCOMPARE(input.parent(), imports);
    QCOMPARE(model.edgeForIndex(input), 3);
    QCOMPARE(input.data().toString(), QStringLiteral("import tools: /out/bin → /usr/local/bin"));
    QCOMPARE(model.rowCount(input), 0);
    // from of app has the fromImage input.
    QCOMPARE(model.index(0, 0, model.indexForStage(3, StageId::From)).data().toString(),
             QStringLiteral("fromImage base"));
    QCOMPARE(model.headerData(ConveyorModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
}

void tst_ConveyorModel::roles()
{
    ConveyorModel model;
    model.setConveyor(exampleConveyor());
    const QModelIndex tools = model.indexForImage(1);
    QCOMPARE(tools.data().toString(), QStringLiteral("tools"));
    QCOMPARE(tools.data(ConveyorModel::KindRole).toInt(), int(ImageKind::Artifact));
    QCOMPARE(tools.data(ConveyorModel::NodeTypeRole).toInt(), int(ConveyorModel::NodeType::Image));
    QCOMPARE(tools.data(ConveyorModel::LocationRole).toString(), QStringLiteral("werf.yaml:8:1"));
    QCOMPARE(tools.data(ConveyorModel::LineRole).toInt(), 8);
    QCOMPARE(tools.data(ConveyorModel::ReadOnlyRole).toBool(), false);
    const QModelIndex external = model.indexForImage(0);
    QCOMPARE(external.data(ConveyorModel::ReadOnlyRole).toBool(), true);
    QCOMPARE(model.rowCount(external), 0);
    const QModelIndex install = model.indexForStage(1, StageId::Install);
    QCOMPARE(install.data().toString(), QStringLiteral("install"));
    QCOMPARE(install.data(ConveyorModel::StageIdRole).toInt(), int(StageId::Install));
    QCOMPARE(install.data(ConveyorModel::StatusRole).toInt(), int(StageStatus::Unknown));

    model.setReadOnlyImages({{3, QStringLiteral("generated by range at werf.yaml:30:1")}});
    QCOMPARE(model.indexForImage(3).data(ConveyorModel::ReadOnlyRole).toBool(), true);
    QCOMPARE(model.indexForStage(3, StageId::Setup)
                     .data(ConveyorModel::ReadOnlyReasonRole)
                     .toString(),
             QStringLiteral("generated by range at werf.yaml:30:1"));
}

void tst_ConveyorModel::statuses()
{
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Conveyor c = exampleConveyor();
    model.setConveyor(c);
    QSignalSpy changed(&model, &ConveyorModel::dataChanged);
    StageStatuses statuses;
    statuses.insert(statusKey(c.images.at(1), StageId::From), StageStatus::Cached);
    statuses.insert(statusKey(c.images.at(1), StageId::Install), StageStatus::Cached);
    statuses.insert(statusKey(c.images.at(3), StageId::Install), StageStatus::Failed);
    model.setStatuses(statuses);
    QVERIFY(changed.count() > 0);
    QCOMPARE(model.indexForImage(1).data(ConveyorModel::StatusRole).toInt(),
             int(StageStatus::Cached));
    QCOMPARE(model.indexForImage(3).data(ConveyorModel::StatusRole).toInt(),
             int(StageStatus::Failed));
    QCOMPARE(model.indexForImage(2).data(ConveyorModel::StatusRole).toInt(),
             int(StageStatus::Unknown));
    QCOMPARE(model.indexForStage(3, StageId::Install, ConveyorModel::StatusColumn).data().toString(),
             QStringLiteral("Failed"));
    QCOMPARE(model.indexForStage(3, StageId::Install, ConveyorModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .value<QColor>(),
             stageStatusColor(StageStatus::Failed));
    model.setSignatures({{statusKey(c.images.at(1), StageId::Install), QStringLiteral("abc123")}});
    QCOMPARE(model.indexForStage(1, StageId::Install, ConveyorModel::SignatureColumn)
                     .data()
                     .toString(),
             QStringLiteral("abc123"));
}

void tst_ConveyorModel::changedRowsOnly()
{
    // A what-if applied to a large tree: views do work per row a dataChanged covers, so only
    // the rows whose data changed are signalled, adjacent rows as one range.
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Conveyor c = exampleConveyor();
    model.setConveyor(c);
    const ConveyorImage &image = c.images.at(3);
    QVERIFY(image.stages.size() >= 3);
    const StageId first = image.stages.at(0).id;
    const StageId second = image.stages.at(1).id;
    const StageId last = image.stages.last().id;
    QSignalSpy changed(&model, &ConveyorModel::dataChanged);
    auto ranges = [&changed] {
        QStringList list;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex from = args.at(0).toModelIndex();
            const QModelIndex to = args.at(1).toModelIndex();
            const QString parent = from.parent().isValid()
                                           ? QString::number(from.parent().row()) + u'/'
                                           : QString();
            list.append(parent + QString::number(from.row()) + u'-' + QString::number(to.row()));
            if (from.column() != 0 || to.column() != ConveyorModel::ColumnCount - 1)
                list.last() += QStringLiteral(" (columns %1-%2)").arg(from.column()).arg(to.column());
        }
        changed.clear();
        return list.join(u", ");
    };

    // Two adjacent stages and the last one of image 3 (app): two ranges, and the image's summary.
    StageStatuses statuses{{statusKey(image, first), StageStatus::Invalidated},
                           {statusKey(image, second), StageStatus::Invalidated},
                           {statusKey(image, last), StageStatus::Invalidated}};
    model.setStatuses(statuses);
    const QString lastRow = QString::number(image.stages.size() - 1);
    QCOMPARE(ranges(), u"3-3, 3/0-1, 3/"_s + lastRow + u'-' + lastRow);
    // A status that leaves the summary as it is: the stage row only.
    statuses.insert(statusKey(image, last), StageStatus::Building);
    model.setStatuses(statuses);
    QCOMPARE(model.imageStatus(3), StageStatus::Building);
    ranges();
    statuses.insert(statusKey(image, first), StageStatus::Failed);
    statuses.insert(statusKey(image, first), StageStatus::Invalidated);
    model.setStatuses(statuses);
    QCOMPARE(ranges(), QString());
    // Signatures and reasons of one stage: that row, no image row.
    model.setSignaturesAndReasons({{statusKey(image, second), u"abc"_s}},
                                  {{statusKey(image, second), {u"install commands"_s}}});
    QCOMPARE(ranges(), u"3/1-1"_s);
    QCOMPARE(model.indexForStage(3, second, ConveyorModel::SignatureColumn).data().toString(),
             u"abc"_s);
    // Removing them signals the same row again; the same maps again signal nothing.
    model.setSignaturesAndReasons({}, {});
    QCOMPARE(ranges(), u"3/1-1"_s);
    model.setSignaturesAndReasons({}, {});
    QCOMPARE(ranges(), QString());
    QCOMPARE(model.stageReasons(3, second), QStringList());
}

void tst_ConveyorModel::problems()
{
    ConveyorModel model;
    Conveyor c = exampleConveyor();
    c.diagnostics.append(Diagnostic::error(QStringLiteral("unknown directive"), at(44, 3)));
    model.setConveyor(c,
                      {Diagnostic::error(QStringLiteral("meta problem"), at(2, 1)),
                       Diagnostic::error(QStringLiteral("unknown directive"), at(44, 3))});
    QCOMPARE(model.diagnostics().size(), 2); // the duplicate is merged
    QCOMPARE(model.problemsForImage(3).size(), 1);
    QCOMPARE(model.imageForDiagnostic(model.diagnostics().at(1)), -1);
    const QStringList lines = model.indexForImage(3).data(ConveyorModel::ProblemsRole).toStringList();
    QCOMPARE(lines, QStringList{QStringLiteral("werf.yaml:44:3: error: unknown directive")});
    QVERIFY(model.indexForImage(2).data(ConveyorModel::ProblemsRole).toStringList().isEmpty());
}

void tst_ConveyorModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("showExternal");
    QTest::addColumn<QStringList>("images");
    QTest::newRow("all") << QString() << true
                         << QStringList{QStringLiteral("localhost/stagecraft-busybox:1.35"),
                                        QStringLiteral("tools"),
                                        QStringLiteral("base"),
                                        QStringLiteral("app"),
                                        QStringLiteral("web")};
    QTest::newRow("no externals") << QString() << false
                                  << QStringList{QStringLiteral("tools"),
                                                 QStringLiteral("base"),
                                                 QStringLiteral("app"),
                                                 QStringLiteral("web")};
    QTest::newRow("name") << QStringLiteral("AP") << true << QStringList{QStringLiteral("app")};
    QTest::newRow("stage") << QStringLiteral("gitcache") << true
                           << QStringList{QStringLiteral("app")};
    QTest::newRow("input") << QStringLiteral("import tools") << true
                           << QStringList{QStringLiteral("app")};
    QTest::newRow("install") << QStringLiteral("install") << false
                             << QStringList{QStringLiteral("tools"),
                                            QStringLiteral("base"),
                                            QStringLiteral("app")};
    QTest::newRow("nothing") << QStringLiteral("zzz") << true << QStringList{};
}

void tst_ConveyorModel::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, showExternal);
    QFETCH(QStringList, images);
    ConveyorModel model;
    ConveyorFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConveyor(exampleConveyor());
    proxy.setSearchText(text);
    proxy.setShowExternal(showExternal);
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown.append(proxy.index(r, 0).data().toString());
    QCOMPARE(shown, images);
    proxy.setSearchText({});
    proxy.setShowExternal(true);
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void tst_ConveyorModel::largeUnderTester()
{
    ConveyorModel model;
    ConveyorFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Conveyor c = generatedConveyor(150, 7);
    model.setConveyor(c);
    proxy.setSearchText(QStringLiteral("artifact-00"));
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < model.rowCount());
    StageStatuses statuses;
    for (const ConveyorImage &image : c.images) {
        for (const ConveyorStage &stage : image.stages)
            statuses.insert(statusKey(image, stage.id), StageStatus::Cached);
    }
    model.setStatuses(statuses);
    model.setConveyor(generatedConveyor(120, 8));
    QCOMPARE(model.rowCount(), generatedConveyor(120, 8).images.size());
}

void tst_ConveyorModel::summary_data()
{
    QTest::addColumn<QList<StageStatus>>("stages");
    QTest::addColumn<StageStatus>("expected");
    using S = StageStatus;
    QTest::newRow("empty") << QList<S>{} << S::Unknown;
    QTest::newRow("all cached") << QList<S>{S::Cached, S::Cached} << S::Cached;
    QTest::newRow("cached+built") << QList<S>{S::Cached, S::Built} << S::Built;
    QTest::newRow("one unknown") << QList<S>{S::Cached, S::Unknown} << S::Unknown;
    QTest::newRow("invalidated") << QList<S>{S::Cached, S::Invalidated, S::Unknown}
                                 << S::Invalidated;
    QTest::newRow("building") << QList<S>{S::Built, S::Building, S::Invalidated} << S::Building;
    QTest::newRow("failed wins") << QList<S>{S::Building, S::Failed, S::Cached} << S::Failed;
}

void tst_ConveyorModel::summary()
{
    QFETCH(QList<StageStatus>, stages);
    QFETCH(StageStatus, expected);
    QCOMPARE(summarizeStatuses(stages), expected);
}

void tst_ConveyorModel::dockerfileStages()
{
    QFile file(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/web/Dockerfile"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<DockerfileStage> stages = parseDockerfileStages(file.readAll());
    QCOMPARE(stages.size(), 2);
    QCOMPARE(stages.at(0).name, QStringLiteral("build"));
    QCOMPARE(stages.at(0).base, QStringLiteral("localhost/stagecraft-busybox:1.35"));
    QCOMPARE(stages.at(0).line, 1);
    QCOMPARE(stages.at(1).name, QStringLiteral("1"));
    QCOMPARE(stages.at(1).dependsOn, QList<int>{0});

    const QByteArray tricky = "# syntax=docker/dockerfile:1\r\n"
                              "from golang:1.21 as Builder\r\n"
                              "RUN --mount=type=cache,from=builder,target=/x \\\r\n"
                              "    go build\r\n"
                              "FROM builder AS test\n"
                              "FROM scratch\n"
                              "COPY --chown=1:1 --from=test /a /b\n"
                              "COPY --from=nginx:latest /c /d\n";
    const QList<DockerfileStage> t = parseDockerfileStages(tricky);
    QCOMPARE(t.size(), 3);
    QCOMPARE(t.at(0).name, QStringLiteral("Builder"));
    QCOMPARE(t.at(0).line, 2);
    QCOMPARE(t.at(1).dependsOn, QList<int>{0});
    QCOMPARE(t.at(2).line, 6);
    QCOMPARE(t.at(2).dependsOn, QList<int>{1});
    QVERIFY(parseDockerfileStages("\\\n\\").isEmpty());
}

void tst_ConveyorModel::inputs_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<StageId>("stage");
    QTest::addColumn<QStringList>("rows");
    auto rows = [](std::initializer_list<const char *> list) {
        QStringList result;
        for (const char *r : list)
            result.append(QString::fromUtf8(r));
        return result;
    };
    QTest::newRow("tools install: each command")
            << QStringLiteral("tools") << StageId::Install
            << rows({"install: mkdir -p /out/bin @12:5",
                     "install: printf '#!/bin/sh\\necho \"hello from stagecraft\"\\n' > "
                     "/out/bin/hello @13:5",
                     "install: chmod 0755 /out/bin/hello @14:5"});
    QTest::newRow("base from: from and fromCacheVersion")
            << QStringLiteral("base") << StageId::From
            << rows({"from: localhost/stagecraft-busybox:1.35 @17:7",
                     "fromCacheVersion: 2026-12 @18:19"});
    QTest::newRow("base docker: each instruction")
            << QStringLiteral("base") << StageId::DockerInstructions
            << rows({"WORKDIR: /srv/app @24:12", "USER: app @25:9"});
    QTest::newRow("app from: fromImage")
            << QStringLiteral("app") << StageId::From << rows({"fromImage: base @28:12"});
    QTest::newRow("app gitArchive: the mapping")
            << QStringLiteral("app") << StageId::GitArchive
            << rows({"git: /resources/example/app → /srv/app @30:3"});
    QTest::newRow("app install: command, cacheVersion, stageDependencies")
            << QStringLiteral("app") << StageId::Install
            << rows({"install: sh /srv/app/configure.sh @48:5",
                     "cacheVersion: 1 @51:17",
                     "stageDependencies: configure.sh (/resources/example/app) @38:7"});
    QTest::newRow("app setup: glob from stageDependencies")
            << QStringLiteral("app") << StageId::Setup
            << rows({"setup: cat /srv/app/app.conf > /srv/app/BUILD @50:5",
                     "cacheVersion: 1 @51:17",
                     "stageDependencies: **/*.conf (/resources/example/app) @40:7"});
    QTest::newRow("app importsAfterInstall: the import")
            << QStringLiteral("app") << StageId::ImportsAfterInstall
            << rows({"import: tools: /out/bin → /usr/local/bin @42:3"});
    QTest::newRow("app docker") << QStringLiteral("app") << StageId::DockerInstructions
                                << rows({"EXPOSE: 8080 @54:5",
                                         "ENV: APP_MODE=production @56:5",
                                         "CMD: [\"/usr/local/bin/hello\"] @57:8"});
    QTest::newRow("web dockerfile") << QStringLiteral("web") << StageId::Dockerfile
                                    << rows({"dockerfile: web/Dockerfile @60:13",
                                             "context: web @61:10",
                                             "args: GREETING=hello @63:3"});
}

void tst_ConveyorModel::inputs()
{
    QFETCH(QString, image);
    QFETCH(StageId, stage);
    QFETCH(QStringList, rows);
    const LoadedModel loaded = loadExample();
    QVERIFY2(loaded.project.ok(), qPrintable(loaded.project.diagnostics.value(0).toString()));
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConveyor(loaded.project.conveyor, loaded.project.diagnostics, loaded.inputs);
    const int i = imageNamed(model.conveyor(), image);
    QVERIFY(i >= 0);
    QCOMPARE(inputRows(model, i, stage), rows);
    const QModelIndex first = model.index(0, 0, model.indexForStage(i, stage));
    QCOMPARE(first.data(ConveyorModel::NodeTypeRole).toInt(), int(ConveyorModel::NodeType::Input));
    QCOMPARE(first.data(ConveyorModel::ReadOnlyRole).toBool(), false);
    QVERIFY(first.data(ConveyorModel::LocationRole)
                    .toString()
                    .endsWith(QStringLiteral("werf.yaml:") + rows.first().section(u'@', -1)));
    QCOMPARE(first.data(ConveyorModel::ValueRole).toString() + u' ',
             rows.first().section(QStringLiteral(": "), 1).section(u'@', 0, 0));
}

void tst_ConveyorModel::inputEdges()
{
    const LoadedModel loaded = loadExample();
    ConveyorModel model;
    model.setConveyor(loaded.project.conveyor, loaded.project.diagnostics, loaded.inputs);
    const Conveyor &c = model.conveyor();
    // Every edge is reachable from exactly one input row of the stage where it acts.
    QList<int> seen;
    for (int i = 0; i < c.images.size(); ++i) {
        for (const ConveyorStage &stage : c.images.at(i).stages) {
            const QModelIndex parent = model.indexForStage(i, stage.id);
            for (int r = 0; r < model.rowCount(parent); ++r) {
                const int e = model.edgeForIndex(model.index(r, 0, parent));
                if (e < 0)
                    continue;
                QCOMPARE(c.edges.at(e).target, i);
                QCOMPARE(c.edges.at(e).targetStage, stage.id);
                seen.append(e);
            }
        }
    }
    std::sort(seen.begin(), seen.end());
    QList<int> all;
    for (int e = 0; e < c.edges.size(); ++e)
        all.append(e);
    QCOMPARE(seen, all);
    // The import row is the import directive and carries the edge to the artifact.
    const int app = imageNamed(c, QStringLiteral("app"));
    const QModelIndex import = model.index(0,
                                           0,
                                           model.indexForStage(app, StageId::ImportsAfterInstall));
    QCOMPARE(import.data(ConveyorModel::DirectiveRole).toString(), QStringLiteral("import"));
    QCOMPARE(c.edges.at(model.edgeForIndex(import)).source, imageNamed(c, QStringLiteral("tools")));
    QCOMPARE(import.data(ConveyorModel::KindRole).toInt(), int(EdgeKind::Import));
    // A problem on the line of a directive shows on its row.
    const SourceLocation importAt = c.edges.at(model.edgeForIndex(import)).location;
    const Diagnostics extra{Diagnostic::error(QStringLiteral("bad import"), importAt)};
    model.setConveyor(loaded.project.conveyor, extra, loaded.inputs);
    const QModelIndex again = model.index(0,
                                          0,
                                          model.indexForStage(app, StageId::ImportsAfterInstall));
    QCOMPARE(again.data(ConveyorModel::ProblemsRole).toStringList().size(), 1);
    // Without the config's inputs the stages still list their edges.
    model.setConveyor(loaded.project.conveyor);
    QCOMPARE(inputRows(model, app, StageId::From).size(), 1);
    QCOMPARE(model.index(0, 0, model.indexForStage(app, StageId::From)).data().toString(),
             QStringLiteral("fromImage base"));
    QCOMPARE(model.rowCount(model.indexForStage(app, StageId::Install)), 0);
}

void tst_ConveyorModel::generatedInputs()
{
    // Commands from a range are generated; the literal command and the image name are not.
    const QByteArray text = QByteArrayLiteral("project: p\n"
                                              "configVersion: 1\n"
                                              "---\n"
                                              "image: app\n"
                                              "from: alpine:3.18\n"
                                              "shell:\n"
                                              "  install:\n"
                                              "  - echo literal\n"
                                              "{{- range list \"a\" \"b\" }}\n"
                                              "  - echo {{ . }}\n"
                                              "{{- end }}\n"
                                              "{{ range list \"x\" }}---\n"
                                              "image: gen-{{ . }}\n"
                                              "from: alpine:3.18\n"
                                              "{{ end }}");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("werf.yaml"));
    const LoadedProject project = loadText(config, text);
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    const ConveyorInputs inputs = conveyorInputs(project.conveyor,
                                                 project.config,
                                                 project.sourceMap);
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConveyor(project.conveyor, project.diagnostics, inputs);
    const int app = imageNamed(model.conveyor(), QStringLiteral("app"));
    const QModelIndex install = model.indexForStage(app, StageId::Install);
    QCOMPARE(model.rowCount(install), 3);
    const QModelIndex literal = model.index(0, 0, install);
    QCOMPARE(literal.data(ConveyorModel::ValueRole).toString(), QStringLiteral("echo literal"));
    QCOMPARE(literal.data(ConveyorModel::ReadOnlyRole).toBool(), false);
    QCOMPARE(literal.data(ConveyorModel::LineRole).toInt(), 8);
    const QModelIndex generated = model.index(1, 0, install);
    QCOMPARE(generated.data(ConveyorModel::ValueRole).toString(), QStringLiteral("echo a"));
    QCOMPARE(generated.data(ConveyorModel::ReadOnlyRole).toBool(), true);
    QVERIFY2(generated.data(ConveyorModel::ReadOnlyReasonRole)
                     .toString()
                     .contains(QStringLiteral("werf.yaml:10:")),
             qPrintable(generated.data(ConveyorModel::ReadOnlyReasonRole).toString()));
    QCOMPARE(model.indexForImage(app).data(ConveyorModel::ReadOnlyRole).toBool(), false);
    const int gen = imageNamed(model.conveyor(), QStringLiteral("gen-x"));
    QVERIFY(gen >= 0);
    QCOMPARE(model.indexForImage(gen).data(ConveyorModel::ReadOnlyRole).toBool(), true);
}

void tst_ConveyorModel::mountInputs()
{
    // werf hashes mounts into the from stage only (reference §5.4.1): they are listed there, in
    // config order after fromCacheVersion, each with its source and where the item starts.
    const QByteArray text = QByteArrayLiteral("project: p\n"
                                              "configVersion: 1\n"
                                              "---\n"
                                              "image: app\n"
                                              "from: alpine:3.18\n"
                                              "fromCacheVersion: 3\n"
                                              "mount:\n"
                                              "- from: tmp_dir\n"
                                              "  to: /var/lib/apt/lists\n"
                                              "- to: /root/.cache\n"
                                              "  from: build_dir\n"
                                              "- fromPath: ~/go-cache\n"
                                              "  to: /go/pkg\n"
                                              "shell:\n"
                                              "  install:\n"
                                              "  - echo hi\n");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadedProject project = loadText(dir.filePath(QStringLiteral("werf.yaml")), text);
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    ConveyorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConveyor(project.conveyor,
                      project.diagnostics,
                      conveyorInputs(project.conveyor, project.config, project.sourceMap));
    const int app = imageNamed(model.conveyor(), QStringLiteral("app"));
    QVERIFY(app >= 0);
    QCOMPARE(inputRows(model, app, StageId::From),
             QStringList({QStringLiteral("from: alpine:3.18 @5:7"),
                          QStringLiteral("fromCacheVersion: 3 @6:19"),
                          QStringLiteral("mount: tmp_dir → /var/lib/apt/lists @8:3"),
                          QStringLiteral("mount: build_dir → /root/.cache @10:3"),
                          QStringLiteral("mount: ~/go-cache → /go/pkg @12:3")}));
    const QModelIndex mount = model.index(2, 0, model.indexForStage(app, StageId::From));
    QCOMPARE(mount.data(ConveyorModel::NodeTypeRole).toInt(), int(ConveyorModel::NodeType::Input));
    QCOMPARE(mount.data(ConveyorModel::ReadOnlyRole).toBool(), false);
    QVERIFY(mount.data(ConveyorModel::LocationRole).toString().endsWith(u"werf.yaml:8:3"));
    // Only the from stage: the install stage still has just its command.
    QCOMPARE(inputRows(model, app, StageId::Install),
             QStringList({QStringLiteral("install: echo hi @16:5")}));
}

void tst_ConveyorModel::corpusUnderTester()
{
    // Every real project's tree, inputs included, passes the model tester.
    const QDir corpus(QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml"));
    const QStringList projects = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(projects.size() > 10);
    int withInputs = 0;
    ConveyorModel model;
    ConveyorFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QString &name : projects) {
        const LoadedProject project = loadProject(corpus.filePath(name));
        model.setConveyor(project.conveyor,
                          project.diagnostics,
                          conveyorInputs(project.conveyor, project.config, project.sourceMap));
        for (int i = 0; i < model.rowCount(); ++i) {
            const QModelIndex image = model.index(i, 0);
            for (int s = 0; s < model.rowCount(image); ++s) {
                const QModelIndex stage = model.index(s, 0, image);
                for (int r = 0; r < model.rowCount(stage); ++r) {
                    const QModelIndex input = model.index(r, 0, stage);
                    QVERIFY(!input.data().toString().isEmpty());
                    ++withInputs;
                }
            }
        }
        proxy.setSearchText(QStringLiteral("install"));
        proxy.setSearchText({});
    }
    QVERIFY(withInputs > 500);
}

QTEST_GUILESS_MAIN(tst_ConveyorModel)
#include "tst_conveyormodel.moc"

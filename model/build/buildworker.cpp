// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildworker.h"

#include "build/buildahimagebuilder.h"
#include "build/buildsession.h"
#include "build/werfbackend.h"
#include "common/tr.h"
#include "git/gitrepository.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

namespace Stagecraft::Model {

namespace {

Q_GLOBAL_STATIC(QMutex, planMutex)

/** The conveyor images a build processes (werf's getImageConfigsToProcess + dependencies). */
std::optional<QSet<int>> imagesToProcess(const LoadedProject &project,
                                         const QStringList &names,
                                         QString *error)
{
    const Conveyor &conveyor = project.conveyor;
    QList<int> queue;
    if (names.isEmpty()) {
        for (int i = 0; i < conveyor.images.size(); ++i) {
            const ImageKind kind = conveyor.images.at(i).kind;
            if (kind == ImageKind::Image || kind == ImageKind::Dockerfile)
                queue.append(i);
        }
    } else {
        for (const QString &name : names) {
            const QString wanted = name == u"~" ? QString() : name;
            int found = -1;
            for (ImageKind kind : {ImageKind::Image, ImageKind::Dockerfile, ImageKind::Artifact}) {
                found = conveyor.indexOf(wanted, kind);
                if (found >= 0)
                    break;
            }
            if (found < 0) {
                // werf's own message (reference §4.1).
                *error = QStringLiteral("specified image %1 is not defined in werf.yaml").arg(name);
                return std::nullopt;
            }
            queue.append(found);
        }
    }
    QSet<int> selected;
    while (!queue.isEmpty()) {
        const int index = queue.takeFirst();
        if (selected.contains(index))
            continue;
        selected.insert(index);
        for (int e : conveyor.incomingEdges(index)) {
            const ConveyorEdge &edge = conveyor.edges.at(e);
            if (edge.kind == EdgeKind::FromExternal)
                continue;
            if (conveyor.images.at(edge.source).kind != ImageKind::External)
                queue.append(edge.source);
        }
    }
    return selected;
}

QString stageKey(const QString &image, const QString &stage)
{
    return image + u'/' + stage;
}

} // namespace

QString BuildOutcome::resultName(Result result)
{
    switch (result) {
    case Result::Succeeded:
        return QStringLiteral("succeeded");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

BuildWorker::BuildWorker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BuildEvent>();
    qRegisterMetaType<BuildProgress>();
    qRegisterMetaType<BuildOutcome>();
}

BuildWorker::~BuildWorker()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

QString BuildWorker::checkRequest(const LoadedProject &project, const BuildOptions &options)
{
    if (!project.ok()) {
        for (const Diagnostic &d : project.diagnostics) {
            if (d.severity == Severity::Error)
                return d.toString();
        }
    }
    if (options.jobs < 1)
        return Tr::tr("error: the number of parallel jobs must be at least 1");
    QString error;
    const std::optional<QSet<int>> selected = imagesToProcess(project, options.images, &error);
    if (!selected) {
        SourceLocation where;
        where.file = project.configFile;
        return Diagnostic::error(error, where).toString();
    }
    if (options.backend == BuildBackend::Buildah) {
        if (options.stagesStorage != u":local")
            return Tr::tr("error: the buildah backend builds into the local stages storage "
                          "(:local) only, not \"%1\"")
                    .arg(options.stagesStorage);
        for (int index : *selected) {
            const ConveyorImage &image = project.conveyor.images.at(index);
            const StapelImage *config = image.kind == ImageKind::Artifact
                                                ? project.config.findArtifact(image.name)
                                                : project.config.findImage(image.name);
            if (config && config->ansible.present) {
                SourceLocation where = config->ansible.span.location;
                if (!where.isValid())
                    where = image.location;
                return Diagnostic::error(Tr::tr("%1 %2 uses ansible stages, which only the werf "
                                                "backend builds (--backend werf)")
                                                 .arg(imageKindName(image.kind),
                                                      image.displayName()),
                                         where)
                        .toString();
            }
        }
    }
    return {};
}

bool BuildWorker::start(const LoadedProject &project, const BuildOptions &options)
{
    if (m_thread) {
        m_error = Tr::tr("a build is already running");
        return false;
    }
    m_error = checkRequest(project, options); // already "FILE:L:C: error: ..." where it has a place
    if (!m_error.isEmpty())
        return false;
    auto session = std::make_shared<BuildSession>();
    session->project = project;
    session->options = options;
    session->emitEvent = [this](const BuildEvent &event) { Q_EMIT eventOccurred(event); };
    m_session = session;
    m_thread = QThread::create([this, session] { runSession(*session); });
    connect(m_thread, &QThread::finished, this, &BuildWorker::finishThread);
    m_thread->start();
    return true;
}

void BuildWorker::cancel()
{
    if (m_session)
        m_session->cancellation.cancel();
}

bool BuildWorker::wait(int timeoutMs)
{
    if (!m_thread)
        return true;
    return m_thread->wait(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                        : QDeadlineTimer(timeoutMs));
}

Plan BuildWorker::plan() const
{
    QMutexLocker locker(planMutex());
    return m_plan;
}

void BuildWorker::finishThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<BuildSession> session = std::exchange(m_session, {});
    Q_EMIT finished(session->outcome);
}

void BuildWorker::runSession(BuildSession &session)
{
    QElapsedTimer clock;
    clock.start();
    BuildOutcome &outcome = session.outcome;
    const auto finish = [&] {
        outcome.durationMs = clock.elapsed();
        BuildEvent event;
        event.kind = BuildEvent::Kind::BuildFinished;
        event.result = BuildOutcome::resultName(outcome.result);
        event.durationMs = outcome.durationMs;
        event.text = outcome.message;
        event.image = outcome.image;
        event.stage = outcome.stage;
        event.exitCode = outcome.exitCode;
        session.emitEvent(event);
    };

    BuildEvent started;
    started.kind = BuildEvent::Kind::BuildStarted;
    started.text = session.options.backend == BuildBackend::Werf ? QStringLiteral("werf")
                                                                 : QStringLiteral("buildah");
    session.emitEvent(started);

    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/stagecraft-build-XXXXXX"));
    if (!temporary.isValid()) {
        outcome.result = BuildOutcome::Result::Failed;
        outcome.message = Tr::tr("cannot create a temporary directory: %1")
                                  .arg(temporary.errorString());
        finish();
        return;
    }
    session.temporaryDirectory = temporary.path();
    session.buildDirRoot = session.options.buildDirRoot.isEmpty()
                                   ? QDir::homePath()
                                             + QStringLiteral(
                                                     "/.werf/shared_context/mounts/projects")
                                   : session.options.buildDirRoot;

    if (session.options.backend == BuildBackend::Werf) {
        // werf plans by itself: progress counts the stages its log reports.
        int done = 0;
        session.stageDone = [&](const QString &image, const QString &stage, qint64 durationMs) {
            const QString key = stageKey(image, stage);
            if (durationMs >= 0) {
                ++outcome.builtStages;
                outcome.builtKeys.append(key);
                outcome.durations.insert(key, durationMs);
            } else {
                ++outcome.cachedStages;
            }
            BuildProgress progress;
            progress.done = ++done;
            progress.elapsedMs = clock.elapsed();
            Q_EMIT progressChanged(progress);
        };
        runWerfBuild(session);
        session.stageDone = nullptr;
        finish();
        return;
    }

    session.stages = std::make_unique<BuildahStages>(session.options.buildahProgram,
                                                     session.options.storage,
                                                     session.project.config.meta.project.value);
    if (!session.stages->refresh(session.cancellation)) {
        outcome.result = session.cancellation.isCancelled() ? BuildOutcome::Result::Cancelled
                                                            : BuildOutcome::Result::Failed;
        outcome.message = session.stages->errorString();
        finish();
        return;
    }
    session.input = signatureInputFromProject(session.project);
    QSet<QString> gitImages;
    for (const SignatureInput::Image &image : session.input.images) {
        if (!image.git.isEmpty())
            gitImages.insert(image.name);
    }
    session.stages->setGitImages(gitImages);
    PlanOptions planOptions;
    planOptions.lookup = session.stages->lookup(session.cancellation);
    session.plan = planProject(session.project, planOptions);
    if (!session.project.projectDir.isEmpty()) {
        const GitRepository repository(session.project.projectDir, session.options.gitProgram);
        if (repository.isValid())
            session.projectRepoCommit = repository.headCommit().value_or(QString());
    }
    {
        QMutexLocker locker(planMutex());
        m_plan = session.plan;
    }
    Q_EMIT planned();

    QString error;
    const QSet<int> selected = imagesToProcess(session.project, session.options.images, &error)
                                       .value_or(QSet<int>());
    const Conveyor &conveyor = session.project.conveyor;

    // Progress: every non-empty stage of the processed images counts once.
    QMutex progressMutex;
    QSet<QString> remaining;
    QSet<QString> predicted;
    int total = 0;
    for (int index : selected) {
        const ConveyorImage &image = conveyor.images.at(index);
        const ImagePlan *plan = session.plan.image(image.name, image.kind);
        if (!plan)
            continue;
        for (const StagePlan &stage : plan->stages) {
            if (stage.empty)
                continue;
            ++total;
            const QString key = stageKey(plan->displayName(), stage.name);
            remaining.insert(key);
            // Stages without a werf signature (Dockerfile images) cannot be predicted.
            if (stage.hasSignature() && stage.cache != CacheStatus::Cached)
                predicted.insert(key);
        }
    }
    for (const ImagePlan &plan : session.plan.images) {
        for (const StagePlan &stage : plan.stages) {
            const QString key = stageKey(plan.displayName(), stage.name);
            if (predicted.contains(key))
                outcome.predictedKeys.append(key);
        }
    }
    int done = 0;
    const auto estimate = [&]() -> qint64 {
        qint64 known = 0;
        qint64 sum = 0;
        for (auto it = session.options.previousDurations.cbegin();
             it != session.options.previousDurations.cend();
             ++it) {
            sum += it.value();
            ++known;
        }
        const qint64 average = known > 0 ? sum / known : -1;
        qint64 result = 0;
        bool any = false;
        for (const QString &key : std::as_const(remaining)) {
            if (!predicted.contains(key))
                continue; // cached stages take no time worth estimating
            const qint64 previous = session.options.previousDurations.value(key, average);
            if (previous >= 0) {
                result += previous;
                any = true;
            }
        }
        return any || remaining.isEmpty() ? result : -1;
    };
    session.stageDone = [&](const QString &image, const QString &stage, qint64 durationMs) {
        BuildProgress progress;
        {
            QMutexLocker locker(&progressMutex);
            const QString key = stageKey(image, stage);
            remaining.remove(key);
            ++done;
            if (durationMs >= 0) {
                ++outcome.builtStages;
                outcome.builtKeys.append(key);
                outcome.durations.insert(key, durationMs);
            } else {
                ++outcome.cachedStages;
            }
            progress.done = done;
            progress.total = total;
            progress.elapsedMs = clock.elapsed();
            progress.remainingEstimateMs = estimate();
        }
        Q_EMIT progressChanged(progress);
    };
    {
        BuildProgress progress;
        progress.total = total;
        progress.remainingEstimateMs = estimate();
        Q_EMIT progressChanged(progress);
    }

    // Capture the failing stage's message from the events, for the final result.
    const auto emitEvent = session.emitEvent;
    session.emitEvent = [&, emitEvent](const BuildEvent &event) {
        if (event.kind == BuildEvent::Kind::StageFailed) {
            QMutexLocker locker(&progressMutex);
            ++outcome.failedStages;
            if (outcome.message.isEmpty()) {
                outcome.message = event.text;
                outcome.image = event.image;
                outcome.stage = event.stage;
                outcome.exitCode = event.exitCode;
            }
        }
        emitEvent(event);
    };

    bool failed = false;
    bool cancelled = false;
    for (const QList<int> &set : conveyor.sets) {
        QList<const ImagePlan *> plans;
        for (int index : set) {
            if (!selected.contains(index))
                continue;
            const ConveyorImage &image = conveyor.images.at(index);
            if (const ImagePlan *plan = session.plan.image(image.name, image.kind))
                plans.append(plan);
        }
        if (plans.isEmpty())
            continue;
        QThreadPool pool;
        pool.setMaxThreadCount(std::max(1, session.options.jobs));
        QMutex resultMutex;
        for (const ImagePlan *plan : std::as_const(plans)) {
            pool.start([&, plan] {
                if (session.cancellation.isCancelled())
                    return;
                BuildahImageBuilder builder(session, *plan);
                const BuildahImageBuilder::Result result = builder.run();
                QMutexLocker locker(&resultMutex);
                if (result == BuildahImageBuilder::Result::Failed) {
                    failed = true;
                } else if (result == BuildahImageBuilder::Result::Cancelled) {
                    cancelled = true;
                    if (outcome.image.isEmpty()) {
                        outcome.image = plan->displayName();
                        outcome.stage = builder.cancelledStage();
                    }
                }
            });
        }
        pool.waitForDone();
        if (failed || cancelled || session.cancellation.isCancelled())
            break;
    }
    session.emitEvent = emitEvent;
    session.stageDone = nullptr;
    if (session.cancellation.isCancelled() || cancelled) {
        outcome.result = BuildOutcome::Result::Cancelled;
        outcome.message = Tr::tr("the build was cancelled");
    } else if (failed) {
        outcome.result = BuildOutcome::Result::Failed;
    }
    finish();
}

} // namespace Stagecraft::Model

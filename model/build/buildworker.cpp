// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildworker.h"

#include "build/buildahimagebuilder.h"
#include "build/buildsession.h"
#include "build/werfbackend.h"
#include "common/tr.h"
#include "git/gitrepository.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"
#include "storage/stagesstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"
#include "storage/storagespec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QStandardPaths>
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

/**
 * Clones (or updates) the repositories of the remote git mappings into the user's cache, one
 * bare clone per URL (werf keeps its own in ~/.werf/local_cache/git_repos): url → clone path.
 */
std::optional<QHash<QString, QString>> remoteClones(BuildSession &session, QString *error)
{
    QHash<QString, QString> clones;
    const QString root = QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                         + QStringLiteral("/git-repos");
    for (const SignatureInput::Image &image : std::as_const(session.input.images)) {
        for (const GitMappingParams &m : image.git) {
            if (m.isLocal() || clones.contains(m.url))
                continue;
            const QString path = root + u'/'
                                 + QString::fromLatin1(
                                         QCryptographicHash::hash(m.url.toUtf8(),
                                                                  QCryptographicHash::Sha256)
                                                 .toHex()
                                                 .left(32))
                                 + QStringLiteral(".git");
            ProcessSpec spec;
            spec.program = session.options.gitProgram;
            spec.captureOutput = true;
            if (QFileInfo::exists(path + QStringLiteral("/HEAD"))) {
                spec.arguments = {QStringLiteral("--git-dir"),
                                  path,
                                  QStringLiteral("fetch"),
                                  QStringLiteral("--quiet"),
                                  QStringLiteral("--prune"),
                                  QStringLiteral("--force"),
                                  QStringLiteral("origin"),
                                  QStringLiteral("+refs/heads/*:refs/heads/*"),
                                  QStringLiteral("+refs/tags/*:refs/tags/*")};
            } else {
                QDir().mkpath(root);
                QDir(path).removeRecursively(); // a clone cut short
                spec.arguments = {QStringLiteral("clone"),
                                  QStringLiteral("--bare"),
                                  QStringLiteral("--quiet"),
                                  QStringLiteral("--"), // a URL is never an option
                                  m.url,
                                  path};
            }
            BuildEvent event;
            event.kind = BuildEvent::Kind::Output;
            event.image = image.name;
            event.text = Tr::tr("git %1 %2 into %3")
                                 .arg(spec.arguments.value(0) == u"clone" ? QStringLiteral("clone")
                                                                          : QStringLiteral("fetch"),
                                      m.url,
                                      path);
            session.emitEvent(event);
            const ProcessResult result = runProcess(spec, session.cancellation);
            if (!result.ok()) {
                if (!session.cancellation.isCancelled())
                    *error = Diagnostic::error(Tr::tr("cannot clone or fetch the git repository "
                                                      "%1: %2")
                                                       .arg(m.url,
                                                            result.started
                                                                    ? result.lastLines.join(u' ')
                                                                    : result.errorString),
                                               image.location)
                                     .toString();
                return std::nullopt;
            }
            clones.insert(m.url, path);
        }
    }
    return clones;
}

/** The buildah backend's own containers-storage: werf's `:local`, or Stagecraft's `local`. */
bool isLocalStorage(const QString &spec)
{
    return spec.isEmpty() || spec == u":local" || spec == u"local";
}

/**
 * How buildah reaches the registry stages storage: credentials in an auth file of the build's
 * private temporary directory (0700, the file 0600, removed with the directory), never on a
 * command line where /proc would show them; --tls-verify=false for an insecure host, else the
 * CA file as the only certificate of a --cert-dir.
 */
bool prepareRegistryAccess(BuildSession &session, QString *error)
{
    const std::optional<StorageSpec> spec = StorageSpec::parse(session.options.stagesStorage, error);
    if (!spec)
        return false;
    const QString host = spec->repository.host;
    session.registryRepository = spec->repository.repositoryAddress();
    QStringList arguments;
    if (session.options.credentials) {
        const std::optional<RegistryCredentials> credentials = session.options.credentials(host);
        if (credentials && !credentials->isEmpty()) {
            QJsonObject entry;
            if (credentials->identityToken) {
                entry.insert(QStringLiteral("identitytoken"), credentials->secret);
                if (!credentials->username.isEmpty())
                    entry.insert(QStringLiteral("auth"),
                                 QString::fromLatin1(
                                         QString(credentials->username + u':').toUtf8().toBase64()));
            } else {
                const QString pair = credentials->username + u':' + credentials->secret;
                entry.insert(QStringLiteral("auth"), QString::fromLatin1(pair.toUtf8().toBase64()));
            }
            QJsonObject auths;
            auths.insert(host, entry);
            QJsonObject root;
            root.insert(QStringLiteral("auths"), auths);
            const QString path = session.temporaryDirectory + QStringLiteral("/auth.json");
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
                || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0) {
                *error = Tr::tr("cannot write the registry auth file %1: %2")
                                 .arg(path, file.errorString());
                return false;
            }
            file.close();
            arguments << QStringLiteral("--authfile") << path;
        }
    }
    if (spec->insecureRegistries.contains(host)
        || session.options.insecureRegistries.contains(host)) {
        arguments << QStringLiteral("--tls-verify=false");
    } else if (!session.options.caFile.isEmpty()) {
        const QString certs = session.temporaryDirectory + QStringLiteral("/certs");
        QDir().mkpath(certs);
        if (!QFile::copy(session.options.caFile, certs + QStringLiteral("/ca.crt"))) {
            *error = Tr::tr("cannot read the CA file %1").arg(session.options.caFile);
            return false;
        }
        arguments << QStringLiteral("--cert-dir") << certs;
    }
    session.registryArguments = arguments;
    return true;
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
        if (!isLocalStorage(options.stagesStorage)) {
            QString specError;
            const std::optional<StorageSpec> spec = StorageSpec::parse(options.stagesStorage,
                                                                       &specError);
            if (!spec)
                return Tr::tr("error: %1").arg(specError);
            if (spec->kind != StorageSpec::Kind::Registry)
                return Tr::tr("error: the buildah backend stores stages in its own "
                              "containers-storage (:local) or in a registry repository, not in "
                              "\"%1\"")
                        .arg(options.stagesStorage);
            if (!options.caFile.isEmpty() && !QFileInfo(options.caFile).isReadable())
                return Tr::tr("error: cannot read the CA file %1").arg(options.caFile);
        }
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
    if (options.backend == BuildBackend::Buildah && !isLocalStorage(options.stagesStorage)) {
        // The registry client lives in this thread (it needs an event loop, which the build
        // thread has not); the build thread waits on its futures.
        QString specError;
        StorageSpec spec = StorageSpec::parse(options.stagesStorage, &specError).value();
        spec.insecureRegistries += options.insecureRegistries;
        spec.caFile = options.caFile;
        spec.containersStorage = options.storage;
        CredentialProvider credentials = options.credentials;
        if (!credentials)
            credentials = [](const QString &) { return std::optional<RegistryCredentials>(); };
        m_storageSession = std::make_unique<StorageSession>(spec, credentials);
        session->registryStorage = m_storageSession->storage();
        session->registryClient = m_storageSession->registry();
    }
    session->emitEvent = [this](const BuildEvent &event) { Q_EMIT eventOccurred(event); };
    m_session = session;
    m_thread = QThread::create([this, session] { runSession(*session); });
    connect(m_thread, &QThread::finished, this, &BuildWorker::finishThread);
    m_thread->start();
    return true;
}

void BuildWorker::cancel()
{
    if (m_session) {
        m_session->cancellation.cancel();
        if (m_session->registryStorage)
            m_session->registryStorage->cancel();
    }
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
    m_storageSession.reset();
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
    if (!session.registryStorage && !session.stages->refresh(session.cancellation)) {
        outcome.result = session.cancellation.isCancelled() ? BuildOutcome::Result::Cancelled
                                                            : BuildOutcome::Result::Failed;
        outcome.message = session.stages->errorString();
        finish();
        return;
    }
    session.input = signatureInputFromProject(session.project);
    // werf hashes the ONBUILD triggers of a Dockerfile's external base images into the
    // dockerfile stage's signature: read them from the bases that are in the local storage.
    // A base that is not there leaves the signature unknown, and the image is kept under
    // Stagecraft's own name (see BuildahImageBuilder::runDockerfile()).
    QHash<QString, QStringList> onBuild;
    for (const SignatureInput::Image &image : std::as_const(session.input.images)) {
        for (const QString &base : image.dockerfile.externalBases) {
            if (onBuild.contains(base))
                continue;
            if (const std::optional<QStringList> triggers
                = session.stages->onBuild(base, session.cancellation))
                onBuild.insert(base, *triggers);
        }
    }
    if (!onBuild.isEmpty())
        session.input = signatureInputFromProject(session.project, onBuild);
    {
        QString error;
        const std::optional<QHash<QString, QString>> clones = remoteClones(session, &error);
        if (!clones) {
            outcome.result = session.cancellation.isCancelled() ? BuildOutcome::Result::Cancelled
                                                                : BuildOutcome::Result::Failed;
            outcome.message = session.cancellation.isCancelled() ? Tr::tr("the build was cancelled")
                                                                 : error;
            finish();
            return;
        }
        session.remoteClones = *clones;
    }
    if (session.registryStorage) {
        // werf's registry stages storage: one listing of the repository's tags, candidates
        // inspected only where git commits decide (StorageStageLookup, §6.2/§6.3).
        QString error;
        if (!prepareRegistryAccess(session, &error)) {
            outcome.result = BuildOutcome::Result::Failed;
            outcome.message = error;
            finish();
            return;
        }
        PlanOptions planOptions;
        planOptions.baseImageOnBuild = onBuild;
        planOptions.remoteClones = session.remoteClones;
        const StoragePlan stored = planWithStorage(session.project,
                                                   session.registryStorage,
                                                   session.registryClient,
                                                   planOptions);
        for (const QString &warning : stored.warnings) {
            BuildEvent event;
            event.kind = BuildEvent::Kind::Output;
            event.text = Tr::tr("warning: %1").arg(warning);
            session.emitEvent(event);
        }
        if (session.cancellation.isCancelled() || !stored.storageOk) {
            outcome.result = session.cancellation.isCancelled() ? BuildOutcome::Result::Cancelled
                                                                : BuildOutcome::Result::Failed;
            outcome.message = session.cancellation.isCancelled() ? Tr::tr("the build was cancelled")
                                                                 : stored.storageError;
            finish();
            return;
        }
        session.plan = stored.plan;
    } else {
        QSet<QString> gitImages;
        for (const SignatureInput::Image &image : session.input.images) {
            if (!image.git.isEmpty())
                gitImages.insert(image.name);
        }
        session.stages->setGitImages(gitImages);
        PlanOptions planOptions;
        planOptions.baseImageOnBuild = onBuild;
        planOptions.remoteClones = session.remoteClones;
        planOptions.lookup = session.stages->lookup(session.cancellation);
        session.plan = planProject(session.project, planOptions);
    }
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
        bool toBuild = false;
        for (const QString &key : std::as_const(remaining)) {
            if (!predicted.contains(key))
                continue; // cached stages take no time worth estimating
            toBuild = true;
            const qint64 previous = session.options.previousDurations.value(key, average);
            if (previous >= 0) {
                result += previous;
                any = true;
            }
        }
        // Nothing left that the plan says must be built: nothing left to wait for.
        return any || !toBuild ? result : -1;
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

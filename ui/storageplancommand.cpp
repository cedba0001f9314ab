// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageplancommand.h"

#include "config/configloader.h"
#include "storage/credentialstore.h"
#include "storage/dockercredentials.h"
#include "storage/dockerengineclient.h"
#include "storage/stagesstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMutex>
#include <QTextStream>

namespace Stagecraft::Ui {

QList<QCommandLineOption> StoragePlanCommand::options()
{
    return {
            QCommandLineOption(QStringLiteral("storage"),
                               tr("Look the stages up in a stages storage: local "
                                  "(containers-storage), docker, or a registry repository."),
                               QStringLiteral("SPEC")),
            QCommandLineOption(QStringLiteral("insecure-registry"),
                               tr("Reach this registry over plain http or unverified TLS "
                                  "(repeatable)."),
                               QStringLiteral("HOST:PORT")),
            QCommandLineOption(QStringLiteral("ca-file"),
                               tr("Trust the CA certificates of this PEM file for registries."),
                               QStringLiteral("FILE")),
            QCommandLineOption(QStringLiteral("storage-root"),
                               tr("The containers-storage root (buildah --root)."),
                               QStringLiteral("DIR")),
            QCommandLineOption(QStringLiteral("storage-driver"),
                               tr("The containers-storage driver (buildah --storage-driver)."),
                               QStringLiteral("NAME")),
            QCommandLineOption(QStringLiteral("storage-timeout"),
                               tr("Seconds a storage request may stall (default 30)."),
                               QStringLiteral("SECONDS")),
            QCommandLineOption(QStringLiteral("storage-time-limit"),
                               tr("Seconds one storage operation (a listing, an inspect) may "
                                  "take in all (default 120)."),
                               QStringLiteral("SECONDS")),
            QCommandLineOption(QStringLiteral("docker-host"),
                               tr("The Docker daemon's socket for --storage docker "
                                  "(unix:///path; default DOCKER_HOST, else "
                                  "/var/run/docker.sock)."),
                               QStringLiteral("unix:///PATH")),
    };
}

bool StoragePlanCommand::requested(const QCommandLineParser &parser)
{
    for (const QCommandLineOption &option : options()) {
        if (parser.isSet(option.names().first()))
            return true;
    }
    return false;
}

std::optional<Model::Plan> StoragePlanCommand::run(const Model::LoadedProject &project,
                                                   const QCommandLineParser &parser,
                                                   const Model::PlanOptions &planOptions,
                                                   QTextStream &err,
                                                   bool *storageFailed)
{
    *storageFailed = false;
    QString error;
    std::optional<Model::StorageSpec> spec = Model::StorageSpec::parse(parser.value(QStringLiteral(
                                                                               "storage")),
                                                                       &error);
    if (!spec) {
        err << error << u'\n';
        return std::nullopt;
    }
    spec->insecureRegistries = parser.values(QStringLiteral("insecure-registry"));
    spec->caFile = parser.value(QStringLiteral("ca-file"));
    if (!spec->caFile.isEmpty() && !QFileInfo(spec->caFile).isReadable()) {
        err << tr("cannot read the CA file %1").arg(spec->caFile) << u'\n';
        return std::nullopt;
    }
    spec->containersStorage.root = parser.value(QStringLiteral("storage-root"));
    spec->containersStorage.driver = parser.value(QStringLiteral("storage-driver"));
    if (parser.isSet(QStringLiteral("storage-timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("storage-timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            err << tr("invalid --storage-timeout \"%1\": expected seconds")
                            .arg(parser.value(QStringLiteral("storage-timeout")))
                << u'\n';
            return std::nullopt;
        }
        spec->timeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(QStringLiteral("storage-time-limit"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("storage-time-limit")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 24 * 3600) {
            err << tr("invalid --storage-time-limit \"%1\": expected seconds")
                            .arg(parser.value(QStringLiteral("storage-time-limit")))
                << u'\n';
            return std::nullopt;
        }
        spec->timeLimitMs = int(seconds * 1000);
    }
    if (parser.isSet(QStringLiteral("docker-host"))) {
        spec->dockerHost = parser.value(QStringLiteral("docker-host"));
        QString hostError;
        if (Model::DockerEngineClient::socketPathOf(spec->dockerHost, &hostError).isEmpty()) {
            err << (hostError.isEmpty() ? tr("--docker-host needs a value") : hostError) << u'\n';
            return std::nullopt;
        }
    }

    // The keychain first (only with a session bus: without one there is no Secret Service to
    // ask), then docker's config. The keychain is asked from the planning thread and answered
    // by this thread's event loop below; a keychain that does not answer costs one timeout.
    QStringList problems;
    const Model::CredentialProvider dockerConfig = Model::dockerConfigCredentials(&problems);
    for (const QString &problem : std::as_const(problems))
        err << problem << u'\n';
    Model::CredentialStore keychain;
    Model::CredentialProvider credentials = dockerConfig;
    QMutex keychainMutex;
    QStringList keychainProblems;
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        const auto onError = [&keychainMutex, &keychainProblems](const QString &host,
                                                                 const QString &message) {
            const QMutexLocker locker(&keychainMutex);
            keychainProblems << tr("warning: keychain (%1): %2").arg(host, message);
        };
        credentials = Model::CredentialStore::chain(
                {keychain.provider(std::chrono::seconds(5),
                                   Model::CredentialStore::SameThread::AnswerNothing,
                                   onError),
                 dockerConfig});
    }

    Model::StorageSession session(*spec, credentials);
    QFutureWatcher<Model::StoragePlan> watcher;
    QEventLoop loop;
    QObject::connect(&watcher,
                     &QFutureWatcher<Model::StoragePlan>::finished,
                     &loop,
                     &QEventLoop::quit);
    watcher.setFuture(Model::planWithStorageAsync(project,
                                                  session.storage(),
                                                  session.registry(),
                                                  planOptions));
    if (!watcher.isFinished())
        loop.exec();
    const Model::StoragePlan result = watcher.result();
    {
        const QMutexLocker locker(&keychainMutex);
        for (const QString &problem : std::as_const(keychainProblems))
            err << problem << u'\n';
    }

    for (const QString &warning : result.warnings)
        err << tr("warning: %1").arg(warning) << u'\n';
    if (!result.storageOk) {
        *storageFailed = true;
        err << (result.storageAvailable ? tr("error: %1") : tr("warning: %1"))
                        .arg(result.storageError)
            << u'\n';
    }
    return result.plan;
}

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Stage images made with the real buildah in a private containers-storage (vfs driver, offline
// base: `buildah from scratch` plus Debian's static busybox), named and labelled as werf does.

#include "storage/containersstorageoptions.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace Stagecraft::Testing {

/** A tool the test needs: its path, or empty (and `why`). */
inline QString findTool(const QString &name, const QStringList &extraPaths = {})
{
    const QString path = QStandardPaths::findExecutable(name, extraPaths);
    return path.isEmpty() ? QStandardPaths::findExecutable(name) : path;
}

/** Runs a program; returns its stdout, or sets `error` (with stderr) on failure. */
inline QByteArray runTool(const QString &program,
                          const QStringList &arguments,
                          QString *error,
                          int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = program + QStringLiteral(": ") + process.errorString();
        return {};
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = program + u' ' + arguments.join(u' ') + QStringLiteral(": ")
                 + QString::fromUtf8(process.readAllStandardError()).trimmed();
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return process.readAllStandardOutput();
}

/** A containers-storage of the test's own: `root`, the vfs driver (no overlay mounts needed). */
inline Model::ContainersStorageOptions vfsStorage(const QString &root)
{
    Model::ContainersStorageOptions storage;
    storage.root = root;
    storage.driver = QStringLiteral("vfs");
    return storage;
}

/**
 * Runs buildah on `storage` and returns its stdout. Its exit code goes to `exitCode`; without
 * one, a failure is logged as a warning with buildah's stderr.
 */
inline QString runBuildah(const Model::ContainersStorageOptions &storage,
                          const QStringList &arguments,
                          int *exitCode = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("buildah"), storage.buildahArguments() + arguments);
    process.waitForFinished(120000);
    if (exitCode)
        *exitCode = process.exitCode();
    else if (process.exitCode() != 0)
        qWarning() << "buildah" << arguments << process.readAllStandardError();
    return QString::fromUtf8(process.readAllStandardOutput());
}

/**
 * Runs `command` in a working container of `image` (buildah from, run --isolation chroot, rm)
 * and returns its stdout: how a test looks at what a built stage holds.
 */
inline QString runInImage(const Model::ContainersStorageOptions &storage,
                          const QString &image,
                          const QStringList &command)
{
    const QString container = runBuildah(storage, {QStringLiteral("from"), image}).trimmed();
    const QString output = runBuildah(storage,
                                      QStringList{QStringLiteral("run"),
                                                  QStringLiteral("--isolation"),
                                                  QStringLiteral("chroot"),
                                                  container,
                                                  QStringLiteral("--")}
                                              + command);
    runBuildah(storage, {QStringLiteral("rm"), container});
    return output;
}

/** The name of the offline base image that resources/example and the tests' configs build on. */
inline QString offlineBaseImageName()
{
    return QStringLiteral("localhost/stagecraft-busybox:1.35");
}

/**
 * Makes the offline base image in `storage`: Debian's static busybox in a scratch image, with its
 * applets and a root user, committed as offlineBaseImageName(). Needs root (buildah run
 * --isolation chroot); no network.
 */
inline bool makeOfflineBaseImage(const Model::ContainersStorageOptions &storage, QString *error)
{
    const QString buildah = findTool(QStringLiteral("buildah"));
    if (buildah.isEmpty()) {
        *error = QStringLiteral("buildah is not installed");
        return false;
    }
    error->clear();
    const auto run = [&](const QStringList &arguments) {
        return runTool(buildah, storage.buildahArguments() + arguments, error);
    };
    const QString container
            = QString::fromUtf8(run({QStringLiteral("from"), QStringLiteral("scratch")})).trimmed();
    if (container.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("buildah from scratch printed no container");
        return false;
    }
    run({QStringLiteral("copy"),
         container,
         QStringLiteral("/bin/busybox"),
         QStringLiteral("/bin/busybox")});
    if (!error->isEmpty())
        return false;
    run({QStringLiteral("run"),
         QStringLiteral("--isolation"),
         QStringLiteral("chroot"),
         container,
         QStringLiteral("--"),
         QStringLiteral("/bin/busybox"),
         QStringLiteral("sh"),
         QStringLiteral("-c"),
         QStringLiteral("/bin/busybox --install -s /bin && mkdir -p /etc /tmp /root && "
                        "echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && "
                        "echo 'root:x:0:' > /etc/group")});
    if (!error->isEmpty())
        return false;
    run({QStringLiteral("commit"),
         QStringLiteral("--quiet"),
         QStringLiteral("--rm"),
         container,
         offlineBaseImageName()});
    return error->isEmpty();
}

/** A private buildah store with one working container to commit stage images from. */
class BuildahStore
{
public:
    explicit BuildahStore(const QString &root)
    {
        m_options.root = root;
        m_options.runRoot = root + QStringLiteral("/run");
        m_options.driver = QStringLiteral("vfs");
    }

    const Model::ContainersStorageOptions &options() const { return m_options; }

    /** The offline base: scratch + /bin/busybox. */
    bool prepare(QString *error)
    {
        m_buildah = findTool(QStringLiteral("buildah"));
        if (m_buildah.isEmpty()) {
            *error = QStringLiteral("buildah is not installed");
            return false;
        }
        if (!QFileInfo(QStringLiteral("/bin/busybox")).isExecutable()) {
            *error = QStringLiteral("/bin/busybox (busybox-static) is not installed");
            return false;
        }
        m_container = QString::fromUtf8(
                              buildah({QStringLiteral("from"), QStringLiteral("scratch")}, error))
                              .trimmed();
        if (m_container.isEmpty())
            return false;
        buildah({QStringLiteral("copy"),
                 m_container,
                 QStringLiteral("/bin/busybox"),
                 QStringLiteral("/bin/busybox")},
                error);
        return error->isEmpty();
    }

    /** Commits the working container with exactly these labels under `name`. */
    bool commit(const QString &name, const QMap<QString, QString> &labels, QString *error)
    {
        QStringList config{QStringLiteral("config")};
        // Labels of the previous commit would leak into this one: drop them first.
        for (const QString &key : std::as_const(m_lastLabels))
            config << QStringLiteral("--label") << key + u'-';
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            config << QStringLiteral("--label") << it.key() + u'=' + it.value();
        config << m_container;
        buildah(config, error);
        if (!error->isEmpty())
            return false;
        m_lastLabels = labels.keys();
        buildah({QStringLiteral("commit"), QStringLiteral("--quiet"), m_container, name}, error);
        return error->isEmpty();
    }

    bool tag(const QString &image, const QString &name, QString *error)
    {
        buildah({QStringLiteral("tag"), image, name}, error);
        return error->isEmpty();
    }

    /** buildah push with TLS verified against `certDir` and Basic credentials. */
    bool push(const QString &image,
              const QString &destination,
              const QString &certDir,
              const QString &credentials,
              QString *error)
    {
        buildah({QStringLiteral("push"),
                 QStringLiteral("--quiet"),
                 QStringLiteral("--cert-dir"),
                 certDir,
                 QStringLiteral("--creds"),
                 credentials,
                 image,
                 QStringLiteral("docker://") + destination},
                error);
        return error->isEmpty();
    }

    QByteArray buildah(const QStringList &arguments, QString *error)
    {
        error->clear();
        return runTool(m_buildah, m_options.buildahArguments() + arguments, error);
    }

private:
    Model::ContainersStorageOptions m_options;
    QString m_buildah;
    QString m_container;
    QStringList m_lastLabels;
};

/** True in CI, where a missing tool must fail the test instead of skipping it. */
inline bool inCi()
{
    return qEnvironmentVariable("CI") == u"true";
}

} // namespace Stagecraft::Testing

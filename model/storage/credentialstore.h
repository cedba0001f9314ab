// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Stagecraft::Model {

/** The outcome of one keychain operation. errorString never contains the secret. */
struct CredentialResult
{
    enum class Status {
        Ok,           ///< done; for a read, credentials holds the entry
        NotFound,     ///< a read or delete found no entry for the host
        Unavailable,  ///< no keychain: no session bus, no Secret Service, no backend
        AccessDenied, ///< the keychain is locked or the user refused
        TimedOut,     ///< the keychain did not answer in time
        Failed,       ///< any other keychain error
    };

    QString host;
    Status status = Status::Failed;
    std::optional<RegistryCredentials> credentials;
    QString errorString;

    bool ok() const { return status == Status::Ok; }
};

/**
 * Registry credentials in the system keychain (Secret Service, KWallet, macOS Keychain, Windows
 * Credential Store) through QtKeychain: service "Stagecraft", one entry per registry host. The
 * insecure plaintext fallback of QtKeychain is always off, so without a keychain the operations
 * fail with a clear error instead of writing the secret to a file.
 *
 * The operations are asynchronous and may be called from any thread; the keychain jobs run in
 * the thread the store lives in, which needs a running event loop (the GUI thread, or the main
 * thread of the command line). Every job has a timeout, so a keychain that never answers gives
 * TimedOut rather than a hang.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    /** What the provider does when it is called in the store's own thread. */
    enum class SameThread {
        /** Answer "no credentials" at once: the GUI thread must never wait for the keychain. */
        AnswerNothing,
        /** Run a local event loop until the job ends (for the headless command line only). */
        RunEventLoop,
    };

    /** Called with a message (never the secret) when the keychain failed for a host. */
    using ErrorSink = std::function<void(const QString &host, const QString &message)>;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    /** "Stagecraft": the service name of every entry. */
    static QString serviceName();
    /** The keychain key of a registry address: its normalised host (DockerClientConfig::normalizeHost). */
    static QString keyForHost(const QString &address);

    std::chrono::milliseconds timeout() const { return m_timeout; }
    /** How long one keychain job may take (default 15 s). */
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    QFuture<CredentialResult> read(const QString &host);
    QFuture<CredentialResult> write(const QString &host, const RegistryCredentials &credentials);
    /** Deletes the entry; deleting an entry that does not exist is NotFound, not Failed. */
    QFuture<CredentialResult> remove(const QString &host);

    /**
     * A thread-safe provider over this store for registry clients in worker threads: it hands
     * the read to the store's thread and waits at most `timeout` for it. It stays safe to call
     * after the store is gone (it then answers nothing).
     */
    CredentialProvider provider(std::chrono::milliseconds timeout = std::chrono::seconds(15),
                                SameThread sameThread = SameThread::AnswerNothing,
                                ErrorSink onError = {}) const;

    /** The first provider that has credentials for a host answers. */
    static CredentialProvider chain(const QList<CredentialProvider> &providers);

    /**
     * The keychain first, then the `auths` of the docker configuration at `dockerConfigPath`
     * (read now; DockerClientConfig::defaultPath() when empty).
     */
    CredentialProvider keychainThenDockerConfig(
            const QString &dockerConfigPath = {},
            std::chrono::milliseconds timeout = std::chrono::seconds(15),
            SameThread sameThread = SameThread::AnswerNothing,
            ErrorSink onError = {}) const;

signals:
    /** An entry was written or deleted through this store. */
    void credentialsChanged(const QString &host);

private:
    enum class Operation { Read, Write, Remove };
    using Callback = std::function<void(const CredentialResult &)>;

    struct Guard;

    /** Runs in the store's thread. */
    void startJob(Operation operation,
                  const QString &host,
                  const RegistryCredentials &credentials,
                  Callback done);
    QFuture<CredentialResult> run(Operation operation,
                                  const QString &host,
                                  const RegistryCredentials &credentials);

    std::chrono::milliseconds m_timeout = std::chrono::seconds(15);
    std::shared_ptr<Guard> m_guard;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialstore.h"

#include "common/tr.h"
#include "dockerclientconfig.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QPromise>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

#ifdef STAGECRAFT_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#endif

#include <condition_variable>
#include <mutex>

namespace Stagecraft::Model {

/** Lets providers in other threads know whether the store still exists. */
struct CredentialStore::Guard
{
    std::mutex mutex;
    CredentialStore *store = nullptr;
};

namespace {

using namespace Qt::StringLiterals;

QByteArray encode(const RegistryCredentials &credentials)
{
    QJsonObject object;
    object.insert(u"username"_s, credentials.username);
    object.insert(u"secret"_s, credentials.secret);
    if (credentials.identityToken)
        object.insert(u"identityToken"_s, true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<RegistryCredentials> decode(const QByteArray &data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (!object.value(u"secret"_s).isString())
        return std::nullopt;
    RegistryCredentials credentials;
    credentials.username = object.value(u"username"_s).toString();
    credentials.secret = object.value(u"secret"_s).toString();
    credentials.identityToken = object.value(u"identityToken"_s).toBool();
    return credentials;
}

/**
 * A backend message is shown to the user; should it ever quote what it was given, it is
 * dropped rather than risk showing the secret.
 */
QString withoutSecret(const QString &message, const QString &secret)
{
    if (!secret.isEmpty() && message.contains(secret))
        return Tr::tr("(details withheld: they contained the secret)");
    return message;
}

/**
 * Why no Secret Service answers, when that is the reason: QtKeychain reports a missing bus or
 * service as a generic error, which would leave the user guessing.
 */
std::optional<QString> secretServiceProblem()
{
#ifdef STAGECRAFT_HAVE_QTDBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString reason = bus.lastError().message();
        return reason.isEmpty() ? Tr::tr("no D-Bus session bus")
                                : Tr::tr("no D-Bus session bus (%1)").arg(reason);
    }
    const QString secrets = u"org.freedesktop.secrets"_s;
    const auto ask = [&bus](const QString &method, const QVariantList &arguments) {
        QDBusMessage message = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s,
                                                              u"/org/freedesktop/DBus"_s,
                                                              u"org.freedesktop.DBus"_s,
                                                              method);
        message.setArguments(arguments);
        // A short timeout: this only explains a failure, it must not add a long wait to it.
        return bus.call(message, QDBus::Block, 2000);
    };
    const QDBusMessage owner = ask(u"NameHasOwner"_s, {secrets});
    if (owner.type() == QDBusMessage::ReplyMessage && !owner.arguments().isEmpty()
        && owner.arguments().constFirst().toBool())
        return std::nullopt;
    const QDBusMessage activatable = ask(u"ListActivatableNames"_s, {});
    if (activatable.type() == QDBusMessage::ReplyMessage && !activatable.arguments().isEmpty()
        && activatable.arguments().constFirst().toStringList().contains(secrets))
        return std::nullopt;
    return Tr::tr("no Secret Service on the session bus (%1 is neither running nor activatable)")
            .arg(secrets);
#else
    return std::nullopt;
#endif
}

CredentialResult resultOf(QKeychain::Job *job, const QString &host, const QString &secret)
{
    CredentialResult result;
    result.host = host;
    const QString detail = withoutSecret(job->errorString(), secret);
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = CredentialResult::Status::Ok;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job)) {
            result.credentials = decode(read->textData().toUtf8());
            if (!result.credentials) {
                result.status = CredentialResult::Status::Failed;
                result.errorString
                        = Tr::tr("the keychain entry for %1 is not a Stagecraft credential")
                                  .arg(host);
            }
        }
        return result;
    case QKeychain::EntryNotFound:
        result.status = CredentialResult::Status::NotFound;
        result.errorString = Tr::tr("no credentials for %1 in the keychain").arg(host);
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = CredentialResult::Status::AccessDenied;
        result.errorString = Tr::tr("the keychain denied access to the credentials for %1: %2")
                                     .arg(host, detail);
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = CredentialResult::Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = CredentialResult::Status::Failed;
        break;
    }
    if (const auto problem = secretServiceProblem()) {
        result.status = CredentialResult::Status::Unavailable;
        result.errorString = Tr::tr("no keychain is available for the credentials of %1: %2; "
                                    "Stagecraft does not store passwords in plain text")
                                     .arg(host, *problem);
    } else if (result.status == CredentialResult::Status::Unavailable) {
        result.errorString = Tr::tr("no keychain is available for the credentials of %1: %2; "
                                    "Stagecraft does not store passwords in plain text")
                                     .arg(host, detail);
    } else {
        result.errorString = Tr::tr("the keychain failed for %1: %2").arg(host, detail);
    }
    return result;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
    , m_guard(std::make_shared<Guard>())
{
    m_guard->store = this;
}

CredentialStore::~CredentialStore()
{
    const std::lock_guard lock(m_guard->mutex);
    m_guard->store = nullptr;
}

QString CredentialStore::serviceName()
{
    return u"Stagecraft"_s;
}

QString CredentialStore::keyForHost(const QString &address)
{
    return DockerClientConfig::normalizeHost(address);
}

QFuture<CredentialResult> CredentialStore::read(const QString &host)
{
    return run(Operation::Read, host, {});
}

QFuture<CredentialResult> CredentialStore::write(const QString &host,
                                                 const RegistryCredentials &credentials)
{
    return run(Operation::Write, host, credentials);
}

QFuture<CredentialResult> CredentialStore::remove(const QString &host)
{
    return run(Operation::Remove, host, {});
}

QFuture<CredentialResult> CredentialStore::run(Operation operation,
                                               const QString &host,
                                               const RegistryCredentials &credentials)
{
    auto promise = std::make_shared<QPromise<CredentialResult>>();
    promise->start();
    QFuture<CredentialResult> future = promise->future();
    Callback done = [promise](const CredentialResult &result) {
        promise->addResult(result);
        promise->finish();
    };
    if (QThread::currentThread() == thread()) {
        startJob(operation, host, credentials, std::move(done));
    } else {
        QMetaObject::invokeMethod(
                this,
                [this, operation, host, credentials, done = std::move(done)] {
                    startJob(operation, host, credentials, done);
                },
                Qt::QueuedConnection);
    }
    return future;
}

void CredentialStore::startJob(Operation operation,
                               const QString &host,
                               const RegistryCredentials &credentials,
                               Callback done)
{
    const QString key = keyForHost(host);
    if (key.isEmpty()) {
        CredentialResult result;
        result.host = host;
        result.status = CredentialResult::Status::Failed;
        result.errorString = Tr::tr("no registry host given");
        done(result);
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName(), this);
        writeJob->setTextData(QString::fromUtf8(encode(credentials)));
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setAutoDelete(true);
    // Never a plaintext file: without a keychain the job fails and the user is told why.
    job->setInsecureFallback(false);
    job->setKey(key);

    // Whichever comes first, the job's end or the timeout, answers; the other is ignored.
    auto answered = std::make_shared<bool>(false);
    const QString secret = credentials.secret;
    connect(job,
            &QKeychain::Job::finished,
            this,
            [this, operation, key, secret, answered, done](QKeychain::Job *finished) {
                if (*answered)
                    return;
                *answered = true;
                const CredentialResult result = resultOf(finished, key, secret);
                done(result);
                if (result.ok() && operation != Operation::Read)
                    emit credentialsChanged(key);
            });
    QTimer::singleShot(m_timeout, job, [key, answered, done, timeout = m_timeout] {
        if (*answered)
            return;
        *answered = true;
        CredentialResult result;
        result.host = key;
        result.status = CredentialResult::Status::TimedOut;
        result.errorString = Tr::tr("the keychain did not answer within %1 s for %2")
                                     .arg(std::chrono::duration<double>(timeout).count())
                                     .arg(key);
        done(result);
    });
    job->start();
}

CredentialProvider CredentialStore::provider(std::chrono::milliseconds timeout,
                                             SameThread sameThread,
                                             ErrorSink onError) const
{
    return [guard = m_guard, timeout, sameThread, onError](
                   const QString &host) -> std::optional<RegistryCredentials> {
        struct Wait
        {
            std::mutex mutex;
            std::condition_variable condition;
            bool done = false;
            CredentialResult result;
            QPointer<QEventLoop> loop;
        };
        auto wait = std::make_shared<Wait>();
        Callback finish = [wait](const CredentialResult &result) {
            {
                const std::lock_guard lock(wait->mutex);
                wait->result = result;
                wait->done = true;
            }
            wait->condition.notify_all();
            if (wait->loop)
                wait->loop->quit();
        };

        CredentialStore *sameThreadStore = nullptr;
        {
            const std::lock_guard lock(guard->mutex);
            CredentialStore *store = guard->store;
            if (!store)
                return std::nullopt;
            if (store->thread() == QThread::currentThread()) {
                if (sameThread == SameThread::AnswerNothing)
                    return std::nullopt;
                // Only this thread can delete the store, so it stays valid without the lock;
                // the lock must be free before the nested loop, which may run the destructor.
                sameThreadStore = store;
            } else {
                QMetaObject::invokeMethod(
                        store,
                        [store, host, finish] {
                            store->startJob(Operation::Read, host, {}, finish);
                        },
                        Qt::QueuedConnection);
            }
        }

        if (sameThreadStore) {
            QEventLoop loop;
            wait->loop = &loop;
            sameThreadStore->startJob(Operation::Read, host, {}, finish);
            QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
            if (!wait->done)
                loop.exec(QEventLoop::ExcludeUserInputEvents);
        }

        std::unique_lock lock(wait->mutex);
        // In the store's thread the local loop has done all the waiting there is.
        const bool answered = sameThreadStore ? wait->done
                                              : wait->condition.wait_for(lock, timeout, [&wait] {
                                                    return wait->done;
                                                });
        if (!answered) {
            if (onError)
                onError(host,
                        Tr::tr("the keychain did not answer within %1 s for %2")
                                .arg(std::chrono::duration<double>(timeout).count())
                                .arg(keyForHost(host)));
            return std::nullopt;
        }
        const CredentialResult result = wait->result;
        lock.unlock();
        if (result.ok())
            return result.credentials;
        if (result.status != CredentialResult::Status::NotFound && onError)
            onError(host, result.errorString);
        return std::nullopt;
    };
}

CredentialProvider CredentialStore::chain(const QList<CredentialProvider> &providers)
{
    return [providers](const QString &host) -> std::optional<RegistryCredentials> {
        for (const CredentialProvider &provider : providers) {
            if (!provider)
                continue;
            if (auto credentials = provider(host))
                return credentials;
        }
        return std::nullopt;
    };
}

CredentialProvider CredentialStore::keychainThenDockerConfig(const QString &dockerConfigPath,
                                                             std::chrono::milliseconds timeout,
                                                             SameThread sameThread,
                                                             ErrorSink onError) const
{
    const DockerClientConfig docker = DockerClientConfig::load(
            dockerConfigPath.isEmpty() ? DockerClientConfig::defaultPath() : dockerConfigPath);
    return chain({provider(timeout, sameThread, std::move(onError)), docker.provider()});
}

} // namespace Stagecraft::Model

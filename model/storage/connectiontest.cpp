// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontest.h"

#include "common/tr.h"
#include "dockerclientconfig.h"
#include "registryclient.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

namespace Stagecraft::Model {

using namespace Qt::StringLiterals;

namespace {

using Done = std::function<void(const ConnectionTestResult &)>;
using Outcome = ConnectionTestResult::Outcome;
using Transport = ConnectionTestResult::Transport;

/** One test: the client lives in `holder`, a child of the caller's context. */
struct Attempt
{
    ConnectionTestRequest request;
    QString host;       ///< as the user wrote it, normalised ("docker.io")
    QString apiHost;    ///< what is asked ("registry-1.docker.io" for Docker Hub)
    QString repository; ///< the repository whose tags are read, or empty
    QPointer<QObject> context;
    QPointer<QObject> holder;
    RegistryClient *client = nullptr;
    Done done;
    bool finished = false;
};

/**
 * Calls `f` with the future's result in `owner`'s thread, unless `owner` is gone by then. A
 * watcher owned by `owner` rather than QFuture::then(owner, …): Qt 6.4 asserts when the
 * context of a continuation is destroyed before the future finishes.
 */
template<typename T, typename F>
void whenFinished(QObject *owner, const QFuture<T> &future, F f)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, f] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            f(watcher->result());
    });
    watcher->setFuture(future);
}

void finish(const std::shared_ptr<Attempt> &attempt, const ConnectionTestResult &result)
{
    if (attempt->finished)
        return;
    attempt->finished = true;
    if (attempt->holder)
        attempt->holder->deleteLater();
    if (attempt->context)
        attempt->done(result);
}

Transport transportOf(const QString &url, bool insecure)
{
    if (url.startsWith(u"http://"_s))
        return Transport::PlainHttp;
    if (url.startsWith(u"https://"_s))
        return insecure ? Transport::UnverifiedTls : Transport::VerifiedTls;
    return Transport::Unknown;
}

QString reachedSentence(const QString &host, Transport transport)
{
    switch (transport) {
    case Transport::VerifiedTls:
        return Tr::tr("%1 is reachable over HTTPS with a verified certificate.").arg(host);
    case Transport::UnverifiedTls:
        return Tr::tr("%1 is reachable over HTTPS, but its certificate is not verified "
                      "(insecure registry).")
                .arg(host);
    case Transport::PlainHttp:
        return Tr::tr("%1 is reachable over plain HTTP only (insecure registry).").arg(host);
    case Transport::Unknown:
        break;
    }
    return Tr::tr("%1 is reachable.").arg(host);
}

QString signedInSentence(const ConnectionTestResult &result,
                         const std::optional<RegistryCredentials> &credentials)
{
    if (result.authentication.isEmpty())
        return Tr::tr("It lets anyone in: no credentials were needed.");
    const QString how = result.authentication == u"Bearer"_s
                                ? Tr::tr("with a token from its token service")
                                : Tr::tr("with a user name and password");
    if (credentials && !credentials->username.isEmpty())
        return Tr::tr("It accepted the credentials of %1 (%2).").arg(credentials->username, how);
    return Tr::tr("It let us in anonymously (%1).").arg(how);
}

/** The ping failed: which of the outcomes, in one sentence with the client's own message. */
ConnectionTestResult pingFailure(const Attempt &attempt, const RegistryResult &ping)
{
    ConnectionTestResult result;
    result.url = ping.url;
    result.httpStatus = ping.httpCode;
    result.transport = ping.httpCode != 0 ? transportOf(ping.url, attempt.request.options.insecure)
                                          : Transport::Unknown;
    const QString &host = attempt.host;
    const bool https = ping.url.startsWith(u"https://"_s);
    switch (ping.status) {
    case RegistryStatus::AuthenticationFailed:
        if (!attempt.request.credentials || attempt.request.credentials->isEmpty()) {
            result.outcome = Outcome::CredentialsNeeded;
            result.message = reachedSentence(host, result.transport) + u' '
                             + Tr::tr("It needs credentials: %1").arg(ping.errorString);
        } else {
            result.outcome = Outcome::CredentialsRejected;
            result.message = reachedSentence(host, result.transport) + u' '
                             + Tr::tr("The credentials were not accepted: %1").arg(ping.errorString);
        }
        return result;
    case RegistryStatus::TlsError:
        result.outcome = Outcome::TlsError;
        result.message = Tr::tr("The TLS connection to %1 failed: %2").arg(host, ping.errorString);
        return result;
    case RegistryStatus::Timeout:
        result.outcome = Outcome::TimedOut;
        result.message = Tr::tr("%1 did not answer in time: %2").arg(host, ping.errorString);
        return result;
    case RegistryStatus::NotFound:
        result.outcome = Outcome::Failed;
        result.message = Tr::tr("%1 answers HTTP but is not a Docker registry (no /v2/ "
                                "endpoint, HTTP 404).")
                                 .arg(host);
        return result;
    case RegistryStatus::NetworkError:
        switch (QNetworkReply::NetworkError(ping.networkError)) {
        case QNetworkReply::ConnectionRefusedError:
            result.outcome = Outcome::Refused;
            result.message = Tr::tr("%1 refused the connection: nothing listens there.").arg(host);
            return result;
        case QNetworkReply::HostNotFoundError:
            result.outcome = Outcome::HostNotFound;
            result.message = Tr::tr("The host of %1 was not found.").arg(host);
            return result;
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::ProtocolFailure:
        case QNetworkReply::UnknownNetworkError:
            // Before any HTTP answer, over https: the handshake is what failed (a server that
            // speaks plain http closes the connection on the ClientHello).
            if (https && ping.httpCode == 0) {
                result.outcome = Outcome::TlsError;
                result.message = Tr::tr("The TLS connection to %1 failed: %2 (the server may "
                                        "speak plain HTTP only)")
                                         .arg(host, ping.errorString);
                return result;
            }
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    result.outcome = Outcome::Failed;
    result.message = ping.httpCode != 0
                             ? Tr::tr("%1 answered HTTP %2 to /v2/: %3")
                                       .arg(host)
                                       .arg(ping.httpCode)
                                       .arg(ping.errorString)
                             : Tr::tr("Cannot connect to %1: %2").arg(host, ping.errorString);
    return result;
}

void listRepository(const std::shared_ptr<Attempt> &attempt, ConnectionTestResult result)
{
    const QString sentences = result.message;
    if (!attempt->holder)
        return;
    whenFinished(attempt->holder.data(),
                 attempt->client->listTags(attempt->apiHost, attempt->repository),
                 [attempt, result, sentences](const RegistryTagList &list) {
                     ConnectionTestResult r = result;
                     r.repositoryChecked = true;
                     r.url = list.result.url.isEmpty() ? r.url : list.result.url;
                     r.httpStatus = list.result.httpCode;
                     const QString repository = attempt->host + u'/' + attempt->repository;
                     if (list.result.ok() && list.repositoryUnknown) {
                         r.outcome = Outcome::RepositoryNotFound;
                         r.message
                                 = sentences + u' '
                                   + Tr::tr("The repository %1 does not exist yet (werf creates it "
                                            "with the first stage it stores).")
                                             .arg(repository);
                     } else if (list.result.ok()) {
                         r.outcome = Outcome::Reachable;
                         r.tagCount = int(list.tags.size());
                         r.message = sentences + u' '
                                     + Tr::tr("The repository %1 is readable: %n tag(s).",
                                              "",
                                              r.tagCount)
                                               .arg(repository);
                     } else if (list.result.status == RegistryStatus::AuthenticationFailed) {
                         r.outcome = Outcome::RepositoryDenied;
                         r.message = sentences + u' '
                                     + Tr::tr("The repository %1 cannot be read with these "
                                              "credentials: %2")
                                               .arg(repository, list.result.errorString);
                     } else if (list.result.status == RegistryStatus::Timeout) {
                         r.outcome = Outcome::TimedOut;
                         r.message = sentences + u' '
                                     + Tr::tr("Reading the repository %1 took too long: %2")
                                               .arg(repository, list.result.errorString);
                     } else {
                         r.outcome = Outcome::Failed;
                         r.message = sentences + u' '
                                     + Tr::tr("The repository %1 cannot be read: %2")
                                               .arg(repository, list.result.errorString);
                     }
                     finish(attempt, r);
                 });
}

} // namespace

ConnectionTester defaultConnectionTester()
{
    return [](const ConnectionTestRequest &request, QObject *context, Done done) {
        auto attempt = std::make_shared<Attempt>();
        attempt->request = request;
        attempt->context = context;
        attempt->done = std::move(done);

        // "host/project/stages" names the repository too; a scheme is dropped.
        QString address = request.address.trimmed();
        const qsizetype scheme = address.indexOf(u"://"_s);
        if (scheme >= 0)
            address = address.mid(scheme + 3);
        const qsizetype slash = address.indexOf(u'/');
        attempt->repository = request.repository.trimmed();
        if (slash >= 0 && attempt->repository.isEmpty())
            attempt->repository = address.mid(slash + 1);
        while (attempt->repository.endsWith(u'/'))
            attempt->repository.chop(1);
        attempt->host = DockerClientConfig::normalizeHost(address);
        attempt->apiHost = attempt->host == u"docker.io"_s ? u"registry-1.docker.io"_s
                                                           : attempt->host;

        ConnectionTestResult result;
        if (attempt->host.isEmpty() || attempt->host.contains(u' ')
            || !QUrl(u"https://"_s + attempt->host).isValid()) {
            result.message = Tr::tr("\"%1\" is not a registry address.").arg(request.address);
            attempt->done(result);
            return;
        }
        if (!request.options.caFile.isEmpty()
            && QSslCertificate::fromPath(request.options.caFile, QSsl::Pem).isEmpty()) {
            result.message = Tr::tr("The CA file %1 holds no PEM certificate.")
                                     .arg(request.options.caFile);
            attempt->done(result);
            return;
        }

        // One manager and client per test, owned by the context: nothing outlives the dialog.
        attempt->holder = new QObject(context);
        auto *network = new QNetworkAccessManager(attempt->holder);
        attempt->client = new RegistryClient(network, attempt->holder);
        const RegistryHostOptions options = request.options;
        const std::optional<RegistryCredentials> credentials = request.credentials;
        attempt->client->setHostOptionsProvider([options](const QString &) { return options; });
        attempt->client->setCredentialProvider([credentials](const QString &) {
            return credentials && !credentials->isEmpty() ? credentials : std::nullopt;
        });
        attempt->client->setTimeout(request.timeoutMs);
        attempt->client->setOperationTimeout(3 * request.timeoutMs);
        // A button press wants an answer now: one retry of a 429/5xx, not a long backoff.
        attempt->client->setRetryPolicy(1, 200);

        whenFinished(attempt->holder.data(),
                     attempt->client->ping(attempt->apiHost),
                     [attempt](const RegistryResult &ping) {
                         if (!ping.ok())
                             return finish(attempt, pingFailure(*attempt, ping));
                         ConnectionTestResult r;
                         r.outcome = Outcome::Reachable;
                         r.httpStatus = ping.httpCode;
                         r.url = ping.url;
                         r.transport = transportOf(ping.url, attempt->request.options.insecure);
                         r.authentication = ping.authentication;
                         r.message = reachedSentence(attempt->host, r.transport) + u' '
                                     + signedInSentence(r, attempt->request.credentials);
                         if (attempt->repository.isEmpty())
                             return finish(attempt, r);
                         listRepository(attempt, r);
                     });
    };
}

} // namespace Stagecraft::Model

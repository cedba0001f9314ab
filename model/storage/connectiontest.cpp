// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontest.h"

#include "common/tr.h"
#include "dockerclientconfig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

#include <memory>

namespace Stagecraft::Model {

using namespace Qt::StringLiterals;

namespace {

using Done = std::function<void(const ConnectionTestResult &)>;

struct Attempt
{
    ConnectionTestRequest request;
    QString host;
    QPointer<QObject> context;
    QNetworkAccessManager *network = nullptr;
    Done done;
    QList<QSslCertificate> caCertificates;
    bool triedHttp = false;
    bool sentCredentials = false;
};

void ask(const std::shared_ptr<Attempt> &attempt, bool https);

void finish(const std::shared_ptr<Attempt> &attempt, const ConnectionTestResult &result)
{
    if (attempt->network)
        attempt->network->deleteLater();
    attempt->network = nullptr;
    if (attempt->context)
        attempt->done(result);
}

/** The scheme and parameters of a WWW-Authenticate header, roughly: enough to name them. */
std::pair<QString, QString> challenge(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    const qsizetype space = text.indexOf(u' ');
    const QString scheme = (space < 0 ? text : text.left(space)).toLower();
    QString realm;
    const qsizetype at = text.indexOf(u"realm=\""_s, 0, Qt::CaseInsensitive);
    if (at >= 0) {
        const qsizetype start = at + 7;
        const qsizetype end = text.indexOf(u'"', start);
        if (end > start)
            realm = text.mid(start, end - start);
    }
    return {scheme, realm};
}

void handleReply(const std::shared_ptr<Attempt> &attempt,
                 QNetworkReply *reply,
                 bool https,
                 const QStringList &sslErrors)
{
    reply->deleteLater();
    ConnectionTestResult result;
    result.url = reply->url().toString();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString &host = attempt->host;

    if (result.httpStatus == 401) {
        const auto [scheme, realm] = challenge(reply->rawHeader("WWW-Authenticate"));
        const auto &credentials = attempt->request.credentials;
        if (scheme == u"basic"_s && credentials && !credentials->identityToken
            && !attempt->sentCredentials) {
            attempt->sentCredentials = true;
            ask(attempt, https);
            return;
        }
        if (attempt->sentCredentials) {
            result.outcome = ConnectionTestResult::Outcome::CredentialsRejected;
            result.message = Tr::tr("%1 rejected the user name and password (HTTP 401).").arg(host);
        } else if (scheme == u"bearer"_s) {
            result.outcome = ConnectionTestResult::Outcome::CredentialsNeeded;
            result.message
                    = Tr::tr("%1 is reachable and asks for token authentication (realm %2); this "
                             "check does not fetch tokens, so the credentials are not verified.")
                              .arg(host, realm.isEmpty() ? Tr::tr("not given") : realm);
        } else {
            result.outcome = ConnectionTestResult::Outcome::CredentialsNeeded;
            result.message = Tr::tr("%1 is reachable and needs credentials (HTTP 401).").arg(host);
        }
        finish(attempt, result);
        return;
    }

    if (error == QNetworkReply::NoError && result.httpStatus == 200) {
        result.outcome = ConnectionTestResult::Outcome::Reachable;
        result.message = attempt->sentCredentials
                                 ? Tr::tr("%1 is reachable and accepted the credentials.").arg(host)
                                 : Tr::tr("%1 is reachable as a Docker registry (%2).")
                                           .arg(host, https ? u"HTTPS"_s : u"HTTP"_s);
        finish(attempt, result);
        return;
    }

    const bool connectionLevel = result.httpStatus == 0;
    // An insecure host may speak plain http only, as docker's insecure-registries allows.
    if (https && connectionLevel && attempt->request.options.insecure && !attempt->triedHttp
        && error != QNetworkReply::ConnectionRefusedError
        && error != QNetworkReply::HostNotFoundError
        && error != QNetworkReply::OperationCanceledError) {
        attempt->triedHttp = true;
        ask(attempt, false);
        return;
    }

    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        result.outcome = ConnectionTestResult::Outcome::Refused;
        result.message = Tr::tr("%1 refused the connection: nothing listens there.").arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        result.outcome = ConnectionTestResult::Outcome::HostNotFound;
        result.message = Tr::tr("The host of %1 was not found.").arg(host);
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        result.outcome = ConnectionTestResult::Outcome::TimedOut;
        result.message = Tr::tr("%1 did not answer within %2 s.")
                                 .arg(host)
                                 .arg(attempt->request.timeoutMs / 1000.0);
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::UnknownNetworkError:
        // Before any HTTP answer, over https: the handshake is what failed (a server that
        // speaks plain http closes the connection on the ClientHello).
        if (https && connectionLevel) {
            result.outcome = ConnectionTestResult::Outcome::TlsError;
            const QString detail = sslErrors.isEmpty() ? reply->errorString()
                                                       : sslErrors.join(u"; "_s);
            result.message = error == QNetworkReply::SslHandshakeFailedError
                                     ? Tr::tr("The TLS connection to %1 failed: %2").arg(host, detail)
                                     : Tr::tr("The TLS connection to %1 failed: %2 (the server may "
                                              "speak plain HTTP only)")
                                               .arg(host, detail);
            break;
        }
        Q_FALLTHROUGH();
    default:
        if (result.httpStatus == 404) {
            result.message = Tr::tr("%1 answers HTTP but is not a Docker registry (no /v2/ "
                                    "endpoint, HTTP 404).")
                                     .arg(host);
        } else if (result.httpStatus != 0) {
            result.message = Tr::tr("%1 answered HTTP %2 to /v2/.").arg(host).arg(result.httpStatus);
        } else {
            result.message = Tr::tr("Cannot connect to %1: %2").arg(host, reply->errorString());
        }
        result.outcome = ConnectionTestResult::Outcome::Failed;
        break;
    }
    finish(attempt, result);
}

void ask(const std::shared_ptr<Attempt> &attempt, bool https)
{
    if (!attempt->context || !attempt->network)
        return;
    QUrl url;
    url.setScheme(https ? u"https"_s : u"http"_s);
    url.setAuthority(attempt->host);
    url.setPath(u"/v2/"_s);
    QNetworkRequest request(url);
    request.setTransferTimeout(attempt->request.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (https) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!attempt->caCertificates.isEmpty())
            ssl.addCaCertificates(attempt->caCertificates);
        if (attempt->request.options.insecure)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    if (attempt->sentCredentials && attempt->request.credentials) {
        const RegistryCredentials &credentials = *attempt->request.credentials;
        request.setRawHeader("Authorization",
                             "Basic "
                                     + (credentials.username + u':' + credentials.secret)
                                               .toUtf8()
                                               .toBase64());
    }
    QNetworkReply *reply = attempt->network->get(request);
    auto sslErrors = std::make_shared<QStringList>();
    QObject::connect(reply,
                     &QNetworkReply::sslErrors,
                     reply,
                     [sslErrors](const QList<QSslError> &errors) {
                         for (const QSslError &e : errors)
                             *sslErrors << e.errorString();
                     });
    QObject::connect(reply, &QNetworkReply::finished, reply, [attempt, reply, https, sslErrors] {
        handleReply(attempt, reply, https, *sslErrors);
    });
}

} // namespace

ConnectionTester defaultConnectionTester()
{
    return [](const ConnectionTestRequest &request, QObject *context, Done done) {
        auto attempt = std::make_shared<Attempt>();
        attempt->request = request;
        attempt->host = DockerClientConfig::normalizeHost(request.address);
        attempt->context = context;
        attempt->done = std::move(done);

        ConnectionTestResult result;
        if (attempt->host.isEmpty() || !QUrl(u"https://"_s + attempt->host).isValid()) {
            result.message = Tr::tr("\"%1\" is not a registry address.").arg(request.address);
            attempt->done(result);
            return;
        }
        if (!request.options.caFile.isEmpty()) {
            attempt->caCertificates = QSslCertificate::fromPath(request.options.caFile, QSsl::Pem);
            if (attempt->caCertificates.isEmpty()) {
                result.message = Tr::tr("The CA file %1 holds no PEM certificate.")
                                         .arg(request.options.caFile);
                attempt->done(result);
                return;
            }
        }
        // One manager per test, owned by the context: nothing outlives the dialog.
        attempt->network = new QNetworkAccessManager(context);
        ask(attempt, true);
    };
}

} // namespace Stagecraft::Model

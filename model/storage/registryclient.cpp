// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryclient.h"

#include "common/tr.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSysInfo>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace Stagecraft::Model {

namespace {

const QByteArray manifestAccept = QByteArrayLiteral(
        "application/vnd.docker.distribution.manifest.v2+json, "
        "application/vnd.oci.image.manifest.v1+json, "
        "application/vnd.docker.distribution.manifest.list.v2+json, "
        "application/vnd.oci.image.index.v1+json");

QString hostPort(const QUrl &url)
{
    QString host = url.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return url.port() >= 0 ? host + u':' + QString::number(url.port()) : host;
}

/** The auth-params of a WWW-Authenticate challenge (RFC 7235), keys in lower case. */
QHash<QString, QString> challengeParams(const QByteArray &header, QString *scheme)
{
    QHash<QString, QString> params;
    const QString text = QString::fromLatin1(header).trimmed();
    const qsizetype space = text.indexOf(u' ');
    *scheme = (space < 0 ? text : text.left(space)).toLower();
    if (space < 0)
        return params;
    qsizetype i = space + 1;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && (text.at(i) == u' ' || text.at(i) == u','))
            ++i;
        const qsizetype eq = text.indexOf(u'=', i);
        if (eq < 0)
            break;
        const QString key = text.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        QString value;
        if (i < n && text.at(i) == u'"') {
            ++i;
            while (i < n && text.at(i) != u'"') {
                if (text.at(i) == u'\\' && i + 1 < n)
                    ++i;
                value += text.at(i);
                ++i;
            }
            ++i; // closing quote
        } else {
            const qsizetype comma = text.indexOf(u',', i);
            value = text.mid(i, comma < 0 ? n - i : comma - i).trimmed();
            i = comma < 0 ? n : comma;
        }
        params.insert(key, value);
    }
    return params;
}

/** The "next" target of a Link header, or empty. */
QString nextLink(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header);
    for (const QString &part : text.split(u',')) {
        const qsizetype open = part.indexOf(u'<');
        const qsizetype close = part.indexOf(u'>', open + 1);
        if (open < 0 || close < 0)
            continue;
        const QString rest = part.mid(close + 1);
        if (rest.contains(QLatin1String("rel=\"next\"")) || rest.contains(QLatin1String("rel=next")))
            return part.mid(open + 1, close - open - 1).trimmed();
    }
    return {};
}

/** The first "message" of a registry error body ({"errors":[{"code","message"}]}), if any. */
QString registryMessage(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(u"errors").toArray();
    if (errors.isEmpty())
        return {};
    const QJsonObject first = errors.first().toObject();
    QString message = first.value(u"message").toString();
    // The registry's own text; keep it short so that a hostile server cannot flood the output.
    if (message.size() > 200)
        message = message.left(200) + u'…';
    return message;
}

/**
 * What a registry or token service said in an error body: the registry's errors[0].message, or
 * a token service's "details"/"error_description"/"error"/"message", shortened.
 */
QString serverMessage(const QByteArray &body)
{
    QString message = registryMessage(body);
    if (message.isEmpty()) {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        for (const char16_t *key : {u"details", u"error_description", u"error", u"message"}) {
            message = object.value(QStringView(key)).toString();
            if (!message.isEmpty())
                break;
        }
        if (message.size() > 200)
            message = message.left(200) + u'…';
    }
    return message;
}

QString registryCode(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(u"errors").toArray();
    return errors.isEmpty() ? QString() : errors.first().toObject().value(u"code").toString();
}

QString goArchitecture()
{
    const QString arch = QSysInfo::currentCpuArchitecture();
    if (arch == u"x86_64")
        return QStringLiteral("amd64");
    if (arch == u"i386")
        return QStringLiteral("386");
    return arch;
}

RegistryResult failed(RegistryStatus status, int httpCode, const QString &message)
{
    RegistryResult result;
    result.status = status;
    result.httpCode = httpCode;
    result.errorString = message;
    return result;
}

} // namespace

/** One public operation: every request it makes shares its deadline. */
struct RegistryClient::Operation
{
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    int limitMs = 0;
};

struct RegistryClient::Call
{
    QString host;     ///< the registry host (or the token service's host for token requests)
    QString registry; ///< the registry this call serves (for messages)
    QUrl url;         ///< absolute; changes on redirects and on the http fallback
    QString what;     ///< "GET /v2/…" for messages
    QByteArray accept;
    QString scope;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QByteArray fixedAuthorization; ///< token requests: Basic credentials for the realm
    bool tokenRequest = false;
    int attempt = 0;
    bool authenticated = false;
    int redirects = 0;
    bool schemeFallback = false;
    bool aborted = false;
    bool finished = false;
    bool timeLimitHit = false; ///< the operation's deadline aborted the reply
    QString authScheme;        ///< "Basic"/"Bearer" when the last request carried credentials
    QString tlsErrors;
    OperationPtr operation;
    QPointer<QNetworkReply> reply;
    Done done;
};

struct RegistryClient::HostState
{
    QString scheme = QStringLiteral("https");
    RegistryHostOptions options;
    QList<QSslCertificate> caCertificates;
    QString caError;
    QByteArray basic;
    QHash<QString, QByteArray> tokens; ///< by scope: "Bearer …"
    QString warning;
};

RegistryClient::RegistryClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

RegistryClient::~RegistryClient()
{
    abortAll();
}

RegistryClient::HostState &RegistryClient::hostState(const QString &host)
{
    std::shared_ptr<HostState> &state = m_hosts[host];
    if (!state) {
        state = std::make_shared<HostState>();
        if (m_hostOptions)
            state->options = m_hostOptions(host);
        if (!state->options.caFile.isEmpty()) {
            state->caCertificates = QSslCertificate::fromPath(state->options.caFile, QSsl::Pem);
            if (state->caCertificates.isEmpty())
                state->caError = Tr::tr("cannot read CA certificates for %1 from %2")
                                         .arg(host, state->options.caFile);
        }
    }
    return *state;
}

RegistryClient::OperationPtr RegistryClient::newOperation() const
{
    auto operation = std::make_shared<Operation>();
    operation->limitMs = m_operationTimeoutMs;
    if (m_operationTimeoutMs > 0)
        operation->deadline.setRemainingTime(m_operationTimeoutMs);
    return operation;
}

void RegistryClient::get(const OperationPtr &operation,
                         const QString &host,
                         const QString &pathAndQuery,
                         const QByteArray &accept,
                         const QString &scope,
                         Done done)
{
    auto call = std::make_shared<Call>();
    call->operation = operation;
    call->host = host;
    call->registry = host;
    call->url = QUrl(hostState(host).scheme + QStringLiteral("://") + host + pathAndQuery);
    call->what = QStringLiteral("GET ") + pathAndQuery;
    call->accept = accept;
    call->scope = scope;
    call->done = std::move(done);
    m_running.append(call);
    send(call);
}

void RegistryClient::send(const std::shared_ptr<Call> &call)
{
    if (call->aborted) {
        finish(call,
               failed(RegistryStatus::Cancelled,
                      0,
                      Tr::tr("the request to %1 was cancelled").arg(call->registry)));
        return;
    }
    if (!m_network) {
        finish(call, failed(RegistryStatus::NetworkError, 0, Tr::tr("no network access")));
        return;
    }
    if (call->operation && call->operation->deadline.hasExpired()) {
        finish(call, timeLimitExceeded(call));
        return;
    }
    HostState &state = hostState(call->host);
    if (!state.caError.isEmpty()) {
        finish(call, failed(RegistryStatus::TlsError, 0, state.caError));
        return;
    }
    QNetworkRequest request(call->url);
    // Redirects are followed by hand: credentials go only to the registry host itself.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("stagecraft"));
    if (!call->accept.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Accept"), call->accept);
    if (call->tokenRequest) {
        if (!call->fixedAuthorization.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"), call->fixedAuthorization);
    } else if (hostPort(call->url) == call->host.toLower()) {
        const QByteArray token = state.tokens.value(call->scope);
        call->authScheme.clear();
        if (!token.isEmpty()) {
            request.setRawHeader(QByteArrayLiteral("Authorization"), token);
            call->authScheme = QStringLiteral("Bearer");
        } else if (!state.basic.isEmpty()) {
            request.setRawHeader(QByteArrayLiteral("Authorization"), state.basic);
            call->authScheme = QStringLiteral("Basic");
        }
    }
    if (call->url.scheme() == u"https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!state.caCertificates.isEmpty())
            ssl.addCaCertificates(state.caCertificates);
        if (state.options.insecure)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    call->tlsErrors.clear();
    QNetworkReply *reply = nullptr;
    if (call->method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(request, call->body);
    } else {
        reply = m_network->get(request);
    }
    ++m_requests;
    call->reply = reply;
    if (call->operation && !call->operation->deadline.isForever()) {
        // The transfer timeout only notices a stall; a server that trickles a byte now and
        // then would keep an operation alive for ever without this deadline.
        auto *limit = new QTimer(reply);
        limit->setSingleShot(true);
        connect(limit, &QTimer::timeout, reply, [call, reply] {
            call->timeLimitHit = true;
            reply->abort();
        });
        limit->start(std::chrono::milliseconds(
                std::max<qint64>(0, call->operation->deadline.remainingTime())));
    }
    connect(reply, &QNetworkReply::sslErrors, this, [call](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        call->tlsErrors = texts.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        handleFinished(call, reply);
    });
}

QString RegistryClient::hostError(const QString &host,
                                  QNetworkReply *reply,
                                  const QString &tlsErrors) const
{
    if (!tlsErrors.isEmpty())
        return Tr::tr("TLS error with %1: %2").arg(host, tlsErrors);
    return Tr::tr("cannot reach %1: %2").arg(host, reply->errorString());
}

void RegistryClient::handleFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->reply == reply)
        call->reply = nullptr;
    if (call->finished)
        return;
    if (call->aborted) {
        finish(call,
               failed(RegistryStatus::Cancelled,
                      0,
                      Tr::tr("the request to %1 was cancelled").arg(call->registry)));
        return;
    }
    if (call->timeLimitHit) {
        finish(call, timeLimitExceeded(call));
        return;
    }
    HostState &state = hostState(call->host);
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString who = call->tokenRequest ? Tr::tr("the token service %1 of the registry %2")
                                                     .arg(call->host, call->registry)
                                           : Tr::tr("the registry %1").arg(call->host);

    if (code == 0) {
        if (error == QNetworkReply::OperationCanceledError) {
            // Not aborted by us: the transfer timeout fired.
            finish(call,
                   failed(RegistryStatus::Timeout,
                          0,
                          Tr::tr("%1 did not answer %2 within %3 s")
                                  .arg(who,
                                       call->what,
                                       QString::number(m_timeoutMs / 1000.0, 'g', 3))));
            return;
        }
        if (state.options.insecure && !call->tokenRequest && call->url.scheme() == u"https"
            && !call->schemeFallback && error != QNetworkReply::ConnectionRefusedError
            && error != QNetworkReply::HostNotFoundError) {
            // docker's insecure-registries: https without verification first, then plain http.
            call->schemeFallback = true;
            state.scheme = QStringLiteral("http");
            state.warning = Tr::tr("the registry %1 is reached over plain http (insecure registry)")
                                    .arg(call->host);
            call->url.setScheme(QStringLiteral("http"));
            send(call);
            return;
        }
        const bool tls = !call->tlsErrors.isEmpty()
                         || error == QNetworkReply::SslHandshakeFailedError;
        RegistryResult result = failed(tls ? RegistryStatus::TlsError : RegistryStatus::NetworkError,
                                       0,
                                       hostError(call->host, reply, call->tlsErrors));
        result.networkError = int(error);
        finish(call, result);
        return;
    }
    if (state.options.insecure && call->url.scheme() == u"https" && state.warning.isEmpty())
        state.warning = Tr::tr("TLS certificate verification is off for the registry %1 "
                               "(insecure registry)")
                                .arg(call->host);

    const QByteArray body = reply->readAll();
    const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString status = phrase.isEmpty() ? QString::number(code)
                                            : QString::number(code) + u' ' + phrase;

    if (code >= 300 && code < 400 && reply->hasRawHeader("Location")) {
        if (++call->redirects > 5) {
            finish(call,
                   failed(RegistryStatus::HttpError,
                          code,
                          Tr::tr("%1 redirected %2 too many times").arg(who, call->what)));
            return;
        }
        call->url = reply->url().resolved(QUrl(QString::fromLatin1(reply->rawHeader("Location"))));
        send(call);
        return;
    }
    if (code == 401) {
        if (call->tokenRequest || call->authenticated) {
            const bool known = !call->tokenRequest && m_credentials
                               && m_credentials(call->registry).has_value();
            QString message;
            const QString said = serverMessage(body);
            if (call->tokenRequest)
                message = Tr::tr("%1 refused the credentials (HTTP %2)").arg(who, status);
            else if (known)
                message = Tr::tr("%1 answered HTTP %2 to %3 again after authentication: the "
                                 "credentials are not accepted")
                                  .arg(who, status, call->what);
            else
                message = Tr::tr("%1 answered HTTP %2 to %3 again after authentication; no "
                                 "credentials are known for %4")
                                  .arg(who, status, call->what, call->registry);
            if (!said.isEmpty())
                message += QStringLiteral(": ") + said;
            finish(call, failed(RegistryStatus::AuthenticationFailed, code, message));
            return;
        }
        authenticate(call, reply->rawHeader("WWW-Authenticate"));
        return;
    }
    if (code == 403) {
        QString message = Tr::tr("%1 denied %2 (HTTP %3)").arg(who, call->what, status);
        const QString said = serverMessage(body);
        if (!said.isEmpty())
            message += QStringLiteral(": ") + said;
        finish(call, failed(RegistryStatus::AuthenticationFailed, code, message));
        return;
    }
    if (code == 429 || code >= 500) {
        if (call->attempt < m_retries) {
            qint64 delay = qint64(m_firstDelayMs) << call->attempt;
            bool ok = false;
            const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
            if (ok && retryAfter > 0)
                delay = std::max<qint64>(delay, qint64(retryAfter) * 1000);
            delay = std::min<qint64>(delay, 30000);
            if (call->operation && !call->operation->deadline.isForever())
                delay = std::min<qint64>(delay,
                                         std::max<qint64>(0,
                                                          call->operation->deadline.remainingTime()));
            ++call->attempt;
            QTimer::singleShot(int(delay), this, [this, call] { send(call); });
            return;
        }
        finish(call,
               failed(RegistryStatus::HttpError,
                      code,
                      Tr::tr("%1 answered HTTP %2 to %3 (%n attempt(s))", "", call->attempt + 1)
                              .arg(who, status, call->what)));
        return;
    }
    if (code < 200 || code >= 300) {
        const QString message = registryMessage(body);
        QString text = Tr::tr("%1 answered HTTP %2 to %3").arg(who, status, call->what);
        if (!message.isEmpty())
            text += QStringLiteral(": ") + message;
        RegistryResult result = failed(code == 404 ? RegistryStatus::NotFound
                                                   : RegistryStatus::HttpError,
                                       code,
                                       text);
        result.data = body;
        finish(call, result);
        return;
    }
    if (error != QNetworkReply::NoError) {
        // Headers came, the body did not: the connection was cut off.
        finish(call,
               failed(RegistryStatus::NetworkError,
                      code,
                      Tr::tr("%1 closed the connection before the reply to %2 was complete (%3)")
                              .arg(who, call->what, reply->errorString())));
        return;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() != body.size()) {
        finish(call,
               failed(RegistryStatus::NetworkError,
                      code,
                      Tr::tr("%1 closed the connection before the reply to %2 was complete (%3 of "
                             "%4 "
                             "bytes)")
                              .arg(who,
                                   call->what,
                                   QString::number(body.size()),
                                   QString::number(length.toLongLong()))));
        return;
    }
    RegistryResult result = failed(RegistryStatus::Ok, code, QString());
    result.data = body;
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    result.contentDigest = QString::fromLatin1(reply->rawHeader("Docker-Content-Digest"));
    result.linkHeader = reply->rawHeader("Link");
    finish(call, result);
}

void RegistryClient::authenticate(const std::shared_ptr<Call> &call, const QByteArray &challenge)
{
    QString scheme;
    const QHash<QString, QString> params = challengeParams(challenge, &scheme);
    HostState &state = hostState(call->host);
    const std::optional<RegistryCredentials> credentials = m_credentials ? m_credentials(call->host)
                                                                         : std::nullopt;
    const QString who = Tr::tr("the registry %1").arg(call->host);
    if (scheme == u"basic") {
        if (!credentials || credentials->isEmpty() || credentials->identityToken) {
            finish(call,
                   failed(RegistryStatus::AuthenticationFailed,
                          401,
                          Tr::tr("%1 requires a user name and password for %2 (HTTP 401); none are "
                                 "known for it")
                                  .arg(who, call->what)));
            return;
        }
        state.basic = QByteArrayLiteral("Basic ")
                      + (credentials->username + u':' + credentials->secret).toUtf8().toBase64();
        call->authenticated = true;
        send(call);
        return;
    }
    if (scheme != u"bearer" || params.value(QStringLiteral("realm")).isEmpty()) {
        finish(call,
               failed(RegistryStatus::AuthenticationFailed,
                      401,
                      Tr::tr("%1 answered HTTP 401 to %2 without a usable WWW-Authenticate "
                             "challenge")
                              .arg(who, call->what)));
        return;
    }
    const QUrl realm(params.value(QStringLiteral("realm")));
    const QString realmHost = hostPort(realm);
    if (!realm.isValid() || (realm.scheme() != u"https" && realm.scheme() != u"http")) {
        finish(call,
               failed(RegistryStatus::InvalidReply,
                      401,
                      Tr::tr("%1 names an invalid token service").arg(who)));
        return;
    }
    if (realm.scheme() == u"http" && !state.options.insecure
        && !hostState(realmHost).options.insecure) {
        finish(call,
               failed(RegistryStatus::TlsError,
                      401,
                      Tr::tr("%1 sends credentials to the plain http token service %2; mark the "
                             "host "
                             "insecure to allow it")
                              .arg(who, realmHost)));
        return;
    }
    const QString scope = params.contains(QStringLiteral("scope"))
                                  ? params.value(QStringLiteral("scope"))
                                  : call->scope;
    auto tokenCall = std::make_shared<Call>();
    tokenCall->operation = call->operation;
    tokenCall->tokenRequest = true;
    tokenCall->host = realmHost;
    tokenCall->registry = call->host;
    QUrlQuery query(realm);
    const QString service = params.value(QStringLiteral("service"));
    if (credentials && credentials->identityToken) {
        // docker's OAuth2 flow: the identity token is a refresh token, posted, never in the URL.
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("stagecraft"));
        if (!service.isEmpty())
            form.addQueryItem(QStringLiteral("service"), service);
        if (!scope.isEmpty())
            form.addQueryItem(QStringLiteral("scope"), scope);
        form.addQueryItem(QStringLiteral("refresh_token"), credentials->secret);
        tokenCall->method = QByteArrayLiteral("POST");
        tokenCall->body = form.toString(QUrl::FullyEncoded).toUtf8();
        tokenCall->url = realm;
        tokenCall->what = QStringLiteral("POST ") + realm.path();
    } else {
        if (!service.isEmpty())
            query.addQueryItem(QStringLiteral("service"), service);
        if (!scope.isEmpty())
            query.addQueryItem(QStringLiteral("scope"), scope);
        QUrl url = realm;
        url.setQuery(query);
        tokenCall->url = url;
        tokenCall->what = QStringLiteral("GET ") + realm.path();
        if (credentials && !credentials->isEmpty())
            tokenCall->fixedAuthorization
                    = QByteArrayLiteral("Basic ")
                      + (credentials->username + u':' + credentials->secret).toUtf8().toBase64();
    }
    tokenCall->done = [this, call, scope](const RegistryResult &result) {
        if (!result.ok()) {
            RegistryResult failed = result;
            if (failed.status == RegistryStatus::NotFound
                || failed.status == RegistryStatus::HttpError)
                failed.status = RegistryStatus::AuthenticationFailed;
            finish(call, failed);
            return;
        }
        const QJsonObject reply = QJsonDocument::fromJson(result.data).object();
        QString token = reply.value(u"token").toString();
        if (token.isEmpty())
            token = reply.value(u"access_token").toString();
        if (token.isEmpty()) {
            finish(call,
                   failed(RegistryStatus::InvalidReply,
                          result.httpCode,
                          Tr::tr("the token service of the registry %1 answered without a token")
                                  .arg(call->host)));
            return;
        }
        hostState(call->host)
                .tokens.insert(call->scope, QByteArrayLiteral("Bearer ") + token.toUtf8());
        call->authenticated = true;
        call->authScheme = QStringLiteral("Bearer");
        send(call);
    };
    m_running.append(tokenCall);
    send(tokenCall);
}

RegistryResult RegistryClient::timeLimitExceeded(const std::shared_ptr<Call> &call) const
{
    const QString who = call->tokenRequest ? Tr::tr("the token service %1 of the registry %2")
                                                     .arg(call->host, call->registry)
                                           : Tr::tr("the registry %1").arg(call->host);
    const int limit = call->operation ? call->operation->limitMs : 0;
    return failed(RegistryStatus::Timeout,
                  0,
                  Tr::tr("%1 did not complete %2 within the time limit of %3 s for one "
                         "operation")
                          .arg(who, call->what, QString::number(limit / 1000.0, 'g', 3)));
}

void RegistryClient::finish(const std::shared_ptr<Call> &call, RegistryResult result)
{
    if (call->finished)
        return;
    call->finished = true;
    if (result.url.isEmpty())
        result.url = call->url.toString(QUrl::RemoveUserInfo);
    if (result.authentication.isEmpty() && !call->tokenRequest)
        result.authentication = call->authScheme;
    const auto state = m_hosts.value(call->registry);
    if (state && !state->warning.isEmpty())
        result.warnings.append(state->warning);
    // Prune finished calls so that the list does not grow over a long session.
    m_running.removeIf([](const std::weak_ptr<Call> &c) {
        const auto locked = c.lock();
        return !locked || locked->finished;
    });
    Done done = std::move(call->done);
    if (done)
        done(result);
}

void RegistryClient::abortAll()
{
    const QList<std::weak_ptr<Call>> running = m_running;
    for (const std::weak_ptr<Call> &weak : running) {
        const auto call = weak.lock();
        if (!call || call->finished)
            continue;
        call->aborted = true;
        if (call->reply)
            call->reply->abort();
        else
            finish(call,
                   failed(RegistryStatus::Cancelled,
                          0,
                          Tr::tr("the request to %1 was cancelled").arg(call->registry)));
    }
}

QFuture<RegistryResult> RegistryClient::ping(const QString &host)
{
    auto promise = std::make_shared<QPromise<RegistryResult>>();
    promise->start();
    QFuture<RegistryResult> future = promise->future();
    QMetaObject::invokeMethod(this, [this, host, promise] {
        get(newOperation(),
            host,
            QStringLiteral("/v2/"),
            {},
            {},
            [promise](const RegistryResult &result) {
                promise->addResult(result);
                promise->finish();
            });
    });
    return future;
}

QFuture<RegistryResult> RegistryClient::manifest(const QString &host,
                                                 const QString &repository,
                                                 const QString &reference)
{
    auto promise = std::make_shared<QPromise<RegistryResult>>();
    promise->start();
    QFuture<RegistryResult> future = promise->future();
    QMetaObject::invokeMethod(this, [this, host, repository, reference, promise] {
        get(newOperation(),
            host,
            QStringLiteral("/v2/") + repository + QStringLiteral("/manifests/") + reference,
            manifestAccept,
            QStringLiteral("repository:") + repository + QStringLiteral(":pull"),
            [promise](const RegistryResult &result) {
                promise->addResult(result);
                promise->finish();
            });
    });
    return future;
}

QFuture<RegistryTagList> RegistryClient::listTags(const QString &host, const QString &repository)
{
    auto promise = std::make_shared<QPromise<RegistryTagList>>();
    promise->start();
    QFuture<RegistryTagList> future = promise->future();
    QMetaObject::invokeMethod(this, [this, host, repository, promise] {
        auto list = std::make_shared<RegistryTagList>();
        QString path = QStringLiteral("/v2/") + repository + QStringLiteral("/tags/list");
        if (m_pageSize > 0)
            path += QStringLiteral("?n=") + QString::number(m_pageSize);
        listPage(newOperation(), host, repository, path, list, [promise, list] {
            promise->addResult(*list);
            promise->finish();
        });
    });
    return future;
}

void RegistryClient::listPage(const OperationPtr &operation,
                              const QString &host,
                              const QString &repository,
                              const QString &pathAndQuery,
                              const std::shared_ptr<RegistryTagList> &list,
                              const std::function<void()> &done)
{
    get(operation,
        host,
        pathAndQuery,
        QByteArrayLiteral("application/json"),
        QStringLiteral("repository:") + repository + QStringLiteral(":pull"),
        [this, operation, host, repository, pathAndQuery, list, done](const RegistryResult &result) {
            list->result.warnings = result.warnings;
            if (result.status == RegistryStatus::NotFound
                && registryCode(result.data) == u"NAME_UNKNOWN") {
                // A repository nothing was pushed to yet holds no stages.
                list->result.status = RegistryStatus::Ok;
                list->result.httpCode = result.httpCode;
                list->result.url = result.url;
                list->result.authentication = result.authentication;
                list->repositoryUnknown = true;
                done();
                return;
            }
            if (!result.ok()) {
                list->result = result;
                done();
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(result.data, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                list->result
                        = failed(RegistryStatus::InvalidReply,
                                 result.httpCode,
                                 Tr::tr("the registry %1 answered GET %2 with something that is "
                                        "not a tag list")
                                         .arg(host, pathAndQuery));
                done();
                return;
            }
            const QJsonArray tags = document.object().value(u"tags").toArray();
            list->tags.reserve(list->tags.size() + tags.size());
            for (const QJsonValue &tag : tags)
                list->tags.append(tag.toString());
            ++list->pages;
            list->result.status = RegistryStatus::Ok;
            list->result.httpCode = result.httpCode;
            list->result.url = result.url;
            list->result.authentication = result.authentication;
            QString next = nextLink(result.linkHeader);
            if (next.startsWith(QLatin1String("http://"))
                || next.startsWith(QLatin1String("https://"))) {
                const QUrl url(next);
                next = url.path(QUrl::FullyEncoded)
                       + (url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString());
            }
            if (next.isEmpty() || next == pathAndQuery || tags.isEmpty())
                return done();
            if (!next.startsWith(u'/') || list->pages > 100000) {
                list->result
                        = failed(RegistryStatus::InvalidReply,
                                 result.httpCode,
                                 Tr::tr("the registry %1 sent an unusable Link header for the tags "
                                        "of %2")
                                         .arg(host, repository));
                return done();
            }
            listPage(operation, host, repository, next, list, done);
        });
}

QFuture<RegistryImageConfig> RegistryClient::imageConfig(const QString &host,
                                                         const QString &repository,
                                                         const QString &reference,
                                                         bool withLabels)
{
    auto promise = std::make_shared<QPromise<RegistryImageConfig>>();
    promise->start();
    QFuture<RegistryImageConfig> future = promise->future();
    QMetaObject::invokeMethod(this, [this, host, repository, reference, withLabels, promise] {
        resolveConfig(newOperation(),
                      host,
                      repository,
                      reference,
                      withLabels,
                      0,
                      [promise](RegistryImageConfig c) {
                          promise->addResult(std::move(c));
                          promise->finish();
                      });
    });
    return future;
}

void RegistryClient::resolveConfig(const OperationPtr &operation,
                                   const QString &host,
                                   const QString &repository,
                                   const QString &reference,
                                   bool withLabels,
                                   int depth,
                                   const std::function<void(RegistryImageConfig)> &done)
{
    const QString scope = QStringLiteral("repository:") + repository + QStringLiteral(":pull");
    const QString path = QStringLiteral("/v2/") + repository + QStringLiteral("/manifests/")
                         + reference;
    get(operation, host, path, manifestAccept, scope, [=, this](const RegistryResult &result) {
        RegistryImageConfig config;
        config.result = result;
        if (!result.ok())
            return done(config);
        const auto invalid = [&](const QString &message) {
            config.result.status = RegistryStatus::InvalidReply;
            config.result.errorString = message;
            done(config);
        };
        const QJsonObject manifest = QJsonDocument::fromJson(result.data).object();
        QString mediaType = manifest.value(u"mediaType").toString();
        if (mediaType.isEmpty())
            mediaType = result.contentType.section(u';', 0, 0).trimmed();
        if (manifest.contains(u"manifests")) {
            if (depth > 0)
                return invalid(Tr::tr("the registry %1 nests image indexes for %2:%3")
                                       .arg(host, repository, reference));
            const QString arch = goArchitecture();
            QString digest;
            QString linuxDigest;
            const QJsonArray manifests = manifest.value(u"manifests").toArray();
            for (const QJsonValue &value : manifests) {
                const QJsonObject entry = value.toObject();
                const QJsonObject platform = entry.value(u"platform").toObject();
                if (platform.value(u"os").toString() != u"linux")
                    continue;
                if (linuxDigest.isEmpty())
                    linuxDigest = entry.value(u"digest").toString();
                if (platform.value(u"architecture").toString() == arch) {
                    digest = entry.value(u"digest").toString();
                    break;
                }
            }
            if (digest.isEmpty())
                digest = linuxDigest;
            if (digest.isEmpty())
                return invalid(Tr::tr("the image index of %1/%2:%3 has no linux image")
                                       .arg(host, repository, reference));
            return resolveConfig(operation, host, repository, digest, withLabels, depth + 1, done);
        }
        if (manifest.value(u"schemaVersion").toInt() == 1
            || mediaType.contains(QLatin1String("distribution.manifest.v1"))) {
            return invalid(Tr::tr("the registry %1 returned a schema 1 manifest for %2:%3, which "
                                  "is not supported")
                                   .arg(host, repository, reference));
        }
        config.configDigest = manifest.value(u"config").toObject().value(u"digest").toString();
        config.manifestDigest
                = result.contentDigest.isEmpty()
                          ? QStringLiteral("sha256:")
                                    + QString::fromLatin1(
                                            QCryptographicHash::hash(result.data,
                                                                     QCryptographicHash::Sha256)
                                                    .toHex())
                          : result.contentDigest;
        if (config.configDigest.isEmpty())
            return invalid(Tr::tr("the manifest of %1/%2:%3 names no config")
                                   .arg(host, repository, reference));
        if (!withLabels)
            return done(config);
        get(operation,
            host,
            QStringLiteral("/v2/") + repository + QStringLiteral("/blobs/") + config.configDigest,
            {},
            scope,
            [config, done, host, repository](const RegistryResult &blob) mutable {
                if (!blob.ok()) {
                    config.result = blob;
                    return done(config);
                }
                const QJsonObject image = QJsonDocument::fromJson(blob.data).object();
                const QJsonObject labels
                        = image.value(u"config").toObject().value(u"Labels").toObject();
                for (auto it = labels.begin(); it != labels.end(); ++it)
                    config.labels.insert(it.key(), it.value().toString());
                const QJsonArray onBuild
                        = image.value(u"config").toObject().value(u"OnBuild").toArray();
                for (const QJsonValue &trigger : onBuild)
                    config.onBuild.append(trigger.toString());
                config.result.warnings = blob.warnings;
                done(config);
            });
    });
}

} // namespace Stagecraft::Model

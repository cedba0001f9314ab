// SPDX-License-Identifier: GPL-3.0-or-later
//
// The default "Test connection" check against a loopback QTcpServer that answers like a
// registry's /v2/ (or does not answer at all). Only 127.0.0.1.
#include "loopbackhttpserver.h"
#include "storage/connectiontest.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;
using Outcome = ConnectionTestResult::Outcome;

namespace {

/**
 * A tiny HTTP/1.1 server: it reads one request per connection and answers with the reply its
 * responder builds from the request head; connections that start with a TLS ClientHello are
 * closed, as a plain-http registry does.
 */
class LoopbackServer : public QObject
{
public:
    using Responder = std::function<QByteArray(const QByteArray &head)>;

    explicit LoopbackServer(Responder responder)
        : m_responder(std::move(responder))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    if (!buffer.isEmpty() && buffer.at(0) == char(0x16)) { // TLS handshake
                        ++m_tlsAttempts;
                        socket->disconnectFromHost();
                        return;
                    }
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer.left(end);
                    buffer.clear();
                    m_requests << head;
                    const QByteArray reply = m_responder(head);
                    if (reply.isEmpty())
                        return; // stall
                    socket->write(reply);
                    socket->disconnectFromHost();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    const QList<QByteArray> &requests() const { return m_requests; }
    int tlsAttempts() const { return m_tlsAttempts; }

private:
    QTcpServer m_server;
    Responder m_responder;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
    int m_tlsAttempts = 0;
};

QByteArray response(int status, const QByteArray &reason, const QByteArray &headers = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
           + "\r\nContent-Length: 2\r\nContent-Type: application/json\r\n"
             "Docker-Distribution-API-Version: registry/2.0\r\n"
           + headers + "\r\n{}";
}

/** A CA and a server certificate for 127.0.0.1 signed by it, made with OpenSSL for the test. */
struct TestPki
{
    QByteArray caPem;
    QByteArray serverCertPem;
    QByteArray serverKeyPem;
    bool valid = false;
};

QByteArray pemOf(X509 *certificate, EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (certificate)
        PEM_write_bio_X509(bio, certificate);
    if (key)
        PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, size);
    BIO_free(bio);
    return pem;
}

X509 *makeCertificate(EVP_PKEY *key, EVP_PKEY *signer, X509 *issuer, const char *cn, long serial)
{
    X509 *certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), serial);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 24 * 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME *name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name,
                               "CN",
                               MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(cn),
                               -1,
                               -1,
                               0);
    X509_set_issuer_name(certificate, issuer ? X509_get_subject_name(issuer) : name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer ? issuer : certificate, certificate, nullptr, nullptr, 0);
    const auto add = [&](int nid, const char *value) {
        X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        X509_add_ext(certificate, extension, -1);
        X509_EXTENSION_free(extension);
    };
    if (!issuer) {
        add(NID_basic_constraints, "critical,CA:TRUE");
        add(NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add(NID_basic_constraints, "CA:FALSE");
        add(NID_subject_alt_name, "IP:127.0.0.1");
        add(NID_ext_key_usage, "serverAuth");
    }
    X509_sign(certificate, signer, EVP_sha256());
    return certificate;
}

TestPki makePki()
{
    TestPki pki;
    EVP_PKEY *caKey = EVP_EC_gen("P-256");
    EVP_PKEY *serverKey = EVP_EC_gen("P-256");
    if (!caKey || !serverKey)
        return pki;
    X509 *ca = makeCertificate(caKey, caKey, nullptr, "Stagecraft Test CA", 1);
    X509 *server = makeCertificate(serverKey, caKey, ca, "127.0.0.1", 2);
    pki.caPem = pemOf(ca, nullptr);
    pki.serverCertPem = pemOf(server, nullptr);
    pki.serverKeyPem = pemOf(nullptr, serverKey);
    pki.valid = !pki.caPem.isEmpty() && !pki.serverCertPem.isEmpty();
    X509_free(server);
    X509_free(ca);
    EVP_PKEY_free(serverKey);
    EVP_PKEY_free(caKey);
    return pki;
}

/** An https /v2/ that answers 200 over TLS with the test PKI's server certificate. */
class TlsServer : public QObject
{
public:
    explicit TlsServer(const TestPki &pki)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(pki.serverCertPem, QSsl::Pem));
        configuration.setPrivateKey(QSslKey(pki.serverKeyPem, QSsl::Ec, QSsl::Pem));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(configuration);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++m_requests;
                    socket->write(response(200, "OK"));
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    int requests() const { return m_requests; }

private:
    QSslServer m_server;
    int m_requests = 0;
};

ConnectionTestResult failedResult(const QString &message)
{
    ConnectionTestResult result;
    result.outcome = Outcome::Failed;
    result.httpStatus = -1;
    result.message = message;
    return result;
}

ConnectionTestResult runTest(const ConnectionTestRequest &request)
{
    QObject context;
    std::optional<ConnectionTestResult> result;
    int calls = 0;
    defaultConnectionTester()(request, &context, [&](const ConnectionTestResult &r) {
        result = r;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return failedResult(u"no answer"_s);
    // Exactly one answer, even if the event loop keeps running.
    QTest::qWait(50);
    if (calls != 1)
        return failedResult(u"answered %1 times"_s.arg(calls));
    return *result;
}

} // namespace

class tst_ConnectionTest : public QObject
{
    Q_OBJECT

private slots:
    void reachableOverHttpWhenInsecure();
    void basicCredentials_data();
    void basicCredentials();
    void bearerToken_data();
    void bearerToken();
    void notARegistry();
    void refused();
    void tlsErrorWhenSecure();
    void stalledServer();
    void tlsWithCaFile();
    void badCaFile();
    void badAddress();
    void contextGone();
};

void tst_ConnectionTest::reachableOverHttpWhenInsecure()
{
    LoopbackServer server([](const QByteArray &) { return response(200, "OK"); });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    request.options.insecure = true;
    const ConnectionTestResult result = runTest(request);
    QVERIFY2(result.success(), qPrintable(result.message));
    QCOMPARE(result.outcome, Outcome::Reachable);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.url, u"http://%1/v2/"_s.arg(server.address()));
    QVERIFY(result.message.contains(server.address()));
    // https without verification first, as docker does for insecure registries, then http.
    QCOMPARE(server.tlsAttempts(), 1);
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().constFirst().startsWith("GET /v2/ HTTP/1.1"));
}

void tst_ConnectionTest::basicCredentials_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("outcome");
    QTest::newRow("accepted") << u"s3cret"_s << int(Outcome::Reachable);
    QTest::newRow("rejected") << u"wrong"_s << int(Outcome::CredentialsRejected);
    QTest::newRow("none") << QString() << int(Outcome::CredentialsNeeded);
}

void tst_ConnectionTest::basicCredentials()
{
    QFETCH(QString, password);
    QFETCH(int, outcome);
    const QByteArray expected = "Authorization: Basic " + QByteArray("alice:s3cret").toBase64();
    LoopbackServer server([&expected](const QByteArray &head) {
        if (head.contains(expected))
            return response(200, "OK");
        return response(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"Registry\"\r\n");
    });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    request.options.insecure = true;
    if (!password.isEmpty())
        request.credentials = RegistryCredentials{u"alice"_s, password, false};
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(int(result.outcome), outcome);
    QVERIFY(!result.message.isEmpty());
    if (!password.isEmpty())
        QVERIFY(!result.message.contains(password));
    // Credentials only after the challenge, and at most one retry (no 401 loop).
    QCOMPARE(server.requests().size(), password.isEmpty() ? 1 : 2);
    QVERIFY(!server.requests().constFirst().contains("Authorization"));
}

void tst_ConnectionTest::bearerToken_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("expected");
    QTest::newRow("accepted, no repository")
            << u"s3cret"_s << QString() << int(Outcome::Reachable)
            << u"accepted the credentials of alice (with a token"_s;
    QTest::newRow("accepted, repository readable")
            << u"s3cret"_s << u"proj/stages"_s << int(Outcome::Reachable)
            << u"is readable: 2 tag(s)"_s;
    QTest::newRow("accepted, repository unknown")
            << u"s3cret"_s << u"proj/none"_s << int(Outcome::RepositoryNotFound)
            << u"does not exist yet"_s;
    QTest::newRow("accepted, repository denied")
            << u"s3cret"_s << u"other/stages"_s << int(Outcome::RepositoryDenied)
            << u"requested access to the resource is denied"_s;
    QTest::newRow("rejected by the token service")
            << u"wrong"_s << QString() << int(Outcome::CredentialsRejected)
            << u"incorrect username or password"_s;
}

void tst_ConnectionTest::bearerToken()
{
    // A registry front and its token service on loopback, as Docker Hub or GitLab work: /v2/
    // challenges with Bearer, the realm hands out tokens for Basic credentials, the token
    // grants pull on proj/* only.
    QFETCH(QString, password);
    QFETCH(QString, repository);
    QFETCH(int, outcome);
    QFETCH(QString, expected);
    using Stagecraft::Testing::HttpRequest;
    using Stagecraft::Testing::HttpResponse;
    Stagecraft::Testing::LoopbackHttpServer server;
    QVERIFY(server.start());
    const QByteArray realm = "http://" + server.hostPort().toLatin1() + "/token";
    const QByteArray basic = "Basic " + QByteArray("alice:s3cret").toBase64();
    server.setHandler([&](const HttpRequest &r) {
        if (r.path() == "/token") {
            if (r.headers.value("authorization") != basic)
                return HttpResponse::json("{\"details\":\"incorrect username or password\"}",
                                          401,
                                          "Unauthorized");
            const QByteArray scope = QUrl::fromPercentEncoding(r.query()).toLatin1();
            const QByteArray token = scope.contains("scope=repository:proj/") ? "tok-proj"
                                                                              : "tok-base";
            return HttpResponse::json("{\"token\":\"" + token + "\"}");
        }
        const QByteArray auth = r.headers.value("authorization");
        const auto challenge = [&](const QByteArray &scope) {
            HttpResponse response = HttpResponse::json(
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication "
                    "required\"}]}",
                    401,
                    "Unauthorized");
            response.addHeader("WWW-Authenticate",
                               "Bearer realm=\"" + realm + "\",service=\"loopback\""
                                       + (scope.isEmpty() ? QByteArray()
                                                          : ",scope=\"" + scope + "\""));
            return response;
        };
        if (r.path() == "/v2/")
            return auth.startsWith("Bearer tok-") ? HttpResponse::json("{}") : challenge({});
        const QByteArray path = r.path();
        const QByteArray repo = path.mid(4, path.indexOf("/tags/list") - 4);
        if (auth != "Bearer tok-proj") {
            if (auth.isEmpty() || auth == "Bearer tok-base")
                if (!repo.startsWith("proj/") && auth == "Bearer tok-base")
                    return HttpResponse::json("{\"errors\":[{\"code\":\"DENIED\",\"message\":"
                                              "\"requested access to the resource is "
                                              "denied\"}]}",
                                              403,
                                              "Forbidden");
            return challenge("repository:" + repo + ":pull");
        }
        if (repo == "proj/none")
            return HttpResponse::json("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":"
                                      "\"repository name not known to registry\"}]}",
                                      404,
                                      "Not Found");
        return HttpResponse::json("{\"name\":\"" + repo + "\",\"tags\":[\"a-1\",\"b-2\"]}");
    });

    ConnectionTestRequest request;
    request.address = server.hostPort();
    request.repository = repository;
    request.options.insecure = true;
    request.credentials = RegistryCredentials{u"alice"_s, password, false};
    const ConnectionTestResult result = runTest(request);
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    QCOMPARE(int(result.outcome), outcome);
    QVERIFY(!result.message.contains(password));
    QCOMPARE(result.transport, ConnectionTestResult::Transport::PlainHttp);
    if (outcome == int(Outcome::CredentialsRejected)) {
        QVERIFY(result.authentication.isEmpty());
        return;
    }
    QCOMPARE(result.authentication, u"Bearer"_s);
    QCOMPARE(result.repositoryChecked, !repository.isEmpty());
    // The token was fetched: /v2/, /token, /v2/ with it (then the tag list's own scope).
    QList<QByteArray> paths;
    for (const HttpRequest &r : server.requests())
        paths << r.path();
    QCOMPARE(paths.mid(0, 3), (QList<QByteArray>{"/v2/", "/token", "/v2/"}));
    if (outcome == int(Outcome::Reachable) && !repository.isEmpty())
        QCOMPARE(result.tagCount, 2);
}

void tst_ConnectionTest::notARegistry()
{
    LoopbackServer server([](const QByteArray &) { return response(404, "Not Found"); });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    request.options.insecure = true;
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::Failed);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY(result.message.contains(u"not a Docker registry"_s));
}

void tst_ConnectionTest::refused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString address = u"127.0.0.1:%1"_s.arg(probe.serverPort());
    probe.close();
    ConnectionTestRequest request;
    request.address = address;
    request.options.insecure = true;
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::Refused);
    QVERIFY(result.message.contains(address));
}

void tst_ConnectionTest::tlsErrorWhenSecure()
{
    // A plain-http server where https is expected: verification on, no fallback to http.
    LoopbackServer server([](const QByteArray &) { return response(200, "OK"); });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::TlsError);
    QVERIFY(result.message.contains(u"TLS"_s));
    QCOMPARE(server.requests().size(), 0);
}

void tst_ConnectionTest::stalledServer()
{
    LoopbackServer server([](const QByteArray &) { return QByteArray(); });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    request.options.insecure = true;
    request.timeoutMs = 700;
    QElapsedTimer timer;
    timer.start();
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::TimedOut);
    QVERIFY(timer.elapsed() < 10000);
}

void tst_ConnectionTest::tlsWithCaFile()
{
    if (!QSslSocket::supportsSsl()) {
        if (qEnvironmentVariable("CI") == u"true"_s)
            QFAIL("Qt has no TLS backend (Debian: libssl3 and Qt's OpenSSL plugin)");
        QSKIP("Qt has no TLS backend here");
    }
    const TestPki pki = makePki();
    QVERIFY(pki.valid);
    TlsServer server(pki);
    QVERIFY(server.listen());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString caFile = dir.filePath(u"ca.pem"_s);
    QFile file(caFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pki.caPem);
    file.close();

    ConnectionTestRequest request;
    request.address = server.address();

    // Verification on, the private CA unknown: a TLS error naming the certificate problem.
    ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::TlsError);
    QVERIFY2(result.message.contains(u"certificate"_s, Qt::CaseInsensitive),
             qPrintable(result.message));
    QCOMPARE(server.requests(), 0);

    // The host's CA file makes the same server trusted.
    request.options.caFile = caFile;
    result = runTest(request);
    QVERIFY2(result.success(), qPrintable(result.message));
    QCOMPARE(result.url, u"https://%1/v2/"_s.arg(server.address()));
    QCOMPARE(server.requests(), 1);

    // Insecure without the CA: https without verification, no fallback to http needed.
    request.options.caFile.clear();
    request.options.insecure = true;
    result = runTest(request);
    QVERIFY2(result.success(), qPrintable(result.message));
    QVERIFY(result.url.startsWith(u"https://"_s));
    QCOMPARE(server.requests(), 2);
}

void tst_ConnectionTest::badCaFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"ca.pem"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    ConnectionTestRequest request;
    request.address = u"127.0.0.1:1"_s;
    request.options.caFile = path;
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY(result.message.contains(path));
    request.options.caFile = dir.filePath(u"missing.pem"_s);
    QCOMPARE(runTest(request).outcome, Outcome::Failed);
}

void tst_ConnectionTest::badAddress()
{
    ConnectionTestRequest request;
    request.address = u"   "_s;
    const ConnectionTestResult result = runTest(request);
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY(!result.message.isEmpty());
}

void tst_ConnectionTest::contextGone()
{
    LoopbackServer server([](const QByteArray &) { return QByteArray(); });
    QVERIFY(server.listen());
    ConnectionTestRequest request;
    request.address = server.address();
    request.options.insecure = true;
    bool called = false;
    {
        QObject context;
        defaultConnectionTester()(request, &context, [&called](const ConnectionTestResult &) {
            called = true;
        });
        QTest::qWait(100);
    }
    // The manager and its replies died with the context: no late call, no crash.
    QTest::qWait(300);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The registry client against loopback servers: pagination, Bearer and Basic auth, and the
// faults (401 loop, 500s, a reply cut off, a stalled server, nothing listening).

#include "awaitfuture.h"
#include "loopbackhttpserver.h"
#include "storage/registryclient.h"
#include "storage/registrystorage.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

namespace {

const QString secret = QStringLiteral("s3cr3t-Pa55");
const QByteArray basicHeader = "Basic " + QByteArray("robot:s3cr3t-Pa55").toBase64();

QByteArray tagsBody(const QStringList &tags)
{
    QJsonArray array;
    for (const QString &t : tags)
        array.append(t);
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("p/stages")},
                                     {QStringLiteral("tags"), array}})
            .toJson(QJsonDocument::Compact);
}

} // namespace

class tst_RegistryClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryClient> client(const LoopbackHttpServer &server,
                                           std::optional<RegistryCredentials> credentials = {})
    {
        auto c = std::make_unique<RegistryClient>(&m_network);
        const QString host = server.hostPort();
        c->setHostOptionsProvider([host](const QString &h) {
            RegistryHostOptions o;
            o.insecure = h == host; // plain http loopback servers
            return o;
        });
        if (!credentials)
            credentials = RegistryCredentials{QStringLiteral("robot"), secret, false};
        c->setCredentialProvider([credentials](const QString &) { return credentials; });
        c->setRetryPolicy(2, 10);
        c->setTimeout(5000);
        return c;
    }

    void checkNoSecret(const RegistryResult &result)
    {
        QVERIFY2(!result.errorString.contains(secret), qPrintable(result.errorString));
        QVERIFY(!result.errorString.contains(QString::fromLatin1(basicHeader.mid(6))));
        for (const QString &w : result.warnings)
            QVERIFY(!w.contains(secret));
    }

    QNetworkAccessManager m_network;

private slots:
    void tagsWithLinkPagination()
    {
        const QStringList all{QStringLiteral("a-1"),
                              QStringLiteral("b-2"),
                              QStringLiteral("c-3"),
                              QStringLiteral("d-4"),
                              QStringLiteral("e-5")};
        LoopbackHttpServer server([&all](const HttpRequest &r) {
            if (r.path() != "/v2/p/stages/tags/list")
                return HttpResponse::json("{}", 404, "Not Found");
            const QUrlQuery q(QString::fromLatin1(r.query()));
            const int n = q.queryItemValue(QStringLiteral("n")).toInt();
            const QString last = q.queryItemValue(QStringLiteral("last"));
            const qsizetype from = last.isEmpty() ? 0 : all.indexOf(last) + 1;
            const QStringList page = all.mid(from, n);
            HttpResponse response = HttpResponse::json(tagsBody(page));
            if (from + n < all.size())
                response.addHeader("Link",
                                   "</v2/p/stages/tags/list?last=" + page.last().toLatin1()
                                           + "&n=" + QByteArray::number(n) + ">; rel=\"next\"");
            return response;
        });
        QVERIFY(server.start());
        auto c = client(server);
        c->setPageSize(2);
        const RegistryTagList list = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QVERIFY2(list.result.ok(), qPrintable(list.result.errorString));
        QCOMPARE(list.tags, all);
        QCOMPARE(list.pages, 3);
        // The insecure host is tried over https first, then over plain http, and says so.
        QVERIFY(server.rejectedConnections() >= 1);
        QVERIFY(list.result.warnings.join(u'\n').contains(QLatin1String("plain http")));
        QCOMPARE(server.requestCount(), 3);
    }

    void storageListing()
    {
        const QString sig = QString(56, u'd');
        LoopbackHttpServer server([&sig](const HttpRequest &) {
            return HttpResponse::json(tagsBody({sig + QStringLiteral("-3"),
                                                sig + QStringLiteral("-2"),
                                                sig + QStringLiteral("-2-rejected"),
                                                QStringLiteral("managed-image-x")}));
        });
        QVERIFY(server.start());
        auto c = client(server);
        RegistryStorage storage(*RegistryReference::parseRepository(server.hostPort()
                                                                            + QStringLiteral(
                                                                                    "/p/stages"),
                                                                    nullptr),
                                c.get());
        bool finished = false;
        const StageListing listing = await(storage.listStages(QStringLiteral("p")),
                                           10000,
                                           &finished);
        QVERIFY(finished);
        QVERIFY2(listing.ok, qPrintable(listing.error));
        QCOMPARE(listing.tagCount, 4);
        QCOMPARE(listing.usable(sig).size(), 1);
        QCOMPARE(listing.usable(sig).first().imageName,
                 server.hostPort() + QStringLiteral("/p/stages:") + sig + QStringLiteral("-3"));
    }

    void unknownRepositoryIsEmpty()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            return HttpResponse::json("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":"
                                      "\"repository name not known to registry\"}]}",
                                      404,
                                      "Not Found");
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryTagList list = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QVERIFY(list.result.ok());
        QVERIFY(list.tags.isEmpty());
    }

    void bearerToken_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<bool>("identityToken");
        QTest::newRow("token") << QByteArray("token") << false;
        QTest::newRow("access_token") << QByteArray("access_token") << false;
        QTest::newRow("identity token (refresh)") << QByteArray("access_token") << true;
    }

    void bearerToken()
    {
        QFETCH(QByteArray, field);
        QFETCH(bool, identityToken);
        LoopbackHttpServer server;
        QByteArray tokenRequestQuery;
        QByteArray tokenRequestBody;
        server.setHandler([&](const HttpRequest &r) {
            if (r.path() == "/token") {
                tokenRequestQuery = r.query();
                tokenRequestBody = r.body;
                const bool accepted = identityToken
                                              ? r.method == "POST"
                                                        && r.body.contains(
                                                                "grant_type=refresh_token")
                                                        && r.body.contains(
                                                                "refresh_token=s3cr3t-Pa55")
                                              : r.headers.value("authorization") == basicHeader;
                if (!accepted)
                    return HttpResponse::json("{}", 401, "Unauthorized");
                return HttpResponse::json("{\"" + field + "\":\"T0K3N\",\"expires_in\":300}");
            }
            if (r.headers.value("authorization") != "Bearer T0K3N") {
                HttpResponse challenge
                        = HttpResponse::json("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":"
                                             "\"authentication required\"}]}",
                                             401,
                                             "Unauthorized");
                challenge.addHeader("WWW-Authenticate",
                                    "Bearer realm=\"http://" + server.hostPort().toLatin1()
                                            + "/token\",service=\"fake registry\","
                                              "scope=\"repository:p/stages:pull\"");
                return challenge;
            }
            return HttpResponse::json(tagsBody({QStringLiteral("x-1")}));
        });
        QVERIFY(server.start());
        auto c = client(server,
                        RegistryCredentials{identityToken ? QStringLiteral("<token>")
                                                          : QStringLiteral("robot"),
                                            secret,
                                            identityToken});
        const RegistryTagList list = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QVERIFY2(list.result.ok(), qPrintable(list.result.errorString));
        QCOMPARE(list.tags, QStringList{QStringLiteral("x-1")});
        const QUrlQuery query(
                QString::fromLatin1(identityToken ? tokenRequestBody : tokenRequestQuery));
        QCOMPARE(query.queryItemValue(QStringLiteral("service")), QStringLiteral("fake registry"));
        QCOMPARE(query.queryItemValue(QStringLiteral("scope")),
                 QStringLiteral("repository:p/stages:pull"));
        // The secret never travels in a URL.
        for (const HttpRequest &r : server.requests())
            QVERIFY(!r.target.contains("s3cr3t"));

        // The token is reused: a second call sends no token request.
        const int before = server.requestCount();
        const RegistryTagList again = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QVERIFY(again.result.ok());
        QCOMPARE(server.requestCount(), before + 1);
    }

    void basicAuth()
    {
        LoopbackHttpServer server([](const HttpRequest &r) {
            if (r.headers.value("authorization") != basicHeader) {
                HttpResponse challenge = HttpResponse::json("{}", 401, "Unauthorized");
                challenge.addHeader("WWW-Authenticate", "Basic realm=\"Registry Realm\"");
                return challenge;
            }
            return HttpResponse::json(tagsBody({QStringLiteral("y-2")}));
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryTagList list = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QVERIFY2(list.result.ok(), qPrintable(list.result.errorString));
        QCOMPARE(list.tags, QStringList{QStringLiteral("y-2")});
    }

    void basicAuthWithoutCredentials()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            HttpResponse challenge = HttpResponse::json("{}", 401, "Unauthorized");
            challenge.addHeader("WWW-Authenticate", "Basic realm=\"Registry Realm\"");
            return challenge;
        });
        QVERIFY(server.start());
        auto c = client(server, RegistryCredentials{});
        c->setCredentialProvider([](const QString &) { return std::nullopt; });
        const RegistryResult result = await(c->ping(server.hostPort()));
        QCOMPARE(result.status, RegistryStatus::AuthenticationFailed);
        QVERIFY2(result.errorString.contains(server.hostPort()), qPrintable(result.errorString));
        QVERIFY(result.errorString.contains(QLatin1String("none are known")));
    }

    void unauthorizedLoop()
    {
        LoopbackHttpServer server;
        server.setHandler([&server](const HttpRequest &r) {
            if (r.path() == "/token")
                return HttpResponse::json("{\"token\":\"useless\"}");
            HttpResponse challenge = HttpResponse::json("{}", 401, "Unauthorized");
            challenge.addHeader("WWW-Authenticate",
                                "Bearer realm=\"http://" + server.hostPort().toLatin1()
                                        + "/token\",service=\"loop\"");
            return challenge;
        });
        QVERIFY(server.start());
        auto c = client(server);
        QElapsedTimer timer;
        timer.start();
        const RegistryResult result = await(c->manifest(server.hostPort(),
                                                        QStringLiteral("p/stages"),
                                                        QStringLiteral("latest")));
        QCOMPARE(result.status, RegistryStatus::AuthenticationFailed);
        QCOMPARE(result.httpCode, 401);
        QVERIFY2(result.errorString.contains(server.hostPort()), qPrintable(result.errorString));
        QVERIFY(result.errorString.contains(QLatin1String("401")));
        QVERIFY(result.errorString.contains(QLatin1String("not accepted")));
        checkNoSecret(result);
        // One challenge answered, then it stops: manifest, token, manifest.
        QCOMPARE(server.requestCount(), 3);
        QVERIFY(timer.elapsed() < 10000);
    }

    void serverErrors()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            return HttpResponse::json("{}", 500, "Internal Server Error");
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryResult result = await(c->ping(server.hostPort()));
        QCOMPARE(result.status, RegistryStatus::HttpError);
        QCOMPARE(result.httpCode, 500);
        QVERIFY2(result.errorString.contains(server.hostPort()), qPrintable(result.errorString));
        QVERIFY(result.errorString.contains(QLatin1String("HTTP 500 Internal Server Error")));
        QVERIFY(result.errorString.contains(QLatin1String("3 attempt")));
        QCOMPARE(server.requestCount(), 3); // the first try and two retries
    }

    void retriesThenSuccess()
    {
        int calls = 0;
        LoopbackHttpServer server([&calls](const HttpRequest &) {
            if (++calls <= 2)
                return HttpResponse::json("{}",
                                          calls == 1 ? 503 : 429,
                                          calls == 1 ? "Service Unavailable" : "Too Many Requests");
            return HttpResponse::json("{}");
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryResult result = await(c->ping(server.hostPort()));
        QVERIFY2(result.ok(), qPrintable(result.errorString));
        QCOMPARE(calls, 3);
    }

    void replyCutOff()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            HttpResponse r = HttpResponse::json(tagsBody({QStringLiteral("a-1")}));
            r.mode = HttpResponse::Mode::CutOff;
            return r;
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryTagList list = await(
                c->listTags(server.hostPort(), QStringLiteral("p/stages")));
        QCOMPARE(list.result.status, RegistryStatus::NetworkError);
        QVERIFY2(list.result.errorString.contains(QLatin1String("closed the connection")),
                 qPrintable(list.result.errorString));
        QVERIFY(list.result.errorString.contains(server.hostPort()));
        QVERIFY(list.tags.isEmpty());
    }

    void stalledServer()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            HttpResponse r;
            r.mode = HttpResponse::Mode::Stall;
            return r;
        });
        QVERIFY(server.start());
        auto c = client(server);
        c->setTimeout(700);
        QElapsedTimer timer;
        timer.start();
        const RegistryResult result = await(c->ping(server.hostPort()));
        QCOMPARE(result.status, RegistryStatus::Timeout);
        QVERIFY2(result.errorString.contains(QLatin1String("did not answer")),
                 qPrintable(result.errorString));
        QVERIFY(result.errorString.contains(server.hostPort()));
        QVERIFY(timer.elapsed() < 5000);
    }

    void tricklingServerHitsTheTimeLimit_data()
    {
        QTest::addColumn<bool>("listing");
        QTest::newRow("ping") << false;
        QTest::newRow("tag listing") << true;
    }

    void tricklingServerHitsTheTimeLimit()
    {
        // One byte a second never trips the no-progress timeout (5 s here); the operation's
        // overall limit must end it.
        QFETCH(bool, listing);
        LoopbackHttpServer server([](const HttpRequest &) {
            HttpResponse r = HttpResponse::json(tagsBody({QStringLiteral("a-1")}));
            r.mode = HttpResponse::Mode::Trickle;
            r.trickleIntervalMs = 1000;
            return r;
        });
        QVERIFY(server.start());
        auto c = client(server);
        c->setOperationTimeout(2500);
        QElapsedTimer timer;
        timer.start();
        RegistryResult result;
        if (listing)
            result = await(c->listTags(server.hostPort(), QStringLiteral("p/stages")), 20000).result;
        else
            result = await(c->ping(server.hostPort()), 20000);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(result.status, RegistryStatus::Timeout);
        QVERIFY2(result.errorString.contains(QLatin1String("time limit of 2.5 s")),
                 qPrintable(result.errorString));
        QVERIFY(result.errorString.contains(server.hostPort()));
        QVERIFY2(elapsed >= 2000 && elapsed < 5000, qPrintable(QString::number(elapsed)));
    }

    void timeLimitSpansPagesAndStorage()
    {
        // Every page is quick, but the listing as a whole takes longer than its limit: the
        // limit is per operation, not per request.
        LoopbackHttpServer server([](const HttpRequest &r) {
            const int page = QUrlQuery(QString::fromLatin1(r.query()))
                                     .queryItemValue(QStringLiteral("last"))
                                     .toInt();
            HttpResponse response = HttpResponse::json(
                    tagsBody({QStringLiteral("sig%1-1").arg(page + 1)}));
            response.addHeader("Link",
                               "</v2/p/stages/tags/list?n=1&last=" + QByteArray::number(page + 1)
                                       + ">; rel=\"next\"");
            response.mode = HttpResponse::Mode::Trickle;
            response.trickleIntervalMs = 5; // ~40 bytes: 200 ms a page
            return response;
        });
        QVERIFY(server.start());
        auto c = client(server);
        RegistryReference repository;
        repository.host = server.hostPort();
        repository.repository = QStringLiteral("p/stages");
        RegistryStorage storage(repository, c.get());
        storage.setTimeLimit(1500);
        QElapsedTimer timer;
        timer.start();
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 20000);
        QVERIFY(!listing.ok);
        QVERIFY2(listing.error.contains(QLatin1String("time limit of 1.5 s")),
                 qPrintable(listing.error));
        QVERIFY(server.requestCount() >= 3);
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    }

    void cancelStalled()
    {
        LoopbackHttpServer server([](const HttpRequest &) {
            HttpResponse r;
            r.mode = HttpResponse::Mode::Stall;
            return r;
        });
        QVERIFY(server.start());
        auto c = client(server);
        QFuture<RegistryResult> future = c->ping(server.hostPort());
        QTRY_VERIFY(server.requestCount() == 1);
        c->abortAll();
        const RegistryResult result = await(future, 5000);
        QCOMPARE(result.status, RegistryStatus::Cancelled);
    }

    void nothingListening()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString host = QStringLiteral("127.0.0.1:") + QString::number(probe.serverPort());
        probe.close();
        QNetworkAccessManager network;
        RegistryClient c(&network);
        const RegistryResult result = await(c.ping(host));
        QCOMPARE(result.status, RegistryStatus::NetworkError);
        QVERIFY2(result.errorString.contains(host), qPrintable(result.errorString));
    }

    void imageConfigAndLabels()
    {
        const QByteArray config
                = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"werf\":"
                  "\"proj\",\"werf-git-abc-commit\":\"0123\"}}}";
        const QByteArray configDigest
                = "sha256:" + QCryptographicHash::hash(config, QCryptographicHash::Sha256).toHex();
        const QByteArray manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/"
                                    "vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                                    "\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                                    + configDigest + "\",\"size\":1},\"layers\":[]}";
        const QByteArray index
                = "{\"schemaVersion\":2,\"mediaType\":\"application/"
                  "vnd.oci.image.index.v1+json\",\"manifests\":[\n"
                  "            "
                  "{\"digest\":\"sha256:"
                  "0000000000000000000000000000000000000000000000000000000000000000\",\"platform\":"
                  "{\"os\":\"windows\",\"architecture\":\"amd64\"}},\n"
                  "            "
                  "{\"digest\":\"sha256:"
                  "1111111111111111111111111111111111111111111111111111111111111111\",\"platform\":"
                  "{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}";
        LoopbackHttpServer server([&](const HttpRequest &r) {
            if (r.path() == "/v2/lib/base/manifests/latest") {
                HttpResponse response = HttpResponse::json(index);
                response.headers = {{"Content-Type", "application/vnd.oci.image.index.v1+json"}};
                return response;
            }
            if (r.path()
                        == "/v2/lib/base/manifests/"
                           "sha256:1111111111111111111111111111111111111111111111111111111111111111"
                || r.path() == "/v2/p/stages/manifests/abc-1") {
                if (!r.headers.value("accept").contains(
                            "application/vnd.oci.image.manifest.v1+json"))
                    return HttpResponse::json("{}", 406, "Not Acceptable");
                HttpResponse response = HttpResponse::json(manifest);
                response.headers = {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"},
                                    {"Docker-Content-Digest", "sha256:feed"}};
                return response;
            }
            if (r.path() == "/v2/p/stages/blobs/" + configDigest)
                return HttpResponse::json(config);
            return HttpResponse::json("{}", 404, "Not Found");
        });
        QVERIFY(server.start());
        auto c = client(server);
        const RegistryImageConfig base = await(c->imageConfig(server.hostPort(),
                                                              QStringLiteral("lib/base"),
                                                              QStringLiteral("latest"),
                                                              false));
        QVERIFY2(base.result.ok(), qPrintable(base.result.errorString));
        QCOMPARE(base.configDigest, QString::fromLatin1(configDigest));
        const RegistryImageConfig stage = await(c->imageConfig(server.hostPort(),
                                                               QStringLiteral("p/stages"),
                                                               QStringLiteral("abc-1"),
                                                               true));
        QVERIFY2(stage.result.ok(), qPrintable(stage.result.errorString));
        QCOMPARE(stage.manifestDigest, QStringLiteral("sha256:feed"));
        QCOMPARE(stage.labels.value(QStringLiteral("werf-git-abc-commit")), QStringLiteral("0123"));
        const RegistryImageConfig missing = await(c->imageConfig(server.hostPort(),
                                                                 QStringLiteral("p/stages"),
                                                                 QStringLiteral("nope-2"),
                                                                 true));
        QCOMPARE(missing.result.status, RegistryStatus::NotFound);
        QVERIFY(missing.result.errorString.contains(QLatin1String("HTTP 404")));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryClient)
#include "tst_registryclient.moc"

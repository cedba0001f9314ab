// SPDX-License-Identifier: GPL-3.0-or-later
// The Docker daemon as stages storage: no daemon = one clear "not available"; a loopback unix
// socket that answers like the Engine API (chunked) for the listing.

#include "awaitfuture.h"
#include "config/configloader.h"
#include "storage/dockerengineclient.h"
#include "storage/dockerstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

class tst_DockerStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void noDaemon_data()
    {
        QTest::addColumn<bool>("fileExists");
        QTest::newRow("no socket") << false;
        QTest::newRow("socket file without daemon") << true;
    }

    void noDaemon()
    {
        QFETCH(bool, fileExists);
        const QString path = m_dir.filePath(fileExists ? QStringLiteral("dead.sock")
                                                       : QStringLiteral("none.sock"));
        if (fileExists) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        DockerEngineClient client(path);
        DockerStorage storage(&client);
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 10000);
        QVERIFY(!listing.ok);
        QVERIFY(!listing.available);
        QVERIFY2(listing.error.contains(QLatin1String("Docker daemon is not available")),
                 qPrintable(listing.error));
        QVERIFY(listing.error.contains(path));
    }

    void planWithoutDaemon()
    {
        QTemporaryDir project;
        QFile file(project.filePath(QStringLiteral("werf.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("project: p\nconfigVersion: 1\n---\nimage: a\nfrom: alpine\n");
        file.close();
        qputenv("DOCKER_HOST", "unix://" + m_dir.filePath(QStringLiteral("absent.sock")).toUtf8());
        StorageSpec spec;
        spec.kind = StorageSpec::Kind::Docker;
        StorageSession session(spec, {});
        const StoragePlan result = await(
                planWithStorageAsync(loadProject(project.path()), session.storage(), nullptr));
        qunsetenv("DOCKER_HOST");
        QVERIFY(!result.storageOk);
        QVERIFY(!result.storageAvailable);
        const StagePlan &from = result.plan.images.first().stages.first();
        QCOMPARE(from.statusName(), QStringLiteral("unknown"));
        QVERIFY(from.statusReason.contains(QLatin1String("not available")));
    }

    void unsupportedDockerHost()
    {
        qputenv("DOCKER_HOST", "tcp://127.0.0.1:2375");
        QString error;
        QVERIFY(DockerEngineClient::defaultSocketPath(&error).isEmpty());
        qunsetenv("DOCKER_HOST");
        QVERIFY(error.contains(QLatin1String("only unix://")));
    }

    void engineApiListing()
    {
        const QString sig = QString(56, u'e');
        const QByteArray tagPrefix = "werf-stages-storage/p:" + sig.toLatin1();
        const QByteArray images
                = "[{\"Id\":\"sha256:1111\",\"RepoTags\":[\"" + tagPrefix
                  + "-20\",\"unrelated:latest\"],\"Labels\":{\"werf-git-ph-commit\":\"abc\"}},"
                    "{\"Id\":\"sha256:2222\",\"RepoTags\":[\""
                  + tagPrefix + "-10\"],\"Labels\":null}]";
        QLocalServer server;
        const QString path = m_dir.filePath(QStringLiteral("docker.sock"));
        QVERIFY(server.listen(path));
        QByteArray request;
        connect(&server, &QLocalServer::newConnection, this, [&] {
            QLocalSocket *socket = server.nextPendingConnection();
            connect(socket, &QLocalSocket::readyRead, socket, [&request, socket, images] {
                request += socket->readAll();
                if (!request.contains("\r\n\r\n"))
                    return;
                // Chunked, in two chunks, as the daemon streams.
                const QByteArray a = images.left(images.size() / 2);
                const QByteArray b = images.mid(images.size() / 2);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: "
                              "application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                socket->write(QByteArray::number(a.size(), 16) + "\r\n" + a + "\r\n");
                socket->write(QByteArray::number(b.size(), 16) + "\r\n" + b + "\r\n0\r\n\r\n");
                socket->flush();
            });
        });
        DockerEngineClient client(path);
        DockerStorage storage(&client);
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 10000);
        QVERIFY2(listing.ok, qPrintable(listing.error));
        QVERIFY(request.startsWith("GET /images/json?filters="));
        const QByteArray filters
                = QUrl::fromPercentEncoding(request.mid(25, request.indexOf(' ', 25) - 25)).toUtf8();
        QCOMPARE(filters, QByteArray("{\"reference\":[\"werf-stages-storage/p\"]}"));
        const QList<StageCandidate> candidates = listing.usable(sig);
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(candidates.at(0).uniqueId, 10);
        QCOMPARE(candidates.at(0).reference, QStringLiteral("sha256:2222"));
        QCOMPARE(candidates.at(1).imageName,
                 QStringLiteral("werf-stages-storage/p:") + sig + QStringLiteral("-20"));
        QVERIFY(candidates.at(1).labelsKnown);
        QCOMPARE(candidates.at(1).labels.value(QStringLiteral("werf-git-ph-commit")),
                 QStringLiteral("abc"));
    }

    void daemonCutsOff()
    {
        QLocalServer server;
        const QString path = m_dir.filePath(QStringLiteral("cut.sock"));
        QVERIFY(server.listen(path));
        connect(&server, &QLocalServer::newConnection, this, [&server] {
            QLocalSocket *socket = server.nextPendingConnection();
            connect(socket, &QLocalSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n[{\"Id\":");
                socket->flush();
                socket->disconnectFromServer();
            });
        });
        DockerEngineClient client(path);
        DockerStorage storage(&client);
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 10000);
        QVERIFY(!listing.ok);
        QVERIFY(listing.available);
        QVERIFY2(listing.error.contains(QLatin1String("closed the connection")),
                 qPrintable(listing.error));
    }

    void werfCacheRecords()
    {
        // werf's own stages-storage cache (~/.werf/shared_context/storage/stages_storage_cache/1/
        // <project>/<signature>) decides which stored images werf sees, before the daemon.
        const auto sig = [](char c) { return QString(56, QLatin1Char(c)); };
        QByteArray images = "[";
        const auto add = [&](const QString &signature, int id) {
            if (images.size() > 1)
                images += ',';
            images += "{\"Id\":\"sha256:" + QByteArray::number(id)
                      + "\",\"RepoTags\":["
                        "\"werf-stages-storage/p:"
                      + signature.toLatin1() + '-' + QByteArray::number(id) + "\"],\"Labels\":{}}";
        };
        add(sig('a'), 10);
        add(sig('a'), 20);
        add(sig('b'), 30);
        add(sig('c'), 40);
        add(sig('d'), 50);
        images += ']';
        QLocalServer server;
        const QString path = m_dir.filePath(QStringLiteral("werfcache.sock"));
        QVERIFY(server.listen(path));
        connect(&server, &QLocalServer::newConnection, this, [&server, images] {
            QLocalSocket *socket = server.nextPendingConnection();
            connect(socket, &QLocalSocket::readyRead, socket, [socket, images] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: "
                              + QByteArray::number(images.size()) + "\r\n\r\n" + images);
                socket->flush();
            });
        });
        const QString werfHome = m_dir.filePath(QStringLiteral("werf-home"));
        const QString records = werfHome
                                + QStringLiteral(
                                        "/shared_context/storage/stages_storage_cache/1/p/");
        QVERIFY(QDir().mkpath(records));
        const auto record = [&](const QString &signature, const QByteArray &json) {
            QFile file(records + signature);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(json);
        };
        // a: the record names the newer image only; b: an empty record; c: a record naming an
        // image that is gone (werf resets its cache); d: no record.
        record(sig('a'),
               "{\"stages\":[{\"signature\":\"" + sig('a').toLatin1() + "\",\"uniqueID\":20}]}");
        record(sig('b'), "{\"stages\":[]}");
        record(sig('c'),
               "{\"stages\":[{\"signature\":\"" + sig('c').toLatin1() + "\",\"uniqueID\":41}]}");

        DockerEngineClient client(path);
        DockerStorage storage(&client);
        storage.setWerfHome(werfHome);
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 10000);
        QVERIFY2(listing.ok, qPrintable(listing.error));
        QCOMPARE(listing.usable(sig('a')).size(), 1);
        QCOMPARE(listing.usable(sig('a')).first().uniqueId, 20);
        QVERIFY(listing.usable(sig('b')).isEmpty());
        QCOMPARE(listing.usable(sig('c')).size(), 1);
        QCOMPARE(listing.usable(sig('d')).size(), 1);
        const QString warnings = listing.warnings.join(u'\n');
        QCOMPARE(listing.warnings.size(), 2);
        QVERIFY2(warnings.contains(QLatin1String("lists 1 of the 2")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("builds the stage again")), qPrintable(warnings));
        QVERIFY(warnings.contains(records + sig('b')));

        // Without werf's home the daemon's answer stands.
        storage.setWerfHome(QString());
        const StageListing plain = await(storage.listStages(QStringLiteral("p")), 10000);
        QCOMPARE(plain.usable(sig('a')).size(), 2);
        QCOMPARE(plain.usable(sig('b')).size(), 1);
        QVERIFY(plain.warnings.isEmpty());
    }

    void tricklingDaemonHitsTheTimeLimit()
    {
        // A byte a second keeps the no-progress timer quiet; the overall limit ends the listing.
        QLocalServer server;
        const QString path = m_dir.filePath(QStringLiteral("trickle.sock"));
        QVERIFY(server.listen(path));
        connect(&server, &QLocalServer::newConnection, this, [&server] {
            QLocalSocket *socket = server.nextPendingConnection();
            connect(socket, &QLocalSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
                auto *timer = new QTimer(socket);
                connect(timer, &QTimer::timeout, socket, [socket] { socket->write(" "); });
                timer->start(1000);
            });
        });
        DockerEngineClient client(path);
        DockerStorage storage(&client);
        storage.setTimeout(5000);
        storage.setTimeLimit(2500);
        QElapsedTimer timer;
        timer.start();
        const StageListing listing = await(storage.listStages(QStringLiteral("p")), 20000);
        QVERIFY(!listing.ok);
        QVERIFY(listing.available);
        QVERIFY2(listing.error.contains(QLatin1String("time limit of 2.5 s")),
                 qPrintable(listing.error));
        QVERIFY2(timer.elapsed() >= 2000 && timer.elapsed() < 5000,
                 qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(tst_DockerStorage)
#include "tst_dockerstorage.moc"

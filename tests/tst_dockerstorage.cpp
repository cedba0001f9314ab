// SPDX-License-Identifier: GPL-3.0-or-later
// The Docker daemon as stages storage: no daemon = one clear "not available"; a loopback unix
// socket that answers like the Engine API (chunked) for the listing.

#include "awaitfuture.h"
#include "config/configloader.h"
#include "storage/dockerengineclient.h"
#include "storage/dockerstorage.h"
#include "storage/storageplanner.h"
#include "storage/storagesession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
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
};

QTEST_GUILESS_MAIN(tst_DockerStorage)
#include "tst_dockerstorage.moc"

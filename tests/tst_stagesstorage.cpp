// SPDX-License-Identifier: GPL-3.0-or-later
// werf's rules for stage tags (§6.1, §6.2), labels (§6.5), and how storages are named.

#include "storage/containersstorage.h"
#include "storage/registryreference.h"
#include "storage/stagesstorage.h"
#include "storage/storagespec.h"
#include "storage/storagestagelookup.h"

#include <QTest>

using namespace Stagecraft::Model;

class tst_StagesStorage : public QObject
{
    Q_OBJECT

private slots:
    void candidatesFromTags()
    {
        const QString a = QString(56, u'a');
        const QString b = QString(56, u'b');
        const QString c = QString(56, u'c');
        const QStringList tags{a + QStringLiteral("-1700000000200"),
                               a + QStringLiteral("-1700000000100"),
                               b + QStringLiteral("-5"),
                               b + QStringLiteral("-5-rejected"),
                               b + QStringLiteral("-7"),
                               c + QStringLiteral("-9-rejected"),
                               QStringLiteral("managed-image-app"),
                               QStringLiteral("client-id-x-12"),
                               QStringLiteral("latest"),
                               a + QStringLiteral("-12x")};
        const auto candidates = StagesStorage::candidatesFromTags(tags,
                                                                  [](const QString &t) -> QString {
                                                                      return QStringLiteral("repo:")
                                                                             + t;
                                                                  });
        QCOMPARE(candidates.size(), 2);
        // Oldest first.
        const QList<StageCandidate> &forA = candidates.value(a);
        QCOMPARE(forA.size(), 2);
        QCOMPARE(forA.at(0).uniqueId, 1700000000100);
        QCOMPARE(forA.at(0).imageName,
                 QStringLiteral("repo:") + a + QStringLiteral("-1700000000100"));
        QCOMPARE(forA.at(1).uniqueId, 1700000000200);
        // A rejected tag hides exactly its image.
        const QList<StageCandidate> &forB = candidates.value(b);
        QCOMPARE(forB.size(), 2);
        QVERIFY(forB.at(0).rejected);
        QVERIFY(!forB.at(1).rejected);
        StageListing listing;
        listing.ok = true;
        listing.candidates = candidates;
        QCOMPARE(listing.usable(b).size(), 1);
        QCOMPARE(listing.usable(b).first().uniqueId, 7);
        QVERIFY(listing.usable(c).isEmpty());
    }

    void gitCommitsFromLabels()
    {
        const QMap<QString, QString> labels{
                {QStringLiteral("werf"), QStringLiteral("proj")},
                {QStringLiteral("werf-git-aaaa-commit"), QStringLiteral("c1")},
                {QStringLiteral("werf-git-aaaa-virtual-merge"), QStringLiteral("false")},
                {QStringLiteral("werf-git-bbbb-commit"), QStringLiteral("merge")},
                {QStringLiteral("werf-git-bbbb-virtual-merge"), QStringLiteral("true")},
                {QStringLiteral("werf-git-bbbb-virtual-merge-from-commit"), QStringLiteral("from")},
                {QStringLiteral("werf-git-bbbb-virtual-merge-into-commit"), QStringLiteral("into")},
        };
        const QHash<QString, QString> commits = StorageStageLookup::gitCommitsFromLabels(labels);
        QCOMPARE(commits.size(), 2);
        QCOMPARE(commits.value(QStringLiteral("aaaa")), QStringLiteral("c1"));
        QCOMPARE(commits.value(QStringLiteral("bbbb")), QStringLiteral("from"));
    }

    void registryReference_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("image");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("reference");
        QTest::newRow("hub short") << "alpine" << true << "registry-1.docker.io"
                                   << "library/alpine"
                                   << "latest";
        QTest::newRow("hub tag") << "alpine:3.18" << true << "registry-1.docker.io"
                                 << "library/alpine"
                                 << "3.18";
        QTest::newRow("hub user") << "werf/werf:1.1" << true << "registry-1.docker.io"
                                  << "werf/werf"
                                  << "1.1";
        QTest::newRow("host port") << "127.0.0.1:5000/project/stages" << false << "127.0.0.1:5000"
                                   << "project/stages"
                                   << "";
        QTest::newRow("localhost") << "localhost/stagecraft-busybox:1.35" << true << "localhost"
                                   << "stagecraft-busybox"
                                   << "1.35";
        QTest::newRow("digest") << "reg.example.com/a/b@sha256:abcd" << true << "reg.example.com"
                                << "a/b"
                                << "sha256:abcd";
        // docker's names for Docker Hub all mean its API host (ParseNormalizedNamed).
        QTest::newRow("docker.io") << "docker.io/alpine" << true << "registry-1.docker.io"
                                   << "library/alpine"
                                   << "latest";
        QTest::newRow("index.docker.io")
                << "index.docker.io/werf/werf:1.1" << true << "registry-1.docker.io"
                << "werf/werf"
                << "1.1";
        QTest::newRow("registry-1")
                << "registry-1.docker.io/library/alpine:3" << true << "registry-1.docker.io"
                << "library/alpine"
                << "3";
        QTest::newRow("hub repository, upper-case host")
                << "Docker.IO/me/stages" << false << "registry-1.docker.io"
                << "me/stages"
                << "";
    }

    void registryReference()
    {
        QFETCH(QString, text);
        QFETCH(bool, image);
        QFETCH(QString, host);
        QFETCH(QString, repository);
        QFETCH(QString, reference);
        QString error;
        const auto ref = image ? RegistryReference::parseImage(text, &error)
                               : RegistryReference::parseRepository(text, &error);
        QVERIFY2(ref, qPrintable(error));
        QCOMPARE(ref->host, host);
        QCOMPARE(ref->repository, repository);
        QCOMPARE(ref->reference(), reference);
    }

    void invalidReferences()
    {
        QString error;
        QVERIFY(!RegistryReference::parseRepository(QStringLiteral("127.0.0.1:5000/Upper/Case"),
                                                    &error));
        QVERIFY(error.contains(QLatin1String("invalid")));
        QVERIFY(!RegistryReference::parseRepository(QStringLiteral("127.0.0.1:5000/p/s:tag"),
                                                    &error));
        QVERIFY(!RegistryReference::parseRepository(QString(), &error));
    }

    void storageSpec_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind"); // -1: invalid
        QTest::newRow("local") << "local" << int(StorageSpec::Kind::Local);
        QTest::newRow("docker") << "docker" << int(StorageSpec::Kind::Docker);
        QTest::newRow("werf :local") << ":local" << int(StorageSpec::Kind::Docker);
        QTest::newRow("registry") << "127.0.0.1:5000/project/stages"
                                  << int(StorageSpec::Kind::Registry);
        QTest::newRow("typo") << "lokal" << -1;
        QTest::newRow("tagged") << "127.0.0.1:5000/p:tag" << -1;
    }

    void storageSpec()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QString error;
        const auto spec = StorageSpec::parse(text, &error);
        if (kind < 0) {
            QVERIFY(!spec);
            QVERIFY(!error.isEmpty());
            return;
        }
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(int(spec->kind), kind);
    }

    void hostOptions()
    {
        StorageSpec spec;
        spec.insecureRegistries = {QStringLiteral("127.0.0.1:5000")};
        spec.caFile = QStringLiteral("/tmp/ca.pem");
        const HostOptionsProvider options = spec.hostOptions();
        QVERIFY(options(QStringLiteral("127.0.0.1:5000")).insecure);
        QVERIFY(!options(QStringLiteral("127.0.0.1:5001")).insecure);
        QCOMPARE(options(QStringLiteral("127.0.0.1:5001")).caFile, QStringLiteral("/tmp/ca.pem"));
    }

    void bigDataFileName()
    {
        // containers/storage keeps plain names for [0-9a-z.] keys and base64 for the others.
        QCOMPARE(ContainersStorage::bigDataFileName(QStringLiteral("manifest")),
                 QStringLiteral("manifest"));
        QCOMPARE(ContainersStorage::bigDataFileName(QStringLiteral("sha256:f87e")),
                 QStringLiteral("=c2hhMjU2OmY4N2U="));
    }
};

QTEST_GUILESS_MAIN(tst_StagesStorage)
#include "tst_stagesstorage.moc"

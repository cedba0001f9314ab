// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/dockerconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

class tst_DockerConfig : public QObject
{
    Q_OBJECT

private slots:
    void auths();
    void normalizeHost_data();
    void normalizeHost();
    void badJson();
    void badAuthEntry();
    void missingFile();
    void helpers();
};

void tst_DockerConfig::auths()
{
    // "alice:s3cr:et" and "bob:pw" in base64, as `docker login` writes them.
    const QByteArray json = R"({"auths": {
        "https://index.docker.io/v1/": {"auth": "YWxpY2U6czNjcjpldA=="},
        "127.0.0.1:5000": {"auth": "Ym9iOnB3"},
        "registry.example.com": {"identitytoken": "tok"}
    }})";
    const DockerClientConfig config = DockerClientConfig::fromJson(json, u"config.json"_s);
    QVERIFY(config.diagnostics().isEmpty());
    QCOMPARE(config.hosts(),
             QStringList({u"127.0.0.1:5000"_s, u"docker.io"_s, u"registry.example.com"_s}));
    const auto hub = config.credentials(u"registry-1.docker.io"_s);
    QVERIFY(hub);
    QCOMPARE(hub->username, u"alice"_s);
    QCOMPARE(hub->secret, u"s3cr:et"_s); // only the first colon separates
    QVERIFY(!hub->identityToken);
    const auto local = config.provider()(u"127.0.0.1:5000"_s);
    QVERIFY(local);
    QCOMPARE(local->username, u"bob"_s);
    const auto token = config.credentials(u"https://registry.example.com/v2/"_s);
    QVERIFY(token && token->identityToken);
    QCOMPARE(token->secret, u"tok"_s);
    QVERIFY(!config.credentials(u"quay.io"_s));
}

void tst_DockerConfig::normalizeHost_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("host");
    QTest::newRow("hub v1") << u"https://index.docker.io/v1/"_s << u"docker.io"_s;
    QTest::newRow("plain") << u"Registry.Example.com"_s << u"registry.example.com"_s;
    QTest::newRow("port") << u"http://127.0.0.1:5000/"_s << u"127.0.0.1:5000"_s;
    QTest::newRow("repository") << u"127.0.0.1:5000/project/stages"_s << u"127.0.0.1:5000"_s;
}

void tst_DockerConfig::normalizeHost()
{
    QFETCH(QString, address);
    QFETCH(QString, host);
    QCOMPARE(DockerClientConfig::normalizeHost(address), host);
}

void tst_DockerConfig::badJson()
{
    const DockerClientConfig config = DockerClientConfig::fromJson("{\n  \"auths\": {,\n}",
                                                                   u"c.json"_s);
    QCOMPARE(config.diagnostics().size(), 1);
    const Diagnostic &d = config.diagnostics().first();
    QCOMPARE(d.location.file, u"c.json"_s);
    QCOMPARE(d.location.line, 2);
    QVERIFY(d.location.column > 1);
    QVERIFY(config.hosts().isEmpty());
}

void tst_DockerConfig::badAuthEntry()
{
    // "nocolon" in base64: no separator, so no credentials; the good entry stays.
    const QByteArray json = R"({"auths": {"a.example": {"auth": "bm9jb2xvbg=="},
                                          "b.example": {"auth": "dTpw"}}})";
    const DockerClientConfig config = DockerClientConfig::fromJson(json, u"c.json"_s);
    QCOMPARE(config.diagnostics().size(), 1);
    QVERIFY(config.diagnostics().first().message.contains(u"a.example"_s));
    QVERIFY(!config.diagnostics().first().message.contains(u"bm9jb2xvbg"_s));
    QCOMPARE(config.hosts(), QStringList{u"b.example"_s});
}

void tst_DockerConfig::missingFile()
{
    QTemporaryDir dir;
    const DockerClientConfig config = DockerClientConfig::load(dir.filePath(u"none.json"_s));
    QVERIFY(config.diagnostics().isEmpty());
    QVERIFY(config.hosts().isEmpty());
}

void tst_DockerConfig::helpers()
{
    const QByteArray json = R"({"auths": {"ghcr.io": {}}, "credsStore": "desktop",
                                "credHelpers": {"gcr.io": "gcloud"}})";
    const DockerClientConfig config = DockerClientConfig::fromJson(json, u"c.json"_s);
    QCOMPARE(config.helperHosts(), QStringList({u"gcr.io"_s, u"ghcr.io"_s}));
    QVERIFY(config.hosts().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DockerConfig)
#include "tst_dockerconfig.moc"

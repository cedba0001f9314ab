// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Stagecraft;

namespace {

struct Result
{
    int code = -1;
    QString out;
    QString err;
};

Result run(const QStringList &args)
{
    Result r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = Ui::CommandLine::run(QStringList{QStringLiteral("stagecraft")} + args, out, err);
    out.flush();
    err.flush();
    return r;
}

QString example()
{
    return QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example");
}

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void lintExample();
    void lintReportsLocatedErrors();
    void lintMissingConfig();
    void lintRulesOption();
    void graphFormats();
    void renderPrintsTheFileAsWerfReadsIt();
    void renderSourceMap();
    void planExample();
    void logSummarisesAWerfLog();
    void executable();
    void editInPlace();

private:
    QTemporaryDir m_dir;
};

void tst_CommandLine::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_CommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no path") << QStringList{QStringLiteral("lint")};
    QTest::newRow("two paths") << QStringList{QStringLiteral("lint"), example(), example()};
    QTest::newRow("unknown option")
            << QStringList{QStringLiteral("lint"), example(), QStringLiteral("--frobnicate")};
    QTest::newRow("bad version") << QStringList{QStringLiteral("lint"),
                                                example(),
                                                QStringLiteral("--werf-version"),
                                                QStringLiteral("0.9")};
    QTest::newRow("bad format") << QStringList{QStringLiteral("graph"),
                                               example(),
                                               QStringLiteral("--format"),
                                               QStringLiteral("png")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
}

void tst_CommandLine::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
}

void tst_CommandLine::lintExample()
{
    const Result r = run({QStringLiteral("lint"), example()});
    QCOMPARE(r.code, 0);
    QVERIFY2(!r.out.contains(u"error:"), qPrintable(r.out));
    QVERIFY(r.err.contains(u"werf 1.1"));
}

void tst_CommandLine::lintReportsLocatedErrors()
{
    const QString path = m_dir.filePath(QStringLiteral("bad/werf.yaml"));
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("project: demo\nconfigVersion: 1\n---\nimage: app\nfrom: alpine\nfrobnicate: 1\n");
    file.close();
    const Result r = run({QStringLiteral("lint"), path});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.out, path + QStringLiteral(":6:1: error: unknown fields: `frobnicate`!\n"));
}

void tst_CommandLine::lintMissingConfig()
{
    const QString empty = m_dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(empty);
    const Result r = run({QStringLiteral("lint"), empty});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(u"configration file werf.yaml not found"), qPrintable(r.out));
}

void tst_CommandLine::lintRulesOption()
{
    const QString path = m_dir.filePath(QStringLiteral("newer/werf.yaml"));
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("project: demo\nconfigVersion: 1\nbuild:\n  platform: [linux/amd64]\n---\n"
               "image: app\nfrom: alpine\n");
    file.close();
    const Result v11 = run(
            {QStringLiteral("lint"), path, QStringLiteral("--werf-version"), QStringLiteral("1.1")});
    QCOMPARE(v11.code, 1);
    QVERIFY2(v11.out.contains(u":3:1: error: unknown fields: `build`!"), qPrintable(v11.out));
    const Result detected = run({QStringLiteral("lint"), path});
    QCOMPARE(detected.code, 0);
    QVERIFY2(detected.err.contains(u"1.2"), qPrintable(detected.err));
}

void tst_CommandLine::graphFormats()
{
    const Result yaml = run({QStringLiteral("graph"), example()});
    QCOMPARE(yaml.code, 0);
    QCOMPARE(yaml.out,
             QStringLiteral("- image: app\n"
                            "  dependsOn:\n"
                            "    from: base\n"
                            "    import:\n"
                            "    - tools\n"
                            "- image: base\n"
                            "- image: tools\n"
                            "- image: web\n"));
    const Result json = run({QStringLiteral("graph"),
                             example(),
                             QStringLiteral("--format"),
                             QStringLiteral("json")});
    QCOMPARE(json.code, 0);
    QVERIFY(json.out.contains(u"\"targetStage\": \"importsAfterInstall\""));
    const Result dot = run(
            {QStringLiteral("graph"), example(), QStringLiteral("--format"), QStringLiteral("dot")});
    QCOMPARE(dot.code, 0);
    QVERIFY(dot.out.startsWith(u"digraph werf {"));
}

void tst_CommandLine::renderPrintsTheFileAsWerfReadsIt()
{
    QFile file(example() + QStringLiteral("/werf.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result r = run({QStringLiteral("render"), example()});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString::fromUtf8(file.readAll()));
}

void tst_CommandLine::renderSourceMap()
{
    const Result r = run({QStringLiteral("render"), example(), QStringLiteral("--source-map")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n');
    QVERIFY(lines.size() > 10);
    QVERIFY2(lines.at(3).startsWith(example() + QStringLiteral("/werf.yaml:4:1\tproject: ")),
             qPrintable(lines.at(3)));
}

void tst_CommandLine::planExample()
{
    const Result text = run({QStringLiteral("plan"), example()});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(u"artifact tools"), qPrintable(text.out));
    const Result json = run({QStringLiteral("plan"), example(), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray images = root.value(u"images").toArray();
    QCOMPARE(images.size(), 4);
    // Sorted by name; stapel stages carry 56-hex werf 1.1 signatures.
    QCOMPARE(images.at(0).toObject().value(u"name").toString(), QStringLiteral("app"));
    const QJsonArray stages = images.at(0).toObject().value(u"stages").toArray();
    QCOMPARE(stages.at(0).toObject().value(u"name").toString(), QStringLiteral("from"));
    QCOMPARE(stages.at(0).toObject().value(u"signature").toString().size(), 56);
    const QJsonObject web = images.at(3).toObject();
    QCOMPARE(web.value(u"kind").toString(), QStringLiteral("dockerfile"));
    // Its base image's ONBUILD instructions are hashed and come from a registry.
    QCOMPARE(web.value(u"stages").toArray().at(0).toObject().value(u"status").toString(),
             QStringLiteral("needs-registry"));
    const Result assumed = run({QStringLiteral("plan"),
                                example(),
                                QStringLiteral("--json"),
                                QStringLiteral("--assume-no-onbuild")});
    QCOMPARE(assumed.code, 0);
    const QJsonObject web2 = QJsonDocument::fromJson(assumed.out.toUtf8())
                                     .object()
                                     .value(u"images")
                                     .toArray()
                                     .at(3)
                                     .toObject();
    QCOMPARE(web2.value(u"stages").toArray().at(0).toObject().value(u"signature").toString().size(),
             56);
}

void tst_CommandLine::logSummarisesAWerfLog()
{
    const QString log = QStringLiteral(STAGECRAFT_SHARED_DIR "/reference/werf-build-logs/002.log");
    const Result text = run({QStringLiteral("log"), log});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(u"Result: failed"), qPrintable(text.out));
    const Result json = run({QStringLiteral("log"), log, QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    QVERIFY(json.out.trimmed().split(u'\n').last().contains(u"\"event\":\"build-finished\""));
    const Result missing = run({QStringLiteral("log"), m_dir.filePath(QStringLiteral("nope.log"))});
    QCOMPARE(missing.code, 1);
}

void tst_CommandLine::executable()
{
    // The real program: main.cpp chooses the headless path without a display.
    QProcess process;
    process.start(QStringLiteral(STAGECRAFT_EXECUTABLE), {QStringLiteral("lint"), example()});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    process.start(QStringLiteral(STAGECRAFT_EXECUTABLE), {QStringLiteral("lint")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
}

void tst_CommandLine::editInPlace()
{
    // `stagecraft edit` through the real program: the exact bytes, CRLF kept, errors located.
    const QString dir = m_dir.filePath(QStringLiteral("edit"));
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/werf.yaml");
    const QByteArray before = "project: demo\r\nconfigVersion: 1\r\n---\r\nimage: app # main\r\n"
                              "from: \"alpine:3.19\"\r\nshell:\r\n  install:\r\n  - make\r\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(before);
    }
    QProcess process;
    process.start(QStringLiteral(STAGECRAFT_EXECUTABLE),
                  {QStringLiteral("edit"),
                   path,
                   QStringLiteral("app"),
                   QStringLiteral("from=alpine:3.20"),
                   QStringLiteral("docker.ENV.TZ=UTC"),
                   QStringLiteral("--unset"),
                   QStringLiteral("shell")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.readAllStandardError(), QByteArray());
    QCOMPARE(process.exitCode(), 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(),
             QByteArrayLiteral("project: demo\r\nconfigVersion: 1\r\n---\r\nimage: app # main\r\n"
                               "from: \"alpine:3.20\"\r\ndocker:\r\n  ENV:\r\n    TZ: UTC\r\n"));
    f.close();

    const Result bad = run({QStringLiteral("edit"),
                            path,
                            QStringLiteral("app"),
                            QStringLiteral("docker.ENV.TZ.x=1")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("werf.yaml:8:9: error: docker.ENV.TZ is not a map")),
             qPrintable(bad.err));
    const Result usage = run({QStringLiteral("edit"), path});
    QCOMPARE(usage.code, 2);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"

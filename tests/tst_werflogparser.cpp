// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildlogsummary.h"
#include "build/logcommand.h"
#include "build/werflogparser.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

QString logsDir()
{
    return QStringLiteral(STAGECRAFT_SHARED_DIR "/reference/werf-build-logs");
}

QString expectedDir()
{
    return QStringLiteral(STAGECRAFT_TEST_DATA_DIR "/werf-build-logs");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The line format of tests/data/werf-build-logs/NNN.expected: one event per line,
// "KIND key=value ...", keys in this fixed order, "text=" last (it may hold spaces).
QString formatEvent(const BuildEvent &e)
{
    using Kind = BuildEvent::Kind;
    QStringList parts{BuildEvent::kindName(e.kind)};
    const auto add = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts.append(QString::fromLatin1(key) + u'=' + value);
    };
    add("image", e.image);
    add("platform", e.platform);
    add("stage", e.stage);
    if (e.kind == Kind::ImageStarted || e.kind == Kind::ImageFinished)
        add("role", BuildEvent::roleName(e.role));
    if (e.durationMs >= 0)
        add("duration", QString::number(double(e.durationMs) / 1000.0, 'f', 2));
    if (e.failed)
        parts.append(u"failed"_s);
    if (e.discarded)
        parts.append(u"discarded"_s);
    if (e.exitCode >= 0)
        add("exit", QString::number(e.exitCode));
    add("signature", e.signature);
    add("id", e.imageId);
    if (e.kind == Kind::StageDiscarded)
        add("existing", e.imageName);
    if (!e.text.isEmpty() || e.kind == Kind::Output)
        parts.append(u"text="_s + e.text);
    return parts.join(u' ');
}

QStringList formatEvents(const QList<BuildEvent> &events)
{
    QStringList lines;
    for (const BuildEvent &event : events)
        lines.append(formatEvent(event));
    return lines;
}

QStringList readExpected(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {u"<cannot read "_s + path + u'>'};
    QStringList lines;
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : all) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        lines.append(line);
    }
    return lines;
}

// Compares event lines and names the first difference (QCOMPARE on lists only says "differ").
bool sameLines(const QStringList &actual, const QStringList &expected, QString *why)
{
    const qsizetype n = qMax(actual.size(), expected.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QString a = i < actual.size() ? actual.at(i) : u"<none>"_s;
        const QString e = i < expected.size() ? expected.at(i) : u"<none>"_s;
        if (a != e) {
            *why = u"event %1:\n   actual: %2\n expected: %3"_s.arg(i + 1).arg(a, e);
            return false;
        }
    }
    return true;
}

QList<BuildEvent> parseText(const QString &text)
{
    return WerfLogParser::parse(text.toUtf8());
}

} // namespace

class tst_WerfLogParser : public QObject
{
    Q_OBJECT

private slots:
    void referenceLogs_data();
    void referenceLogs();
    void lineKinds_data();
    void lineKinds();
    void incrementalEveryByteBoundary_data();
    void incrementalEveryByteBoundary();
    void incrementalByteByByte();
    void feedLineMatchesFeed();
    void eventLineNumbers();
    void mutatedLogsParseTheSameInChunks();
    void summaryOfFailure();
    void summaryOfMultiplatformCache();
    void summaryKeepsLastOutputLines();
    void summaryOfErrorWithoutFooter();
    void logCommandText();
    void logCommandJson();
    void logCommandBadInput_data();
    void logCommandBadInput();
    void logCommandLargeInput();
    void logCommandMissingFile();
};

void tst_WerfLogParser::referenceLogs_data()
{
    QTest::addColumn<QString>("log");
    const QDir dir(logsDir());
    const QStringList logs = dir.entryList({u"*.log"_s}, QDir::Files, QDir::Name);
    QVERIFY2(logs.size() >= 15, qPrintable(u"too few logs in "_s + dir.path()));
    for (const QString &log : logs)
        QTest::newRow(qPrintable(log)) << log;
}

void tst_WerfLogParser::referenceLogs()
{
    QFETCH(QString, log);
    const QString expectedPath = expectedDir() + u'/'
                                 + QString(log).replace(u".log"_s, u".expected"_s);
    QVERIFY2(QFile::exists(expectedPath), qPrintable(u"no expectations: "_s + expectedPath));
    const QByteArray bytes = readFile(logsDir() + u'/' + log);
    QVERIFY(!bytes.isEmpty());

    const QStringList actual = formatEvents(WerfLogParser::parse(bytes));
    QString why;
    QVERIFY2(sameLines(actual, readExpected(expectedPath), &why), qPrintable(why));
}

void tst_WerfLogParser::lineKinds_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("version and running time")
            << u"Version: v1.1.36\nUsing werf config render file: /tmp/x\n\nRunning time 4.60 seconds\n"_s
            << QStringList{u"build-started text=v1.1.36"_s, u"running-time duration=4.60"_s};

    QTest::newRow("1.1 image, built stage with 1.1 info, nested store process")
            << u"┌ ⛵ image ~\n"
               "│ ┌ Building stage ~/install\n"
               "│ │ ~/install  hi\n"
               "│ │ ┌ Store into stages storage\n"
               "│ │ └ Store into stages storage (0.01 seconds)\n"
               "│ ├ Info\n"
               "│ │     repository: werf-stages-storage/demo\n"
               "│ │       image_id: 7c1d0e5f2a6b\n"
               "│ │        created: 2024-05-31 10:00:02.456789012 +0000 UTC\n"
               "│ │            tag: "
               "81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d-1717149602460\n"
               "│ │           diff: 0 B\n"
               "│ └ Building stage ~/install (1.31 seconds)\n"
               "└ ⛵ image ~ (4.52 seconds)\n"_s
            << QStringList{
                       u"image-started image=~ role=image"_s,
                       u"stage-started image=~ stage=install"_s,
                       u"output image=~ stage=install text=hi"_s,
                       u"stage-built image=~ stage=install duration=1.31 "
                       "signature=81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d id=7c1d0e5f2a6b"_s,
                       u"image-finished image=~ role=image duration=4.52"_s};

    QTest::newRow("1.1 cached stages, info at the same depth, artifact")
            << u"┌ 🛸 artifact build\n"
               "│ Use cache image for build/from\n"
               "│     repository: werf-stages-storage/demo\n"
               "│       image_id: 4f2e8a1c9d3b\n"
               "│            tag: "
               "2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47-1717149601125\n"
               "│           size: 5.3 MiB\n"
               "│\n"
               "│ Use cache image for build/install\n"
               "│       image_id: 5f2e8a1c9d3b\n"
               "└ 🛸 artifact build (0.10 seconds)\n"_s
            << QStringList{
                       u"image-started image=build role=artifact"_s,
                       u"stage-cached image=build stage=from "
                       "signature=2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47 id=4f2e8a1c9d3b"_s,
                       u"stage-cached image=build stage=install id=5f2e8a1c9d3b"_s,
                       u"image-finished image=build role=artifact duration=0.10"_s};

    QTest::newRow("3.x cached by content-based tag, 2.x intermediate image with progress")
            << u"┌ 🏗️️  (2/3) image base [linux/arm64]\n"
               "│ Use previously built image for base/from by content-based tag\n"
               "│      name: r:0123456789abcdef0123456789abcdef0123456789abcdef01234567-1\n"
               "└ 🏗️️  (2/3) image base [linux/arm64] (0.05 seconds)\n"_s
            << QStringList{
                       u"image-started image=base platform=linux/arm64 role=intermediate"_s,
                       u"stage-cached image=base platform=linux/arm64 stage=from "
                       "signature=0123456789abcdef0123456789abcdef0123456789abcdef01234567"_s,
                       u"image-finished image=base platform=linux/arm64 role=intermediate duration=0.05"_s};

    QTest::newRow("--log-pretty=false: plain titles, raw child output")
            << u"┌ image app\n"
               "│ ┌ Building stage app/install\n"
               "hello from the container\n"
               "│ └ Building stage app/install (2.00 seconds)\n"
               "└ image app (2.50 seconds)\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-started image=app stage=install"_s,
                           u"output image=app stage=install text=hello from the container"_s,
                           u"stage-built image=app stage=install duration=2.00"_s,
                           u"image-finished image=app role=image duration=2.50"_s};

    QTest::newRow("discarded after a lost race")
            << u"┌ ⛵ image app\n"
               "│ ┌ Building stage app/setup\n"
               "│ │ Discarding newly built image for stage app/setup by signature "
               "aaaabbbbccccddddeeeeffff0000111122223333444455556666: detected already existing "
               "image "
               "r:aaaabbbbccccddddeeeeffff0000111122223333444455556666-2 in the stages storage\n"
               "│ └ Building stage app/setup (3.00 seconds)\n"
               "└ ⛵ image app (3.10 seconds)\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-started image=app stage=setup"_s,
                           u"stage-discarded image=app stage=setup "
                           "signature=aaaabbbbccccddddeeeeffff0000111122223333444455556666 "
                           "existing=r:aaaabbbbccccddddeeeeffff0000111122223333444455556666-2"_s,
                           u"stage-built image=app stage=setup duration=3.00 discarded"_s,
                           u"image-finished image=app role=image duration=3.10"_s};

    QTest::newRow("1.1 base image error names image and stage")
            << u"Error: unable to fetch base image alpine:nope for stage my/app/from: not found\n"_s
            << QStringList{u"error image=my/app stage=from text=unable to fetch base image "
                           "alpine:nope for stage my/app/from: not found"_s};

    QTest::newRow("docker build failure exit code")
            << u"Error: phase build on image web stage dockerfile handler failed: The command "
               u"'/bin/sh "
               "-c make' returned a non-zero code: 2\n"_s
            << QStringList{
                       u"error image=web stage=dockerfile exit=2 text=phase build on image web "
                       "stage dockerfile handler failed: The command '/bin/sh -c make' returned a "
                       "non-zero code: 2"_s};

    QTest::newRow("ANSI colours")
            << u"\x1b[1m\x1b[33m┌ ⛵ image app\x1b[0m\n"
               "\x1b[1m\x1b[33m│\x1b[0m \x1b[1m┌ Building stage app/install\x1b[0m\n"
               "\x1b[1m\x1b[33m│\x1b[0m \x1b[1m│\x1b[0m \x1b[34mapp/install\x1b[0m  "
               "\x1b[31mred\x1b[0m "
               "text\n"
               "\x1b[1m\x1b[33m│\x1b[0m \x1b[1m\x1b[31m└ Building stage app/install (0.50 seconds) "
               "FAILED\x1b[0m\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-started image=app stage=install"_s,
                           u"output image=app stage=install text=red text"_s,
                           u"stage-failed image=app stage=install duration=0.50 failed"_s};

    QTest::newRow("GitLab collapsible sections")
            << u"section_start:1700000000:image-app_1700000000123\r\x1b[0K⛵ image app\n"
               "┌ ⛵ image app\n"
               "│ Use cache image for app/from\n"
               "└ ⛵ image app (0.20 seconds)\n"
               "section_end:1700000000:image-app_1700000000123\r\x1b[0K\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-cached image=app stage=from"_s,
                           u"image-finished image=app role=image duration=0.20"_s};

    QTest::newRow("wrapped output line: word break, tag repeated")
            << u"│ ┌ Building stage app/install\n"
               "│ │ app/install  one two three    ↵\n"
               "│ │ app/install  four five\n"
               "│ └ Building stage app/install (1.00 seconds)\n"_s
            << QStringList{u"stage-started image=app stage=install"_s,
                           u"output image=app stage=install text=one two three four five"_s,
                           u"stage-built image=app stage=install duration=1.00"_s};

    QTest::newRow("wrapped info line: a word cut in the middle")
            << u"│ ┌ Building stage app/install\n"
               "│ ├ Info\n"
               "│ │      name: repo:0123456789abcdef0123456789abcd ↵\n"
               "│ │ ef0123456789abcdef01234567-1700000000000\n"
               "│ └ Building stage app/install (1.00 seconds)\n"_s
            << QStringList{u"stage-started image=app stage=install"_s,
                           u"stage-built image=app stage=install duration=1.00 "
                           "signature=0123456789abcdef0123456789abcdef0123456789abcdef01234567"_s};

    QTest::newRow("truncated titles matched by prefix, stage completed")
            << u"┌ ⛵ image a-very-long-image-name\n"
               "│ ┌ Building stage a-very-long-image-name/beforeIns ...\n"
               "│ └ Building stage a-very-long-image-name/bef ... (7.25 seconds)\n"
               "└ ⛵ image a-very-long-image-name (7.30 seconds)\n"_s
            << QStringList{u"image-started image=a-very-long-image-name role=image"_s,
                           u"stage-started image=a-very-long-image-name stage=beforeInstall"_s,
                           u"stage-built image=a-very-long-image-name stage=beforeInstall "
                           "duration=7.25"_s,
                           u"image-finished image=a-very-long-image-name role=image duration=7.30"_s};

    QTest::newRow("truncated title resolved by the output tag")
            << u"┌ ⛵ image a-very-long-image-name\n"
               "│ ┌ Building stage a-very-long-image ...\n"
               "│ │ a-very-long-image-name/setup  done\n"
               "│ └ Building stage a-very-long-ima ... (1.00 seconds)\n"_s
            << QStringList{u"image-started image=a-very-long-image-name role=image"_s,
                           u"stage-started image=a-very-long-image-name stage=setup"_s,
                           u"output image=a-very-long-image-name stage=setup text=done"_s,
                           u"stage-built image=a-very-long-image-name stage=setup duration=1.00"_s};

    QTest::newRow("truncated image title completed by its first stage")
            << u"┌ ⛵ image registry-mirror-of-the-company-with-a-long ...\n"
               "│ Use cache image for registry-mirror-of-the-company-with-a-long-name/from\n"
               "└ ⛵ image registry-mirror-of-the-company-with-a ... (0.10 seconds)\n"
               "┌ ⛵ image another-image-with-a-long-na ...\n"
               "└ ⛵ image another-image-with-a-lo ... (0.20 seconds)\n"_s
            << QStringList{
                       u"image-started image=registry-mirror-of-the-company-with-a-long-name role=image"_s,
                       u"stage-cached image=registry-mirror-of-the-company-with-a-long-name stage=from"_s,
                       u"image-finished image=registry-mirror-of-the-company-with-a-long-name "
                       u"role=image "
                       "duration=0.10"_s,
                       u"image-started image=another-image-with-a-long-na role=image"_s,
                       u"image-finished image=another-image-with-a-long-na role=image duration=0.20"_s};

    QTest::newRow("--log-debug duration prefix")
            << u"1.234567ms   Version: v1.1.36\n"
               "2.5s         ┌ ⛵ image app\n"
               "2.6s         │ Use cache image for app/from\n"
               "1m2.345678s  └ ⛵ image app (0.10 seconds)\n"_s
            << QStringList{u"build-started text=v1.1.36"_s,
                           u"image-started image=app role=image"_s,
                           u"stage-cached image=app stage=from"_s,
                           u"image-finished image=app role=image duration=0.10"_s};

    QTest::newRow("--log-time prefix")
            << u"2024-05-31T10:00:01+02:00 ┌ ⛵ image app\n"
               "2024-05-31T10:00:02Z │ Use previously built image for app/from\n"
               "2024-05-31T10:00:03.5+02:00 └ ⛵ image app (0.10 seconds)\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-cached image=app stage=from"_s,
                           u"image-finished image=app role=image duration=0.10"_s};

    QTest::newRow("CRLF and carriage-return progress")
            << u"┌ ⛵ image app\r\n"
               "│ ┌ Building stage app/from\r\n"
               "│ │ app/from  10%\r│ │ app/from  100%\r\n"
               "│ └ Building stage app/from (1.00 seconds)\r\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-started image=app stage=from"_s,
                           u"output image=app stage=from text=100%"_s,
                           u"stage-built image=app stage=from duration=1.00"_s};

    QTest::newRow("image name with slashes split at the last slash")
            << u"│ ┌ Building stage org/team/app/gitArchive\n"
               "│ │ org/team/app/gitArchive  x\n"_s
            << QStringList{u"stage-started image=org/team/app stage=gitArchive"_s,
                           u"output image=org/team/app stage=gitArchive text=x"_s};

    QTest::newRow("werf 1.0 stage names without image")
            << u"Building stages\n"
               "│ ┌ ⛵ image backend\n"
               "│ │ Use cache image for stage from\n"
               "│ │ ┌ Building stage install\n"
               "│ │ │ backend/install  ok\n"
               "│ │ └ Building stage install (2.00 seconds)\n"
               "│ └ ⛵ image backend (2.10 seconds)\n"
               "└ Building stages (2.20 seconds)\n"_s
            << QStringList{u"image-started image=backend role=image"_s,
                           u"stage-cached image=backend stage=from"_s,
                           u"stage-started image=backend stage=install"_s,
                           u"output image=backend stage=install text=ok"_s,
                           u"stage-built image=backend stage=install duration=2.00"_s,
                           u"image-finished image=backend role=image duration=2.10"_s};

    QTest::newRow("unclosed image block, panic, later blocks still parsed")
            << u"┌ ⛵ image a\n"
               "│ ┌ Building stage a/install\n"
               "panic: boom\n"
               "goroutine 1 [running]:\n"
               "┌ ⛵ image b\n"
               "│ Use cache image for b/from\n"
               "└ ⛵ image b (0.01 seconds)\n"_s
            << QStringList{u"image-started image=a role=image"_s,
                           u"stage-started image=a stage=install"_s,
                           u"panic text=boom"_s,
                           u"image-started image=b role=image"_s,
                           u"stage-cached image=b stage=from"_s,
                           u"image-finished image=b role=image duration=0.01"_s};

    QTest::newRow("1.2 secondary storage: cached inside a process")
            << u"┌ ⛵ image app\n"
               "│ ┌ Copy suitable stage from secondary :local\n"
               "│ │ Use cache image for app/install\n"
               "│ │      name: r:0123456789abcdef0123456789abcdef0123456789abcdef01234567-5\n"
               "│ │        id: 0825950bfd70\n"
               "│ └ Copy suitable stage from secondary :local (1.50 seconds)\n"
               "└ ⛵ image app (1.60 seconds)\n"_s
            << QStringList{u"image-started image=app role=image"_s,
                           u"stage-cached image=app stage=install "
                           "signature=0123456789abcdef0123456789abcdef0123456789abcdef01234567 "
                           "id=0825950bfd70"_s,
                           u"image-finished image=app role=image duration=1.60"_s};

    QTest::newRow("1.1 failed shell stage, failed pull process, signature in the error")
            << u"┌ ⛵ image ~\n"
               "│ ┌ Pulling base image alpine:3\n"
               "│ │ 3: Pulling from library/alpine\n"
               "│ └ Pulling base image alpine:3 (0.30 seconds) FAILED\n"
               "│ ┌ Building stage ~/install\n"
               "│ │ ~/install  + false\n"
               "│ ├ Info\n"
               "│ └ Building stage ~/install (0.20 seconds) FAILED\n"
               "└ ⛵ image ~ (0.60 seconds) FAILED\n"
               "\n"
               "Running time 0.70 seconds\n"
               "WARNING: werf v1.1 is DEPRECATED.\n"
               "Error: phase build on image ~ stage install handler failed: failed to build image "
               "for "
               "stage install with signature "
               "81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d: "
               "container run failed: Status: , Code: 1\n"_s
            << QStringList{
                       u"image-started image=~ role=image"_s,
                       u"process-failed image=~ duration=0.30 failed text=Pulling base image alpine:3"_s,
                       u"stage-started image=~ stage=install"_s,
                       u"output image=~ stage=install text=+ false"_s,
                       u"stage-failed image=~ stage=install duration=0.20 failed"_s,
                       u"image-finished image=~ role=image duration=0.60 failed"_s,
                       u"running-time duration=0.70"_s,
                       u"error image=~ stage=install exit=1 "
                       "signature=81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d "
                       "text=phase "
                       "build on image ~ stage install handler failed: failed to build image for "
                       "stage "
                       "install with signature "
                       "81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d: "
                       "container run failed: Status: , Code: 1"_s};

    QTest::newRow("markup inside tagged output is output, not HTML")
            << u"│ ┌ Building stage site/install\n"
               "│ │ site/install  <b>bold</b> &amp; more\n"_s
            << QStringList{u"stage-started image=site stage=install"_s,
                           u"output image=site stage=install text=<b>bold</b> &amp; more"_s};

    QTest::newRow("helm and kubedog noise")
            << u"┌ Waiting for release resources to become ready\n"
               "│ ┌ Status progress\n"
               "│ │ DEPLOYMENT  REPLICAS\n"
               "│ │ ├──  guide-app-85bd8c68f5-w9nff  2/2\n"
               "│ └ Status progress\n"
               "└ Waiting for release resources to become ready (33.05 seconds)\n"
               "Release \"x\" has been upgraded. Happy Helming!\n"_s
            << QStringList{};

    QTest::newRow("error message split over lines, prompt ends it")
            << u"Error: \nunable to process images: \n\nphase build on image x stage from handler "
               "failed: \ncontainer run failed: Status: , Code: 7\n$ echo done\n"_s
            << QStringList{u"error image=x stage=from exit=7 text=unable to process images: phase "
                           "build on image x stage from handler failed: container run failed: "
                           "Status: , Code: 7"_s};
}

void tst_WerfLogParser::lineKinds()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QString why;
    QVERIFY2(sameLines(formatEvents(parseText(input)), expected, &why), qPrintable(why));
}

void tst_WerfLogParser::incrementalEveryByteBoundary_data()
{
    QTest::addColumn<QString>("log");
    QTest::newRow("002") << u"002.log"_s;
    QTest::newRow("016") << u"016.log"_s;
    QTest::newRow("005") << u"005.log"_s;
}

void tst_WerfLogParser::incrementalEveryByteBoundary()
{
    QFETCH(QString, log);
    const QByteArray bytes = readFile(logsDir() + u'/' + log);
    QVERIFY(bytes.size() > 100);
    const QStringList whole = formatEvents(WerfLogParser::parse(bytes));
    QVERIFY(!whole.isEmpty());
    for (qsizetype split = 1; split < bytes.size(); ++split) {
        WerfLogParser parser;
        parser.feed(bytes.left(split));
        QList<BuildEvent> events = parser.takeEvents();
        parser.feed(bytes.mid(split));
        parser.finish();
        events += parser.takeEvents();
        QString why;
        QVERIFY2(sameLines(formatEvents(events), whole, &why),
                 qPrintable(u"split at byte %1: "_s.arg(split) + why));
    }
}

void tst_WerfLogParser::incrementalByteByByte()
{
    const QByteArray bytes = readFile(logsDir() + u"/001.log"_s);
    QVERIFY(!bytes.isEmpty());
    WerfLogParser parser;
    QList<BuildEvent> events;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        parser.feed(bytes.mid(i, 1));
        events += parser.takeEvents();
    }
    parser.finish();
    events += parser.takeEvents();
    QString why;
    QVERIFY2(sameLines(formatEvents(events), formatEvents(WerfLogParser::parse(bytes)), &why),
             qPrintable(why));
    QCOMPARE(parser.lineCount(), bytes.count('\n'));
}

void tst_WerfLogParser::eventLineNumbers()
{
    // Each event points at the line that produced it (the GUI jumps there): log 002 has a shell
    // prompt on line 1 and werf's error on line 18.
    const QList<BuildEvent> events = WerfLogParser::parse(readFile(logsDir() + u"/002.log"_s));
    QList<int> lines;
    for (const BuildEvent &event : events)
        lines.append(event.line);
    QCOMPARE(lines, (QList<int>{2, 5, 12, 14, 15, 17, 18}));

    // A cached stage is reported at its "Use ... image" line, after its info block was read;
    // a wrapped line at its first physical line.
    const QList<BuildEvent> cached = parseText(u"┌ ⛵ image a\n"
                                               "│ Use cache image for a/from\n"
                                               "│        id: 0825950bfd70\n"
                                               "│ ┌ Building stage a/install\n"
                                               "│ │ a/install  x    ↵\n"
                                               "│ │ a/install  y\n"_s);
    QCOMPARE(cached.size(), 4);
    QCOMPARE(cached.at(1).line, 2);
    QCOMPARE(cached.at(1).imageId, u"0825950bfd70"_s);
    QCOMPARE(cached.at(2).line, 4);
    QCOMPARE(cached.at(3).line, 5);
    QCOMPARE(cached.at(3).text, u"x y"_s);
}

void tst_WerfLogParser::mutatedLogsParseTheSameInChunks()
{
    // Damaged logs (random werf tokens, control bytes and invalid UTF-8 spliced in) must not
    // crash the parser, the summary or the formatters, and feeding them in random chunks must
    // give exactly the events of a whole parse.
    static const QList<QByteArray> tokens{
            "\n",
            "\u2502 ",
            "\u250c ",
            "\u2514 ",
            "\u251c Info\n",
            "\u21b5",
            "\u21b5\n",
            "\x1b[",
            "\x1b[1;31m",
            " ...",
            "Error: ",
            "panic: x\n",
            "Building stage ",
            "a/b  ",
            " (1.00 seconds) FAILED",
            "\xff\xfe",
            "\r",
            "\xe2\x94",
            "Use cache image for x/from\n",
            "     name: r:0123456789abcdef0123456789abcdef-1\n",
            "section_start:1:x\r\x1b[0K",
            "\u26f5 image ",
            "<b>",
            "</font>",
            "&amp;",
            "\t",
    };
    const QDir dir(logsDir());
    const QStringList logs = dir.entryList({u"*.log"_s}, QDir::Files, QDir::Name);
    QRandomGenerator rng(20261203);
    for (const QString &log : logs) {
        const QByteArray original = readFile(dir.filePath(log));
        for (int round = 0; round < 40; ++round) {
            QByteArray bytes = original;
            const int edits = 1 + int(rng.bounded(20));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(bytes.size() + 1)));
                if (rng.bounded(4) == 0)
                    bytes.remove(at, qsizetype(rng.bounded(40)));
                else
                    bytes.insert(at, tokens.at(qsizetype(rng.bounded(quint32(tokens.size())))));
            }
            const QStringList whole = formatEvents(WerfLogParser::parse(bytes));

            WerfLogParser parser;
            QList<BuildEvent> events;
            for (qsizetype pos = 0; pos < bytes.size();) {
                const qsizetype n = 1 + qsizetype(rng.bounded(300));
                parser.feed(bytes.mid(pos, n));
                events += parser.takeEvents();
                pos += n;
            }
            parser.finish();
            events += parser.takeEvents();
            QString why;
            QVERIFY2(sameLines(formatEvents(events), whole, &why),
                     qPrintable(log + u" round "_s + QString::number(round) + u": "_s + why));

            BuildLogSummary summary;
            summary.add(events);
            QVERIFY(summary.images().size() <= events.size());
            QVERIFY(!formatBuildLogSummary(summary).isEmpty() || events.isEmpty());
            QBuffer buffer(&bytes);
            QVERIFY(buffer.open(QIODevice::ReadOnly));
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            const int rc = runLogCommand(buffer, log, true, outStream, errStream);
            QCOMPARE(rc, events.isEmpty() ? 1 : 0);
            const QStringList jsonLines = out.split(u'\n', Qt::SkipEmptyParts);
            for (const QString &line : jsonLines) {
                QJsonParseError error;
                QJsonDocument::fromJson(line.toUtf8(), &error);
                QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            }
        }
    }
}

void tst_WerfLogParser::feedLineMatchesFeed()
{
    const QByteArray bytes = readFile(logsDir() + u"/013.log"_s);
    QVERIFY(!bytes.isEmpty());
    WerfLogParser parser;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i + 1 < lines.size() || !lines.at(i).isEmpty()) // split() leaves "" after the last \n
            parser.feedLine(QString::fromUtf8(lines.at(i)));
    }
    parser.finish();
    QString why;
    QVERIFY2(sameLines(formatEvents(parser.takeEvents()),
                       formatEvents(WerfLogParser::parse(bytes)),
                       &why),
             qPrintable(why));
}

void tst_WerfLogParser::summaryOfFailure()
{
    BuildLogSummary summary;
    summary.add(WerfLogParser::parse(readFile(logsDir() + u"/002.log"_s)));
    QCOMPARE(summary.version(), u"v1.2.140+fix2"_s);
    QCOMPARE(summary.result(), BuildLogSummary::Result::Failed);
    QCOMPARE(summary.runningTimeMs(), 41410);
    QCOMPARE(summary.images().size(), 1);
    const BuildLogSummary::Image &image = summary.images().first();
    QCOMPARE(image.name, u"emby"_s);
    QVERIFY(image.finished);
    QVERIFY(image.failed);
    QCOMPARE(image.durationMs, 41360);
    const BuildLogSummary::Stage *failed = image.failedStage();
    QVERIFY(failed);
    QCOMPARE(failed->name, u"from"_s);
    QCOMPARE(failed->durationMs, 680);
    QCOMPARE(failed->exitCode, 139);
    QVERIFY(failed->message.startsWith(u"phase build on image emby stage from handler failed"_s));
    QCOMPARE(failed->signature, u"209c77a4c2f299276d8a162347702f0186259f680c760701ca7c371b"_s);
}

void tst_WerfLogParser::summaryOfMultiplatformCache()
{
    BuildLogSummary summary;
    summary.add(WerfLogParser::parse(readFile(logsDir() + u"/001.log"_s)));
    // Ends in a Go panic after the build summary.
    QCOMPARE(summary.result(), BuildLogSummary::Result::Failed);
    QCOMPARE(summary.panicMessage(),
             u"runtime error: invalid memory address or nil pointer dereference"_s);
    QCOMPARE(summary.images().size(), 6);
    const BuildLogSummary::Image *arm = summary.findImage(u"werf-issue"_s, u"linux/arm64"_s);
    const BuildLogSummary::Image *amd = summary.findImage(u"werf-issue"_s, u"linux/amd64"_s);
    QVERIFY(arm && amd && arm != amd);
    QCOMPARE(arm->count(BuildLogSummary::StageStatus::Cached), 3);
    QCOMPARE(arm->count(BuildLogSummary::StageStatus::Built), 0);
    QCOMPARE(arm->stages.at(2).name, u"COPY3"_s);
    QCOMPARE(amd->stages.at(2).signature,
             u"832e893579dc59129b0ee2f195dc6317d36701c3b5451e26f641f788"_s);
    QCOMPARE(arm->durationMs, 190);
    const BuildLogSummary::Image *unit = summary.findImage(u"werf-issue/stage/unit"_s,
                                                           u"linux/amd64"_s);
    QVERIFY(unit);
    QCOMPARE(unit->stages.size(), 1);
    QCOMPARE(unit->stages.first().name, u"WORKDIR1"_s);
}

void tst_WerfLogParser::summaryKeepsLastOutputLines()
{
    BuildLogSummary summary;
    summary.add(WerfLogParser::parse(readFile(logsDir() + u"/015.log"_s)));
    QCOMPARE(summary.result(), BuildLogSummary::Result::Succeeded);
    const BuildLogSummary::Image *app = summary.findImage(u"app"_s);
    QVERIFY(app);
    QCOMPARE(app->stages.size(), 1);
    const BuildLogSummary::Stage &stage = app->stages.first();
    QCOMPARE(stage.status, BuildLogSummary::StageStatus::Built);
    QCOMPARE(stage.durationMs, 9980);
    QCOMPARE(stage.outputLineCount, 30);
    QCOMPARE(stage.lastOutput.size(), BuildLogSummary::maxOutputLines());
    QCOMPARE(stage.lastOutput.last(),
             u"Successfully tagged 10560bef-f182-4769-bb23-c4a465814016:latest"_s);
}

void tst_WerfLogParser::summaryOfErrorWithoutFooter()
{
    BuildLogSummary summary;
    summary.add(WerfLogParser::parse(readFile(logsDir() + u"/019.log"_s)));
    QCOMPARE(summary.result(), BuildLogSummary::Result::Failed);
    const BuildLogSummary::Image *image = summary.findImage(u"app/stage/runtime-env"_s);
    QVERIFY(image);
    const BuildLogSummary::Stage *failed = image->failedStage();
    QVERIFY(failed);
    QCOMPARE(failed->name, u"COPY"_s);
    QVERIFY(failed->message.endsWith(u"requested access to the resource is denied"_s));
}

void tst_WerfLogParser::logCommandText()
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runLogCommand(logsDir() + u"/002.log"_s, false, outStream, errStream), 0);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY2(out.contains(u"werf v1.2.140+fix2"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Result: failed"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Image emby: failed, 41.36 s"_s), qPrintable(out));
    QVERIFY2(out.contains(u"exit code 139"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Error: phase build on image emby stage from handler failed"_s),
             qPrintable(out));

    out.clear();
    QCOMPARE(runLogCommand(logsDir() + u"/010.log"_s, false, outStream, errStream), 0);
    QVERIFY2(out.contains(u"Result: succeeded"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Image backend: succeeded, 7.19 s; 1 cached, 0 built"_s),
             qPrintable(out));
    QVERIFY2(out.contains(u"Image frontend: succeeded, 7.60 s; 1 cached, 0 built"_s),
             qPrintable(out));
}

void tst_WerfLogParser::logCommandJson()
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runLogCommand(logsDir() + u"/002.log"_s, true, outStream, errStream), 0);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    const QString message = u"phase build on image emby stage from handler failed: failed to "
                            "build image for stage from with digest "
                            "209c77a4c2f299276d8a162347702f0186259f680c760701ca7c371b: container "
                            "run failed: Status: , Code: 139"_s;
    const QList<QJsonObject> expected{
            {{u"event"_s, u"build-started"_s}, {u"version"_s, u"v1.2.140+fix2"_s}},
            {{u"event"_s, u"image-started"_s}, {u"image"_s, u"emby"_s}, {u"kind"_s, u"image"_s}},
            {{u"event"_s, u"stage-started"_s}, {u"image"_s, u"emby"_s}, {u"stage"_s, u"from"_s}},
            {{u"event"_s, u"stage-failed"_s},
             {u"image"_s, u"emby"_s},
             {u"stage"_s, u"from"_s},
             {u"durationMs"_s, 680},
             {u"exitCode"_s, 139},
             {u"message"_s, message},
             {u"signature"_s, u"209c77a4c2f299276d8a162347702f0186259f680c760701ca7c371b"_s},
             {u"lastOutput"_s, QJsonArray()}},
            {{u"event"_s, u"image-finished"_s},
             {u"image"_s, u"emby"_s},
             {u"durationMs"_s, 41360},
             {u"result"_s, u"failed"_s}},
            {{u"event"_s, u"build-finished"_s},
             {u"result"_s, u"failed"_s},
             {u"durationMs"_s, 41410},
             {u"message"_s, message},
             {u"image"_s, u"emby"_s},
             {u"stage"_s, u"from"_s},
             {u"exitCode"_s, 139}},
    };
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QVERIFY2(lines.at(i).startsWith(u"{\"event\":\""_s), qPrintable(lines.at(i)));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i).toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(lines.at(i)));
        QCOMPARE(doc.object(), expected.at(i));
    }

    // A failure named only by the error (log 007 has no stage footer) still gives stage-failed.
    out.clear();
    QCOMPARE(runLogCommand(logsDir() + u"/007.log"_s, true, outStream, errStream), 0);
    const QStringList lines7 = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines7.size() >= 3);
    const QJsonObject failed = QJsonDocument::fromJson(lines7.at(lines7.size() - 2).toUtf8())
                                       .object();
    QCOMPARE(failed.value(u"event"_s).toString(), u"stage-failed"_s);
    QCOMPARE(failed.value(u"image"_s).toString(), u"common/relocate-artifact"_s);
    QCOMPARE(failed.value(u"exitCode"_s).toInt(), 125);
    QCOMPARE(failed.value(u"lastOutput"_s).toArray().size(), 2);
    const QJsonObject finished = QJsonDocument::fromJson(lines7.last().toUtf8()).object();
    QCOMPARE(finished.value(u"result"_s).toString(), u"failed"_s);
}

void tst_WerfLogParser::logCommandBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain text") << QByteArray("hello\nworld\n");
    QByteArray garbage(1 << 20, '\0');
    QRandomGenerator rng(42);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    QTest::newRow("binary garbage") << garbage;
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xc3(\xe2\x82\n\xf0\x28\x8c\x28\n");
}

void tst_WerfLogParser::logCommandBadInput()
{
    QFETCH(QByteArray, bytes);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runLogCommand(buffer, u"input.log"_s, false, outStream, errStream), 1);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.startsWith(u"input.log:1:1: error: no werf build output found"_s), qPrintable(err));
}

void tst_WerfLogParser::logCommandLargeInput()
{
    // 50 MB: one endless line (memory must stay bounded) followed by a real log repeated, with
    // invalid UTF-8 in the output lines.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.log"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray block(1 << 20, 'x');
    for (int i = 0; i < 30; ++i)
        file.write(block);
    file.write("\n");
    QByteArray log = readFile(logsDir() + u"/015.log"_s);
    log.replace("OK: 9 MiB", "OK: \xff\xfe MiB");
    while (file.size() < 50 * 1024 * 1024)
        file.write(log);
    file.close();

    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runLogCommand(path, false, outStream, errStream), 0);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY2(out.contains(u"Image app: succeeded, 10.85 s; 0 cached, 1 built"_s), qPrintable(out));
    QVERIFY(out.size() < 10000);
}

void tst_WerfLogParser::logCommandMissingFile()
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runLogCommand(u"/nonexistent/werf.log"_s, false, outStream, errStream), 1);
    QVERIFY2(err.startsWith(u"/nonexistent/werf.log: error: cannot read"_s), qPrintable(err));
    err.clear();
    QCOMPARE(runLogCommand(QStringLiteral(STAGECRAFT_TEST_DATA_DIR), true, outStream, errStream), 1);
    QVERIFY2(err.contains(u"is a directory"_s), qPrintable(err));
}

QTEST_APPLESS_MAIN(tst_WerfLogParser)

#include "tst_werflogparser.moc"

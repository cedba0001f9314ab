// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "config/configloader.h"
#include "signature/whatif.h"
#include "whatiffixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

class tst_WhatIf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unchanged();
    void edit_data();
    void edit();
    void commandLineText();
    void badBaseline();

private:
    /** Runs `stagecraft plan NEW --against OLD [--json]` in-process. */
    int plan(const QStringList &args, QString *out, QString *err);

    QTemporaryDir m_dir;
    QString m_baseline;
};

void tst_WhatIf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_baseline = m_dir.filePath(u"baseline"_s);
    QString error;
    QVERIFY2(WhatIfFixture::createBaseline(m_baseline, &error), qPrintable(error));
}

int tst_WhatIf::plan(const QStringList &args, QString *out, QString *err)
{
    QTextStream o(out);
    QTextStream e(err);
    const int code = Ui::CommandLine::run(QStringList{u"stagecraft"_s, u"plan"_s} + args, o, e);
    o.flush();
    e.flush();
    return code;
}

void tst_WhatIf::unchanged()
{
    QString out, err;
    QCOMPARE(plan({m_baseline, u"--against"_s, m_baseline, u"--json"_s}, &out, &err), 0);
    const QJsonObject root = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonObject summary = root.value(u"summary").toObject();
    QVERIFY(summary.value(u"stages").toInt() > 10);
    QCOMPARE(summary.value(u"invalidated").toInt(), 0);
    QCOMPARE(summary.value(u"added").toInt(), 0);
    QCOMPARE(summary.value(u"removed").toInt(), 0);
    QCOMPARE(summary.value(u"notComparable").toInt(), 0);
    QCOMPARE(root.value(u"project").toString(), u"demo"_s);
}

void tst_WhatIf::edit_data()
{
    QTest::addColumn<int>("index");
    const QList<WhatIfFixture::Edit> edits = WhatIfFixture::edits();
    for (int i = 0; i < edits.size(); ++i)
        QTest::newRow(edits.at(i).name) << i;
}

void tst_WhatIf::edit()
{
    QFETCH(int, index);
    const WhatIfFixture::Edit edit = WhatIfFixture::edits().at(index);
    const QString current = m_dir.filePath(u"edit"_s + QString::number(index));
    QString error;
    QVERIFY2(WhatIfFixture::copyProject(m_baseline, current, &error), qPrintable(error));
    QVERIFY2(WhatIfFixture::applyEdit(edit, current, &error), qPrintable(error));

    // The JSON of the command line, read back into the lines of the expectation.
    QString out, err;
    QCOMPARE(plan({current, u"--against"_s, m_baseline, u"--json"_s}, &out, &err), 0);
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(out.toUtf8(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QStringList lines;
    int rebuilt = 0;
    for (const QJsonValue &image : root.value(u"images").toArray()) {
        for (const QJsonValue &stageValue : image.toObject().value(u"stages"_s).toArray()) {
            const QJsonObject stage = stageValue.toObject();
            const QString status = stage.value(u"status").toString();
            if (status == u"unchanged") {
                QCOMPARE(stage.value(u"signature").toString(),
                         stage.value(u"baselineSignature").toString());
                continue;
            }
            if (status == u"invalidated") {
                ++rebuilt;
                const QString cause = stage.value(u"cause").toString();
                // Only a refused git history rebuilds a stage whose signature stayed.
                QCOMPARE(stage.value(u"signature").toString()
                                 == stage.value(u"baselineSignature").toString(),
                         cause == u"git-history");
                // Exactly the stages that changed by an earlier stage say so, and nothing else.
                QCOMPARE(stage.value(u"changedInputs").toArray().isEmpty(), cause != u"input");
            }
            QStringList reasons;
            for (const QJsonValue &r : stage.value(u"reasons").toArray())
                reasons.append(r.toString());
            lines.append(image.toObject().value(u"name"_s).toString() + u'/'
                         + stage.value(u"name").toString() + u": "_s + reasons.join(u"; "_s));
        }
    }
    QCOMPARE(WhatIfFixture::withoutCommits(lines.join(u'\n')), edit.expected);
    QCOMPARE(root.value(u"summary"_s).toObject().value(u"invalidated"_s).toInt(), rebuilt);

    // The model API gives the same.
    const WhatIf direct = whatIf(loadProject(m_baseline), loadProject(current));
    QCOMPARE(WhatIfFixture::describe(direct.changes), edit.expected);
}

void tst_WhatIf::commandLineText()
{
    const QString current = m_dir.filePath(u"text"_s);
    QString error;
    QVERIFY2(WhatIfFixture::copyProject(m_baseline, current, &error), qPrintable(error));
    QVERIFY2(WhatIfFixture::editConfig(current, "MODE: production", "MODE: staging", &error),
             qPrintable(error));
    QString out, err;
    QCOMPARE(plan({current, u"--against"_s, m_baseline}, &out, &err), 0);
    QVERIFY2(out.contains(u"  dockerInstructions     invalidated     "_s), qPrintable(out));
    QVERIFY2(out.contains(u"      docker.ENV changed\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  install                unchanged       "_s), qPrintable(out));
    QVERIFY2(out.endsWith(u"1 of 16 stages would be rebuilt\n"_s), qPrintable(out));
}

void tst_WhatIf::badBaseline()
{
    // A baseline with an error: werf's message with its place, exit code 1, no crash.
    const QString broken = m_dir.filePath(u"broken"_s);
    QVERIFY(WhatIfFixture::writeFile(broken + u"/werf.yaml"_s,
                                     "project: demo\nconfigVersion: 1\n---\nimage: a\nfrom: [\n"));
    QString out, err;
    QCOMPARE(plan({m_baseline, u"--against"_s, broken}, &out, &err), 1);
    QVERIFY2(err.contains(broken + u"/werf.yaml:"_s), qPrintable(err));
    QVERIFY(out.isEmpty());
    QCOMPARE(plan({m_baseline, u"--against"_s, m_dir.filePath(u"missing"_s)}, &out, &err), 1);
    QVERIFY2(err.contains(u"not found"_s), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_WhatIf)
#include "tst_whatif.moc"

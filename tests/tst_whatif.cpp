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

namespace {

// 200 images without git in chains of ten (`fromImage` the previous one), every fifth image
// importing from one of four artifacts; `edits` replaces the install command of some images.
QByteArray chainConfig(const QHash<int, QByteArray> &edits = {}, const QByteArray &header = {})
{
    QByteArray yaml = "project: chains\nconfigVersion: 1\n" + header;
    for (int a = 0; a < 4; ++a) {
        yaml += "---\nartifact: tool-" + QByteArray::number(a)
                + "\nfrom: golang:1.21\nshell:\n  install:\n  - go build ./cmd/"
                + QByteArray::number(a) + "\n";
    }
    for (int i = 0; i < 200; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "---\nimage: app-" + n + "\n";
        if (i % 10 == 0)
            yaml += "from: alpine:3.18\nfromCacheVersion: \"" + n + "\"\n";
        else
            yaml += "fromImage: app-" + QByteArray::number(i - 1) + "\n";
        yaml += "shell:\n  install:\n  - " + edits.value(i, "make step-" + n) + "\n";
        if (i % 5 == 0)
            yaml += "import:\n- artifact: tool-" + QByteArray::number(i % 4)
                    + "\n  add: /out\n  to: /usr/local/bin\n  after: install\n";
    }
    return yaml;
}

} // namespace

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
    void incrementalAgainstBaseline();

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

void tst_WhatIf::incrementalAgainstBaseline()
{
    // The GUI's what-if after each edit: the current text planned against the saved baseline
    // (a StageLookup), incrementally from the previous what-if plan against the same baseline.
    const LoadedProject saved = loadText(u"werf.yaml"_s, chainConfig());
    QVERIFY(saved.ok());
    const Plan baseline = planProject(saved);
    PlanOptions options;
    options.lookupIdentity = u"baseline:1"_s;

    // First edit: app-42's install command; nothing to start from, so every image is computed.
    const LoadedProject first = loadText(u"werf.yaml"_s, chainConfig({{42, "make step-42 -j4"}}));
    QVERIFY(first.ok());
    const PlanBasis firstBasis = planAgainstWithBasis(first, baseline, options);
    QCOMPARE(firstBasis.computedImages, 204);
    QCOMPARE(firstBasis.lookupIdentity, options.lookupIdentity);

    // Second edit, on top: app-75, plus a comment line that moves every image below it. Only
    // app-75..79 (its chain up to the next `from`) have new inputs or dependencies.
    const LoadedProject second = loadText(u"werf.yaml"_s,
                                          chainConfig({{42, "make step-42 -j4"},
                                                       {75, "make step-75 -j4"}},
                                                      "# edited\n"));
    QVERIFY(second.ok());
    options.previous = std::make_shared<PlanBasis>(firstBasis);
    const PlanBasis secondBasis = planAgainstWithBasis(second, baseline, options);
    QCOMPARE(secondBasis.computedImages, 5);
    // Equal to the full plan, cache states and source locations included.
    const Plan full = planAgainst(second, baseline);
    QCOMPARE(secondBasis.plan.toJson(), full.toJson());
    QCOMPARE(secondBasis.plan.images.size(), full.images.size());
    for (int i = 0; i < full.images.size(); ++i)
        QCOMPARE(secondBasis.plan.images.at(i).location, full.images.at(i).location);
    // And the what-if says the same: app-42..49 and app-75..79 are invalidated.
    const WhatIf incremental = whatIf(baseline, secondBasis.plan);
    const WhatIf reference = whatIf(baseline, full);
    QCOMPARE(incremental.toJson(), reference.toJson());
    QVERIFY(incremental.rebuildCount() > 0);

    // A plan against another baseline (another identity) must not take anything over: the
    // lookup's answers (cache states) would differ.
    PlanOptions other = options;
    other.lookupIdentity = u"baseline:2"_s;
    const Plan otherBaseline = planProject(first);
    const PlanBasis againstOther = planAgainstWithBasis(second, otherBaseline, other);
    QCOMPARE(againstOther.computedImages, 204);
    QCOMPARE(againstOther.plan.toJson(), planAgainst(second, otherBaseline).toJson());
    // Nor without an identity.
    other.lookupIdentity.clear();
    QCOMPARE(planAgainstWithBasis(second, baseline, other).computedImages, 204);

    // Without a lookup (plain `stagecraft plan`), reuse needs no identity.
    PlanOptions plain;
    plain.previous = std::make_shared<PlanBasis>(planProjectWithBasis(first));
    const PlanBasis plainBasis = planProjectWithBasis(second, plain);
    QCOMPARE(plainBasis.computedImages, 5);
    QCOMPARE(plainBasis.plan.toJson(), planProject(second).toJson());
}

QTEST_GUILESS_MAIN(tst_WhatIf)
#include "tst_whatif.moc"

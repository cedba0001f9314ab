// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "plancontroller.h"
#include "projectgenerator.h"
#include "whatiffixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_PlanController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstPlanIsTheBaseline();
    void edit_data();
    void edit();
    void staleResultsDropped();
    void baselineFromCurrent();
    void brokenTextKeepsResult();
    void generatedProject();
    void incrementalReplan();

private:
    /** A fresh copy of the baseline project; returns its werf.yaml. */
    QString copy(const QString &name);
    /** setProject() and wait for the plan; false on timeout. */
    static bool plan(Ui::PlanController &controller, const QString &configFile);

    QTemporaryDir m_dir;
    QString m_baseline;
};

void tst_PlanController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_baseline = m_dir.filePath(u"baseline"_s);
    QString error;
    QVERIFY2(WhatIfFixture::createBaseline(m_baseline, &error), qPrintable(error));
}

QString tst_PlanController::copy(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QString error;
    if (!WhatIfFixture::copyProject(m_baseline, dir, &error))
        qWarning("%s", qPrintable(error));
    return dir + u"/werf.yaml"_s;
}

bool tst_PlanController::plan(Ui::PlanController &controller, const QString &configFile)
{
    QSignalSpy finished(&controller, &Ui::PlanController::planFinished);
    controller.setProject(configFile, readFile(configFile));
    // Planned off the GUI thread: the call returns before the result is there.
    if (!controller.isBusy())
        return false;
    return finished.wait(60000) && !controller.isBusy();
}

void tst_PlanController::firstPlanIsTheBaseline()
{
    Ui::PlanController controller;
    const QString config = copy(u"first"_s);
    QVERIFY(plan(controller, config));
    QVERIFY(controller.hasResult());
    QCOMPARE(controller.baselineFile(), config);
    const WhatIf &result = controller.result();
    QCOMPARE(result.rebuildCount(), 0);
    QCOMPARE(result.changes.size(), 16);
    QCOMPARE(WhatIfFixture::describe(result.changes), QString());
    // Every stapel stage has its computed signature (the Signature property of the window).
    const ImagePlan *app = result.current.image(u"app"_s, ImageKind::Image);
    QVERIFY(app);
    QVERIFY(!app->stage(StageId::Install)->signature.isEmpty());
    QCOMPARE(app->stage(StageId::Install)->signature.size(), 56); // SHA3-224 in hex
}

void tst_PlanController::edit_data()
{
    QTest::addColumn<int>("index");
    const QList<WhatIfFixture::Edit> edits = WhatIfFixture::edits();
    for (int i = 0; i < edits.size(); ++i)
        QTest::newRow(edits.at(i).name) << i;
}

void tst_PlanController::edit()
{
    QFETCH(int, index);
    const WhatIfFixture::Edit edit = WhatIfFixture::edits().at(index);
    const QString config = copy(u"edit"_s + QString::number(index));
    Ui::PlanController controller;
    QVERIFY(plan(controller, config));
    QString error;
    QVERIFY2(WhatIfFixture::applyEdit(edit, QFileInfo(config).absolutePath(), &error),
             qPrintable(error));
    QVERIFY(plan(controller, config));
    QCOMPARE(WhatIfFixture::describe(controller.result().changes), edit.expected);
}

void tst_PlanController::staleResultsDropped()
{
    const QString config = copy(u"stale"_s);
    const QByteArray baseline = readFile(config);
    QByteArray env = baseline;
    env.replace("MODE: production", "MODE: staging");
    QByteArray command = baseline;
    command.replace("  - echo ready\n", "  - echo set\n");

    Ui::PlanController controller;
    QSignalSpy finished(&controller, &Ui::PlanController::planFinished);
    QSignalSpy busy(&controller, &Ui::PlanController::busyChanged);
    controller.setProject(config, baseline);
    controller.setProject(config, env);
    controller.setProject(config, command);
    QVERIFY(controller.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 60000);
    // The overtaken plans were dropped: one result, the last text against the first one.
    QCOMPARE(finished.size(), 1);
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QCOMPARE(WhatIfFixture::describe(controller.result().changes),
             u"app/setup: setup commands of shell changed\n"
             "app/dockerInstructions: previous stage only"_s);
}

void tst_PlanController::baselineFromCurrent()
{
    const QString config = copy(u"saved"_s);
    Ui::PlanController controller;
    QVERIFY(plan(controller, config));
    QString error;
    QVERIFY(WhatIfFixture::editConfig(QFileInfo(config).absolutePath(),
                                      "MODE: production",
                                      "MODE: staging",
                                      &error));
    QVERIFY(plan(controller, config));
    QCOMPARE(controller.result().rebuildCount(), 1);

    // Saved: the current version is the baseline now, nothing is invalidated any more.
    QSignalSpy finished(&controller, &Ui::PlanController::planFinished);
    controller.setBaselineFromCurrent();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(controller.result().rebuildCount(), 0);

    // The next edit compares with the saved version, not with the first one.
    QVERIFY(WhatIfFixture::editConfig(QFileInfo(config).absolutePath(),
                                      "  CMD: [\"/usr/local/bin/app\"]",
                                      "  CMD: [\"/usr/local/bin/app\", \"serve\"]",
                                      &error));
    QVERIFY(plan(controller, config));
    QCOMPARE(WhatIfFixture::describe(controller.result().changes),
             u"app/dockerInstructions: docker.CMD changed"_s);

    // Saving while a plan runs: the plan of the latest text becomes the baseline.
    controller.setProject(config, readFile(config) + "\n# saved\n");
    controller.setBaselineFromCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 60000);
    QCOMPARE(controller.result().rebuildCount(), 0);
}

void tst_PlanController::brokenTextKeepsResult()
{
    const QString config = copy(u"broken"_s);
    Ui::PlanController controller;
    QVERIFY(plan(controller, config));
    QSignalSpy finished(&controller, &Ui::PlanController::planFinished);
    controller.setProject(config, readFile(config) + "---\nimage: x\nfrom: [\n");
    QVERIFY(finished.wait(60000));
    QVERIFY2(controller.lastError().startsWith(config + u':'), qPrintable(controller.lastError()));
    QVERIFY(controller.hasResult());
    QCOMPARE(controller.result().changes.size(), 16);
    // A different file starts over: its first plan is its baseline.
    const QString other = copy(u"broken-other"_s);
    QVERIFY(plan(controller, other));
    QCOMPARE(controller.baselineFile(), other);
    QVERIFY(controller.lastError().isEmpty());
}

void tst_PlanController::generatedProject()
{
    // The 150-image generated project (git history included): how long a plan takes in the
    // worker and how long the GUI thread is held. Reported, not asserted (shared machine).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Bench::GeneratorOptions options;
    options.images = 150;
    const Bench::ProjectGenerator generator(options);
    QString error;
    QVERIFY2(generator.write(dir.path(), &error), qPrintable(error));
    const QString config = dir.filePath(u"werf.yaml"_s);
    const QByteArray text = readFile(config);
    QVERIFY(!text.isEmpty());

    Ui::PlanController controller;
    // The GUI thread's longest stall while plans run, measured with a 5 ms timer.
    QElapsedTimer tick;
    qint64 longestGap = 0;
    QTimer timer;
    timer.setInterval(5);
    connect(&timer, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, tick.restart()); });
    QList<qint64> callMs;
    QList<qint64> planMs;
    for (int run = 0; run < 3; ++run) {
        QSignalSpy finished(&controller, &Ui::PlanController::planFinished);
        QElapsedTimer call;
        call.start();
        QByteArray edited = text;
        if (run > 0)
            edited += "\n# edit " + QByteArray::number(run) + "\n";
        controller.setProject(config, edited);
        callMs.append(call.elapsed());
        tick.start();
        timer.start();
        QVERIFY(finished.wait(120000));
        timer.stop();
        planMs.append(controller.lastPlanMilliseconds());
    }
    QCOMPARE(controller.result().current.images.size(), generator.stats().total());
    QCOMPARE(controller.result().rebuildCount(), 0);
    qInfo("150 images: first plan (baseline) %lld ms, re-plans against it %lld ms and %lld ms in "
          "the worker; setProject() held the GUI thread %lld/%lld/%lld ms; longest GUI event "
          "loop gap while planning %lld ms",
          planMs.at(0),
          planMs.at(1),
          planMs.at(2),
          callMs.at(0),
          callMs.at(1),
          callMs.at(2),
          longestGap);
}

void tst_PlanController::incrementalReplan()
{
    // builder, base, other and app (git): each re-plan against the same baseline takes over the
    // images whose inputs and dependencies did not change; git images are always recomputed.
    const QString config = copy(u"incremental"_s);
    const QString dir = QFileInfo(config).absolutePath();
    Ui::PlanController controller;
    QVERIFY(plan(controller, config));
    QCOMPARE(controller.lastComputedImageCount(), 4); // the baseline
    QString error;
    QVERIFY(WhatIfFixture::editConfig(dir, "apk add jq", "apk add jq yq", &error));
    QVERIFY(plan(controller, config));
    QCOMPARE(controller.lastComputedImageCount(), 4); // nothing against this baseline yet
    QVERIFY(WhatIfFixture::editConfig(dir, "apk add jq yq", "apk add jq yq fd", &error));
    QVERIFY(plan(controller, config));
    QCOMPARE(controller.lastComputedImageCount(), 2); // other (edited) and app (git)

    // The same as a full plan of this text against the same baseline.
    const Model::Plan &baseline = controller.result().baseline;
    const Model::Plan full = Model::planAgainst(Model::loadText(config, readFile(config)), baseline);
    QCOMPARE(controller.result().current.toJson(), full.toJson());
    QCOMPARE(WhatIfFixture::describe(controller.result().changes),
             WhatIfFixture::describe(Model::whatIf(baseline, full).changes));
    QCOMPARE(WhatIfFixture::describe(controller.result().changes),
             u"other/install: install commands of shell changed"_s);

    // A new baseline: earlier plans are no starting point any more.
    controller.setBaselineFromCurrent();
    QVERIFY(WhatIfFixture::editConfig(dir, "apk add curl", "apk add curl git", &error));
    QVERIFY(plan(controller, config));
    QCOMPARE(controller.lastComputedImageCount(), 4);
    QVERIFY(WhatIfFixture::editConfig(dir, "apk add curl git", "apk add curl git make", &error));
    QVERIFY(plan(controller, config));
    // base (edited), app (fromImage base, and git); builder and other taken over.
    QCOMPARE(controller.lastComputedImageCount(), 2);
    const Model::Plan full2 = Model::planAgainst(Model::loadText(config, readFile(config)),
                                                 controller.result().baseline);
    QCOMPARE(controller.result().current.toJson(), full2.toJson());
}

QTEST_GUILESS_MAIN(tst_PlanController)
#include "tst_plancontroller.moc"

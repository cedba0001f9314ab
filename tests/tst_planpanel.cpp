// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorscene.h"
#include "mainwindow.h"
#include "models/conveyormodel.h"
#include "models/planmodel.h"
#include "models/settings.h"
#include "plancontroller.h"
#include "planpanel.h"
#include "projectgenerator.h"
#include "projectloader.h"
#include "propertiespanel.h"
#include "stageitem.h"
#include "whatiffixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using Stagecraft::Ui::ConveyorScene;
using Stagecraft::Ui::StageItem;
using namespace Qt::StringLiterals;

namespace {

int imageIndex(const Conveyor &conveyor, const QString &name)
{
    for (int i = 0; i < conveyor.images.size(); ++i) {
        if (conveyor.images.at(i).name == name && conveyor.images.at(i).kind == ImageKind::Image)
            return i;
    }
    return -1;
}

StageItem *stageItem(ConveyorScene *scene, int image, StageId stage)
{
    const QList<QGraphicsItem *> items = scene->items();
    for (QGraphicsItem *item : items) {
        if (item->type() != StageItem::Type)
            continue;
        auto *s = static_cast<StageItem *>(item);
        if (s->image() == image && s->stage() == stage)
            return s;
    }
    return nullptr;
}

} // namespace

class tst_PlanPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelOnItsOwn();
    void changeOnDiskAndReload();
    void generatedProject();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void tst_PlanPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(u"project"_s);
    QString error;
    QVERIFY2(WhatIfFixture::createBaseline(m_project, &error), qPrintable(error));
}

void tst_PlanPanel::modelOnItsOwn()
{
    PlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    StageChange a;
    a.image = u"app"_s;
    a.stage = StageId::Install;
    a.stageName = u"install"_s;
    a.kind = StageChange::Kind::Invalidated;
    a.signatureBefore = u"aaa"_s;
    a.signatureAfter = u"bbb"_s;
    a.inputs.append({u"shell.install"_s, u"install commands of shell"_s, u"x"_s, u"y"_s});
    StageChange b = a;
    b.stage = StageId::Setup;
    b.stageName = u"setup"_s;
    b.inputs.clear();
    b.previousOnly = true;
    StageChange c = a;
    c.image = u"base"_s;
    c.kind = StageChange::Kind::Unchanged;
    c.inputs.clear();
    c.signatureAfter = c.signatureBefore;
    model.setChanges({a, b, c});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rebuildCount(), 2);
    const QModelIndex app = model.index(0, 0);
    QCOMPARE(model.rowCount(app), 2);
    const QModelIndex install = model.index(0, PlanModel::ReasonsColumn, app);
    QCOMPARE(install.data().toString(), u"install commands of shell changed"_s);
    QCOMPARE(model.index(1, PlanModel::ReasonsColumn, app).data().toString(),
             u"previous stage only"_s);
    QCOMPARE(model.index(1, 0, app).data(PlanModel::CauseRole).toString(), u"previous-stage"_s);
    QCOMPARE(model.index(0, PlanModel::BaselineSignatureColumn, app).data().toString(), u"aaa"_s);
    QCOMPARE(model.index(0, PlanModel::SignatureColumn, app).data().toString(), u"bbb"_s);
    QCOMPARE(model.indexForStage(u"app"_s, u"setup"_s).row(), 1);
    QCOMPARE(model.index(1, 0).data(PlanModel::KindRole).toInt(), int(StageChange::Kind::Unchanged));
    model.setChanges({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_PlanPanel::changeOnDiskAndReload()
{
    QSettings qs(m_dir.filePath(u"panel.ini"_s), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    window.setProjectLoader(&Ui::loadProjectForWindow);
    Ui::PlanController *controller = window.planController();
    QVERIFY(controller);
    PlanModel *model = window.planPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QSignalSpy finished(controller, &Ui::PlanController::planFinished);
    QVERIFY(window.openPath(m_project));
    QVERIFY(controller->isBusy()); // the window does not wait for the plan
    QVERIFY(finished.wait(60000));
    QCOMPARE(model->rebuildCount(), 0);
    QVERIFY(window.planPanel()->summary().startsWith(u"0 of "_s));
    const Conveyor &conveyor = window.conveyorModel()->conveyor();
    const int app = imageIndex(conveyor, u"app"_s);
    const int base = imageIndex(conveyor, u"base"_s);
    QVERIFY(app >= 0 && base >= 0);
    // The Signature of the images tree and the properties is the computed one now.
    const QString installSignature = window.conveyorModel()->stageSignature(app, StageId::Install);
    QCOMPARE(installSignature.size(), 56);
    QCOMPARE(window.conveyorModel()
                     ->indexForStage(app, StageId::Install)
                     .data(ConveyorModel::SignatureRole)
                     .toString(),
             installSignature);

    // A change on disk (base's install command), then File → Reload.
    QString error;
    QVERIFY(WhatIfFixture::editConfig(m_project,
                                      "  - apk add curl\n",
                                      "  - apk add curl git\n",
                                      &error));
    finished.clear();
    QAction *reload = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Refresh))
            reload = action;
    }
    QVERIFY(reload);
    reload->trigger();
    QVERIFY(finished.wait(60000));

    // The panel lists the invalidated stages with their reasons: base/install itself, app
    // through fromImage.
    QCOMPARE(model->rebuildCount(), 9);
    const QModelIndex baseInstall = model->indexForStage(u"base"_s,
                                                         u"install"_s,
                                                         PlanModel::ReasonsColumn);
    QVERIFY(baseInstall.isValid());
    QCOMPARE(baseInstall.data().toString(), u"install commands of shell changed"_s);
    QCOMPARE(model->indexForStage(u"base"_s, u"from"_s, PlanModel::StatusColumn).data().toString(),
             u"unchanged"_s);
    const QModelIndex appFrom = model->indexForStage(u"app"_s, u"from"_s);
    QCOMPARE(appFrom.data(PlanModel::ReasonsRole).toStringList(),
             QStringList{u"content signature of the base image base changed"_s});
    QCOMPARE(appFrom.data(PlanModel::CauseRole).toString(), u"input"_s);
    QCOMPARE(model->indexForStage(u"app"_s, u"gitArchive"_s).data(PlanModel::CauseRole).toString(),
             u"previous-stage"_s);
    QVERIFY(window.planPanel()->summary().startsWith(u"9 of "_s));
    // The view shows them (an expanded image with rows).
    QTreeView *view = window.planPanel()->view();
    QVERIFY(view->model()->rowCount() > 0);

    // The graph: invalidated colour and badge, the reasons in the tooltip and the properties.
    ConveyorScene *scene = window.scene();
    QCOMPARE(scene->stageStatus(base, StageId::Install), StageStatus::Invalidated);
    QCOMPARE(scene->stageStatus(base, StageId::From), StageStatus::Unknown);
    QCOMPARE(scene->stageStatus(app, StageId::DockerInstructions), StageStatus::Invalidated);
    StageItem *item = stageItem(scene, app, StageId::From);
    QVERIFY(item);
    QVERIFY2(item->toolTip().contains(u"content signature of the base image base changed"_s),
             qPrintable(item->toolTip()));
    QVERIFY(stageItem(scene, base, StageId::From)->toolTip().indexOf(u"rebuilt"_s) < 0);
    // Activating a row of the panel selects the stage everywhere.
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    emit view->activated(proxy->mapFromSource(model->indexForStage(u"base"_s, u"install"_s)));
    QCOMPARE(scene->currentImage(), base);
    QCOMPARE(scene->currentStage(), std::optional<StageId>(StageId::Install));
    QVERIFY2(window.propertiesPanel()->rows().contains(
                     u"Why rebuilt\tinstall commands of shell changed"_s),
             qPrintable(window.propertiesPanel()->rows().join(u'\n')));
    // Where the stage is written: the file's name, not the project's absolute path.
    const QStringList rows = window.propertiesPanel()->rows();
    const auto definedAt = std::find_if(rows.cbegin(), rows.cend(), [](const QString &row) {
        return row.startsWith(u"Defined at\t"_s);
    });
    QVERIFY2(definedAt != rows.cend(), qPrintable(rows.join(u'\n')));
    QVERIFY2(QRegularExpression(u"^Defined at\twerf\\.yaml:\\d+:\\d+$"_s)
                     .match(*definedAt)
                     .hasMatch(),
             qPrintable(*definedAt));
    window.propertiesPanel()->showSelection(base, std::nullopt);
    QVERIFY2(window.propertiesPanel()->rows().contains(u"Declared at\twerf.yaml:10:8"_s),
             qPrintable(window.propertiesPanel()->rows().join(u'\n')));
    QVERIFY(window.conveyorModel()->stageSignature(app, StageId::Install) != installSignature);

    // Saved: the current version becomes the baseline, the marks go.
    window.setBaselineFromCurrent();
    QCOMPARE(model->rebuildCount(), 0);
    QCOMPARE(scene->stageStatus(base, StageId::Install), StageStatus::Unknown);
    QVERIFY(!item->toolTip().contains(u"rebuilt"_s));

    // Another change, then another project: the first project's marks go at once, before the
    // other project's plan is there.
    QVERIFY(WhatIfFixture::editConfig(m_project, "MODE: production", "MODE: staging", &error));
    finished.clear();
    reload->trigger();
    QVERIFY(finished.wait(60000));
    QCOMPARE(scene->stageStatus(app, StageId::DockerInstructions), StageStatus::Invalidated);
    const QString other = m_dir.filePath(u"other"_s);
    QVERIFY2(WhatIfFixture::createBaseline(other, &error), qPrintable(error));
    QVERIFY(window.openPath(other));
    QVERIFY(controller->isBusy());
    QCOMPARE(window.scene()->stageStatus(app, StageId::DockerInstructions), StageStatus::Unknown);
    QVERIFY(window.conveyorModel()->stageSignature(app, StageId::Install).isEmpty());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(finished.wait(60000));
    QCOMPARE(model->rebuildCount(), 0);
    QVERIFY(model->rowCount() > 0);
    QCOMPARE(controller->baselineFile(), other + u"/werf.yaml"_s);
}

void tst_PlanPanel::generatedProject()
{
    // The 150-image generated project in the window: the GUI thread's longest stall from the
    // reload to the applied what-if (graph marks, panel, properties). Reported, not asserted.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Bench::GeneratorOptions options;
    options.images = 150;
    const Bench::ProjectGenerator generator(options);
    QString error;
    QVERIFY2(generator.write(dir.path(), &error), qPrintable(error));

    QSettings qs(m_dir.filePath(u"generated.ini"_s), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    window.setProjectLoader(&Ui::loadProjectForWindow);
    window.show();
    Ui::PlanController *controller = window.planController();
    QSignalSpy finished(controller, &Ui::PlanController::planFinished);
    QElapsedTimer open;
    open.start();
    QVERIFY(window.openPath(dir.path()));
    const qint64 openMs = open.elapsed();
    QElapsedTimer tick;
    qint64 longestGap = 0;
    QTimer timer;
    timer.setInterval(5);
    connect(&timer, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, tick.restart()); });
    tick.start();
    timer.start();
    QVERIFY(finished.wait(120000));
    QTest::qWait(50); // let the timer see the stall of the handlers, if any
    timer.stop();
    QCOMPARE(window.planPanel()->model()->rowCount(), generator.stats().total());
    // Applying a what-if on the GUI thread from scratch (signatures, reasons, statuses, panel).
    window.conveyorModel()->setSignaturesAndReasons({}, {});
    QElapsedTimer apply;
    apply.start();
    emit controller->planFinished();
    const qint64 applyMs = apply.elapsed();
    qInfo("150 images in the window: openPath() (load + scene, GUI thread) %lld ms; plan in the "
          "worker %lld ms; longest GUI event loop gap (the scene's first paint included) until the "
          "what-if was applied %lld ms; "
          "applying a what-if %lld ms",
          openMs,
          controller->lastPlanMilliseconds(),
          longestGap,
          applyMs);
}

QTEST_MAIN(tst_PlanPanel)
#include "tst_planpanel.moc"

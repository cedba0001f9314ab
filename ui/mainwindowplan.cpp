// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's what-if: the Plan dock and what a finished plan changes on the graph. Kept
// apart from mainwindow.cpp so that the window's own code only carries a few hook lines.
#include "conveyorscene.h"
#include "mainwindow.h"
#include "models/conveyormodel.h"
#include "models/planmodel.h"
#include "plancontroller.h"
#include "planpanel.h"
#include "propertiespanel.h"

#include <QDockWidget>
#include <QStatusBar>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

void MainWindow::createPlanDock()
{
    m_planController = new PlanController(this);
    m_planPanel = new PlanPanel(*m_planController, this);
    m_planDock = new QDockWidget(this);
    m_planDock->setObjectName(QStringLiteral("planDock"));
    m_planDock->setWidget(m_planPanel);
    placeDock(Qt::BottomDockWidgetArea, m_planDock);
    connect(m_planController, &PlanController::planFinished, this, &MainWindow::applyPlan);
    // The what-if baseline is the file as last saved (issue 6).
    connect(this, &MainWindow::projectSaved, this, &MainWindow::setBaselineFromCurrent);
    connect(m_planPanel,
            &PlanPanel::stageActivated,
            this,
            [this](const QString &image, const QString &stage) {
                const Conveyor &conveyor = m_model->conveyor();
                for (int i = 0; i < conveyor.images.size(); ++i) {
                    if (conveyor.images.at(i).kind != ImageKind::External
                        && conveyor.images.at(i).displayName() == image) {
                        selectEverywhere(i, stageFromName(stage), 3 /* FromOther */);
                        return;
                    }
                }
            });
}

void MainWindow::setBaselineFromCurrent()
{
    m_planController->setBaselineFromCurrent();
}

void MainWindow::applyPlan()
{
    // No result: another project is being planned; its predecessor's marks must go.
    const PlanOverlay overlay = m_planController->hasResult() ? PlanOverlay::fromChanges(
                                        m_planController->result().changes)
                                                              : PlanOverlay();
    // Only what the plan says is touched: a build's statuses (building, built, ...) stay.
    StageStatuses statuses = m_model->statuses();
    for (const QString &key : std::as_const(m_planInvalidated)) {
        if (statuses.value(key) == StageStatus::Invalidated)
            statuses.remove(key);
    }
    for (auto it = overlay.statuses.cbegin(); it != overlay.statuses.cend(); ++it)
        statuses.insert(it.key(), it.value());
    m_planInvalidated = overlay.statuses.keys();
    m_model->setSignaturesAndReasons(overlay.signatures, overlay.reasons);
    m_scene->setStageReasons(overlay.reasons);
    setStatuses(statuses);
    if (!m_planController->lastError().isEmpty())
        statusBar()->showMessage(tr("Plan not updated: %1").arg(m_planController->lastError()),
                                 8000);
}

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildcontroller.h"

#include "build/stagedurations.h"
#include "config/configloader.h"
#include "conveyorscene.h"
#include "mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

namespace Stagecraft::Ui {

namespace {

constexpr int kMaxLogLines = 5000;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

BuildController::BuildController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_buildAction = new QAction(this);
    m_buildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_buildAction, &QAction::triggered, this, [this] { startBuild(); });
    m_buildSelectedAction = new QAction(this);
    m_buildSelectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_buildSelectedAction, &QAction::triggered, this, [this] {
        const int image = m_window->scene()->currentImage();
        const Model::Conveyor &conveyor = m_window->scene()->conveyor();
        if (image >= 0 && image < conveyor.images.size())
            startBuild(conveyor.images.at(image).displayName());
    });
    m_stopAction = new QAction(this);
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(m_stopAction, &QAction::triggered, &m_worker, &Model::BuildWorker::cancel);

    QMenu *menu = m_window->menuBar()->addMenu(tr("&Build"));
    menu->addAction(m_buildAction);
    menu->addAction(m_buildSelectedAction);
    menu->addAction(m_stopAction);
    QToolBar *toolBar = m_window->addToolBar(tr("Build"));
    toolBar->setObjectName(QStringLiteral("buildToolBar"));
    toolBar->addAction(m_buildAction);
    toolBar->addAction(m_stopAction);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logDock = new QDockWidget(tr("Build Log"), m_window);
    m_logDock->setObjectName(QStringLiteral("buildLogDock"));
    m_logDock->setWidget(m_log);
    m_window->addPanelDock(Qt::BottomDockWidgetArea, m_logDock);

    m_history = new QTreeWidget;
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels(
            {tr("Result"), tr("Built"), tr("Cached"), tr("Duration"), tr("Prediction")});
    m_historyDock = new QDockWidget(tr("Build History"), m_window);
    m_historyDock->setObjectName(QStringLiteral("buildHistoryDock"));
    m_historyDock->setWidget(m_history);
    m_window->addPanelDock(Qt::BottomDockWidgetArea, m_historyDock);

    m_progressLabel = new QLabel;
    m_window->statusBar()->addPermanentWidget(m_progressLabel);

    m_pulseTimer = new QTimer(this);
    m_pulseTimer->setInterval(600);
    connect(m_pulseTimer, &QTimer::timeout, this, &BuildController::pulse);

    connect(&m_worker, &Model::BuildWorker::eventOccurred, this, &BuildController::handleEvent);
    connect(&m_worker, &Model::BuildWorker::progressChanged, this, &BuildController::handleProgress);
    connect(&m_worker, &Model::BuildWorker::finished, this, &BuildController::handleFinished);
    connect(m_window->scene(),
            &ConveyorScene::currentChanged,
            this,
            &BuildController::handleCurrentChanged);
    // Build All needs a project: the window usually opens one after the controller exists.
    connect(m_window, &MainWindow::projectShown, this, &BuildController::updateActions);
    retranslate();
    updateActions();
}

BuildController::~BuildController() = default;

void BuildController::retranslate()
{
    m_buildAction->setText(tr("&Build All"));
    m_buildAction->setToolTip(tr("Build every image with buildah (Ctrl+B)"));
    m_buildSelectedAction->setText(tr("Build &Selected Image"));
    m_stopAction->setText(tr("S&top Build"));
}

void BuildController::updateActions()
{
    const bool running = m_worker.isRunning();
    const bool hasProject = !m_window->configFile().isEmpty();
    m_buildAction->setEnabled(!running && hasProject);
    m_buildSelectedAction->setEnabled(!running && hasProject
                                      && m_window->scene()->currentImage() >= 0);
    m_stopAction->setEnabled(running);
}

void BuildController::setStagesStorage(const Model::StorageSpec &spec,
                                       Model::CredentialProvider credentials)
{
    m_baseOptions.storage = spec.containersStorage;
    if (spec.kind == Model::StorageSpec::Kind::Registry) {
        m_baseOptions.stagesStorage = spec.repository.repositoryAddress();
        m_baseOptions.insecureRegistries = spec.insecureRegistries;
        m_baseOptions.caFile = spec.caFile;
        m_baseOptions.credentials = std::move(credentials);
    } else {
        // The buildah backend's own containers-storage; a docker daemon is no place for it.
        m_baseOptions.stagesStorage = QStringLiteral(":local");
        m_baseOptions.insecureRegistries.clear();
        m_baseOptions.caFile.clear();
        m_baseOptions.credentials = nullptr;
    }
}

bool BuildController::startBuild(const QString &image)
{
    if (m_worker.isRunning() || m_window->configFile().isEmpty())
        return false;
    const Model::LoadedProject project = Model::loadProject(m_window->configFile());
    Model::BuildOptions options = m_baseOptions;
    options.images.clear();
    if (!image.isEmpty())
        options.images = {image};
    m_buildConfigFile = project.configFile;
    options.previousDurations = Model::StageDurations(m_buildConfigFile).load();
    if (!m_worker.start(project, options)) {
        QMessageBox::warning(m_window, tr("Build"), m_worker.errorString());
        return false;
    }
    m_logs.clear();
    m_statuses.clear();
    m_log->clear();
    // The log shares its tab group with the source view: a build brings it to the front.
    m_logDock->show();
    m_logDock->raise();
    m_clock.start();
    m_pulseTimer->start();
    m_progressLabel->setText(tr("Building…"));
    updateActions();
    return true;
}

void BuildController::handleEvent(const Model::BuildEvent &event)
{
    using Kind = Model::BuildEvent::Kind;
    const QString key = event.image + u'/' + event.stage;
    switch (event.kind) {
    case Kind::Output: {
        QStringList &lines = m_logs[key];
        lines.append(event.text);
        if (lines.size() > kMaxLogLines)
            lines.removeFirst();
        if (key == m_shownKey)
            m_log->appendPlainText(event.text);
        return;
    }
    case Kind::StageStarted:
        m_statuses.insert(key, Model::StageStatus::Building);
        m_building = key;
        if (m_shownKey.isEmpty() || !m_statuses.contains(m_shownKey)
            || m_statuses.value(m_shownKey) != Model::StageStatus::Failed)
            showLog(key); // follow the build until something failed
        break;
    case Kind::StageCached:
        m_statuses.insert(key, Model::StageStatus::Cached);
        break;
    case Kind::StageBuilt:
        m_statuses.insert(key, Model::StageStatus::Built);
        break;
    case Kind::StageFailed: {
        m_statuses.insert(key, Model::StageStatus::Failed);
        if (!event.text.isEmpty()) {
            m_logs[key].append(event.text);
            if (key == m_shownKey)
                m_log->appendPlainText(event.text);
        }
        showLog(key);
        // Select the failed stage: the window's source view follows the scene's selection.
        const Model::Conveyor &conveyor = m_window->scene()->conveyor();
        const std::optional<Model::StageId> stage = Model::stageFromName(event.stage);
        for (int i = 0; i < conveyor.images.size(); ++i) {
            if (conveyor.images.at(i).displayName() == event.image && stage) {
                m_window->scene()->selectImage(i, stage);
                Q_EMIT m_window->scene()->currentChanged(i, int(*stage));
                break;
            }
        }
        break;
    }
    default:
        return;
    }
    if (m_building == key && event.kind != Kind::StageStarted)
        m_building.clear();
    m_window->setStatuses(m_statuses);
}

void BuildController::pulse()
{
    // The stage being built alternates between "building" and "unknown": a slow, quiet blink.
    if (m_building.isEmpty())
        return;
    m_pulseOn = !m_pulseOn;
    Model::StageStatuses shown = m_statuses;
    shown.insert(m_building, m_pulseOn ? Model::StageStatus::Unknown : Model::StageStatus::Building);
    m_window->setStatuses(shown);
}

void BuildController::handleProgress(const Model::BuildProgress &progress)
{
    QString text = tr("Build: %1 of %2 stages, %3 s")
                           .arg(progress.done)
                           .arg(progress.total)
                           .arg(seconds(progress.elapsedMs));
    if (progress.remainingEstimateMs >= 0)
        text += tr(", about %1 s left").arg(seconds(progress.remainingEstimateMs));
    m_progressLabel->setText(text);
}

void BuildController::handleFinished(const Model::BuildOutcome &outcome)
{
    m_pulseTimer->stop();
    m_building.clear();
    m_window->setStatuses(m_statuses);

    Model::StageDurations(m_buildConfigFile).merge(outcome.durations);

    // The plan's prediction against what was actually built.
    QStringList unexpected;
    for (const QString &key : outcome.builtKeys) {
        if (!outcome.predictedKeys.contains(key) && !key.endsWith(u"/dockerfile"))
            unexpected.append(key);
    }
    QStringList notBuilt;
    if (outcome.result == Model::BuildOutcome::Result::Succeeded) {
        for (const QString &key : outcome.predictedKeys) {
            if (!outcome.builtKeys.contains(key))
                notBuilt.append(key);
        }
    }
    QString prediction = tr("as predicted");
    if (!unexpected.isEmpty() || !notBuilt.isEmpty()) {
        QStringList parts;
        if (!unexpected.isEmpty())
            parts.append(tr("also built: %1").arg(unexpected.join(QStringLiteral(", "))));
        if (!notBuilt.isEmpty())
            parts.append(tr("not built: %1").arg(notBuilt.join(QStringLiteral(", "))));
        prediction = parts.join(QStringLiteral("; "));
    }
    auto *item = new QTreeWidgetItem(m_history);
    item->setText(0, Model::BuildOutcome::resultName(outcome.result));
    item->setText(1, QString::number(outcome.builtStages));
    item->setText(2, QString::number(outcome.cachedStages));
    item->setText(3, tr("%1 s").arg(seconds(outcome.durationMs)));
    item->setText(4, prediction);
    if (!outcome.message.isEmpty())
        item->setToolTip(0, outcome.message);
    m_history->scrollToItem(item);

    m_progressLabel->setText(tr("Build %1: %2 built, %3 cached, %4 s")
                                     .arg(Model::BuildOutcome::resultName(outcome.result))
                                     .arg(outcome.builtStages)
                                     .arg(outcome.cachedStages)
                                     .arg(seconds(outcome.durationMs)));
    if (outcome.result == Model::BuildOutcome::Result::Failed)
        m_window->statusBar()->showMessage(outcome.message, 15000);
    updateActions();
}

void BuildController::handleCurrentChanged(int image, int stage)
{
    updateActions();
    const Model::Conveyor &conveyor = m_window->scene()->conveyor();
    if (image < 0 || image >= conveyor.images.size() || stage < 0)
        return;
    showLog(conveyor.images.at(image).displayName() + u'/'
            + Model::stageName(Model::StageId(stage)));
}

void BuildController::showLog(const QString &key)
{
    if (key == m_shownKey)
        return;
    m_shownKey = key;
    m_logDock->setWindowTitle(tr("Build Log: %1").arg(key));
    m_log->setPlainText(m_logs.value(key).join(u'\n'));
}

} // namespace Stagecraft::Ui

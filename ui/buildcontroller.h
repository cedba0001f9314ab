// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildevent.h"
#include "build/buildworker.h"
#include "models/stagestatus.h"
#include "storage/storagespec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;

namespace Stagecraft::Ui {

class MainWindow;

/**
 * Local builds in the main window: Build (all images) / Build Selected (the selected image
 * with its dependencies) / Stop, live stage colours on the graph (the building stage pulses),
 * the output of the stage selected in the graph, progress with an estimate in the status bar,
 * a history of builds (result, built/cached counts, duration, and where the plan's prediction
 * and the build differed), and a failed stage is selected so that the source view shows it.
 *
 * It adds its actions to a "Build" menu and toolbar and its docks to the window; the window
 * itself knows nothing about it.
 */
class BuildController final : public QObject
{
    Q_OBJECT

public:
    explicit BuildController(MainWindow *window);
    ~BuildController() override;

    QAction *buildAction() const { return m_buildAction; }
    QAction *buildSelectedAction() const { return m_buildSelectedAction; }
    QAction *stopAction() const { return m_stopAction; }
    Model::BuildWorker &worker() { return m_worker; }
    /** The output lines kept for a stage ("image/stage"). */
    QStringList stageLog(const QString &key) const { return m_logs.value(key); }

    /** What every build starts from (backend, storage, jobs); images and durations are set per build. */
    void setBaseOptions(const Model::BuildOptions &options) { m_baseOptions = options; }
    const Model::BuildOptions &baseOptions() const { return m_baseOptions; }
    /**
     * Builds go where the plan looks: a registry repository as the default storage becomes the
     * stages storage (with its connection options and these credentials, asked from the build
     * thread); any other storage builds into the local one. The containers-storage options
     * apply either way.
     */
    void setStagesStorage(const Model::StorageSpec &spec, Model::CredentialProvider credentials);
    QTreeWidget *historyView() const { return m_history; }
    QPlainTextEdit *logView() const { return m_log; }

    /** Starts a build of all images, or of @p image with its dependencies; false if refused. */
    bool startBuild(const QString &image = {});

private:
    void handleEvent(const Model::BuildEvent &event);
    void handleProgress(const Model::BuildProgress &progress);
    void handleFinished(const Model::BuildOutcome &outcome);
    void handleCurrentChanged(int image, int stage);
    void pulse();
    void updateActions();
    void showLog(const QString &key);
    void retranslate();

    MainWindow *m_window;
    Model::BuildWorker m_worker;
    Model::BuildOptions m_baseOptions;
    Model::StageStatuses m_statuses;
    QHash<QString, QStringList> m_logs;
    QString m_shownKey;
    QString m_building; ///< key of a stage being built (the pulse shows the last one started)
    QAction *m_buildAction = nullptr;
    QAction *m_buildSelectedAction = nullptr;
    QAction *m_stopAction = nullptr;
    QDockWidget *m_logDock = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_progressLabel = nullptr;
    QTimer *m_pulseTimer = nullptr;
    bool m_pulseOn = false;
    QElapsedTimer m_clock;
    /** The project being built: its stage durations are stored for the next estimate. */
    QString m_buildConfigFile;
};

} // namespace Stagecraft::Ui

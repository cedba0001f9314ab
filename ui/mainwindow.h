// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "conveyor/conveyor.h"
#include "models/stageinputs.h"
#include "models/stagestatus.h"

#include <QByteArray>
#include <QHash>
#include <QMainWindow>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QTreeView;

namespace Stagecraft::Model {
class ConveyorFilterProxyModel;
class ConveyorModel;
class ProblemsModel;
class Settings;
} // namespace Stagecraft::Model

namespace Stagecraft::Ui {

class ConveyorScene;
class ConveyorView;
class PlanController;
class PlanPanel;
class PropertiesPanel;
class SourceView;
class StorageRefreshAction;

/** What a project loader hands to the window. */
struct LoadedProject
{
    QString configFile;    ///< the werf.yaml that was read (absolute)
    QByteArray sourceText; ///< its text, as on disk
    Model::Conveyor conveyor;
    Model::Diagnostics diagnostics;
    /** Dockerfile texts by image name, for drawing their `FROM … AS` stages. */
    QHash<QString, QByteArray> dockerfiles;
    Model::StageStatuses statuses;
    /** The directives under each stage and the template-generated images (conveyorInputs()). */
    Model::ConveyorInputs inputs;
};

/**
 * Reads a werf.yaml (the path is a file; directories are resolved to their werf.yaml first).
 * Returns nullopt and sets `error` when nothing could be shown at all; config errors belong in
 * LoadedProject::diagnostics instead.
 */
using ProjectLoader
        = std::function<std::optional<LoadedProject>(const QString &path, QString *error)>;

/**
 * The Stagecraft main window: the conveyor graph in the centre, the images tree (left), the
 * properties of the selection (right), the source and the problems (bottom).
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Model::Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The function File → Open, Reload, recent files and drag and drop go through. */
    void setProjectLoader(ProjectLoader loader);
    /** What Settings → Storages and registries… opens; the action is disabled without one. */
    void setStorageSettingsHandler(std::function<void()> handler);
    /**
     * Adds a panel of another part of the window (the build log, the directive editor) as a tab:
     * at the bottom behind the source view's group, on the right behind the properties. It gets
     * an entry in the View menu, and its saved place is restored at the first show.
     */
    void addPanelDock(Qt::DockWidgetArea area, QDockWidget *dock);
    /** File → Refresh Storage; app/ gives it the configured storage and credentials. */
    StorageRefreshAction *storageRefreshAction() const { return m_storageRefreshAction; }

    /** Opens a werf.yaml or a project directory through the loader. */
    bool openPath(const QString &path);
    /** Shows a loaded project: the entry point the loader's result goes to. */
    void showProject(const QString &configFile,
                     const QByteArray &sourceText,
                     const Model::Conveyor &conveyor,
                     const Model::Diagnostics &diagnostics,
                     const QHash<QString, QByteArray> &dockerfiles = {},
                     const Model::ConveyorInputs &inputs = {});
    void setStatuses(const Model::StageStatuses &statuses);

    /**
     * Asked before the window closes (unsaved changes); returning false keeps it open. The
     * document editor (DocumentController) installs one.
     */
    void setCloseGuard(std::function<bool()> guard) { m_closeGuard = std::move(guard); }

    /** werf.yaml (or werf.yml) inside a directory; the path itself for files. */
    static QString resolveConfigPath(const QString &path);

    ConveyorScene *scene() const { return m_scene; }
    ConveyorView *view() const { return m_view; }
    QTreeView *imagesTree() const { return m_tree; }
    SourceView *sourceView() const { return m_source; }
    PropertiesPanel *propertiesPanel() const { return m_properties; }
    Model::ConveyorModel *conveyorModel() const { return m_model; }
    QString configFile() const { return m_configFile; }
    /** Plans every shown project off the GUI thread against a baseline (the what-if). */
    PlanController *planController() const { return m_planController; }
    PlanPanel *planPanel() const { return m_planPanel; }

public slots:
    /** The shown project becomes the what-if baseline; the editor calls this on save. */
    void setBaselineFromCurrent();

Q_SIGNALS:
    /**
     * The open document was written to disk: from now on the file as saved is the baseline
     * (e.g. of a what-if plan). Emitted by DocumentController after Save and Save As.
     */
    void projectSaved();
    /** showProject() has shown a project (opened, reloaded or re-parsed after an edit). */
    void projectShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    /** The first-start dock sizes, from the window's, before the saved state is applied. */
    void arrangeDefaultDocks();
    /**
     * Adds @p dock where it starts: the images on the left; the properties on the right, other
     * right panels as tabs behind them; bottom panels as tabs of one group after the source view.
     * It is remembered for resetDocks().
     */
    void placeDock(Qt::DockWidgetArea area, QDockWidget *dock);
    /** View → Reset Panels: every dock back where placeDock() put it, shown, at default sizes. */
    void resetDocks();
    void retranslate();
    void updateRecentFilesMenu();
    void updateStatusBar();
    void updateActions();

    void openFileDialog();
    void openDirectoryDialog();
    void reload();
    void exportDialog(int format);
    void saveUserLayout();

    void handleSceneCurrentChanged(int image, int stage);
    void handleTreeCurrentChanged(const QModelIndex &current);
    void handleSourceLineActivated(int line);
    void handleProblemActivated(const QModelIndex &index);
    /** Selects an image/stage everywhere except in `origin` (0 scene, 1 tree, 2 source). */
    void selectEverywhere(int image, std::optional<Model::StageId> stage, int origin);
    // The what-if (mainwindowplan.cpp).
    void createPlanDock();
    void applyPlan();

    Model::Settings &m_settings;
    ProjectLoader m_loader;
    std::function<void()> m_storageSettingsHandler;
    QString m_configFile;
    QByteArray m_sourceText;

    Model::ConveyorModel *m_model = nullptr;
    Model::ConveyorFilterProxyModel *m_proxy = nullptr;
    Model::ProblemsModel *m_problems = nullptr;
    ConveyorScene *m_scene = nullptr;
    ConveyorView *m_view = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_treeFilter = nullptr;
    QLineEdit *m_search = nullptr;
    SourceView *m_source = nullptr;
    QTreeView *m_problemsView = nullptr;
    PropertiesPanel *m_properties = nullptr;
    QDockWidget *m_imagesDock = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QDockWidget *m_sourceDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    PlanController *m_planController = nullptr;
    PlanPanel *m_planPanel = nullptr;
    QDockWidget *m_planDock = nullptr;
    /** The stages the last plan marked invalidated (to unmark them on the next one). */
    QList<QString> m_planInvalidated;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    /** The saved dock state is applied at the first show, when the controllers' docks exist. */
    bool m_stateRestored = false;
    QDockWidget *m_lastBottomDock = nullptr; ///< where placeDock() tabs the next bottom panel
    /** The docks in the order placeDock() added them, with their default areas. */
    QList<std::pair<QDockWidget *, Qt::DockWidgetArea>> m_dockDefaults;
    QTimer *m_layoutSaveTimer = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_openDirectoryAction = nullptr;
    QAction *m_reloadAction = nullptr;
    StorageRefreshAction *m_storageRefreshAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    QAction *m_exportDotAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_collapseAllAction = nullptr;
    QAction *m_expandAllAction = nullptr;
    QAction *m_focusAction = nullptr;
    QAction *m_showAllAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_resetDocksAction = nullptr;
    QAction *m_legendAction = nullptr;
    QAction *m_externalAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_storageSettingsAction = nullptr;
    bool m_syncing = false;
    std::function<bool()> m_closeGuard;
};

} // namespace Stagecraft::Ui

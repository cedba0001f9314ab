// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "conveyorscene.h"
#include "conveyorview.h"
#include "exporter.h"
#include "imagenodeitem.h"
#include "layout/layoutsidecar.h"
#include "models/conveyorfilterproxymodel.h"
#include "models/conveyormodel.h"
#include "models/problemsmodel.h"
#include "models/settings.h"
#include "plancontroller.h"
#include "propertiespanel.h"
#include "scenepalette.h"
#include "sourceview.h"
#include "storagerefreshaction.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {

enum Origin { FromScene = 0, FromTree = 1, FromSource = 2, FromOther = 3 };

/** The longest status name's width and text. */
std::pair<int, QString> widestStatusName(const QFontMetrics &metrics)
{
    std::pair<int, QString> widest{0, QString()};
    for (const StageStatus status : allStageStatuses()) {
        const QString name = stageStatusDisplayName(status);
        widest = std::max(widest, std::pair{metrics.horizontalAdvance(name), name});
    }
    return widest;
}

/**
 * Draws the statuses as their colours alone, rather than as "Inv…" beside them, when the column
 * is too narrow for the longest name (all of them, so that the column does not mix the two): the
 * legend under the graph names the colours, and the tooltip names the status.
 */
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /** The status names are measured again at the next cell (another language). */
    void forgetWidths() { m_font.reset(); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // Measured once per font (and language: fitStatusColumn() forgets it), not per cell:
        // sizeHintForColumn() asks for every row.
        if (!m_font || *m_font != option->font) {
            m_font = option->font;
            m_widest = widestStatusName(option->fontMetrics).first;
        }
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText,
                                                 option,
                                                 option->widget);
        if (m_widest > text.width())
            option->text.clear();
    }

    bool helpEvent(QHelpEvent *event,
                   QAbstractItemView *view,
                   const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        const QString name = index.data().toString();
        if (event->type() == QEvent::ToolTip && !name.isEmpty()) {
            QStyleOptionViewItem drawn = option;
            initStyleOption(&drawn, index);
            if (drawn.text.isEmpty()) {
                // Drawn as its colour alone: the tooltip names it, above what the cell's own says.
                const QString more = index.data(Qt::ToolTipRole).toString();
                QToolTip::showText(event->globalPos(),
                                   more.isEmpty() ? name : name + u'\n' + more,
                                   view);
                return true;
            }
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }

private:
    mutable std::optional<QFont> m_font;
    mutable int m_widest = 0;
};

/**
 * The images tree's status column: wide enough for the longest status name when the tree also
 * has room for the longest stage name under its image; otherwise just its colours (StatusDelegate),
 * so that a stage name is not cut (in the narrow dock of a laptop at 200 %, "beforeInstall" read
 * "before…"). A width set here, because ResizeToContents measures every row again on each
 * dataChanged, which made applying a what-if to 150 images take half a second on the GUI thread.
 */
void fitStatusColumn(QTreeView *tree)
{
    const QFontMetrics metrics = tree->fontMetrics();
    const QStyle *style = tree->style();
    const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, tree);
    // Cell widths as the style lays the items out: the longest status name beside its colour,
    // and the longest stage name, which is indented twice (the root decoration and its image).
    QStyleOptionViewItem item;
    item.initFrom(tree);
    item.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    item.decorationSize = QSize(icon, icon);
    item.text = widestStatusName(metrics).second;
    const int full = style->sizeFromContents(QStyle::CT_ItemViewItem, &item, QSize(), tree).width();
    item.features = QStyleOptionViewItem::HasDisplay;
    item.text.clear();
    for (int id = int(StageId::From); id <= int(StageId::Dockerfile); ++id) {
        const QString stage = stageName(StageId(id));
        if (metrics.horizontalAdvance(stage) > metrics.horizontalAdvance(item.text))
            item.text = stage;
    }
    const int name = 2 * tree->indentation()
                     + style->sizeFromContents(QStyle::CT_ItemViewItem, &item, QSize(), tree).width();
    // The colours alone still leave the header readable.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const int colours = std::max(icon + 6 * margin,
                                 tree->header()->sectionSizeHint(ConveyorModel::StatusColumn));
    tree->header()->resizeSection(ConveyorModel::StatusColumn,
                                  tree->viewport()->width() - name >= full ? full : colours);
    if (auto *delegate = dynamic_cast<StatusDelegate *>(
                tree->itemDelegateForColumn(ConveyorModel::StatusColumn)))
        delegate->forgetWidths();
}

/** Fits the status column again whenever the tree's viewport changes width. */
class StatusColumnFitter : public QObject
{
public:
    explicit StatusColumnFitter(QTreeView *tree)
        : QObject(tree)
        , m_tree(tree)
    {
        tree->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            fitStatusColumn(m_tree);
        return QObject::eventFilter(watched, event);
    }

private:
    QTreeView *m_tree;
};

enum ExportFormat { ExportPng = 0, ExportSvg = 1, ExportDot = 2 };

QIcon icon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_model(new ConveyorModel(this))
    , m_proxy(new ConveyorFilterProxyModel(this))
    , m_problems(new ProblemsModel(this))
    , m_scene(new ConveyorScene(this))
    , m_view(new ConveyorView(this))
    , m_layoutSaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon(QStringLiteral("stagecraft")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    // First start: 1400 × 900, but never larger than the screen (200 % scaling on a laptop).
    QSize size(1400, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.92);
    resize(size);

    m_proxy->setSourceModel(m_model);
    m_scene->setScenePalette(ScenePalette::fromPalette(palette()));
    m_view->setConveyorScene(m_scene);
    m_view->setLegendVisible(m_settings.showLegend());
    setCentralWidget(m_view);

    m_layoutSaveTimer->setSingleShot(true);
    m_layoutSaveTimer->setInterval(400);
    connect(m_layoutSaveTimer, &QTimer::timeout, this, &MainWindow::saveUserLayout);

    createActions();
    createDocks();
    createMenus();
    createToolBar();

    m_countsLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(
            m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888 %")));
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);

    connect(m_scene, &ConveyorScene::currentChanged, this, &MainWindow::handleSceneCurrentChanged);
    connect(m_scene, &ConveyorScene::userLayoutChanged, this, [this] {
        m_layoutSaveTimer->start();
    });
    connect(m_view, &ConveyorView::zoomChanged, this, &MainWindow::updateStatusBar);
    connect(m_view, &ConveyorView::focusRequested, this, [this](int image) {
        if (image >= 0)
            selectEverywhere(image, std::nullopt, FromOther);
        (image >= 0 ? m_focusAction : m_showAllAction)->trigger();
    });
    connect(m_legendAction, &QAction::toggled, this, [this](bool on) {
        m_view->setLegendVisible(on);
        m_settings.setShowLegend(on);
    });

    m_scene->setShowExternal(m_settings.showExternalImages());
    m_proxy->setShowExternal(m_settings.showExternalImages());

    restoreGeometry(m_settings.windowGeometry());
    retranslate();
    updateRecentFilesMenu();
    updateActions();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    if (m_layoutSaveTimer->isActive())
        saveUserLayout();
}

void MainWindow::setProjectLoader(ProjectLoader loader)
{
    m_loader = std::move(loader);
}

QString MainWindow::resolveConfigPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.absoluteFilePath();
    const QDir dir(info.absoluteFilePath());
    for (const QString &name : {QStringLiteral("werf.yaml"), QStringLiteral("werf.yml")}) {
        if (dir.exists(name))
            return dir.absoluteFilePath(name);
    }
    return dir.absoluteFilePath(QStringLiteral("werf.yaml"));
}

bool MainWindow::openPath(const QString &path)
{
    const QString config = resolveConfigPath(path);
    if (!QFileInfo::exists(config)) {
        const QString message = tr("%1: no werf.yaml or werf.yml found")
                                        .arg(QDir::toNativeSeparators(path));
        statusBar()->showMessage(message, 8000);
        if (isVisible())
            QMessageBox::warning(this, tr("Open"), message);
        return false;
    }
    if (!m_loader) {
        // Without a loader the text can still be read; the graph stays empty.
        QFile file(config);
        if (!file.open(QIODevice::ReadOnly)) {
            statusBar()->showMessage(tr("cannot read %1: %2").arg(config, file.errorString()), 8000);
            return false;
        }
        showProject(config,
                    file.readAll(),
                    Conveyor(),
                    {Diagnostic::note(
                            tr("no werf.yaml loader is configured; showing the text only"), {})});
        m_settings.addRecentFile(config);
        return true;
    }
    QString error;
    const std::optional<LoadedProject> project = m_loader(config, &error);
    if (!project) {
        statusBar()->showMessage(error, 8000);
        if (isVisible())
            QMessageBox::warning(this, tr("Open"), error);
        return false;
    }
    showProject(project->configFile.isEmpty() ? config : project->configFile,
                project->sourceText,
                project->conveyor,
                project->diagnostics,
                project->dockerfiles,
                project->inputs);
    if (!project->statuses.isEmpty())
        setStatuses(project->statuses);
    m_settings.addRecentFile(m_configFile);
    return true;
}

void MainWindow::showProject(const QString &configFile,
                             const QByteArray &sourceText,
                             const Conveyor &conveyor,
                             const Diagnostics &diagnostics,
                             const QHash<QString, QByteArray> &dockerfiles,
                             const ConveyorInputs &inputs)
{
    const bool sameProject = configFile == m_configFile;
    if (m_layoutSaveTimer->isActive())
        saveUserLayout();
    m_configFile = configFile;
    m_sourceText = sourceText;

    m_model->setConveyor(conveyor, diagnostics, inputs);
    QList<int> images;
    for (const Diagnostic &d : m_model->diagnostics())
        images.append(m_model->imageForDiagnostic(d));
    m_problems->setDiagnostics(m_model->diagnostics(), images);

    QString sidecarError;
    const LayoutSidecar sidecar = LayoutSidecar::load(LayoutSidecar::pathFor(configFile),
                                                      &sidecarError);
    if (!sameProject)
        m_scene->setFocusImage(-1); // no-op unless focused
    m_scene->setConveyor(conveyor, dockerfiles, sidecar);
    // After setConveyor(): the scene's selection follows its image when indices shift.
    const int previousImage = sameProject ? m_scene->currentImage() : -1;
    // An edit of a stage's fields keeps that stage selected.
    const std::optional<StageId> previousStage = sameProject ? m_scene->currentStage()
                                                             : std::nullopt;
    QHash<int, int> counts;
    QSet<int> withErrors;
    for (int k = 0; k < images.size(); ++k) {
        const int i = images.at(k);
        if (i < 0)
            continue;
        ++counts[i];
        if (m_model->diagnostics().at(k).severity == Severity::Error)
            withErrors.insert(i);
    }
    m_scene->setProblemCounts(counts, withErrors);

    m_source->setSource(QFileInfo(configFile).fileName(), sourceText);
    m_source->setProblems(m_model->diagnostics());
    // Collapsed: expanding first (as before) measured every row of the new model for nothing.
    m_tree->collapseAll();

    setWindowFilePath(configFile);
    setWindowTitle(tr("%1[*] — Stagecraft").arg(QDir::toNativeSeparators(configFile)));
    if (!sameProject)
        m_view->fitAll();
    if (previousImage >= 0 && previousImage < conveyor.images.size())
        selectEverywhere(previousImage,
                         previousStage && conveyor.images.at(previousImage).hasStage(*previousStage)
                                 ? previousStage
                                 : std::nullopt,
                         FromOther);
    else
        m_properties->showSelection(-1, std::nullopt);
    if (!sidecarError.isEmpty())
        statusBar()->showMessage(sidecarError, 8000);
    updateActions();
    updateStatusBar();
    m_planController->setProject(configFile, sourceText);
    emit projectShown();
}

void MainWindow::setStatuses(const StageStatuses &statuses)
{
    m_model->setStatuses(statuses);
    m_scene->setStatuses(statuses);
    m_properties->showSelection(m_scene->currentImage(), m_scene->currentStage());
}

void MainWindow::createActions()
{
    m_openAction = new QAction(icon(QStringLiteral("open")), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_openDirectoryAction = new QAction(this);
    m_openDirectoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openDirectoryAction, &QAction::triggered, this, &MainWindow::openDirectoryDialog);

    m_storageRefreshAction = new StorageRefreshAction(this);
    m_storageRefreshAction->setPathProvider([this] { return m_configFile; });
    connect(m_storageRefreshAction,
            &StorageRefreshAction::statusesReady,
            this,
            &MainWindow::setStatuses);
    connect(m_storageRefreshAction,
            &StorageRefreshAction::messageReady,
            this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_reloadAction = new QAction(icon(QStringLiteral("reload")), QString(), this);
    m_reloadAction->setShortcuts({QKeySequence::Refresh, QKeySequence(Qt::CTRL | Qt::Key_R)});
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_exportPngAction = new QAction(icon(QStringLiteral("export")), QString(), this);
    m_exportPngAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportPngAction, &QAction::triggered, this, [this] { exportDialog(ExportPng); });
    m_exportSvgAction = new QAction(this);
    connect(m_exportSvgAction, &QAction::triggered, this, [this] { exportDialog(ExportSvg); });
    m_exportDotAction = new QAction(this);
    connect(m_exportDotAction, &QAction::triggered, this, [this] { exportDialog(ExportDot); });

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_zoomInAction = new QAction(icon(QStringLiteral("zoom-in")), QString(), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_view, &ConveyorView::zoomIn);
    m_zoomOutAction = new QAction(icon(QStringLiteral("zoom-out")), QString(), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &ConveyorView::zoomOut);
    m_actualSizeAction = new QAction(this);
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_actualSizeAction, &QAction::triggered, m_view, &ConveyorView::resetZoom);
    m_fitAction = new QAction(icon(QStringLiteral("zoom-fit")), QString(), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    connect(m_fitAction, &QAction::triggered, m_view, &ConveyorView::fitAll);

    m_collapseAllAction = new QAction(icon(QStringLiteral("collapse")), QString(), this);
    m_collapseAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus));
    connect(m_collapseAllAction, &QAction::triggered, m_scene, &ConveyorScene::collapseAll);
    m_expandAllAction = new QAction(icon(QStringLiteral("expand")), QString(), this);
    m_expandAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus));
    connect(m_expandAllAction, &QAction::triggered, m_scene, &ConveyorScene::expandAll);

    m_focusAction = new QAction(icon(QStringLiteral("focus")), QString(), this);
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusAction, &QAction::triggered, this, [this] {
        if (m_scene->currentImage() < 0)
            return;
        m_scene->setFocusImage(m_scene->currentImage());
        m_view->fitAll();
        updateActions();
        updateStatusBar();
    });
    m_showAllAction = new QAction(this);
    m_showAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_showAllAction, &QAction::triggered, this, [this] {
        m_scene->setFocusImage(-1);
        m_view->fitAll();
        m_view->revealImage(m_scene->currentImage());
        updateActions();
        updateStatusBar();
    });
    m_resetLayoutAction = new QAction(icon(QStringLiteral("reset-layout")), QString(), this);
    connect(m_resetLayoutAction, &QAction::triggered, this, [this] {
        m_scene->resetLayout();
        m_view->fitAll();
    });

    m_resetDocksAction = new QAction(this);
    m_resetDocksAction->setObjectName(QStringLiteral("resetDocksAction"));
    connect(m_resetDocksAction, &QAction::triggered, this, &MainWindow::resetDocks);

    m_legendAction = new QAction(this);
    m_legendAction->setCheckable(true);
    m_legendAction->setChecked(m_settings.showLegend());
    m_externalAction = new QAction(this);
    m_externalAction->setCheckable(true);
    m_externalAction->setChecked(m_settings.showExternalImages());
    connect(m_externalAction, &QAction::toggled, this, [this](bool on) {
        m_settings.setShowExternalImages(on);
        m_scene->setShowExternal(on);
        m_proxy->setShowExternal(on);
        updateStatusBar();
    });

    m_findAction = new QAction(this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this,
                           tr("About Stagecraft"),
                           tr("<h3>Stagecraft %1</h3><p>A desktop viewer and editor for werf.yaml "
                              "stage conveyors.</p><p>License: GPL-3.0-or-later</p>")
                                   .arg(QCoreApplication::applicationVersion()));
    });
    addActions({m_findAction});

    m_storageSettingsAction = new QAction(this);
    m_storageSettingsAction->setObjectName(QStringLiteral("storageSettingsAction"));
    m_storageSettingsAction->setMenuRole(QAction::PreferencesRole);
    m_storageSettingsAction->setEnabled(false);
    connect(m_storageSettingsAction, &QAction::triggered, this, [this] {
        if (m_storageSettingsHandler)
            m_storageSettingsHandler();
    });
}

void MainWindow::setStorageSettingsHandler(std::function<void()> handler)
{
    m_storageSettingsHandler = std::move(handler);
    m_storageSettingsAction->setEnabled(bool(m_storageSettingsHandler));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_openAction);
    file->addAction(m_openDirectoryAction);
    m_recentMenu = file->addMenu(QString());
    file->addAction(m_reloadAction);
    file->addAction(m_storageRefreshAction);
    file->addSeparator();
    m_exportMenu = file->addMenu(icon(QStringLiteral("export")), QString());
    m_exportMenu->addAction(m_exportPngAction);
    m_exportMenu->addAction(m_exportSvgAction);
    m_exportMenu->addAction(m_exportDotAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_findAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_actualSizeAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    view->addAction(m_collapseAllAction);
    view->addAction(m_expandAllAction);
    view->addAction(m_focusAction);
    view->addAction(m_showAllAction);
    view->addAction(m_resetLayoutAction);
    view->addSeparator();
    view->addAction(m_legendAction);
    view->addAction(m_externalAction);
    view->addSeparator();
    view->addAction(m_resetDocksAction);
    view->addSeparator();
    view->addAction(m_imagesDock->toggleViewAction());
    view->addAction(m_propertiesDock->toggleViewAction());
    view->addAction(m_sourceDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_planDock->toggleViewAction());

    QMenu *settingsMenu = menuBar()->addMenu(QString());
    settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    settingsMenu->addAction(m_storageSettingsAction);

    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(m_openAction);
    bar->addAction(m_reloadAction);
    bar->addAction(m_exportPngAction);
    bar->addSeparator();
    bar->addAction(m_zoomOutAction);
    bar->addAction(m_zoomInAction);
    bar->addAction(m_fitAction);
    bar->addSeparator();
    bar->addAction(m_collapseAllAction);
    bar->addAction(m_expandAllAction);
    bar->addAction(m_focusAction);
    bar->addAction(m_resetLayoutAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_search->setMinimumWidth(200);
    bar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QList<int> matches = m_scene->setSearchText(text);
        if (!text.trimmed().isEmpty())
            statusBar()->showMessage(tr("%n matching image(s)", "", int(matches.size())), 4000);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QList<int> matches = m_scene->setSearchText(m_search->text());
        if (matches.isEmpty())
            return;
        // Enter cycles through the matches.
        int next = matches.first();
        for (int m : matches) {
            if (m > m_scene->currentImage()) {
                next = m;
                break;
            }
        }
        selectEverywhere(next, std::nullopt, FromOther);
    });
}

void MainWindow::createDocks()
{
    // Images tree with its own filter.
    auto *imagesWidget = new QWidget(this);
    auto *imagesLayout = new QVBoxLayout(imagesWidget);
    imagesLayout->setContentsMargins(4, 4, 4, 4);
    imagesLayout->setSpacing(4);
    m_treeFilter = new QLineEdit(imagesWidget);
    m_treeFilter->setObjectName(QStringLiteral("treeFilter"));
    m_treeFilter->setClearButtonEnabled(true);
    imagesLayout->addWidget(m_treeFilter);
    m_tree = new QTreeView(imagesWidget);
    m_tree->setObjectName(QStringLiteral("imagesTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ConveyorModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ConveyorModel::StatusColumn, QHeaderView::Interactive);
    fitStatusColumn(m_tree);
    new StatusColumnFitter(m_tree);
    m_tree->setItemDelegateForColumn(ConveyorModel::StatusColumn, new StatusDelegate(m_tree));
    m_tree->setColumnHidden(ConveyorModel::SignatureColumn, true);
    m_tree->setColumnHidden(ConveyorModel::LocationColumn, true);
    m_tree->setColumnHidden(ConveyorModel::KindColumn, true);
    imagesLayout->addWidget(m_tree);
    connect(m_treeFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) { handleTreeCurrentChanged(current); });

    m_imagesDock = new QDockWidget(this);
    m_imagesDock->setObjectName(QStringLiteral("imagesDock"));
    m_imagesDock->setWidget(imagesWidget);
    placeDock(Qt::LeftDockWidgetArea, m_imagesDock);

    m_properties = new PropertiesPanel(*m_model, this);
    m_propertiesDock = new QDockWidget(this);
    m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    m_propertiesDock->setWidget(m_properties);
    placeDock(Qt::RightDockWidgetArea, m_propertiesDock);
    connect(m_properties, &PropertiesPanel::imageActivated, this, [this](int image) {
        selectEverywhere(image, std::nullopt, FromOther);
    });
    connect(m_properties, &PropertiesPanel::locationActivated, this, [this](int line, int column) {
        m_sourceDock->raise();
        m_source->goTo(line, column);
    });

    m_source = new SourceView(this);
    m_sourceDock = new QDockWidget(this);
    m_sourceDock->setObjectName(QStringLiteral("sourceDock"));
    m_sourceDock->setWidget(m_source);
    placeDock(Qt::BottomDockWidgetArea, m_sourceDock);
    connect(m_source, &SourceView::lineActivated, this, &MainWindow::handleSourceLineActivated);

    m_problemsView = new QTreeView(this);
    m_problemsView->setObjectName(QStringLiteral("problemsView"));
    m_problemsView->setModel(m_problems);
    m_problemsView->setRootIsDecorated(false);
    m_problemsView->setUniformRowHeights(true);
    m_problemsView->setAlternatingRowColors(true);
    m_problemsView->header()->setSectionResizeMode(ProblemsModel::SeverityColumn,
                                                   QHeaderView::ResizeToContents);
    m_problemsView->header()->setSectionResizeMode(ProblemsModel::MessageColumn,
                                                   QHeaderView::Stretch);
    m_problemsView->header()->setStretchLastSection(false);
    m_problemsView->header()->setSectionResizeMode(ProblemsModel::LocationColumn,
                                                   QHeaderView::ResizeToContents);
    connect(m_problemsView, &QTreeView::activated, this, &MainWindow::handleProblemActivated);
    connect(m_problemsView, &QTreeView::clicked, this, &MainWindow::handleProblemActivated);
    m_problemsDock = new QDockWidget(this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problemsView);
    placeDock(Qt::BottomDockWidgetArea, m_problemsDock);
    createPlanDock();
    m_sourceDock->raise();
}

void MainWindow::placeDock(Qt::DockWidgetArea area, QDockWidget *dock)
{
    addDockWidget(area, dock);
    if (area == Qt::BottomDockWidgetArea) {
        // One tab group: the source view gets the window's whole width, and a build brings its
        // log to the front.
        if (m_lastBottomDock)
            tabifyDockWidget(m_lastBottomDock, dock);
        m_lastBottomDock = dock;
    } else if (area == Qt::RightDockWidgetArea && dock != m_propertiesDock) {
        tabifyDockWidget(m_propertiesDock, dock);
    }
    m_dockDefaults.append({dock, area});
}

void MainWindow::resetDocks()
{
    const QList<std::pair<QDockWidget *, Qt::DockWidgetArea>> docks = std::exchange(m_dockDefaults,
                                                                                    {});
    m_lastBottomDock = nullptr;
    for (const auto &[dock, area] : docks) {
        dock->setFloating(false);
        placeDock(area, dock); // moves a dock that is elsewhere
        dock->show();
    }
    m_sourceDock->raise();
    m_propertiesDock->raise();
    arrangeDefaultDocks();
}

void MainWindow::addPanelDock(Qt::DockWidgetArea area, QDockWidget *dock)
{
    placeDock(area, dock);
    if (area == Qt::BottomDockWidgetArea)
        m_sourceDock->raise();
    else if (area == Qt::RightDockWidgetArea)
        m_propertiesDock->raise();
    if (auto *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu")))
        view->addAction(dock->toggleViewAction());
    // A dock added after the first show is placed where the saved state had it.
    if (m_stateRestored)
        restoreDockWidget(dock);
}

void MainWindow::arrangeDefaultDocks()
{
    // Proportional sizes, so that the graph keeps most of a small window (a laptop at 200 %)
    // and a large one does not get needlessly wide docks. The images tree keeps a stage name as
    // long as importsBeforeInstall whole beside the status colours from 230 px on, beside the
    // status names from about 275 px (fitStatusColumn).
    const auto part = [](int total, qreal share, int low, int high) {
        return std::clamp(int(total * share), low, high);
    };
    resizeDocks({m_imagesDock, m_propertiesDock},
                {part(width(), 0.18, 230, 300), part(width(), 0.22, 300, 360)},
                Qt::Horizontal);
    resizeDocks({m_sourceDock}, {part(height(), 0.27, 150, 280)}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!m_stateRestored) {
        m_stateRestored = true;
        arrangeDefaultDocks();
        restoreState(m_settings.windowState());
    }
    QMainWindow::showEvent(event);
}

void MainWindow::retranslate()
{
    fitStatusColumn(m_tree); // the status names are translated
    m_openAction->setText(tr("&Open File…"));
    m_openAction->setToolTip(
            tr("Open a werf.yaml (%1)")
                    .arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
    m_openDirectoryAction->setText(tr("Open Project &Directory…"));
    m_reloadAction->setText(tr("&Reload"));
    m_storageRefreshAction->retranslate();
    m_exportPngAction->setText(tr("Export as &PNG…"));
    m_exportSvgAction->setText(tr("Export as &SVG…"));
    m_exportDotAction->setText(tr("Export as &DOT…"));
    m_quitAction->setText(tr("&Quit"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_actualSizeAction->setText(tr("&Actual Size"));
    m_fitAction->setText(tr("&Fit to View"));
    m_collapseAllAction->setText(tr("&Collapse All"));
    m_expandAllAction->setText(tr("&Expand All"));
    m_focusAction->setText(tr("Focus on &Selection"));
    m_focusAction->setToolTip(
            tr("Show only the selected image with its ancestors and descendants"));
    m_showAllAction->setText(tr("Show &All Images"));
    m_resetLayoutAction->setText(tr("&Reset Layout"));
    m_resetLayoutAction->setToolTip(tr("Forget dragged positions and collapsed nodes"));
    m_resetDocksAction->setText(tr("Reset &Panels"));
    m_resetDocksAction->setToolTip(
            tr("Put every panel back where it starts, shown and docked, at its first size"));
    m_legendAction->setText(tr("Show &Legend"));
    m_externalAction->setText(tr("Show E&xternal Base Images"));
    m_findAction->setText(tr("&Find…"));
    m_aboutAction->setText(tr("&About Stagecraft"));
    m_storageSettingsAction->setText(tr("&Storages and Registries…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_exportMenu->setTitle(tr("&Export"));
    const QList<QMenu *> menus = menuBar()->findChildren<QMenu *>(QString(),
                                                                  Qt::FindDirectChildrenOnly);
    for (QMenu *menu : menus) {
        if (menu->objectName() == u"fileMenu")
            menu->setTitle(tr("&File"));
        else if (menu->objectName() == u"viewMenu")
            menu->setTitle(tr("&View"));
        else if (menu->objectName() == u"helpMenu")
            menu->setTitle(tr("&Help"));
        else if (menu->objectName() == u"settingsMenu")
            menu->setTitle(tr("&Settings"));
    }
    if (QToolBar *bar = findChild<QToolBar *>(QStringLiteral("mainToolBar")))
        bar->setWindowTitle(tr("Main Toolbar"));
    m_search->setPlaceholderText(
            tr("Find image or stage… (%1)")
                    .arg(m_findAction->shortcut().toString(QKeySequence::NativeText)));
    m_treeFilter->setPlaceholderText(tr("Filter images and stages"));
    m_imagesDock->setWindowTitle(tr("Images"));
    m_propertiesDock->setWindowTitle(tr("Properties"));
    m_sourceDock->setWindowTitle(tr("Source"));
    m_problemsDock->setWindowTitle(tr("Problems"));
    m_planDock->setWindowTitle(tr("Plan"));
    if (m_configFile.isEmpty())
        setWindowTitle(tr("Stagecraft"));
    updateStatusBar();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange && m_scene)
        m_scene->setScenePalette(ScenePalette::fromPalette(palette()));
    QMainWindow::changeEvent(event);
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        QAction *action = m_recentMenu->addAction(
                QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(file)));
        connect(action, &QAction::triggered, this, [this, file] { openPath(file); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("&Clear List"));
        connect(clear, &QAction::triggered, this, [this] { m_settings.clearRecentFiles(); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    connect(&m_settings,
            &Settings::recentFilesChanged,
            this,
            &MainWindow::updateRecentFilesMenu,
            Qt::UniqueConnection);
}

void MainWindow::updateActions()
{
    const bool loaded = !m_configFile.isEmpty();
    m_reloadAction->setEnabled(loaded);
    m_storageRefreshAction->setEnabled(loaded);
    m_exportMenu->setEnabled(loaded);
    m_exportPngAction->setEnabled(loaded);
    m_focusAction->setEnabled(loaded && m_scene->currentImage() >= 0);
    m_showAllAction->setEnabled(m_scene->focusImage() >= 0);
}

void MainWindow::updateStatusBar()
{
    if (!m_countsLabel || !m_zoomLabel)
        return;
    const Conveyor &c = m_model->conveyor();
    int stages = 0;
    int images = 0;
    for (const ConveyorImage &image : c.images) {
        if (image.kind == ImageKind::External)
            continue;
        ++images;
        stages += int(image.stages.size());
    }
    QString text = tr("%n image(s)", "", images) + QStringLiteral(" · ")
                   + tr("%n stage(s)", "", stages);
    const int errors = m_problems->errorCount();
    const int warnings = m_problems->warningCount();
    if (errors > 0)
        text += QStringLiteral(" · ") + tr("%n error(s)", "", errors);
    if (warnings > 0)
        text += QStringLiteral(" · ") + tr("%n warning(s)", "", warnings);
    if (m_scene->focusImage() >= 0)
        text += QStringLiteral(" · ")
                + tr("focused on %1").arg(c.images.value(m_scene->focusImage()).displayName());
    m_countsLabel->setText(text);
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_view->zoom() * 100)));
}

void MainWindow::openFileDialog()
{
    const QString file = QFileDialog::getOpenFileName(
            this,
            tr("Open werf.yaml"),
            m_settings.lastDirectory(),
            tr("werf configuration (werf.yaml werf.yml *.yaml *.yml);;All files (*)"));
    if (file.isEmpty())
        return;
    m_settings.setLastDirectory(QFileInfo(file).absolutePath());
    openPath(file);
}

void MainWindow::openDirectoryDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this,
                                                          tr("Open Project Directory"),
                                                          m_settings.lastDirectory());
    if (dir.isEmpty())
        return;
    m_settings.setLastDirectory(dir);
    openPath(dir);
}

void MainWindow::reload()
{
    if (!m_configFile.isEmpty())
        openPath(m_configFile);
}

void MainWindow::exportDialog(int format)
{
    if (m_configFile.isEmpty())
        return;
    const QFileInfo config(m_configFile);
    const QString base = config.dir().filePath(config.dir().dirName());
    QString filter;
    QString suffix;
    switch (format) {
    case ExportPng:
        filter = tr("PNG image (*.png)");
        suffix = QStringLiteral(".png");
        break;
    case ExportSvg:
        filter = tr("SVG image (*.svg)");
        suffix = QStringLiteral(".svg");
        break;
    default:
        filter = tr("Graphviz DOT (*.dot *.gv)");
        suffix = QStringLiteral(".dot");
        break;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), base + suffix, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += suffix;
    ExportOptions options;
    options.legend = m_view->isLegendVisible();
    if (format == ExportPng) {
        bool ok = false;
        const double scale = QInputDialog::getDouble(this,
                                                     tr("Export as PNG"),
                                                     tr("Scale (1 = 100 %):"),
                                                     2.0,
                                                     0.25,
                                                     8.0,
                                                     2,
                                                     &ok);
        if (!ok)
            return;
        options.scale = scale;
        options.scaleGiven = true;
        const QStringList backgrounds{tr("White"), tr("Transparent")};
        const QString bg = QInputDialog::getItem(this,
                                                 tr("Export as PNG"),
                                                 tr("Background:"),
                                                 backgrounds,
                                                 0,
                                                 false,
                                                 &ok);
        if (!ok)
            return;
        options.transparent = bg == backgrounds.at(1);
    }
    QString error;
    QString notice;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool done = Exporter::exportToFile(m_model->conveyor(),
                                             path,
                                             options,
                                             &error,
                                             m_model->statuses(),
                                             {},
                                             m_scene->userLayout(),
                                             &notice);
    QApplication::restoreOverrideCursor();
    if (!done) {
        QMessageBox::warning(this, tr("Export"), error);
        return;
    }
    if (!notice.isEmpty())
        QMessageBox::information(this, tr("Export"), notice);
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 6000);
}

void MainWindow::saveUserLayout()
{
    m_layoutSaveTimer->stop();
    if (m_configFile.isEmpty())
        return;
    QString error;
    if (!m_scene->userLayout().save(LayoutSidecar::pathFor(m_configFile), &error))
        statusBar()->showMessage(error, 8000);
}

void MainWindow::selectEverywhere(int image, std::optional<StageId> stage, int origin)
{
    if (m_syncing)
        return;
    m_syncing = true;
    if (origin != FromScene) {
        m_scene->selectImage(image, stage);
        m_view->revealImage(image);
    }
    if (origin != FromTree) {
        const QModelIndex source = stage ? m_model->indexForStage(image, *stage)
                                         : m_model->indexForImage(image);
        const QModelIndex proxyIndex = m_proxy->mapFromSource(source);
        if (proxyIndex.isValid()) {
            m_tree->selectionModel()->setCurrentIndex(proxyIndex,
                                                      QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
            m_tree->scrollTo(proxyIndex);
        } else {
            m_tree->selectionModel()->clearSelection();
        }
    }
    if (origin != FromSource && image >= 0 && image < m_model->conveyor().images.size()) {
        const ConveyorImage &img = m_model->conveyor().images.at(image);
        SourceLocation at = img.location;
        if (stage) {
            for (const ConveyorStage &s : img.stages) {
                if (s.id == *stage && s.location.line > 0)
                    at = s.location;
            }
        }
        if (at.line > 0)
            m_source->goTo(at.line, at.column);
        // Mark the image's document: from its declaration up to the next image's declaration.
        int last = int(m_source->document()->blockCount());
        for (const ConveyorImage &other : m_model->conveyor().images) {
            if (other.location.line > img.location.line && other.location.line - 1 < last
                && other.location.file == img.location.file)
                last = other.location.line - 1;
        }
        m_source->setMarkedLines(img.location.line, img.location.line > 0 ? last : 0);
    }
    m_properties->showSelection(image, stage);
    m_syncing = false;
    updateActions();
}

void MainWindow::handleSceneCurrentChanged(int image, int stage)
{
    selectEverywhere(image,
                     stage >= 0 ? std::optional<StageId>(StageId(stage)) : std::nullopt,
                     FromScene);
}

void MainWindow::handleTreeCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_proxy->mapToSource(current);
    const int image = m_model->imageForIndex(source);
    if (image < 0)
        return;
    selectEverywhere(image, m_model->stageForIndex(source), FromTree);
    // An input row: show that directive and its place in the source.
    if (const StageInput *input = m_model->inputForIndex(source)) {
        m_properties->showInput(source);
        if (input->location.line > 0)
            m_source->goTo(input->location.line, std::max(1, input->location.column));
    }
}

void MainWindow::handleSourceLineActivated(int line)
{
    // The image whose document holds the line, and the stage declared on it, if any.
    const Conveyor &c = m_model->conveyor();
    int best = -1;
    for (int i = 0; i < c.images.size(); ++i) {
        const int l = c.images.at(i).location.line;
        if (l > 0 && l <= line && (best < 0 || l > c.images.at(best).location.line))
            best = i;
    }
    if (best < 0)
        return;
    std::optional<StageId> stage;
    for (const ConveyorStage &s : c.images.at(best).stages) {
        if (s.location.line == line)
            stage = s.id;
    }
    if (best == m_scene->currentImage() && stage == m_scene->currentStage())
        return;
    selectEverywhere(best, stage, FromSource);
}

void MainWindow::handleProblemActivated(const QModelIndex &index)
{
    const int line = index.data(ProblemsModel::LineRole).toInt();
    const int column = index.data(ProblemsModel::ColumnRole).toInt();
    const int image = index.data(ProblemsModel::ImageIndexRole).toInt();
    if (image >= 0)
        selectEverywhere(image, std::nullopt, FromSource);
    if (line > 0) {
        m_sourceDock->show();
        m_source->goTo(line, std::max(1, column));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    if (m_layoutSaveTimer->isActive())
        saveUserLayout();
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            openPath(url.toLocalFile());
            return;
        }
    }
    QMainWindow::dropEvent(event);
}

} // namespace Stagecraft::Ui

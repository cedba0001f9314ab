// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildcontroller.h"
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "conveyorview.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "models/conveyormodel.h"
#include "models/settings.h"
#include "sourceview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Stagecraft::Tests;

namespace {

int widestStatusName(const QFontMetrics &metrics)
{
    int widest = 0;
    for (const StageStatus status : allStageStatuses())
        widest = std::max(widest, metrics.horizontalAdvance(stageStatusDisplayName(status)));
    return widest;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openThroughLoader();
    void openWithoutLoaderShowsText();
    void missingFile();
    void stateIsRemembered();
    void defaultDockArrangement_data();
    void defaultDockArrangement();
    void controllerDocksAreRemembered();
    void resetPanels();
    void treeKeepsStageNamesWhole();
    void filterAndSearch();
    void dropOpens();

private:
    QString makeProject(const QString &name);
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_MainWindow::makeProject(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    const QString config = dir + QStringLiteral("/werf.yaml");
    QFile::remove(config);
    if (!QFile::copy(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml"), config))
        return {};
    return dir;
}

void tst_MainWindow::openThroughLoader()
{
    QSettings qs(m_dir.filePath(QStringLiteral("open.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    QStringList loaded;
    window.setProjectLoader([&loaded](const QString &path, QString *) {
        loaded.append(path);
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        Ui::LoadedProject p;
        p.configFile = path;
        p.sourceText = f.readAll();
        p.conveyor = exampleConveyor();
        p.statuses.insert(statusKey(p.conveyor.images.at(1), StageId::Install), StageStatus::Cached);
        return std::optional<Ui::LoadedProject>(p);
    });
    const QString dir = makeProject(QStringLiteral("open"));
    QVERIFY(window.openPath(dir)); // a directory resolves to its werf.yaml
    const QString config = dir + QStringLiteral("/werf.yaml");
    QCOMPARE(loaded, QStringList{config});
    QCOMPARE(window.configFile(), config);
    QVERIFY(window.windowTitle().contains(QStringLiteral("werf.yaml")));
    QCOMPARE(settings.recentFiles().first(), config);
    QCOMPARE(window.scene()->imageItems().size(), 5);
    QCOMPARE(window.scene()->stageStatus(1, StageId::Install), StageStatus::Cached);
    QVERIFY(window.sourceView()->toPlainText().startsWith(QStringLiteral("# Stagecraft's")));
    QCOMPARE(window.imagesTree()->model()->rowCount(), 5);

    // Reload goes through the loader again and keeps the selection.
    window.scene()->selectImage(3);
    emit window.scene()->currentChanged(3, -1);
    QAction *reload = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcuts().contains(QKeySequence(QKeySequence::Refresh)))
            reload = a;
    }
    QVERIFY(reload);
    reload->trigger();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(window.scene()->currentImage(), 3);

    // A loader failure leaves the project as it was.
    window.setProjectLoader([](const QString &, QString *error) {
        *error = QStringLiteral("broken");
        return std::optional<Ui::LoadedProject>();
    });
    QVERIFY(!window.openPath(config));
    QCOMPARE(window.scene()->imageItems().size(), 5);
}

void tst_MainWindow::openWithoutLoaderShowsText()
{
    QSettings qs(m_dir.filePath(QStringLiteral("noloader.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    const QString dir = makeProject(QStringLiteral("noloader"));
    QVERIFY(window.openPath(dir + QStringLiteral("/werf.yaml")));
    QVERIFY(window.sourceView()->toPlainText().contains(QStringLiteral("image: app")));
    QVERIFY(window.scene()->imageItems().isEmpty());
}

void tst_MainWindow::missingFile()
{
    QSettings qs(m_dir.filePath(QStringLiteral("missing.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    QVERIFY(!window.openPath(m_dir.filePath(QStringLiteral("nothing-here"))));
    QVERIFY(settings.recentFiles().isEmpty());
}

void tst_MainWindow::stateIsRemembered()
{
    const QString ini = m_dir.filePath(QStringLiteral("state.ini"));
    {
        QSettings qs(ini, QSettings::IniFormat);
        Settings settings(qs);
        Ui::MainWindow window(settings);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
        window.close();
    }
    QSettings qs(ini, QSettings::IniFormat);
    Settings settings(qs);
    QVERIFY(!settings.windowState().isEmpty());
    QVERIFY(!settings.windowGeometry().isEmpty());
    Ui::MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->isVisible());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("imagesDock"))->isVisible());
}

void tst_MainWindow::defaultDockArrangement_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1400x900") << QSize(1400, 900);
    // A 2560x1600 laptop at 200 %: 1280x800 logical, the window 92 % of it.
    QTest::newRow("200 %") << QSize(1177, 736);
    QTest::newRow("1920x1080") << QSize(1840, 1000);
}

void tst_MainWindow::defaultDockArrangement()
{
    // First start, with the controllers' docks as in the app: the bottom panels share one tab
    // group behind the source view, the directive editor sits behind the properties, and the graph
    // keeps most of the window.
    QFETCH(QSize, size);
    QSettings qs(m_dir.filePath(QStringLiteral("docks-%1.ini").arg(size.width())),
                 QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    new Ui::BuildController(&window);
    new Ui::DocumentController(&window);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto dock = [&window](const char *name) {
        return window.findChild<QDockWidget *>(QString::fromLatin1(name));
    };
    QDockWidget *source = dock("sourceDock");
    const QList<QDockWidget *> bottom = window.tabifiedDockWidgets(source);
    for (const char *name : {"problemsDock", "planDock", "buildLogDock", "buildHistoryDock"})
        QVERIFY2(bottom.contains(dock(name)), name);
    QVERIFY(source->isVisible() && !source->visibleRegion().isEmpty());
    QVERIFY(dock("buildLogDock")->visibleRegion().isEmpty()); // a tab behind the source
    QVERIFY(window.tabifiedDockWidgets(dock("propertiesDock")).contains(dock("directiveDock")));
    QVERIFY(!dock("propertiesDock")->visibleRegion().isEmpty());
    // The source view spans the window.
    QVERIFY2(source->width() > window.width() * 0.9, qPrintable(QString::number(source->width())));
    // The graph keeps at least half of the window's width, and the docks are not squeezed.
    auto *view = window.findChild<Ui::ConveyorView *>();
    QVERIFY(view);
    QVERIFY2(view->width() >= window.width() / 2,
             qPrintable(QStringLiteral("view %1 of %2, images %3, properties %4")
                                .arg(view->width())
                                .arg(window.width())
                                .arg(dock("imagesDock")->width())
                                .arg(dock("propertiesDock")->width())));
    // No side panel holds its dock wider than a third of a small window (the directive editor's
    // row of buttons did, at 370 px).
    for (const char *name : {"imagesDock", "propertiesDock", "directiveDock"}) {
        QVERIFY2(dock(name)->minimumSizeHint().width() <= 300,
                 qPrintable(QStringLiteral("%1: %2")
                                    .arg(QString::fromLatin1(name))
                                    .arg(dock(name)->minimumSizeHint().width())));
    }
    QVERIFY(dock("propertiesDock")->width() <= window.width() * 0.3);
    QVERIFY(dock("imagesDock")->width() >= 160);
    QVERIFY(dock("propertiesDock")->width() >= 230);
    QVERIFY(view->height() >= window.height() / 2);
    // In a large window the images tree shows the status names beside their colours (in smaller
    // ones it keeps the stage names whole instead, tst_MainWindow::treeKeepsStageNamesWhole).
    if (size.width() >= 1800) {
        QTreeView *tree = window.imagesTree();
        QVERIFY(tree->header()->sectionSize(ConveyorModel::StatusColumn)
                >= widestStatusName(tree->fontMetrics()) + 16);
    }

    // The View menu can bring back every dock, the controllers' too.
    auto *viewMenu = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(viewMenu);
    for (const char *name : {"buildLogDock", "buildHistoryDock", "directiveDock"})
        QVERIFY2(viewMenu->actions().contains(dock(name)->toggleViewAction()), name);
}

void tst_MainWindow::controllerDocksAreRemembered()
{
    // The controllers add their docks after the window is constructed: their saved state must
    // still be applied (it is, at the first show).
    const QString ini = m_dir.filePath(QStringLiteral("controller-docks.ini"));
    {
        QSettings qs(ini, QSettings::IniFormat);
        Settings settings(qs);
        Ui::MainWindow window(settings);
        new Ui::BuildController(&window);
        new Ui::DocumentController(&window);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget *>(QStringLiteral("buildHistoryDock"))->close();
        auto *log = window.findChild<QDockWidget *>(QStringLiteral("buildLogDock"));
        log->setFloating(true);
        log->move(window.geometry().topLeft() + QPoint(40, 40));
        window.close();
    }
    QSettings qs(ini, QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    new Ui::BuildController(&window);
    new Ui::DocumentController(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("buildHistoryDock"))->isVisible());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("buildLogDock"))->isFloating());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("sourceDock"))->isVisible());
}

void tst_MainWindow::resetPanels()
{
    // View → Reset Panels undoes what the user (or an old saved state) did to the docks: moved,
    // floated, closed, split out of their tab groups.
    QSettings qs(m_dir.filePath(QStringLiteral("reset-panels.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    new Ui::BuildController(&window);
    new Ui::DocumentController(&window);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto dock = [&window](const char *name) {
        return window.findChild<QDockWidget *>(QString::fromLatin1(name));
    };
    const int propertiesWidth = dock("propertiesDock")->width();
    window.addDockWidget(Qt::LeftDockWidgetArea, dock("propertiesDock"));
    window.addDockWidget(Qt::RightDockWidgetArea, dock("buildLogDock"));
    dock("sourceDock")->setFloating(true);
    dock("imagesDock")->close();
    dock("directiveDock")->close();
    window.resizeDocks({dock("propertiesDock")}, {600}, Qt::Horizontal);
    QVERIFY(!window.tabifiedDockWidgets(dock("problemsDock")).contains(dock("buildLogDock")));

    auto *reset = window.findChild<QAction *>(QStringLiteral("resetDocksAction"));
    QVERIFY(reset);
    auto *viewMenu = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(viewMenu && viewMenu->actions().contains(reset));
    reset->trigger();

    QCOMPARE(window.dockWidgetArea(dock("imagesDock")), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(dock("propertiesDock")), Qt::RightDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(dock("directiveDock")), Qt::RightDockWidgetArea);
    for (const char *name : {"imagesDock", "propertiesDock", "sourceDock", "buildLogDock"}) {
        QVERIFY2(!dock(name)->isFloating(), name);
        QVERIFY2(!dock(name)->isHidden(), name);
    }
    QVERIFY(window.tabifiedDockWidgets(dock("propertiesDock")).contains(dock("directiveDock")));
    const QList<QDockWidget *> bottom = window.tabifiedDockWidgets(dock("sourceDock"));
    for (const char *name : {"problemsDock", "planDock", "buildLogDock", "buildHistoryDock"}) {
        QVERIFY2(bottom.contains(dock(name)), name);
        QCOMPARE(window.dockWidgetArea(dock(name)), Qt::BottomDockWidgetArea);
    }
    QTRY_VERIFY(!dock("sourceDock")->visibleRegion().isEmpty()); // the front tab
    QTRY_VERIFY(!dock("propertiesDock")->visibleRegion().isEmpty());
    QTRY_COMPARE(dock("propertiesDock")->width(), propertiesWidth);
    QVERIFY(dock("sourceDock")->width() > window.width() * 0.9);
}

void tst_MainWindow::treeKeepsStageNamesWhole()
{
    // In a narrow images dock (a laptop at 200 %) the status column gives up width before a
    // stage name is elided; with room it shows its whole text.
    QSettings qs(m_dir.filePath(QStringLiteral("tree-columns.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    window.showProject(m_dir.filePath(QStringLiteral("tree-columns/werf.yaml")),
                       {},
                       exampleConveyor(),
                       {});
    window.resize(1177, 736);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView *tree = window.imagesTree();
    const QModelIndex app = tree->model()->index(3, 0);
    QCOMPARE(app.data().toString(), QStringLiteral("app"));
    tree->expand(app);
    const QFontMetrics metrics = tree->fontMetrics();
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const int widestStatus = widestStatusName(metrics);
    auto *images = window.findChild<QDockWidget *>(QStringLiteral("imagesDock"));
    // 230 px: the images dock's first width at 200 % (tst_MainWindow::defaultDockArrangement).
    for (const int width : {420, 230}) {
        window.resizeDocks({images}, {width}, Qt::Horizontal);
        QTRY_VERIFY(std::abs(images->width() - width) < 20);
        QTRY_VERIFY(tree->header()->sectionSize(ConveyorModel::StatusColumn)
                            + tree->header()->sectionSize(ConveyorModel::NameColumn)
                    == tree->viewport()->width());
        for (int row = 0; row < tree->model()->rowCount(app); ++row) {
            const QModelIndex stage = tree->model()->index(row, 0, app);
            const QString name = stage.data().toString();
            QVERIFY2(tree->visualRect(stage).width() >= metrics.horizontalAdvance(name) + 2 * margin,
                     qPrintable(QStringLiteral("%1 px: %2 is cut").arg(width).arg(name)));
        }
        const int status = tree->header()->sectionSize(ConveyorModel::StatusColumn);
        const QModelIndex cell = tree->model()->index(0, ConveyorModel::StatusColumn, app);
        QCOMPARE(cell.data().toString(), QStringLiteral("Unknown"));
        const QPoint at = tree->visualRect(cell).center();
        QHelpEvent help(QEvent::ToolTip, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &help);
        if (width == 420) {
            // With room the names are drawn, and the cell has no tooltip of its own.
            QVERIFY2(status >= widestStatus + 16, qPrintable(QString::number(status)));
            QVERIFY(QToolTip::text().isEmpty());
        } else {
            // Too narrow for them: the colours alone under a readable header, and the tooltip
            // names the status.
            QVERIFY(status < widestStatus);
            QVERIFY(status >= tree->header()->sectionSizeHint(ConveyorModel::StatusColumn));
            QTRY_COMPARE(QToolTip::text(), cell.data().toString());
        }
    }
}

void tst_MainWindow::filterAndSearch()
{
    QSettings qs(m_dir.filePath(QStringLiteral("filter.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    window.showProject(m_dir.filePath(QStringLiteral("filter/werf.yaml")),
                       {},
                       exampleConveyor(),
                       {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("treeFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("tools"));
    // tools itself, and app whose import input names tools.
    QCOMPARE(window.imagesTree()->model()->rowCount(), 2);
    filter->clear();
    QCOMPARE(window.imagesTree()->model()->rowCount(), 5);

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    QVERIFY(search);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("web"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window.scene()->currentImage(), 4);
    QCOMPARE(window.imagesTree()->currentIndex().data().toString(), QStringLiteral("web"));
}

void tst_MainWindow::dropOpens()
{
    QSettings qs(m_dir.filePath(QStringLiteral("drop.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    int calls = 0;
    window.setProjectLoader([&calls](const QString &path, QString *) {
        ++calls;
        Ui::LoadedProject p;
        p.configFile = path;
        p.conveyor = exampleConveyor();
        return std::optional<Ui::LoadedProject>(p);
    });
    const QString dir = makeProject(QStringLiteral("drop"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(calls, 1);
    QCOMPARE(window.configFile(), dir + QStringLiteral("/werf.yaml"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

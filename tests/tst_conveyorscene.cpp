// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "conveyorview.h"
#include "edgeitem.h"
#include "imagenodeitem.h"
#include "layout/layoutsidecar.h"
#include "mainwindow.h"
#include "models/conveyormodel.h"
#include "models/settings.h"
#include "propertiespanel.h"
#include "scenepalette.h"
#include "sourceview.h"
#include "stageitem.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Stagecraft::Tests;
using Ui::ConveyorScene;
using Ui::EdgeItem;
using Ui::ImageNodeItem;
using Ui::legendStripSize;
using Ui::paintLegendStrip;
using Ui::ScenePalette;
using Ui::StageItem;
using Ui::textLevelOfDetail;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool onRectBorder(const QPointF &p, const QRectF &r)
{
    constexpr qreal eps = 0.5;
    const bool inX = p.x() >= r.left() - eps && p.x() <= r.right() + eps;
    const bool inY = p.y() >= r.top() - eps && p.y() <= r.bottom() + eps;
    return (inX && (std::abs(p.y() - r.top()) < eps || std::abs(p.y() - r.bottom()) < eps))
           || (inY && (std::abs(p.x() - r.left()) < eps || std::abs(p.x() - r.right()) < eps));
}

} // namespace

class tst_ConveyorScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneItemPerImageAndStage_data();
    void oneItemPerImageAndStage();
    void edgesEndAtTheirStages();
    void collapseExpandFocus();
    void hoverAndSearch();
    void dockerfileStages();
    void clickSelectsAndSyncs();
    void rubberBandSelects();
    void dragIsRemembered();
    void editKeepsUnchangedItems_data();
    void editKeepsUnchangedItems();
    void sourceAndProblemsSelect();
    void zoomKeys();
    void wideGraphFitStaysReadable();
    void smallGraphFitsWhole_data();
    void smallGraphFitsWhole();
    void legendStripWraps_data();
    void legendStripWraps();
    void legendLeftOutOfSmallView();
    void legendNeverCoversNodes();
    void farZoomKeepsNames();
    void problemMarkerHasItsRoom();

private:
    QTemporaryDir m_dir;
};

void tst_ConveyorScene::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_ConveyorScene::oneItemPerImageAndStage_data()
{
    QTest::addColumn<Conveyor>("conveyor");
    QTest::newRow("example") << exampleConveyor();
    QTest::newRow("150") << generatedConveyor(150, 13);
}

void tst_ConveyorScene::oneItemPerImageAndStage()
{
    QFETCH(Conveyor, conveyor);
    ConveyorScene scene;
    scene.setConveyor(conveyor);
    int nodes = 0;
    int stages = 0;
    int edges = 0;
    QSet<QPair<int, int>> seenStages;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *n = qgraphicsitem_cast<ImageNodeItem *>(item)) {
            ++nodes;
            QCOMPARE(n->kind(), conveyor.images.at(n->image()).kind);
        } else if (auto *s = qgraphicsitem_cast<StageItem *>(item)) {
            ++stages;
            QCOMPARE(conveyor.images.at(s->image()).stages.at(s->stageRow()).id, s->stage());
            QVERIFY(!seenStages.contains({s->image(), s->stageRow()}));
            seenStages.insert({s->image(), s->stageRow()});
            QCOMPARE(s->parentItem(), scene.imageItem(s->image()));
        } else if (qgraphicsitem_cast<EdgeItem *>(item)) {
            ++edges;
        }
    }
    int expectedStages = 0;
    for (const ConveyorImage &image : conveyor.images)
        expectedStages += int(image.stages.size());
    QCOMPARE(nodes, conveyor.images.size());
    QCOMPARE(stages, expectedStages);
    QCOMPARE(edges, conveyor.edges.size());
    // Nodes do not overlap in the scene either.
    for (int i = 0; i < scene.imageItems().size(); ++i) {
        for (int j = i + 1; j < scene.imageItems().size(); ++j) {
            const QRectF a = scene.imageItems().at(i)->mapRectToScene(
                    QRectF(QPointF(0, 0), scene.currentLayout().images.at(i).rect.size()));
            const QRectF b = scene.imageItems().at(j)->mapRectToScene(
                    QRectF(QPointF(0, 0), scene.currentLayout().images.at(j).rect.size()));
            QVERIFY(!a.intersects(b));
        }
    }
}

void tst_ConveyorScene::edgesEndAtTheirStages()
{
    ConveyorScene scene;
    const Conveyor c = generatedConveyor(150, 17);
    scene.setConveyor(c);
    for (int e = 0; e < c.edges.size(); ++e) {
        const ConveyorEdge &edge = c.edges.at(e);
        EdgeItem *item = scene.edgeItem(e);
        QVERIFY(item);
        StageItem *target = scene.stageItem(edge.target, edge.targetStage);
        QVERIFY(target);
        QVERIFY2(onRectBorder(item->route().last(), target->mapRectToScene(target->boxRect()))
                         || onRectBorder(item->route().last(),
                                         scene.imageItem(edge.target)
                                                 ->sceneBoundingRect()
                                                 .adjusted(3, 3, -3, -3)),
                 qPrintable(QStringLiteral("edge %1").arg(e)));
        if (edge.kind == EdgeKind::Import && edge.sourceStage) {
            StageItem *source = scene.stageItem(edge.source, *edge.sourceStage);
            QVERIFY(source);
            QVERIFY(onRectBorder(item->route().first(), source->mapRectToScene(source->boxRect())));
        }
    }
}

void tst_ConveyorScene::collapseExpandFocus()
{
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    QSignalSpy userLayout(&scene, &ConveyorScene::userLayoutChanged);
    QVERIFY(scene.stageItem(3, StageId::Install));
    scene.setCollapsed(3, true);
    QVERIFY(scene.isCollapsed(3));
    QVERIFY(!scene.stageItem(3, StageId::Install));
    QVERIFY(scene.imageItem(3)->isCollapsed());
    QCOMPARE(userLayout.count(), 1);
    QVERIFY(scene.userLayout().collapsed.contains(QStringLiteral("image:app")));
    scene.collapseAll();
    for (int i = 1; i < 5; ++i)
        QVERIFY(scene.isCollapsed(i));
    scene.expandAll();
    for (int i = 0; i < 5; ++i)
        QVERIFY(!scene.isCollapsed(i));

    scene.setFocusImage(2); // base: its base image and app (a descendant); not tools, not web
    QVERIFY(scene.imageItem(0)->isVisible());
    QVERIFY(scene.imageItem(2)->isVisible());
    QVERIFY(scene.imageItem(3)->isVisible());
    QVERIFY(!scene.imageItem(1)->isVisible());
    QVERIFY(!scene.imageItem(4)->isVisible());
    QVERIFY(!scene.edgeItem(3)->isVisible()); // tools → app
    scene.setFocusImage(-1);
    QVERIFY(scene.imageItem(1)->isVisible());
    scene.setShowExternal(false);
    QVERIFY(!scene.imageItem(0)->isVisible());
    QVERIFY(!scene.edgeItem(0)->isVisible());
    scene.setShowExternal(true);
    QVERIFY(scene.imageItem(0)->isVisible());
}

void tst_ConveyorScene::hoverAndSearch()
{
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    QCOMPARE(scene.ancestors(3), (QSet<int>{0, 1, 2}));
    QCOMPARE(scene.descendants(0), (QSet<int>{1, 2, 3}));
    scene.setHoveredImage(3);
    QVERIFY(scene.imageItem(2)->isHighlighted());
    QVERIFY(scene.imageItem(4)->isDimmed());
    QVERIFY(scene.edgeItem(3)->isHighlighted());
    scene.setHoveredImage(-1);
    QVERIFY(!scene.imageItem(4)->isDimmed());
    QCOMPARE(scene.setSearchText(QStringLiteral("gitcache")), QList<int>{3});
    QVERIFY(scene.imageItem(1)->isDimmed());
    QVERIFY(!scene.imageItem(3)->isDimmed());
    QVERIFY(scene.setSearchText(QString()).isEmpty());
    QVERIFY(!scene.imageItem(1)->isDimmed());
}

void tst_ConveyorScene::dockerfileStages()
{
    ConveyorScene scene;
    const QByteArray dockerfile = readFile(
            QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/web/Dockerfile"));
    scene.setConveyor(exampleConveyor(), {{QStringLiteral("web"), dockerfile}});
    QCOMPARE(scene.dockerfileStages(4).size(), 2);
    StageItem *stage = scene.stageItem(4, StageId::Dockerfile);
    QVERIFY(stage);
    // The dockerfile stage grows to hold its two build stages.
    ConveyorScene plain;
    plain.setConveyor(exampleConveyor());
    QVERIFY(stage->boundingRect().height()
            > plain.stageItem(4, StageId::Dockerfile)->boundingRect().height());
}

void tst_ConveyorScene::clickSelectsAndSyncs()
{
    QSettings qsettings(m_dir.filePath(QStringLiteral("click.ini")), QSettings::IniFormat);
    Settings settings(qsettings);
    Ui::MainWindow window(settings);
    const QString config = m_dir.filePath(QStringLiteral("click/werf.yaml"));
    QDir().mkpath(QFileInfo(config).absolutePath());
    QVERIFY(QFile::copy(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml"),
                        config));
    window.showProject(config, readFile(config), exampleConveyor(), {});
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::ConveyorView *view = window.view();
    view->resetZoom();

    StageItem *install = window.scene()->stageItem(3, StageId::Install);
    QVERIFY(install);
    view->centerOn(install);
    const QPoint at = view->mapFromScene(install->sceneBoundingRect().center());
    QSignalSpy current(window.scene(), &ConveyorScene::currentChanged);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.first().at(0).toInt(), 3);
    QCOMPARE(current.first().at(1).toInt(), int(StageId::Install));
    QVERIFY(install->isSelected());

    // The tree follows...
    const QModelIndex treeCurrent = window.imagesTree()->currentIndex();
    QCOMPARE(treeCurrent.data().toString(), QStringLiteral("install"));
    QCOMPARE(treeCurrent.parent().data().toString(), QStringLiteral("app"));
    // ... and the source view (the stage's directive line) and the properties.
    const ConveyorStage installStage = exampleConveyor().images.at(3).stages.at(2);
    QCOMPARE(window.sourceView()->currentLine(), installStage.location.line);
    QVERIFY(window.propertiesPanel()->rows().contains(QStringLiteral("Stage\tinstall")));

    // Clicking an image header selects the image.
    ImageNodeItem *tools = window.scene()->imageItem(1);
    view->centerOn(tools);
    QTest::mouseClick(view->viewport(),
                      Qt::LeftButton,
                      {},
                      view->mapFromScene(tools->mapToScene(QPointF(30, 12))));
    QCOMPARE(window.scene()->currentImage(), 1);
    QVERIFY(!window.scene()->currentStage());
    QCOMPARE(window.imagesTree()->currentIndex().data().toString(), QStringLiteral("tools"));
    QCOMPARE(window.sourceView()->currentLine(), 8); // `artifact: tools`

    // Selecting in the tree selects in the scene.
    const QModelIndex base = window.imagesTree()->model()->index(2, 0);
    window.imagesTree()->setCurrentIndex(base);
    QVERIFY(window.scene()->imageItem(2)->isSelected());
    QVERIFY(!tools->isSelected());
}

void tst_ConveyorScene::rubberBandSelects()
{
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.resize(1600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    // From the empty top-left corner across the two first layers.
    const QRectF tools = scene.imageItem(1)->sceneBoundingRect();
    const QRectF base = scene.imageItem(2)->sceneBoundingRect();
    const QPoint from = view.mapFromScene(
            QPointF(tools.left() - 10, scene.contentsRect().top() + 5));
    const QPoint to = view.mapFromScene(
            QPointF(std::max(tools.right(), base.right()) + 5, base.bottom() + 5));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view.viewport(), (from + to) / 2);
    QTest::mouseMove(view.viewport(), to);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    QVERIFY(scene.imageItem(1)->isSelected());
    QVERIFY(scene.imageItem(2)->isSelected());
    QVERIFY(!scene.imageItem(3)->isSelected());
}

void tst_ConveyorScene::dragIsRemembered()
{
    QSettings qsettings(m_dir.filePath(QStringLiteral("drag.ini")), QSettings::IniFormat);
    Settings settings(qsettings);
    const QString config = m_dir.filePath(QStringLiteral("drag/werf.yaml"));
    QDir().mkpath(QFileInfo(config).absolutePath());
    QVERIFY(QFile::copy(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml"),
                        config));
    const QString sidecar = LayoutSidecar::pathFor(config);
    QPointF dropped;
    {
        Ui::MainWindow window(settings);
        window.showProject(config, readFile(config), exampleConveyor(), {});
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Ui::ConveyorView *view = window.view();
        view->resetZoom();
        ImageNodeItem *web = window.scene()->imageItem(4);
        view->centerOn(web);
        const QPointF before = web->pos();
        const QPoint grab = view->mapFromScene(web->mapToScene(QPointF(40, 12)));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(view->viewport(), grab + QPoint(0, 12 * i));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grab + QPoint(0, 60));
        dropped = web->pos();
        QVERIFY(dropped.y() > before.y() + 30);
        QCOMPARE(dropped.x(), before.x());
        QTRY_VERIFY(QFile::exists(sidecar));
        // Dragging by a stage box moves the whole image too.
        StageItem *setup = window.scene()->stageItem(3, StageId::Setup);
        QVERIFY(setup);
        view->centerOn(setup);
        const QPointF appBefore = window.scene()->imageItem(3)->pos();
        const QPoint grabStage = view->mapFromScene(setup->sceneBoundingRect().center());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grabStage);
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(view->viewport(), grabStage + QPoint(10 * i, 0));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grabStage + QPoint(40, 0));
        QCOMPARE(window.scene()->imageItem(3)->pos(), appBefore + QPointF(40, 0));
        QTRY_VERIFY(LayoutSidecar::load(sidecar).positions.contains(QStringLiteral("image:app")));
        QCOMPARE(readFile(config),
                 readFile(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml")));
    }
    QCOMPARE(LayoutSidecar::load(sidecar).positions.value(QStringLiteral("dockerfile:web")),
             dropped);
    // Opening the project again puts the node where it was dropped; Reset Layout forgets it.
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    scene.setUserLayout(LayoutSidecar::load(sidecar));
    QCOMPARE(scene.imageItem(4)->pos(), dropped);
    scene.resetLayout();
    QVERIFY(scene.imageItem(4)->pos() != dropped);
    QVERIFY(scene.userLayout().isEmpty());
}

void tst_ConveyorScene::editKeepsUnchangedItems_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    // `from` replaced by `to` in the bundled example.
    QTest::newRow("new base of one image")
            << QByteArray("image: base\nfrom: localhost/stagecraft-busybox:1.35")
            << QByteArray("image: base\nfrom: alpine:3.19");
    QTest::newRow("artifact renamed")
            << QByteArray("artifact: tools\n") << QByteArray("artifact: tools2\n");
    QTest::newRow("stage added to one image")
            << QByteArray("  WORKDIR: /srv/app\n")
            << QByteArray("  WORKDIR: /srv/app\ngit:\n- add: /\n  to: /src\n");
    QTest::newRow("import removed") << QByteArray(
            "import:\n- artifact: tools\n  add: /out/bin\n  to: /usr/local/bin\n  after: install\n")
                                    << QByteArray();
}

void tst_ConveyorScene::editKeepsUnchangedItems()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    const QString file = QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml");
    const QByteArray text = readFile(file);
    QVERIFY(text.contains(from));
    const LoadedProject before = loadText(file, text);
    const LoadedProject after = loadText(file, QByteArray(text).replace(from, to));
    QVERIFY(!after.conveyor.images.isEmpty());

    ConveyorScene scene;
    scene.setConveyor(before.conveyor);
    const int app = before.conveyor.indexOf(QStringLiteral("app"), ImageKind::Image);
    QVERIFY(app >= 0);
    scene.selectImage(app, StageId::Setup);
    // A dragged node keeps its place through the edit.
    const int web = before.conveyor.indexOf(QStringLiteral("web"), ImageKind::Dockerfile);
    LayoutSidecar dragged;
    dragged.positions.insert(QStringLiteral("dockerfile:web"), QPointF(-500, -400));
    scene.setUserLayout(dragged);
    QCOMPARE(scene.imageItem(web)->pos(), QPointF(-500, -400));
    QHash<QString, ImageNodeItem *> items;
    for (int i = 0; i < before.conveyor.images.size(); ++i)
        items.insert(imageKey(before.conveyor.images.at(i)), scene.imageItem(i));
    QSignalSpy rebuilt(&scene, &ConveyorScene::layoutRebuilt);
    scene.setConveyor(after.conveyor, {}, dragged);
    QCOMPARE(rebuilt.count(), 1);

    // Exactly what a fresh scene of the new conveyor shows.
    ConveyorScene fresh;
    fresh.setConveyor(after.conveyor, {}, dragged);
    QCOMPARE(scene.imageItems().size(), after.conveyor.images.size());
    QCOMPARE(scene.edgeItems().size(), after.conveyor.edges.size());
    QCOMPARE(scene.items().size(), fresh.items().size());
    int kept = 0;
    for (int i = 0; i < after.conveyor.images.size(); ++i) {
        const ImageNodeItem *node = scene.imageItem(i);
        const ImageNodeItem *other = fresh.imageItem(i);
        QCOMPARE(node->image(), i);
        QCOMPARE(node->kind(), after.conveyor.images.at(i).kind);
        QCOMPARE(node->pos(), other->pos());
        QCOMPARE(node->boundingRect(), other->boundingRect());
        QCOMPARE(node->isVisible(), other->isVisible());
        QCOMPARE(node->childItems().size(), other->childItems().size());
        for (int c = 0; c < node->childItems().size(); ++c) {
            const auto *stage = qgraphicsitem_cast<const StageItem *>(node->childItems().at(c));
            const auto *otherStage = qgraphicsitem_cast<const StageItem *>(
                    other->childItems().at(c));
            QVERIFY(stage && otherStage);
            QCOMPARE(stage->image(), i);
            QCOMPARE(stage->stage(), otherStage->stage());
            QCOMPARE(stage->pos(), otherStage->pos());
            QCOMPARE(stage->toolTip(), otherStage->toolTip());
        }
        QCOMPARE(node->toolTip(), other->toolTip());
        kept += items.value(imageKey(after.conveyor.images.at(i))) == node;
    }
    for (int e = 0; e < after.conveyor.edges.size(); ++e) {
        QCOMPARE(scene.edgeItem(e)->edge(), e);
        QCOMPARE(scene.edgeItem(e)->kind(), fresh.edgeItem(e)->kind());
        QCOMPARE(scene.edgeItem(e)->route(), fresh.edgeItem(e)->route());
        QCOMPARE(scene.edgeItem(e)->isVisible(), fresh.edgeItem(e)->isVisible());
    }
    // The unchanged images kept their items (at least app, web and one more).
    QVERIFY2(kept >= 3, qPrintable(QString::number(kept)));
    QCOMPARE(scene.imageItem(after.conveyor.indexOf(QStringLiteral("web"), ImageKind::Dockerfile))
                     ->pos(),
             QPointF(-500, -400));
    // The selection followed app, wherever it is now.
    const int appAfter = after.conveyor.indexOf(QStringLiteral("app"), ImageKind::Image);
    QCOMPARE(scene.currentImage(), appAfter);
    QVERIFY(scene.stageItem(appAfter, StageId::Setup)->isSelected());
    QCOMPARE(scene.selectedItems().size(), 1);
}

void tst_ConveyorScene::sourceAndProblemsSelect()
{
    QSettings qsettings(m_dir.filePath(QStringLiteral("source.ini")), QSettings::IniFormat);
    Settings settings(qsettings);
    Ui::MainWindow window(settings);
    const QString config = QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml");
    window.showProject(m_dir.filePath(QStringLiteral("source/werf.yaml")),
                       readFile(config),
                       exampleConveyor(),
                       {Diagnostic::error(QStringLiteral("a problem in base"), at(20, 3))});
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::SourceView *source = window.sourceView();
    // A click on line 27 (`image: app`) selects app.
    const QTextBlock block = source->document()->findBlockByNumber(26);
    source->goTo(27, 1);
    const QRect r = source->cursorRect();
    QTest::mouseClick(source->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(source->currentLine(), 27);
    QCOMPARE(window.scene()->currentImage(), 3);
    QCOMPARE(window.imagesTree()->currentIndex().data().toString(), QStringLiteral("app"));
    Q_UNUSED(block)

    auto *problems = window.findChild<QTreeView *>(QStringLiteral("problemsView"));
    QVERIFY(problems);
    QCOMPARE(problems->model()->rowCount(), 1);
    emit problems->activated(problems->model()->index(0, 1));
    QCOMPARE(window.scene()->currentImage(), 2);
    QCOMPARE(source->currentLine(), 20);
    QVERIFY(window.scene()->imageItem(2)->isSelected());
}

void tst_ConveyorScene::zoomKeys()
{
    ConveyorScene scene;
    scene.setConveyor(generatedConveyor(40, 3));
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.resetZoom();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.zoom() > 1.0);
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(view.zoom() < 1.0);
    QTest::keyClick(&view, Qt::Key_0);
    // A graph too large to read when fitted opens readable; the second fit shows all of it.
    if (!view.isShowingWholeGraph()) {
        QVERIFY(view.zoom() > textLevelOfDetail);
        QTest::keyClick(&view, Qt::Key_0);
    }
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY2(visible.adjusted(-2, -2, 2, 2).contains(scene.contentsRect()),
             qPrintable(QStringLiteral("visible %1,%2 %3x%4, contents %5,%6 %7x%8, zoom %9")
                                .arg(visible.x())
                                .arg(visible.y())
                                .arg(visible.width())
                                .arg(visible.height())
                                .arg(scene.contentsRect().x())
                                .arg(scene.contentsRect().y())
                                .arg(scene.contentsRect().width())
                                .arg(scene.contentsRect().height())
                                .arg(view.zoom())
                        + QStringLiteral(" scene %1,%2 %3")
                                  .arg(scene.sceneRect().x())
                                  .arg(scene.sceneRect().right())
                                  .arg(view.horizontalScrollBar()->isVisible())));
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 1.0);
}

void tst_ConveyorScene::wideGraphFitStaysReadable()
{
    ConveyorScene scene;
    scene.setConveyor(generatedConveyor(150, 1));
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    // Fitting 150 images into 900 px would drop every name; the view stays readable instead,
    // around the image with the most edges.
    QVERIFY2(view.zoom() > textLevelOfDetail, qPrintable(QString::number(view.zoom())));
    QVERIFY(!view.isShowingWholeGraph());
    const Conveyor &c = scene.conveyor();
    int hub = 0;
    for (int i = 0; i < c.images.size(); ++i) {
        if (c.incomingEdges(i).size() + c.outgoingEdges(i).size()
            > c.incomingEdges(hub).size() + c.outgoingEdges(hub).size())
            hub = i;
    }
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene.imageItem(hub)->sceneBoundingRect().center()));
    // Fit again: the overview.
    view.fitAll();
    QVERIFY(view.isShowingWholeGraph());
    QVERIFY(view.zoom() < textLevelOfDetail);
    // With a selection the readable fit centres on it.
    view.resetZoom();
    scene.selectImage(120, std::nullopt);
    view.fitAll();
    const QRectF around = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(around.contains(scene.imageItem(120)->sceneBoundingRect().center()));
}

void tst_ConveyorScene::smallGraphFitsWhole_data()
{
    QTest::addColumn<qreal>("fraction");
    QTest::newRow("just below the readable zoom") << qreal(0.38);
    QTest::newRow("names too small to draw") << qreal(0.3);
    QTest::newRow("about two viewports wide") << qreal(0.22);
}

void tst_ConveyorScene::smallGraphFitsWhole()
{
    // The bundled example in a view narrower than the graph at the readable zoom: it is small,
    // so the fit shows all of it (the `web` image at the right end included), not a readable cut.
    QFETCH(qreal, fraction);
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.setLegendVisible(false);
    const QRectF content = scene.contentsRect();
    view.resize(int(content.width() * fraction), 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
    QVERIFY2(view.zoom() < textLevelOfDetail + 0.05, qPrintable(QString::number(view.zoom())));
    QVERIFY2(view.isShowingWholeGraph(), qPrintable(QString::number(view.zoom())));
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    for (const Ui::ImageNodeItem *node : scene.imageItems())
        QVERIFY(visible.contains(node->sceneBoundingRect()));
}

void tst_ConveyorScene::legendStripWraps_data()
{
    QTest::addColumn<qreal>("width");
    QTest::newRow("wide") << qreal(2000);
    QTest::newRow("window") << qreal(700);
    QTest::newRow("narrow") << qreal(300);
    QTest::newRow("tiny") << qreal(90);
}

void tst_ConveyorScene::legendStripWraps()
{
    QFETCH(qreal, width);
    const ScenePalette palette = ScenePalette::light();
    const QSizeF oneRow = legendStripSize(palette);
    const QSizeF size = legendStripSize(palette, width);
    // Never wider than allowed (the tiny case elides inside its minimum), never clipped: a
    // narrower strip has more rows.
    QVERIFY2(size.width() <= std::max<qreal>(width, 90) + 0.5,
             qPrintable(QStringLiteral("%1 > %2").arg(size.width()).arg(width)));
    if (width >= oneRow.width())
        QCOMPARE(size, oneRow);
    else
        QVERIFY(size.height() > oneRow.height());
    // What is painted stays inside the reported size.
    QImage image(QSize(int(width) + 40, int(size.height()) + 40), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paintLegendStrip(&painter, QPointF(10, 10), palette, width);
    painter.end();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) == 0)
                continue;
            QVERIFY2(x >= 9 && x <= 11 + size.width() && y >= 9 && y <= 11 + size.height(),
                     qPrintable(QStringLiteral("painted at %1,%2").arg(x).arg(y)));
        }
    }
}

void tst_ConveyorScene::legendLeftOutOfSmallView()
{
    // A narrow, low view (docks beside it at 200 %) has no room for the strip: it would wrap into
    // a column of names taking the graph's room. It is left out there and comes back with room.
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.isLegendVisible());
    QVERIFY(!view.legendRect().isEmpty());
    QVERIFY(view.legendRect().height() <= view.height() / 4.0);
    view.resize(160, 330);
    QTRY_VERIFY(view.viewport()->width() < 170);
    QVERIFY(view.isLegendVisible());
    QVERIFY(view.legendRect().isEmpty());
    // The viewport has the whole view again.
    QCOMPARE(view.viewport()->height(),
             view.height()
                     - (view.horizontalScrollBar()->isVisible()
                                ? view.horizontalScrollBar()->height()
                                : 0));
    view.resize(900, 600);
    QTRY_VERIFY(!view.legendRect().isEmpty());
    view.setLegendVisible(false);
    QVERIFY(view.legendRect().isEmpty());
    QVERIFY(!view.findChild<QWidget *>(QStringLiteral("legendStrip"))->isVisible());
}

void tst_ConveyorScene::legendNeverCoversNodes()
{
    // The legend is a strip below the viewport, not painted over it: a graph larger than the
    // view, scrolled to its bottom, shows its lowest node whole above the legend.
    ConveyorScene scene;
    scene.setConveyor(generatedConveyor(150, 1));
    Ui::ConveyorView view;
    view.setConveyorScene(&scene);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll(); // the readable zoom: the graph is larger than the view
    QVERIFY(!view.isShowingWholeGraph());
    const QRectF legend = view.legendRect();
    QVERIFY(!legend.isEmpty());
    const QRect port = view.viewport()->geometry();
    QVERIFY2(!legend.intersects(port),
             qPrintable(QStringLiteral("legend %1,%2 %3x%4 over viewport bottom %5")
                                .arg(legend.x())
                                .arg(legend.y())
                                .arg(legend.width())
                                .arg(legend.height())
                                .arg(port.bottom())));
    QVERIFY(legend.top() >= port.bottom());
    QVERIFY(legend.bottom() <= view.height());
    // The legend strip shows the legend: its pixels are not all one colour.
    const QImage strip = view.findChild<QWidget *>(QStringLiteral("legendStrip"))->grab().toImage();
    QSet<QRgb> colours;
    for (int x = 0; x < strip.width(); x += 3)
        colours.insert(strip.pixel(x, strip.height() / 2));
    QVERIFY(colours.size() > 3);

    const Ui::ImageNodeItem *lowest = nullptr;
    for (const Ui::ImageNodeItem *node : scene.imageItems()) {
        if (!lowest || node->sceneBoundingRect().bottom() > lowest->sceneBoundingRect().bottom())
            lowest = node;
    }
    QVERIFY(lowest);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    view.centerOn(lowest->sceneBoundingRect().center().x(), view.mapToScene(port.center()).y());
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY2(visible.contains(lowest->sceneBoundingRect()),
             qPrintable(QStringLiteral("lowest node bottom %1, visible bottom %2")
                                .arg(lowest->sceneBoundingRect().bottom())
                                .arg(visible.bottom())));
}

/** Between farNameLevelOfDetail and textLevelOfDetail a node's header still shows its name. */
void tst_ConveyorScene::farZoomKeepsNames()
{
    ConveyorScene scene;
    scene.setConveyor(exampleConveyor());
    int app = -1;
    for (int i = 0; i < scene.conveyor().images.size(); ++i) {
        if (scene.conveyor().images.at(i).name == u"app")
            app = i;
    }
    QVERIFY(app >= 0);
    const ImageNodeItem *node = scene.imageItem(app);
    QVERIFY(node);
    const QRectF header = node->mapRectToScene(node->headerRect());
    // Dark pixels (the name's text; the header tint and the outline are light or mid-tone).
    const auto darkPixels = [&](qreal zoom) {
        QImage image((header.size() * zoom).toSize() + QSize(2, 2), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(QPointF(1, 1), header.size() * zoom), header);
        painter.end();
        int dark = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qGray(image.pixel(x, y)) < 90)
                    ++dark;
            }
        }
        return dark;
    };
    QCOMPARE_LT(Ui::farNameLevelOfDetail, Ui::textLevelOfDetail);
    const qreal between = (Ui::farNameLevelOfDetail + Ui::textLevelOfDetail) / 2;
    const int named = darkPixels(between);
    const int plain = darkPixels(Ui::farNameLevelOfDetail - 0.05);
    QVERIFY2(named > 10, qPrintable(QString::number(named)));
    QCOMPARE(plain, 0);
}

void tst_ConveyorScene::problemMarkerHasItsRoom()
{
    // A collapsed node whose name sets its width: the problems marker between the name and the
    // kind badge widens the node instead of eliding the name.
    Conveyor c = exampleConveyor();
    c.images[1].name = QStringLiteral("tools-artifact-with-a-name-that-sets-the-node-width");
    ConveyorScene scene;
    scene.setConveyor(c);
    scene.setCollapsed(1, true);
    const qreal plain = scene.currentLayout().images.at(1).rect.width();
    const qreal nameWidth = scene.imageItem(1)->nameRect().width();
    QVERIFY(plain > ImageNodeItem::headerChrome(scene.scenePalette()) + 170); // the name sets it
    const qreal otherWidth = scene.currentLayout().images.at(3).rect.width();

    QSignalSpy rebuilt(&scene, &ConveyorScene::layoutRebuilt);
    scene.setProblemCounts({{1, 2}}, {1});
    QCOMPARE(rebuilt.count(), 1);
    QCOMPARE(scene.currentLayout().images.at(1).rect.width(), plain + ImageNodeItem::markerRoom());
    QCOMPARE(scene.imageItem(1)->nameRect().width(), nameWidth);
    QCOMPARE(scene.currentLayout().images.at(3).rect.width(), otherWidth);
    // Another count on the same images: only a repaint.
    scene.setProblemCounts({{1, 5}});
    QCOMPARE(rebuilt.count(), 1);
    // An edit that keeps the problems is laid out once, already with the marker's room.
    scene.setConveyor(c);
    QCOMPARE(rebuilt.count(), 2);
    QCOMPARE(scene.currentLayout().images.at(1).rect.width(), plain + ImageNodeItem::markerRoom());
    scene.setProblemCounts({{1, 5}});
    QCOMPARE(rebuilt.count(), 2);
    QCOMPARE(scene.imageItem(1)->nameRect().width(), nameWidth);
    // Problems gone: the node is as narrow as before.
    scene.setProblemCounts({});
    QCOMPARE(rebuilt.count(), 3);
    QCOMPARE(scene.currentLayout().images.at(1).rect.width(), plain);
}

QTEST_MAIN(tst_ConveyorScene)
#include "tst_conveyorscene.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorfixtures.h"
#include "layout/conveyorlayout.h"
#include "layout/graphlayout.h"
#include "layout/layoutsidecar.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Stagecraft::Tests;

namespace {

/** Two independent groups: the example, and a copy of it named b-* on another base. */
Conveyor twoGroups()
{
    Conveyor c = exampleConveyor();
    const Conveyor b = exampleConveyor();
    const int offset = int(c.images.size());
    for (ConveyorImage image : b.images) {
        image.name = image.kind == ImageKind::External ? QStringLiteral("registry.example.com/b:1")
                                                       : QStringLiteral("b-") + image.name;
        c.images.append(image);
    }
    for (ConveyorEdge edge : b.edges) {
        edge.source += offset;
        edge.target += offset;
        c.edges.append(edge);
    }
    return c;
}

bool onSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    constexpr qreal eps = 0.01;
    return p.x() >= std::min(a.x(), b.x()) - eps && p.x() <= std::max(a.x(), b.x()) + eps
           && p.y() >= std::min(a.y(), b.y()) - eps && p.y() <= std::max(a.y(), b.y()) + eps
           && (std::abs(a.x() - b.x()) < eps || std::abs(a.y() - b.y()) < eps);
}

int stageRow(const ConveyorImage &image, StageId id)
{
    for (int i = 0; i < image.stages.size(); ++i) {
        if (image.stages.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

class tst_Layout : public QObject
{
    Q_OBJECT

private slots:
    void noOverlaps_data();
    void noOverlaps();
    void deterministic();
    void edgesEndAtTheirStages_data();
    void edgesEndAtTheirStages();
    void layersFollowDependencies();
    void stableUnderUnrelatedEdits();
    void stableWhenAddingAnImage();
    void smallPartsGoBelowAWideOne();
    void longEdgesRunStraight();
    void collapsedAndFocus();
    void manualPositions();
    void cyclesAndBadEdges();
    void sidecar();
    void speed();
};

void tst_Layout::noOverlaps_data()
{
    QTest::addColumn<Conveyor>("conveyor");
    QTest::addColumn<bool>("collapsed");
    QTest::newRow("example") << exampleConveyor() << false;
    QTest::newRow("example collapsed") << exampleConveyor() << true;
    QTest::newRow("two groups") << twoGroups() << false;
    QTest::newRow("150") << generatedConveyor(150, 3) << false;
    QTest::newRow("150 collapsed") << generatedConveyor(150, 4) << true;
}

void tst_Layout::noOverlaps()
{
    QFETCH(Conveyor, conveyor);
    QFETCH(bool, collapsed);
    ConveyorLayoutOptions options;
    options.collapseAll = collapsed;
    const ConveyorLayout layout = layoutConveyor(conveyor, options);
    QCOMPARE(layout.images.size(), conveyor.images.size());
    for (int i = 0; i < layout.images.size(); ++i) {
        const ImageGeometry &a = layout.images.at(i);
        QVERIFY(a.rect.isValid());
        QVERIFY(layout.bounds.contains(a.rect));
        for (const QRectF &s : a.stageRects)
            QVERIFY2(a.rect.contains(s), qPrintable(conveyor.images.at(i).name));
        for (int j = i + 1; j < layout.images.size(); ++j) {
            const QRectF &b = layout.images.at(j).rect;
            QVERIFY2(!a.rect.intersects(b),
                     qPrintable(conveyor.images.at(i).name + u" / " + conveyor.images.at(j).name));
        }
    }
    // Routes are orthogonal polylines.
    for (const EdgeGeometry &e : layout.edges) {
        QVERIFY(e.route.size() >= 2);
        for (int k = 1; k < e.route.size(); ++k) {
            const QPointF d = e.route.at(k) - e.route.at(k - 1);
            QVERIFY(std::abs(d.x()) < 0.01 || std::abs(d.y()) < 0.01);
        }
    }
}

void tst_Layout::deterministic()
{
    const Conveyor c = generatedConveyor(150, 11);
    const ConveyorLayout a = layoutConveyor(c);
    const ConveyorLayout b = layoutConveyor(c);
    for (int i = 0; i < a.images.size(); ++i) {
        QCOMPARE(a.images.at(i).rect, b.images.at(i).rect);
        QCOMPARE(a.images.at(i).stageRects, b.images.at(i).stageRects);
    }
    for (int e = 0; e < a.edges.size(); ++e)
        QCOMPARE(a.edges.at(e).route, b.edges.at(e).route);
}

void tst_Layout::edgesEndAtTheirStages_data()
{
    QTest::addColumn<Conveyor>("conveyor");
    QTest::newRow("example") << exampleConveyor();
    QTest::newRow("150") << generatedConveyor(150, 5);
}

void tst_Layout::edgesEndAtTheirStages()
{
    QFETCH(Conveyor, conveyor);
    const ConveyorLayout layout = layoutConveyor(conveyor);
    for (int e = 0; e < conveyor.edges.size(); ++e) {
        const ConveyorEdge &edge = conveyor.edges.at(e);
        const QPolygonF &route = layout.edges.at(e).route;
        const ImageGeometry &target = layout.images.at(edge.target);
        const ImageGeometry &source = layout.images.at(edge.source);
        const int row = stageRow(conveyor.images.at(edge.target), edge.targetStage);
        QVERIFY(row >= 0);
        const QRectF stage = target.stageRects.at(row);
        const QPointF end = route.last();
        if (edge.targetStage == StageId::From) {
            QVERIFY2(onSegment(end, target.rect.topLeft(), target.rect.bottomLeft())
                             && end.y() > stage.top() && end.y() < stage.bottom(),
                     qPrintable(QStringLiteral("edge %1 ends off its from stage").arg(e)));
        } else {
            QVERIFY2(onSegment(end, stage.topLeft(), stage.topRight()),
                     qPrintable(QStringLiteral("edge %1 ends off %2")
                                        .arg(e)
                                        .arg(stageName(edge.targetStage))));
        }
        const QPointF start = route.first();
        if (edge.kind == EdgeKind::Import && edge.sourceStage) {
            const QRectF s = source.stageRects.at(
                    stageRow(conveyor.images.at(edge.source), *edge.sourceStage));
            QVERIFY2(onSegment(start, s.bottomLeft(), s.bottomRight()),
                     qPrintable(QStringLiteral("edge %1 does not leave its stage:").arg(e)));
        } else {
            QVERIFY(onSegment(start, source.rect.topRight(), source.rect.bottomRight()));
        }
    }
}

void tst_Layout::layersFollowDependencies()
{
    const Conveyor c = generatedConveyor(150, 9);
    const ConveyorLayout layout = layoutConveyor(c);
    for (const ConveyorEdge &edge : c.edges) {
        QVERIFY(layout.images.at(edge.source).layer < layout.images.at(edge.target).layer);
        QVERIFY(layout.images.at(edge.source).rect.right()
                < layout.images.at(edge.target).rect.left());
    }
    const ConveyorLayout example = layoutConveyor(exampleConveyor());
    QCOMPARE(example.images.at(0).layer, 0); // the external base
    QCOMPARE(example.images.at(2).layer, 1); // base
    QCOMPARE(example.images.at(3).layer, 2); // app
}

void tst_Layout::stableUnderUnrelatedEdits()
{
    // Components are packed in key order: b-* (its smallest key "artifact:b-tools") comes first,
    // then the example group, then the two Dockerfile images, each a component of its own.
    const Conveyor before = twoGroups();
    const ConveyorLayout a = layoutConveyor(before);
    auto rigid = [](const ConveyorLayout &x, const ConveyorLayout &y, const QList<int> &images) {
        const QPointF shift = y.images.at(images.first()).rect.topLeft()
                              - x.images.at(images.first()).rect.topLeft();
        for (int i : images) {
            if (y.images.at(i).rect.topLeft() - x.images.at(i).rect.topLeft() != shift
                || y.images.at(i).rect.size() != x.images.at(i).rect.size())
                return false;
        }
        return true;
    };

    // A new stage in b-app (first component): the example group only moves as a whole.
    Conveyor edited = before;
    edited.images[8].stages.insert(1, {StageId::BeforeInstall, at(100)});
    const ConveyorLayout b = layoutConveyor(edited);
    QVERIFY(b.images.at(8).rect.width() > a.images.at(8).rect.width());
    QVERIFY(rigid(a, b, {0, 1, 2, 3}));
    for (int i = 5; i < 8; ++i) // b-app's own dependencies stay where they were
        QCOMPARE(b.images.at(i).rect, a.images.at(i).rect);

    // A new import in app: the b-* group, which comes before it, does not move at all.
    Conveyor edited2 = before;
    edited2.images[3].stages.insert(1, {StageId::BeforeInstall, at(100)});
    edited2.images[3].stages.insert(3, {StageId::ImportsBeforeInstall, at(101)});
    edited2.edges.append(makeEdge(EdgeKind::Import,
                                  1,
                                  3,
                                  StageId::ImportsBeforeInstall,
                                  101,
                                  QStringLiteral("/a → /b")));
    const ConveyorLayout c = layoutConveyor(edited2);
    for (int i = 5; i < 9; ++i)
        QCOMPARE(c.images.at(i).rect, a.images.at(i).rect);
    QVERIFY(rigid(a, c, {0, 1, 2}));

    // Statuses and source locations are not layout input.
    Conveyor relocated = before;
    relocated.images[2].location = at(999);
    const ConveyorLayout d = layoutConveyor(relocated);
    for (int i = 0; i < a.images.size(); ++i)
        QCOMPARE(d.images.at(i).rect, a.images.at(i).rect);
}

void tst_Layout::stableWhenAddingAnImage()
{
    const Conveyor before = generatedConveyor(150, 21);
    const ConveyorLayout a = layoutConveyor(before);
    Conveyor after = before;
    after.images.append(makeImage(QStringLiteral("zz-new"),
                                  ImageKind::Image,
                                  {StageId::From, StageId::Install},
                                  5000,
                                  999));
    const ConveyorLayout b = layoutConveyor(after);
    for (int i = 0; i < before.images.size(); ++i)
        QCOMPARE(b.images.at(i).rect, a.images.at(i).rect);
    QVERIFY(!b.images.last().rect.intersects(a.bounds));
}

void tst_Layout::smallPartsGoBelowAWideOne()
{
    // The bundled example: tools, base and app form one long chain of lanes, web (a Dockerfile
    // image) stands alone. Right of the chain it would make the picture wider still, so that the
    // fitted view gets smaller; it goes below, at the left edge.
    const Conveyor c = exampleConveyor();
    const ConveyorLayout layout = layoutConveyor(c);
    int web = -1;
    QRectF chain;
    for (int i = 0; i < c.images.size(); ++i) {
        if (c.images.at(i).name == u"web")
            web = i;
        else
            chain |= layout.images.at(i).rect;
    }
    QVERIFY(web >= 0);
    const QRectF w = layout.images.at(web).rect;
    QVERIFY2(w.top() > chain.bottom(),
             qPrintable(QStringLiteral("web at %1,%2; the chain ends at y %3")
                                .arg(w.left())
                                .arg(w.top())
                                .arg(chain.bottom())));
    QCOMPARE(w.left(), chain.left());
    QCOMPARE(layout.bounds.width(), chain.width());

    // Many parts of the same size still fill rows side by side.
    Conveyor many;
    for (int i = 0; i < 12; ++i) {
        many.images.append(makeImage(QStringLiteral("part-%1").arg(i, 2, 10, QLatin1Char('0')),
                                     ImageKind::Image,
                                     {StageId::From, StageId::Install},
                                     10 * i,
                                     i));
    }
    const ConveyorLayout rows = layoutConveyor(many);
    QVERIFY(rows.images.at(1).rect.left() > rows.images.at(0).rect.right());
    QCOMPARE(rows.images.at(1).rect.top(), rows.images.at(0).rect.top());
    QVERIFY(rows.bounds.width() < 12 * rows.images.at(0).rect.width());
}

void tst_Layout::longEdgesRunStraight()
{
    // Corpus project 050: web-wallet's base passes the layer of builder, whose own base sits
    // above it. The pass-through slot has room at the base's height, so the edge leaves the base
    // straight and steps once, before web-wallet, instead of a jog in each channel.
    Conveyor c;
    c.images.append(
            makeImage(QStringLiteral("registry.credits.com/credits/base-images/asp-node:1.2"),
                      ImageKind::External,
                      {},
                      0,
                      -1));
    c.images.append(
            makeImage(QStringLiteral("registry.credits.com/credits/base-images/aspnet-gdi:1.4"),
                      ImageKind::External,
                      {},
                      0,
                      -1));
    c.images.append(makeImage(QStringLiteral("builder"),
                              ImageKind::Artifact,
                              {StageId::From, StageId::GitArchive, StageId::Setup},
                              3,
                              1));
    c.images.append(makeImage(QStringLiteral("web-wallet"),
                              ImageKind::Image,
                              {StageId::From, StageId::BeforeSetup, StageId::ImportsAfterSetup},
                              12,
                              2));
    c.edges.append(makeEdge(EdgeKind::FromExternal, 0, 2, StageId::From, 4));
    c.edges.append(makeEdge(EdgeKind::FromExternal, 1, 3, StageId::From, 13));
    c.edges.append(makeEdge(EdgeKind::Import,
                            2,
                            3,
                            StageId::ImportsAfterSetup,
                            20,
                            QStringLiteral("/app/out → /app")));
    c.sets = {{0, 1, 2}, {3}};
    const ConveyorLayout layout = layoutConveyor(c);
    QCOMPARE(layout.images.at(1).layer + 2, layout.images.at(3).layer); // it passes a layer
    const QPolygonF &route = layout.edges.at(1).route;
    int steps = 0;
    for (qsizetype k = 1; k < route.size(); ++k) {
        if (std::abs(route.at(k).x() - route.at(k - 1).x()) < 0.01
            && std::abs(route.at(k).y() - route.at(k - 1).y()) > 0.01)
            ++steps;
    }
    QVERIFY2(steps <= 1, qPrintable(QStringLiteral("%1 vertical steps").arg(steps)));
    QCOMPARE(route.first().y(), route.at(1).y()); // leaves its base straight
}

void tst_Layout::collapsedAndFocus()
{
    const Conveyor c = exampleConveyor();
    ConveyorLayoutOptions options;
    options.collapsed.insert(QStringLiteral("image:app"));
    const ConveyorLayout collapsed = layoutConveyor(c, options);
    QVERIFY(collapsed.images.at(3).collapsed);
    QVERIFY(collapsed.images.at(3).stageRects.isEmpty());
    QVERIFY(!collapsed.images.at(2).collapsed);
    // A collapsed target still receives its edges on its border.
    const QPointF end = collapsed.edges.at(3).route.last();
    QVERIFY(onSegment(end,
                      collapsed.images.at(3).rect.topLeft(),
                      collapsed.images.at(3).rect.topRight()));

    ConveyorLayoutOptions focus;
    focus.visible = {2, 3};
    const ConveyorLayout focused = layoutConveyor(c, focus);
    QVERIFY(!focused.images.at(0).visible);
    QVERIFY(focused.images.at(3).visible);
    QVERIFY(!focused.edges.at(0).visible);
    QVERIFY(focused.edges.at(2).visible);
    QVERIFY(!focused.edges.at(3).visible); // tools is hidden
}

void tst_Layout::manualPositions()
{
    const Conveyor c = exampleConveyor();
    ConveyorLayoutOptions options;
    options.manualPositions.insert(QStringLiteral("image:app"), QPointF(2000, 1000));
    const ConveyorLayout layout = layoutConveyor(c, options);
    QCOMPARE(layout.images.at(3).rect.topLeft(), QPointF(2000, 1000));
    QVERIFY(layout.images.at(3).manual);
    QVERIFY(layout.images.at(3).rect.contains(layout.images.at(3).stageRects.first()));
    const QPolygonF route = layout.edges.at(2).route; // base → app
    QCOMPARE(route.last(), QPointF(2000, layout.images.at(3).stageRects.first().center().y()));
    QCOMPARE(route.first().x(), layout.images.at(2).rect.right());
}

void tst_Layout::cyclesAndBadEdges()
{
    Conveyor c = exampleConveyor();
    c.edges.append(makeEdge(EdgeKind::FromImage, 3, 2, StageId::From, 1)); // app → base: a cycle
    c.edges.append(makeEdge(EdgeKind::FromImage, 7, 2, StageId::From, 1)); // out of range
    c.edges.append(makeEdge(EdgeKind::FromImage, 4, 4, StageId::Dockerfile, 1)); // a self loop
    const ConveyorLayout layout = layoutConveyor(c);
    QCOMPARE(layout.edges.size(), c.edges.size());
    QVERIFY(layout.edges.at(4).route.size() >= 2);
    QVERIFY(!layout.edges.at(5).visible);
    for (int i = 0; i < layout.images.size(); ++i) {
        for (int j = i + 1; j < layout.images.size(); ++j)
            QVERIFY(!layout.images.at(i).rect.intersects(layout.images.at(j).rect));
    }
    QVERIFY(layoutConveyor(Conveyor()).images.isEmpty());
}

void tst_Layout::sidecar()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("werf.yaml"));
    const QString path = LayoutSidecar::pathFor(config);
    QCOMPARE(path, dir.filePath(QStringLiteral(".stagecraft-layout.json")));
    QCOMPARE(LayoutSidecar::pathFor(dir.path()), path);
    QVERIFY(LayoutSidecar::load(path).isEmpty());

    LayoutSidecar s;
    s.positions.insert(QStringLiteral("image:app"), QPointF(12.5, -3));
    s.collapsed.insert(QStringLiteral("artifact:tools"));
    QVERIFY(s.save(path));
    const LayoutSidecar r = LayoutSidecar::load(path);
    QCOMPARE(r.positions, s.positions);
    QCOMPARE(r.collapsed, s.collapsed);
    QVERIFY(LayoutSidecar().save(path));
    QVERIFY(!QFile::exists(path));

    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    QString error;
    QVERIFY(LayoutSidecar::load(path, &error).isEmpty());
    QVERIFY(error.contains(path));
}

void tst_Layout::speed()
{
    // Not a timed test (the machine is shared); the figure goes to the log and the benchmark.
    const Conveyor c = generatedConveyor(1000, 2);
    QElapsedTimer timer;
    timer.start();
    const ConveyorLayout layout = layoutConveyor(c);
    qInfo("layout of %lld images, %lld edges: %lld ms",
          qlonglong(c.images.size()),
          qlonglong(c.edges.size()),
          qlonglong(timer.elapsed()));
    QCOMPARE(layout.images.size(), c.images.size());
}

QTEST_APPLESS_MAIN(tst_Layout)
#include "tst_layout.moc"

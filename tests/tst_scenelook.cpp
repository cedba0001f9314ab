// SPDX-License-Identifier: GPL-3.0-or-later
// What a user sees of the graph, over the bundled example and every real project of the shared
// corpus: names that fit their boxes, labels and routes that keep off the nodes and each other.
// These are the faults found by looking at screenshots, written down so that they stay fixed.
#include "config/configloader.h"
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "edgeitem.h"
#include "imagenodeitem.h"
#include "models/stagestatus.h"
#include "projectloader.h"
#include "scenepalette.h"
#include "stageitem.h"

#include <QDir>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <memory>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using Ui::ConveyorScene;
using Ui::EdgeItem;
using Ui::ImageNodeItem;
using Ui::ScenePalette;
using Ui::StageItem;

namespace {

/** The projects to look at: the example and every corpus project (those without images skip). */
QStringList projectDirs()
{
    QStringList dirs{QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example")};
    const QDir corpus(QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml"));
    const QStringList entries = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &entry : entries)
        dirs.append(corpus.filePath(entry));
    return dirs;
}

/** A thin rect around an orthogonal segment, for intersection tests. */
QRectF segmentRect(const QPointF &a, const QPointF &b)
{
    return QRectF(a, b).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
}

QString describe(const Conveyor &conveyor, int image)
{
    return imageKindName(conveyor.images.at(image).kind) + u':'
           + conveyor.images.at(image).displayName();
}

} // namespace

class tst_SceneLook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stageNamesFit_data() { projects(); }
    void stageNamesFit();
    void imageNamesFit_data() { projects(); }
    void imageNamesFit();
    void edgeLabelsKeepClear_data() { projects(); }
    void edgeLabelsKeepClear();
    void routesAvoidNodes_data() { projects(); }
    void routesAvoidNodes();
    void edgesVisibleZoomedOut();
    void importsComeDownBesideNames_data() { projects(); }
    void importsComeDownBesideNames();
    void noTinySteps_data() { projects(); }
    void noTinySteps();

private:
    /** The example, the corpus and six generated 60-image graphs (denser than any of those). */
    void projects();
    /** The project's scene as the window shows it, or nullptr (with a QSKIP reason) when empty. */
    std::unique_ptr<ConveyorScene> sceneFor(const QString &dir, QString *skip) const;
};

void tst_SceneLook::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml")).exists(),
             "the shared corpus is missing");
    // 071 takes its project name from CI; without it werf (and Stagecraft) refuse the config.
    qputenv("CI_PROJECT_PATH_SLUG", "look");
}

void tst_SceneLook::projects()
{
    QTest::addColumn<QString>("dir");
    for (const QString &dir : projectDirs())
        QTest::newRow(qPrintable(QDir(dir).dirName())) << dir;
    for (int seed = 1; seed <= 6; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("gen%1").arg(seed)))
                << QStringLiteral("gen:%1").arg(seed);
}

std::unique_ptr<ConveyorScene> tst_SceneLook::sceneFor(const QString &dir, QString *skip) const
{
    if (dir.startsWith(QStringLiteral("gen:"))) {
        auto scene = std::make_unique<ConveyorScene>();
        scene->setScenePalette(ScenePalette::light());
        scene->setConveyor(Stagecraft::Tests::generatedConveyor(60, dir.mid(4).toUInt()));
        return scene;
    }
    const Model::LoadedProject project = Model::loadProject(dir);
    const Ui::LoadedProject shown = Ui::windowProject(project);
    if (shown.conveyor.images.isEmpty()) {
        *skip = QStringLiteral("no image to draw");
        return nullptr;
    }
    auto scene = std::make_unique<ConveyorScene>();
    scene->setScenePalette(ScenePalette::light());
    scene->setConveyor(shown.conveyor, shown.dockerfiles);
    return scene;
}

void tst_SceneLook::stageNamesFit()
{
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    // The what-if preview marks stages invalidated: its badge must not cost the name its end.
    StageStatuses statuses;
    for (const ConveyorImage &image : scene->conveyor().images) {
        for (const ConveyorStage &stage : image.stages)
            statuses.insert(statusKey(image, stage.id), StageStatus::Invalidated);
    }
    scene->setStatuses(statuses);
    const QFontMetricsF metrics(scene->scenePalette().stageFont());
    int stages = 0;
    for (ImageNodeItem *node : scene->imageItems()) {
        const QRectF kindBadge = node->mapRectToScene(node->kindBadgeRect());
        const QList<QRectF> &boxes = scene->currentLayout().images.at(node->image()).stageRects;
        for (QGraphicsItem *child : node->childItems()) {
            auto *stage = qgraphicsitem_cast<StageItem *>(child);
            if (!stage)
                continue;
            ++stages;
            const QString name = stageName(stage->stage());
            const QString where = describe(scene->conveyor(), node->image()) + u'/' + name;
            QVERIFY2(metrics.horizontalAdvance(name) <= stage->nameRect().width(),
                     qPrintable(where + u" does not fit its box"));
            const QRectF badge = stage->mapRectToScene(stage->badgeRect());
            QVERIFY2(!badge.intersects(kindBadge),
                     qPrintable(where + u": its badge covers the kind badge"));
            for (qsizetype row = 0; row < boxes.size(); ++row) {
                QVERIFY2(row == stage->stageRow() || !badge.intersects(boxes.at(row)),
                         qPrintable(where + u": its badge covers the next stage"));
            }
        }
    }
    QVERIFY(stages > 0);
}

void tst_SceneLook::imageNamesFit()
{
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    // Every other image has problems: their marker takes room in the header, and the layout
    // must give it back rather than elide the name.
    QHash<int, int> problems;
    for (int i = 1; i < scene->conveyor().images.size(); i += 2)
        problems.insert(i, 1 + i % 12);
    scene->setProblemCounts(problems);
    const QFontMetricsF nameMetrics(scene->scenePalette().nameFont());
    const QFontMetricsF externalMetrics(scene->scenePalette().stageFont());
    for (ImageNodeItem *node : scene->imageItems()) {
        const bool external = node->kind() == ImageKind::External;
        const QString name = scene->conveyor().images.at(node->image()).displayName();
        const qreal width = (external ? externalMetrics : nameMetrics).horizontalAdvance(name);
        QVERIFY2(width <= node->nameRect().width(),
                 qPrintable(describe(scene->conveyor(), node->image())
                            + QStringLiteral(": the name needs %1 px, the header gives %2")
                                      .arg(width)
                                      .arg(node->nameRect().width())));
        if (!external) {
            QVERIFY(!node->nameRect().intersects(node->kindBadgeRect()));
            continue;
        }
        // An external node is its name in a dashed box: a long registry path must not leave a
        // wide empty tail (085's ci-tools reference had 60 px).
        const qreal nodeWidth = scene->currentLayout().images.at(node->image()).rect.width();
        QVERIFY2(nodeWidth <= std::max(120.0, width + 24),
                 qPrintable(describe(scene->conveyor(), node->image())
                            + QStringLiteral(": %1 px wide for a %2 px name")
                                      .arg(nodeWidth)
                                      .arg(width)));
    }
}

void tst_SceneLook::edgeLabelsKeepClear()
{
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    const ConveyorLayout &layout = scene->currentLayout();
    const QList<EdgeItem *> &edges = scene->edgeItems();
    int labels = 0;
    for (EdgeItem *edge : edges) {
        const QRectF label = edge->labelRect();
        if (label.isNull())
            continue;
        ++labels;
        const QString what = QStringLiteral("the label of edge %1").arg(edge->edge());
        for (int i = 0; i < layout.images.size(); ++i) {
            if (layout.images.at(i).visible)
                QVERIFY2(!label.intersects(layout.images.at(i).rect),
                         qPrintable(what + u" covers " + describe(scene->conveyor(), i)));
        }
        for (EdgeItem *other : edges) {
            if (other == edge)
                continue;
            QVERIFY2(other->labelRect().isNull() || !label.intersects(other->labelRect()),
                     qPrintable(
                             what
                             + QStringLiteral(" covers the label of edge %1").arg(other->edge())));
            const QPolygonF &route = other->route();
            for (qsizetype k = 1; k < route.size(); ++k) {
                const QRectF segment = segmentRect(route.at(k - 1), route.at(k));
                QVERIFY2(!label.intersects(segment),
                         qPrintable(what
                                    + QStringLiteral(" (%1,%2 %3×%4) covers edge %5 at %6,%7")
                                              .arg(label.x())
                                              .arg(label.y())
                                              .arg(label.width())
                                              .arg(label.height())
                                              .arg(other->edge())
                                              .arg(segment.center().x())
                                              .arg(segment.center().y())));
            }
        }
    }
    Q_UNUSED(labels);
}

void tst_SceneLook::routesAvoidNodes()
{
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    const Conveyor &conveyor = scene->conveyor();
    const ConveyorLayout &layout = scene->currentLayout();
    for (int e = 0; e < conveyor.edges.size(); ++e) {
        const EdgeGeometry &geometry = layout.edges.at(e);
        if (!geometry.visible)
            continue;
        const ConveyorEdge &edge = conveyor.edges.at(e);
        const QPolygonF &route = geometry.route;
        for (int i = 0; i < layout.images.size(); ++i) {
            const ImageGeometry &image = layout.images.at(i);
            if (!image.visible)
                continue;
            // An edge enters its target through the header (imports) and leaves its source at
            // the border; every other node must be left alone.
            if (i == edge.source || i == edge.target)
                continue;
            const QRectF inside = image.rect.adjusted(1, 1, -1, -1);
            for (qsizetype k = 1; k < route.size(); ++k) {
                QVERIFY2(!segmentRect(route.at(k - 1), route.at(k)).intersects(inside),
                         qPrintable(QStringLiteral("edge %1 (%2 → %3) crosses %4")
                                            .arg(e)
                                            .arg(describe(conveyor, edge.source),
                                                 describe(conveyor, edge.target),
                                                 describe(conveyor, i))));
            }
        }
    }
}

void tst_SceneLook::edgesVisibleZoomedOut()
{
    // The window's whole-graph fit of a larger project is at about a quarter; the edges, the
    // dashed imports most, must still show there.
    QString skip;
    const auto scene = sceneFor(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example"), &skip);
    QVERIFY(scene);
    constexpr qreal zoom = 0.25;
    const QRectF source = scene->itemsBoundingRect();
    QImage image((source.size() * zoom).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    scene->setBackgroundColor(Qt::white);
    {
        QPainter painter(&image);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size() * zoom), source);
    }
    const Conveyor &conveyor = scene->conveyor();
    for (EdgeItem *edge : scene->edgeItems()) {
        // The longest horizontal run of the route, away from its ends and the nodes.
        const QPolygonF &route = edge->route();
        QLineF run;
        for (qsizetype k = 1; k < route.size(); ++k) {
            const QLineF line(route.at(k - 1), route.at(k));
            if (qFuzzyCompare(line.y1() + 1, line.y2() + 1)
                && std::abs(line.dx()) > std::abs(run.dx()))
                run = line;
        }
        if (std::abs(run.dx()) < 40)
            continue;
        int darkest = 255;
        const qreal left = std::min(run.x1(), run.x2()) + 10;
        const qreal right = std::max(run.x1(), run.x2()) - 10;
        for (qreal x = left; x < right; x += 1 / zoom) {
            const QPointF p = (QPointF(x, run.y1()) - source.topLeft()) * zoom;
            for (int dy = -1; dy <= 1; ++dy) {
                const QPoint pixel(int(p.x()), int(p.y()) + dy);
                if (image.rect().contains(pixel))
                    darkest = std::min(darkest, qGray(image.pixel(pixel)));
            }
        }
        const ConveyorEdge &e = conveyor.edges.at(edge->edge());
        QVERIFY2(darkest < 200,
                 qPrintable(QStringLiteral("edge %1 → %2 is %3/255 grey at a quarter zoom")
                                    .arg(describe(conveyor, e.source), describe(conveyor, e.target))
                                    .arg(darkest)));
    }
}

void tst_SceneLook::importsComeDownBesideNames()
{
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    const Conveyor &conveyor = scene->conveyor();
    const QFontMetricsF metrics(scene->scenePalette().nameFont());
    for (EdgeItem *edge : scene->edgeItems()) {
        const ConveyorEdge &e = conveyor.edges.at(edge->edge());
        const QPolygonF &route = edge->route();
        if (scene->currentLayout().edges.at(edge->edge()).targetSide != PortSide::Top
            || route.size() < 2)
            continue;
        ImageNodeItem *target = scene->imageItem(e.target);
        const QRectF nameRect = target->mapRectToScene(target->nameRect());
        const qreal advance = metrics.horizontalAdvance(conveyor.images.at(e.target).displayName());
        const QRectF name(nameRect.left(),
                          nameRect.top(),
                          std::min(advance, nameRect.width()),
                          nameRect.height());
        const QRectF badge = target->mapRectToScene(target->kindBadgeRect());
        const QRectF descent = segmentRect(route.at(route.size() - 2), route.last());
        // Only where the stage has room beside them: a stage wholly under the name keeps its
        // centre (none in the corpus or the generated graphs).
        QVERIFY2(!descent.intersects(name) && !descent.intersects(badge),
                 qPrintable(
                         QStringLiteral("the import %1 → %2 comes down through the header of %2")
                                 .arg(describe(conveyor, e.source), describe(conveyor, e.target))));
    }
}

void tst_SceneLook::noTinySteps()
{
    // A step of a pixel or two in an edge reads as a drawing glitch, not as a bend.
    QFETCH(QString, dir);
    QString skip;
    const auto scene = sceneFor(dir, &skip);
    if (!scene)
        QSKIP(qPrintable(skip));
    const Conveyor &conveyor = scene->conveyor();
    for (EdgeItem *edge : scene->edgeItems()) {
        const QPolygonF &route = edge->route();
        for (qsizetype k = 1; k < route.size(); ++k) {
            const qreal step = QLineF(route.at(k - 1), route.at(k)).length();
            const ConveyorEdge &e = conveyor.edges.at(edge->edge());
            QVERIFY2(step >= 3,
                     qPrintable(QStringLiteral("edge %1 → %2 has a %3 px step at %4,%5")
                                        .arg(describe(conveyor, e.source),
                                             describe(conveyor, e.target))
                                        .arg(step)
                                        .arg(route.at(k).x())
                                        .arg(route.at(k).y())));
        }
    }
}

QTEST_MAIN(tst_SceneLook)
#include "tst_scenelook.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorscene.h"

#include "edgeitem.h"
#include "imagenodeitem.h"
#include "stageitem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

ConveyorScene::ConveyorScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_palette(ScenePalette::light())
{
    // Items move and change often; a BSP index only pays off for static scenes.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &ConveyorScene::handleSelectionChanged);
}

ConveyorScene::~ConveyorScene()
{
    // Items call back into the scene while being destroyed (selection); clear them first.
    m_selecting = true;
    m_nodes.clear();
    m_edges.clear();
    clear();
}

std::function<qreal(const QString &)> ConveyorScene::textWidth() const
{
    const QFontMetricsF metrics(m_palette.nameFont());
    return [metrics](const QString &text) { return metrics.horizontalAdvance(text); };
}

void ConveyorScene::setConveyor(const Conveyor &conveyor,
                                const QHash<QString, QByteArray> &dockerfiles)
{
    prepareConveyor(conveyor, dockerfiles);
    relayout();
    if (!m_search.isEmpty())
        setSearchText(m_search);
}

void ConveyorScene::setConveyor(const Conveyor &conveyor,
                                const QHash<QString, QByteArray> &dockerfiles,
                                const LayoutSidecar &userLayout)
{
    prepareConveyor(conveyor, dockerfiles);
    m_options.manualPositions = userLayout.positions;
    m_options.collapsed = userLayout.collapsed;
    relayout();
    if (!m_search.isEmpty())
        setSearchText(m_search);
}

void ConveyorScene::prepareConveyor(const Conveyor &conveyor,
                                    const QHash<QString, QByteArray> &dockerfiles)
{
    // The selection and the focus follow their image when an edit adds or removes images
    // before it (indices shift, names stay).
    auto follow = [&](int &index) {
        if (index < 0 || index >= m_conveyor.images.size())
            return;
        const QString key = imageKey(m_conveyor.images.at(index));
        if (index < conveyor.images.size() && imageKey(conveyor.images.at(index)) == key)
            return;
        for (int i = 0; i < conveyor.images.size(); ++i) {
            if (imageKey(conveyor.images.at(i)) == key) {
                index = i;
                return;
            }
        }
    };
    follow(m_currentImage);
    follow(m_focus);
    m_conveyor = conveyor;
    m_dockerfileStages.clear();
    m_options.dockerfileStages.clear();
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        const ConveyorImage &image = m_conveyor.images.at(i);
        if (image.kind != ImageKind::Dockerfile)
            continue;
        const auto it = dockerfiles.constFind(image.name);
        if (it == dockerfiles.cend())
            continue;
        const QList<DockerfileStage> stages = parseDockerfileStages(it.value());
        if (stages.isEmpty())
            continue;
        m_dockerfileStages.insert(i, stages);
        m_options.dockerfileStages.insert(imageKey(image), int(stages.size()));
    }
    if (m_focus >= m_conveyor.images.size())
        m_focus = -1;
    if (m_currentImage >= m_conveyor.images.size()) {
        m_currentImage = -1;
        m_currentStage.reset();
    }
    m_hovered = -1;
    m_problemCounts.clear();
    m_problemErrors.clear();
    updateVisibleSet();
}

void ConveyorScene::setStatuses(const StageStatuses &statuses)
{
    m_statuses = statuses;
    for (ImageNodeItem *node : std::as_const(m_nodes)) {
        node->update();
        for (QGraphicsItem *child : node->childItems())
            child->update();
    }
}

void ConveyorScene::setStageReasons(const QHash<QString, QStringList> &reasons)
{
    if (reasons == m_reasons)
        return;
    m_reasons = reasons;
    for (ImageNodeItem *node : std::as_const(m_nodes)) {
        for (QGraphicsItem *child : node->childItems()) {
            if (child->type() == StageItem::Type) {
                auto *stage = static_cast<StageItem *>(child);
                stage->setToolTip(stageToolTip(stage->image(), stage->stageRow()));
            }
        }
    }
}

QString ConveyorScene::stageToolTip(int image, int stageRow) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return {};
    const ConveyorImage &img = m_conveyor.images.at(image);
    if (stageRow < 0 || stageRow >= img.stages.size())
        return {};
    const ConveyorStage &stage = img.stages.at(stageRow);
    QString tip = QStringLiteral("%1/%2").arg(img.displayName(), stageName(stage.id));
    if (stage.location.isValid())
        tip += u'\n' + stage.location.toString();
    const QStringList reasons = m_reasons.value(statusKey(img, stage.id));
    if (!reasons.isEmpty()) {
        tip += u'\n' + tr("Will be rebuilt:");
        for (const QString &reason : reasons)
            tip += QStringLiteral("\n  • ") + reason;
    }
    return tip;
}

StageStatus ConveyorScene::stageStatus(int image, StageId stage) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return StageStatus::Unknown;
    return m_statuses.value(statusKey(m_conveyor.images.at(image), stage), StageStatus::Unknown);
}

StageStatus ConveyorScene::imageStatus(int image) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return StageStatus::Unknown;
    QList<StageStatus> list;
    for (const ConveyorStage &s : m_conveyor.images.at(image).stages)
        list.append(stageStatus(image, s.id));
    return summarizeStatuses(list);
}

void ConveyorScene::setProblemCounts(const QHash<int, int> &counts, const QSet<int> &withErrors)
{
    m_problemCounts = counts;
    m_problemErrors = withErrors;
    // By key, so that they carry over to the next conveyor of the same project: an edit that
    // does not change which images have problems is laid out once, in setConveyor().
    QSet<QString> marked;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > 0 && it.key() >= 0 && it.key() < m_conveyor.images.size()
            && m_conveyor.images.at(it.key()).kind != ImageKind::External)
            marked.insert(imageKey(m_conveyor.images.at(it.key())));
    }
    if (marked != m_options.marked) {
        m_options.marked = marked;
        relayout();
        return;
    }
    for (ImageNodeItem *node : std::as_const(m_nodes))
        node->update();
}

void ConveyorScene::setScenePalette(const ScenePalette &palette)
{
    const bool fontChanged = palette.font != m_palette.font;
    m_palette = palette;
    if (fontChanged)
        relayout(); // text widths size the nodes
    else
        update();
    for (ImageNodeItem *node : std::as_const(m_nodes))
        node->update();
}

void ConveyorScene::setBackgroundColor(const QColor &color)
{
    m_background = color;
    update();
}

LayoutSidecar ConveyorScene::userLayout() const
{
    LayoutSidecar sidecar;
    sidecar.positions = m_options.manualPositions;
    sidecar.collapsed = m_options.collapsed;
    return sidecar;
}

void ConveyorScene::setUserLayout(const LayoutSidecar &sidecar)
{
    m_options.manualPositions = sidecar.positions;
    m_options.collapsed = sidecar.collapsed;
    relayout();
}

void ConveyorScene::resetLayout()
{
    m_options.manualPositions.clear();
    m_options.collapsed.clear();
    relayout();
    emit userLayoutChanged();
}

bool ConveyorScene::isCollapsed(int image) const
{
    if (image < 0 || image >= m_layout.images.size()
        || m_conveyor.images.at(image).kind == ImageKind::External)
        return false; // external bases have nothing to collapse
    return m_layout.images.at(image).collapsed;
}

void ConveyorScene::setCollapsed(int image, bool collapsed)
{
    if (image < 0 || image >= m_conveyor.images.size()
        || m_conveyor.images.at(image).kind == ImageKind::External
        || isCollapsed(image) == collapsed)
        return;
    const QString key = imageKey(m_conveyor.images.at(image));
    if (collapsed)
        m_options.collapsed.insert(key);
    else
        m_options.collapsed.remove(key);
    relayout();
    emit userLayoutChanged();
}

void ConveyorScene::toggleCollapsed(int image)
{
    setCollapsed(image, !isCollapsed(image));
}

void ConveyorScene::collapseAll()
{
    for (const ConveyorImage &image : std::as_const(m_conveyor.images)) {
        if (image.kind != ImageKind::External)
            m_options.collapsed.insert(imageKey(image));
    }
    relayout();
    emit userLayoutChanged();
}

void ConveyorScene::expandAll()
{
    m_options.collapsed.clear();
    relayout();
    emit userLayoutChanged();
}

void ConveyorScene::setFocusImage(int image)
{
    if (image >= m_conveyor.images.size())
        image = -1;
    if (image == m_focus)
        return;
    m_focus = image;
    updateVisibleSet();
    relayout();
}

void ConveyorScene::setShowExternal(bool show)
{
    if (show == m_showExternal)
        return;
    m_showExternal = show;
    updateVisibleSet();
    relayout();
}

void ConveyorScene::updateVisibleSet()
{
    m_options.visible.clear();
    if (m_focus < 0 && m_showExternal)
        return; // everything
    QSet<int> visible;
    if (m_focus >= 0) {
        visible = ancestors(m_focus) | descendants(m_focus);
        visible.insert(m_focus);
    } else {
        for (int i = 0; i < m_conveyor.images.size(); ++i)
            visible.insert(i);
    }
    if (!m_showExternal) {
        for (int i = 0; i < m_conveyor.images.size(); ++i) {
            if (m_conveyor.images.at(i).kind == ImageKind::External)
                visible.remove(i);
        }
    }
    if (visible.isEmpty())
        visible.insert(-1); // an empty set would mean "all"
    m_options.visible = visible;
}

QList<int> ConveyorScene::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    m_matches.clear();
    QList<int> matches;
    if (!m_search.isEmpty()) {
        for (int i = 0; i < m_conveyor.images.size(); ++i) {
            const ConveyorImage &image = m_conveyor.images.at(i);
            bool match = image.displayName().contains(m_search, Qt::CaseInsensitive);
            for (const ConveyorStage &s : image.stages)
                match = match || stageName(s.id).contains(m_search, Qt::CaseInsensitive);
            if (match) {
                m_matches.insert(i);
                matches.append(i);
            }
        }
    }
    applyDimming();
    return matches;
}

QSet<int> ConveyorScene::ancestors(int image) const
{
    QSet<int> seen;
    QList<int> todo{image};
    while (!todo.isEmpty()) {
        const int v = todo.takeLast();
        for (const ConveyorEdge &e : m_conveyor.edges) {
            if (e.target == v && e.source >= 0 && !seen.contains(e.source) && e.source != image) {
                seen.insert(e.source);
                todo.append(e.source);
            }
        }
    }
    return seen;
}

QSet<int> ConveyorScene::descendants(int image) const
{
    QSet<int> seen;
    QList<int> todo{image};
    while (!todo.isEmpty()) {
        const int v = todo.takeLast();
        for (const ConveyorEdge &e : m_conveyor.edges) {
            if (e.source == v && e.target >= 0 && !seen.contains(e.target) && e.target != image) {
                seen.insert(e.target);
                todo.append(e.target);
            }
        }
    }
    return seen;
}

void ConveyorScene::setHoveredImage(int image)
{
    if (image == m_hovered)
        return;
    m_hovered = image;
    applyDimming();
}

void ConveyorScene::applyDimming()
{
    QSet<int> up;
    QSet<int> down;
    if (m_hovered >= 0) {
        up = ancestors(m_hovered);
        down = descendants(m_hovered);
        up.insert(m_hovered);
        down.insert(m_hovered);
    }
    const bool searching = !m_search.isEmpty();
    for (ImageNodeItem *node : std::as_const(m_nodes)) {
        const int i = node->image();
        const bool related = up.contains(i) || down.contains(i);
        node->setHighlighted(m_hovered >= 0 && related);
        node->setDimmed((m_hovered >= 0 && !related) || (searching && !m_matches.contains(i)));
    }
    for (EdgeItem *item : std::as_const(m_edges)) {
        const ConveyorEdge &e = m_conveyor.edges.at(item->edge());
        const bool onPath = m_hovered >= 0
                            && ((up.contains(e.source) && up.contains(e.target))
                                || (down.contains(e.source) && down.contains(e.target)));
        item->setHighlighted(onPath);
        item->setDimmed(
                (m_hovered >= 0 && !onPath)
                || (searching && !(m_matches.contains(e.source) || m_matches.contains(e.target))));
    }
}

ImageNodeItem *ConveyorScene::imageItem(int image) const
{
    return image >= 0 && image < m_nodes.size() ? m_nodes.at(image) : nullptr;
}

StageItem *ConveyorScene::stageItem(int image, StageId stage) const
{
    ImageNodeItem *node = imageItem(image);
    if (!node)
        return nullptr;
    for (QGraphicsItem *child : node->childItems()) {
        if (auto *item = qgraphicsitem_cast<StageItem *>(child); item && item->stage() == stage)
            return item;
    }
    return nullptr;
}

EdgeItem *ConveyorScene::edgeItem(int edge) const
{
    return edge >= 0 && edge < m_edges.size() ? m_edges.at(edge) : nullptr;
}

void ConveyorScene::relayout()
{
    // Measuring text was a third of an edit's window update: names and stage labels repeat
    // from one layout to the next, so their widths are kept until the fonts change.
    const QString fonts = m_palette.nameFont().toString() + u'\n'
                          + m_palette.stageFont().toString();
    if (fonts != m_widthFonts) {
        m_widthFonts = fonts;
        m_nameWidths = std::make_shared<QHash<QString, qreal>>();
        m_stageWidths = std::make_shared<QHash<QString, qreal>>();
    }
    auto cached = [](const QFontMetricsF &metrics, std::shared_ptr<QHash<QString, qreal>> widths) {
        return [metrics, widths](const QString &text) {
            const auto it = widths->constFind(text);
            if (it != widths->cend())
                return it.value();
            const qreal width = metrics.horizontalAdvance(text);
            widths->insert(text, width);
            return width;
        };
    };
    m_options.textWidth = cached(QFontMetricsF(m_palette.nameFont()), m_nameWidths);
    m_options.stageTextWidth = cached(QFontMetricsF(m_palette.stageFont()), m_stageWidths);
    m_options.externalTextWidth = m_options.stageTextWidth; // the same font, the same cache
    // The header's badge and margins at the fonts the items paint with, so that a name that
    // sets its node's width is not elided by a few pixels.
    m_options.metrics.badgeWidth = ImageNodeItem::headerChrome(m_palette)
                                   - 2 * m_options.metrics.padding;
    m_options.metrics.markerWidth = ImageNodeItem::markerRoom();
    ConveyorLayoutOptions options = m_options;
    if (m_focus >= 0)
        options.manualPositions.clear(); // a focused view is a fresh, compact picture
    m_layout = layoutConveyor(m_conveyor, options);
    rebuildItems();
}

namespace {

/** The same node shape at possibly another place: the item can stay and just move. */
bool sameShape(const ImageGeometry &a, const ImageGeometry &b)
{
    if (a.collapsed != b.collapsed || a.rect.size() != b.rect.size()
        || a.stageRects.size() != b.stageRects.size()
        || a.dockerfileStageRects.size() != b.dockerfileStageRects.size())
        return false;
    const QPointF da = a.rect.topLeft();
    const QPointF db = b.rect.topLeft();
    for (qsizetype s = 0; s < a.stageRects.size(); ++s) {
        if (a.stageRects.at(s).translated(-da) != b.stageRects.at(s).translated(-db))
            return false;
    }
    for (qsizetype s = 0; s < a.dockerfileStageRects.size(); ++s) {
        if (a.dockerfileStageRects.at(s).translated(-da)
            != b.dockerfileStageRects.at(s).translated(-db))
            return false;
    }
    return true;
}

bool sameStageList(const ConveyorImage &a, const ConveyorImage &b)
{
    if (a.kind != b.kind || a.stages.size() != b.stages.size())
        return false;
    for (qsizetype s = 0; s < a.stages.size(); ++s) {
        if (a.stages.at(s).id != b.stages.at(s).id)
            return false;
    }
    return true;
}

/** What an edge item draws, independent of indices. */
QString edgeKey(const Conveyor &conveyor, const ConveyorEdge &edge)
{
    auto key = [&conveyor](int image) {
        return image >= 0 && image < conveyor.images.size() ? imageKey(conveyor.images.at(image))
                                                            : QString();
    };
    return key(edge.source) + u'\n' + key(edge.target) + u'\n' + QString::number(int(edge.kind))
           + u'\n' + QString::number(int(edge.targetStage)) + u'\n'
           + QString::number(edge.sourceStage ? int(*edge.sourceStage) : -1) + u'\n' + edge.label;
}

} // namespace

ImageNodeItem *ConveyorScene::createNode(int i)
{
    const ConveyorImage &image = m_conveyor.images.at(i);
    const ImageGeometry &g = m_layout.images.at(i);
    auto *node = new ImageNodeItem(i, image.kind, g.rect.size(), g.collapsed);
    node->setPos(g.rect.topLeft());
    node->setVisible(g.visible);
    node->setToolTip(image.kind == ImageKind::External
                             ? tr("%1\nexternal base image").arg(image.displayName())
                             : tr("%1 (%2)\n%n stage(s)\nDouble-click to collapse or expand",
                                  "",
                                  int(image.stages.size()))
                                       .arg(image.displayName(), imageKindName(image.kind)));
    if (!g.collapsed) {
        for (int s = 0; s < image.stages.size() && s < g.stageRects.size(); ++s) {
            const QRectF &sr = g.stageRects.at(s);
            auto *stage = new StageItem(i, s, image.stages.at(s).id, sr.size(), node);
            stage->setPos(sr.topLeft() - g.rect.topLeft());
            stage->setToolTip(stageToolTip(i, s));
            if (image.stages.at(s).id == StageId::Dockerfile) {
                QList<QRectF> local;
                for (const QRectF &r : g.dockerfileStageRects)
                    local.append(r.translated(-sr.topLeft()));
                stage->setDockerfileStageRects(local);
            }
        }
    }
    addItem(node);
    return node;
}

void ConveyorScene::rebuildItems()
{
    m_selecting = true;
    // An edit changes one or two images: the items of the others stay (moved if the layout
    // moved them, renumbered if images before them came or went), so that a keystroke does
    // not rebuild a thousand items. Items are matched by image key (kind and name).
    QHash<QString, int> oldIndex;
    oldIndex.reserve(m_nodes.size());
    for (int j = 0; j < m_nodes.size(); ++j)
        oldIndex.insert(imageKey(m_itemsConveyor.images.at(j)), j);
    const QList<ImageNodeItem *> oldNodes = m_nodes;
    QList<bool> keptNode(oldNodes.size(), false);
    QList<ImageNodeItem *> nodes;
    nodes.reserve(m_conveyor.images.size());
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        const ConveyorImage &image = m_conveyor.images.at(i);
        const ImageGeometry &g = m_layout.images.at(i);
        const int j = oldIndex.value(imageKey(image), -1);
        if (j < 0 || keptNode.at(j) || !sameStageList(m_itemsConveyor.images.at(j), image)
            || !sameShape(m_itemsLayout.images.at(j), g)) {
            nodes.append(nullptr); // made below, once the old items are gone
            continue;
        }
        keptNode[j] = true;
        ImageNodeItem *node = oldNodes.at(j);
        node->setImage(i);
        if (node->pos() != g.rect.topLeft())
            node->setPos(g.rect.topLeft());
        node->setVisible(g.visible);
        const ConveyorImage &old = m_itemsConveyor.images.at(j);
        for (QGraphicsItem *child : node->childItems()) {
            if (child->type() != StageItem::Type)
                continue;
            auto *stage = static_cast<StageItem *>(child);
            stage->setImage(i);
            const int row = stage->stageRow();
            // The tooltip names the stage's source line, which moves with edits above it.
            if (old.stages.value(row).location != image.stages.value(row).location)
                stage->setToolTip(stageToolTip(i, row));
        }
        node->update();
        nodes.append(node);
    }
    for (int j = 0; j < oldNodes.size(); ++j) {
        if (!keptNode.at(j))
            delete oldNodes.at(j); // removes it (and its stages) from the scene
    }
    for (int i = 0; i < nodes.size(); ++i) {
        if (!nodes.at(i))
            nodes[i] = createNode(i);
    }
    m_nodes = nodes;

    QMultiHash<QString, int> oldEdges;
    oldEdges.reserve(m_edges.size());
    for (int j = 0; j < m_edges.size(); ++j)
        oldEdges.insert(edgeKey(m_itemsConveyor, m_itemsConveyor.edges.at(j)), j);
    const QList<EdgeItem *> oldEdgeItems = m_edges;
    QList<bool> keptEdge(oldEdgeItems.size(), false);
    QList<EdgeItem *> edges;
    edges.reserve(m_conveyor.edges.size());
    for (int e = 0; e < m_conveyor.edges.size(); ++e) {
        const ConveyorEdge &edge = m_conveyor.edges.at(e);
        const EdgeGeometry &geometry = m_layout.edges.at(e);
        EdgeItem *item = nullptr;
        const QString key = edgeKey(m_conveyor, edge);
        for (auto it = oldEdges.find(key); it != oldEdges.end() && it.key() == key; ++it) {
            if (!keptEdge.at(it.value())) {
                keptEdge[it.value()] = true;
                item = oldEdgeItems.at(it.value());
                break;
            }
        }
        const qreal labelLeft = edge.target >= 0 && edge.target < m_layout.images.size()
                                        ? m_layout.images.at(edge.target).rect.left()
                                        : -1e9;
        if (item) {
            item->setEdge(e);
            item->setVisible(geometry.visible);
            if (item->route() != geometry.route)
                item->setRoute(geometry.route, labelLeft);
        } else {
            item = new EdgeItem(e,
                                edge.kind,
                                edge.kind == EdgeKind::Import ? edge.label : QString());
            item->setVisible(geometry.visible);
            addItem(item);
            item->setRoute(geometry.route, labelLeft);
        }
        edges.append(item);
    }
    for (int j = 0; j < oldEdgeItems.size(); ++j) {
        if (!keptEdge.at(j))
            delete oldEdgeItems.at(j);
    }
    m_edges = edges;
    m_itemsConveyor = m_conveyor;
    m_itemsLayout = m_layout;
    m_selecting = false;
    if (m_currentImage >= 0 && m_layout.images.value(m_currentImage).visible)
        selectImage(m_currentImage, m_currentStage);
    applyDimming();
    setSceneRect(contentsRect());
    emit layoutRebuilt();
}

QRectF ConveyorScene::contentsRect() const
{
    QRectF r;
    for (const ImageNodeItem *node : m_nodes) {
        if (node->isVisible())
            r |= node->sceneBoundingRect();
    }
    for (const EdgeItem *edge : m_edges) {
        if (edge->isVisible())
            r |= edge->sceneBoundingRect();
    }
    if (r.isNull())
        r = QRectF(0, 0, 400, 300);
    return r.adjusted(-40, -40, 40, 40);
}

void ConveyorScene::handleNodeMoved(int image)
{
    if (m_selecting || image < 0 || image >= m_layout.images.size())
        return;
    ImageGeometry &g = m_layout.images[image];
    const ImageNodeItem *node = imageItem(image);
    if (!node)
        return;
    const QPointF delta = node->pos() - g.rect.topLeft();
    if (delta.isNull())
        return;
    g.rect.translate(delta);
    for (QRectF &r : g.stageRects)
        r.translate(delta);
    for (QRectF &r : g.dockerfileStageRects)
        r.translate(delta);
    m_movedDuringDrag.insert(image);
    rerouteEdgesOf(image);
    const QRectF content = contentsRect();
    if (!sceneRect().contains(content))
        setSceneRect(sceneRect() | content);
}

void ConveyorScene::rerouteEdgesOf(int image)
{
    for (int e = 0; e < m_conveyor.edges.size(); ++e) {
        const ConveyorEdge &edge = m_conveyor.edges.at(e);
        if ((edge.source != image && edge.target != image) || edge.source < 0 || edge.target < 0
            || edge.source >= m_layout.images.size() || edge.target >= m_layout.images.size())
            continue;
        const ImageGeometry &s = m_layout.images.at(edge.source);
        const ImageGeometry &t = m_layout.images.at(edge.target);
        const LayoutPort sp = edgeSourcePort(m_conveyor, edge, s);
        const LayoutPort tp = edgeTargetPort(m_conveyor, edge, t, m_options.metrics);
        const QPolygonF route = orthogonalRoute(s.rect.topLeft() + sp.offset,
                                                sp.side,
                                                t.rect.topLeft() + tp.offset,
                                                tp.side);
        m_layout.edges[e].route = route;
        if (EdgeItem *item = edgeItem(e))
            item->setRoute(route, t.rect.left());
    }
}

std::optional<std::pair<int, StageId>> ConveyorScene::stageAt(const QPointF &point, int except) const
{
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        if (i == except)
            continue;
        for (const ConveyorStage &stage : m_conveyor.images.at(i).stages) {
            const StageItem *item = stageItem(i, stage.id);
            if (item && item->isVisible() && item->mapRectToScene(item->boxRect()).contains(point))
                return std::make_pair(i, stage.id);
        }
    }
    return std::nullopt;
}

void ConveyorScene::deleteSelectedEdges()
{
    QList<int> edges;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *e = qgraphicsitem_cast<EdgeItem *>(item))
            edges.append(e->edge());
    }
    for (int edge : std::as_const(edges))
        emit edgeDeleteRequested(edge);
}

void ConveyorScene::handleNodeDragFinished(int image,
                                           std::optional<QPointF> dropPoint,
                                           std::optional<StageId> sourceStage)
{
    if (dropPoint) {
        if (const auto hit = stageAt(*dropPoint, image)) {
            // A drop gesture, not a move: the node goes back (the positions were not stored)
            // and the edit is made once the dragged item's own event handler has returned,
            // because the edit rebuilds the items.
            m_movedDuringDrag.clear();
            const auto [target, stage] = *hit;
            QMetaObject::invokeMethod(
                    this,
                    [this, image, target = target, stage = stage, sourceStage] {
                        relayout();
                        if (sourceStage)
                            emit stageDroppedOnStage(image, *sourceStage, target, stage);
                        else
                            emit imageDroppedOnStage(image, target, stage);
                    },
                    Qt::QueuedConnection);
            return;
        }
    }
    m_movedDuringDrag.insert(image);
    for (int i : std::as_const(m_movedDuringDrag)) {
        if (i >= 0 && i < m_conveyor.images.size())
            m_options.manualPositions.insert(imageKey(m_conveyor.images.at(i)),
                                             m_layout.images.at(i).rect.topLeft());
    }
    m_movedDuringDrag.clear();
    emit userLayoutChanged();
}

void ConveyorScene::selectImage(int image, std::optional<StageId> stage)
{
    m_selecting = true;
    clearSelection();
    m_currentImage = image;
    m_currentStage = stage;
    QGraphicsItem *item = nullptr;
    if (stage)
        item = stageItem(image, *stage);
    if (!item)
        item = imageItem(image);
    if (item && item->isVisible())
        item->setSelected(true);
    m_selecting = false;
}

void ConveyorScene::handleSelectionChanged()
{
    if (m_selecting)
        return;
    const QList<QGraphicsItem *> items = selectedItems();
    int image = -1;
    int stage = -1;
    for (QGraphicsItem *item : items) {
        if (auto *s = qgraphicsitem_cast<StageItem *>(item)) {
            if (image < 0 || s->image() < image) {
                image = s->image();
                stage = int(s->stage());
            }
        } else if (auto *n = qgraphicsitem_cast<ImageNodeItem *>(item)) {
            if (image < 0 || n->image() < image) {
                image = n->image();
                stage = -1;
            }
        }
    }
    m_currentImage = image;
    m_currentStage = stage >= 0 ? std::optional<StageId>(StageId(stage)) : std::nullopt;
    emit currentChanged(image, stage);
}

void ConveyorScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QColor color = m_background.isValid() ? m_background : m_palette.background;
    if (color.alpha() == 0)
        return;
    painter->fillRect(rect, color);
}

} // namespace Stagecraft::Ui

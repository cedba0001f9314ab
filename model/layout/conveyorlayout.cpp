// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorlayout.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Stagecraft::Model {

namespace {

qreal estimateTextWidth(const QString &text)
{
    return 7.0 * qreal(text.size());
}

/** Geometry relative to the node's top-left corner. */
ImageGeometry shapeImage(const ConveyorImage &image,
                         bool collapsed,
                         int dockerfileStages,
                         const ConveyorLayoutOptions &options)
{
    const ConveyorMetrics &m = options.metrics;
    const auto textWidth = options.textWidth ? options.textWidth : estimateTextWidth;
    ImageGeometry g;
    g.collapsed = collapsed || image.kind == ImageKind::External;
    if (image.kind == ImageKind::External) {
        // The name with 10 px on either side, as the node draws it; no badge.
        const qreal width = (options.externalTextWidth ? options.externalTextWidth
                                                       : textWidth)(image.displayName());
        g.rect = QRectF(0, 0, std::max(120.0, std::ceil(width) + 20), m.externalHeight);
        return g;
    }
    const qreal nameWidth = textWidth(image.displayName());
    g.nameWidth = nameWidth;
    g.marked = !options.marked.isEmpty() && options.marked.contains(imageKey(image));
    const qreal headerWidth = nameWidth + 2 * m.padding + m.badgeWidth
                              + (g.marked ? m.markerWidth : 0);
    if (g.collapsed) {
        g.rect = QRectF(0,
                        0,
                        std::max(m.collapsedMinWidth, headerWidth),
                        m.headerHeight + m.summaryHeight + m.padding);
        return g;
    }
    qreal x = m.padding;
    qreal rowHeight = m.stageHeight;
    const qreal y = m.headerHeight;
    for (const ConveyorStage &stage : image.stages) {
        qreal w = options.stageTextWidth
                          ? std::max(m.stageMinWidth,
                                     std::ceil(options.stageTextWidth(stageName(stage.id))
                                               + m.stageTextPadding))
                          : m.stageWidth;
        qreal h = m.stageHeight;
        if (stage.id == StageId::Dockerfile && dockerfileStages > 0) {
            w = std::max(w,
                         m.padding + dockerfileStages * (m.dockerfileStageWidth + m.stageSpacing));
            h = m.stageHeight + m.dockerfileStageHeight + m.padding;
            for (int i = 0; i < dockerfileStages; ++i) {
                g.dockerfileStageRects.append(
                        QRectF(x + m.padding + i * (m.dockerfileStageWidth + m.stageSpacing),
                               y + m.stageHeight - 6,
                               m.dockerfileStageWidth,
                               m.dockerfileStageHeight));
            }
        }
        g.stageRects.append(QRectF(x, y, w, h));
        rowHeight = std::max(rowHeight, h);
        x += w + m.stageSpacing;
    }
    const qreal width = std::max({headerWidth, x - m.stageSpacing + m.padding, m.collapsedMinWidth});
    g.rect = QRectF(0, 0, width, m.headerHeight + rowHeight + m.padding);
    return g;
}

constexpr qreal s_entryInset = 8; // keeps an arrow head off a box's rounded corners

/**
 * The span of the header between the end of the name and the problems marker or kind badge
 * (scene x): where an import can come down without striking through text.
 */
std::pair<qreal, qreal> headerGap(const ImageGeometry &target, const ConveyorMetrics &m)
{
    const QRectF &r = target.rect;
    return {r.left() + m.nameLeft + target.nameWidth + 6,
            r.right() - m.badgeWidth - (target.marked ? m.markerWidth : 0) - 2};
}

/**
 * How much wider the node would have to be for an import into stage @p s to come down between
 * the name and the kind badge: 0 when it can already (or when the stage is wholly under the
 * name, where no width helps).
 */
qreal entryGap(const QRectF &s, const ImageGeometry &target, const ConveyorMetrics &m)
{
    const auto [freeLeft, freeRight] = headerGap(target, m);
    const qreal centre = s.center().x();
    if ((centre >= freeLeft && centre <= freeRight) || s.right() - s_entryInset < freeLeft)
        return 0;
    return std::max<qreal>(0, std::max(freeLeft, s.left() + s_entryInset) - freeRight);
}

/**
 * Where an import comes down into stage @p s: its centre, unless that is under the header's name
 * or kind badge (the arrow would strike through the text); then the nearest point of the stage
 * clear of both, if it has one.
 */
qreal entryX(const QRectF &s, const ImageGeometry &target, const ConveyorMetrics &m)
{
    const auto [freeLeft, freeRight] = headerGap(target, m);
    const qreal lo = std::max(s.left() + s_entryInset, freeLeft);
    const qreal hi = std::min(s.right() - s_entryInset, freeRight);
    const qreal centre = s.center().x();
    if (lo > hi || (centre >= freeLeft && centre <= freeRight))
        return centre;
    return std::clamp(centre, lo, hi);
}

int stageRow(const ConveyorImage &image, StageId id)
{
    for (int i = 0; i < image.stages.size(); ++i) {
        if (image.stages.at(i).id == id)
            return i;
    }
    return -1;
}

void moveGeometry(ImageGeometry &g, const QPointF &topLeft)
{
    const QPointF delta = topLeft - g.rect.topLeft();
    g.rect.translate(delta);
    for (QRectF &r : g.stageRects)
        r.translate(delta);
    for (QRectF &r : g.dockerfileStageRects)
        r.translate(delta);
}

} // namespace

QString imageKey(const ConveyorImage &image)
{
    return imageKindName(image.kind) + u':' + image.displayName();
}

LayoutPort edgeSourcePort(const Conveyor &conveyor,
                          const ConveyorEdge &edge,
                          const ImageGeometry &source)
{
    const ConveyorImage &image = conveyor.images.at(edge.source);
    const QRectF &r = source.rect;
    if (!source.collapsed && !source.stageRects.isEmpty()) {
        if (edge.kind == EdgeKind::Import && edge.sourceStage) {
            const int row = stageRow(image, *edge.sourceStage);
            if (row >= 0) {
                const QRectF &s = source.stageRects.at(row);
                return {QPointF(s.center().x(), s.bottom()) - r.topLeft(), PortSide::Bottom};
            }
        }
        const QRectF &last = source.stageRects.last();
        return {QPointF(r.right(), last.center().y()) - r.topLeft(), PortSide::Right};
    }
    return {QPointF(r.width(), r.height() / 2), PortSide::Right};
}

LayoutPort edgeTargetPort(const Conveyor &conveyor,
                          const ConveyorEdge &edge,
                          const ImageGeometry &target,
                          const ConveyorMetrics &metrics)
{
    const ConveyorImage &image = conveyor.images.at(edge.target);
    const QRectF &r = target.rect;
    const bool entersFrom = edge.targetStage == StageId::From
                            || edge.targetStage == StageId::Dockerfile;
    if (!target.collapsed && !target.stageRects.isEmpty()) {
        const int row = stageRow(image, edge.targetStage);
        if (row >= 0) {
            const QRectF &s = target.stageRects.at(row);
            if (entersFrom && row == 0)
                return {QPointF(0, s.center().y()) - QPointF(0, r.top()), PortSide::Left};
            return {QPointF(entryX(s, target, metrics), s.top()) - r.topLeft(), PortSide::Top};
        }
    }
    if (entersFrom)
        return {QPointF(0, r.height() / 2), PortSide::Left};
    return {QPointF(std::min(r.width() / 2, 60.0), 0), PortSide::Top};
}

ConveyorLayout layoutConveyor(const Conveyor &conveyor, const ConveyorLayoutOptions &options)
{
    ConveyorLayout layout;
    const int n = int(conveyor.images.size());
    layout.images.resize(n);
    layout.edges.resize(conveyor.edges.size());

    QList<int> nodeOfImage(n, -1);
    QList<int> imageOfNode;
    LayoutGraph graph;
    for (int i = 0; i < n; ++i) {
        const ConveyorImage &image = conveyor.images.at(i);
        const QString key = imageKey(image);
        const bool collapsed = options.collapseAll || options.collapsed.contains(key);
        ImageGeometry g = shapeImage(image, collapsed, options.dockerfileStages.value(key), options);
        g.visible = options.visible.isEmpty() || options.visible.contains(i);
        layout.images[i] = g;
    }
    // A node whose name reaches to its kind badge leaves an import into a stage below them no
    // way down but through the text: widen it just enough to open a gap over that stage.
    for (const ConveyorEdge &edge : conveyor.edges) {
        if (edge.kind != EdgeKind::Import || edge.target < 0 || edge.target >= n)
            continue;
        ImageGeometry &g = layout.images[edge.target];
        const int row = stageRow(conveyor.images.at(edge.target), edge.targetStage);
        if (g.collapsed || row < 0 || row >= g.stageRects.size())
            continue;
        const QRectF &s = g.stageRects.at(row);
        const qreal missing = entryGap(s, g, options.metrics);
        if (missing > 0)
            g.rect.setWidth(g.rect.width() + std::ceil(missing));
    }
    for (int i = 0; i < n; ++i) {
        const ImageGeometry &g = layout.images.at(i);
        if (!g.visible)
            continue;
        nodeOfImage[i] = int(graph.nodes.size());
        imageOfNode.append(i);
        graph.nodes.append({imageKey(conveyor.images.at(i)), g.rect.size()});
    }
    QList<int> edgeOfLayoutEdge;
    for (int e = 0; e < conveyor.edges.size(); ++e) {
        const ConveyorEdge &edge = conveyor.edges.at(e);
        EdgeGeometry &eg = layout.edges[e];
        if (edge.source < 0 || edge.source >= n || edge.target < 0 || edge.target >= n
            || nodeOfImage.at(edge.source) < 0 || nodeOfImage.at(edge.target) < 0) {
            eg.visible = false;
            continue;
        }
        LayoutEdge le;
        le.source = nodeOfImage.at(edge.source);
        le.target = nodeOfImage.at(edge.target);
        le.sourcePort = edgeSourcePort(conveyor, edge, layout.images.at(edge.source));
        le.targetPort = edgeTargetPort(conveyor,
                                       edge,
                                       layout.images.at(edge.target),
                                       options.metrics);
        eg.sourceSide = le.sourcePort.side;
        eg.targetSide = le.targetPort.side;
        edgeOfLayoutEdge.append(e);
        graph.edges.append(le);
    }

    const LayoutResult result = layoutGraph(graph, options.graph);
    for (int v = 0; v < imageOfNode.size(); ++v) {
        ImageGeometry &g = layout.images[imageOfNode.at(v)];
        g.layer = result.layers.at(v);
        moveGeometry(g, result.positions.at(v));
    }
    for (int le = 0; le < edgeOfLayoutEdge.size(); ++le)
        layout.edges[edgeOfLayoutEdge.at(le)].route = result.routes.at(le);

    // Hand-placed nodes: move them and give their edges simple routes.
    if (!options.manualPositions.isEmpty()) {
        QSet<int> moved;
        for (int i = 0; i < n; ++i) {
            ImageGeometry &g = layout.images[i];
            const auto it = options.manualPositions.constFind(imageKey(conveyor.images.at(i)));
            if (!g.visible || it == options.manualPositions.cend())
                continue;
            moveGeometry(g, it.value());
            g.manual = true;
            moved.insert(i);
        }
        for (int e = 0; e < conveyor.edges.size(); ++e) {
            const ConveyorEdge &edge = conveyor.edges.at(e);
            EdgeGeometry &eg = layout.edges[e];
            if (!eg.visible || (!moved.contains(edge.source) && !moved.contains(edge.target)))
                continue;
            const ImageGeometry &s = layout.images.at(edge.source);
            const ImageGeometry &t = layout.images.at(edge.target);
            const LayoutPort sp = edgeSourcePort(conveyor, edge, s);
            const LayoutPort tp = edgeTargetPort(conveyor, edge, t, options.metrics);
            eg.route = orthogonalRoute(s.rect.topLeft() + sp.offset,
                                       sp.side,
                                       t.rect.topLeft() + tp.offset,
                                       tp.side);
        }
    }

    QRectF bounds;
    for (const ImageGeometry &g : std::as_const(layout.images)) {
        if (g.visible)
            bounds |= g.rect;
    }
    for (const EdgeGeometry &eg : std::as_const(layout.edges)) {
        if (eg.visible && !eg.route.isEmpty())
            bounds |= eg.route.boundingRect();
    }
    layout.bounds = bounds;
    return layout;
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace Stagecraft::Model {

/** Which side of a node an edge leaves or enters through. */
enum class PortSide {
    Left,
    Right,
    Top,
    Bottom,
};

/** A point on a node's border, relative to the node's top-left corner. */
struct LayoutPort
{
    QPointF offset;
    PortSide side = PortSide::Right;
};

struct LayoutNode
{
    /** Stable identity: orders nodes before crossing reduction, so edits elsewhere do not reorder. */
    QString key;
    QSizeF size;
};

struct LayoutEdge
{
    int source = -1; ///< the dependency; edges point from dependency to dependant
    int target = -1;
    LayoutPort sourcePort{{0, 0}, PortSide::Right};
    LayoutPort targetPort{{0, 0}, PortSide::Left};
};

struct LayoutGraph
{
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
};

struct LayoutOptions
{
    qreal nodeGap = 26;       ///< vertical space between two nodes of a layer
    /**
     * Extra vertical space per edge entering/leaving through Top/Bottom: the distance between
     * stacked entry runs, each of which carries its import label (11 px text) above it.
     */
    qreal entrySpacing = 18;
    qreal channelMargin = 22; ///< space between a layer and its first/last edge track
    qreal trackSpacing = 9;   ///< horizontal distance between vertical edge tracks in a channel
    qreal componentGap = 60;  ///< vertical space between unconnected parts of the graph
    qreal dummyHeight = 4;    ///< height reserved for an edge passing through a layer
    int sweeps = 12;          ///< barycenter sweeps for crossing reduction
};

struct LayoutResult
{
    QList<QPointF> positions; ///< top-left corner of each node
    QList<int> layers;        ///< layer (column) of each node
    QList<QPolygonF> routes;  ///< orthogonal polyline of each edge, from source port to target port
    QRectF bounds;
    /** Number of edges that had to be ignored for layering because they close a cycle. */
    int reversedEdges = 0;
};

/**
 * A deterministic layered (Sugiyama-style) layout for dependency graphs drawn left to right.
 *
 * Layers are longest-path layers (a node sits right of all its dependencies, like werf's
 * dependency sets); long edges get pass-through slots in the layers they cross; the order within
 * a layer starts from the nodes' keys and is improved by barycenter sweeps; nodes are placed in
 * columns and edges routed orthogonally through per-channel tracks. Connected components are laid
 * out independently and packed in key order into rows of a quantised width, so an edit in one
 * part leaves the parts before it in place and the others' shapes intact. It is a pure function:
 * the same graph gives the same result.
 */
LayoutResult layoutGraph(const LayoutGraph &graph, const LayoutOptions &options = {});

/** A simple orthogonal route between two ports, for edges of nodes moved by hand. */
QPolygonF orthogonalRoute(const QPointF &from,
                          PortSide fromSide,
                          const QPointF &to,
                          PortSide toSide);

} // namespace Stagecraft::Model

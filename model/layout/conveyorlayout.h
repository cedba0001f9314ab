// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "graphlayout.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QString>

#include <functional>

namespace Stagecraft::Model {

/** Sizes of the pieces of an image node; the scene draws with the same numbers. */
struct ConveyorMetrics
{
    qreal headerHeight = 26; ///< name, kind and status summary
    qreal padding = 7;
    qreal stageWidth = 124; ///< used when no stageTextWidth is given
    qreal stageMinWidth = 64;
    qreal stageTextPadding = 22; ///< room for the status bar and margins around a stage name
    qreal stageHeight = 32;
    qreal stageSpacing = 5;
    qreal collapsedMinWidth = 170;
    qreal summaryHeight = 14; ///< the status strip of a collapsed node
    qreal externalHeight = 30;
    qreal dockerfileStageWidth = 92; ///< one `FROM … AS` stage inside the dockerfile stage
    qreal dockerfileStageHeight = 24;
    qreal badgeWidth = 74;  ///< room for the kind badge in the header
    qreal markerWidth = 22; ///< room for the problems marker between the name and the badge
    qreal nameLeft = 12;    ///< where the header name starts
};

struct ConveyorLayoutOptions
{
    ConveyorMetrics metrics;
    LayoutOptions graph;
    /** Images drawn collapsed, by imageKey(). */
    QSet<QString> collapsed;
    bool collapseAll = false;
    /** When non-empty, only these images (indices) are laid out; the rest are hidden. */
    QSet<int> visible;
    /** Positions the user dragged nodes to (top-left), by imageKey(); these override the layout. */
    QHash<QString, QPointF> manualPositions;
    /** Number of `FROM` stages of Dockerfile images whose Dockerfile is readable, by imageKey(). */
    QHash<QString, int> dockerfileStages;
    /** Images whose header shows a problems marker (metrics.markerWidth wide), by imageKey(). */
    QSet<QString> marked;
    /** Width of a header text; the default estimates 7 px per character. */
    std::function<qreal(const QString &)> textWidth;
    /**
     * Width of an external image's name, which is drawn in the stage font (it is a reference,
     * not one of the project's images); when unset, textWidth is used.
     */
    std::function<qreal(const QString &)> externalTextWidth;
    /** Width of a stage name; when set, stage boxes are as wide as their names need. */
    std::function<qreal(const QString &)> stageTextWidth;
};

struct ImageGeometry
{
    bool visible = true;
    bool collapsed = false;
    bool manual = false; ///< placed by the user (manualPositions)
    int layer = 0;
    QRectF rect;
    /** Width of the header name (textWidth); imports come down beside it, not through it. */
    qreal nameWidth = 0;
    /** The header shows a problems marker left of the kind badge (ConveyorLayoutOptions::marked). */
    bool marked = false;
    /** Scene rects of the stages, parallel to ConveyorImage::stages; empty when collapsed. */
    QList<QRectF> stageRects;
    /** Scene rects of the Dockerfile's own stages inside the `dockerfile` stage. */
    QList<QRectF> dockerfileStageRects;
};

struct EdgeGeometry
{
    bool visible = true;
    QPolygonF route;
    PortSide sourceSide = PortSide::Right;
    PortSide targetSide = PortSide::Left;
};

/** Where everything of a conveyor goes in the scene. */
struct ConveyorLayout
{
    QList<ImageGeometry> images; ///< parallel to Conveyor::images
    QList<EdgeGeometry> edges;   ///< parallel to Conveyor::edges
    QRectF bounds;
};

/** "image:app", "artifact:tools", "dockerfile:web", "external:alpine": stable across reloads. */
QString imageKey(const ConveyorImage &image);

/**
 * Lays the conveyor out as a left-to-right layered graph of image lanes (see layoutGraph()).
 * Edges attach at the stage where they act: from* edges enter the `from` stage from the left,
 * imports enter their imports stage from above and leave the source's `stage:` from below (or the
 * source's last stage from the right). Pure and deterministic.
 */
ConveyorLayout layoutConveyor(const Conveyor &conveyor, const ConveyorLayoutOptions &options = {});

/** Where an edge attaches to its image for the given geometry (scene coordinates). */
LayoutPort edgeSourcePort(const Conveyor &conveyor,
                          const ConveyorEdge &edge,
                          const ImageGeometry &source);
LayoutPort edgeTargetPort(const Conveyor &conveyor,
                          const ConveyorEdge &edge,
                          const ImageGeometry &target,
                          const ConveyorMetrics &metrics = {});

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "layout/graphlayout.h"

#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPolygonF>

namespace Stagecraft::Ui {

class ConveyorScene;

/**
 * A dependency between two images, drawn along its layout route: from* edges solid into the
 * `from` stage, imports dashed and labelled `add → to` into their imports stage, dependencies
 * dotted.
 */
class EdgeItem final : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 3 };

    EdgeItem(int edge, Model::EdgeKind kind, const QString &label);

    int type() const override { return Type; }
    int edge() const { return m_edge; }
    void setEdge(int edge) { m_edge = edge; }
    Model::EdgeKind kind() const { return m_kind; }
    const QPolygonF &route() const { return m_route; }
    /** Where the import label is drawn (scene coordinates, the item sits at the origin); null without one. */
    QRectF labelRect() const { return m_labelRect; }

    /**
     * @p labelLeft is where the label may start at the furthest left: the target's left edge,
     * since left of it the channel's tracks cross the entry run and the label would hide them.
     */
    void setRoute(const QPolygonF &route, qreal labelLeft = -1e9);
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    ConveyorScene *conveyorScene() const;
    QRectF computeLabelRect() const;

    int m_edge = -1;
    Model::EdgeKind m_kind = Model::EdgeKind::FromImage;
    QString m_label;
    QPolygonF m_route;
    qreal m_labelLeft = -1e9;
    // Computed once per route: boundingRect() runs for every item on every paint and hit test.
    QRectF m_labelRect;
    QString m_elidedLabel;
    QRectF m_bounds;
    /** The hit area, made on first use (the view hit-tests on every mouse move). */
    mutable QPainterPath m_shape;
    bool m_dimmed = false;
    bool m_highlighted = false;
};

} // namespace Stagecraft::Ui

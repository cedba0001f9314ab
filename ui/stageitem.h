// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QGraphicsItem>
#include <QList>

namespace Stagecraft::Ui {

class ConveyorScene;

/**
 * One stage box inside an expanded image: a status bar in the status colour and the stage name.
 * The `dockerfile` stage also shows the Dockerfile's own build stages when they are known.
 */
class StageItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    StageItem(int image,
              int stageRow,
              Model::StageId stage,
              const QSizeF &size,
              QGraphicsItem *parent);

    int type() const override { return Type; }
    int image() const { return m_image; }
    void setImage(int image) { m_image = image; }
    int stageRow() const { return m_stageRow; }
    Model::StageId stage() const { return m_stage; }

    /** Boxes of the Dockerfile's own stages, in local coordinates. */
    void setDockerfileStageRects(const QList<QRectF> &rects) { m_dockerfileRects = rects; }

    /** The box itself (local coordinates); boundingRect() also holds the badge and pen. */
    QRectF boxRect() const { return QRectF(QPointF(0, 0), m_size); }
    /** Where the stage name is drawn (local coordinates); the name is elided beyond it. */
    QRectF nameRect() const;
    /**
     * The what-if badge of an invalidated stage (local coordinates): on the box's top-right
     * corner, so that it takes no room from the name.
     */
    QRectF badgeRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    // Dragging a stage drags its image: the boxes fill most of a node, so users grab them.
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    ConveyorScene *conveyorScene() const;

    int m_image = -1;
    int m_stageRow = -1;
    Model::StageId m_stage = Model::StageId::From;
    QSizeF m_size;
    QList<QRectF> m_dockerfileRects;
    bool m_dragged = false;
    QPointF m_parentStart;
};

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QGraphicsItem>

namespace Stagecraft::Ui {

class ConveyorScene;
struct ScenePalette;

/**
 * One image of the conveyor: a header with its name, kind and status summary and, when
 * expanded, its stages as child StageItems. External bases are dashed, artifacts have chamfered
 * corners. It can be dragged; the scene remembers where.
 */
class ImageNodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    ImageNodeItem(int image, Model::ImageKind kind, const QSizeF &size, bool collapsed);

    int type() const override { return Type; }
    int image() const { return m_image; }
    /** The item stays when an edit moves its image to another index of the conveyor. */
    void setImage(int image) { m_image = image; }
    Model::ImageKind kind() const { return m_kind; }
    bool isCollapsed() const { return m_collapsed; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    /** The header band (local coordinates): dragging and double-clicking act here. */
    QRectF headerRect() const;
    /** The kind badge on the right of the header (local coordinates). */
    QRectF kindBadgeRect() const;
    /** Where the name is drawn (local coordinates), left of the badge and problems marker. */
    QRectF nameRect() const;
    /**
     * The header width beyond the name's own, at the palette's fonts: margins, the widest kind
     * badge and the gap to it (ConveyorMetrics::badgeWidth plus twice its padding).
     */
    static qreal headerChrome(const ScenePalette &palette);
    /** The header width the problems marker takes from the name (ConveyorMetrics::markerWidth). */
    static qreal markerRoom();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    ConveyorScene *conveyorScene() const;
    QPainterPath outline() const;
    /** The name alone in @p font, @p pixelSize scene pixels high, in @p band: the far-zoom label. */
    void drawFarName(QPainter *painter,
                     const QRectF &band,
                     const QColor &color,
                     QFont font,
                     qreal pixelSize) const;

    int m_image = -1;
    Model::ImageKind m_kind = Model::ImageKind::Image;
    QSizeF m_size;
    bool m_collapsed = false;
    bool m_dimmed = false;
    bool m_highlighted = false;
    QPointF m_pressPos;
};

} // namespace Stagecraft::Ui

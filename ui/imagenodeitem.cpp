// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagenodeitem.h"

#include "conveyorscene.h"
#include "layout/conveyorlayout.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
constexpr qreal s_radius = 6;
constexpr qreal s_chamfer = 9;

constexpr qreal s_nameLeft = 12;
constexpr qreal s_badgeRightMargin = 7;
constexpr qreal s_badgeGap = 6;
constexpr qreal s_markerSize = 16;

QString kindBadge(ImageKind kind)
{
    // werf's own words; not translated, like the directive names.
    switch (kind) {
    case ImageKind::Image:
        return QStringLiteral("image");
    case ImageKind::Artifact:
        return QStringLiteral("artifact");
    case ImageKind::Dockerfile:
        return QStringLiteral("dockerfile");
    case ImageKind::External:
        return QStringLiteral("external");
    }
    return {};
}
} // namespace

ImageNodeItem::ImageNodeItem(int image, ImageKind kind, const QSizeF &size, bool collapsed)
    : m_image(image)
    , m_kind(kind)
    , m_size(size)
    , m_collapsed(collapsed)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
}

ConveyorScene *ImageNodeItem::conveyorScene() const
{
    return qobject_cast<ConveyorScene *>(scene());
}

QRectF ImageNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-3, -3, 3, 3);
}

QPainterPath ImageNodeItem::outline() const
{
    const QRectF r(QPointF(0, 0), m_size);
    QPainterPath path;
    if (m_kind == ImageKind::Artifact) {
        // Chamfered corners: artifacts read as "parts", not as images, even in greyscale.
        path.moveTo(r.left() + s_chamfer, r.top());
        path.lineTo(r.right() - s_chamfer, r.top());
        path.lineTo(r.right(), r.top() + s_chamfer);
        path.lineTo(r.right(), r.bottom() - s_chamfer);
        path.lineTo(r.right() - s_chamfer, r.bottom());
        path.lineTo(r.left() + s_chamfer, r.bottom());
        path.lineTo(r.left(), r.bottom() - s_chamfer);
        path.lineTo(r.left(), r.top() + s_chamfer);
        path.closeSubpath();
    } else {
        path.addRoundedRect(r, s_radius, s_radius);
    }
    return path;
}

QPainterPath ImageNodeItem::shape() const
{
    return outline();
}

QRectF ImageNodeItem::headerRect() const
{
    return QRectF(0, 0, m_size.width(), std::min<qreal>(26, m_size.height()));
}

qreal ImageNodeItem::headerChrome(const ScenePalette &palette)
{
    const QFontMetricsF metrics(palette.smallFont());
    qreal badge = 0;
    for (ImageKind kind : {ImageKind::Image, ImageKind::Artifact, ImageKind::Dockerfile})
        badge = std::max(badge, metrics.horizontalAdvance(kindBadge(kind)) + 12);
    return std::ceil(s_nameLeft + s_badgeGap + badge + s_badgeRightMargin);
}

qreal ImageNodeItem::markerRoom()
{
    return s_markerSize + 6;
}

QRectF ImageNodeItem::kindBadgeRect() const
{
    const ConveyorScene *s = conveyorScene();
    const QFontMetricsF metrics(s ? s->scenePalette().smallFont() : QFont());
    const qreal width = metrics.horizontalAdvance(kindBadge(m_kind)) + 12;
    return QRectF(m_size.width() - width - s_badgeRightMargin, 5, width, 16);
}

QRectF ImageNodeItem::nameRect() const
{
    if (m_kind == ImageKind::External)
        return QRectF(QPointF(0, 0), m_size).adjusted(10, 0, -10, 0);
    qreal right = kindBadgeRect().left() - s_badgeGap;
    if (const ConveyorScene *s = conveyorScene(); s && s->problemCount(m_image) > 0)
        right -= markerRoom();
    return QRectF(s_nameLeft, 0, right - s_nameLeft, headerRect().height());
}

void ImageNodeItem::drawFarName(QPainter *painter,
                                const QRectF &band,
                                const QColor &color,
                                QFont font,
                                qreal pixelSize) const
{
    const ConveyorScene *s = conveyorScene();
    const int ownSize = font.pixelSize();
    font.setPixelSize(std::max(1, qRound(pixelSize)));
    const QRectF text = band.adjusted(10, 0, -10, 0);
    // A long name (a registry path) gets smaller rather than cut: at this distance the user
    // reads names to tell the nodes apart, and the middle of an elided path is often where two
    // differ. Not below the node's own text size, which the layout made room for.
    const QString name = s->conveyor().images.at(m_image).displayName();
    const qreal width = QFontMetricsF(font).horizontalAdvance(name);
    if (width > text.width()) {
        const int minimum = std::min(font.pixelSize(), ownSize);
        font.setPixelSize(
                std::max(minimum, int(std::floor(font.pixelSize() * text.width() / width))));
    }
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(text,
                      Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(font).elidedText(name, Qt::ElideMiddle, text.width()));
}

void ImageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const ConveyorScene *s = conveyorScene();
    if (!s)
        return;
    const ScenePalette &pal = s->scenePalette();
    const ConveyorImage &image = s->conveyor().images.at(m_image);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor accent = pal.kindColor(image.kind);
    const QRectF r(QPointF(0, 0), m_size);
    const bool selected = isSelected();

    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPainterPath path = outline();

    if (image.kind == ImageKind::External) {
        QPen pen(selected        ? pal.selection
                 : m_highlighted ? pal.highlight
                                 : accent,
                 selected || m_highlighted ? 2.0 : 1.4,
                 Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(pal.nodeFill);
        painter->drawPath(path);
        if (lod < farNameLevelOfDetail)
            return;
        if (lod < textLevelOfDetail) {
            drawFarName(painter,
                        r,
                        pal.secondaryText,
                        pal.stageFont(),
                        std::min<qreal>(18, r.height() * 0.7));
            return;
        }
        painter->setFont(pal.stageFont());
        painter->setPen(pal.secondaryText);
        const QRectF text = nameRect();
        painter->drawText(text,
                          Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(pal.stageFont())
                                  .elidedText(image.displayName(), Qt::ElideMiddle, text.width()));
        return;
    }

    painter->setPen(Qt::NoPen);
    painter->setBrush(pal.nodeFill);
    painter->drawPath(path);

    // Header tint and the kind stripe, clipped to the outline.
    painter->save();
    painter->setClipPath(path);
    QColor tint = accent;
    tint.setAlphaF(pal.dark ? 0.26f : 0.12f);
    const QRectF header(0, 0, r.width(), std::min<qreal>(26, r.height()));
    painter->fillRect(header, tint);
    painter->fillRect(QRectF(0, 0, 4, r.height()), accent);
    painter->restore();

    QPen border(pal.nodeBorder, 1.0);
    if (m_highlighted)
        border = QPen(pal.highlight, 2.0);
    if (selected)
        border = QPen(pal.selection, 2.4);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);

    if (lod < textLevelOfDetail) {
        // Zoomed far out the kind colour carries the node; text would only be noise.
        QColor far = accent;
        far.setAlphaF(0.35f);
        painter->fillPath(path, far);
        painter->setPen(QPen(selected ? pal.selection : accent, selected ? 4 : 2));
        painter->drawPath(path);
        if (m_collapsed) {
            // Zoomed far out a collapsed node is a status bar and nothing else.
            painter->fillRect(QRectF(8, r.height() - 14, r.width() - 16, 8),
                              stageStatusColor(s->imageStatus(m_image)));
        }
        if (lod >= farNameLevelOfDetail)
            drawFarName(painter, QRectF(0, 0, r.width(), 26), pal.text, pal.nameFont(), 20);
        return;
    }

    // Kind badge on the right of the header.
    const QFont small = pal.smallFont();
    const QString badge = kindBadge(image.kind);
    const QRectF badgeRect = kindBadgeRect();
    painter->setPen(QPen(accent, 1));
    QColor badgeFill = accent;
    badgeFill.setAlphaF(pal.dark ? 0.30f : 0.14f);
    painter->setBrush(badgeFill);
    painter->drawRoundedRect(badgeRect, 8, 8);
    painter->setFont(small);
    painter->setPen(pal.dark ? accent.lighter(130) : accent.darker(115));
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    // Problems marker before the badge.
    const int problems = s->problemCount(m_image);
    if (problems > 0) {
        const QRectF marker(badgeRect.left() - s_badgeGap - s_markerSize,
                            5,
                            s_markerSize,
                            s_markerSize);
        painter->setPen(Qt::NoPen);
        painter->setBrush(s->hasErrors(m_image) ? pal.error
                                                : stageStatusColor(StageStatus::Invalidated));
        painter->drawEllipse(marker);
        painter->setPen(Qt::white);
        painter->drawText(marker,
                          Qt::AlignCenter,
                          problems > 9 ? QStringLiteral("!") : QString::number(problems));
    }

    const QFont nameFont = pal.nameFont();
    painter->setFont(nameFont);
    painter->setPen(pal.text);
    const QRectF name = nameRect();
    painter->drawText(name,
                      Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(nameFont).elidedText(image.displayName(),
                                                         Qt::ElideMiddle,
                                                         name.width()));

    if (m_collapsed) {
        // The stage-status summary: one segment per stage, in conveyor order.
        const QList<ConveyorStage> &stages = image.stages;
        const QRectF strip(12, 30, r.width() - 24, 8);
        if (!stages.isEmpty()) {
            const qreal w = strip.width() / qreal(stages.size());
            for (int i = 0; i < stages.size(); ++i) {
                const QRectF seg(strip.left() + i * w,
                                 strip.top(),
                                 std::max<qreal>(w - 1.5, 1),
                                 strip.height());
                painter->fillRect(seg, stageStatusColor(s->stageStatus(m_image, stages.at(i).id)));
            }
        }
    }
}

void ImageNodeItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? 0.25 : 1.0);
}

void ImageNodeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QVariant ImageNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (ConveyorScene *s = conveyorScene())
            s->handleNodeMoved(m_image);
    } else if (change == ItemSelectedHasChanged) {
        update();
    }
    return QGraphicsItem::itemChange(change, value);
}

void ImageNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    if (ConveyorScene *s = conveyorScene())
        s->setHoveredImage(m_image);
    QGraphicsItem::hoverEnterEvent(event);
}

void ImageNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    if (ConveyorScene *s = conveyorScene()) {
        if (s->hoveredImage() == m_image)
            s->setHoveredImage(-1);
    }
    QGraphicsItem::hoverLeaveEvent(event);
}

void ImageNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPos = pos();
    QGraphicsItem::mousePressEvent(event);
}

void ImageNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (pos() != m_pressPos) {
        if (ConveyorScene *s = conveyorScene())
            s->handleNodeDragFinished(m_image, event->scenePos());
    }
}

void ImageNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseDoubleClickEvent(event);
    if (ConveyorScene *s = conveyorScene()) {
        // Collapsing rebuilds the items, this one included: not from inside its own handler.
        const int image = m_image;
        QMetaObject::invokeMethod(
                s,
                [s, image] {
                    s->toggleCollapsed(image);
                    emit s->imageActivated(image);
                },
                Qt::QueuedConnection);
    }
}

} // namespace Stagecraft::Ui

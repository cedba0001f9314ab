// SPDX-License-Identifier: GPL-3.0-or-later
#include "stageitem.h"

#include "conveyorscene.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
/** Named stages by their AS name; unnamed ones as Docker numbers them. */
QString stageLabel(const DockerfileStage &stage, int index)
{
    return stage.name == QString::number(index) ? u'#' + stage.name : stage.name;
}
} // namespace

StageItem::StageItem(
        int image, int stageRow, StageId stage, const QSizeF &size, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_image(image)
    , m_stageRow(stageRow)
    , m_stage(stage)
    , m_size(size)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
}

ConveyorScene *StageItem::conveyorScene() const
{
    return qobject_cast<ConveyorScene *>(scene());
}

namespace {
constexpr qreal s_badgeSize = 13;
/** The name's line: the whole box, or the label row above a Dockerfile's own stages. */
constexpr qreal s_dockerfileLineHeight = 26;
} // namespace

QRectF StageItem::nameRect() const
{
    const qreal lineHeight = m_dockerfileRects.isEmpty() ? m_size.height() : s_dockerfileLineHeight;
    return QRectF(10, 0, m_size.width() - 14, lineHeight);
}

QRectF StageItem::badgeRect() const
{
    // Half over the gap above the box (the header band's lower edge, clear of the kind badge)
    // and the gap to the next box; the name's line starts below it.
    return QRectF(m_size.width() - s_badgeSize + 4, -4, s_badgeSize, s_badgeSize);
}

QRectF StageItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2)
           | badgeRect().adjusted(-1, -1, 1, 1);
}

void StageItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const ConveyorScene *s = conveyorScene();
    if (!s)
        return;
    const ScenePalette &pal = s->scenePalette();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const StageStatus status = s->stageStatus(m_image, m_stage);
    const QColor color = stageStatusColor(status);
    const QRectF r(QPointF(0, 0), m_size);

    if (lod < textLevelOfDetail) {
        painter->fillRect(r, color);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPainterPath box;
    box.addRoundedRect(r, 4, 4);
    painter->fillPath(box, pal.stageFill(color));
    painter->save();
    painter->setClipPath(box);
    painter->fillRect(QRectF(0, 0, 5, r.height()), color);
    painter->restore();
    const bool selected = isSelected();
    painter->setPen(selected ? QPen(pal.selection, 2.2)
                             : QPen(color.darker(pal.dark ? 80 : 110), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(box);

    const QFont font = pal.stageFont();
    painter->setFont(font);
    painter->setPen(pal.text);
    const QRectF text = nameRect();
    painter->drawText(text,
                      Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(font).elidedText(stageName(m_stage),
                                                     Qt::ElideRight,
                                                     text.width()));
    // The what-if badge: colour alone is not enough (colour vision, greyscale prints). It sits
    // on the corner, drawn last, so that it neither shortens the name nor hides under it.
    if (status == StageStatus::Invalidated) {
        const QRectF circle = badgeRect();
        painter->setPen(QPen(pal.nodeFill, 1.5));
        painter->setBrush(color);
        painter->drawEllipse(circle);
        QFont bold = font;
        bold.setBold(true);
        bold.setPixelSize(int(s_badgeSize * 0.75));
        painter->setFont(bold);
        painter->setPen(Qt::white);
        painter->drawText(circle, Qt::AlignCenter, QStringLiteral("!"));
        painter->setFont(font);
    }

    if (m_dockerfileRects.isEmpty())
        return;
    // The Dockerfile's own build stages and what they take from each other.
    const QList<DockerfileStage> stages = s->dockerfileStages(m_image);
    const QColor accent = pal.kindColor(ImageKind::Dockerfile);
    const QFont small = pal.smallFont();
    const QFontMetricsF sm(small);
    painter->setFont(small);
    for (int i = 0; i < m_dockerfileRects.size() && i < stages.size(); ++i) {
        const QRectF &sr = m_dockerfileRects.at(i);
        painter->setPen(QPen(accent, 1));
        painter->setBrush(pal.nodeFill);
        painter->drawRoundedRect(sr, 3, 3);
        painter->setPen(pal.text);
        painter->drawText(sr.adjusted(5, 0, -4, 0),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          sm.elidedText(stageLabel(stages.at(i), i),
                                        Qt::ElideRight,
                                        sr.width() - 9));
        for (int d : stages.at(i).dependsOn) {
            if (d < 0 || d >= m_dockerfileRects.size())
                continue;
            const QRectF &from = m_dockerfileRects.at(d);
            QPainterPath arrow;
            const QPointF a(from.center().x(), from.top());
            const QPointF b(sr.center().x(), sr.top());
            arrow.moveTo(a);
            arrow.cubicTo(a + QPointF(0, -7), b + QPointF(0, -7), b);
            painter->setPen(QPen(accent, 1.2));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(arrow);
            QPainterPath head;
            head.moveTo(b);
            head.lineTo(b + QPointF(-3, -4.5));
            head.lineTo(b + QPointF(3, -4.5));
            head.closeSubpath();
            painter->fillPath(head, accent);
        }
    }
}

QVariant StageItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

void StageItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragged = false;
    m_parentStart = parentItem() ? parentItem()->pos() : QPointF();
    QGraphicsItem::mousePressEvent(event);
    event->accept();
}

void StageItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !parentItem())
        return;
    const QPointF delta = event->scenePos() - event->buttonDownScenePos(Qt::LeftButton);
    if (!m_dragged && delta.manhattanLength() < 4)
        return;
    m_dragged = true;
    parentItem()->setPos(m_parentStart + delta);
}

void StageItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (m_dragged) {
        m_dragged = false;
        if (ConveyorScene *s = conveyorScene())
            s->handleNodeDragFinished(m_image, event->scenePos(), m_stage);
    }
}

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "edgeitem.h"

#include "conveyorscene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
constexpr qreal s_arrowLength = 8;
constexpr qreal s_cornerRadius = 5;
constexpr qreal s_minScreenWidth = 1.2;
/** Narrower than this an elided import label says too little; it is then drawn whole. */
constexpr qreal s_minLabelWidth = 60;
/** Within boundingRect()'s margin (the arrow length) on either side of the route. */
constexpr qreal s_maxSceneWidth = 14;
} // namespace

EdgeItem::EdgeItem(int edge, EdgeKind kind, const QString &label)
    : m_edge(edge)
    , m_kind(kind)
    , m_label(label)
{
    // Above the nodes, unlike most node editors: routes run in the gaps between lanes, and the
    // last few pixels of an import cross the target's header to reach the stage box itself.
    setZValue(1);
    setAcceptHoverEvents(false);
    // Selectable, so that Delete in the view can remove the import behind an edge; shape() is
    // the thin stroke around the route, so clicks next to it still reach the nodes.
    setFlag(ItemIsSelectable);
    setAcceptedMouseButtons(Qt::LeftButton);
    // The label is elided to its run; pointing at it shows it whole (shape() holds the label).
    if (!m_label.isEmpty())
        setToolTip(m_label);
}

ConveyorScene *EdgeItem::conveyorScene() const
{
    return qobject_cast<ConveyorScene *>(scene());
}

void EdgeItem::setRoute(const QPolygonF &route, qreal labelLeft)
{
    prepareGeometryChange();
    m_route = route;
    m_labelLeft = labelLeft;
    QPainterPath path;
    if (route.size() >= 2) {
        path.moveTo(route.first());
        // Rounded bends; the last segment stops short of the port, where the arrow head sits.
        for (int i = 1; i < route.size(); ++i) {
            QPointF p = route.at(i);
            if (i == route.size() - 1) {
                const QPointF d = p - route.at(i - 1);
                const qreal len = std::hypot(d.x(), d.y());
                if (len > s_arrowLength)
                    p -= d / len * (s_arrowLength - 1);
                path.lineTo(p);
                break;
            }
            const QPointF prev = route.at(i - 1);
            const QPointF next = route.at(i + 1);
            const QPointF in = p - prev;
            const QPointF out = next - p;
            const qreal inLen = std::hypot(in.x(), in.y());
            const qreal outLen = std::hypot(out.x(), out.y());
            const qreal r = std::min({s_cornerRadius, inLen / 2, outLen / 2});
            if (r < 0.5 || inLen < 0.01 || outLen < 0.01) {
                path.lineTo(p);
                continue;
            }
            path.lineTo(p - in / inLen * r);
            path.quadTo(p, p + out / outLen * r);
        }
    }
    setPath(path);
    m_labelRect = computeLabelRect();
    m_elidedLabel.clear();
    if (!m_labelRect.isNull()) {
        const ConveyorScene *s = conveyorScene();
        const QFontMetricsF fm(s ? s->scenePalette().smallFont() : QFont());
        m_elidedLabel = fm.elidedText(m_label, Qt::ElideMiddle, m_labelRect.width() - 8);
    }
    QRectF r = path.boundingRect().adjusted(-s_arrowLength,
                                            -s_arrowLength,
                                            s_arrowLength,
                                            s_arrowLength);
    if (!m_route.isEmpty())
        r |= QRectF(m_route.last(), QSizeF(1, 1)).adjusted(-6, -6, 6, 6);
    if (!m_labelRect.isNull())
        r |= m_labelRect.adjusted(-2, -2, 2, 2);
    m_bounds = r;
    m_shape = QPainterPath();
}

void EdgeItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? 0.15 : 1.0);
}

void EdgeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    setZValue(highlighted ? 1.5 : 1);
    update();
}

QRectF EdgeItem::computeLabelRect() const
{
    if (m_label.isEmpty() || m_route.size() < 2)
        return {};
    const ConveyorScene *s = conveyorScene();
    const QFont font = s ? s->scenePalette().smallFont() : QFont();
    const QFontMetricsF fm(font);
    const qreal width = std::min<qreal>(fm.horizontalAdvance(m_label) + 8, 220);
    const qreal height = fm.height() + 2;
    // Above the last horizontal run (the entry above the imports stage), ending at the bend.
    for (int i = int(m_route.size()) - 1; i >= 1; --i) {
        const QPointF a = m_route.at(i - 1);
        const QPointF b = m_route.at(i);
        if (std::abs(a.y() - b.y()) < 0.01 && std::abs(a.x() - b.x()) > 1) {
            const qreal right = std::max(a.x(), b.x()) - 4;
            // Over the target only: further left the run crosses the channel's tracks, which
            // the label's backing would hide. A longer label is elided (the tooltip has it
            // whole), unless that leaves too little of it to read.
            const qreal room = right - std::max(std::min(a.x(), b.x()) + 6, m_labelLeft + 4);
            const qreal fitted = room >= s_minLabelWidth ? std::min(width, room) : width;
            return QRectF(right - fitted, a.y() - height - 1, fitted, height);
        }
    }
    const QPointF end = m_route.last();
    return QRectF(end.x() - width - 4, end.y() - height - 6, width, height);
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    if (m_shape.isEmpty() && !path().isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_shape = stroker.createStroke(path());
        if (!m_labelRect.isNull())
            m_shape.addRect(m_labelRect);
    }
    return m_shape;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const ConveyorScene *s = conveyorScene();
    if (!s || m_route.size() < 2)
        return;
    const ScenePalette &pal = s->scenePalette();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor color = pal.edge;
    Qt::PenStyle style = Qt::SolidLine;
    qreal width = 1.5;
    switch (m_kind) {
    case EdgeKind::FromImage:
    case EdgeKind::FromImageArtifact:
    case EdgeKind::FromExternal:
        width = 1.7;
        break;
    case EdgeKind::Import:
        color = pal.importEdge;
        style = Qt::DashLine;
        break;
    case EdgeKind::Dependency:
        color = pal.dependencyEdge;
        style = Qt::DotLine;
        break;
    }
    if (m_highlighted || isSelected()) {
        color = pal.highlight;
        width += isSelected() ? 2.0 : 1.0;
    }
    // Zoomed out (the whole-graph fit of a large project is at 0.1 to 0.4) a 1.5 px stroke
    // becomes a fraction of a screen pixel and the edges fade out, the dashed imports first:
    // keep them at least about a screen pixel wide.
    if (lod > 0)
        width = std::clamp(s_minScreenWidth / lod, width, s_maxSceneWidth);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen(color, width, style, Qt::FlatCap, Qt::RoundJoin);
    if (style == Qt::DashLine)
        pen.setDashPattern({4, 3});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // Arrow head along the last segment.
    const QPointF tip = m_route.last();
    const QPointF d = tip - m_route.at(m_route.size() - 2);
    const qreal len = std::hypot(d.x(), d.y());
    if (len > 0.01) {
        const QPointF u = d / len;
        const QPointF n(-u.y(), u.x());
        QPolygonF head;
        head << tip << tip - u * s_arrowLength + n * 4 << tip - u * s_arrowLength - n * 4;
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(head);
    }

    if (!m_label.isEmpty() && lod >= 0.6) {
        const QRectF &lr = m_labelRect;
        QColor back = pal.background;
        back.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(back);
        painter->drawRoundedRect(lr, 3, 3);
        const QFont font = pal.smallFont();
        painter->setFont(font);
        painter->setPen(m_highlighted ? pal.highlight : pal.importEdge);
        painter->drawText(lr.adjusted(4, 0, -4, 0),
                          Qt::AlignVCenter | Qt::AlignRight,
                          m_elidedLabel);
    }
}

} // namespace Stagecraft::Ui

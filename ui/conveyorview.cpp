// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorview.h"

#include "conveyorscene.h"
#include "imagenodeitem.h"
#include "scenepalette.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Stagecraft::Ui {

namespace {
constexpr qreal s_minZoom = 0.05;
constexpr qreal s_maxZoom = 4.0;
constexpr qreal s_step = 1.2;
/** A little above the items' text level of detail, so that names stay legible after a fit. */
constexpr qreal s_readableZoom = textLevelOfDetail + 0.05;
/**
 * A graph that fits at this zoom or more is small enough to be shown whole: at the readable zoom
 * it would span at most about two viewports, so cutting it would hide half of a small project
 * (the bundled example's separate `web` image) to gain little. Only larger graphs stop at the
 * readable zoom.
 */
constexpr qreal s_wholeGraphZoom = s_readableZoom / 2;
/** Space around the legend inside its strip. */
constexpr int s_legendInset = 6;

/** The strip below the viewport that shows the legend; painted from the view's scene palette. */
class LegendStrip final : public QWidget
{
public:
    explicit LegendStrip(ConveyorView *view)
        : QWidget(view)
        , m_view(view)
    {
        setObjectName(QStringLiteral("legendStrip"));
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        ConveyorScene *scene = m_view->conveyorScene();
        if (!scene)
            return;
        const ScenePalette &palette = scene->scenePalette();
        painter.fillRect(rect(), palette.background);
        painter.setPen(palette.nodeBorder);
        painter.drawLine(rect().topLeft(), rect().topRight());
        paintLegendStrip(&painter,
                         QPointF(s_legendInset + 4, s_legendInset),
                         palette,
                         width() - 2 * (s_legendInset + 4));
    }

private:
    ConveyorView *m_view;
};
} // namespace

ConveyorView::ConveyorView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("conveyorView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    m_legendStrip = new LegendStrip(this);
    m_legendStrip->hide();
}

ConveyorView::~ConveyorView() = default;

void ConveyorView::setConveyorScene(ConveyorScene *scene)
{
    m_scene = scene;
    setScene(scene);
    updateLegendStrip();
}

qreal ConveyorView::zoom() const
{
    return transform().m11();
}

void ConveyorView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, s_minZoom, s_maxZoom);
    const QTransform t = QTransform::fromScale(zoom, zoom);
    if (t == transform())
        return;
    setTransform(t);
    emit zoomChanged(zoom);
}

void ConveyorView::scaleBy(qreal factor, const QPoint &anchor)
{
    const qreal target = std::clamp(zoom() * factor, s_minZoom, s_maxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const QPointF before = mapToScene(anchor);
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchor);
    const QPointF delta = after - before;
    // Keep the point under the cursor in place.
    horizontalScrollBar()->setValue(horizontalScrollBar()->value()
                                    - int(std::lround(delta.x() * target)));
    verticalScrollBar()->setValue(verticalScrollBar()->value()
                                  - int(std::lround(delta.y() * target)));
    emit zoomChanged(target);
}

void ConveyorView::zoomIn()
{
    scaleBy(s_step, viewport()->rect().center());
}

void ConveyorView::zoomOut()
{
    scaleBy(1 / s_step, viewport()->rect().center());
}

void ConveyorView::resetZoom()
{
    setZoom(1.0);
}

void ConveyorView::fitAll()
{
    if (!m_scene)
        return;
    if (!isVisible() || viewport()->width() < 2 || viewport()->height() < 2) {
        // Fitting into an unsized viewport would zoom to nothing; do it once the view has a size.
        m_fitPending = true;
        return;
    }
    m_fitPending = false;
    // Fit again right after a readable fit (the same key or action twice): the whole graph.
    const bool overview = m_readableFit && transform() == m_readableFitTransform
                          && horizontalScrollBar()->value() == m_readableFitScroll.x()
                          && verticalScrollBar()->value() == m_readableFitScroll.y();
    m_readableFit = false;
    QRectF content = m_scene->contentsRect();
    // A little air around the graph, so that rounding never brings up the scroll bars.
    content.adjust(-content.width() * 0.02,
                   -content.height() * 0.02,
                   content.width() * 0.02,
                   content.height() * 0.02);
    // Twice: the first fit can show or hide the scroll bars, which changes the viewport.
    for (int pass = 0; pass < 2; ++pass) {
        fitInView(content, Qt::KeepAspectRatio);
        // Never blow a small project up beyond 100 %: text would look bloated.
        if (zoom() > 1.0)
            setTransform(QTransform());
        centerOn(content.center());
    }
    if (!overview && zoom() < s_wholeGraphZoom) {
        // The whole graph would only be coloured boxes without names. Show it at the smallest
        // zoom that still has text instead, around the selected image, or else around the
        // graph's hub (the visible image with the most edges, where a user looks first): a map
        // that can be read and panned. Fitting once more shows the whole graph.
        setTransform(QTransform::fromScale(s_readableZoom, s_readableZoom));
        ImageNodeItem *focus = m_scene->imageItem(m_scene->currentImage());
        if (!focus || !focus->isVisible())
            focus = m_scene->imageItem(hubImage());
        if (focus && focus->isVisible())
            centerOn(focus);
        else
            centerOn(content.center());
        m_readableFit = true;
        m_readableFitTransform = transform();
        m_readableFitScroll = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    }
    emit zoomChanged(zoom());
}

int ConveyorView::hubImage() const
{
    const Model::Conveyor &c = m_scene->conveyor();
    QList<int> degree(c.images.size(), 0);
    for (const Model::ConveyorEdge &e : c.edges) {
        if (e.source >= 0 && e.source < degree.size() && e.target >= 0 && e.target < degree.size()) {
            ++degree[e.source];
            ++degree[e.target];
        }
    }
    int hub = -1;
    for (int i = 0; i < degree.size(); ++i) {
        const ImageNodeItem *node = m_scene->imageItem(i);
        if (node && node->isVisible() && (hub < 0 || degree.at(i) > degree.at(hub)))
            hub = i;
    }
    return hub;
}

bool ConveyorView::isShowingWholeGraph() const
{
    if (!m_scene)
        return false;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    return visible.adjusted(-2, -2, 2, 2).contains(m_scene->contentsRect());
}

void ConveyorView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // The viewport changed: with the view (the strip's height depends on its size) or with a
    // scroll bar coming or going (the strip sits right below the viewport).
    updateLegendStrip();
    if (m_fitPending)
        fitAll();
}

void ConveyorView::updateLegendStrip()
{
    int margin = 0;
    if (m_legendVisible && m_scene) {
        const QSizeF size = legendStripSize(m_scene->scenePalette(), legendMaxWidth());
        margin = int(std::ceil(size.height())) + 2 * s_legendInset;
        // In a view too small for it (docks beside it at 200 % scaling) the strip would wrap into
        // a column of names taking the graph's room: then it is left out, and comes back with
        // room.
        if (margin > height() / 4)
            margin = 0;
    }
    if (margin != m_legendMargin) {
        m_legendMargin = margin;
        setViewportMargins(0, 0, 0, margin);
    }
    if (margin == 0) {
        m_legendStrip->hide();
        return;
    }
    const QRect port = viewport()->geometry();
    m_legendStrip->setGeometry(port.left(), port.bottom() + 1, port.width(), margin);
    m_legendStrip->show();
    m_legendStrip->update();
}

void ConveyorView::revealImage(int image)
{
    if (!m_scene)
        return;
    ImageNodeItem *node = m_scene->imageItem(image);
    if (!node || !node->isVisible())
        return;
    const QRectF r = node->sceneBoundingRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (r.width() > visible.width() || r.height() > visible.height()) {
        const qreal factor = std::min(visible.width() / r.width(), visible.height() / r.height())
                             * 0.9;
        setZoom(zoom() * factor);
    }
    ensureVisible(r, 40, 40);
}

void ConveyorView::setLegendVisible(bool visible)
{
    m_legendVisible = visible;
    updateLegendStrip();
}

void ConveyorView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)) {
        // Ctrl/Shift + wheel scroll, as in most diagram tools; Shift scrolls sideways.
        if (event->modifiers() & Qt::ShiftModifier) {
            const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y()
                                                           : event->angleDelta().x();
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
        } else {
            verticalScrollBar()->setValue(verticalScrollBar()->value() - event->angleDelta().y());
        }
        event->accept();
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(s_step, delta / 120.0), event->position().toPoint());
    event->accept();
}

void ConveyorView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        setDragMode(QGraphicsView::ScrollHandDrag);
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        event->accept();
        return;
    case Qt::Key_Minus:
        zoomOut();
        event->accept();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (auto *s = qobject_cast<ConveyorScene *>(scene()))
            s->deleteSelectedEdges();
        event->accept();
        return;
    case Qt::Key_0:
        if (event->modifiers() & Qt::ControlModifier)
            resetZoom();
        else
            fitAll();
        event->accept();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void ConveyorView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void ConveyorView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void ConveyorView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint p = event->position().toPoint();
        const QPoint delta = p - m_panStart;
        m_panStart = p;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void ConveyorView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void ConveyorView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_scene && m_scene->imageItems().isEmpty()) {
        // An empty view (a config with errors, or no images yet) says so instead of showing a
        // legend for nothing.
        painter->save();
        painter->resetTransform();
        painter->setPen(m_scene->scenePalette().secondaryText);
        painter->drawText(
                QRectF(viewport()->rect()).adjusted(20, 20, -20, -20),
                Qt::AlignCenter | Qt::TextWordWrap,
                tr("No images to show.\nOpen a werf.yaml, or see the Problems list if the "
                   "configuration has errors."));
        painter->restore();
    }
}

qreal ConveyorView::legendMaxWidth() const
{
    // The strip wraps rather than running out of a narrow view (long translations). The view's
    // own width, not the viewport's: a scroll bar coming and going must not re-wrap the strip.
    return std::max(width() - 2 * (s_legendInset + 4), 80);
}

QRectF ConveyorView::legendRect() const
{
    if (m_legendMargin == 0 || !m_legendStrip->isVisibleTo(this))
        return {};
    return QRectF(m_legendStrip->geometry());
}

void ConveyorView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // The "no images" text is fixed to the viewport; scrolled pixels would smear it.
    if (m_scene && m_scene->imageItems().isEmpty())
        viewport()->update();
}

void ConveyorView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_scene)
        return;
    int image = -1;
    for (QGraphicsItem *item : items(event->pos())) {
        for (QGraphicsItem *i = item; i; i = i->parentItem()) {
            if (auto *node = qgraphicsitem_cast<ImageNodeItem *>(i)) {
                image = node->image();
                break;
            }
        }
        if (image >= 0)
            break;
    }
    QMenu menu(this);
    if (image >= 0) {
        const QString name = m_scene->conveyor().images.at(image).displayName();
        connect(menu.addAction(tr("Focus on %1").arg(name)),
                &QAction::triggered,
                this,
                [this, image] { emit focusRequested(image); });
        if (m_scene->conveyor().images.at(image).kind != Model::ImageKind::External) {
            connect(menu.addAction(m_scene->isCollapsed(image) ? tr("Expand") : tr("Collapse")),
                    &QAction::triggered,
                    this,
                    [this, image] { m_scene->toggleCollapsed(image); });
        }
        connect(menu.addAction(tr("Copy Name")), &QAction::triggered, this, [name] {
            QGuiApplication::clipboard()->setText(name);
        });
        menu.addSeparator();
    }
    if (m_scene->focusImage() >= 0)
        connect(menu.addAction(tr("Show All Images")), &QAction::triggered, this, [this] {
            emit focusRequested(-1);
        });
    connect(menu.addAction(tr("Fit to View")), &QAction::triggered, this, &ConveyorView::fitAll);
    menu.exec(event->globalPos());
}

void ConveyorView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_scene) {
        m_scene->setScenePalette(ScenePalette::fromPalette(palette()));
        m_legendStrip->update();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateLegendStrip(); // the entries' widths, and so the rows, change
    QGraphicsView::changeEvent(event);
}

} // namespace Stagecraft::Ui

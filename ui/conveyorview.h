// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace Stagecraft::Ui {

class ConveyorScene;

/**
 * The view on the conveyor scene: wheel zooms around the cursor (Ctrl+wheel or Shift+wheel
 * scroll), +/- and Ctrl+0 / 0 zoom, the middle button or Space+drag pans, dragging on the
 * background selects with a rubber band. The status legend is a strip below the graph, outside
 * the viewport (its bottom margin), so it never covers a node at any zoom or scroll position.
 */
class ConveyorView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConveyorView)

public:
    explicit ConveyorView(QWidget *parent = nullptr);
    ~ConveyorView() override;

    void setConveyorScene(ConveyorScene *scene);
    ConveyorScene *conveyorScene() const { return m_scene; }

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /**
     * Fits the graph into the view. A graph too large to read at that zoom is shown at the
     * smallest readable zoom instead (around the selected image, or the image with the most
     * edges); calling fitAll() again right away shows the whole graph.
     */
    void fitAll();
    /** True when the whole graph is inside the viewport. */
    bool isShowingWholeGraph() const;
    /** Scrolls (and zooms out if needed) so the image's node is visible, without zooming in. */
    void revealImage(int image);

    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_legendVisible; }
    /**
     * Where the legend strip is, in the view's own coordinates (below the viewport): empty when
     * hidden, or when the view is too small for it (the strip would take more than a quarter of
     * its height).
     */
    QRectF legendRect() const;

signals:
    void zoomChanged(qreal zoom);
    /** Context menu "Focus on This Image"; -1 for "Show All Images". */
    void focusRequested(int image);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scaleBy(qreal factor, const QPoint &anchor);
    qreal legendMaxWidth() const;
    /** Sizes the bottom viewport margin for the legend and places the strip in it. */
    void updateLegendStrip();
    /** The visible image with the most edges, -1 when there is none. */
    int hubImage() const;

    ConveyorScene *m_scene = nullptr;
    bool m_legendVisible = true;
    QWidget *m_legendStrip = nullptr;
    int m_legendMargin = 0;
    /** fitAll() before the view had a size (a project opened before the window was shown). */
    bool m_fitPending = false;
    bool m_readableFit = false;
    QTransform m_readableFitTransform;
    QPoint m_readableFitScroll;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
};

} // namespace Stagecraft::Ui

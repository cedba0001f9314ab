// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "layout/conveyorlayout.h"
#include "layout/layoutsidecar.h"
#include "models/dockerfilestages.h"
#include "models/stagestatus.h"
#include "scenepalette.h"

#include <QByteArray>
#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace Stagecraft::Ui {

class EdgeItem;
class ImageNodeItem;
class StageItem;

/**
 * The conveyor drawn as a graph: one ImageNodeItem per image (a lane of StageItems in werf's
 * order, or a compact box when collapsed), one EdgeItem per dependency, placed by
 * Model::layoutConveyor(). Items hold indices into the conveyor, not data.
 */
class ConveyorScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConveyorScene)

public:
    explicit ConveyorScene(QObject *parent = nullptr);
    ~ConveyorScene() override;

    /**
     * Shows a conveyor. Dockerfile texts (by image name) add the Dockerfile's own `FROM … AS`
     * stages inside the `dockerfile` stage. The user layout (dragged positions, collapsed nodes)
     * is kept; entries naming images that no longer exist are ignored.
     */
    void setConveyor(const Model::Conveyor &conveyor,
                     const QHash<QString, QByteArray> &dockerfiles = {});
    /** The same, with the project's user layout (sidecar) applied in the same single pass. */
    void setConveyor(const Model::Conveyor &conveyor,
                     const QHash<QString, QByteArray> &dockerfiles,
                     const Model::LayoutSidecar &userLayout);
    const Model::Conveyor &conveyor() const { return m_conveyor; }
    const Model::ConveyorLayout &currentLayout() const { return m_layout; }

    void setStatuses(const Model::StageStatuses &statuses);
    Model::StageStatus stageStatus(int image, Model::StageId stage) const;
    Model::StageStatus imageStatus(int image) const;
    /** Why stages will be rebuilt (keyed like StageStatuses); shown in the stage tooltips. */
    void setStageReasons(const QHash<QString, QStringList> &reasons);
    /** The tooltip of a stage box: image/stage, where it is defined and the reasons. */
    QString stageToolTip(int image, int stageRow) const;

    /**
     * Number of problems per image, shown as a marker on the node; red when one is an error. The
     * marked nodes are laid out again when they change: the marker takes room in the header.
     */
    void setProblemCounts(const QHash<int, int> &counts, const QSet<int> &withErrors = {});
    int problemCount(int image) const { return m_problemCounts.value(image); }
    bool hasErrors(int image) const { return m_problemErrors.contains(image); }

    void setScenePalette(const ScenePalette &palette);
    const ScenePalette &scenePalette() const { return m_palette; }
    /** The background drawn behind the graph; transparent for transparent exports. */
    void setBackgroundColor(const QColor &color);

    /** Dragged positions and collapsed nodes (what the sidecar file stores). */
    Model::LayoutSidecar userLayout() const;
    void setUserLayout(const Model::LayoutSidecar &sidecar);
    /** Forgets dragged positions and collapsed states and lays everything out again. */
    void resetLayout();

    bool isCollapsed(int image) const;
    void setCollapsed(int image, bool collapsed);
    void toggleCollapsed(int image);
    void collapseAll();
    void expandAll();

    /** Shows only the image with its ancestors and descendants; -1 shows everything. */
    void setFocusImage(int image);
    int focusImage() const { return m_focus; }
    /** Shows or hides the external base images (and their edges). */
    void setShowExternal(bool show);
    bool showExternal() const { return m_showExternal; }

    /** Dims the images that do not match (name or stage name); returns the matching images. */
    QList<int> setSearchText(const QString &text);

    /** The images the hovered node depends on, transitively, and those depending on it. */
    QSet<int> ancestors(int image) const;
    QSet<int> descendants(int image) const;
    void setHoveredImage(int image);
    int hoveredImage() const { return m_hovered; }

    ImageNodeItem *imageItem(int image) const;
    StageItem *stageItem(int image, Model::StageId stage) const;
    EdgeItem *edgeItem(int edge) const;
    const QList<ImageNodeItem *> &imageItems() const { return m_nodes; }
    const QList<EdgeItem *> &edgeItems() const { return m_edges; }
    const QList<Model::DockerfileStage> dockerfileStages(int image) const
    {
        return m_dockerfileStages.value(image);
    }

    /** Selects an image (and optionally one of its stages) without emitting currentChanged. */
    void selectImage(int image, std::optional<Model::StageId> stage = std::nullopt);
    int currentImage() const { return m_currentImage; }
    std::optional<Model::StageId> currentStage() const { return m_currentStage; }

    /** The bounding rect of the visible items, with a margin. */
    QRectF contentsRect() const;

    // Called by the items.
    void handleNodeMoved(int image);
    /**
     * dropPoint: where the mouse let go; over another image's stage it is a drop gesture.
     * sourceStage: the stage box the drag started on (the node was dragged by that stage).
     */
    void handleNodeDragFinished(int image,
                                std::optional<QPointF> dropPoint = std::nullopt,
                                std::optional<Model::StageId> sourceStage = std::nullopt);
    /** The image and stage whose stage box holds a scene point, ignoring one image. */
    std::optional<std::pair<int, Model::StageId>> stageAt(const QPointF &point,
                                                          int except = -1) const;
    /** Asks to delete the edges among the selected items (the Delete key in the view). */
    void deleteSelectedEdges();

signals:
    /** The user selected an image or a stage in the scene (stage = -1 for the image itself). */
    void currentChanged(int image, int stage);
    /** A node was double-clicked on its header. */
    void imageActivated(int image);
    /** The user layout (positions, collapsed nodes) changed and should be saved. */
    void userLayoutChanged();
    /** Items were rebuilt (new conveyor, collapse, focus, reset). */
    void layoutRebuilt();
    /**
     * The user dropped an image node onto a stage of another image (the node goes back to its
     * place): onto `from` it means "build on this image", onto another stage "import from it".
     */
    void imageDroppedOnStage(int source, int target, Model::StageId stage);
    /** The same gesture started on a stage of the source: an import reads that stage. */
    void stageDroppedOnStage(int source,
                             Model::StageId sourceStage,
                             int target,
                             Model::StageId stage);
    /** The user deleted a selected edge (an import edge deletes the import). */
    void edgeDeleteRequested(int edge);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void prepareConveyor(const Model::Conveyor &conveyor,
                         const QHash<QString, QByteArray> &dockerfiles);
    void relayout();
    void updateVisibleSet();
    void rebuildItems();
    ImageNodeItem *createNode(int image);
    void applyDimming();
    void rerouteEdgesOf(int image);
    void handleSelectionChanged();
    std::function<qreal(const QString &)> textWidth() const;

    Model::Conveyor m_conveyor;
    Model::StageStatuses m_statuses;
    QHash<QString, QStringList> m_reasons;
    QHash<int, QList<Model::DockerfileStage>> m_dockerfileStages;
    QHash<int, int> m_problemCounts;
    QSet<int> m_problemErrors;
    QSet<int> m_movedDuringDrag;
    Model::ConveyorLayoutOptions m_options;
    Model::ConveyorLayout m_layout;
    ScenePalette m_palette;
    QColor m_background;
    QList<ImageNodeItem *> m_nodes;
    QList<EdgeItem *> m_edges;
    /** What the items show (rebuildItems() keeps the items of unchanged images). */
    Model::Conveyor m_itemsConveyor;
    Model::ConveyorLayout m_itemsLayout;
    /** Text widths measured for the layout, valid for m_widthFonts (see relayout()). */
    QString m_widthFonts;
    std::shared_ptr<QHash<QString, qreal>> m_nameWidths;
    std::shared_ptr<QHash<QString, qreal>> m_stageWidths;
    int m_hovered = -1;
    int m_focus = -1;
    bool m_showExternal = true;
    QString m_search;
    QSet<int> m_matches;
    int m_currentImage = -1;
    std::optional<Model::StageId> m_currentStage;
    bool m_selecting = false;
};

} // namespace Stagecraft::Ui

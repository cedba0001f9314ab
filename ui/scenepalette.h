// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QSizeF>

class QPainter;

namespace Stagecraft::Ui {

/** The colours of the conveyor drawing, derived from the widget palette (light or dark). */
struct ScenePalette
{
    bool dark = false;
    QColor background;
    QColor grid;
    QColor nodeFill;
    QColor nodeBorder;
    QColor text;
    QColor secondaryText;
    QColor edge;
    QColor importEdge;
    QColor dependencyEdge;
    QColor highlight; ///< ancestors/descendants of the hovered node
    QColor selection;
    QColor error;
    QFont font;

    /** Light palette, used for exports with a white or transparent background. */
    static ScenePalette light();
    static ScenePalette dark_();
    /** Light or dark depending on the palette's window colour. */
    static ScenePalette fromPalette(const QPalette &palette);

    QColor kindColor(Model::ImageKind kind) const;
    /** A stage box's fill: the status colour washed into the node colour. */
    QColor stageFill(const QColor &status) const;

    // Pixel sizes, so that layout widths do not depend on the screen's DPI.
    QFont nameFont() const;  ///< image names (bold)
    QFont stageFont() const; ///< stage names
    QFont smallFont() const; ///< badges, edge labels
};

/** Below this level of detail (zoom) the scene's items draw no text: names would be noise. */
inline constexpr qreal textLevelOfDetail = 0.35;
/**
 * From this level of detail up to textLevelOfDetail an image node still shows its name, drawn
 * larger in its header, so that an overview of a small project (which fits only at such a zoom)
 * says which image is which; below it nodes are plain shapes.
 */
inline constexpr qreal farNameLevelOfDetail = 0.2;

/** The status legend: its size, and painting it at a point (used by the view and the export). */
QSizeF legendSize(const ScenePalette &palette);
void paintLegend(QPainter *painter, const QPointF &topLeft, const ScenePalette &palette);
/**
 * The same legend as a strip, for the corner of the view where it must not cover the graph. It
 * wraps into as many rows as `maxWidth` needs (long translations, narrow views), so no entry is
 * ever clipped; an entry wider than maxWidth on its own is elided.
 */
QSizeF legendStripSize(const ScenePalette &palette, qreal maxWidth = 1e9);
void paintLegendStrip(QPainter *painter,
                      const QPointF &topLeft,
                      const ScenePalette &palette,
                      qreal maxWidth = 1e9);

} // namespace Stagecraft::Ui

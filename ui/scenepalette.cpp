// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenepalette.h"

#include "models/stagestatus.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t),
                            float(a.alphaF() * (1 - t) + b.alphaF() * t));
}

struct Legend
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::Legend)
};

} // namespace

ScenePalette ScenePalette::light()
{
    ScenePalette p;
    p.dark = false;
    p.background = QColor(0xf6, 0xf7, 0xf9);
    p.grid = QColor(0xe6, 0xe9, 0xee);
    p.nodeFill = QColor(0xff, 0xff, 0xff);
    p.nodeBorder = QColor(0xc3, 0xc9, 0xd2);
    p.text = QColor(0x1f, 0x23, 0x28);
    p.secondaryText = QColor(0x5a, 0x63, 0x6e);
    p.edge = QColor(0x4a, 0x55, 0x66);
    p.importEdge = QColor(0x7b, 0x4f, 0xb0);
    p.dependencyEdge = QColor(0x6e, 0x77, 0x81);
    p.highlight = QColor(0xe3, 0x6c, 0x09);
    p.selection = QColor(0x09, 0x69, 0xda);
    p.error = QColor(0xcf, 0x22, 0x2e);
    p.font = QGuiApplication::font();
    return p;
}

ScenePalette ScenePalette::dark_()
{
    ScenePalette p;
    p.dark = true;
    p.background = QColor(0x1c, 0x1e, 0x22);
    p.grid = QColor(0x26, 0x29, 0x2e);
    p.nodeFill = QColor(0x2a, 0x2d, 0x33);
    p.nodeBorder = QColor(0x4b, 0x51, 0x5c);
    p.text = QColor(0xe8, 0xea, 0xed);
    p.secondaryText = QColor(0xa4, 0xab, 0xb5);
    p.edge = QColor(0xa9, 0xb3, 0xc1);
    p.importEdge = QColor(0xc0, 0x9b, 0xf0);
    p.dependencyEdge = QColor(0x8e, 0x97, 0xa3);
    p.highlight = QColor(0xff, 0x9e, 0x4a);
    p.selection = QColor(0x4c, 0x9a, 0xff);
    p.error = QColor(0xff, 0x6b, 0x6b);
    p.font = QGuiApplication::font();
    return p;
}

ScenePalette ScenePalette::fromPalette(const QPalette &palette)
{
    ScenePalette p = palette.color(QPalette::Window).lightness() < 128 ? dark_() : light();
    p.selection = palette.color(QPalette::Highlight);
    return p;
}

QColor ScenePalette::kindColor(ImageKind kind) const
{
    switch (kind) {
    case ImageKind::Image:
        return dark ? QColor(0x6f, 0x9c, 0xe0) : QColor(0x2f, 0x5f, 0xa7);
    case ImageKind::Artifact:
        return dark ? QColor(0xb9, 0x8c, 0xf0) : QColor(0x7b, 0x4f, 0xb0);
    case ImageKind::Dockerfile:
        return dark ? QColor(0x4f, 0xc1, 0xc9) : QColor(0x1d, 0x7f, 0x87);
    case ImageKind::External:
        return dark ? QColor(0x9a, 0xa3, 0xad) : QColor(0x6e, 0x77, 0x81);
    }
    return text;
}

QColor ScenePalette::stageFill(const QColor &status) const
{
    return mix(nodeFill, status, dark ? 0.30 : 0.18);
}

QFont ScenePalette::nameFont() const
{
    QFont f = font;
    f.setPixelSize(13);
    f.setBold(true);
    return f;
}

QFont ScenePalette::stageFont() const
{
    QFont f = font;
    f.setPixelSize(12);
    return f;
}

QFont ScenePalette::smallFont() const
{
    QFont f = font;
    f.setPixelSize(11);
    return f;
}

QSizeF legendSize(const ScenePalette &palette)
{
    QFont font = palette.stageFont();
    const QFontMetricsF fm(font);
    qreal width = fm.horizontalAdvance(Legend::tr("Stage status")) + 20;
    for (StageStatus s : allStageStatuses())
        width = std::max(width, fm.horizontalAdvance(stageStatusDisplayName(s)) + 40);
    const QStringList edges{Legend::tr("fromImage / from"),
                            Legend::tr("import (add → to)"),
                            Legend::tr("dependency")};
    for (const QString &e : edges)
        width = std::max(width, fm.horizontalAdvance(e) + 64);
    const qreal row = fm.height() + 4;
    return {width, 12 + row * (1 + allStageStatuses().size() + 1 + edges.size()) + 8};
}

void paintLegend(QPainter *painter, const QPointF &topLeft, const ScenePalette &palette)
{
    painter->save();
    const QSizeF size = legendSize(palette);
    const QRectF box(topLeft, size);
    QColor fill = palette.nodeFill;
    fill.setAlphaF(0.94f);
    painter->setPen(QPen(palette.nodeBorder, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 6, 6);
    QFont font = palette.stageFont();
    const QFontMetricsF fm(font);
    const qreal row = fm.height() + 4;
    qreal y = box.top() + 8;
    QFont bold = font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.text);
    painter->drawText(QRectF(box.left() + 10, y, size.width() - 20, row),
                      Qt::AlignVCenter | Qt::AlignLeft,
                      Legend::tr("Stage status"));
    y += row;
    painter->setFont(font);
    for (StageStatus s : allStageStatuses()) {
        const QRectF swatch(box.left() + 10, y + (row - 12) / 2, 20, 12);
        painter->setPen(QPen(stageStatusColor(s), 1));
        painter->setBrush(palette.stageFill(stageStatusColor(s)));
        painter->drawRoundedRect(swatch, 2, 2);
        painter->fillRect(QRectF(swatch.left(), swatch.top(), 5, swatch.height()),
                          stageStatusColor(s));
        painter->setPen(palette.text);
        painter->drawText(QRectF(box.left() + 38, y, size.width() - 48, row),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          stageStatusDisplayName(s));
        y += row;
    }
    painter->setFont(bold);
    painter->drawText(QRectF(box.left() + 10, y, size.width() - 20, row),
                      Qt::AlignVCenter | Qt::AlignLeft,
                      Legend::tr("Edges"));
    y += row;
    painter->setFont(font);
    const struct
    {
        QString text;
        QColor color;
        Qt::PenStyle style;
    } edges[] = {{Legend::tr("fromImage / from"), palette.edge, Qt::SolidLine},
                 {Legend::tr("import (add → to)"), palette.importEdge, Qt::DashLine},
                 {Legend::tr("dependency"), palette.dependencyEdge, Qt::DotLine}};
    for (const auto &e : edges) {
        const qreal cy = y + row / 2;
        painter->setPen(QPen(e.color, 1.6, e.style, Qt::FlatCap));
        painter->drawLine(QPointF(box.left() + 10, cy), QPointF(box.left() + 42, cy));
        QPainterPath arrow;
        arrow.moveTo(box.left() + 48, cy);
        arrow.lineTo(box.left() + 41, cy - 3.5);
        arrow.lineTo(box.left() + 41, cy + 3.5);
        arrow.closeSubpath();
        painter->fillPath(arrow, e.color);
        painter->setPen(palette.text);
        painter->drawText(QRectF(box.left() + 56, y, size.width() - 64, row),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          e.text);
        y += row;
    }
    painter->restore();
}

namespace {

struct StripEntry
{
    QString text;
    QColor color;
    int kind; // 0 status swatch, 1 solid, 2 dashed, 3 dotted
};

QList<StripEntry> stripEntries(const ScenePalette &palette)
{
    QList<StripEntry> entries;
    for (StageStatus s : allStageStatuses())
        entries.append({stageStatusDisplayName(s), stageStatusColor(s), 0});
    entries.append({Legend::tr("from"), palette.edge, 1});
    entries.append({Legend::tr("import"), palette.importEdge, 2});
    entries.append({Legend::tr("dependency"), palette.dependencyEdge, 3});
    return entries;
}

constexpr qreal s_stripSwatch = 22;
constexpr qreal s_stripGap = 14;

} // namespace

namespace {

/** Where each strip entry goes: its swatch at `pos`, its text after it, rows top to bottom. */
struct StripLayout
{
    QList<QPointF> positions;
    QList<qreal> textWidths;
    QSizeF size;
};

StripLayout layoutStrip(const QList<StripEntry> &entries, const QFontMetricsF &fm, qreal maxWidth)
{
    constexpr qreal margin = 10;
    const qreal rowHeight = fm.height() + 6;
    const qreal available = std::max<qreal>(maxWidth - 2 * margin, s_stripSwatch + 5 + 20);
    StripLayout layout;
    qreal x = 0;
    qreal y = 0;
    qreal widest = 0;
    for (const StripEntry &e : entries) {
        const qreal textWidth = std::min(fm.horizontalAdvance(e.text) + 1,
                                         available - s_stripSwatch - 5);
        const qreal w = s_stripSwatch + 5 + textWidth;
        if (x > 0 && x + w > available) {
            x = 0;
            y += rowHeight;
        }
        layout.positions.append(QPointF(margin + x, 6 + y));
        layout.textWidths.append(textWidth);
        widest = std::max(widest, x + w);
        x += w + s_stripGap;
    }
    layout.size = QSizeF(widest + 2 * margin, y + rowHeight + 6);
    return layout;
}

} // namespace

QSizeF legendStripSize(const ScenePalette &palette, qreal maxWidth)
{
    const QFontMetricsF fm(palette.smallFont());
    return layoutStrip(stripEntries(palette), fm, maxWidth).size;
}

void paintLegendStrip(QPainter *painter,
                      const QPointF &topLeft,
                      const ScenePalette &palette,
                      qreal maxWidth)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QFont font = palette.smallFont();
    const QFontMetricsF fm(font);
    const QList<StripEntry> entries = stripEntries(palette);
    const StripLayout layout = layoutStrip(entries, fm, maxWidth);
    const QRectF box(topLeft, layout.size);
    QColor fill = palette.nodeFill;
    fill.setAlphaF(0.92f);
    painter->setPen(QPen(palette.nodeBorder, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 5, 5);
    painter->setFont(font);
    const qreal rowHeight = fm.height() + 6;
    for (int i = 0; i < entries.size(); ++i) {
        const StripEntry &e = entries.at(i);
        const QPointF at = topLeft + layout.positions.at(i);
        const qreal cy = at.y() + rowHeight / 2;
        if (e.kind == 0) {
            const QRectF swatch(at.x(), cy - 6, s_stripSwatch - 4, 12);
            painter->setPen(QPen(e.color, 1));
            painter->setBrush(palette.stageFill(e.color));
            painter->drawRoundedRect(swatch, 2, 2);
            painter->fillRect(QRectF(swatch.left(), swatch.top(), 4, swatch.height()), e.color);
        } else {
            QPen pen(e.color,
                     1.6,
                     e.kind == 1   ? Qt::SolidLine
                     : e.kind == 2 ? Qt::DashLine
                                   : Qt::DotLine,
                     Qt::FlatCap);
            painter->setPen(pen);
            painter->drawLine(QPointF(at.x(), cy), QPointF(at.x() + s_stripSwatch - 2, cy));
        }
        painter->setPen(palette.text);
        const qreal w = layout.textWidths.at(i);
        painter->drawText(QRectF(at.x() + s_stripSwatch + 5, at.y(), w, rowHeight),
                          Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(e.text, Qt::ElideRight, w));
    }
    painter->restore();
}

} // namespace Stagecraft::Ui

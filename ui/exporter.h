// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "layout/layoutsidecar.h"
#include "models/stagestatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>
#include <QTransform>

#include <optional>

class QIODevice;

namespace Stagecraft::Ui {

class ConveyorScene;

/** `stagecraft export PATH -o OUT.png|.svg|.dot [--scale N] [--transparent] [--no-legend]
 *  [--status-from PLAN.json]`, parsed. */
struct ExportRequest;

struct ExportOptions
{
    qreal scale = 1.0; ///< PNG pixels per scene unit (2 = twice the size)
    /**
     * The user chose the scale (`--scale`, the window's export dialog): it is kept up to
     * maxPngSide pixels a side. Otherwise a large graph is drawn within defaultPngPixels.
     */
    bool scaleGiven = false;
    bool transparent = false; ///< PNG: transparent instead of white background
    bool legend = true;       ///< draw the status legend beside the graph
};

struct ExportRequest
{
    QString input;      ///< werf.yaml or project directory
    QString output;     ///< OUT.png, OUT.svg or OUT.dot
    QString statusFrom; ///< optional `plan --json` output to colour the stages
    ExportOptions options;
};

/**
 * Writes the conveyor view as PNG, SVG or Graphviz DOT: the same drawing as the window, with
 * status colours and legend, in the light palette. Works headless, but PNG and SVG need a
 * QApplication (QGraphicsScene reads the widget style when constructed; under a bare
 * QGuiApplication it crashes): use QApplication with QT_QPA_PLATFORM=offscreen. DOT needs only
 * QCoreApplication.
 */
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::Exporter)

public:
    enum class Format {
        Png,
        Svg,
        Dot,
    };

    /**
     * Parses the arguments after `export` (PATH -o OUT [--scale N] [--transparent]
     * [--no-legend] [--status-from PLAN.json]). Returns nullopt with a usage error.
     */
    static std::optional<ExportRequest> parseArguments(const QStringList &arguments, QString *error);

    /** The format named by a file's suffix (.png, .svg, .dot/.gv); nullopt when unknown. */
    static std::optional<Format> formatForPath(const QString &path);

    /**
     * The export entry point (`stagecraft export PATH -o OUT [--scale N]`). The format follows
     * OUT's suffix. Returns false and sets `error` (a translated sentence) on failure.
     *
     * A PNG that would exceed maxPngSide pixels a side, or defaultPngPixels in all when the
     * scale was not given, is drawn at the largest scale that fits instead, and `notice` says so
     * (the scale used and why); it is left empty otherwise.
     */
    static bool exportToFile(const Model::Conveyor &conveyor,
                             const QString &outPath,
                             const ExportOptions &options,
                             QString *error,
                             const Model::StageStatuses &statuses = {},
                             const QHash<QString, QByteArray> &dockerfiles = {},
                             const Model::LayoutSidecar &userLayout = {},
                             QString *notice = nullptr);

    /**
     * The hard limit, whatever scale was asked for: Qt refuses images beyond 32,767 px a side and
     * many viewers (and GPU textures) beyond 16,384. 16,384² RGBA is 1 GiB, within QImage's
     * 2^31 bytes, and the export itself draws and compresses it in bands of about a megapixel,
     * so its memory does not grow with the image.
     */
    static constexpr int maxPngSide = 16384;
    /**
     * Without an explicit scale a graph is drawn within 32 Mpx (128 MB of 32-bit pixels): what
     * Qt's image reader, and so every Qt-based viewer, opens under its default 128 MiB limit, and
     * what a 1,000-image graph writes in well under a second (time grows with the pixels, about
     * 12 ms per megapixel here). Asking for a scale lifts it: a 150-image graph at scale 1 is
     * 50 Mpx.
     */
    static constexpr qint64 defaultPngPixels = 32'000'000;
    /** The scale renderImage() can use for a scene: options.scale, reduced to the limits. */
    static qreal fittingScale(const ConveyorScene &scene, const ExportOptions &options);

    /** Renders a prepared scene (used by the window's File → Export too). */
    static QImage renderImage(ConveyorScene &scene, const ExportOptions &options);
    /**
     * Draws a prepared scene as PNG onto a device, band by band: each band is compressed on a
     * worker thread while the next is drawn, and the whole image is never held in memory.
     * options.scale must fit the limits (see fittingScale()).
     */
    static bool writePng(ConveyorScene &scene,
                         QIODevice *device,
                         const ExportOptions &options,
                         QString *error);
    static bool writeSvg(ConveyorScene &scene,
                         const QString &path,
                         const ExportOptions &options,
                         QString *error);
    /** Maps scene coordinates to pixels of renderImage()'s result, for tests and tools. */
    static QTransform sceneToImage(const ConveyorScene &scene, const ExportOptions &options);

private:
    static QRectF sourceRect(const ConveyorScene &scene, const ExportOptions &options);
    /** Draws the rows [top, top + band.height()) of the export into `band`. */
    static void paintBand(ConveyorScene &scene, QImage *band, int top, const ExportOptions &options);
    static void paint(ConveyorScene &scene, QPainter *painter, const ExportOptions &options);
};

} // namespace Stagecraft::Ui

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

namespace Stagecraft::Ui {

class ConveyorScene;

/** `stagecraft export PATH -o OUT.png|.svg|.dot [--scale N] [--transparent] [--no-legend]
 *  [--status-from PLAN.json]`, parsed. */
struct ExportRequest;

struct ExportOptions
{
    qreal scale = 1.0;        ///< PNG pixels per scene unit (2 = twice the size)
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
     * A PNG that would exceed maxPngSide pixels a side or maxPngPixels in all is drawn at the
     * largest scale that fits instead, and `notice` says so (the scale used and why); it is left
     * empty otherwise.
     */
    static bool exportToFile(const Model::Conveyor &conveyor,
                             const QString &outPath,
                             const ExportOptions &options,
                             QString *error,
                             const Model::StageStatuses &statuses = {},
                             const QHash<QString, QByteArray> &dockerfiles = {},
                             const Model::LayoutSidecar &userLayout = {},
                             QString *notice = nullptr);

    /** Most viewers and QImage-based tools give up beyond this many pixels a side. */
    static constexpr int maxPngSide = 16384;
    /**
     * 24 Mpx (96 MiB of pixels): within the 128 MiB that Qt's image reader (and Qt-based viewers)
     * accept by default, and what keeps a 1,000-image export near a second: PNG encoding costs
     * about 20 ms per megapixel whatever the zlib level, and at the scale this forces on such
     * graphs the nodes are drawn without text anyway.
     */
    static constexpr qint64 maxPngPixels = 24'000'000;
    /** The scale renderImage() can use for a scene: options.scale, reduced to the limits. */
    static qreal fittingScale(const ConveyorScene &scene, const ExportOptions &options);

    /** Renders a prepared scene (used by the window's File → Export too). */
    static QImage renderImage(ConveyorScene &scene, const ExportOptions &options);
    static bool writeSvg(ConveyorScene &scene,
                         const QString &path,
                         const ExportOptions &options,
                         QString *error);
    /** Maps scene coordinates to pixels of renderImage()'s result, for tests and tools. */
    static QTransform sceneToImage(const ConveyorScene &scene, const ExportOptions &options);

private:
    static QRectF sourceRect(const ConveyorScene &scene, const ExportOptions &options);
    static void paint(ConveyorScene &scene, QPainter *painter, const ExportOptions &options);
};

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "conveyorscene.h"
#include "layout/dotwriter.h"
#include "pngbandwriter.h"
#include "scenepalette.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
constexpr qreal s_legendGap = 24;

QSize imageSize(const QRectF &source, qreal scale)
{
    return QSize(int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale)));
}

/** The most pixels an export may have: the side limit squared when the user chose the scale. */
qint64 pixelBudget(const ExportOptions &options)
{
    return options.scaleGiven ? qint64(Exporter::maxPngSide) * Exporter::maxPngSide
                              : Exporter::defaultPngPixels;
}

bool withinLimits(const QSize &size, const ExportOptions &options)
{
    return size.width() <= Exporter::maxPngSide && size.height() <= Exporter::maxPngSide
           && qint64(size.width()) * size.height() <= pixelBudget(options);
}
} // namespace

std::optional<ExportRequest> Exporter::parseArguments(const QStringList &arguments, QString *error)
{
    ExportRequest request;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<ExportRequest>();
    };
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](QString *out) {
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        if (a == u"-o" || a == u"--output") {
            if (!value(&request.output))
                return fail(tr("%1 needs a file name").arg(a));
        } else if (a == u"--scale") {
            QString text;
            bool ok = false;
            if (value(&text))
                request.options.scale = text.toDouble(&ok);
            request.options.scaleGiven = true;
            if (!ok || !(request.options.scale > 0) || request.options.scale > 16)
                return fail(tr("--scale needs a number between 0 and 16"));
        } else if (a == u"--transparent") {
            request.options.transparent = true;
        } else if (a == u"--no-legend") {
            request.options.legend = false;
        } else if (a == u"--status-from") {
            if (!value(&request.statusFrom))
                return fail(tr("%1 needs a file name").arg(a));
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return fail(tr("unknown option: %1").arg(a));
        } else if (request.input.isEmpty()) {
            request.input = a;
        } else {
            return fail(tr("unexpected argument: %1").arg(a));
        }
    }
    if (request.input.isEmpty())
        return fail(tr("export needs a werf.yaml or project directory"));
    if (request.output.isEmpty())
        return fail(tr("export needs -o OUT.png, OUT.svg or OUT.dot"));
    if (!formatForPath(request.output))
        return fail(tr("unknown export format of %1: use .png, .svg or .dot").arg(request.output));
    return request;
}

std::optional<Exporter::Format> Exporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return Format::Png;
    if (suffix == u"svg")
        return Format::Svg;
    if (suffix == u"dot" || suffix == u"gv")
        return Format::Dot;
    return std::nullopt;
}

QRectF Exporter::sourceRect(const ConveyorScene &scene, const ExportOptions &options)
{
    QRectF rect = scene.contentsRect();
    if (options.legend) {
        const QSizeF legend = legendSize(scene.scenePalette());
        rect.setWidth(rect.width() + legend.width() + s_legendGap);
        rect.setHeight(std::max(rect.height(), legend.height() + 2 * s_legendGap));
    }
    return rect;
}

QTransform Exporter::sceneToImage(const ConveyorScene &scene, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    QTransform t;
    t.scale(options.scale, options.scale);
    t.translate(-source.left(), -source.top());
    return t;
}

void Exporter::paint(ConveyorScene &scene, QPainter *painter, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    const QRectF content = scene.contentsRect();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter->save();
    painter->scale(options.scale, options.scale);
    painter->translate(-source.topLeft());
    if (!options.transparent)
        painter->fillRect(source, Qt::white);
    scene.render(painter, content, content, Qt::IgnoreAspectRatio);
    if (options.legend)
        paintLegend(painter,
                    QPointF(content.right() + s_legendGap, content.top() + s_legendGap),
                    scene.scenePalette());
    painter->restore();
}

qreal Exporter::fittingScale(const ConveyorScene &scene, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    qreal scale = options.scale;
    if (withinLimits(imageSize(source, scale), options))
        return scale;
    scale = std::min({scale,
                      (maxPngSide - 1) / std::max<qreal>(source.width(), 1),
                      (maxPngSide - 1) / std::max<qreal>(source.height(), 1),
                      std::sqrt(qreal(pixelBudget(options))
                                / std::max<qreal>(source.width() * source.height(), 1))});
    // ceil() can add a pixel: step down until the size really fits.
    while (scale > 0 && !withinLimits(imageSize(source, scale), options))
        scale *= 0.999;
    return scale;
}

QImage Exporter::renderImage(ConveyorScene &scene, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    const QSize size = imageSize(source, options.scale);
    if (size.isEmpty() || !withinLimits(size, options))
        return {};
    // Opaque exports are drawn as RGB32: the PNG writer then stores RGB without first making an
    // un-premultiplied copy of the whole image, which halves the peak memory and saves time.
    QImage image(size,
                 options.transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (image.isNull())
        return {};
    image.fill(options.transparent ? QColor(Qt::transparent) : QColor(Qt::white));
    QPainter painter(&image);
    paint(scene, &painter, options);
    painter.end();
    return image;
}

void Exporter::paintBand(ConveyorScene &scene, QImage *band, int top, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    const QRectF content = scene.contentsRect();
    band->fill(options.transparent ? QColor(Qt::transparent) : QColor(Qt::white));
    QPainter painter(band);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // The same transform as renderImage() moved up by a whole number of pixels, so that a shape
    // across two bands is rasterised the same in both and no seam shows.
    painter.translate(0, -top);
    painter.scale(options.scale, options.scale);
    painter.translate(-source.topLeft());
    // Only the items of this band (QGraphicsScene::render looks them up by the source rect), with
    // a few pixels to spare: the band's own edges clip, not a scene rect that rounding could
    // shift by a row.
    const qreal margin = 4 / options.scale;
    QRectF rows(source.left(),
                source.top() + top / options.scale - margin,
                source.width(),
                band->height() / options.scale + 2 * margin);
    rows = rows.intersected(content);
    if (!rows.isEmpty())
        scene.render(&painter, rows, rows, Qt::IgnoreAspectRatio);
    if (options.legend)
        paintLegend(&painter,
                    QPointF(content.right() + s_legendGap, content.top() + s_legendGap),
                    scene.scenePalette());
}

bool Exporter::writePng(ConveyorScene &scene,
                        QIODevice *device,
                        const ExportOptions &options,
                        QString *error)
{
    const QSize size = imageSize(sourceRect(scene, options), options.scale);
    if (size.isEmpty() || !withinLimits(size, options)) {
        if (error)
            *error = tr("cannot draw a %1 × %2 image").arg(size.width()).arg(size.height());
        return false;
    }
    PngBandWriter writer(device, size, options.transparent);
    // About a megapixel a band: small enough that drawing and compressing overlap well, large
    // enough that the per-band lookup of items in the scene stays negligible.
    const int bandRows = std::clamp(1'000'000 / std::max(1, size.width()), 16, size.height());
    for (int top = 0; top < size.height(); top += bandRows) {
        QImage band(size.width(),
                    std::min(bandRows, size.height() - top),
                    options.transparent ? QImage::Format_ARGB32_Premultiplied
                                        : QImage::Format_RGB32);
        if (band.isNull()) {
            if (error)
                *error = tr("cannot draw a %1 × %2 image").arg(size.width()).arg(size.height());
            return false;
        }
        paintBand(scene, &band, top, options);
        if (!writer.writeBand(band))
            break;
    }
    if (!writer.finish()) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return true;
}

bool Exporter::writeSvg(ConveyorScene &scene,
                        const QString &path,
                        const ExportOptions &options,
                        QString *error)
{
    const QRectF source = sourceRect(scene, options);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Stagecraft conveyor"));
    ExportOptions svgOptions = options;
    svgOptions.scale = 1; // vector output: the viewer scales
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("cannot write %1").arg(path);
        return false;
    }
    paint(scene, &painter, svgOptions);
    painter.end();
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool Exporter::exportToFile(const Conveyor &conveyor,
                            const QString &outPath,
                            const ExportOptions &options,
                            QString *error,
                            const StageStatuses &statuses,
                            const QHash<QString, QByteArray> &dockerfiles,
                            const LayoutSidecar &userLayout,
                            QString *notice)
{
    if (notice)
        notice->clear();
    const std::optional<Format> format = formatForPath(outPath);
    if (!format) {
        if (error)
            *error = tr("unknown export format of %1: use .png, .svg or .dot").arg(outPath);
        return false;
    }
    if (!(options.scale > 0) || options.scale > 16) {
        if (error)
            *error = tr("the scale must be between 0 and 16, not %1").arg(options.scale);
        return false;
    }
    if (*format == Format::Dot) {
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
            return false;
        }
        file.write(conveyorToDot(conveyor, statuses));
        if (!file.commit()) {
            if (error)
                *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
            return false;
        }
        return true;
    }

    // QGraphicsScene reads the application's style and palette in its constructor and crashes
    // under a plain QGuiApplication; headless runs use QApplication on the offscreen platform.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = tr("PNG and SVG export need a QApplication (use the offscreen platform "
                        "without a display)");
        return false;
    }
    ConveyorScene scene;
    scene.setScenePalette(ScenePalette::light());
    scene.setConveyor(conveyor, dockerfiles, userLayout);
    scene.setStatuses(statuses);
    // The PNG bands and the SVG are filled with the export's background before the scene is
    // drawn; the scene filling it again would only cost a pass over every pixel.
    scene.setBackgroundColor(Qt::transparent);

    if (*format == Format::Svg)
        return writeSvg(scene, outPath, options, error);

    ExportOptions pngOptions = options;
    pngOptions.scale = fittingScale(scene, options);
    if (pngOptions.scale < options.scale && notice) {
        const QSize wanted = imageSize(sourceRect(scene, options), options.scale);
        // Name the limit that set the scale: the side, or (no scale chosen) the pixel budget.
        ExportOptions sideOnly = options;
        sideOnly.scaleGiven = true;
        if (fittingScale(scene, sideOnly) <= pngOptions.scale)
            *notice = tr("the graph is %1 × %2 pixels at scale %3, more than a PNG can hold here "
                         "(%4 pixels a side); drawn at scale %5 instead (export SVG for full "
                         "detail)")
                              .arg(wanted.width())
                              .arg(wanted.height())
                              .arg(options.scale)
                              .arg(maxPngSide)
                              .arg(pngOptions.scale, 0, 'g', 3);
        else
            *notice = tr("the graph is %1 × %2 pixels at scale %3, more than the %4 megapixels "
                         "of an export without a chosen scale; drawn at scale %5 instead (choose "
                         "a scale, --scale N, for a larger image up to %6 pixels a side, or "
                         "export SVG)")
                              .arg(wanted.width())
                              .arg(wanted.height())
                              .arg(options.scale)
                              .arg(defaultPngPixels / 1000000)
                              .arg(pngOptions.scale, 0, 'g', 3)
                              .arg(maxPngSide);
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    QString failure;
    if (!writePng(scene, &file, pngOptions, &failure)) {
        file.cancelWriting();
        if (error)
            *error = tr("cannot write %1: %2").arg(outPath, failure);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stagecraft::Ui

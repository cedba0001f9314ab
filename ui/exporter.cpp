// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "conveyorscene.h"
#include "layout/dotwriter.h"
#include "scenepalette.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageWriter>
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

bool withinLimits(const QSize &size)
{
    return size.width() <= Exporter::maxPngSide && size.height() <= Exporter::maxPngSide
           && qint64(size.width()) * size.height() <= Exporter::maxPngPixels;
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
    if (withinLimits(imageSize(source, scale)))
        return scale;
    scale = std::min({scale,
                      (maxPngSide - 1) / std::max<qreal>(source.width(), 1),
                      (maxPngSide - 1) / std::max<qreal>(source.height(), 1),
                      std::sqrt(qreal(maxPngPixels)
                                / std::max<qreal>(source.width() * source.height(), 1))});
    // ceil() can add a pixel: step down until the size really fits.
    while (scale > 0 && !withinLimits(imageSize(source, scale)))
        scale *= 0.999;
    return scale;
}

QImage Exporter::renderImage(ConveyorScene &scene, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    const QSize size = imageSize(source, options.scale);
    if (size.isEmpty() || !withinLimits(size))
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
    scene.setBackgroundColor(options.transparent ? QColor(Qt::transparent) : QColor(Qt::white));

    if (*format == Format::Svg)
        return writeSvg(scene, outPath, options, error);

    ExportOptions pngOptions = options;
    pngOptions.scale = fittingScale(scene, options);
    if (pngOptions.scale < options.scale && notice) {
        const QSize wanted = imageSize(sourceRect(scene, options), options.scale);
        *notice = tr("the graph is %1 × %2 pixels at scale %3, more than a PNG can hold here "
                     "(%4 pixels a side, %5 megapixels); drawn at scale %6 instead (export SVG "
                     "for full detail)")
                          .arg(wanted.width())
                          .arg(wanted.height())
                          .arg(options.scale)
                          .arg(maxPngSide)
                          .arg(maxPngPixels / 1000000)
                          .arg(pngOptions.scale, 0, 'g', 3);
    }
    const QImage image = renderImage(scene, pngOptions);
    if (image.isNull()) {
        const QSize size = imageSize(sourceRect(scene, pngOptions), pngOptions.scale);
        if (error)
            *error = tr("cannot draw a %1 × %2 image").arg(size.width()).arg(size.height());
        return false;
    }
    QSaveFile file(outPath);
    QImageWriter writer(&file, "png");
    // Qt maps 0-100 onto zlib's levels 0-9 (below 12 is "stored", no compression at all): 12 is
    // level 1. Measured on a 30 Mpx export: 26 % less CPU than the default level for a file 19 %
    // larger (2.3 instead of 1.9 MB); libpng's row filtering is most of the rest.
    writer.setCompression(12);
    if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stagecraft::Ui

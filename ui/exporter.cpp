// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "conveyorscene.h"
#include "layout/dotwriter.h"
#include "scenepalette.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace Stagecraft::Ui {

using namespace Stagecraft::Model;

namespace {
constexpr qreal s_legendGap = 24;
constexpr qreal s_maxPixels = 16384; // QImage and most viewers give up beyond this
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

QImage Exporter::renderImage(ConveyorScene &scene, const ExportOptions &options)
{
    const QRectF source = sourceRect(scene, options);
    const QSize size(int(std::ceil(source.width() * options.scale)),
                     int(std::ceil(source.height() * options.scale)));
    if (size.isEmpty() || size.width() > s_maxPixels || size.height() > s_maxPixels)
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    image.fill(Qt::transparent);
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
                            const LayoutSidecar &userLayout)
{
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

    const QImage image = renderImage(scene, options);
    if (image.isNull()) {
        if (error)
            *error = tr("the image would be too large (more than %1 pixels a side); "
                        "use a smaller --scale or export SVG")
                             .arg(int(s_maxPixels));
        return false;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stagecraft::Ui

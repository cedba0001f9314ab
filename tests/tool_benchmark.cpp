// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: the layout/export benchmark of issue 4, on the offscreen platform. Export draws
// through QGraphicsScene, which needs a QApplication. With --window it also times how long the
// main window takes to show a project.
//   tool_benchmark [--window] [--dot] [--sizes 150,1000] [--out DIR]
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "exporter.h"
#include "layout/conveyorlayout.h"
#include "layout/dotwriter.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "scenepalette.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace Stagecraft;
using namespace Stagecraft::Tests;

namespace {

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char *argv[])
{
    bool window = false;
    for (int i = 1; i < argc; ++i)
        window = window || QByteArray(argv[i]) == "--window";
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const bool runDot = args.contains(QStringLiteral("--dot"));
    QList<int> sizes{150, 1000};
    QString outDir = QDir::tempPath();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--sizes") {
            sizes.clear();
            for (const QString &s : args.at(i + 1).split(u','))
                sizes.append(s.toInt());
        } else if (args.at(i) == u"--out") {
            outDir = args.at(i + 1);
        }
    }
    for (int n : sizes) {
        const Conveyor c = generatedConveyor(n, 1);
        std::printf("\n== %d images (%lld nodes with external bases, %lld edges)\n",
                    n,
                    qlonglong(c.images.size()),
                    qlonglong(c.edges.size()));
        QElapsedTimer t;
        t.start();
        const ConveyorLayout layout = layoutConveyor(c);
        const qint64 layoutMs = t.elapsed();
        std::printf("layout (estimated text widths): %lld ms, %.0f x %.0f px\n",
                    layoutMs,
                    layout.bounds.width(),
                    layout.bounds.height());

        for (bool collapsed : {false, true}) {
            t.restart();
            Ui::ConveyorScene scene;
            scene.setScenePalette(Ui::ScenePalette::light());
            scene.setConveyor(c);
            if (collapsed)
                scene.collapseAll();
            const qint64 sceneMs = t.elapsed();
            const QRectF r = scene.contentsRect();
            // The largest scale that stays within 16384 px and ~200 MB of pixels.
            qreal scale = 1.0;
            while ((r.width() + 400) * scale > 16000 || r.height() * scale > 16000
                   || (r.width() + 400) * r.height() * scale * scale * 4 > 200e6)
                scale /= 2;
            Ui::ExportOptions options;
            options.scale = scale;
            scene.setBackgroundColor(Qt::white);
            t.restart();
            const QImage image = Ui::Exporter::renderImage(scene, options);
            const qint64 renderMs = t.elapsed();
            const QString png = outDir
                                + QStringLiteral("/bench-%1%2.png")
                                          .arg(n)
                                          .arg(collapsed ? QStringLiteral("-collapsed") : QString());
            t.restart();
            image.save(png, "PNG");
            const qint64 saveMs = t.elapsed();
            std::printf("%s: scene (layout with font metrics + items) %lld ms; render %dx%d at "
                        "scale %.3g %lld ms; PNG encode %lld ms; peak RSS %ld MiB\n",
                        collapsed ? "collapsed" : "expanded ",
                        sceneMs,
                        image.width(),
                        image.height(),
                        scale,
                        renderMs,
                        saveMs,
                        peakRssMiB());
        }

        t.restart();
        const QByteArray dot = conveyorToDot(c);
        const QString dotPath = outDir + QStringLiteral("/bench-%1.dot").arg(n);
        QFile f(dotPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(dot);
        f.close();
        std::printf("DOT export: %lld ms (%lld bytes)\n", t.elapsed(), qlonglong(dot.size()));
        const QString dotProgram = QStandardPaths::findExecutable(QStringLiteral("dot"));
        if (runDot && !dotProgram.isEmpty()) {
            QProcess p;
            t.restart();
            p.start(dotProgram,
                    {QStringLiteral("-Tpng"),
                     dotPath,
                     QStringLiteral("-o"),
                     outDir + QStringLiteral("/bench-%1-graphviz.png").arg(n)});
            const bool done = p.waitForFinished(600000);
            std::printf("dot -Tpng on the same graph: %s %lld ms (exit %d)\n",
                        done ? "finished in" : "gave up after",
                        t.elapsed(),
                        p.exitCode());
            if (!done)
                p.kill();
            p.waitForFinished();
        }

        if (window) {
            QTemporaryDir dir;
            QSettings qs(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
            Model::Settings settings(qs);
            Ui::MainWindow w(settings);
            w.resize(1400, 900);
            w.show();
            QCoreApplication::processEvents();
            t.restart();
            w.showProject(dir.filePath(QStringLiteral("werf.yaml")), QByteArray(), c, {});
            const qint64 showMs = t.elapsed();
            w.repaint();
            QCoreApplication::processEvents();
            std::printf("main window: showProject %lld ms, first paint done after %lld ms\n",
                        showMs,
                        t.elapsed());
        }
    }
    std::printf("\npeak RSS of the whole run: %ld MiB\n", peakRssMiB());
    return 0;
}

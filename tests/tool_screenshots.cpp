// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the main window and exports of the example and of generated projects into a
// directory, for looking at them (and for README.md).
// Usage: tool_screenshots OUTDIR [--dark] [--size WxH] [--hold MS]
#include "buildcontroller.h"
#include "colorscheme.h"
#include "common/englishplurals.h"
#include "config/configloader.h"
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "conveyorview.h"
#include "documentcontroller.h"
#include "exporter.h"
#include "imagenodeitem.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "projectloader.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

using namespace Stagecraft;
using namespace Stagecraft::Tests;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

StageStatuses exampleStatuses(const Conveyor &c)
{
    StageStatuses s;
    auto set = [&](int image, StageId stage, StageStatus status) {
        s.insert(statusKey(c.images.at(image), stage), status);
    };
    set(1, StageId::From, StageStatus::Cached);
    set(1, StageId::Install, StageStatus::Cached);
    set(2, StageId::From, StageStatus::Cached);
    set(2, StageId::BeforeInstall, StageStatus::Built);
    set(2, StageId::DockerInstructions, StageStatus::Built);
    set(3, StageId::From, StageStatus::Built);
    set(3, StageId::GitArchive, StageStatus::Built);
    set(3, StageId::Install, StageStatus::Invalidated);
    set(3, StageId::ImportsAfterInstall, StageStatus::Building);
    set(3, StageId::Setup, StageStatus::Invalidated);
    set(4, StageId::Dockerfile, StageStatus::Failed);
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // As the app does: "4 images", not "4 image(s)".
    QCoreApplication::installTranslator(new Model::EnglishPlurals(&app));
    const QStringList args = QCoreApplication::arguments();
    const QString out = args.size() > 1 ? args.at(1) : QStringLiteral("shots");
    const bool dark = args.contains(QStringLiteral("--dark"));
    QDir().mkpath(out);
    Ui::applyColorScheme(dark ? Ui::ColorScheme::Dark : Ui::ColorScheme::Light);

    QTemporaryDir settingsDir;
    QSettings qsettings(settingsDir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Model::Settings settings(qsettings);

    const QString exampleDir = QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example");
    const Conveyor example = exampleConveyor();
    const QHash<QString, QByteArray> dockerfiles{
            {QStringLiteral("web"), readFile(exampleDir + QStringLiteral("/web/Dockerfile"))}};
    const StageStatuses statuses = exampleStatuses(example);

    {
        // The window as the app builds it (build and document controllers, so the Build menu and
        // the property editors are there), on a copy of the example opened through the loader,
        // so that no sidecar lands in the source tree and the paths shown are the copy's.
        Ui::MainWindow window(settings);
        window.setProjectLoader(&Ui::loadProjectForWindow);
        new Ui::BuildController(&window);
        new Ui::DocumentController(&window);
        // `--size WxH`: another window size, e.g. 1177x736 for a 2560x1600 screen at 200 %
        // (with QT_SCALE_FACTOR=2).
        QSize size(1500, 900);
        if (const int at = args.indexOf(QStringLiteral("--size")); at > 0 && at + 1 < args.size()) {
            const QStringList wh = args.at(at + 1).split(u'x');
            if (wh.size() == 2)
                size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
        }
        window.resize(size);
        window.show();
        QTemporaryDir project;
        for (const QString &file : {QStringLiteral("werf.yaml"), QStringLiteral("web/Dockerfile")}) {
            QDir().mkpath(QFileInfo(project.filePath(file)).path());
            QFile::copy(exampleDir + u'/' + file, project.filePath(file));
        }
        window.openPath(project.filePath(QStringLiteral("werf.yaml")));
        // Illustrative statuses, one of each colour (README says so): a real build needs buildah.
        window.setStatuses(statuses);
        const int appImage = window.scene()->conveyor().indexOf(QStringLiteral("app"),
                                                                ImageKind::Image);
        QApplication::processEvents();
        // Select app/install's command through the tree, as a user would: everything follows.
        QTreeView *tree = window.imagesTree();
        QModelIndex app;
        for (int r = 0; r < tree->model()->rowCount(); ++r) {
            if (tree->model()->index(r, 0).data().toString() == u"app")
                app = tree->model()->index(r, 0);
        }
        tree->expand(app);
        QModelIndex install;
        for (int r = 0; r < tree->model()->rowCount(app); ++r) {
            if (tree->model()->index(r, 0, app).data().toString() == u"install")
                install = tree->model()->index(r, 0, app);
        }
        tree->setCurrentIndex(install);
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
        window.view()->fitAll();
        QApplication::processEvents();
        window.grab().save(out
                           + (dark ? QStringLiteral("/mainwindow-dark.png")
                                   : QStringLiteral("/mainwindow.png")));
        window.view()->resetZoom();
        window.view()->centerOn(window.scene()->imageItem(appImage));
        QApplication::processEvents();
        window.grab().save(out
                           + (dark ? QStringLiteral("/mainwindow-detail-dark.png")
                                   : QStringLiteral("/mainwindow-detail.png")));
        window.view()->fitAll();
        window.scene()->setHoveredImage(appImage);
        QApplication::processEvents();
        window.view()->grab().save(out + QStringLiteral("/hover.png"));
        window.scene()->setHoveredImage(-1);
    }

    {
        Ui::MainWindow window(settings);
        window.resize(1500, 900);
        window.show();
        QTemporaryDir project;
        const Conveyor big = generatedConveyor(150, 3);
        window.showProject(project.filePath(QStringLiteral("big/werf.yaml")), QByteArray(), big, {});
        QApplication::processEvents();
        window.view()->fitAll();
        QApplication::processEvents();
        window.grab().save(out + QStringLiteral("/mainwindow-150.png"));
        // At 100 %, around the image with the most incoming edges: where clutter would show.
        int busiest = 0;
        for (int i = 0; i < big.images.size(); ++i) {
            if (big.incomingEdges(i).size() > big.incomingEdges(busiest).size())
                busiest = i;
        }
        window.view()->resetZoom();
        window.view()->centerOn(window.scene()->imageItem(busiest));
        QApplication::processEvents();
        window.view()->grab().save(out + QStringLiteral("/detail-150.png"));
        window.scene()->collapseAll();
        window.view()->fitAll();
        QApplication::processEvents();
        window.view()->grab().save(out + QStringLiteral("/collapsed-150.png"));
    }

    {
        // The editor: the properties panel's fields for a stage and for the image. With
        // `--hold MS` the window stays up that long first (for `import -window root` under Xvfb).
        Ui::MainWindow window(settings);
        auto *controller = new Ui::DocumentController(&window);
        Q_UNUSED(controller);
        window.resize(1500, 900);
        window.show();
        QTemporaryDir project;
        for (const QString &file : {QStringLiteral("werf.yaml"), QStringLiteral("web/Dockerfile")}) {
            QDir().mkpath(QFileInfo(project.filePath(file)).path());
            QFile::copy(exampleDir + u'/' + file, project.filePath(file));
        }
        window.openPath(project.filePath(QStringLiteral("werf.yaml")));
        QTreeView *tree = window.imagesTree();
        QModelIndex app;
        for (int r = 0; r < tree->model()->rowCount(); ++r) {
            if (tree->model()->index(r, 0).data().toString() == u"app")
                app = tree->model()->index(r, 0);
        }
        auto stageRow = [&](const QString &name) {
            for (int r = 0; r < tree->model()->rowCount(app); ++r) {
                if (tree->model()->index(r, 0, app).data().toString() == name)
                    return tree->model()->index(r, 0, app);
            }
            return QModelIndex();
        };
        auto settle = [] {
            for (int i = 0; i < 5; ++i)
                QApplication::processEvents();
        };
        tree->setCurrentIndex(stageRow(QStringLiteral("install")));
        window.view()->fitAll();
        settle();
        const int hold = args.indexOf(QStringLiteral("--hold"));
        if (hold > 0 && hold + 1 < args.size()) {
            QEventLoop loop;
            QTimer::singleShot(args.at(hold + 1).toInt(), &loop, &QEventLoop::quit);
            loop.exec();
        }
        window.grab().save(out + QStringLiteral("/editor-install.png"));
        tree->setCurrentIndex(app);
        settle();
        window.grab().save(out + QStringLiteral("/editor-image.png"));
        tree->setCurrentIndex(stageRow(QStringLiteral("dockerInstructions")));
        settle();
        window.grab().save(out + QStringLiteral("/editor-docker.png"));
        tree->setCurrentIndex(stageRow(QStringLiteral("importsAfterInstall")));
        settle();
        window.grab().save(out + QStringLiteral("/editor-imports.png"));
    }

    QString error;
    Ui::ExportOptions options;
    options.scale = 2;
    if (!Ui::Exporter::exportToFile(example,
                                    out + QStringLiteral("/example.png"),
                                    options,
                                    &error,
                                    statuses,
                                    dockerfiles))
        qWarning("%s", qPrintable(error));
    options.scale = 1;
    if (!Ui::Exporter::exportToFile(generatedConveyor(150, 3),
                                    out + QStringLiteral("/generated-150.png"),
                                    options,
                                    &error))
        qWarning("%s", qPrintable(error));
    return 0;
}

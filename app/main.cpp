// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildcontroller.h"
#include "colorscheme.h"
#include "commandline.h"
#include "common/englishplurals.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "projectloader.h"
#include "storage/credentialstore.h"
#include "storage/registrysettings.h"
#include "storage/storagespec.h"
#include "storage/storagestatusjob.h"
#include "storageconfiguration.h"
#include "storagerefreshaction.h"
#include "storagesettingsdialog.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Stagecraft"));
    QCoreApplication::setApplicationName(QStringLiteral("stagecraft"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STAGECRAFT_VERSION));
}

void installTranslators(QCoreApplication &app)
{
    // First, so that it has the lowest priority: English plural forms where no translation is.
    QCoreApplication::installTranslator(new Stagecraft::Model::EnglishPlurals(&app));
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(),
                 QStringLiteral("qtbase"),
                 QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(),
                  QStringLiteral("stagecraft"),
                  QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

int runCommand(QCoreApplication &app)
{
    installTranslators(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = Stagecraft::Ui::CommandLine::run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationInfo();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (Stagecraft::Ui::CommandLine::isCommand(arguments)) {
        if (Stagecraft::Ui::CommandLine::needsGui(arguments)) {
            // Images are drawn without a display. QApplication, not QGuiApplication: the
            // exporter draws through QGraphicsScene, which needs the widget style.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return runCommand(app);
        }
        QCoreApplication app(argc, argv);
        return runCommand(app);
    }

    QApplication app(argc, argv);
    installTranslators(app);
    QSettings qsettings;
    Stagecraft::Model::Settings settings(qsettings);
    // Declared before the window: its dialogs refer to them until the window is gone.
    Stagecraft::Model::RegistrySettings registrySettings(qsettings);
    Stagecraft::Model::CredentialStore credentialStore;
    Stagecraft::Ui::applyColorScheme(Stagecraft::Ui::requestedColorScheme(settings.colorScheme()));
    Stagecraft::Ui::MainWindow window(settings);
    // File → Refresh Storage reads the storage the settings name as the default, with the
    // keychain's credentials first (never waiting in the GUI thread), then docker's config.
    const auto applyStorageSettings = [&registrySettings, &credentialStore, &window] {
        Stagecraft::Ui::applyConfiguredStorage(window, registrySettings, credentialStore);
    };
    applyStorageSettings();
    window.setStorageSettingsHandler(
            [&registrySettings, &credentialStore, &window, applyStorageSettings] {
                auto *dialog = new Stagecraft::Ui::StorageSettingsDialog(registrySettings,
                                                                         credentialStore,
                                                                         &window);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                QObject::connect(dialog, &QDialog::accepted, &window, applyStorageSettings);
                dialog->open();
            });
    window.setProjectLoader(&Stagecraft::Ui::loadProjectForWindow);
    new Stagecraft::Ui::BuildController(&window); // owned by the window
    applyStorageSettings();                       // again, now that the build controller is there
    // The window edits one document; the controller takes over the loader set above.
    new Stagecraft::Ui::DocumentController(&window);
    if (arguments.size() > 1)
        window.openPath(arguments.at(1));
    window.show();
    return app.exec();
}

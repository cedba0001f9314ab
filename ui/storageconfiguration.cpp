// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageconfiguration.h"

#include "buildcontroller.h"
#include "mainwindow.h"
#include "storage/credentialstore.h"
#include "storage/registrysettings.h"
#include "storage/storagestatusjob.h"
#include "storagerefreshaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStatusBar>

namespace Stagecraft::Ui {

namespace {

Q_LOGGING_CATEGORY(lcStorage, "stagecraft.storage")

/** The translation context of this file's messages. */
class StorageConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::StorageConfiguration)
};

} // namespace

ConfiguredStorage configuredStorage(const Model::RegistrySettings &settings)
{
    ConfiguredStorage result;
    const QString configured = settings.defaultStorage();
    QString error;
    std::optional<Model::StorageSpec> spec = Model::StorageSpec::parse(configured, &error);
    if (!spec) {
        result.problem
                = StorageConfiguration::tr(
                          "The default stages storage \"%1\" in the settings is not usable (%2); "
                          "the local containers-storage is used instead.")
                          .arg(configured, error);
        spec = Model::StorageSpec{};
    }
    spec->containersStorage = settings.containersStorage();
    if (spec->kind == Model::StorageSpec::Kind::Registry) {
        if (const auto entry = settings.registry(spec->repository.host)) {
            if (entry->insecure)
                spec->insecureRegistries << entry->address;
            spec->caFile = entry->caFile;
        }
    }
    result.spec = *spec;
    return result;
}

void applyConfiguredStorage(MainWindow &window,
                            const Model::RegistrySettings &settings,
                            Model::CredentialStore &credentials)
{
    const ConfiguredStorage configured = configuredStorage(settings);
    window.storageRefreshAction()->job()->setSpec(configured.spec,
                                                  credentials.keychainThenDockerConfig());
    // Builds go into the same stages storage the plan reads.
    if (auto *build = window.findChild<BuildController *>())
        build->setStagesStorage(configured.spec, credentials.keychainThenDockerConfig());
    if (!configured.problem.isEmpty()) {
        qCWarning(lcStorage, "%s", qUtf8Printable(configured.problem));
        // No timeout: it stays until the next message, so that it is seen.
        window.statusBar()->showMessage(configured.problem);
    }
}

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storagespec.h"

#include <QString>

namespace Stagecraft::Model {
class CredentialStore;
class RegistrySettings;
} // namespace Stagecraft::Model

namespace Stagecraft::Ui {

class MainWindow;

/** The stages storage the settings configure, or local with the reason it had to be local. */
struct ConfiguredStorage
{
    Model::StorageSpec spec;
    /** Empty, or why the configured default storage was not used (it could not be parsed). */
    QString problem;
};

/**
 * The settings' default stages storage as a spec: the containers-storage options, and for a
 * registry repository the insecure flag and CA file of its host's entry (looked up with
 * docker's host rules, so that "docker.io" serves registry-1.docker.io). A default that is not a
 * storage spec gives local, with `problem` saying so.
 */
ConfiguredStorage configuredStorage(const Model::RegistrySettings &settings);

/**
 * Gives File → Refresh Storage the configured storage and the keychain-then-docker-config
 * credentials. When the configured default cannot be used, the status bar and the log say so
 * instead of falling back to the local storage silently.
 */
void applyConfiguredStorage(MainWindow &window,
                            const Model::RegistrySettings &settings,
                            Model::CredentialStore &credentials);

} // namespace Stagecraft::Ui

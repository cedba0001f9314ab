// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialstore.h"

#include <QFuture>
#include <QList>
#include <QStringList>

namespace Stagecraft::Model {

class DockerClientConfig;
class RegistrySettings;

/**
 * Copies the credentials of the hosts the user chose from a docker configuration's `auths` into
 * the keychain, and lists each imported host in the registry settings with its user name (an
 * existing entry keeps its insecure flag and CA file). A chosen host without inline credentials
 * in the docker configuration (kept in a credential helper, or absent) gives NotFound. The
 * NotFound results come first, then those of the writes in the order of `hosts`; nothing is
 * written to the settings for a host whose keychain write failed.
 */
QFuture<QList<CredentialResult>> importDockerCredentials(const DockerClientConfig &config,
                                                         const QStringList &hosts,
                                                         CredentialStore &store,
                                                         RegistrySettings &settings);

} // namespace Stagecraft::Model

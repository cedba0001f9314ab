// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"

#include <QStringList>

namespace Stagecraft::Model {

/**
 * Credentials from docker's client config (DockerConfig::defaultPath()), with its problems as
 * "FILE:L:C: …" lines in `problems`. A function of its own because storage/dockerconfig.h's
 * DockerConfig and config/werfconfig.h's DockerConfig (the `docker:` directive) cannot meet in
 * one translation unit: code that loads a project calls this instead.
 */
CredentialProvider dockerConfigCredentials(QStringList *problems = nullptr);

} // namespace Stagecraft::Model

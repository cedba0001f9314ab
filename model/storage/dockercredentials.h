// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"

#include <QStringList>

namespace Stagecraft::Model {

/**
 * Credentials from docker's client config (DockerClientConfig::defaultPath()), with its problems
 * as "FILE:L:C: …" lines in `problems`.
 */
CredentialProvider dockerConfigCredentials(QStringList *problems = nullptr);

} // namespace Stagecraft::Model

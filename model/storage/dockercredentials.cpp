// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockercredentials.h"

#include "dockerclientconfig.h"

namespace Stagecraft::Model {

CredentialProvider dockerConfigCredentials(QStringList *problems)
{
    const DockerClientConfig config = DockerClientConfig::load(DockerClientConfig::defaultPath());
    if (problems) {
        for (const Diagnostic &d : config.diagnostics())
            problems->append(d.toString());
    }
    return config.provider();
}

} // namespace Stagecraft::Model

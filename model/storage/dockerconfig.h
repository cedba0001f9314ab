// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "registryaccess.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * The `auths` of a docker client configuration (`$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`), as docker login and werf write it. Only inline credentials are
 * read; hosts that docker keeps in a credential helper (`credsStore`, `credHelpers`) are listed
 * in helperHosts() so that the user can be told why they are not used.
 *
 * (Not "DockerConfig": that is the `docker:` directive of config/werfconfig.h, and two classes of
 * one name in one namespace break the One Definition Rule as soon as both are linked.)
 */
class DockerClientConfig
{
public:
    /** The file docker reads: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
    static QString defaultPath();

    /**
     * Reads a config file. A missing file is an empty config, not an error; a file that is not
     * valid JSON, or whose `auth` entries are not base64 "user:password", gives diagnostics
     * naming the file (with line and column for JSON syntax errors) and keeps the valid entries.
     */
    static DockerClientConfig load(const QString &path);
    static DockerClientConfig fromJson(const QByteArray &json, const QString &fileName);

    /** Registry hosts with inline credentials, normalised ("docker.io", "127.0.0.1:5000"). */
    QStringList hosts() const;
    /** Hosts whose credentials docker keeps in a credential helper. */
    QStringList helperHosts() const { return m_helperHosts; }
    std::optional<RegistryCredentials> credentials(const QString &host) const;
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    /** A provider over a snapshot of this config (thread-safe: it copies the entries). */
    CredentialProvider provider() const;

    /**
     * The host part of a registry address as docker keys its auths: scheme and path dropped,
     * lower case, Docker Hub's aliases ("index.docker.io", "registry-1.docker.io") as "docker.io".
     */
    static QString normalizeHost(const QString &address);

private:
    QHash<QString, RegistryCredentials> m_credentials;
    QStringList m_helperHosts;
    Diagnostics m_diagnostics;
};

} // namespace Stagecraft::Model

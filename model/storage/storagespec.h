// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containersstorageoptions.h"
#include "registryaccess.h"
#include "registryreference.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * Which stages storage to use, as `--storage SPEC` names it: `local` (containers-storage, the
 * default), `docker` (the local daemon) or a registry repository (`127.0.0.1:5000/project/stages`),
 * with the connection options of `plan --insecure-registry/--ca-file/--storage-root/--storage-driver`.
 */
struct StorageSpec
{
    enum class Kind { Local, Docker, Registry };

    Kind kind = Kind::Local;
    RegistryReference repository; ///< Kind::Registry
    ContainersStorageOptions containersStorage;
    /** "HOST:PORT" reached over plain http or unverified TLS (docker's insecure-registries). */
    QStringList insecureRegistries;
    /** A CA file trusted for every registry host that is not insecure. */
    QString caFile;
    int timeoutMs = 30000; ///< a request without progress fails after this
    /** One storage operation (a listing, an inspect) fails after this in all. */
    int timeLimitMs = 120000;
    /** The Docker daemon's socket (`unix:///path` or a path); empty = DOCKER_HOST or
     *  /var/run/docker.sock. */
    QString dockerHost;

    /** Parses SPEC; werf's `:local` is taken as `docker`, as werf means the Docker daemon. */
    static std::optional<StorageSpec> parse(const QString &spec, QString *error);

    /** The options per registry host these settings give (thread-safe: copies them). */
    HostOptionsProvider hostOptions() const;
};

} // namespace Stagecraft::Model

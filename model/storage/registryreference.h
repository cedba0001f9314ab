// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Stagecraft::Model {

/**
 * A registry repository or image reference split the way docker splits it: the first path
 * component is a host when it has a '.' or a ':' or is "localhost", else the image is on Docker
 * Hub (API host registry-1.docker.io, "library/" for one-component names).
 */
struct RegistryReference
{
    QString host;       ///< "127.0.0.1:5000", "registry-1.docker.io"
    QString repository; ///< "project/stages", "library/alpine"
    QString tag;        ///< "latest" when an image reference names neither tag nor digest
    QString digest;     ///< "sha256:…" for `name@sha256:…`

    /** The tag, or the digest when one is given (what a manifest request asks for). */
    QString reference() const { return digest.isEmpty() ? tag : digest; }
    /** host/repository, as the user wrote a stages storage. */
    QString repositoryAddress() const { return host + u'/' + repository; }

    /** A repository address (`--stages-storage REPO`): no tag, no digest. */
    static std::optional<RegistryReference> parseRepository(const QString &address, QString *error);
    /** An image reference (`from: alpine:3.18`, `host:5000/a/b@sha256:…`). */
    static std::optional<RegistryReference> parseImage(const QString &reference, QString *error);
};

} // namespace Stagecraft::Model

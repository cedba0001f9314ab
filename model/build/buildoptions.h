// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/containersstorageoptions.h"
#include "storage/registryaccess.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/** Which engine builds the stages. */
enum class BuildBackend {
    Buildah, ///< Stagecraft drives buildah itself, stage by stage (the default)
    Werf,    ///< the werf CLI builds; its log is parsed into the same events
};

/** Everything a build needs besides the project. */
struct BuildOptions
{
    BuildBackend backend = BuildBackend::Buildah;
    /** Images (or artifacts) to build with their dependencies; empty = every image (§4.1). */
    QStringList images;
    /** How many images of one dependency set build at once (werf's --parallel-tasks-limit). */
    int jobs = 5;
    /** Where buildah keeps its images (and so the `:local` stages storage). */
    ContainersStorageOptions storage;
    /**
     * werf --stages-storage: `:local` (for the buildah backend: its containers-storage) or a
     * registry repository (`127.0.0.1:5000/project/stages`), where the buildah backend looks the
     * stages up, pulls the cached ones it needs and pushes the ones it builds (reference §6).
     */
    QString stagesStorage = QStringLiteral(":local");
    /** Registry hosts ("HOST:PORT") reached over plain http or unverified TLS. */
    QStringList insecureRegistries;
    /** A PEM file of CA certificates trusted for the registry (buildah --cert-dir). */
    QString caFile;
    /** Credentials per registry host (keychain, then ~/.docker/config.json); may be empty.
     *  Called from the build thread. */
    CredentialProvider credentials;
    QString buildahProgram = QStringLiteral("buildah");
    QString werfProgram = QStringLiteral("werf");
    QString gitProgram = QStringLiteral("git");
    /** build_dir mounts live in <buildDirRoot>/<project>/<slug(to)>; empty = werf's
     *  ~/.werf/shared_context/mounts/projects. */
    QString buildDirRoot;
    /** Extra arguments for `werf build` (werf backend). */
    QStringList werfArguments;
    /** Durations of earlier builds, "image/stage" → ms, for the progress estimate. */
    QHash<QString, qint64> previousDurations;
};

} // namespace Stagecraft::Model

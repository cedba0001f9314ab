// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Stagecraft::Model {

Q_NAMESPACE

/** werf's stages in conveyor order (reference §4.2), plus the single stage of Dockerfile images. */
enum class StageId {
    From,
    BeforeInstall,
    ImportsBeforeInstall,
    GitArchive,
    Install,
    ImportsAfterInstall,
    BeforeSetup,
    ImportsBeforeSetup,
    Setup,
    ImportsAfterSetup,
    GitCache,
    GitLatestPatch,
    DockerInstructions,
    Dockerfile,
};
Q_ENUM_NS(StageId)

/** The stage name werf hashes and logs ("from", "importsBeforeInstall", "dockerfile", ...). */
QString stageName(StageId stage);
std::optional<StageId> stageFromName(const QString &name);

enum class ImageKind {
    Image,      ///< stapel image (`image:`)
    Artifact,   ///< stapel artifact (`artifact:`, or `final: false` in the newer syntax)
    Dockerfile, ///< Dockerfile image: a single `dockerfile` stage
    External,   ///< a base image from a registry (`from: alpine`), not defined in werf.yaml
};
Q_ENUM_NS(ImageKind)

QString imageKindName(ImageKind kind); ///< "image", "artifact", "dockerfile", "external"

/**
 * Which of a stapel image's optional stages exist (reference §4.2). stapelStageIds() turns it into
 * werf's stage list; the conveyor builder and the signature layer both go through it, so the
 * order and the git/docker rules live in one place.
 */
struct StapelStagePresence
{
    /** beforeInstall, install, beforeSetup, setup: commands/tasks or a cacheVersion. */
    bool userStages[4] = {false, false, false, false};
    /** importsBeforeInstall, importsAfterInstall, importsBeforeSetup, importsAfterSetup. */
    bool imports[4] = {false, false, false, false};
    bool git = false; ///< at least one git mapping
    /** gitCache/gitLatestPatch follow the git stages: not for 1.1 artifacts, asLayers layers or
     *  `disableGitAfterPatch: true`. */
    bool gitAfterPatch = true;
    bool docker = false; ///< `docker:` present and allowed (not for 1.1 artifacts)
};

/** werf's stage list of a stapel image, in conveyor order, from `from` on. */
QList<StageId> stapelStageIds(const StapelStagePresence &presence);

struct ConveyorStage
{
    StageId id = StageId::From;
    /** The directive that makes the stage exist, for "go to source". */
    SourceLocation location;
};

struct ConveyorImage
{
    /** werf's name; "" for a nameless image (shown as "~"). External images: the reference. */
    QString name;
    ImageKind kind = ImageKind::Image;
    /** Present stages in conveyor order; empty for external images. */
    QList<ConveyorStage> stages;
    /** Index of the werf.yaml document that defines it, -1 for external images. */
    int document = -1;
    /** Where the image is declared (its `image:`/`artifact:` key). */
    SourceLocation location;
    /** Dependency set (reference §4.1): 0 for images without dependencies. */
    int set = 0;

    QString displayName() const { return name.isEmpty() ? QStringLiteral("~") : name; }
    bool hasStage(StageId id) const;
};

enum class EdgeKind {
    FromImage,         ///< `fromImage: X` (or `from: X` naming an image in the newer syntax)
    FromImageArtifact, ///< `fromImageArtifact: X` / `fromArtifact: X`
    FromExternal,      ///< `from: registry/image:tag` (external base)
    Import,            ///< `import:` entry; targetStage is the imports stage it enters
    Dependency,        ///< newer syntax `dependencies:` entry
};
Q_ENUM_NS(EdgeKind)

/** A dependency between two images, attached at the stage where it acts. */
struct ConveyorEdge
{
    EdgeKind kind = EdgeKind::FromImage;
    int source = -1; ///< index into Conveyor::images (the dependency)
    int target = -1; ///< index into Conveyor::images (the dependant)
    /** The stage of the target where the edge acts: From for from*, the imports stage for imports. */
    StageId targetStage = StageId::From;
    /** import `stage:`: the stage of the source that is read; unset = its last stage. */
    std::optional<StageId> sourceStage;
    /** Imports: "add → to"; empty for other kinds. */
    QString label;
    /** The directive that creates the edge (`fromImage:` value, the import item, ...). */
    SourceLocation location;
};

/**
 * The conveyor of a loaded config: the images with their stage lists, the dependency edges, and
 * werf's dependency sets. It is a pure value derived from the config; views read it.
 */
struct Conveyor
{
    QList<ConveyorImage> images;
    QList<ConveyorEdge> edges;
    /** Dependency sets in build order; each holds image indices sorted by name. */
    QList<QList<int>> sets;
    Diagnostics diagnostics;

    int indexOf(const QString &name, ImageKind kind) const;
    /** Edges whose target is the image. */
    QList<int> incomingEdges(int image) const;
    /** Edges whose source is the image. */
    QList<int> outgoingEdges(int image) const;
};

} // namespace Stagecraft::Model

Q_DECLARE_METATYPE(Stagecraft::Model::Conveyor)

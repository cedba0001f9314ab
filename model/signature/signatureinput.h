// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "conveyor/conveyor.h"
#include "dockerfilesignature.h"
#include "git/gitmapping.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * What the signature calculator reads from a werf config, in werf's own normalised form
 * (cleaned paths, auto-excludes applied, CMD/ENTRYPOINT strings, canonical Ansible JSON).
 *
 * It is filled from the typed config by signatureInputFromConfig() (signatureinputbuilder.h), or
 * directly by tests. Keeping it separate means the formulas do not depend on how the config
 * layer spells its structures.
 */
struct SignatureInput
{
    /** `mount:` item (§1.9). */
    struct Mount
    {
        QString type;     ///< "tmp_dir", "build_dir" or "custom_dir"
        QString fromPath; ///< custom_dir only, as written
        QString to;

        friend bool operator==(const Mount &, const Mount &) = default;
    };

    /** `import:` item (§1.10). */
    struct Import
    {
        QString source; ///< image or artifact name
        bool fromArtifact = false;
        StageId slot = StageId::ImportsBeforeInstall; ///< the imports stage it belongs to
        QString add;
        QString to;
        QString owner;
        QString group;
        QStringList includePaths; ///< cleaned
        QStringList excludePaths; ///< cleaned, plus the auto-excludes of §2.3
        QString stage;            ///< `stage:` (werf name) or empty
        SourceLocation location;

        friend bool operator==(const Import &, const Import &) = default;
    };

    /** One user stage of the shell or ansible builder (§5.5). */
    struct UserStage
    {
        /** Shell commands as written, or one canonical JSON string per Ansible task. */
        QStringList items;
        QString stageCacheVersion;
        /** Set when an item could not be made canonical (werf would fail too). */
        QString error;

        friend bool operator==(const UserStage &, const UserStage &) = default;
    };

    struct Builder
    {
        enum class Kind { None, Shell, Ansible };
        Kind kind = Kind::None;
        QString cacheVersion;
        UserStage beforeInstall;
        UserStage install;
        UserStage beforeSetup;
        UserStage setup;

        const UserStage *stage(StageId id) const;
        friend bool operator==(const Builder &, const Builder &) = default;
    };

    /** `docker:` (§1.11), normalised. */
    struct Docker
    {
        bool present = false;
        QStringList volume;
        QStringList expose;
        QList<QPair<QString, QString>> env;   ///< in any order; hashed sorted by key
        QList<QPair<QString, QString>> label; ///< in any order; hashed sorted by key
        QString cmd;                          ///< normalised (see normalizeCommand)
        QString entrypoint;
        QString workdir;
        QString user;
        QString healthcheck;

        /** werf's CMD/ENTRYPOINT string: shell form as written, a list as `["a", "b"]`. */
        static QString normalizeCommand(const QStringList &items, bool isList);
        friend bool operator==(const Docker &, const Docker &) = default;
    };

    struct Image
    {
        QString name; ///< "" for a nameless image
        ImageKind kind = ImageKind::Image;
        QString from;
        bool fromLatest = false;
        QString fromCacheVersion;
        QString fromImage; ///< fromImage or fromImageArtifact target
        bool fromImageArtifact = false;
        QList<Mount> mounts;
        QList<GitMappingParams> git;
        Builder builder;
        QList<Import> imports;
        Docker docker;
        /**
         * The stage list, as the conveyor builder derives it from the config (stapelStages() in
         * conveyor/conveyorbuilder.h); signatureInputFromConfig() fills it. Empty for inputs
         * built by hand, whose list stages() derives from the fields below.
         */
        QList<StageId> stageIds;
        /** Hand-built inputs: gitCache/gitLatestPatch follow the git stages (not for 1.1
         *  artifacts, asLayers layers or `disableGitAfterPatch: true`). */
        bool gitAfterPatch = true;
        /** Hand-built inputs: dockerInstructions can exist (not for 1.1 artifacts). */
        bool dockerAllowed = true;
        /** Dockerfile images: the `dockerfile` stage's dependencies (or why they are unknown). */
        DockerfileDependencies dockerfile;
        /** Set when werf 1.1 signatures do not apply (newer rules, Dockerfile images, ...). */
        QString notComputedReason;
        SourceLocation location;

        QString displayName() const { return name.isEmpty() ? QStringLiteral("~") : name; }
        /** werf's static stage list (reference §4.2): stageIds, or for a hand-built input the
         *  conveyor's rules (stapelStageIds()) applied to its fields. */
        QList<StageId> stages() const;
        friend bool operator==(const Image &, const Image &) = default;
    };

    QString project;
    QList<Image> images;

    /** Index of the stapel/Dockerfile image or artifact of that name, or -1. */
    int indexOf(const QString &name, bool artifact) const;
};

} // namespace Stagecraft::Model

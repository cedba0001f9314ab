// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "conveyor/conveyor.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/** Whether a stage's werf 1.1 signature could be computed. */
enum class Computation {
    Computed,
    NeedsRegistry, ///< needs data from a registry (fromLatest's base image digest)
    NotComputed,   ///< see StagePlan::reason (newer werf rules, Dockerfile stage, no git, ...)
};

/** Whether the stages storage holds the stage; Unknown until a storage is consulted. */
enum class CacheStatus {
    Unknown,
    Cached,
    Missing,
};

/**
 * One named input of a stage signature, for "why will this stage rebuild".
 *
 * `key` is stable across edits (e.g. "shell.commands", "mount[0]", "import[1].source",
 * "git[<paramshash>].stageDependencies"), `label` says in a werf user's words what it is, and
 * `value` is the exact string that enters the hash (or, for long inputs, their hash).
 */
struct SignaturePart
{
    QString key;
    QString label;
    QString value;

    friend bool operator==(const SignaturePart &, const SignaturePart &) = default;
};

/** One stage of an image with werf 1.1's signature values (reference §5.2–§5.4). */
struct StagePlan
{
    StageId id = StageId::From;
    QString name; ///< werf's stage name ("from", "importsBeforeInstall", ...)
    Computation computation = Computation::Computed;
    QString reason; ///< why it is not computed
    /** Dynamically empty (gitCache/gitLatestPatch with nothing to apply): skipped by werf. */
    bool empty = false;
    QString dependencies;          ///< the stage's own input hash (GetDependencies)
    QString signature;             ///< H3("1.1", name, dependencies[, prev.signature, prev.next])
    QString contentSignature;      ///< H3("1.1", name + "-content", "", signature, next)
    QString nextStageDependencies; ///< what the stage passes on (§5.3)
    QString previousStage;         ///< name of the previous non-empty stage, empty for the first
    /** Commit per git mapping paramshash that the stage image carries in its labels. */
    QHash<QString, QString> gitCommits;
    QList<SignaturePart> inputs;
    QStringList warnings; ///< werf's warnings for this stage (dependency paths not found, ...)
    CacheStatus cache = CacheStatus::Unknown;
    /** The stage image found in the stages storage (`storedAs` in `plan --json`). */
    QString storedAs;
    /** Why the cache status is unknown (the storage could not be read), else empty. */
    QString statusReason;

    bool hasSignature() const { return computation == Computation::Computed && !empty; }
    /** The plan's status word: "unknown", "cached", "missing", "empty", "needs-registry", "not-computed". */
    QString statusName() const;
};

/** The stages of one image and its content signature (§5.7). */
struct ImagePlan
{
    QString name;
    ImageKind kind = ImageKind::Image;
    QList<StagePlan> stages;
    Computation computation = Computation::Computed;
    QString reason;
    /** H3("1.1", "imageStages", "", last.signature, last.next); empty when not computed. */
    QString contentSignature;
    SourceLocation location;

    QString displayName() const { return name.isEmpty() ? QStringLiteral("~") : name; }
    const StagePlan *stage(StageId id) const;
    /** The last stage that has a signature (werf's lastNonEmptyStage), or nullptr. */
    const StagePlan *lastStage() const;
};

/** The signatures of a whole project, as `stagecraft plan` prints them. */
struct Plan
{
    QString project;
    /** Sorted by name (images and artifacts of the same name: image first). */
    QList<ImagePlan> images;
    Diagnostics diagnostics;

    const ImagePlan *image(const QString &name, ImageKind kind) const;
    /** The shape of ARCHITECTURE.md "Command line" (`plan --json`), plus contentSignature per stage. */
    QByteArray toJson() const;
};

} // namespace Stagecraft::Model

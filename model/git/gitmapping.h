// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gitrepository.h"
#include "pathmatcher.h"

#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

class GitTree;

/**
 * One `git:` mapping as the signatures see it (reference §1.6, §5.6): paths already cleaned and
 * the export auto-excludes of §2.3 already appended to excludePaths.
 */
struct GitMappingParams
{
    /** Remote URL; empty for the project repository. */
    QString url;
    /** Absolute `add` (cleaned), "/" by default. */
    QString add = QStringLiteral("/");
    QString to;
    QString owner;
    QString group;
    QStringList includePaths;
    QStringList excludePaths;
    QStringList installDependencies;
    QStringList beforeSetupDependencies;
    QStringList setupDependencies;
    GitRevision revision; ///< branch/tag/commit as configured (remote mappings)

    bool isLocal() const { return url.isEmpty(); }
    /** werf's repository name: "own" locally, `getRepositoryID(url)` (e.g. "flant/werf") remotely. */
    QString repositoryName() const;
    /** "own_own" or "<id>_<id>" (GetFullName). */
    QString fullName() const;
    /** §5.6.1: RAW256 of the parts joined by ":::" with list items concatenated. */
    QString paramshash() const;
    /** `add` without its leading '/' ("" for "/"): werf's matcher base path. */
    QByteArray basePath() const;
    /** The mapping's own matcher: base path plus includePaths/excludePaths. */
    PathMatcher matcher() const;
    /** stageDependencies of "install", "beforeSetup" or "setup" (empty for other names). */
    QStringList dependencies(const QString &stageName) const;

    /** werf's getRepositoryID: the "group/repo" part of a URL; empty when it has none. */
    static QString repositoryIdFromUrl(const QString &url);

    friend bool operator==(const GitMappingParams &, const GitMappingParams &) = default;
};

/** The result of werf's StageDependenciesChecksum for one mapping and stage. */
struct StageDependenciesChecksum
{
    /** "" when the stage has no dependency paths; otherwise RAW256 of the path checksums. */
    QString checksum;
    /** Per configured path: its checksum ("" when nothing matched: werf warns). */
    QList<QPair<QString, QString>> pathChecksums;
    /** Paths that matched nothing (werf: "dependency path ... has not been found"). */
    QStringList notFound;
};

/** Git computations for one mapping over a commit tree (§5.6.2–§5.6.4). */
namespace GitMappingHash {

StageDependenciesChecksum stageDependenciesChecksum(const GitMappingParams &mapping,
                                                    const GitTree &tree,
                                                    const QStringList &paths);

/**
 * §5.6.4: the werf-filtered `git diff` FROM..TO for the mapping ("" when from == to).
 * @return std::nullopt with errorMessage on failure (for example a missing commit)
 */
std::optional<QByteArray> patchContent(const GitMappingParams &mapping,
                                       const GitRepository &repository,
                                       const QString &fromCommit,
                                       const QString &toCommit,
                                       QString *errorMessage = nullptr);

/** §5.6.3: the size in bytes of the filtered full-context binary patch (0 when from == to). */
std::optional<qint64> patchSize(const GitMappingParams &mapping,
                                const GitRepository &repository,
                                const QString &fromCommit,
                                const QString &toCommit,
                                QString *errorMessage = nullptr);

} // namespace GitMappingHash

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gitrepository.h"
#include "gittree.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * A repository's work tree as werf 1.1 reads it for a Dockerfile image's build context
 * (DockerfileStage.calculateFilesChecksumWithGit): the HEAD commit's tree, the status of the
 * uncommitted files, and `git check-ignore` for files on disk.
 *
 * werf reads the status with go-git (Worktree.Status); here it comes from
 * `git status --porcelain=v1 -z --untracked-files=all --no-renames`, which reports the same
 * staging/work-tree codes per file: go-git 5.1 detects no renames, lists every untracked file
 * (not their directories) and leaves out untracked files that .gitignore excludes. A file that
 * was removed from the index but still exists (`git rm --cached`) is one go-git entry
 * (staging Deleted, work tree Untracked) and two git lines, which are merged here.
 *
 * Everything is read on first use and kept, so one instance serves every Dockerfile image of a
 * plan. Not thread-safe.
 */
class GitWorkTree
{
public:
    /** One changed file: go-git's StatusCode characters (' ', '?', 'M', 'A', 'D', 'U'). */
    struct StatusEntry
    {
        QByteArray path; ///< repo-relative, '/'-separated
        char staging = ' ';
        char worktree = ' ';

        friend bool operator==(const StatusEntry &, const StatusEntry &) = default;
    };

    /** @param path the work tree's top directory (werf: the project directory with its .git) */
    explicit GitWorkTree(const QString &path);

    const QString &path() const { return m_repository.path(); }

    /** The HEAD commit's tree; nullptr with an error when it cannot be read. */
    const GitTree *headTree(QString *errorMessage = nullptr);
    /** The paths of the submodules in the HEAD tree (empty when HEAD cannot be read). */
    QList<QByteArray> submodulePaths();
    /** The changed files sorted by path; nullptr with an error when git fails. */
    const QList<StatusEntry> *status(QString *errorMessage = nullptr);
    /**
     * The absolute paths among `absolutePaths` that .gitignore (or info/exclude, core.excludes)
     * excludes, as `git check-ignore --stdin` prints them (tracked files never are).
     */
    std::optional<QStringList> ignored(const QStringList &absolutePaths,
                                       QString *errorMessage = nullptr) const;

    /** Parses `git status --porcelain=v1 -z` output into go-git's entries (for tests too). */
    static std::optional<QList<StatusEntry>> parseStatus(const QByteArray &output,
                                                         QString *errorMessage = nullptr);

private:
    GitRepository m_repository;
    std::optional<GitTree> m_head;
    QString m_headError;
    bool m_headRead = false;
    QList<QByteArray> m_submodules;
    std::optional<QList<StatusEntry>> m_status;
    QString m_statusError;
    bool m_statusRead = false;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gittree.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/** Which commit a git mapping follows (reference §1.6); all empty means HEAD. */
struct GitRevision
{
    QString commit;
    QString tag;
    QString branch;

    friend bool operator==(const GitRevision &, const GitRevision &) = default;
};

/**
 * Read access to one git repository through the git command-line tool.
 *
 * Why the CLI and not libgit2: libgit2 is not in the tree (nor a dependency we want to add for
 * read-only plumbing), and werf itself shells out to git for diffs and merge-base, so the CLI
 * gives byte-identical `git diff` output for gitLatestPatch/gitCache and the exact ancestry rules
 * of `merge-base --is-ancestor`. `ls-tree -r -t -z` and `rev-parse` are stable plumbing whose
 * output we parse without locale or quoting issues.
 *
 * Calls block until git exits (each is a short plumbing command). Run them off the GUI thread,
 * e.g. inside the QtConcurrent job that computes a plan.
 */
class GitRepository
{
public:
    /** @param path a work tree, any directory inside one, or a (bare) git directory */
    explicit GitRepository(const QString &path, const QString &gitProgram = QStringLiteral("git"));

    /** Is there a repository at the path at all? */
    bool isValid(QString *errorMessage = nullptr) const;
    /** `git rev-parse --is-shallow-repository`: werf refuses shallow clones by default. */
    std::optional<bool> isShallow(QString *errorMessage = nullptr) const;

    /** The HEAD commit (uncommitted changes never count, as in werf 1.1). */
    std::optional<QString> headCommit(QString *errorMessage = nullptr) const;
    /**
     * werf's getLatestCommit: `commit` as written; else the commit a tag points to (peeled);
     * else refs/remotes/origin/<branch> (a local branch of that name as a fallback for plain
     * clones); else HEAD.
     */
    std::optional<QString> resolve(const GitRevision &revision,
                                   QString *errorMessage = nullptr) const;
    /** Does the object exist and is it a commit? */
    bool commitExists(const QString &commit) const;
    /** `git merge-base --is-ancestor`; exit 1 or an unknown commit means "no". */
    std::optional<bool> isAncestor(const QString &ancestor,
                                   const QString &descendant,
                                   QString *errorMessage = nullptr) const;
    /** The full tree of a commit: `git ls-tree -r -t -z --full-tree`. */
    std::optional<GitTree> tree(const QString &commit, QString *errorMessage = nullptr) const;

    struct DiffOptions
    {
        bool entireFileContext = false; ///< -c diff.context=999999999 (gitCache size)
        bool binary = false;            ///< --binary (gitCache size)
    };
    /** werf's unfiltered patch command: `git diff --full-index --submodule=log FROM TO`. */
    std::optional<QByteArray> diff(const QString &fromCommit,
                                   const QString &toCommit,
                                   const DiffOptions &options,
                                   QString *errorMessage = nullptr) const;

    /** Exit code and output of one git invocation (for the operations above). */
    struct Output
    {
        int exitCode = -1;
        QByteArray standardOutput;
        QByteArray standardError;
        QString startError; ///< set when git could not be run at all
    };
    Output run(const QStringList &arguments, const QByteArray &standardInput = {}) const;

    const QString &path() const { return m_path; }

private:
    QString m_path;
    QString m_gitProgram;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pathmatcher.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Stagecraft::Model {

/**
 * The questions werf's ls-tree walk asks a path matcher (werf's path_matcher.PathMatcher
 * interface), for matchers other than the git-mapping PathMatcher, e.g. the Dockerfile
 * context's .dockerignore matcher.
 */
class TreeFilter
{
public:
    virtual ~TreeFilter() = default;
    /** Repo-relative base path ("" for the root): the walk starts at its entry. */
    virtual QByteArray basePath() const = 0;
    virtual bool matchPath(const QByteArray &path) const = 0;
    virtual PathMatcher::DirDecision processDir(const QByteArray &path) const = 0;
};

/** One entry of `git ls-tree`: mode, type, object id and repo-relative path. */
struct GitTreeEntry
{
    QByteArray mode;     ///< "100644", "040000", "160000", ...
    QByteArray type;     ///< "blob", "tree" or "commit" (a submodule)
    QByteArray objectId; ///< 40-hex id (the commit id for a submodule)
    QByteArray path;     ///< full repo-relative path; "" is the root tree

    bool isTree() const { return type == "tree"; }
    bool isSubmodule() const { return type == "commit"; }
    friend bool operator==(const GitTreeEntry &, const GitTreeEntry &) = default;
};

/**
 * The complete tree of one commit (`git ls-tree -r -t`), and werf's ls-tree walk over it.
 *
 * This is the repository state the signatures read. It comes from GitRepository::tree() for a
 * real repository, or is built directly (a commit id and its entries) when a test or a "what if"
 * injects a state; both then go through the same walk and checksum code.
 */
class GitTree
{
public:
    GitTree() = default;
    GitTree(const QString &commit, const QByteArray &rootTreeId, const QList<GitTreeEntry> &entries);

    const QString &commit() const { return m_commit; }
    const QByteArray &rootTreeId() const { return m_rootTreeId; }
    const QList<GitTreeEntry> &entries() const { return m_entries; }
    /** The entry at a repo-relative path ("" is the root tree), or nullptr. */
    const GitTreeEntry *entry(const QByteArray &path) const;
    /** The direct children of a tree path ("" for the root). */
    QList<const GitTreeEntry *> children(const QByteArray &treePath) const;

    /**
     * werf's LsTree of this commit with a git-mapping matcher: the matched entries, where a
     * directory the matcher takes whole is one tree entry. Submodules are not descended into.
     */
    QList<GitTreeEntry> lsTree(const PathMatcher &matcher) const;
    /** The same walk with another kind of matcher. */
    QList<GitTreeEntry> lsTree(const TreeFilter &filter) const;
    /** werf's Result.LsTree: filter an earlier result again with another matcher. */
    QList<GitTreeEntry> lsTree(const QList<GitTreeEntry> &previous,
                               const PathMatcher &matcher) const;

    /** RAW256 of the concatenated object ids sorted by path; "" for no entries (Result.Checksum). */
    static QString checksum(QList<GitTreeEntry> entries);

private:

    QString m_commit;
    QByteArray m_rootTreeId;
    QList<GitTreeEntry> m_entries;
    QHash<QByteArray, qsizetype> m_byPath;
    QHash<QByteArray, QList<qsizetype>> m_childrenByTree;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "gittree.h"

#include "signature/hash.h"

#include <algorithm>

namespace Stagecraft::Model {

GitTree::GitTree(const QString &commit,
                 const QByteArray &rootTreeId,
                 const QList<GitTreeEntry> &entries)
    : m_commit(commit)
    , m_rootTreeId(rootTreeId)
    , m_entries(entries)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const QByteArray &path = m_entries.at(i).path;
        m_byPath.insert(path, i);
        const qsizetype slash = path.lastIndexOf('/');
        m_childrenByTree[slash < 0 ? QByteArray("") : path.left(slash)].append(i);
    }
}

const GitTreeEntry *GitTree::entry(const QByteArray &path) const
{
    const auto it = m_byPath.constFind(path);
    return it == m_byPath.constEnd() ? nullptr : &m_entries.at(*it);
}

QList<const GitTreeEntry *> GitTree::children(const QByteArray &treePath) const
{
    QList<const GitTreeEntry *> result;
    const auto it = m_childrenByTree.constFind(treePath);
    if (it == m_childrenByTree.constEnd())
        return result;
    for (const qsizetype i : *it)
        result.append(&m_entries.at(i));
    return result;
}

namespace {

// The walk is a template over the matcher so that the git-mapping PathMatcher, used for every
// stage of every image, keeps non-virtual calls; other matchers come in as TreeFilter.
struct FilterMatcher
{
    const TreeFilter &filter;
    QByteArray basePath() const { return filter.basePath(); }
    bool matchPath(const QByteArray &path) const { return filter.matchPath(path); }
    PathMatcher::DirDecision processDir(const QByteArray &path) const
    {
        return filter.processDir(path);
    }
};

template<typename Matcher>
void walk(const GitTree &tree,
          const QByteArray &treePath,
          const Matcher &matcher,
          QList<GitTreeEntry> &out);

template<typename Matcher>
void matchEntry(const GitTree &tree,
                const GitTreeEntry &entry,
                const Matcher &matcher,
                QList<GitTreeEntry> &out)
{
    if (entry.isTree()) {
        const PathMatcher::DirDecision decision = matcher.processDir(entry.path);
        if (decision.matched)
            out.append(entry);
        else if (decision.walkThrough)
            walk(tree, entry.path, matcher, out);
    } else if (entry.isSubmodule()) {
        // A submodule taken whole contributes its commit id, like werf. Its contents would need
        // the submodule's own repository, which werf only has when the submodule is initialised;
        // we never descend (reported as a limitation).
        if (matcher.processDir(entry.path).matched)
            out.append(entry);
    } else if (matcher.matchPath(entry.path)) {
        out.append(entry);
    }
}

template<typename Matcher>
void walk(const GitTree &tree,
          const QByteArray &treePath,
          const Matcher &matcher,
          QList<GitTreeEntry> &out)
{
    for (const GitTreeEntry *child : tree.children(treePath))
        matchEntry(tree, *child, matcher, out);
}

GitTreeEntry rootEntry(const GitTree &tree)
{
    return {QByteArrayLiteral("040000"), QByteArrayLiteral("tree"), tree.rootTreeId(), QByteArray("")};
}

template<typename Matcher>
QList<GitTreeEntry> lsTreeOf(const GitTree &tree, const Matcher &matcher)
{
    QList<GitTreeEntry> out;
    const QByteArray base = matcher.basePath();
    if (!base.isEmpty()) {
        // werf looks the base path up directly instead of walking from the root.
        if (const GitTreeEntry *entry = tree.entry(base))
            matchEntry(tree, *entry, matcher, out);
        return out;
    }
    const PathMatcher::DirDecision decision = matcher.processDir(QByteArray(""));
    if (decision.matched)
        out.append(rootEntry(tree));
    else if (decision.walkThrough)
        walk(tree, QByteArray(""), matcher, out);
    return out;
}

} // namespace

QList<GitTreeEntry> GitTree::lsTree(const PathMatcher &matcher) const
{
    return lsTreeOf(*this, matcher);
}

QList<GitTreeEntry> GitTree::lsTree(const TreeFilter &filter) const
{
    return lsTreeOf(*this, FilterMatcher{filter});
}

QList<GitTreeEntry> GitTree::lsTree(const QList<GitTreeEntry> &previous,
                                    const PathMatcher &matcher) const
{
    QList<GitTreeEntry> out;
    for (const GitTreeEntry &e : previous) {
        if (e.path.isEmpty()) {
            const PathMatcher::DirDecision decision = matcher.processDir(QByteArray(""));
            if (decision.matched)
                out.append(e);
            else if (decision.walkThrough)
                walk(*this, QByteArray(""), matcher, out);
        } else {
            matchEntry(*this, e, matcher, out);
        }
    }
    return out;
}

QString GitTree::checksum(QList<GitTreeEntry> entries)
{
    if (entries.isEmpty())
        return {};
    std::sort(entries.begin(), entries.end(), [](const GitTreeEntry &a, const GitTreeEntry &b) {
        return a.path < b.path;
    });
    QByteArray ids;
    for (const GitTreeEntry &e : entries)
        ids += e.objectId;
    return Hash::raw256(ids);
}

} // namespace Stagecraft::Model

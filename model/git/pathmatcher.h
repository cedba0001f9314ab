// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Stagecraft::Model {

/**
 * werf 1.1's path matcher for git mappings (basePath + includePaths + excludePaths) and its
 * "simple" variant used per stageDependencies path (basePath + one include, no excludes; the two
 * behave identically when the exclude list is empty).
 *
 * Paths are repo-relative with '/' separators; "" is the repository root.
 */
class PathMatcher
{
public:
    /** What to do with a directory (or submodule) during an ls-tree walk. */
    struct DirDecision
    {
        bool matched = false;     ///< the whole directory is one entry (its tree id)
        bool walkThrough = false; ///< descend and test the children
    };

    PathMatcher() = default;
    PathMatcher(const QByteArray &basePath,
                const QList<QByteArray> &includePaths,
                const QList<QByteArray> &excludePaths = {});

    /** Does the file at `path` pass (werf MatchPath)? */
    bool matchPath(const QByteArray &path) const;
    /** werf ProcessDirOrSubmodulePath (non-greedy). */
    DirDecision processDir(const QByteArray &path) const;
    /** The path relative to the base path; a file that is the base path itself gives its name. */
    QByteArray trimBasePath(const QByteArray &path) const;

    const QByteArray &basePath() const { return m_basePath; }
    const QList<QByteArray> &includePaths() const { return m_includePaths; }
    const QList<QByteArray> &excludePaths() const { return m_excludePaths; }

    /** werf's formatPath: "" and "." become "", anything else is Clean()ed. */
    static QByteArray formatPath(const QByteArray &path);
    /** `target` is `base` or lies below it ("" is the root and contains everything). */
    static bool isRel(const QByteArray &target, const QByteArray &base);
    /** `target` lies below `base`, and is not `base` itself. */
    static bool isSubDirOf(const QByteArray &target, const QByteArray &base);
    /** GoPath::rel(base, target), with "" as the root (relative to which `target` stays). */
    static QByteArray rel(const QByteArray &target, const QByteArray &base);
    /**
     * The decision for a directory outside `base` (both formatted): walk through it when `base`
     * lies below it, else skip it. Nothing for `base` itself and what lies below it: that is the
     * matcher's own to decide.
     */
    static std::optional<DirDecision> outsideBase(const QByteArray &path, const QByteArray &base);

private:
    QByteArray m_basePath;
    QList<QByteArray> m_includePaths;
    QList<QByteArray> m_excludePaths;
};

} // namespace Stagecraft::Model

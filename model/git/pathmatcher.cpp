// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathmatcher.h"

#include "globmatch.h"
#include "gopath.h"

namespace Stagecraft::Model {

namespace {

// A glob that matches everything below the point where it is evaluated: ".", "", "*", "**",
// "**/*", ... (only '*' and '/' characters).
bool hasUniversalGlob(const QList<QByteArray> &globs)
{
    for (const QByteArray &glob : globs) {
        if (glob == ".")
            return true;
        bool onlyStarsAndSlashes = true;
        for (const char c : glob) {
            if (c != '*' && c != '/') {
                onlyStarsAndSlashes = false;
                break;
            }
        }
        if (onlyStarsAndSlashes)
            return true;
    }
    return false;
}

bool isPathMatched(const QByteArray &path, const QByteArray &pattern)
{
    if (GlobMatch::matches(pattern, path))
        return true;
    // A pattern naming a directory also matches everything inside it.
    return GlobMatch::matches(GoPath::join(
                                      {pattern, QByteArrayLiteral("**"), QByteArrayLiteral("*")}),
                              path);
}

bool isAnyPatternMatched(const QByteArray &path, const QList<QByteArray> &patterns)
{
    for (const QByteArray &pattern : patterns) {
        if (PathMatcher::isRel(path, pattern) || isPathMatched(path, pattern))
            return true;
    }
    return false;
}

struct GlobStep
{
    QList<QByteArray> inProgress; ///< globs with components left to match deeper
    QList<QByteArray> matched;    ///< globs fully consumed by the path so far
};

// Advance every glob by one path component.
GlobStep matchGlobs(const QByteArray &pathPart, const QList<QByteArray> &globs)
{
    GlobStep step;
    for (const QByteArray &glob : globs) {
        // werf splits the glob on every '/', escaped or not.
        const QList<QByteArray> parts = glob.split('/');
        if (!GlobMatch::matches(parts.first(), pathPart))
            continue;
        if (parts.first().contains("**")) {
            step.inProgress.append(glob);
        } else if (parts.size() > 1) {
            const QByteArray rest = GoPath::join(parts.mid(1));
            if (!rest.isEmpty())
                step.inProgress.append(rest);
        } else {
            step.matched.append(glob);
        }
    }
    return step;
}

} // namespace

PathMatcher::PathMatcher(const QByteArray &basePath,
                         const QList<QByteArray> &includePaths,
                         const QList<QByteArray> &excludePaths)
    : m_basePath(formatPath(basePath))
{
    for (const QByteArray &p : includePaths)
        m_includePaths.append(formatPath(p));
    for (const QByteArray &p : excludePaths)
        m_excludePaths.append(formatPath(p));
}

QByteArray PathMatcher::formatPath(const QByteArray &path)
{
    if (path.isEmpty() || path == ".")
        return {""};
    return GoPath::clean(path);
}

bool PathMatcher::isRel(const QByteArray &target, const QByteArray &base)
{
    if (base.isEmpty())
        return true;
    return QByteArray(target + '/').startsWith(QByteArray(base + '/'));
}

bool PathMatcher::isSubDirOf(const QByteArray &target, const QByteArray &base)
{
    return target != base && isRel(target, base);
}

QByteArray PathMatcher::rel(const QByteArray &target, const QByteArray &base)
{
    if (base.isEmpty())
        return target;
    return GoPath::rel(base, target);
}

std::optional<PathMatcher::DirDecision> PathMatcher::outsideBase(const QByteArray &path,
                                                                 const QByteArray &base)
{
    if (path == base || isSubDirOf(path, base))
        return std::nullopt;
    if (isSubDirOf(base, path))
        return DirDecision{false, true};
    return DirDecision{false, false};
}

bool PathMatcher::matchPath(const QByteArray &rawPath) const
{
    const QByteArray path = formatPath(rawPath);
    if (!isRel(path, m_basePath))
        return false;
    const QByteArray subPathOrDot = rel(path, m_basePath);
    if (!m_includePaths.isEmpty() && !isAnyPatternMatched(subPathOrDot, m_includePaths))
        return false;
    if (!m_excludePaths.isEmpty() && isAnyPatternMatched(subPathOrDot, m_excludePaths))
        return false;
    return true;
}

PathMatcher::DirDecision PathMatcher::processDir(const QByteArray &rawPath) const
{
    const QByteArray path = formatPath(rawPath);
    if (const std::optional<DirDecision> outside = outsideBase(path, m_basePath))
        return *outside;
    if (m_includePaths.isEmpty() && m_excludePaths.isEmpty())
        return {true, false};
    if (hasUniversalGlob(m_excludePaths))
        return {false, false};
    if (hasUniversalGlob(m_includePaths))
        return {true, false};
    if (path == m_basePath)
        return {false, true};

    const QList<QByteArray> parts = GoPath::splitEscaped(rel(path, m_basePath));
    QList<QByteArray> includes = m_includePaths;
    QList<QByteArray> excludes = m_excludePaths;
    QList<QByteArray> matchedIncludes;
    QList<QByteArray> matchedExcludes;

    for (const QByteArray &part : parts) {
        if (includes.isEmpty() && excludes.isEmpty())
            break;
        if (!includes.isEmpty()) {
            GlobStep step = matchGlobs(part, includes);
            includes = step.inProgress;
            matchedIncludes = step.matched;
            // No include can match anything at or below this directory.
            if (includes.isEmpty() && matchedIncludes.isEmpty())
                return {false, false};
        }
        if (!excludes.isEmpty()) {
            GlobStep step = matchGlobs(part, excludes);
            excludes = step.inProgress;
            matchedExcludes = step.matched;
            // The excludes cannot reach here and no include is pending: take it whole.
            if (excludes.isEmpty() && matchedExcludes.isEmpty() && includes.isEmpty())
                return {true, false};
        }
    }

    if (!excludes.isEmpty())
        return {false, !hasUniversalGlob(excludes)};
    if (!includes.isEmpty()) {
        if (hasUniversalGlob(includes))
            return {true, false};
        return {false, true};
    }
    if (!matchedExcludes.isEmpty())
        return {false, false};
    if (!matchedIncludes.isEmpty())
        return {true, false};
    return {false, false};
}

QByteArray PathMatcher::trimBasePath(const QByteArray &rawPath) const
{
    const QByteArray path = formatPath(rawPath);
    if (path == m_basePath) {
        // A file that is the base path itself: werf keeps its name.
        const qsizetype slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.mid(slash + 1);
    }
    return rel(path, m_basePath);
}

} // namespace Stagecraft::Model

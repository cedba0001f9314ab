// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerignorepathmatcher.h"

#include "git/globmatch.h"
#include "git/gopath.h"

namespace Stagecraft::Model {

DockerIgnorePathMatcher::DockerIgnorePathMatcher(const QByteArray &basePath,
                                                 const DockerIgnore &ignore)
    : m_basePath(PathMatcher::formatPath(basePath))
    , m_ignore(ignore)
{
    // PatternMatcher.Patterns(): the cleaned pattern and whether it is an exception ('!').
    for (const QString &p : ignore.patterns()) {
        Pattern pattern;
        pattern.exclusion = p.startsWith(u'!');
        pattern.pattern = (pattern.exclusion ? p.mid(1) : p).toUtf8();
        m_patterns.append(pattern);
    }
}

bool DockerIgnorePathMatcher::matchPath(const QByteArray &rawPath) const
{
    const QByteArray path = PathMatcher::formatPath(rawPath);
    if (!PathMatcher::isRel(path, m_basePath))
        return false;
    if (path == m_basePath)
        return true;
    return !m_ignore.matches(QString::fromUtf8(PathMatcher::rel(path, m_basePath)));
}

PathMatcher::DirDecision DockerIgnorePathMatcher::processDir(const QByteArray &rawPath) const
{
    const QByteArray path = PathMatcher::formatPath(rawPath);
    if (const auto outside = PathMatcher::outsideBase(path, m_basePath))
        return *outside;
    if (m_patterns.isEmpty())
        return {true, false};
    if (path == m_basePath)
        return {false, true};

    struct Progress
    {
        QByteArray pattern;
        bool exclusion = false;
        bool matched = false;
        bool inProgress = true;
    };
    QList<Progress> patterns;
    for (const Pattern &p : m_patterns)
        patterns.append({p.pattern, p.exclusion});

    for (const QByteArray &part : GoPath::splitEscaped(PathMatcher::rel(path, m_basePath))) {
        for (Progress &p : patterns) {
            if (!p.inProgress)
                continue;
            // werf's matchGlob: the first component of the glob against this path component.
            const QList<QByteArray> globParts = p.pattern.split('/');
            if (!GlobMatch::matches(globParts.first(), part)) {
                p.inProgress = false;
            } else if (globParts.first().contains("**")) {
                // stays in progress with the whole glob
            } else if (globParts.size() > 1) {
                const QByteArray rest = GoPath::join(globParts.mid(1));
                if (rest.isEmpty())
                    p.inProgress = false;
                else
                    p.pattern = rest;
            } else {
                p.matched = true;
                p.inProgress = false;
            }
        }
    }

    // The last pattern that decides wins, as in .dockerignore itself.
    bool matched = true;
    bool walkThrough = false;
    for (const Progress &p : std::as_const(patterns)) {
        if (p.matched) {
            matched = p.exclusion;
            walkThrough = false;
        } else if (p.inProgress) {
            matched = false;
            walkThrough = true;
        }
    }
    return {matched, walkThrough};
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dockerignore.h"
#include "git/gittree.h"

#include <QByteArray>
#include <QList>

namespace Stagecraft::Model {

/**
 * werf 1.1's DockerfileIgnorePathMatcher (non-greedy): the files of a build context (a base
 * path relative to the repository) that its .dockerignore keeps, for werf's ls-tree walk and
 * status filter of a Dockerfile context in a git repository.
 *
 * A directory is taken whole (its tree id) when no pattern can still apply inside it, walked
 * when a pattern is still in progress, and skipped when an ignore pattern covers it; patterns
 * are advanced one path component at a time with doublestar globs, as werf does.
 */
class DockerIgnorePathMatcher final : public TreeFilter
{
public:
    DockerIgnorePathMatcher(const QByteArray &basePath, const DockerIgnore &ignore);

    QByteArray basePath() const override { return m_basePath; }
    bool matchPath(const QByteArray &path) const override;
    PathMatcher::DirDecision processDir(const QByteArray &path) const override;

private:
    struct Pattern
    {
        QByteArray pattern;
        bool exclusion = false;
    };

    QByteArray m_basePath;
    DockerIgnore m_ignore;
    QList<Pattern> m_patterns;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Stagecraft::Model {

/**
 * Glob matching with the semantics of github.com/bmatcuk/doublestar v1.1.5 `PathMatch`, the
 * matcher werf 1.1 uses for includePaths, excludePaths and stageDependencies.
 *
 * Components are split on unescaped '/'; a component that is exactly `**` matches zero or more
 * components; inside a component `*`, `?`, `[...]`/`[^...]`, `{a,b}` and `\` escapes work as in
 * doublestar, including its quirks (so that the same files are hashed as by werf).
 */
namespace GlobMatch {

enum class Result {
    NoMatch,
    Match,
    BadPattern, ///< doublestar's ErrBadPattern (werf panics on it; we treat it as no match)
};

Result pathMatch(const QByteArray &pattern, const QByteArray &name);
/** One path component against one pattern component (doublestar's matchComponent). */
Result matchComponent(const QByteArray &pattern, const QByteArray &name);

inline bool matches(const QByteArray &pattern, const QByteArray &name)
{
    return pathMatch(pattern, name) == Result::Match;
}

} // namespace GlobMatch

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Stagecraft::Model::Template {

/**
 * bmatcuk/doublestar v1 PathMatch: matches a '/'-separated name against a pattern where `**` as a
 * whole path component matches any number of components (including none), `*` matches within a
 * component, `?` one character, `[...]` a class (`[!...]`/`[^...]` negated, ranges), `{a,b}`
 * alternatives and `\` escapes. Returns false and sets *badPattern for a malformed pattern.
 */
bool doublestarMatch(const QByteArray &pattern, const QByteArray &name, bool *badPattern = nullptr);

} // namespace Stagecraft::Model::Template

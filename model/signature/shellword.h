// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace Stagecraft::Model {

/**
 * The word expansion Dockerfile front ends apply to instruction arguments (BuildKit's
 * shell.Lex.ProcessWord as werf 1.1 vendors it): single and double quotes are removed, the
 * escape token escapes the next character, and `$NAME`, `${NAME}`, `${NAME:-word}`,
 * `${NAME:+word}`, `${NAME?msg}` and `${NAME:?msg}` are expanded from the environment. Unset
 * variables expand to "" (werf does not set SkipUnsetEnv).
 *
 * werf hashes a Dockerfile instruction's expanded form next to its text when ARG/ENV values
 * change it, which is why this has to be exact.
 */
namespace ShellWord {

/**
 * Expands `word` with `env`; nullopt with BuildKit's message in `error` on a syntax error
 * ("syntax error: missing '}'", "unexpected end of statement while looking for matching
 * double-quote", ...).
 */
std::optional<QString> process(const QString &word,
                               const QHash<QString, QString> &env,
                               QString *error,
                               char32_t escapeToken = U'\\');

} // namespace ShellWord

} // namespace Stagecraft::Model

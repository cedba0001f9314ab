// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QByteArray>
#include <QList>

/**
 * Go's fmt and strconv printing for template Values, byte for byte: what text/template's print,
 * printf, println and action output produce, and what Sprig's toString, cat and printf-like
 * functions build on.
 */
namespace Stagecraft::Model::Template {

/**
 * What fmt's %v (and fmt.Sprint of one operand) prints: `map[a:1 b:[x y]]`, `[a b]`, `<nil>`,
 * floats as strconv 'g' shortest with Go's exponent rule (`1e+06`, `0.1`, `3`). An Invalid value
 * prints `<nil>` like a nil interface; text/template's `<no value>` is the engine's business.
 * Throws FunctionError for values nested more than 1000 levels (a map containing itself), where
 * Go would overflow its stack; the same holds for sprint, sprintln and goSprintf.
 */
QByteArray formatValue(const Value &value);

/** fmt.Sprint: a space between operands when neither side is a string. */
QByteArray sprint(const QList<Value> &args);

/** fmt.Sprintln: a space between all operands, then a newline. */
QByteArray sprintln(const QList<Value> &args);

/**
 * fmt.Sprintf with Go's verbs, flags, width, precision, `*` and `[n]` argument indexes, and
 * Go's error output (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`,
 * `%!(BADWIDTH)`, `%!(BADPREC)`, `%!v(BADINDEX)`). Not supported: %p (printed as a bad verb,
 * as Go prints it for non-pointers) and %w.
 */
QByteArray goSprintf(const QByteArray &format, const QList<Value> &args);

/**
 * strconv.FormatFloat(f, fmt, prec, bitSize) for fmt 'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X'; prec -1
 * means the shortest representation that round-trips ('b', 'x' and 'X' use the float64 bits).
 */
QByteArray formatFloat(double f, char fmt, int prec, int bitSize = 64);

/** strconv.Quote (asciiOnly: strconv.QuoteToASCII). */
QByteArray quoteString(const QByteArray &s, bool asciiOnly = false);

/** strconv.QuoteRune (asciiOnly: strconv.QuoteRuneToASCII). */
QByteArray quoteRune(char32_t rune, bool asciiOnly = false);

/** unicode.IsPrint, from Qt's Unicode tables (which may be a Unicode version apart from Go's). */
bool isGoPrint(char32_t rune);

/**
 * Decodes one UTF-8 rune at s[pos] as Go's utf8.DecodeRune does: invalid or overlong sequences
 * and surrogates give U+FFFD with width 1. Returns the rune and stores its width in *width.
 */
char32_t decodeRune(const QByteArray &s, qsizetype pos, int *width);

/** utf8.EncodeRune: U+FFFD for invalid runes. */
QByteArray encodeRune(char32_t rune);

/** utf8.RuneCount: every invalid byte counts as one rune. */
qsizetype runeCount(const QByteArray &s);

} // namespace Stagecraft::Model::Template

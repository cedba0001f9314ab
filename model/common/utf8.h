// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace Stagecraft::Model {

/**
 * UTF-8 decoding with Go's rules (unicode/utf8.DecodeRune): overlong forms, surrogates and code
 * points above U+10FFFF are invalid, and an invalid sequence counts as one byte. werf, Go's
 * templates, doublestar and encoding/json all walk bytes this way, so the places that reproduce
 * them share this one decoder.
 */
namespace Utf8 {

inline constexpr char32_t replacementCharacter = 0xFFFD;

struct Rune
{
    char32_t value = replacementCharacter;
    int width = 0;      ///< bytes consumed: 0 at the end of the input, 1 for an invalid byte
    bool valid = false; ///< a well-formed sequence (which may itself encode U+FFFD)
};

/** Decodes the sequence that starts at `at`. */
Rune decode(QByteArrayView bytes, qsizetype at);

/** Offset of the first byte that does not start a valid sequence, or -1. */
qsizetype firstInvalid(QByteArrayView bytes);

} // namespace Utf8

} // namespace Stagecraft::Model

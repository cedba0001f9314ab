// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8.h"

namespace Stagecraft::Model::Utf8 {

Rune decode(QByteArrayView s, qsizetype at)
{
    if (at < 0 || at >= s.size())
        return {};
    const auto b0 = static_cast<unsigned char>(s.at(at));
    if (b0 < 0x80)
        return {b0, 1, true};
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        value = b0 & 0x1F;
        minimum = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        value = b0 & 0x0F;
        minimum = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        value = b0 & 0x07;
        minimum = 0x10000;
    } else {
        return {replacementCharacter, 1, false};
    }
    if (at + length > s.size())
        return {replacementCharacter, 1, false};
    for (int i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s.at(at + i));
        if ((b & 0xC0) != 0x80)
            return {replacementCharacter, 1, false};
        value = (value << 6) | (b & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {replacementCharacter, 1, false};
    return {value, length, true};
}

qsizetype firstInvalid(QByteArrayView s)
{
    for (qsizetype i = 0; i < s.size();) {
        // ASCII is most of a werf.yaml: this check runs over the whole text on every re-parse.
        if (uchar(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const Rune r = decode(s, i);
        if (!r.valid)
            return i;
        i += r.width;
    }
    return -1;
}

} // namespace Stagecraft::Model::Utf8

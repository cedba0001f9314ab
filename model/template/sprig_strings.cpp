// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's string functions (strings.go and the goutils/xstrings helpers it wraps), as of
// sprig v2.20.0 with goutils v1.1.1 and xstrings v1.3.2, the versions werf 1.1 links.
#include "common/tr.h"
#include "gofmt.h"
#include "sprigutil.h"

#include <QChar>
#include <QRandomGenerator>

#include <algorithm>
#include <string>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

// Go's []rune(s): invalid bytes become U+FFFD.
std::u32string toRunes(const QByteArray &s)
{
    std::u32string out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        int w;
        out.push_back(decodeRune(s, i, &w));
        i += w;
    }
    return out;
}

QByteArray fromRunes(const std::u32string &runes)
{
    QByteArray out;
    out.reserve(qsizetype(runes.size()));
    for (const char32_t r : runes)
        out.append(encodeRune(r));
    return out;
}

bool isSpace(char32_t r)
{
    return r <= 0x10FFFF && QChar::isSpace(r);
}
bool isUpper(char32_t r)
{
    return r <= 0x10FFFF && QChar::category(r) == QChar::Letter_Uppercase;
}
bool isLower(char32_t r)
{
    return r <= 0x10FFFF && QChar::category(r) == QChar::Letter_Lowercase;
}
bool isTitle(char32_t r)
{
    return r <= 0x10FFFF && QChar::category(r) == QChar::Letter_Titlecase;
}
bool isLetter(char32_t r)
{
    return r <= 0x10FFFF && QChar::isLetter(r);
}
bool isDigit(char32_t r)
{
    return r <= 0x10FFFF && QChar::category(r) == QChar::Number_DecimalDigit;
}
bool isNumber(char32_t r)
{
    return r <= 0x10FFFF && QChar::isNumber(r);
}
bool isPunct(char32_t r)
{
    return r <= 0x10FFFF && QChar::isPunct(r);
}
char32_t toUpper(char32_t r)
{
    return r <= 0x10FFFF ? QChar::toUpper(r) : r;
}
char32_t toLower(char32_t r)
{
    return r <= 0x10FFFF ? QChar::toLower(r) : r;
}
char32_t toTitle(char32_t r)
{
    return r <= 0x10FFFF ? QChar::toTitleCase(r) : r;
}

template<typename F>
QByteArray mapRunes(const QByteArray &s, F f)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        int w;
        const char32_t r = decodeRune(s, i, &w);
        out.append(encodeRune(f(r)));
        i += w;
    }
    return out;
}

QByteArray goRepeat(const QByteArray &s, qint64 count)
{
    if (count < 0)
        fail("strings: negative Repeat count");
    if (count > 0 && s.size() > 0 && qint64(s.size()) * count / count != qint64(s.size()))
        fail("strings: Repeat count causes overflow");
    // Go would try to allocate the result; a bound keeps a runaway template from taking the
    // machine down, and reads like Go's own overflow panic.
    constexpr qint64 limit = qint64(256) * 1024 * 1024;
    if (qint64(s.size()) * count > limit)
        fail(Tr::tr("repeat output exceeds the 256 MiB limit of this renderer").toUtf8());
    return s.repeated(qsizetype(count));
}

QByteArray trimSpace(const QByteArray &s)
{
    qsizetype start = 0;
    while (start < s.size()) {
        int w;
        const char32_t r = decodeRune(s, start, &w);
        if (!isSpace(r))
            break;
        start += w;
    }
    qsizetype end = s.size();
    while (end > start) {
        // Find the start of the last rune.
        qsizetype p = end - 1;
        while (p > start && (static_cast<unsigned char>(s.at(p)) & 0xC0) == 0x80 && end - p < 4)
            --p;
        int w;
        char32_t r = decodeRune(s, p, &w);
        if (p + w != end) {
            p = end - 1;
            r = 0xFFFD;
        }
        if (!isSpace(r))
            break;
        end = p;
    }
    return s.mid(start, end - start);
}

// strings.Trim(s, cutset)
QByteArray trimCutset(const QByteArray &s, const QByteArray &cutset)
{
    if (s.isEmpty() || cutset.isEmpty())
        return s;
    const std::u32string cut = toRunes(cutset);
    const auto inCut = [&cut](char32_t r) { return cut.find(r) != std::u32string::npos; };
    qsizetype start = 0;
    while (start < s.size()) {
        int w;
        const char32_t r = decodeRune(s, start, &w);
        if (!inCut(r))
            break;
        start += w;
    }
    qsizetype end = s.size();
    while (end > start) {
        qsizetype p = end - 1;
        while (p > start && (static_cast<unsigned char>(s.at(p)) & 0xC0) == 0x80 && end - p < 4)
            --p;
        int w;
        char32_t r = decodeRune(s, p, &w);
        if (p + w != end) {
            p = end - 1;
            r = 0xFFFD;
        }
        if (!inCut(r))
            break;
        end = p;
    }
    return s.mid(start, end - start);
}

// strings.Split: an empty separator splits after each UTF-8 sequence.
QByteArrayList goSplit(const QByteArray &s, const QByteArray &sep, qint64 n)
{
    QByteArrayList out;
    if (n == 0)
        return out;
    if (sep.isEmpty()) {
        qsizetype i = 0;
        while (i < s.size()) {
            if (n > 0 && out.size() == n - 1) {
                out.append(s.mid(i));
                return out;
            }
            int w;
            decodeRune(s, i, &w);
            out.append(s.mid(i, w));
            i += w;
        }
        return out;
    }
    qsizetype start = 0;
    while (n < 0 || out.size() < n - 1) {
        const qsizetype at = s.indexOf(sep, start);
        if (at < 0)
            break;
        out.append(s.mid(start, at - start));
        start = at + sep.size();
    }
    out.append(s.mid(start));
    return out;
}

Value indexedMap(const QByteArrayList &parts)
{
    Map m;
    for (qsizetype i = 0; i < parts.size(); ++i)
        m["_" + QByteArray::number(i)] = Value::fromString(parts.at(i));
    return Value::fromMap(std::move(m), QByteArrayLiteral("map[string]string"));
}

// goutils.AbbreviateFull
QByteArray abbreviateFull(const QByteArray &str, qint64 offset, qint64 maxWidth, bool *error)
{
    *error = false;
    if (str.isEmpty())
        return str;
    if (maxWidth < 4) {
        *error = true;
        return {};
    }
    const qint64 len = str.size();
    if (len <= maxWidth)
        return str;
    if (offset > len)
        offset = len;
    if (len - offset < maxWidth - 3)
        offset = len - (maxWidth - 3);
    const QByteArray marker("...");
    if (offset <= 4)
        return str.left(maxWidth - 3) + marker;
    if (maxWidth < 7) {
        *error = true;
        return {};
    }
    if (offset + maxWidth - 3 < len) {
        bool ignored;
        return marker + abbreviateFull(str.mid(offset), 0, maxWidth - 3, &ignored);
    }
    return marker + str.mid(len - (maxWidth - 3));
}

// goutils.WrapCustom
QByteArray wrapCustom(const QByteArray &str, qint64 wrapLength, QByteArray newLine, bool wrapLong)
{
    if (str.isEmpty())
        return {};
    if (newLine.isEmpty())
        newLine = "\n";
    if (wrapLength < 1)
        wrapLength = 1;
    const qint64 len = str.size();
    qint64 offset = 0;
    QByteArray out;
    while (len - offset > wrapLength) {
        if (str.at(offset) == ' ') {
            ++offset;
            continue;
        }
        const qint64 end = wrapLength + offset + 1;
        const qint64 space = str.mid(offset, end - offset).lastIndexOf(' ');
        const qint64 spaceToWrapAt = space + offset;
        if (space >= 0) {
            out.append(str.mid(offset, spaceToWrapAt - offset));
            out.append(newLine);
            offset = spaceToWrapAt + 1;
        } else if (wrapLong) {
            out.append(str.mid(offset, wrapLength));
            out.append(newLine);
            offset += wrapLength;
        } else {
            const qint64 e = wrapLength + offset;
            const qint64 index = str.indexOf(' ', e);
            if (index < 0) {
                out.append(str.mid(offset));
                offset = len;
            } else {
                out.append(str.mid(offset, index - offset));
                out.append(newLine);
                offset = index + 1;
            }
        }
    }
    out.append(str.mid(offset));
    return out;
}

// Go's bytes.Buffer.WriteRune(rune(b)) for a byte: Latin-1 bytes re-encoded as UTF-8, the way
// goutils' byte-wise loops (DeleteWhiteSpace, Initials) mangle non-ASCII text.
void appendByteAsRune(QByteArray &out, unsigned char b)
{
    out.append(encodeRune(char32_t(b)));
}

bool isLatin1Space(unsigned char b)
{
    return b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r' || b == ' ' || b == 0x85
           || b == 0xA0;
}

QByteArray deleteWhiteSpace(const QByteArray &str)
{
    if (str.isEmpty())
        return str;
    QByteArray out;
    qsizetype count = 0;
    for (const char c : str) {
        const unsigned char b = static_cast<unsigned char>(c);
        if (!isLatin1Space(b)) {
            appendByteAsRune(out, b);
            ++count;
        }
    }
    if (count == str.size())
        return str;
    return out;
}

QByteArray initials(const QByteArray &str)
{
    if (str.isEmpty())
        return str;
    QByteArray out;
    bool lastWasGap = true;
    for (const char c : str) {
        const unsigned char b = static_cast<unsigned char>(c);
        if (isLatin1Space(b)) {
            lastWasGap = true;
        } else if (lastWasGap) {
            appendByteAsRune(out, b);
            lastWasGap = false;
        }
    }
    return out;
}

QByteArray uncapitalize(const QByteArray &str)
{
    if (str.isEmpty())
        return str;
    std::u32string buffer = toRunes(str);
    bool next = true;
    for (char32_t &ch : buffer) {
        if (isSpace(ch)) {
            next = true;
        } else if (next) {
            ch = toLower(ch);
            next = false;
        }
    }
    return fromRunes(buffer);
}

QByteArray swapCase(const QByteArray &str)
{
    if (str.isEmpty())
        return str;
    std::u32string buffer = toRunes(str);
    bool whitespace = true;
    for (char32_t &ch : buffer) {
        if (isUpper(ch) || isTitle(ch)) {
            ch = toLower(ch);
            whitespace = false;
        } else if (isLower(ch)) {
            if (whitespace) {
                ch = toTitle(ch);
                whitespace = false;
            } else {
                ch = toUpper(ch);
            }
        } else {
            whitespace = isSpace(ch);
        }
    }
    return fromRunes(buffer);
}

// strings.Title's word boundary test.
bool isSeparator(char32_t r)
{
    if (r <= 0x7F) {
        if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_')
            return false;
        return true;
    }
    if (isLetter(r) || isDigit(r))
        return false;
    return isSpace(r);
}

QByteArray goTitle(const QByteArray &s)
{
    char32_t prev = ' ';
    return mapRunes(s, [&prev](char32_t r) {
        const char32_t out = isSeparator(prev) ? toTitle(r) : r;
        prev = r;
        return out;
    });
}

// ---- xstrings v1.3.2 ----

bool isConnector(char32_t r)
{
    return r == '-' || r == '_' || isSpace(r);
}

bool isAlphabet(char32_t r)
{
    if (!isLetter(r))
        return false;
    if (r < 0x3400)
        return true;
    if (r >= 0x4E00 && r <= 0x9FCC)
        return false;
    if (r >= 0x3400 && r <= 0x4D85)
        return false;
    if (r >= 0x20000 && r <= 0x2B81D)
        return false;
    return true;
}

enum WordType {
    InvalidWord,
    NumberWord,
    UpperCaseWord,
    AlphabetWord,
    ConnectorWord,
    PunctWord,
    OtherWord
};

// xstrings' nextValidRune: skips invalid bytes, counting them into the size.
char32_t nextValidRune(const QByteArray &s, qsizetype pos, char32_t prev, int *size)
{
    *size = 0;
    while (pos < s.size()) {
        int w;
        const char32_t r = decodeRune(s, pos, &w);
        *size += w;
        if (r != 0xFFFD)
            return r;
        pos += w;
    }
    return prev;
}

// xstrings' nextWord over str[pos:]; returns the word type, sets wordEnd.
WordType nextWord(const QByteArray &str, qsizetype pos, qsizetype *wordEnd)
{
    if (pos >= str.size()) {
        *wordEnd = pos;
        return InvalidWord;
    }
    qsizetype offset = 0;
    qsizetype rem = pos; // start of "remaining"
    int size;
    char32_t r = nextValidRune(str, rem, 0xFFFD, &size);
    offset += size;
    WordType wt;
    const auto remaining = [&] { return rem < str.size(); };
    if (r == 0xFFFD) {
        *wordEnd = pos + offset;
        return InvalidWord;
    }
    if (isConnector(r)) {
        wt = ConnectorWord;
        rem += size;
        while (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (!isConnector(r))
                break;
            offset += size;
            rem += size;
        }
    } else if (isPunct(r)) {
        wt = PunctWord;
        rem += size;
        while (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (!isPunct(r))
                break;
            offset += size;
            rem += size;
        }
    } else if (isUpper(r)) {
        wt = UpperCaseWord;
        rem += size;
        if (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (isUpper(r)) {
                int prevSize = size;
                offset += size;
                rem += size;
                while (remaining()) {
                    r = nextValidRune(str, rem, r, &size);
                    if (!isUpper(r))
                        break;
                    prevSize = size;
                    offset += size;
                    rem += size;
                }
                // "HTTPStatus" splits into "HTTP" and "Status".
                if (remaining() && isAlphabet(r)) {
                    offset -= prevSize;
                    rem = pos + offset;
                }
            } else if (isAlphabet(r)) {
                offset += size;
                rem += size;
                while (remaining()) {
                    r = nextValidRune(str, rem, r, &size);
                    if (!isAlphabet(r) || isUpper(r))
                        break;
                    offset += size;
                    rem += size;
                }
            }
        }
    } else if (isAlphabet(r)) {
        wt = AlphabetWord;
        rem += size;
        while (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (!isAlphabet(r) || isUpper(r))
                break;
            offset += size;
            rem += size;
        }
    } else if (isNumber(r)) {
        wt = NumberWord;
        rem += size;
        while (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (!isNumber(r))
                break;
            offset += size;
            rem += size;
        }
    } else {
        wt = OtherWord;
        rem += size;
        while (remaining()) {
            r = nextValidRune(str, rem, r, &size);
            if (size == 0 || isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r))
                break;
            offset += size;
            rem += size;
        }
    }
    *wordEnd = pos + offset;
    return wt;
}

void xLower(QByteArray &buf, WordType wt, const QByteArray &word, char connector)
{
    if (wt != UpperCaseWord && wt != ConnectorWord) {
        buf.append(word);
        return;
    }
    for (qsizetype i = 0; i < word.size();) {
        int w;
        const char32_t r = decodeRune(word, i, &w);
        i += w;
        if (isConnector(r))
            buf.append(connector);
        else if (isUpper(r))
            buf.append(encodeRune(toLower(r)));
        else
            buf.append(encodeRune(r));
    }
}

QByteArray camelCaseToLowerCase(const QByteArray &str, char connector)
{
    if (str.isEmpty())
        return {};
    QByteArray buf;
    qsizetype pos = 0;
    qsizetype end;
    WordType wt = nextWord(str, pos, &end);
    QByteArray word = str.mid(pos, end - pos);
    pos = end;
    const auto advance = [&] {
        wt = nextWord(str, pos, &end);
        word = str.mid(pos, end - pos);
        pos = end;
    };
    while (pos < str.size()) {
        if (wt != ConnectorWord)
            xLower(buf, wt, word, connector);
        const WordType prev = wt;
        const QByteArray last = word;
        advance();
        switch (prev) {
        case NumberWord:
            while (wt == AlphabetWord || wt == NumberWord) {
                xLower(buf, wt, word, connector);
                advance();
            }
            if (wt != InvalidWord && wt != PunctWord)
                buf.append(connector);
            break;
        case ConnectorWord:
            xLower(buf, prev, last, connector);
            break;
        case PunctWord:
            break;
        default: {
            if (wt != NumberWord) {
                if (wt != ConnectorWord && wt != PunctWord)
                    buf.append(connector);
                break;
            }
            if (pos >= str.size())
                break;
            const QByteArray numberWord = word;
            advance();
            // "Bld4Floor" => "bld4_floor"
            if (wt != AlphabetWord) {
                xLower(buf, NumberWord, numberWord, connector);
                if (wt != ConnectorWord && wt != PunctWord)
                    buf.append(connector);
                break;
            }
            // "HTTP2xx" => "http_2xx"
            buf.append(connector);
            xLower(buf, NumberWord, numberWord, connector);
            while (wt == AlphabetWord || wt == NumberWord) {
                xLower(buf, wt, word, connector);
                advance();
            }
            if (wt != InvalidWord && wt != ConnectorWord && wt != PunctWord)
                buf.append(connector);
            break;
        }
        }
    }
    xLower(buf, wt, word, connector);
    return buf;
}

QByteArray toCamelCase(const QByteArray &input)
{
    if (input.isEmpty())
        return {};
    QByteArray buf;
    qsizetype pos = 0;
    char32_t r0 = 0;
    char32_t r1 = 0;
    int size = 0;
    // A leading connector appears in the output.
    while (pos < input.size()) {
        r0 = decodeRune(input, pos, &size);
        pos += size;
        if (!isConnector(r0)) {
            r0 = toUpper(r0);
            break;
        }
        buf.append(encodeRune(r0));
    }
    if (pos >= input.size()) {
        if (size != 0)
            buf.append(encodeRune(r0)); // an all-connector input repeats its last rune, as in Go
        return buf;
    }
    while (pos < input.size()) {
        r1 = r0;
        r0 = decodeRune(input, pos, &size);
        pos += size;
        if (isConnector(r0) && isConnector(r1)) {
            buf.append(encodeRune(r1));
            continue;
        }
        if (isConnector(r1)) {
            r0 = toUpper(r0);
        } else {
            r0 = toLower(r0);
            buf.append(encodeRune(r1));
        }
    }
    buf.append(encodeRune(r0));
    return buf;
}

QByteArray randomString(qint64 count, const char *alphabet)
{
    if (count <= 0)
        return {};
    if (count > 64 * 1024 * 1024)
        fail(Tr::tr("a random string over 64 MiB exceeds the limits of this renderer").toUtf8());
    const QByteArray chars(alphabet);
    QByteArray out;
    out.reserve(count);
    auto *rng = QRandomGenerator::system();
    for (qint64 i = 0; i < count; ++i)
        out.append(chars.at(rng->bounded(int(chars.size()))));
    return out;
}

QByteArray shuffle(const QByteArray &str)
{
    if (str.isEmpty())
        return str;
    std::u32string runes = toRunes(str);
    auto *rng = QRandomGenerator::global();
    for (qsizetype i = qsizetype(runes.size()) - 1; i > 0; --i) {
        const qsizetype index = qsizetype(rng->bounded(quint64(i + 1)));
        std::swap(runes[i], runes[index]);
    }
    return fromRunes(runes);
}

// ---- encoding/base64 and base32 (StdEncoding) ----

const char b64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const char b32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QByteArray b32Encode(const QByteArray &src)
{
    QByteArray out;
    for (qsizetype i = 0; i < src.size(); i += 5) {
        quint64 buf = 0;
        const qsizetype chunk = std::min<qsizetype>(5, src.size() - i);
        for (qsizetype k = 0; k < 5; ++k) {
            buf <<= 8;
            if (k < chunk)
                buf |= static_cast<unsigned char>(src.at(i + k));
        }
        static const int outChars[6] = {0, 2, 4, 5, 7, 8};
        const int count = outChars[chunk];
        for (int k = 0; k < 8; ++k) {
            if (k < count)
                out.append(b32Alphabet[(buf >> (35 - 5 * k)) & 0x1F]);
            else
                out.append('=');
        }
    }
    return out;
}

QByteArray b32Decode(const QByteArray &src, qsizetype *errorAt)
{
    *errorAt = -1;
    int decodeMap[256];
    std::fill(std::begin(decodeMap), std::end(decodeMap), -1);
    for (int i = 0; i < 32; ++i)
        decodeMap[static_cast<unsigned char>(b32Alphabet[i])] = i;
    // Go strips newlines before decoding base32.
    QByteArray s;
    s.reserve(src.size());
    for (const char c : src) {
        if (c != '\n' && c != '\r')
            s.append(c);
    }
    QByteArray out;
    qsizetype si = 0;
    const qsizetype olen = s.size();
    const auto remaining = [&] { return olen - si; };
    bool end = false;
    while (remaining() > 0 && !end) {
        int dbuf[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        int dlen = 8;
        for (int j = 0; j < 8;) {
            if (remaining() == 0) {
                *errorAt = olen - j; // missing padding
                return out;
            }
            const unsigned char in = static_cast<unsigned char>(s.at(si));
            ++si;
            if (in == '=' && j >= 2 && remaining() < 8) {
                if (remaining() + j < 8 - 1) {
                    *errorAt = olen; // not enough padding
                    return out;
                }
                for (int k = 0; k < 8 - 1 - j; ++k) {
                    if (remaining() > k && s.at(si + k) != '=') {
                        *errorAt = si + k - 1; // incorrect padding
                        return out;
                    }
                }
                dlen = j;
                end = true;
                // 1, 3 and 6 characters carry too few bits for a byte (RFC 4648 section 6).
                if (dlen == 1 || dlen == 3 || dlen == 6) {
                    *errorAt = si - 1;
                    return out;
                }
                break;
            }
            const int v = decodeMap[in];
            if (v < 0) {
                *errorAt = si - 1;
                return out;
            }
            dbuf[j] = v;
            ++j;
        }
        quint64 val = 0;
        for (int k = 0; k < 8; ++k)
            val = (val << 5) | quint64(dbuf[k]);
        static const int outBytes[9] = {0, 0, 1, 0, 2, 3, 0, 4, 5};
        const int count = outBytes[dlen];
        for (int k = 0; k < count; ++k)
            out.append(char((val >> (32 - 8 * k)) & 0xFF));
    }
    return out;
}

} // namespace

QByteArray base64Decode(const QByteArray &src, qsizetype *errorAt)
{
    *errorAt = -1;
    int decodeMap[256];
    std::fill(std::begin(decodeMap), std::end(decodeMap), -1);
    for (int i = 0; i < 64; ++i)
        decodeMap[static_cast<unsigned char>(b64Alphabet[i])] = i;
    QByteArray out;
    qsizetype si = 0;
    const qsizetype n = src.size();
    while (true) {
        int dbuf[4] = {0, 0, 0, 0};
        int dlen = 4;
        bool end = false;
        for (int j = 0; j < 4; ++j) {
            if (si == n) {
                if (j == 0)
                    return out;
                *errorAt = si - j;
                return out;
            }
            const unsigned char in = static_cast<unsigned char>(src.at(si));
            ++si;
            const int v = decodeMap[in];
            if (v >= 0) {
                dbuf[j] = v;
                continue;
            }
            if (in == '\n' || in == '\r') {
                --j;
                continue;
            }
            if (in != '=') {
                *errorAt = si - 1;
                return out;
            }
            // Padding.
            switch (j) {
            case 0:
            case 1:
                *errorAt = si - 1;
                return out;
            case 2:
                while (si < n && (src.at(si) == '\n' || src.at(si) == '\r'))
                    ++si;
                if (si == n) {
                    *errorAt = n;
                    return out;
                }
                if (src.at(si) != '=') {
                    *errorAt = si - 1;
                    return out;
                }
                ++si;
                break;
            default:
                break;
            }
            while (si < n && (src.at(si) == '\n' || src.at(si) == '\r'))
                ++si;
            if (si < n) {
                *errorAt = si;
                return out;
            }
            dlen = j;
            end = true;
            break;
        }
        const quint32 val = quint32(dbuf[0]) << 18 | quint32(dbuf[1]) << 12 | quint32(dbuf[2]) << 6
                            | quint32(dbuf[3]);
        const char bytes[3] = {char(val >> 16), char(val >> 8), char(val)};
        switch (dlen) {
        case 4:
            out.append(bytes, 3);
            break;
        case 3:
            out.append(bytes, 2);
            break;
        case 2:
            out.append(bytes, 1);
            break;
        default:
            break;
        }
        if (end)
            return out;
    }
}

void addStringFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    const auto str1 = [&add](const char *name, std::function<QByteArray(const QByteArray &)> f) {
        add(makeFunction(name, {"string"}, nullptr, [f](const Args &a) {
            return Value::fromString(f(a.at(0).toString()));
        }));
    };

    add(makeFunction("hello", {}, nullptr, [](const Args &) {
        return Value::fromString("Hello!");
    }));
    add(makeFunction("abbrev", {"int", "string"}, nullptr, [](const Args &a) {
        const qint64 width = a.at(0).toInt();
        const QByteArray &s = a.at(1).toString();
        if (width < 4)
            return Value::fromString(s);
        bool error;
        return Value::fromString(abbreviateFull(s, 0, width, &error));
    }));
    add(makeFunction("abbrevboth", {"int", "int", "string"}, nullptr, [](const Args &a) {
        const qint64 left = a.at(0).toInt();
        const qint64 right = a.at(1).toInt();
        const QByteArray &s = a.at(2).toString();
        if (right < 4 || (left > 0 && right < 7))
            return Value::fromString(s);
        bool error;
        return Value::fromString(abbreviateFull(s, left, right, &error));
    }));
    add(makeFunction("trunc", {"int", "string"}, nullptr, [](const Args &a) {
        // v2's trunc: a negative length panics like s[0:c] does in Go.
        const qint64 c = a.at(0).toInt();
        const QByteArray &s = a.at(1).toString();
        if (s.size() <= c)
            return Value::fromString(s);
        return Value::fromString(sliceString(s, 0, c, true, true));
    }));
    str1("trim", trimSpace);
    str1("upper", [](const QByteArray &s) { return mapRunes(s, toUpper); });
    str1("lower", [](const QByteArray &s) { return mapRunes(s, toLower); });
    str1("title", goTitle);
    str1("untitle", uncapitalize);
    add(makeFunction("substr", {"int", "int", "string"}, nullptr, [](const Args &a) {
        const qint64 start = a.at(0).toInt();
        const qint64 end = a.at(1).toInt();
        const QByteArray &s = a.at(2).toString();
        if (start < 0)
            return Value::fromString(sliceString(s, 0, end, false, true));
        if (end < 0 || end > s.size())
            return Value::fromString(sliceString(s, start, 0, true, false));
        return Value::fromString(sliceString(s, start, end, true, true));
    }));
    add(makeFunction("repeat", {"int", "string"}, nullptr, [](const Args &a) {
        return Value::fromString(goRepeat(a.at(1).toString(), a.at(0).toInt()));
    }));
    for (const char *name : {"trimall", "trimAll"}) {
        add(makeFunction(name, {"string", "string"}, nullptr, [](const Args &a) {
            return Value::fromString(trimCutset(a.at(1).toString(), a.at(0).toString()));
        }));
    }
    add(makeFunction("trimSuffix", {"string", "string"}, nullptr, [](const Args &a) {
        const QByteArray &s = a.at(1).toString();
        const QByteArray &suffix = a.at(0).toString();
        return Value::fromString(s.endsWith(suffix) ? s.left(s.size() - suffix.size()) : s);
    }));
    add(makeFunction("trimPrefix", {"string", "string"}, nullptr, [](const Args &a) {
        const QByteArray &s = a.at(1).toString();
        const QByteArray &prefix = a.at(0).toString();
        return Value::fromString(s.startsWith(prefix) ? s.mid(prefix.size()) : s);
    }));
    str1("nospace", deleteWhiteSpace);
    str1("initials", initials);
    const auto rand = [&add](const char *name, const char *alphabet) {
        add(makeFunction(
                name,
                {"int"},
                nullptr,
                [alphabet](const Args &a) {
                    return Value::fromString(randomString(a.at(0).toInt(), alphabet));
                },
                false,
                true));
    };
    rand("randAlphaNum", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    rand("randAlpha", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    rand("randNumeric", "0123456789");
    rand("randAscii",
         " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
         "abcdefghijklmnopqrstuvwxyz{|}~");
    str1("swapcase", swapCase);
    add(makeFunction(
            "shuffle",
            {"string"},
            nullptr,
            [](const Args &a) { return Value::fromString(shuffle(a.at(0).toString())); },
            false,
            true));
    str1("snakecase", [](const QByteArray &s) { return camelCaseToLowerCase(s, '_'); });
    str1("kebabcase", [](const QByteArray &s) { return camelCaseToLowerCase(s, '-'); });
    str1("camelcase", toCamelCase);
    add(makeFunction("wrap", {"int", "string"}, nullptr, [](const Args &a) {
        return Value::fromString(wrapCustom(a.at(1).toString(), a.at(0).toInt(), {}, false));
    }));
    add(makeFunction("wrapWith", {"int", "string", "string"}, nullptr, [](const Args &a) {
        return Value::fromString(
                wrapCustom(a.at(2).toString(), a.at(0).toInt(), a.at(1).toString(), true));
    }));
    add(makeFunction("contains", {"string", "string"}, nullptr, [](const Args &a) {
        return Value::fromBool(a.at(1).toString().contains(a.at(0).toString()));
    }));
    add(makeFunction("hasPrefix", {"string", "string"}, nullptr, [](const Args &a) {
        return Value::fromBool(a.at(1).toString().startsWith(a.at(0).toString()));
    }));
    add(makeFunction("hasSuffix", {"string", "string"}, nullptr, [](const Args &a) {
        return Value::fromBool(a.at(1).toString().endsWith(a.at(0).toString()));
    }));
    add(makeFunction("quote", {}, "interface {}", [](const Args &a) {
        QByteArrayList out;
        for (const Value &v : a) {
            if (v.isValid())
                out.append(quoteString(strval(v)));
        }
        return Value::fromString(out.join(' '));
    }));
    add(makeFunction("squote", {}, "interface {}", [](const Args &a) {
        QByteArrayList out;
        for (const Value &v : a) {
            if (v.isValid())
                out.append('\'' + formatValue(v) + '\'');
        }
        return Value::fromString(out.join(' '));
    }));
    add(makeFunction("cat", {}, "interface {}", [](const Args &a) {
        QByteArrayList out;
        for (const Value &v : a) {
            if (v.isValid())
                out.append(formatValue(v));
        }
        return Value::fromString(out.join(' '));
    }));
    add(makeFunction("indent", {"int", "string"}, nullptr, [](const Args &a) {
        const QByteArray pad = goRepeat(" ", a.at(0).toInt());
        QByteArray s = a.at(1).toString();
        return Value::fromString(pad + s.replace("\n", QByteArray("\n" + pad)));
    }));
    add(makeFunction("nindent", {"int", "string"}, nullptr, [](const Args &a) {
        const QByteArray pad = goRepeat(" ", a.at(0).toInt());
        QByteArray s = a.at(1).toString();
        return Value::fromString("\n" + pad + s.replace("\n", QByteArray("\n" + pad)));
    }));
    add(makeFunction("replace", {"string", "string", "string"}, nullptr, [](const Args &a) {
        const QByteArray &old = a.at(0).toString();
        const QByteArray &repl = a.at(1).toString();
        const QByteArray &src = a.at(2).toString();
        if (old.isEmpty()) {
            // strings.Replace with an empty old string inserts at every rune boundary.
            QByteArray out = repl;
            for (qsizetype i = 0; i < src.size();) {
                int w;
                decodeRune(src, i, &w);
                out.append(src.mid(i, w));
                out.append(repl);
                i += w;
            }
            return Value::fromString(out);
        }
        QByteArray s = src;
        return Value::fromString(s.replace(old, repl));
    }));
    add(makeFunction("plural", {"string", "string", "int"}, nullptr, [](const Args &a) {
        return a.at(2).toInt() == 1 ? a.at(0) : a.at(1);
    }));
    add(makeFunction("toString", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(strval(a.at(0)));
    }));
    add(makeFunction("split", {"string", "string"}, nullptr, [](const Args &a) {
        return indexedMap(goSplit(a.at(1).toString(), a.at(0).toString(), -1));
    }));
    add(makeFunction("splitList", {"string", "string"}, nullptr, [](const Args &a) {
        return stringList(goSplit(a.at(1).toString(), a.at(0).toString(), -1));
    }));
    add(makeFunction("splitn", {"string", "int", "string"}, nullptr, [](const Args &a) {
        return indexedMap(goSplit(a.at(2).toString(), a.at(0).toString(), a.at(1).toInt()));
    }));
    add(makeFunction("toStrings", {"interface {}"}, nullptr, [](const Args &a) {
        const Value &v = a.at(0);
        // A []string is returned as it is (nil stays nil).
        if (v.goType() == "[]string")
            return v;
        return stringList(strslice(v));
    }));
    add(makeFunction("join", {"string", "interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(strslice(a.at(1)).join(a.at(0).toString()));
    }));
    add(makeFunction("sortAlpha", {"interface {}"}, nullptr, [](const Args &a) {
        const Value &v = a.at(0);
        if (isSlice(v)) {
            QByteArrayList l = strslice(v);
            std::sort(l.begin(), l.end());
            return stringList(l);
        }
        return stringList({strval(v)});
    }));
    str1("b64enc", [](const QByteArray &s) { return s.toBase64(); });
    str1("b64dec", [](const QByteArray &s) -> QByteArray {
        qsizetype errorAt;
        const QByteArray out = base64Decode(s, &errorAt);
        if (errorAt >= 0)
            return "illegal base64 data at input byte " + QByteArray::number(errorAt);
        return out;
    });
    str1("b32enc", b32Encode);
    str1("b32dec", [](const QByteArray &s) -> QByteArray {
        qsizetype errorAt;
        const QByteArray out = b32Decode(s, &errorAt);
        if (errorAt >= 0)
            return "illegal base32 data at input byte " + QByteArray::number(errorAt);
        return out;
    });
}

} // namespace Stagecraft::Model::Template::Sprig

// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's regex functions. Go's regexp is RE2; QRegularExpression is PCRE2. The pattern is checked
// against Go's syntax (so that what Go rejects fails here too, with Go's message) and translated
// where the two dialects read the same text differently: `$` (end of text only in Go), `\s`
// (no \v in Go), `\v` (a character in Go, a class in PCRE) and octal escapes.
#include "common/tr.h"
#include "gofmt.h"
#include "sprigutil.h"

#include <QRegularExpression>

#include <vector>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

struct GoRegex
{
    QRegularExpression re;
    QByteArray error; // Go's err.Error() when the pattern does not compile
};

QByteArray syntaxError(const char *code, const QByteArray &expr)
{
    return "error parsing regexp: " + QByteArray(code) + ": `" + expr + '`';
}

bool isWordChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Appends a code point as a PCRE escape.
void appendCodePoint(QByteArray &out, uint cp)
{
    out.append("\\x{");
    out.append(QByteArray::number(cp, 16));
    out.append('}');
}

class Translator
{
public:
    explicit Translator(const QByteArray &pattern)
        : m_s(pattern)
    {}

    // Returns the PCRE pattern, or sets *error to Go's message.
    QByteArray translate(QByteArray *error)
    {
        QByteArray out;
        int depth = 0;
        // Whether the previous item can take a repetition, and whether it is one.
        bool canRepeat = false;
        bool lastWasRepeat = false;
        qsizetype repeatStart = -1;
        const qsizetype n = m_s.size();
        for (qsizetype i = 0; i < n;) {
            const char c = m_s.at(i);
            switch (c) {
            case '(': {
                if (i + 1 < n && m_s.at(i + 1) == '?') {
                    const qsizetype end = groupFlags(i, out, error);
                    if (end < 0)
                        return {};
                    if (m_s.at(end - 1) == ')') {
                        // (?flags) sets flags and takes no repetition
                        canRepeat = false;
                        lastWasRepeat = false;
                        i = end;
                        continue;
                    }
                    ++depth;
                    i = end;
                } else {
                    out.append('(');
                    ++depth;
                    ++i;
                }
                canRepeat = false;
                lastWasRepeat = false;
                continue;
            }
            case ')':
                if (depth == 0) {
                    *error = syntaxError("unexpected )", m_s);
                    return {};
                }
                --depth;
                out.append(')');
                ++i;
                canRepeat = true;
                lastWasRepeat = false;
                continue;
            case '|':
                out.append('|');
                ++i;
                canRepeat = false;
                lastWasRepeat = false;
                continue;
            case '*':
            case '+':
            case '?': {
                qsizetype end = i + 1;
                if (end < n && m_s.at(end) == '?')
                    ++end; // non-greedy
                if (lastWasRepeat) {
                    *error = syntaxError("invalid nested repetition operator",
                                         m_s.mid(repeatStart, end - repeatStart));
                    return {};
                }
                if (!canRepeat) {
                    *error = syntaxError("missing argument to repetition operator",
                                         m_s.mid(i, end - i));
                    return {};
                }
                out.append(m_s.mid(i, end - i));
                repeatStart = i;
                i = end;
                lastWasRepeat = true;
                continue;
            }
            case '{': {
                qsizetype end;
                int min;
                int max;
                if (parseRepeat(i, &end, &min, &max)) {
                    qsizetype stop = end;
                    if (stop < n && m_s.at(stop) == '?')
                        ++stop;
                    if (lastWasRepeat) {
                        *error = syntaxError("invalid nested repetition operator",
                                             m_s.mid(repeatStart, stop - repeatStart));
                        return {};
                    }
                    if (!canRepeat) {
                        *error = syntaxError("missing argument to repetition operator",
                                             m_s.mid(i, end - i));
                        return {};
                    }
                    if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
                        *error = syntaxError("invalid repeat count", m_s.mid(i, end - i));
                        return {};
                    }
                    out.append(m_s.mid(i, stop - i));
                    repeatStart = i;
                    i = stop;
                    lastWasRepeat = true;
                    continue;
                }
                out.append("\\{"); // a literal brace in Go
                ++i;
                canRepeat = true;
                lastWasRepeat = false;
                continue;
            }
            case '[': {
                const qsizetype end = charClass(i, out, error);
                if (end < 0)
                    return {};
                i = end;
                canRepeat = true;
                lastWasRepeat = false;
                continue;
            }
            case '$':
                // Without (?m) Go's $ matches only at the very end, PCRE's also before a final \n.
                out.append(m_multiLine ? "$" : "\\z");
                ++i;
                canRepeat = true; // Go accepts a repeated empty-width assertion
                lastWasRepeat = false;
                continue;
            case '\\': {
                const qsizetype end = escape(i, out, false, error);
                if (end < 0)
                    return {};
                i = end;
                canRepeat = true;
                lastWasRepeat = false;
                continue;
            }
            default:
                out.append(c);
                ++i;
                canRepeat = true;
                lastWasRepeat = false;
                continue;
            }
        }
        if (depth > 0) {
            *error = syntaxError("missing closing )", m_s);
            return {};
        }
        return out;
    }

private:
    const QByteArray &m_s;
    bool m_multiLine = false;

    // {n}, {n,}, {n,m}; false when Go reads the brace as a literal.
    bool parseRepeat(qsizetype i, qsizetype *end, int *min, int *max) const
    {
        const qsizetype n = m_s.size();
        qsizetype j = i + 1;
        const auto number = [&](int *out) {
            const qsizetype start = j;
            qint64 v = 0;
            while (j < n && m_s.at(j) >= '0' && m_s.at(j) <= '9') {
                v = std::min<qint64>(v * 10 + (m_s.at(j) - '0'), 100000);
                ++j;
            }
            *out = int(v);
            return j > start;
        };
        if (!number(min))
            return false;
        *max = *min;
        if (j < n && m_s.at(j) == ',') {
            ++j;
            if (j < n && m_s.at(j) == '}')
                *max = -1;
            else if (!number(max))
                return false;
        }
        if (j >= n || m_s.at(j) != '}')
            return false;
        *end = j + 1;
        return true;
    }

    // (?flags) / (?flags:  / (?P<name>
    qsizetype groupFlags(qsizetype i, QByteArray &out, QByteArray *error)
    {
        const qsizetype n = m_s.size();
        if (i + 2 < n && m_s.at(i + 2) == 'P' && i + 3 < n && m_s.at(i + 3) == '<') {
            const qsizetype close = m_s.indexOf('>', i + 4);
            if (close < 0) {
                *error = syntaxError("invalid named capture", m_s.mid(i));
                return -1;
            }
            const QByteArray name = m_s.mid(i + 4, close - i - 4);
            bool ok = !name.isEmpty();
            for (const char ch : name)
                ok = ok && isWordChar(ch);
            if (!ok) {
                *error = syntaxError("invalid named capture", m_s.mid(i, close - i + 1));
                return -1;
            }
            out.append("(?P<" + name + '>');
            return close + 1;
        }
        qsizetype j = i + 2;
        bool negated = false;
        bool sawFlag = false;
        QByteArray flags;
        while (j < n) {
            const char ch = m_s.at(j);
            if (ch == 'i' || ch == 'm' || ch == 's' || ch == 'U') {
                if (ch == 'm')
                    m_multiLine = !negated;
                flags.append(ch);
                sawFlag = true;
                ++j;
                continue;
            }
            if (ch == '-' && !negated) {
                negated = true;
                sawFlag = false;
                flags.append(ch);
                ++j;
                continue;
            }
            if ((ch == ':' || ch == ')') && (sawFlag || (!negated && ch == ':'))) {
                if (negated && !sawFlag)
                    break;
                out.append("(?" + flags + ch);
                return j + 1;
            }
            break;
        }
        const qsizetype stop = std::min(j + 1, n);
        *error = syntaxError("invalid or unsupported Perl syntax", m_s.mid(i, stop - i));
        return -1;
    }

    // An escape at m_s[i] == '\\'; inClass for the rules inside [...].
    qsizetype escape(qsizetype i, QByteArray &out, bool inClass, QByteArray *error)
    {
        const qsizetype n = m_s.size();
        if (i + 1 >= n) {
            *error = syntaxError("trailing backslash at end of expression", {});
            return -1;
        }
        const char c = m_s.at(i + 1);
        switch (c) {
        case 'a':
            out.append("\\x07");
            return i + 2;
        case 'f':
        case 't':
        case 'n':
        case 'r':
        case 'd':
        case 'D':
        case 'w':
        case 'W':
            out.append('\\');
            out.append(c);
            return i + 2;
        case 'v':
            out.append("\\x0b");
            return i + 2;
        case 's':
            out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
            return i + 2;
        case 'S':
            if (inClass) {
                // Complement inside a class: PCRE's \S also excludes \v, Go's does not.
                out.append("\\x00-\\x08\\x0b\\x0e-\\x1f\\x21-\\x{10ffff}");
            } else {
                out.append("[^\\t\\n\\f\\r ]");
            }
            return i + 2;
        case 'b':
        case 'B':
        case 'A':
        case 'z':
            if (inClass)
                break;
            out.append('\\');
            out.append(c);
            return i + 2;
        case 'Q': {
            if (inClass)
                break;
            qsizetype end = m_s.indexOf("\\E", i + 2);
            const QByteArray lit = end < 0 ? m_s.mid(i + 2) : m_s.mid(i + 2, end - i - 2);
            out.append(QRegularExpression::escape(QString::fromUtf8(lit)).toUtf8());
            return end < 0 ? n : end + 2;
        }
        case 'x': {
            qsizetype j = i + 2;
            if (j < n && m_s.at(j) == '{') {
                const qsizetype close = m_s.indexOf('}', j);
                bool ok = close > j + 1;
                uint cp = ok ? m_s.mid(j + 1, close - j - 1).toUInt(&ok, 16) : 0;
                if (!ok || cp > 0x10FFFF) {
                    *error = syntaxError("invalid escape sequence",
                                         m_s.mid(i, close < 0 ? n - i : close - i + 1));
                    return -1;
                }
                appendCodePoint(out, cp);
                return close + 1;
            }
            bool ok = j + 2 <= n;
            const uint cp = ok ? m_s.mid(j, 2).toUInt(&ok, 16) : 0;
            if (!ok) {
                *error = syntaxError("invalid escape sequence",
                                     m_s.mid(i, std::min<qsizetype>(4, n - i)));
                return -1;
            }
            appendCodePoint(out, cp);
            return j + 2;
        }
        case 'p':
        case 'P': {
            qsizetype j = i + 2;
            if (j >= n) {
                *error = syntaxError("invalid character class range", m_s.mid(i));
                return -1;
            }
            qsizetype end = j + 1;
            if (m_s.at(j) == '{') {
                const qsizetype close = m_s.indexOf('}', j);
                if (close < 0) {
                    *error = syntaxError("invalid character class range", m_s.mid(i));
                    return -1;
                }
                end = close + 1;
            }
            out.append(m_s.mid(i, end - i));
            return end;
        }
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            // A single non-zero digit is a backreference, which RE2 does not support;
            // otherwise up to three octal digits.
            if (c != '0' && (i + 2 >= n || m_s.at(i + 2) < '0' || m_s.at(i + 2) > '7'))
                break;
            uint cp = 0;
            qsizetype j = i + 1;
            for (int k = 0; k < 3 && j < n && m_s.at(j) >= '0' && m_s.at(j) <= '7'; ++k, ++j)
                cp = cp * 8 + uint(m_s.at(j) - '0');
            appendCodePoint(out, cp);
            return j;
        }
        default:
            if (static_cast<unsigned char>(c) < 0x80 && !isWordChar(c)) {
                out.append('\\');
                out.append(c);
                return i + 2;
            }
            break;
        }
        int w;
        decodeRune(m_s, i + 1, &w);
        *error = syntaxError("invalid escape sequence", m_s.mid(i, 1 + w));
        return -1;
    }

    // Reads one class atom (a char or an escape producing one char) for range checks.
    // Returns the code point, or -1 for escapes that stand for sets.
    qint64 classAtom(qsizetype i, qsizetype *end) const
    {
        if (m_s.at(i) == '\\' && i + 1 < m_s.size()) {
            const char c = m_s.at(i + 1);
            switch (c) {
            case 'a':
                *end = i + 2;
                return 7;
            case 'f':
                *end = i + 2;
                return '\f';
            case 't':
                *end = i + 2;
                return '\t';
            case 'n':
                *end = i + 2;
                return '\n';
            case 'r':
                *end = i + 2;
                return '\r';
            case 'v':
                *end = i + 2;
                return 0x0B;
            default:
                if (static_cast<unsigned char>(c) < 0x80 && !isWordChar(c)) {
                    *end = i + 2;
                    return static_cast<unsigned char>(c);
                }
                *end = i + 2;
                return -1;
            }
        }
        int w;
        const char32_t r = decodeRune(m_s, i, &w);
        *end = i + w;
        return r;
    }

    qsizetype charClass(qsizetype i, QByteArray &out, QByteArray *error)
    {
        const qsizetype n = m_s.size();
        const qsizetype start = i;
        out.append('[');
        ++i;
        if (i < n && m_s.at(i) == '^') {
            out.append('^');
            ++i;
        }
        bool first = true;
        while (true) {
            if (i >= n) {
                *error = syntaxError("missing closing ]", m_s.mid(start));
                return -1;
            }
            const char c = m_s.at(i);
            if (c == ']' && !first) {
                out.append(']');
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < n && m_s.at(i + 1) == ':') {
                const qsizetype close = m_s.indexOf(":]", i + 2);
                if (close >= 0) {
                    const QByteArray name = m_s.mid(i, close + 2 - i);
                    static const QByteArrayList known = {"[:alnum:]",
                                                         "[:alpha:]",
                                                         "[:ascii:]",
                                                         "[:blank:]",
                                                         "[:cntrl:]",
                                                         "[:digit:]",
                                                         "[:graph:]",
                                                         "[:lower:]",
                                                         "[:print:]",
                                                         "[:punct:]",
                                                         "[:space:]",
                                                         "[:upper:]",
                                                         "[:word:]",
                                                         "[:xdigit:]"};
                    QByteArray plain = name;
                    plain.replace("[:^", "[:");
                    if (!known.contains(plain)) {
                        *error = syntaxError("invalid character class range", name);
                        return -1;
                    }
                    out.append(name);
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\') {
                const qsizetype atomStart = i;
                qsizetype atomEnd;
                const qint64 lo = classAtom(i, &atomEnd);
                if (lo >= 0 && atomEnd + 1 < n && m_s.at(atomEnd) == '-'
                    && m_s.at(atomEnd + 1) != ']') {
                    qsizetype hiEnd;
                    const qint64 hi = classAtom(atomEnd + 1, &hiEnd);
                    if (hi >= 0) {
                        if (hi < lo) {
                            *error = syntaxError("invalid character class range",
                                                 m_s.mid(atomStart, hiEnd - atomStart));
                            return -1;
                        }
                        appendCodePoint(out, uint(lo));
                        out.append('-');
                        appendCodePoint(out, uint(hi));
                        i = hiEnd;
                        continue;
                    }
                }
                const qsizetype end = escape(i, out, true, error);
                if (end < 0)
                    return -1;
                i = end;
                continue;
            }
            qsizetype atomEnd;
            const qint64 lo = classAtom(i, &atomEnd);
            if (atomEnd + 1 < n && m_s.at(atomEnd) == '-' && m_s.at(atomEnd + 1) != ']') {
                qsizetype hiEnd;
                const qint64 hi = classAtom(atomEnd + 1, &hiEnd);
                if (hi >= 0) {
                    if (hi < lo) {
                        *error = syntaxError("invalid character class range", m_s.mid(i, hiEnd - i));
                        return -1;
                    }
                    appendCodePoint(out, uint(lo));
                    out.append('-');
                    appendCodePoint(out, uint(hi));
                    i = hiEnd;
                    continue;
                }
            }
            if (c == '[' || c == ']' || c == '-' || c == '^')
                out.append('\\');
            out.append(m_s.mid(i, atomEnd - i));
            i = atomEnd;
        }
    }
};

GoRegex compile(const QByteArray &pattern)
{
    GoRegex r;
    Translator t(pattern);
    const QByteArray pcre = t.translate(&r.error);
    if (!r.error.isEmpty())
        return r;
    r.re = QRegularExpression(QString::fromUtf8(pcre));
    if (!r.re.isValid())
        r.error = "error parsing regexp: " + r.re.errorString().toUtf8() + ": `" + pattern + '`';
    return r;
}

// regexp.MustCompile's panic text.
GoRegex mustCompile(const QByteArray &pattern)
{
    GoRegex r = compile(pattern);
    if (!r.error.isEmpty()) {
        bool backquote = true;
        for (const char c : pattern) {
            if (c == '`' || (static_cast<unsigned char>(c) < ' ' && c != '\t') || c == 0x7F)
                backquote = false;
        }
        const QByteArray quoted = backquote ? '`' + pattern + '`' : quoteString(pattern);
        fail("regexp: Compile(" + quoted + "): " + r.error);
    }
    return r;
}

GoRegex compileOrFail(const QByteArray &pattern)
{
    GoRegex r = compile(pattern);
    if (!r.error.isEmpty())
        fail(r.error);
    return r;
}

// The subject as UTF-16 with the byte offset of every UTF-16 position.
struct Subject
{
    QString text;
    std::vector<qsizetype> bytes; // bytes[utf16 index] = byte offset; size text.size() + 1

    explicit Subject(const QByteArray &s)
    {
        text.reserve(s.size());
        bytes.reserve(size_t(s.size()) + 1);
        for (qsizetype i = 0; i < s.size();) {
            int w;
            const char32_t r = decodeRune(s, i, &w);
            bytes.push_back(i);
            if (r >= 0x10000) {
                bytes.push_back(i);
                text.append(QChar(QChar::highSurrogate(r)));
                text.append(QChar(QChar::lowSurrogate(r)));
            } else {
                text.append(QChar(char16_t(r)));
            }
            i += w;
        }
        bytes.push_back(s.size());
    }

    qsizetype utf16At(qsizetype byteOffset) const
    {
        const auto it = std::lower_bound(bytes.begin(), bytes.end(), byteOffset);
        return qsizetype(it - bytes.begin());
    }
};

// A match as Go's []int: byte offsets of the whole match and each group (-1 when unset).
using Match = std::vector<qsizetype>;

bool execute(const GoRegex &r, const Subject &subject, qsizetype bytePos, Match *m)
{
    const QRegularExpressionMatch match = r.re.match(subject.text, subject.utf16At(bytePos));
    if (!match.hasMatch())
        return false;
    m->clear();
    for (int g = 0; g <= r.re.captureCount(); ++g) {
        const qsizetype s = match.capturedStart(g);
        if (s < 0) {
            m->push_back(-1);
            m->push_back(-1);
        } else {
            m->push_back(subject.bytes[size_t(s)]);
            m->push_back(subject.bytes[size_t(match.capturedEnd(g))]);
        }
    }
    return true;
}

int runeWidthAt(const QByteArray &s, qsizetype pos)
{
    if (pos >= s.size())
        return 0;
    int w;
    decodeRune(s, pos, &w);
    return w;
}

// regexp's allMatches: empty matches right after a match are skipped.
std::vector<Match> allMatches(const GoRegex &r, const QByteArray &s, qint64 n)
{
    std::vector<Match> out;
    if (n < 0)
        n = s.size() + 1;
    const Subject subject(s);
    qsizetype pos = 0;
    qsizetype prevMatchEnd = -1;
    const qsizetype end = s.size();
    while (qint64(out.size()) < n && pos <= end) {
        Match m;
        if (!execute(r, subject, pos, &m))
            break;
        bool accept = true;
        if (m[1] == pos) {
            if (m[0] == prevMatchEnd)
                accept = false;
            const int w = runeWidthAt(s, pos);
            pos += w > 0 ? w : end + 1;
        } else {
            pos = m[1];
        }
        prevMatchEnd = m[1];
        if (accept)
            out.push_back(std::move(m));
    }
    return out;
}

// Go's Regexp.expand for ReplaceAllString templates.
QByteArray expand(const GoRegex &r, const QByteArray &tmpl, const QByteArray &src, const Match &m)
{
    QByteArray dst;
    QByteArray t = tmpl;
    const QStringList names = r.re.namedCaptureGroups();
    while (!t.isEmpty()) {
        const qsizetype dollar = t.indexOf('$');
        if (dollar < 0)
            break;
        dst.append(t.left(dollar));
        t = t.mid(dollar + 1);
        if (!t.isEmpty() && t.at(0) == '$') {
            dst.append('$');
            t = t.mid(1);
            continue;
        }
        // extract
        QByteArray str = t;
        bool brace = false;
        if (!str.isEmpty() && str.at(0) == '{') {
            brace = true;
            str = str.mid(1);
        }
        qsizetype i = 0;
        while (i < str.size()) {
            int w;
            const char32_t rune = decodeRune(str, i, &w);
            if (!(rune <= 0x10FFFF
                  && (QChar::isLetter(rune) || QChar::category(rune) == QChar::Number_DecimalDigit))
                && rune != '_')
                break;
            i += w;
        }
        bool ok = i > 0;
        const QByteArray name = str.left(i);
        if (ok && brace) {
            if (i >= str.size() || str.at(i) != '}')
                ok = false;
            else
                ++i;
        }
        if (!ok) {
            dst.append('$');
            continue;
        }
        t = str.mid(i);
        qint64 num = 0;
        for (const char ch : name) {
            if (ch < '0' || ch > '9' || num >= 100000000) {
                num = -1;
                break;
            }
            num = num * 10 + (ch - '0');
        }
        if (name.at(0) == '0' && name.size() > 1)
            num = -1;
        if (num >= 0) {
            if (size_t(2 * num + 1) < m.size() && m[size_t(2 * num)] >= 0)
                dst.append(src.mid(m[size_t(2 * num)], m[size_t(2 * num + 1)] - m[size_t(2 * num)]));
        } else {
            for (qsizetype g = 0; g < names.size(); ++g) {
                if (!names.at(g).isEmpty() && names.at(g).toUtf8() == name
                    && size_t(2 * g + 1) < m.size()) {
                    if (m[size_t(2 * g)] >= 0)
                        dst.append(
                                src.mid(m[size_t(2 * g)], m[size_t(2 * g + 1)] - m[size_t(2 * g)]));
                    break;
                }
            }
        }
    }
    dst.append(t);
    return dst;
}

// regexp's replaceAll.
QByteArray replaceAll(const GoRegex &r, const QByteArray &src, const QByteArray &repl, bool literal)
{
    const Subject subject(src);
    QByteArray buf;
    qsizetype lastMatchEnd = 0;
    qsizetype searchPos = 0;
    const qsizetype end = src.size();
    while (searchPos <= end) {
        Match a;
        if (!execute(r, subject, searchPos, &a))
            break;
        buf.append(src.mid(lastMatchEnd, a[0] - lastMatchEnd));
        // No replacement for an empty match right after another match.
        if (a[1] > lastMatchEnd || a[0] == 0)
            buf.append(literal ? repl : expand(r, repl, src, a));
        lastMatchEnd = a[1];
        const int width = runeWidthAt(src, searchPos);
        if (searchPos + width > a[1])
            searchPos += width;
        else if (searchPos + 1 > a[1])
            ++searchPos;
        else
            searchPos = a[1];
        if (buf.size() > qsizetype(256) * 1024 * 1024)
            fail(Tr::tr("replacement output exceeds the 256 MiB limit of this renderer").toUtf8());
    }
    buf.append(src.mid(lastMatchEnd));
    return buf;
}

Value findAll(const GoRegex &r, const QByteArray &s, qint64 n)
{
    if (n == 0)
        return Value::nil(QByteArrayLiteral("[]string"));
    const std::vector<Match> matches = allMatches(r, s, n);
    if (matches.empty())
        return Value::nil(QByteArrayLiteral("[]string"));
    QByteArrayList out;
    for (const Match &m : matches)
        out.append(s.mid(m[0], m[1] - m[0]));
    return stringList(out);
}

Value findFirst(const GoRegex &r, const QByteArray &s)
{
    Match m;
    if (!execute(r, Subject(s), 0, &m))
        return Value::fromString({});
    return Value::fromString(s.mid(m[0], m[1] - m[0]));
}

Value split(const GoRegex &r, const QByteArray &pattern, const QByteArray &s, qint64 n)
{
    if (n == 0)
        return Value::nil(QByteArrayLiteral("[]string"));
    if (!pattern.isEmpty() && s.isEmpty())
        return stringList({QByteArray()});
    const std::vector<Match> matches = allMatches(r, s, n);
    QByteArrayList strings;
    qsizetype beg = 0;
    qsizetype end = 0;
    for (const Match &m : matches) {
        if (n > 0 && strings.size() == n - 1)
            break;
        end = m[0];
        if (m[1] != 0)
            strings.append(s.mid(beg, end - beg));
        beg = m[1];
    }
    if (end != s.size())
        strings.append(s.mid(beg));
    return stringList(strings);
}

QByteArray quoteMeta(const QByteArray &s)
{
    static const QByteArray special("\\.+*?()|[]{}^$");
    QByteArray out;
    for (const char c : s) {
        if (special.contains(c))
            out.append('\\');
        out.append(c);
    }
    return out;
}

} // namespace

void addRegexFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };

    add(makeFunction("regexMatch", {"string", "string"}, nullptr, [](const Args &a) {
        const GoRegex r = compile(a.at(0).toString());
        if (!r.error.isEmpty())
            return Value::fromBool(false);
        Match m;
        return Value::fromBool(execute(r, Subject(a.at(1).toString()), 0, &m));
    }));
    add(makeFunction(
            "mustRegexMatch",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                const GoRegex r = compileOrFail(a.at(0).toString());
                Match m;
                return Value::fromBool(execute(r, Subject(a.at(1).toString()), 0, &m));
            },
            true));

    const auto pair = [&add](const char *name,
                             const char *mustName,
                             QList<const char *> params,
                             Value (*body)(const GoRegex &, const Args &)) {
        add(makeFunction(name, params, nullptr, [body](const Args &a) {
            return body(mustCompile(a.at(0).toString()), a);
        }));
        add(makeFunction(
                mustName,
                params,
                nullptr,
                [body](const Args &a) { return body(compileOrFail(a.at(0).toString()), a); },
                true));
    };
    pair("regexFindAll",
         "mustRegexFindAll",
         {"string", "string", "int"},
         [](const GoRegex &r, const Args &a) {
             return findAll(r, a.at(1).toString(), a.at(2).toInt());
         });
    pair("regexFind", "mustRegexFind", {"string", "string"}, [](const GoRegex &r, const Args &a) {
        return findFirst(r, a.at(1).toString());
    });
    pair("regexReplaceAll",
         "mustRegexReplaceAll",
         {"string", "string", "string"},
         [](const GoRegex &r, const Args &a) {
             return Value::fromString(replaceAll(r, a.at(1).toString(), a.at(2).toString(), false));
         });
    pair("regexReplaceAllLiteral",
         "mustRegexReplaceAllLiteral",
         {"string", "string", "string"},
         [](const GoRegex &r, const Args &a) {
             return Value::fromString(replaceAll(r, a.at(1).toString(), a.at(2).toString(), true));
         });
    pair("regexSplit",
         "mustRegexSplit",
         {"string", "string", "int"},
         [](const GoRegex &r, const Args &a) {
             return split(r, a.at(0).toString(), a.at(1).toString(), a.at(2).toInt());
         });
    add(makeFunction("regexQuoteMeta", {"string"}, nullptr, [](const Args &a) {
        return Value::fromString(quoteMeta(a.at(0).toString()));
    }));
}

} // namespace Stagecraft::Model::Template::Sprig

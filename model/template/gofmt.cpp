// SPDX-License-Identifier: GPL-3.0-or-later
#include "gofmt.h"

#include "common/tr.h"
#include "common/utf8.h"

#include <QChar>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace Stagecraft::Model::Template {

namespace {

constexpr char32_t runeError = 0xFFFD;
constexpr char32_t maxRune = 0x10FFFF;
const char lowerDigits[] = "0123456789abcdefx";
const char upperDigits[] = "0123456789ABCDEFX";

// The decimal digits of a float as strconv keeps them: digits without trailing zeros and the
// position of the decimal point (value = 0.d1d2d3... * 10^dp).
struct Digits
{
    QByteArray d;
    int dp = 0;
};

// Parses std::to_chars scientific output "d.ddde±XX" into Digits.
Digits parseScientific(const char *begin, const char *end)
{
    Digits out;
    const char *p = begin;
    if (p != end && *p == '-')
        ++p;
    int exp = 0;
    for (; p != end && *p != 'e'; ++p) {
        if (*p >= '0' && *p <= '9')
            out.d.append(*p);
    }
    if (p != end) {
        ++p;
        bool neg = false;
        if (p != end && (*p == '+' || *p == '-')) {
            neg = *p == '-';
            ++p;
        }
        for (; p != end; ++p)
            exp = exp * 10 + (*p - '0');
        if (neg)
            exp = -exp;
    }
    while (!out.d.isEmpty() && out.d.endsWith('0'))
        out.d.chop(1);
    if (out.d.isEmpty()) {
        out.dp = 0; // strconv's zero: no digits at all
        return out;
    }
    out.dp = exp + 1;
    return out;
}

Digits floatDigits(double f, int bitSize, int significant /* -1: shortest */)
{
    char buf[64];
    std::to_chars_result r;
    if (significant < 0) {
        if (bitSize == 32)
            r = std::to_chars(buf,
                              buf + sizeof buf,
                              static_cast<float>(f),
                              std::chars_format::scientific);
        else
            r = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
    } else {
        r = std::to_chars(buf,
                          buf + sizeof buf,
                          f,
                          std::chars_format::scientific,
                          std::max(significant - 1, 0));
    }
    return parseScientific(buf, r.ptr);
}

void appendExponent(QByteArray &out, int exp, char e)
{
    out.append(e);
    out.append(exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp < 10)
        out.append('0');
    out.append(QByteArray::number(exp));
}

// strconv's %e from digits.
QByteArray fmtE(bool neg, const Digits &digs, int prec, char e)
{
    QByteArray out;
    if (neg)
        out.append('-');
    out.append(digs.d.isEmpty() ? '0' : digs.d.at(0));
    if (prec > 0) {
        out.append('.');
        int i = 1;
        const int m = std::min<int>(digs.d.size(), prec + 1);
        if (i < m) {
            out.append(digs.d.mid(i, m - i));
            i = m;
        }
        for (; i <= prec; ++i)
            out.append('0');
    }
    const int exp = digs.d.isEmpty() ? 0 : digs.dp - 1;
    appendExponent(out, exp, e);
    return out;
}

// strconv's %f from digits.
QByteArray fmtF(bool neg, const Digits &digs, int prec)
{
    QByteArray out;
    if (neg)
        out.append('-');
    const int nd = digs.d.size();
    if (digs.dp > 0) {
        const int m = std::min(nd, digs.dp);
        out.append(digs.d.left(m));
        for (int i = m; i < digs.dp; ++i)
            out.append('0');
    } else {
        out.append('0');
    }
    if (prec > 0) {
        out.append('.');
        for (int i = 1; i <= prec; ++i) {
            const int j = digs.dp + i - 1;
            out.append(j >= 0 && j < nd ? digs.d.at(j) : '0');
        }
    }
    return out;
}

QByteArray toCharsFormat(double f, std::chars_format format, int prec, int bitSize)
{
    char buf[512];
    std::to_chars_result r;
    if (prec < 0) {
        if (bitSize == 32)
            r = std::to_chars(buf, buf + sizeof buf, static_cast<float>(f), format);
        else
            r = std::to_chars(buf, buf + sizeof buf, f, format);
    } else {
        r = std::to_chars(buf, buf + sizeof buf, f, format, prec);
    }
    if (r.ec != std::errc())
        return {};
    return QByteArray(buf, r.ptr - buf);
}

} // namespace

QByteArray formatFloat(double f, char fmt, int prec, int bitSize)
{
    if (std::isnan(f))
        return QByteArrayLiteral("NaN");
    if (std::isinf(f))
        return f > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    const bool neg = std::signbit(f);
    if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
        // The binary forms work on the IEEE bits (float64; float32 values are widened).
        quint64 bits;
        std::memcpy(&bits, &f, sizeof bits);
        int exp = int(bits >> 52) & 0x7FF;
        quint64 mant = bits & ((quint64(1) << 52) - 1);
        if (exp == 0)
            ++exp;
        else
            mant |= quint64(1) << 52;
        exp -= 1023;
        QByteArray out;
        if (neg)
            out.append('-');
        if (fmt == 'b') {
            out.append(QByteArray::number(mant));
            out.append('p');
            const int e = exp - 52;
            if (e >= 0)
                out.append('+');
            out.append(QByteArray::number(e));
            return out;
        }
        if (mant == 0)
            exp = 0;
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (quint64(1) << 60)) == 0) {
            mant <<= 1;
            --exp;
        }
        if (prec >= 0 && prec < 15) {
            const unsigned shift = unsigned(prec * 4);
            const quint64 extra = (mant << shift) & ((quint64(1) << 60) - 1);
            mant >>= 60 - shift;
            if ((extra | (mant & 1)) > (quint64(1) << 59))
                ++mant;
            mant <<= 60 - shift;
            if (mant & (quint64(1) << 61)) {
                mant >>= 1;
                ++exp;
            }
        }
        const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        out.append('0');
        out.append(fmt);
        out.append(char('0' + ((mant >> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex[(mant >> 60) & 15]);
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; ++i) {
                out.append(hex[(mant >> 60) & 15]);
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p');
        out.append(exp < 0 ? '-' : '+');
        const int e = std::abs(exp);
        if (e < 10)
            out.append('0');
        out.append(QByteArray::number(e));
        return out;
    }
    switch (fmt) {
    case 'e':
    case 'E': {
        QByteArray s = toCharsFormat(f, std::chars_format::scientific, prec, bitSize);
        if (prec > 1000) // to_chars' buffer above; Go would print every zero, rarely wanted
            s = fmtE(neg, floatDigits(f, bitSize, -1), prec, 'e');
        if (fmt == 'E')
            s.replace('e', 'E');
        return s;
    }
    case 'f':
    case 'F': {
        if (prec > 400 || std::fabs(f) >= 1e300) {
            Digits digs = floatDigits(std::fabs(f), bitSize, -1);
            return fmtF(neg, digs, prec < 0 ? std::max<int>(digs.d.size() - digs.dp, 0) : prec);
        }
        return toCharsFormat(f, std::chars_format::fixed, prec, bitSize);
    }
    case 'g':
    case 'G': {
        const bool shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = floatDigits(std::fabs(f), bitSize, -1);
            prec = digs.d.size();
        } else {
            if (prec == 0)
                prec = 1;
            digs = floatDigits(std::fabs(f), bitSize, std::min(prec, 800));
        }
        int eprec = prec;
        if (eprec > digs.d.size() && digs.d.size() >= digs.dp)
            eprec = digs.d.size();
        if (shortest)
            eprec = 6;
        const int exp = digs.dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > digs.d.size())
                prec = digs.d.size();
            return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
        }
        if (prec > digs.dp)
            prec = digs.d.size();
        return fmtF(neg, digs, std::max(prec - digs.dp, 0));
    }
    default:
        break;
    }
    return QByteArrayLiteral("%") + fmt;
}

char32_t decodeRune(const QByteArray &s, qsizetype pos, int *width)
{
    const Utf8::Rune r = Utf8::decode(s, pos);
    // utf8.DecodeRune reports width 1 for invalid input and, unlike the other callers, this
    // one's loops also step over the end by one.
    *width = r.width == 0 ? 1 : r.width;
    return r.value;
}

QByteArray encodeRune(char32_t r)
{
    if (r > maxRune || (r >= 0xD800 && r <= 0xDFFF))
        r = runeError;
    QByteArray out;
    if (r < 0x80) {
        out.append(char(r));
    } else if (r < 0x800) {
        out.append(char(0xC0 | (r >> 6)));
        out.append(char(0x80 | (r & 0x3F)));
    } else if (r < 0x10000) {
        out.append(char(0xE0 | (r >> 12)));
        out.append(char(0x80 | ((r >> 6) & 0x3F)));
        out.append(char(0x80 | (r & 0x3F)));
    } else {
        out.append(char(0xF0 | (r >> 18)));
        out.append(char(0x80 | ((r >> 12) & 0x3F)));
        out.append(char(0x80 | ((r >> 6) & 0x3F)));
        out.append(char(0x80 | (r & 0x3F)));
    }
    return out;
}

qsizetype runeCount(const QByteArray &s)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < s.size();) {
        int w;
        decodeRune(s, i, &w);
        i += w;
        ++count;
    }
    return count;
}

bool isGoPrint(char32_t r)
{
    if (r == ' ')
        return true;
    if (r > maxRune)
        return false;
    switch (QChar::category(r)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return true;
    default:
        return false;
    }
}

namespace {

void appendHex(QByteArray &out, quint32 v, int digits)
{
    for (int i = digits - 1; i >= 0; --i)
        out.append(lowerDigits[(v >> (4 * i)) & 0xF]);
}

void appendEscapedRune(QByteArray &out, char32_t r, char quote, bool asciiOnly)
{
    if (r == char32_t(quote) || r == '\\') {
        out.append('\\');
        out.append(char(r));
        return;
    }
    if (asciiOnly) {
        if (r < 0x80 && isGoPrint(r)) {
            out.append(char(r));
            return;
        }
    } else if (isGoPrint(r)) {
        out.append(encodeRune(r));
        return;
    }
    switch (r) {
    case '\a':
        out.append("\\a");
        return;
    case '\b':
        out.append("\\b");
        return;
    case '\f':
        out.append("\\f");
        return;
    case '\n':
        out.append("\\n");
        return;
    case '\r':
        out.append("\\r");
        return;
    case '\t':
        out.append("\\t");
        return;
    case '\v':
        out.append("\\v");
        return;
    default:
        break;
    }
    if (r < ' ' || r == 0x7F) {
        out.append("\\x");
        appendHex(out, r, 2);
    } else if (r > maxRune) {
        out.append("\\ufffd");
    } else if (r < 0x10000) {
        out.append("\\u");
        appendHex(out, r, 4);
    } else {
        out.append("\\U");
        appendHex(out, r, 8);
    }
}

} // namespace

QByteArray quoteString(const QByteArray &s, bool asciiOnly)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out.append('"');
    for (qsizetype i = 0; i < s.size();) {
        int w;
        const char32_t r = decodeRune(s, i, &w);
        if (w == 1 && r == runeError) {
            out.append("\\x");
            appendHex(out, static_cast<unsigned char>(s.at(i)), 2);
            ++i;
            continue;
        }
        appendEscapedRune(out, r, '"', asciiOnly);
        i += w;
    }
    out.append('"');
    return out;
}

QByteArray quoteRune(char32_t r, bool asciiOnly)
{
    if (r > maxRune || (r >= 0xD800 && r <= 0xDFFF))
        r = runeError;
    QByteArray out("'");
    appendEscapedRune(out, r, '\'', asciiOnly);
    out.append('\'');
    return out;
}

namespace {

bool canBackquote(const QByteArray &s)
{
    for (qsizetype i = 0; i < s.size();) {
        int w;
        const char32_t r = decodeRune(s, i, &w);
        if (w == 1 && r == runeError)
            return false;
        if (w > 1) {
            if (r == 0xFEFF)
                return false;
        } else if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
            return false;
        }
        i += w;
    }
    return true;
}

bool isStringKind(const Value &v)
{
    return v.kind() == Value::Kind::String;
}

constexpr int maxDepth = 1000; // well inside an 8 MiB stack even in debug builds

// One fmt.pp: the output buffer and the flags of the verb being printed.
class Printer
{
public:
    QByteArray buf;

    void clearFlags()
    {
        minus = plus = sharp = space = zero = plusV = sharpV = false;
        widPresent = precPresent = false;
        wid = prec = 0;
    }

    bool minus = false, plus = false, sharp = false, space = false, zero = false;
    bool plusV = false, sharpV = false;
    bool widPresent = false, precPresent = false;
    int wid = 0, prec = 0;
    bool erroring = false;

    void writePadding(qsizetype n)
    {
        if (n <= 0)
            return;
        buf.append(QByteArray(n, zero ? '0' : ' '));
    }

    void pad(const QByteArray &s)
    {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        const qsizetype width = wid - runeCount(s);
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    QByteArray truncate(const QByteArray &s) const
    {
        if (!precPresent)
            return s;
        int n = prec;
        for (qsizetype i = 0; i < s.size();) {
            --n;
            if (n < 0)
                return s.left(i);
            int w;
            decodeRune(s, i, &w);
            i += w;
        }
        return s;
    }

    void fmtBoolean(bool b) { pad(b ? QByteArrayLiteral("true") : QByteArrayLiteral("false")); }

    void fmtInteger(quint64 u, int base, bool isSigned, char verb, const char *digits)
    {
        const bool negative = isSigned && static_cast<qint64>(u) < 0;
        if (negative)
            u = -u;
        int precision = 1;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                const bool oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid;
            if (negative || plus || space)
                --precision;
        }
        QByteArray num;
        do {
            num.prepend(digits[u % base]);
            u /= base;
        } while (u != 0);
        while (num.size() < precision)
            num.prepend('0');
        if (sharp) {
            switch (base) {
            case 2:
                num.prepend("0b");
                break;
            case 8:
                if (num.at(0) != '0')
                    num.prepend('0');
                break;
            case 16:
                num.prepend(digits[16]);
                num.prepend('0');
                break;
            default:
                break;
            }
        }
        if (verb == 'O')
            num.prepend("0o");
        if (negative)
            num.prepend('-');
        else if (plus)
            num.prepend('+');
        else if (space)
            num.prepend(' ');
        const bool oldZero = zero;
        zero = false;
        pad(num);
        zero = oldZero;
    }

    void fmtUnicode(quint64 u)
    {
        int precision = 4;
        if (precPresent && prec > 4)
            precision = prec;
        QByteArray num;
        quint64 v = u;
        do {
            num.prepend(upperDigits[v & 0xF]);
            v >>= 4;
        } while (v != 0);
        while (num.size() < precision)
            num.prepend('0');
        num.prepend("U+");
        if (sharp && u <= maxRune && isGoPrint(char32_t(u))) {
            num.append(" '");
            num.append(encodeRune(char32_t(u)));
            num.append('\'');
        }
        const bool oldZero = zero;
        zero = false;
        pad(num);
        zero = oldZero;
    }

    void fmtC(quint64 c)
    {
        const char32_t r = c > maxRune ? runeError : char32_t(c);
        pad(encodeRune(r));
    }

    void fmtQc(quint64 c)
    {
        const char32_t r = c > maxRune ? runeError : char32_t(c);
        pad(quoteRune(r, plus));
    }

    void fmtS(const QByteArray &s) { pad(truncate(s)); }

    void fmtSx(const QByteArray &s, const char *digits)
    {
        qsizetype length = s.size();
        if (precPresent && prec < length)
            length = prec;
        qsizetype width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp)
                    width *= 2;
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent)
                writePadding(wid);
            return;
        }
        if (widPresent && wid > width && !minus)
            writePadding(wid - width);
        if (sharp) {
            buf.append('0');
            buf.append(digits[16]);
        }
        for (qsizetype i = 0; i < length; ++i) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0');
                    buf.append(digits[16]);
                }
            }
            const unsigned char c = static_cast<unsigned char>(s.at(i));
            buf.append(digits[c >> 4]);
            buf.append(digits[c & 0xF]);
        }
        if (widPresent && wid > width && minus)
            writePadding(wid - width);
    }

    void fmtQ(const QByteArray &str)
    {
        const QByteArray s = truncate(str);
        if (sharp && canBackquote(s))
            pad('`' + s + '`');
        else
            pad(quoteString(s, plus));
    }

    void fmtFloat(double v, int size, char verb, int precision)
    {
        if (precPresent)
            precision = prec;
        QByteArray num = formatFloat(v, verb == 'F' ? 'f' : verb, precision, size);
        if (!num.startsWith('-') && !num.startsWith('+'))
            num.prepend('+');
        if (space && num.at(0) == '+' && !plus)
            num[0] = ' ';
        if (num.at(1) == 'I' || num.at(1) == 'N') {
            const bool oldZero = zero;
            zero = false;
            if (num.at(1) == 'N' && !space && !plus)
                num.remove(0, 1);
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G') {
                digits = precision;
                if (digits == -1)
                    digits = 6;
            }
            QByteArray tail;
            bool hasPoint = false;
            bool sawNonzero = false;
            for (qsizetype i = 1; i < num.size(); ++i) {
                const char c = num.at(i);
                if (c == '.') {
                    hasPoint = true;
                } else if (c == 'e' || c == 'E') {
                    tail = num.mid(i);
                    num.truncate(i);
                    break;
                } else {
                    if (c != '0')
                        sawNonzero = true;
                    // Count significant digits after the first non-zero digit.
                    if (sawNonzero)
                        --digits;
                }
            }
            if (!hasPoint) {
                if (num.size() == 2 && num.at(1) == '0')
                    --digits;
                num.append('.');
            }
            while (digits > 0) {
                num.append('0');
                --digits;
            }
            num.append(tail);
        }
        if (plus || num.at(0) != '+') {
            if (zero && widPresent && wid > num.size()) {
                buf.append(num.at(0));
                writePadding(wid - num.size());
                buf.append(num.mid(1));
                return;
            }
            pad(num);
            return;
        }
        pad(num.mid(1));
    }

    void badVerb(char32_t verb, const Value &arg)
    {
        erroring = true;
        buf.append("%!");
        buf.append(encodeRune(verb));
        buf.append('(');
        if (arg.isValid()) {
            buf.append(arg.goType());
            buf.append('=');
            printArg(arg, 'v');
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
        erroring = false;
    }

    void printInteger(const Value &v, bool isSigned, char32_t verb)
    {
        const quint64 u = isSigned ? static_cast<quint64>(v.toInt()) : v.toUint();
        switch (verb) {
        case 'v':
            if (sharpV && !isSigned) {
                const bool oldSharp = sharp;
                sharp = true;
                fmtInteger(u, 16, false, 'v', lowerDigits);
                sharp = oldSharp;
            } else {
                fmtInteger(u, 10, isSigned, 'v', lowerDigits);
            }
            break;
        case 'd':
            fmtInteger(u, 10, isSigned, 'd', lowerDigits);
            break;
        case 'b':
            fmtInteger(u, 2, isSigned, 'b', lowerDigits);
            break;
        case 'o':
        case 'O':
            fmtInteger(u, 8, isSigned, char(verb), lowerDigits);
            break;
        case 'x':
            fmtInteger(u, 16, isSigned, 'x', lowerDigits);
            break;
        case 'X':
            fmtInteger(u, 16, isSigned, 'X', upperDigits);
            break;
        case 'c':
            fmtC(u);
            break;
        case 'q':
            fmtQc(u);
            break;
        case 'U':
            fmtUnicode(u);
            break;
        default:
            badVerb(verb, v);
            break;
        }
    }

    void printFloat(const Value &v, char32_t verb)
    {
        const int size = v.goType() == "float32" ? 32 : 64;
        switch (verb) {
        case 'v':
            fmtFloat(v.toFloat(), size, 'g', -1);
            break;
        case 'g':
        case 'G':
        case 'b':
        case 'x':
        case 'X':
            fmtFloat(v.toFloat(), size, char(verb), -1);
            break;
        case 'f':
        case 'e':
        case 'E':
        case 'F':
            fmtFloat(v.toFloat(), size, char(verb), 6);
            break;
        default:
            badVerb(verb, v);
            break;
        }
    }

    void printString(const Value &v, const QByteArray &s, char32_t verb)
    {
        switch (verb) {
        case 'v':
            if (sharpV)
                fmtQ(s);
            else
                fmtS(s);
            break;
        case 's':
            fmtS(s);
            break;
        case 'x':
            fmtSx(s, lowerDigits);
            break;
        case 'X':
            fmtSx(s, upperDigits);
            break;
        case 'q':
            fmtQ(s);
            break;
        default:
            badVerb(verb, v);
            break;
        }
    }

    // The element type of a slice or map type name, for %#v.
    static QByteArray elementType(const QByteArray &type)
    {
        if (type.startsWith("[]"))
            return type.mid(2);
        if (type.startsWith("map[")) {
            int depth = 0;
            for (qsizetype i = 3; i < type.size(); ++i) {
                if (type.at(i) == '[')
                    ++depth;
                else if (type.at(i) == ']' && --depth == 0)
                    return type.mid(i + 1);
            }
        }
        return QByteArrayLiteral("interface {}");
    }

    void printElement(const Value &elem, const QByteArray &staticType, char32_t verb, int depth)
    {
        // Elements of interface type holding nil print as <nil> (Go's printValue Interface case).
        if (!elem.isValid() || (elem.kind() == Value::Kind::Nil && elem.goType() == "<nil>")) {
            if (sharpV) {
                buf.append(staticType);
                buf.append("(nil)");
            } else {
                pad(QByteArrayLiteral("<nil>"));
            }
            return;
        }
        printValue(elem, verb, depth + 1);
    }

    void printValue(const Value &v, char32_t verb, int depth)
    {
        // A map that contains itself (`set $m "self" $m`) would recurse until Go's stack
        // overflows; stop with an error instead of crashing.
        if (depth > maxDepth)
            throw FunctionError(
                    Tr::tr("value nested more than 1000 levels deep (a map containing itself?)")
                            .toUtf8());
        if (depth > 0 && v.kind() == Value::Kind::Object && !erroring) {
            printObject(v, verb);
            return;
        }
        switch (v.kind()) {
        case Value::Kind::Invalid:
            if (depth == 0)
                buf.append("<invalid reflect.Value>");
            else if (verb == 'v')
                buf.append("<nil>");
            else
                badVerb(verb, v);
            return;
        case Value::Kind::Bool:
            if (verb == 't' || verb == 'v')
                fmtBoolean(v.toBool());
            else
                badVerb(verb, v);
            return;
        case Value::Kind::Int:
            printInteger(v, true, verb);
            return;
        case Value::Kind::Uint:
            printInteger(v, false, verb);
            return;
        case Value::Kind::Float:
            printFloat(v, verb);
            return;
        case Value::Kind::String:
            printString(v, v.toString(), verb);
            return;
        case Value::Kind::Object:
            printObject(v, verb);
            return;
        case Value::Kind::Nil: {
            const QByteArray type = v.goType();
            if (type.startsWith("map[")) {
                if (sharpV) {
                    buf.append(type);
                    buf.append("(nil)");
                } else {
                    buf.append("map[]");
                }
            } else if (type.startsWith("[]")) {
                if (sharpV) {
                    buf.append(type);
                    buf.append("(nil)");
                } else {
                    buf.append("[]");
                }
            } else if (sharpV) {
                buf.append('(');
                buf.append(type);
                buf.append(")(nil)");
            } else if (verb == 'v') {
                pad(QByteArrayLiteral("<nil>"));
            } else {
                badVerb(verb, v);
            }
            return;
        }
        case Value::Kind::List: {
            const QByteArray elemType = elementType(v.goType());
            if (sharpV) {
                buf.append(v.goType());
                buf.append('{');
                qsizetype i = 0;
                for (const Value &elem : *v.list()) {
                    if (i++ > 0)
                        buf.append(", ");
                    printElement(elem, elemType, verb, depth);
                }
                buf.append('}');
                return;
            }
            buf.append('[');
            qsizetype i = 0;
            for (const Value &elem : *v.list()) {
                if (i++ > 0)
                    buf.append(' ');
                printElement(elem, elemType, verb, depth);
            }
            buf.append(']');
            return;
        }
        case Value::Kind::Map: {
            const QByteArray elemType = elementType(v.goType());
            if (sharpV) {
                buf.append(v.goType());
                buf.append('{');
            } else {
                buf.append("map[");
            }
            bool first = true;
            for (const auto &[key, value] : *v.map()) {
                if (!first)
                    buf.append(sharpV ? ", " : " ");
                first = false;
                printValue(Value::fromString(key), verb, depth + 1);
                buf.append(':');
                printElement(value, elemType, verb, depth);
            }
            buf.append(sharpV ? '}' : ']');
            return;
        }
        }
    }

    void printObject(const Value &v, char32_t verb)
    {
        // Objects stand for Go values with a String method (time.Time, *semver.Version) or
        // whose %v the object renders itself; fmt's handleMethods formats String() as a string.
        switch (verb) {
        case 'v':
        case 's':
        case 'x':
        case 'X':
        case 'q': {
            const bool oldSharpV = sharpV;
            sharpV = false;
            printString(v, v.object()->print(), verb == 'v' ? 's' : verb);
            sharpV = oldSharpV;
            return;
        }
        default:
            badVerb(verb, v);
            return;
        }
    }

    void printArg(const Value &arg, char32_t verb)
    {
        if (!arg.isValid()) {
            if (verb == 'T' || verb == 'v')
                pad(QByteArrayLiteral("<nil>"));
            else
                badVerb(verb, arg);
            return;
        }
        if (verb == 'T') {
            fmtS(arg.goType());
            return;
        }
        if (verb == 'p') {
            // Addresses have no meaning here; Go prints %!p(T=v) for non-pointer operands.
            badVerb(verb, arg);
            return;
        }
        printValue(arg, verb, 0);
    }

    // fmt's intFromArg: only integer operands give a width or precision.
    bool intFromArg(const QList<Value> &args, qsizetype &argNum, int &num)
    {
        num = 0;
        bool isInt = false;
        if (argNum < args.size()) {
            const Value &a = args.at(argNum);
            if (a.kind() == Value::Kind::Int) {
                num = int(a.toInt());
                isInt = a.toInt() == qint64(num);
            } else if (a.kind() == Value::Kind::Uint) {
                isInt = a.toUint() <= quint64(std::numeric_limits<int>::max());
                num = isInt ? int(a.toUint()) : 0;
            }
            ++argNum;
            if (num > 1000000 || num < -1000000) {
                num = 0;
                isInt = false;
            }
        }
        return isInt;
    }
};

// fmt's parsenum: a decimal number, "too large" above 1e6.
bool parseNum(const QByteArray &s, qsizetype &i, qsizetype end, int &num)
{
    num = 0;
    bool isNum = false;
    while (i < end && s.at(i) >= '0' && s.at(i) <= '9') {
        if (num > 1000000) {
            num = 0;
            i = end;
            return false;
        }
        num = num * 10 + (s.at(i) - '0');
        isNum = true;
        ++i;
    }
    return isNum;
}

} // namespace

QByteArray formatValue(const Value &value)
{
    Printer p;
    p.printArg(value, 'v');
    return p.buf;
}

QByteArray sprint(const QList<Value> &args)
{
    Printer p;
    bool prevString = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const bool isString = isStringKind(args.at(i));
        if (i > 0 && !isString && !prevString)
            p.buf.append(' ');
        p.printArg(args.at(i), 'v');
        prevString = isString;
    }
    return p.buf;
}

QByteArray sprintln(const QList<Value> &args)
{
    Printer p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (i > 0)
            p.buf.append(' ');
        p.printArg(args.at(i), 'v');
    }
    p.buf.append('\n');
    return p.buf;
}

QByteArray goSprintf(const QByteArray &format, const QList<Value> &args)
{
    Printer p;
    const qsizetype end = format.size();
    qsizetype argNum = 0;
    bool afterIndex = false;
    bool reordered = false;
    bool goodArgNum = true;

    // fmt's argNumber: an explicit [n] index.
    const auto argNumber = [&](qsizetype i, bool &found) {
        found = false;
        if (i >= end || format.at(i) != '[')
            return i;
        reordered = true;
        // parseArgNumber
        qsizetype wid = 1;
        bool ok = false;
        int index = 0;
        if (end - i >= 3) {
            for (qsizetype j = i + 1; j < end; ++j) {
                if (format.at(j) == ']') {
                    qsizetype k = i + 1;
                    int n;
                    const bool isNum = parseNum(format, k, j, n);
                    wid = j - i + 1;
                    if (isNum && k == j) {
                        ok = true;
                        index = n - 1;
                    }
                    break;
                }
            }
        }
        if (ok && index >= 0 && index < args.size()) {
            argNum = index;
            found = true;
            return i + wid;
        }
        goodArgNum = false;
        found = ok;
        return i + wid;
    };

    for (qsizetype i = 0; i < end;) {
        goodArgNum = true;
        const qsizetype lasti = i;
        while (i < end && format.at(i) != '%')
            ++i;
        if (i > lasti)
            p.buf.append(format.mid(lasti, i - lasti));
        if (i >= end)
            break;
        ++i; // skip %
        p.clearFlags();
        bool simpleDone = false;
        for (; i < end; ++i) {
            const char c = format.at(i);
            bool isFlag = true;
            switch (c) {
            case '#':
                p.sharp = true;
                break;
            case '0':
                p.zero = !p.minus; // only zero padding to the left
                break;
            case '+':
                p.plus = true;
                break;
            case '-':
                p.minus = true;
                p.zero = false;
                break;
            case ' ':
                p.space = true;
                break;
            default:
                isFlag = false;
                break;
            }
            if (isFlag)
                continue;
            // The fast path of Go's loop: a lower-case verb right after the flags.
            if (c >= 'a' && c <= 'z' && argNum < args.size()) {
                if (c == 'v') {
                    p.sharpV = p.sharp;
                    p.sharp = false;
                    p.plusV = p.plus;
                    p.plus = false;
                }
                p.printArg(args.at(argNum), char32_t(c));
                ++argNum;
                ++i;
                simpleDone = true;
            }
            break;
        }
        if (simpleDone)
            continue;

        i = argNumber(i, afterIndex);

        // width
        if (i < end && format.at(i) == '*') {
            ++i;
            p.widPresent = p.intFromArg(args, argNum, p.wid);
            if (!p.widPresent)
                p.buf.append("%!(BADWIDTH)");
            if (p.wid < 0) {
                p.wid = -p.wid;
                p.minus = true;
                p.zero = false;
            }
            afterIndex = false;
        } else {
            p.widPresent = parseNum(format, i, end, p.wid);
            if (afterIndex && p.widPresent)
                goodArgNum = false;
        }

        // precision
        if (i + 1 <= end && i < end && format.at(i) == '.') {
            ++i;
            if (afterIndex)
                goodArgNum = false;
            i = argNumber(i, afterIndex);
            if (i < end && format.at(i) == '*') {
                ++i;
                p.precPresent = p.intFromArg(args, argNum, p.prec);
                if (p.prec < 0) {
                    p.prec = 0;
                    p.precPresent = false;
                }
                if (!p.precPresent)
                    p.buf.append("%!(BADPREC)");
                afterIndex = false;
            } else {
                p.precPresent = parseNum(format, i, end, p.prec);
                if (!p.precPresent) {
                    p.prec = 0;
                    p.precPresent = true;
                }
            }
        }

        if (!afterIndex)
            i = argNumber(i, afterIndex);

        if (i >= end) {
            p.buf.append("%!(NOVERB)");
            break;
        }

        int size = 1;
        char32_t verb = static_cast<unsigned char>(format.at(i));
        if (verb >= 0x80)
            verb = decodeRune(format, i, &size);
        i += size;

        if (verb == '%') {
            p.buf.append('%'); // absorbs no operand, ignores width and precision
        } else if (!goodArgNum) {
            p.buf.append("%!");
            p.buf.append(encodeRune(verb));
            p.buf.append("(BADINDEX)");
        } else if (argNum >= args.size()) {
            p.buf.append("%!");
            p.buf.append(encodeRune(verb));
            p.buf.append("(MISSING)");
        } else {
            if (verb == 'v') {
                p.sharpV = p.sharp;
                p.sharp = false;
                p.plusV = p.plus;
                p.plus = false;
            }
            p.printArg(args.at(argNum), verb);
            ++argNum;
        }
    }

    if (!reordered && argNum < args.size()) {
        p.clearFlags();
        p.buf.append("%!(EXTRA ");
        for (qsizetype k = argNum; k < args.size(); ++k) {
            if (k > argNum)
                p.buf.append(", ");
            const Value &arg = args.at(k);
            if (!arg.isValid()) {
                p.buf.append("<nil>");
            } else {
                p.buf.append(arg.goType());
                p.buf.append('=');
                p.printArg(arg, 'v');
            }
        }
        p.buf.append(')');
    }
    return p.buf;
}

} // namespace Stagecraft::Model::Template

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sprigutil.h"

#include "gofmt.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace Stagecraft::Model::Template::Sprig {

void fail(const QByteArray &message)
{
    throw FunctionError(message);
}

void nilDereference()
{
    fail(QByteArrayLiteral("runtime error: invalid memory address or nil pointer dereference"));
}

QByteArray strval(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::String:
        return v.toString();
    case Value::Kind::Object:
        return v.object()->print();
    default:
        return formatValue(v);
    }
}

qint64 toInt64(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::String: {
        qint64 i = 0;
        if (!parseGoInt(v.toString(), 10, &i))
            return 0;
        return i;
    }
    case Value::Kind::Int:
        return v.toInt();
    case Value::Kind::Uint:
        if (v.toUint() <= quint64(std::numeric_limits<qint64>::max()))
            return qint64(v.toUint());
        return std::numeric_limits<qint64>::max();
    case Value::Kind::Float: {
        // Go's float→int64 conversion of out-of-range values is implementation-defined; on amd64
        // it yields the "integer indefinite" value 0x8000000000000000.
        const double f = v.toFloat();
        if (std::isnan(f) || f >= 9.2233720368547758e18 || f < -9.2233720368547758e18)
            return std::numeric_limits<qint64>::min();
        return qint64(f);
    }
    case Value::Kind::Bool:
        return v.toBool() ? 1 : 0;
    default:
        return 0;
    }
}

double toFloat64(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::String: {
        double f = 0;
        if (!parseGoFloat(v.toString(), &f))
            return 0;
        return f;
    }
    case Value::Kind::Int:
        return double(v.toInt());
    case Value::Kind::Uint:
        return double(v.toUint());
    case Value::Kind::Float:
        return v.toFloat();
    case Value::Kind::Bool:
        return v.toBool() ? 1 : 0;
    default:
        return 0;
    }
}

bool isEmpty(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        return true;
    case Value::Kind::Bool:
        return !v.toBool();
    case Value::Kind::Int:
        return v.toInt() == 0;
    case Value::Kind::Uint:
        return v.toUint() == 0;
    case Value::Kind::Float:
        return v.toFloat() == 0;
    case Value::Kind::String:
        return v.toString().isEmpty();
    case Value::Kind::List:
        return v.list()->isEmpty();
    case Value::Kind::Map:
        return v.map()->empty();
    case Value::Kind::Object:
        return false; // structs are never empty, non-nil pointers neither
    }
    return false;
}

namespace {

bool deepEqualAt(const Value &a, const Value &b, int depth);

} // namespace

bool deepEqual(const Value &a, const Value &b)
{
    return deepEqualAt(a, b, 0);
}

namespace {

bool deepEqualAt(const Value &a, const Value &b, int depth)
{
    // reflect.DeepEqual treats a revisited pair as equal; deep nesting here means a cycle.
    if (depth > 1000)
        return true;
    if (!a.isValid() || !b.isValid())
        return a.isValid() == b.isValid();
    if (a.kind() != b.kind() || a.goType() != b.goType())
        return false;
    switch (a.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        return true;
    case Value::Kind::Bool:
        return a.toBool() == b.toBool();
    case Value::Kind::Int:
        return a.toInt() == b.toInt();
    case Value::Kind::Uint:
        return a.toUint() == b.toUint();
    case Value::Kind::Float:
        return a.toFloat() == b.toFloat();
    case Value::Kind::String:
        return a.toString() == b.toString();
    case Value::Kind::List: {
        if (a.list() == b.list())
            return true;
        const List &la = *a.list();
        const List &lb = *b.list();
        if (la.size() != lb.size())
            return false;
        for (qsizetype i = 0; i < la.size(); ++i) {
            if (!deepEqualAt(la.at(i), lb.at(i), depth + 1))
                return false;
        }
        return true;
    }
    case Value::Kind::Map: {
        if (a.map() == b.map())
            return true;
        const Map &ma = *a.map();
        const Map &mb = *b.map();
        if (ma.size() != mb.size())
            return false;
        for (const auto &[key, value] : ma) {
            const auto it = mb.find(key);
            if (it == mb.end() || !deepEqualAt(value, it->second, depth + 1))
                return false;
        }
        return true;
    }
    case Value::Kind::Object:
        return a.object() == b.object() || a.object()->print() == b.object()->print();
    }
    return false;
}

} // namespace

QByteArray goKind(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Invalid:
        return QByteArrayLiteral("invalid");
    case Value::Kind::Nil: {
        const QByteArray type = v.goType();
        if (type == "<nil>")
            return QByteArrayLiteral("invalid");
        if (type.startsWith("map["))
            return QByteArrayLiteral("map");
        if (type.startsWith("[]"))
            return QByteArrayLiteral("slice");
        if (type.startsWith("func"))
            return QByteArrayLiteral("func");
        return QByteArrayLiteral("ptr");
    }
    case Value::Kind::Bool:
        return QByteArrayLiteral("bool");
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float:
        return v.goType();
    case Value::Kind::String:
        return QByteArrayLiteral("string");
    case Value::Kind::List:
        return v.goType().startsWith("[]") ? QByteArrayLiteral("slice")
                                           : QByteArrayLiteral("array");
    case Value::Kind::Map:
        return QByteArrayLiteral("map");
    case Value::Kind::Object:
        return v.goType().startsWith('*') ? QByteArrayLiteral("ptr") : QByteArrayLiteral("struct");
    }
    return QByteArrayLiteral("invalid");
}

bool isSlice(const Value &v)
{
    if (v.kind() == Value::Kind::List)
        return true;
    return v.kind() == Value::Kind::Nil && v.goType().startsWith("[]");
}

List sliceElements(const Value &v)
{
    if (v.kind() == Value::Kind::List)
        return *v.list();
    return {};
}

Map mapEntries(const Value &v)
{
    if (v.kind() == Value::Kind::Map)
        return *v.map();
    return {};
}

Value stringList(const QByteArrayList &items)
{
    List l;
    l.reserve(items.size());
    for (const QByteArray &s : items)
        l.append(Value::fromString(s));
    return Value::fromList(std::move(l), QByteArrayLiteral("[]string"));
}

QByteArrayList strslice(const Value &v)
{
    QByteArrayList out;
    if (isSlice(v)) {
        for (const Value &e : sliceElements(v)) {
            if (e.isValid() && !(e.kind() == Value::Kind::Nil && e.goType() == "<nil>"))
                out.append(strval(e));
        }
        return out;
    }
    if (!v.isValid())
        return out;
    out.append(strval(v));
    return out;
}

QByteArray sliceString(const QByteArray &s, qint64 from, qint64 to, bool hasFrom, bool hasTo)
{
    const qint64 len = s.size();
    if (!hasTo)
        to = len;
    if (!hasFrom)
        from = 0;
    if (hasTo) {
        if (to < 0)
            fail("runtime error: slice bounds out of range [:" + QByteArray::number(to) + ']');
        if (to > len) {
            fail("runtime error: slice bounds out of range [:" + QByteArray::number(to)
                 + "] with length " + QByteArray::number(len));
        }
    }
    if (from < 0)
        fail("runtime error: slice bounds out of range [" + QByteArray::number(from) + ":]");
    if (from > to) {
        fail("runtime error: slice bounds out of range [" + QByteArray::number(from) + ':'
             + QByteArray::number(to) + ']');
    }
    return s.mid(from, to - from);
}

List sliceList(const List &l, qint64 from, qint64 to)
{
    const qint64 cap = l.size();
    if (to < 0)
        fail("runtime error: slice bounds out of range [:" + QByteArray::number(to) + ']');
    if (to > cap) {
        fail("runtime error: slice bounds out of range [:" + QByteArray::number(to)
             + "] with capacity " + QByteArray::number(cap));
    }
    if (from < 0)
        fail("runtime error: slice bounds out of range [" + QByteArray::number(from) + ":]");
    if (from > to) {
        fail("runtime error: slice bounds out of range [" + QByteArray::number(from) + ':'
             + QByteArray::number(to) + ']');
    }
    return l.mid(from, to - from);
}

// ---- encoding/json ---------------------------------------------------------------------------

namespace {

const char hexDigits[] = "0123456789abcdef";

void jsonString(QByteArray &out, const QByteArray &s, bool escapeHtml)
{
    out.append('"');
    for (qsizetype i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s.at(i));
        if (b < 0x80) {
            const bool html = b == '<' || b == '>' || b == '&';
            if (b >= 0x20 && b != '"' && b != '\\' && !(html && escapeHtml)) {
                out.append(char(b));
                ++i;
                continue;
            }
            switch (b) {
            case '\\':
            case '"':
                out.append('\\');
                out.append(char(b));
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                out.append("\\u00");
                out.append(hexDigits[b >> 4]);
                out.append(hexDigits[b & 0xF]);
                break;
            }
            ++i;
            continue;
        }
        int w;
        const char32_t c = decodeRune(s, i, &w);
        if (c == 0xFFFD && w == 1) {
            out.append("\\ufffd");
            ++i;
            continue;
        }
        if (c == 0x2028 || c == 0x2029) {
            out.append("\\u202");
            out.append(hexDigits[c & 0xF]);
            i += w;
            continue;
        }
        out.append(s.mid(i, w));
        i += w;
    }
    out.append('"');
}

void newline(QByteArray &out, const QByteArray &indent, int depth)
{
    out.append('\n');
    for (int i = 0; i < depth; ++i)
        out.append(indent);
}

bool jsonValue(QByteArray &out,
               const Value &v,
               bool escapeHtml,
               const QByteArray &indent,
               int depth,
               QByteArray *error)
{
    // encoding/json reports cycles once nesting passes 1000 levels.
    if (depth > 1000 && (v.kind() == Value::Kind::Map || v.kind() == Value::Kind::List)) {
        if (error)
            *error = "json: unsupported value: encountered a cycle via " + v.goType();
        return false;
    }
    switch (v.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        out.append("null");
        return true;
    case Value::Kind::Bool:
        out.append(v.toBool() ? "true" : "false");
        return true;
    case Value::Kind::Int:
        out.append(QByteArray::number(v.toInt()));
        return true;
    case Value::Kind::Uint:
        out.append(QByteArray::number(v.toUint()));
        return true;
    case Value::Kind::Float: {
        const double f = v.toFloat();
        const int bits = v.goType() == "float32" ? 32 : 64;
        if (std::isnan(f) || std::isinf(f)) {
            if (error)
                *error = "json: unsupported value: " + formatFloat(f, 'g', -1, bits);
            return false;
        }
        const double a = std::fabs(f);
        char fmt = 'f';
        if (a != 0) {
            if (bits == 64 && (a < 1e-6 || a >= 1e21))
                fmt = 'e';
            if (bits == 32 && (float(a) < 1e-6f || float(a) >= 1e21f))
                fmt = 'e';
        }
        QByteArray num = formatFloat(f, fmt, -1, bits);
        if (fmt == 'e') {
            // clean up e-09 to e-9
            const qsizetype n = num.size();
            if (n >= 4 && num.at(n - 4) == 'e' && num.at(n - 3) == '-' && num.at(n - 2) == '0') {
                num[n - 2] = num.at(n - 1);
                num.chop(1);
            }
        }
        out.append(num);
        return true;
    }
    case Value::Kind::String:
        jsonString(out, v.toString(), escapeHtml);
        return true;
    case Value::Kind::List: {
        const List &l = *v.list();
        out.append('[');
        for (qsizetype i = 0; i < l.size(); ++i) {
            if (i > 0)
                out.append(',');
            if (!indent.isNull())
                newline(out, indent, depth + 1);
            if (!jsonValue(out, l.at(i), escapeHtml, indent, depth + 1, error))
                return false;
        }
        if (!indent.isNull() && !l.isEmpty())
            newline(out, indent, depth);
        out.append(']');
        return true;
    }
    case Value::Kind::Map: {
        const Map &m = *v.map();
        out.append('{');
        bool first = true;
        for (const auto &[key, value] : m) {
            if (!first)
                out.append(',');
            first = false;
            if (!indent.isNull())
                newline(out, indent, depth + 1);
            jsonString(out, key, escapeHtml);
            out.append(':');
            if (!indent.isNull())
                out.append(' ');
            if (!jsonValue(out, value, escapeHtml, indent, depth + 1, error))
                return false;
        }
        if (!indent.isNull() && !m.empty())
            newline(out, indent, depth);
        out.append('}');
        return true;
    }
    case Value::Kind::Object: {
        if (const auto *m = dynamic_cast<const JsonMarshaler *>(v.object().get())) {
            const QByteArray text = m->marshalJson();
            // A Marshaler's output is compacted and HTML-escaped like any other string.
            if (text.startsWith('"')) {
                QByteArray inner = text.mid(1, text.size() - 2);
                jsonString(out, inner, escapeHtml);
            } else {
                out.append(text);
            }
            return true;
        }
        out.append("{}");
        return true;
    }
    }
    return true;
}

class JsonParser
{
public:
    explicit JsonParser(const QByteArray &text)
        : m_s(text)
    {}

    bool parse(Value *out, QByteArray *error)
    {
        skipSpace();
        if (!value(out, 0)) {
            if (error)
                *error = m_error;
            return false;
        }
        skipSpace();
        if (m_pos < m_s.size()) {
            if (error)
                *error = "invalid character " + quoteChar(m_s.at(m_pos)) + " after top-level value";
            return false;
        }
        return true;
    }

private:
    const QByteArray &m_s;
    qsizetype m_pos = 0;
    QByteArray m_error;

    static QByteArray quoteChar(char c)
    {
        if (c == '\'')
            return QByteArrayLiteral("'\\''");
        if (c == '"')
            return QByteArrayLiteral("'\"'");
        const QByteArray q = quoteRune(static_cast<unsigned char>(c));
        return q;
    }

    bool failAt(const QByteArray &context)
    {
        if (m_pos >= m_s.size())
            m_error = QByteArrayLiteral("unexpected end of JSON input");
        else
            m_error = "invalid character " + quoteChar(m_s.at(m_pos)) + ' ' + context;
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_s.size()) {
            const char c = m_s.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool literal(const char *word)
    {
        const qsizetype n = qstrlen(word);
        for (qsizetype i = 0; i < n; ++i) {
            if (m_pos >= m_s.size())
                return failAt({});
            if (m_s.at(m_pos) != word[i]) {
                return failAt(i == 0 ? QByteArrayLiteral("looking for beginning of value")
                                     : "in literal " + QByteArray(word) + " (expecting "
                                               + quoteChar(word[i]) + ')');
            }
            ++m_pos;
        }
        return true;
    }

    bool value(Value *out, int depth)
    {
        // Go allows 10000 levels; 2000 keeps this recursive parser well inside the stack.
        if (depth > 2000) {
            m_error = QByteArrayLiteral("exceeded max depth");
            return false;
        }
        if (m_pos >= m_s.size())
            return failAt({});
        const char c = m_s.at(m_pos);
        switch (c) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            QByteArray s;
            if (!string(&s))
                return false;
            *out = Value::fromString(s);
            return true;
        }
        case 't':
            if (!literal("true"))
                return false;
            *out = Value::fromBool(true);
            return true;
        case 'f':
            if (!literal("false"))
                return false;
            *out = Value::fromBool(false);
            return true;
        case 'n':
            if (!literal("null"))
                return false;
            *out = Value();
            return true;
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(out);
            return failAt(QByteArrayLiteral("looking for beginning of value"));
        }
    }

    bool number(Value *out)
    {
        const qsizetype start = m_pos;
        if (m_s.at(m_pos) == '-')
            ++m_pos;
        const auto digit = [this] {
            return m_pos < m_s.size() && m_s.at(m_pos) >= '0' && m_s.at(m_pos) <= '9';
        };
        if (!digit())
            return failAt(QByteArrayLiteral("in numeric literal"));
        if (m_s.at(m_pos) == '0') {
            ++m_pos;
        } else {
            while (digit())
                ++m_pos;
        }
        if (m_pos < m_s.size() && m_s.at(m_pos) == '.') {
            ++m_pos;
            if (!digit())
                return failAt(QByteArrayLiteral("after decimal point in numeric literal"));
            while (digit())
                ++m_pos;
        }
        if (m_pos < m_s.size() && (m_s.at(m_pos) == 'e' || m_s.at(m_pos) == 'E')) {
            ++m_pos;
            if (m_pos < m_s.size() && (m_s.at(m_pos) == '+' || m_s.at(m_pos) == '-'))
                ++m_pos;
            if (!digit())
                return failAt(QByteArrayLiteral("in exponent of numeric literal"));
            while (digit())
                ++m_pos;
        }
        const QByteArray text = m_s.mid(start, m_pos - start);
        double f = 0;
        if (!parseGoFloat(text, &f)) {
            m_error = "json: cannot unmarshal number " + text + " into Go value of type float64";
            return false;
        }
        *out = Value::fromFloat(f);
        return true;
    }

    int hex4(qsizetype at) const
    {
        if (at + 4 > m_s.size())
            return -1;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_s.at(at + i);
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= c - '0';
            else if (c >= 'a' && c <= 'f')
                v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v |= c - 'A' + 10;
            else
                return -1;
        }
        return v;
    }

    bool string(QByteArray *out)
    {
        ++m_pos; // opening quote
        while (true) {
            if (m_pos >= m_s.size())
                return failAt({});
            const unsigned char c = static_cast<unsigned char>(m_s.at(m_pos));
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return failAt(QByteArrayLiteral("in string literal"));
            if (c == '\\') {
                ++m_pos;
                if (m_pos >= m_s.size())
                    return failAt({});
                const char e = m_s.at(m_pos);
                switch (e) {
                case '"':
                case '\\':
                case '/':
                    out->append(e);
                    break;
                case 'b':
                    out->append('\b');
                    break;
                case 'f':
                    out->append('\f');
                    break;
                case 'n':
                    out->append('\n');
                    break;
                case 'r':
                    out->append('\r');
                    break;
                case 't':
                    out->append('\t');
                    break;
                case 'u': {
                    int r = hex4(m_pos + 1);
                    if (r < 0) {
                        ++m_pos;
                        while (m_pos < m_s.size()
                               && std::isxdigit(static_cast<unsigned char>(m_s.at(m_pos))))
                            ++m_pos;
                        return failAt(QByteArrayLiteral("in \\u hexadecimal character escape"));
                    }
                    m_pos += 4;
                    char32_t rune = char32_t(r);
                    if (r >= 0xD800 && r < 0xDC00) {
                        // A surrogate pair, or U+FFFD for a lone half.
                        if (m_pos + 2 < m_s.size() && m_s.at(m_pos + 1) == '\\'
                            && m_s.at(m_pos + 2) == 'u') {
                            const int r2 = hex4(m_pos + 3);
                            if (r2 >= 0xDC00 && r2 < 0xE000) {
                                rune = 0x10000 + ((char32_t(r) - 0xD800) << 10)
                                       + (char32_t(r2) - 0xDC00);
                                m_pos += 6;
                            } else {
                                rune = 0xFFFD;
                            }
                        } else {
                            rune = 0xFFFD;
                        }
                    } else if (r >= 0xDC00 && r < 0xE000) {
                        rune = 0xFFFD;
                    }
                    out->append(encodeRune(rune));
                    break;
                }
                default:
                    return failAt(QByteArrayLiteral("in string escape code"));
                }
                ++m_pos;
                continue;
            }
            if (c < 0x80) {
                out->append(char(c));
                ++m_pos;
                continue;
            }
            int w;
            const char32_t r = decodeRune(m_s, m_pos, &w);
            if (r == 0xFFFD && w == 1)
                out->append(encodeRune(0xFFFD));
            else
                out->append(m_s.mid(m_pos, w));
            m_pos += w;
        }
    }

    bool array(Value *out, int depth)
    {
        ++m_pos;
        List l;
        skipSpace();
        if (m_pos < m_s.size() && m_s.at(m_pos) == ']') {
            ++m_pos;
            *out = Value::fromList(l);
            return true;
        }
        while (true) {
            skipSpace();
            Value v;
            if (!value(&v, depth + 1))
                return false;
            l.append(v);
            skipSpace();
            if (m_pos >= m_s.size())
                return failAt({});
            if (m_s.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            if (m_s.at(m_pos) == ']') {
                ++m_pos;
                *out = Value::fromList(std::move(l));
                return true;
            }
            return failAt(QByteArrayLiteral("after array element"));
        }
    }

    bool object(Value *out, int depth)
    {
        ++m_pos;
        Map m;
        skipSpace();
        if (m_pos < m_s.size() && m_s.at(m_pos) == '}') {
            ++m_pos;
            *out = Value::fromMap(m);
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_s.size())
                return failAt({});
            if (m_s.at(m_pos) != '"')
                return failAt(QByteArrayLiteral("looking for beginning of object key string"));
            QByteArray key;
            if (!string(&key))
                return false;
            skipSpace();
            if (m_pos >= m_s.size())
                return failAt({});
            if (m_s.at(m_pos) != ':')
                return failAt(QByteArrayLiteral("after object key"));
            ++m_pos;
            skipSpace();
            Value v;
            if (!value(&v, depth + 1))
                return false;
            m[key] = v;
            skipSpace();
            if (m_pos >= m_s.size())
                return failAt({});
            if (m_s.at(m_pos) == ',') {
                ++m_pos;
                continue;
            }
            if (m_s.at(m_pos) == '}') {
                ++m_pos;
                *out = Value::fromMap(std::move(m));
                return true;
            }
            return failAt(QByteArrayLiteral("after object key:value pair"));
        }
    }
};

} // namespace

QByteArray jsonEncode(const Value &v, bool escapeHtml, const QByteArray &indent, QByteArray *error)
{
    QByteArray out;
    if (!jsonValue(out, v, escapeHtml, indent, 0, error))
        return {};
    return out;
}

Value jsonDecode(const QByteArray &text, QByteArray *error)
{
    JsonParser parser(text);
    Value v;
    if (!parser.parse(&v, error))
        return {};
    return v;
}

// ---- strconv ---------------------------------------------------------------------------------

bool parseGoInt(const QByteArray &input, int base, qint64 *out, bool *rangeError)
{
    if (rangeError)
        *rangeError = false;
    QByteArray s = input;
    if (s.isEmpty())
        return false;
    bool neg = false;
    if (s.at(0) == '+' || s.at(0) == '-') {
        neg = s.at(0) == '-';
        s = s.mid(1);
    }
    bool allowUnderscore = false;
    if (base == 0) {
        base = 10;
        allowUnderscore = true;
        if (s.size() >= 1 && s.at(0) == '0') {
            if (s.size() >= 3 && (s.at(1) == 'x' || s.at(1) == 'X')) {
                base = 16;
                s = s.mid(2);
            } else if (s.size() >= 3 && (s.at(1) == 'o' || s.at(1) == 'O')) {
                base = 8;
                s = s.mid(2);
            } else if (s.size() >= 3 && (s.at(1) == 'b' || s.at(1) == 'B')) {
                base = 2;
                s = s.mid(2);
            } else if (s.size() > 1) {
                base = 8;
                s = s.mid(1);
            }
        }
    }
    if (s.isEmpty())
        return false;
    quint64 n = 0;
    bool overflow = false;
    char prev = '_';
    for (const char c : std::as_const(s)) {
        if (c == '_' && allowUnderscore) {
            if (prev == '_')
                return false;
            prev = c;
            continue;
        }
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        else
            return false;
        if (d >= base)
            return false;
        prev = c;
        if (n > (std::numeric_limits<quint64>::max() - quint64(d)) / quint64(base))
            overflow = true;
        else
            n = n * base + d;
    }
    if (prev == '_')
        return false;
    const quint64 limit = neg ? quint64(1) << 63 : (quint64(1) << 63) - 1;
    if (overflow || n > limit) {
        if (rangeError)
            *rangeError = true;
        *out = neg ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
        return false;
    }
    *out = neg ? qint64(0 - n) : qint64(n);
    return true;
}

bool parseGoFloat(const QByteArray &input, double *out)
{
    QByteArray s = input;
    if (s.isEmpty())
        return false;
    qsizetype i = 0;
    bool neg = false;
    if (s.at(0) == '+' || s.at(0) == '-') {
        neg = s.at(0) == '-';
        i = 1;
    }
    const QByteArray rest = s.mid(i).toLower();
    if (rest == "inf" || rest == "infinity") {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (rest == "nan" && i == 0) {
        *out = NAN;
        return true;
    }
    // Validate the decimal (or hexadecimal) syntax strconv accepts before handing it to strtod,
    // which would also accept a prefix or locale-specific forms.
    bool hex = rest.startsWith("0x");
    qsizetype j = hex ? 2 : 0;
    int digits = 0;
    const auto isDigit = [hex](char c) {
        return (c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f');
    };
    QByteArray clean = s.left(i) + (hex ? QByteArrayLiteral("0x") : QByteArray());
    while (j < rest.size() && (isDigit(rest.at(j)) || rest.at(j) == '_')) {
        if (rest.at(j) != '_') {
            ++digits;
            clean.append(rest.at(j));
        } else if (!hex) {
            return false;
        }
        ++j;
    }
    if (j < rest.size() && rest.at(j) == '.') {
        clean.append('.');
        ++j;
        while (j < rest.size() && (isDigit(rest.at(j)) || rest.at(j) == '_')) {
            if (rest.at(j) != '_') {
                ++digits;
                clean.append(rest.at(j));
            } else if (!hex) {
                return false;
            }
            ++j;
        }
    }
    if (digits == 0)
        return false;
    const char expChar = hex ? 'p' : 'e';
    if (j < rest.size() && rest.at(j) == expChar) {
        clean.append(expChar);
        ++j;
        if (j < rest.size() && (rest.at(j) == '+' || rest.at(j) == '-'))
            clean.append(rest.at(j++));
        int expDigits = 0;
        while (j < rest.size() && rest.at(j) >= '0' && rest.at(j) <= '9') {
            clean.append(rest.at(j++));
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    } else if (hex) {
        return false; // hexadecimal floats need a p exponent
    }
    if (j != rest.size())
        return false;
    errno = 0;
    char *end = nullptr;
    const double f = std::strtod(clean.constData(), &end);
    if (errno == ERANGE && std::isinf(f)) {
        *out = f;
        return false;
    }
    *out = f;
    return true;
}

Function makeFunction(const char *name,
                      QList<const char *> params,
                      const char *variadic,
                      std::function<Value(const QList<Value> &)> call,
                      bool returnsError,
                      bool nondeterministic)
{
    Function f;
    f.name = QByteArray(name);
    for (const char *p : params)
        f.params.append(ParamType{QByteArray(p)});
    if (variadic)
        f.variadic = ParamType{QByteArray(variadic)};
    f.returnsError = returnsError;
    f.nondeterministic = nondeterministic;
    f.call = std::move(call);
    return f;
}

} // namespace Stagecraft::Model::Template::Sprig

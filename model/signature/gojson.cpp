// SPDX-License-Identifier: GPL-3.0-or-later
#include "gojson.h"

#include "common/utf8.h"
#include "config/yamlnode.h"

#include <QList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace Stagecraft::Model::GoJson {

namespace {

const char hexDigits[] = "0123456789abcdef";

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

// Decodes one UTF-8 sequence at `at`; returns its length, or 0 when the bytes are not valid UTF-8
// (Go then writes U+FFFD for the one offending byte).
int utf8Length(const QByteArray &s, qsizetype at, char32_t *codePoint)
{
    const Utf8::Rune r = Utf8::decode(s, at);
    if (!r.valid)
        return 0;
    *codePoint = r.value;
    return r.width;
}

struct Scalar
{
    enum class Type { Null, Bool, Int, Float, String };
    Type type = Type::Null;
    QByteArray text; ///< JSON text for Null/Bool/Int/Float, the raw string for String
};

// yaml.v2's integer resolution (strconv.ParseInt/ParseUint with base 0 after removing '_').
std::optional<QByteArray> resolveInt(const QString &value)
{
    QString plain = value;
    plain.remove(u'_');
    bool negative = false;
    QStringView digits(plain);
    if (!digits.isEmpty() && (digits.front() == u'+' || digits.front() == u'-')) {
        negative = digits.front() == u'-';
        digits = digits.mid(1);
    }
    int base = 10;
    if (digits.size() > 1 && digits.front() == u'0') {
        const QChar p = digits.at(1).toLower();
        if (p == u'x' || p == u'o' || p == u'b') {
            base = p == u'x' ? 16 : (p == u'o' ? 8 : 2);
            digits = digits.mid(2);
        } else {
            base = 8;
            digits = digits.mid(1);
        }
    }
    bool ok = false;
    const qulonglong magnitude = digits.toULongLong(&ok, base);
    if (!ok || digits.isEmpty())
        return std::nullopt;
    if (negative) {
        if (magnitude > qulonglong(std::numeric_limits<qint64>::max()) + 1)
            return std::nullopt;
        return magnitude == 0 ? QByteArray("0") : QByteArray("-") + QByteArray::number(magnitude);
    }
    return QByteArray::number(magnitude);
}

std::optional<Scalar> resolveScalar(const YamlNode &node, QString *errorMessage)
{
    Scalar s;
    switch (node.resolved()) {
    case YamlNode::Resolved::Null:
        s.type = Scalar::Type::Null;
        s.text = "null";
        return s;
    case YamlNode::Resolved::Bool: {
        bool ok = false;
        const bool b = node.toBool(&ok);
        if (!ok)
            break;
        s.type = Scalar::Type::Bool;
        s.text = b ? "true" : "false";
        return s;
    }
    case YamlNode::Resolved::Int:
        if (const auto i = resolveInt(node.value)) {
            s.type = Scalar::Type::Int;
            s.text = *i;
            return s;
        }
        // yaml.v2 falls back to a float for integers out of range.
        [[fallthrough]];
    case YamlNode::Resolved::Float: {
        QString plain = node.value;
        plain.remove(u'_');
        const QString lower = plain.toLower();
        if (lower.endsWith(u".inf") || lower == u".nan") {
            setError(errorMessage, QStringLiteral("json: unsupported value: %1").arg(node.value));
            return std::nullopt;
        }
        bool ok = false;
        const double d = plain.toDouble(&ok);
        if (!ok)
            break;
        const auto text = formatFloat(d);
        if (!text) {
            setError(errorMessage, QStringLiteral("json: unsupported value: %1").arg(node.value));
            return std::nullopt;
        }
        s.type = Scalar::Type::Float;
        s.text = *text;
        return s;
    }
    case YamlNode::Resolved::Binary:
        // yaml.v2 decodes !!binary into the bytes it encodes.
        s.type = Scalar::Type::String;
        s.text = QByteArray::fromBase64(node.value.toLatin1());
        return s;
    case YamlNode::Resolved::Timestamp:
    case YamlNode::Resolved::String:
    case YamlNode::Resolved::Collection:
        break;
    }
    // Everything else, timestamps included (yaml.v2 keeps them as strings in interface{}).
    s.type = Scalar::Type::String;
    s.text = node.value.toUtf8();
    return s;
}

// ghodss/yaml's conversion of a map key to a JSON object key.
std::optional<QByteArray> keyString(const YamlNode &key, QString *errorMessage)
{
    if (!key.isScalar()) {
        setError(errorMessage, QStringLiteral("Unsupported map key of type: collection"));
        return std::nullopt;
    }
    const auto scalar = resolveScalar(key, errorMessage);
    if (!scalar)
        return std::nullopt;
    switch (scalar->type) {
    case Scalar::Type::String:
    case Scalar::Type::Int:
    case Scalar::Type::Bool:
        return scalar->text;
    case Scalar::Type::Float: {
        // ghodss formats float keys with 32-bit precision ('g', -1, 32).
        QString plain = key.value;
        plain.remove(u'_');
        const float f = float(plain.toDouble());
        char buffer[64];
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, f, std::chars_format::general);
        QByteArray text(buffer, int(r.ptr - buffer));
        // Go's 'g' writes exponents with at least two digits, like C.
        const qsizetype e = text.indexOf('e');
        if (e >= 0) {
            QByteArray exponent = text.mid(e + 2);
            if (exponent.size() < 2)
                exponent.prepend('0');
            text = text.left(e + 2) + exponent;
        }
        return text;
    }
    case Scalar::Type::Null:
        break;
    }
    setError(errorMessage, QStringLiteral("Unsupported map key of type: <nil>"));
    return std::nullopt;
}

bool isDroppedTaskKey(const YamlNode &key, const YamlNode &value)
{
    if (key.value != u"block" && key.value != u"rescue" && key.value != u"always")
        return false;
    const YamlNode &v = resolveAlias(value);
    return v.isNull() || (v.isSequence() && v.items.empty());
}

std::optional<QByteArray> encode(const YamlNode &raw,
                                 bool taskLevel,
                                 int depth,
                                 QString *errorMessage);

std::optional<QByteArray> encodeMap(const YamlNode &node,
                                    bool taskLevel,
                                    int depth,
                                    QString *errorMessage)
{
    std::map<QByteArray, QByteArray> members; // Go sorts object keys byte-wise
    for (const YamlMapEntry &entry : node.entries) {
        const YamlNode &key = resolveAlias(entry.key);
        if (taskLevel && isDroppedTaskKey(key, entry.value))
            continue;
        // `<<` merge keys are expanded by yaml.v2 into the map itself.
        if (key.isScalar() && key.style == YamlNode::Style::Plain && key.value == u"<<") {
            const YamlNode &merged = resolveAlias(entry.value);
            QList<const YamlNode *> sources;
            if (merged.isMap())
                sources.append(&merged);
            else if (merged.isSequence())
                for (const YamlNode &item : merged.items)
                    sources.append(&resolveAlias(item));
            for (const YamlNode *source : sources) {
                if (!source->isMap())
                    continue;
                for (const YamlMapEntry &m : source->entries) {
                    const auto k = keyString(resolveAlias(m.key), errorMessage);
                    if (!k)
                        return std::nullopt;
                    if (members.count(*k))
                        continue; // explicit keys win over merged ones
                    const auto v = encode(m.value, false, depth + 1, errorMessage);
                    if (!v)
                        return std::nullopt;
                    members.emplace(*k, *v);
                }
            }
            continue;
        }
        // werf decodes the top level of a task into map[string]interface{}, where yaml.v2 keeps
        // a scalar key's text as written; deeper maps have interface{} keys that ghodss converts.
        const auto k = taskLevel && key.isScalar() ? std::optional<QByteArray>(key.value.toUtf8())
                                                   : keyString(key, errorMessage);
        if (!k)
            return std::nullopt;
        // Sub-tasks of block/rescue/always are tasks themselves.
        const bool subTasks = taskLevel
                              && (key.value == u"block" || key.value == u"rescue"
                                  || key.value == u"always");
        std::optional<QByteArray> v;
        if (subTasks && resolveAlias(entry.value).isSequence()) {
            QByteArray list = "[";
            bool first = true;
            for (const YamlNode &item : resolveAlias(entry.value).items) {
                const auto encoded = encode(item,
                                            resolveAlias(item).isMap(),
                                            depth + 1,
                                            errorMessage);
                if (!encoded)
                    return std::nullopt;
                if (!first)
                    list += ',';
                first = false;
                list += *encoded;
            }
            list += ']';
            v = list;
        } else {
            v = encode(entry.value, false, depth + 1, errorMessage);
        }
        if (!v)
            return std::nullopt;
        members[*k] = *v;
    }
    QByteArray out = "{";
    bool first = true;
    for (const auto &[key, value] : members) {
        if (!first)
            out += ',';
        first = false;
        out += quote(key);
        out += ':';
        out += value;
    }
    out += '}';
    return out;
}

std::optional<QByteArray> encode(const YamlNode &raw,
                                 bool taskLevel,
                                 int depth,
                                 QString *errorMessage)
{
    if (depth > yamlMaxDepth) {
        setError(errorMessage, QStringLiteral("value nested too deeply"));
        return std::nullopt;
    }
    const YamlNode &node = resolveAlias(raw);
    if (node.isMap())
        return encodeMap(node, taskLevel, depth, errorMessage);
    if (node.isSequence()) {
        QByteArray out = "[";
        bool first = true;
        for (const YamlNode &item : node.items) {
            const auto v = encode(item, false, depth + 1, errorMessage);
            if (!v)
                return std::nullopt;
            if (!first)
                out += ',';
            first = false;
            out += *v;
        }
        out += ']';
        return out;
    }
    const auto scalar = resolveScalar(node, errorMessage);
    if (!scalar)
        return std::nullopt;
    return scalar->type == Scalar::Type::String ? quote(scalar->text) : scalar->text;
}

} // namespace

QByteArray quote(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out += '"';
    for (qsizetype i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s.at(i));
        if (b < 0x80) {
            if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
                out += char(b);
            } else if (b == '"' || b == '\\') {
                out += '\\';
                out += char(b);
            } else if (b == '\n') {
                out += "\\n";
            } else if (b == '\r') {
                out += "\\r";
            } else if (b == '\t') {
                out += "\\t";
            } else {
                // Other control characters and the HTML-sensitive <, >, & (werf builds with a
                // Go whose encoder writes \b and \f as \u0008 and \u000c as well).
                out += "\\u00";
                out += hexDigits[b >> 4];
                out += hexDigits[b & 0xF];
            }
            ++i;
            continue;
        }
        char32_t codePoint = 0;
        const int length = utf8Length(s, i, &codePoint);
        if (length == 0) {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (codePoint == 0x2028 || codePoint == 0x2029) {
            out += codePoint == 0x2028 ? "\\u2028" : "\\u2029";
        } else {
            out += s.mid(i, length);
        }
        i += length;
    }
    out += '"';
    return out;
}

std::optional<QByteArray> formatFloat(double value)
{
    if (std::isnan(value) || std::isinf(value))
        return std::nullopt;
    const double magnitude = std::fabs(value);
    const bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
    char buffer[64];
    const auto r = std::to_chars(buffer,
                                 buffer + sizeof buffer,
                                 value,
                                 exponent ? std::chars_format::scientific
                                          : std::chars_format::fixed);
    QByteArray text(buffer, int(r.ptr - buffer));
    if (exponent) {
        // Go writes e-07 as e-7 (but keeps e+21).
        const qsizetype n = text.size();
        if (n >= 4 && text.at(n - 4) == 'e' && text.at(n - 3) == '-' && text.at(n - 2) == '0')
            text.remove(n - 2, 1);
    }
    if (text == "-0")
        return QByteArray("-0");
    return text;
}

std::optional<QByteArray> ansibleTask(const YamlNode &task, QString *errorMessage)
{
    const YamlNode &node = resolveAlias(task);
    if (!node.isMap()) {
        setError(errorMessage, QStringLiteral("an ansible task must be a map"));
        return std::nullopt;
    }
    return encode(node, true, 0, errorMessage);
}

std::optional<QByteArray> yamlValue(const YamlNode &node, QString *errorMessage)
{
    return encode(node, false, 0, errorMessage);
}

} // namespace Stagecraft::Model::GoJson

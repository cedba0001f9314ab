// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlvalue.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <yaml-cpp/yaml.h>

namespace Stagecraft::Model::Template {

namespace {

const QByteArray NestedMapType = QByteArrayLiteral("map[interface {}]interface {}");

bool parseInteger(QByteArray s, qint64 *out, quint64 *uout, bool *isUnsigned)
{
    bool negative = false;
    if (s.startsWith('+') || s.startsWith('-')) {
        negative = s.startsWith('-');
        s = s.mid(1);
    }
    if (s.isEmpty())
        return false;
    int base = 10;
    if (s.size() >= 2 && s.at(0) == '0') {
        const char p = char(s.at(1) | 0x20);
        if (p == 'x' && s.size() >= 3) {
            base = 16;
            s = s.mid(2);
        } else if (p == 'o' && s.size() >= 3) {
            base = 8;
            s = s.mid(2);
        } else if (p == 'b' && s.size() >= 3) {
            base = 2;
            s = s.mid(2);
        } else {
            base = 8;
            s = s.mid(1);
        }
    }
    quint64 v = 0;
    for (const char c : std::as_const(s)) {
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0 || d >= base)
            return false;
        if (v > (std::numeric_limits<quint64>::max() - quint64(d)) / quint64(base))
            return false;
        v = v * quint64(base) + quint64(d);
    }
    if (negative) {
        if (v > quint64(1) << 63)
            return false;
        *out = v == quint64(1) << 63 ? std::numeric_limits<qint64>::min() : -qint64(v);
        *isUnsigned = false;
        return true;
    }
    if (v <= quint64(std::numeric_limits<qint64>::max())) {
        *out = qint64(v);
        *isUnsigned = false;
    } else {
        *uout = v;
        *isUnsigned = true;
    }
    return true;
}

Value convert(const YAML::Node &node, int depth);

Value convertMap(const YAML::Node &node, int depth, const QByteArray &goType)
{
    Map map;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        QByteArray k;
        if (key.IsScalar())
            k = QByteArray::fromStdString(key.Scalar());
        if (k == "<<" && key.Tag() != "!") {
            // yaml.v2 merge keys: a map or a list of maps whose entries do not override.
            QList<YAML::Node> sources;
            if (value.IsMap())
                sources.append(value);
            else if (value.IsSequence())
                for (const YAML::Node &n : value)
                    sources.append(n);
            for (const YAML::Node &src : std::as_const(sources)) {
                if (!src.IsMap())
                    continue;
                const Value merged = convertMap(src, depth + 1, NestedMapType);
                for (const auto &[mk, mv] : *merged.map())
                    map.emplace(mk, mv);
            }
            continue;
        }
        map.insert_or_assign(k, convert(value, depth + 1));
    }
    return Value::fromMap(std::move(map), goType);
}

Value convert(const YAML::Node &node, int depth)
{
    if (depth > 10000)
        throw FunctionError("yaml: exceeded max depth of 10000");
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return Value::nil();
    case YAML::NodeType::Scalar: {
        const QByteArray s = QByteArray::fromStdString(node.Scalar());
        if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
            return Value::fromString(s);
        return resolveYamlScalar(s);
    }
    case YAML::NodeType::Sequence: {
        List list;
        for (const YAML::Node &n : node)
            list.append(convert(n, depth + 1));
        return Value::fromList(std::move(list));
    }
    case YAML::NodeType::Map:
        return convertMap(node, depth, NestedMapType);
    }
    return Value::nil();
}

} // namespace

Value resolveYamlScalar(const QByteArray &in)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    for (const char *n : nulls) {
        if (in == n)
            return Value::nil();
    }
    static const char *const trues[]
            = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    static const char *const falses[]
            = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
    for (const char *t : trues) {
        if (in == t)
            return Value::fromBool(true);
    }
    for (const char *f : falses) {
        if (in == f)
            return Value::fromBool(false);
    }
    static const char *const infs[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"};
    for (const char *i : infs) {
        if (in == i)
            return Value::fromFloat(std::numeric_limits<double>::infinity());
    }
    if (in == "-.inf" || in == "-.Inf" || in == "-.INF")
        return Value::fromFloat(-std::numeric_limits<double>::infinity());
    if (in == ".nan" || in == ".NaN" || in == ".NAN")
        return Value::fromFloat(std::nan(""));
    const char c = in.isEmpty() ? 0 : in.at(0);
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.'))
        return Value::fromString(in);
    QByteArray plain = in;
    plain.replace("_", "");
    qint64 i = 0;
    quint64 u = 0;
    bool isUnsigned = false;
    if (parseInteger(plain, &i, &u, &isUnsigned)) {
        if (isUnsigned)
            return Value::fromUint(u, "uint64");
        return Value::fromInt(i, "int");
    }
    static const QRegularExpression yamlStyleFloat(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (yamlStyleFloat.match(QString::fromLatin1(plain)).hasMatch()) {
        bool ok = false;
        const double f = plain.toDouble(&ok);
        if (ok)
            return Value::fromFloat(f);
    }
    return Value::fromString(in);
}

Value yamlToValue(const QByteArray &text)
{
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        throw FunctionError("yaml: line " + QByteArray::number(e.mark.line + 1) + ": "
                            + QByteArray::fromStdString(e.msg));
    }
    if (!root.IsDefined() || root.IsNull())
        return Value::nil("map[string]interface {}");
    if (!root.IsMap()) {
        const char *kind = root.IsSequence() ? "!!seq" : "!!str";
        QByteArray shown;
        if (root.IsScalar()) {
            const Value v = resolveYamlScalar(QByteArray::fromStdString(root.Scalar()));
            if (v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Uint)
                kind = "!!int";
            else if (v.kind() == Value::Kind::Float)
                kind = "!!float";
            else if (v.kind() == Value::Kind::Bool)
                kind = "!!bool";
            shown = " `" + QByteArray::fromStdString(root.Scalar()) + '`';
        }
        throw FunctionError("yaml: unmarshal errors:\n  line "
                            + QByteArray::number(root.Mark().line + 1) + ": cannot unmarshal "
                            + kind + shown + " into map[string]interface {}");
    }
    try {
        return convertMap(root, 0, "map[string]interface {}");
    } catch (const YAML::Exception &e) {
        throw FunctionError("yaml: " + QByteArray::fromStdString(e.msg));
    }
}

} // namespace Stagecraft::Model::Template

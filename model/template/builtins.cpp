// SPDX-License-Identifier: GPL-3.0-or-later
// text/template's builtin functions (Go 1.17 funcs.go semantics, with the Go 1.18 changes to eq
// where GoVersion says so). The engine converts arguments; these see Go values after
// reflect's indirectInterface, where an untyped nil is Kind::Invalid or a "<nil>" Nil.
#include "gofmt.h"
#include "templateset.h"

namespace Stagecraft::Model::Template {

namespace {

const ParamType Any{QByteArrayLiteral("interface {}")};

bool isUntypedNil(const Value &v)
{
    return v.kind() == Value::Kind::Invalid
           || (v.kind() == Value::Kind::Nil && v.goType() == "<nil>");
}

enum class BasicKind { Invalid, Bool, Int, Float, String, Uint };

BasicKind basicKind(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Bool:
        return BasicKind::Bool;
    case Value::Kind::Int:
        return BasicKind::Int;
    case Value::Kind::Uint:
        return BasicKind::Uint;
    case Value::Kind::Float:
        return BasicKind::Float;
    case Value::Kind::String:
        return BasicKind::String;
    default:
        return BasicKind::Invalid;
    }
}

bool comparable(const Value &v)
{
    // Slices and maps (nil or not) are not comparable in Go.
    if (v.kind() == Value::Kind::List || v.kind() == Value::Kind::Map)
        return false;
    if (v.kind() == Value::Kind::Nil) {
        const QByteArray t = v.goType();
        return !(t.startsWith("[]") || t.startsWith("map["));
    }
    return true;
}

[[noreturn]] void fail(const QByteArray &message)
{
    throw FunctionError(message);
}

bool sameNonBasic(const Value &a, const Value &b)
{
    if (a.kind() != b.kind())
        return false;
    if (a.kind() == Value::Kind::Object)
        return a.object() == b.object();
    if (a.kind() == Value::Kind::Nil)
        return a.goType() == b.goType();
    return false;
}

bool eqImpl(const Value &arg1, const QList<Value> &rest, GoVersion version)
{
    const bool nil1 = isUntypedNil(arg1);
    if (!nil1 && !comparable(arg1))
        fail("uncomparable type " + arg1.goType() + ": " + formatValue(arg1));
    if (rest.isEmpty())
        fail("missing argument for comparison");
    const BasicKind k1 = nil1 ? BasicKind::Invalid : basicKind(arg1);
    for (const Value &arg : rest) {
        const bool nil2 = isUntypedNil(arg);
        const BasicKind k2 = nil2 ? BasicKind::Invalid : basicKind(arg);
        bool t = false;
        if (k1 != k2) {
            if (k1 == BasicKind::Int && k2 == BasicKind::Uint) {
                t = arg1.toInt() >= 0 && quint64(arg1.toInt()) == arg.toUint();
            } else if (k1 == BasicKind::Uint && k2 == BasicKind::Int) {
                t = arg.toInt() >= 0 && arg1.toUint() == quint64(arg.toInt());
            } else if (version >= GoVersion::Go118 && (nil1 || nil2)) {
                t = false;
            } else {
                fail("incompatible types for comparison");
            }
        } else {
            switch (k1) {
            case BasicKind::Bool:
                t = arg1.toBool() == arg.toBool();
                break;
            case BasicKind::Float:
                t = arg1.toFloat() == arg.toFloat();
                break;
            case BasicKind::Int:
                t = arg1.toInt() == arg.toInt();
                break;
            case BasicKind::String:
                t = arg1.toString() == arg.toString();
                break;
            case BasicKind::Uint:
                t = arg1.toUint() == arg.toUint();
                break;
            case BasicKind::Invalid:
                if (nil2) {
                    t = nil1;
                } else if (nil1) {
                    if (version >= GoVersion::Go118)
                        t = false;
                    else // Go 1.17 calls Interface() on the zero Value and recovers the panic.
                        fail("reflect: call of reflect.Value.Interface on zero Value");
                } else {
                    if (!comparable(arg))
                        fail("uncomparable type " + arg.goType() + ": " + formatValue(arg));
                    t = sameNonBasic(arg1, arg);
                }
                break;
            }
        }
        if (t)
            return true;
    }
    return false;
}

bool ltImpl(const Value &a, const Value &b)
{
    const BasicKind k1 = isUntypedNil(a) ? BasicKind::Invalid : basicKind(a);
    if (k1 == BasicKind::Invalid)
        fail("invalid type for comparison");
    const BasicKind k2 = isUntypedNil(b) ? BasicKind::Invalid : basicKind(b);
    if (k2 == BasicKind::Invalid)
        fail("invalid type for comparison");
    if (k1 != k2) {
        if (k1 == BasicKind::Int && k2 == BasicKind::Uint)
            return a.toInt() < 0 || quint64(a.toInt()) < b.toUint();
        if (k1 == BasicKind::Uint && k2 == BasicKind::Int)
            return b.toInt() >= 0 && a.toUint() < quint64(b.toInt());
        fail("incompatible types for comparison");
    }
    switch (k1) {
    case BasicKind::Bool:
        fail("invalid type for comparison");
    case BasicKind::Float:
        return a.toFloat() < b.toFloat();
    case BasicKind::Int:
        return a.toInt() < b.toInt();
    case BasicKind::String:
        return a.toString() < b.toString();
    case BasicKind::Uint:
        return a.toUint() < b.toUint();
    case BasicKind::Invalid:
        break;
    }
    fail("invalid type for comparison");
}

/** indexArg: an integer index in [0, cap]. */
qint64 indexArg(const Value &index, qint64 cap)
{
    qint64 x = 0;
    if (index.kind() == Value::Kind::Int)
        x = index.toInt();
    else if (index.kind() == Value::Kind::Uint)
        x = qint64(index.toUint());
    else if (isUntypedNil(index))
        fail("cannot index slice/array with nil");
    else
        fail("cannot index slice/array with type " + index.goType());
    if (x < 0 || x > cap)
        fail("index out of range: " + QByteArray::number(x));
    return x;
}

QByteArray elemType(const QByteArray &containerType)
{
    if (containerType.startsWith("[]"))
        return containerType.mid(2);
    if (containerType.startsWith("map[")) {
        int depth = 0;
        for (qsizetype i = 3; i < containerType.size(); ++i) {
            if (containerType.at(i) == '[')
                ++depth;
            else if (containerType.at(i) == ']' && --depth == 0)
                return containerType.mid(i + 1);
        }
    }
    return QByteArrayLiteral("interface {}");
}

QByteArray evalArgs(const QList<Value> &args)
{
    if (args.size() == 1 && args.front().kind() == Value::Kind::String)
        return args.front().toString();
    QList<Value> printable = args;
    for (Value &v : printable) {
        if (isUntypedNil(v))
            v = Value::fromString("<no value>");
    }
    return sprint(printable);
}

QByteArray htmlEscape(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '\0':
            out += "\xEF\xBF\xBD";
            break;
        case '"':
            out += "&#34;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray jsEscape(const QByteArray &s)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const uchar c = uchar(s.at(i));
        if (c < 0x80) {
            switch (c) {
            case '\\':
                out += "\\\\";
                continue;
            case '\'':
                out += "\\'";
                continue;
            case '"':
                out += "\\\"";
                continue;
            case '<':
                out += "\\u003C";
                continue;
            case '>':
                out += "\\u003E";
                continue;
            case '&':
                out += "\\u0026";
                continue;
            case '=':
                out += "\\u003D";
                continue;
            default:
                break;
            }
            if (c < ' ') {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += char(c);
            }
            continue;
        }
        int width = 1;
        const char32_t r = decodeRune(s, i, &width);
        if (isGoPrint(r))
            out += s.mid(i, width);
        else
            out += "\\u" + QByteArray::number(uint(r), 16).toUpper().rightJustified(4, '0');
        i += width - 1;
    }
    return out;
}

QByteArray queryEscape(const QByteArray &s)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (const char ch : s) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '~') {
            out += char(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

Value zeroValue(const QByteArray &type)
{
    if (type == "string")
        return Value::fromString({});
    if (type == "bool")
        return Value::fromBool(false);
    if (type == "int" || type == "int64" || type == "int32" || type == "int16" || type == "int8")
        return Value::fromInt(0, type);
    if (type.startsWith("uint"))
        return Value::fromUint(0, type);
    if (type == "float64" || type == "float32")
        return Value::fromFloat(0, type);
    if (type == "interface {}")
        return Value::nil();
    return Value::nil(type);
}

Function make(const char *name,
              QList<ParamType> params,
              std::optional<ParamType> variadic,
              bool returnsError,
              std::function<Value(const QList<Value> &)> call)
{
    Function f;
    f.name = name;
    f.params = std::move(params);
    f.variadic = std::move(variadic);
    f.returnsError = returnsError;
    f.call = std::move(call);
    return f;
}

} // namespace

FunctionMap builtinFunctions(GoVersion version)
{
    FunctionMap m;
    auto add = [&m](Function f) { m.insert(f.name, std::move(f)); };

    // and/or without short-circuit (Go 1.17); the engine short-circuits for Go 1.18.
    add(make("and", {Any}, Any, false, [](const QList<Value> &args) {
        for (const Value &a : args) {
            if (!isTrue(a))
                return a;
        }
        return args.back();
    }));
    add(make("or", {Any}, Any, false, [](const QList<Value> &args) {
        for (const Value &a : args) {
            if (isTrue(a))
                return a;
        }
        return args.back();
    }));
    add(make("not", {Any}, std::nullopt, false, [](const QList<Value> &args) {
        return Value::fromBool(!isTrue(args.front()));
    }));
    add(make("call", {Any}, Any, true, [](const QList<Value> &args) -> Value {
        if (isUntypedNil(args.front()))
            fail("call of nil");
        fail("non-function of type " + args.front().goType());
    }));
    add(make("html", {}, Any, false, [](const QList<Value> &args) {
        return Value::fromString(htmlEscape(evalArgs(args)));
    }));
    add(make("js", {}, Any, false, [](const QList<Value> &args) {
        return Value::fromString(jsEscape(evalArgs(args)));
    }));
    add(make("urlquery", {}, Any, false, [](const QList<Value> &args) {
        return Value::fromString(queryEscape(evalArgs(args)));
    }));
    add(make("print", {}, Any, false, [](const QList<Value> &args) {
        return Value::fromString(sprint(args));
    }));
    add(make("println", {}, Any, false, [](const QList<Value> &args) {
        return Value::fromString(sprintln(args));
    }));
    add(make("printf",
             {ParamType{QByteArrayLiteral("string")}},
             Any,
             false,
             [](const QList<Value> &args) {
                 return Value::fromString(goSprintf(args.front().toString(), args.mid(1)));
             }));
    add(make("len", {Any}, std::nullopt, true, [](const QList<Value> &args) {
        const Value &item = args.front();
        switch (item.kind()) {
        case Value::Kind::String:
            return Value::fromInt(item.toString().size());
        case Value::Kind::List:
            return Value::fromInt(item.list()->size());
        case Value::Kind::Map:
            return Value::fromInt(qint64(item.map()->size()));
        case Value::Kind::Nil:
            if (!isUntypedNil(item)) {
                const QByteArray t = item.goType();
                if (t.startsWith("[]") || t.startsWith("map["))
                    return Value::fromInt(0);
                if (t.startsWith('*'))
                    fail("len of nil pointer");
                fail("len of type " + t);
            }
            break;
        case Value::Kind::Invalid:
            break;
        default:
            fail("len of type " + item.goType());
        }
        // Go 1.17 asks the zero reflect.Value for its type and recovers the panic.
        fail("reflect: call of reflect.Value.Type on zero Value");
    }));
    add(make("index", {Any}, Any, true, [](const QList<Value> &args) {
        Value item = args.front();
        if (isUntypedNil(item))
            fail("index of untyped nil");
        for (qsizetype i = 1; i < args.size(); ++i) {
            const Value &index = args.at(i);
            if (isUntypedNil(item))
                fail("index of nil pointer");
            switch (item.kind()) {
            case Value::Kind::String: {
                const qint64 x = indexArg(index, item.toString().size());
                if (x == item.toString().size())
                    fail("reflect: string index out of range");
                item = Value::fromUint(uchar(item.toString().at(x)), "uint8");
                break;
            }
            case Value::Kind::List: {
                const std::shared_ptr<List> list = item.list();
                const qint64 x = indexArg(index, list->size());
                if (x == list->size())
                    fail("reflect: slice index out of range");
                item = list->at(x);
                break;
            }
            case Value::Kind::Map:
            case Value::Kind::Nil: {
                const QByteArray type = item.goType();
                if (item.kind() == Value::Kind::Nil && !type.startsWith("map[")) {
                    if (type.startsWith("[]")) {
                        indexArg(index, 0);
                        fail("reflect: slice index out of range");
                    }
                    fail("can't index item of type " + type);
                }
                if (isUntypedNil(index))
                    fail("value is nil; should be of type string");
                if (index.kind() != Value::Kind::String)
                    fail("value has type " + index.goType() + "; should be string");
                if (item.kind() == Value::Kind::Map) {
                    const auto it = item.map()->find(index.toString());
                    if (it != item.map()->end()) {
                        item = it->second;
                        break;
                    }
                }
                item = zeroValue(elemType(type));
                break;
            }
            default:
                fail("can't index item of type " + item.goType());
            }
        }
        return item;
    }));
    add(make("slice", {Any}, Any, true, [](const QList<Value> &args) {
        const Value &item = args.front();
        if (isUntypedNil(item))
            fail("slice of untyped nil");
        const qsizetype n = args.size() - 1;
        if (n > 3)
            fail("too many slice indexes: " + QByteArray::number(n));
        qint64 len = 0;
        if (item.kind() == Value::Kind::String) {
            if (n == 3)
                fail("cannot 3-index slice a string");
            len = item.toString().size();
        } else if (item.kind() == Value::Kind::List) {
            len = item.list()->size();
        } else if (item.kind() == Value::Kind::Nil && item.goType().startsWith("[]")) {
            len = 0;
        } else {
            fail("can't slice item of type " + item.goType());
        }
        qint64 idx[3] = {0, len, len};
        for (qsizetype i = 0; i < n; ++i)
            idx[i] = indexArg(args.at(i + 1), len);
        if (idx[0] > idx[1])
            fail("invalid slice index: " + QByteArray::number(idx[0]) + " > "
                 + QByteArray::number(idx[1]));
        if (n == 3 && idx[1] > idx[2])
            fail("invalid slice index: " + QByteArray::number(idx[1]) + " > "
                 + QByteArray::number(idx[2]));
        if (item.kind() == Value::Kind::String)
            return Value::fromString(item.toString().mid(idx[0], idx[1] - idx[0]));
        if (item.kind() == Value::Kind::Nil)
            return item;
        return Value::fromList(item.list()->mid(idx[0], idx[1] - idx[0]), item.goType());
    }));
    add(make("eq", {Any}, Any, true, [version](const QList<Value> &args) {
        return Value::fromBool(eqImpl(args.front(), args.mid(1), version));
    }));
    add(make("ne", {Any, Any}, std::nullopt, true, [version](const QList<Value> &args) {
        return Value::fromBool(!eqImpl(args.at(0), {args.at(1)}, version));
    }));
    add(make("lt", {Any, Any}, std::nullopt, true, [](const QList<Value> &args) {
        return Value::fromBool(ltImpl(args.at(0), args.at(1)));
    }));
    add(make("le", {Any, Any}, std::nullopt, true, [version](const QList<Value> &args) {
        return Value::fromBool(ltImpl(args.at(0), args.at(1))
                               || eqImpl(args.at(0), {args.at(1)}, version));
    }));
    add(make("gt", {Any, Any}, std::nullopt, true, [version](const QList<Value> &args) {
        if (ltImpl(args.at(0), args.at(1)))
            return Value::fromBool(false);
        return Value::fromBool(!eqImpl(args.at(0), {args.at(1)}, version));
    }));
    add(make("ge", {Any, Any}, std::nullopt, true, [](const QList<Value> &args) {
        return Value::fromBool(!ltImpl(args.at(0), args.at(1)));
    }));
    return m;
}

} // namespace Stagecraft::Model::Template

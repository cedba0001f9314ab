// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

namespace Stagecraft::Model::Template {

class Value;
class Object;
struct Function;

/** Go slice ([]interface{} unless Value::goType() says otherwise). Shared like a Go slice. */
using List = QList<Value>;
/** Go map with string keys; std::map keeps Go's sorted (byte-order) iteration for range. */
using Map = std::map<QByteArray, Value>;

/**
 * A Go value as text/template and Sprig see it.
 *
 * Strings are byte strings (UTF-8), as in Go: len, slice, substr and trunc count bytes. Lists and
 * maps have reference semantics like Go slices and maps: Sprig's `set` mutates the map it is given,
 * and every copy of the Value sees it.
 */
class Value
{
public:
    enum class Kind {
        Invalid, ///< no value: a missing map key, an unset variable; prints "<no value>"
        Nil,     ///< a typed nil (nil map/slice/pointer); prints "<nil>" or "map[]"/"[]" by goType
        Bool,
        Int,   ///< int / int64 (Go int is 64-bit on the targets werf supports)
        Uint,  ///< uint / uint64
        Float, ///< float64
        String,
        List,
        Map,
        Object, ///< a Go value with methods (.Files, time.Time, *semver.Version, ...)
    };

    Value() = default;
    static Value nil(const QByteArray &goType = QByteArrayLiteral("<nil>"));
    static Value fromBool(bool b);
    static Value fromInt(qint64 i, const QByteArray &goType = QByteArrayLiteral("int"));
    static Value fromUint(quint64 u, const QByteArray &goType = QByteArrayLiteral("uint64"));
    static Value fromFloat(double f, const QByteArray &goType = QByteArrayLiteral("float64"));
    static Value fromString(const QByteArray &s);
    static Value fromList(List list = {},
                          const QByteArray &goType = QByteArrayLiteral("[]interface {}"));
    static Value fromMap(Map map = {},
                         const QByteArray &goType = QByteArrayLiteral("map[string]interface {}"));
    static Value fromObject(std::shared_ptr<Object> object);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    /** Go's type as printed in error messages and by %T: "string", "int", "[]string", ... */
    QByteArray goType() const;

    bool toBool() const { return m_bool; }
    qint64 toInt() const { return m_int; }
    quint64 toUint() const { return m_uint; }
    double toFloat() const { return m_float; }
    const QByteArray &toString() const { return m_string; }
    /** Shared list; mutating it is visible to every copy. Null unless kind() == List. */
    const std::shared_ptr<List> &list() const { return m_list; }
    const std::shared_ptr<Map> &map() const { return m_map; }
    const std::shared_ptr<Object> &object() const { return m_object; }

private:
    Kind m_kind = Kind::Invalid;
    bool m_bool = false;
    qint64 m_int = 0;
    quint64 m_uint = 0;
    double m_float = 0;
    QByteArray m_string;
    QByteArray m_goType;
    std::shared_ptr<List> m_list;
    std::shared_ptr<Map> m_map;
    std::shared_ptr<Object> m_object;
};

/** text/template's truth (Go's template.IsTrue): false for no value, nil, false, 0, "" and empty
 *  lists and maps; true for everything else, objects included. */
bool isTrue(const Value &v);

/** A Go value with methods, reached as `.Name` or `.Name arg...` in a template. */
class Object
{
public:
    virtual ~Object() = default;
    /** Go type for messages, e.g. "*config.files" or "time.Time". */
    virtual QByteArray goType() const = 0;
    /** What fmt's %v prints for it. */
    virtual QByteArray print() const = 0;
    virtual bool hasMethod(const QByteArray &name) const = 0;
    /** Calls a method; throws FunctionError on failure (Go's second result). */
    virtual Value callMethod(const QByteArray &name, const QList<Value> &args) = 0;
    /**
     * The Go signature of a method (parameter types, variadic element type), so that the engine
     * converts and checks its arguments as Go would. The default, nullopt, accepts any arguments
     * as interface{} values. Defined in object.cpp (function.h needs value.h).
     */
    virtual std::optional<Function> methodSignature(const QByteArray &name) const;
    /** Field access `.Field` for struct-like objects; Invalid when there is no such field. */
    virtual Value field(const QByteArray &name) const
    {
        Q_UNUSED(name);
        return {};
    }
};

/**
 * Thrown by a template function or method for Go's non-nil error result; the engine reports it as
 * `error calling NAME: MESSAGE` at the calling action.
 */
class FunctionError : public std::runtime_error
{
public:
    explicit FunctionError(const QByteArray &message)
        : std::runtime_error(message.toStdString())
    {}
};

} // namespace Stagecraft::Model::Template

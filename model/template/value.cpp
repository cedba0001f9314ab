// SPDX-License-Identifier: GPL-3.0-or-later
#include "value.h"

namespace Stagecraft::Model::Template {

Value Value::nil(const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::Nil;
    v.m_goType = goType;
    return v;
}

Value Value::fromBool(bool b)
{
    Value v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    return v;
}

Value Value::fromInt(qint64 i, const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::Int;
    v.m_int = i;
    v.m_goType = goType;
    return v;
}

Value Value::fromUint(quint64 u, const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::Uint;
    v.m_uint = u;
    v.m_goType = goType;
    return v;
}

Value Value::fromFloat(double f, const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::Float;
    v.m_float = f;
    v.m_goType = goType;
    return v;
}

Value Value::fromString(const QByteArray &s)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_string = s;
    return v;
}

Value Value::fromList(List list, const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::List;
    v.m_list = std::make_shared<List>(std::move(list));
    v.m_goType = goType;
    return v;
}

Value Value::fromMap(Map map, const QByteArray &goType)
{
    Value v;
    v.m_kind = Kind::Map;
    v.m_map = std::make_shared<Map>(std::move(map));
    v.m_goType = goType;
    return v;
}

Value Value::fromObject(std::shared_ptr<Object> object)
{
    Value v;
    if (!object)
        return nil();
    v.m_kind = Kind::Object;
    v.m_object = std::move(object);
    return v;
}

QByteArray Value::goType() const
{
    switch (m_kind) {
    case Kind::Invalid:
        // What %T prints for a nil interface, the only Go value without a type.
        return QByteArrayLiteral("<nil>");
    case Kind::Bool:
        return QByteArrayLiteral("bool");
    case Kind::String:
        return QByteArrayLiteral("string");
    case Kind::Object:
        return m_object->goType();
    case Kind::Nil:
    case Kind::Int:
    case Kind::Uint:
    case Kind::Float:
    case Kind::List:
    case Kind::Map:
        break;
    }
    return m_goType;
}

bool isTrue(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        return false;
    case Value::Kind::Bool:
        return v.toBool();
    case Value::Kind::Int:
        return v.toInt() != 0;
    case Value::Kind::Uint:
        return v.toUint() != 0;
    case Value::Kind::Float:
        return v.toFloat() != 0;
    case Value::Kind::String:
        return !v.toString().isEmpty();
    case Value::Kind::List:
        return !v.list()->isEmpty();
    case Value::Kind::Map:
        return !v.map()->empty();
    case Value::Kind::Object:
        return true;
    }
    return false;
}

} // namespace Stagecraft::Model::Template

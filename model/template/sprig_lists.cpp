// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's list and dict functions: v2.20.0 list.go/dict.go for the names v2 has, v3.2.2 for
// the rest (concat, chunk, dig, get, deepCopy, the must* variants), with mergo v0.3.11 merging.
#include "common/tr.h"
#include "gofmt.h"
#include "sprigutil.h"

#include <cmath>
#include <limits>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

// reflect.TypeOf(v).Kind() for the "Cannot ... on type %s" panics; nil panics like Go does.
QByteArray kindForPanic(const Value &v)
{
    if (!v.isValid() || (v.kind() == Value::Kind::Nil && v.goType() == "<nil>"))
        nilDereference();
    return goKind(v);
}

// Returns the elements of a slice operand, or throws Go's panic/error text for other kinds.
List requireSlice(const Value &v, const char *what)
{
    const QByteArray kind = kindForPanic(v);
    if (!isSlice(v))
        fail(QByteArray(what) + kind);
    return sliceElements(v);
}

Value interfaceList(List l)
{
    return Value::fromList(std::move(l));
}

Value nilInterfaceList()
{
    return Value::nil(QByteArrayLiteral("[]interface {}"));
}

bool inList(const List &haystack, const Value &needle)
{
    for (const Value &h : haystack) {
        if (deepEqual(needle, h))
            return true;
    }
    return false;
}

List untilStep(qint64 start, qint64 stop, qint64 step)
{
    List v;
    // Go would build any length; a bound keeps a runaway template from exhausting memory.
    constexpr qsizetype limit = qsizetype(1) << 22;
    const auto push = [&v](qint64 i) { v.append(Value::fromInt(i)); };
    if (step != 0 && ((stop < start && step < 0) || (stop > start && step > 0))) {
        const long double count = ((long double) stop - (long double) start) / (long double) step;
        if (count > (long double) limit)
            fail(Tr::tr("more than 4194304 list elements exceed the limits of this renderer")
                         .toUtf8());
        v.reserve(qsizetype(count) + 1);
    }
    if (stop < start) {
        if (step >= 0)
            return v;
        for (qint64 i = start; i > stop; i += step) {
            push(i);
            if (i < std::numeric_limits<qint64>::min() - step)
                break; // Go would wrap around; stop instead of overflowing
        }
        return v;
    }
    if (step <= 0)
        return v;
    for (qint64 i = start; i < stop; i += step) {
        push(i);
        if (i > std::numeric_limits<qint64>::max() - step)
            break;
    }
    return v;
}

Value intList(List l)
{
    return Value::fromList(std::move(l), QByteArrayLiteral("[]int"));
}

// The list functions share their bodies between the panicking v2 form and v3's must* form,
// which returns the same message as an error; both reach the template as FunctionError.
Value pushImpl(const Args &a, const char *what)
{
    List l = requireSlice(a.at(0), what);
    l.append(a.at(1));
    return interfaceList(l);
}

Value prependImpl(const Args &a, const char *what)
{
    List l = requireSlice(a.at(0), what);
    l.prepend(a.at(1));
    return interfaceList(l);
}

Value firstImpl(const Args &a, const char *what)
{
    const List l = requireSlice(a.at(0), what);
    return l.isEmpty() ? Value() : l.first();
}

Value lastImpl(const Args &a, const char *what)
{
    const List l = requireSlice(a.at(0), what);
    return l.isEmpty() ? Value() : l.last();
}

Value restImpl(const Args &a, const char *what)
{
    const List l = requireSlice(a.at(0), what);
    if (l.isEmpty())
        return nilInterfaceList();
    return interfaceList(l.mid(1));
}

Value initialImpl(const Args &a, const char *what)
{
    const List l = requireSlice(a.at(0), what);
    if (l.isEmpty())
        return nilInterfaceList();
    return interfaceList(l.mid(0, l.size() - 1));
}

Value reverseImpl(const Args &a, const char *what)
{
    List l = requireSlice(a.at(0), what);
    std::reverse(l.begin(), l.end());
    return interfaceList(l);
}

Value compactImpl(const Args &a, const char *what)
{
    List out;
    for (const Value &item : requireSlice(a.at(0), what)) {
        if (!isEmpty(item))
            out.append(item);
    }
    return interfaceList(out);
}

Value uniqImpl(const Args &a, const char *what)
{
    List dest;
    for (const Value &item : requireSlice(a.at(0), what)) {
        if (!inList(dest, item))
            dest.append(item);
    }
    return interfaceList(dest);
}

Value withoutImpl(const Args &a, const char *what)
{
    const List omit = a.mid(1);
    List res;
    for (const Value &item : requireSlice(a.at(0), what)) {
        if (!inList(omit, item))
            res.append(item);
    }
    return interfaceList(res);
}

Value hasImpl(const Args &a, const char *what)
{
    const Value &haystack = a.at(1);
    if (!haystack.isValid())
        return Value::fromBool(false);
    return Value::fromBool(inList(requireSlice(haystack, what), a.at(0)));
}

Value sliceImpl(const Args &a, const char *what)
{
    const Value &v = a.at(0);
    const List l = requireSlice(v, what);
    if (l.isEmpty())
        return Value();
    qint64 start = 0;
    qint64 end = l.size();
    if (a.size() > 1)
        start = toInt64(a.at(1));
    if (a.size() > 2)
        end = toInt64(a.at(2));
    if (start < 0 || end < start || end > l.size())
        fail("reflect.Value.Slice: slice index out of bounds");
    return Value::fromList(l.mid(start, end - start), v.goType());
}

Value chunkImpl(const Args &a, const char *what)
{
    const qint64 size = a.at(0).toInt();
    const List l = requireSlice(a.at(1), what);
    const qint64 n = l.size();
    if (size <= 0) {
        if (n == 0 && size < 0)
            return Value::fromList({}, QByteArrayLiteral("[][]interface {}"));
        fail("runtime error: makeslice: len out of range");
    }
    const qint64 cs = qint64(std::floor(double(n - 1) / double(size)) + 1);
    List out;
    for (qint64 i = 0; i < cs; ++i) {
        qint64 clen = size;
        if (i == cs - 1) {
            clen = qint64(std::floor(std::fmod(double(n), double(size))));
            if (clen == 0)
                clen = size;
        }
        out.append(interfaceList(l.mid(i * size, clen)));
    }
    return Value::fromList(out, QByteArrayLiteral("[][]interface {}"));
}

// ---- dicts ----

bool isMapValue(const Value &v)
{
    return v.kind() == Value::Kind::Map
           || (v.kind() == Value::Kind::Nil && v.goType().startsWith("map["));
}

// A map parameter as Go sees it: a nil map reads as empty and panics on assignment.
std::shared_ptr<Map> mapParam(const Value &v)
{
    if (v.kind() == Value::Kind::Map)
        return v.map();
    return nullptr;
}

// mergo v0.3.11 deepMerge of map[string]interface{} values (see the report for the rules).
void mergeMaps(Map &dst, const Map &src, bool overwrite, int depth)
{
    if (depth > 1000)
        fail(Tr::tr("maps nested more than 1000 levels deep (a map containing itself?)").toUtf8());
    for (const auto &[key, s] : src) {
        if (!s.isValid()) {
            if (overwrite)
                dst[key] = Value();
            continue;
        }
        auto it = dst.find(key);
        const bool has = it != dst.end();
        if (s.kind() == Value::Kind::Map && has && it->second.kind() == Value::Kind::Map)
            mergeMaps(*it->second.map(), *s.map(), overwrite, depth + 1);
        // mergo stores the source slice first when overwriting, before the non-empty check below.
        if (isSlice(s) && overwrite) {
            dst[key] = s;
            continue;
        }
        if (has && !isEmpty(it->second) && (isMapValue(s) || isSlice(s)))
            continue;
        if (overwrite || !has || isEmpty(it->second))
            dst[key] = s;
    }
}

Value mergeImpl(const Args &a, bool overwrite)
{
    Value dst = a.at(0);
    for (qsizetype i = 1; i < a.size(); ++i) {
        const Value &src = a.at(i);
        if (dst.kind() != Value::Kind::Map) {
            if (src.kind() != Value::Kind::Map)
                continue;
            dst = Value::fromMap({}, dst.kind() == Value::Kind::Nil ? dst.goType() : src.goType());
        }
        if (src.kind() == Value::Kind::Map)
            mergeMaps(*dst.map(), *src.map(), overwrite, 0);
    }
    return dst;
}

Value deepCopy(const Value &v, int depth = 0)
{
    if (depth > 1000)
        fail(Tr::tr("value nested more than 1000 levels deep (a map containing itself?)").toUtf8());
    switch (v.kind()) {
    case Value::Kind::List: {
        List out;
        out.reserve(v.list()->size());
        for (const Value &e : *v.list())
            out.append(deepCopy(e, depth + 1));
        return Value::fromList(out, v.goType());
    }
    case Value::Kind::Map: {
        Map out;
        for (const auto &[key, value] : *v.map())
            out.emplace(key, deepCopy(value, depth + 1));
        return Value::fromMap(out, v.goType());
    }
    default:
        return v;
    }
}

// Go's failed type assertion x.(T) on an interface{}.
[[noreturn]] void badAssertion(const Value &v, const char *target)
{
    const QByteArray type = v.isValid() && !(v.kind() == Value::Kind::Nil && v.goType() == "<nil>")
                                    ? v.goType()
                                    : QByteArrayLiteral("nil");
    fail("interface conversion: interface {} is " + type + ", not " + target);
}

} // namespace

void addListFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    using Impl = Value (*)(const Args &, const char *);
    // v2 name, its panic text; v3 must* name, its error text (v3 words some differently).
    struct Entry
    {
        const char *name;
        const char *mustName;
        QList<const char *> params;
        const char *variadic;
        Impl impl;
        const char *what;
        const char *mustWhat;
    };
    const QList<Entry> entries = {
            {"push",
             "mustPush",
             {"interface {}", "interface {}"},
             nullptr,
             pushImpl,
             "Cannot push on type ",
             "Cannot push on type "},
            {"append",
             "mustAppend",
             {"interface {}", "interface {}"},
             nullptr,
             pushImpl,
             "Cannot push on type ",
             "Cannot push on type "},
            {"prepend",
             "mustPrepend",
             {"interface {}", "interface {}"},
             nullptr,
             prependImpl,
             "Cannot prepend on type ",
             "Cannot prepend on type "},
            {"first",
             "mustFirst",
             {"interface {}"},
             nullptr,
             firstImpl,
             "Cannot find first on type ",
             "Cannot find first on type "},
            {"last",
             "mustLast",
             {"interface {}"},
             nullptr,
             lastImpl,
             "Cannot find last on type ",
             "Cannot find last on type "},
            {"rest",
             "mustRest",
             {"interface {}"},
             nullptr,
             restImpl,
             "Cannot find rest on type ",
             "Cannot find rest on type "},
            {"initial",
             "mustInitial",
             {"interface {}"},
             nullptr,
             initialImpl,
             "Cannot find initial on type ",
             "Cannot find initial on type "},
            {"reverse",
             "mustReverse",
             {"interface {}"},
             nullptr,
             reverseImpl,
             "Cannot find reverse on type ",
             "Cannot find reverse on type "},
            {"compact",
             "mustCompact",
             {"interface {}"},
             nullptr,
             compactImpl,
             "Cannot compact on type ",
             "Cannot compact on type "},
            {"uniq",
             "mustUniq",
             {"interface {}"},
             nullptr,
             uniqImpl,
             "Cannot find uniq on type ",
             "Cannot find uniq on type "},
            {"without",
             "mustWithout",
             {"interface {}"},
             "interface {}",
             withoutImpl,
             "Cannot find without on type ",
             "Cannot find without on type "},
            {"has",
             "mustHas",
             {"interface {}", "interface {}"},
             nullptr,
             hasImpl,
             "Cannot find has on type ",
             "Cannot find has on type "},
            {"slice",
             "mustSlice",
             {"interface {}"},
             "interface {}",
             sliceImpl,
             "list should be type of slice or array but ",
             "list should be type of slice or array but "},
            {"chunk",
             "mustChunk",
             {"int", "interface {}"},
             nullptr,
             chunkImpl,
             "Cannot chunk type ",
             "Cannot chunk type "},
    };
    for (const Entry &e : entries) {
        const Impl impl = e.impl;
        const char *what = e.what;
        const char *mustWhat = e.mustWhat;
        add(makeFunction(e.name, e.params, e.variadic, [impl, what](const Args &a) {
            return impl(a, what);
        }));
        add(makeFunction(
                e.mustName,
                e.params,
                e.variadic,
                [impl, mustWhat](const Args &a) { return impl(a, mustWhat); },
                true));
    }

    for (const char *name : {"list", "tuple"}) {
        add(makeFunction(name, {}, "interface {}", [](const Args &a) { return interfaceList(a); }));
    }
    add(makeFunction("until", {"int"}, nullptr, [](const Args &a) {
        const qint64 count = a.at(0).toInt();
        return intList(untilStep(0, count, count < 0 ? -1 : 1));
    }));
    add(makeFunction("untilStep", {"int", "int", "int"}, nullptr, [](const Args &a) {
        return intList(untilStep(a.at(0).toInt(), a.at(1).toInt(), a.at(2).toInt()));
    }));
    add(makeFunction("seq", {}, "int", [](const Args &a) {
        List l;
        switch (a.size()) {
        case 1: {
            const qint64 end = a.at(0).toInt();
            const qint64 inc = end < 1 ? -1 : 1;
            l = untilStep(1, end + inc, inc);
            break;
        }
        case 2: {
            const qint64 start = a.at(0).toInt();
            const qint64 end = a.at(1).toInt();
            const qint64 step = end < start ? -1 : 1;
            l = untilStep(start, end + step, step);
            break;
        }
        case 3: {
            const qint64 start = a.at(0).toInt();
            const qint64 step = a.at(1).toInt();
            const qint64 end = a.at(2).toInt();
            qint64 inc = 1;
            if (end < start) {
                inc = -1;
                if (step > 0)
                    return Value::fromString({});
            }
            l = untilStep(start, end + inc, step);
            break;
        }
        default:
            return Value::fromString({});
        }
        QByteArrayList parts;
        for (const Value &v : l)
            parts.append(QByteArray::number(v.toInt()));
        return Value::fromString(parts.join(' '));
    }));
    add(makeFunction("concat", {}, "interface {}", [](const Args &a) {
        List res;
        for (const Value &l : a) {
            const QByteArray kind = kindForPanic(l);
            if (!isSlice(l))
                fail("Cannot concat type " + kind + " as list");
            res.append(sliceElements(l));
        }
        // Go appends to a nil slice: no elements at all leave it nil.
        if (res.isEmpty())
            return nilInterfaceList();
        return interfaceList(res);
    }));
}

void addDictFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    const char *mapType = "map[string]interface {}";

    add(makeFunction("dict", {}, "interface {}", [](const Args &a) {
        Map d;
        for (qsizetype i = 0; i < a.size(); i += 2) {
            const QByteArray key = strval(a.at(i));
            d[key] = i + 1 < a.size() ? a.at(i + 1) : Value::fromString({});
        }
        return Value::fromMap(std::move(d));
    }));
    add(makeFunction("set", {mapType, "string", "interface {}"}, nullptr, [](const Args &a) {
        const auto m = mapParam(a.at(0));
        if (!m)
            fail("assignment to entry in nil map");
        (*m)[a.at(1).toString()] = a.at(2);
        return a.at(0);
    }));
    add(makeFunction("unset", {mapType, "string"}, nullptr, [](const Args &a) {
        if (const auto m = mapParam(a.at(0)))
            m->erase(a.at(1).toString());
        return a.at(0);
    }));
    add(makeFunction("hasKey", {mapType, "string"}, nullptr, [](const Args &a) {
        const auto m = mapParam(a.at(0));
        return Value::fromBool(m && m->count(a.at(1).toString()) > 0);
    }));
    add(makeFunction("get", {mapType, "string"}, nullptr, [](const Args &a) {
        const auto m = mapParam(a.at(0));
        if (m) {
            const auto it = m->find(a.at(1).toString());
            if (it != m->end())
                return it->second;
        }
        return Value::fromString({});
    }));
    add(makeFunction("pluck", {"string"}, mapType, [](const Args &a) {
        List res;
        const QByteArray &key = a.at(0).toString();
        for (qsizetype i = 1; i < a.size(); ++i) {
            if (const auto m = mapParam(a.at(i))) {
                const auto it = m->find(key);
                if (it != m->end())
                    res.append(it->second);
            }
        }
        return interfaceList(res);
    }));
    add(makeFunction("keys", {}, mapType, [](const Args &a) {
        // Go visits a map in random order; the sorted order here is one of Go's possible ones.
        QByteArrayList k;
        for (const Value &d : a) {
            for (const auto &[key, value] : mapEntries(d))
                k.append(key);
        }
        return stringList(k);
    }));
    add(makeFunction("values", {mapType}, nullptr, [](const Args &a) {
        List v;
        for (const auto &[key, value] : mapEntries(a.at(0)))
            v.append(value);
        return interfaceList(v);
    }));
    add(makeFunction("pick", {mapType}, "string", [](const Args &a) {
        Map res;
        const Map d = mapEntries(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i) {
            const auto it = d.find(a.at(i).toString());
            if (it != d.end())
                res[it->first] = it->second;
        }
        return Value::fromMap(res);
    }));
    add(makeFunction("omit", {mapType}, "string", [](const Args &a) {
        Map res = mapEntries(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i)
            res.erase(a.at(i).toString());
        return Value::fromMap(res);
    }));
    add(makeFunction("merge", {mapType}, mapType, [](const Args &a) {
        return mergeImpl(a, false);
    }));
    add(makeFunction("mergeOverwrite", {mapType}, mapType, [](const Args &a) {
        return mergeImpl(a, true);
    }));
    add(makeFunction(
            "mustMerge",
            {mapType},
            mapType,
            [](const Args &a) { return mergeImpl(a, false); },
            true));
    add(makeFunction(
            "mustMergeOverwrite",
            {mapType},
            mapType,
            [](const Args &a) { return mergeImpl(a, true); },
            true));
    add(makeFunction(
            "dig",
            {},
            "interface {}",
            [](const Args &a) {
                if (a.size() < 3)
                    fail("dig needs at least three arguments");
                const Value &dictValue = a.last();
                if (dictValue.goType() != "map[string]interface {}")
                    badAssertion(dictValue, "map[string]interface {}");
                const Value &def = a.at(a.size() - 2);
                QByteArrayList keys;
                for (qsizetype i = 0; i < a.size() - 2; ++i) {
                    if (a.at(i).kind() != Value::Kind::String)
                        badAssertion(a.at(i), "string");
                    keys.append(a.at(i).toString());
                }
                Value current = dictValue;
                for (qsizetype i = 0; i < keys.size(); ++i) {
                    const Map m = mapEntries(current);
                    const auto it = m.find(keys.at(i));
                    if (it == m.end())
                        return def;
                    if (i == keys.size() - 1)
                        return it->second;
                    if (it->second.goType() != "map[string]interface {}")
                        badAssertion(it->second, "map[string]interface {}");
                    current = it->second;
                }
                return def;
            },
            true));
    add(makeFunction("deepCopy", {"interface {}"}, nullptr, [](const Args &a) {
        return deepCopy(a.at(0));
    }));
    add(makeFunction(
            "mustDeepCopy",
            {"interface {}"},
            nullptr,
            [](const Args &a) { return deepCopy(a.at(0)); },
            true));
}

} // namespace Stagecraft::Model::Template::Sprig

// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's defaults, conversions, math, reflection, OS, path, flow-control and UUID functions.
#include "gofmt.h"
#include "sprigutil.h"

#include <QHostInfo>
#include <QRandomGenerator>
#include <QUuid>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

Value int64Value(qint64 i)
{
    return Value::fromInt(i, QByteArrayLiteral("int64"));
}

// Go's integer division: panics on zero, wraps MinInt64 / -1.
qint64 goDiv(qint64 a, qint64 b)
{
    if (b == 0)
        fail("runtime error: integer divide by zero");
    if (b == -1)
        return qint64(0ull - quint64(a));
    return a / b;
}

qint64 goMod(qint64 a, qint64 b)
{
    if (b == 0)
        fail("runtime error: integer divide by zero");
    if (b == -1)
        return 0;
    return a % b;
}

qint64 wrapAdd(qint64 a, qint64 b)
{
    return qint64(quint64(a) + quint64(b));
}

qint64 wrapMul(qint64 a, qint64 b)
{
    return qint64(quint64(a) * quint64(b));
}

// ---- Go's path package ----

QByteArray pathClean(const QByteArray &path)
{
    if (path.isEmpty())
        return QByteArrayLiteral(".");
    const bool rooted = path.at(0) == '/';
    const qsizetype n = path.size();
    QByteArray out;
    qsizetype r = 0;
    qsizetype dotdot = 0;
    if (rooted) {
        out.append('/');
        r = 1;
        dotdot = 1;
    }
    while (r < n) {
        if (path.at(r) == '/') {
            ++r;
        } else if (path.at(r) == '.' && (r + 1 == n || path.at(r + 1) == '/')) {
            ++r;
        } else if (path.at(r) == '.' && path.at(r + 1) == '.'
                   && (r + 2 == n || path.at(r + 2) == '/')) {
            r += 2;
            if (out.size() > dotdot) {
                qsizetype w = out.size() - 1;
                while (w > dotdot && out.at(w) != '/')
                    --w;
                out.truncate(w);
            } else if (!rooted) {
                if (!out.isEmpty())
                    out.append('/');
                out.append("..");
                dotdot = out.size();
            }
        } else {
            if ((rooted && out.size() != 1) || (!rooted && !out.isEmpty()))
                out.append('/');
            for (; r < n && path.at(r) != '/'; ++r)
                out.append(path.at(r));
        }
    }
    if (out.isEmpty())
        return QByteArrayLiteral(".");
    return out;
}

QByteArray pathBase(QByteArray path)
{
    if (path.isEmpty())
        return QByteArrayLiteral(".");
    while (!path.isEmpty() && path.endsWith('/'))
        path.chop(1);
    const qsizetype i = path.lastIndexOf('/');
    if (i >= 0)
        path = path.mid(i + 1);
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    return path;
}

QByteArray pathDir(const QByteArray &path)
{
    const qsizetype i = path.lastIndexOf('/');
    return pathClean(path.left(i + 1));
}

QByteArray pathExt(const QByteArray &path)
{
    for (qsizetype i = path.size() - 1; i >= 0 && path.at(i) != '/'; --i) {
        if (path.at(i) == '.')
            return path.mid(i);
    }
    return {};
}

// os.ExpandEnv: $VAR, ${VAR}, and Go's handling of special names and bad syntax.
bool isShellSpecialVar(char c)
{
    switch (c) {
    case '*':
    case '#':
    case '$':
    case '@':
    case '!':
    case '?':
    case '-':
        return true;
    default:
        return c >= '0' && c <= '9';
    }
}

bool isAlphaNum(char c)
{
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// os.getShellName: the name after '$' and how many bytes it takes.
QByteArray shellName(const QByteArray &s, qsizetype *width)
{
    if (s.startsWith('{')) {
        if (s.size() > 2 && isShellSpecialVar(s.at(1)) && s.at(2) == '}') {
            *width = 3;
            return s.mid(1, 1);
        }
        for (qsizetype i = 1; i < s.size(); ++i) {
            if (s.at(i) == '}') {
                if (i == 1) {
                    *width = 2; // bad syntax; eat "${}"
                    return {};
                }
                *width = i + 1;
                return s.mid(1, i - 1);
            }
        }
        *width = 1; // bad syntax; eat "${"
        return {};
    }
    if (!s.isEmpty() && isShellSpecialVar(s.at(0))) {
        *width = 1;
        return s.left(1);
    }
    qsizetype i = 0;
    while (i < s.size() && isAlphaNum(s.at(i)))
        ++i;
    *width = i;
    return s.left(i);
}

QByteArray expandEnv(const QByteArray &s)
{
    QByteArray buf;
    qsizetype i = 0;
    for (qsizetype j = 0; j < s.size(); ++j) {
        if (s.at(j) == '$' && j + 1 < s.size()) {
            buf.append(s.mid(i, j - i));
            qsizetype w;
            const QByteArray name = shellName(s.mid(j + 1), &w);
            if (name.isEmpty() && w > 0) {
                // Encountered invalid syntax; eat the characters.
            } else if (name.isEmpty()) {
                buf.append(s.at(j)); // valid syntax, but $ was not followed by a name
            } else {
                buf.append(qgetenv(name.constData()));
            }
            j += w;
            i = j + 1;
        }
    }
    if (i == 0)
        return s;
    buf.append(s.mid(i));
    return buf;
}

// ---- shopspring/decimal for addf & co: exact decimal arithmetic on the shortest decimal form
// of each float64, then strconv.ParseFloat of the result. ----

struct Decimal
{
    bool neg = false;
    std::string digits = "0"; // big integer, no leading zeros
    int exp = 0;              // value = digits * 10^exp
};

void trimZeros(std::string &d)
{
    const size_t nz = d.find_first_not_of('0');
    d = nz == std::string::npos ? std::string("0") : d.substr(nz);
}

bool isZero(const Decimal &d)
{
    return d.digits == "0";
}

Decimal fromFloat(double f)
{
    Decimal d;
    if (f == 0 || std::isnan(f) || std::isinf(f))
        return d; // decimal.NewFromFloat panics on NaN/Inf; sprig never passes them knowingly
    const QByteArray s = formatFloat(std::fabs(f), 'e', -1);
    const qsizetype e = s.indexOf('e');
    QByteArray mant = s.left(e);
    const int exp10 = s.mid(e + 1).toInt();
    int frac = 0;
    const qsizetype dot = mant.indexOf('.');
    if (dot >= 0) {
        frac = int(mant.size() - dot - 1);
        mant.remove(dot, 1);
    }
    d.digits = mant.toStdString();
    trimZeros(d.digits);
    d.exp = exp10 - frac;
    d.neg = f < 0;
    return d;
}

int cmpMag(const std::string &a, const std::string &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

std::string addMag(const std::string &a, const std::string &b)
{
    std::string r;
    int carry = 0;
    for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
        int s = carry;
        if (i < a.size())
            s += a[a.size() - 1 - i] - '0';
        if (i < b.size())
            s += b[b.size() - 1 - i] - '0';
        r.push_back(char('0' + s % 10));
        carry = s / 10;
    }
    std::reverse(r.begin(), r.end());
    trimZeros(r);
    return r;
}

// a - b with a >= b
std::string subMag(const std::string &a, const std::string &b)
{
    std::string r;
    int borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int s = (a[a.size() - 1 - i] - '0') - borrow;
        if (i < b.size())
            s -= b[b.size() - 1 - i] - '0';
        borrow = s < 0 ? 1 : 0;
        if (s < 0)
            s += 10;
        r.push_back(char('0' + s));
    }
    std::reverse(r.begin(), r.end());
    trimZeros(r);
    return r;
}

std::string mulMag(const std::string &a, const std::string &b)
{
    std::vector<int> r(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        for (size_t j = 0; j < b.size(); ++j)
            r[i + j + 1] += (a[i] - '0') * (b[j] - '0');
    }
    for (size_t k = r.size() - 1; k > 0; --k) {
        r[k - 1] += r[k] / 10;
        r[k] %= 10;
    }
    std::string s;
    for (const int d : r)
        s.push_back(char('0' + d));
    trimZeros(s);
    return s;
}

// floor(a / b) for magnitudes, and the remainder.
std::string divMag(const std::string &a, const std::string &b, std::string *rem)
{
    std::string q;
    std::string cur = "0";
    for (const char c : a) {
        cur = cur == "0" ? std::string(1, c) : cur + c;
        trimZeros(cur);
        int digit = 0;
        while (cmpMag(cur, b) >= 0) {
            cur = subMag(cur, b);
            ++digit;
        }
        q.push_back(char('0' + digit));
    }
    trimZeros(q);
    *rem = cur;
    return q;
}

void align(Decimal &a, Decimal &b)
{
    if (a.exp > b.exp) {
        if (!isZero(a))
            a.digits.append(size_t(a.exp - b.exp), '0');
        a.exp = b.exp;
    } else if (b.exp > a.exp) {
        if (!isZero(b))
            b.digits.append(size_t(b.exp - a.exp), '0');
        b.exp = a.exp;
    }
}

Decimal decAdd(Decimal a, Decimal b)
{
    align(a, b);
    Decimal r;
    r.exp = a.exp;
    if (a.neg == b.neg) {
        r.digits = addMag(a.digits, b.digits);
        r.neg = a.neg;
    } else if (cmpMag(a.digits, b.digits) >= 0) {
        r.digits = subMag(a.digits, b.digits);
        r.neg = a.neg;
    } else {
        r.digits = subMag(b.digits, a.digits);
        r.neg = b.neg;
    }
    if (isZero(r))
        r.neg = false;
    return r;
}

Decimal decSub(Decimal a, Decimal b)
{
    b.neg = !b.neg;
    return decAdd(a, b);
}

Decimal decMul(const Decimal &a, const Decimal &b)
{
    Decimal r;
    r.digits = mulMag(a.digits, b.digits);
    r.exp = a.exp + b.exp;
    r.neg = a.neg != b.neg && !isZero(r);
    return r;
}

// Decimal.Div: DivRound to 16 places, half away from zero.
Decimal decDiv(const Decimal &a, const Decimal &b)
{
    if (isZero(b))
        fail("decimal division by zero");
    constexpr int precision = 16;
    // q = trunc(a / b * 10^precision)
    std::string num = a.digits;
    std::string den = b.digits;
    const int shift = precision + a.exp - b.exp;
    if (shift >= 0)
        num.append(size_t(shift), '0');
    else
        den.append(size_t(-shift), '0');
    std::string rem;
    std::string q = divMag(num, den, &rem);
    // Round: compare 2*rem with den.
    const std::string twice = addMag(rem, rem);
    if (cmpMag(twice, den) >= 0)
        q = addMag(q, "1");
    Decimal r;
    r.digits = q;
    r.exp = -precision;
    r.neg = (a.neg != b.neg) && !isZero(r);
    return r;
}

double decToFloat(const Decimal &d)
{
    const std::string s = (d.neg ? "-" : "") + d.digits + "e" + std::to_string(d.exp);
    return std::strtod(s.c_str(), nullptr);
}

Value decimalOp(const Value &first,
                const List &rest,
                Decimal (*op)(const Decimal &, const Decimal &))
{
    Decimal acc = fromFloat(toFloat64(first));
    for (const Value &v : rest)
        acc = op(acc, fromFloat(toFloat64(v)));
    return Value::fromFloat(decToFloat(acc));
}

Decimal addOp(const Decimal &a, const Decimal &b)
{
    return decAdd(a, b);
}
Decimal subOp(const Decimal &a, const Decimal &b)
{
    return decSub(a, b);
}
Decimal mulOp(const Decimal &a, const Decimal &b)
{
    return decMul(a, b);
}
Decimal divOp(const Decimal &a, const Decimal &b)
{
    return decDiv(a, b);
}

} // namespace

void addMiscFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };

    // Defaults
    add(makeFunction("default", {"interface {}"}, "interface {}", [](const Args &a) {
        if (a.size() < 2 || isEmpty(a.at(1)))
            return a.at(0);
        return a.at(1);
    }));
    add(makeFunction("empty", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromBool(isEmpty(a.at(0)));
    }));
    add(makeFunction("coalesce", {}, "interface {}", [](const Args &a) {
        for (const Value &v : a) {
            if (!isEmpty(v))
                return v;
        }
        return Value();
    }));
    add(makeFunction("all", {}, "interface {}", [](const Args &a) {
        for (const Value &v : a) {
            if (isEmpty(v))
                return Value::fromBool(false);
        }
        return Value::fromBool(true);
    }));
    add(makeFunction("any", {}, "interface {}", [](const Args &a) {
        for (const Value &v : a) {
            if (!isEmpty(v))
                return Value::fromBool(true);
        }
        return Value::fromBool(false);
    }));
    add(makeFunction("ternary", {"interface {}", "interface {}", "bool"}, nullptr, [](const Args &a) {
        return a.at(2).toBool() ? a.at(0) : a.at(1);
    }));

    // JSON
    add(makeFunction("toJson", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(jsonEncode(a.at(0), true, QByteArray(), nullptr));
    }));
    add(makeFunction("toPrettyJson", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(jsonEncode(a.at(0), true, QByteArrayLiteral("  "), nullptr));
    }));
    add(makeFunction("toRawJson", {"interface {}"}, nullptr, [](const Args &a) {
        QByteArray error;
        const QByteArray out = jsonEncode(a.at(0), false, QByteArray(), &error);
        if (!error.isEmpty())
            fail(error);
        return Value::fromString(out);
    }));
    const auto mustJson = [&add](const char *name, bool html, const QByteArray &indent) {
        add(makeFunction(
                name,
                {"interface {}"},
                nullptr,
                [html, indent](const Args &a) {
                    QByteArray error;
                    const QByteArray out = jsonEncode(a.at(0), html, indent, &error);
                    if (!error.isEmpty())
                        fail(error);
                    return Value::fromString(out);
                },
                true));
    };
    mustJson("mustToJson", true, QByteArray());
    mustJson("mustToPrettyJson", true, QByteArrayLiteral("  "));
    mustJson("mustToRawJson", false, QByteArray());
    add(makeFunction("fromJson", {"string"}, nullptr, [](const Args &a) {
        QByteArray error;
        return jsonDecode(a.at(0).toString(), &error);
    }));
    add(makeFunction(
            "mustFromJson",
            {"string"},
            nullptr,
            [](const Args &a) {
                QByteArray error;
                const Value v = jsonDecode(a.at(0).toString(), &error);
                if (!error.isEmpty())
                    fail(error);
                return v;
            },
            true));

    // Reflection
    add(makeFunction("typeOf", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(a.at(0).goType());
    }));
    add(makeFunction("typeIs", {"string", "interface {}"}, nullptr, [](const Args &a) {
        return Value::fromBool(a.at(0).toString() == a.at(1).goType());
    }));
    add(makeFunction("typeIsLike", {"string", "interface {}"}, nullptr, [](const Args &a) {
        const QByteArray t = a.at(1).goType();
        return Value::fromBool(a.at(0).toString() == t || "*" + a.at(0).toString() == t);
    }));
    add(makeFunction("kindOf", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromString(goKind(a.at(0)));
    }));
    add(makeFunction("kindIs", {"string", "interface {}"}, nullptr, [](const Args &a) {
        return Value::fromBool(a.at(0).toString() == goKind(a.at(1)));
    }));
    add(makeFunction("deepEqual", {"interface {}", "interface {}"}, nullptr, [](const Args &a) {
        return Value::fromBool(deepEqual(a.at(0), a.at(1)));
    }));

    // OS
    add(makeFunction(
            "env",
            {"string"},
            nullptr,
            [](const Args &a) { return Value::fromString(qgetenv(a.at(0).toString().constData())); },
            false,
            true));
    add(makeFunction(
            "expandenv",
            {"string"},
            nullptr,
            [](const Args &a) { return Value::fromString(expandEnv(a.at(0).toString())); },
            false,
            true));
    add(makeFunction(
            "getHostByName",
            {"string"},
            nullptr,
            [](const Args &a) {
                const QHostInfo info = QHostInfo::fromName(QString::fromUtf8(a.at(0).toString()));
                const auto addresses = info.addresses();
                if (addresses.isEmpty())
                    fail("invalid argument to Intn");
                const auto pick = QRandomGenerator::global()->bounded(int(addresses.size()));
                return Value::fromString(addresses.at(pick).toString().toUtf8());
            },
            false,
            true));

    // Paths (path and, on Unix identically, path/filepath)
    const auto pathFn = [&add](const char *name, QByteArray (*f)(const QByteArray &)) {
        add(makeFunction(name, {"string"}, nullptr, [f](const Args &a) {
            return Value::fromString(f(a.at(0).toString()));
        }));
    };
    const auto base = [](const QByteArray &p) { return pathBase(p); };
    pathFn("base", base);
    pathFn("osBase", base);
    pathFn("dir", pathDir);
    pathFn("osDir", pathDir);
    pathFn("clean", pathClean);
    pathFn("osClean", pathClean);
    pathFn("ext", pathExt);
    pathFn("osExt", pathExt);
    for (const char *name : {"isAbs", "osIsAbs"}) {
        add(makeFunction(name, {"string"}, nullptr, [](const Args &a) {
            return Value::fromBool(a.at(0).toString().startsWith('/'));
        }));
    }

    // Conversions
    add(makeFunction("atoi", {"string"}, nullptr, [](const Args &a) {
        // strconv.Atoi: 0 on a syntax error, the clamped value on a range error.
        qint64 i = 0;
        bool range = false;
        if (!parseGoInt(a.at(0).toString(), 10, &i, &range) && !range)
            i = 0;
        return Value::fromInt(i);
    }));
    add(makeFunction("int64", {"interface {}"}, nullptr, [](const Args &a) {
        return int64Value(toInt64(a.at(0)));
    }));
    add(makeFunction("int", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromInt(toInt64(a.at(0)));
    }));
    add(makeFunction("float64", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromFloat(toFloat64(a.at(0)));
    }));
    add(makeFunction("toDecimal", {"interface {}"}, nullptr, [](const Args &a) {
        qint64 i = 0;
        if (!parseGoInt(sprint({a.at(0)}), 8, &i))
            i = 0;
        return int64Value(i);
    }));

    // Integer math (v2: everything through toInt64, results int64)
    add(makeFunction("add1", {"interface {}"}, nullptr, [](const Args &a) {
        return int64Value(wrapAdd(toInt64(a.at(0)), 1));
    }));
    add(makeFunction("add", {}, "interface {}", [](const Args &a) {
        qint64 sum = 0;
        for (const Value &v : a)
            sum = wrapAdd(sum, toInt64(v));
        return int64Value(sum);
    }));
    add(makeFunction("sub", {"interface {}", "interface {}"}, nullptr, [](const Args &a) {
        return int64Value(qint64(quint64(toInt64(a.at(0))) - quint64(toInt64(a.at(1)))));
    }));
    add(makeFunction("div", {"interface {}", "interface {}"}, nullptr, [](const Args &a) {
        return int64Value(goDiv(toInt64(a.at(0)), toInt64(a.at(1))));
    }));
    add(makeFunction("mod", {"interface {}", "interface {}"}, nullptr, [](const Args &a) {
        return int64Value(goMod(toInt64(a.at(0)), toInt64(a.at(1))));
    }));
    add(makeFunction("mul", {"interface {}"}, "interface {}", [](const Args &a) {
        qint64 val = toInt64(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i)
            val = wrapMul(val, toInt64(a.at(i)));
        return int64Value(val);
    }));
    for (const char *name : {"max", "biggest"}) {
        add(makeFunction(name, {"interface {}"}, "interface {}", [](const Args &a) {
            qint64 m = toInt64(a.at(0));
            for (qsizetype i = 1; i < a.size(); ++i)
                m = std::max(m, toInt64(a.at(i)));
            return int64Value(m);
        }));
    }
    add(makeFunction("min", {"interface {}"}, "interface {}", [](const Args &a) {
        qint64 m = toInt64(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i)
            m = std::min(m, toInt64(a.at(i)));
        return int64Value(m);
    }));
    add(makeFunction("maxf", {"interface {}"}, "interface {}", [](const Args &a) {
        double m = toFloat64(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i) {
            const double b = toFloat64(a.at(i));
            // math.Max: NaN wins, +0 beats -0.
            if (std::isnan(m) || std::isnan(b))
                m = NAN;
            else if (m == 0 && b == 0)
                m = std::signbit(m) ? b : m;
            else
                m = std::max(m, b);
        }
        return Value::fromFloat(m);
    }));
    add(makeFunction("minf", {"interface {}"}, "interface {}", [](const Args &a) {
        double m = toFloat64(a.at(0));
        for (qsizetype i = 1; i < a.size(); ++i) {
            const double b = toFloat64(a.at(i));
            if (std::isnan(m) || std::isnan(b))
                m = NAN;
            else if (m == 0 && b == 0)
                m = std::signbit(m) ? m : b;
            else
                m = std::min(m, b);
        }
        return Value::fromFloat(m);
    }));
    add(makeFunction("ceil", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromFloat(std::ceil(toFloat64(a.at(0))));
    }));
    add(makeFunction("floor", {"interface {}"}, nullptr, [](const Args &a) {
        return Value::fromFloat(std::floor(toFloat64(a.at(0))));
    }));
    add(makeFunction("round", {"interface {}", "int"}, "float64", [](const Args &a) {
        const double roundOn = a.size() > 2 ? a.at(2).toFloat() : 0.5;
        const double val = toFloat64(a.at(0));
        const double places = double(a.at(1).toInt());
        const double pow = std::pow(10.0, places);
        const double digit = pow * val;
        double intPart;
        const double div = std::modf(digit, &intPart);
        const double r = div >= roundOn ? std::ceil(digit) : std::floor(digit);
        return Value::fromFloat(r / pow);
    }));
    add(makeFunction(
            "randInt",
            {"int", "int"},
            nullptr,
            [](const Args &a) {
                const qint64 min = a.at(0).toInt();
                const qint64 max = a.at(1).toInt();
                if (max - min <= 0)
                    fail("invalid argument to Intn");
                return Value::fromInt(
                        qint64(QRandomGenerator::global()->bounded(quint64(max - min))) + min);
            },
            false,
            true));
    add(makeFunction("add1f", {"interface {}"}, nullptr, [](const Args &a) {
        return decimalOp(a.at(0), {Value::fromInt(1)}, addOp);
    }));
    add(makeFunction("addf", {}, "interface {}", [](const Args &a) {
        return decimalOp(Value::fromFloat(0), a, addOp);
    }));
    add(makeFunction("subf", {"interface {}"}, "interface {}", [](const Args &a) {
        return decimalOp(a.at(0), a.mid(1), subOp);
    }));
    add(makeFunction("mulf", {"interface {}"}, "interface {}", [](const Args &a) {
        return decimalOp(a.at(0), a.mid(1), mulOp);
    }));
    add(makeFunction("divf", {"interface {}"}, "interface {}", [](const Args &a) {
        return decimalOp(a.at(0), a.mid(1), divOp);
    }));

    // Flow control
    add(makeFunction(
            "fail",
            {"string"},
            nullptr,
            [](const Args &a) -> Value { fail(a.at(0).toString()); },
            true));

    // UUIDs
    add(makeFunction(
            "uuidv4",
            {},
            nullptr,
            [](const Args &) {
                return Value::fromString(QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
            },
            false,
            true));
}

} // namespace Stagecraft::Model::Template::Sprig

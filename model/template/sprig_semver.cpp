// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig v2's semver and semverCompare, on Masterminds/semver v1.5.0 (the version werf 1.1 links):
// its version regex, constraint grammar (ranges, ||, commas, x-ranges, ~ ^) and the v1 rules
// that a prerelease only satisfies constraints that carry a prerelease themselves.
#include "gofmt.h"
#include "sprigutil.h"

#include <QRegularExpression>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

const char *const semVerRegex = "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
                                "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
                                "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const char *const cvRegex = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
                            "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
                            "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";

struct Version
{
    qint64 major = 0;
    qint64 minor = 0;
    qint64 patch = 0;
    QByteArray pre;
    QByteArray metadata;
    QByteArray original;

    QByteArray toString() const
    {
        QByteArray s = QByteArray::number(major) + '.' + QByteArray::number(minor) + '.'
                       + QByteArray::number(patch);
        if (!pre.isEmpty())
            s += '-' + pre;
        if (!metadata.isEmpty())
            s += '+' + metadata;
        return s;
    }
};

QString cap(const QRegularExpressionMatch &m, int i)
{
    return m.captured(i);
}

// NewVersion; false with the error text.
bool newVersion(const QByteArray &v, Version *out, QByteArray *error)
{
    static const QRegularExpression re(QStringLiteral("^") + QString::fromLatin1(semVerRegex)
                                       + QStringLiteral("\\z"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(v));
    if (!m.hasMatch()) {
        *error = "Invalid Semantic Version";
        return false;
    }
    Version sv;
    sv.metadata = cap(m, 8).toUtf8();
    sv.pre = cap(m, 5).toUtf8();
    sv.original = v;
    const auto segment = [error](const QString &text, qint64 *out) {
        QByteArray digits = text.toUtf8();
        if (digits.startsWith('.'))
            digits = digits.mid(1);
        bool range = false;
        if (!parseGoInt(digits, 10, out, &range)) {
            *error = "Error parsing version segment: strconv.ParseInt: parsing "
                     + quoteString(digits) + ": value out of range";
            return false;
        }
        return true;
    };
    if (!segment(cap(m, 1), &sv.major))
        return false;
    if (!cap(m, 2).isEmpty() && !segment(cap(m, 2), &sv.minor))
        return false;
    if (!cap(m, 3).isEmpty() && !segment(cap(m, 3), &sv.patch))
        return false;
    *out = sv;
    return true;
}

int compareSegment(qint64 v, qint64 o)
{
    return v < o ? -1 : (v > o ? 1 : 0);
}

int comparePrePart(const QByteArray &s, const QByteArray &o)
{
    if (s == o)
        return 0;
    if (s.isEmpty())
        return o.isEmpty() ? 1 : -1;
    if (o.isEmpty())
        return 1;
    bool oNum = false;
    bool sNum = false;
    const quint64 oi = o.toULongLong(&oNum, 10);
    const quint64 si = s.toULongLong(&sNum, 10);
    // strconv.ParseUint rejects signs and spaces, which QByteArray::toULongLong would accept.
    for (const char c : o)
        oNum = oNum && c >= '0' && c <= '9';
    for (const char c : s)
        sNum = sNum && c >= '0' && c <= '9';
    if (!oNum && !sNum)
        return s > o ? 1 : -1;
    if (!oNum)
        return -1;
    if (!sNum)
        return 1;
    return si > oi ? 1 : -1;
}

int comparePrerelease(const QByteArray &v, const QByteArray &o)
{
    const QByteArrayList sparts = v.split('.');
    const QByteArrayList oparts = o.split('.');
    const qsizetype l = std::max(sparts.size(), oparts.size());
    for (qsizetype i = 0; i < l; ++i) {
        const int d = comparePrePart(i < sparts.size() ? sparts.at(i) : QByteArray(),
                                     i < oparts.size() ? oparts.at(i) : QByteArray());
        if (d != 0)
            return d;
    }
    return 0;
}

int compare(const Version &v, const Version &o)
{
    if (const int d = compareSegment(v.major, o.major))
        return d;
    if (const int d = compareSegment(v.minor, o.minor))
        return d;
    if (const int d = compareSegment(v.patch, o.patch))
        return d;
    if (v.pre.isEmpty() && o.pre.isEmpty())
        return 0;
    if (v.pre.isEmpty())
        return 1;
    if (o.pre.isEmpty())
        return -1;
    return comparePrerelease(v.pre, o.pre);
}

struct Constraint
{
    QByteArray op;
    Version con;
    bool minorDirty = false;
    bool dirty = false;
    bool patchDirty = false;
};

bool isX(const QString &x)
{
    return x == QLatin1String("x") || x == QLatin1String("*") || x == QLatin1String("X");
}

bool parseConstraint(const QByteArray &c, Constraint *out, QByteArray *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(~>|=>|=<|>=|<=|!=|=|>|<|~|\\^|)\\s*(")
                                       + QString::fromLatin1(cvRegex) + QStringLiteral(")\\s*\\z"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(c));
    if (!m.hasMatch()) {
        *error = "improper constraint: " + c;
        return false;
    }
    // Group numbers as in Go's regexp: 1 op, 2 version, 3.. the cvRegex groups.
    QString ver = cap(m, 2);
    Constraint cs;
    cs.op = cap(m, 1).toUtf8();
    QString m4 = cap(m, 4);
    if (m4.startsWith(QLatin1Char('.')))
        m4 = m4.mid(1);
    QString m5 = cap(m, 5);
    if (m5.startsWith(QLatin1Char('.')))
        m5 = m5.mid(1);
    if (isX(cap(m, 3))) {
        ver = QStringLiteral("0.0.0");
        cs.dirty = true;
    } else if (isX(m4) || cap(m, 4).isEmpty()) {
        cs.minorDirty = true;
        cs.dirty = true;
        ver = cap(m, 3) + QStringLiteral(".0.0") + cap(m, 6);
    } else if (isX(m5)) {
        cs.dirty = true;
        cs.patchDirty = true;
        ver = cap(m, 3) + cap(m, 4) + QStringLiteral(".0") + cap(m, 6);
    }
    QByteArray ignored;
    if (!newVersion(ver.toUtf8(), &cs.con, &ignored)) {
        *error = "constraint Parser Error";
        return false;
    }
    *out = cs;
    return true;
}

bool checkTilde(const Version &v, const Constraint &c)
{
    if (!v.pre.isEmpty() && c.con.pre.isEmpty())
        return false;
    if (compare(v, c.con) < 0)
        return false;
    if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minorDirty && !c.patchDirty)
        return true;
    if (v.major != c.con.major)
        return false;
    if (v.minor != c.con.minor && !c.minorDirty)
        return false;
    return true;
}

bool check(const Version &v, const Constraint &c)
{
    const bool preBlocked = !v.pre.isEmpty() && c.con.pre.isEmpty();
    const QByteArray &op = c.op;
    if (op.isEmpty() || op == "=") {
        if (preBlocked)
            return false;
        if (c.dirty)
            return checkTilde(v, c);
        return compare(v, c.con) == 0;
    }
    if (op == "!=") {
        if (c.dirty) {
            if (preBlocked)
                return false;
            if (c.con.major != v.major)
                return true;
            if (c.con.minor != v.minor && !c.minorDirty)
                return true;
            return false;
        }
        return compare(v, c.con) != 0;
    }
    if (preBlocked)
        return false;
    if (op == ">")
        return compare(v, c.con) == 1;
    if (op == ">=" || op == "=>")
        return compare(v, c.con) >= 0;
    if (op == "<" || op == "<=" || op == "=<") {
        if (!c.dirty)
            return op == "<" ? compare(v, c.con) < 0 : compare(v, c.con) <= 0;
        if (v.major > c.con.major)
            return false;
        if (v.minor > c.con.minor && !c.minorDirty)
            return false;
        return true;
    }
    if (op == "~" || op == "~>")
        return checkTilde(v, c);
    if (op == "^") {
        if (compare(v, c.con) < 0)
            return false;
        return v.major == c.con.major;
    }
    return false;
}

QByteArray rewriteRange(const QByteArray &input)
{
    static const QRegularExpression re(QStringLiteral("\\s*(") + QString::fromLatin1(cvRegex)
                                       + QStringLiteral(")\\s+-\\s+(")
                                       + QString::fromLatin1(cvRegex) + QStringLiteral(")\\s*"));
    const QString s = QString::fromUtf8(input);
    QString o = s;
    auto it = re.globalMatch(s);
    bool any = false;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        any = true;
        const QString t = QStringLiteral(">= ") + m.captured(1) + QStringLiteral(", <= ")
                          + m.captured(11);
        const qsizetype at = o.indexOf(m.captured(0));
        if (at >= 0)
            o.replace(at, m.captured(0).size(), t);
    }
    return any ? o.toUtf8() : input;
}

bool constraintCheck(const QByteArray &constraint, const Version &v, QByteArray *error)
{
    const QByteArray c = rewriteRange(constraint);
    QList<QList<Constraint>> ors;
    // strings.Split(c, "||")
    QByteArrayList orParts;
    qsizetype start = 0;
    while (true) {
        const qsizetype at = c.indexOf("||", start);
        if (at < 0) {
            orParts.append(c.mid(start));
            break;
        }
        orParts.append(c.mid(start, at - start));
        start = at + 2;
    }
    for (const QByteArray &orPart : std::as_const(orParts)) {
        QList<Constraint> all;
        for (const QByteArray &s : orPart.split(',')) {
            Constraint pc;
            if (!parseConstraint(s, &pc, error))
                return false;
            all.append(pc);
        }
        ors.append(all);
    }
    for (const QList<Constraint> &group : std::as_const(ors)) {
        bool joy = true;
        for (const Constraint &ct : group) {
            if (!check(v, ct)) {
                joy = false;
                break;
            }
        }
        if (joy)
            return true;
    }
    return false;
}

// *semver.Version (or, from the Inc* methods, a semver.Version value).
class SemverObject : public Object, public JsonMarshaler
{
public:
    SemverObject(Version v, bool pointer)
        : m_v(std::move(v))
        , m_pointer(pointer)
    {}

    QByteArray goType() const override
    {
        return m_pointer ? QByteArrayLiteral("*semver.Version")
                         : QByteArrayLiteral("semver.Version");
    }

    QByteArray print() const override
    {
        if (m_pointer)
            return m_v.toString();
        // A Version value has no String method (it is on the pointer): fmt prints the struct.
        return '{' + QByteArray::number(m_v.major) + ' ' + QByteArray::number(m_v.minor) + ' '
               + QByteArray::number(m_v.patch) + ' ' + m_v.pre + ' ' + m_v.metadata + ' '
               + m_v.original + '}';
    }

    bool hasMethod(const QByteArray &name) const override
    {
        static const QByteArrayList methods = {"String",
                                               "Original",
                                               "Major",
                                               "Minor",
                                               "Patch",
                                               "Prerelease",
                                               "Metadata",
                                               "IncPatch",
                                               "IncMinor",
                                               "IncMajor",
                                               "LessThan",
                                               "GreaterThan",
                                               "Equal",
                                               "Compare"};
        if (!m_pointer)
            return name.startsWith("Inc");
        return methods.contains(name);
    }

    Value callMethod(const QByteArray &name, const QList<Value> &args) override
    {
        if (name == "String")
            return Value::fromString(m_v.toString());
        if (name == "Original")
            return Value::fromString(m_v.original);
        if (name == "Major")
            return Value::fromInt(m_v.major, "int64");
        if (name == "Minor")
            return Value::fromInt(m_v.minor, "int64");
        if (name == "Patch")
            return Value::fromInt(m_v.patch, "int64");
        if (name == "Prerelease")
            return Value::fromString(m_v.pre);
        if (name == "Metadata")
            return Value::fromString(m_v.metadata);
        const QByteArray vPrefix = m_v.original.startsWith('v') ? QByteArrayLiteral("v")
                                                                : QByteArray();
        if (name == "IncPatch" || name == "IncMinor" || name == "IncMajor") {
            Version next = m_v;
            next.metadata.clear();
            if (name == "IncPatch") {
                if (m_v.pre.isEmpty())
                    ++next.patch;
            } else if (name == "IncMinor") {
                next.patch = 0;
                ++next.minor;
            } else {
                next.patch = 0;
                next.minor = 0;
                ++next.major;
            }
            next.pre.clear();
            next.original = vPrefix + next.toString();
            return Value::fromObject(std::make_shared<SemverObject>(next, false));
        }
        if (name == "LessThan" || name == "GreaterThan" || name == "Equal" || name == "Compare") {
            const SemverObject *o = args.size() == 1 && args.at(0).kind() == Value::Kind::Object
                                            ? dynamic_cast<const SemverObject *>(
                                                    args.at(0).object().get())
                                            : nullptr;
            if (!o || !o->m_pointer)
                throw FunctionError("wrong type for value; expected *semver.Version");
            const int d = compare(m_v, o->m_v);
            if (name == "Compare")
                return Value::fromInt(d);
            if (name == "LessThan")
                return Value::fromBool(d < 0);
            if (name == "GreaterThan")
                return Value::fromBool(d > 0);
            return Value::fromBool(d == 0);
        }
        throw FunctionError("can't call method/function \"" + name + "\"");
    }

    QByteArray marshalJson() const override { return quoteString(m_v.toString()); }

private:
    Version m_v;
    bool m_pointer;
};

} // namespace

void addSemverFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    add(makeFunction(
            "semver",
            {"string"},
            nullptr,
            [](const Args &a) {
                Version v;
                QByteArray error;
                if (!newVersion(a.at(0).toString(), &v, &error))
                    fail(error);
                return Value::fromObject(std::make_shared<SemverObject>(v, true));
            },
            true));
    add(makeFunction(
            "semverCompare",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                QByteArray error;
                // NewConstraint runs before NewVersion, so a bad constraint is reported first; the
                // check parses every constraint before testing any, so a dummy version finds it.
                const QByteArray constraint = a.at(0).toString();
                constraintCheck(constraint, Version(), &error);
                if (!error.isEmpty())
                    fail(error);
                Version v;
                if (!newVersion(a.at(1).toString(), &v, &error))
                    fail(error);
                error.clear();
                const bool ok = constraintCheck(constraint, v, &error);
                return Value::fromBool(ok);
            },
            true));
}

} // namespace Stagecraft::Model::Template::Sprig

// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's date functions: v2.20.0 date.go for the names v2 has, v3.2.2 for duration,
// durationRound, mustDateModify and mustToDate.
#include "gotime.h"
#include "sprigutil.h"

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

const GoTime *asTime(const Value &v)
{
    if (v.kind() != Value::Kind::Object)
        return nullptr;
    return dynamic_cast<const GoTime *>(v.object().get());
}

// The date operand of date/dateInZone: time.Time, or Unix seconds as int, int32 or int64;
// anything else means "now", as in Sprig's type switch.
std::shared_ptr<GoTime> dateOperand(const Value &v, bool allowInt32)
{
    if (const GoTime *t = asTime(v))
        return std::make_shared<GoTime>(*t);
    if (v.kind() == Value::Kind::Int) {
        const QByteArray type = v.goType();
        if (type == "int" || type == "int64" || (allowInt32 && type == "int32"))
            return std::make_shared<GoTime>(v.toInt(), 0, GoTime::Zone::Local);
    }
    return GoTime::now();
}

QByteArray dateInZone(const QByteArray &layout, const Value &date, const QByteArray &zoneName)
{
    const std::shared_ptr<GoTime> t = dateOperand(date, true);
    GoTime::Zone zone;
    QByteArray name = zoneName;
    if (!GoTime::loadLocation(zoneName, &zone)) {
        zone = GoTime::Zone::Utc;
        name.clear();
    }
    return t->in(zone, name)->format(layout);
}

Value timeValue(std::shared_ptr<GoTime> t)
{
    return Value::fromObject(std::move(t));
}

} // namespace

void addDateFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    constexpr bool nondet = true;

    add(makeFunction(
            "now", {}, nullptr, [](const Args &) { return timeValue(GoTime::now()); }, false, nondet));
    add(makeFunction(
            "date",
            {"string", "interface {}"},
            nullptr,
            [](const Args &a) {
                return Value::fromString(dateInZone(a.at(0).toString(), a.at(1), "Local"));
            },
            false,
            nondet));
    for (const char *name : {"dateInZone", "date_in_zone"}) {
        add(makeFunction(
                name,
                {"string", "interface {}", "string"},
                nullptr,
                [](const Args &a) {
                    return Value::fromString(
                            dateInZone(a.at(0).toString(), a.at(1), a.at(2).toString()));
                },
                false,
                nondet));
    }
    add(makeFunction(
            "htmlDate",
            {"interface {}"},
            nullptr,
            [](const Args &a) {
                return Value::fromString(dateInZone("2006-01-02", a.at(0), "Local"));
            },
            false,
            nondet));
    add(makeFunction(
            "htmlDateInZone",
            {"interface {}", "string"},
            nullptr,
            [](const Args &a) {
                return Value::fromString(dateInZone("2006-01-02", a.at(0), a.at(1).toString()));
            },
            false,
            nondet));
    for (const char *name : {"dateModify", "date_modify"}) {
        add(makeFunction(
                name,
                {"string", "time.Time"},
                nullptr,
                [](const Args &a) {
                    const GoTime *t = asTime(a.at(1));
                    if (!t)
                        nilDereference();
                    qint64 d;
                    QByteArray error;
                    if (!parseGoDuration(a.at(0).toString(), &d, &error))
                        return a.at(1);
                    return timeValue(t->add(d));
                },
                false,
                nondet));
    }
    for (const char *name : {"mustDateModify", "must_date_modify"}) {
        add(makeFunction(
                name,
                {"string", "time.Time"},
                nullptr,
                [](const Args &a) {
                    const GoTime *t = asTime(a.at(1));
                    if (!t)
                        nilDereference();
                    qint64 d;
                    QByteArray error;
                    if (!parseGoDuration(a.at(0).toString(), &d, &error))
                        fail(error);
                    return timeValue(t->add(d));
                },
                true,
                nondet));
    }
    add(makeFunction(
            "ago",
            {"interface {}"},
            nullptr,
            [](const Args &a) {
                std::shared_ptr<GoTime> t;
                const Value &v = a.at(0);
                if (const GoTime *gt = asTime(v))
                    t = std::make_shared<GoTime>(*gt);
                else if (v.kind() == Value::Kind::Int
                         && (v.goType() == "int" || v.goType() == "int64"))
                    t = std::make_shared<GoTime>(v.toInt(), 0, GoTime::Zone::Local);
                else
                    t = GoTime::now();
                const auto now = GoTime::now();
                qint64 ns = (now->unixSeconds() - t->unixSeconds()) * 1000000000
                            + (now->nanoseconds() - t->nanoseconds());
                // Duration.Round(time.Second): halves away from zero.
                const qint64 r = ns % 1000000000;
                ns -= r;
                if (r >= 500000000)
                    ns += 1000000000;
                else if (r <= -500000000)
                    ns -= 1000000000;
                return Value::fromString(formatGoDuration(ns));
            },
            false,
            nondet));
    add(makeFunction(
            "toDate",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                QByteArray error;
                std::shared_ptr<GoTime> t = GoTime::parse(a.at(0).toString(),
                                                          a.at(1).toString(),
                                                          &error);
                return timeValue(t ? t : GoTime::zero());
            },
            false,
            nondet));
    add(makeFunction(
            "mustToDate",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                QByteArray error;
                std::shared_ptr<GoTime> t = GoTime::parse(a.at(0).toString(),
                                                          a.at(1).toString(),
                                                          &error);
                if (!t)
                    fail(error);
                return timeValue(t);
            },
            true,
            nondet));
    add(makeFunction("unixEpoch", {"time.Time"}, nullptr, [](const Args &a) {
        const GoTime *t = asTime(a.at(0));
        if (!t)
            nilDereference();
        return Value::fromString(QByteArray::number(t->unixSeconds()));
    }));
    add(makeFunction("duration", {"interface {}"}, nullptr, [](const Args &a) {
        const Value &v = a.at(0);
        qint64 n = 0;
        if (v.kind() == Value::Kind::String) {
            bool range = false;
            if (!parseGoInt(v.toString(), 10, &n, &range) && !range)
                n = 0;
        } else if (v.kind() == Value::Kind::Int && v.goType() == "int64") {
            n = v.toInt();
        }
        return Value::fromString(formatGoDuration(qint64(quint64(n) * 1000000000ull)));
    }));
    add(makeFunction("durationRound", {"interface {}"}, nullptr, [](const Args &a) {
        const Value &v = a.at(0);
        qint64 d = 0;
        if (v.kind() == Value::Kind::String) {
            QByteArray error;
            if (!parseGoDuration(v.toString(), &d, &error))
                d = 0;
        } else if (v.kind() == Value::Kind::Int && v.goType() == "int64") {
            d = v.toInt();
        } else if (const GoTime *t = asTime(v)) {
            const auto now = GoTime::now();
            d = (now->unixSeconds() - t->unixSeconds()) * 1000000000
                + (now->nanoseconds() - t->nanoseconds());
        }
        quint64 u = quint64(d);
        if (d < 0)
            u = 0 - u;
        const quint64 second = 1000000000ull;
        const quint64 minute = 60 * second;
        const quint64 hour = 60 * minute;
        const quint64 day = 24 * hour;
        const quint64 month = 30 * day;
        const quint64 year = 365 * day;
        QByteArray out;
        if (u > year)
            out = QByteArray::number(u / year) + "y";
        else if (u > month)
            out = QByteArray::number(u / month) + "mo";
        else if (u > day)
            out = QByteArray::number(u / day) + "d";
        else if (u > hour)
            out = QByteArray::number(u / hour) + "h";
        else if (u > minute)
            out = QByteArray::number(u / minute) + "m";
        else if (u > second)
            out = QByteArray::number(u / second) + "s";
        else
            out = "0s";
        return Value::fromString(out);
    }));
}

} // namespace Stagecraft::Model::Template::Sprig

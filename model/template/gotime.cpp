// SPDX-License-Identifier: GPL-3.0-or-later
#include "gotime.h"

#include "gofmt.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <limits>

namespace Stagecraft::Model::Template {

namespace {

constexpr qint64 zeroUnix = -62135596800; // 0001-01-01T00:00:00Z

const char *const longMonths[] = {"January",
                                  "February",
                                  "March",
                                  "April",
                                  "May",
                                  "June",
                                  "July",
                                  "August",
                                  "September",
                                  "October",
                                  "November",
                                  "December"};
const char *const longDays[]
        = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

QElapsedTimer &processClock()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}

// Days since 1970-01-01 → civil date (proleptic Gregorian).
void civilFromDays(qint64 z, qint64 *y, int *m, int *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

bool isLeap(qint64 y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int daysIn(int month, qint64 year)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeap(year))
        return 29;
    return days[month - 1];
}

QTimeZone qtZone(GoTime::Zone zone, const QByteArray &name)
{
    switch (zone) {
    case GoTime::Zone::Local:
        return QTimeZone::systemTimeZone();
    case GoTime::Zone::Named:
        return QTimeZone(name);
    default:
        return QTimeZone::utc();
    }
}

void appendInt(QByteArray &b, qint64 x, int width)
{
    if (x < 0) {
        b.append('-');
        x = -x;
    }
    QByteArray digits = QByteArray::number(x);
    for (qsizetype i = digits.size(); i < width; ++i)
        b.append('0');
    b.append(digits);
}

enum Std {
    StdNone,
    StdLongMonth,
    StdMonth,
    StdNumMonth,
    StdZeroMonth,
    StdLongWeekDay,
    StdWeekDay,
    StdDay,
    StdUnderDay,
    StdZeroDay,
    StdHour,
    StdHour12,
    StdZeroHour12,
    StdMinute,
    StdZeroMinute,
    StdSecond,
    StdZeroSecond,
    StdLongYear,
    StdYear,
    StdPM,
    Stdpm,
    StdTZ,
    StdISO8601TZ,
    StdISO8601SecondsTZ,
    StdISO8601ShortTZ,
    StdISO8601ColonTZ,
    StdISO8601ColonSecondsTZ,
    StdNumTZ,
    StdNumSecondsTz,
    StdNumShortTZ,
    StdNumColonTZ,
    StdNumColonSecondsTZ,
    StdFracSecond0,
    StdFracSecond9,
};

struct Chunk
{
    qsizetype prefixEnd; // layout[pos:prefixEnd] is literal
    Std std = StdNone;
    qsizetype stdEnd; // layout[prefixEnd:stdEnd] is the std element
    int fracDigits = 0;
    char fracSeparator = '.';
};

bool startsWithLower(const QByteArray &s, qsizetype i)
{
    return i < s.size() && s.at(i) >= 'a' && s.at(i) <= 'z';
}

bool isDigitAt(const QByteArray &s, qsizetype i)
{
    return i < s.size() && s.at(i) >= '0' && s.at(i) <= '9';
}

bool has(const QByteArray &s, qsizetype i, const char *what)
{
    const qsizetype n = qstrlen(what);
    return s.size() >= i + n && s.mid(i, n) == what;
}

// Go 1.17's nextStdChunk over layout[pos:].
Chunk nextStdChunk(const QByteArray &l, qsizetype pos)
{
    const auto make = [](qsizetype i, Std std, qsizetype len) {
        Chunk c;
        c.prefixEnd = i;
        c.std = std;
        c.stdEnd = i + len;
        return c;
    };
    for (qsizetype i = pos; i < l.size(); ++i) {
        switch (l.at(i)) {
        case 'J':
            if (has(l, i, "Jan")) {
                if (has(l, i, "January"))
                    return make(i, StdLongMonth, 7);
                if (!startsWithLower(l, i + 3))
                    return make(i, StdMonth, 3);
            }
            break;
        case 'M':
            if (has(l, i, "Mon")) {
                if (has(l, i, "Monday"))
                    return make(i, StdLongWeekDay, 6);
                if (!startsWithLower(l, i + 3))
                    return make(i, StdWeekDay, 3);
            }
            if (has(l, i, "MST"))
                return make(i, StdTZ, 3);
            break;
        case '0':
            if (i + 1 < l.size() && l.at(i + 1) >= '1' && l.at(i + 1) <= '6') {
                static const Std std0x[] = {StdZeroMonth,
                                            StdZeroDay,
                                            StdZeroHour12,
                                            StdZeroMinute,
                                            StdZeroSecond,
                                            StdYear};
                return make(i, std0x[l.at(i + 1) - '1'], 2);
            }
            break;
        case '1':
            if (i + 1 < l.size() && l.at(i + 1) == '5')
                return make(i, StdHour, 2);
            return make(i, StdNumMonth, 1);
        case '2':
            if (has(l, i, "2006"))
                return make(i, StdLongYear, 4);
            return make(i, StdDay, 1);
        case '_':
            if (i + 1 < l.size() && l.at(i + 1) == '2') {
                if (has(l, i + 1, "2006"))
                    return make(i + 1, StdLongYear, 4);
                return make(i, StdUnderDay, 2);
            }
            break;
        case '3':
            return make(i, StdHour12, 1);
        case '4':
            return make(i, StdMinute, 1);
        case '5':
            return make(i, StdSecond, 1);
        case 'P':
            if (i + 1 < l.size() && l.at(i + 1) == 'M')
                return make(i, StdPM, 2);
            break;
        case 'p':
            if (i + 1 < l.size() && l.at(i + 1) == 'm')
                return make(i, Stdpm, 2);
            break;
        case '-':
            if (has(l, i, "-070000"))
                return make(i, StdNumSecondsTz, 7);
            if (has(l, i, "-07:00:00"))
                return make(i, StdNumColonSecondsTZ, 9);
            if (has(l, i, "-0700"))
                return make(i, StdNumTZ, 5);
            if (has(l, i, "-07:00"))
                return make(i, StdNumColonTZ, 6);
            if (has(l, i, "-07"))
                return make(i, StdNumShortTZ, 3);
            break;
        case 'Z':
            if (has(l, i, "Z070000"))
                return make(i, StdISO8601SecondsTZ, 7);
            if (has(l, i, "Z07:00:00"))
                return make(i, StdISO8601ColonSecondsTZ, 9);
            if (has(l, i, "Z0700"))
                return make(i, StdISO8601TZ, 5);
            if (has(l, i, "Z07:00"))
                return make(i, StdISO8601ColonTZ, 6);
            if (has(l, i, "Z07"))
                return make(i, StdISO8601ShortTZ, 3);
            break;
        case '.':
        case ',':
            if (i + 1 < l.size() && (l.at(i + 1) == '0' || l.at(i + 1) == '9')) {
                const char ch = l.at(i + 1);
                qsizetype j = i + 1;
                while (j < l.size() && l.at(j) == ch)
                    ++j;
                if (!isDigitAt(l, j)) {
                    Chunk c = make(i, ch == '0' ? StdFracSecond0 : StdFracSecond9, j - i);
                    c.fracDigits = int(j - (i + 1));
                    c.fracSeparator = l.at(i);
                    return c;
                }
            }
            break;
        default:
            break;
        }
    }
    Chunk c;
    c.prefixEnd = l.size();
    c.stdEnd = l.size();
    return c;
}

bool isZoneStd(Std s)
{
    return s >= StdISO8601TZ && s <= StdNumColonSecondsTZ;
}

bool isISOStd(Std s)
{
    return s >= StdISO8601TZ && s <= StdISO8601ColonSecondsTZ;
}

// time's own quote() for error messages.
QByteArray timeQuote(const QByteArray &s)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out("\"");
    for (qsizetype i = 0; i < s.size();) {
        int w;
        const char32_t c = decodeRune(s, i, &w);
        if (c >= 0x80 || c < ' ') {
            for (int j = 0; j < w; ++j) {
                const unsigned char b = static_cast<unsigned char>(s.at(i + j));
                out.append("\\x");
                out.append(hex[b >> 4]);
                out.append(hex[b & 0xF]);
            }
        } else {
            if (c == '"' || c == '\\')
                out.append('\\');
            out.append(char(c));
        }
        i += w;
    }
    out.append('"');
    return out;
}

} // namespace

GoTime::GoTime(
        qint64 unixSeconds, int nanoseconds, Zone zone, const QByteArray &zoneName, int fixedOffset)
    : m_sec(unixSeconds)
    , m_nsec(nanoseconds)
    , m_zone(zone)
    , m_zoneName(zoneName)
    , m_fixedOffset(fixedOffset)
{}

std::shared_ptr<GoTime> GoTime::now()
{
    const qint64 elapsed = processClock().nsecsElapsed();
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    auto t = std::make_shared<GoTime>(floorDiv(ms, 1000),
                                      int((ms - floorDiv(ms, 1000) * 1000) * 1000000)
                                              + int(elapsed % 1000000),
                                      Zone::Local);
    t->m_mono = elapsed + 1;
    return t;
}

std::shared_ptr<GoTime> GoTime::zero()
{
    return std::make_shared<GoTime>(zeroUnix, 0, Zone::Utc);
}

bool GoTime::loadLocation(const QByteArray &name, Zone *zone)
{
    if (name.isEmpty() || name == "UTC") {
        *zone = Zone::Utc;
        return true;
    }
    if (name == "Local") {
        *zone = Zone::Local;
        return true;
    }
    if (name.contains("..") || name.startsWith('/') || name.contains('\\'))
        return false;
    if (!QTimeZone::isTimeZoneIdAvailable(name))
        return false;
    *zone = Zone::Named;
    return true;
}

int GoTime::offset(QByteArray *abbreviation) const
{
    if (m_zone == Zone::Utc) {
        if (abbreviation)
            *abbreviation = "UTC";
        return 0;
    }
    if (m_zone == Zone::Fixed) {
        if (abbreviation)
            *abbreviation = m_zoneName;
        return m_fixedOffset;
    }
    const QTimeZone tz = qtZone(m_zone, m_zoneName);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(m_sec, Qt::UTC);
    if (abbreviation) {
        *abbreviation = tz.abbreviation(at).toUtf8();
        if (abbreviation->startsWith("UTC") && abbreviation->size() > 3) {
            // Qt spells zones without an abbreviation "UTC+03:00"; tzdata (and Go) say "+03".
            const int off = tz.offsetFromUtc(at);
            QByteArray s(off < 0 ? "-" : "+");
            const int a = std::abs(off);
            appendInt(s, a / 3600, 2);
            if (a % 3600)
                appendInt(s, (a % 3600) / 60, 2);
            *abbreviation = s;
        }
    }
    return tz.offsetFromUtc(at);
}

std::shared_ptr<GoTime> GoTime::in(Zone zone, const QByteArray &zoneName) const
{
    return std::make_shared<GoTime>(m_sec, m_nsec, zone, zoneName);
}

std::shared_ptr<GoTime> GoTime::add(qint64 ns) const
{
    qint64 sec = m_sec + ns / 1000000000;
    qint64 nsec = m_nsec + ns % 1000000000;
    if (nsec >= 1000000000) {
        ++sec;
        nsec -= 1000000000;
    } else if (nsec < 0) {
        --sec;
        nsec += 1000000000;
    }
    auto t = std::make_shared<GoTime>(sec, int(nsec), m_zone, m_zoneName, m_fixedOffset);
    if (m_mono)
        t->m_mono = *m_mono + ns;
    return t;
}

QByteArray GoTime::format(const QByteArray &layout) const
{
    QByteArray name;
    const int off = offset(&name);
    const qint64 local = m_sec + off;
    const qint64 days = floorDiv(local, 86400);
    const qint64 secOfDay = local - days * 86400;
    qint64 year;
    int month;
    int day;
    civilFromDays(days, &year, &month, &day);
    const int hour = int(secOfDay / 3600);
    const int min = int(secOfDay % 3600 / 60);
    const int sec = int(secOfDay % 60);
    const int weekday = int(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday

    QByteArray b;
    qsizetype pos = 0;
    while (pos < layout.size()) {
        const Chunk c = nextStdChunk(layout, pos);
        b.append(layout.mid(pos, c.prefixEnd - pos));
        if (c.std == StdNone)
            break;
        pos = c.stdEnd;
        switch (c.std) {
        case StdYear:
            appendInt(b, (year < 0 ? -year : year) % 100, 2);
            break;
        case StdLongYear:
            appendInt(b, year, 4);
            break;
        case StdMonth:
            b.append(QByteArray(longMonths[month - 1]).left(3));
            break;
        case StdLongMonth:
            b.append(longMonths[month - 1]);
            break;
        case StdNumMonth:
            appendInt(b, month, 0);
            break;
        case StdZeroMonth:
            appendInt(b, month, 2);
            break;
        case StdWeekDay:
            b.append(QByteArray(longDays[weekday]).left(3));
            break;
        case StdLongWeekDay:
            b.append(longDays[weekday]);
            break;
        case StdDay:
            appendInt(b, day, 0);
            break;
        case StdUnderDay:
            if (day < 10)
                b.append(' ');
            appendInt(b, day, 0);
            break;
        case StdZeroDay:
            appendInt(b, day, 2);
            break;
        case StdHour:
            appendInt(b, hour, 2);
            break;
        case StdHour12:
        case StdZeroHour12: {
            int hr = hour % 12;
            if (hr == 0)
                hr = 12;
            appendInt(b, hr, c.std == StdZeroHour12 ? 2 : 0);
            break;
        }
        case StdMinute:
            appendInt(b, min, 0);
            break;
        case StdZeroMinute:
            appendInt(b, min, 2);
            break;
        case StdSecond:
            appendInt(b, sec, 0);
            break;
        case StdZeroSecond:
            appendInt(b, sec, 2);
            break;
        case StdPM:
            b.append(hour >= 12 ? "PM" : "AM");
            break;
        case Stdpm:
            b.append(hour >= 12 ? "pm" : "am");
            break;
        case StdTZ:
            if (!name.isEmpty()) {
                b.append(name);
            } else {
                int zone = off / 60;
                b.append(zone < 0 ? '-' : '+');
                zone = std::abs(zone);
                appendInt(b, zone / 60, 2);
                appendInt(b, zone % 60, 2);
            }
            break;
        case StdFracSecond0:
        case StdFracSecond9: {
            QByteArray digits = QByteArray::number(m_nsec).rightJustified(9, '0');
            int n = std::min(c.fracDigits, 9);
            if (c.std == StdFracSecond9) {
                while (n > 0 && digits.at(n - 1) == '0')
                    --n;
                if (n == 0)
                    break;
            }
            b.append(c.fracSeparator);
            b.append(digits.left(n));
            break;
        }
        default:
            if (isZoneStd(c.std)) {
                if (off == 0 && isISOStd(c.std)) {
                    b.append('Z');
                    break;
                }
                int zone = off / 60;
                int absoffset = off;
                if (zone < 0) {
                    b.append('-');
                    zone = -zone;
                    absoffset = -absoffset;
                } else {
                    b.append('+');
                }
                appendInt(b, zone / 60, 2);
                if (c.std == StdISO8601ColonTZ || c.std == StdNumColonTZ
                    || c.std == StdISO8601ColonSecondsTZ || c.std == StdNumColonSecondsTZ)
                    b.append(':');
                if (c.std != StdNumShortTZ && c.std != StdISO8601ShortTZ)
                    appendInt(b, zone % 60, 2);
                if (c.std == StdISO8601SecondsTZ || c.std == StdNumSecondsTz
                    || c.std == StdNumColonSecondsTZ || c.std == StdISO8601ColonSecondsTZ) {
                    if (c.std == StdNumColonSecondsTZ || c.std == StdISO8601ColonSecondsTZ)
                        b.append(':');
                    appendInt(b, absoffset % 60, 2);
                }
            }
            break;
        }
    }
    return b;
}

namespace {

bool getNum(const QByteArray &v, qsizetype &p, bool fixed, int *out)
{
    if (!isDigitAt(v, p))
        return false;
    if (!isDigitAt(v, p + 1)) {
        if (fixed)
            return false;
        *out = v.at(p) - '0';
        p += 1;
        return true;
    }
    *out = (v.at(p) - '0') * 10 + (v.at(p + 1) - '0');
    p += 2;
    return true;
}

bool lookupName(
        const char *const *tab, int count, int len, const QByteArray &v, qsizetype &p, int *out)
{
    for (int i = 0; i < count; ++i) {
        const QByteArray name = len > 0 ? QByteArray(tab[i]).left(len) : QByteArray(tab[i]);
        if (v.size() - p >= name.size() && v.mid(p, name.size()).toLower() == name.toLower()) {
            *out = i;
            p += name.size();
            return true;
        }
    }
    return false;
}

bool atoiPart(const QByteArray &s, int *out)
{
    bool ok = false;
    *out = s.toInt(&ok);
    return ok && !s.isEmpty() && (s.at(0) != '+');
}

// A simplified parseTimeZone: 3-5 upper-case letters (ending in T, or ChST/MeST), GMT±h, or +hh.
qsizetype parseTimeZone(const QByteArray &v, qsizetype p)
{
    const qsizetype n = v.size() - p;
    if (n < 3)
        return 0;
    if (n >= 4 && (v.mid(p, 4) == "ChST" || v.mid(p, 4) == "MeST"))
        return 4;
    if (v.mid(p, 3) == "GMT") {
        qsizetype q = p + 3;
        if (q < v.size() && (v.at(q) == '+' || v.at(q) == '-')) {
            ++q;
            while (isDigitAt(v, q))
                ++q;
        }
        return q - p;
    }
    if (v.at(p) == '+' || v.at(p) == '-') {
        qsizetype q = p + 1;
        while (isDigitAt(v, q) && q - p <= 4)
            ++q;
        return (q - p == 3 || q - p == 5) ? q - p : 0;
    }
    qsizetype q = p;
    while (q < v.size() && v.at(q) >= 'A' && v.at(q) <= 'Z')
        ++q;
    const qsizetype len = q - p;
    if (len == 3 || len == 4 || (len == 5 && v.at(p + 4) == 'T')) {
        if (len == 4 && v.at(p + 3) != 'T')
            return 0;
        return len;
    }
    return 0;
}

} // namespace

std::shared_ptr<GoTime> GoTime::parse(const QByteArray &layout,
                                      const QByteArray &value,
                                      QByteArray *error)
{
    const auto parseError = [&](const QByteArray &layoutElem,
                                const QByteArray &valueElem,
                                const QByteArray &message) {
        if (message.isEmpty()) {
            *error = "parsing time " + timeQuote(value) + " as " + timeQuote(layout)
                     + ": cannot parse " + timeQuote(valueElem) + " as " + timeQuote(layoutElem);
        } else {
            *error = "parsing time " + timeQuote(value) + message;
        }
        return std::shared_ptr<GoTime>();
    };
    qsizetype lp = 0;
    qsizetype vp = 0;
    bool amSet = false;
    bool pmSet = false;
    qint64 year = 0;
    int month = -1;
    int day = -1;
    int hour = 0;
    int min = 0;
    int sec = 0;
    int nsec = 0;
    bool utc = false;
    int zoneOffset = -1;
    bool hasOffset = false;
    QByteArray zoneName;
    const auto parseNanos = [&](qsizetype p, int nbytes, int *out, QByteArray *range) {
        if (!(p < value.size() && (value.at(p) == '.' || value.at(p) == ',')))
            return false;
        int ns = 0;
        for (int i = 1; i < nbytes; ++i) {
            if (!isDigitAt(value, p + i))
                return false;
            ns = ns * 10 + (value.at(p + i) - '0');
        }
        for (int i = nbytes; i < 10; ++i)
            ns *= 10;
        if (ns < 0 || ns >= 1000000000)
            *range = "fractional second";
        *out = ns;
        return true;
    };
    while (true) {
        const Chunk c = nextStdChunk(layout, lp);
        const QByteArray prefix = layout.mid(lp, c.prefixEnd - lp);
        const QByteArray stdstr = layout.mid(c.prefixEnd, c.stdEnd - c.prefixEnd);
        // skip(value, prefix)
        {
            qsizetype pp = 0;
            bool bad = false;
            while (pp < prefix.size()) {
                if (prefix.at(pp) == ' ') {
                    if (vp < value.size() && value.at(vp) != ' ') {
                        bad = true;
                        break;
                    }
                    while (pp < prefix.size() && prefix.at(pp) == ' ')
                        ++pp;
                    while (vp < value.size() && value.at(vp) == ' ')
                        ++vp;
                    continue;
                }
                if (vp >= value.size() || value.at(vp) != prefix.at(pp)) {
                    bad = true;
                    break;
                }
                ++pp;
                ++vp;
            }
            if (bad)
                return parseError(prefix, value.mid(vp), {});
        }
        if (c.std == StdNone) {
            if (vp < value.size())
                return parseError({}, {}, ": extra text: " + timeQuote(value.mid(vp)));
            break;
        }
        lp = c.stdEnd;
        const qsizetype hold = vp;
        bool ok = true;
        QByteArray range;
        switch (c.std) {
        case StdYear: {
            if (value.size() - vp < 2) {
                ok = false;
                break;
            }
            int y;
            ok = atoiPart(value.mid(vp, 2), &y);
            if (ok) {
                vp += 2;
                year = y >= 69 ? y + 1900 : y + 2000;
            }
            break;
        }
        case StdLongYear: {
            if (value.size() - vp < 4 || !isDigitAt(value, vp)) {
                ok = false;
                break;
            }
            int y;
            ok = atoiPart(value.mid(vp, 4), &y);
            year = y;
            vp += 4;
            break;
        }
        case StdMonth:
            ok = lookupName(longMonths, 12, 3, value, vp, &month);
            ++month;
            break;
        case StdLongMonth:
            ok = lookupName(longMonths, 12, 0, value, vp, &month);
            ++month;
            break;
        case StdNumMonth:
        case StdZeroMonth:
            ok = getNum(value, vp, c.std == StdZeroMonth, &month);
            if (ok && (month <= 0 || month > 12))
                range = "month";
            break;
        case StdWeekDay: {
            int ignored;
            ok = lookupName(longDays, 7, 3, value, vp, &ignored);
            break;
        }
        case StdLongWeekDay: {
            int ignored;
            ok = lookupName(longDays, 7, 0, value, vp, &ignored);
            break;
        }
        case StdDay:
        case StdUnderDay:
        case StdZeroDay:
            if (c.std == StdUnderDay && vp < value.size() && value.at(vp) == ' ')
                ++vp;
            ok = getNum(value, vp, c.std == StdZeroDay, &day);
            break;
        case StdHour:
            ok = getNum(value, vp, false, &hour);
            if (hour < 0 || hour >= 24)
                range = "hour";
            break;
        case StdHour12:
        case StdZeroHour12:
            ok = getNum(value, vp, c.std == StdZeroHour12, &hour);
            if (hour < 0 || hour > 12)
                range = "hour";
            break;
        case StdMinute:
        case StdZeroMinute:
            ok = getNum(value, vp, c.std == StdZeroMinute, &min);
            if (min < 0 || min >= 60)
                range = "minute";
            break;
        case StdSecond:
        case StdZeroSecond: {
            ok = getNum(value, vp, c.std == StdZeroSecond, &sec);
            if (sec < 0 || sec >= 60) {
                range = "second";
                break;
            }
            if (value.size() - vp >= 2 && (value.at(vp) == '.' || value.at(vp) == ',')
                && isDigitAt(value, vp + 1)) {
                const Chunk next = nextStdChunk(layout, lp);
                if (next.std == StdFracSecond0 || next.std == StdFracSecond9)
                    break;
                int n = 2;
                while (isDigitAt(value, vp + n))
                    ++n;
                ok = parseNanos(vp, n, &nsec, &range);
                vp += n;
            }
            break;
        }
        case StdPM:
        case Stdpm: {
            if (value.size() - vp < 2) {
                ok = false;
                break;
            }
            const QByteArray p = value.mid(vp, 2);
            vp += 2;
            if (p == (c.std == StdPM ? "PM" : "pm"))
                pmSet = true;
            else if (p == (c.std == StdPM ? "AM" : "am"))
                amSet = true;
            else
                ok = false;
            break;
        }
        case StdTZ: {
            if (value.mid(vp, 3) == "UTC") {
                utc = true;
                vp += 3;
                break;
            }
            const qsizetype n = parseTimeZone(value, vp);
            if (n == 0) {
                ok = false;
                break;
            }
            zoneName = value.mid(vp, n);
            vp += n;
            break;
        }
        case StdFracSecond0: {
            const int ndigit = 1 + c.fracDigits;
            if (value.size() - vp < ndigit) {
                ok = false;
                break;
            }
            ok = parseNanos(vp, ndigit, &nsec, &range);
            vp += ndigit;
            break;
        }
        case StdFracSecond9: {
            if (value.size() - vp < 2 || !(value.at(vp) == '.' || value.at(vp) == ',')
                || !isDigitAt(value, vp + 1))
                break;
            int i = 0;
            while (i < 9 && isDigitAt(value, vp + i + 1))
                ++i;
            ok = parseNanos(vp, 1 + i, &nsec, &range);
            vp += 1 + i;
            break;
        }
        default: {
            // numeric zones
            const Std s = c.std;
            if ((s == StdISO8601TZ || s == StdISO8601ShortTZ || s == StdISO8601ColonTZ)
                && vp < value.size() && value.at(vp) == 'Z') {
                ++vp;
                utc = true;
                break;
            }
            QByteArray sign, hh, mm, ss;
            const qsizetype left = value.size() - vp;
            const QByteArray v = value.mid(vp);
            if (s == StdISO8601ColonTZ || s == StdNumColonTZ) {
                if (left < 6 || v.at(3) != ':') {
                    ok = false;
                    break;
                }
                sign = v.left(1), hh = v.mid(1, 2), mm = v.mid(4, 2), ss = "00";
                vp += 6;
            } else if (s == StdNumShortTZ || s == StdISO8601ShortTZ) {
                if (left < 3) {
                    ok = false;
                    break;
                }
                sign = v.left(1), hh = v.mid(1, 2), mm = "00", ss = "00";
                vp += 3;
            } else if (s == StdISO8601ColonSecondsTZ || s == StdNumColonSecondsTZ) {
                if (left < 9 || v.at(3) != ':' || v.at(6) != ':') {
                    ok = false;
                    break;
                }
                sign = v.left(1), hh = v.mid(1, 2), mm = v.mid(4, 2), ss = v.mid(7, 2);
                vp += 9;
            } else if (s == StdISO8601SecondsTZ || s == StdNumSecondsTz) {
                if (left < 7) {
                    ok = false;
                    break;
                }
                sign = v.left(1), hh = v.mid(1, 2), mm = v.mid(3, 2), ss = v.mid(5, 2);
                vp += 7;
            } else {
                if (left < 5) {
                    ok = false;
                    break;
                }
                sign = v.left(1), hh = v.mid(1, 2), mm = v.mid(3, 2), ss = "00";
                vp += 5;
            }
            int h = 0, m = 0, sc = 0;
            ok = atoiPart(hh, &h) && atoiPart(mm, &m) && atoiPart(ss, &sc);
            zoneOffset = (h * 60 + m) * 60 + sc;
            if (sign == "-")
                zoneOffset = -zoneOffset;
            else if (sign != "+")
                ok = false;
            hasOffset = ok;
            break;
        }
        }
        if (!range.isEmpty())
            return parseError({}, {}, ": " + range + " out of range");
        if (!ok)
            return parseError(stdstr, value.mid(hold), {});
    }
    if (pmSet && hour < 12)
        hour += 12;
    else if (amSet && hour == 12)
        hour = 0;
    if (month < 0)
        month = 1;
    if (day < 0)
        day = 1;
    if (day < 1 || day > daysIn(month, year))
        return parseError({}, {}, ": day out of range");
    const qint64 civil = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
    if (utc)
        return std::make_shared<GoTime>(civil, nsec, Zone::Utc);
    const QTimeZone local = QTimeZone::systemTimeZone();
    if (hasOffset) {
        const qint64 unix = civil - zoneOffset;
        QByteArray localName;
        GoTime probe(unix, nsec, Zone::Local);
        if (probe.offset(&localName) == zoneOffset && (zoneName.isEmpty() || zoneName == localName))
            return std::make_shared<GoTime>(unix, nsec, Zone::Local);
        return std::make_shared<GoTime>(unix, nsec, Zone::Fixed, zoneName, zoneOffset);
    }
    if (!zoneName.isEmpty()) {
        GoTime probe(civil, nsec, Zone::Local);
        QByteArray localName;
        const int off = probe.offset(&localName);
        if (localName == zoneName)
            return std::make_shared<GoTime>(civil - off, nsec, Zone::Local);
        int fixed = 0;
        if (zoneName.size() > 3 && zoneName.startsWith("GMT"))
            fixed = zoneName.mid(3).toInt() * 3600;
        return std::make_shared<GoTime>(civil - fixed, nsec, Zone::Fixed, zoneName, fixed);
    }
    // Local wall clock → instant, the way time.Date resolves it.
    const int guess = local.offsetFromUtc(QDateTime::fromSecsSinceEpoch(civil, Qt::UTC));
    qint64 unix = civil - guess;
    const int second = local.offsetFromUtc(QDateTime::fromSecsSinceEpoch(unix, Qt::UTC));
    if (second != guess)
        unix = civil - second;
    return std::make_shared<GoTime>(unix, nsec, Zone::Local);
}

QByteArray GoTime::goType() const
{
    return QByteArrayLiteral("time.Time");
}

QByteArray GoTime::print() const
{
    QByteArray s = format("2006-01-02 15:04:05.999999999 -0700 MST");
    if (m_mono) {
        quint64 m2 = quint64(*m_mono < 0 ? -*m_mono : *m_mono);
        s.append(" m=");
        s.append(*m_mono < 0 ? '-' : '+');
        const quint64 m1 = m2 / 1000000000;
        m2 %= 1000000000;
        const quint64 m0 = m1 / 1000000000;
        const quint64 m1r = m1 % 1000000000;
        int wid = 0;
        if (m0 != 0) {
            appendInt(s, qint64(m0), 0);
            wid = 9;
        }
        appendInt(s, qint64(m1r), wid);
        s.append('.');
        appendInt(s, qint64(m2), 9);
    }
    return s;
}

bool GoTime::hasMethod(const QByteArray &name) const
{
    static const QByteArrayList methods = {"Format",
                                           "Unix",
                                           "UnixNano",
                                           "Year",
                                           "Day",
                                           "Hour",
                                           "Minute",
                                           "Second",
                                           "Nanosecond",
                                           "UTC",
                                           "Local",
                                           "String",
                                           "IsZero",
                                           "YearDay",
                                           "Month",
                                           "Weekday",
                                           "Add"};
    return methods.contains(name);
}

Value GoTime::callMethod(const QByteArray &name, const QList<Value> &args)
{
    const qint64 local = m_sec + offset();
    const qint64 days = floorDiv(local, 86400);
    const qint64 secOfDay = local - days * 86400;
    qint64 year;
    int month;
    int day;
    civilFromDays(days, &year, &month, &day);
    if (name == "Format") {
        if (args.size() != 1 || args.at(0).kind() != Value::Kind::String)
            throw FunctionError("wrong number of args for Format: want 1");
        return Value::fromString(format(args.at(0).toString()));
    }
    if (name == "Unix")
        return Value::fromInt(m_sec, "int64");
    if (name == "UnixNano")
        return Value::fromInt(qint64(quint64(m_sec) * 1000000000ull + quint64(m_nsec)), "int64");
    if (name == "Year")
        return Value::fromInt(year);
    if (name == "Day")
        return Value::fromInt(day);
    if (name == "Hour")
        return Value::fromInt(secOfDay / 3600);
    if (name == "Minute")
        return Value::fromInt(secOfDay % 3600 / 60);
    if (name == "Second")
        return Value::fromInt(secOfDay % 60);
    if (name == "Nanosecond")
        return Value::fromInt(m_nsec);
    if (name == "YearDay")
        return Value::fromInt(days - daysFromCivil(year, 1, 1) + 1);
    if (name == "Month")
        return Value::fromString(longMonths[month - 1]);
    if (name == "Weekday")
        return Value::fromString(longDays[((days % 7) + 11) % 7]);
    if (name == "UTC")
        return Value::fromObject(in(Zone::Utc));
    if (name == "Local")
        return Value::fromObject(in(Zone::Local));
    if (name == "String")
        return Value::fromString(print());
    if (name == "IsZero")
        return Value::fromBool(m_sec == zeroUnix && m_nsec == 0);
    if (name == "Add") {
        if (args.size() != 1 || args.at(0).kind() != Value::Kind::Int)
            throw FunctionError("wrong number of args for Add: want 1");
        return Value::fromObject(add(args.at(0).toInt()));
    }
    throw FunctionError("can't call method/function \"" + name + "\"");
}

QByteArray GoTime::marshalJson() const
{
    return '"' + format("2006-01-02T15:04:05.999999999Z07:00") + '"';
}

bool parseGoDuration(const QByteArray &orig, qint64 *out, QByteArray *error)
{
    const auto invalid = [&] {
        *error = "time: invalid duration " + timeQuote(orig);
        return false;
    };
    QByteArray s = orig;
    quint64 d = 0;
    bool neg = false;
    if (!s.isEmpty() && (s.at(0) == '-' || s.at(0) == '+')) {
        neg = s.at(0) == '-';
        s = s.mid(1);
    }
    if (s == "0") {
        *out = 0;
        return true;
    }
    if (s.isEmpty())
        return invalid();
    while (!s.isEmpty()) {
        if (!(s.at(0) == '.' || (s.at(0) >= '0' && s.at(0) <= '9')))
            return invalid();
        // integer part
        qsizetype i = 0;
        quint64 v = 0;
        bool overflow = false;
        while (i < s.size() && s.at(i) >= '0' && s.at(i) <= '9') {
            if (v > (quint64(1) << 63) / 10)
                overflow = true;
            v = v * 10 + quint64(s.at(i) - '0');
            if (v > quint64(1) << 63)
                overflow = true;
            ++i;
        }
        if (overflow)
            return invalid();
        const bool pre = i > 0;
        quint64 f = 0;
        double scale = 1;
        bool post = false;
        if (i < s.size() && s.at(i) == '.') {
            ++i;
            const qsizetype start = i;
            bool stop = false;
            while (i < s.size() && s.at(i) >= '0' && s.at(i) <= '9') {
                if (!stop) {
                    if (f > (quint64(1) << 63) / 10) {
                        stop = true;
                    } else {
                        f = f * 10 + quint64(s.at(i) - '0');
                        scale *= 10;
                    }
                }
                ++i;
            }
            post = i != start;
        }
        if (!pre && !post)
            return invalid();
        const qsizetype ustart = i;
        while (i < s.size() && s.at(i) != '.' && !(s.at(i) >= '0' && s.at(i) <= '9'))
            ++i;
        if (i == ustart) {
            *error = "time: missing unit in duration " + timeQuote(orig);
            return false;
        }
        const QByteArray u = s.mid(ustart, i - ustart);
        quint64 unit;
        if (u == "ns")
            unit = 1;
        else if (u == "us" || u == "\xc2\xb5s" || u == "\xce\xbcs")
            unit = 1000;
        else if (u == "ms")
            unit = 1000000;
        else if (u == "s")
            unit = 1000000000;
        else if (u == "m")
            unit = 60000000000ull;
        else if (u == "h")
            unit = 3600000000000ull;
        else {
            *error = "time: unknown unit " + timeQuote(u) + " in duration " + timeQuote(orig);
            return false;
        }
        if (v > (quint64(1) << 63) / unit)
            return invalid();
        v *= unit;
        if (f > 0) {
            v += quint64(double(f) * (double(unit) / scale));
            if (v > quint64(1) << 63)
                return invalid();
        }
        d += v;
        if (d > quint64(1) << 63)
            return invalid();
        s = s.mid(i);
    }
    if (neg) {
        *out = qint64(0 - d);
        return true;
    }
    if (d > quint64(std::numeric_limits<qint64>::max()))
        return invalid();
    *out = qint64(d);
    return true;
}

QByteArray formatGoDuration(qint64 d)
{
    char buf[32];
    int w = sizeof buf;
    quint64 u = quint64(d);
    const bool neg = d < 0;
    if (neg)
        u = 0 - u;
    const auto fmtFrac = [&](quint64 v, int prec) {
        bool print = false;
        for (int i = 0; i < prec; ++i) {
            const int digit = int(v % 10);
            print = print || digit != 0;
            if (print)
                buf[--w] = char('0' + digit);
            v /= 10;
        }
        if (print)
            buf[--w] = '.';
        return v;
    };
    const auto fmtInt = [&](quint64 v) {
        if (v == 0) {
            buf[--w] = '0';
        } else {
            while (v > 0) {
                buf[--w] = char('0' + v % 10);
                v /= 10;
            }
        }
    };
    if (u < 1000000000ull) {
        int prec = 0;
        buf[--w] = 's';
        if (u == 0)
            return QByteArrayLiteral("0s");
        if (u < 1000ull) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < 1000000ull) {
            prec = 3;
            buf[--w] = char(0xB5);
            buf[--w] = char(0xC2);
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        u = fmtFrac(u, prec);
        fmtInt(u);
    } else {
        buf[--w] = 's';
        u = fmtFrac(u, 9);
        fmtInt(u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            fmtInt(u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                fmtInt(u);
            }
        }
    }
    if (neg)
        buf[--w] = '-';
    return QByteArray(buf + w, int(sizeof buf) - w);
}

} // namespace Stagecraft::Model::Template

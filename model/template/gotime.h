// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sprigutil.h"
#include "value.h"

#include <QByteArray>
#include <QTimeZone>

#include <optional>

namespace Stagecraft::Model::Template {

/**
 * Go's time.Time: an instant (Unix seconds and nanoseconds), a location (UTC, Local, an IANA zone
 * or a fixed offset) and, for time.Now(), a monotonic clock reading that String() prints as
 * `m=+0.000123456`. Format() takes Go layouts ("2006-01-02T15:04:05Z07:00").
 */
class GoTime : public Object, public Sprig::JsonMarshaler
{
public:
    enum class Zone { Utc, Local, Named, Fixed };

    GoTime(qint64 unixSeconds,
           int nanoseconds,
           Zone zone,
           const QByteArray &zoneName = {},
           int fixedOffset = 0);

    /** time.Now(), with a monotonic reading. */
    static std::shared_ptr<GoTime> now();
    /** The zero Time: January 1, year 1, 00:00:00 UTC. */
    static std::shared_ptr<GoTime> zero();
    /** time.LoadLocation; false for an unknown zone name. "" and "UTC" give UTC. */
    static bool loadLocation(const QByteArray &name, Zone *zone);

    qint64 unixSeconds() const { return m_sec; }
    int nanoseconds() const { return m_nsec; }
    /** UTC offset in seconds at this instant, and the zone abbreviation Go prints for MST. */
    int offset(QByteArray *abbreviation = nullptr) const;

    /** A copy in another location (t.In(loc)); drops the monotonic reading like Go. */
    std::shared_ptr<GoTime> in(Zone zone, const QByteArray &zoneName = {}) const;
    /** t.Add(d) with d in nanoseconds; keeps the monotonic reading. */
    std::shared_ptr<GoTime> add(qint64 nanoseconds) const;

    /** Time.Format with a Go layout. */
    QByteArray format(const QByteArray &layout) const;

    /** time.ParseInLocation(layout, value, Local); on failure returns null and Go's message. */
    static std::shared_ptr<GoTime> parse(const QByteArray &layout,
                                         const QByteArray &value,
                                         QByteArray *error);

    QByteArray goType() const override;
    QByteArray print() const override;
    bool hasMethod(const QByteArray &name) const override;
    Value callMethod(const QByteArray &name, const QList<Value> &args) override;
    QByteArray marshalJson() const override;

private:
    qint64 m_sec;
    int m_nsec;
    Zone m_zone;
    QByteArray m_zoneName;
    int m_fixedOffset;
    std::optional<qint64> m_mono; // nanoseconds since process start
};

/** time.ParseDuration; false with Go's message on error. */
bool parseGoDuration(const QByteArray &s, qint64 *nanoseconds, QByteArray *error);

/** time.Duration.String(): "1h2m3.5s", "1.5µs", "0s". */
QByteArray formatGoDuration(qint64 nanoseconds);

} // namespace Stagecraft::Model::Template

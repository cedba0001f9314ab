// SPDX-License-Identifier: GPL-3.0-or-later
#include "doublestar.h"

#include "gofmt.h"

#include <QList>

namespace Stagecraft::Model::Template {

namespace {

struct BadPattern
{};

char32_t runeAt(const QByteArray &s, qsizetype i, int *width)
{
    const uchar c = uchar(s.at(i));
    if (c < 0x80) {
        *width = 1;
        return c;
    }
    return decodeRune(s, i, width);
}

/** Matches one path component (no separators in either) from the given offsets. */
bool matchComponent(const QByteArray &p, qsizetype pi, const QByteArray &n, qsizetype ni)
{
    while (pi < p.size()) {
        const char c = p.at(pi);
        if (c == '*') {
            // Collapse runs of '*' and try every split of the rest of the name.
            while (pi < p.size() && p.at(pi) == '*')
                ++pi;
            if (pi == p.size())
                return true;
            for (qsizetype k = ni; k <= n.size(); ++k) {
                if (matchComponent(p, pi, n, k))
                    return true;
            }
            return false;
        }
        if (c == '{') {
            // Alternatives: {a,b,c}; each alternative is followed by the rest of the pattern.
            int depth = 0;
            qsizetype close = -1;
            QList<QByteArray> alternatives;
            QByteArray current;
            for (qsizetype i = pi + 1; i < p.size(); ++i) {
                const char d = p.at(i);
                if (d == '\\' && i + 1 < p.size()) {
                    current += d;
                    current += p.at(++i);
                    continue;
                }
                if (d == '{')
                    ++depth;
                if (d == '}') {
                    if (depth == 0) {
                        close = i;
                        break;
                    }
                    --depth;
                }
                if (d == ',' && depth == 0) {
                    alternatives.append(current);
                    current.clear();
                    continue;
                }
                current += d;
            }
            if (close < 0)
                throw BadPattern{};
            alternatives.append(current);
            const QByteArray rest = p.mid(close + 1);
            for (const QByteArray &alt : std::as_const(alternatives)) {
                if (matchComponent(alt + rest, 0, n, ni))
                    return true;
            }
            return false;
        }
        if (ni >= n.size())
            return false;
        int nw = 1;
        const char32_t nr = runeAt(n, ni, &nw);
        if (c == '?') {
            ++pi;
            ni += nw;
            continue;
        }
        if (c == '[') {
            qsizetype i = pi + 1;
            bool negate = false;
            if (i < p.size() && (p.at(i) == '!' || p.at(i) == '^')) {
                negate = true;
                ++i;
            }
            bool matched = false;
            bool first = true;
            for (;;) {
                if (i >= p.size())
                    throw BadPattern{};
                if (p.at(i) == ']' && !first)
                    break;
                first = false;
                int w = 1;
                char32_t lo = 0;
                if (p.at(i) == '\\') {
                    if (++i >= p.size())
                        throw BadPattern{};
                }
                lo = runeAt(p, i, &w);
                i += w;
                char32_t hi = lo;
                if (i + 1 < p.size() && p.at(i) == '-' && p.at(i + 1) != ']') {
                    ++i;
                    if (p.at(i) == '\\') {
                        if (++i >= p.size())
                            throw BadPattern{};
                    }
                    hi = runeAt(p, i, &w);
                    i += w;
                }
                if (lo <= nr && nr <= hi)
                    matched = true;
            }
            if (matched == negate)
                return false;
            pi = i + 1;
            ni += nw;
            continue;
        }
        qsizetype pc = pi;
        if (c == '\\') {
            ++pc;
            if (pc >= p.size())
                throw BadPattern{};
        }
        int pw = 1;
        const char32_t pr = runeAt(p, pc, &pw);
        if (pr != nr)
            return false;
        pi = pc + pw;
        ni += nw;
    }
    return ni == n.size();
}

bool matchComponents(const QList<QByteArray> &p,
                     qsizetype pi,
                     const QList<QByteArray> &n,
                     qsizetype ni)
{
    while (pi < p.size()) {
        if (p.at(pi) == "**") {
            // Skip consecutive "**" components; then try every remaining suffix of the name.
            while (pi < p.size() && p.at(pi) == "**")
                ++pi;
            if (pi == p.size())
                return true;
            for (qsizetype k = ni; k < n.size(); ++k) {
                if (matchComponents(p, pi, n, k))
                    return true;
            }
            return false;
        }
        if (ni >= n.size())
            return false;
        if (!matchComponent(p.at(pi), 0, n.at(ni), 0))
            return false;
        ++pi;
        ++ni;
    }
    return ni == n.size();
}

} // namespace

bool doublestarMatch(const QByteArray &pattern, const QByteArray &name, bool *badPattern)
{
    if (badPattern)
        *badPattern = false;
    try {
        return matchComponents(pattern.split('/'), 0, name.split('/'), 0);
    } catch (const BadPattern &) {
        if (badPattern)
            *badPattern = true;
        return false;
    }
}

} // namespace Stagecraft::Model::Template

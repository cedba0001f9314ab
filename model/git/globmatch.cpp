// SPDX-License-Identifier: GPL-3.0-or-later
#include "globmatch.h"

#include "common/utf8.h"
#include "gopath.h"

#include <QList>

namespace Stagecraft::Model::GlobMatch {

namespace {

constexpr char32_t RuneError = 0xFFFD;

struct Rune
{
    char32_t value = RuneError;
    qsizetype width = 0;
};

// Go's utf8.DecodeRuneInString: invalid input decodes as RuneError of width 1, empty as width 0.
Rune decodeRune(const QByteArray &s, qsizetype at)
{
    const Utf8::Rune r = Utf8::decode(s, at);
    return {r.value, r.width};
}

QList<char32_t> runes(const QByteArray &s)
{
    QList<char32_t> result;
    for (qsizetype i = 0; i < s.size();) {
        const Rune r = decodeRune(s, i);
        result.append(r.value);
        i += r.width;
    }
    return result;
}

// First index of `c` in `s` from `from`, skipping occurrences preceded by a backslash.
qsizetype indexWithEscaping(const QByteArray &s, qsizetype from, char c)
{
    qsizetype at = s.indexOf(c, from);
    while (at > from && s.at(at - 1) == '\\')
        at = s.indexOf(c, at + 1);
    return at;
}

Result matchComponents(const QList<QByteArray> &pattern,
                       qsizetype patIdx,
                       const QList<QByteArray> &name,
                       qsizetype nameIdx)
{
    const qsizetype patternLen = pattern.size() - patIdx;
    const qsizetype nameLen = name.size() - nameIdx;
    if (patternLen == 0 && nameLen == 0)
        return Result::Match;
    if (patternLen == 0 || nameLen == 0)
        return Result::NoMatch;

    while (patIdx < pattern.size() && nameIdx < name.size()) {
        if (pattern.at(patIdx) == "**") {
            if (++patIdx >= pattern.size())
                return Result::Match;
            for (; nameIdx < name.size(); ++nameIdx) {
                // doublestar ignores errors from the nested attempts here.
                if (matchComponents(pattern, patIdx, name, nameIdx) == Result::Match)
                    return Result::Match;
            }
            return Result::NoMatch;
        }
        const Result r = matchComponent(pattern.at(patIdx), name.at(nameIdx));
        if (r != Result::Match)
            return r;
        ++patIdx;
        ++nameIdx;
    }
    return (patIdx >= pattern.size() && nameIdx >= name.size()) ? Result::Match : Result::NoMatch;
}

} // namespace

Result matchComponent(const QByteArray &pattern, const QByteArray &name)
{
    const qsizetype patternLen = pattern.size();
    const qsizetype nameLen = name.size();
    if (patternLen == 0 && nameLen == 0)
        return Result::Match;
    if (patternLen == 0)
        return Result::NoMatch;
    if (nameLen == 0 && pattern != "*")
        return Result::NoMatch;

    qsizetype patIdx = 0;
    qsizetype nameIdx = 0;
    while (patIdx < patternLen && nameIdx < nameLen) {
        Rune pat = decodeRune(pattern, patIdx);
        const Rune nm = decodeRune(name, nameIdx);
        if (pat.value == U'\\') {
            patIdx += pat.width;
            pat = decodeRune(pattern, patIdx);
            if (pat.value == RuneError)
                return Result::BadPattern;
            if (pat.value != nm.value)
                return Result::NoMatch;
            patIdx += pat.width;
            nameIdx += nm.width;
        } else if (pat.value == U'*') {
            patIdx += pat.width;
            if (patIdx >= patternLen)
                return Result::Match;
            // Like doublestar, step by the width of the rune where the star started.
            for (; nameIdx < nameLen; nameIdx += nm.width) {
                if (matchComponent(pattern.mid(patIdx), name.mid(nameIdx)) == Result::Match)
                    return Result::Match;
            }
            return Result::NoMatch;
        } else if (pat.value == U'[') {
            patIdx += pat.width;
            const qsizetype endClass = indexWithEscaping(pattern, patIdx, ']');
            if (endClass < 0)
                return Result::BadPattern;
            const QList<char32_t> cls = runes(pattern.mid(patIdx, endClass - patIdx));
            if (cls.isEmpty())
                return Result::BadPattern;
            qsizetype i = 0;
            bool matchClass = false;
            const bool negated = cls.at(0) == U'^';
            if (negated)
                ++i;
            while (i < cls.size()) {
                char32_t low = cls.at(i);
                if (low == U'-')
                    return Result::BadPattern;
                ++i;
                if (low == U'\\') {
                    if (i >= cls.size())
                        return Result::BadPattern;
                    low = cls.at(i++);
                }
                char32_t high = low;
                if (i < cls.size() && cls.at(i) == U'-') {
                    if (++i >= cls.size())
                        return Result::BadPattern;
                    high = cls.at(i);
                    if (high == U'-')
                        return Result::BadPattern;
                    ++i;
                    if (high == U'\\') {
                        if (i >= cls.size())
                            return Result::BadPattern;
                        high = cls.at(i++);
                    }
                }
                if (low <= nm.value && nm.value <= high)
                    matchClass = true;
            }
            if (matchClass == negated)
                return Result::NoMatch;
            patIdx = endClass + 1;
            nameIdx += nm.width;
        } else if (pat.value == U'{') {
            patIdx += pat.width;
            const qsizetype endOptions = indexWithEscaping(pattern, patIdx, '}');
            if (endOptions < 0)
                return Result::BadPattern;
            const QList<QByteArray> options = GoPath::splitEscaped(pattern.mid(patIdx,
                                                                               endOptions - patIdx),
                                                                   ',');
            const QByteArray rest = pattern.mid(endOptions + 1);
            const QByteArray nameRest = name.mid(nameIdx);
            for (const QByteArray &option : options) {
                const Result r = matchComponent(option + rest, nameRest);
                if (r != Result::NoMatch)
                    return r;
            }
            return Result::NoMatch;
        } else if (pat.value == U'?' || pat.value == nm.value) {
            patIdx += pat.width;
            nameIdx += nm.width;
        } else {
            return Result::NoMatch;
        }
    }
    if (patIdx >= patternLen && nameIdx >= nameLen)
        return Result::Match;
    const QByteArray rest = pattern.mid(patIdx);
    if ((nameIdx >= nameLen && rest == "*") || rest == "**")
        return Result::Match;
    return Result::NoMatch;
}

Result pathMatch(const QByteArray &pattern, const QByteArray &name)
{
    return matchComponents(GoPath::splitEscaped(pattern), 0, GoPath::splitEscaped(name), 0);
}

} // namespace Stagecraft::Model::GlobMatch

// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerignore.h"

#include "common/tr.h"
#include "git/gopath.h"

#include <QDir>
#include <QFile>

namespace Stagecraft::Model {

namespace {

QString clean(const QString &path)
{
    return QString::fromUtf8(GoPath::clean(path.toUtf8()));
}

// Docker's Pattern.compile, turned into a PCRE pattern with the same meaning as the Go regexp it
// builds: characters without a special role in the glob go into the expression unchanged (so
// `[a-z]` stays a character class, as in Docker).
QString toRegularExpression(const QString &pattern)
{
    QString re = QStringLiteral("^");
    const QList<uint> chars = pattern.toUcs4();
    const qsizetype n = chars.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char32_t c = chars.at(i);
        if (c == U'*') {
            if (i + 1 < n && chars.at(i + 1) == U'*') {
                ++i;
                if (i + 1 < n && chars.at(i + 1) == U'/')
                    ++i;
                if (i + 1 >= n)
                    re += u".*";
                else
                    re += u"(.*/)?";
            } else {
                re += u"[^/]*";
            }
        } else if (c == U'?') {
            re += u"[^/]";
        } else if (c == U'.' || c == U'$') {
            re += u'\\' + QString::fromUcs4(&c, 1);
        } else if (c == U'\\') {
            if (i + 1 < n) {
                const char32_t next = chars.at(++i);
                re += u'\\' + QString::fromUcs4(&next, 1);
            } else {
                re += u"\\\\";
            }
        } else {
            re += QString::fromUcs4(&c, 1);
        }
    }
    // Go's `$` only matches at the very end of the text.
    return re + u"\\z";
}

// filepath.Match(pattern, ".") succeeds for every well-formed pattern; what it rejects is an
// unterminated character class or a trailing escape.
bool isWellFormed(const QString &pattern)
{
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            if (i + 1 >= pattern.size())
                return false;
            ++i;
        } else if (c == u'[') {
            qsizetype j = i + 1;
            if (j < pattern.size() && pattern.at(j) == u'^')
                ++j;
            bool closed = false;
            bool any = false;
            for (; j < pattern.size(); ++j) {
                if (pattern.at(j) == u'\\') {
                    ++j;
                    any = true;
                    continue;
                }
                if (pattern.at(j) == u']' && any) {
                    closed = true;
                    break;
                }
                any = true;
            }
            if (!closed)
                return false;
            i = j;
        }
    }
    return true;
}

} // namespace

std::optional<DockerIgnore> DockerIgnore::read(const QString &contextDir, QString *error)
{
    QFile file(QDir(contextDir).filePath(QStringLiteral(".dockerignore")));
    if (!file.exists())
        return DockerIgnore();
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    return fromText(file.readAll(), error);
}

std::optional<DockerIgnore> DockerIgnore::fromText(const QByteArray &input, QString *error)
{
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    QList<QByteArray> lines = text.split('\n');
    DockerIgnore result;
    for (QByteArray &raw : lines) {
        if (raw.endsWith('\r'))
            raw.chop(1);
        // dockerignore.ReadAll: a '#' in the first column is a comment, then trim and clean.
        if (raw.startsWith('#'))
            continue;
        QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        const bool invert = line.startsWith(u'!');
        if (invert)
            line = line.mid(1).trimmed();
        if (!line.isEmpty()) {
            line = clean(line);
            if (line.size() > 1 && line.startsWith(u'/'))
                line = line.mid(1);
        }
        if (invert)
            line.prepend(u'!');

        // fileutils.NewPatternMatcher: trim and clean again, then the exception mark.
        QString p = clean(line.trimmed());
        Pattern pattern;
        if (p.startsWith(u'!')) {
            if (p.size() == 1) {
                if (error)
                    *error = QStringLiteral("illegal exclusion pattern: \"!\"");
                return std::nullopt;
            }
            pattern.exclusion = true;
            p = p.mid(1);
        }
        if (!isWellFormed(p)) {
            if (error)
                *error = QStringLiteral("syntax error in pattern");
            return std::nullopt;
        }
        pattern.cleaned = p;
        pattern.dirs = int(p.count(u'/')) + 1;
        pattern.regexp.setPattern(toRegularExpression(p));
        if (!pattern.regexp.isValid()) {
            if (error)
                *error = QStringLiteral("syntax error in pattern");
            return std::nullopt;
        }
        result.m_patterns.append(pattern);
    }
    return result;
}

bool DockerIgnore::matches(const QString &file) const
{
    if (m_patterns.isEmpty())
        return false;
    // filepath.Dir, and the parent's components for the "a parent directory matches" rule.
    const qsizetype slash = file.lastIndexOf(u'/');
    const QString parent = slash < 0 ? QStringLiteral(".") : clean(file.left(slash));
    const QStringList parentDirs = parent.split(u'/');
    bool matched = false;
    for (const Pattern &pattern : m_patterns) {
        bool match = pattern.regexp.match(file).hasMatch();
        if (!match && parent != u"." && pattern.dirs <= parentDirs.size()) {
            const QString prefix = parentDirs.mid(0, pattern.dirs).join(u'/');
            match = pattern.regexp.match(prefix).hasMatch();
        }
        if (match)
            matched = !pattern.exclusion;
    }
    return matched;
}

QStringList DockerIgnore::patterns() const
{
    QStringList list;
    for (const Pattern &p : m_patterns)
        list.append(p.exclusion ? u'!' + p.cleaned : p.cleaned);
    return list;
}

} // namespace Stagecraft::Model

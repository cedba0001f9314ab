// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * A build context's `.dockerignore`, read and matched as werf 1.1 does it: Docker CLI's
 * ReadDockerignore/dockerignore.ReadAll (comments, `!` exceptions, cleaned patterns, a leading
 * '/' dropped) and Docker's fileutils.PatternMatcher (patterns compiled to regular expressions,
 * `**` across directories, the last matching pattern wins, and a file also counts as matched
 * when a pattern matches one of its parent directories).
 */
class DockerIgnore
{
public:
    DockerIgnore() = default;

    /**
     * Reads `<contextDir>/.dockerignore` (no file: no patterns). nullopt with the error werf
     * would report for an unreadable file or a bad pattern.
     */
    static std::optional<DockerIgnore> read(const QString &contextDir, QString *error);
    /** From the lines of a .dockerignore file. */
    static std::optional<DockerIgnore> fromText(const QByteArray &text, QString *error);

    /** PatternMatcher.Matches: is the path (relative to the context, '/'-separated) ignored? */
    bool matches(const QString &path) const;

    /** The patterns as werf lists them (cleaned, exceptions with their '!'). */
    QStringList patterns() const;
    bool isEmpty() const { return m_patterns.isEmpty(); }

private:
    struct Pattern
    {
        QString cleaned;
        int dirs = 0;
        bool exclusion = false;
        QRegularExpression regexp;
    };

    QList<Pattern> m_patterns;
};

} // namespace Stagecraft::Model

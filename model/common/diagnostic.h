// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Stagecraft::Model {

/** A place in a source file: 1-based line and column (code points), and the byte offset. */
struct SourceLocation
{
    QString file;
    qint64 offset = -1;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty() && line > 0; }
    /** "FILE:LINE:COL", or just "FILE" when the position is unknown. */
    QString toString() const;

    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

enum class Severity {
    Error,
    Warning,
    Note,
};

/** One problem found while loading a project: the message is werf's text where werf has one. */
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString message;
    SourceLocation location;

    /** "FILE:LINE:COL: error: MESSAGE", the format of `stagecraft lint`. */
    QString toString() const;

    static Diagnostic error(const QString &message, const SourceLocation &location = {});
    static Diagnostic warning(const QString &message, const SourceLocation &location = {});
    static Diagnostic note(const QString &message, const SourceLocation &location = {});
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
QString severityName(Severity severity);

} // namespace Stagecraft::Model

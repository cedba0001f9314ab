// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostic.h"

#include <algorithm>

namespace Stagecraft::Model {

QString SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    return file + u':' + QString::number(line) + u':' + QString::number(std::max(column, 1));
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return {};
}

QString Diagnostic::toString() const
{
    const QString where = location.toString();
    const QString head = severityName(severity) + QStringLiteral(": ") + message;
    return where.isEmpty() ? head : where + QStringLiteral(": ") + head;
}

Diagnostic Diagnostic::error(const QString &message, const SourceLocation &location)
{
    return {Severity::Error, message, location};
}

Diagnostic Diagnostic::warning(const QString &message, const SourceLocation &location)
{
    return {Severity::Warning, message, location};
}

Diagnostic Diagnostic::note(const QString &message, const SourceLocation &location)
{
    return {Severity::Note, message, location};
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    });
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Stagecraft::Model {

/** A line and a column, both 1-based; the column counts Unicode code points from the line start. */
struct LineColumn
{
    int line = 0;
    int column = 0;
};

/**
 * Maps byte offsets of a UTF-8 text to lines and columns and back.
 *
 * Lines end at '\n'; a '\r' before it belongs to the line ending, so CRLF files number their lines
 * the way editors and werf do. Invalid UTF-8 bytes count as one column each.
 */
class TextIndex
{
public:
    TextIndex() = default;
    explicit TextIndex(const QByteArray &text);

    const QByteArray &text() const { return m_text; }
    qsizetype lineCount() const { return m_lineStarts.size(); }

    /** Offset must lie in [0, text().size()]; out-of-range values are clamped. */
    LineColumn lineColumn(qsizetype offset) const;
    /** Byte offset of the start of a 1-based line (clamped). */
    qsizetype lineStart(int line) const;
    /** Byte offset one past the last content byte of a 1-based line (before "\r\n" or "\n"). */
    qsizetype lineEnd(int line) const;
    /** Byte offset of a 1-based line and column (clamped to the line). */
    qsizetype offset(int line, int column) const;

private:
    QByteArray m_text;
    QList<qsizetype> m_lineStarts;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <vector>

namespace Stagecraft::Model {

/**
 * Lines and code-point columns of byte offsets in a region of a text. Columns of the most recent
 * line are counted from checkpoints every few KiB, so a very long line (a minified file) costs
 * linear, not quadratic, time.
 */
class LineLocator
{
public:
    LineLocator(const QByteArray &text, qint64 begin, qint64 end, int firstLine);

    /** 1-based line and column of offset (clamped to the region). */
    void locate(qint64 offset, int *line, int *column);

private:
    const QByteArray &m_text;
    qint64 m_begin;
    qint64 m_end;
    int m_firstLine;
    std::vector<qint64> m_lineStarts;
    static constexpr qint64 s_step = 64;
    size_t m_checkLine = size_t(-1);
    std::vector<int> m_checkpoints; ///< column at lineStart + k * s_step
};

} // namespace Stagecraft::Model

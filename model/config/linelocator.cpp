// SPDX-License-Identifier: GPL-3.0-or-later
#include "linelocator.h"

#include <algorithm>

namespace Stagecraft::Model {

LineLocator::LineLocator(const QByteArray &text, qint64 begin, qint64 end, int firstLine)
    : m_text(text)
    , m_begin(begin)
    , m_end(end)
    , m_firstLine(firstLine)
{
    m_lineStarts.push_back(begin);
    for (qint64 i = begin; i < end; ++i) {
        if (text.at(i) == '\n')
            m_lineStarts.push_back(i + 1);
    }
}

void LineLocator::locate(qint64 offset, int *line, int *column)
{
    offset = std::clamp(offset, m_begin, m_end);
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const size_t index = size_t(std::max<std::ptrdiff_t>(0, (it - m_lineStarts.begin()) - 1));
    const qint64 lineStart = m_lineStarts[index];
    if (index != m_checkLine) {
        m_checkLine = index;
        m_checkpoints.assign(1, 1);
    }
    const char *data = m_text.constData();
    auto count = [data](qint64 from, qint64 to, int col) {
        for (qint64 i = from; i < to; ++i) {
            // count code points: UTF-8 continuation bytes do not start one
            if ((uchar(data[i]) & 0xC0) != 0x80)
                ++col;
        }
        return col;
    };
    const size_t k = size_t((offset - lineStart) / s_step);
    while (m_checkpoints.size() <= k) {
        const qint64 from = lineStart + qint64(m_checkpoints.size() - 1) * s_step;
        m_checkpoints.push_back(count(from, std::min(from + s_step, m_end), m_checkpoints.back()));
    }
    const int col = count(lineStart + qint64(k) * s_step, offset, m_checkpoints[k]);
    *line = m_firstLine + int(index);
    *column = col;
}

} // namespace Stagecraft::Model

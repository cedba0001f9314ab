// SPDX-License-Identifier: GPL-3.0-or-later
#include "textindex.h"

#include <algorithm>

namespace Stagecraft::Model {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

TextIndex::TextIndex(const QByteArray &text)
    : m_text(text)
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (m_text.at(i) == '\n')
            m_lineStarts.append(i + 1);
    }
}

LineColumn TextIndex::lineColumn(qsizetype offset) const
{
    if (m_lineStarts.isEmpty())
        return {1, 1};
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    const int lineIndex = int(it - m_lineStarts.cbegin()) - 1;
    int column = 1;
    for (qsizetype i = m_lineStarts.at(lineIndex); i < offset; ++i) {
        if (!isContinuationByte(m_text.at(i)))
            ++column;
    }
    return {lineIndex + 1, column};
}

qsizetype TextIndex::lineStart(int line) const
{
    if (m_lineStarts.isEmpty())
        return 0;
    line = std::clamp(line, 1, int(m_lineStarts.size()));
    return m_lineStarts.at(line - 1);
}

qsizetype TextIndex::lineEnd(int line) const
{
    if (m_lineStarts.isEmpty())
        return 0;
    line = std::clamp(line, 1, int(m_lineStarts.size()));
    qsizetype end = line < m_lineStarts.size() ? m_lineStarts.at(line) - 1 : m_text.size();
    if (line < m_lineStarts.size() && end > m_lineStarts.at(line - 1) && m_text.at(end - 1) == '\r')
        --end;
    return end;
}

qsizetype TextIndex::offset(int line, int column) const
{
    qsizetype pos = lineStart(line);
    const qsizetype end = lineEnd(line);
    for (int c = 1; c < column && pos < end; ++c) {
        ++pos;
        while (pos < end && isContinuationByte(m_text.at(pos)))
            ++pos;
    }
    return pos;
}

} // namespace Stagecraft::Model

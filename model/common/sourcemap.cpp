// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcemap.h"

#include <algorithm>

namespace Stagecraft::Model {

SourceMap SourceMap::identity(const QString &file, const QByteArray &text)
{
    SourceMap map;
    const int index = map.addFile(file, text);
    map.appendLiteral(index, 0, text.size());
    return map;
}

int SourceMap::addFile(const QString &path, const QByteArray &text)
{
    for (int i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).path == path)
            return i;
    }
    m_files.append({path, TextIndex(text)});
    return int(m_files.size()) - 1;
}

int SourceMap::addFile(const QString &path, const TextIndex &index)
{
    for (int i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).path == path)
            return i;
    }
    m_files.append({path, index});
    return int(m_files.size()) - 1;
}

QString SourceMap::filePath(int file) const
{
    return file >= 0 && file < m_files.size() ? m_files.at(file).path : QString();
}

const TextIndex &SourceMap::fileIndex(int file) const
{
    static const TextIndex empty;
    return file >= 0 && file < m_files.size() ? m_files.at(file).index : empty;
}

void SourceMap::appendLiteral(int file,
                              qint64 sourceStart,
                              qint64 length,
                              const QStringList &context)
{
    if (length <= 0)
        return;
    if (!m_segments.isEmpty()) {
        Segment &last = m_segments.last();
        if (last.kind == Kind::Literal && last.file == file && last.sourceEnd == sourceStart
            && last.context == context) {
            last.sourceEnd += length;
            last.renderedEnd += length;
            m_length += length;
            return;
        }
    }
    m_segments.append({m_length,
                       m_length + length,
                       Kind::Literal,
                       file,
                       sourceStart,
                       sourceStart + length,
                       context});
    m_length += length;
}

void SourceMap::appendGenerated(
        int file, qint64 actionStart, qint64 actionEnd, qint64 length, const QStringList &context)
{
    if (length <= 0)
        return;
    if (!m_segments.isEmpty()) {
        Segment &last = m_segments.last();
        if (last.kind == Kind::Generated && last.file == file && last.sourceStart == actionStart
            && last.sourceEnd == actionEnd && last.context == context) {
            last.renderedEnd += length;
            m_length += length;
            return;
        }
    }
    m_segments.append(
            {m_length, m_length + length, Kind::Generated, file, actionStart, actionEnd, context});
    m_length += length;
}

void SourceMap::append(const SourceMap &other)
{
    QList<int> fileMap;
    fileMap.reserve(other.m_files.size());
    for (const File &f : other.m_files)
        fileMap.append(addFile(f.path, f.index));
    for (const Segment &s : other.m_segments) {
        const qint64 length = s.renderedEnd - s.renderedStart;
        if (s.kind == Kind::Literal)
            appendLiteral(fileMap.at(s.file), s.sourceStart, length, s.context);
        else
            appendGenerated(fileMap.at(s.file), s.sourceStart, s.sourceEnd, length, s.context);
    }
}

const SourceMap::Segment *SourceMap::segmentAt(qint64 renderedOffset) const
{
    if (renderedOffset < 0 || renderedOffset >= m_length)
        return nullptr;
    const auto it = std::upper_bound(m_segments.cbegin(),
                                     m_segments.cend(),
                                     renderedOffset,
                                     [](qint64 offset, const Segment &s) {
                                         return offset < s.renderedEnd;
                                     });
    return it == m_segments.cend() ? nullptr : &*it;
}

SourceLocation SourceMap::locationIn(int file, qint64 offset) const
{
    const LineColumn lc = fileIndex(file).lineColumn(offset);
    return {filePath(file), offset, lc.line, lc.column};
}

SourceMap::Origin SourceMap::origin(qint64 renderedOffset) const
{
    const Segment *s = segmentAt(renderedOffset);
    if (!s) {
        if (m_segments.isEmpty())
            return {};
        // One past the end: the end of the last segment.
        const Segment &last = m_segments.last();
        const qint64 offset = last.kind == Kind::Literal ? last.sourceEnd : last.sourceStart;
        return {last.kind, locationIn(last.file, offset), last.context};
    }
    if (s->kind == Kind::Literal)
        return {Kind::Literal,
                locationIn(s->file, s->sourceStart + (renderedOffset - s->renderedStart)),
                s->context};
    return {Kind::Generated, locationIn(s->file, s->sourceStart), s->context};
}

SourceLocation SourceMap::location(qint64 renderedOffset) const
{
    return origin(renderedOffset).location;
}

bool SourceMap::isLiteral(qint64 start, qint64 end) const
{
    return sourceRange(start, end).has_value();
}

std::optional<std::pair<int, std::pair<qint64, qint64>>> SourceMap::sourceRange(qint64 start,
                                                                                qint64 end) const
{
    if (start < 0 || end < start || end > m_length)
        return std::nullopt;
    // An empty range is literal when it touches a literal segment (an insertion point).
    const Segment *s = segmentAt(start == end && start > 0 ? start - 1 : start);
    if (!s || s->kind != Kind::Literal)
        return std::nullopt;
    if (end > s->renderedEnd)
        return std::nullopt;
    const qint64 sourceStart = s->sourceStart + (start - s->renderedStart);
    return std::make_pair(s->file, std::make_pair(sourceStart, sourceStart + (end - start)));
}

} // namespace Stagecraft::Model

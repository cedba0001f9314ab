// SPDX-License-Identifier: GPL-3.0-or-later
#include "textedit.h"

#include <algorithm>

namespace Stagecraft::Model {

namespace {

TextEdits sortedEdits(const TextEdits &edits)
{
    TextEdits sorted = edits;
    std::stable_sort(sorted.begin(), sorted.end(), [](const TextEdit &a, const TextEdit &b) {
        return a.offset < b.offset;
    });
    return sorted;
}

bool valid(const TextEdits &sorted, qint64 size)
{
    qint64 previousEnd = 0;
    for (const TextEdit &e : sorted) {
        if (e.offset < previousEnd || e.length < 0 || e.offset + e.length > size)
            return false;
        previousEnd = e.offset + e.length;
    }
    return true;
}

} // namespace

bool applyTextEdits(QByteArray &text, const TextEdits &edits)
{
    const TextEdits sorted = sortedEdits(edits);
    if (!valid(sorted, text.size()))
        return false;
    // Back to front, so that earlier offsets stay valid.
    for (auto it = sorted.crbegin(); it != sorted.crend(); ++it)
        text.replace(it->offset, it->length, it->replacement);
    return true;
}

TextEdits invertTextEdits(const QByteArray &original, const TextEdits &edits)
{
    const TextEdits sorted = sortedEdits(edits);
    TextEdits inverse;
    inverse.reserve(sorted.size());
    qint64 shift = 0;
    for (const TextEdit &e : sorted) {
        inverse.append(
                {e.offset + shift, qint64(e.replacement.size()), original.mid(e.offset, e.length)});
        shift += e.replacement.size() - e.length;
    }
    return inverse;
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Stagecraft::Model {

/**
 * One replacement in a source text: `length` bytes at `offset` become `replacement`.
 *
 * Offsets are UTF-8 byte offsets, the unit of every Span the config layer reports, so an edit
 * computed from a span needs no conversion.
 */
struct TextEdit
{
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray replacement;

    friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

using TextEdits = QList<TextEdit>;

/**
 * Applies non-overlapping edits (in any order) to text. Returns false, leaving text untouched,
 * when two edits overlap or one lies outside the text.
 */
bool applyTextEdits(QByteArray &text, const TextEdits &edits);

/**
 * The edits that undo `edits` once they have been applied to `original`: offsets refer to the
 * edited text, replacements hold the original bytes.
 */
TextEdits invertTextEdits(const QByteArray &original, const TextEdits &edits);

} // namespace Stagecraft::Model

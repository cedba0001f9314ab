// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/textedit.h"

#include <QList>
#include <QUndoCommand>

namespace Stagecraft::Model {

class Document;

/**
 * One user gesture on a Document: a set of source edits and their inverse.
 *
 * Typing commands (typing = true) merge with the typing command before them, so that a typed
 * word is one undo step; gestures from the visual editor never merge.
 */
class TextEditCommand : public QUndoCommand
{
public:
    TextEditCommand(Document *document,
                    const TextEdits &edits,
                    const QString &text,
                    bool typing = false);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    /** Batches applied in order by redo(); undo() applies the inverses backwards. */
    QList<TextEdits> m_forward;
    QList<TextEdits> m_inverse;
    bool m_typing;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "textcommand.h"

#include "document/document.h"

#include <QUndoStack>

namespace Stagecraft::Model {

namespace {
constexpr int typingCommandId = 0x5754; // any constant shared by typing commands only
}

TextEditCommand::TextEditCommand(Document *document,
                                 const TextEdits &edits,
                                 const QString &text,
                                 bool typing)
    : QUndoCommand(text)
    , m_document(document)
    , m_typing(typing)
{
    // The inverse is relative to the text as it is now, right before the first redo().
    m_forward.append(edits);
    m_inverse.append(invertTextEdits(document->text(), edits));
}

void TextEditCommand::redo()
{
    for (const TextEdits &batch : std::as_const(m_forward))
        m_document->applyRaw(batch, m_typing);
}

void TextEditCommand::undo()
{
    for (auto it = m_inverse.crbegin(); it != m_inverse.crend(); ++it)
        m_document->applyRaw(*it, m_typing);
}

int TextEditCommand::id() const
{
    return m_typing ? typingCommandId : -1;
}

bool TextEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const TextEditCommand *>(other);
    if (!m_typing || !next->m_typing || next->m_document != m_document)
        return false;
    // Typing after a save starts a new step, so that undo can return to the saved text.
    if (m_document->undoStack()->isClean())
        return false;
    m_forward << next->m_forward;
    m_inverse << next->m_inverse;
    return true;
}

} // namespace Stagecraft::Model

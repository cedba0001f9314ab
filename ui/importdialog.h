// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/configeditor.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace Stagecraft::Ui {

/**
 * Asks for the parts of a new `import:` that a drag gesture cannot tell: what to copy (`add`,
 * which werf requires) and where (`to`), with the imports stage (before/after) and the source
 * stage (`stage:`) the gesture chose, all changeable.
 */
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const Model::ImportSpec &proposal,
                 const QString &source,
                 const QString &target,
                 QWidget *parent = nullptr);
    ~ImportDialog() override;

    /** The import as the user left it (image/artifact from the proposal). */
    Model::ImportSpec spec() const;

private:
    void updateOk();

    Model::ImportSpec m_proposal;
    QLineEdit *m_add = nullptr;
    QLineEdit *m_to = nullptr;
    QComboBox *m_place = nullptr;
    QComboBox *m_stage = nullptr;
};

} // namespace Stagecraft::Ui

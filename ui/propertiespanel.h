// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QWidget>

#include <optional>

class QLabel;
class QModelIndex;
class QSplitter;
class QTreeWidget;

namespace Stagecraft::Model {
class ConveyorModel;
}

namespace Stagecraft::Ui {

/** Properties of the selected image or stage: read-only rows, and the editor set by setEditor(). */
class PropertiesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesPanel)

public:
    explicit PropertiesPanel(const Model::ConveyorModel &model, QWidget *parent = nullptr);
    ~PropertiesPanel() override;

    /** Shows an image (stage unset) or one of its stages; image -1 clears. */
    void showSelection(int image, std::optional<Model::StageId> stage);
    /** Shows one input row of the model (a directive or an edge under a stage). */
    void showInput(const QModelIndex &input);
    /** The rows as "name\tvalue" lines, for tests and "Copy". */
    QStringList rows() const;
    /**
     * Puts editable fields above the read-only rows (the DocumentController's PropertyEditor);
     * it follows the selection through selectionShown().
     */
    void setEditor(QWidget *editor);

signals:
    /** The user double-clicked a row that names a place in the source. */
    void locationActivated(int line, int column);
    /** The user double-clicked a row that names another image. */
    void imageActivated(int image);
    /** The panel shows an image (stage -1) or a stage (of an input row too); image -1: none. */
    void selectionShown(int image, int stage);

private:
    void addRow(const QString &name,
                const QString &value,
                int line = 0,
                int image = -1,
                int column = 1);

    const Model::ConveyorModel &m_model;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace Stagecraft::Ui

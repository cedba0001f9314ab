// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QWidget>

#include <optional>

class QLabel;
class QModelIndex;
class QTreeWidget;

namespace Stagecraft::Model {
class ConveyorModel;
}

namespace Stagecraft::Ui {

/** Read-only properties of the selected image or stage (editing comes with the editor issue). */
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

signals:
    /** The user double-clicked a row that names a place in the source. */
    void locationActivated(int line, int column);
    /** The user double-clicked a row that names another image. */
    void imageActivated(int image);

private:
    void addRow(const QString &name,
                const QString &value,
                int line = 0,
                int image = -1,
                int column = 1);

    const Model::ConveyorModel &m_model;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Stagecraft::Ui

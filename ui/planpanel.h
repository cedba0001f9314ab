// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace Stagecraft::Model {
class PlanModel;
}

namespace Stagecraft::Ui {

class PlanController;

/**
 * The Plan dock: every stage of the project with its baseline and current signature, whether
 * werf would rebuild it and why, from a PlanController.
 */
class PlanPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanPanel)

public:
    explicit PlanPanel(PlanController &controller, QWidget *parent = nullptr);
    ~PlanPanel() override;

    Model::PlanModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /** The summary line above the list ("3 of 12 stages would be rebuilt ..."). */
    QString summary() const;

signals:
    /** The user activated a stage row: image display name and werf's stage name. */
    void stageActivated(const QString &image, const QString &stage);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    PlanController &m_controller;
    Model::PlanModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_onlyRebuilt = nullptr;
    QPushButton *m_baselineButton = nullptr;
};

} // namespace Stagecraft::Ui

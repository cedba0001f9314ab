// SPDX-License-Identifier: GPL-3.0-or-later
#include "planpanel.h"

#include "models/planmodel.h"
#include "plancontroller.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Stagecraft::Ui {

namespace {

/** With "only stages to rebuild": images with such stages and those stages. */
class RebuildFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setOnlyRebuilt(bool only)
    {
        m_only = only;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_only)
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        const auto kind = Model::StageChange::Kind(index.data(Model::PlanModel::KindRole).toInt());
        return kind == Model::StageChange::Kind::Invalidated
               || kind == Model::StageChange::Kind::Added;
    }

private:
    bool m_only = false;
};

} // namespace

PlanPanel::PlanPanel(PlanController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new Model::PlanModel(this))
{
    auto *filter = new RebuildFilter(this);
    filter->setSourceModel(m_model);
    m_filter = filter;

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_onlyRebuilt = new QCheckBox(this);
    m_baselineButton = new QPushButton(this);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("planView"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(Model::PlanModel::ReasonsColumn, QHeaderView::Stretch);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_onlyRebuilt);
    top->addWidget(m_baselineButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(&m_controller, &PlanController::planFinished, this, &PlanPanel::refresh);
    connect(&m_controller, &PlanController::busyChanged, this, &PlanPanel::refresh);
    connect(m_baselineButton,
            &QPushButton::clicked,
            &m_controller,
            &PlanController::setBaselineFromCurrent);
    connect(m_onlyRebuilt, &QCheckBox::toggled, this, [this, filter](bool on) {
        filter->setOnlyRebuilt(on);
        m_view->expandAll();
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString stage = index.data(Model::PlanModel::StageNameRole).toString();
        if (!stage.isEmpty())
            emit stageActivated(index.data(Model::PlanModel::ImageNameRole).toString(), stage);
    });
    retranslate();
    refresh();
}

PlanPanel::~PlanPanel() = default;

QString PlanPanel::summary() const
{
    return m_summary->text();
}

void PlanPanel::refresh()
{
    if (m_controller.hasResult()) {
        m_model->setChanges(m_controller.result().changes);
        // Open the images that have stages to rebuild; the rest stays one line each.
        for (int r = 0; r < m_filter->rowCount(); ++r) {
            const QModelIndex index = m_filter->index(r, 0);
            m_view->setExpanded(index,
                                index.data(Model::PlanModel::KindRole).toInt()
                                        == int(Model::StageChange::Kind::Invalidated));
        }
        m_view->resizeColumnToContents(Model::PlanModel::NameColumn);
    } else {
        m_model->setChanges({});
    }
    QString text;
    if (m_controller.isBusy())
        text = tr("Planning…");
    else if (!m_controller.hasResult())
        text = m_controller.lastError().isEmpty() ? tr("No plan yet.")
                                                  : tr("No plan: %1").arg(m_controller.lastError());
    else {
        const int total = int(m_controller.result().changes.size());
        text = tr("%1 of %n stage(s) would be rebuilt against the baseline (planned in %2 ms)",
                  "",
                  total)
                       .arg(m_model->rebuildCount())
                       .arg(m_controller.lastPlanMilliseconds());
        if (!m_controller.lastError().isEmpty())
            text += u'\n' + tr("Not updated: %1").arg(m_controller.lastError());
    }
    m_summary->setText(text);
    m_baselineButton->setEnabled(m_controller.hasResult());
}

void PlanPanel::retranslate()
{
    m_onlyRebuilt->setText(tr("Only stages to rebuild"));
    m_baselineButton->setText(tr("Use as baseline"));
    m_baselineButton->setToolTip(
            tr("Take the current signatures as the baseline (as if this version had been built)"));
}

void PlanPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace Stagecraft::Ui

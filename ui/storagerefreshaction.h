// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stagestatus.h"

#include <QAction>

#include <functional>

namespace Stagecraft::Model {
class StorageStatusJob;
struct StoragePlan;
} // namespace Stagecraft::Model

namespace Stagecraft::Ui {

/**
 * "Refresh storage": asks the stages storage which stages of the open project are cached, off
 * the GUI thread, and hands the statuses to the window (MainWindow::setStatuses). While a refresh
 * runs the action is disabled; a storage that cannot be read gives a message, not a dialog storm.
 */
class StorageRefreshAction final : public QAction
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageRefreshAction)

public:
    explicit StorageRefreshAction(QObject *parent = nullptr);
    ~StorageRefreshAction() override;

    /** Where the open project is (the window's config file); empty = nothing to refresh. */
    void setPathProvider(std::function<QString()> provider) { m_path = std::move(provider); }
    Model::StorageStatusJob *job() const { return m_job; }

    void retranslate();

signals:
    void statusesReady(const Stagecraft::Model::StageStatuses &statuses);
    void messageReady(const QString &message);

private:
    void refresh();
    void handleFinished(const Model::StoragePlan &result, const Model::StageStatuses &statuses);

    Model::StorageStatusJob *m_job;
    std::function<QString()> m_path;
};

} // namespace Stagecraft::Ui

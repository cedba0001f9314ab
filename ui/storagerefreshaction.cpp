// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagerefreshaction.h"

#include "storage/dockercredentials.h"
#include "storage/storagestatusjob.h"

namespace Stagecraft::Ui {

StorageRefreshAction::StorageRefreshAction(QObject *parent)
    : QAction(parent)
    , m_job(new Model::StorageStatusJob(this))
{
    // Until app/ gives it the configured storage: local containers-storage, docker's config.
    m_job->setSpec(Model::StorageSpec{}, Model::dockerConfigCredentials());
    retranslate();
    connect(this, &QAction::triggered, this, &StorageRefreshAction::refresh);
    connect(m_job, &Model::StorageStatusJob::finished, this, &StorageRefreshAction::handleFinished);
}

StorageRefreshAction::~StorageRefreshAction() = default;

void StorageRefreshAction::retranslate()
{
    setText(tr("Refresh &Storage"));
    setStatusTip(tr("Look up which stages the stages storage already holds"));
}

void StorageRefreshAction::refresh()
{
    const QString path = m_path ? m_path() : QString();
    if (path.isEmpty())
        return;
    setEnabled(false);
    emit messageReady(tr("Reading the stages storage %1…")
                              .arg(m_job->spec().kind == Model::StorageSpec::Kind::Registry
                                           ? m_job->spec().repository.repositoryAddress()
                                   : m_job->spec().kind == Model::StorageSpec::Kind::Docker
                                           ? QStringLiteral("docker")
                                           : QStringLiteral("local")));
    m_job->start(path);
}

void StorageRefreshAction::handleFinished(const Model::StoragePlan &result,
                                          const Model::StageStatuses &statuses)
{
    setEnabled(true);
    int cached = 0;
    for (const Model::StageStatus status : statuses)
        cached += status == Model::StageStatus::Cached ? 1 : 0;
    if (!result.storageOk && !result.storageError.isEmpty())
        emit messageReady(result.storageError);
    else
        emit messageReady(tr("%n stage(s) cached in %1", "", cached).arg(result.storage));
    emit statusesReady(statuses);
}

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagestatusjob.h"

#include "config/configloader.h"
#include "stagesstorage.h"
#include "storagesession.h"

#include <QPromise>
#include <QThreadPool>

namespace Stagecraft::Model {

StorageStatusJob::StorageStatusJob(QObject *parent)
    : QObject(parent)
{}

StorageStatusJob::~StorageStatusJob()
{
    cancel();
}

void StorageStatusJob::setSpec(const StorageSpec &spec, CredentialProvider credentials)
{
    m_spec = spec;
    m_credentials = std::move(credentials);
}

void StorageStatusJob::start(const QString &path)
{
    cancel();
    const int generation = ++m_generation;
    // A session per run: a worker still waiting on an older one keeps that one alive.
    m_session = std::make_shared<StorageSession>(m_spec, m_credentials);
    const std::shared_ptr<StorageSession> session = m_session;
    StagesStorage *storage = session->storage();
    RegistryClient *registry = session->registry();

    auto promise = std::make_shared<QPromise<StoragePlan>>();
    promise->start();
    QFuture<StoragePlan> future = promise->future();
    QThreadPool::globalInstance()->start([path, storage, registry, promise] {
        const LoadedProject project = loadProject(path);
        StoragePlan result;
        if (!project.ok()) {
            result.storageError = project.diagnostics.isEmpty()
                                          ? QString()
                                          : project.diagnostics.first().toString();
            result.plan.diagnostics = project.diagnostics;
        } else {
            result = planWithStorage(project, storage, registry);
        }
        promise->addResult(result);
        promise->finish();
    });
    m_running = true;
    emit started();
    future.then(this, [this, generation, session](const StoragePlan &result) {
        Q_UNUSED(session) // kept alive until the worker is done with it
        if (generation != m_generation)
            return;
        m_running = false;
        QString error;
        const std::optional<StageStatuses> statuses = statusesFromPlanJson(result.plan.toJson(),
                                                                           &error);
        emit finished(result, statuses.value_or(StageStatuses()));
    });
}

void StorageStatusJob::cancel()
{
    if (m_session)
        m_session->storage()->cancel();
    ++m_generation;
    m_running = false;
}

} // namespace Stagecraft::Model

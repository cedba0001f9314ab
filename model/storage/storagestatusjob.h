// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stagestatus.h"
#include "registryaccess.h"
#include "storageplanner.h"
#include "storagespec.h"

#include <QObject>

#include <memory>

namespace Stagecraft::Model {

class StorageSession;

/**
 * The GUI's hook for "Refresh storage": loads the project and computes its plan against the
 * stages storage off the GUI thread, then emits the per-stage statuses (cached; missing as
 * invalidated, since it will be built; unknown when the storage cannot be read). A new start()
 * supersedes a running one, whose result is dropped.
 */
class StorageStatusJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageStatusJob)

public:
    explicit StorageStatusJob(QObject *parent = nullptr);
    ~StorageStatusJob() override;

    /** The storage to ask next time (default: local containers-storage). */
    void setSpec(const StorageSpec &spec, CredentialProvider credentials);
    const StorageSpec &spec() const { return m_spec; }

    /** Starts for a werf.yaml or project directory (loaded in the worker, like the window). */
    void start(const QString &path);
    /** Cancels what runs: no finished() for it. */
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void started();
    void finished(const Stagecraft::Model::StoragePlan &result,
                  const Stagecraft::Model::StageStatuses &statuses);

private:
    StorageSpec m_spec;
    CredentialProvider m_credentials;
    std::shared_ptr<StorageSession> m_session;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace Stagecraft::Model

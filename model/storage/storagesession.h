// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"
#include "storagespec.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Stagecraft::Model {

class DockerEngineClient;
class RegistryClient;
class StagesStorage;

/**
 * The objects one StorageSpec needs, created together in the calling thread: the stages
 * storage, and a RegistryClient (also used for fromLatest base images) over its own
 * QNetworkAccessManager. The thread must run an event loop while they work.
 */
class StorageSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageSession)

public:
    StorageSession(const StorageSpec &spec,
                   CredentialProvider credentials,
                   QObject *parent = nullptr);
    ~StorageSession() override;

    const StorageSpec &spec() const { return m_spec; }
    StagesStorage *storage() const { return m_storage; }
    RegistryClient *registry() const { return m_registry; }

private:
    StorageSpec m_spec;
    QNetworkAccessManager *m_network = nullptr;
    RegistryClient *m_registry = nullptr;
    DockerEngineClient *m_docker = nullptr;
    StagesStorage *m_storage = nullptr;
};

} // namespace Stagecraft::Model

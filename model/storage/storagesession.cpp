// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagesession.h"

#include "containersstorage.h"
#include "dockerengineclient.h"
#include "dockerstorage.h"
#include "registryclient.h"
#include "registrystorage.h"

#include <QNetworkAccessManager>

namespace Stagecraft::Model {

StorageSession::StorageSession(const StorageSpec &spec,
                               CredentialProvider credentials,
                               QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_network(new QNetworkAccessManager(this))
    , m_registry(new RegistryClient(m_network, this))
{
    m_registry->setCredentialProvider(std::move(credentials));
    m_registry->setHostOptionsProvider(spec.hostOptions());
    m_registry->setTimeout(spec.timeoutMs);
    m_registry->setOperationTimeout(spec.timeLimitMs);
    switch (spec.kind) {
    case StorageSpec::Kind::Local:
        m_storage = new ContainersStorage(spec.containersStorage, this);
        break;
    case StorageSpec::Kind::Docker:
        m_docker = new DockerEngineClient(DockerEngineClient::socketPathOf(spec.dockerHost), this);
        m_storage = new DockerStorage(m_docker, this);
        break;
    case StorageSpec::Kind::Registry:
        m_storage = new RegistryStorage(spec.repository, m_registry, this);
        break;
    }
    m_storage->setTimeout(spec.timeoutMs);
    m_storage->setTimeLimit(spec.timeLimitMs);
}

StorageSession::~StorageSession()
{
    // The storage goes first: it refers to the clients.
    delete m_storage;
    m_storage = nullptr;
}

} // namespace Stagecraft::Model

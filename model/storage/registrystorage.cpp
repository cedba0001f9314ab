// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrystorage.h"

#include "common/tr.h"
#include "registryclient.h"

#include <QPromise>
#include <QTimer>

namespace Stagecraft::Model {

RegistryStorage::RegistryStorage(const RegistryReference &repository,
                                 RegistryClient *client,
                                 QObject *parent)
    : StagesStorage(parent)
    , m_repository(repository)
    , m_client(client)
{}

void RegistryStorage::startListing(const QString &project, const ListingPromise &promise)
{
    Q_UNUSED(project) // a registry repository holds one project's stages
    m_client->setTimeout(timeout());
    m_client->setOperationTimeout(timeLimit());
    const int before = m_client->requestCount();
    QFuture<RegistryTagList> tags = m_client->listTags(m_repository.host, m_repository.repository);
    tags.then(this, [this, promise, before](const RegistryTagList &list) {
        StageListing listing;
        listing.requests = m_client->requestCount() - before;
        listing.warnings = list.result.warnings;
        if (!list.result.ok()) {
            listing.error = list.result.errorString;
        } else {
            listing.ok = true;
            listing.tagCount = int(list.tags.size());
            const QString repo = m_repository.repositoryAddress();
            listing.candidates = candidatesFromTags(list.tags,
                                                    [&repo](const QString &tag) -> QString {
                                                        return repo + u':' + tag;
                                                    });
        }
        promise->addResult(listing);
        promise->finish();
    });
}

void RegistryStorage::startInspection(const StageCandidate &candidate,
                                      const InspectionPromise &promise)
{
    m_client->setTimeout(timeout());
    m_client->setOperationTimeout(timeLimit());
    m_client->imageConfig(m_repository.host, m_repository.repository, candidate.reference, true)
            .then(this, [promise](const RegistryImageConfig &config) {
                StageInspection inspection;
                inspection.ok = config.result.ok();
                inspection.error = config.result.errorString;
                inspection.labels = config.labels;
                inspection.configDigest = config.configDigest;
                promise->addResult(inspection);
                promise->finish();
            });
}

void RegistryStorage::startBaseImageInspection(const QString &reference,
                                               const BaseImagePromise &promise)
{
    BaseImageInspection inspection;
    QString error;
    const std::optional<RegistryReference> image = RegistryReference::parseImage(reference, &error);
    if (!image) {
        inspection.error = error;
        promise->addResult(inspection);
        promise->finish();
        return;
    }
    inspection.source = Tr::tr("the registry %1").arg(image->host);
    m_client->setTimeout(timeout());
    m_client->setOperationTimeout(timeLimit());
    m_client->imageConfig(image->host, image->repository, image->reference(), true)
            .then(this, [promise, inspection](const RegistryImageConfig &config) mutable {
                inspection.ok = config.result.ok();
                inspection.onBuild = config.onBuild;
                if (!inspection.ok)
                    inspection.error = config.result.errorString;
                promise->addResult(inspection);
                promise->finish();
            });
}

void RegistryStorage::abortAll()
{
    m_client->abortAll();
}

} // namespace Stagecraft::Model

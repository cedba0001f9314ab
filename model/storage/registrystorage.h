// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryreference.h"
#include "stagesstorage.h"

namespace Stagecraft::Model {

class RegistryClient;

/**
 * A registry repository as werf's stages storage (`--stages-storage REPO`): stage images are
 * tags `<signature>-<uniqueID>` of the repository (reference §6.1). The listing is one pass over
 * the repository's tag list (with Link pagination), never one request per stage; inspect()
 * reads a candidate's manifest and config blob for its labels.
 */
class RegistryStorage final : public StagesStorage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryStorage)

public:
    /** `client` must live in the same thread as this storage. */
    RegistryStorage(const RegistryReference &repository,
                    RegistryClient *client,
                    QObject *parent = nullptr);

    QString address() const override { return m_repository.repositoryAddress(); }
    const RegistryReference &repository() const { return m_repository; }

protected:
    void startListing(const QString &project, const ListingPromise &promise) override;
    void startInspection(const StageCandidate &candidate, const InspectionPromise &promise) override;
    /** From the image's own registry (its manifest and config blob), with this client. */
    void startBaseImageInspection(const QString &reference,
                                  const BaseImagePromise &promise) override;
    void abortAll() override;

private:
    RegistryReference m_repository;
    RegistryClient *m_client;
};

} // namespace Stagecraft::Model

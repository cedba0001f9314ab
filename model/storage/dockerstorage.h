// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stagesstorage.h"

namespace Stagecraft::Model {

class DockerEngineClient;

/**
 * The local Docker daemon as werf's `:local` stages storage: images
 * `werf-stages-storage/<project>:<signature>-<uniqueID>`, listed with one
 * `GET /images/json?filters={"reference":[…]}` (which carries the labels too). Without a daemon
 * the listing is "not available" (StageListing::available false), one sentence.
 */
class DockerStorage final : public StagesStorage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerStorage)

public:
    /** `client` must live in the same thread as this storage. */
    explicit DockerStorage(DockerEngineClient *client, QObject *parent = nullptr);

    QString address() const override { return QStringLiteral("docker"); }

protected:
    void startListing(const QString &project, const ListingPromise &promise) override;
    void startInspection(const StageCandidate &candidate, const InspectionPromise &promise) override;
    void abortAll() override;

private:
    DockerEngineClient *m_client;
};

} // namespace Stagecraft::Model

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
 *
 * werf looks into its stages-storage cache record of a signature before it asks the daemon and
 * then uses only the images the record lists; so does this listing, with a warning wherever that
 * hides stored images (an empty record makes werf build the stage again).
 */
class DockerStorage final : public StagesStorage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerStorage)

public:
    /** `client` must live in the same thread as this storage. */
    explicit DockerStorage(DockerEngineClient *client, QObject *parent = nullptr);

    QString address() const override { return QStringLiteral("docker"); }

    /**
     * werf's home ($WERF_HOME, else ~/.werf): werf 1.1 keeps its stages-storage cache for
     * `:local` under it (reference §6.2 step 1), and the listing follows those records as werf
     * does. An empty path turns that off.
     */
    void setWerfHome(const QString &path) { m_werfHome = path; }
    QString werfHome() const { return m_werfHome; }
    static QString defaultWerfHome();

protected:
    void startListing(const QString &project, const ListingPromise &promise) override;
    void startInspection(const StageCandidate &candidate, const InspectionPromise &promise) override;
    /** GET /images/{name}/json: Config.OnBuild, as werf 1.1 reads it from the daemon. */
    void startBaseImageInspection(const QString &reference,
                                  const BaseImagePromise &promise) override;
    void abortAll() override;

private:
    DockerEngineClient *m_client;
    QString m_werfHome;
};

} // namespace Stagecraft::Model

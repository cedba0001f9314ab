// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containersstorageoptions.h"
#include "stagesstorage.h"

#include <QThreadPool>

namespace Stagecraft::Model {

/**
 * The local containers-storage that buildah and podman share, as a stages storage: images named
 * `werf-stages-storage/<project>:<signature>-<uniqueID>` (buildah stores them as
 * `localhost/werf-stages-storage/…`).
 *
 * It reads the store's own files instead of running `buildah images --json` and `buildah
 * inspect`: one read of `<root>/<driver>-images/images.json` lists thousands of images in
 * milliseconds, where buildah starts a process that also loads layers and containers, and an
 * inspect per candidate would cost a process each. The files are read-only to us and written
 * atomically (rename) by containers/storage, so no lock is needed. Labels come from the image's
 * config, a "big data" file beside images.json, read only when a candidate is inspected.
 */
class ContainersStorage final : public StagesStorage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersStorage)

public:
    explicit ContainersStorage(const ContainersStorageOptions &options, QObject *parent = nullptr);
    ~ContainersStorage() override;

    QString address() const override { return QStringLiteral("local"); }

    /** The storage root in use: the option, else storage.conf's graphroot, else buildah's default. */
    QString root() const { return m_root; }
    /** The driver in use: the option, else storage.conf's, else the one whose images exist. */
    QString driver() const { return m_driver; }

    /** containers/storage's file name for a big-data key (plain, or "=" + base64). */
    static QString bigDataFileName(const QString &key);

protected:
    void startListing(const QString &project, const ListingPromise &promise) override;
    void startInspection(const StageCandidate &candidate, const InspectionPromise &promise) override;
    /** The image of that name in images.json (docker's name rules), its config big-data item. */
    void startBaseImageInspection(const QString &reference,
                                  const BaseImagePromise &promise) override;
    void abortAll() override;

private:
    QString imagesDir() const;

    QString m_root;
    QString m_driver;
    bool m_explicitRoot = false; ///< a root the user named must exist; the default need not
    std::shared_ptr<std::atomic<int>> m_generation;
    /** Its own pool: callers may wait for listings in the global one. */
    QThreadPool m_pool;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

template<typename T>
class QPromise;

namespace Stagecraft::Model {

/** One stored image of a stage signature (reference §6.1): `<signature>-<uniqueID>`. */
struct StageCandidate
{
    QString signature;
    qint64 uniqueId = 0; ///< UTC milliseconds when werf stored it; werf prefers the oldest
    QString tag;         ///< "<signature>-<uniqueID>"
    QString imageName;   ///< the full name as the storage holds it (what `storedAs` shows)
    QString reference;   ///< what inspect() needs: the tag in a registry, the image ID locally
    /** A `<signature>-<uniqueID>-rejected` tag exists: werf never uses this image. */
    bool rejected = false;
    /** Labels, when the listing already carried them (Docker); else ask inspect(). */
    QMap<QString, QString> labels;
    bool labelsKnown = false;
};

/** What "list the stages of project P" found: every candidate, grouped by signature. */
struct StageListing
{
    bool ok = false;
    /** False when the storage is not there at all (no Docker daemon): not an error storm. */
    bool available = true;
    QString error;        ///< one sentence naming the storage, when !ok
    QStringList warnings; ///< e.g. TLS verification off for an insecure registry
    /** By signature, oldest first; rejected ones included (marked). */
    QHash<QString, QList<StageCandidate>> candidates;
    int requests = 0; ///< requests (or files read) the listing took
    int tagCount = 0; ///< all tags or names seen, stage or not

    /** The candidates werf considers for a signature (§6.2): not rejected, oldest first. */
    QList<StageCandidate> usable(const QString &signature) const;
};

/** The labels of one candidate (werf's werf-git-<paramshash>-commit among them). */
struct StageInspection
{
    bool ok = false;
    QString error;
    QMap<QString, QString> labels;
    QString configDigest; ///< "sha256:…" of the image config, when known
};

/**
 * What a storage's side knows of a Dockerfile image's base (`FROM` an external image): the
 * ONBUILD triggers werf 1.1 hashes into the dockerfile stage (Config.OnBuild of the image).
 */
struct BaseImageInspection
{
    bool ok = false;     ///< the image was found and its config read
    QStringList onBuild; ///< the triggers, in order; empty for an image without any
    QString source;      ///< where it was read, for messages ("containers-storage /var/…")
    QString error;       ///< one sentence, when !ok
};

/**
 * A werf stages storage (reference §6): local containers-storage, the local Docker daemon or a
 * registry repository. All work is asynchronous and happens in the thread this object lives in
 * (it needs an event loop there); listStages() and inspect() may be called from any thread and
 * return futures, so a worker thread may wait on them while the GUI thread keeps running.
 * cancel() ends everything that runs (the futures finish as cancelled); each operation also
 * ends on its own when a request stalls for timeout() or when it takes longer than timeLimit().
 */
class StagesStorage : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StagesStorage)

public:
    explicit StagesStorage(QObject *parent = nullptr);
    ~StagesStorage() override;

    /** What the user named: "local", "docker", "127.0.0.1:5000/project/stages". */
    virtual QString address() const = 0;

    /** One pass over the storage: every stage image of the project, by signature. */
    QFuture<StageListing> listStages(const QString &project);
    /** The labels of one candidate of a listing. */
    QFuture<StageInspection> inspect(const StageCandidate &candidate);
    /**
     * The ONBUILD triggers of an image reference (`localhost/busybox:1.35`, `alpine`), read
     * where this kind of storage keeps or reaches images: the local containers-storage, the
     * Docker daemon, or the image's own registry (config blob).
     */
    QFuture<BaseImageInspection> inspectBaseImage(const QString &reference);

    /** Cancels every running operation (thread-safe). */
    void cancel();

    int timeout() const { return m_timeoutMs.load(); }
    /** Milliseconds a request of an operation may go without progress before it fails. */
    void setTimeout(int milliseconds) { m_timeoutMs.store(milliseconds); }
    int timeLimit() const { return m_timeLimitMs.load(); }
    /** Milliseconds one operation (a listing, an inspect) may take in all, however steadily
     *  its data arrive, before it fails with a timeout message (0 = no limit). */
    void setTimeLimit(int milliseconds) { m_timeLimitMs.store(milliseconds); }

    /**
     * Splits tags into stage candidates with werf's rules (§6.2): a tag is `<signature>-<int>`
     * split at the first '-'; `<signature>-<int>-rejected` marks that image as rejected; any
     * other tag (managed-image-…, client-id-…) is not a stage. `nameOf` gives the full image name.
     */
    static QHash<QString, QList<StageCandidate>> candidatesFromTags(
            const QStringList &tags, const std::function<QString(const QString &)> &nameOf);

protected:
    using ListingPromise = std::shared_ptr<QPromise<StageListing>>;
    using InspectionPromise = std::shared_ptr<QPromise<StageInspection>>;
    using BaseImagePromise = std::shared_ptr<QPromise<BaseImageInspection>>;

    /** Called in this object's thread; must finish the promise exactly once. */
    virtual void startListing(const QString &project, const ListingPromise &promise) = 0;
    virtual void startInspection(const StageCandidate &candidate, const InspectionPromise &promise)
            = 0;
    /** Called in this object's thread; the default says the storage cannot read images. */
    virtual void startBaseImageInspection(const QString &reference, const BaseImagePromise &promise);
    /** Called in this object's thread by cancel(): abort what runs. */
    virtual void abortAll() {}

private:
    std::atomic<int> m_timeoutMs{30000};
    std::atomic<int> m_timeLimitMs{120000};
};

} // namespace Stagecraft::Model

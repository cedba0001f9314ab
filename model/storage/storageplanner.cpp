// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageplanner.h"

#include "common/tr.h"
#include "config/configloader.h"
#include "registryclient.h"
#include "registryreference.h"
#include "storagestagelookup.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <memory>

namespace Stagecraft::Model {

StoragePlan planWithStorage(const LoadedProject &project,
                            StagesStorage *storage,
                            RegistryClient *baseImages,
                            const PlanOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    StoragePlan result;
    result.storage = storage->address();
    PlanOptions planOptions = options;

    QSet<QString> gitImages;
    QStringList fromLatest;
    for (const StapelImage &image : project.config.images) {
        if (!image.git.isEmpty())
            gitImages.insert(image.name);
        if (image.fromLatest.value && !image.from.value.isEmpty() && image.fromImage.value.isEmpty()
            && image.fromImageArtifact.value.isEmpty() && !fromLatest.contains(image.from.value)
            && !planOptions.baseImageDigests.contains(image.from.value))
            fromLatest.append(image.from.value);
    }
    if (baseImages && baseImages->thread() != QThread::currentThread()) {
        for (const QString &from : std::as_const(fromLatest)) {
            QString error;
            const std::optional<RegistryReference> ref = RegistryReference::parseImage(from, &error);
            if (!ref) {
                result.warnings << Tr::tr("fromLatest: %1").arg(error);
                continue;
            }
            QFuture<RegistryImageConfig> future = baseImages->imageConfig(ref->host,
                                                                          ref->repository,
                                                                          ref->reference(),
                                                                          false);
            future.waitForFinished();
            if (future.resultCount() == 0)
                continue;
            const RegistryImageConfig config = future.result();
            result.warnings << config.result.warnings;
            if (config.result.ok())
                planOptions.baseImageDigests.insert(from, config.configDigest);
            else
                result.warnings << Tr::tr("fromLatest: cannot read the digest of %1: %2")
                                           .arg(from, config.result.errorString);
        }
    }

    StorageStageLookup lookup(storage, project.config.meta.project.value);
    lookup.setGitImages(gitImages);
    result.storageOk = lookup.fetch();
    const StageListing listing = lookup.listing();
    result.storageAvailable = listing.available;
    result.storageError = listing.error;
    result.warnings << listing.warnings;
    result.tagCount = listing.tagCount;
    result.listingRequests = listing.requests;
    for (const QList<StageCandidate> &candidates : listing.candidates)
        result.candidateCount += int(candidates.size());

    planOptions.lookup = lookup.lookup();
    result.plan = planProject(project, planOptions);
    lookup.applyTo(result.plan);
    result.inspections = lookup.inspections();
    result.warnings.removeDuplicates();
    result.elapsedMs = timer.elapsed();
    return result;
}

QFuture<StoragePlan> planWithStorageAsync(const LoadedProject &project,
                                          StagesStorage *storage,
                                          RegistryClient *baseImages,
                                          const PlanOptions &options)
{
    auto promise = std::make_shared<QPromise<StoragePlan>>();
    promise->start();
    QFuture<StoragePlan> future = promise->future();
    // Plans wait for the storage, and containers-storage reads in the global pool: a pool of
    // their own keeps waiting plans from taking every thread the reads need.
    static QThreadPool pool;
    pool.start([project, storage, baseImages, options, promise] {
        promise->addResult(planWithStorage(project, storage, baseImages, options));
        promise->finish();
    });
    return future;
}

} // namespace Stagecraft::Model

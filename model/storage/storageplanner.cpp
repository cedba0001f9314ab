// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageplanner.h"

#include "common/tr.h"
#include "config/configloader.h"
#include "registryclient.h"
#include "registryreference.h"
#include "signature/signatureinputbuilder.h"
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

    // The ONBUILD triggers of Dockerfile images' external bases (werf 1.1 reads Config.OnBuild
    // of the pulled base): from where this storage keeps or reaches images. A base that cannot
    // be read stays missing, so its dockerfile stage stays "needs registry", with the reason.
    // After the listing: a storage that is not there at all is said once, not per base image.
    if (!project.config.dockerfileImages.isEmpty() && listing.available
        && storage->thread() != QThread::currentThread()) {
        const SignatureInput input = signatureInputFromProject(project,
                                                               planOptions.baseImageOnBuild);
        QStringList bases;
        for (const SignatureInput::Image &image : input.images) {
            for (const QString &base : image.dockerfile.externalBases) {
                if (!planOptions.baseImageOnBuild.contains(base) && !bases.contains(base))
                    bases.append(base);
            }
        }
        for (const QString &base : std::as_const(bases)) {
            QFuture<BaseImageInspection> future = storage->inspectBaseImage(base);
            future.waitForFinished();
            if (future.resultCount() == 0)
                continue;
            const BaseImageInspection inspection = future.result();
            if (inspection.ok) {
                planOptions.baseImageOnBuild.insert(base, inspection.onBuild);
                result.baseImagesRead.insert(base, inspection.source);
            } else {
                result.warnings << Tr::tr("the ONBUILD triggers of the base image %1 were not "
                                          "read: %2")
                                           .arg(base, inspection.error);
            }
        }
    }

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

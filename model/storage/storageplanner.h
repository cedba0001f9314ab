// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signature/plan.h"
#include "signature/planner.h"
#include "stagesstorage.h"

#include <QFuture>
#include <QHash>
#include <QStringList>

namespace Stagecraft::Model {

class RegistryClient;
struct LoadedProject;

/** A plan with cached/missing per stage from a stages storage, and what it cost. */
struct StoragePlan
{
    Plan plan;
    QString storage;        ///< the storage's address ("local", "docker", a repository)
    bool storageOk = false; ///< the listing succeeded
    bool storageAvailable = true;
    QString storageError;
    QStringList warnings; ///< insecure registries, fromLatest digests that could not be read
    /** Dockerfile base images whose ONBUILD triggers were read, and from where. */
    QHash<QString, QString> baseImagesRead;
    int tagCount = 0;
    int candidateCount = 0; ///< stage images of the project found (all signatures)
    int listingRequests = 0;
    int inspections = 0;
    qint64 elapsedMs = 0;
};

/**
 * The plan of a project against a stages storage: reads the registry config digest of every
 * `fromLatest` base image (PlanOptions::baseImageDigests) through `baseImages` when given, the
 * ONBUILD triggers of Dockerfile images' external bases (PlanOptions::baseImageOnBuild) through
 * StagesStorage::inspectBaseImage(), lists
 * the storage once, computes the signatures with a StorageStageLookup and marks each stage
 * cached (with storedAs), missing, or unknown (with statusReason).
 *
 * Blocks until done: call it in a worker thread, never in the thread where `storage` and
 * `baseImages` live (they need its event loop).
 */
StoragePlan planWithStorage(const LoadedProject &project,
                            StagesStorage *storage,
                            RegistryClient *baseImages,
                            const PlanOptions &options = {});

/** planWithStorage() in the global thread pool; the project is copied. */
QFuture<StoragePlan> planWithStorageAsync(const LoadedProject &project,
                                          StagesStorage *storage,
                                          RegistryClient *baseImages,
                                          const PlanOptions &options = {});

} // namespace Stagecraft::Model

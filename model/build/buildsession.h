// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildahstages.h"
#include "build/buildevent.h"
#include "build/buildoptions.h"
#include "build/buildworker.h"
#include "build/processrunner.h"
#include "config/configloader.h"
#include "signature/plan.h"
#include "signature/signatureinput.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

namespace Stagecraft::Model {

class RegistryClient;
class StagesStorage;

/**
 * What the images of one build share while they build in parallel: the project, its plan, the
 * storage, the cancellation, the event sink and the stage images finished so far (which later
 * dependency sets read for fromImage and import). Internal to BuildWorker and its backends.
 */
struct BuildSession
{
    LoadedProject project;
    BuildOptions options;
    Plan plan;
    SignatureInput input;
    BuildCancellation cancellation;
    std::unique_ptr<BuildahStages> stages;
    /** Delivers an event; called from the image threads. */
    std::function<void(const BuildEvent &)> emitEvent;
    /** Called after every finished stage (cached or built) with its build duration (-1 cached). */
    std::function<void(const QString &image, const QString &stage, qint64 durationMs)> stageDone;
    QString projectRepoCommit;
    /** Bare clones of the remote git mappings' repositories, by URL. */
    QHash<QString, QString> remoteClones;
    QString temporaryDirectory; ///< per build: tmp_dir mounts, archives, patches
    QString buildDirRoot;       ///< build_dir mounts: <root>/<project>/<slug(to)>
    /** A registry stages storage (BuildOptions::stagesStorage = REPO), else nullptr; lives in
     *  the worker's thread. */
    StagesStorage *registryStorage = nullptr;
    RegistryClient *registryClient = nullptr;
    /** "HOST/REPOSITORY" of the registry stages storage. */
    QString registryRepository;
    /** --authfile/--tls-verify/--cert-dir for buildah commands that pull or push. */
    QStringList registryArguments;
    BuildOutcome outcome; ///< filled by the build thread, read after it ended

    /** "kind/name" of an image, the key of the maps below. */
    static QString key(ImageKind kind, const QString &name);

    void setStageImage(const QString &imageKey, const QString &stage, const QString &name);
    QString stageImage(const QString &imageKey, const QString &stage) const;
    void setLastImage(const QString &imageKey, const QString &name);
    QString lastImage(const QString &imageKey) const;

    /** The stored image a cached stage continues from: the plan's storedAs for a registry,
     *  else the local image the lookup chose. */
    QString cachedImage(const StagePlan &stage) const;

    /**
     * werf's lock on (project, signature) while a stage is built and stored (§6.4): images of
     * one dependency set that share a stage (two images `from` the same base) build it once.
     * Hold the returned lock while building; storedImage() then tells the later ones what the
     * first stored.
     */
    std::unique_lock<std::mutex> lockSignature(const QString &signature);
    void setStoredImage(const QString &signature, const QString &name);
    QString storedImage(const QString &signature) const;

    /** buildah with the storage's global options. */
    QStringList buildahArguments(const QStringList &arguments) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, QString>> m_stageImages;
    QHash<QString, QString> m_lastImages;
    QHash<QString, std::shared_ptr<std::mutex>> m_signatureLocks;
    QHash<QString, QString> m_storedBySignature;
};

} // namespace Stagecraft::Model

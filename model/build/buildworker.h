// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildevent.h"
#include "build/buildoptions.h"
#include "config/configloader.h"
#include "signature/plan.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QThread;

namespace Stagecraft::Model {

struct BuildSession;
class StorageSession;

/** Stages done of all stages to process, and what the rest will probably take. */
struct BuildProgress
{
    int done = 0;
    int total = 0;
    qint64 elapsedMs = 0;
    /** From earlier durations of the stages still to build (-1: nothing known). */
    qint64 remainingEstimateMs = -1;
};

/** How a build ended, with its counts and the stage durations for later estimates. */
struct BuildOutcome
{
    enum class Result { Succeeded, Failed, Cancelled };
    Result result = Result::Succeeded;
    QString message; ///< why it failed (the failed stage's message), or empty
    QString image;   ///< the failed or cancelled image
    QString stage;   ///< the failed or cancelled stage
    int exitCode = -1;
    qint64 durationMs = 0;
    int cachedStages = 0;
    int builtStages = 0;
    int failedStages = 0;
    /** "image/stage" of every stage built by this build, in completion order. */
    QStringList builtKeys;
    /** "image/stage" of the stages the plan (from the storage) said must be built; stages the
     *  plan has no signature for (Dockerfile images) are not predicted. */
    QStringList predictedKeys;
    /** "image/stage" → duration of the stages built (merged into BuildOptions::previousDurations). */
    QHash<QString, qint64> durations;

    static QString resultName(Result result); ///< "succeeded", "failed", "cancelled"
};

/**
 * Builds a loaded project in the background and reports what happens as BuildEvents.
 *
 * start() plans the project against the stages storage (so the plan knows what is cached),
 * then builds the images in werf's dependency sets, up to BuildOptions::jobs images of a set at
 * once, with the chosen backend: buildah (BuildahImageBuilder) or the werf CLI (its log goes
 * through WerfLogParser). All work happens in a thread of its own; signals arrive queued in the
 * thread of the worker (the GUI thread), which is never blocked.
 *
 * cancel() kills the running stages' process sessions, removes their working containers and
 * stores nothing for them; every stage finished before stays stored, so the next build
 * continues from there. Destroying a running worker cancels it and waits for the thread.
 *
 * Stages storage (buildah backend): its containers-storage (`:local`), or a registry repository
 * (BuildOptions::stagesStorage = REPO): the plan then lists the repository's tags, the cached
 * stages a build continues from or imports are pulled, and every new stage is pushed as
 * `REPO:<signature>-<ms>` with werf's labels (reference §6.1, §6.4).
 *
 * Remote git mappings: their repositories are cloned (bare, once per URL) into the user's cache
 * directory and fetched before each build; a failing clone fails the build before any stage.
 *
 * Refused before anything starts (start() returns false, errorString()): a project with
 * errors, ansible stages on the buildah backend, unknown image names, a
 * stages storage the backend cannot use, another running build.
 */
class BuildWorker : public QObject
{
    Q_OBJECT

public:
    explicit BuildWorker(QObject *parent = nullptr);
    ~BuildWorker() override;

    /** Why this request cannot be built, or an empty string. */
    static QString checkRequest(const LoadedProject &project, const BuildOptions &options);

    bool start(const LoadedProject &project, const BuildOptions &options);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    QString errorString() const { return m_error; }
    /** The plan of the running or last build (buildah backend), once planned() was emitted. */
    Plan plan() const;
    /** Blocks until a running build has finished (for tests and the command line, never the GUI). */
    bool wait(int timeoutMs = -1);

Q_SIGNALS:
    /** The plan against the stages storage is ready (plan()), before the first stage starts. */
    void planned();
    void eventOccurred(const Stagecraft::Model::BuildEvent &event);
    void progressChanged(const Stagecraft::Model::BuildProgress &progress);
    void finished(const Stagecraft::Model::BuildOutcome &outcome);

private:
    void runSession(BuildSession &session);
    void finishThread();

    QThread *m_thread = nullptr;
    std::shared_ptr<BuildSession> m_session;
    /** The registry stages storage of the running build (lives in this object's thread). */
    std::unique_ptr<StorageSession> m_storageSession;
    QString m_error;
    Plan m_plan; ///< written by the build thread before planned(), read after it
};

} // namespace Stagecraft::Model

Q_DECLARE_METATYPE(Stagecraft::Model::BuildProgress)
Q_DECLARE_METATYPE(Stagecraft::Model::BuildOutcome)

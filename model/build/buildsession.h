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

namespace Stagecraft::Model {

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
    QString temporaryDirectory; ///< per build: tmp_dir mounts, archives, patches
    QString buildDirRoot;       ///< build_dir mounts: <root>/<project>/<slug(to)>
    BuildOutcome outcome;       ///< filled by the build thread, read after it ended

    /** "kind/name" of an image, the key of the maps below. */
    static QString key(ImageKind kind, const QString &name);

    void setStageImage(const QString &imageKey, const QString &stage, const QString &name);
    QString stageImage(const QString &imageKey, const QString &stage) const;
    void setLastImage(const QString &imageKey, const QString &name);
    QString lastImage(const QString &imageKey) const;

    /** buildah with the storage's global options. */
    QStringList buildahArguments(const QStringList &arguments) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, QString>> m_stageImages;
    QHash<QString, QString> m_lastImages;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/processrunner.h"
#include "signature/signaturecalculator.h"
#include "storage/containersstorageoptions.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * The `:local` stages storage of one project as buildah sees it: the images named
 * `werf-stages-storage/<project>:<signature>-<uniqueID>` in a containers-storage (reference §6.1).
 *
 * Stage images are listed once (refresh()); labels are read on demand. lookup() is the planner's
 * StageLookup (the oldest candidate, §6.3) and remembers which image it chose, so that the build
 * continues from exactly the image the plan took as cached. Thread-safe.
 */
class BuildahStages
{
public:
    struct Candidate
    {
        QString name; ///< as buildah reports it, e.g. localhost/werf-stages-storage/p:SIG-MS
        QString id;
        qint64 uniqueId = 0;
    };

    BuildahStages(const QString &buildahProgram,
                  const ContainersStorageOptions &storage,
                  const QString &project);

    /** Lists the project's stage images; false (and errorString()) when buildah failed. */
    bool refresh(BuildCancellation &cancellation);
    QString errorString() const { return m_error; }

    /** Candidates for a signature, oldest first. */
    QList<Candidate> candidates(const QString &signature) const;
    /** The labels of an image (`buildah inspect --type image`). */
    std::optional<QMap<QString, QString>> labels(const QString &image,
                                                 BuildCancellation &cancellation) const;

    /**
     * The ONBUILD triggers of a local image (Docker config OnBuild; an empty list for none), or
     * nothing when the image is not in this storage.
     */
    std::optional<QStringList> onBuild(const QString &image, BuildCancellation &cancellation) const;

    /** Images with git mappings: only their git-following stages need the commit labels. */
    void setGitImages(const QSet<QString> &images) { m_gitImages = images; }

    /** A StageLookup over this storage; the cancellation must outlive it. */
    StageLookup lookup(BuildCancellation &cancellation);
    /** The image lookup() chose for a signature, if any. */
    QString chosen(const QString &signature) const;

    int imageCount() const;

private:
    QString m_program;
    ContainersStorageOptions m_storage;
    QString m_project;
    QString m_error;
    mutable QMutex m_mutex;
    QHash<QString, QList<Candidate>> m_bySignature;
    QHash<QString, QString> m_chosen;
    QSet<QString> m_gitImages;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"
#include "signatureinput.h"

#include <QHash>
#include <QMap>
#include <QString>

namespace Stagecraft::Model {

class GitTree;

/**
 * How werf 1.1 names and labels stage images (reference §6.1, §6.5), so that images Stagecraft
 * stores are found by werf and the other way round.
 */
namespace StageImage {

/** `werf-stages-storage/<project>:<signature>-<uniqueID>` (`:local` storage). */
QString localName(const QString &project, const QString &signature, qint64 uniqueIdMs);
/** `<repo>:<signature>-<uniqueID>` (a registry repository as stages storage). */
QString repoName(const QString &repo, const QString &signature, qint64 uniqueIdMs);
/** werf's GenerateStageUniqueID: the current UTC Unix time in milliseconds. */
qint64 generateUniqueId();

/** werf's archive type of a git mapping: "file" when `add` names a file, else "directory". */
QString gitArchiveType(const GitMappingParams &mapping, const GitTree &tree);

/** What the labels need beyond the plan. */
struct LabelContext
{
    QString project;
    QString werfVersion = QStringLiteral("v1.1.36");
    /** The temporary (UUID) image name werf builds under; it ends up in werf-docker-image-name. */
    QString temporaryImageName;
    /** HEAD of the project repository, if there is one (werf-project-repo-commit). */
    QString projectRepoCommit;
    /** Archive type per paramshash for gitArchive ("file" or "directory"; default directory). */
    QHash<QString, QString> gitArchiveTypes;
};

/**
 * The labels werf sets on a stapel stage image: werf, werf-version, werf-cache-version,
 * werf-image, werf-docker-image-name, werf-stage-signature, werf-stage-content-signature,
 * werf-project-repo-commit, the mount labels and the werf-git-<paramshash>-* labels.
 * Not included: user docker.LABEL values, labels inherited from the base image, and
 * werf-import-<slug> (it holds the docker image ID of the imported stage, known only after
 * building).
 */
QMap<QString, QString> labels(const SignatureInput::Image &image,
                              const StagePlan &stage,
                              const LabelContext &context);

} // namespace StageImage

} // namespace Stagecraft::Model

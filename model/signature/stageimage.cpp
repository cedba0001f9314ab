// SPDX-License-Identifier: GPL-3.0-or-later
#include "stageimage.h"

#include "git/gittree.h"
#include "git/gopath.h"
#include "signaturecalculator.h"

#include <QDateTime>
#include <QStringList>

namespace Stagecraft::Model::StageImage {

QString localName(const QString &project, const QString &signature, qint64 uniqueIdMs)
{
    return u"werf-stages-storage/" + project + u':' + signature + u'-'
           + QString::number(uniqueIdMs);
}

QString repoName(const QString &repo, const QString &signature, qint64 uniqueIdMs)
{
    return repo + u':' + signature + u'-' + QString::number(uniqueIdMs);
}

qint64 generateUniqueId()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString gitArchiveType(const GitMappingParams &mapping, const GitTree &tree)
{
    const QByteArray base = mapping.basePath();
    const GitTreeEntry *entry = base.isEmpty() ? nullptr : tree.entry(base);
    return entry && !entry->isTree() && !entry->isSubmodule() ? QStringLiteral("file")
                                                              : QStringLiteral("directory");
}

QMap<QString, QString> labels(const SignatureInput::Image &image,
                              const StagePlan &stage,
                              const LabelContext &context)
{
    QMap<QString, QString> result{
            {QStringLiteral("werf"), context.project},
            {QStringLiteral("werf-version"), context.werfVersion},
            {QStringLiteral("werf-cache-version"), SignatureCalculator::buildCacheVersion()},
            {QStringLiteral("werf-image"), QStringLiteral("false")},
            {QStringLiteral("werf-docker-image-name"), context.temporaryImageName},
            {QStringLiteral("werf-stage-signature"), stage.signature},
            {QStringLiteral("werf-stage-content-signature"), stage.contentSignature},
    };
    if (!context.projectRepoCommit.isEmpty())
        result.insert(QStringLiteral("werf-project-repo-commit"), context.projectRepoCommit);

    // Mount points are labelled by the from stage and inherited by every later stage image.
    QStringList tmpDirs;
    QStringList buildDirs;
    QMap<QString, QStringList> customDirs;
    for (const SignatureInput::Mount &m : image.mounts) {
        const QString to = QString::fromUtf8(GoPath::clean(m.to.toUtf8()));
        if (m.type == u"tmp_dir") {
            if (!tmpDirs.contains(to))
                tmpDirs.append(to);
        } else if (m.type == u"build_dir") {
            if (!buildDirs.contains(to))
                buildDirs.append(to);
        } else {
            QStringList &list = customDirs[QString::fromUtf8(GoPath::clean(m.fromPath.toUtf8()))];
            if (!list.contains(to))
                list.append(to);
        }
    }
    if (!tmpDirs.isEmpty())
        result.insert(QStringLiteral("werf-mount-type-tmp-dir"), tmpDirs.join(u';'));
    if (!buildDirs.isEmpty())
        result.insert(QStringLiteral("werf-mount-type-build-dir"), buildDirs.join(u';'));
    for (auto it = customDirs.cbegin(); it != customDirs.cend(); ++it) {
        QString from = it.key();
        from.replace(u'/', QStringLiteral("--"));
        result.insert(u"werf-mount-type-custom-dir-" + from, it.value().join(u';'));
    }

    for (const GitMappingParams &m : image.git) {
        const QString ph = m.paramshash();
        const auto commit = stage.gitCommits.constFind(ph);
        if (commit == stage.gitCommits.constEnd())
            continue; // stages before gitArchive carry no git labels
        const QString prefix = u"werf-git-" + ph;
        result.insert(prefix + u"-commit", *commit);
        result.insert(prefix + u"-virtual-merge", QStringLiteral("false"));
        result.insert(prefix + u"-type",
                      context.gitArchiveTypes.value(ph, QStringLiteral("directory")));
    }
    return result;
}

} // namespace Stagecraft::Model::StageImage

// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitmapping.h"

#include "common/tr.h"
#include "gittree.h"
#include "patchfilter.h"
#include "signature/hash.h"

#include <QRegularExpression>

namespace Stagecraft::Model {

namespace {

QList<QByteArray> toBytes(const QStringList &list)
{
    QList<QByteArray> out;
    out.reserve(list.size());
    for (const QString &s : list)
        out.append(s.toUtf8());
    return out;
}

} // namespace

QString GitMappingParams::repositoryIdFromUrl(const QString &url)
{
    // werf's pattern is `(?U).*?[:/](.*/[^/ ]+)(\.git)?/?$`. Go's (?U) swaps greedy and lazy
    // quantifiers, so this is the same expression spelled without the flag: the leading part is
    // greedy, which makes "https://host/group/sub/repo.git" give "sub/repo", exactly as in werf.
    static const QRegularExpression re(QStringLiteral(R"(^.*[:/](.*?/[^/ ]+?)(\.git)??/??$)"));
    const QRegularExpressionMatch m = re.match(url);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString GitMappingParams::repositoryName() const
{
    return isLocal() ? QStringLiteral("own") : repositoryIdFromUrl(url);
}

QString GitMappingParams::fullName() const
{
    const QString name = repositoryName();
    return name + u'_' + name;
}

QByteArray GitMappingParams::basePath() const
{
    QByteArray base = add.toUtf8();
    while (base.startsWith('/'))
        base.remove(0, 1);
    return base;
}

QString GitMappingParams::paramshash() const
{
    const QString sep = QStringLiteral(":::");
    const QString text = fullName() + sep + to + sep + QString::fromUtf8(basePath()) + sep
                         + includePaths.join(QString()) + sep + excludePaths.join(QString()) + sep
                         + owner + sep + group + sep + revision.branch + sep + revision.tag + sep
                         + revision.commit;
    return Hash::raw256(text.toUtf8());
}

PathMatcher GitMappingParams::matcher() const
{
    return PathMatcher(basePath(), toBytes(includePaths), toBytes(excludePaths));
}

QStringList GitMappingParams::dependencies(const QString &stageName) const
{
    if (stageName == u"install")
        return installDependencies;
    if (stageName == u"beforeSetup")
        return beforeSetupDependencies;
    if (stageName == u"setup")
        return setupDependencies;
    return {};
}

namespace GitMappingHash {

StageDependenciesChecksum stageDependenciesChecksum(const GitMappingParams &mapping,
                                                    const GitTree &tree,
                                                    const QStringList &paths)
{
    StageDependenciesChecksum result;
    if (paths.isEmpty())
        return result;
    const QList<GitTreeEntry> mapped = tree.lsTree(mapping.matcher());
    QByteArray concatenated;
    for (const QString &path : paths) {
        const PathMatcher pathMatcher(mapping.basePath(), {path.toUtf8()});
        const QString pathChecksum = GitTree::checksum(tree.lsTree(mapped, pathMatcher));
        result.pathChecksums.append({path, pathChecksum});
        if (pathChecksum.isEmpty())
            result.notFound.append(path);
        else
            concatenated += pathChecksum.toLatin1();
    }
    result.checksum = Hash::raw256(concatenated);
    return result;
}

static std::optional<QByteArray> filteredPatch(const GitMappingParams &mapping,
                                               const GitRepository &repository,
                                               const QString &fromCommit,
                                               const QString &toCommit,
                                               const GitRepository::DiffOptions &options,
                                               QString *errorMessage)
{
    if (!repository.commitExists(fromCommit)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("commit \"%1\" is not exist in the repo %2")
                                    .arg(fromCommit, mapping.repositoryName());
        return std::nullopt;
    }
    const std::optional<QByteArray> diff = repository.diff(fromCommit,
                                                           toCommit,
                                                           options,
                                                           errorMessage);
    if (!diff)
        return std::nullopt;
    PatchFilter::Result filtered = PatchFilter::filter(*diff, mapping.matcher());
    if (!filtered.error.isEmpty()) {
        if (errorMessage)
            *errorMessage = filtered.error;
        return std::nullopt;
    }
    return filtered.patch;
}

std::optional<QByteArray> patchContent(const GitMappingParams &mapping,
                                       const GitRepository &repository,
                                       const QString &fromCommit,
                                       const QString &toCommit,
                                       QString *errorMessage)
{
    if (fromCommit == toCommit)
        return QByteArray();
    return filteredPatch(mapping, repository, fromCommit, toCommit, {}, errorMessage);
}

std::optional<qint64> patchSize(const GitMappingParams &mapping,
                                const GitRepository &repository,
                                const QString &fromCommit,
                                const QString &toCommit,
                                QString *errorMessage)
{
    if (fromCommit == toCommit)
        return 0;
    const auto patch
            = filteredPatch(mapping, repository, fromCommit, toCommit, {true, true}, errorMessage);
    if (!patch)
        return std::nullopt;
    return patch->size();
}

} // namespace GitMappingHash

} // namespace Stagecraft::Model

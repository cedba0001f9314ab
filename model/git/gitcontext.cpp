// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitcontext.h"

#include "common/tr.h"

namespace Stagecraft::Model {

namespace {

QString stateKey(const GitMappingParams &m)
{
    return m.url + u'\n' + m.revision.commit + u'\n' + m.revision.tag + u'\n' + m.revision.branch;
}

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

} // namespace

void GitContext::setProjectRepository(const QString &path)
{
    m_project = std::make_unique<GitRepository>(path);
    m_states.clear();
}

void GitContext::setRemoteRepository(const QString &url, const QString &path)
{
    m_remotes.insert(url, std::make_shared<GitRepository>(path));
    m_states.clear();
}

void GitContext::injectState(const QString &url, const QString &commit, const GitTree &tree)
{
    m_injected.insert(url, {commit, std::make_shared<GitTree>(tree)});
    m_states.clear();
}

bool GitContext::hasRepository(const QString &url) const
{
    return m_injected.contains(url) || repository(url) != nullptr;
}

const GitRepository *GitContext::repository(const QString &url) const
{
    if (url.isEmpty())
        return m_project.get();
    const auto it = m_remotes.constFind(url);
    return it == m_remotes.constEnd() ? nullptr : it->get();
}

GitContext::MappingState GitContext::state(const GitMappingParams &mapping)
{
    const QString key = stateKey(mapping);
    if (const auto it = m_states.constFind(key); it != m_states.constEnd())
        return *it;

    MappingState result;
    if (const auto injected = m_injected.constFind(mapping.url); injected != m_injected.constEnd()) {
        // A configured commit still wins over the injected HEAD, as in werf's resolution.
        result.commit = mapping.revision.commit.isEmpty() ? injected->commit
                                                          : mapping.revision.commit;
        if (result.commit == injected->tree->commit())
            result.tree = injected->tree.get();
        else
            result.error = Tr::tr("commit %1 is not in the injected repository state")
                                   .arg(result.commit);
    } else if (const GitRepository *repo = repository(mapping.url)) {
        QString error;
        if (const auto commit = repo->resolve(mapping.revision, &error)) {
            result.commit = *commit;
            const QString treeKey = mapping.url + u'\n' + *commit;
            auto tree = m_trees.value(treeKey);
            if (!tree) {
                if (auto loaded = repo->tree(*commit, &error)) {
                    tree = std::make_shared<GitTree>(std::move(*loaded));
                    m_trees.insert(treeKey, tree);
                }
            }
            result.tree = tree.get();
        }
        if (!result.tree)
            result.error = error;
    } else if (mapping.isLocal()) {
        result.error = QStringLiteral(
                "local git mapping is used but project git repository is not found");
    } else {
        result.error = Tr::tr("no clone of the remote repository %1 is available").arg(mapping.url);
    }
    m_states.insert(key, result);
    return result;
}

std::optional<bool> GitContext::isAncestor(const GitMappingParams &mapping,
                                           const QString &ancestor,
                                           const QString &descendant,
                                           QString *errorMessage)
{
    if (ancestor == descendant)
        return true;
    if (m_injected.contains(mapping.url))
        return false; // an injected state has no history beyond its commit
    if (const GitRepository *repo = repository(mapping.url))
        return repo->isAncestor(ancestor, descendant, errorMessage);
    setError(errorMessage, Tr::tr("no repository for %1").arg(mapping.repositoryName()));
    return std::nullopt;
}

std::optional<QByteArray> GitContext::patchContent(const GitMappingParams &mapping,
                                                   const QString &fromCommit,
                                                   const QString &toCommit,
                                                   QString *errorMessage)
{
    if (fromCommit == toCommit)
        return QByteArray();
    const QString key = mapping.paramshash() + u'\n' + fromCommit + u'\n' + toCommit;
    if (const auto it = m_patches.constFind(key); it != m_patches.constEnd())
        return *it;
    const GitRepository *repo = m_injected.contains(mapping.url) ? nullptr
                                                                 : repository(mapping.url);
    if (!repo) {
        setError(errorMessage,
                 Tr::tr("no repository to compute the patch %1..%2 of %3")
                         .arg(fromCommit, toCommit, mapping.repositoryName()));
        return std::nullopt;
    }
    auto patch = GitMappingHash::patchContent(mapping, *repo, fromCommit, toCommit, errorMessage);
    if (patch)
        m_patches.insert(key, *patch);
    return patch;
}

std::optional<qint64> GitContext::patchSize(const GitMappingParams &mapping,
                                            const QString &fromCommit,
                                            const QString &toCommit,
                                            QString *errorMessage)
{
    if (fromCommit == toCommit)
        return 0;
    const QString key = mapping.paramshash() + u'\n' + fromCommit + u'\n' + toCommit;
    if (const auto it = m_patchSizes.constFind(key); it != m_patchSizes.constEnd())
        return *it;
    const GitRepository *repo = m_injected.contains(mapping.url) ? nullptr
                                                                 : repository(mapping.url);
    if (!repo) {
        setError(errorMessage,
                 Tr::tr("no repository to compute the patch %1..%2 of %3")
                         .arg(fromCommit, toCommit, mapping.repositoryName()));
        return std::nullopt;
    }
    auto size = GitMappingHash::patchSize(mapping, *repo, fromCommit, toCommit, errorMessage);
    if (size)
        m_patchSizes.insert(key, *size);
    return size;
}

} // namespace Stagecraft::Model

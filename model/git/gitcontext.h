// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gitmapping.h"
#include "gitrepository.h"
#include "gittree.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Stagecraft::Model {

/**
 * The repositories behind a project's git mappings, with the answers cached for one plan.
 *
 * The project repository serves local mappings; remote mappings are served by a clone
 * registered for their URL. A repository state (commit and tree) can also be injected for a
 * repository, e.g. to reproduce werf's golden test without cloning werf; then commit resolution
 * and ls-tree come from the injected state and everything after that (matchers, checksums) is
 * the same code as for a real repository.
 */
class GitContext
{
public:
    GitContext() = default;

    /** The work tree (or git dir) of the project; local mappings read it. */
    void setProjectRepository(const QString &path);
    /** A clone of a remote mapping's repository (werf keeps them in ~/.werf/local_cache). */
    void setRemoteRepository(const QString &url, const QString &path);
    /** Use this commit and tree for the repository of `url` ("" = the project repository). */
    void injectState(const QString &url, const QString &commit, const GitTree &tree);

    struct MappingState
    {
        QString commit;
        const GitTree *tree = nullptr;
        QString error; ///< why there is no state (no repository, unknown ref, ...)

        bool isValid() const { return tree != nullptr; }
    };
    /** The mapping's current commit (§1.6) and its tree. */
    MappingState state(const GitMappingParams &mapping);

    /** `merge-base --is-ancestor` in the mapping's repository; injected states: equality only. */
    std::optional<bool> isAncestor(const GitMappingParams &mapping,
                                   const QString &ancestor,
                                   const QString &descendant,
                                   QString *errorMessage = nullptr);
    std::optional<QByteArray> patchContent(const GitMappingParams &mapping,
                                           const QString &fromCommit,
                                           const QString &toCommit,
                                           QString *errorMessage = nullptr);
    std::optional<qint64> patchSize(const GitMappingParams &mapping,
                                    const QString &fromCommit,
                                    const QString &toCommit,
                                    QString *errorMessage = nullptr);

    /** Is there anything (repository or injected state) for this URL? */
    bool hasRepository(const QString &url) const;

private:
    const GitRepository *repository(const QString &url) const;

    std::unique_ptr<GitRepository> m_project;
    QHash<QString, std::shared_ptr<GitRepository>> m_remotes;
    struct Injected
    {
        QString commit;
        std::shared_ptr<GitTree> tree;
    };
    QHash<QString, Injected> m_injected;
    // Caches: resolved commits per (url, revision), trees per (url, commit).
    QHash<QString, MappingState> m_states;
    QHash<QString, std::shared_ptr<GitTree>> m_trees;
    QHash<QString, QByteArray> m_patches;
    QHash<QString, qint64> m_patchSizes;
};

} // namespace Stagecraft::Model

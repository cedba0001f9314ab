// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dockerignore.h"
#include "git/gittree.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

class GitWorkTree;

/**
 * The build context of a Dockerfile image, as werf 1.1 hashes it for COPY and ADD sources
 * (DockerfileStage.calculateFilesChecksum).
 *
 * Outside a git repository each source is cleaned and globbed inside the context with Go's
 * filepath.Glob, directories are walked without following symbolic links, files the
 * `.dockerignore` excludes are dropped, and every remaining file contributes its
 * project-relative path, its Go file mode string ("-rw-r--r--", "Lrwxrwxrwx", ...) and the
 * SHA-256 of its content (a symbolic link: its target).
 *
 * In the project's git repository (calculateFilesChecksumWithGit) the checksum is
 * H256(lsTree, status[, gitIgnored]): the ls-tree checksum of the HEAD entries that the
 * .dockerignore keeps and the sources select (directories taken whole count with their tree
 * id), the checksum of the uncommitted changes to those files (git status: path, change kind,
 * mode and content hash), and, only when there are any, the files on disk that .gitignore hides,
 * hashed as outside git.
 */
class BuildContext
{
public:
    /** @param git the project's work tree when the project is a git repository, else nullptr */
    BuildContext(const QString &projectDir,
                 const QString &contextDir,
                 const DockerIgnore &ignore,
                 GitWorkTree *git = nullptr);

    /**
     * The checksum of the files the wildcards (COPY/ADD sources) select, "" when they select
     * none outside git. nullopt with an error for unreadable files or a failing git; with
     * `unsupported` set when the context needs what Stagecraft does not reproduce (submodules).
     * Sources outside the context are skipped with werf's warning.
     */
    std::optional<QString> filesChecksum(const QStringList &wildcards,
                                         QStringList *warnings,
                                         QString *error,
                                         bool *unsupported = nullptr) const;

    /** Go's filepath.Match ('/' separators); badPattern is set for a malformed pattern. */
    static bool goMatch(const QString &pattern, const QString &name, bool *badPattern = nullptr);
    /** Go's filepath.Glob: matching paths in lexical order per directory. */
    static QStringList goGlob(const QString &pattern, bool *badPattern = nullptr);
    /** Go's os.FileMode.String() of the file (lstat), e.g. "-rwxr-xr-x"; "" if it is absent. */
    static QString goFileMode(const QString &path);

private:
    /** werf's DockerfileIgnorePathMatcher.MatchPath for a project-relative path. */
    bool passes(const QString &projectRelativePath) const;
    /** getProjectFilesByWildcards: absolute paths of the files on disk, .dockerignore applied. */
    std::optional<QStringList> projectFiles(const QStringList &normalizedWildcards,
                                            QStringList *warnings,
                                            QString *error) const;
    /** calculateProjectFilesChecksum over absolute paths. */
    std::optional<QString> projectFilesChecksum(QStringList paths, QString *error) const;
    std::optional<QString> gitFilesChecksum(const QStringList &normalizedWildcards,
                                            QStringList *warnings,
                                            QString *error,
                                            bool *unsupported) const;

    QString m_projectDir;
    QString m_contextDir;
    QString m_contextRelative; ///< "" for the project directory itself
    DockerIgnore m_ignore;
    GitWorkTree *m_git = nullptr;
    /** werf's mainLsTreeResult: HEAD through the .dockerignore, read once per context. */
    mutable std::optional<QList<GitTreeEntry>> m_mainLsTree;
};

} // namespace Stagecraft::Model

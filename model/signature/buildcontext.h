// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dockerignore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

/**
 * The build context of a Dockerfile image outside a git repository, as werf 1.1 hashes it for
 * COPY and ADD sources (DockerfileStage.calculateFilesChecksum without a local git repository):
 * each source is cleaned and globbed inside the context with Go's filepath.Glob, directories are
 * walked without following symbolic links, files the `.dockerignore` excludes are dropped, and
 * every remaining file contributes its project-relative path, its Go file mode string
 * ("-rw-r--r--", "Lrwxrwxrwx", ...) and the SHA-256 of its content (a symbolic link: its target).
 */
class BuildContext
{
public:
    BuildContext(const QString &projectDir, const QString &contextDir, const DockerIgnore &ignore);

    /**
     * H256 over the files the wildcards select, "" when they select none. nullopt with an
     * error for unreadable files. Sources outside the context are skipped with werf's warning.
     */
    std::optional<QString> filesChecksum(const QStringList &wildcards,
                                         QStringList *warnings,
                                         QString *error) const;

    /** Go's filepath.Match ('/' separators); badPattern is set for a malformed pattern. */
    static bool goMatch(const QString &pattern, const QString &name, bool *badPattern = nullptr);
    /** Go's filepath.Glob: matching paths in lexical order per directory. */
    static QStringList goGlob(const QString &pattern, bool *badPattern = nullptr);
    /** Go's os.FileMode.String() of the file (lstat), e.g. "-rwxr-xr-x"; "" if it is absent. */
    static QString goFileMode(const QString &path);

private:
    /** werf's DockerfileIgnorePathMatcher.MatchPath for a project-relative path. */
    bool passes(const QString &projectRelativePath) const;

    QString m_projectDir;
    QString m_contextDir;
    QString m_contextRelative; ///< "" for the project directory itself
    DockerIgnore m_ignore;
};

} // namespace Stagecraft::Model

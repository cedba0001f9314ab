// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

class GitWorkTree;

/** What werf 1.1 reads for the `dockerfile` stage of one Dockerfile image (reference §1.12). */
struct DockerfileSpec
{
    QString projectDir;
    QString dockerfile; ///< `dockerfile:` as written (relative to the project directory)
    QString context;    ///< `context:` as written ("" = the project directory)
    QString target;
    QList<QPair<QString, QString>> args; ///< `args:`, values as strings
    QStringList addHost;
    /** The project directory lies in a git repository (werf then hashes the context with git). */
    bool inGitRepository = false;

    friend bool operator==(const DockerfileSpec &, const DockerfileSpec &) = default;
};

/**
 * The `dockerfile` stage's dependencies (GetDependencies of werf 1.1's DockerfileStage, reference
 * §5.4.6) or why they are not known.
 *
 * For every stage of the Dockerfile werf lists the `addHost` values, the base name with the
 * global ARGs expanded, the base image's ONBUILD triggers, and per instruction its text, plus its
 * ARG/ENV-expanded form where that differs and, for COPY/ADD from the context, a checksum of the
 * selected files; the target's list then takes in the lists of the stages it builds `FROM` or
 * `COPY --from`s. target, network and ssh are not hashed; args only through ARG expansion.
 */
struct DockerfileDependencies
{
    /** NotComputed until dockerfileDependencies() has read the Dockerfile. */
    Computation computation = Computation::NotComputed;
    QString reason;       ///< empty for a value that was never read
    QString dependencies; ///< H256 of list
    QStringList list;     ///< the target stage's list, as werf hashes it
    /** Base images (ARGs expanded) whose ONBUILD triggers werf reads from docker or a registry. */
    QStringList externalBases;
    QStringList warnings;
    /** The Dockerfile and the .dockerignore as read, so that a re-plan notices edits to them. */
    QByteArray dockerfileText;
    QByteArray dockerignoreText;

    friend bool operator==(const DockerfileDependencies &, const DockerfileDependencies &) = default;
};

/**
 * Computes the dependencies of the `dockerfile` stage. `onBuild` holds the ONBUILD triggers of
 * external base images (Config.OnBuild from docker or the registry, an empty list for none); a
 * base that is missing from it makes the result NeedsRegistry, since werf hashes those triggers.
 * A build context in the project's git repository (spec.inGitRepository) is hashed as werf does
 * it, through the HEAD tree, `git status` and `git check-ignore` (BuildContext); a context with
 * git submodules is NotComputed with that reason.
 */
DockerfileDependencies dockerfileDependencies(const DockerfileSpec &spec,
                                              const QHash<QString, QStringList> &onBuild = {});

/**
 * The same, reading the git repository through `workTree` (the project's, shared by all
 * Dockerfile images of a plan so that HEAD and the status are read once); nullptr reads it
 * anew when spec.inGitRepository is set.
 */
DockerfileDependencies dockerfileDependencies(const DockerfileSpec &spec,
                                              const QHash<QString, QStringList> &onBuild,
                                              GitWorkTree *workTree);

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"
#include "signaturecalculator.h"

#include <QHash>
#include <QString>

namespace Stagecraft::Model {

struct LoadedProject;

/** What a plan of a loaded project may use beyond the project itself. */
struct PlanOptions
{
    /** Clones of remote git mappings' repositories by URL (werf: ~/.werf/local_cache/git_repos). */
    QHash<QString, QString> remoteClones;
    /** Registry config digests of `from:` references, for fromLatest. */
    QHash<QString, QString> baseImageDigests;
    /** ONBUILD triggers of Dockerfile images' external base images by reference (an empty list
     *  for a base without any), as docker or the registry report them. */
    QHash<QString, QStringList> baseImageOnBuild;
    /** Take every Dockerfile base image missing from baseImageOnBuild as having no ONBUILD
     *  triggers (the user's assertion, `stagecraft plan --assume-no-onbuild`), instead of
     *  reporting the dockerfile stage as needing the registry. */
    bool assumeNoOnBuild = false;
    /** A stages storage (or a baseline plan, SignatureCalculator::lookupFromPlan). */
    StageLookup lookup;
};

/**
 * The werf 1.1 plan of a loaded project, as `stagecraft plan PATH` prints it: local git mappings
 * read the repository the project directory lies in (if any), and werf's warnings for stage
 * dependency paths that match nothing are added to Plan::diagnostics.
 */
Plan planProject(const LoadedProject &project, const PlanOptions &options = {});

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"
#include "signaturecalculator.h"
#include "signatureinput.h"

#include <QHash>
#include <QString>

#include <memory>

namespace Stagecraft::Model {

struct LoadedProject;

/**
 * One plan with the signature input it was computed from: what the next, incremental plan of
 * the same project starts from (PlanOptions::previous).
 */
struct PlanBasis
{
    SignatureInput input;
    Plan plan;
    /** PlanOptions::lookupIdentity of the plan ("" without a lookup). */
    QString lookupIdentity;
    /** How many images this plan computed; the others were taken over from the previous one. */
    int computedImages = 0;
};

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
    /**
     * Names what `lookup` answers (e.g. "baseline:<n>" for a baseline plan, a storage listing's
     * id): equal identities promise equal answers. With a lookup, images are taken over from
     * `previous` only when its identity is this one and not empty.
     */
    QString lookupIdentity;
    /**
     * An earlier plan of (an earlier version of) the project: the images whose input and
     * dependencies did not change, that have no git mappings and no fromLatest, are taken over
     * instead of recomputed (SignatureCalculator::setPrevious).
     */
    std::shared_ptr<const PlanBasis> previous;
};

/**
 * The werf 1.1 plan of a loaded project, as `stagecraft plan PATH` prints it: local git mappings
 * read the repository the project directory lies in (if any), and werf's warnings for stage
 * dependency paths that match nothing are added to Plan::diagnostics.
 */
Plan planProject(const LoadedProject &project, const PlanOptions &options = {});

/** planProject(), also returning what the next incremental plan starts from. */
PlanBasis planProjectWithBasis(const LoadedProject &project, const PlanOptions &options = {});

} // namespace Stagecraft::Model

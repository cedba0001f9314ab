// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"
#include "plandiff.h"
#include "planner.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stagecraft::Model {

struct LoadedProject;

/**
 * The what-if between a baseline version of a project and the current one: both plans and, per
 * stage, whether werf would rebuild it and why (`stagecraft plan PATH --against OLD_PATH`).
 *
 * The current plan is computed as if the baseline had been built into the stages storage
 * (SignatureCalculator::lookupFromPlan): git stages then keep the baseline's commits, so a new
 * commit invalidates only the stages werf would rebuild (stageDependencies, the git patch stages)
 * instead of everything after gitArchive.
 */
struct WhatIf
{
    QString baselineFile; ///< the baseline's werf.yaml, for the report
    QString currentFile;
    Plan baseline;
    Plan current;
    /** Every stage of both plans (PlanDiff::compare): current images in order, then removed ones. */
    QList<StageChange> changes;

    /** Stages werf would (re)build: invalidated and added ones. */
    int rebuildCount() const;
    /** The changes of one image (by display name and kind), in conveyor order. */
    QList<StageChange> changesOf(const QString &image, ImageKind kind) const;

    /**
     * `plan --against --json`: {"project", "baseline", "current", "summary": {"stages",
     * "unchanged", "invalidated", "added", "removed", "notComparable"}, "images": [{"name",
     * "kind", "stages": [{"name", "status", "cause", "baselineSignature", "signature",
     * "reasons": [...], "changedInputs": [{"key", "label", "before", "after"}],
     * "previousStageChanged"}]}]}; images sorted like the plan, stages in conveyor order.
     */
    QByteArray toJson() const;
    /** The human-readable report: one line per stage, the reasons after each invalidated one. */
    QString toText() const;
};

/** Plans the current project against an already computed baseline plan (see WhatIf). */
Plan planAgainst(const LoadedProject &current, const Plan &baseline, PlanOptions options = {});

/**
 * planAgainst(), incrementally: options.previous (an earlier result of this function against the
 * same baseline, with options.lookupIdentity naming that baseline) lets unchanged images be
 * taken over; the result is what the next call starts from.
 */
PlanBasis planAgainstWithBasis(const LoadedProject &current,
                               const Plan &baseline,
                               PlanOptions options);

/** Plans both versions and compares them. */
WhatIf whatIf(const LoadedProject &baseline,
              const LoadedProject &current,
              const PlanOptions &options = {});

/** Compares a baseline plan with a current plan (made with planAgainst()). */
WhatIf whatIf(Plan baseline, Plan current);

} // namespace Stagecraft::Model

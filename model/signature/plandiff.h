// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/** One input of a stage whose value differs between two plans. */
struct InputChange
{
    QString key;
    QString label;
    QString before; ///< empty when the input did not exist
    QString after;  ///< empty when the input no longer exists
};

/** How one stage compares between a baseline plan and the current one, and why. */
struct StageChange
{
    enum class Kind {
        Unchanged,
        Added,         ///< the stage is new (a directive was added)
        Removed,       ///< the stage is gone
        Invalidated,   ///< its signature changed: werf would rebuild it
        NotComparable, ///< a signature is missing on one side (not computed, empty)
    };
    QString image; ///< display name ("~" for nameless)
    ImageKind imageKind = ImageKind::Image;
    StageId stage = StageId::From;
    QString stageName;
    Kind kind = Kind::Unchanged;
    QString signatureBefore;
    QString signatureAfter;
    /** The stage's own inputs that changed (not counting the previous stage). */
    QList<InputChange> inputs;
    /** Invalidated only because an earlier stage's signature or git commits changed. */
    bool previousOnly = false;
    /** The previous stage's signature or git commits changed (with or without own inputs). */
    bool previousChanged = false;
    /**
     * The signature is the same, but the baseline's stage image cannot be reused: its git commit
     * is not an ancestor of the current one (werf's rule for git stages, reference §6.3).
     */
    bool gitHistory = false;
    /** Why a signature is missing on one side (NotComparable). */
    QString detail;

    /** "unchanged", "invalidated", "added", "removed", "not-comparable". */
    QString kindName() const;
    /** "input", "previous-stage", "git-history" or "" (not invalidated). */
    QString causeName() const;

    /** The reasons in a werf user's words, one per changed input. */
    QStringList reasons() const;
};

/** Compares two plans stage by stage: the what-if preview and its "why". */
namespace PlanDiff {

QList<StageChange> compare(const Plan &before, const Plan &after);
/** Only the stages that are added, removed or invalidated. */
QList<StageChange> invalidated(const Plan &before, const Plan &after);

} // namespace PlanDiff

} // namespace Stagecraft::Model

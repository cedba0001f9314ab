// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan.h"
#include "signatureinput.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace Stagecraft::Model {

class GitContext;

/** What the stages storage knows about a stage image found by signature (its git labels). */
struct StageRecord
{
    /** werf-git-<paramshash>-commit labels of the image. */
    QHash<QString, QString> gitCommits;
    /** The image's name in the storage (the plan's `storedAs`), if the lookup knows it. */
    QString storedAs;
    /**
     * The younger candidates of the same signature, oldest first: for git stages werf takes the
     * oldest candidate whose commits are ancestors of the current ones (§6.3).
     */
    QList<StageRecord> younger;
};

/**
 * Looks a stage up in a stages storage by signature (reference §6.2). It returns the record of
 * the oldest candidate (and the younger ones in StageRecord::younger); the calculator applies
 * werf's ancestry rule for git stages (§6.3).
 */
using StageLookup = std::function<std::optional<StageRecord>(const QString &imageName,
                                                             StageId stage,
                                                             const QString &signature)>;

/**
 * werf 1.1's stage signatures for a whole project (reference §5), bit for bit.
 *
 * Images are computed in dependency order (fromImage, fromImageArtifact, imports); what a stage
 * passes on to the next one follows §5.3, with the git commits of cached images when a
 * StageLookup is given (without one, every stage is taken as freshly built at the current
 * commits, which is werf's first build). Stages whose inputs are not available (fromLatest
 * without a registry, missing repositories, Dockerfile images, newer werf rules) are reported
 * with a reason instead of a value, and so are the stages and images that depend on them.
 *
 * Not thread-safe; run one calculator per thread (it shells out to git through GitContext).
 */
class SignatureCalculator
{
public:
    SignatureCalculator(const SignatureInput &input, GitContext &git);

    void setStageLookup(StageLookup lookup) { m_lookup = std::move(lookup); }
    /** Registry config digests ("sha256:…") of `from:` references, for fromLatest images. */
    void setBaseImageDigests(const QHash<QString, QString> &digests) { m_digests = digests; }

    /**
     * The input and plan of the previous calculation: images whose input is unchanged, that have
     * no git mappings and no fromLatest, and whose dependencies kept their content signatures are
     * taken over instead of recomputed (the incremental re-plan after an edit).
     *
     * With a StageLookup set, images are taken over only when `sameLookup` says that the lookup
     * answers exactly as the one the previous plan was made with (the same baseline plan, the
     * same storage listing): then an unchanged image asks it the same questions and gets the
     * same cache states. Otherwise cache states may have changed and everything is recomputed.
     */
    void setPrevious(const SignatureInput &input, const Plan &plan, bool sameLookup = false);

    Plan calculate();

    /** How many images the last calculate() computed (the others were taken over). */
    int computedImageCount() const { return m_computedImages; }

    /** A lookup that finds exactly the computed stages of a baseline plan, with their commits. */
    static StageLookup lookupFromPlan(const Plan &baseline);

    /** werf 1.1's BuildCacheVersion. */
    static QString buildCacheVersion() { return QStringLiteral("1.1"); }

private:
    struct Blocked
    {
        Computation computation = Computation::Computed;
        QString reason;
    };

    const ImagePlan &computeImage(int index);
    void computeStages(const SignatureInput::Image &image, ImagePlan &plan);
    Blocked stageDependencies(const SignatureInput::Image &image,
                              StageId id,
                              const StagePlan *previous,
                              StagePlan &stage);
    Blocked fromDependencies(const SignatureInput::Image &image, StagePlan &stage);
    Blocked userStageDependencies(const SignatureInput::Image &image, StageId id, StagePlan &stage);
    Blocked importsDependencies(const SignatureInput::Image &image, StageId id, StagePlan &stage);
    Blocked gitCacheDependencies(const SignatureInput::Image &image,
                                 const StagePlan *previous,
                                 StagePlan &stage);
    Blocked gitLatestPatchDependencies(const SignatureInput::Image &image,
                                       const StagePlan *previous,
                                       StagePlan &stage);
    void dockerDependencies(const SignatureInput::Image &image, StagePlan &stage);
    /** Content signature of an image (or of one of its stages) for a dependant; sets blocked. */
    std::optional<QString> sourceContentSignature(int sourceIndex,
                                                  const QString &stageName,
                                                  const QString &dependant,
                                                  Blocked &blocked);
    int findSource(const QString &name, bool artifact) const;
    bool canReuse(int index, const ImagePlan **previous);

    const SignatureInput &m_input;
    GitContext &m_git;
    StageLookup m_lookup;
    QHash<QString, QString> m_digests;
    QList<ImagePlan> m_plans;
    QList<int> m_state; ///< 0 = not started, 1 = in progress, 2 = done
    std::optional<SignatureInput> m_previousInput;
    Plan m_previousPlan;
    bool m_previousSameLookup = false;
    // Name lookups ("<kind>\n<name>"), so that large configs stay linear.
    QHash<QString, int> m_inputIndex;         ///< images and Dockerfile images vs artifacts
    QHash<QString, int> m_previousInputIndex; ///< same keys, into m_previousInput
    QHash<QString, int> m_previousPlanIndex;  ///< "<ImageKind>\n<name>" into m_previousPlan
    int m_computedImages = 0;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "signaturecalculator.h"

#include "common/tr.h"
#include "conveyor/stagekinds.h"
#include "git/gitcontext.h"
#include "git/gopath.h"
#include "hash.h"

#include <algorithm>
#include <numeric>

namespace Stagecraft::Model {

namespace {

constexpr qint64 maxPatchSize = 1024 * 1024; // gitCache exists from 1 MiB of patch (§4.3)

void addPart(StagePlan &stage, const QString &key, const QString &label, const QString &value)
{
    stage.inputs.append({key, label, value});
}

QString importSlotLabel(StageId id)
{
    switch (id) {
    case StageId::ImportsBeforeInstall:
        return QStringLiteral("before: install");
    case StageId::ImportsAfterInstall:
        return QStringLiteral("after: install");
    case StageId::ImportsBeforeSetup:
        return QStringLiteral("before: setup");
    default:
        return QStringLiteral("after: setup");
    }
}

// werf looks images and artifacts up separately; Dockerfile images count as images.
QString sourceKey(const QString &name, bool artifact)
{
    return (artifact ? QStringLiteral("a\n") : QStringLiteral("i\n")) + name;
}

QString planKey(const QString &name, ImageKind kind)
{
    return QString::number(int(kind)) + u'\n' + name;
}

QHash<QString, int> indexInput(const SignatureInput &input)
{
    QHash<QString, int> index;
    // Backwards, so that the first definition wins, like SignatureInput::indexOf.
    for (int i = input.images.size() - 1; i >= 0; --i) {
        const SignatureInput::Image &image = input.images.at(i);
        index[sourceKey(image.name, image.kind == ImageKind::Artifact)] = i;
    }
    return index;
}

} // namespace

SignatureCalculator::SignatureCalculator(const SignatureInput &input, GitContext &git)
    : m_input(input)
    , m_git(git)
{}

void SignatureCalculator::setPrevious(const SignatureInput &input, const Plan &plan, bool sameLookup)
{
    m_previousInput = input;
    m_previousPlan = plan;
    m_previousSameLookup = sameLookup;
    m_previousInputIndex = indexInput(input);
    m_previousPlanIndex.clear();
    for (int i = 0; i < plan.images.size(); ++i)
        m_previousPlanIndex.insert(planKey(plan.images.at(i).name, plan.images.at(i).kind), i);
}

bool SignatureCalculator::canReuse(int index, const ImagePlan **previous)
{
    if (!m_previousInput || (m_lookup && !m_previousSameLookup))
        return false;
    const SignatureInput::Image &image = m_input.images.at(index);
    if (!image.git.isEmpty() || image.fromLatest)
        return false;
    const int old = m_previousInputIndex.value(sourceKey(image.name,
                                                         image.kind == ImageKind::Artifact),
                                               -1);
    if (old < 0 || m_previousInput->images.at(old).kind != image.kind)
        return false;
    // Source locations move with every edit above the image; they are not hashed.
    auto withoutLocations = [](SignatureInput::Image i) {
        i.location = {};
        for (SignatureInput::Import &imp : i.imports)
            imp.location = {};
        return i;
    };
    if (!(withoutLocations(m_previousInput->images.at(old)) == withoutLocations(image)))
        return false;
    const int oldPlanIndex = m_previousPlanIndex.value(planKey(image.name, image.kind), -1);
    if (oldPlanIndex < 0)
        return false;
    const ImagePlan *oldPlan = &m_previousPlan.images.at(oldPlanIndex);

    // Every dependency must present the same content signatures as before.
    auto sameSource = [this](const QString &name, bool artifact, const QString &stage) {
        const int source = findSource(name, artifact);
        if (source < 0 || m_state.at(source) == 1)
            return false;
        const ImagePlan &now = computeImage(source);
        const int beforeIndex = m_previousPlanIndex.value(planKey(now.name, now.kind), -1);
        const ImagePlan *before = beforeIndex < 0 ? nullptr
                                                  : &m_previousPlan.images.at(beforeIndex);
        if (!before || before->contentSignature != now.contentSignature)
            return false;
        if (stage.isEmpty())
            return true;
        const std::optional<StageId> id = stageFromName(stage);
        const StagePlan *a = id ? now.stage(*id) : nullptr;
        const StagePlan *b = id ? before->stage(*id) : nullptr;
        return (a ? a->contentSignature : QString()) == (b ? b->contentSignature : QString());
    };
    if (!image.fromImage.isEmpty()
        && !sameSource(image.fromImage, image.fromImageArtifact, QString()))
        return false;
    for (const SignatureInput::Import &imp : image.imports) {
        if (!sameSource(imp.source, imp.fromArtifact, imp.stage))
            return false;
    }
    *previous = oldPlan;
    return true;
}

Plan SignatureCalculator::calculate()
{
    m_computedImages = 0;
    m_inputIndex = indexInput(m_input);
    m_plans = QList<ImagePlan>(m_input.images.size());
    m_state = QList<int>(m_input.images.size(), 0);
    for (int i = 0; i < m_input.images.size(); ++i)
        computeImage(i);

    Plan plan;
    plan.project = m_input.project;
    // Sorting indices and moving each plan once is cheaper than shuffling ImagePlans around.
    QList<int> order(m_plans.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const ImagePlan &x = m_plans.at(a);
        const ImagePlan &y = m_plans.at(b);
        if (x.name != y.name)
            return x.name < y.name;
        return int(x.kind) < int(y.kind);
    });
    plan.images.reserve(m_plans.size());
    for (const int i : std::as_const(order))
        plan.images.append(std::move(m_plans[i]));
    m_plans.clear();
    return plan;
}

int SignatureCalculator::findSource(const QString &name, bool artifact) const
{
    return m_inputIndex.value(sourceKey(name, artifact), -1);
}

const ImagePlan &SignatureCalculator::computeImage(int index)
{
    ImagePlan &plan = m_plans[index];
    if (m_state.at(index) != 0)
        return plan;
    m_state[index] = 1;
    const SignatureInput::Image &image = m_input.images.at(index);
    plan.name = image.name;
    plan.kind = image.kind;
    plan.location = image.location;
    const ImagePlan *previous = nullptr;
    if (canReuse(index, &previous)) {
        m_plans[index] = *previous;
        // The only thing an edit elsewhere changes in an unchanged image: where it is written.
        m_plans[index].location = image.location;
        m_state[index] = 2;
        return m_plans.at(index);
    }
    ++m_computedImages;
    // computeStages may recurse into dependencies, which write nothing but their own entries; the
    // in-progress state keeps them from reading this one.
    ImagePlan computed = std::move(plan);
    computeStages(image, computed);
    m_plans[index] = std::move(computed);
    m_state[index] = 2;
    return m_plans.at(index);
}

std::optional<QString> SignatureCalculator::sourceContentSignature(int sourceIndex,
                                                                   const QString &stageName,
                                                                   const QString &dependant,
                                                                   Blocked &blocked)
{
    if (sourceIndex < 0) {
        blocked = {Computation::NotComputed,
                   Tr::tr("%1 is not defined in werf.yaml").arg(dependant)};
        return std::nullopt;
    }
    if (m_state.at(sourceIndex) == 1) {
        blocked = {Computation::NotComputed, Tr::tr("dependency cycle through %1").arg(dependant)};
        return std::nullopt;
    }
    const ImagePlan &source = computeImage(sourceIndex);
    if (source.contentSignature.isEmpty()) {
        const Computation c = source.computation == Computation::Computed ? Computation::NotComputed
                                                                          : source.computation;
        blocked = {c,
                   Tr::tr("depends on %1, whose signature is not computed: %2")
                           .arg(dependant, source.reason)};
        return std::nullopt;
    }
    if (stageName.isEmpty())
        return source.contentSignature;
    // An import `stage:` that the source does not have silently reads its last stage (§1.10).
    const std::optional<StageId> id = stageFromName(stageName);
    const StagePlan *stage = id ? source.stage(*id) : nullptr;
    if (!stage || !stage->hasSignature())
        stage = source.lastStage();
    return stage->contentSignature;
}

void SignatureCalculator::computeStages(const SignatureInput::Image &image, ImagePlan &plan)
{
    Blocked blocked;
    if (!image.notComputedReason.isEmpty())
        blocked = {Computation::NotComputed, image.notComputedReason};

    // An index, not a pointer: appending to plan.stages may reallocate it.
    qsizetype previousIndex = -1;
    const QList<StageId> ids = image.stages();
    plan.stages.reserve(ids.size());
    for (const StageId id : ids) {
        const StagePlan *previous = previousIndex >= 0 ? &plan.stages.at(previousIndex) : nullptr;
        StagePlan stage;
        stage.id = id;
        stage.name = stageName(id);
        if (blocked.computation != Computation::Computed) {
            stage.computation = blocked.computation;
            stage.reason = blocked.reason;
            plan.stages.append(std::move(stage));
            continue;
        }

        const Blocked own = stageDependencies(image, id, previous, stage);
        if (own.computation != Computation::Computed) {
            stage.computation = own.computation;
            stage.reason = own.reason;
            blocked = {own.computation,
                       own.computation == Computation::NeedsRegistry
                               ? own.reason
                               : Tr::tr("an earlier stage (%1) is not computed: %2")
                                         .arg(stage.name, own.reason)};
            plan.stages.append(std::move(stage));
            continue;
        }
        if (stage.empty) {
            plan.stages.append(std::move(stage));
            continue;
        }

        QStringList args{buildCacheVersion(), stage.name, stage.dependencies};
        if (previous) {
            args << previous->signature << previous->nextStageDependencies;
            stage.previousStage = previous->name;
            addPart(stage,
                    QStringLiteral("previous.signature"),
                    Tr::tr("signature of the previous stage (%1)").arg(previous->name),
                    previous->signature);
            addPart(stage,
                    QStringLiteral("previous.next"),
                    Tr::tr("what the previous stage passes on (its git commits)"),
                    previous->nextStageDependencies);
        }
        stage.signature = Hash::h3(args);

        // Which commits the stage image carries: those of the cached image, else the current
        // ones (a newly built git stage applies the patch up to the current commit).
        QHash<QString, QString> current;
        bool currentKnown = true;
        for (const GitMappingParams &m : image.git) {
            const GitContext::MappingState state = m_git.state(m);
            if (!state.isValid()) {
                currentKnown = false;
                break;
            }
            current.insert(m.paramshash(), state.commit);
        }

        std::optional<StageRecord> record;
        if (m_lookup) {
            record = m_lookup(image.name, id, stage.signature);
            if (record && followsGitHistory(id) && !image.git.isEmpty()) {
                const auto suits = [&](const StageRecord &candidate) {
                    for (const GitMappingParams &m : image.git) {
                        const QString recorded = candidate.gitCommits.value(m.paramshash());
                        const std::optional<bool> ancestor
                                = currentKnown && !recorded.isEmpty()
                                          ? m_git.isAncestor(m,
                                                             recorded,
                                                             current.value(m.paramshash()))
                                          : std::optional<bool>(false);
                        if (!ancestor.value_or(false))
                            return false;
                    }
                    return true;
                };
                std::optional<StageRecord> chosen;
                if (suits(*record)) {
                    chosen = *record;
                } else {
                    for (const StageRecord &younger : std::as_const(record->younger)) {
                        if (suits(younger)) {
                            chosen = younger;
                            break;
                        }
                    }
                }
                record = chosen;
            }
            stage.cache = record ? CacheStatus::Cached : CacheStatus::Missing;
            if (record)
                stage.storedAs = record->storedAs;
        }

        if (followsGitHistory(id)) {
            if (!currentKnown && !image.git.isEmpty()) {
                // gitArchive itself does not hash commits, but everything after it does.
                const GitContext::MappingState failed = [&] {
                    for (const GitMappingParams &m : image.git) {
                        const auto s = m_git.state(m);
                        if (!s.isValid())
                            return s;
                    }
                    return GitContext::MappingState{};
                }();
                blocked = {Computation::NotComputed, Tr::tr("git: %1").arg(failed.error)};
                stage.nextStageDependencies.clear();
                stage.contentSignature.clear();
                plan.stages.append(std::move(stage));
                previousIndex = plan.stages.size() - 1;
                continue;
            }
            stage.gitCommits = record ? record->gitCommits : current;
            QStringList commits;
            for (const GitMappingParams &m : image.git)
                commits.append(stage.gitCommits.value(m.paramshash()));
            std::sort(commits.begin(), commits.end());
            stage.nextStageDependencies = Hash::h256(commits);
        } else {
            stage.gitCommits = previous ? previous->gitCommits : QHash<QString, QString>();
            stage.nextStageDependencies.clear();
        }
        stage.contentSignature = Hash::h3({buildCacheVersion(),
                                           stage.name + u"-content",
                                           QString(),
                                           stage.signature,
                                           stage.nextStageDependencies});
        plan.stages.append(std::move(stage));
        previousIndex = plan.stages.size() - 1;
    }

    if (blocked.computation != Computation::Computed) {
        plan.computation = blocked.computation;
        plan.reason = blocked.reason;
        return;
    }
    const StagePlan *last = plan.lastStage();
    if (!last) {
        plan.computation = Computation::NotComputed;
        plan.reason = Tr::tr("the image has no stages");
        return;
    }
    plan.contentSignature = Hash::h3({buildCacheVersion(),
                                      QStringLiteral("imageStages"),
                                      QString(),
                                      last->signature,
                                      last->nextStageDependencies});
}

SignatureCalculator::Blocked SignatureCalculator::stageDependencies(
        const SignatureInput::Image &image, StageId id, const StagePlan *previous, StagePlan &stage)
{
    switch (id) {
    case StageId::From:
        return fromDependencies(image, stage);
    case StageId::BeforeInstall:
    case StageId::Install:
    case StageId::BeforeSetup:
    case StageId::Setup:
        return userStageDependencies(image, id, stage);
    case StageId::ImportsBeforeInstall:
    case StageId::ImportsAfterInstall:
    case StageId::ImportsBeforeSetup:
    case StageId::ImportsAfterSetup:
        return importsDependencies(image, id, stage);
    case StageId::GitArchive: {
        QStringList hashes;
        for (const GitMappingParams &m : image.git) {
            const QString ph = m.paramshash();
            hashes.append(ph);
            addPart(stage,
                    u"git[" + m.to + u"].paramshash",
                    Tr::tr("git mapping %1 → %2 (add, to, includePaths, excludePaths, owner, "
                           "group, "
                           "branch, tag, commit)")
                            .arg(m.isLocal() ? m.add : m.url + u':' + m.add, m.to),
                    ph);
        }
        std::sort(hashes.begin(), hashes.end());
        stage.dependencies = Hash::h256(hashes);
        return {};
    }
    case StageId::GitCache:
        return gitCacheDependencies(image, previous, stage);
    case StageId::GitLatestPatch:
        return gitLatestPatchDependencies(image, previous, stage);
    case StageId::DockerInstructions:
        dockerDependencies(image, stage);
        return {};
    case StageId::Dockerfile: {
        const DockerfileDependencies &d = image.dockerfile;
        if (d.computation != Computation::Computed) {
            return {d.computation,
                    d.reason.isEmpty() ? Tr::tr("the Dockerfile has not been read") : d.reason};
        }
        stage.warnings += d.warnings;
        // The hashed list, one part per entry, so that "why" can name the instruction that
        // changed; entries are matched by position, which is what the hash does too.
        for (qsizetype i = 0; i < d.list.size(); ++i) {
            addPart(stage,
                    u"dockerfile[" + QString::number(i) + u']',
                    Tr::tr("Dockerfile input %1 (instruction, expanded value or context "
                           "checksum)")
                            .arg(i + 1),
                    d.list.at(i));
        }
        stage.dependencies = d.dependencies;
        return {};
    }
    }
    return {};
}

SignatureCalculator::Blocked SignatureCalculator::fromDependencies(
        const SignatureInput::Image &image, StagePlan &stage)
{
    QStringList args;
    if (!image.fromCacheVersion.isEmpty()) {
        args.append(image.fromCacheVersion);
        addPart(stage,
                QStringLiteral("fromCacheVersion"),
                Tr::tr("fromCacheVersion"),
                image.fromCacheVersion);
    }
    if (image.fromLatest && image.fromImage.isEmpty()) {
        const QString digest = m_digests.value(image.from);
        if (digest.isEmpty())
            return {Computation::NeedsRegistry,
                    Tr::tr("fromLatest: the current digest of %1 must be read from its registry")
                            .arg(image.from)};
        args.append(digest);
        addPart(stage,
                QStringLiteral("fromLatest"),
                Tr::tr("registry digest of the base image %1").arg(image.from),
                digest);
    }
    for (int i = 0; i < image.mounts.size(); ++i) {
        const SignatureInput::Mount &m = image.mounts.at(i);
        const QString from = QString::fromUtf8(GoPath::clean(m.fromPath.toUtf8()));
        const QString to = QString::fromUtf8(GoPath::clean(m.to.toUtf8()));
        args << from << to << m.type;
        addPart(stage,
                u"mount[" + QString::number(i) + u']',
                Tr::tr("mount %1").arg(to),
                QString::fromUtf8(Hash::joined({from, to, m.type})));
    }
    if (!image.fromImage.isEmpty()) {
        Blocked blocked;
        const int source = findSource(image.fromImage, image.fromImageArtifact);
        const QString what = image.fromImageArtifact ? Tr::tr("artifact %1").arg(image.fromImage)
                                                     : Tr::tr("image %1").arg(image.fromImage);
        const auto signature = sourceContentSignature(source, QString(), what, blocked);
        if (!signature)
            return blocked;
        args.append(*signature);
        addPart(stage,
                QStringLiteral("fromImage"),
                Tr::tr("content signature of the base %1").arg(what),
                *signature);
    } else {
        args.append(image.from);
        addPart(stage, QStringLiteral("from"), Tr::tr("base image"), image.from);
    }
    stage.dependencies = Hash::h256(args);
    return {};
}

SignatureCalculator::Blocked SignatureCalculator::userStageDependencies(
        const SignatureInput::Image &image, StageId id, StagePlan &stage)
{
    const SignatureInput::Builder &builder = image.builder;
    const SignatureInput::UserStage &user = *builder.stage(id);
    const QString name = isUserStage(id) ? stageName(id) : QString();
    const QString builderName = builder.kind == SignatureInput::Builder::Kind::Ansible
                                        ? QStringLiteral("ansible")
                                        : QStringLiteral("shell");
    if (!user.error.isEmpty())
        return {Computation::NotComputed, user.error};

    QStringList versionArgs;
    if (!user.stageCacheVersion.isEmpty()) {
        versionArgs.append(user.stageCacheVersion);
        addPart(stage,
                builderName + u'.' + name + u"CacheVersion",
                builderName + u'.' + name + u"CacheVersion",
                user.stageCacheVersion);
    }
    if (!builder.cacheVersion.isEmpty()) {
        versionArgs.append(builder.cacheVersion);
        addPart(stage,
                builderName + u".cacheVersion",
                builderName + u".cacheVersion",
                builder.cacheVersion);
    }
    QStringList args = user.items;
    addPart(stage,
            builderName + u'.' + name,
            builder.kind == SignatureInput::Builder::Kind::Ansible
                    ? Tr::tr("%1 tasks of %2").arg(name, builderName)
                    : Tr::tr("%1 commands of %2").arg(name, builderName),
            user.items.join(u'\n'));
    if (!versionArgs.isEmpty())
        args.append(Hash::h256(versionArgs));
    const QString builderChecksum = args.isEmpty() ? QString() : Hash::h256(args);

    if (id == StageId::BeforeInstall) {
        stage.dependencies = builderChecksum;
        return {};
    }

    QStringList mappingChecksums;
    for (const GitMappingParams &m : image.git) {
        const QStringList paths = m.dependencies(name);
        if (paths.isEmpty()) {
            mappingChecksums.append(QString());
            continue;
        }
        const GitContext::MappingState state = m_git.state(m);
        if (!state.isValid())
            return {Computation::NotComputed,
                    Tr::tr("stageDependencies of %1 need the git repository: %2")
                            .arg(name, state.error)};
        const StageDependenciesChecksum checksum
                = GitMappingHash::stageDependenciesChecksum(m, *state.tree, paths);
        mappingChecksums.append(checksum.checksum);
        // One input per dependency path, so that "why" can name the path whose files changed.
        for (const auto &[path, pathChecksum] : checksum.pathChecksums) {
            addPart(stage,
                    u"git[" + m.to + u"].stageDependencies." + name + u':' + path,
                    Tr::tr("files of %1 (stageDependencies.%2 of git mapping %3)")
                            .arg(path, name, m.to),
                    pathChecksum.isEmpty() ? Tr::tr("(not found)") : pathChecksum);
        }
        for (const QString &p : checksum.notFound)
            stage.warnings.append(
                    QStringLiteral(
                            "WARNING: stage %1 dependency path %2 has not been found in %3 git")
                            .arg(name, p, m.repositoryName()));
    }
    stage.dependencies = Hash::h256({builderChecksum, Hash::h256(mappingChecksums)});
    return {};
}

SignatureCalculator::Blocked SignatureCalculator::importsDependencies(
        const SignatureInput::Image &image, StageId id, StagePlan &stage)
{
    QStringList args;
    int n = 0;
    for (const SignatureInput::Import &imp : image.imports) {
        if (imp.slot != id)
            continue;
        Blocked blocked;
        const int source = findSource(imp.source, imp.fromArtifact);
        const QString what = imp.fromArtifact ? Tr::tr("artifact %1").arg(imp.source)
                                              : Tr::tr("image %1").arg(imp.source);
        const auto signature = sourceContentSignature(source, imp.stage, what, blocked);
        if (!signature)
            return blocked;
        args.append(*signature);
        const QString key = u"import[" + QString::number(n) + u']';
        addPart(stage,
                key + u".source",
                imp.stage.isEmpty()
                        ? Tr::tr("content signature of %1 (import %2)").arg(what, importSlotLabel(id))
                        : Tr::tr("content signature of stage %1 of %2").arg(imp.stage, what),
                *signature);
        QStringList params{imp.add, imp.to, imp.group, imp.owner};
        params += imp.includePaths;
        params += imp.excludePaths;
        if (!imp.stage.isEmpty())
            params.append(imp.stage);
        args += params;
        addPart(stage,
                key + u".params",
                Tr::tr("import of %1: add, to, group, owner, includePaths, excludePaths, stage")
                        .arg(what),
                QString::fromUtf8(Hash::joined(params)));
        ++n;
    }
    stage.dependencies = Hash::h256(args);
    return {};
}

SignatureCalculator::Blocked SignatureCalculator::gitCacheDependencies(
        const SignatureInput::Image &image, const StagePlan *previous, StagePlan &stage)
{
    qint64 total = 0;
    bool allSame = true;
    for (const GitMappingParams &m : image.git) {
        const GitContext::MappingState state = m_git.state(m);
        if (!state.isValid())
            return {Computation::NotComputed, Tr::tr("git: %1").arg(state.error)};
        const QString recorded = previous ? previous->gitCommits.value(m.paramshash(), state.commit)
                                          : state.commit;
        if (recorded == state.commit)
            continue;
        allSame = false;
        QString error;
        const auto size = m_git.patchSize(m, recorded, state.commit, &error);
        if (!size) {
            if (error.contains(u"is not exist in the repo")) {
                total = 0; // werf counts the whole sum as 0 when a recorded commit is gone
                break;
            }
            return {Computation::NotComputed, Tr::tr("git: %1").arg(error)};
        }
        total += *size;
    }
    addPart(stage,
            QStringLiteral("gitCache.patchSize"),
            Tr::tr("size of the git patch since the previous stage (bytes)"),
            QString::number(total));
    if (allSame || total < maxPatchSize) {
        stage.empty = true;
        return {};
    }
    stage.dependencies = Hash::h256({QString::number(total / maxPatchSize)});
    return {};
}

SignatureCalculator::Blocked SignatureCalculator::gitLatestPatchDependencies(
        const SignatureInput::Image &image, const StagePlan *previous, StagePlan &stage)
{
    QStringList contents;
    bool allEmpty = true;
    for (const GitMappingParams &m : image.git) {
        const GitContext::MappingState state = m_git.state(m);
        if (!state.isValid())
            return {Computation::NotComputed, Tr::tr("git: %1").arg(state.error)};
        const QString recorded = previous ? previous->gitCommits.value(m.paramshash(), state.commit)
                                          : state.commit;
        QString error;
        const auto patch = m_git.patchContent(m, recorded, state.commit, &error);
        if (!patch)
            return {Computation::NotComputed, error};
        if (!patch->isEmpty())
            allEmpty = false;
        contents.append(QString::fromUtf8(*patch));
        addPart(stage,
                u"git[" + m.to + u"].latestPatch",
                Tr::tr("git patch %1..%2 of mapping %3")
                        .arg(recorded.left(12), state.commit.left(12), m.to),
                Hash::raw256(*patch));
    }
    if (allEmpty) {
        stage.empty = true;
        return {};
    }
    stage.dependencies = Hash::h256(contents);
    return {};
}

void SignatureCalculator::dockerDependencies(const SignatureInput::Image &image, StagePlan &stage)
{
    const SignatureInput::Docker &d = image.docker;
    QStringList args;
    args += d.volume;
    args += d.expose;
    addPart(stage,
            QStringLiteral("docker.VOLUME"),
            QStringLiteral("docker.VOLUME"),
            d.volume.join(u'\n'));
    addPart(stage,
            QStringLiteral("docker.EXPOSE"),
            QStringLiteral("docker.EXPOSE"),
            d.expose.join(u'\n'));
    auto sortedPairs = [](QList<QPair<QString, QString>> pairs) {
        // Go sort.Strings: byte order of the UTF-8 keys.
        std::stable_sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) {
            return a.first.toUtf8() < b.first.toUtf8();
        });
        QStringList out;
        for (const auto &[k, v] : pairs)
            out << k << v;
        return out;
    };
    const QStringList env = sortedPairs(d.env);
    const QStringList label = sortedPairs(d.label);
    args += env;
    args += label;
    addPart(stage,
            QStringLiteral("docker.ENV"),
            QStringLiteral("docker.ENV"),
            QString::fromUtf8(Hash::joined(env)));
    addPart(stage,
            QStringLiteral("docker.LABEL"),
            QStringLiteral("docker.LABEL"),
            QString::fromUtf8(Hash::joined(label)));
    args << d.cmd << d.entrypoint << d.workdir << d.user << d.healthcheck;
    addPart(stage, QStringLiteral("docker.CMD"), QStringLiteral("docker.CMD"), d.cmd);
    addPart(stage,
            QStringLiteral("docker.ENTRYPOINT"),
            QStringLiteral("docker.ENTRYPOINT"),
            d.entrypoint);
    addPart(stage, QStringLiteral("docker.WORKDIR"), QStringLiteral("docker.WORKDIR"), d.workdir);
    addPart(stage, QStringLiteral("docker.USER"), QStringLiteral("docker.USER"), d.user);
    addPart(stage,
            QStringLiteral("docker.HEALTHCHECK"),
            QStringLiteral("docker.HEALTHCHECK"),
            d.healthcheck);
    stage.dependencies = Hash::h256(args);
}

StageLookup SignatureCalculator::lookupFromPlan(const Plan &baseline)
{
    QHash<QString, StageRecord> records;
    for (const ImagePlan &image : baseline.images) {
        for (const StagePlan &stage : image.stages) {
            if (!stage.hasSignature())
                continue;
            records.insert(image.name + u'\n' + stage.name + u'\n' + stage.signature,
                           StageRecord{stage.gitCommits, QString(), {}});
        }
    }
    return [records](const QString &imageName,
                     StageId stage,
                     const QString &signature) -> std::optional<StageRecord> {
        const auto it = records.constFind(imageName + u'\n' + stageName(stage) + u'\n' + signature);
        if (it == records.constEnd())
            return std::nullopt;
        return *it;
    };
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandiff.h"

#include "common/tr.h"

#include <QHash>

namespace Stagecraft::Model {

namespace {

bool isPrevious(const QString &key)
{
    return key.startsWith(u"previous.");
}

/**
 * "stageDependencies of install: package.json changed" for the per-path inputs the calculator
 * records as "git[<to>].stageDependencies.<stage>:<path>"; the label otherwise.
 */
QString describeChange(const InputChange &c)
{
    static const QString marker = QStringLiteral("].stageDependencies.");
    const qsizetype at = c.key.indexOf(marker);
    const qsizetype colon = at < 0 ? -1 : c.key.indexOf(u':', at);
    if (c.key.startsWith(u"git[") && at > 0 && colon > 0) {
        const QString to = c.key.mid(4, at - 4);
        const QString stage = c.key.mid(at + marker.size(), colon - at - marker.size());
        const QString path = c.key.mid(colon + 1);
        const QString notFound = Tr::tr("(not found)");
        if (c.before.isEmpty())
            return Tr::tr("stageDependencies of %1: %2 added (git mapping %3)").arg(stage, path, to);
        if (c.after.isEmpty())
            return Tr::tr("stageDependencies of %1: %2 removed (git mapping %3)")
                    .arg(stage, path, to);
        if (c.before == notFound)
            return Tr::tr("stageDependencies of %1: %2 appeared in the repository (git mapping %3)")
                    .arg(stage, path, to);
        if (c.after == notFound)
            return Tr::tr("stageDependencies of %1: %2 is no longer in the repository (git "
                          "mapping %3)")
                    .arg(stage, path, to);
        return Tr::tr("stageDependencies of %1: %2 changed (git mapping %3)").arg(stage, path, to);
    }
    // gitLatestPatch hashes the patch since the commit of the previous stage's image.
    if (c.key.startsWith(u"git[") && c.key.endsWith(u"].latestPatch") && !c.after.isEmpty())
        return Tr::tr("files changed in git since the previous stage was built (%1)").arg(c.label);
    if (c.before.isEmpty())
        return Tr::tr("%1 added").arg(c.label);
    if (c.after.isEmpty())
        return Tr::tr("%1 removed").arg(c.label);
    return Tr::tr("%1 changed").arg(c.label);
}

QList<InputChange> changedInputs(const StagePlan &before, const StagePlan &after, bool previous)
{
    QList<InputChange> result;
    QHash<QString, const SignaturePart *> old;
    for (const SignaturePart &p : before.inputs)
        old.insert(p.key, &p);
    QSet<QString> seen;
    for (const SignaturePart &p : after.inputs) {
        if (isPrevious(p.key) != previous)
            continue;
        seen.insert(p.key);
        const SignaturePart *o = old.value(p.key);
        if (!o)
            result.append({p.key, p.label, QString(), p.value});
        else if (o->value != p.value)
            result.append({p.key, p.label, o->value, p.value});
    }
    for (const SignaturePart &p : before.inputs) {
        if (isPrevious(p.key) != previous || seen.contains(p.key))
            continue;
        result.append({p.key, p.label, p.value, QString()});
    }
    return result;
}

} // namespace

QString StageChange::kindName() const
{
    switch (kind) {
    case Kind::Unchanged:
        return QStringLiteral("unchanged");
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Invalidated:
        return QStringLiteral("invalidated");
    case Kind::NotComparable:
        return QStringLiteral("not-comparable");
    }
    return QString();
}

QString StageChange::causeName() const
{
    if (kind != Kind::Invalidated)
        return QString();
    if (gitHistory)
        return QStringLiteral("git-history");
    return previousOnly ? QStringLiteral("previous-stage") : QStringLiteral("input");
}

QStringList StageChange::reasons() const
{
    QStringList out;
    switch (kind) {
    case Kind::Added:
        out.append(Tr::tr("new stage"));
        return out;
    case Kind::Removed:
        out.append(Tr::tr("stage removed"));
        return out;
    case Kind::NotComparable:
        out.append(detail.isEmpty() ? Tr::tr("signature not available on both sides") : detail);
        return out;
    case Kind::Unchanged:
        return out;
    case Kind::Invalidated:
        break;
    }
    if (gitHistory) {
        out.append(Tr::tr("the baseline's stage image was built from a git commit that is not an "
                          "ancestor of the current one"));
        return out;
    }
    for (const InputChange &c : inputs)
        out.append(describeChange(c));
    if (previousOnly)
        out.append(Tr::tr("previous stage only"));
    return out;
}

QList<StageChange> PlanDiff::compare(const Plan &before, const Plan &after)
{
    QList<StageChange> result;
    // Name lookups by hash: plans of large configs have thousands of images.
    auto index = [](const Plan &plan) {
        QHash<QString, const ImagePlan *> byName;
        for (const ImagePlan &image : plan.images)
            byName.insert(QString::number(int(image.kind)) + u'\n' + image.name, &image);
        return byName;
    };
    const QHash<QString, const ImagePlan *> beforeIndex = index(before);
    const QHash<QString, const ImagePlan *> afterIndex = index(after);
    auto find = [](const QHash<QString, const ImagePlan *> &byName, const ImagePlan &image) {
        return byName.value(QString::number(int(image.kind)) + u'\n' + image.name);
    };
    auto makeChange = [](const ImagePlan &image, const StagePlan &stage) {
        StageChange c;
        c.image = image.displayName();
        c.imageKind = image.kind;
        c.stage = stage.id;
        c.stageName = stage.name;
        return c;
    };
    for (const ImagePlan &image : after.images) {
        const ImagePlan *old = find(beforeIndex, image);
        for (const StagePlan &stage : image.stages) {
            StageChange c = makeChange(image, stage);
            c.signatureAfter = stage.hasSignature() ? stage.signature : QString();
            const StagePlan *o = old ? old->stage(stage.id) : nullptr;
            if (!o) {
                c.kind = StageChange::Kind::Added;
                result.append(c);
                continue;
            }
            c.signatureBefore = o->hasSignature() ? o->signature : QString();
            // A stage that was empty (a git patch stage with nothing to apply) and now has a
            // signature is built by werf: compare its inputs like an invalidated stage.
            const bool nowNeeded = o->empty && o->computation == Computation::Computed
                                   && stage.hasSignature();
            if (!nowNeeded && (!o->hasSignature() || !stage.hasSignature())) {
                c.kind = (o->hasSignature() == stage.hasSignature() && o->empty == stage.empty)
                                 ? StageChange::Kind::Unchanged
                                 : StageChange::Kind::NotComparable;
                if (c.kind == StageChange::Kind::NotComparable) {
                    if (stage.empty && o->hasSignature())
                        c.detail = Tr::tr("nothing to apply any more: werf skips the stage");
                    else if (!stage.hasSignature())
                        c.detail = Tr::tr("signature not computed: %1").arg(stage.reason);
                    else
                        c.detail = Tr::tr("the baseline's signature was not computed: %1")
                                           .arg(o->reason);
                }
                result.append(c);
                continue;
            }
            if (o->signature == stage.signature) {
                // Same signature, but a stages storage lookup (the baseline as if built) refused
                // the image because of its git history: werf builds the stage again.
                c.gitHistory = stage.cache == CacheStatus::Missing
                               && o->cache != CacheStatus::Missing;
                c.kind = c.gitHistory ? StageChange::Kind::Invalidated
                                      : StageChange::Kind::Unchanged;
                result.append(c);
                continue;
            }
            c.kind = StageChange::Kind::Invalidated;
            c.inputs = changedInputs(*o, stage, false);
            c.previousChanged = !changedInputs(*o, stage, true).isEmpty();
            if (o->dependencies == stage.dependencies && !nowNeeded) {
                // The stage's own hash is the same: the change came from the previous stage.
                c.inputs.clear();
                c.previousOnly = true;
            } else if (c.inputs.isEmpty()) {
                c.inputs.append({QStringLiteral("dependencies"),
                                 Tr::tr("stage inputs"),
                                 o->dependencies,
                                 stage.dependencies});
            }
            result.append(c);
        }
        if (old) {
            for (const StagePlan &stage : old->stages) {
                if (!image.stage(stage.id)) {
                    StageChange c = makeChange(image, stage);
                    c.kind = StageChange::Kind::Removed;
                    c.signatureBefore = stage.signature;
                    result.append(c);
                }
            }
        }
    }
    for (const ImagePlan &image : before.images) {
        if (find(afterIndex, image))
            continue;
        for (const StagePlan &stage : image.stages) {
            StageChange c = makeChange(image, stage);
            c.kind = StageChange::Kind::Removed;
            c.signatureBefore = stage.signature;
            result.append(c);
        }
    }
    return result;
}

QList<StageChange> PlanDiff::invalidated(const Plan &before, const Plan &after)
{
    QList<StageChange> result;
    for (const StageChange &c : compare(before, after)) {
        if (c.kind == StageChange::Kind::Added || c.kind == StageChange::Kind::Removed
            || c.kind == StageChange::Kind::Invalidated)
            result.append(c);
    }
    return result;
}

} // namespace Stagecraft::Model

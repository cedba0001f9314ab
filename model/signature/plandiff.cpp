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
        out.append(Tr::tr("signature not available on both sides"));
        return out;
    case Kind::Unchanged:
        return out;
    case Kind::Invalidated:
        break;
    }
    for (const InputChange &c : inputs) {
        if (c.before.isEmpty())
            out.append(Tr::tr("%1 added").arg(c.label));
        else if (c.after.isEmpty())
            out.append(Tr::tr("%1 removed").arg(c.label));
        else
            out.append(Tr::tr("%1 changed").arg(c.label));
    }
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
            if (!o->hasSignature() || !stage.hasSignature()) {
                c.kind = (o->hasSignature() == stage.hasSignature() && o->empty == stage.empty)
                                 ? StageChange::Kind::Unchanged
                                 : StageChange::Kind::NotComparable;
                result.append(c);
                continue;
            }
            if (o->signature == stage.signature) {
                c.kind = StageChange::Kind::Unchanged;
                result.append(c);
                continue;
            }
            c.kind = StageChange::Kind::Invalidated;
            c.inputs = changedInputs(*o, stage, false);
            if (o->dependencies == stage.dependencies) {
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

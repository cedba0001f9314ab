// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatif.h"

#include "common/tr.h"
#include "config/configloader.h"
#include "signaturecalculator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Stagecraft::Model {

namespace {

QString shortSignature(const QString &signature)
{
    return signature.isEmpty() ? QStringLiteral("-") : signature.left(12);
}

/** The images of the changes in their order, each with its changes. */
QList<QList<StageChange>> groupByImage(const QList<StageChange> &changes)
{
    QList<QList<StageChange>> groups;
    QHash<QString, qsizetype> index;
    for (const StageChange &c : changes) {
        const QString key = QString::number(int(c.imageKind)) + u'\n' + c.image;
        const auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, groups.size());
            groups.append({c});
        } else {
            groups[*it].append(c);
        }
    }
    return groups;
}

} // namespace

int WhatIf::rebuildCount() const
{
    int n = 0;
    for (const StageChange &c : changes)
        n += c.kind == StageChange::Kind::Invalidated || c.kind == StageChange::Kind::Added;
    return n;
}

QList<StageChange> WhatIf::changesOf(const QString &image, ImageKind kind) const
{
    QList<StageChange> result;
    for (const StageChange &c : changes) {
        if (c.image == image && c.imageKind == kind)
            result.append(c);
    }
    return result;
}

QByteArray WhatIf::toJson() const
{
    QHash<QString, int> counts;
    QJsonArray imagesJson;
    for (const QList<StageChange> &group : groupByImage(changes)) {
        QJsonArray stagesJson;
        for (const StageChange &c : group) {
            ++counts[c.kindName()];
            QJsonArray inputs;
            for (const InputChange &i : c.inputs)
                inputs.append(QJsonObject{{QStringLiteral("key"), i.key},
                                          {QStringLiteral("label"), i.label},
                                          {QStringLiteral("before"), i.before},
                                          {QStringLiteral("after"), i.after}});
            stagesJson.append(QJsonObject{
                    {QStringLiteral("name"), c.stageName},
                    {QStringLiteral("status"), c.kindName()},
                    {QStringLiteral("cause"), c.causeName()},
                    {QStringLiteral("baselineSignature"), c.signatureBefore},
                    {QStringLiteral("signature"), c.signatureAfter},
                    {QStringLiteral("reasons"), QJsonArray::fromStringList(c.reasons())},
                    {QStringLiteral("changedInputs"), inputs},
                    {QStringLiteral("previousStageChanged"), c.previousChanged},
            });
        }
        imagesJson.append(
                QJsonObject{{QStringLiteral("name"), group.first().image},
                            {QStringLiteral("kind"), imageKindName(group.first().imageKind)},
                            {QStringLiteral("stages"), stagesJson}});
    }
    const QJsonObject summary{
            {QStringLiteral("stages"), int(changes.size())},
            {QStringLiteral("unchanged"), counts.value(QStringLiteral("unchanged"))},
            {QStringLiteral("invalidated"), counts.value(QStringLiteral("invalidated"))},
            {QStringLiteral("added"), counts.value(QStringLiteral("added"))},
            {QStringLiteral("removed"), counts.value(QStringLiteral("removed"))},
            {QStringLiteral("notComparable"), counts.value(QStringLiteral("not-comparable"))},
    };
    const QJsonObject root{{QStringLiteral("project"), current.project},
                           {QStringLiteral("baseline"), baselineFile},
                           {QStringLiteral("current"), currentFile},
                           {QStringLiteral("summary"), summary},
                           {QStringLiteral("images"), imagesJson}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString WhatIf::toText() const
{
    QString text = Tr::tr("what-if for project %1: %2 against the baseline %3")
                           .arg(current.project, currentFile, baselineFile)
                   + u'\n';
    for (const QList<StageChange> &group : groupByImage(changes)) {
        text += u'\n' + imageKindName(group.first().imageKind) + u' ' + group.first().image + u'\n';
        for (const StageChange &c : group) {
            QString line = QStringLiteral("  %1 %2 ").arg(c.stageName, -22).arg(c.kindName(), -15);
            if (c.kind == StageChange::Kind::Unchanged || c.signatureBefore == c.signatureAfter)
                line += shortSignature(c.signatureAfter);
            else
                line += shortSignature(c.signatureBefore) + QStringLiteral(" → ")
                        + shortSignature(c.signatureAfter);
            text += line + u'\n';
            for (const QString &reason : c.reasons())
                text += QStringLiteral("      ") + reason + u'\n';
        }
    }
    text += u'\n'
            + Tr::tr("%1 of %2 stages would be rebuilt").arg(rebuildCount()).arg(changes.size())
            + u'\n';
    return text;
}

Plan planAgainst(const LoadedProject &current, const Plan &baseline, PlanOptions options)
{
    // The cache states this produces (cached = as in the baseline) are what PlanDiff reads to
    // tell a refused git history from an unchanged stage.
    options.lookup = SignatureCalculator::lookupFromPlan(baseline);
    return planProject(current, options);
}

PlanBasis planAgainstWithBasis(const LoadedProject &current,
                               const Plan &baseline,
                               PlanOptions options)
{
    options.lookup = SignatureCalculator::lookupFromPlan(baseline);
    return planProjectWithBasis(current, options);
}

WhatIf whatIf(const LoadedProject &baseline,
              const LoadedProject &current,
              const PlanOptions &options)
{
    PlanOptions baselineOptions = options;
    baselineOptions.lookup = nullptr;
    Plan before = planProject(baseline, baselineOptions);
    Plan after = planAgainst(current, before, options);
    WhatIf result = whatIf(std::move(before), std::move(after));
    result.baselineFile = baseline.configFile;
    result.currentFile = current.configFile;
    return result;
}

WhatIf whatIf(Plan baseline, Plan current)
{
    WhatIf result;
    result.changes = PlanDiff::compare(baseline, current);
    result.baseline = std::move(baseline);
    result.current = std::move(current);
    return result;
}

} // namespace Stagecraft::Model

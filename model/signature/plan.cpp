// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Stagecraft::Model {

QString StagePlan::statusName() const
{
    switch (computation) {
    case Computation::NeedsRegistry:
        return QStringLiteral("needs-registry");
    case Computation::NotComputed:
        return QStringLiteral("not-computed");
    case Computation::Computed:
        break;
    }
    if (empty)
        return QStringLiteral("empty");
    switch (cache) {
    case CacheStatus::Cached:
        return QStringLiteral("cached");
    case CacheStatus::Missing:
        return QStringLiteral("missing");
    case CacheStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

const StagePlan *ImagePlan::stage(StageId id) const
{
    for (const StagePlan &s : stages) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const StagePlan *ImagePlan::lastStage() const
{
    for (auto it = stages.crbegin(); it != stages.crend(); ++it) {
        if (it->hasSignature())
            return &*it;
    }
    return nullptr;
}

const ImagePlan *Plan::image(const QString &name, ImageKind kind) const
{
    for (const ImagePlan &i : images) {
        if (i.name == name && i.kind == kind)
            return &i;
    }
    return nullptr;
}

QByteArray Plan::toJson() const
{
    QJsonArray imagesJson;
    for (const ImagePlan &image : images) {
        QJsonArray stagesJson;
        for (const StagePlan &stage : image.stages) {
            QJsonObject s{{QStringLiteral("name"), stage.name},
                          {QStringLiteral("status"), stage.statusName()}};
            if (!stage.storedAs.isEmpty())
                s.insert(QStringLiteral("storedAs"), stage.storedAs);
            if (!stage.statusReason.isEmpty())
                s.insert(QStringLiteral("statusReason"), stage.statusReason);
            if (stage.hasSignature()) {
                s.insert(QStringLiteral("dependencies"), stage.dependencies);
                s.insert(QStringLiteral("signature"), stage.signature);
                s.insert(QStringLiteral("contentSignature"), stage.contentSignature);
            } else {
                s.insert(QStringLiteral("dependencies"), QJsonValue::Null);
                s.insert(QStringLiteral("signature"), QJsonValue::Null);
                if (!stage.reason.isEmpty())
                    s.insert(QStringLiteral("reason"), stage.reason);
            }
            stagesJson.append(s);
        }
        QJsonObject i{{QStringLiteral("name"), image.displayName()},
                      {QStringLiteral("kind"), imageKindName(image.kind)},
                      {QStringLiteral("stages"), stagesJson}};
        i.insert(QStringLiteral("contentSignature"),
                 image.contentSignature.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(image.contentSignature));
        if (!image.reason.isEmpty())
            i.insert(QStringLiteral("reason"), image.reason);
        imagesJson.append(i);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("images"), imagesJson}})
            .toJson(QJsonDocument::Indented);
}

} // namespace Stagecraft::Model

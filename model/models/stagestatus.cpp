// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagestatus.h"

#include "common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Stagecraft::Model {

QList<StageStatus> allStageStatuses()
{
    return {StageStatus::Unknown,
            StageStatus::Cached,
            StageStatus::Invalidated,
            StageStatus::Building,
            StageStatus::Built,
            StageStatus::Failed};
}

QString stageStatusName(StageStatus status)
{
    switch (status) {
    case StageStatus::Unknown:
        return QStringLiteral("unknown");
    case StageStatus::Cached:
        return QStringLiteral("cached");
    case StageStatus::Invalidated:
        return QStringLiteral("invalidated");
    case StageStatus::Building:
        return QStringLiteral("building");
    case StageStatus::Built:
        return QStringLiteral("built");
    case StageStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString stageStatusDisplayName(StageStatus status)
{
    switch (status) {
    case StageStatus::Unknown:
        return Tr::tr("Unknown", "stage status");
    case StageStatus::Cached:
        return Tr::tr("Cached", "stage status");
    case StageStatus::Invalidated:
        return Tr::tr("Invalidated", "stage status");
    case StageStatus::Building:
        return Tr::tr("Building", "stage status");
    case StageStatus::Built:
        return Tr::tr("Built", "stage status");
    case StageStatus::Failed:
        return Tr::tr("Failed", "stage status");
    }
    return {};
}

QColor stageStatusColor(StageStatus status)
{
    // Okabe-Ito based: distinguishable with deuteranopia/protanopia, readable on white and #1e1e1e.
    switch (status) {
    case StageStatus::Unknown:
        return QColor(0x9a, 0xa3, 0xad);
    case StageStatus::Cached:
        return QColor(0x00, 0x9e, 0x73);
    case StageStatus::Invalidated:
        return QColor(0xe6, 0x9f, 0x00);
    case StageStatus::Building:
        return QColor(0x00, 0x72, 0xb2);
    case StageStatus::Built:
        return QColor(0x56, 0xb4, 0xe9);
    case StageStatus::Failed:
        return QColor(0xd5, 0x3e, 0x00);
    }
    return {};
}

StageStatus summarizeStatuses(const QList<StageStatus> &statuses)
{
    if (statuses.isEmpty())
        return StageStatus::Unknown;
    bool allDone = true;
    bool anyBuilt = false;
    bool anyInvalidated = false;
    bool anyBuilding = false;
    for (StageStatus s : statuses) {
        if (s == StageStatus::Failed)
            return StageStatus::Failed;
        anyBuilding = anyBuilding || s == StageStatus::Building;
        anyInvalidated = anyInvalidated || s == StageStatus::Invalidated;
        anyBuilt = anyBuilt || s == StageStatus::Built;
        allDone = allDone && (s == StageStatus::Cached || s == StageStatus::Built);
    }
    if (anyBuilding)
        return StageStatus::Building;
    if (anyInvalidated)
        return StageStatus::Invalidated;
    if (allDone)
        return anyBuilt ? StageStatus::Built : StageStatus::Cached;
    return StageStatus::Unknown;
}

QString statusKey(const ConveyorImage &image, StageId stage)
{
    return image.displayName() + u'/' + stageName(stage);
}

} // namespace Stagecraft::Model

namespace Stagecraft::Model {

std::optional<StageStatuses> statusesFromPlanJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = Tr::tr("not a plan: %1 at byte %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonValue images = document.object().value(QStringLiteral("images"));
    if (!images.isArray()) {
        if (error)
            *error = Tr::tr("not a plan: no \"images\" list (expected `stagecraft plan --json` "
                            "output)");
        return std::nullopt;
    }
    StageStatuses statuses;
    for (const QJsonValue &imageValue : images.toArray()) {
        const QJsonObject image = imageValue.toObject();
        QString name = image.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            name = QStringLiteral("~");
        for (const QJsonValue &stageValue : image.value(QStringLiteral("stages")).toArray()) {
            const QJsonObject stage = stageValue.toObject();
            const QString status = stage.value(QStringLiteral("status")).toString();
            std::optional<StageStatus> mapped;
            if (status == u"missing")
                mapped = StageStatus::Invalidated;
            for (StageStatus s : allStageStatuses()) {
                if (stageStatusName(s) == status)
                    mapped = s;
            }
            if (mapped)
                statuses.insert(name + u'/' + stage.value(QStringLiteral("name")).toString(),
                                *mapped);
        }
    }
    return statuses;
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Stagecraft::Model {

// No Q_ENUM_NS: the namespace's one Q_NAMESPACE lives in conveyor/conveyor.h.
/** What is known about one stage: looked up in a stages storage or reported by a build. */
enum class StageStatus {
    Unknown,     ///< not looked up yet (the default)
    Cached,      ///< an image with the stage's signature is in the stages storage
    Invalidated, ///< the stage's signature changed; it will be rebuilt
    Building,    ///< a build of the stage is running
    Built,       ///< built in this session
    Failed,      ///< the last build of the stage failed
};

/** All statuses in legend order. */
QList<StageStatus> allStageStatuses();
/** "unknown", "cached", ... (the words of `stagecraft plan --json`). */
QString stageStatusName(StageStatus status);
/** The translated word shown to the user. */
QString stageStatusDisplayName(StageStatus status);
/**
 * The colour that means the status everywhere (scene, tree, legend, export). The colours are
 * picked to stay apart for the common colour-vision deficiencies and on light and dark backgrounds.
 */
QColor stageStatusColor(StageStatus status);

/**
 * Combines stage statuses into one for a collapsed image: a failure or a running build wins, then
 * invalidation; an image is cached/built only when all its stages are.
 */
StageStatus summarizeStatuses(const QList<StageStatus> &statuses);

/** The statuses a document supplies, keyed by statusKey(image, stage). */
using StageStatuses = QHash<QString, StageStatus>;
/** Stage signatures, keyed like StageStatuses. */
using StageSignatures = QHash<QString, QString>;

/** "image/stage", with "~" for the nameless image: the key of StageStatuses and StageSignatures. */
QString statusKey(const ConveyorImage &image, StageId stage);

} // namespace Stagecraft::Model

namespace Stagecraft::Model {

/**
 * Stage statuses from `stagecraft plan --json` output (for `export --status-from`): "cached" is
 * Cached, "missing" (not in the stages storage, so it will be built) is Invalidated, and the
 * view's own names (invalidated, building, built, failed) are taken as they are. Returns nullopt
 * and sets `error` when the text is not a plan.
 */
std::optional<StageStatuses> statusesFromPlanJson(const QByteArray &json, QString *error);

} // namespace Stagecraft::Model

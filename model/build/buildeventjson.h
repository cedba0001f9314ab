// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildevent.h"

#include <QByteArray>

namespace Stagecraft::Model {

/**
 * One line of `stagecraft build --json-events`: a compact JSON object with "event" first, e.g.
 * `{"event":"stage-built","image":"app","stage":"install","signature":"…","durationMs":812,…}`.
 *
 * Fields, where they apply: image, stage, signature, durationMs, exitCode, message, result
 * (build-finished and image-finished: succeeded|failed|cancelled), stageImage (the stored image
 * name), imageId, size, lastOutput (stage-failed). Output lines give an empty array: they are
 * not part of the event stream.
 */
QByteArray buildEventJsonLine(const BuildEvent &event);

} // namespace Stagecraft::Model

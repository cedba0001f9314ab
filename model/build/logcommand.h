// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QIODevice;
class QTextStream;

namespace Stagecraft::Model {

class BuildLogSummary;

/**
 * `stagecraft log FILE [--json]`: summarises a saved werf build log.
 *
 * Text mode prints a readable summary per image (cached, built and failed stages with
 * durations and signatures, the failure with its message and last output lines).
 *
 * JSON mode prints one compact JSON object per line (JSON Lines), in log order, the events of
 * `stagecraft build --json-events`:
 *
 *  - `{"event":"build-started","version"}` — only when the log has werf's `Version:` line
 *  - `{"event":"image-started","image","platform"?,"kind":"image|artifact|intermediate"}`
 *  - `{"event":"stage-started","image","stage","platform"?}`
 *  - `{"event":"stage-cached","image","stage","platform"?,"signature"?,"imageId"?}`; a stage
 *    whose fresh build werf discarded because another builder stored it first is also
 *    `stage-cached`, with `"durationMs"` and `"discarded":true`
 *  - `{"event":"stage-built","image","stage","platform"?,"durationMs"?,"signature"?,"imageId"?}`
 *  - `{"event":"stage-failed","image","stage","platform"?,"durationMs"?,"exitCode"?,
 *    "message"?,"lastOutput":[...]}` — message and exit code come from werf's final `Error:`;
 *    a stage named only by that error (its footer is not in the log) is reported there
 *  - `{"event":"stage-missing","image","stage"}` — werf 1.0 `... is not exist in stages storage`
 *  - `{"event":"process-failed","message","durationMs"?,"image"?}` — another werf process failed
 *  - `{"event":"image-finished","image","platform"?,"durationMs"?,"result":"succeeded|failed"}`
 *  - last: `{"event":"build-finished","result":"succeeded|failed|incomplete","durationMs"?,
 *    "message"?,"image"?,"stage"?,"exitCode"?}` — `durationMs` is werf's running time;
 *    `incomplete` means the log shows neither werf's running time nor a failure (an excerpt).
 *
 * Fields marked `?` are left out when the log does not give them. Output lines of child
 * processes are not printed, except the last ones of a failed stage.
 *
 * Returns 0 when the log was summarised (whatever the build's result), 1 when the file cannot
 * be read or contains no werf build output; messages go to @p err as `FILE:LINE:COL: error: ...`.
 * The file is read in chunks, so memory stays bounded for any file size.
 */
int runLogCommand(const QString &file, bool json, QTextStream &out, QTextStream &err);

/** The same, reading from an open device; @p name is used in messages. */
int runLogCommand(
        QIODevice &input, const QString &name, bool json, QTextStream &out, QTextStream &err);

/** The text-mode summary. */
QString formatBuildLogSummary(const BuildLogSummary &summary);

} // namespace Stagecraft::Model

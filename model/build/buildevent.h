// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * One thing that happened during a werf build, as recognised in werf's console output
 * (see WerfLogParser). A plain value: which fields are set depends on the kind; unset
 * strings are empty and unset numbers are -1.
 */
struct BuildEvent
{
    enum class Kind {
        BuildStarted,  ///< `Version: ...`; text = the version
        ImageStarted,  ///< image header; image, platform, role
        ImageFinished, ///< image footer; image, platform, durationMs, failed
        StageStarted,  ///< `┌ Building stage IMG/STAGE`
        StageCached,   ///< `Use cache image for` / `Use previously built image for`, with its info
        StageBuilt,    ///< stage footer without FAILED, with its info; discarded after a lost race
        StageFailed,   ///< stage footer with FAILED
        StageDiscarded, ///< `Discarding newly built image for stage ...`; imageName = the existing image
        StageMissing,  ///< werf 1.0 `image X stage Y is not exist in stages storage`
        Output,        ///< a child-process line tagged `IMG/STAGE  `; text = the line
        ProcessFailed, ///< any other werf process that ended with FAILED; text = its title
        Error,         ///< the final `Error: ` message (joined when werf split it over lines)
        Panic,         ///< a Go `panic: ` line; text = the panic message
        RunningTime,   ///< `Running time N seconds`; durationMs
        /** BuildWorker only: the whole build ended; result, durationMs, text = why it failed. */
        BuildFinished,
    };

    /** How werf labelled the image block (emoji or word in its header). */
    enum class ImageRole {
        Image,        ///< `⛵ image`, `🛳️  image`, `image`
        Artifact,     ///< `🛸 artifact`, `artifact`
        Intermediate, ///< `🏗️  image` (2.x: former artifacts and dependency-only images)
    };

    Kind kind = Kind::Output;
    QString image;    ///< werf image name; may contain '/', `~` for the nameless image
    QString platform; ///< `linux/amd64` when werf logged one
    QString stage;    ///< stage name (`from`, `install`, `dockerfile`, `COPY3`, ...)
    QString text;
    ImageRole role = ImageRole::Image;
    qint64 durationMs = -1;
    bool failed = false;
    bool discarded = false; ///< StageBuilt: another builder stored the stage first
    int exitCode = -1;      ///< Error: the exit code named in the message
    QString signature;      ///< stage signature (1.0/1.1 `tag:`) or digest (1.2+ `name:`)
    QString imageId;        ///< `image_id:` / `id:`
    QString imageName;      ///< `name:` (1.2+) or `repository:tag` (1.0/1.1)
    QString size;           ///< `size:` or `diff:` as printed
    int line = 0;           ///< 1-based input line where the event was recognised
    /** BuildFinished: "succeeded", "failed" or "cancelled". */
    QString result;
    /** StageFailed from a BuildWorker: the last output lines of the failed stage. */
    QStringList lastOutput;

    static QString kindName(Kind kind);
    static QString roleName(ImageRole role);
};

} // namespace Stagecraft::Model

Q_DECLARE_METATYPE(Stagecraft::Model::BuildEvent)

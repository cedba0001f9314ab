// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stagecraft::Model {

/** One build stage of a Dockerfile (`FROM base [AS name]`), for drawing inside a Dockerfile image. */
struct DockerfileStage
{
    /** The `AS` name, or the stage's index as text when it has none (Docker's own convention). */
    QString name;
    QString base; ///< the `FROM` argument
    int line = 0; ///< 1-based line of the FROM instruction
    /** Indices of earlier stages this one copies from (`COPY --from=`) or builds on (`FROM name`). */
    QList<int> dependsOn;
};

/**
 * Reads the build stages of a Dockerfile: FROM instructions, their AS names, and the stages that
 * `COPY --from=` and `FROM <stage>` refer to. Line continuations and comments are honoured; it never
 * fails, unreadable lines are skipped.
 */
QList<DockerfileStage> parseDockerfileStages(const QByteArray &text);

} // namespace Stagecraft::Model

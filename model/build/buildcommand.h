// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildoptions.h"
#include "config/configloader.h"

#include <QString>

class QTextStream;

namespace Stagecraft::Model {

/**
 * `stagecraft build PATH …`: loads the project, builds it with a BuildWorker and prints what
 * happens: with @p json one buildEventJsonLine() per event (ending with build-finished), else a
 * readable line per stage plus the stages' output tagged `image/stage  `.
 *
 * Returns 0 only when the build succeeded; 1 when it failed, was cancelled or was refused
 * (project errors, ansible on buildah, unknown image). Needs a running Q(Core)Application;
 * it spins a local event loop until the build ends.
 */
int runBuildCommand(const QString &path,
                    const LoadOptions &loadOptions,
                    const BuildOptions &options,
                    bool json,
                    QTextStream &out,
                    QTextStream &err);

} // namespace Stagecraft::Model

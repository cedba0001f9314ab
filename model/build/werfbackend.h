// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

struct BuildSession;
struct BuildOptions;
struct LoadedProject;

/**
 * The werf backend: `werf build` with flags that keep its log parseable (GRAMMAR.md §6: no
 * colour, pretty borders and `img/stage` tags kept, no wrapping at a width of 4096), its output
 * turned into BuildEvents by WerfLogParser. Blocking; runs in the build thread.
 */
void runWerfBuild(BuildSession &session);

/** The werf command line for a build (without the program). */
QStringList werfBuildArguments(const LoadedProject &project, const BuildOptions &options);

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

namespace Stagecraft::Model {

/** beforeInstall, install, beforeSetup, setup: the stages of shell/ansible commands. */
bool isUserStage(StageId stage);

/** The stages whose cached candidates werf chooses by git-commit ancestry (§5.3, §6.3). */
bool followsGitHistory(StageId stage);

} // namespace Stagecraft::Model

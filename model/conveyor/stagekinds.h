// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"

namespace Stagecraft::Model {

/** beforeInstall, install, beforeSetup, setup: the stages of shell/ansible commands. */
bool isUserStage(StageId stage);

/** The user stages in conveyor order; ShellConfig::commands() and the like number them so. */
inline constexpr StageId userStages[] = {StageId::BeforeInstall,
                                         StageId::Install,
                                         StageId::BeforeSetup,
                                         StageId::Setup};

/** Where @p stage is in userStages, or -1 when it is not a user stage. */
int userStageIndex(StageId stage);

/** The stages whose cached candidates werf chooses by git-commit ancestry (§5.3, §6.3). */
bool followsGitHistory(StageId stage);

} // namespace Stagecraft::Model

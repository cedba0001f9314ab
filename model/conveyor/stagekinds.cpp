// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagekinds.h"

namespace Stagecraft::Model {

bool isUserStage(StageId stage)
{
    return userStageIndex(stage) >= 0;
}

int userStageIndex(StageId stage)
{
    for (int k = 0; k < 4; ++k) {
        if (userStages[k] == stage)
            return k;
    }
    return -1;
}

bool followsGitHistory(StageId stage)
{
    switch (stage) {
    case StageId::GitArchive:
    case StageId::Install:
    case StageId::BeforeSetup:
    case StageId::Setup:
    case StageId::GitCache:
    case StageId::GitLatestPatch:
        return true;
    default:
        return false;
    }
}

} // namespace Stagecraft::Model

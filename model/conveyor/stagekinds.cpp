// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagekinds.h"

namespace Stagecraft::Model {

bool isUserStage(StageId stage)
{
    switch (stage) {
    case StageId::BeforeInstall:
    case StageId::Install:
    case StageId::BeforeSetup:
    case StageId::Setup:
        return true;
    default:
        return false;
    }
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildevent.h"

using namespace Qt::StringLiterals;

namespace Stagecraft::Model {

QString BuildEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::BuildStarted:
        return u"build-started"_s;
    case Kind::ImageStarted:
        return u"image-started"_s;
    case Kind::ImageFinished:
        return u"image-finished"_s;
    case Kind::StageStarted:
        return u"stage-started"_s;
    case Kind::StageCached:
        return u"stage-cached"_s;
    case Kind::StageBuilt:
        return u"stage-built"_s;
    case Kind::StageFailed:
        return u"stage-failed"_s;
    case Kind::StageDiscarded:
        return u"stage-discarded"_s;
    case Kind::StageMissing:
        return u"stage-missing"_s;
    case Kind::Output:
        return u"output"_s;
    case Kind::ProcessFailed:
        return u"process-failed"_s;
    case Kind::Error:
        return u"error"_s;
    case Kind::Panic:
        return u"panic"_s;
    case Kind::RunningTime:
        return u"running-time"_s;
    case Kind::BuildFinished:
        return u"build-finished"_s;
    }
    return {};
}

QString BuildEvent::roleName(ImageRole role)
{
    switch (role) {
    case ImageRole::Image:
        return u"image"_s;
    case ImageRole::Artifact:
        return u"artifact"_s;
    case ImageRole::Intermediate:
        return u"intermediate"_s;
    }
    return {};
}

} // namespace Stagecraft::Model

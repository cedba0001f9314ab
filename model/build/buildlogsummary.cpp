// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildlogsummary.h"

using namespace Qt::StringLiterals;

namespace Stagecraft::Model {

QString BuildLogSummary::Image::displayName() const
{
    return platform.isEmpty() ? name : name + u" ["_s + platform + u']';
}

int BuildLogSummary::Image::count(StageStatus status) const
{
    int n = 0;
    for (const Stage &stage : stages) {
        if (stage.status == status)
            ++n;
    }
    return n;
}

const BuildLogSummary::Stage *BuildLogSummary::Image::failedStage() const
{
    for (const Stage &stage : stages) {
        if (stage.status == StageStatus::Failed)
            return &stage;
    }
    return nullptr;
}

const BuildLogSummary::Image *BuildLogSummary::findImage(const QString &name,
                                                         const QString &platform) const
{
    for (const Image &image : m_images) {
        if (image.name == name && (platform.isEmpty() || image.platform == platform))
            return &image;
    }
    return nullptr;
}

BuildLogSummary::Image *BuildLogSummary::imageFor(const QString &name, const QString &platform)
{
    // Stage lines carry no platform of their own when the image header is missing from an
    // excerpt, so an unknown platform matches the latest image of that name, and a platform
    // learnt later is adopted by an image that had none.
    for (qsizetype i = m_images.size() - 1; i >= 0; --i) {
        Image &image = m_images[i];
        if (image.name != name)
            continue;
        if (image.platform == platform || platform.isEmpty())
            return &image;
        if (image.platform.isEmpty()) {
            image.platform = platform;
            return &image;
        }
    }
    if (m_images.size() >= maxImages())
        return nullptr;
    Image image;
    image.name = name;
    image.platform = platform;
    m_images.append(image);
    return &m_images.back();
}

BuildLogSummary::Stage *BuildLogSummary::stageFor(const QString &imageName,
                                                  const QString &platform,
                                                  const QString &stageName)
{
    Image *image = imageFor(imageName, platform);
    if (!image)
        return nullptr;
    for (Stage &stage : image->stages) {
        if (stage.name == stageName)
            return &stage;
    }
    if (image->stages.size() >= maxStagesPerImage())
        return nullptr;
    Stage stage;
    stage.name = stageName;
    image->stages.append(stage);
    return &image->stages.back();
}

void BuildLogSummary::takeInfo(Stage &stage, const BuildEvent &event)
{
    if (!event.signature.isEmpty())
        stage.signature = event.signature;
    if (!event.imageId.isEmpty())
        stage.imageId = event.imageId;
    if (!event.imageName.isEmpty())
        stage.imageName = event.imageName;
    if (!event.size.isEmpty())
        stage.size = event.size;
}

void BuildLogSummary::add(const QList<BuildEvent> &events)
{
    for (const BuildEvent &event : events)
        add(event);
}

void BuildLogSummary::add(const BuildEvent &event)
{
    ++m_eventCount;
    using Kind = BuildEvent::Kind;
    switch (event.kind) {
    case Kind::BuildStarted:
        m_version = event.text;
        break;
    case Kind::RunningTime:
        m_runningTimeMs = event.durationMs;
        break;
    case Kind::ImageStarted:
        if (Image *image = imageFor(event.image, event.platform)) {
            image->role = event.role;
            image->started = true;
        }
        break;
    case Kind::ImageFinished:
        if (Image *image = imageFor(event.image, event.platform)) {
            image->role = event.role;
            image->finished = true;
            image->failed = event.failed;
            image->durationMs = event.durationMs;
        }
        break;
    case Kind::StageStarted:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage))
            stage->status = StageStatus::Running;
        break;
    case Kind::StageCached:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage)) {
            stage->status = StageStatus::Cached;
            takeInfo(*stage, event);
        }
        break;
    case Kind::StageBuilt:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage)) {
            stage->status = event.discarded ? StageStatus::Discarded : StageStatus::Built;
            stage->durationMs = event.durationMs;
            takeInfo(*stage, event);
        }
        break;
    case Kind::StageFailed:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage)) {
            stage->status = StageStatus::Failed;
            stage->durationMs = event.durationMs;
            takeInfo(*stage, event);
        }
        break;
    case Kind::StageDiscarded:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage)) {
            if (!event.signature.isEmpty())
                stage->signature = event.signature;
        }
        break;
    case Kind::StageMissing:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage))
            stage->status = StageStatus::Missing;
        break;
    case Kind::Output:
        if (Stage *stage = stageFor(event.image, event.platform, event.stage)) {
            ++stage->outputLineCount;
            stage->lastOutput.append(event.text);
            if (stage->lastOutput.size() > maxOutputLines())
                stage->lastOutput.removeFirst();
        }
        break;
    case Kind::ProcessFailed:
        if (m_failedProcesses.size() < maxImages())
            m_failedProcesses.append(event.text);
        break;
    case Kind::BuildFinished:
        // BuildWorker's own end event: a failure names the stage through StageFailed already.
        if (event.result == u"failed" && m_errorMessage.isEmpty())
            m_errorMessage = event.text;
        break;
    case Kind::Panic:
        if (m_panicMessage.isEmpty())
            m_panicMessage = event.text;
        break;
    case Kind::Error: {
        m_errorMessage = event.text;
        m_errorImage = event.image;
        m_errorStage = event.stage;
        m_exitCode = event.exitCode;
        Stage *stage = nullptr;
        if (!event.image.isEmpty() && !event.stage.isEmpty()) {
            // Prefer the image record whose stage failed or is still running (multi-platform
            // builds have one record per platform).
            for (Image &image : m_images) {
                if (image.name != event.image)
                    continue;
                for (Stage &s : image.stages) {
                    if (s.name == event.stage
                        && (s.status == StageStatus::Failed || s.status == StageStatus::Running))
                        stage = &s;
                }
            }
            if (!stage)
                stage = stageFor(event.image, {}, event.stage);
        } else {
            for (Image &image : m_images) {
                for (Stage &s : image.stages) {
                    if (s.status == StageStatus::Failed)
                        stage = &s;
                }
            }
        }
        if (stage) {
            stage->status = StageStatus::Failed;
            stage->message = event.text;
            stage->exitCode = event.exitCode;
            if (!event.signature.isEmpty() && stage->signature.isEmpty())
                stage->signature = event.signature;
        }
        break;
    }
    }
}

BuildLogSummary::Result BuildLogSummary::result() const
{
    if (!m_errorMessage.isEmpty() || !m_panicMessage.isEmpty() || !m_failedProcesses.isEmpty())
        return Result::Failed;
    for (const Image &image : m_images) {
        if (image.failed || image.failedStage())
            return Result::Failed;
    }
    return m_runningTimeMs >= 0 ? Result::Succeeded : Result::Incomplete;
}

QString BuildLogSummary::statusName(StageStatus status)
{
    switch (status) {
    case StageStatus::Running:
        return u"running"_s;
    case StageStatus::Cached:
        return u"cached"_s;
    case StageStatus::Built:
        return u"built"_s;
    case StageStatus::Discarded:
        return u"discarded"_s;
    case StageStatus::Failed:
        return u"failed"_s;
    case StageStatus::Missing:
        return u"missing"_s;
    }
    return {};
}

QString BuildLogSummary::resultName(Result result)
{
    switch (result) {
    case Result::Succeeded:
        return u"succeeded"_s;
    case Result::Failed:
        return u"failed"_s;
    case Result::Incomplete:
        return u"incomplete"_s;
    }
    return {};
}

} // namespace Stagecraft::Model

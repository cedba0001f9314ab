// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyor.h"

#include <array>

namespace Stagecraft::Model {

namespace {

struct StageNameEntry
{
    StageId id;
    const char16_t *name;
};

constexpr std::array<StageNameEntry, 14> s_stageNames{{
        {StageId::From, u"from"},
        {StageId::BeforeInstall, u"beforeInstall"},
        {StageId::ImportsBeforeInstall, u"importsBeforeInstall"},
        {StageId::GitArchive, u"gitArchive"},
        {StageId::Install, u"install"},
        {StageId::ImportsAfterInstall, u"importsAfterInstall"},
        {StageId::BeforeSetup, u"beforeSetup"},
        {StageId::ImportsBeforeSetup, u"importsBeforeSetup"},
        {StageId::Setup, u"setup"},
        {StageId::ImportsAfterSetup, u"importsAfterSetup"},
        {StageId::GitCache, u"gitCache"},
        {StageId::GitLatestPatch, u"gitLatestPatch"},
        {StageId::DockerInstructions, u"dockerInstructions"},
        {StageId::Dockerfile, u"dockerfile"},
}};

} // namespace

QString stageName(StageId stage)
{
    for (const StageNameEntry &e : s_stageNames) {
        if (e.id == stage)
            return QString::fromUtf16(e.name);
    }
    return {};
}

std::optional<StageId> stageFromName(const QString &name)
{
    for (const StageNameEntry &e : s_stageNames) {
        if (name == QStringView(e.name))
            return e.id;
    }
    return std::nullopt;
}

QString imageKindName(ImageKind kind)
{
    switch (kind) {
    case ImageKind::Image:
        return QStringLiteral("image");
    case ImageKind::Artifact:
        return QStringLiteral("artifact");
    case ImageKind::Dockerfile:
        return QStringLiteral("dockerfile");
    case ImageKind::External:
        return QStringLiteral("external");
    }
    return {};
}

bool ConveyorImage::hasStage(StageId id) const
{
    for (const ConveyorStage &s : stages) {
        if (s.id == id)
            return true;
    }
    return false;
}

int Conveyor::indexOf(const QString &name, ImageKind kind) const
{
    for (int i = 0; i < images.size(); ++i) {
        if (images.at(i).kind == kind && images.at(i).name == name)
            return i;
    }
    return -1;
}

QList<int> Conveyor::incomingEdges(int image) const
{
    QList<int> result;
    for (int i = 0; i < edges.size(); ++i) {
        if (edges.at(i).target == image)
            result.append(i);
    }
    return result;
}

QList<int> Conveyor::outgoingEdges(int image) const
{
    QList<int> result;
    for (int i = 0; i < edges.size(); ++i) {
        if (edges.at(i).source == image)
            result.append(i);
    }
    return result;
}

} // namespace Stagecraft::Model

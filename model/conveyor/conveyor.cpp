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

QList<StageId> stapelStageIds(const StapelStagePresence &p)
{
    QList<StageId> ids{StageId::From};
    auto add = [&ids](bool present, StageId id) {
        if (present)
            ids.append(id);
    };
    add(p.userStages[0], StageId::BeforeInstall);
    add(p.imports[0], StageId::ImportsBeforeInstall);
    add(p.git, StageId::GitArchive);
    add(p.userStages[1], StageId::Install);
    add(p.imports[1], StageId::ImportsAfterInstall);
    add(p.userStages[2], StageId::BeforeSetup);
    add(p.imports[2], StageId::ImportsBeforeSetup);
    add(p.userStages[3], StageId::Setup);
    add(p.imports[3], StageId::ImportsAfterSetup);
    add(p.git && p.gitAfterPatch, StageId::GitCache);
    add(p.git && p.gitAfterPatch, StageId::GitLatestPatch);
    add(p.docker, StageId::DockerInstructions);
    return ids;
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

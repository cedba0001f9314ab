// SPDX-License-Identifier: GPL-3.0-or-later
#include "signatureinput.h"

namespace Stagecraft::Model {

const SignatureInput::UserStage *SignatureInput::Builder::stage(StageId id) const
{
    switch (id) {
    case StageId::BeforeInstall:
        return &beforeInstall;
    case StageId::Install:
        return &install;
    case StageId::BeforeSetup:
        return &beforeSetup;
    case StageId::Setup:
        return &setup;
    default:
        return nullptr;
    }
}

QString SignatureInput::Docker::normalizeCommand(const QStringList &items, bool isList)
{
    if (!isList)
        return items.isEmpty() ? QString() : items.first();
    // werf joins the items inside ["..."] with no escaping at all (§1.11).
    if (items.isEmpty())
        return QStringLiteral("[]");
    return u"[\"" + items.join(QStringLiteral("\", \"")) + u"\"]";
}

QList<StageId> SignatureInput::Image::stages() const
{
    if (kind == ImageKind::Dockerfile)
        return {StageId::Dockerfile};
    auto userStageExists = [this](StageId id) {
        const UserStage *s = builder.stage(id);
        return builder.kind != Builder::Kind::None
               && (!s->items.isEmpty() || !s->stageCacheVersion.isEmpty()
                   || !builder.cacheVersion.isEmpty());
    };
    auto hasImports = [this](StageId slot) {
        for (const Import &i : imports) {
            if (i.slot == slot)
                return true;
        }
        return false;
    };
    QList<StageId> result{StageId::From};
    const StageId order[] = {StageId::BeforeInstall,
                             StageId::ImportsBeforeInstall,
                             StageId::GitArchive,
                             StageId::Install,
                             StageId::ImportsAfterInstall,
                             StageId::BeforeSetup,
                             StageId::ImportsBeforeSetup,
                             StageId::Setup,
                             StageId::ImportsAfterSetup,
                             StageId::GitCache,
                             StageId::GitLatestPatch,
                             StageId::DockerInstructions};
    for (const StageId id : order) {
        switch (id) {
        case StageId::BeforeInstall:
        case StageId::Install:
        case StageId::BeforeSetup:
        case StageId::Setup:
            if (userStageExists(id))
                result.append(id);
            break;
        case StageId::ImportsBeforeInstall:
        case StageId::ImportsAfterInstall:
        case StageId::ImportsBeforeSetup:
        case StageId::ImportsAfterSetup:
            if (hasImports(id))
                result.append(id);
            break;
        case StageId::GitArchive:
            if (!git.isEmpty())
                result.append(id);
            break;
        case StageId::GitCache:
        case StageId::GitLatestPatch:
            if (!git.isEmpty() && gitAfterPatch)
                result.append(id);
            break;
        case StageId::DockerInstructions:
            if (docker.present && dockerAllowed)
                result.append(id);
            break;
        default:
            break;
        }
    }
    return result;
}

int SignatureInput::indexOf(const QString &name, bool artifact) const
{
    for (int i = 0; i < images.size(); ++i) {
        const Image &image = images.at(i);
        if (image.name != name)
            continue;
        if (artifact == (image.kind == ImageKind::Artifact))
            return i;
    }
    return -1;
}

} // namespace Stagecraft::Model

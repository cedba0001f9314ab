// SPDX-License-Identifier: GPL-3.0-or-later
#include "signatureinput.h"

#include "conveyor/stagekinds.h"

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
    if (!stageIds.isEmpty())
        return stageIds;
    if (kind == ImageKind::Dockerfile)
        return {StageId::Dockerfile};
    // The same presence rules as the conveyor builder's userStage(): commands or tasks, the
    // stage's cacheVersion or the builder's global one.
    StapelStagePresence presence;
    for (int k = 0; k < 4; ++k) {
        const UserStage *s = builder.stage(userStages[k]);
        presence.userStages[k] = builder.kind != Builder::Kind::None
                                 && (!s->items.isEmpty() || !s->stageCacheVersion.isEmpty()
                                     || !builder.cacheVersion.isEmpty());
    }
    const StageId importSlots[] = {StageId::ImportsBeforeInstall,
                                   StageId::ImportsAfterInstall,
                                   StageId::ImportsBeforeSetup,
                                   StageId::ImportsAfterSetup};
    for (const Import &i : imports) {
        for (int k = 0; k < 4; ++k)
            presence.imports[k] = presence.imports[k] || i.slot == importSlots[k];
    }
    presence.git = !git.isEmpty();
    presence.gitAfterPatch = gitAfterPatch;
    presence.docker = docker.present && dockerAllowed;
    return stapelStageIds(presence);
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

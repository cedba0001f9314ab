// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-built conveyors for the model, layout, scene and export tests (the loader lives on another
// branch): the bundled example project, and generated projects of any size.
#pragma once

#include "conveyor/conveyor.h"

#include <QRandomGenerator>
#include <QString>

namespace Stagecraft::Tests {

using namespace Stagecraft::Model;

inline SourceLocation at(int line, int column = 1, const QString &file = QStringLiteral("werf.yaml"))
{
    SourceLocation l;
    l.file = file;
    l.line = line;
    l.column = column;
    return l;
}

inline ConveyorImage makeImage(
        const QString &name, ImageKind kind, const QList<StageId> &stages, int line, int document)
{
    ConveyorImage image;
    image.name = name;
    image.kind = kind;
    image.document = document;
    image.location = kind == ImageKind::External ? SourceLocation() : at(line);
    int l = line + 1;
    for (StageId id : stages)
        image.stages.append({id, at(l++, 3)});
    return image;
}

inline ConveyorEdge makeEdge(EdgeKind kind,
                             int source,
                             int target,
                             StageId targetStage,
                             int line,
                             const QString &label = {},
                             std::optional<StageId> sourceStage = std::nullopt)
{
    ConveyorEdge edge;
    edge.kind = kind;
    edge.source = source;
    edge.target = target;
    edge.targetStage = targetStage;
    edge.sourceStage = sourceStage;
    edge.label = label;
    edge.location = at(line, 3);
    return edge;
}

/** resources/example/werf.yaml, as the loader is expected to produce it. */
inline Conveyor exampleConveyor()
{
    Conveyor c;
    c.images.append(makeImage(QStringLiteral("localhost/stagecraft-busybox:1.35"),
                              ImageKind::External,
                              {},
                              0,
                              -1));
    c.images.append(makeImage(QStringLiteral("tools"),
                              ImageKind::Artifact,
                              {StageId::From, StageId::Install},
                              8,
                              1));
    c.images.append(makeImage(QStringLiteral("base"),
                              ImageKind::Image,
                              {StageId::From, StageId::BeforeInstall, StageId::DockerInstructions},
                              16,
                              2));
    c.images.append(makeImage(QStringLiteral("app"),
                              ImageKind::Image,
                              {StageId::From,
                               StageId::GitArchive,
                               StageId::Install,
                               StageId::ImportsAfterInstall,
                               StageId::Setup,
                               StageId::GitCache,
                               StageId::GitLatestPatch,
                               StageId::DockerInstructions},
                              27,
                              3));
    c.images.append(
            makeImage(QStringLiteral("web"), ImageKind::Dockerfile, {StageId::Dockerfile}, 59, 4));
    c.edges.append(makeEdge(EdgeKind::FromExternal, 0, 1, StageId::From, 9));
    c.edges.append(makeEdge(EdgeKind::FromExternal, 0, 2, StageId::From, 17));
    c.edges.append(makeEdge(EdgeKind::FromImage, 2, 3, StageId::From, 28));
    c.edges.append(makeEdge(EdgeKind::Import,
                            1,
                            3,
                            StageId::ImportsAfterInstall,
                            42,
                            QStringLiteral("/out/bin → /usr/local/bin")));
    c.sets = {{0, 1, 2, 4}, {3}};
    return c;
}

/**
 * A deterministic generated project: a few external bases, artifacts, fromImage chains, imports
 * at every imports stage (some with `stage:`), Dockerfile images. `seed` varies the shape.
 */
inline Conveyor generatedConveyor(int count, quint32 seed = 1)
{
    QRandomGenerator rng(seed);
    Conveyor c;
    const int externals = std::max(1, count / 25);
    for (int i = 0; i < externals; ++i)
        c.images.append(
                makeImage(QStringLiteral("registry.example.com/base-%1:%2").arg(i).arg(i % 3 + 1),
                          ImageKind::External,
                          {},
                          0,
                          -1));
    const QList<StageId> importStages{StageId::ImportsBeforeInstall,
                                      StageId::ImportsAfterInstall,
                                      StageId::ImportsBeforeSetup,
                                      StageId::ImportsAfterSetup};
    const QList<StageId> userStages{StageId::BeforeInstall,
                                    StageId::Install,
                                    StageId::BeforeSetup,
                                    StageId::Setup};
    int line = 1;
    for (int i = 0; i < count; ++i) {
        const int defined = int(c.images.size()) - externals;
        const quint32 roll = rng.bounded(100);
        ImageKind kind = roll < 30   ? ImageKind::Artifact
                         : roll < 40 ? ImageKind::Dockerfile
                                     : ImageKind::Image;
        const QString name = (kind == ImageKind::Artifact ? QStringLiteral("artifact-%1")
                                                          : QStringLiteral("image-%1"))
                                     .arg(i, 4, 10, QLatin1Char('0'));
        const int index = int(c.images.size());
        if (kind == ImageKind::Dockerfile) {
            c.images.append(makeImage(name, kind, {StageId::Dockerfile}, line, i));
            line += 6;
            continue;
        }
        QList<StageId> stages{StageId::From};
        for (StageId s : userStages) {
            if (rng.bounded(3) != 0)
                stages.append(s);
        }
        // Imports from earlier artifacts (and sometimes images), at a random imports stage.
        QList<std::pair<int, StageId>> imports;
        if (defined > 0) {
            const int importCount = int(rng.bounded(3));
            for (int k = 0; k < importCount; ++k) {
                const int source = externals + int(rng.bounded(quint32(defined / 2 + 1)));
                if (c.images.at(source).kind == ImageKind::Dockerfile && rng.bounded(2) == 0)
                    continue;
                imports.append({source, importStages.at(int(rng.bounded(4)))});
            }
        }
        const bool git = kind == ImageKind::Image && rng.bounded(2) == 0;
        QList<StageId> full;
        for (StageId s : {StageId::From,
                          StageId::BeforeInstall,
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
                          StageId::DockerInstructions}) {
            bool present = stages.contains(s);
            for (const auto &imp : imports)
                present = present || imp.second == s;
            if (git
                && (s == StageId::GitArchive || s == StageId::GitCache
                    || s == StageId::GitLatestPatch))
                present = true;
            if (kind == ImageKind::Image && s == StageId::DockerInstructions)
                present = rng.bounded(2) == 0;
            if (present)
                full.append(s);
        }
        c.images.append(makeImage(name, kind, full, line, i));
        // The base: an earlier stapel image of the same kind family, or an external.
        int base = -1;
        for (int tries = 0; tries < 4 && defined > 0 && rng.bounded(3) != 0; ++tries) {
            // Real projects build most images on a few early base images, not on long chains.
            const int candidate = externals + int(rng.bounded(quint32(defined / 4 + 1)));
            if (c.images.at(candidate).kind == ImageKind::Image
                || c.images.at(candidate).kind == ImageKind::Artifact) {
                base = candidate;
                break;
            }
        }
        if (base < 0) {
            c.edges.append(makeEdge(EdgeKind::FromExternal,
                                    int(rng.bounded(quint32(externals))),
                                    index,
                                    StageId::From,
                                    line + 1));
        } else {
            c.edges.append(makeEdge(c.images.at(base).kind == ImageKind::Artifact
                                            ? EdgeKind::FromImageArtifact
                                            : EdgeKind::FromImage,
                                    base,
                                    index,
                                    StageId::From,
                                    line + 1));
        }
        for (const auto &[source, stage] : imports) {
            std::optional<StageId> sourceStage;
            const ConveyorImage &src = c.images.at(source);
            if (rng.bounded(3) == 0 && src.hasStage(StageId::Install))
                sourceStage = StageId::Install;
            c.edges.append(makeEdge(EdgeKind::Import,
                                    source,
                                    index,
                                    stage,
                                    line + 2,
                                    QStringLiteral("/out/%1 → /opt/%1").arg(src.displayName()),
                                    sourceStage));
        }
        line += 10;
    }
    return c;
}

} // namespace Stagecraft::Tests

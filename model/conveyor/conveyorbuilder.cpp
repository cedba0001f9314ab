// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorbuilder.h"

#include "common/tr.h"
#include "config/werfconfig.h"
#include "stagekinds.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>

namespace Stagecraft::Model {

namespace {

/** A reference from one image to another, as werf's relatedImages() lists them. */
struct Reference
{
    EdgeKind kind;
    QString name;
    bool artifact = false; ///< looked up among artifacts (fromImageArtifact, import.artifact)
    SourceLocation location;
    const ImportConfig *import = nullptr;
    const DependencyConfig *dependency = nullptr;
};

bool internalFrom(const WerfConfig &config, const StapelImage &image)
{
    // werf 2: `from` naming an image of this werf.yaml is that image (reference §8.1).
    return config.version == WerfVersion::V2 && !image.from.value.isEmpty()
           && image.from.value != image.name
           && (config.findImage(image.from.value) || config.findDockerfileImage(image.from.value)
               || config.findArtifact(image.from.value));
}

QList<Reference> references(const WerfConfig &config, const StapelImage &image)
{
    QList<Reference> refs;
    if (!image.fromImage.value.isEmpty())
        refs.append({EdgeKind::FromImage,
                     image.fromImage.value,
                     false,
                     image.fromImage.valueSpan.location});
    if (internalFrom(config, image))
        refs.append({EdgeKind::FromImage,
                     image.from.value,
                     !config.findImage(image.from.value)
                             && !config.findDockerfileImage(image.from.value),
                     image.from.valueSpan.location});
    if (!image.fromImageArtifact.value.isEmpty())
        refs.append({EdgeKind::FromImageArtifact,
                     image.fromImageArtifact.value,
                     true,
                     image.fromImageArtifact.valueSpan.location});
    if (!image.fromArtifact.value.isEmpty())
        refs.append({EdgeKind::FromImageArtifact,
                     image.fromArtifact.value,
                     true,
                     image.fromArtifact.valueSpan.location});
    for (const ImportConfig &imp : image.imports) {
        Reference r;
        r.kind = EdgeKind::Import;
        r.artifact = imp.image.value.isEmpty();
        r.name = r.artifact ? imp.artifact.value : imp.image.value;
        r.location = (r.artifact ? imp.artifact.valueSpan : imp.image.valueSpan).location;
        r.import = &imp;
        if (!r.name.isEmpty())
            refs.append(r);
    }
    for (const DependencyConfig &dep : image.dependencies) {
        Reference r;
        r.kind = EdgeKind::Dependency;
        r.name = dep.image.value;
        r.location = dep.image.valueSpan.location;
        r.dependency = &dep;
        if (!r.name.isEmpty())
            refs.append(r);
    }
    return refs;
}

QList<Reference> references(const DockerfileImage &image)
{
    QList<Reference> refs;
    for (const DependencyConfig &dep : image.dependencies) {
        Reference r;
        r.kind = EdgeKind::Dependency;
        r.name = dep.image.value;
        r.location = dep.image.valueSpan.location;
        r.dependency = &dep;
        if (!r.name.isEmpty())
            refs.append(r);
    }
    return refs;
}

/**
 * Where the user stage `stage` (0 beforeInstall … 3 setup) comes from: its commands or tasks, its
 * own cacheVersion, or the builder's global cacheVersion (which creates all four stages, reference
 * §4.2). nullopt when the stage does not exist.
 */
std::optional<SourceLocation> userStage(const StapelImage &image, int stage)
{
    struct Builder
    {
        bool hasItems;
        const Span &itemsKey;
        const StringValue &stageVersion;
        const StringValue &version;
    };
    auto pick = [](const Builder &b) -> std::optional<SourceLocation> {
        if (b.hasItems)
            return b.itemsKey.location;
        if (!b.stageVersion.value.isEmpty())
            return b.stageVersion.keySpan.location;
        if (!b.version.value.isEmpty())
            return b.version.keySpan.location;
        return std::nullopt;
    };
    if (image.shell.present) {
        const ShellConfig &sh = image.shell;
        const StringListValue &commands = sh.commands(stage);
        return pick({!commands.value.isEmpty(),
                     commands.keySpan,
                     sh.stageCacheVersion(stage),
                     sh.cacheVersion});
    }
    if (image.ansible.present) {
        const AnsibleConfig &an = image.ansible;
        const AnsibleTaskList &tasks = an.tasks(stage);
        return pick({!tasks.tasks.isEmpty(),
                     tasks.keySpan,
                     an.stageCacheVersion(stage),
                     an.cacheVersion});
    }
    return std::nullopt;
}

StageId importStage(const QString &before, const QString &after)
{
    if (before == QStringLiteral("install"))
        return StageId::ImportsBeforeInstall;
    if (before == QStringLiteral("setup"))
        return StageId::ImportsBeforeSetup;
    if (after == QStringLiteral("install"))
        return StageId::ImportsAfterInstall;
    return StageId::ImportsAfterSetup;
}

/** Finds the conveyor index of a referenced image: images and Dockerfile images, or artifacts. */
int lookup(const Conveyor &conveyor, const QString &name, bool artifact)
{
    if (artifact)
        return conveyor.indexOf(name, ImageKind::Artifact);
    int i = conveyor.indexOf(name, ImageKind::Image);
    if (i < 0)
        i = conveyor.indexOf(name, ImageKind::Dockerfile);
    return i;
}

QString shortLocation(const SourceLocation &location)
{
    SourceLocation l = location;
    l.file = QFileInfo(l.file).fileName();
    return l.toString();
}

} // namespace

QList<ConveyorStage> stapelStages(const StapelImage &image)
{
    // Where each optional stage comes from, for "go to source"; which stages exist and in what
    // order is stapelStageIds()'s business.
    StapelStagePresence presence;
    QHash<StageId, SourceLocation> at;
    SourceLocation fromAt = image.documentSpan.location;
    for (const StringValue *v :
         {&image.from, &image.fromImage, &image.fromImageArtifact, &image.fromArtifact}) {
        if (v->present && !v->value.isEmpty()) {
            fromAt = v->keySpan.location;
            break;
        }
    }
    at.insert(StageId::From, fromAt);
    for (int k = 0; k < 4; ++k) {
        if (const auto location = userStage(image, k)) {
            presence.userStages[k] = true;
            at.insert(userStages[k], *location);
        }
    }
    const StageId importSlots[] = {StageId::ImportsBeforeInstall,
                                   StageId::ImportsAfterInstall,
                                   StageId::ImportsBeforeSetup,
                                   StageId::ImportsAfterSetup};
    for (const ImportConfig &imp : image.imports) {
        if (imp.before.value.isEmpty() && imp.after.value.isEmpty())
            continue;
        const StageId id = importStage(imp.before.value, imp.after.value);
        for (int k = 0; k < 4; ++k) {
            if (importSlots[k] == id && !presence.imports[k]) {
                presence.imports[k] = true;
                at.insert(id, imp.span.location);
            }
        }
    }
    presence.git = !image.git.isEmpty();
    if (presence.git) {
        for (StageId id : {StageId::GitArchive, StageId::GitCache, StageId::GitLatestPatch})
            at.insert(id, image.git.first().span.location);
    }
    // asLayers layers have no gitCache/gitLatestPatch (reference §1.13).
    presence.gitAfterPatch = !image.artifact && !image.asLayers.value
                             && !(image.disableGitAfterPatch.present
                                  && image.disableGitAfterPatch.value);
    presence.docker = image.docker.present && !image.artifact;
    at.insert(StageId::DockerInstructions, image.docker.span.location);

    QList<ConveyorStage> stages;
    for (const StageId id : stapelStageIds(presence))
        stages.append({id, at.value(id)});
    return stages;
}

Diagnostics checkImageReferences(const WerfConfig &config)
{
    Diagnostics result;
    auto isImage = [&](const QString &n) {
        return config.findImage(n) || config.findDockerfileImage(n);
    };
    // validateImagesFrom
    for (const StapelImage &image : config.images) {
        if (!image.fromImage.value.isEmpty()) {
            if (image.fromImage.value == image.name)
                result << Diagnostic::error(
                        QStringLiteral("cannot use own image name as `fromImage` directive value!"),
                        image.fromImage.valueSpan.location);
            else if (!isImage(image.fromImage.value))
                result << Diagnostic::error(QStringLiteral("no such image `%1`!")
                                                    .arg(image.fromImage.value),
                                            image.fromImage.valueSpan.location);
        }
        for (const StringValue *v : {&image.fromImageArtifact, &image.fromArtifact}) {
            if (v->value.isEmpty())
                continue;
            const QString key = v == &image.fromArtifact ? QStringLiteral("fromArtifact")
                                                         : QStringLiteral("fromImageArtifact");
            if (v->value == image.name)
                result << Diagnostic::error(
                        QStringLiteral("cannot use own image name as `%1` directive value!").arg(key),
                        v->valueSpan.location);
            else if (!config.findArtifact(v->value))
                result << Diagnostic::error(QStringLiteral("no such image artifact `%1`!")
                                                    .arg(v->value),
                                            v->valueSpan.location);
        }
    }
    // associateImportsArtifacts / validateImportImage
    for (const StapelImage &image : config.images) {
        for (const ImportConfig &imp : image.imports) {
            if (!imp.artifact.value.isEmpty()) {
                if (!config.findArtifact(imp.artifact.value))
                    result << Diagnostic::error(QStringLiteral("no such artifact `%1`!")
                                                        .arg(imp.artifact.value),
                                                imp.artifact.valueSpan.location);
            } else if (!imp.image.value.isEmpty() && !isImage(imp.image.value)) {
                // werf 1.1 prints an empty name here (it switches on a nil interface).
                result << Diagnostic::error(QStringLiteral("no such image ``!"),
                                            imp.image.valueSpan.location);
            }
        }
    }
    // newer syntax dependencies
    auto checkDeps = [&](const QList<DependencyConfig> &deps) {
        for (const DependencyConfig &dep : deps) {
            if (!dep.image.value.isEmpty() && !isImage(dep.image.value)
                && !config.findArtifact(dep.image.value))
                result << Diagnostic::error(QStringLiteral("no such image `%1`!")
                                                    .arg(dep.image.value),
                                            dep.image.valueSpan.location);
        }
    };
    for (const StapelImage &image : config.images)
        checkDeps(image.dependencies);
    for (const DockerfileImage &image : config.dockerfileImages)
        checkDeps(image.dependencies);
    return result;
}

Diagnostics checkDependencyCycles(const WerfConfig &config)
{
    Diagnostics result;
    // Walk werf's related images depth-first; the path names the loop. The depth is bounded by
    // the number of images, since a name seen twice on the path stops the walk. An image whose
    // walk found no loop cannot lead into one later either: remembering it keeps the walk linear
    // (werf's own walk revisits shared dependencies and is exponential on diamond chains).
    QSet<const StapelImage *> clean;
    std::function<bool(const StapelImage &, QStringList &, QList<SourceLocation> &)> walk;
    walk = [&](const StapelImage &image, QStringList &path, QList<SourceLocation> &edges) -> bool {
        if (clean.contains(&image))
            return false;
        path << image.name;
        for (const Reference &r : references(config, image)) {
            const StapelImage *next = r.artifact ? config.findArtifact(r.name)
                                                 : config.findImage(r.name);
            if (!next)
                continue; // Dockerfile images end the walk, unknown names are reported elsewhere
            edges << r.location;
            if (path.contains(next->name)) {
                path << next->name;
                return true;
            }
            if (walk(*next, path, edges))
                return true;
            edges.removeLast();
        }
        path.removeLast();
        clean.insert(&image);
        return false;
    };
    for (const StapelImage &image : config.images) {
        QStringList path;
        QList<SourceLocation> edges;
        if (walk(image, path, edges)) {
            result << Diagnostic::error(QStringLiteral("infinite loop detected: %1")
                                                .arg(path.join(QStringLiteral(" -> "))),
                                        edges.isEmpty() ? image.nameSpan.location : edges.first());
            for (int i = 0; i < edges.size() && i + 1 < path.size(); ++i) {
                result << Diagnostic::note(Tr::tr("%1 -> %2 at %3")
                                                   .arg(path.at(i).isEmpty() ? QStringLiteral("~")
                                                                             : path.at(i),
                                                        path.at(i + 1),
                                                        shortLocation(edges.at(i))),
                                           edges.at(i));
            }
            return result;
        }
    }
    return result;
}

Conveyor buildConveyor(const WerfConfig &config)
{
    Conveyor conveyor;
    struct Source
    {
        const StapelImage *stapel = nullptr;
        const DockerfileImage *dockerfile = nullptr;
    };
    QList<Source> sources;
    for (const StapelImage &image : config.images) {
        ConveyorImage ci;
        ci.name = image.name;
        ci.kind = image.isIntermediate() ? ImageKind::Artifact : ImageKind::Image;
        ci.document = image.document;
        ci.location = image.nameSpan.location;
        ci.stages = stapelStages(image);
        conveyor.images << ci;
        sources.append({&image, nullptr});
    }
    for (const DockerfileImage &image : config.dockerfileImages) {
        ConveyorImage ci;
        ci.name = image.name;
        ci.kind = ImageKind::Dockerfile;
        ci.document = image.document;
        ci.location = image.nameSpan.location;
        ci.stages.append({StageId::Dockerfile,
                          image.dockerfile.present ? image.dockerfile.keySpan.location
                                                   : image.documentSpan.location});
        conveyor.images << ci;
        sources.append({nullptr, &image});
    }
    const int defined = int(conveyor.images.size());

    // Edges. `artifact:` images keep their kind; `final: false` images are found by name as
    // images too (the newer syntax has no separate artifact namespace).
    auto find = [&](const QString &name, bool artifact) {
        int i = lookup(conveyor, name, artifact);
        if (i < 0 && !artifact) {
            for (int k = 0; k < defined; ++k) {
                if (conveyor.images.at(k).name == name && sources.at(k).stapel
                    && !sources.at(k).stapel->artifact)
                    return k;
            }
        }
        if (i < 0 && artifact) {
            for (int k = 0; k < defined; ++k) {
                if (conveyor.images.at(k).name == name && sources.at(k).stapel
                    && sources.at(k).stapel->artifact)
                    return k;
            }
        }
        return i;
    };
    QHash<QString, int> externals;
    for (int t = 0; t < defined; ++t) {
        const Source &src = sources.at(t);
        QList<Reference> refs;
        if (src.stapel) {
            const StapelImage &image = *src.stapel;
            if (!image.from.value.isEmpty() && !internalFrom(config, image)) {
                int e = externals.value(image.from.value, -1);
                if (e < 0) {
                    ConveyorImage ext;
                    ext.name = image.from.value;
                    ext.kind = ImageKind::External;
                    ext.location = image.from.valueSpan.location;
                    e = int(conveyor.images.size());
                    conveyor.images << ext;
                    externals.insert(image.from.value, e);
                }
                ConveyorEdge edge;
                edge.kind = EdgeKind::FromExternal;
                edge.source = e;
                edge.target = t;
                edge.targetStage = StageId::From;
                edge.location = image.from.valueSpan.location;
                conveyor.edges << edge;
            }
            refs = references(config, image);
        } else {
            refs = references(*src.dockerfile);
        }
        for (const Reference &r : refs) {
            int s = find(r.name, r.artifact);
            if (s < 0 && r.kind == EdgeKind::Dependency)
                s = find(r.name, true);
            if (s < 0)
                continue;
            ConveyorEdge edge;
            edge.kind = r.kind;
            edge.source = s;
            edge.target = t;
            edge.location = r.location;
            if (r.import) {
                edge.targetStage = importStage(r.import->before.value, r.import->after.value);
                if (!r.import->stage.value.isEmpty())
                    edge.sourceStage = stageFromName(r.import->stage.value);
                edge.label = r.import->add.value + QStringLiteral(" → ") + r.import->to.value;
            } else if (r.dependency) {
                if (src.dockerfile)
                    edge.targetStage = StageId::Dockerfile;
                else if (!r.dependency->before.value.isEmpty()
                         || !r.dependency->after.value.isEmpty())
                    edge.targetStage = importStage(r.dependency->before.value,
                                                   r.dependency->after.value);
                else
                    edge.targetStage = StageId::From;
            } else {
                edge.targetStage = StageId::From;
            }
            conveyor.edges << edge;
        }
    }

    conveyor.diagnostics << checkImageReferences(config);
    conveyor.diagnostics << checkDependencyCycles(config);

    // Dependency sets (reference §4.1): everything but artifacts, plus what they pull in.
    const int total = int(conveyor.images.size());
    QList<QList<int>> deps(total);
    for (const ConveyorEdge &e : conveyor.edges) {
        if (e.kind != EdgeKind::FromExternal && !deps[e.target].contains(e.source))
            deps[e.target] << e.source;
    }
    QList<bool> processed(total, false);
    QList<int> todo;
    for (int i = 0; i < defined; ++i) {
        if (conveyor.images.at(i).kind != ImageKind::Artifact) {
            processed[i] = true;
            todo << i;
        }
    }
    while (!todo.isEmpty()) {
        const int i = todo.takeLast();
        for (int d : deps.at(i)) {
            if (!processed.at(d)) {
                processed[d] = true;
                todo << d;
            }
        }
    }
    QList<int> level(total, -1);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < defined; ++i) {
            if (level.at(i) >= 0)
                continue;
            int l = 0;
            bool ready = true;
            for (int d : deps.at(i)) {
                if (level.at(d) < 0) {
                    ready = false;
                    break;
                }
                l = std::max(l, level.at(d) + 1);
            }
            if (ready) {
                level[i] = l;
                changed = true;
            }
        }
    }
    for (int i = 0; i < total; ++i) {
        conveyor.images[i].set = std::max(0, level.at(i));
        if (i >= defined || !processed.at(i) || level.at(i) < 0)
            continue;
        while (conveyor.sets.size() <= level.at(i))
            conveyor.sets.append(QList<int>());
        conveyor.sets[level.at(i)] << i;
    }
    for (QList<int> &set : conveyor.sets) {
        std::sort(set.begin(), set.end(), [&](int a, int b) {
            return conveyor.images.at(a).name < conveyor.images.at(b).name;
        });
    }
    conveyor.sets.removeIf([](const QList<int> &set) { return set.isEmpty(); });

    // An artifact nothing uses is not built by werf.
    for (int i = 0; i < defined; ++i) {
        if (conveyor.images.at(i).kind != ImageKind::Artifact || processed.at(i))
            continue;
        conveyor.diagnostics << Diagnostic::note(
                Tr::tr("artifact `%1` is not used by any image, so werf does not build it")
                        .arg(conveyor.images.at(i).displayName()),
                conveyor.images.at(i).location);
    }
    return conveyor;
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "signatureinputbuilder.h"

#include "common/tr.h"
#include "config/configloader.h"
#include "config/werfconfig.h"
#include "conveyor/conveyorbuilder.h"
#include "git/gitrepository.h"
#include "git/gitworktree.h"
#include "gojson.h"

#include <QDir>
#include <QFileInfo>

namespace Stagecraft::Model {

namespace {

SignatureInput::UserStage shellStage(const StringListValue &commands,
                                     const StringValue &cacheVersion)
{
    SignatureInput::UserStage stage;
    stage.items = commands.value;
    stage.stageCacheVersion = cacheVersion.value;
    return stage;
}

SignatureInput::UserStage ansibleStage(const AnsibleTaskList &tasks, const StringValue &cacheVersion)
{
    SignatureInput::UserStage stage;
    stage.stageCacheVersion = cacheVersion.value;
    for (const AnsibleTask &task : tasks.tasks) {
        QString error;
        const std::optional<QByteArray> json = GoJson::ansibleTask(task.node, &error);
        if (!json) {
            const SourceLocation &at = task.span.location;
            stage.error = Tr::tr("ansible task at %1 cannot be converted to JSON as werf does: %2")
                                  .arg(at.toString(), error);
            stage.items.clear();
            return stage;
        }
        stage.items.append(QString::fromUtf8(*json));
    }
    return stage;
}

std::optional<StageId> importSlot(const ImportConfig &imp)
{
    if (imp.before.present)
        return imp.before.value == u"install" ? StageId::ImportsBeforeInstall
                                              : StageId::ImportsBeforeSetup;
    if (imp.after.present)
        return imp.after.value == u"install" ? StageId::ImportsAfterInstall
                                             : StageId::ImportsAfterSetup;
    return std::nullopt;
}

SignatureInput::Image stapelImage(const StapelImage &config)
{
    SignatureInput::Image image;
    image.name = config.name;
    image.kind = config.isIntermediate() ? ImageKind::Artifact : ImageKind::Image;
    image.gitAfterPatch = !config.artifact && !config.asLayers.value
                          && !(config.disableGitAfterPatch.present
                               && config.disableGitAfterPatch.value);
    image.dockerAllowed = !config.artifact;
    for (const ConveyorStage &stage : stapelStages(config))
        image.stageIds.append(stage.id);
    image.location = config.nameSpan.location;
    image.from = config.from.value;
    image.fromLatest = config.fromLatest.value;
    image.fromCacheVersion = config.fromCacheVersion.value;
    if (config.fromImage.present) {
        image.fromImage = config.fromImage.value;
    } else if (config.fromImageArtifact.present) {
        image.fromImage = config.fromImageArtifact.value;
        image.fromImageArtifact = true;
    }

    for (const MountConfig &m : config.mounts) {
        SignatureInput::Mount mount;
        mount.to = m.to.value;
        if (m.fromPath.present) {
            mount.type = QStringLiteral("custom_dir");
            mount.fromPath = m.fromPath.value;
        } else {
            mount.type = m.from.value;
        }
        image.mounts.append(mount);
    }

    for (const GitMapping &g : config.git) {
        GitMappingParams git;
        if (g.remote)
            git.url = g.url.value;
        git.add = g.add.value;
        git.to = g.to.value;
        git.owner = g.owner.value;
        git.group = g.group.value;
        git.includePaths = g.includePaths.value;
        git.excludePaths = g.effectiveExcludePaths;
        git.installDependencies = g.stageDependencies.install.value;
        git.beforeSetupDependencies = g.stageDependencies.beforeSetup.value;
        git.setupDependencies = g.stageDependencies.setup.value;
        git.revision = {g.commit.value, g.tag.value, g.branch.value};
        image.git.append(git);
    }

    SignatureInput::Builder &builder = image.builder;
    if (config.shell.present) {
        const ShellConfig &s = config.shell;
        builder.kind = SignatureInput::Builder::Kind::Shell;
        builder.cacheVersion = s.cacheVersion.value;
        builder.beforeInstall = shellStage(s.beforeInstall, s.beforeInstallCacheVersion);
        builder.install = shellStage(s.install, s.installCacheVersion);
        builder.beforeSetup = shellStage(s.beforeSetup, s.beforeSetupCacheVersion);
        builder.setup = shellStage(s.setup, s.setupCacheVersion);
    } else if (config.ansible.present) {
        const AnsibleConfig &a = config.ansible;
        builder.kind = SignatureInput::Builder::Kind::Ansible;
        builder.cacheVersion = a.cacheVersion.value;
        builder.beforeInstall = ansibleStage(a.beforeInstall, a.beforeInstallCacheVersion);
        builder.install = ansibleStage(a.install, a.installCacheVersion);
        builder.beforeSetup = ansibleStage(a.beforeSetup, a.beforeSetupCacheVersion);
        builder.setup = ansibleStage(a.setup, a.setupCacheVersion);
    }

    for (const ImportConfig &i : config.imports) {
        const std::optional<StageId> slot = importSlot(i);
        if (!slot)
            continue; // the validator reports it; werf stops before hashing
        SignatureInput::Import imp;
        imp.source = i.sourceName();
        imp.fromArtifact = !i.image.present;
        imp.slot = *slot;
        imp.add = i.add.value;
        imp.to = i.to.value;
        imp.owner = i.owner.value;
        imp.group = i.group.value;
        imp.includePaths = i.includePaths.value;
        imp.excludePaths = i.effectiveExcludePaths;
        imp.stage = i.stage.value;
        imp.location = i.span.location;
        image.imports.append(imp);
    }

    const DockerConfig &d = config.docker;
    if (d.present) {
        SignatureInput::Docker &docker = image.docker;
        docker.present = true;
        docker.volume = d.volume.value;
        docker.expose = d.expose.value;
        for (const KeyValue &kv : d.env.entries)
            docker.env.append({kv.key.value, kv.value.value});
        for (const KeyValue &kv : d.label.entries)
            docker.label.append({kv.key.value, kv.value.value});
        docker.entrypoint = d.entrypoint.present ? DockerConfig::normalizeCommand(d.entrypoint)
                                                 : QString();
        // werf: with ENTRYPOINT and without CMD, CMD becomes an empty list (§1.11).
        if (d.cmd.present)
            docker.cmd = DockerConfig::normalizeCommand(d.cmd);
        else if (d.entrypoint.present)
            docker.cmd = QStringLiteral("[]");
        docker.workdir = d.workdir.value;
        docker.user = d.user.value;
        docker.healthcheck = d.healthcheck.value;
    }
    return image;
}

// werf opens <project>/.git itself (no search upwards) and uses it once HEAD resolves.
bool isGitProject(const QString &projectDir)
{
    return QFileInfo::exists(QDir(projectDir).filePath(QStringLiteral(".git")))
           && GitRepository(projectDir).headCommit().has_value();
}

DockerfileSpec dockerfileSpec(const DockerfileImage &d, const QString &projectDir, bool inGit)
{
    DockerfileSpec spec;
    spec.projectDir = projectDir;
    spec.dockerfile = d.dockerfile.value;
    spec.context = d.context.value;
    spec.target = d.target.value;
    for (const KeyValue &kv : d.args.entries)
        spec.args.append({kv.key.value, kv.value.value});
    spec.addHost = d.addHost.value;
    spec.inGitRepository = inGit;
    return spec;
}

} // namespace

SignatureInput signatureInputFromConfig(const WerfConfig &config,
                                        const QString &newerRulesReason,
                                        const QString &projectDir,
                                        const QHash<QString, QStringList> &baseImageOnBuild)
{
    SignatureInput input;
    input.project = config.meta.project.value;
    for (const StapelImage &s : config.images) {
        SignatureInput::Image image = stapelImage(s);
        image.notComputedReason = newerRulesReason;
        input.images.append(image);
    }
    const bool inGit = !config.dockerfileImages.isEmpty() && newerRulesReason.isEmpty()
                       && !projectDir.isEmpty() && isGitProject(projectDir);
    // One work tree for all Dockerfile images: HEAD's tree and the status are read once.
    std::optional<GitWorkTree> workTree;
    if (inGit)
        workTree.emplace(projectDir);
    for (const DockerfileImage &d : config.dockerfileImages) {
        SignatureInput::Image image;
        image.name = d.name;
        image.kind = ImageKind::Dockerfile;
        image.stageIds = {StageId::Dockerfile};
        image.location = d.nameSpan.location;
        image.notComputedReason = newerRulesReason;
        if (newerRulesReason.isEmpty()) {
            if (projectDir.isEmpty()) {
                image.dockerfile.computation = Computation::NotComputed;
                image.dockerfile.reason = Tr::tr("no project directory to read the Dockerfile "
                                                 "from");
            } else {
                image.dockerfile = dockerfileDependencies(dockerfileSpec(d, projectDir, inGit),
                                                          baseImageOnBuild,
                                                          workTree ? &*workTree : nullptr);
            }
        }
        input.images.append(image);
    }
    return input;
}

SignatureInput signatureInputFromProject(const LoadedProject &project,
                                         const QHash<QString, QStringList> &baseImageOnBuild)
{
    QString reason;
    if (project.version != WerfVersion::V1_1) {
        reason = Tr::tr("this project uses werf %1 rules: its stage digests (BuildCacheVersion "
                        "1.2, "
                        "different formulas) are not computed; werf 1.1 signatures would not be "
                        "theirs (%2)")
                         .arg(werfVersionName(project.version), project.versionReason);
    }
    return signatureInputFromConfig(project.config, reason, project.projectDir, baseImageOnBuild);
}

} // namespace Stagecraft::Model

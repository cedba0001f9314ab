// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/werfconfig.h"

namespace Stagecraft::Model::SpanVisitor {

// Every place of the typed config that holds a position in the text: the incremental reload
// moves the decoded documents after an edit by visiting them (reloadText() in configloader.h).
//
// A visitor `v` has `void operator()(Span &)`, `void operator()(SourceLocation &)` and
// `void operator()(YamlNode &)` (YamlNode's own start/end/line; its children are visited here).
// Keep the lists complete: a Span field left out would keep its old place after a reload
// (tst_incrementalloader compares reloads with full loads over the corpus, which catches the
// fields the corpus uses).

template<typename V>
void visit(Span &s, V &v)
{
    v(s);
}

template<typename V>
void visit(YamlNode &n, V &v)
{
    v(n);
    for (YamlNode &item : n.items)
        visit(item, v);
    for (YamlMapEntry &e : n.entries) {
        v.entry(e);
        visit(e.key, v);
        visit(e.value, v);
    }
}

template<typename T, typename V>
void visit(ConfigValue<T> &c, V &v)
{
    v(c.valueSpan);
    v(c.keySpan);
}

template<typename V>
void visit(StringListValue &l, V &v)
{
    for (Span &s : l.itemSpans)
        v(s);
    v(l.valueSpan);
    v(l.keySpan);
}

template<typename V>
void visit(StringMapValue &m, V &v)
{
    for (KeyValue &kv : m.entries) {
        visit(kv.key, v);
        visit(kv.value, v);
    }
    v(m.valueSpan);
    v(m.keySpan);
}

template<typename V>
void visit(ConfigDocument &d, V &v)
{
    v(d.span);
}

template<typename V>
void visit(KeepPolicyLimit &l, V &v)
{
    visit(l.last, v);
    visit(l.in, v);
    visit(l.operatorValue, v);
    v(l.span);
}

template<typename V>
void visit(KeepPolicy &p, V &v)
{
    v(p.span);
    visit(p.tag, v);
    visit(p.branch, v);
    visit(p.limit, v);
    visit(p.imagesPerReference, v);
}

template<typename V>
void visit(ImageSpecConfig &s, V &v)
{
    v(s.span);
    visit(s.author, v);
    visit(s.clearHistory, v);
    visit(s.clearWerfLabels, v);
    visit(s.removeLabels, v);
    visit(s.removeVolumes, v);
    visit(s.removeEnv, v);
    visit(s.labels, v);
    visit(s.env, v);
    visit(s.expose, v);
    visit(s.volumes, v);
    visit(s.user, v);
    visit(s.cmd, v);
    visit(s.entrypoint, v);
    visit(s.workingDir, v);
    visit(s.stopSignal, v);
}

template<typename V>
void visit(MetaConfig &m, V &v)
{
    v(m.documentSpan);
    visit(m.configVersion, v);
    visit(m.project, v);
    v(m.deploy.span);
    visit(m.deploy.helmRelease, v);
    visit(m.deploy.helmReleaseSlug, v);
    visit(m.deploy.namespaceValue, v);
    visit(m.deploy.namespaceSlug, v);
    visit(m.deploy.helmChartDir, v);
    v(m.cleanup.span);
    for (KeepPolicy &p : m.cleanup.keepPolicies)
        visit(p, v);
    visit(m.cleanup.disableKubernetesBasedPolicy, v);
    visit(m.cleanup.disableGitHistoryBasedPolicy, v);
    visit(m.cleanup.disableBuiltWithinLastNHoursPolicy, v);
    visit(m.cleanup.keepImagesBuiltWithinLastNHours, v);
    v(m.build.span);
    visit(m.build.platform, v);
    visit(m.build.cacheVersion, v);
    visit(m.build.staged, v);
    visit(m.build.imageSpec, v);
    v(m.gitWorktree.span);
    visit(m.gitWorktree.forceShallowClone, v);
    visit(m.gitWorktree.allowUnshallow, v);
    visit(m.gitWorktree.allowFetchOriginBranchesAndTags, v);
}

template<typename V>
void visit(GitMapping &g, V &v)
{
    v(g.span);
    visit(g.url, v);
    visit(g.add, v);
    visit(g.to, v);
    visit(g.owner, v);
    visit(g.group, v);
    visit(g.includePaths, v);
    visit(g.excludePaths, v);
    v(g.stageDependencies.span);
    visit(g.stageDependencies.install, v);
    visit(g.stageDependencies.beforeSetup, v);
    visit(g.stageDependencies.setup, v);
    visit(g.branch, v);
    visit(g.tag, v);
    visit(g.commit, v);
    visit(g.herebyIAdmitThatBranchMightBreakReproducibility, v);
}

template<typename V>
void visit(ShellConfig &s, V &v)
{
    v(s.span);
    visit(s.beforeInstall, v);
    visit(s.install, v);
    visit(s.beforeSetup, v);
    visit(s.setup, v);
    visit(s.cacheVersion, v);
    visit(s.beforeInstallCacheVersion, v);
    visit(s.installCacheVersion, v);
    visit(s.beforeSetupCacheVersion, v);
    visit(s.setupCacheVersion, v);
}

template<typename V>
void visit(AnsibleTaskList &l, V &v)
{
    for (AnsibleTask &t : l.tasks) {
        v(t.span);
        visit(t.node, v);
    }
    v(l.valueSpan);
    v(l.keySpan);
}

template<typename V>
void visit(AnsibleConfig &a, V &v)
{
    v(a.span);
    visit(a.beforeInstall, v);
    visit(a.install, v);
    visit(a.beforeSetup, v);
    visit(a.setup, v);
    visit(a.cacheVersion, v);
    visit(a.beforeInstallCacheVersion, v);
    visit(a.installCacheVersion, v);
    visit(a.beforeSetupCacheVersion, v);
    visit(a.setupCacheVersion, v);
}

template<typename V>
void visit(MountConfig &m, V &v)
{
    v(m.span);
    visit(m.to, v);
    visit(m.from, v);
    visit(m.fromPath, v);
}

template<typename V>
void visit(ImportConfig &i, V &v)
{
    v(i.span);
    visit(i.image, v);
    visit(i.artifact, v);
    visit(i.add, v);
    visit(i.to, v);
    visit(i.before, v);
    visit(i.after, v);
    visit(i.stage, v);
    visit(i.includePaths, v);
    visit(i.excludePaths, v);
    visit(i.owner, v);
    visit(i.group, v);
}

template<typename V>
void visit(DockerConfig &d, V &v)
{
    v(d.span);
    visit(d.volume, v);
    visit(d.expose, v);
    visit(d.env, v);
    visit(d.label, v);
    visit(d.cmd, v);
    visit(d.entrypoint, v);
    visit(d.workdir, v);
    visit(d.user, v);
    visit(d.healthcheck, v);
    visit(d.exactValues, v);
}

template<typename V>
void visit(DependencyConfig &d, V &v)
{
    v(d.span);
    visit(d.image, v);
    visit(d.before, v);
    visit(d.after, v);
    for (DependencyConfig::Import &i : d.imports) {
        v(i.span);
        visit(i.type, v);
        visit(i.targetEnv, v);
        visit(i.targetBuildArg, v);
    }
}

template<typename V>
void visit(SecretConfig &s, V &v)
{
    v(s.span);
    visit(s.id, v);
    visit(s.env, v);
    visit(s.src, v);
    visit(s.value, v);
}

template<typename V>
void visit(StapelImage &i, V &v)
{
    v(i.documentSpan);
    v(i.nameSpan);
    visit(i.from, v);
    visit(i.fromLatest, v);
    visit(i.herebyIAdmitThatFromLatestMightBreakReproducibility, v);
    visit(i.fromCacheVersion, v);
    visit(i.fromImage, v);
    visit(i.fromImageArtifact, v);
    visit(i.fromArtifact, v);
    for (GitMapping &g : i.git)
        visit(g, v);
    visit(i.shell, v);
    visit(i.ansible, v);
    for (MountConfig &m : i.mounts)
        visit(m, v);
    for (ImportConfig &m : i.imports)
        visit(m, v);
    visit(i.docker, v);
    visit(i.asLayers, v);
    visit(i.final_, v);
    visit(i.disableGitAfterPatch, v);
    visit(i.cacheVersion, v);
    visit(i.platform, v);
    for (DependencyConfig &d : i.dependencies)
        visit(d, v);
    for (SecretConfig &s : i.secrets)
        visit(s, v);
    visit(i.imageSpec, v);
    visit(i.network, v);
}

template<typename V>
void visit(DockerfileImage &i, V &v)
{
    v(i.documentSpan);
    v(i.nameSpan);
    visit(i.dockerfile, v);
    visit(i.context, v);
    visit(i.target, v);
    visit(i.args, v);
    visit(i.addHost, v);
    visit(i.network, v);
    visit(i.ssh, v);
    visit(i.contextAddFiles, v);
    visit(i.final_, v);
    visit(i.staged, v);
    visit(i.platform, v);
    visit(i.cacheVersion, v);
    for (DependencyConfig &d : i.dependencies)
        visit(d, v);
    for (SecretConfig &s : i.secrets)
        visit(s, v);
    visit(i.imageSpec, v);
}

} // namespace Stagecraft::Model::SpanVisitor

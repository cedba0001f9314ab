// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "config/yamlnode.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/** Whose rules the config is read with (reference §8). */
enum class WerfVersion {
    Auto, ///< detect from the file: newer keys or template features mean 1.2/2, else 1.1
    V1_1,
    V1_2,
    V2,
};

QString werfVersionName(WerfVersion version); ///< "auto", "1.1", "1.2", "2"

/**
 * A byte range of the rendered text plus the place it maps to in the source file.
 *
 * start/end index the rendered text (LoadedProject::rendered); `location` is the start mapped
 * through the SourceMap into the source file (file, offset, line, column), and `endLocation`
 * the end. For an untemplated file both texts are the same.
 */
struct Span
{
    qint64 start = -1;
    qint64 end = -1;
    SourceLocation location;
    SourceLocation endLocation;

    bool isValid() const { return start >= 0; }
};

/** A typed scalar with the spans of its value and its key; `present` = the key was written. */
template<typename T>
struct ConfigValue
{
    T value{};
    Span valueSpan;
    Span keySpan;
    bool present = false;
};

using StringValue = ConfigValue<QString>;
using BoolValue = ConfigValue<bool>;
using IntValue = ConfigValue<qint64>;

/** werf's "string or array of strings" (InterfaceToStringArray), with one span per item. */
struct StringListValue
{
    QStringList value;
    QList<Span> itemSpans;
    Span valueSpan;
    Span keySpan;
    bool present = false;
    bool isList = false; ///< written as a sequence (matters for CMD/ENTRYPOINT)
};

/** One `KEY: value` of a string map (docker ENV/LABEL, Dockerfile args). */
struct KeyValue
{
    StringValue key;
    StringValue value;
};

struct StringMapValue
{
    QList<KeyValue> entries;
    Span valueSpan;
    Span keySpan;
    bool present = false;
};

/** A werf.yaml document after werf's own `---` splitting (reference §1.2, §1.3). */
struct ConfigDocument
{
    enum class Kind {
        Meta,
        Stapel,
        Dockerfile,
        Unknown,
    };
    Kind kind = Kind::Unknown;
    /** Bytes of the document in the rendered text (separator lines excluded). */
    Span span;
    /** werf's 0-based line offset of the document in the render file. */
    int lineOffset = 0;
};

// ---- meta ------------------------------------------------------------------------------------

struct KeepPolicyLimit
{
    IntValue last;
    StringValue in;
    StringValue operatorValue; ///< `operator: Or|And`
    bool present = false;
    Span span;
};

struct KeepPolicy
{
    Span span;
    bool hasReferences = false;
    StringValue tag;
    StringValue branch;
    KeepPolicyLimit limit;
    KeepPolicyLimit imagesPerReference;
};

/** werf 2 `imageSpec` (meta `build.imageSpec` and image level); `config` is kept as a tree. */
struct ImageSpecConfig
{
    bool present = false;
    Span span;
    StringValue author;
    BoolValue clearHistory;
    BoolValue clearWerfLabels;
    StringListValue removeLabels;
    StringListValue removeVolumes;
    StringListValue removeEnv;
    StringMapValue labels;
    StringMapValue env;
    StringListValue expose;
    StringListValue volumes;
    StringValue user;
    StringListValue cmd;
    StringListValue entrypoint;
    StringValue workingDir;
    StringValue stopSignal;
};

/** The meta document (reference §1.4, §8.1). */
struct MetaConfig
{
    bool present = false;
    int document = -1;
    Span documentSpan;
    IntValue configVersion;
    StringValue project;

    struct Deploy
    {
        bool present = false;
        Span span;
        StringValue helmRelease;
        BoolValue helmReleaseSlug;
        StringValue namespaceValue;
        BoolValue namespaceSlug;
        StringValue helmChartDir; ///< 1.2+
    } deploy;

    struct Cleanup
    {
        bool present = false;
        Span span;
        QList<KeepPolicy> keepPolicies;
        BoolValue disableKubernetesBasedPolicy;       ///< 1.2+
        BoolValue disableGitHistoryBasedPolicy;       ///< 1.2+
        BoolValue disableBuiltWithinLastNHoursPolicy; ///< 1.2+
        IntValue keepImagesBuiltWithinLastNHours;     ///< 1.2+
    } cleanup;

    /** `build:` (1.2: platform; 2: cacheVersion, staged, imageSpec). */
    struct Build
    {
        bool present = false;
        Span span;
        StringListValue platform;
        StringValue cacheVersion;
        BoolValue staged;
        ImageSpecConfig imageSpec;
    } build;

    /** `gitWorktree:` (1.2+). */
    struct GitWorktree
    {
        bool present = false;
        Span span;
        BoolValue forceShallowClone;
        BoolValue allowUnshallow;
        BoolValue allowFetchOriginBranchesAndTags;
    } gitWorktree;
};

// ---- stapel ----------------------------------------------------------------------------------

/** A `git:` mapping, local or remote (reference §1.6). */
struct GitMapping
{
    Span span;
    bool remote = false;
    StringValue url;
    QString repositoryName; ///< remote: werf's getRepositoryID of the url (e.g. "flant/werf")
    StringValue add;        ///< path.Clean'ed; "/" when absent
    StringValue to;
    StringValue owner;
    StringValue group;
    StringListValue includePaths;
    StringListValue excludePaths;
    /** excludePaths after export auto-exclusion (reference §2.3): what signatures use. */
    QStringList effectiveExcludePaths;
    struct
    {
        bool present = false;
        Span span;
        StringListValue install;
        StringListValue beforeSetup;
        StringListValue setup;
    } stageDependencies;
    StringValue branch;
    StringValue tag;
    StringValue commit;
    BoolValue herebyIAdmitThatBranchMightBreakReproducibility;
};

/** The cacheVersions `shell:` and `ansible:` share (reference §1.7, §1.8). */
struct CacheVersions
{
    StringValue cacheVersion;
    StringValue beforeInstallCacheVersion;
    StringValue installCacheVersion;
    StringValue beforeSetupCacheVersion;
    StringValue setupCacheVersion;

    /** `<stage>CacheVersion` of user stage @p k: 0 beforeInstall, 1 install, 2 beforeSetup, 3 setup. */
    const StringValue &stageCacheVersion(int k) const
    {
        const StringValue *versions[] = {&beforeInstallCacheVersion,
                                         &installCacheVersion,
                                         &beforeSetupCacheVersion,
                                         &setupCacheVersion};
        return *versions[k];
    }
};

/** `shell:` (reference §1.7). */
struct ShellConfig : CacheVersions
{
    bool present = false;
    Span span;
    StringListValue beforeInstall;
    StringListValue install;
    StringListValue beforeSetup;
    StringListValue setup;

    /** The commands of user stage @p k (numbered as in stageCacheVersion()). */
    const StringListValue &commands(int k) const
    {
        const StringListValue *lists[] = {&beforeInstall, &install, &beforeSetup, &setup};
        return *lists[k];
    }
};

/** One Ansible task, kept as its YAML tree, and the werf module it uses. */
struct AnsibleTask
{
    Span span;
    YamlNode node;
    QString module; ///< "shell", "apt", ...; "block"/"rescue"/"always" for blocks
};

struct AnsibleTaskList
{
    QList<AnsibleTask> tasks;
    Span valueSpan;
    Span keySpan;
    bool present = false;
};

/** `ansible:` (reference §1.8). */
struct AnsibleConfig : CacheVersions
{
    bool present = false;
    Span span;
    AnsibleTaskList beforeInstall;
    AnsibleTaskList install;
    AnsibleTaskList beforeSetup;
    AnsibleTaskList setup;

    /** The tasks of user stage @p k (numbered as in stageCacheVersion()). */
    const AnsibleTaskList &tasks(int k) const
    {
        const AnsibleTaskList *lists[] = {&beforeInstall, &install, &beforeSetup, &setup};
        return *lists[k];
    }
};

/** `mount:` item (reference §1.9). */
struct MountConfig
{
    Span span;
    StringValue to;
    StringValue from;     ///< tmp_dir | build_dir
    StringValue fromPath; ///< custom_dir
};

/** `import:` item (reference §1.10). */
struct ImportConfig
{
    Span span;
    StringValue image;
    StringValue artifact;
    StringValue add;
    StringValue to; ///< = add when absent (filled before path.Clean)
    StringValue before;
    StringValue after;
    StringValue stage;
    StringListValue includePaths;
    StringListValue excludePaths;
    QStringList effectiveExcludePaths; ///< after auto-exclusion (reference §2.3)
    StringValue owner;
    StringValue group;

    QString sourceName() const { return image.present ? image.value : artifact.value; }
};

/** `docker:` (reference §1.11). */
struct DockerConfig
{
    bool present = false;
    Span span;
    StringListValue volume;
    StringListValue expose;
    StringMapValue env;
    StringMapValue label;
    StringListValue cmd;
    StringListValue entrypoint;
    StringValue workdir;
    StringValue user;
    StringValue healthcheck;
    StringValue exactValues; ///< 1.2+ `exactValues`

    /** werf's normalisation of CMD/ENTRYPOINT (`["a", "b"]`, shell form kept). */
    static QString normalizeCommand(const StringListValue &command);
};

/** Newer syntax `dependencies:` item (1.2+). */
struct DependencyConfig
{
    struct Import
    {
        Span span;
        StringValue type; ///< ImageName | ImageID | ImageRepo | ImageTag | ImageDigest
        StringValue targetEnv;
        StringValue targetBuildArg;
    };
    Span span;
    StringValue image;
    StringValue before;
    StringValue after;
    QList<Import> imports;
};

/** werf 2 `secrets:` item: `env: X`, `src: path` or `value: v`, each with an optional `id`. */
struct SecretConfig
{
    Span span;
    StringValue id;
    StringValue env;
    StringValue src;
    StringValue value;
};

/** A stapel image or artifact (reference §1.5; newer keys §8.1). */
struct StapelImage
{
    QString name; ///< "" for a nameless image
    bool artifact = false;
    int document = -1;
    Span documentSpan;
    Span nameSpan; ///< the name (the list item for `image: [a, b]`), or the key when null
    StringValue from;
    BoolValue fromLatest;
    BoolValue herebyIAdmitThatFromLatestMightBreakReproducibility;
    StringValue fromCacheVersion;
    StringValue fromImage;
    StringValue fromImageArtifact;
    StringValue fromArtifact; ///< 1.2+
    QList<GitMapping> git;
    ShellConfig shell;
    AnsibleConfig ansible;
    QList<MountConfig> mounts;
    QList<ImportConfig> imports;
    DockerConfig docker;
    BoolValue asLayers;
    // newer syntax
    BoolValue final_;               ///< `final:` (1.2+), absent = true
    BoolValue disableGitAfterPatch; ///< 1.2+
    StringValue cacheVersion;       ///< image level (2)
    StringListValue platform;       ///< 1.2+
    QList<DependencyConfig> dependencies;
    QList<SecretConfig> secrets; ///< 2
    ImageSpecConfig imageSpec;   ///< 2
    StringValue network;         ///< 2

    /** True for `artifact:` and for `final: false`. */
    bool isIntermediate() const { return artifact || (final_.present && !final_.value); }
};

/** A Dockerfile image (reference §1.12; newer keys §8.1). */
struct DockerfileImage
{
    QString name;
    int document = -1;
    Span documentSpan;
    Span nameSpan;
    StringValue dockerfile;
    StringValue context;
    StringValue target;
    StringMapValue args;
    StringListValue addHost;
    StringValue network;
    StringValue ssh;
    // newer syntax
    StringListValue contextAddFiles; ///< 1.2+ (`contextAddFile` is accepted as its alias)
    BoolValue final_;
    BoolValue staged;         ///< 2
    StringListValue platform; ///< 1.2+
    StringValue cacheVersion; ///< 2
    QList<DependencyConfig> dependencies;
    QList<SecretConfig> secrets; ///< 2
    ImageSpecConfig imageSpec;   ///< 2
};

/** The whole typed config of a werf.yaml, every value with its source span. */
struct WerfConfig
{
    QList<ConfigDocument> documents;
    MetaConfig meta;
    /** Stapel images and artifacts in document order (one entry per name of `image: [a, b]`). */
    QList<StapelImage> images;
    QList<DockerfileImage> dockerfileImages;
    WerfVersion version = WerfVersion::V1_1;

    const StapelImage *findImage(const QString &name) const;    ///< stapel image (not artifact)
    const StapelImage *findArtifact(const QString &name) const; ///< stapel artifact
    const DockerfileImage *findDockerfileImage(const QString &name) const;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configdecoder.h"
#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;

namespace {

const QByteArray meta = "configVersion: 1\nproject: demo\n---\n";

WerfVersion versionFromName(const QString &name)
{
    if (name == QStringLiteral("1.1"))
        return WerfVersion::V1_1;
    if (name == QStringLiteral("1.2"))
        return WerfVersion::V1_2;
    if (name == QStringLiteral("2"))
        return WerfVersion::V2;
    return WerfVersion::Auto;
}

LoadedProject load(const QByteArray &text, const QString &version = QStringLiteral("1.1"))
{
    LoadOptions options;
    options.version = versionFromName(version);
    options.renderTemplates = false; // the template engine has tests of its own
    return loadText(QStringLiteral("/project/werf.yaml"), text, options);
}

const Diagnostic *firstError(const LoadedProject &p)
{
    for (const Diagnostic &d : p.diagnostics) {
        if (d.severity == Severity::Error)
            return &d;
    }
    return nullptr;
}

QString joined(const QStringList &l)
{
    return l.join(u'|');
}

/** A few typed values of a loaded config, named for the data-driven directive test. */
QString describe(const WerfConfig &c, const QString &what)
{
    const StapelImage *s = c.images.isEmpty() ? nullptr : &c.images.first();
    const DockerfileImage *d = c.dockerfileImages.isEmpty() ? nullptr : &c.dockerfileImages.first();
    auto b = [](bool v) { return v ? QStringLiteral("true") : QStringLiteral("false"); };
    if (what == u"names") {
        QStringList names;
        for (const StapelImage &i : c.images)
            names << (i.artifact ? QStringLiteral("artifact:") : QStringLiteral("image:")) + i.name;
        for (const DockerfileImage &i : c.dockerfileImages)
            names << QStringLiteral("dockerfile:") + i.name;
        return joined(names);
    }
    if (what == u"project")
        return c.meta.project.value;
    if (what == u"configVersion")
        return QString::number(c.meta.configVersion.value);
    if (what == u"deploy")
        return c.meta.deploy.helmRelease.value + u'|' + b(c.meta.deploy.helmReleaseSlug.value)
               + u'|' + c.meta.deploy.namespaceValue.value + u'|'
               + b(c.meta.deploy.namespaceSlug.value);
    if (what == u"keepPolicies") {
        QStringList out;
        for (const KeepPolicy &k : c.meta.cleanup.keepPolicies)
            out << k.tag.value + u',' + k.branch.value + u',' + QString::number(k.limit.last.value)
                            + u',' + k.limit.in.value + u',' + k.limit.operatorValue.value + u','
                            + QString::number(k.imagesPerReference.last.value);
        return joined(out);
    }
    if (what == u"build")
        return joined(c.meta.build.platform.value) + u'|' + c.meta.build.cacheVersion.value;
    if (what == u"gitWorktree")
        return b(c.meta.gitWorktree.forceShallowClone.value) + u'|'
               + b(c.meta.gitWorktree.allowUnshallow.value);
    if (!s && !d)
        return QStringLiteral("<no image>");
    if (d) {
        if (what == u"dockerfile")
            return d->dockerfile.value + u'|' + d->context.value + u'|' + d->target.value + u'|'
                   + d->network.value + u'|' + d->ssh.value + u'|' + joined(d->addHost.value);
        if (what == u"args") {
            QStringList out;
            for (const KeyValue &kv : d->args.entries)
                out << kv.key.value + u'=' + kv.value.value;
            return joined(out);
        }
        if (what == u"contextAddFiles")
            return joined(d->contextAddFiles.value);
        if (what == u"dependencies" && !d->dependencies.isEmpty())
            return d->dependencies.first().image.value + u'|'
                   + d->dependencies.first().imports.first().type.value + u'|'
                   + d->dependencies.first().imports.first().targetBuildArg.value;
        return QStringLiteral("<dockerfile>");
    }
    if (what == u"from")
        return s->from.value + u'|' + s->fromImage.value + u'|' + s->fromImageArtifact.value + u'|'
               + s->fromArtifact.value;
    if (what == u"fromLatest")
        return b(s->fromLatest.value) + u'|'
               + b(s->herebyIAdmitThatFromLatestMightBreakReproducibility.value);
    if (what == u"fromCacheVersion")
        return s->fromCacheVersion.value;
    if (what == u"git") {
        QStringList out;
        for (const GitMapping &g : s->git)
            out << (g.remote ? QStringLiteral("remote ") + g.repositoryName + u' ' : QString())
                            + g.add.value + u'>' + g.to.value + u' ' + g.owner.value + u':'
                            + g.group.value + u" inc=" + g.includePaths.value.join(u',') + u" exc="
                            + g.excludePaths.value.join(u',') + u" eff="
                            + g.effectiveExcludePaths.join(u',') + u" sd="
                            + g.stageDependencies.install.value.join(u',') + u'/'
                            + g.stageDependencies.beforeSetup.value.join(u',') + u'/'
                            + g.stageDependencies.setup.value.join(u',') + u" ref=" + g.branch.value
                            + g.tag.value + g.commit.value;
        return joined(out);
    }
    if (what == u"shell")
        return joined(s->shell.beforeInstall.value) + u';' + joined(s->shell.install.value) + u';'
               + joined(s->shell.beforeSetup.value) + u';' + joined(s->shell.setup.value) + u';'
               + s->shell.cacheVersion.value + u';' + s->shell.installCacheVersion.value;
    if (what == u"ansible") {
        QStringList out;
        for (const AnsibleTask &t : s->ansible.install.tasks)
            out << t.module;
        return joined(out) + u';' + s->ansible.cacheVersion.value;
    }
    if (what == u"mount") {
        QStringList out;
        for (const MountConfig &m : s->mounts)
            out << m.to.value + u'<' + m.from.value + m.fromPath.value;
        return joined(out);
    }
    if (what == u"import") {
        QStringList out;
        for (const ImportConfig &i : s->imports)
            out << i.sourceName() + u' ' + i.add.value + u'>' + i.to.value + u' ' + i.before.value
                            + i.after.value + u' ' + i.stage.value + u" inc="
                            + i.includePaths.value.join(u',') + u" eff="
                            + i.effectiveExcludePaths.join(u',') + u' ' + i.owner.value + u':'
                            + i.group.value;
        return joined(out);
    }
    if (what == u"docker")
        return joined(s->docker.volume.value) + u';' + joined(s->docker.expose.value) + u';'
               + DockerConfig::normalizeCommand(s->docker.cmd) + u';'
               + DockerConfig::normalizeCommand(s->docker.entrypoint) + u';'
               + s->docker.workdir.value + u';' + s->docker.user.value + u';'
               + s->docker.healthcheck.value;
    if (what == u"docker.env") {
        QStringList out;
        for (const KeyValue &kv : s->docker.env.entries)
            out << kv.key.value + u'=' + kv.value.value;
        for (const KeyValue &kv : s->docker.label.entries)
            out << QStringLiteral("label:") + kv.key.value + u'=' + kv.value.value;
        return joined(out);
    }
    if (what == u"asLayers")
        return b(s->asLayers.value);
    if (what == u"newer")
        return b(s->final_.present) + b(s->final_.value) + u'|' + b(s->disableGitAfterPatch.value)
               + u'|' + s->cacheVersion.value + u'|' + joined(s->platform.value) + u'|'
               + s->network.value;
    if (what == u"dependencies" && !s->dependencies.isEmpty())
        return s->dependencies.first().image.value + u'|' + s->dependencies.first().after.value
               + u'|' + s->dependencies.first().imports.first().type.value + u'|'
               + s->dependencies.first().imports.first().targetEnv.value;
    if (what == u"secrets") {
        QStringList out;
        for (const SecretConfig &sc : s->secrets)
            out << sc.id.value + u'/' + sc.env.value + sc.src.value + sc.value.value;
        return joined(out);
    }
    if (what == u"imageSpec")
        return s->imageSpec.author.value + u'|' + b(s->imageSpec.clearHistory.value) + u'|'
               + joined(s->imageSpec.removeLabels.value);
    return QStringLiteral("<unknown query>");
}

} // namespace

class tst_ConfigLoader : public QObject
{
    Q_OBJECT

private slots:
    void documents_data();
    void documents();
    void directives_data();
    void directives();
    void messages_data();
    void messages();
    void warnings();
    void spans();
    void crlfLocations();
    void versionDetection_data();
    void versionDetection();
    void templates();
    void renderer();
    void findConfig();
    void badInput_data();
    void badInput();
    void hugeFile();
    void goldenFixture();
};

void tst_ConfigLoader::documents_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lineOffsets");
    QTest::newRow("plain") << QByteArray("a: 1\n---\nb: 2\n") << QList<int>{0, 2};
    QTest::newRow("separator with comment")
            << QByteArray("a: 1\n---  # next\nb: 2\n") << QList<int>{0, 2};
    QTest::newRow("not separators") << QByteArray("a: 1\n----\n--- foo\n ---\n") << QList<int>{0};
    QTest::newRow("empty docs dropped")
            << QByteArray("---\n# only a comment\n\n---\na: 1\n---\n") << QList<int>{4};
    QTest::newRow("crlf") << QByteArray("a: 1\r\n---\r\nb: 2\r\n") << QList<int>{0, 2};
    QTest::newRow("yaml end marker is text") << QByteArray("a: 1\n...\n") << QList<int>{0};
}

void tst_ConfigLoader::documents()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lineOffsets);
    const QList<DocumentRange> docs = splitDocuments(text);
    QList<int> offsets;
    for (const DocumentRange &d : docs)
        offsets << d.lineOffset;
    QCOMPARE(offsets, lineOffsets);
}

void tst_ConfigLoader::directives_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("meta project") << meta + "image: a\nfrom: x\n"
                                  << "1.1"
                                  << "project"
                                  << "demo";
    QTest::newRow("meta configVersion") << meta + "image: a\nfrom: x\n"
                                        << "1.1"
                                        << "configVersion"
                                        << "1";
    QTest::newRow("meta deploy") << QByteArray(
            "configVersion: 1\nproject: demo\ndeploy:\n  helmRelease: rel\n  "
            "helmReleaseSlug: yes\n  namespace: ns\n  namespaceSlug: off\n")
                                 << "1.1"
                                 << "deploy"
                                 << "rel|true|ns|false";
    QTest::newRow("meta cleanup") << QByteArray(
            "configVersion: 1\nproject: demo\ncleanup:\n  keepPolicies:\n  - "
            "references:\n      tag: /.*/\n      limit:\n        last: 10\n        "
            "in: 168h\n        operator: Or\n  - references:\n      branch: main\n    "
            "imagesPerReference:\n      last: 2\n")
                                  << "1.1"
                                  << "keepPolicies"
                                  << "/.*/,,10,168h,Or,0|,main,0,,,2";
    QTest::newRow("image name") << meta + "image: app\nfrom: x\n"
                                << "1.1"
                                << "names"
                                << "image:app";
    QTest::newRow("image list") << meta + "image: [a, b]\nfrom: x\n"
                                << "1.1"
                                << "names"
                                << "image:a|image:b";
    QTest::newRow("nameless") << meta + "image: ~\nfrom: x\n"
                              << "1.1"
                              << "names"
                              << "image:";
    QTest::newRow("artifact") << meta + "artifact: art\nfrom: x\n"
                              << "1.1"
                              << "names"
                              << "artifact:art";
    QTest::newRow("empty image list") << meta + "image: []\nfrom: x\n"
                                      << "1.1"
                                      << "names"
                                      << "";
    QTest::newRow("from verbatim") << meta + "image: a\nfrom: alpine\n"
                                   << "1.1"
                                   << "from"
                                   << "alpine|||";
    QTest::newRow("fromImage") << meta + "image: a\nfromImage: b\n---\nimage: b\nfrom: x\n"
                               << "1.1"
                               << "from"
                               << "|b||";
    QTest::newRow("fromImageArtifact")
            << meta + "image: a\nfromImageArtifact: b\n---\nartifact: b\nfrom: x\n"
            << "1.1"
            << "from"
            << "||b|";
    QTest::newRow("fromLatest") << meta
                                           + "image: a\nfrom: x\nfromLatest: yes\n"
                                             "herebyIAdmitThatFromLatestMightBreakReproducibility: "
                                             "true\n"
                                << "1.1"
                                << "fromLatest"
                                << "true|true";
    QTest::newRow("fromCacheVersion keeps text")
            << meta + "image: a\nfrom: x\nfromCacheVersion: 1.10\n"
            << "1.1"
            << "fromCacheVersion"
            << "1.10";
    QTest::newRow("fromCacheVersion yes") << meta + "image: a\nfrom: x\nfromCacheVersion: yes\n"
                                          << "1.1"
                                          << "fromCacheVersion"
                                          << "yes";
    QTest::newRow("git local")
            << meta
                       + "image: a\nfrom: x\ngit:\n- add: /src/\n  to: /app\n  owner: app\n  "
                         "group: "
                         "app\n  includePaths: [a/, b]\n  excludePaths: '*.md'\n  "
                         "stageDependencies:\n    install: package.json\n    beforeSetup: [src]\n  "
                         "  "
                         "setup: '**/*'\n"
            << "1.1"
            << "git"
            << "/src>/app app:app inc=a,b exc=*.md eff=*.md sd=package.json/src/**/* ref=";
    QTest::newRow("git default add") << meta + "image: a\nfrom: x\ngit:\n- to: /app\n"
                                     << "1.1"
                                     << "git"
                                     << "/>/app : inc= exc= eff= sd=// ref=";
    QTest::newRow("git remote") << meta
                                           + "image: a\nfrom: x\ngit:\n- url: "
                                             "git@github.com:flant/werf.git\n  to: /w\n  "
                                             "tag: v1.0\n"
                                << "1.1"
                                << "git"
                                << "remote flant/werf />/w : inc= exc= eff= sd=// ref=v1.0";
    QTest::newRow("git remote branch admitted")
            << meta
                       + "image: a\nfrom: x\ngit:\n- url: https://github.com/flant/werf\n  to: "
                         "/w\n  "
                         "branch: main\n  herebyIAdmitThatBranchMightBreakReproducibility: true\n"
            << "1.1"
            << "git"
            << "remote flant/werf />/w : inc= exc= eff= sd=// ref=main";
    QTest::newRow("auto exclusion")
            << meta
                       + "image: a\nfrom: x\ngit:\n- add: /\n  to: /app\nimport:\n- artifact: b\n  "
                         "add: /out\n  to: /app/vendor\n  after: install\n---\nartifact: b\nfrom: "
                         "x\n"
            << "1.1"
            << "git"
            << "/>/app : inc= exc= eff=vendor sd=// ref=";
    QTest::newRow("auto exclusion from the root")
            << meta
                       + "image: a\nfrom: x\ngit:\n- add: /\n  to: /\nimport:\n- image: b\n  add: "
                         "/out\n  "
                         "to: /srv/data\n  after: setup\n---\nimage: b\nfrom: x\n"
            << "1.1"
            << "git"
            << "/>/ : inc= exc= eff=srv/data sd=// ref=";
    QTest::newRow("auto exclusion keeps covered includes")
            << meta
                       + "image: a\nfrom: x\ngit:\n- to: /app\n  includePaths: [src]\n  "
                         "excludePaths: [lib]\n"
                         "import:\n- image: b\n  add: /o\n  to: /app/lib/x\n  after: setup\n- "
                         "image: b\n  "
                         "add: /o\n  to: /app/vendor\n  after: setup\n---\nimage: b\nfrom: x\n"
            << "1.1"
            << "git"
            << "/>/app : inc=src exc=lib eff=lib,vendor sd=// ref=";
    QTest::newRow("shell")
            << meta
                       + "image: a\nfrom: x\nshell:\n  beforeInstall: apt-get update\n  install:\n "
                         " "
                         "- a\n  - b\n  beforeSetup: []\n  setup: [c]\n  cacheVersion: 2\n  "
                         "installCacheVersion: '3'\n"
            << "1.1"
            << "shell"
            << "apt-get update;a|b;;c;2;3";
    QTest::newRow("ansible")
            << meta
                       + "image: a\nfrom: x\nansible:\n  install:\n  - name: pkgs\n    apt:\n      "
                         "name: curl\n  - block:\n    - shell: echo 1\n  cacheVersion: v1\n"
            << "1.1"
            << "ansible"
            << "apt|block;v1";
    QTest::newRow("mount")
            << meta
                       + "image: a\nfrom: x\nmount:\n- from: tmp_dir\n  to: /var/lib/apt/lists\n- "
                         "fromPath: ~/.cache\n  to: /root/.cache/\n"
            << "1.1"
            << "mount"
            << "/var/lib/apt/lists<tmp_dir|/root/.cache<~/.cache";
    QTest::newRow("import")
            << meta
                       + "image: a\nfrom: x\nimport:\n- image: b\n  add: /out/\n  before: setup\n  "
                         "stage: install\n  includePaths: [bin]\n  owner: o\n  group: "
                         "g\n---\nimage: "
                         "b\nfrom: x\n"
            << "1.1"
            << "import"
            << "b /out>/out setup install inc=bin eff= o:g";
    QTest::newRow("docker")
            << meta
                       + "image: a\nfrom: x\ndocker:\n  VOLUME: /data\n  EXPOSE: ['80', '443']\n  "
                         "CMD: [nginx, -g, daemon off;]\n  ENTRYPOINT: /entry.sh\n  WORKDIR: "
                         "/app\n  "
                         "USER: www\n  HEALTHCHECK: CMD true\n"
            << "1.1"
            << "docker"
            << "/data;80|443;[\"nginx\", \"-g\", \"daemon off;\"];/entry.sh;/app;www;CMD true";
    QTest::newRow("docker env") << meta
                                           + "image: a\nfrom: x\ndocker:\n  ENV:\n    A: 0755\n    "
                                             "B: yes\n  LABEL:\n    l: 1.10\n"
                                << "1.1"
                                << "docker.env"
                                << "A=0755|B=yes|label:l=1.10";
    QTest::newRow("asLayers") << meta + "image: a\nfrom: x\nasLayers: true\n"
                              << "1.1"
                              << "asLayers"
                              << "true";
    QTest::newRow("dockerfile image")
            << meta
                       + "image: web\ndockerfile: Dockerfile\ncontext: web\ntarget: prod\nnetwork: "
                         "host\nssh: default\naddHost: [a:1.2.3.4]\n"
            << "1.1"
            << "dockerfile"
            << "Dockerfile|web|prod|host|default|a:1.2.3.4";
    QTest::newRow("dockerfile args") << meta + "image: web\ndockerfile: D\nargs:\n  A: 1\n  B: x\n"
                                     << "1.1"
                                     << "args"
                                     << "A=1|B=x";
    QTest::newRow("dockerfile before image key") << meta + "dockerfile: D\nimage: web\n"
                                                 << "1.1"
                                                 << "names"
                                                 << "dockerfile:web";
    // newer syntax
    QTest::newRow("final and friends")
            << meta
                       + "image: a\nfrom: x\nfinal: false\ndisableGitAfterPatch: "
                         "true\ncacheVersion: "
                         "1.0\nplatform: [linux/arm64]\nnetwork: none\n"
            << "2"
            << "newer"
            << "truefalse|true|1.0|linux/arm64|none";
    QTest::newRow("fromArtifact") << meta + "image: a\nfromArtifact: b\n---\nartifact: b\nfrom: x\n"
                                  << "1.2"
                                  << "from"
                                  << "|||b";
    QTest::newRow("dependencies")
            << meta
                       + "image: a\nfrom: x\ndependencies:\n- image: b\n  after: install\n  "
                         "imports:\n  - type: ImageName\n    targetEnv: B_NAME\n---\nimage: "
                         "b\nfrom: "
                         "x\n"
            << "1.2"
            << "dependencies"
            << "b|install|ImageName|B_NAME";
    QTest::newRow("dockerfile dependencies")
            << meta
                       + "image: a\ndockerfile: D\ndependencies:\n- image: b\n  imports:\n  - "
                         "type: "
                         "ImageTag\n    targetBuildArg: TAG\n---\nimage: b\nfrom: x\n"
            << "1.2"
            << "dependencies"
            << "b|ImageTag|TAG";
    QTest::newRow("contextAddFiles") << meta + "image: a\ndockerfile: D\ncontextAddFiles: [.env]\n"
                                     << "1.2"
                                     << "contextAddFiles"
                                     << ".env";
    QTest::newRow("secrets")
            << meta + "image: a\nfrom: x\nsecrets:\n- env: TOKEN\n- id: key\n  value: v\n- src: f\n"
            << "2"
            << "secrets"
            << "/TOKEN|key/v|/f";
    QTest::newRow("imageSpec")
            << meta
                       + "image: a\nfrom: x\nimageSpec:\n  author: me\n  clearHistory: true\n  "
                         "config:\n    removeLabels: [a, b]\n"
            << "2"
            << "imageSpec"
            << "me|true|a|b";
    QTest::newRow("meta build") << QByteArray(
            "configVersion: 1\nproject: demo\nbuild:\n  platform: [linux/amd64]\n  "
            "cacheVersion: x\n") << "2"
                                << "build"
                                << "linux/amd64|x";
    QTest::newRow("meta gitWorktree")
            << QByteArray("configVersion: 1\nproject: demo\ngitWorktree:\n  forceShallowClone: "
                          "true\n  allowUnshallow: false\n")
            << "1.2"
            << "gitWorktree"
            << "true|false";
    QTest::newRow("merge key") << meta + "image: a\n<<: {from: base}\nshell: {install: [x]}\n"
                               << "1.1"
                               << "from"
                               << "base|||";
}

void tst_ConfigLoader::directives()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, version);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const LoadedProject p = load(text, version);
    const Diagnostic *e = firstError(p);
    QVERIFY2(!e, e ? qPrintable(e->toString()) : "");
    QCOMPARE(describe(p.config, query), expected);
}

void tst_ConfigLoader::messages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("message"); ///< the first error; a trailing "…" means "starts with"
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // document level
    QTest::newRow("unrecognised document")
            << meta + "foo: bar\n"
            << "1.1"
            << "cannot recognize type of config section (part of YAML stream separated by three "
               "hyphens, https://yaml.org/spec/1.2/spec.html#id2800132):\n * 'configVersion' "
               "required for meta config section;\n * 'image' required for the image config "
               "sections;\n * 'artifact' required for the artifact config sections;"
            << 4 << 1;
    QTest::newRow("null document")
            << meta + "~\n"
            << "1.1"
            << "cannot recognize type of config section (part of YAML stream separated by three "
               "hyphens, https://yaml.org/spec/1.2/spec.html#id2800132):\n * 'configVersion' "
               "required for meta config section;\n * 'image' required for the image config "
               "sections;\n * 'artifact' required for the artifact config sections;"
            << 4 << 1;
    QTest::newRow("unknown fields") << meta + "image: a\nfrom: x\nfoo: 1\nbar: 2\n"
                                    << "1.1"
                                    << "unknown fields: `foo`, `bar`!" << 6 << 1;
    QTest::newRow("unknown nested field") << meta + "image: a\nfrom: x\nshell:\n  run: x\n"
                                          << "1.1"
                                          << "unknown fields: `run`!" << 7 << 3;
    QTest::newRow("image and artifact")
            << meta + "image: a\nartifact: b\nfrom: x\n"
            << "1.1"
            << "unknown doc type: one and only one of `image: NAME` or `artifact: NAME` non-empty "
               "name required!"
            << 4 << 1;
    QTest::newRow("empty artifact name")
            << meta + "artifact: ''\nfrom: x\n"
            << "1.1"
            << "unknown doc type: one of `image: NAME` or `artifact: NAME` non-empty name required!"
            << 4 << 1;
    QTest::newRow("invalid image name") << meta + "image: 5\nfrom: x\n"
                                        << "1.1"
                                        << "invalid image name `5`!" << 4 << 8;
    QTest::newRow("image name checked before unknown fields")
            << meta + "image: {a: b}\nfrom: x\nfoo: 1\n"
            << "1.1"
            << "invalid image name `map[a:b]`!" << 4 << 8;
    QTest::newRow("image list item not a string")
            << meta + "image: [a, true]\nfrom: x\n"
            << "1.1"
            << "single string or array of strings expected, got `true`!" << 4 << 12;
    QTest::newRow("shell command not a string")
            << meta + "image: a\nfrom: x\nshell:\n  install:\n  - 80\n"
            << "1.1"
            << "single string or array of strings expected, got `80`!" << 8 << 5;
    QTest::newRow("shell map") << meta + "image: a\nfrom: x\nshell:\n  install: {a: b}\n"
                               << "1.1"
                               << "single string or array of strings expected, got `map[a:b]`!" << 7
                               << 12;
    QTest::newRow("git add relative") << meta + "image: a\nfrom: x\ngit:\n- add: src\n  to: /app\n"
                                      << "1.1"
                                      << "`add: PATH` absolute path required for import!" << 7 << 8;
    QTest::newRow("git to missing") << meta + "image: a\nfrom: x\ngit:\n- add: /src\n"
                                    << "1.1"
                                    << "`to: PATH` absolute path required for import!" << 7 << 3;
    QTest::newRow("git includePaths absolute")
            << meta + "image: a\nfrom: x\ngit:\n- to: /app\n  includePaths: [a, /b]\n"
            << "1.1"
            << "`includePaths: [PATH, ...]|PATH` should be relative paths!" << 8 << 21;
    QTest::newRow("git excludePaths absolute")
            << meta + "image: a\nfrom: x\ngit:\n- to: /app\n  excludePaths: /b\n"
            << "1.1"
            << "`excludePaths: [PATH, ...]|PATH` should be relative paths!" << 8 << 17;
    QTest::newRow("stageDependencies absolute")
            << meta + "image: a\nfrom: x\ngit:\n- to: /app\n  stageDependencies:\n    setup: /x\n"
            << "1.1"
            << "`setup: [PATH, ...]|PATH` should be relative paths!" << 9 << 12;
    QTest::newRow("stageDependencies beforeInstall")
            << meta + "image: a\nfrom: x\ngit:\n- to: /app\n  stageDependencies:\n    beforeInstall: x\n"
            << "1.1"
            << "unknown fields: `beforeInstall`!" << 9 << 5;
    QTest::newRow("local git with branch")
            << meta + "image: a\nfrom: x\ngit:\n- to: /app\n  branch: main\n"
            << "1.1"
            << "specify `branch: BRANCH`, `tag: TAG` and `commit: COMMIT` only for remote git!" << 8
            << 3;
    QTest::newRow("remote git without admission")
            << meta + "image: a\nfrom: x\ngit:\n- url: https://github.com/a/b.git\n  to: /app\n"
            << "1.1"
            << "Pay attention, werf uses git repository history to calculate stages signatures.…"
            << 7 << 3;
    QTest::newRow("remote git two refs")
            << meta
                       + "image: a\nfrom: x\ngit:\n- url: https://github.com/a/b.git\n  to: /app\n "
                         " tag: v1\n  commit: abc\n"
            << "1.1"
            << "specify only `branch: BRANCH`, `tag: TAG` or `commit: COMMIT` for remote git!" << 7
            << 3;
    QTest::newRow("mount to relative")
            << meta + "image: a\nfrom: x\nmount:\n- from: tmp_dir\n  to: tmp\n"
            << "1.1"
            << "`to: PATH` absolute path required for mount!" << 8 << 7;
    QTest::newRow("mount bad from")
            << meta + "image: a\nfrom: x\nmount:\n- from: cache\n  to: /tmp\n"
            << "1.1"
            << "invalid `from: cache` for mount: expected `tmp_dir` or `build_dir`!" << 7 << 9;
    QTest::newRow("mount without source")
            << meta + "image: a\nfrom: x\nmount:\n- to: /tmp\n"
            << "1.1"
            << "`fromPath: PATH` absolute or relative path required for mount!" << 7 << 3;
    QTest::newRow("mount from and fromPath")
            << meta + "image: a\nfrom: x\nmount:\n- to: /tmp\n  from: tmp_dir\n  fromPath: /x\n"
            << "1.1"
            << "cannot use `from: tmp_dir` and `fromPath: /x` at the same time for mount!" << 8
            << 3;
    QTest::newRow("import without source")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  after: install\n"
            << "1.1"
            << "artifact name `artifact: NAME` or image name `image: NAME` required for import!"
            << 7 << 3;
    QTest::newRow("import image and artifact")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n  artifact: c\n  after: install\n"
            << "1.1"
            << "specify only one artifact name using `artifact: NAME` or image name using `image: "
               "NAME` for import!"
            << 7 << 3;
    QTest::newRow("import before and after")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n  before: install\n  after: setup\n"
            << "1.1"
            << "specify only one artifact stage using `before: install|setup` or `after: "
               "install|setup` for import!"
            << 7 << 3;
    QTest::newRow("import no stage")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n"
            << "1.1"
            << "artifact stage is not specified with `before: install|setup` or `after: "
               "install|setup` for import!"
            << 7 << 3;
    QTest::newRow("import bad before")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n  before: build\n"
            << "1.1"
            << "invalid artifact stage `before: build` for import: expected install or setup!" << 9
            << 11;
    QTest::newRow("import bad stage")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n  after: setup\n  stage: gitArchive\n"
            << "1.1"
            << "invalid stage `stage: gitArchive` for import: expected beforeInstall, install, "
               "beforeSetup or setup"
            << 10 << 10;
    QTest::newRow("import add relative")
            << meta + "image: a\nfrom: x\nimport:\n- add: a\n  image: b\n  after: setup\n"
            << "1.1"
            << "`add: PATH` absolute path required for import!" << 7 << 8;
    QTest::newRow("import includePaths absolute")
            << meta + "image: a\nfrom: x\nimport:\n- add: /a\n  image: b\n  after: setup\n  includePaths: /x\n"
            << "1.1"
            << "`includePaths: [PATH, ...]|PATH` should be relative paths!" << 10 << 17;
    QTest::newRow("fromLatest without admission")
            << meta + "image: a\nfrom: x\nfromLatest: true\n"
            << "1.1"
            << "Pay attention, werf uses actual base image digest in stage signature if "
               "'fromLatest' is specified.…"
            << 6 << 1;
    QTest::newRow("no base")
            << meta + "image: a\nshell:\n  install: [x]\n"
            << "1.1"
            << "`from: DOCKER_IMAGE`, `fromImage: IMAGE_NAME`, `fromImageArtifact: "
               "IMAGE_ARTIFACT_NAME` required!"
            << 4 << 1;
    QTest::newRow("two bases")
            << meta + "image: a\nfrom: x\nfromImage: b\n"
            << "1.1"
            << "conflict between `from`, `fromImage` and `fromImageArtifact` directives!" << 6 << 1;
    QTest::newRow("mount conflict")
            << meta + "image: a\nfrom: x\nmount:\n- from: tmp_dir\n  to: /a\n- from: build_dir\n  to: /a/\n"
            << "1.1"
            << "conflict between mounts!" << 9 << 3;
    QTest::newRow("shell and ansible")
            << meta + "image: a\nfrom: x\nshell:\n  install: [x]\nansible:\n  install:\n  - shell: x\n"
            << "1.1"
            << "can not use shell and ansible builders at the same time!" << 4 << 1;
    QTest::newRow("docker in artifact")
            << meta + "artifact: a\nfrom: x\ndocker:\n  WORKDIR: /\n"
            << "1.1"
            << "`docker` section is not supported for artifact!" << 7 << 3;
    QTest::newRow("invalid ansible task")
            << meta + "image: a\nfrom: x\nansible:\n  install:\n  - shell: a\n    command: b\n"
            << "1.1"
            << "invalid ansible task!" << 8 << 5;
    QTest::newRow("unsupported ansible task")
            << meta + "image: a\nfrom: x\nansible:\n  install:\n  - name: x\n    docker_container: {}\n"
            << "1.1"
            << "unsupported ansible task!\n\nSupported modules list:\n* command\n…" << 8 << 5;
    QTest::newRow("bool from quoted string") << meta + "image: a\nfrom: x\nasLayers: 'yes'\n"
                                             << "1.1"
                                             << "cannot unmarshal !!str `yes` into bool" << 6 << 11;
    QTest::newRow("string from map") << meta + "image: a\nfrom: {a: b}\n"
                                     << "1.1"
                                     << "cannot unmarshal !!map into string" << 5 << 7;
    QTest::newRow("long value shortened")
            << meta + "image: a\nfrom: x\nasLayers: '0123456789abc'\n"
            << "1.1"
            << "cannot unmarshal !!str `0123456...` into bool" << 6 << 11;
    QTest::newRow("duplicate key") << meta + "image: a\nfrom: x\nfrom: y\n"
                                   << "1.1"
                                   << "key \"from\" already set in map" << 6 << 1;
    QTest::newRow("yaml syntax") << meta + "image: a\nfrom: [x\n"
                                 << "1.1"
                                 << "yaml: line …" << 6 << 1;
    // meta
    QTest::newRow("duplicate meta") << meta + "configVersion: 1\nproject: demo\n"
                                    << "1.1"
                                    << "duplicate meta config section definition" << 4 << 1;
    QTest::newRow("configVersion 2") << QByteArray("configVersion: 2\nproject: demo\n") << "1.1"
                                     << "'configVersion: 1' field required!" << 1 << 16;
    QTest::newRow("project empty") << QByteArray("configVersion: 1\nproject: ''\n") << "1.1"
                                   << "'project' field cannot be empty!" << 2 << 10;
    QTest::newRow("project missing") << QByteArray("configVersion: 1\n") << "1.1"
                                     << "'project' field cannot be empty!" << 1 << 1;
    QTest::newRow("bad project name")
            << QByteArray("configVersion: 1\nproject: My_Project\n") << "1.1"
            << "bad project name 'My_Project' specified in config: project name should comply with "
               "regex '^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$' and be maximum 50 chars"
            << 2 << 10;
    QTest::newRow("helmRelease empty")
            << QByteArray("configVersion: 1\nproject: p\ndeploy:\n  helmRelease: ''\n") << "1.1"
            << "helmRelease field cannot be empty!" << 4 << 16;
    QTest::newRow("namespace empty")
            << QByteArray("configVersion: 1\nproject: p\ndeploy:\n  namespace: ''\n") << "1.1"
            << "namespace field cannot be empty!" << 4 << 14;
    QTest::newRow("keep policy without references")
            << QByteArray("configVersion: 1\nproject: p\ncleanup:\n  keepPolicies:\n  - "
                          "imagesPerReference:\n      last: 1\n")
            << "1.1"
            << "cleanup keep policy must have references section!" << 5 << 5;
    QTest::newRow("keep policy no tag or branch")
            << QByteArray("configVersion: 1\nproject: p\ncleanup:\n  keepPolicies:\n  - "
                          "references:\n      limit:\n        last: 1\n")
            << "1.1"
            << "tag `tag: string|REGEX` or branch `branch: string|REGEX` required for cleanup keep "
               "policy!"
            << 5 << 5;
    QTest::newRow("keep policy tag and branch")
            << QByteArray("configVersion: 1\nproject: p\ncleanup:\n  keepPolicies:\n  - "
                          "references:\n      tag: a\n      branch: b\n")
            << "1.1"
            << "specify only tag `tag: string|REGEX` or branch `branch: string|REGEX` for cleanup "
               "keep policy!"
            << 5 << 5;
    QTest::newRow("keep policy bad regexp")
            << QByteArray("configVersion: 1\nproject: p\ncleanup:\n  keepPolicies:\n  - "
                          "references:\n      tag: /(/\n")
            << "1.1"
            << "invalid value '/(/' for `tag: string|REGEX`!" << 6 << 12;
    QTest::newRow("keep policy operator")
            << QByteArray(
                       "configVersion: 1\nproject: p\ncleanup:\n  keepPolicies:\n  - references:\n "
                       "     tag: a\n      limit:\n        in: 1h\n        operator: Xor\n")
            << "1.1"
            << "unsupported value 'Xor' for `operator: Or|And`!" << 9 << 19;
    QTest::newRow("no meta") << QByteArray("image: a\nfrom: x\n") << "1.1"
                             << "meta config section (part of YAML stream separated by three "
                                "hyphens, https://yaml.org/spec/1.2/spec.html#id2800132) is not "
                                "defined: add following example config section with required "
                                "fields, e.g:\n\n```\nconfigVersion: 1\nproject: project\n---\n```…"
                             << 1 << 1;
    // whole config
    QTest::newRow("nameless among many")
            << meta + "image: ~\nfrom: x\n---\nimage: b\nfrom: x\n"
            << "1.1"
            << "conflict between images names: a nameless image cannot be specified in the config "
               "with multiple images!"
            << 4 << 1;
    QTest::newRow("duplicate image names")
            << meta + "image: a\nfrom: x\n---\nimage: a\ndockerfile: D\n"
            << "1.1"
            << "conflict between images names!" << 7 << 8;
    QTest::newRow("duplicate artifact names")
            << meta + "artifact: a\nfrom: x\n---\nartifact: a\nfrom: x\n"
            << "1.1"
            << "conflict between artifacts names!" << 7 << 11;
    QTest::newRow("image and artifact names")
            << meta + "image: a\nfrom: x\n---\nartifact: a\nfrom: x\n"
            << "1.1"
            << "conflict between image and artifact names!" << 7 << 11;
    QTest::newRow("fromImage own name")
            << meta + "image: a\nfromImage: a\n"
            << "1.1"
            << "cannot use own image name as `fromImage` directive value!" << 5 << 12;
    QTest::newRow("fromImage unknown") << meta + "image: a\nfromImage: b\n"
                                       << "1.1"
                                       << "no such image `b`!" << 5 << 12;
    QTest::newRow("fromImageArtifact own name")
            << meta + "artifact: a\nfromImageArtifact: a\n"
            << "1.1"
            << "cannot use own image name as `fromImageArtifact` directive value!" << 5 << 20;
    QTest::newRow("fromImageArtifact unknown") << meta + "image: a\nfromImageArtifact: b\n"
                                               << "1.1"
                                               << "no such image artifact `b`!" << 5 << 20;
    QTest::newRow("import artifact unknown")
            << meta + "image: a\nfrom: x\nimport:\n- artifact: b\n  add: /a\n  after: setup\n"
            << "1.1"
            << "no such artifact `b`!" << 7 << 13;
    QTest::newRow("import image unknown")
            << meta + "image: a\nfrom: x\nimport:\n- image: b\n  add: /a\n  after: setup\n"
            << "1.1"
            << "no such image ``!" << 7 << 10;
    QTest::newRow("conflict between imports")
            << meta
                       + "image: a\nfrom: x\ngit:\n- to: /app\nimport:\n- image: b\n  add: /a\n  "
                         "to: "
                         "/app\n  after: setup\n---\nimage: b\nfrom: x\n"
            << "1.1"
            << "Conflict between imports!" << 9 << 3;
    QTest::newRow("infinite loop")
            << meta
                       + "image: a\nfromImage: b\n---\nimage: b\nfrom: x\nimport:\n- image: a\n  "
                         "add: /x\n  after: setup\n"
            << "1.1"
            << "infinite loop detected: a -> b -> a" << 5 << 12;
    // rules by version
    QTest::newRow("1.1 rejects build")
            << QByteArray("configVersion: 1\nproject: p\nbuild:\n  platform: [x]\n") << "1.1"
            << "unknown fields: `build`!" << 3 << 1;
    QTest::newRow("1.1 rejects final") << meta + "image: a\nfrom: x\nfinal: false\n"
                                       << "1.1"
                                       << "unknown fields: `final`!" << 6 << 1;
    QTest::newRow("1.1 rejects contextAddFiles")
            << meta + "image: a\ndockerfile: D\ncontextAddFiles: [x]\n"
            << "1.1"
            << "unknown fields: `contextAddFiles`!" << 6 << 1;
    QTest::newRow("1.2 rejects asLayers") << meta + "image: a\nfrom: x\nasLayers: true\n"
                                          << "1.2"
                                          << "unknown fields: `asLayers`!" << 6 << 1;
    QTest::newRow("1.2 rejects imageSpec") << meta + "image: a\nfrom: x\nimageSpec: {author: me}\n"
                                           << "1.2"
                                           << "unknown fields: `imageSpec`!" << 6 << 1;
    QTest::newRow("artifact doc with dockerfile") << meta + "artifact: a\ndockerfile: D\n"
                                                  << "1.1"
                                                  << "unknown fields: `artifact`!" << 4 << 1;
}

void tst_ConfigLoader::messages()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, version);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const LoadedProject p = load(text, version);
    const Diagnostic *e = firstError(p);
    QVERIFY2(e, "an error is expected");
    if (message.endsWith(u'…')) {
        const QString prefix = message.chopped(1);
        QVERIFY2(e->message.startsWith(prefix), qPrintable(e->message));
    } else {
        QCOMPARE(e->message, message);
    }
    QCOMPARE(e->location.file, QStringLiteral("/project/werf.yaml"));
    QCOMPARE(e->location.line, line);
    QCOMPARE(e->location.column, column);
}

void tst_ConfigLoader::warnings()
{
    const LoadedProject p = load(meta
                                 + "image: a\nfromImageArtifact: b\n---\nartifact: b\nfrom: x\n");
    QVERIFY(p.ok());
    QCOMPARE(p.diagnostics.size(), 1);
    const Diagnostic &w = p.diagnostics.first();
    QCOMPARE(w.severity, Severity::Warning);
    QVERIFY(w.message.startsWith(QStringLiteral(
            "WARNING: Do not use artifacts as a base for other images and artifacts. The feature "
            "is deprecated, and the directive 'fromImageArtifact' will be completely removed in "
            "version v1.3.")));
    QCOMPARE(w.location.line, 5);
    QCOMPARE(w.location.column, 1);
}

void tst_ConfigLoader::spans()
{
    const QByteArray text = meta
                            + "image: [one, \"two\"]\nfrom: 'alpine:3.12'   # base\nshell:\n  "
                              "install:\n  - |\n    echo a\n    echo b\n";
    const LoadedProject p = load(text);
    QVERIFY(p.ok());
    QCOMPARE(p.config.images.size(), 2);
    const StapelImage &two = p.config.images.at(1);
    QCOMPARE(text.mid(two.nameSpan.start, two.nameSpan.end - two.nameSpan.start),
             QByteArray("\"two\""));
    QCOMPARE(two.nameSpan.location.line, 4);
    QCOMPARE(two.nameSpan.location.column, 14);
    const Span &from = two.from.valueSpan;
    QCOMPARE(text.mid(from.start, from.end - from.start), QByteArray("'alpine:3.12'"));
    QCOMPARE(from.endLocation.column, 20);
    QCOMPARE(text.mid(two.from.keySpan.start, two.from.keySpan.end - two.from.keySpan.start),
             QByteArray("from"));
    const Span &cmd = two.shell.install.itemSpans.first();
    QCOMPARE(text.mid(cmd.start, cmd.end - cmd.start), QByteArray("|\n    echo a\n    echo b"));
    QCOMPARE(two.shell.install.value.first(), QStringLiteral("echo a\necho b\n"));
    QCOMPARE(two.documentSpan.location.line, 4);
    QCOMPARE(p.config.documents.size(), 2);
    QCOMPARE(p.config.documents.at(1).kind, ConfigDocument::Kind::Stapel);
}

void tst_ConfigLoader::crlfLocations()
{
    QByteArray text = meta + "image: a\nfrom: x\nfoo: 1";
    text.replace("\n", "\r\n");
    const LoadedProject p = load(text);
    const Diagnostic *e = firstError(p);
    QVERIFY(e);
    QCOMPARE(e->message, QStringLiteral("unknown fields: `foo`!"));
    QCOMPARE(e->location.line, 6);
    QCOMPARE(e->location.column, 1);
    QCOMPARE(p.config.images.size(), 0);

    const LoadedProject ok = load(meta + "image: a\r\nfrom: x");
    QVERIFY(ok.ok());
    QCOMPARE(ok.config.images.first().from.value, QStringLiteral("x"));
}

void tst_ConfigLoader::versionDetection_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("reason");
    QTest::newRow("plain 1.1") << meta + "image: a\nfrom: x\n"
                               << int(WerfVersion::V1_1)
                               << "werf 1.1 rules: no newer keys or template features found";
    QTest::newRow("meta build") << QByteArray(
            "configVersion: 1\nproject: p\nbuild:\n  platform: [linux/amd64]\n")
                                << int(WerfVersion::V1_2)
                                << "werf 1.2 rules: meta key `build` at werf.yaml:3:1";
    QTest::newRow("final") << meta + "image: a\nfrom: x\nfinal: false\n"
                           << int(WerfVersion::V1_2)
                           << "werf 1.2 rules: key `final` at werf.yaml:6:1";
    QTest::newRow("imageSpec is 2")
            << meta + "image: a\nfrom: x\nfinal: false\nimageSpec: {author: me}\n"
            << int(WerfVersion::V2) << "werf 2 rules: key `imageSpec` at werf.yaml:7:1";
    QTest::newRow("helmChartDir")
            << QByteArray("configVersion: 1\nproject: p\ndeploy:\n  helmChartDir: .helm\n")
            << int(WerfVersion::V1_2)
            << "werf 1.2 rules: meta deploy key `helmChartDir` at werf.yaml:4:3";
}

void tst_ConfigLoader::versionDetection()
{
    QFETCH(QByteArray, text);
    QFETCH(int, version);
    QFETCH(QString, reason);
    const LoadedProject p = load(text, QStringLiteral("auto"));
    QVERIFY2(p.ok(), p.diagnostics.isEmpty() ? "" : qPrintable(p.diagnostics.first().toString()));
    QCOMPARE(int(p.version), version);
    QCOMPARE(p.versionReason, reason);
}

void tst_ConfigLoader::templates()
{
    // A template action anywhere, even inside a YAML comment, needs rendering.
    const QByteArray text = meta + "# {{ .Env.X }}\nimage: a\nfrom: x\n";
    const LoadedProject p = load(text, QStringLiteral("auto"));
    QVERIFY(p.templated);
    QCOMPARE(p.diagnostics.size(), 1);
    QCOMPARE(p.diagnostics.first().toString(),
             QStringLiteral(
                     "/project/werf.yaml:4:3: error: this config uses Go templates and needs "
                     "template rendering"));
    QCOMPARE(p.version, WerfVersion::V1_2);
    QCOMPARE(p.versionReason,
             QStringLiteral("werf 1.2 rules: template data `.Env` at werf.yaml:4:6"));

    const LoadedProject withDefault = load(meta + "image: {{ env \"NAME\" \"app\" }}\nfrom: x\n",
                                           QStringLiteral("auto"));
    QCOMPARE(withDefault.version, WerfVersion::V1_2);
    const LoadedProject plainEnv = load(meta + "image: {{ env \"NAME\" }}\nfrom: x\n",
                                        QStringLiteral("auto"));
    QCOMPARE(plainEnv.version, WerfVersion::V1_1);
}

void tst_ConfigLoader::renderer()
{
    // A stand-in renderer that expands one action the way the template engine will.
    LoadOptions options;
    options.version = WerfVersion::V1_1;
    options.renderer = [](const QString &file, const QByteArray &source, const QString &) {
        RenderOutput out;
        const qint64 open = source.indexOf("{{");
        const qint64 close = source.indexOf("}}") + 2;
        const int f = out.map.addFile(file, source);
        out.text = source.left(open) + "app" + source.mid(close);
        out.map.appendLiteral(f, 0, open);
        out.map.appendGenerated(f, open, close, 3);
        out.map.appendLiteral(f, close, source.size() - close);
        out.ok = true;
        return out;
    };
    const QByteArray text = meta + "image: {{ .Name }}\nfrom: x\nbogus: 1\n";
    const LoadedProject p = loadText(QStringLiteral("/p/werf.yaml"), text, options);
    QVERIFY(p.templated);
    QCOMPARE(p.rendered, meta + "image: app\nfrom: x\nbogus: 1\n");
    QCOMPARE(p.config.images.size(), 0);
    const Diagnostic *e = firstError(p);
    QVERIFY(e);
    QCOMPARE(e->message, QStringLiteral("unknown fields: `bogus`!"));
    // The location points into the source, past the longer template action.
    QCOMPARE(e->location.toString(), QStringLiteral("/p/werf.yaml:6:1"));
    QCOMPARE(e->location.offset, text.indexOf("bogus"));

    const LoadedProject ok = loadText(QStringLiteral("/p/werf.yaml"),
                                      meta + "image: {{ .Name }}\nfrom: x\n",
                                      options);
    QVERIFY(ok.ok());
    QCOMPARE(ok.config.images.first().name, QStringLiteral("app"));
}

void tst_ConfigLoader::findConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // No config at all.
    LoadedProject none = loadProject(dir.path());
    QCOMPARE(none.diagnostics.size(), 1);
    QCOMPARE(none.diagnostics.first().message,
             QStringLiteral("configration file werf.yaml not found"));
    QVERIFY(!none.diagnostics.first().location.file.isEmpty());

    auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    };
    write(QStringLiteral("werf.yaml"), meta + "image: from-yaml\nfrom: x\n");
    QCOMPARE(loadProject(dir.path()).config.images.first().name, QStringLiteral("from-yaml"));
    write(QStringLiteral("werf.yml"), meta + "image: from-yml\nfrom: x\n");
    const LoadedProject p = loadProject(dir.path());
    QCOMPARE(p.configFile, dir.filePath(QStringLiteral("werf.yml")));
    QCOMPARE(p.config.images.first().name, QStringLiteral("from-yml"));
    QCOMPARE(p.projectDir, QDir(dir.path()).absolutePath());

    const LoadedProject missing = loadProject(dir.filePath(QStringLiteral("other.yaml")));
    QCOMPARE(missing.diagnostics.first().message,
             QStringLiteral("configration file %1 not found")
                     .arg(dir.filePath(QStringLiteral("other.yaml"))));
}

void tst_ConfigLoader::badInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QByteArray garbage;
    quint32 x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1103515245u + 12345u;
        garbage.append(char(x >> 24));
    }
    QTest::newRow("binary garbage") << garbage << "…" << 0 << 0;
    QTest::newRow("nul byte") << meta + QByteArray("image: a\0b\nfrom: x\n", 19)
                              << "the file contains a NUL byte; werf.yaml must be UTF-8 text" << 4
                              << 9;
    QTest::newRow("invalid utf-8")
            << meta + QByteArray("image: caf\xc3\x28\nfrom: x\n")
            << "invalid UTF-8 byte 0xc3; werf.yaml must be UTF-8 text" << 4 << 11;
    QTest::newRow("nested 100000 flow")
            << meta + "image: a\nfrom: x\nshell:\n  install: " + QByteArray(100000, '[')
                       + QByteArray(100000, ']') + "\n"
            << "…" << 0 << 0;
    QByteArray block = meta + "image: a\nfrom: x\nx: ";
    for (int i = 0; i < 100000; ++i)
        block += "- ";
    block += "end\n";
    QTest::newRow("nested 100000 block") << block << "…" << 0 << 0;
    QTest::newRow("only a scalar")
            << QByteArray("just text\n") << "yaml: unmarshal errors:…" << 1 << 1;
    QTest::newRow("tabs") << meta + "image: a\n\tfrom: x\n"
                          << "yaml: line …" << 5 << 1;
    QTest::newRow("alias bomb")
            << meta
                       + "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, "
                         "*a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, "
                         "*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, "
                         "*d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, "
                         "*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, "
                         "*g, *g]\n"
            << "the YAML document has too many nodes…" << 0 << 0;
}

void tst_ConfigLoader::badInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const LoadedProject p = load(text);
    const Diagnostic *e = firstError(p);
    QVERIFY2(e, "an error is expected");
    QVERIFY(!e->message.isEmpty());
    QVERIFY2(e->location.isValid(), qPrintable(e->toString()));
    if (message.endsWith(u'…'))
        QVERIFY2(e->message.startsWith(message.chopped(1)), qPrintable(e->message));
    else
        QCOMPARE(e->message, message);
    if (line > 0) {
        QCOMPARE(e->location.line, line);
        QCOMPARE(e->location.column, column);
    }
}

void tst_ConfigLoader::hugeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("werf.yaml"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray chunk(1024 * 1024, '#');
        for (int i = 0; i < 50; ++i)
            f.write(chunk);
    }
    const LoadedProject p = loadProject(dir.path());
    QCOMPARE(p.diagnostics.size(), 1);
    QVERIFY(p.diagnostics.first().message.startsWith(
            QStringLiteral("the file is too large (52428800 bytes")));
    QCOMPARE(p.diagnostics.first().location.line, 1);
    QVERIFY(p.source.isEmpty());
}

void tst_ConfigLoader::goldenFixture()
{
    // werf's golden signature fixture with its `range` over image/artifact written out by hand.
    const QString path = QStringLiteral(STAGECRAFT_TEST_DATA_DIR
                                        "/config/golden-rendered/werf.yaml");
    const LoadedProject p = loadProject(path);
    for (const Diagnostic &d : p.diagnostics)
        qInfo("%s", qPrintable(d.toString()));
    QVERIFY(p.ok());
    QCOMPARE(p.version, WerfVersion::V1_1);
    QVERIFY(p.config.images.size() >= 2);
}

QTEST_GUILESS_MAIN(tst_ConfigLoader)

#include "tst_configloader.moc"

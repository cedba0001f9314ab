// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "config/yamlnode.h"
#include "git/gitcontext.h"
#include "git/gittree.h"
#include "signature/gojson.h"
#include "signature/hash.h"
#include "signature/plandiff.h"
#include "signature/planner.h"
#include "signature/signaturecalculator.h"
#include "signature/signatureinputbuilder.h"
#include "signature/stageimage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

const QString E = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
// werf's golden test hashes the werf repository at tag v1.0.10 (reference §5.10).
const QString goldenCommit = u"6f7900edaed382c6b5142ece10c9695146f564d8"_s;
// git's empty tree: the golden fixture's paths a, b and c do not exist in that commit's tree.
const QByteArray emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

QString taskJson(const QByteArray &yaml)
{
    const YamlParseResult parsed = parseYamlDocument(yaml, 0, yaml.size());
    if (!parsed.ok)
        return u"parse error: "_s + parsed.error;
    QString error;
    const auto json = GoJson::ansibleTask(parsed.root, &error);
    return json ? QString::fromUtf8(*json) : u"error: "_s + error;
}

SignatureInput::Import goldenImport(const QString &source,
                                    bool artifact,
                                    StageId slot,
                                    const QString &path)
{
    SignatureInput::Import imp;
    imp.source = source;
    imp.fromArtifact = artifact;
    imp.slot = slot;
    imp.add = path;
    imp.to = path;
    imp.owner = u"test"_s;
    imp.group = u"test"_s;
    imp.includePaths = {u"a"_s, u"b"_s, u"c"_s};
    imp.excludePaths = {u"a/a"_s, u"a/b"_s, u"a/c"_s};
    return imp;
}

// The golden fixture (reference/werf-1.1-golden/werf.yaml) as rendered for one `range` value.
QList<SignatureInput::Image> goldenImages(bool artifact)
{
    const ImageKind kind = artifact ? ImageKind::Artifact : ImageKind::Image;
    const QString word = artifact ? u"artifact"_s : u"image"_s;
    QList<SignatureInput::Image> images;
    for (const bool ansible : {false, true}) {
        SignatureInput::Image image;
        image.name = u"stapel_"_s + word + (ansible ? u"_ansible"_s : u"_shell"_s);
        image.kind = kind;
        image.gitAfterPatch = !artifact;
        image.dockerAllowed = !artifact;
        image.from = u"alpine"_s;
        image.fromCacheVersion = u"test"_s;
        GitMappingParams git;
        git.to = u"/app"_s;
        git.owner = u"user"_s;
        git.group = u"group"_s;
        git.includePaths = {u"a"_s, u"b"_s, u"c"_s};
        git.excludePaths = {u"a/a"_s, u"a/b"_s, u"a/c"_s};
        git.installDependencies = {u"a"_s};
        git.beforeSetupDependencies = {u"b"_s};
        git.setupDependencies = {u"c"_s};
        image.git = {git};
        SignatureInput::Builder &b = image.builder;
        b.kind = ansible ? SignatureInput::Builder::Kind::Ansible
                         : SignatureInput::Builder::Kind::Shell;
        b.cacheVersion = u"test"_s;
        const QString date = ansible ? taskJson("shell: date") : u"date"_s;
        const QString yes = ansible ? taskJson("shell: \"true\"") : u"true"_s;
        b.beforeInstall = {{date}, u"test"_s, {}};
        b.install = {{yes}, u"test"_s, {}};
        b.beforeSetup = {{date}, u"test"_s, {}};
        b.setup = {{yes}, u"test"_s, {}};
        image.mounts = {{u"build_dir"_s, QString(), u"/build"_s},
                        {u"tmp_dir"_s, QString(), u"/tmp"_s},
                        {u"custom_dir"_s, u"/tmp/test"_s, u"/from"_s}};
        image.imports = {
                goldenImport(u"import_artifact"_s, true, StageId::ImportsBeforeInstall, u"/test"_s),
                goldenImport(u"import_image"_s, false, StageId::ImportsAfterSetup, u"/test2"_s)};
        if (!artifact) {
            SignatureInput::Docker &d = image.docker;
            d.present = true;
            d.volume = {u"volume"_s};
            d.expose = {u"80"_s};
            d.env = {{u"test"_s, u"test"_s}};
            d.label = {{u"test"_s, u"test"_s}};
            d.entrypoint = SignatureInput::Docker::normalizeCommand({u"cmd"_s}, false);
            d.cmd = SignatureInput::Docker::normalizeCommand({u"cmd"_s}, false);
            d.workdir = u"/root"_s;
            d.user = u"test"_s;
            d.healthcheck = u"CMD true"_s;
        }
        images.append(image);
    }
    SignatureInput::Image importer;
    importer.name = u"import_"_s + word;
    importer.kind = kind;
    importer.from = u"alpine"_s;
    importer.builder.kind = SignatureInput::Builder::Kind::Shell;
    importer.builder.install.items = {u"mkdir -p /test /test2"_s};
    images.append(importer);
    return images;
}

SignatureInput goldenInput()
{
    SignatureInput input;
    input.project = u"none"_s;
    SignatureInput::Image dockerfile;
    dockerfile.name = u"dockerfile_image"_s;
    dockerfile.kind = ImageKind::Dockerfile;
    input.images.append(dockerfile);
    input.images += goldenImages(false);
    input.images += goldenImages(true);
    SignatureInput::Image fromImage;
    fromImage.name = u"stapel_image_from_image"_s;
    fromImage.fromImage = u"stapel_image_shell"_s;
    input.images.append(fromImage);
    SignatureInput::Image fromArtifact;
    fromArtifact.name = u"stapel_image_from_artifact"_s;
    fromArtifact.fromImage = u"stapel_artifact_shell"_s;
    fromArtifact.fromImageArtifact = true;
    input.images.append(fromArtifact);
    return input;
}

// A real repository in a temporary directory with reproducible commits.
class TestRepo
{
public:
    TestRepo()
    {
        QDir(m_dir.path()).mkdir(u"repo"_s);
        git({u"-c"_s, u"init.defaultBranch=main"_s, u"init"_s, u"-q"_s});
    }
    QString path() const { return m_dir.path() + u"/repo"_s; }
    QByteArray git(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
        env.insert(u"HOME"_s, m_dir.path());
        for (const QString &who : {u"AUTHOR"_s, u"COMMITTER"_s}) {
            env.insert(u"GIT_"_s + who + u"_NAME"_s, u"Stagecraft Test"_s);
            env.insert(u"GIT_"_s + who + u"_EMAIL"_s, u"test@example.invalid"_s);
            env.insert(u"GIT_"_s + who + u"_DATE"_s, QString::number(m_time) + u" +0000"_s);
        }
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(path());
        p.start(u"git"_s, args);
        p.waitForFinished(60000);
        return p.readAllStandardOutput();
    }
    void write(const QString &file, const QByteArray &content)
    {
        const QString full = path() + u'/' + file;
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile f(full);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
    }
    QString commit(const QString &message)
    {
        m_time += 100;
        git({u"add"_s, u"-A"_s});
        git({u"-c"_s, u"commit.gpgsign=false"_s, u"commit"_s, u"-q"_s, u"-m"_s, message});
        return QString::fromLatin1(git({u"rev-parse"_s, u"HEAD"_s}).trimmed());
    }

private:
    QTemporaryDir m_dir;
    qint64 m_time = 1600000000;
};

} // namespace

static QString firstMappingParamshash(const LoadedProject &project)
{
    return signatureInputFromProject(project).images.first().git.first().paramshash();
}

class tst_Signature : public QObject
{
    Q_OBJECT

private slots:
    void goJsonStrings_data();
    void goJsonStrings();
    void goJsonFloats_data();
    void goJsonFloats();
    void ansibleTasks_data();
    void ansibleTasks();
    void workedExample1();
    void workedExample1CacheVersion();
    void workedExample2();
    void golden_data();
    void golden();
    void goldenIntermediates();
    void goldenFromConfig();
    void dockerfileNotComputed();
    void fromLatestNeedsRegistry();
    void missingRepository();
    void dockerCommandNormalisation();
    void gitHistory();
    void importStage();
    void remoteMapping();
    void planProjectWithRepository();
    void autoExcludes();
    void newerWerfRules();
    void stageImageNaming();
};

void tst_Signature::goJsonStrings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("echo hi") << QByteArray("\"echo hi\"");
    QTest::newRow("html") << QByteArray("a<b>&c") << QByteArray("\"a\\u003cb\\u003e\\u0026c\"");
    QTest::newRow("quotes") << QByteArray("say \"x\" \\") << QByteArray("\"say \\\"x\\\" \\\\\"");
    QTest::newRow("controls") << QByteArray("a\nb\tc\rd\x01\b\f")
                              << QByteArray("\"a\\nb\\tc\\rd\\u0001\\u0008\\u000c\"");
    QTest::newRow("line separators")
            << QByteArray("x\u2028y\u2029") << QByteArray("\"x\\u2028y\\u2029\"");
    QTest::newRow("utf-8 kept") << QByteArray("привет ✓") << QByteArray("\"привет ✓\"");
    QTest::newRow("invalid utf-8") << QByteArray("a\xff") << QByteArray("\"a\\ufffd\"");
    QTest::newRow("del kept") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
}

void tst_Signature::goJsonStrings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(GoJson::quote(input), expected);
}

void tst_Signature::goJsonFloats_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("1.5") << 1.5 << QByteArray("1.5");
    QTest::newRow("integral") << 3.0 << QByteArray("3");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("1e20") << 1e20 << QByteArray("100000000000000000000");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("1e-6") << 1e-6 << QByteArray("0.000001");
    QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("-2.5e-10") << -2.5e-10 << QByteArray("-2.5e-10");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
}

void tst_Signature::goJsonFloats()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(GoJson::formatFloat(value).value_or("?"), expected);
}

void tst_Signature::ansibleTasks_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("json");
    // §5.5: the golden test's task.
    QTest::newRow("golden") << QByteArray("shell: date") << u"{\"shell\":\"date\"}"_s;
    QTest::newRow("sorted keys") << QByteArray("shell: echo hi\nname: x")
                                 << u"{\"name\":\"x\",\"shell\":\"echo hi\"}"_s;
    // YAML 1.1 scalars: yes is a bool, 0755 octal, a quoted "0755" stays a string, and the
    // nested key `n` is the boolean false (yaml.v2), so it becomes the JSON key "false".
    QTest::newRow("yaml 1.1")
            << QByteArray(
                       "apt:\n  name: curl\n  update_cache: yes\nfile:\n  mode: 0755\n  "
                       "other: \"0755\"\n  hex: 0x1F\n  f: 1.50\n  big: 1e21\n  none: ~\n  n: x\n")
            << u"{\"apt\":{\"name\":\"curl\",\"update_cache\":true},\"file\":{\"big\":1e+21,"
               "\"f\":1.5,\"false\":\"x\",\"hex\":31,\"mode\":493,\"none\":null,\"other\":\"0755\"}}"_s;
    QTest::newRow("html escapes") << QByteArray("shell: a && b > c")
                                  << u"{\"shell\":\"a \\u0026\\u0026 b \\u003e c\"}"_s;
    QTest::newRow("block scalar") << QByteArray("shell: |\n  echo 1\n  echo 2\n")
                                  << u"{\"shell\":\"echo 1\\necho 2\\n\"}"_s;
    QTest::newRow("list values") << QByteArray("apk:\n  name: [git, curl]\n  update: on")
                                 << u"{\"apk\":{\"name\":[\"git\",\"curl\"],\"update\":true}}"_s;
    QTest::newRow("block") << QByteArray("block:\n- shell: a\n  when: x\nrescue: []\nname: b")
                           << u"{\"block\":[{\"shell\":\"a\",\"when\":\"x\"}],\"name\":\"b\"}"_s;
    QTest::newRow("nested non-string keys") << QByteArray("copy:\n  1: a\n  true: b\n  yes: c")
                                            << u"{\"copy\":{\"1\":\"a\",\"true\":\"c\"}}"_s;
    QTest::newRow("timestamp stays a string")
            << QByteArray("debug:\n  msg: 2001-12-14") << u"{\"debug\":{\"msg\":\"2001-12-14\"}}"_s;
    QTest::newRow("binary") << QByteArray("copy:\n  content: !!binary aGk8Pg==")
                            << u"{\"copy\":{\"content\":\"hi\\u003c\\u003e\"}}"_s;
    QTest::newRow("infinity fails")
            << QByteArray("debug:\n  x: .inf") << u"error: json: unsupported value: .inf"_s;
}

void tst_Signature::ansibleTasks()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, json);
    QCOMPARE(taskJson(yaml), json);
}

void tst_Signature::workedExample1()
{
    // Reference §5.8.
    SignatureInput input;
    input.project = u"demo"_s;
    SignatureInput::Image image;
    image.from = u"alpine"_s;
    image.builder.kind = SignatureInput::Builder::Kind::Shell;
    image.builder.install.items = {u"echo hi"_s};
    input.images = {image};
    GitContext git;
    const Plan plan = SignatureCalculator(input, git).calculate();
    QCOMPARE(plan.images.size(), 1);
    const ImagePlan &p = plan.images.first();
    QCOMPARE(p.displayName(), u"~"_s);
    QCOMPARE(p.stages.size(), 2);
    const StagePlan &from = p.stages.at(0);
    QCOMPARE(from.name, u"from"_s);
    QCOMPARE(from.dependencies,
             u"54c5b3dd459d5ef778bb2fa1e23a5fb0e1b62ae66970bcb436e8f81a1a1a8e41"_s);
    QCOMPARE(from.signature, u"2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47"_s);
    QCOMPARE(from.contentSignature, u"00b8bd6610045a82411d2e118225ea0542c180c7650b66f86cba15e6"_s);
    QCOMPARE(from.nextStageDependencies, QString());
    const StagePlan &install = p.stages.at(1);
    QCOMPARE(install.name, u"install"_s);
    QCOMPARE(install.dependencies,
             u"2cf9c1dde4f8b025e7e21a466a901eb7d3916bf2ed248d821e0b72840717c3c8"_s);
    QCOMPARE(install.signature, u"81c87280ce7c5d0c8ec2ed20aa48289736f1045cb0c947ad64b3080d"_s);
    QCOMPARE(install.contentSignature,
             u"e60bd8ce106e18bbec7de7f7140c5308fef4827b7810e7c774fd83ba"_s);
    QCOMPARE(install.nextStageDependencies, E);
    QCOMPARE(p.contentSignature, u"34e354cc7d21f7444c155274a18081823e0bafd7506da3d502b192cd"_s);
    QCOMPARE(install.statusName(), u"unknown"_s);

    // `stagecraft plan --json` shape (ARCHITECTURE.md "Command line").
    const QJsonObject json = QJsonDocument::fromJson(plan.toJson()).object();
    const QJsonArray images = json.value(u"images"_s).toArray();
    QCOMPARE(images.size(), 1);
    const QJsonObject imageJson = images.first().toObject();
    QCOMPARE(imageJson.value(u"name"_s).toString(), u"~"_s);
    QCOMPARE(imageJson.value(u"kind"_s).toString(), u"image"_s);
    QCOMPARE(imageJson.value(u"contentSignature"_s).toString(), p.contentSignature);
    const QJsonArray stages = imageJson.value(u"stages"_s).toArray();
    QCOMPARE(stages.size(), 2);
    const QJsonObject second = stages.at(1).toObject();
    QCOMPARE(second.value(u"name"_s).toString(), u"install"_s);
    QCOMPARE(second.value(u"dependencies"_s).toString(), install.dependencies);
    QCOMPARE(second.value(u"signature"_s).toString(), install.signature);
    QCOMPARE(second.value(u"status"_s).toString(), u"unknown"_s);
}

void tst_Signature::workedExample1CacheVersion()
{
    // §5.8 variant: shell.cacheVersion creates all four user stages.
    SignatureInput input;
    SignatureInput::Image image;
    image.from = u"alpine"_s;
    image.builder.kind = SignatureInput::Builder::Kind::Shell;
    image.builder.cacheVersion = u"v1"_s;
    image.builder.install.items = {u"echo hi"_s};
    input.images = {image};
    GitContext git;
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan &p = plan.images.first();
    QStringList names;
    for (const StagePlan &s : p.stages)
        names.append(s.name);
    QCOMPARE(names,
             (QStringList{u"from"_s, u"beforeInstall"_s, u"install"_s, u"beforeSetup"_s, u"setup"_s}));
    QCOMPARE(p.stage(StageId::BeforeInstall)->dependencies,
             u"906541c9bb8054ec0d35b6c5e0593647b38ad93f784c8d0a4868a35f534a3cee"_s);
    QVERIFY(p.stage(StageId::Install)->dependencies.startsWith(u"2a4bf02e"_s));
    QVERIFY(p.stage(StageId::Install)->dependencies.endsWith(u"44a5"_s));
    QCOMPARE(p.stage(StageId::Install)->dependencies,
             Hash::h256({Hash::h256({u"echo hi"_s, Hash::h256({u"v1"_s})}), E}));
    QCOMPARE(p.stage(StageId::BeforeSetup)->dependencies,
             Hash::h256({u"906541c9bb8054ec0d35b6c5e0593647b38ad93f784c8d0a4868a35f534a3cee"_s, E}));
}

void tst_Signature::workedExample2()
{
    // Reference §5.9, with the hypothetical commit injected as the repository state.
    SignatureInput input;
    SignatureInput::Image image;
    image.from = u"alpine"_s;
    GitMappingParams mapping;
    mapping.to = u"/app"_s;
    mapping.installDependencies = {u"package.json"_s};
    image.git = {mapping};
    image.builder.kind = SignatureInput::Builder::Kind::Shell;
    image.builder.install.items = {u"npm ci"_s};
    input.images = {image};

    const QString commit = u"0123456789abcdef0123456789abcdef01234567"_s;
    GitContext git;
    git.injectState(QString(),
                    commit,
                    GitTree(commit,
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                            {{"100644",
                              "blob",
                              "0967ef424bce6791893e9a57bb952f80fd536e93",
                              "package.json"}}));
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan &p = plan.images.first();
    QStringList names;
    for (const StagePlan &s : p.stages)
        names.append(s.name + (s.empty ? u" (empty)"_s : QString()));
    QCOMPARE(names,
             (QStringList{u"from"_s,
                          u"gitArchive"_s,
                          u"install"_s,
                          u"gitCache (empty)"_s,
                          u"gitLatestPatch (empty)"_s}));
    QCOMPARE(mapping.paramshash(),
             u"69595bebc4fb0895aebaaf3d1d7a1fbfc3bad0380610b6910cd05e2bc52fc63d"_s);
    QCOMPARE(p.stage(StageId::GitArchive)->signature,
             u"ceaaf355f9530b27124246c5806085973a7b339488284af15d70243b"_s);
    QCOMPARE(p.stage(StageId::GitArchive)->nextStageDependencies, Hash::h256({commit}));
    const QString pathChecksum = Hash::raw256("0967ef424bce6791893e9a57bb952f80fd536e93");
    QVERIFY(pathChecksum.startsWith(u"3bbbbc5d"_s) && pathChecksum.endsWith(u"873f"_s));
    QCOMPARE(p.stage(StageId::Install)->signature,
             u"f37dec451aa2ac52be9c4a23538f773455926b42b96e785d4ff3981a"_s);
    QCOMPARE(p.contentSignature, u"8dc15699ca8bd9e745392133c6d8fb49e14e3d9b20ade1ab94ae275f"_s);
    QCOMPARE(p.stage(StageId::GitCache)->statusName(), u"empty"_s);
}

void tst_Signature::golden_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("signature");

    QFile file(QStringLiteral(STAGECRAFT_SHARED_DIR
                              "/reference/werf-1.1-golden/expected-signatures.txt"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    int stapel = 0;
    QSet<QString> seen;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() != 2)
            continue;
        const QString id = QString::fromUtf8(fields.at(0));
        const QString imageName = id.section(u'/', 0, 0);
        const QString stageName = id.section(u'/', 1);
        // The dockerfile_* values need §5.4.6, which is not computed (see dockerfileNotComputed).
        if (stageName == u"dockerfile")
            continue;
        ++stapel;
        const QString row = id + u' ' + QString::fromUtf8(fields.at(1));
        if (seen.contains(row))
            continue; // werf's test lists the shared import images once per variant
        seen.insert(row);
        QTest::newRow(qPrintable(id)) << imageName << stageName << QString::fromUtf8(fields.at(1));
    }
    // 53 stapel lines (werf's test repeats the shared images per variant): 32 distinct
    // image/stage pairs, 21 distinct values; all of them are checked.
    QCOMPARE(stapel, 53);
    QCOMPARE(seen.size(), 32);
}

void tst_Signature::golden()
{
    QFETCH(QString, image);
    QFETCH(QString, stage);
    QFETCH(QString, signature);

    static const Plan plan = [] {
        GitContext git;
        git.injectState(QString(), goldenCommit, GitTree(goldenCommit, emptyTree, {}));
        const SignatureInput input = goldenInput();
        return SignatureCalculator(input, git).calculate();
    }();
    const ImagePlan *p = plan.image(image,
                                    image.startsWith(u"stapel_artifact"_s) ? ImageKind::Artifact
                                                                           : ImageKind::Image);
    if (!p && image.startsWith(u"import_artifact"_s))
        p = plan.image(image, ImageKind::Artifact);
    if (!p)
        p = plan.image(image, ImageKind::Artifact);
    QVERIFY2(p, qPrintable(image));
    const std::optional<StageId> id = stageFromName(stage);
    QVERIFY(id);
    const StagePlan *s = p->stage(*id);
    QVERIFY2(s, qPrintable(stage));
    QVERIFY2(s->hasSignature(), qPrintable(s->reason));
    QCOMPARE(s->signature, signature);
}

void tst_Signature::goldenIntermediates()
{
    GitContext git;
    git.injectState(QString(), goldenCommit, GitTree(goldenCommit, emptyTree, {}));
    const SignatureInput input = goldenInput();
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan *shell = plan.image(u"stapel_image_shell"_s, ImageKind::Image);
    QVERIFY(shell);
    // §5.10 intermediates.
    QVERIFY(shell->stage(StageId::From)->dependencies.startsWith(u"04e59521"_s));
    // V = H256(stage cacheVersion, global cacheVersion) = 38e75ab9…4e33; beforeInstall = H256("date", V).
    const QString v = Hash::h256({u"test"_s, u"test"_s});
    QVERIFY(v.startsWith(u"38e75ab9"_s) && v.endsWith(u"4e33"_s));
    QCOMPARE(shell->stage(StageId::BeforeInstall)->dependencies, Hash::h256({u"date"_s, v}));
    QCOMPARE(input.images.at(1).git.first().paramshash(),
             u"e1e84d6984e36c9cdbf2812cdb0be661a76b47e2f9f7a83759cf8a0beba8cb93"_s);
    // The paths a/b/c are absent: the mapping checksum is E and the stage-deps checksum H256(E).
    QCOMPARE(shell->stage(StageId::Install)->dependencies,
             Hash::h256({Hash::h256({u"true"_s, Hash::h256({u"test"_s, u"test"_s})}),
                         Hash::h256({E})}));
    QCOMPARE(shell->stage(StageId::Install)->warnings,
             QStringList{
                     u"WARNING: stage install dependency path a has not been found in own git"_s});
    // gitCache and gitLatestPatch exist in the list but are empty on a first build.
    QVERIFY(shell->stage(StageId::GitCache)->empty);
    QVERIFY(shell->stage(StageId::GitLatestPatch)->empty);
    const ImagePlan *importImage = plan.image(u"import_image"_s, ImageKind::Image);
    QVERIFY(importImage);
    QVERIFY(importImage->contentSignature.startsWith(u"a832bc9d"_s));
    // The artifact ends at importsAfterSetup: no gitCache, gitLatestPatch or docker stages.
    const ImagePlan *artifact = plan.image(u"stapel_artifact_shell"_s, ImageKind::Artifact);
    QVERIFY(artifact);
    QCOMPARE(artifact->stages.last().name, u"importsAfterSetup"_s);
    QCOMPARE(artifact->contentSignature,
             Hash::h3({u"1.1"_s,
                       u"imageStages"_s,
                       QString(),
                       artifact->stages.last().signature,
                       QString()}));
}

void tst_Signature::goldenFromConfig()
{
    // End to end: werf's fixture as rendered (tests/data/config/golden-rendered), loaded by the
    // config layer, converted by signatureInputFromProject and computed.
    const LoadedProject project = loadProject(
            QStringLiteral(STAGECRAFT_TEST_DATA_DIR "/config/golden-rendered/werf.yaml"));
    for (const Diagnostic &d : project.diagnostics) {
        if (d.severity == Severity::Error)
            qWarning() << d.toString();
    }
    QVERIFY(project.ok());
    QCOMPARE(project.version, WerfVersion::V1_1);
    const SignatureInput input = signatureInputFromProject(project);
    QCOMPARE(input.project, u"none"_s);
    GitContext git;
    git.injectState(QString(), goldenCommit, GitTree(goldenCommit, emptyTree, {}));
    const Plan plan = SignatureCalculator(input, git).calculate();

    QFile file(QStringLiteral(STAGECRAFT_SHARED_DIR
                              "/reference/werf-1.1-golden/expected-signatures.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int checked = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() != 2)
            continue;
        const QString id = QString::fromUtf8(fields.at(0));
        const QString imageName = id.section(u'/', 0, 0);
        const std::optional<StageId> stage = stageFromName(id.section(u'/', 1));
        QVERIFY(stage);
        const ImagePlan *image = plan.image(imageName, ImageKind::Image);
        if (!image)
            image = plan.image(imageName, ImageKind::Artifact);
        if (!image)
            image = plan.image(imageName, ImageKind::Dockerfile);
        QVERIFY2(image, qPrintable(imageName));
        const StagePlan *s = image->stage(*stage);
        QVERIFY2(s, qPrintable(id));
        if (*stage == StageId::Dockerfile) {
            QCOMPARE(s->computation, Computation::NotComputed);
            continue;
        }
        QVERIFY2(s->hasSignature(), qPrintable(id + u": "_s + s->reason));
        QCOMPARE(s->signature, QString::fromUtf8(fields.at(1)));
        ++checked;
    }
    QCOMPARE(checked, 53);

    // The stage lists agree with the config layer's conveyor.
    for (const ConveyorImage &conveyorImage : project.conveyor.images) {
        if (conveyorImage.kind == ImageKind::External)
            continue;
        const ImagePlan *image = plan.image(conveyorImage.name, conveyorImage.kind);
        QVERIFY2(image, qPrintable(conveyorImage.displayName()));
        QCOMPARE(image->stages.size(), conveyorImage.stages.size());
        for (int i = 0; i < image->stages.size(); ++i)
            QCOMPARE(image->stages.at(i).id, conveyorImage.stages.at(i).id);
    }
}

void tst_Signature::dockerfileNotComputed()
{
    GitContext git;
    git.injectState(QString(), goldenCommit, GitTree(goldenCommit, emptyTree, {}));
    SignatureInput input = goldenInput();
    // An image built on a Dockerfile image cannot get a value either.
    SignatureInput::Image dependant;
    dependant.name = u"on_dockerfile"_s;
    dependant.fromImage = u"dockerfile_image"_s;
    input.images.append(dependant);
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan *d = plan.image(u"dockerfile_image"_s, ImageKind::Dockerfile);
    QVERIFY(d);
    QCOMPARE(d->stages.size(), 1);
    QCOMPARE(d->stages.first().computation, Computation::NotComputed);
    QVERIFY(d->stages.first().signature.isEmpty());
    QVERIFY(d->contentSignature.isEmpty());
    const ImagePlan *on = plan.image(u"on_dockerfile"_s, ImageKind::Image);
    QVERIFY(on);
    QCOMPARE(on->stages.first().computation, Computation::NotComputed);
    QVERIFY(on->stages.first().reason.contains(u"dockerfile_image"_s));
    QVERIFY(plan.toJson().contains("\"status\": \"not-computed\""));
}

void tst_Signature::fromLatestNeedsRegistry()
{
    SignatureInput input;
    SignatureInput::Image base;
    base.name = u"base"_s;
    base.from = u"alpine:3.18"_s;
    base.fromLatest = true;
    base.builder.kind = SignatureInput::Builder::Kind::Shell;
    base.builder.install.items = {u"true"_s};
    SignatureInput::Image child;
    child.name = u"child"_s;
    child.fromImage = u"base"_s;
    input.images = {base, child};
    GitContext git;
    Plan plan = SignatureCalculator(input, git).calculate();
    for (const ImagePlan &image : plan.images) {
        for (const StagePlan &s : image.stages) {
            QCOMPARE(s.computation, Computation::NeedsRegistry);
            QVERIFY(s.signature.isEmpty());
            QCOMPARE(s.statusName(), u"needs-registry"_s);
        }
        QVERIFY(image.contentSignature.isEmpty());
    }
    // With the digest from a registry: H256(digest, from) for the from stage.
    const QString digest = u"sha256:0123"_s;
    SignatureCalculator calculator(input, git);
    calculator.setBaseImageDigests({{u"alpine:3.18"_s, digest}});
    plan = calculator.calculate();
    QCOMPARE(plan.image(u"base"_s, ImageKind::Image)->stages.first().dependencies,
             Hash::h256({digest, u"alpine:3.18"_s}));
    QCOMPARE(plan.image(u"child"_s, ImageKind::Image)->stages.first().computation,
             Computation::Computed);
}

void tst_Signature::missingRepository()
{
    SignatureInput input;
    SignatureInput::Image image;
    image.name = u"app"_s;
    image.from = u"alpine"_s;
    GitMappingParams mapping;
    mapping.to = u"/app"_s;
    image.git = {mapping};
    image.builder.kind = SignatureInput::Builder::Kind::Shell;
    image.builder.install.items = {u"true"_s};
    input.images = {image};
    GitContext git; // no project repository
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan &p = plan.images.first();
    QCOMPARE(p.stage(StageId::From)->computation, Computation::Computed);
    // gitArchive hashes only the mapping's parameters...
    QCOMPARE(p.stage(StageId::GitArchive)->computation, Computation::Computed);
    QCOMPARE(p.stage(StageId::GitArchive)->dependencies, Hash::h256({mapping.paramshash()}));
    // ...but what it passes on is the commit, so everything after it is not computed.
    QCOMPARE(p.stage(StageId::Install)->computation, Computation::NotComputed);
    QVERIFY(p.stage(StageId::Install)
                    ->reason.contains(
                            u"local git mapping is used but project git repository is not found"_s));
    QVERIFY(p.contentSignature.isEmpty());
}

void tst_Signature::dockerCommandNormalisation()
{
    QCOMPARE(SignatureInput::Docker::normalizeCommand({u"a"_s, u"b c"_s}, true),
             u"[\"a\", \"b c\"]"_s);
    QCOMPARE(SignatureInput::Docker::normalizeCommand({}, true), u"[]"_s);
    QCOMPARE(SignatureInput::Docker::normalizeCommand({u"echo \"x\""_s}, false), u"echo \"x\""_s);
    // No escaping inside the list form, like werf.
    QCOMPARE(SignatureInput::Docker::normalizeCommand({u"say \"hi\""_s}, true),
             u"[\"say \"hi\"\"]"_s);
}

void tst_Signature::gitHistory()
{
    // §5.9 on a real repository: what a second and third commit do to the git stages when the
    // first build is in the stages storage (the baseline plan stands in for the storage).
    TestRepo repo;
    repo.write(u"package.json"_s, "{}\n");
    repo.write(u"src/app.js"_s, "console.log(1)\n");
    const QString c1 = repo.commit(u"one"_s);

    SignatureInput input;
    SignatureInput::Image image;
    image.name = u"app"_s;
    image.from = u"node:20"_s;
    GitMappingParams mapping;
    mapping.to = u"/app"_s;
    mapping.installDependencies = {u"package.json"_s};
    image.git = {mapping};
    image.builder.kind = SignatureInput::Builder::Kind::Shell;
    image.builder.install.items = {u"npm ci"_s};
    input.images = {image};
    const QString ph = mapping.paramshash();

    auto planAt = [&](const Plan *baseline) {
        GitContext git;
        git.setProjectRepository(repo.path());
        SignatureCalculator calculator(input, git);
        if (baseline)
            calculator.setStageLookup(SignatureCalculator::lookupFromPlan(*baseline));
        return calculator.calculate();
    };

    // First build: everything at C1, gitCache and gitLatestPatch empty.
    const Plan p1 = planAt(nullptr);
    const ImagePlan &i1 = p1.images.first();
    QCOMPARE(i1.stage(StageId::GitArchive)->gitCommits.value(ph), c1);
    QCOMPARE(i1.stage(StageId::Install)->nextStageDependencies, Hash::h256({c1}));
    QCOMPARE(i1.stage(StageId::Install)->dependencies,
             Hash::h256({Hash::h256({u"npm ci"_s}),
                         Hash::h256({Hash::raw256(
                                 Hash::raw256("0967ef424bce6791893e9a57bb952f80fd536e93")
                                         .toLatin1())})}));
    QVERIFY(i1.stage(StageId::GitLatestPatch)->empty);

    // C2 changes only src/app.js: gitArchive and install stay cached with C1, and
    // gitLatestPatch applies the filtered patch C1..C2.
    repo.write(u"src/app.js"_s, "console.log(2)\n");
    const QString c2 = repo.commit(u"two"_s);
    const Plan p2 = planAt(&p1);
    const ImagePlan &i2 = p2.images.first();
    QCOMPARE(i2.stage(StageId::GitArchive)->cache, CacheStatus::Cached);
    QCOMPARE(i2.stage(StageId::Install)->cache, CacheStatus::Cached);
    QCOMPARE(i2.stage(StageId::Install)->signature, i1.stage(StageId::Install)->signature);
    QCOMPARE(i2.stage(StageId::Install)->gitCommits.value(ph), c1);
    QVERIFY(i2.stage(StageId::GitCache)->empty); // far below 1 MiB
    const StagePlan *latest = i2.stage(StageId::GitLatestPatch);
    QVERIFY(!latest->empty);
    const QByteArray blob1 = repo.git({u"rev-parse"_s, c1 + u":src/app.js"_s}).trimmed().left(8);
    const QByteArray blob2 = repo.git({u"rev-parse"_s, c2 + u":src/app.js"_s}).trimmed().left(8);
    const QByteArray patch = "diff --git a/src/app.js b/src/app.js\n"
                             "index "
                             + blob1 + ".." + blob2
                             + " 100644\n"
                               "--- a/src/app.js\n"
                               "+++ b/src/app.js\n"
                               "@@ -1 +1 @@\n"
                               "-console.log(1)\n"
                               "+console.log(2)\n";
    QCOMPARE(latest->dependencies, Hash::h256({QString::fromUtf8(patch)}));
    QCOMPARE(latest->signature,
             Hash::h3({u"1.1"_s,
                       u"gitLatestPatch"_s,
                       latest->dependencies,
                       i2.stage(StageId::Install)->signature,
                       Hash::h256({c1})}));
    QCOMPARE(latest->cache, CacheStatus::Missing);
    QCOMPARE(latest->nextStageDependencies, Hash::h256({c2}));
    QCOMPARE(i2.contentSignature,
             Hash::h3({u"1.1"_s, u"imageStages"_s, QString(), latest->signature, Hash::h256({c2})}));

    // C3 changes package.json: install is invalidated by its stageDependencies and rebuilt at C3.
    repo.write(u"package.json"_s, "{\"name\":\"x\"}\n");
    const QString c3 = repo.commit(u"three"_s);
    const Plan p3 = planAt(&p2);
    const ImagePlan &i3 = p3.images.first();
    QCOMPARE(i3.stage(StageId::GitArchive)->cache, CacheStatus::Cached);
    QCOMPARE(i3.stage(StageId::Install)->cache, CacheStatus::Missing);
    QCOMPARE(i3.stage(StageId::Install)->gitCommits.value(ph), c3);
    QVERIFY(i3.stage(StageId::GitLatestPatch)->empty);
    const QList<StageChange> changes = PlanDiff::invalidated(p2, p3);
    QVERIFY(!changes.isEmpty());
    QCOMPARE(changes.first().stageName, u"install"_s);
    QCOMPARE(changes.first().inputs.size(), 1);
    QCOMPARE(changes.first().inputs.first().key,
             u"git[/app].stageDependencies.install:package.json"_s);
    QCOMPARE(changes.first().reasons(),
             QStringList{
                     u"stageDependencies of install: package.json changed (git mapping /app)"_s});

    // C4 adds a large file: from 1 MiB of patch on, gitCache exists and hashes the size in MiB.
    QByteArray big;
    for (int i = 0; big.size() < 2 * 1024 * 1024 + 1000; ++i)
        big += "line " + QByteArray::number(i)
               + " of a generated file that makes the patch large\n";
    repo.write(u"data/big.txt"_s, big);
    const QString c4 = repo.commit(u"four"_s);
    const Plan p4 = planAt(&p3);
    const ImagePlan &i4 = p4.images.first();
    QCOMPARE(i4.stage(StageId::Install)->cache, CacheStatus::Cached);
    const StagePlan *cache = i4.stage(StageId::GitCache);
    QVERIFY(!cache->empty);
    // git's own full-context binary diff, with werf's 8-character index ids (2 × 32 bytes less).
    const qint64 size = repo.git({u"-c"_s,
                                  u"diff.renames=false"_s,
                                  u"-c"_s,
                                  u"diff.context=999999999"_s,
                                  u"diff"_s,
                                  u"--full-index"_s,
                                  u"--binary"_s,
                                  c3,
                                  c4})
                                .size()
                        - 64;
    QVERIFY(size > 2 * 1024 * 1024);
    QCOMPARE(cache->dependencies, Hash::h256({QString::number(size / (1024 * 1024))}));
    QCOMPARE(cache->gitCommits.value(ph), c4);
    // gitCache brought the image to C4, so there is no latest patch left.
    QVERIFY(i4.stage(StageId::GitLatestPatch)->empty);
    QCOMPARE(i4.contentSignature,
             Hash::h3({u"1.1"_s, u"imageStages"_s, QString(), cache->signature, Hash::h256({c4})}));
}

void tst_Signature::importStage()
{
    // import `stage:` hashes that stage's content signature and the stage name; a stage the
    // source does not have silently means its last stage (§1.10, §5.4.3).
    SignatureInput input;
    SignatureInput::Image source;
    source.name = u"src"_s;
    source.kind = ImageKind::Artifact;
    source.from = u"alpine"_s;
    source.builder.kind = SignatureInput::Builder::Kind::Shell;
    source.builder.install.items = {u"make"_s};
    source.builder.setup.items = {u"make install"_s};
    SignatureInput::Image target;
    target.name = u"dst"_s;
    target.from = u"alpine"_s;
    SignatureInput::Import a;
    a.source = u"src"_s;
    a.fromArtifact = true;
    a.slot = StageId::ImportsBeforeSetup;
    a.add = u"/build"_s;
    a.to = u"/build"_s;
    a.stage = u"install"_s;
    SignatureInput::Import b = a;
    b.stage = u"beforeSetup"_s; // src has no beforeSetup stage
    target.imports = {a, b};
    input.images = {source, target};
    GitContext git;
    const Plan plan = SignatureCalculator(input, git).calculate();
    const ImagePlan *src = plan.image(u"src"_s, ImageKind::Artifact);
    const ImagePlan *dst = plan.image(u"dst"_s, ImageKind::Image);
    QVERIFY(src && dst);
    const QString installContent = src->stage(StageId::Install)->contentSignature;
    const QString lastContent = src->stage(StageId::Setup)->contentSignature;
    QVERIFY(installContent != lastContent);
    QCOMPARE(dst->stage(StageId::ImportsBeforeSetup)->dependencies,
             Hash::h256({installContent,
                         u"/build"_s,
                         u"/build"_s,
                         QString(),
                         QString(),
                         u"install"_s,
                         lastContent,
                         u"/build"_s,
                         u"/build"_s,
                         QString(),
                         QString(),
                         u"beforeSetup"_s}));
    // The stage list of dst: the imports stage exists although dst has no builder.
    QCOMPARE(dst->stages.size(), 2);
}

void tst_Signature::remoteMapping()
{
    // A remote mapping reads the clone registered for its URL; a branch resolves to
    // refs/remotes/origin/<branch> there, and the repository name comes from the URL.
    TestRepo upstream;
    upstream.write(u"docs/index.md"_s, "# docs\n");
    const QString head = upstream.commit(u"docs"_s);
    QTemporaryDir cloneDir;
    QProcess clone;
    clone.start(u"git"_s,
                {u"clone"_s,
                 u"-q"_s,
                 u"--bare"_s,
                 upstream.path(),
                 cloneDir.path() + u"/clone.git"_s});
    QVERIFY(clone.waitForFinished(60000) && clone.exitCode() == 0);
    // A bare clone has no refs/remotes; werf's clones are fetched with origin refs, so add one.
    QProcess ref;
    ref.start(u"git"_s,
              {u"-C"_s,
               cloneDir.path() + u"/clone.git"_s,
               u"update-ref"_s,
               u"refs/remotes/origin/main"_s,
               head});
    QVERIFY(ref.waitForFinished(60000) && ref.exitCode() == 0);

    GitMappingParams mapping;
    mapping.url = u"https://github.com/flant/werf.git"_s;
    mapping.add = u"/docs"_s;
    mapping.to = u"/docs"_s;
    mapping.revision.branch = u"main"_s;
    mapping.installDependencies = {u"index.md"_s};
    GitContext git;
    QVERIFY(!git.state(mapping).isValid());
    QVERIFY(git.state(mapping).error.contains(u"https://github.com/flant/werf.git"_s));
    git.setRemoteRepository(mapping.url, cloneDir.path() + u"/clone.git"_s);
    const GitContext::MappingState state = git.state(mapping);
    QVERIFY2(state.isValid(), qPrintable(state.error));
    QCOMPARE(state.commit, head);
    const auto checksum = GitMappingHash::stageDependenciesChecksum(mapping,
                                                                    *state.tree,
                                                                    mapping.installDependencies);
    const QByteArray blob = upstream.git({u"rev-parse"_s, head + u":docs/index.md"_s}).trimmed();
    QCOMPARE(checksum.checksum, Hash::raw256(Hash::raw256(blob).toLatin1()));
    QCOMPARE(mapping.fullName(), u"flant/werf_flant/werf"_s);
}

void tst_Signature::planProjectWithRepository()
{
    // The whole path: a werf.yaml in a real repository, loaded and planned like `stagecraft plan`.
    TestRepo repo;
    repo.write(u"werf.yaml"_s,
               "project: demo\nconfigVersion: 1\n---\nimage: app\nfrom: alpine\ngit:\n- add: /\n  "
               "to: /app\n"
               "  stageDependencies:\n    install:\n    - package.json\n    - "
               "missing.txt\nshell:\n  install:\n"
               "  - npm ci\n");
    repo.write(u"package.json"_s, "{}\n");
    const QString head = repo.commit(u"initial"_s);
    const LoadedProject project = loadProject(repo.path());
    QVERIFY(project.ok());
    const Plan plan = planProject(project);
    const ImagePlan *app = plan.image(u"app"_s, ImageKind::Image);
    QVERIFY(app);
    QVERIFY2(!app->contentSignature.isEmpty(), qPrintable(app->reason));
    QCOMPARE(app->stage(StageId::Install)->gitCommits.value(firstMappingParamshash(project)), head);
    QCOMPARE(plan.diagnostics.size(), 1);
    QCOMPARE(plan.diagnostics.first().message,
             u"WARNING: stage install dependency path missing.txt has not been found in own git"_s);
    QCOMPARE(plan.diagnostics.first().severity, Severity::Warning);
    // The archive type label: add: / is a directory.
    GitRepository repository(repo.path());
    const auto tree = repository.tree(head);
    QVERIFY(tree);
    GitMappingParams file;
    file.add = u"/package.json"_s;
    QCOMPARE(StageImage::gitArchiveType(file, *tree), u"file"_s);
    QCOMPARE(StageImage::gitArchiveType(GitMappingParams(), *tree), u"directory"_s);
}

void tst_Signature::autoExcludes()
{
    // §2.3: an import into /app/vendor silently excludes vendor from the git mapping to /app,
    // which changes its paramshash and so the gitArchive signature.
    const QByteArray yaml
            = "project: demo\nconfigVersion: 1\n---\nartifact: deps\nfrom: alpine\n---\n"
              "image: app\nfrom: alpine\ngit:\n- add: /\n  to: /app\nimport:\n- artifact: deps\n"
              "  add: /vendor\n  to: /app/vendor\n  before: install\n";
    const LoadedProject project = loadText(u"werf.yaml"_s, yaml);
    QVERIFY(project.ok());
    const SignatureInput input = signatureInputFromProject(project);
    const int app = input.indexOf(u"app"_s, false);
    QVERIFY(app >= 0);
    QCOMPARE(input.images.at(app).git.first().excludePaths, QStringList{u"vendor"_s});
    const QString paramshash = Hash::raw256("own_own:::/app:::::::::vendor:::::::::::::::");
    QCOMPARE(input.images.at(app).git.first().paramshash(), paramshash);
    GitContext git;
    const Plan plan = SignatureCalculator(input, git).calculate();
    QCOMPARE(plan.image(u"app"_s, ImageKind::Image)->stage(StageId::GitArchive)->dependencies,
             Hash::h256({paramshash}));
}

void tst_Signature::newerWerfRules()
{
    // A werf 1.2/2 project: no 1.1 value is shown as if it were werf's digest (§8.2).
    const QByteArray yaml
            = "project: demo\nconfigVersion: 1\n---\nimage: app\nfrom: alpine\nfinal: false\n"
              "shell:\n  install:\n  - true\n";
    const LoadedProject project = loadText(u"werf.yaml"_s, yaml);
    QVERIFY(project.version != WerfVersion::V1_1);
    const SignatureInput input = signatureInputFromProject(project);
    GitContext git;
    const Plan plan = SignatureCalculator(input, git).calculate();
    QVERIFY(!plan.images.isEmpty());
    for (const ImagePlan &image : plan.images) {
        QVERIFY(image.contentSignature.isEmpty());
        for (const StagePlan &stage : image.stages) {
            QCOMPARE(stage.computation, Computation::NotComputed);
            QVERIFY(stage.signature.isEmpty());
            QVERIFY2(stage.reason.contains(u"digests"_s), qPrintable(stage.reason));
        }
    }
}

void tst_Signature::stageImageNaming()
{
    QCOMPARE(StageImage::localName(u"demo"_s,
                                   u"2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47"_s,
                                   1598954400000),
             u"werf-stages-storage/demo:2bc41fbd00277e3021c613fcfdcef2716ed893bee29b36f928136e47-1598954400000"_s);
    QCOMPARE(StageImage::repoName(u"registry.example.com/demo/stages"_s, u"abc"_s, 5),
             u"registry.example.com/demo/stages:abc-5"_s);
    QVERIFY(StageImage::generateUniqueId() > 1600000000000);

    GitContext git;
    git.injectState(QString(), goldenCommit, GitTree(goldenCommit, emptyTree, {}));
    const SignatureInput input = goldenInput();
    const Plan plan = SignatureCalculator(input, git).calculate();
    const SignatureInput::Image &image = input.images.at(1);
    QCOMPARE(image.name, u"stapel_image_shell"_s);
    const StagePlan *install = plan.image(image.name, ImageKind::Image)->stage(StageId::Install);
    StageImage::LabelContext context;
    context.project = u"none"_s;
    context.temporaryImageName = u"3f2504e0-4f89-11d3-9a0c-0305e82c3301"_s;
    context.projectRepoCommit = goldenCommit;
    const QMap<QString, QString> labels = StageImage::labels(image, *install, context);
    const QString ph = u"e1e84d6984e36c9cdbf2812cdb0be661a76b47e2f9f7a83759cf8a0beba8cb93"_s;
    const QMap<QString, QString> expected{
            {u"werf"_s, u"none"_s},
            {u"werf-version"_s, u"v1.1.36"_s},
            {u"werf-cache-version"_s, u"1.1"_s},
            {u"werf-image"_s, u"false"_s},
            {u"werf-docker-image-name"_s, u"3f2504e0-4f89-11d3-9a0c-0305e82c3301"_s},
            {u"werf-stage-signature"_s,
             u"c91779d2713c9cb4f7559d0b6356968ee0de1e026849269db10ff16b"_s},
            {u"werf-stage-content-signature"_s, install->contentSignature},
            {u"werf-project-repo-commit"_s, goldenCommit},
            {u"werf-mount-type-build-dir"_s, u"/build"_s},
            {u"werf-mount-type-tmp-dir"_s, u"/tmp"_s},
            {u"werf-mount-type-custom-dir---tmp--test"_s, u"/from"_s},
            {u"werf-git-"_s + ph + u"-commit"_s, goldenCommit},
            {u"werf-git-"_s + ph + u"-virtual-merge"_s, u"false"_s},
            {u"werf-git-"_s + ph + u"-type"_s, u"directory"_s},
    };
    QCOMPARE(labels, expected);
    // The from stage carries no git labels yet.
    const StagePlan *from = plan.image(image.name, ImageKind::Image)->stage(StageId::From);
    QVERIFY(!StageImage::labels(image, *from, context).contains(u"werf-git-"_s + ph + u"-commit"_s));
}

QTEST_GUILESS_MAIN(tst_Signature)

#include "tst_signature.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "conveyor/conveyor.h"
#include "projectgenerator.h"
#include "template/renderer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Stagecraft::Bench;
using namespace Qt::StringLiterals;

namespace {

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QString gitOutput(const QString &dir, const QStringList &args)
{
    QProcess git;
    git.setWorkingDirectory(dir);
    git.start(u"git"_s, args);
    if (!git.waitForFinished(60000) || git.exitCode() != 0)
        return u"<git failed: "_s + QString::fromLocal8Bit(git.readAllStandardError()) + u'>';
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

} // namespace

class tst_Generator : public QObject
{
    Q_OBJECT

private slots:
    void plainConfigParses_data();
    void plainConfigParses();
    void deterministic();
    void dockerfileShare();
    void conveyorMatchesConfig();
    void templatedUsesTheConstructs();
    void writesGitRepository();
    void loaderAgrees();
    void templatedRendersToPlain_data();
    void templatedRendersToPlain();
    void refusesNonEmptyDirectory();
};

void tst_Generator::plainConfigParses_data()
{
    QTest::addColumn<int>("images");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("one") << 1 << quint64(1);
    QTest::newRow("seven") << 7 << quint64(3);
    QTest::newRow("150") << 150 << quint64(1);
    QTest::newRow("1000") << 1000 << quint64(42);
}

/**
 * The config is valid YAML, has exactly the images asked for, and every reference (fromImage,
 * import) names an image or artifact defined earlier, so werf's "no such image" and cycle checks
 * cannot fire.
 */
void tst_Generator::plainConfigParses()
{
    QFETCH(int, images);
    QFETCH(quint64, seed);
    const ProjectGenerator generator({images, seed, false});
    const QByteArray text = generator.plainConfig();

    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        QFAIL(e.what());
    }
    QCOMPARE(int(docs.size()), generator.stats().documents);
    QCOMPARE(docs.at(0)["configVersion"].as<int>(), 1);
    QCOMPARE(str(docs.at(0)["project"]), u"stagecraft-bench"_s);

    int stapel = 0;
    int artifacts = 0;
    int dockerfiles = 0;
    int imports = 0;
    int gitMappings = 0;
    QSet<QString> images_;
    QSet<QString> artifacts_;
    QStringList names;
    for (std::size_t i = 1; i < docs.size(); ++i) {
        const YAML::Node &doc = docs.at(i);
        QVERIFY(doc.IsMap());
        if (doc["dockerfile"]) {
            ++dockerfiles;
            const QString name = str(doc["image"]);
            QVERIFY2(!images_.contains(name), qPrintable(name));
            images_.insert(name);
            names.append(name);
            continue;
        }
        const bool artifact = bool(doc["artifact"]);
        const QString name = str(artifact ? doc["artifact"] : doc["image"]);
        QVERIFY2(!images_.contains(name) && !artifacts_.contains(name), qPrintable(name));
        names.append(name);
        QCOMPARE(int(bool(doc["from"])) + int(bool(doc["fromImage"])), 1);
        if (doc["fromImage"])
            QVERIFY2(images_.contains(str(doc["fromImage"])), qPrintable(name));
        if (doc["import"]) {
            for (const YAML::Node &imp : doc["import"]) {
                ++imports;
                QVERIFY2(artifacts_.contains(str(imp["artifact"])), qPrintable(name));
                QVERIFY(str(imp["add"]).startsWith(u'/'));
                QVERIFY(str(imp["to"]).startsWith(u'/'));
                QCOMPARE(int(bool(imp["before"])) + int(bool(imp["after"])), 1);
            }
        }
        if (doc["git"]) {
            for (const YAML::Node &git : doc["git"]) {
                ++gitMappings;
                QVERIFY(str(git["add"]).startsWith(u'/'));
                QVERIFY(str(git["to"]).startsWith(u'/'));
            }
        }
        if (artifact) {
            ++artifacts;
            QVERIFY2(!doc["docker"], qPrintable(name));
            artifacts_.insert(name);
        } else {
            ++stapel;
            images_.insert(name);
        }
    }
    QCOMPARE(stapel + artifacts + dockerfiles, images);
    QCOMPARE(stapel, generator.stats().images);
    QCOMPARE(artifacts, generator.stats().artifacts);
    QCOMPARE(dockerfiles, generator.stats().dockerfiles);
    QCOMPARE(imports, generator.stats().imports);
    QCOMPARE(gitMappings, generator.stats().gitMappings);
    QCOMPARE(names, generator.imageNames());
}

void tst_Generator::deterministic()
{
    const ProjectGenerator a({300, 7, false});
    const ProjectGenerator b({300, 7, false});
    const ProjectGenerator c({300, 8, false});
    QCOMPARE(a.plainConfig(), b.plainConfig());
    QCOMPARE(a.templatedConfig(), b.templatedConfig());
    QCOMPARE(a.projectFiles(), b.projectFiles());
    QVERIFY(a.plainConfig() != c.plainConfig());
    QCOMPARE(c.stats().total(), 300);
}

void tst_Generator::dockerfileShare()
{
    const ProjectGenerator generator({1000, 1, false});
    const ProjectStats &s = generator.stats();
    QVERIFY2(s.dockerfiles >= 50 && s.dockerfiles <= 150,
             qPrintable(QString::number(s.dockerfiles)));
    QVERIFY(s.artifacts > 100);
    QVERIFY(s.fromImage > s.total() / 2);
    QVERIFY(s.rangeImages > 0);
}

/** Edges attach at stages the target has, and dependency sets respect every edge. */
void tst_Generator::conveyorMatchesConfig()
{
    using namespace Stagecraft::Model;
    const ProjectGenerator generator({500, 9, false});
    const ProjectStats &s = generator.stats();
    const Conveyor conveyor = generator.conveyor();
    int externals = 0;
    for (const ConveyorImage &image : conveyor.images) {
        if (image.kind == ImageKind::External) {
            ++externals;
            QVERIFY(image.stages.isEmpty());
        } else {
            QVERIFY(!image.stages.isEmpty());
            QCOMPARE(image.stages.front().id,
                     image.kind == ImageKind::Dockerfile ? StageId::Dockerfile : StageId::From);
        }
    }
    QVERIFY(externals >= 2);
    QCOMPARE(int(conveyor.images.size()), s.total() + externals);
    QCOMPARE(int(conveyor.edges.size()), s.fromImage + s.fromExternal + s.imports);
    for (const ConveyorEdge &edge : conveyor.edges) {
        const ConveyorImage &target = conveyor.images.at(edge.target);
        QVERIFY2(target.hasStage(edge.targetStage), qPrintable(target.name));
        if (edge.kind != EdgeKind::FromExternal)
            QVERIFY(conveyor.images.at(edge.source).set < target.set);
    }
    int inSets = 0;
    for (const QList<int> &set : conveyor.sets)
        inSets += int(set.size());
    QCOMPARE(inSets, s.total());
    QVERIFY(conveyor.sets.size() >= 3);
}

/** The templated twin really is templated, and every file it reads exists in the project. */
void tst_Generator::templatedUsesTheConstructs()
{
    const ProjectGenerator generator({150, 1, false});
    const QByteArray text = generator.templatedConfig();
    const QMap<QString, QByteArray> files = generator.projectFiles();
    const QByteArray helpers = files.value(u".werf/_helpers.tmpl"_s);
    QVERIFY(helpers.contains("{{ define \"docker-common\" }}"));
    QVERIFY(helpers.contains("{{ define \"git-app\" }}"));
    QVERIFY(text.contains("{{- include \"docker-common\" $ }}"));
    QVERIFY(text.contains("{{- include \"git-app\" $ }}"));
    QVERIFY(text.contains("{{- range $name := list "));
    QVERIFY(text.contains("{{- $_ := set $ \"Group\" "));
    QVERIFY(text.contains("$.Files.Get (printf \"ci/cache-versions/%s\" $.Group)"));
    QVERIFY(text.size() < generator.plainConfig().size());
    // Balanced actions: as many range starts as ends, no action left open.
    QCOMPARE(text.count("{{- range"), text.count("{{- end }}"));
    QCOMPARE(text.count("{{"), text.count("}}"));
    int groups = 0;
    for (const QString &name : generator.imageNames()) {
        if (name.endsWith(u"-base"_s)) {
            ++groups;
            const QString group = name.chopped(5);
            QVERIFY2(files.contains(u"ci/cache-versions/"_s + group), qPrintable(group));
        }
    }
    QVERIFY(groups > 5);
}

void tst_Generator::writesGitRepository()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString first = tmp.filePath(u"a"_s);
    const QString second = tmp.filePath(u"b"_s);
    const ProjectGenerator generator({40, 5, true});
    QString error;
    QVERIFY2(generator.write(first, &error), qPrintable(error));
    QVERIFY2(generator.write(second, &error), qPrintable(error));

    QFile config(first + u"/werf.yaml"_s);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), generator.plainConfig());
    QVERIFY(QFile::exists(first + u"/werf-templated.yaml"_s));
    QVERIFY(QFile::exists(first + u"/.werf/_helpers.tmpl"_s));

    QCOMPARE(gitOutput(first, {u"rev-list"_s, u"--count"_s, u"HEAD"_s}), u"3"_s);
    QCOMPARE(gitOutput(first, {u"status"_s, u"--porcelain"_s}), QString());
    // Same seed, same commits: fixed identities and dates make the ids reproducible.
    const QString head = gitOutput(first, {u"rev-parse"_s, u"HEAD"_s});
    QCOMPARE(head.size(), 40);
    QCOMPARE(gitOutput(second, {u"rev-parse"_s, u"HEAD"_s}), head);
    QCOMPARE(gitOutput(first, {u"log"_s, u"-1"_s, u"--format=%ad"_s, u"--date=iso-strict"_s}),
             u"2024-01-03T09:00:00+00:00"_s);

    // Git mappings and Dockerfile images point at files that exist in the repository.
    const std::vector<YAML::Node> docs = YAML::LoadAll(generator.plainConfig().toStdString());
    int checked = 0;
    for (std::size_t i = 1; i < docs.size(); ++i) {
        const YAML::Node &doc = docs.at(i);
        if (doc["dockerfile"]) {
            QVERIFY(QFile::exists(first + u'/' + str(doc["dockerfile"])));
            ++checked;
        }
        if (doc["git"]) {
            for (const YAML::Node &git : doc["git"]) {
                QVERIFY2(QDir(first + str(git["add"])).exists(), qPrintable(str(git["add"])));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 10);
}

/** Stagecraft's loader reads the generated project without a problem and finds our conveyor. */
void tst_Generator::loaderAgrees()
{
    using namespace Stagecraft::Model;
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const ProjectGenerator generator({300, 11, false});
    QString error;
    QVERIFY2(generator.write(tmp.filePath(u"p"_s), &error), qPrintable(error));
    const LoadedProject project = loadProject(tmp.filePath(u"p/werf.yaml"_s));
    for (const Diagnostic &d : project.diagnostics)
        qWarning() << d.location.line << d.location.column << d.message;
    QVERIFY(project.ok());
    QVERIFY(!project.templated);

    const Conveyor expected = generator.conveyor();
    QMap<QString, QStringList> want;
    QMap<QString, QStringList> got;
    auto describe = [](const ConveyorImage &image) {
        QStringList d{imageKindName(image.kind)};
        for (const ConveyorStage &s : image.stages)
            d << stageName(s.id);
        return d;
    };
    for (const ConveyorImage &image : expected.images)
        want.insert(image.name, describe(image));
    for (const ConveyorImage &image : project.conveyor.images)
        got.insert(image.name, describe(image));
    QCOMPARE(got, want);
    QCOMPARE(project.conveyor.edges.size(), expected.edges.size());
    QCOMPARE(project.conveyor.sets.size(), expected.sets.size());
}

void tst_Generator::templatedRendersToPlain_data()
{
    QTest::addColumn<int>("images");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("12") << 12 << quint64(2);
    QTest::newRow("400") << 400 << quint64(1);
}

/**
 * Stagecraft's template engine renders werf-templated.yaml (define/include, range, set,
 * .Files.Get) to exactly the text of werf.yaml, and the loader reads the same conveyor from it.
 */
void tst_Generator::templatedRendersToPlain()
{
    using namespace Stagecraft::Model;
    QFETCH(int, images);
    QFETCH(quint64, seed);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(u"p"_s);
    const ProjectGenerator generator({images, seed, false});
    QString error;
    QVERIFY2(generator.write(dir, &error), qPrintable(error));
    const QString configFile = dir + u'/' + ProjectGenerator::templatedConfigName();

    const Template::RenderResult rendered = Template::renderWerfConfig(configFile,
                                                                       generator.templatedConfig(),
                                                                       dir);
    for (const Diagnostic &d : rendered.diagnostics)
        qWarning() << d.location.line << d.location.column << d.message;
    QVERIFY(rendered.ok);
    QCOMPARE(rendered.text, generator.plainConfig());

    LoadOptions options;
    options.renderer = [](const QString &file, const QByteArray &source, const QString &project) {
        const Template::RenderResult r = Template::renderWerfConfig(file, source, project);
        return RenderOutput{r.text, r.map, r.diagnostics, r.ok};
    };
    const LoadedProject templated = loadProject(configFile, options);
    QVERIFY(templated.ok());
    QVERIFY(templated.templated);
    const LoadedProject plain = loadProject(dir + u'/' + ProjectGenerator::plainConfigName());
    QVERIFY(plain.ok());
    QCOMPARE(templated.conveyor.images.size(), plain.conveyor.images.size());
    QCOMPARE(templated.conveyor.edges.size(), plain.conveyor.edges.size());
    for (qsizetype i = 0; i < plain.conveyor.images.size(); ++i)
        QCOMPARE(templated.conveyor.images.at(i).name, plain.conveyor.images.at(i).name);
}

void tst_Generator::refusesNonEmptyDirectory()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QFile stray(tmp.filePath(u"stray"_s));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.close();
    QString error;
    QVERIFY(!ProjectGenerator({5, 1, false}).write(tmp.path(), &error));
    QVERIFY(error.contains(u"not empty"_s));
}

QTEST_GUILESS_MAIN(tst_Generator)
#include "tst_generator.moc"

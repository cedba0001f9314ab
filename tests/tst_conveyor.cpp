// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "conveyor/conveyorbuilder.h"

#include <QTest>

using namespace Stagecraft::Model;

namespace {

const QByteArray meta = "configVersion: 1\nproject: demo\n---\n";

LoadedProject load(const QByteArray &text, WerfVersion version = WerfVersion::V1_1)
{
    LoadOptions options;
    options.version = version;
    return loadText(QStringLiteral("/p/werf.yaml"), text, options);
}

QString stageList(const Conveyor &c, const QString &name)
{
    for (const ConveyorImage &i : c.images) {
        if (i.name != name || i.kind == ImageKind::External)
            continue;
        QStringList names;
        for (const ConveyorStage &s : i.stages)
            names << stageName(s.id);
        return names.join(u' ');
    }
    return QStringLiteral("<missing>");
}

QString edgeList(const Conveyor &c)
{
    QStringList out;
    for (const ConveyorEdge &e : c.edges) {
        QString s = c.images.at(e.source).displayName() + QStringLiteral(" -> ")
                    + c.images.at(e.target).displayName() + u'@' + stageName(e.targetStage);
        if (e.sourceStage)
            s += u'<' + stageName(*e.sourceStage);
        if (!e.label.isEmpty())
            s += u' ' + e.label;
        out << s;
    }
    return out.join(QStringLiteral("; "));
}

QString setList(const Conveyor &c)
{
    QStringList sets;
    for (const QList<int> &set : c.sets) {
        QStringList names;
        for (int i : set)
            names << c.images.at(i).displayName();
        sets << names.join(u',');
    }
    return sets.join(QStringLiteral(" | "));
}

} // namespace

class tst_Conveyor : public QObject
{
    Q_OBJECT

private slots:
    void stages_data();
    void stages();
    void stageLocations();
    void edges_data();
    void edges();
    void asLayers();
    void externalImagesShared();
    void sets_data();
    void sets();
    void unusedArtifactNote();
    void cycles();
    void unknownReferences();
};

void tst_Conveyor::stages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("expected");
    QTest::newRow("from only") << meta + "image: a\nfrom: x\n"
                               << "a"
                               << "from";
    QTest::newRow("install only") << meta + "image: a\nfrom: x\nshell:\n  install: [x]\n"
                                  << "a"
                                  << "from install";
    QTest::newRow("cacheVersion creates all user stages")
            << meta + "image: a\nfrom: x\nshell:\n  install: [x]\n  cacheVersion: '1'\n"
            << "a"
            << "from beforeInstall install beforeSetup setup";
    QTest::newRow("stage cacheVersion creates one stage")
            << meta + "image: a\nfrom: x\nshell:\n  setupCacheVersion: '1'\n"
            << "a"
            << "from setup";
    QTest::newRow("ansible cacheVersion")
            << meta + "image: a\nfrom: x\nansible:\n  cacheVersion: v\n"
            << "a"
            << "from beforeInstall install beforeSetup setup";
    QTest::newRow("empty command lists") << meta + "image: a\nfrom: x\nshell:\n  install: []\n"
                                         << "a"
                                         << "from";
    QTest::newRow("everything")
            << meta
                       + "image: a\nfrom: x\ngit:\n- to: /app\nshell:\n  beforeInstall: [x]\n  "
                         "install: [x]\n  beforeSetup: [x]\n  setup: [x]\nimport:\n- image: b\n  "
                         "add: /1\n  to: /i1\n  before: install\n- image: b\n  add: /2\n  to: "
                         "/i2\n  "
                         "after: install\n- image: b\n  add: /3\n  to: /i3\n  before: setup\n- "
                         "image: b\n  add: /4\n  to: /i4\n  after: setup\ndocker:\n  USER: "
                         "x\n---\nimage: b\nfrom: x\n"
            << "a"
            << "from beforeInstall importsBeforeInstall gitArchive install importsAfterInstall "
               "beforeSetup importsBeforeSetup setup importsAfterSetup gitCache gitLatestPatch "
               "dockerInstructions";
    QTest::newRow("artifact has no git after patch")
            << meta + "artifact: a\nfrom: x\ngit:\n- to: /app\nshell:\n  setup: [x]\n"
            << "a"
            << "from gitArchive setup";
    QTest::newRow("empty docker map") << meta + "image: a\nfrom: x\ndocker: {}\n"
                                      << "a"
                                      << "from dockerInstructions";
    QTest::newRow("null docker") << meta + "image: a\nfrom: x\ndocker:\n"
                                 << "a"
                                 << "from";
    QTest::newRow("dockerfile image") << meta + "image: d\ndockerfile: Dockerfile\n"
                                      << "d"
                                      << "dockerfile";
    QTest::newRow("disableGitAfterPatch")
            << meta + "image: a\nfrom: x\nfinal: false\ndisableGitAfterPatch: true\ngit:\n- to: /app\n"
            << "a"
            << "from gitArchive";
}

void tst_Conveyor::stages()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, image);
    QFETCH(QString, expected);
    const bool newer = text.contains("final:");
    const LoadedProject p = load(text, newer ? WerfVersion::V2 : WerfVersion::V1_1);
    QVERIFY2(p.ok(), p.diagnostics.isEmpty() ? "" : qPrintable(p.diagnostics.first().toString()));
    QCOMPARE(stageList(p.conveyor, image), expected);
}

void tst_Conveyor::stageLocations()
{
    const LoadedProject p = load(
            meta
            + "image: a\nfrom: x\nshell:\n  install: [x]\n  cacheVersion: '1'\ngit:\n- to: /app\n");
    QVERIFY(p.ok());
    const ConveyorImage &a = p.conveyor.images.first();
    QCOMPARE(a.location.line, 4);
    QCOMPARE(a.location.column, 8);
    QStringList where;
    for (const ConveyorStage &s : a.stages)
        where << stageName(s.id) + u'@' + QString::number(s.location.line) + u':'
                         + QString::number(s.location.column);
    QCOMPARE(where.join(u' '),
             QStringLiteral("from@5:1 beforeInstall@8:3 gitArchive@10:3 install@7:3 "
                            "beforeSetup@8:3 setup@8:3 gitCache@10:3 gitLatestPatch@10:3"));
}

void tst_Conveyor::edges_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fromImage") << meta + "image: a\nfrom: x\n---\nimage: b\nfromImage: a\n"
                               << int(WerfVersion::V1_1) << "x -> a@from; a -> b@from";
    QTest::newRow("fromImage dockerfile")
            << meta + "image: d\ndockerfile: D\n---\nimage: b\nfromImage: d\n"
            << int(WerfVersion::V1_1) << "d -> b@from";
    QTest::newRow("fromImageArtifact")
            << meta + "artifact: a\nfrom: x\n---\nimage: b\nfromImageArtifact: a\n"
            << int(WerfVersion::V1_1) << "x -> a@from; a -> b@from";
    QTest::newRow("imports at their stages")
            << meta
                       + "artifact: src\nfrom: x\n---\nimage: b\nfrom: y\nimport:\n- artifact: "
                         "src\n  "
                         "add: /out\n  to: /app\n  after: install\n  stage: setup\n- artifact: "
                         "src\n  "
                         "add: /lib\n  before: setup\n"
            << int(WerfVersion::V1_1)
            << "x -> src@from; y -> b@from; src -> b@importsAfterInstall<setup /out → /app; src -> "
               "b@importsBeforeSetup /lib → /lib";
    QTest::newRow("dependencies")
            << meta
                       + "image: a\nfrom: x\n---\nimage: b\nfrom: x\ndependencies:\n- image: a\n  "
                         "imports:\n  - type: ImageName\n    targetEnv: A\n---\nimage: "
                         "d\ndockerfile: "
                         "D\ndependencies:\n- image: a\n  imports:\n  - type: ImageTag\n    "
                         "targetBuildArg: T\n"
            << int(WerfVersion::V1_2) << "x -> a@from; x -> b@from; a -> b@from; a -> d@dockerfile";
    QTest::newRow("v2 from names an image") << meta + "image: a\nfrom: x\n---\nimage: b\nfrom: a\n"
                                            << int(WerfVersion::V2) << "x -> a@from; a -> b@from";
    QTest::newRow("1.1 from is always external")
            << meta + "image: a\nfrom: x\n---\nimage: b\nfrom: a\n"
            << int(WerfVersion::V1_1) << "x -> a@from; a -> b@from";
}

void tst_Conveyor::edges()
{
    QFETCH(QByteArray, text);
    QFETCH(int, version);
    QFETCH(QString, expected);
    const LoadedProject p = load(text, WerfVersion(version));
    QVERIFY2(!hasErrors(p.diagnostics),
             p.diagnostics.isEmpty() ? "" : qPrintable(p.diagnostics.first().toString()));
    QCOMPARE(edgeList(p.conveyor), expected);
    // The kind tells an internal base from an external one.
    for (const ConveyorEdge &e : p.conveyor.edges) {
        const bool external = p.conveyor.images.at(e.source).kind == ImageKind::External;
        QCOMPARE(e.kind == EdgeKind::FromExternal, external);
        QVERIFY(e.location.isValid());
    }
}

void tst_Conveyor::asLayers()
{
    const LoadedProject p = load(
            meta
            + "image: app\nfrom: alpine\nasLayers: true\ngit:\n- to: /app\nshell:\n  "
              "install: [a, b]\n  setup: [c]\nimport:\n- image: lib\n  add: /l\n  "
              "after: install\n- image: lib\n  add: /m\n  after: setup\ndocker:\n  "
              "USER: u\n---\nimage: lib\nfrom: alpine\n");
    QVERIFY2(p.ok(), p.diagnostics.isEmpty() ? "" : qPrintable(p.diagnostics.first().toString()));
    QStringList names;
    for (const StapelImage &i : p.config.images)
        names << i.name + u'<' + (i.from.value.isEmpty() ? i.fromImage.value : i.from.value);
    QCOMPARE(names.join(u' '),
             QStringLiteral("app-git<alpine app-install-0<app-git app-install-1<app-install-0 "
                            "app-after-install-artifacts<app-install-1 "
                            "app-setup-0<app-after-install-artifacts "
                            "app<app-setup-0 lib<alpine"));
    QCOMPARE(stageList(p.conveyor, QStringLiteral("app-git")), QStringLiteral("from gitArchive"));
    QCOMPARE(stageList(p.conveyor, QStringLiteral("app-install-1")), QStringLiteral("from install"));
    QCOMPARE(stageList(p.conveyor, QStringLiteral("app-after-install-artifacts")),
             QStringLiteral("from importsAfterInstall"));
    QCOMPARE(stageList(p.conveyor, QStringLiteral("app")),
             QStringLiteral("from importsAfterSetup dockerInstructions"));
    QCOMPARE(setList(p.conveyor).section(QStringLiteral(" | "), 0, 1),
             QStringLiteral("app-git,lib | app-install-0"));
    QCOMPARE(p.conveyor.sets.size(), 6);
}

void tst_Conveyor::externalImagesShared()
{
    const LoadedProject p = load(meta
                                 + "image: a\nfrom: alpine\n---\nimage: b\nfrom: "
                                   "alpine\n---\nimage: c\nfrom: alpine:latest\n");
    QVERIFY(p.ok());
    int externals = 0;
    for (const ConveyorImage &i : p.conveyor.images)
        externals += i.kind == ImageKind::External ? 1 : 0;
    // `from` is used verbatim: alpine and alpine:latest are different bases.
    QCOMPARE(externals, 2);
    QCOMPARE(p.conveyor
                     .outgoingEdges(
                             p.conveyor.indexOf(QStringLiteral("alpine"), ImageKind::External))
                     .size(),
             2);
    // External bases are not werf images: no stages, not in any set.
    QCOMPARE(setList(p.conveyor), QStringLiteral("a,b,c"));
}

void tst_Conveyor::sets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("independent sorted by name")
            << meta + "image: zeta\nfrom: x\n---\nimage: alpha\nfrom: x\n---\nimage: mid\ndockerfile: D\n"
            << "alpha,mid,zeta";
    QTest::newRow("chain")
            << meta + "image: c\nfromImage: b\n---\nimage: b\nfromImage: a\n---\nimage: a\nfrom: x\n"
            << "a | b | c";
    QTest::newRow("artifact joins through import")
            << meta
                       + "artifact: art\nfrom: x\n---\nimage: app\nfrom: x\nimport:\n- artifact: "
                         "art\n  "
                         "add: /a\n  after: setup\n---\nimage: other\nfrom: x\n"
            << "art,other | app";
    QTest::newRow("diamond")
            << meta
                       + "image: base\nfrom: x\n---\nimage: l\nfromImage: base\n---\nimage: "
                         "r\nfromImage: "
                         "base\n---\nimage: top\nfromImage: l\nimport:\n- image: r\n  add: /x\n  "
                         "after: install\n"
            << "base | l,r | top";
}

void tst_Conveyor::sets()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const LoadedProject p = load(text);
    QVERIFY2(!hasErrors(p.diagnostics),
             p.diagnostics.isEmpty() ? "" : qPrintable(p.diagnostics.first().toString()));
    QCOMPARE(setList(p.conveyor), expected);
    for (int s = 0; s < p.conveyor.sets.size(); ++s) {
        for (int i : p.conveyor.sets.at(s))
            QCOMPARE(p.conveyor.images.at(i).set, s);
    }
}

void tst_Conveyor::unusedArtifactNote()
{
    const LoadedProject p = load(meta + "artifact: lonely\nfrom: x\n---\nimage: app\nfrom: x\n");
    QVERIFY(p.ok());
    QCOMPARE(setList(p.conveyor), QStringLiteral("app"));
    QCOMPARE(p.diagnostics.size(), 1);
    QCOMPARE(p.diagnostics.first().severity, Severity::Note);
    QVERIFY(p.diagnostics.first().message.contains(QStringLiteral("lonely")));
    QCOMPARE(p.diagnostics.first().location.line, 4);
}

void tst_Conveyor::cycles()
{
    const QByteArray text
            = meta
              + "image: a\nfromImage: b\n---\nimage: b\nfromImage: c\n---\nimage: c\nfrom: "
                "x\nimport:\n- image: a\n  add: /x\n  after: setup\n";
    const LoadedProject p = load(text);
    QVERIFY(!p.ok());
    QCOMPARE(p.diagnostics.first().message,
             QStringLiteral("infinite loop detected: a -> b -> c -> a"));
    QCOMPARE(p.diagnostics.first().location.toString(), QStringLiteral("/p/werf.yaml:5:12"));
    // One note per edge of the loop, each at its directive.
    QStringList notes;
    for (const Diagnostic &d : p.diagnostics) {
        if (d.severity == Severity::Note)
            notes << d.message;
    }
    QCOMPARE(notes,
             QStringList({QStringLiteral("a -> b at werf.yaml:5:12"),
                          QStringLiteral("b -> c at werf.yaml:8:12"),
                          QStringLiteral("c -> a at werf.yaml:13:10")}));
    // The conveyor still exists, but the images of the loop belong to no set.
    QCOMPARE(setList(p.conveyor), QString());
    QVERIFY(hasErrors(p.conveyor.diagnostics));
    QCOMPARE(checkDependencyCycles(p.config).first().message, p.diagnostics.first().message);
}

void tst_Conveyor::unknownReferences()
{
    const LoadedProject p = load(meta + "image: a\nfromImage: ghost\n");
    QVERIFY(!p.ok());
    QCOMPARE(p.diagnostics.first().toString(),
             QStringLiteral("/p/werf.yaml:5:12: error: no such image `ghost`!"));
    const Conveyor c = buildConveyor(p.config);
    QCOMPARE(c.diagnostics.first().message, QStringLiteral("no such image `ghost`!"));
    QVERIFY(c.edges.isEmpty());
}

QTEST_APPLESS_MAIN(tst_Conveyor)

#include "tst_conveyor.moc"

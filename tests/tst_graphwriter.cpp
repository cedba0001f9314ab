// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyor/conveyor.h"
#include "conveyor/graphwriter.h"
#include "layout/dotwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Stagecraft::Model;

namespace {

ConveyorImage image(const QString &name, ImageKind kind, std::initializer_list<StageId> stages)
{
    ConveyorImage i;
    i.name = name;
    i.kind = kind;
    for (StageId s : stages)
        i.stages.append({s, {}});
    return i;
}

/** base (from alpine) <- app (fromImage base, import from tools after install); tools artifact. */
Conveyor sampleConveyor()
{
    Conveyor c;
    c.images.append(image(QStringLiteral("app"),
                          ImageKind::Image,
                          {StageId::From,
                           StageId::Install,
                           StageId::ImportsAfterInstall,
                           StageId::DockerInstructions}));
    c.images.append(image(QStringLiteral("base"),
                          ImageKind::Image,
                          {StageId::From, StageId::BeforeInstall}));
    c.images.append(
            image(QStringLiteral("tools"), ImageKind::Artifact, {StageId::From, StageId::Install}));
    c.images.append(image(QStringLiteral("alpine:3.18"), ImageKind::External, {}));
    c.images.append(image(QStringLiteral("web"), ImageKind::Dockerfile, {StageId::Dockerfile}));
    c.edges.append({EdgeKind::FromExternal, 3, 1, StageId::From, std::nullopt, {}, {}});
    c.edges.append({EdgeKind::FromExternal, 3, 2, StageId::From, std::nullopt, {}, {}});
    c.edges.append({EdgeKind::FromImage, 1, 0, StageId::From, std::nullopt, {}, {}});
    c.edges.append({EdgeKind::Import,
                    2,
                    0,
                    StageId::ImportsAfterInstall,
                    StageId::Install,
                    QStringLiteral("/out → /usr/local/bin"),
                    {}});
    c.sets = {{1, 2, 4}, {0}};
    return c;
}

} // namespace

class tst_GraphWriter : public QObject
{
    Q_OBJECT

private slots:
    void yamlHasWerfShape();
    void jsonHasStagesAndEdges();
    void dotIsAcceptedByGraphviz();
};

void tst_GraphWriter::yamlHasWerfShape()
{
    const QByteArray expected = "- image: app\n"
                                "  dependsOn:\n"
                                "    from: base\n"
                                "    import:\n"
                                "    - tools\n"
                                "- image: base\n"
                                "- image: tools\n"
                                "- image: web\n";
    QCOMPARE(GraphWriter::toYaml(sampleConveyor()), expected);
}

void tst_GraphWriter::jsonHasStagesAndEdges()
{
    const QJsonObject root = QJsonDocument::fromJson(GraphWriter::toJson(sampleConveyor())).object();
    const QJsonArray images = root.value(u"images").toArray();
    QCOMPARE(images.size(), 4); // external bases are edges' ends, not images of the config
    const QJsonObject app = images.at(0).toObject();
    QCOMPARE(app.value(u"image").toString(), QStringLiteral("app"));
    QCOMPARE(app.value(u"stages").toArray().size(), 4);
    QCOMPARE(app.value(u"dependsOn").toObject().value(u"from").toString(), QStringLiteral("base"));
    const QJsonObject base = images.at(1).toObject();
    QCOMPARE(base.value(u"dependsOn").toObject().value(u"fromExternal").toString(),
             QStringLiteral("alpine:3.18"));

    const QJsonArray edges = root.value(u"edges").toArray();
    QCOMPARE(edges.size(), 4);
    const QJsonObject import = edges.at(3).toObject();
    QCOMPARE(import.value(u"kind").toString(), QStringLiteral("import"));
    QCOMPARE(import.value(u"sourceStage").toString(), QStringLiteral("install"));
    QCOMPARE(import.value(u"targetStage").toString(), QStringLiteral("importsAfterInstall"));
    QCOMPARE(root.value(u"sets").toArray().size(), 2);
}

void tst_GraphWriter::dotIsAcceptedByGraphviz()
{
    const QByteArray dot = conveyorToDot(sampleConveyor());
    QVERIFY(dot.startsWith("digraph werf {"));
    QVERIFY(dot.contains("style=dashed, label=\"/out → /usr/local/bin\""));
    const QString dotProgram = QStandardPaths::findExecutable(QStringLiteral("dot"));
    QVERIFY2(!dotProgram.isEmpty(), "Graphviz's dot is required (bootstrap.sh installs graphviz)");
    QProcess process;
    process.start(dotProgram, {QStringLiteral("-Tsvg")});
    QVERIFY(process.waitForStarted());
    process.write(dot);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("<svg"));
}

QTEST_GUILESS_MAIN(tst_GraphWriter)
#include "tst_graphwriter.moc"

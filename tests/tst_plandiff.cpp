// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/gitcontext.h"
#include "signature/plandiff.h"
#include "signature/signaturecalculator.h"

#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

// base (shell install) ← app (fromImage base, imports from artifact builder, docker)
SignatureInput project()
{
    SignatureInput input;
    input.project = u"demo"_s;

    SignatureInput::Image builder;
    builder.name = u"builder"_s;
    builder.kind = ImageKind::Artifact;
    builder.from = u"golang:1.21"_s;
    builder.builder.kind = SignatureInput::Builder::Kind::Shell;
    builder.builder.install.items = {u"go build -o /out/app ./..."_s};

    SignatureInput::Image base;
    base.name = u"base"_s;
    base.from = u"alpine:3.18"_s;
    base.builder.kind = SignatureInput::Builder::Kind::Shell;
    base.builder.install.items = {u"apk add curl"_s};

    SignatureInput::Image app;
    app.name = u"app"_s;
    app.fromImage = u"base"_s;
    app.builder.kind = SignatureInput::Builder::Kind::Shell;
    app.builder.beforeInstall.items = {u"adduser -D app"_s};
    app.builder.setup.items = {u"echo ready"_s};
    SignatureInput::Import imp;
    imp.source = u"builder"_s;
    imp.fromArtifact = true;
    imp.slot = StageId::ImportsAfterInstall;
    imp.add = u"/out"_s;
    imp.to = u"/usr/local/bin"_s;
    app.imports = {imp};
    app.docker.present = true;
    app.docker.cmd = SignatureInput::Docker::normalizeCommand({u"/usr/local/bin/app"_s}, true);

    input.images = {builder, base, app};
    return input;
}

Plan plan(const SignatureInput &input)
{
    GitContext git;
    return SignatureCalculator(input, git).calculate();
}

QString describe(const QList<StageChange> &changes)
{
    QStringList lines;
    for (const StageChange &c : changes)
        lines.append(c.image + u'/' + c.stageName + u": "_s + c.reasons().join(u"; "_s));
    return lines.join(u'\n');
}

} // namespace

class tst_PlanDiff : public QObject
{
    Q_OBJECT

private slots:
    void noChange();
    void whatIf_data();
    void whatIf();
    void addedStage();
};

void tst_PlanDiff::noChange()
{
    const SignatureInput input = project();
    QVERIFY(PlanDiff::invalidated(plan(input), plan(input)).isEmpty());
    QCOMPARE(PlanDiff::compare(plan(input), plan(input)).size(), 2 + 2 + 5);
}

void tst_PlanDiff::whatIf_data()
{
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("expected");

    // Each edit invalidates exactly the stages werf would rebuild, with the reason.
    QTest::newRow("app setup command") << 0
                                       << u"app/setup: setup commands of shell changed\n"
                                          "app/dockerInstructions: previous stage only"_s;
    QTest::newRow("base install command")
            << 1
            << u"app/from: content signature of the base image base changed\n"
               "app/beforeInstall: previous stage only\n"
               "app/importsAfterInstall: previous stage only\n"
               "app/setup: previous stage only\n"
               "app/dockerInstructions: previous stage only\n"
               "base/install: install commands of shell changed"_s;
    QTest::newRow("artifact source") << 2
                                     << u"app/importsAfterInstall: content signature of artifact "
                                        u"builder (import after: install) changed\n"
                                        "app/setup: previous stage only\n"
                                        "app/dockerInstructions: previous stage only\n"
                                        "builder/install: install commands of shell changed"_s;
    QTest::newRow("docker CMD") << 3 << u"app/dockerInstructions: docker.CMD changed"_s;
    QTest::newRow("base fromCacheVersion")
            << 4
            << u"app/from: content signature of the base image base changed\n"
               "app/beforeInstall: previous stage only\n"
               "app/importsAfterInstall: previous stage only\n"
               "app/setup: previous stage only\n"
               "app/dockerInstructions: previous stage only\n"
               "base/from: fromCacheVersion added\n"
               "base/install: previous stage only"_s;
    QTest::newRow("stage cacheVersion") << 5
                                        << u"app/setup: shell.setupCacheVersion added\n"
                                           "app/dockerInstructions: previous stage only"_s;
    QTest::newRow("import path")
            << 6
            << u"app/importsAfterInstall: import of artifact builder: add, to, group, "
               "owner, includePaths, excludePaths, stage changed\n"
               "app/setup: previous stage only\n"
               "app/dockerInstructions: previous stage only"_s;
    QTest::newRow("mount") << 7
                           << u"app/from: content signature of the base image base changed\n"
                              "app/beforeInstall: previous stage only\n"
                              "app/importsAfterInstall: previous stage only\n"
                              "app/setup: previous stage only\n"
                              "app/dockerInstructions: previous stage only\n"
                              "base/from: mount /tmp added\n"
                              "base/install: previous stage only"_s;
    // A different base image reference: werf hashes the `from:` string verbatim.
    QTest::newRow("from reference")
            << 8
            << u"app/importsAfterInstall: content signature of artifact builder "
               "(import after: install) changed\n"
               "app/setup: previous stage only\n"
               "app/dockerInstructions: previous stage only\n"
               "builder/from: base image changed\n"
               "builder/install: previous stage only"_s;
}

void tst_PlanDiff::whatIf()
{
    QFETCH(int, edit);
    QFETCH(QString, expected);
    const SignatureInput before = project();
    SignatureInput after = before;
    SignatureInput::Image &builder = after.images[0];
    SignatureInput::Image &base = after.images[1];
    SignatureInput::Image &app = after.images[2];
    switch (edit) {
    case 0:
        app.builder.setup.items = {u"echo set"_s};
        break;
    case 1:
        base.builder.install.items = {u"apk add curl git"_s};
        break;
    case 2:
        builder.builder.install.items = {u"go build -trimpath -o /out/app ./..."_s};
        break;
    case 3:
        app.docker.cmd = SignatureInput::Docker::normalizeCommand({u"app"_s, u"serve"_s}, true);
        break;
    case 4:
        base.fromCacheVersion = u"2"_s;
        break;
    case 5:
        app.builder.setup.stageCacheVersion = u"1"_s;
        break;
    case 6:
        app.imports[0].to = u"/opt/bin"_s;
        break;
    case 7:
        base.mounts = {{u"tmp_dir"_s, QString(), u"/tmp"_s}};
        break;
    case 8:
        builder.from = u"golang:1.22"_s;
        break;
    }
    const QList<StageChange> changes = PlanDiff::invalidated(plan(before), plan(after));
    QCOMPARE(describe(changes), expected);
}

void tst_PlanDiff::addedStage()
{
    const SignatureInput before = project();
    SignatureInput after = before;
    after.images[1].builder.setup.items = {u"true"_s};
    const QList<StageChange> changes = PlanDiff::invalidated(plan(before), plan(after));
    // Plans list images by name, so the dependant app comes first.
    QCOMPARE(describe(changes),
             u"app/from: content signature of the base image base changed\n"
             "app/beforeInstall: previous stage only\n"
             "app/importsAfterInstall: previous stage only\n"
             "app/setup: previous stage only\n"
             "app/dockerInstructions: previous stage only\n"
             "base/setup: new stage"_s);
    QCOMPARE(changes.last().kind, StageChange::Kind::Added);
    QVERIFY(changes.at(1).previousOnly);
    QVERIFY(!changes.at(0).previousOnly);
}

QTEST_GUILESS_MAIN(tst_PlanDiff)

#include "tst_plandiff.moc"

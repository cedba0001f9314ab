// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each kind of edit of the ConfigEditor on real corpus files: the exact lines it changes, that
// the result still loads and validates, and that CRLF files stay CRLF. Templated files: literal
// text is editable, template output is refused with the construct that produced it.
#include "config/configloader.h"
#include "document/configeditor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;

namespace {

/** Test data rows: UTF-8 literals as QString (the build forbids implicit casts). */
QString S(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

QString corpusFile(const QString &id)
{
    return QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml/") + id
           + QStringLiteral("/werf.yaml");
}

/**
 * The changed lines between two texts, as a line diff (longest common subsequence): each hunk
 * lists its "-old" lines, then its "+new" lines; '\r' is dropped (CRLF is checked apart).
 */
QStringList lineDiff(const QByteArray &before, const QByteArray &after)
{
    auto lines = [](const QByteArray &t) {
        QStringList out = QString::fromUtf8(t).split(u'\n');
        for (QString &l : out) {
            if (l.endsWith(u'\r'))
                l.chop(1);
        }
        return out;
    };
    const QStringList a = lines(before);
    const QStringList b = lines(after);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // lcs[i][j]: common lines of a[i..] and b[j..].
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a.at(i) == b.at(j) ? lcs[i + 1][j + 1] + 1
                                           : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    QStringList diff;
    QStringList removed;
    QStringList added;
    auto flush = [&] {
        diff << removed << added;
        removed.clear();
        added.clear();
    };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            flush();
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added << u'+' + b.at(j++);
        } else {
            removed << u'-' + a.at(i++);
        }
    }
    flush();
    return diff;
}

EditTarget targetOf(const QString &name)
{
    return name == u"--meta" ? EditTarget::metaDocument() : EditTarget::image(name);
}

/** Runs one operation, named as in the data rows. */
EditResult run(const ConfigEditor &editor,
               const QString &op,
               const QString &target,
               const QStringList &args)
{
    const EditTarget t = targetOf(target);
    if (op == u"set")
        return editor.setValue(t, args.value(0), args.value(1));
    if (op == u"unset")
        return editor.unset(t, args.value(0));
    if (op == u"addImage")
        return editor.addImage(target, args.value(0) == u"artifact", args.value(1));
    if (op == u"removeImage")
        return editor.removeImage(t);
    if (op == u"rename")
        return editor.renameImage(t, args.value(0));
    if (op == u"duplicate")
        return editor.duplicateImage(t, args.value(0));
    if (op == u"finalFalse")
        return editor.setArtifactStyle(t, true);
    if (op == u"artifact")
        return editor.setArtifactStyle(t, false);
    if (op == u"fromLatest")
        return editor.setFromLatest(t, args.value(0) == u"on");
    if (op == u"addImport") {
        ImportSpec spec;
        (args.value(0) == u"artifact" ? spec.artifact : spec.image) = args.value(1);
        spec.add = args.value(2);
        spec.to = args.value(3);
        spec.after = args.value(4);
        return editor.addImport(t, spec);
    }
    if (op == u"base")
        return editor.setBaseImage(t, args.value(0), args.value(1));
    if (op == u"removeImport")
        return editor.removeImport(t, args.value(0).toInt());
    if (op == u"renameKey")
        return editor.renameKey(t, args.value(0), args.value(1));
    if (op == u"move")
        return editor.moveItem(t, args.value(0), args.value(1).toInt(), args.value(2).toInt());
    return EditResult::failure(QStringLiteral("unknown op ") + op, {});
}

} // namespace

class tst_ConfigEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edits_data();
    void edits();
    void crlf();
    void noFinalNewline();
    void refused_data();
    void refused();
    void templatedLiteral();
    void style();
    void artifactStyle();
    void corpusSweep();
    void quoteScalar_data();
    void quoteScalar();
    void inlineEdits_data();
    void inlineEdits();
    void aliasRefused();
    void readOnlyReason();
};

void tst_ConfigEditor::edits_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("diff");

    QTest::newRow("scalar") << S("032") << S("set") << S("nestcord-docs")
                            << L({"from", "nginx:1.25"})
                            << L({"-from: nginx", "+from: nginx:1.25"});
    QTest::newRow("scalar keeps quotes")
            << S("061") << S("set") << S("--meta") << L({"project", "rarimo"})
            << L({"-project: \"backend\"", "+project: \"rarimo\""});
    QTest::newRow("scalar keeps comment")
            << S("061") << S("set") << S("service") << L({"from", "alpine:3.18"})
            << L({"-from: alpine:3.9 # Базовый образ.", "+from: alpine:3.18 # Базовый образ."});
    QTest::newRow("new key at the end")
            << S("032") << S("set") << S("nestcord-docs") << L({"fromCacheVersion", "\"2\""})
            << L({"+fromCacheVersion: \"2\""});
    QTest::newRow("new nested keys")
            << S("032") << S("set") << S("nestcord-docs") << L({"docker.ENV.TZ", "UTC"})
            << L({"+docker:", "+  ENV:", "+    TZ: UTC"});
    QTest::newRow("new key in an existing map")
            << S("077") << S("set") << S("hlf-explorer") << L({"docker.ENV.TZ", "UTC"})
            << L({"+  ENV:", "+    TZ: UTC"});
    QTest::newRow("list item field")
            << S("061") << S("set") << S("service") << L({"import[0].to", "/usr/bin/rarimo-core"})
            << L({"-    to: /usr/local/bin/rarimo-core", "+    to: /usr/bin/rarimo-core"});
    QTest::newRow("block list rewritten in place")
            << S("077") << S("set") << S("hlf-explorer")
            << L({"git[0].stageDependencies.install", "[package.json, yarn.lock]"})
            << L({"-        - .forcerebuild",
                  "-        - package-lock.json",
                  "+        - yarn.lock"});
    QTest::newRow("new list in the file's list style (flat)")
            << S("032") << S("set") << S("nestcord-docs")
            << L({"shell.install", "[make, make test]"})
            << L({"+shell:", "+  install:", "+  - make", "+  - make test"});
    QTest::newRow("new list in the file's list style (indented)")
            << S("077") << S("set") << S("hlf-explorer") << L({"docker.VOLUME", "[/data]"})
            << L({"+  VOLUME:", "+    - /data"});
    QTest::newRow("unset a key with its block")
            << S("077") << S("unset") << S("hlf-explorer") << L({"git[0].stageDependencies.setup"})
            << L({"-      setup:",
                  "-        - tsconfig.json",
                  "-        - tsconfig.build.json",
                  "-        - src"});
    QTest::newRow("unset keeps the next comment")
            << S("061") << S("unset") << S("builder") << L({"docker"})
            << L({"-docker:", "-  WORKDIR: /go/src/gitlab.com/rarify-protocol/rarimo-core"});
    QTest::newRow("unset a list item")
            << S("061") << S("unset") << S("builder") << L({"shell.setup[1]"})
            << L({"-    - export GO111MODULE=on"});
    QTest::newRow("unset the first key of a list item")
            << S("077") << S("unset") << S("hlf-explorer") << L({"git[0].add"})
            << L({"-  - add: /", "-    to: /app", "+  - to: /app"});
    QTest::newRow("unset the last entry removes the parent")
            << S("077") << S("unset") << S("hlf-explorer") << L({"docker.WORKDIR"})
            << L({"-docker:", "-  WORKDIR: /app"});
    QTest::newRow("add image") << S("032") << S("addImage") << S("cache")
                               << L({"image", "alpine:3.18"})
                               << L({"+---", "+image: cache", "+from: alpine:3.18"});
    QTest::newRow("remove image") << S("061") << S("removeImage") << S("service") << L({})
                                  << L({"----",
                                        "-image: service # Название собираемого образа.",
                                        "-from: alpine:3.9 # Базовый образ.",
                                        "-docker:",
                                        "-  ENTRYPOINT: rarimo-core",
                                        "-shell: # Shell сборочные инструкции.",
                                        "-  setup: # Для стадии Setup.",
                                        "-    - apk add --no-cache ca-certificates",
                                        "-import:",
                                        "-  - image: builder",
                                        "-    add: /usr/local/bin/rarimo-core",
                                        "-    to: /usr/local/bin/rarimo-core",
                                        "-    after: setup"});
    QTest::newRow("rename with references")
            << S("061") << S("rename") << S("builder") << L({"compiler"})
            << L({"-image: builder # Название собираемого образа.",
                  "+image: compiler # Название собираемого образа.",
                  "-  - image: builder",
                  "+  - image: compiler"});
    QTest::newRow("rename artifact with references")
            << S("032") << S("rename") << S("nestcord-docs-builder") << L({"docs"})
            << L({"-artifact: nestcord-docs-builder",
                  "+artifact: docs",
                  "-- artifact: nestcord-docs-builder",
                  "+- artifact: docs"});
    QTest::newRow("duplicate") << S("077") << S("duplicate") << S("hlf-explorer")
                               << L({"hlf-explorer-2"}) << L({});
    QTest::newRow("fromLatest on")
            << S("032") << S("fromLatest") << S("nestcord-docs") << L({"on"})
            << L({"+fromLatest: true",
                  "+herebyIAdmitThatFromLatestMightBreakReproducibility: true"});
    QTest::newRow("add import") << S("061") << S("addImport") << S("service")
                                << L({"image", "builder", "/etc/ssl", "", "install"})
                                << L({"+  - image: builder",
                                      "+    add: /etc/ssl",
                                      "+    after: install"});
    QTest::newRow("add first import")
            << S("025") << S("addImport") << S("networkChecker")
            << L({"image", "build", "/app/serverd", "/bin/serverd", "setup"})
            << L({"+import:",
                  "+- image: build",
                  "+  add: /app/serverd",
                  "+  to: /bin/serverd",
                  "+  after: setup"});
    QTest::newRow("remove the only import")
            << S("061") << S("removeImport") << S("service") << L({"0"})
            << L({"-import:",
                  "-  - image: builder",
                  "-    add: /usr/local/bin/rarimo-core",
                  "-    to: /usr/local/bin/rarimo-core",
                  "-    after: setup"});
    QTest::newRow("base image in place")
            << S("061") << S("base") << S("service") << L({"fromImage", "builder"})
            << L({"-from: alpine:3.9 # Базовый образ.", "+fromImage: builder # Базовый образ."});
    QTest::newRow("base image back to a registry image")
            << S("025") << S("base") << S("admission") << L({"from", "alpine:3.19"})
            << L({"-from: golang:1.19-alpine", "+from: alpine:3.19"});
    QTest::newRow("templated: literal from")
            << S("010") << S("set") << S("app") << L({"from", "php:8.2-fpm"})
            << L({"-from:  php:7.3-fpm", "+from:  php:8.2-fpm"});
    QTest::newRow("templated: literal map entry")
            << S("010") << S("set") << S("app") << L({"docker.ENV.TZ", "Europe/Berlin"})
            << L({"-    TZ: Europe/Moscow", "+    TZ: Europe/Berlin"});
    QTest::newRow("Dockerfile image field")
            << S("059") << S("set") << S("toolkit") << L({"dockerfile", "Dockerfile.toolkit"})
            << L({"-dockerfile: Dockerfile.ci", "+dockerfile: Dockerfile.toolkit"});
}

void tst_ConfigEditor::edits()
{
    QFETCH(QString, corpus);
    QFETCH(QString, op);
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QFETCH(QStringList, diff);

    const LoadedProject project = loadProject(corpusFile(corpus));
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    const ConfigEditor editor(project);
    const EditResult result = run(editor, op, target, args);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    QByteArray text = project.source;
    QVERIFY(applyTextEdits(text, result.edits));

    if (op == u"duplicate") {
        // The copy is the whole document under the new name, right after the original.
        const QStringList d = lineDiff(project.source, text);
        QVERIFY(d.contains(u"+image: " + args.first()));
        QVERIFY(d.contains(QStringLiteral("+---")));
        for (const QString &l : d)
            QVERIFY2(l.startsWith(u'+'), qPrintable(l));
    } else {
        const QStringList actual = lineDiff(project.source, text);
        if (actual != diff)
            qWarning().noquote() << actual.join(u"\n");
        QCOMPARE(actual, diff);
    }

    const LoadedProject after = loadText(project.configFile, text);
    QVERIFY2(after.ok(), qPrintable(after.diagnostics.value(0).toString()));
    if (op == u"rename") {
        QVERIFY(!after.config.findImage(target) && !after.config.findArtifact(target));
        QVERIFY(after.config.findImage(args.first()) || after.config.findArtifact(args.first()));
    } else if (op == u"addImage" || op == u"duplicate") {
        QCOMPARE(after.config.images.size(), project.config.images.size() + 1);
    } else if (op == u"removeImage") {
        QCOMPARE(after.config.images.size(), project.config.images.size() - 1);
    }
    // The undo edit restores the original bytes.
    QByteArray undone = text;
    QVERIFY(applyTextEdits(undone, invertTextEdits(project.source, result.edits)));
    QCOMPARE(undone, project.source);
}

void tst_ConfigEditor::crlf()
{
    QFile file(corpusFile(QStringLiteral("077")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray source = file.readAll();
    source.replace("\n", "\r\n");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("werf.yaml"));
    const LoadedProject project = loadText(path, source);
    QVERIFY(project.ok());
    const ConfigEditor editor(project);
    QCOMPARE(editor.lineEnding(), QByteArrayLiteral("\r\n"));
    const EditTarget t = EditTarget::image(QStringLiteral("hlf-explorer"));
    QList<EditResult> steps{
            editor.setValue(t, QStringLiteral("from"), QStringLiteral("node:20-alpine")),
            editor.setValue(t, QStringLiteral("docker.ENV.TZ"), QStringLiteral("UTC")),
            editor.setValue(t, QStringLiteral("docker.VOLUME"), QStringLiteral("[/data, /cache]")),
            editor.unset(t, QStringLiteral("git[0].stageDependencies.setup")),
    };
    QByteArray text = source;
    TextEdits all;
    for (const EditResult &r : steps) {
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        all << r.edits;
    }
    QVERIFY(applyTextEdits(text, all));
    QCOMPARE(text.count("\n"), text.count("\r\n"));
    QCOMPARE(lineDiff(source, text),
             L({"-from: node:12.18.2-alpine",
                "+from: node:20-alpine",
                "+  ENV:",
                "+    TZ: UTC",
                "+  VOLUME:",
                "+    - /data",
                "+    - /cache",
                "-      setup:",
                "-        - tsconfig.json",
                "-        - tsconfig.build.json",
                "-        - src"}));
    const LoadedProject after = loadText(path, text);
    QVERIFY2(after.ok(), qPrintable(after.diagnostics.value(0).toString()));
    QCOMPARE(after.config.images.first().from.value, QStringLiteral("node:20-alpine"));
    QCOMPARE(after.config.images.first().docker.volume.value, L({"/data", "/cache"}));
}

void tst_ConfigEditor::noFinalNewline()
{
    // 019 ends without a line break; edits at the end keep it that way.
    const LoadedProject project = loadProject(corpusFile(QStringLiteral("019")));
    QVERIFY(project.ok());
    QVERIFY(!project.source.endsWith('\n'));
    const ConfigEditor editor(project);
    const QString name = project.config.images.last().name;
    for (const EditResult &r :
         {editor.setValue(EditTarget::image(name),
                          QStringLiteral("fromCacheVersion"),
                          QStringLiteral("\"3\"")),
          editor.addImage(QStringLiteral("extra"), false, QStringLiteral("alpine"))}) {
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QByteArray text = project.source;
        QVERIFY(applyTextEdits(text, r.edits));
        QVERIFY(!text.endsWith('\n'));
        QVERIFY2(loadText(project.configFile, text).ok(), text.constData());
    }
}

void tst_ConfigEditor::refused_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("value from an include")
            << S("010") << S("set") << S("app") << L({"git[0].to", "/srv"})
            << S("read-only: this text is copied by a template construct (inside include");
    QTest::newRow("value of a template action")
            << S("004") << S("set") << S("agent") << L({"args.CI_JOB_TOKEN", "x"})
            << S("read-only: this text is produced by the template action `{{ env \"CI_JOB_TOKEN\" "
                 "}}` at");
    QTest::newRow("unknown image") << S("032") << S("set") << S("nope") << L({"from", "x"})
                                   << S("no image or artifact named \"nope\"");
    QTest::newRow("bad value") << S("032") << S("set") << S("nestcord-docs") << L({"from", "[a"})
                               << S("bad YAML value [a");
    QTest::newRow("bad path") << S("032") << S("set") << S("nestcord-docs")
                              << L({"import[x].to", "a"}) << S("bad list index");
    QTest::newRow("index out of range")
            << S("032") << S("set") << S("nestcord-docs") << L({"import[3].to", "a"})
            << S("import has no item 3 (it has 1)");
    QTest::newRow("not a map") << S("032") << S("set") << S("nestcord-docs") << L({"from.x", "a"})
                               << S("from is not a map");
    QTest::newRow("unset missing") << S("032") << S("unset") << S("nestcord-docs") << L({"shell"})
                                   << S("shell is not set");
    QTest::newRow("rename missing") << S("032") << S("renameKey") << S("nestcord-docs")
                                    << L({"shell", "x"}) << S("shell is not set");
    QTest::newRow("rename a list item") << S("032") << S("renameKey") << S("nestcord-docs")
                                        << L({"import[0]", "x"}) << S("import[0] is not set");
    QTest::newRow("rename to nothing") << S("032") << S("renameKey") << S("nestcord-docs")
                                       << L({"from", ""}) << S("the new key is empty");
    QTest::newRow("move missing") << S("032") << S("move") << S("nestcord-docs")
                                  << L({"shell.install", "0", "1"})
                                  << S("shell.install is not set");
    QTest::newRow("add a taken name")
            << S("032") << S("addImage") << S("nestcord-docs") << L({"image", "alpine"})
            << S("an image or artifact named \"nestcord-docs\" exists");
    QTest::newRow("rename onto an artifact")
            << S("032") << S("rename") << S("nestcord-docs") << L({"nestcord-docs-builder"})
            << S("an image or artifact named \"nestcord-docs-builder\" exists");
    QTest::newRow("duplicate onto an artifact")
            << S("032") << S("duplicate") << S("nestcord-docs") << L({"nestcord-docs-builder"})
            << S("an image or artifact named \"nestcord-docs-builder\" exists");
    QTest::newRow("rename onto a Dockerfile image")
            << S("016") << S("rename") << S("adder") << L({"reader"})
            << S("an image named \"reader\" exists");
    QTest::newRow("final false in 1.1 syntax")
            << S("032") << S("finalFalse") << S("nestcord-docs-builder") << L({})
            << S("`final: false` needs the newer syntax");
}

void tst_ConfigEditor::refused()
{
    QFETCH(QString, corpus);
    QFETCH(QString, op);
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    const LoadedProject project = loadProject(corpusFile(corpus));
    const ConfigEditor editor(project);
    const EditResult result = run(editor, op, target, args);
    QVERIFY(!result.ok());
    QVERIFY(result.edits.isEmpty());
    QVERIFY2(result.error->message.contains(message), qPrintable(result.error->message));
    QVERIFY2(result.error->location.isValid(), qPrintable(result.error->toString()));
    QVERIFY(result.error->location.file.endsWith(QStringLiteral("werf.yaml")));
}

void tst_ConfigEditor::templatedLiteral()
{
    // A new key after literal text of a templated file lands in the source at the right place.
    const LoadedProject project = loadProject(corpusFile(QStringLiteral("010")));
    QVERIFY(project.ok());
    QVERIFY(project.templated);
    const ConfigEditor editor(project);
    const EditResult r = editor.setValue(EditTarget::image(QStringLiteral("app")),
                                         QStringLiteral("fromCacheVersion"),
                                         QStringLiteral("\"7\""));
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
    QByteArray text = project.source;
    QVERIFY(applyTextEdits(text, r.edits));
    QCOMPARE(lineDiff(project.source, text),
             QStringList{QStringLiteral("+fromCacheVersion: \"7\"")});
    const LoadedProject after = loadText(project.configFile, text);
    QVERIFY(after.ok());
    QCOMPARE(after.config.findImage(QStringLiteral("app"))->fromCacheVersion.value,
             QStringLiteral("7"));
}

void tst_ConfigEditor::style()
{
    const LoadedProject flat = loadProject(corpusFile(QStringLiteral("032")));
    QCOMPARE(ConfigEditor(flat).listIndent(), 0);
    QCOMPARE(ConfigEditor(flat).indentWidth(), 2);
    const LoadedProject deep = loadProject(corpusFile(QStringLiteral("077")));
    QCOMPARE(ConfigEditor(deep).listIndent(), 2);
    const LoadedProject four = loadText(QStringLiteral("/tmp/werf.yaml"),
                                        "project: p\nconfigVersion: 1\n---\nimage: a\nfrom: b\n"
                                        "shell:\n    install:\n        - x\n");
    QVERIFY(four.ok());
    const ConfigEditor editor(four);
    QCOMPARE(editor.indentWidth(), 4);
    QCOMPARE(editor.listIndent(), 4);
    const EditResult r = editor.setValue(EditTarget::image(QStringLiteral("a")),
                                         QStringLiteral("docker.ENV.A"),
                                         QStringLiteral("b"));
    QVERIFY(r.ok());
    QByteArray text = four.source;
    QVERIFY(applyTextEdits(text, r.edits));
    QCOMPARE(text,
             QByteArrayLiteral("project: p\nconfigVersion: 1\n---\nimage: a\nfrom: b\n"
                               "shell:\n    install:\n        - x\ndocker:\n    ENV:\n"
                               "        A: b\n"));
}

void tst_ConfigEditor::artifactStyle()
{
    const QByteArray source = "project: p\nconfigVersion: 1\n---\nartifact: tool # tools\nfrom: b\n"
                              "---\nimage: app\nfrom: b\nfinal: false\n";
    const LoadedProject project = loadText(QStringLiteral("/tmp/werf.yaml"), source);
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    QVERIFY(project.version != WerfVersion::V1_1);
    const ConfigEditor editor(project);

    EditResult r = editor.setArtifactStyle(EditTarget::image(QStringLiteral("tool")), true);
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
    QByteArray text = source;
    QVERIFY(applyTextEdits(text, r.edits));
    QCOMPARE(lineDiff(source, text),
             (QStringList{QStringLiteral("-artifact: tool # tools"),
                          QStringLiteral("+image: tool # tools"),
                          QStringLiteral("+final: false")}));
    const LoadedProject converted = loadText(project.configFile, text);
    QVERIFY2(converted.ok(), qPrintable(converted.diagnostics.value(0).toString()));
    QVERIFY(converted.config.findImage(QStringLiteral("tool"))->isIntermediate());

    r = editor.setArtifactStyle(EditTarget::image(QStringLiteral("app")), false);
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
    text = source;
    QVERIFY(applyTextEdits(text, r.edits));
    QCOMPARE(lineDiff(source, text), L({"-image: app", "+artifact: app", "-final: false"}));
    QVERIFY(!editor.setArtifactStyle(EditTarget::image(QStringLiteral("tool")), false).ok());
}

void tst_ConfigEditor::corpusSweep()
{
    // Every kind of request on every image of every corpus project: no crash, and whatever is
    // accepted applies cleanly, is undone exactly, and (for a set) reads back the value.
    const QStringList ids = QDir(QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml"))
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int accepted = 0;
    int refused = 0;
    for (const QString &id : ids) {
        const QString file = findConfigFile(
                QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml/") + id);
        if (file.isEmpty())
            continue;
        const LoadedProject project = loadProject(file);
        const ConfigEditor editor(project);
        QStringList names;
        for (const StapelImage &i : project.config.images)
            names << (i.name.isEmpty() ? QStringLiteral("~") : i.name);
        for (const DockerfileImage &i : project.config.dockerfileImages)
            names << i.name;
        // A dozen images per project is enough variety and keeps the sweep quick.
        for (const QString &name : names.mid(0, 12)) {
            const EditTarget t = EditTarget::image(name);
            QList<EditResult> results{
                    editor.setValue(t, QStringLiteral("fromCacheVersion"), QStringLiteral("\"9\"")),
                    editor.setValue(t, QStringLiteral("docker.ENV.STAGECRAFT"), QStringLiteral("1")),
                    editor.setValue(t, QStringLiteral("import[0].to"), QStringLiteral("/x")),
                    editor.setValue(t,
                                    QStringLiteral("git[0].stageDependencies.install"),
                                    QStringLiteral("[a, b]")),
                    editor.unset(t, QStringLiteral("shell")),
                    editor.unset(t, QStringLiteral("git[0]")),
                    editor.unset(t, QStringLiteral("import[0]")),
                    editor.renameImage(t, QStringLiteral("renamed-by-sweep")),
                    editor.duplicateImage(t, QStringLiteral("copy-by-sweep")),
                    editor.removeImage(t),
                    editor.setFromLatest(t, true),
            };
            for (const EditResult &r : std::as_const(results)) {
                if (!r.ok()) {
                    ++refused;
                    QVERIFY2(r.error->location.isValid() || r.error->location.file.isEmpty(),
                             qPrintable(r.error->toString()));
                    continue;
                }
                ++accepted;
                QByteArray text = project.source;
                QVERIFY2(applyTextEdits(text, r.edits), qPrintable(id + u' ' + name));
                QByteArray undone = text;
                QVERIFY(applyTextEdits(undone, invertTextEdits(project.source, r.edits)));
                QCOMPARE(undone, project.source);
                // The edited text must still parse as far as the original did.
                if (project.ok() && !project.templated) {
                    const LoadedProject after = loadText(project.configFile, text);
                    QVERIFY2(!after.rendered.isEmpty() || text.isEmpty(), qPrintable(id));
                }
            }
        }
    }
    QVERIFY(accepted > 200);
    QVERIFY(refused > 20);
}

void tst_ConfigEditor::quoteScalar_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << S("alpine:3.18") << S("alpine:3.18");
    QTest::newRow("bool-like") << S("yes") << S("\"yes\"");
    QTest::newRow("number") << S("1") << S("\"1\"");
    QTest::newRow("empty") << S("") << S("\"\"");
    QTest::newRow("comment") << S("a #b") << S("\"a #b\"");
    QTest::newRow("colon space") << S("a: b") << S("\"a: b\"");
    QTest::newRow("glob") << S("**/*") << S("\"**/*\"");
    QTest::newRow("dash word") << S("-x") << S("-x");
    QTest::newRow("flow chars") << S("a,b") << S("\"a,b\"");
    QTest::newRow("quote") << S("say \"hi\"") << S("say \"hi\"");
    QTest::newRow("leading quote") << S("\"hi\"") << S("\"\\\"hi\\\"\"");
}

void tst_ConfigEditor::quoteScalar()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(ConfigEditor::quoteScalar(value), quoted);
}

QTEST_GUILESS_MAIN(tst_ConfigEditor)
void tst_ConfigEditor::inlineEdits_data()
{
    // Small inline files for the YAML forms the corpus lacks: keep-chomping block scalars,
    // anchors and aliases, list appends and moves. The whole result is asserted.
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    const QString keep = S("image: a\n"
                           "from: alpine\n"
                           "shell:\n"
                           "  install: |+\n"
                           "    make\n"
                           "\n"
                           "docker:\n"
                           "  WORKDIR: /app\n");
    QTest::newRow("new key after a final |+ scalar")
            << keep << S("set") << S("a") << L({"shell.setup", "[make test]"})
            << S("image: a\n"
                 "from: alpine\n"
                 "shell:\n"
                 "  install: |+\n"
                 "    make\n"
                 "\n"
                 "  setup:\n"
                 "  - make test\n"
                 "docker:\n"
                 "  WORKDIR: /app\n");
    QTest::newRow("|+ scalar replaced keeps the blank line")
            << keep << S("set") << S("a") << L({"shell.install", "make all"})
            << S("image: a\n"
                 "from: alpine\n"
                 "shell:\n"
                 "  install: make all\n"
                 "\n"
                 "docker:\n"
                 "  WORKDIR: /app\n");
    QTest::newRow("|+ scalar removed with its lines")
            << keep << S("unset") << S("a") << L({"shell"})
            << S("image: a\n"
                 "from: alpine\n"
                 "docker:\n"
                 "  WORKDIR: /app\n");
    QTest::newRow("new key after a |+ scalar at the end of the file")
            << S("image: a\nfrom: alpine\nshell:\n  install: |+\n    make\n\n") << S("set")
            << S("a") << L({"fromCacheVersion", "x1"})
            << S("image: a\nfrom: alpine\nshell:\n  install: |+\n    make\n\nfromCacheVersion: "
                 "x1\n");
    QTest::newRow("new list item after a |+ item")
            << S("image: a\nfrom: alpine\nshell:\n  install:\n  - |+\n    make\n\ndocker: {}\n")
            << S("set") << S("a") << L({"shell.install[1]", "make test"})
            << S("image: a\nfrom: alpine\nshell:\n  install:\n  - |+\n    make\n\n  - make "
                 "test\ndocker: {}\n");

    const QString anchored = S("image: a\n"
                               "from: &base alpine:3.18 # pinned\n"
                               "docker:\n"
                               "  LABEL:\n"
                               "    base: *base\n");
    QTest::newRow("anchored scalar keeps its anchor")
            << anchored << S("set") << S("a") << L({"from", "alpine:3.19"})
            << S("image: a\n"
                 "from: &base alpine:3.19 # pinned\n"
                 "docker:\n"
                 "  LABEL:\n"
                 "    base: *base\n");
    QTest::newRow("alias replaced by a value of its own")
            << anchored << S("set") << S("a") << L({"docker.LABEL.base", "ubuntu"})
            << S("image: a\n"
                 "from: &base alpine:3.18 # pinned\n"
                 "docker:\n"
                 "  LABEL:\n"
                 "    base: ubuntu\n");
    QTest::newRow("anchored quoted scalar keeps anchor and quotes")
            << S("image: a\nfrom: &b \"alpine\"\n") << S("set") << S("a") << L({"from", "debian"})
            << S("image: a\nfrom: &b \"debian\"\n");
    QTest::newRow("anchored block list rewritten keeps its anchor")
            << S("image: a\nfrom: alpine\nshell:\n  install: &cmds\n  - make\n  - make install\n")
            << S("set") << S("a") << L({"shell.install", "[make, make check]"})
            << S("image: a\nfrom: alpine\nshell:\n  install: &cmds\n  - make\n  - make check\n");
    QTest::newRow("anchored scalar becomes a list")
            << S("image: a\nfrom: alpine\nshell:\n  install: &c make\n") << S("set") << S("a")
            << L({"shell.install", "[make, make check]"})
            << S("image: a\nfrom: alpine\nshell:\n  install: &c\n  - make\n  - make check\n");

    QTest::newRow("append to a block list")
            << S("image: a\nfrom: alpine\nshell:\n  install:\n    - make # build\n  setup: [x]\n")
            << S("set") << S("a") << L({"shell.install[1]", "make install"})
            << S("image: a\nfrom: alpine\nshell:\n  install:\n    - make # build\n    - make "
                 "install\n  setup: "
                 "[x]\n");
    QTest::newRow("append to a flow list")
            << S("image: a\nfrom: alpine\nshell:\n  setup: [x]\n") << S("set") << S("a")
            << L({"shell.setup[1]", "\"y z\""})
            << S("image: a\nfrom: alpine\nshell:\n  setup: [x, \"y z\"]\n");
    QTest::newRow("append a map item")
            << S("image: a\nfrom: alpine\nimport:\n- artifact: b\n  add: /x\n  after: install\n"
                 "---\nartifact: b\nfrom: alpine\n---\nartifact: c\nfrom: alpine\n")
            << S("set") << S("a") << L({"import[1]", "{artifact: c, add: /y, before: setup}"})
            << S("image: a\nfrom: alpine\nimport:\n- artifact: b\n  add: /x\n  after: install\n- "
                 "artifact: c\n"
                 "  add: /y\n  before: setup\n"
                 "---\nartifact: b\nfrom: alpine\n---\nartifact: c\nfrom: alpine\n");
    QTest::newRow("new list of maps in block style")
            << S("image: a\nfrom: alpine\n") << S("set") << S("a")
            << L({"git", "[{add: /, to: /app}, {add: /docs, to: /docs}]"})
            << S("image: a\nfrom: alpine\ngit:\n- add: /\n  to: /app\n- add: /docs\n  to: /docs\n");
    QTest::newRow("rename a key in place") << S(
            "image: a\nfrom: alpine\nimport:\n- artifact: b\n  add: /x\n  before: install # early\n"
            "---\nartifact: b\nfrom: alpine\n")
                                           << S("renameKey") << S("a")
                                           << L({"import[0].before", "after"})
                                           << S("image: a\nfrom: alpine\nimport:\n- artifact: b\n  "
                                                "add: /x\n  after: install # early\n"
                                                "---\nartifact: b\nfrom: alpine\n");
    QTest::newRow("move an item down") << S(
            "image: a\nfrom: alpine\nshell:\n  install:\n  - one\n  - \"two\" # 2\n  - three\n")
                                       << S("move") << S("a") << L({"shell.install", "0", "2"})
                                       << S("image: a\nfrom: alpine\nshell:\n  install:\n  - "
                                            "\"two\"\n  - three # 2\n  - one\n");
    QTest::newRow("move an item up in a flow list")
            << S("image: a\nfrom: alpine\ndocker:\n  VOLUME: [/a, /b]\n") << S("move") << S("a")
            << L({"docker.VOLUME", "1", "0"})
            << S("image: a\nfrom: alpine\ndocker:\n  VOLUME: [/b, /a]\n");
    QTest::newRow("move map items")
            << S("image: a\nfrom: alpine\ngit:\n- add: /\n  to: /app\n- add: /docs\n  to: /docs\n")
            << S("move") << S("a") << L({"git", "1", "0"})
            << S("image: a\nfrom: alpine\ngit:\n- add: /docs\n  to: /docs\n- add: /\n  to: /app\n");
}

void tst_ConfigEditor::inlineEdits()
{
    QFETCH(QString, source);
    QFETCH(QString, op);
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    // werf requires the meta document; the rows leave it out.
    const QString meta = QStringLiteral("project: p\nconfigVersion: 1\n---\n");
    source.prepend(meta);
    expected.prepend(meta);

    const QString path = QStringLiteral("/tmp/werf.yaml");
    const LoadedProject project = loadText(path, source.toUtf8());
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    const ConfigEditor editor(project);
    const EditResult result = run(editor, op, target, args);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    QByteArray text = project.source;
    QVERIFY(applyTextEdits(text, result.edits));
    QCOMPARE(QString::fromUtf8(text), expected);
    // What the edit meant, read back through the loader.
    const LoadedProject after = loadText(path, text);
    QVERIFY2(after.ok(), qPrintable(after.diagnostics.value(0).toString()));
    if (op == u"set" && args.value(0) == u"shell.install" && args.value(1) == u"make all")
        QCOMPARE(after.config.findImage(target)->shell.install.value,
                 QStringList{QStringLiteral("make all")});
    if (source.contains(u"*base")) {
        // The alias follows the anchor unless it was replaced.
        const StapelImage *a = after.config.findImage(QStringLiteral("a"));
        QVERIFY(a && !a->docker.label.entries.isEmpty());
        QCOMPARE(a->docker.label.entries.first().value.value, args.value(1));
    }
    QByteArray undone = text;
    QVERIFY(applyTextEdits(undone, invertTextEdits(project.source, result.edits)));
    QCOMPARE(undone, project.source);
}

void tst_ConfigEditor::aliasRefused()
{
    // An edit inside an alias would change every user of the anchor: refused, naming both.
    const QByteArray source = "project: p\n"
                              "configVersion: 1\n"
                              "---\n"
                              "image: a\n"
                              "from: alpine\n"
                              "shell:\n"
                              "  beforeInstall: &cmds\n"
                              "  - apk add make\n"
                              "  install: *cmds\n";
    const QString path = QStringLiteral("/tmp/werf.yaml");
    const LoadedProject project = loadText(path, source);
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    QCOMPARE(project.config.findImage(QStringLiteral("a"))->shell.install.value,
             QStringList{QStringLiteral("apk add make")});
    const ConfigEditor editor(project);
    const EditTarget a = EditTarget::image(QStringLiteral("a"));
    const EditResult r = editor.setValue(a,
                                         QStringLiteral("shell.install[0]"),
                                         QStringLiteral("make"));
    QVERIFY(!r.ok());
    QVERIFY(r.edits.isEmpty());
    QCOMPARE(r.error->location.line, 9);
    QCOMPARE(r.error->location.column, 12);
    QVERIFY2(r.error->message.contains(QStringLiteral("shell.install at /tmp/werf.yaml:9:12 is "
                                                      "the alias *cmds of the anchor &cmds at "
                                                      "/tmp/werf.yaml:7:18")),
             qPrintable(r.error->message));
    QVERIFY(!editor.moveItem(a, QStringLiteral("shell.install"), 0, 0).ok());
    QVERIFY(!editor.setValue(a, QStringLiteral("shell.install[1]"), QStringLiteral("x")).ok());
    // Replacing the alias itself is an edit of install alone.
    const EditResult own = editor.setValue(a,
                                           QStringLiteral("shell.install"),
                                           QStringLiteral("[make, make install]"));
    QVERIFY2(own.ok(), qPrintable(own.error ? own.error->toString() : QString()));
    QByteArray text = source;
    QVERIFY(applyTextEdits(text, own.edits));
    QCOMPARE(text,
             QByteArray("project: p\nconfigVersion: 1\n---\nimage: a\nfrom: alpine\nshell:\n  "
                        "beforeInstall: &cmds\n  - apk add "
                        "make\n  install:\n  - make\n  - make install\n"));
    QVERIFY(loadText(path, text).ok());
}

void tst_ConfigEditor::readOnlyReason()
{
    const LoadedProject project = loadProject(corpusFile(QStringLiteral("004")));
    QVERIFY(project.ok());
    const ConfigEditor editor(project);
    const DockerfileImage *agent = nullptr;
    for (const DockerfileImage &i : project.config.dockerfileImages) {
        if (i.name == u"agent")
            agent = &i;
    }
    QVERIFY(agent);
    QVERIFY(!agent->args.entries.isEmpty());
    bool sawGenerated = false;
    for (const KeyValue &kv : agent->args.entries) {
        const std::optional<Diagnostic> why = editor.readOnlyReason(kv.value.valueSpan.start,
                                                                    kv.value.valueSpan.end);
        if (kv.key.value == u"CI_JOB_TOKEN") {
            QVERIFY(why.has_value());
            QVERIFY2(why->message.contains(QStringLiteral("{{ env \"CI_JOB_TOKEN\" }}")),
                     qPrintable(why->message));
            sawGenerated = true;
        }
    }
    QVERIFY(sawGenerated);
    // A literal: the name of the image.
    QVERIFY(!editor.readOnlyReason(agent->nameSpan.start, agent->nameSpan.end).has_value());
}

#include "tst_configeditor.moc"

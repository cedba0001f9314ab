// SPDX-License-Identifier: GPL-3.0-or-later
//
// Document: byte-exact open/save of every corpus project, undo/redo of a scripted series of
// edits back to the original bytes, CRLF/BOM/final-newline preservation, recovery files,
// external changes, typing merges, and `stagecraft edit` (runEditCommand) end to end.
#include "config/configloader.h"
#include "document/document.h"
#include "document/editcommand.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUndoStack>

#include <memory>

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

QString corpusDir()
{
    return QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

/** Copies a corpus project's werf.yaml (and the files it includes) into dir. */
QString copyCorpus(const QString &id, const QString &dir)
{
    const QString from = corpusDir() + u'/' + id;
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(from).relativeFilePath(file);
        QDir(dir).mkpath(QFileInfo(rel).path());
        QFile::copy(file, QDir(dir).filePath(rel));
        QFile::setPermissions(QDir(dir).filePath(rel),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return QDir(dir).filePath(QStringLiteral("werf.yaml"));
}

int runEdit(const QStringList &args, QString *errText)
{
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    const int code = runEditCommand(args, o, e);
    e.flush();
    *errText = err;
    return code;
}

} // namespace

class tst_Document : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void undoRedoSeries();
    void lineEndingsAndBom();
    void recovery();
    void externalChange();
    void typingMerges();
    void editorTextKeepsLineEndings();
    void cliEdit_data();
    void cliEdit();
    void cliEditErrors_data();
    void cliEditErrors();
};

void tst_Document::initTestCase()
{
    // Recovery files go to a throw-away AppDataLocation.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("stagecraft-tst-document"));
}

void tst_Document::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    const QStringList ids = QDir(corpusDir())
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(ids.size() >= 60);
    for (const QString &id : ids) {
        const QString file = findConfigFile(corpusDir() + u'/' + id);
        if (!file.isEmpty())
            QTest::newRow(qPrintable(id)) << file;
    }
}

void tst_Document::roundTrip()
{
    QFETCH(QString, file);
    const QByteArray original = readFile(file);
    QTemporaryDir dir;

    // Document: open, Save As, same bytes.
    Document document;
    QString error;
    QVERIFY2(document.open(file, &error), qPrintable(error));
    QCOMPARE(document.fileBytes(), original);
    QVERIFY(!document.isModified());
    const QString saved = dir.filePath(QStringLiteral("saved.yaml"));
    QVERIFY2(document.saveAs(saved, &error), qPrintable(error));
    QCOMPARE(readFile(saved), original);

    // `stagecraft edit PATH IMAGE --output OUT` with no KEY re-saves unchanged.
    const QString cli = dir.filePath(QStringLiteral("cli.yaml"));
    QString err;
    runEdit({file, QStringLiteral("any"), QStringLiteral("--output"), cli}, &err);
    QCOMPARE(readFile(cli), original);
}

void tst_Document::undoRedoSeries()
{
    QTemporaryDir dir;
    const QString path = copyCorpus(QStringLiteral("061"), dir.path());
    const QByteArray original = readFile(path);
    Document document;
    document.setReparseDelay(0);
    QVERIFY(document.open(path));
    QVERIFY(document.project().ok());
    QSignalSpy modified(&document, &Document::modifiedChanged);
    QSignalSpy projects(&document, &Document::projectChanged);

    const EditTarget builder = EditTarget::image(QStringLiteral("builder"));
    const EditTarget service = EditTarget::image(QStringLiteral("service"));
    struct Step
    {
        std::function<EditResult(const ConfigEditor &)> edit;
        QString text;
    };
    ImportSpec spec;
    spec.image = QStringLiteral("builder");
    spec.add = QStringLiteral("/etc/ssl/certs");
    spec.before = QStringLiteral("setup");
    const QList<Step> steps{
            {[&](const ConfigEditor &e) {
                 return e.setValue(builder, QStringLiteral("from"), QStringLiteral("golang:1.22"));
             },
             QStringLiteral("from")},
            {[&](const ConfigEditor &e) {
                 return e.setValue(service, QStringLiteral("docker.ENV.TZ"), QStringLiteral("UTC"));
             },
             QStringLiteral("env")},
            {[&](const ConfigEditor &e) {
                 return e.unset(builder, QStringLiteral("shell.setup[3]"));
             },
             QStringLiteral("unset")},
            {[&](const ConfigEditor &e) { return e.addImport(service, spec); },
             QStringLiteral("import")},
            {[&](const ConfigEditor &e) {
                 return e.renameImage(builder, QStringLiteral("compiler"));
             },
             QStringLiteral("rename")},
            {[&](const ConfigEditor &e) {
                 return e.addImage(QStringLiteral("extra"), false, QStringLiteral("alpine:3.19"));
             },
             QStringLiteral("add")},
            {[&](const ConfigEditor &e) {
                 return e.setFromLatest(EditTarget::image(QStringLiteral("extra")), true);
             },
             QStringLiteral("latest")},
            {[&](const ConfigEditor &e) {
                 return e.duplicateImage(service, QStringLiteral("service-debug"));
             },
             QStringLiteral("duplicate")},
            {[&](const ConfigEditor &e) {
                 return e.removeImage(EditTarget::image(QStringLiteral("extra")));
             },
             QStringLiteral("remove")},
    };
    QList<QByteArray> texts{document.text()};
    for (const Step &step : steps) {
        QString error;
        const EditResult r = step.edit(document.editor());
        QVERIFY2(document.apply(r, step.text, &error), qPrintable(step.text + u' ' + error));
        QVERIFY2(document.project().ok(),
                 qPrintable(step.text + u' ' + document.project().diagnostics.value(0).toString()));
        texts << document.text();
    }
    QCOMPARE(document.undoStack()->count(), steps.size());
    QVERIFY(document.isModified());
    QCOMPARE(modified.size(), 1);
    QVERIFY(document.project().config.findImage(QStringLiteral("compiler")));
    QVERIFY(document.project().config.findImage(QStringLiteral("service-debug")));
    QVERIFY(!document.project().config.findImage(QStringLiteral("extra")));

    // Undo everything: the original bytes, and clean again.
    for (qsizetype i = steps.size(); i > 0; --i) {
        document.undoStack()->undo();
        QCOMPARE(document.text(), texts.at(i - 1));
    }
    QCOMPARE(document.fileBytes(), original);
    QVERIFY(!document.isModified());
    // Redo everything, save, reopen: the same bytes.
    for (qsizetype i = 0; i < steps.size(); ++i)
        document.undoStack()->redo();
    QCOMPARE(document.text(), texts.last());
    QSignalSpy saved(&document, &Document::saved);
    QString error;
    QVERIFY2(document.save(&error), qPrintable(error));
    QCOMPARE(saved.size(), 1);
    QVERIFY(!document.isModified());
    QCOMPARE(readFile(path), texts.last());
    QVERIFY(projects.size() >= 2 * steps.size());
}

void tst_Document::lineEndingsAndBom()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("werf.yaml"));
    const QByteArray original = "\xEF\xBB\xBFproject: p\r\nconfigVersion: 1\r\n---\r\n"
                                "image: a # кириллица\r\nfrom: alpine\r\nshell:\r\n  install:\r\n"
                                "  - echo 1";
    QVERIFY(writeFile(path, original));
    Document document;
    QVERIFY(document.open(path));
    QVERIFY(document.hasBom());
    QVERIFY(!document.hasFinalNewline());
    QCOMPARE(document.lineEnding(), QByteArrayLiteral("\r\n"));
    QVERIFY2(document.project().ok(),
             qPrintable(document.project().diagnostics.value(0).toString()));
    const EditTarget a = EditTarget::image(QStringLiteral("a"));
    QVERIFY(document.apply(document.editor().setValue(a,
                                                      QStringLiteral("shell.install"),
                                                      QStringLiteral("[echo 1, echo 2]")),
                           QStringLiteral("install")));
    QVERIFY(document.apply(document.editor().setValue(a,
                                                      QStringLiteral("docker.WORKDIR"),
                                                      QStringLiteral("/app")),
                           QStringLiteral("workdir")));
    QVERIFY(document.save());
    const QByteArray expected = "\xEF\xBB\xBFproject: p\r\nconfigVersion: 1\r\n---\r\n"
                                "image: a # кириллица\r\nfrom: alpine\r\nshell:\r\n  install:\r\n"
                                "  - echo 1\r\n  - echo 2\r\ndocker:\r\n  WORKDIR: /app";
    QCOMPARE(readFile(path), expected);
    QVERIFY(document.project().ok());
}

void tst_Document::recovery()
{
    QTemporaryDir dir;
    const QString path = copyCorpus(QStringLiteral("032"), dir.path());
    const QByteArray original = readFile(path);
    QByteArray edited;
    {
        // A crash: the process ends without saving or discarding. A modified document's
        // destructor keeps its recovery file too, so ending the scope is the same for the file.
        auto document = std::make_unique<Document>();
        QVERIFY(document->open(path));
        QVERIFY(!Document::recoveryFor(path));
        QVERIFY(document->apply(document->editor().setValue(EditTarget::image(QStringLiteral(
                                                                    "nestcord-docs")),
                                                            QStringLiteral("from"),
                                                            QStringLiteral("nginx:1.27")),
                                QStringLiteral("from")));
        edited = document->fileBytes();
        QVERIFY(document->writeRecovery());
        QVERIFY(QFileInfo::exists(document->recoveryFilePath()));
    }
    QCOMPARE(readFile(path), original);
    const std::optional<QByteArray> left = Document::recoveryFor(path);
    QVERIFY(left);
    QCOMPARE(*left, edited);

    Document reopened;
    QVERIFY(reopened.open(path));
    QString error;
    QVERIFY2(reopened.restoreRecovery(&error), qPrintable(error));
    QCOMPARE(reopened.fileBytes(), edited);
    QVERIFY(reopened.isModified());
    // Undo returns to the file's text; saving removes the recovery file.
    reopened.undoStack()->undo();
    QCOMPARE(reopened.fileBytes(), original);
    reopened.undoStack()->redo();
    QVERIFY(reopened.save(&error));
    QVERIFY(!Document::recoveryFor(path));
    QCOMPARE(readFile(path), edited);

    // Closing an unmodified document leaves no recovery file either.
    {
        Document clean;
        QVERIFY(clean.open(path));
        QVERIFY(clean.apply(clean.editor().setValue(EditTarget::image(
                                                            QStringLiteral("nestcord-docs")),
                                                    QStringLiteral("from"),
                                                    QStringLiteral("nginx")),
                            QStringLiteral("from")));
        QVERIFY(clean.writeRecovery());
        clean.undoStack()->undo();
        QVERIFY(!clean.isModified());
    }
    QVERIFY(!Document::recoveryFor(path));
}

void tst_Document::externalChange()
{
    QTemporaryDir dir;
    const QString path = copyCorpus(QStringLiteral("032"), dir.path());
    Document document;
    QVERIFY(document.open(path));
    QSignalSpy changed(&document, &Document::changedOnDisk);
    QVERIFY(!document.isChangedOnDisk());
    QVERIFY(document.apply(document.editor().setValue(EditTarget::image(
                                                              QStringLiteral("nestcord-docs")),
                                                      QStringLiteral("from"),
                                                      QStringLiteral("nginx:mine")),
                           QStringLiteral("from")));
    const QByteArray theirs = readFile(path).replace("from: nginx\n", "from: nginx:theirs\n");
    QVERIFY(writeFile(path, theirs));
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY(document.isChangedOnDisk());
    // Save refuses to overwrite silently.
    QString error;
    QVERIFY(!document.save(&error));
    QVERIFY2(error.contains(QStringLiteral("changed by another program")), qPrintable(error));
    QCOMPARE(readFile(path), theirs);
    // Reload takes their text (undoable) and is clean.
    QVERIFY(document.reloadFromDisk(&error));
    QCOMPARE(document.fileBytes(), theirs);
    QVERIFY(!document.isModified());
    QCOMPARE(document.project().config.findImage(QStringLiteral("nestcord-docs"))->from.value,
             QStringLiteral("nginx:theirs"));
    // Our own save is not reported as an external change.
    QVERIFY(document.apply(document.editor().setValue(EditTarget::image(
                                                              QStringLiteral("nestcord-docs")),
                                                      QStringLiteral("from"),
                                                      QStringLiteral("nginx:ours")),
                           QStringLiteral("from")));
    QVERIFY(document.save(&error));
    QTest::qWait(300);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!document.isChangedOnDisk());
}

void tst_Document::typingMerges()
{
    Document document;
    document.setContent(QStringLiteral("/nonexistent/werf.yaml"),
                        "project: p\nconfigVersion: 1\n---\nimage: a\nfrom: alpine\n");
    document.setReparseDelay(50);
    QSignalSpy projects(&document, &Document::projectChanged);
    const qint64 at = document.text().indexOf("alpine") + 6;
    document.typeText(at, 0, ":");
    document.typeText(at + 1, 0, "3");
    document.typeText(at + 2, 0, ".");
    document.typeText(at + 3, 0, "9");
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.reparsePending());
    QCOMPARE(projects.size(), 0);
    QTRY_COMPARE(projects.size(), 1);
    QCOMPARE(document.project().config.findImage(QStringLiteral("a"))->from.value,
             QStringLiteral("alpine:3.9"));
    // A broken edit keeps the last good project.
    document.typeText(document.text().indexOf("from"), 0, "[");
    QTRY_COMPARE(projects.size(), 2);
    QVERIFY(!document.project().ok());
    QVERIFY(document.hasGoodProject());
    QCOMPARE(document.lastGoodProject().config.findImage(QStringLiteral("a"))->from.value,
             QStringLiteral("alpine:3.9"));
    document.undoStack()->undo();
    QCOMPARE(document.text(),
             QByteArrayLiteral("project: p\nconfigVersion: 1\n---\nimage: a\nfrom: alpine\n"));
}

void tst_Document::editorTextKeepsLineEndings()
{
    // The editor shows '\n' only; its changes come back with the file's own line breaks, and
    // lines it did not touch keep theirs, also in a mixed file.
    Document document;
    document.setReparseDelay(0);
    const QByteArray original = "project: p\r\nconfigVersion: 1\r\n---\r\nimage: ёж # мой\r\n"
                                "from: alpine\nshell:\r\n  install:\r\n  - make\r\n";
    document.setContent(QStringLiteral("/nonexistent/werf.yaml"), original);
    QString shown = QString::fromUtf8(original);
    shown.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    // Replace a Cyrillic letter (two UTF-8 bytes sharing a lead byte with the old one).
    QString edited = shown;
    edited.replace(QStringLiteral("ёж"), QStringLiteral("ёлка"));
    document.typeEditorText(edited);
    QByteArray expected = original;
    expected.replace("ёж", "ёлка");
    QCOMPARE(document.text(), expected);
    // A new line in the middle gets CRLF; the LF line stays LF.
    edited.replace(QStringLiteral("  - make\n"), QStringLiteral("  - make\n  - make test\n"));
    document.typeEditorText(edited);
    expected.replace("  - make\r\n", "  - make\r\n  - make test\r\n");
    QCOMPARE(document.text(), expected);
    // Joining two lines removes the '\r' with the '\n'.
    edited.replace(QStringLiteral("configVersion: 1\n---"), QStringLiteral("configVersion: 1---"));
    document.typeEditorText(edited);
    expected.replace("configVersion: 1\r\n---", "configVersion: 1---");
    QCOMPARE(document.text(), expected);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(document.text(), original);
}

void tst_Document::cliEdit_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");

    QTest::newRow("set") << S("032")
                         << L({"nestcord-docs", "from=nginx:1.25", "fromCacheVersion=\"2\""})
                         << QByteArray("from: nginx\nimport:")
                         << QByteArray("from: nginx:1.25\nimport:");
    QTest::newRow("meta") << S("061") << L({"--meta", "project=rarimo"})
                          << QByteArray("project: \"backend\"")
                          << QByteArray("project: \"rarimo\"");
    QTest::newRow("unset") << S("077")
                           << L({"hlf-explorer", "--unset", "docker", "--unset", "ansible.setup[0]"})
                           << QByteArray("docker:\n  WORKDIR: /app\n") << QByteArray();
    QTest::newRow("import field") << S("061") << L({"service", "import[0].after=install"})
                                  << QByteArray("    after: setup")
                                  << QByteArray("    after: install");
}

void tst_Document::cliEdit()
{
    QFETCH(QString, corpus);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QTemporaryDir dir;
    const QString path = copyCorpus(corpus, dir.path());
    const QByteArray original = readFile(path);
    QString err;
    QCOMPARE(runEdit(QStringList{path} + args, &err), 0);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QByteArray edited = readFile(path);
    QVERIFY(original.contains(from));
    QVERIFY(edited.contains(to));
    if (!to.isEmpty())
        QVERIFY(!edited.contains(from));
    QVERIFY(loadProject(path).ok());
    if (corpus == u"032")
        QVERIFY(edited.contains("fromCacheVersion: \"2\"\n"));
    if (corpus == u"077") {
        QVERIFY(!edited.contains("name: Lint"));
        QVERIFY(edited.contains("name: Build"));
    }
    // --output leaves the input alone.
    const QString out = dir.filePath(QStringLiteral("out.yaml"));
    QVERIFY(writeFile(path, original));
    QCOMPARE(runEdit(QStringList{path} + args + QStringList{QStringLiteral("--output"), out}, &err),
             0);
    QCOMPARE(readFile(path), original);
    QCOMPARE(readFile(out), edited);
}

void tst_Document::cliEditErrors_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("pattern");

    QTest::newRow("template value") << S("010") << L({"app", "git[0].to=/srv"}) << 1
                                    << R"(werf\.yaml:\d+:\d+: error: read-only: )";
    QTest::newRow("bad value") << S("032") << L({"nestcord-docs", "from=[x"}) << 1
                               << R"(werf\.yaml:1:1: error: bad YAML value \[x)";
    QTest::newRow("bad key") << S("032") << L({"nestcord-docs", "from.x=1"}) << 1
                             << R"(werf\.yaml:30:7: error: from is not a map)";
    QTest::newRow("no image") << S("032") << L({"nope", "from=x"}) << 1
                              << R"(werf\.yaml:1:1: error: no image or artifact named "nope")";
    QTest::newRow("invalid result is written and reported")
            << S("032") << L({"nestcord-docs", "--unset", "from"}) << 1
            << R"(werf\.yaml:\d+:\d+: error: )";
    QTest::newRow("usage") << S("032") << L({"nestcord-docs", "from"}) << 2
                           << R"(expected KEY=VALUE)";
}

void tst_Document::cliEditErrors()
{
    QFETCH(QString, corpus);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, pattern);
    QTemporaryDir dir;
    const QString path = copyCorpus(corpus, dir.path());
    const QByteArray original = readFile(path);
    QString err;
    QCOMPARE(runEdit(QStringList{path} + args, &err), code);
    QVERIFY2(QRegularExpression(pattern).match(err).hasMatch(), qPrintable(err));
    if (QTest::currentDataTag() != QByteArray("invalid result is written and reported"))
        QCOMPARE(readFile(path), original);
    else
        QVERIFY(!readFile(path).contains("\nfrom: nginx\n"));
}

QTEST_GUILESS_MAIN(tst_Document)
#include "tst_document.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// IncrementalLoader must give exactly what loadText() gives for the same text: for chains of
// random byte edits, ConfigEditor edits and structural edits (`---` added or removed, a meta
// document edited, documents made invalid) over the real corpus, every diagnostic with its
// location, every span of the typed config and the conveyor are compared with a full load.

#include "config/configloader.h"
#include "config/incrementalloader.h"
#include "config/spanvisitor.h"
#include "document/configeditor.h"
#include "document/textedit.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Stagecraft::Model;

namespace {

QString corpusDir()
{
    return QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString where(const SourceLocation &l)
{
    return QStringLiteral("%1@%2:%3:%4").arg(l.file).arg(l.offset).arg(l.line).arg(l.column);
}

/** Collects every span of the config in visiting order (the shift uses the same visitor). */
struct Collector
{
    QStringList *out;
    void operator()(Span &s) const
    {
        *out << QStringLiteral("span %1-%2 %3 %4")
                        .arg(s.start)
                        .arg(s.end)
                        .arg(where(s.location), where(s.endLocation));
    }
    void operator()(SourceLocation &l) const { *out << where(l); }
    void operator()(YamlNode &n) const
    {
        *out << QStringLiteral("node %1-%2 %3:%4 %5")
                        .arg(n.start)
                        .arg(n.end)
                        .arg(n.line)
                        .arg(n.column)
                        .arg(n.value);
    }
    void entry(YamlMapEntry &e) const
    {
        *out << QStringLiteral("entry %1-%2").arg(e.start).arg(e.end);
    }
};

QString values(const StringListValue &v)
{
    return v.value.join(u'|');
}

/** A full description of a load: what the views, the editor and the planner read. */
QStringList describe(LoadedProject p)
{
    QStringList out;
    out << QStringLiteral("file %1 dir %2 templated %3")
                    .arg(p.configFile, p.projectDir)
                    .arg(p.templated);
    out << QStringLiteral("source %1 bytes, rendered %2 bytes, same %3")
                    .arg(p.source.size())
                    .arg(p.rendered.size())
                    .arg(p.rendered == p.source);
    out << QStringLiteral("version %1: %2").arg(werfVersionName(p.version), p.versionReason);
    for (const Diagnostic &d : std::as_const(p.diagnostics))
        out << QStringLiteral("diag %1 %2 %3")
                        .arg(severityName(d.severity), where(d.location), d.message);
    Collector c{&out};
    WerfConfig &config = p.config;
    out << QStringLiteral("config version %1").arg(werfVersionName(config.version));
    for (ConfigDocument &d : config.documents) {
        out << QStringLiteral("document kind %1 lineOffset %2").arg(int(d.kind)).arg(d.lineOffset);
        SpanVisitor::visit(d, c);
    }
    out << QStringLiteral("meta present %1 document %2 project %3 configVersion %4")
                    .arg(config.meta.present)
                    .arg(config.meta.document)
                    .arg(config.meta.project.value)
                    .arg(config.meta.configVersion.value);
    SpanVisitor::visit(config.meta, c);
    for (StapelImage &i : config.images) {
        out << QStringLiteral("image %1 artifact %2 document %3 from %4 fromImage %5 install %6")
                        .arg(i.name)
                        .arg(i.artifact)
                        .arg(i.document)
                        .arg(i.from.value, i.fromImage.value, values(i.shell.install));
        for (const GitMapping &g : std::as_const(i.git))
            out << QStringLiteral("git %1 %2 excl %3")
                            .arg(g.add.value, g.to.value, g.effectiveExcludePaths.join(u'|'));
        for (const ImportConfig &m : std::as_const(i.imports))
            out << QStringLiteral("import %1 %2 %3 excl %4")
                            .arg(m.sourceName(),
                                 m.add.value,
                                 m.to.value,
                                 m.effectiveExcludePaths.join(u'|'));
        SpanVisitor::visit(i, c);
    }
    for (DockerfileImage &i : config.dockerfileImages) {
        out << QStringLiteral("dockerfile %1 document %2 %3")
                        .arg(i.name)
                        .arg(i.document)
                        .arg(i.dockerfile.value);
        SpanVisitor::visit(i, c);
    }
    for (const ConveyorImage &i : std::as_const(p.conveyor.images)) {
        out << QStringLiteral("conveyor image %1 kind %2 document %3 set %4 %5")
                        .arg(i.name)
                        .arg(int(i.kind))
                        .arg(i.document)
                        .arg(i.set)
                        .arg(where(i.location));
        for (const ConveyorStage &s : i.stages)
            out << QStringLiteral("  stage %1 %2").arg(int(s.id)).arg(where(s.location));
    }
    for (const ConveyorEdge &e : std::as_const(p.conveyor.edges))
        out << QStringLiteral("edge %1 %2→%3 at %4 from %5 %6 %7")
                        .arg(int(e.kind))
                        .arg(e.source)
                        .arg(e.target)
                        .arg(int(e.targetStage))
                        .arg(e.sourceStage ? int(*e.sourceStage) : -1)
                        .arg(e.label, where(e.location));
    for (const QList<int> &set : std::as_const(p.conveyor.sets)) {
        QStringList s;
        for (int i : set)
            s << QString::number(i);
        out << QStringLiteral("set ") + s.join(u',');
    }
    for (const Diagnostic &d : std::as_const(p.conveyor.diagnostics))
        out << QStringLiteral("conveyor diag %1 %2").arg(where(d.location), d.message);
    return out;
}

/** The ConfigEditor's edits for a few requests: an independent reader of the spans. */
QStringList editorProbe(const LoadedProject &p)
{
    QStringList out;
    const ConfigEditor editor(p);
    auto record = [&out](const QString &what, const EditResult &r) {
        QString line = what + u':';
        if (r.error)
            line += QStringLiteral(" error ") + r.error->toString();
        for (const TextEdit &e : r.edits)
            line += QStringLiteral(" [%1+%2 %3]")
                            .arg(e.offset)
                            .arg(e.length)
                            .arg(QString::fromUtf8(e.replacement));
        out << line;
    };
    record(QStringLiteral("meta project"),
           editor.setValue(EditTarget::metaDocument(),
                           QStringLiteral("project"),
                           QStringLiteral("p")));
    for (const StapelImage &i : p.config.images) {
        const EditTarget t = EditTarget::image(i.name.isEmpty() ? QStringLiteral("~") : i.name);
        record(i.name + QStringLiteral(" from"),
               editor.setValue(t, QStringLiteral("from"), QStringLiteral("x:1")));
        record(i.name + QStringLiteral(" install"),
               editor.setValue(t, QStringLiteral("shell.install"), QStringLiteral("[a]")));
        record(i.name + QStringLiteral(" remove"), editor.removeImage(t));
    }
    return out;
}

/** Empty when equal; else the first differing line of both. */
QString difference(const QStringList &a, const QStringList &b)
{
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = a.value(i, QStringLiteral("<end>"));
        const QString y = b.value(i, QStringLiteral("<end>"));
        if (x != y)
            return QStringLiteral("line %1:\n  incremental: %2\n  full:        %3").arg(i).arg(x, y);
    }
    return {};
}

QStringList corpusFiles()
{
    QStringList files;
    const QDir dir(corpusDir());
    const QStringList ids = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        for (const char *name : {"werf.yaml", "werf.yml"}) {
            const QString path = dir.filePath(id + u'/' + QString::fromLatin1(name));
            if (QFile::exists(path))
                files << path;
        }
    }
    return files;
}

/** Line starts of text, for edits that should land at the start of a line. */
QList<qint64> lineStarts(const QByteArray &text)
{
    QList<qint64> starts{0};
    for (qint64 i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\n' && i + 1 < text.size())
            starts << i + 1;
    }
    return starts;
}

} // namespace

class tst_IncrementalLoader : public QObject
{
    Q_OBJECT

private:
    /** Loads text with the loader and in full; fails the test on any difference. */
    bool same(IncrementalLoader &loader,
              const QString &file,
              const QByteArray &text,
              ReloadStats *stats)
    {
        const LoadedProject incremental = loader.load(file, text, {}, stats);
        const LoadedProject full = loadText(file, text);
        const QString diff = difference(describe(incremental), describe(full));
        if (!diff.isEmpty()) {
            qWarning().noquote() << file << "differs after an edit:" << diff;
            return false;
        }
        const QString editorDiff = difference(editorProbe(incremental), editorProbe(full));
        if (!editorDiff.isEmpty()) {
            qWarning().noquote() << file << "editor differs:" << editorDiff;
            return false;
        }
        return true;
    }

private slots:
    void randomEdits_data();
    void randomEdits();
    void editorEdits_data();
    void editorEdits();
    void structuralEdits_data();
    void structuralEdits();
    void reusesUnchangedDocuments();
    void fallsBack_data();
    void fallsBack();
};

void tst_IncrementalLoader::randomEdits_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = corpusFiles();
    QVERIFY(files.size() > 50);
    for (const QString &f : files)
        QTest::newRow(qPrintable(QDir(corpusDir()).relativeFilePath(f))) << f;
}

void tst_IncrementalLoader::randomEdits()
{
    QFETCH(QString, file);
    QByteArray text = readFile(file);
    QVERIFY(!text.isEmpty());
    // One chain of edits per file, each reloaded from the previous state: the cache must stay
    // right across many reloads, including after errors and fallbacks.
    QRandomGenerator random(quint32(qHash(file)));
    static const QList<QByteArray> snippets{" ",
                                            "x",
                                            "\n",
                                            ":",
                                            "- ",
                                            "\"",
                                            "'",
                                            "#",
                                            "  install: [a]\n",
                                            "---\n",
                                            "\n---\n",
                                            "image: extra\nfrom: alpine\n",
                                            "\t",
                                            "{",
                                            "[",
                                            "\xd0\x96",
                                            "fromImage: nope\n",
                                            "configVersion: 1\n",
                                            "import:\n- image: a\n  add: /x\n  after: install\n"};
    IncrementalLoader loader;
    ReloadStats stats;
    QVERIFY(same(loader, file, text, &stats));
    int incremental = 0;
    for (int step = 0; step < 30; ++step) {
        const QList<qint64> starts = lineStarts(text);
        const int kind = random.bounded(4);
        qint64 at = kind == 0 ? starts.at(random.bounded(int(starts.size())))
                              : random.bounded(int(text.size() + 1));
        // Keep UTF-8 sequences whole: the loader would refuse the text either way.
        while (at < text.size() && (uchar(text.at(at)) & 0xC0) == 0x80)
            ++at;
        qint64 length = kind == 3 ? random.bounded(1, 12) : 0;
        length = std::min(length, text.size() - at);
        while (at + length < text.size() && (uchar(text.at(at + length)) & 0xC0) == 0x80)
            ++length;
        const QByteArray insert = kind == 3 && random.bounded(2)
                                          ? QByteArray()
                                          : snippets.at(random.bounded(int(snippets.size())));
        text.replace(at, length, insert);
        QVERIFY2(same(loader, file, text, &stats),
                 qPrintable(QStringLiteral("step %1: %2 bytes at %3 → \"%4\"")
                                    .arg(step)
                                    .arg(length)
                                    .arg(at)
                                    .arg(QString::fromUtf8(insert))));
        incremental += stats.incremental;
    }
    if (firstTemplateAction(readFile(file)) < 0 && text.count("---") > 1)
        QVERIFY2(incremental > 0, "no edit of a multi-document file was incremental");
}

void tst_IncrementalLoader::editorEdits_data()
{
    randomEdits_data();
}

void tst_IncrementalLoader::editorEdits()
{
    QFETCH(QString, file);
    const QByteArray original = readFile(file);
    IncrementalLoader loader;
    ReloadStats stats;
    const LoadedProject first = loader.load(file, original);
    // Every image gets the editor's edits in turn, each on the text the previous one left.
    QByteArray text = original;
    QStringList names;
    for (const StapelImage &i : first.config.images)
        names << (i.name.isEmpty() ? QStringLiteral("~") : i.name);
    int applied = 0;
    for (int k = 0; k < names.size() && k < 12; ++k) {
        const EditTarget t = EditTarget::image(names.at(k));
        for (int op = 0; op < 6; ++op) {
            const LoadedProject current = loadText(file, text);
            const ConfigEditor editor(current);
            EditResult r;
            switch (op) {
            case 0:
                r = editor.setValue(t,
                                    QStringLiteral("fromCacheVersion"),
                                    QStringLiteral("v%1").arg(k));
                break;
            case 1:
                r = editor.setValue(t,
                                    QStringLiteral("shell.install"),
                                    QStringLiteral("[echo %1]").arg(k));
                break;
            case 2:
                r = editor.setValue(t, QStringLiteral("docker.ENV.TZ"), QStringLiteral("UTC"));
                break;
            case 3:
                r = editor.unset(t, QStringLiteral("fromCacheVersion"));
                break;
            case 4:
                r = editor.setValue(t, QStringLiteral("fromImage"), QStringLiteral("missing-image"));
                break;
            case 5:
                r = editor.unset(t, QStringLiteral("fromImage"));
                break;
            }
            if (!r.ok() || r.edits.isEmpty())
                continue;
            QVERIFY(applyTextEdits(text, r.edits));
            ++applied;
            QVERIFY2(same(loader, file, text, &stats),
                     qPrintable(QStringLiteral("image %1, edit %2").arg(names.at(k)).arg(op)));
        }
    }
    // Meta edits, then rename, duplicate, add and remove (these change the document count).
    const QList<std::function<EditResult(const ConfigEditor &)>> more{
            [](const ConfigEditor &e) {
                return e.setValue(EditTarget::metaDocument(),
                                  QStringLiteral("project"),
                                  QStringLiteral("renamed"));
            },
            [](const ConfigEditor &e) {
                return e.setValue(EditTarget::metaDocument(),
                                  QStringLiteral("project"),
                                  QStringLiteral("Bad Name"));
            },
            [&names](const ConfigEditor &e) {
                return names.isEmpty() ? EditResult()
                                       : e.renameImage(EditTarget::image(names.first()),
                                                       QStringLiteral("zz-renamed"));
            },
            [](const ConfigEditor &e) {
                return e.addImage(QStringLiteral("added"), false, QStringLiteral("alpine"));
            },
            [](const ConfigEditor &e) {
                return e.duplicateImage(EditTarget::image(QStringLiteral("added")),
                                        QStringLiteral("added2"));
            },
            [](const ConfigEditor &e) {
                return e.removeImage(EditTarget::image(QStringLiteral("added")));
            },
    };
    for (int m = 0; m < more.size(); ++m) {
        const LoadedProject current = loadText(file, text);
        const ConfigEditor editor(current);
        const EditResult r = more.at(m)(editor);
        if (!r.ok() || r.edits.isEmpty())
            continue;
        QVERIFY(applyTextEdits(text, r.edits));
        ++applied;
        QVERIFY2(same(loader, file, text, &stats), qPrintable(QStringLiteral("edit %1").arg(m)));
    }
    if (firstTemplateAction(original) < 0 && !names.isEmpty())
        QVERIFY(applied > 0);
}

void tst_IncrementalLoader::structuralEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    const QByteArray base = "configVersion: 1\nproject: demo\n---\nimage: a\nfrom: alpine\n"
                            "---\nimage: b\nfromImage: a\nshell:\n  install: [make]\n"
                            "---\nartifact: c\nfrom: alpine\n---\nimage: d\nfrom: alpine\n"
                            "import:\n- artifact: c\n  add: /out\n  after: install\n";
    auto edited = [&base](const char *from, const char *to) {
        QByteArray t = base;
        return t.replace(from, to);
    };
    QTest::newRow("inside one image") << base << edited("install: [make]", "install: [make, test]");
    QTest::newRow("lines added before others")
            << base
            << edited("from: alpine\n---\nimage: b",
                      "from: alpine\nmount:\n- from: tmp_dir\n  to: /tmp\n---\nimage: b");
    QTest::newRow("lines removed before others")
            << base << edited("shell:\n  install: [make]\n", "");
    QTest::newRow("meta project") << base << edited("project: demo", "project: demo-two");
    QTest::newRow("meta invalid") << base << edited("project: demo", "project: Demo!");
    QTest::newRow("meta becomes image") << base << edited("configVersion: 1\n", "image: m\n");
    QTest::newRow("second meta") << base << edited("image: d\n", "configVersion: 1\nimage: d\n");
    QTest::newRow("yaml error") << base << edited("fromImage: a", "fromImage: [a");
    QTest::newRow("yaml error in first") << base << edited("project: demo", "project: [demo");
    QTest::newRow("unknown field")
            << base
            << edited("from: alpine\n---\nimage: b", "from: alpine\nfrmo: x\n---\nimage: b");
    QTest::newRow("broken reference") << base << edited("fromImage: a", "fromImage: zz");
    QTest::newRow("cycle") << base << edited("image: a\nfrom: alpine", "image: a\nfromImage: b");
    QTest::newRow("rename referenced") << base << edited("artifact: c", "artifact: cc");
    QTest::newRow("separator added") << base << edited("shell:\n", "---\nshell:\n");
    QTest::newRow("separator removed") << base << edited("---\nartifact: c", "artifact: c");
    QTest::newRow("separator comment")
            << base << edited("---\nartifact: c", "--- # artifact\nartifact: c");
    QTest::newRow("not a separator") << base << edited("---\nartifact: c", "----\nartifact: c");
    QTest::newRow("document emptied") << base << edited("artifact: c\nfrom: alpine\n", "# gone\n");
    QTest::newRow("newer syntax key")
            << base << edited("image: a\nfrom: alpine", "image: a\nfrom: alpine\nfinal: false");
    QTest::newRow("crlf") << QByteArray(base).replace("\n", "\r\n")
                          << edited("install: [make]", "install: [make, test]").replace("\n", "\r\n");
    QTest::newRow("error then fix") << edited("fromImage: a", "fromImage: [a") << base;
    QTest::newRow("template added") << base << edited("from: alpine", "from: {{ \"alpine\" }}");
}

void tst_IncrementalLoader::structuralEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const QString file = QDir::temp().filePath(QStringLiteral("incremental/werf.yaml"));
    IncrementalLoader loader;
    ReloadStats stats;
    QVERIFY(same(loader, file, before, &stats));
    QVERIFY(same(loader, file, after, &stats));
    // And back again, from the edited state.
    QVERIFY(same(loader, file, before, &stats));
}

void tst_IncrementalLoader::reusesUnchangedDocuments()
{
    const QString file = QDir::temp().filePath(QStringLiteral("incremental/werf.yaml"));
    const QByteArray before = "configVersion: 1\nproject: demo\n---\nimage: a\nfrom: alpine\n"
                              "---\nimage: b\nfromImage: a\n---\nimage: c\nfrom: alpine\n";
    QByteArray after = before;
    after.replace("image: a\nfrom: alpine\n", "image: a\nfrom: alpine\nfromCacheVersion: 2\n");
    IncrementalLoader loader;
    ReloadStats stats;
    loader.load(file, before, {}, &stats);
    QVERIFY(!stats.incremental);
    const LoadedProject p = loader.load(file, after, {}, &stats);
    QVERIFY2(stats.incremental, qPrintable(stats.fallbackReason));
    QCOMPARE(stats.documents, 4);
    QCOMPARE(stats.decodedDocuments, 1);
    QCOMPARE(stats.reusedDocuments, 3);
    // The image after the edit moved one line down.
    const StapelImage *c = p.config.findImage(QStringLiteral("c"));
    QVERIFY(c);
    QCOMPARE(c->from.valueSpan.location.line, 12);
    QCOMPARE(c->from.valueSpan.start, qint64(after.indexOf("alpine", after.indexOf("image: c"))));
}

void tst_IncrementalLoader::fallsBack_data()
{
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("reason");
    QTest::newRow("separator added") << QByteArray("configVersion: 1\nproject: demo\n---\nimage: "
                                                   "a\nfrom: alpine\n---\nimage: b\nfrom: alpine\n")
                                     << QStringLiteral("the number of documents changed");
    QTest::newRow("templated") << QByteArray(
            "configVersion: 1\nproject: demo\n---\nimage: a\nfrom: {{ \"alpine\" }}\n")
                               << QStringLiteral("templated file");
    QTest::newRow("version rules") << QByteArray(
            "configVersion: 1\nproject: demo\n---\nimage: a\nfrom: alpine\nfinal: false\n")
                                   << QStringLiteral("the werf version rules changed");
    QTest::newRow("invalid utf-8")
            << QByteArray("configVersion: 1\nproject: demo\n---\nimage: a\nfrom: alp\xffine\n")
            << QStringLiteral("not UTF-8 text");
}

void tst_IncrementalLoader::fallsBack()
{
    QFETCH(QByteArray, after);
    QFETCH(QString, reason);
    const QString file = QDir::temp().filePath(QStringLiteral("incremental/werf.yaml"));
    IncrementalLoader loader;
    ReloadStats stats;
    QVERIFY(same(loader,
                 file,
                 "configVersion: 1\nproject: demo\n---\nimage: a\nfrom: alpine\n",
                 &stats));
    QVERIFY(same(loader, file, after, &stats));
    QVERIFY(!stats.incremental);
    QCOMPARE(stats.fallbackReason, reason);
}

QTEST_GUILESS_MAIN(tst_IncrementalLoader)

#include "tst_incrementalloader.moc"

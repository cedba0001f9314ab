// SPDX-License-Identifier: GPL-3.0-or-later
// werf's rendering pipeline (reference §3): .werf/**/*.tmpl, werfConfig, .Files, include, tpl,
// fromYaml, werf's error and warning texts, and bad input (limits).
#include "template/doublestar.h"
#include "template/renderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Stagecraft::Model::Template;

class tst_TemplateRender : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void templatesDir();
    void defineOverride();
    void filesGet();
    void filesGlobAndTpl();
    void fromYaml_data();
    void fromYaml();
    void rootContext();
    void parseErrorLocation();
    void execErrorInTemplateFile();
    void includeErrors();
    void runawayInclude();
    void runawayTemplate();
    void hugeOutput();
    void corpusWithoutSprig();
    void doublestar_data();
    void doublestar();

private:
    void write(const QString &rel, const QByteArray &content);
    RenderResult render(const QByteArray &config, const RenderOptions &options = {});
    QString errors(const RenderResult &r) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TemplateRender::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_TemplateRender::write(const QString &rel, const QByteArray &content)
{
    const QString path = m_dir->filePath(rel);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

RenderResult tst_TemplateRender::render(const QByteArray &config, const RenderOptions &options)
{
    write(QStringLiteral("werf.yaml"), config);
    RenderOptions o = options;
    o.sprig = false; // these tests cover the engine and werf's functions only
    return renderWerfConfig(m_dir->filePath(QStringLiteral("werf.yaml")), config, m_dir->path(), o);
}

QString tst_TemplateRender::errors(const RenderResult &r) const
{
    QStringList s;
    for (const Diagnostic &d : r.diagnostics)
        s.append(d.toString());
    return s.join(u'\n');
}

void tst_TemplateRender::templatesDir()
{
    write(QStringLiteral(".werf/base.tmpl"), "{{ define \"base\" }}from: {{ . }}{{ end }}");
    write(QStringLiteral(".werf/sub/inner.tmpl"), "inner={{ .Files.Get \"v.txt\" }}");
    write(QStringLiteral(".werf/not-a-template.yaml"), "{{ broken");
    write(QStringLiteral("v.txt"), "42");
    const RenderResult r = render(
            "image: a\n{{ include \"base\" \"alpine\" }}\n{{ template \"sub/inner.tmpl\" . }}\n");
    QVERIFY2(r.ok, qPrintable(errors(r)));
    QCOMPARE(r.text, QByteArray("image: a\nfrom: alpine\ninner=42\n"));
}

void tst_TemplateRender::defineOverride()
{
    // werf.yaml is parsed last, so its define wins; among .werf files the later one wins.
    write(QStringLiteral(".werf/a.tmpl"),
          "{{ define \"x\" }}a{{ end }}{{ define \"y\" }}a{{ end }}");
    write(QStringLiteral(".werf/b.tmpl"), "{{ define \"y\" }}b{{ end }}");
    const RenderResult r = render(
            "{{ define \"x\" }}config{{ end }}{{ include \"x\" . }} {{ include \"y\" . }}");
    QVERIFY2(r.ok, qPrintable(errors(r)));
    QCOMPARE(r.text, QByteArray("config b"));
}

void tst_TemplateRender::filesGet()
{
    write(QStringLiteral("dir/file.txt"), "content");
    const RenderResult r = render(
            "a={{ .Files.Get \"dir/file.txt\" }}\nb={{ .Files.Get \"missing.txt\" }}\n");
    QVERIFY(r.ok);
    QCOMPARE(r.text, QByteArray("a=content\nb=\n"));
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &w = r.diagnostics.front();
    QCOMPARE(w.severity, Severity::Warning);
    QCOMPARE(w.message,
             QStringLiteral("Config: {{ .Files.Get 'missing.txt' }}: file '%1' not exist!")
                     .arg(QDir::cleanPath(m_dir->filePath(QStringLiteral("missing.txt")))));
    QCOMPARE(w.location.line, 2);
    QCOMPARE(w.location.column, 3);

    const RenderResult bad = render("{{ .Files.Get 1 }}");
    QVERIFY(!bad.ok);
    QCOMPARE(bad.diagnostics.back().message,
             QStringLiteral("cannot parse config: template: werfConfig:1:14: executing "
                            "\"werfConfig\" at <1>: expected string; found 1"));
}

void tst_TemplateRender::filesGlobAndTpl()
{
    write(QStringLiteral("parts/b.yaml"), "image: {{ .name }}-b\n");
    write(QStringLiteral("parts/a.yaml"), "image: a\n");
    write(QStringLiteral("parts/deep/c.yaml"), "image: c\n");
    write(QStringLiteral("parts/d.txt"), "no\n");
    const RenderResult r = render("{{ range $path, $content := .Files.Glob \"parts/**/*.yaml\" }}# "
                                  "{{ $path }}\n{{ tpl $content (dict) }}{{ end }}");
    // dict is Sprig's; without Sprig this must be a parse error naming it.
    QVERIFY(!r.ok);
    QVERIFY2(errors(r).contains(QStringLiteral("function \"dict\" not defined")),
             qPrintable(errors(r)));

    const RenderResult r2 = render(
            "{{ $ctx := .Files.Get \"ctx.yaml\" | fromYaml }}{{ range $path, $content := "
            ".Files.Glob \"parts/**/*.yaml\" }}# {{ $path }}\n{{ tpl $content $ctx }}{{ end }}");
    QVERIFY2(r2.ok, qPrintable(errors(r2)));
    QCOMPARE(r2.text,
             QByteArray("# parts/a.yaml\nimage: a\n# parts/b.yaml\nimage: <no value>-b\n# "
                        "parts/deep/c.yaml\nimage: c\n"));
    // ctx.yaml is missing: one warning for Get (and fromYaml of "" gives a nil map).
    QCOMPARE(r2.diagnostics.size(), 1);

    const RenderResult none = render(
            "{{ range .Files.Glob \"nothing/*\" }}x{{ else }}none{{ end }}");
    QVERIFY(none.ok);
    QCOMPARE(none.text, QByteArray("none"));
    QCOMPARE(none.diagnostics.size(), 1);
    QCOMPARE(none.diagnostics.front().message,
             QStringLiteral("Config: {{ .Files.Glob 'nothing/*' }}: no matches found!"));

    const RenderResult braces = render(
            "{{ range $k, $v := .Files.Glob \"parts/{a,b}.yaml\" }}{{ $k }} {{ end }}");
    QVERIFY(braces.ok);
    QCOMPARE(braces.text, QByteArray("parts/a.yaml parts/b.yaml "));

    const RenderResult tplError = render("{{ tpl \"{{ if }}\" . }}");
    QVERIFY(!tplError.ok);
    QVERIFY2(errors(tplError).contains(QRegularExpression(QStringLiteral(
                     "error calling tpl: template: [0-9a-z]{10}:1: missing value for if"))),
             qPrintable(errors(tplError)));
}

void tst_TemplateRender::fromYaml_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("string") << QByteArray("a: hello") << QByteArray(".a") << QByteArray("hello");
    QTest::newRow("int") << QByteArray("a: 42") << QByteArray("add1 .a") << QByteArray();
    QTest::newRow("octal") << QByteArray("a: 0755") << QByteArray("printf \"%d\" .a")
                           << QByteArray("493");
    QTest::newRow("hex") << QByteArray("a: 0x1F") << QByteArray("printf \"%T %d\" .a .a")
                         << QByteArray("int 31");
    QTest::newRow("yes") << QByteArray("a: yes") << QByteArray("printf \"%T %v\" .a .a")
                         << QByteArray("bool true");
    QTest::newRow("off") << QByteArray("a: off") << QByteArray(".a") << QByteArray("false");
    QTest::newRow("float") << QByteArray("a: 1.50") << QByteArray("printf \"%T %v\" .a .a")
                           << QByteArray("float64 1.5");
    QTest::newRow("quoted") << QByteArray("a: \"yes\"") << QByteArray("printf \"%T\" .a")
                            << QByteArray("string");
    QTest::newRow("null") << QByteArray("a: ~") << QByteArray(".a") << QByteArray("<no value>");
    QTest::newRow("list") << QByteArray("a: [x, 2, true]") << QByteArray(".a")
                          << QByteArray("[x 2 true]");
    QTest::newRow("nested") << QByteArray("a:\n  b:\n    c: deep") << QByteArray(".a.b.c")
                            << QByteArray("deep");
    QTest::newRow("nested type") << QByteArray("a:\n  b: 1") << QByteArray("printf \"%T\" .a")
                                 << QByteArray("map[interface {}]interface {}");
    QTest::newRow("map print") << QByteArray("b: 2\na: 1") << QByteArray(".")
                               << QByteArray("map[a:1 b:2]");
    QTest::newRow("timestamp") << QByteArray("a: 2001-12-14") << QByteArray("printf \"%T\" .a")
                               << QByteArray("string");
    QTest::newRow("merge") << QByteArray("base: &b\n  x: 1\nm:\n  <<: *b\n  y: 2")
                           << QByteArray(".m") << QByteArray("map[x:1 y:2]");
}

void tst_TemplateRender::fromYaml()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, expected);
    if (expected.isEmpty())
        QSKIP("needs Sprig's add1");
    write(QStringLiteral("values.yaml"), yaml);
    const RenderResult r = render("{{ with .Files.Get \"values.yaml\" | fromYaml }}{{ " + expression
                                  + " }}{{ end }}");
    QVERIFY2(r.ok, qPrintable(errors(r)));
    QCOMPARE(r.text, expected);
}

void tst_TemplateRender::rootContext()
{
    // The root is a map with only Files: Helm's .Values is simply missing.
    const RenderResult r = render(
            "env: {{ .Values.werf.env }}\n{{ printf \"%T\" .Files }}\n{{ len . }}");
    QVERIFY2(r.ok, qPrintable(errors(r)));
    QCOMPARE(r.text, QByteArray("env: <no value>\nconfig.files\n1"));

    const RenderResult bad = render("x\n{{ fromYaml \"- a\" }}");
    QVERIFY(!bad.ok);
    QCOMPARE(bad.diagnostics.back().message,
             QStringLiteral(
                     "cannot parse config: template: werfConfig:2:3: executing \"werfConfig\" at "
                     "<fromYaml \"- a\">: error calling fromYaml: yaml: unmarshal errors:\n  line "
                     "1: cannot unmarshal !!seq into map[string]interface {}"));
}

void tst_TemplateRender::parseErrorLocation()
{
    const RenderResult r = render(
            "configVersion: 1\nproject: x\n---\nimage: {{ required \"name\" .Name }}\n");
    QVERIFY(!r.ok);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.front();
    QCOMPARE(d.message,
             QStringLiteral("cannot parse config: template: werfConfig:4: function \"required\" "
                            "not defined"));
    QCOMPARE(d.location.file, m_dir->filePath(QStringLiteral("werf.yaml")));
    QCOMPARE(d.location.line, 4);
    QCOMPARE(d.location.column, 11);

    const RenderResult unterminated = render("{{ if .X }}\nimage: a\n");
    QVERIFY(!unterminated.ok);
    QCOMPARE(unterminated.diagnostics.front().message,
             QStringLiteral("cannot parse config: template: werfConfig:3: unexpected EOF"));
    QCOMPARE(unterminated.diagnostics.front().location.line, 3);
}

void tst_TemplateRender::execErrorInTemplateFile()
{
    write(QStringLiteral(".werf/img.tmpl"),
          "{{ define \"img\" }}\nimage: {{ .name.first }}\n{{ end }}");
    const RenderResult r = render("a: 1\n{{ include \"img\" \"x\" }}");
    QVERIFY(!r.ok);
    const Diagnostic &d = r.diagnostics.back();
    QCOMPARE(d.message,
             QStringLiteral("cannot parse config: template: werfConfig:2:3: executing "
                            "\"werfConfig\" at <include \"img\" \"x\">: error calling include: "
                            "template: img.tmpl:2:15: executing \"img\" at <.name.first>: can't "
                            "evaluate field name in type string"));
    // The location is the innermost failing action, in the .tmpl file.
    QCOMPARE(d.location.file, QDir::cleanPath(m_dir->filePath(QStringLiteral(".werf/img.tmpl"))));
    QCOMPARE(d.location.line, 2);
    // Go positions a field chain at its second field (parse.go operand()).
    QCOMPARE(d.location.column, 16);
}

void tst_TemplateRender::includeErrors()
{
    const RenderResult r = render("{{ include \"nope\" . }}");
    QVERIFY(!r.ok);
    QCOMPARE(r.diagnostics.back().message,
             QStringLiteral(
                     "cannot parse config: template: werfConfig:1:3: executing \"werfConfig\" at "
                     "<include \"nope\" .>: error calling include: template: no template \"nope\" "
                     "associated with template \"werfConfig\""));
}

void tst_TemplateRender::runawayInclude()
{
    const RenderResult r = render(
            "{{ define \"r\" }}x{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}");
    QVERIFY(!r.ok);
    const QString message = r.diagnostics.back().message;
    QVERIFY2(message.endsWith(QStringLiteral("exceeded maximum include depth (1000)")),
             qPrintable(message));
    QVERIFY(message.size() < 1000); // not wrapped a thousand times
    QCOMPARE(r.diagnostics.back().location.line, 1);
}

void tst_TemplateRender::runawayTemplate()
{
    QElapsedTimer timer;
    timer.start();
    const RenderResult r = render(
            "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}");
    QVERIFY(!r.ok);
    QCOMPARE(r.diagnostics.back().message,
             QStringLiteral("cannot parse config: template: werfConfig:1:28: executing \"r\" at "
                            "<{{template \"r\" .}}>: exceeded maximum template depth (100000)"));
    qInfo("template recursion to depth 100000 failed cleanly in %lld ms", timer.elapsed());
}

void tst_TemplateRender::hugeOutput()
{
    // 10 x 10 x 10 x 10 x 10 x 10 lines of 100 bytes would be 100 MB: stop at the limit.
    write(QStringLiteral("ten.yaml"), "l: [0,1,2,3,4,5,6,7,8,9]");
    const QByteArray line(100, 'x');
    RenderOptions options;
    options.maxOutputBytes = 1024 * 1024;
    const RenderResult r = render("{{ $l := (.Files.Get \"ten.yaml\" | fromYaml).l }}"
                                  "{{ range $l }}{{ range $l }}{{ range $l }}{{ range $l }}"
                                  "{{ range $l }}{{ range $l }}"
                                          + line
                                          + "\n{{ end }}{{ end }}"
                                            "{{ end }}{{ end }}{{ end }}{{ end }}",
                                  options);
    QVERIFY(!r.ok);
    QVERIFY2(r.diagnostics.back().message.endsWith(
                     QStringLiteral("the rendered output exceeds 1048576 bytes")),
             qPrintable(r.diagnostics.back().message));
    QVERIFY(r.text.size() <= 1024 * 1024 + 200);
}

void tst_TemplateRender::corpusWithoutSprig()
{
    // Untemplated corpus configs render to themselves, byte for byte.
    const QDir corpus(QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml"));
    int checked = 0;
    const QStringList ids = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        const QDir dir(corpus.filePath(id));
        for (const QString &name : {QStringLiteral("werf.yaml"), QStringLiteral("werf.yml")}) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray source = f.readAll();
            if (source.contains("{{"))
                continue;
            RenderOptions o;
            o.sprig = false;
            const RenderResult r = renderWerfConfig(dir.filePath(name), source, dir.path(), o);
            QVERIFY2(r.ok, qPrintable(id));
            QCOMPARE(r.text, source);
            QVERIFY(r.map.isLiteral(0, r.text.size()) || source.isEmpty());
            ++checked;
        }
    }
    QVERIFY(checked > 30);
}

void tst_TemplateRender::doublestar_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("match");
    auto row = [](const char *p, const char *n, bool m) {
        QTest::newRow(QByteArray(QByteArray(p) + " ~ " + n).constData())
                << QByteArray(p) << QByteArray(n) << m;
    };
    row("/p/*.yaml", "/p/a.yaml", true);
    row("/p/*.yaml", "/p/d/a.yaml", false);
    row("/p/**/*.yaml", "/p/a.yaml", true);
    row("/p/**/*.yaml", "/p/d/e/a.yaml", true);
    row("/p/**", "/p/d/e/a.yaml", true);
    row("/p/**/werf.inc.yaml", "/p/images/x/werf.inc.yaml", true);
    row("/p/images/*/{Dockerfile,werf.inc.yaml}", "/p/images/x/Dockerfile", true);
    row("/p/images/*/{Dockerfile,werf.inc.yaml}", "/p/images/x/other", false);
    row("/p/?.txt", "/p/a.txt", true);
    row("/p/?.txt", "/p/ab.txt", false);
    row("/p/[a-c].txt", "/p/b.txt", true);
    row("/p/[!a-c].txt", "/p/b.txt", false);
    row("/p/[^a-c].txt", "/p/d.txt", true);
    row("/p/\\*.txt", "/p/*.txt", true);
    row("/p/\\*.txt", "/p/a.txt", false);
    row("/p/a**b", "/p/axxb", true); // ** inside a component is a plain *
}

void tst_TemplateRender::doublestar()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, name);
    QFETCH(bool, match);
    bool bad = true;
    QCOMPARE(doublestarMatch(pattern, name, &bad), match);
    QVERIFY(!bad);
    QVERIFY(!doublestarMatch("/p/[a", "/p/a", &bad));
    QVERIFY(bad);
}

QTEST_GUILESS_MAIN(tst_TemplateRender)

#include "tst_templaterender.moc"

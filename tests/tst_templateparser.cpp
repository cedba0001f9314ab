// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of Go templates: tree shapes (as Go's String() prints them) and Go's parse errors.
#include "template/lexer.h"
#include "template/templateset.h"

#include <QTest>

using namespace Stagecraft::Model::Template;

namespace {

FunctionMap someFunctions()
{
    FunctionMap m;
    Function f;
    f.name = "upper";
    f.params = {ParamType{"string"}};
    f.call = [](const QList<Value> &a) { return a.at(0); };
    m.insert(f.name, f);
    return m;
}

} // namespace

class tst_TemplateParser : public QObject
{
    Q_OBJECT

private slots:
    void tree_data();
    void tree();
    void errors_data();
    void errors();
    void deepNesting();
    void errorOffset();
    void defines();
    void redefinitionAcrossParses();
    void lexerTokens();
};

void tst_TemplateParser::tree_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    auto row = [](const char *name, const char *in, const char *out) {
        QTest::newRow(name) << QByteArray(in) << QByteArray(out);
    };
    row("text", "hello", "hello");
    row("field chain", "{{.A.B.C}}", "{{.A.B.C}}");
    row("pipeline", "{{ .A | upper | printf \"%s\" }}", "{{.A | upper | printf \"%s\"}}");
    row("decl", "{{ $x := .A }}{{ $x }}", "{{$x := .A}}{{$x}}");
    row("assign prints :=", "{{ $x := 1 }}{{ $x = 2 }}", "{{$x := 1}}{{$x := 2}}");
    row("parens", "{{ printf \"%d\" (len .A) }}", "{{printf \"%d\" (len .A)}}");
    row("chain", "{{ (.A).B.C }}", "{{(.A).B.C}}");
    row("else if",
        "{{if .A}}a{{else if .B}}b{{else}}c{{end}}",
        "{{if .A}}a{{else}}{{if .B}}b{{else}}c{{end}}{{end}}");
    row("range two vars",
        "{{range $i, $v := .L}}{{$i}}{{end}}",
        "{{range $i, $v := .L}}{{$i}}{{end}}");
    row("with else", "{{with .A}}x{{else}}y{{end}}", "{{with .A}}x{{else}}y{{end}}");
    row("template", "{{template \"x\" .}}", "{{template \"x\" .}}");
    row("block", "{{block \"b\" .}}inner{{end}}", "{{template \"b\" .}}");
    row("trim", "a \n {{- .A -}} \n b", "a{{.A}}b");
    row("comment", "a{{/* c */}}b", "ab");
    row("raw string", "{{`x\r\ny`}}", "{{`x\r\ny`}}");
    row("numbers",
        "{{ 1 }}{{ -2.5 }}{{ 0x1F }}{{ 'a' }}{{ 1e3 }}",
        "{{1}}{{-2.5}}{{0x1F}}{{'a'}}{{1e3}}");
    row("nil and bools", "{{ upper nil }}{{ true }}", "{{upper nil}}{{true}}");
    row("multi-line action", "{{ upper\n  .A }}", "{{upper .A}}");
}

void tst_TemplateParser::tree()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    TemplateSet set("t");
    set.addFunctions(someFunctions());
    ParseError error;
    QVERIFY2(set.parse("t", input, {}, &error), error.message.constData());
    QCOMPARE(set.lookup("t")->root->toString(), expected);
}

void tst_TemplateParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    auto row = [](const char *name, const char *in, const char *out) {
        QTest::newRow(name) << QByteArray(in) << QByteArray(out);
    };
    row("unknown function",
        "line\n{{ required \"x\" .A }}",
        "template: t:2: function \"required\" not defined");
    row("unclosed action", "{{ .A", "template: t:1: unclosed action");
    row("unclosed action multi-line",
        "a\n{{ .A\n\n",
        "template: t:4: unclosed action started at t:2");
    row("unterminated if", "{{ if .A }}\nx\n", "template: t:3: unexpected EOF");
    row("stray end", "x{{ end }}", "template: t:1: unexpected {{end}}");
    row("stray else", "{{ else }}", "template: t:1: unexpected {{else}}");
    row("unterminated string", "{{ \"abc }}", "template: t:1: unterminated quoted string");
    row("unterminated raw string", "{{ `abc }}", "template: t:1: unterminated raw quoted string");
    row("bad number", "{{ 3x }}", "template: t:1: bad number syntax: \"3x\"");
    row("unclosed comment", "{{/* x ", "template: t:1: unclosed comment");
    row("comment before delim",
        "{{/* x */ y}}",
        "template: t:1: comment ends before closing delimiter");
    row("malformed char", "{{ '{{' }}", "template: t:1: malformed character constant: '{{'");
    row("undefined variable", "{{ $x }}", "template: t:1: undefined variable \"$x\"");
    row("variable out of scope",
        "{{ if 1 }}{{ $x := 1 }}{{ end }}{{ $x }}",
        "template: t:1: undefined variable \"$x\"");
    row("missing value", "{{ if }}{{ end }}", "template: t:1: missing value for if");
    row("empty action", "{{ }}", "template: t:1: missing value for command");
    row("non executable",
        "{{ .A | 2 }}",
        "template: t:1: non executable command in pipeline stage 2");
    row("unexpected right paren", "{{ ) }}", "template: t:1: unexpected \")\" in command");
    row("unclosed paren", "{{ (upper .A }}", "template: t:1: unclosed left paren");
    row("template name", "{{ template .A }}", "template: t:1: unexpected \".A\" in template clause");
    row("define name",
        "{{ define x }}{{ end }}",
        "template: t:1: unexpected \"x\" in define clause");
    row("multiple definition",
        "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}",
        "template: t:1: template: multiple definition of template \"a\"");
    row("range declarations",
        "{{ range $a, $b, $c := . }}{{ end }}",
        "template: t:1: too many declarations in range");
    row("with declarations",
        "{{ with $a, $b := . }}{{ end }}",
        "template: t:1: too many declarations in with");
    row("dot after term", "{{ \"x\".A }}", "template: t:1: unexpected . after term \"\\\"x\\\"\"");
    row("bad escape", "{{ \"\\q\" }}", "template: t:1: invalid syntax");
    row("integer overflow",
        "{{ 99999999999999999999 }}",
        "template: t:1: integer overflow: \"99999999999999999999\"");
    row("expected end",
        "{{ range . }}{{ else }}{{ else }}{{ end }}",
        "template: t:1: expected end; found {{else}}");
    row("bad character", "{{ .A# }}", "template: t:1: bad character U+0023 '#'");
    row("unrecognized character",
        "{{ \x01 }}",
        "template: t:1: unrecognized character in action: U+0001");
    row("break outside range (1.17)",
        "{{ break }}",
        "template: t:1: function \"break\" not defined");
    row("liquid filter", "{{ x | split:'.' }}", "template: t:1: function \"x\" not defined");
    row("long token",
        "{{ define \"a\" \"abcdefghijklmnop\" }}",
        "template: t:1: unexpected \"\\\"abcdefghi\"... in define clause");
    row("unclosed end", "{{ if 1 }}{{ end", "template: t:1: unclosed action");
}

void tst_TemplateParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    TemplateSet set("t");
    set.addFunctions(someFunctions());
    ParseError error;
    QVERIFY(!set.parse("t", input, {}, &error));
    QCOMPARE(error.message, expected);
}

void tst_TemplateParser::deepNesting()
{
    // Parentheses and ifs nested far beyond any real template fail cleanly instead of
    // overflowing the stack.
    TemplateSet set("t");
    ParseError error;
    QVERIFY(!set.parse("t",
                       "{{ " + QByteArray(200000, '(') + "1" + QByteArray(200000, ')') + " }}",
                       {},
                       &error));
    QCOMPARE(error.message, QByteArray("template: t:1: exceeded maximum nesting depth (1000)"));
    QByteArray ifs;
    for (int i = 0; i < 20000; ++i)
        ifs += "{{if 1}}";
    QVERIFY(!set.parse("t", ifs, {}, &error));
    QCOMPARE(error.message, QByteArray("template: t:1: exceeded maximum nesting depth (1000)"));
    // 900 levels are fine.
    QVERIFY(set.parse("t",
                      "{{ " + QByteArray(900, '(') + "1" + QByteArray(900, ')') + " }}",
                      {},
                      &error));
}

void tst_TemplateParser::errorOffset()
{
    // The offset points at the token the parser stopped at, for file:line:column reports.
    TemplateSet set("t");
    ParseError error;
    const QByteArray text = "image: x\nfrom: {{ required \"a\" }}\n";
    QVERIFY(!set.parse("t", text, {}, &error));
    QCOMPARE(error.line, 2);
    QCOMPARE(error.offset, text.indexOf("required"));
}

void tst_TemplateParser::defines()
{
    TemplateSet set("t");
    ParseError error;
    QVERIFY(set.parse("t", "top{{define \"a\"}}A{{end}}{{block \"b\" .}}B{{end}}", {}, &error));
    QCOMPARE(set.lookup("t")->root->toString(), QByteArray("top{{template \"b\" .}}"));
    QCOMPARE(set.lookup("a")->root->toString(), QByteArray("A"));
    QCOMPARE(set.lookup("b")->root->toString(), QByteArray("B"));
    // Defines keep the parse name of the text they came from (for error messages).
    QCOMPARE(set.lookup("a")->source->parseName, QByteArray("t"));
}

void tst_TemplateParser::redefinitionAcrossParses()
{
    // A later Parse replaces a define; an empty redefinition does not (Template.associate).
    TemplateSet set("root");
    ParseError error;
    QVERIFY(set.parse("one.tmpl", "{{define \"x\"}}first{{end}}", {}, &error));
    QVERIFY(set.parse("two.tmpl", "{{define \"x\"}}second{{end}}", {}, &error));
    QCOMPARE(set.lookup("x")->root->toString(), QByteArray("second"));
    QVERIFY(set.parse("three.tmpl", "{{define \"x\"}}  {{end}}", {}, &error));
    QCOMPARE(set.lookup("x")->root->toString(), QByteArray("second"));
}

void tst_TemplateParser::lexerTokens()
{
    const std::vector<Token> tokens = Lexer("a {{- $x := .B -}} c").tokens();
    QStringList kinds;
    for (const Token &t : tokens)
        kinds.append(QString::fromUtf8(t.value));
    QCOMPARE(kinds,
             QStringList({QStringLiteral("a"),
                          QStringLiteral("{{"),
                          QStringLiteral("$x"),
                          QStringLiteral(" "),
                          QStringLiteral(":="),
                          QStringLiteral(" "),
                          QStringLiteral(".B"),
                          QStringLiteral("}}"),
                          QStringLiteral("c"),
                          QString()}));
    QCOMPARE(tokens.front().type, Token::Type::Text);
    QCOMPARE(tokens.back().type, Token::Type::Eof);
}

QTEST_APPLESS_MAIN(tst_TemplateParser)

#include "tst_templateparser.moc"

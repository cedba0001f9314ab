// SPDX-License-Identifier: GPL-3.0-or-later
// Execution of Go templates: each row is a construct or builtin with the output (or the error)
// Go 1.17's text/template gives for it.
#include "template/executor.h"
#include "template/templateset.h"

#include <QTest>

using namespace Stagecraft::Model::Template;

namespace {

Value testData()
{
    Map m;
    m.emplace("Str", Value::fromString("hello"));
    m.emplace("Empty", Value::fromString(""));
    m.emplace("Int", Value::fromInt(42));
    m.emplace("Zero", Value::fromInt(0));
    m.emplace("Float", Value::fromFloat(1.5));
    m.emplace("True", Value::fromBool(true));
    m.emplace("False", Value::fromBool(false));
    m.emplace("Nil", Value::nil());
    m.emplace("List",
              Value::fromList(
                      {Value::fromString("a"), Value::fromString("b"), Value::fromString("c")}));
    m.emplace("EmptyList", Value::fromList({}));
    m.emplace("Ints", Value::fromList({Value::fromInt(3), Value::fromInt(1), Value::fromInt(2)}));
    Map inner;
    inner.emplace("b", Value::fromInt(2));
    inner.emplace("a", Value::fromInt(1));
    inner.emplace("c", Value::fromString("x"));
    m.emplace("Map", Value::fromMap(inner));
    Map nested;
    nested.emplace("Inner", Value::fromMap(inner));
    m.emplace("Nested", Value::fromMap(nested));
    m.emplace("Strings",
              Value::fromList({Value::fromString("x"), Value::fromString("y")}, "[]string"));
    return Value::fromMap(std::move(m));
}

struct Outcome
{
    bool ok = false;
    QByteArray text;
};

Outcome run(const QByteArray &text,
            GoVersion version = GoVersion::Go117,
            const FunctionMap &extra = {})
{
    TemplateSet set("test", version);
    set.addFunctions(extra);
    ParseError perr;
    if (!set.parse("test", text, {}, &perr))
        return {false, perr.message};
    ExecutionContext ctx(set);
    RenderedText out;
    try {
        ctx.execute("test", testData(), &out);
    } catch (const ExecError &e) {
        return {false, e.message};
    }
    return {true, out.text};
}

FunctionMap testFunctions()
{
    FunctionMap m;
    Function upper;
    upper.name = "upper";
    upper.params = {ParamType{"string"}};
    upper.call = [](const QList<Value> &a) {
        return Value::fromString(a.at(0).toString().toUpper());
    };
    m.insert(upper.name, upper);
    Function fail;
    fail.name = "fail";
    fail.params = {ParamType{"string"}};
    fail.returnsError = true;
    fail.call = [](const QList<Value> &a) -> Value { throw FunctionError(a.at(0).toString()); };
    m.insert(fail.name, fail);
    Function count;
    count.name = "count";
    count.params = {ParamType{"int"}};
    count.call = [](const QList<Value> &a) { return Value::fromInt(a.at(0).toInt() + 1); };
    m.insert(count.name, count);
    Function join;
    join.name = "join";
    join.params = {ParamType{"string"}};
    join.variadic = ParamType{"string"};
    join.call = [](const QList<Value> &a) {
        QByteArray s;
        for (qsizetype i = 1; i < a.size(); ++i)
            s += (i > 1 ? a.at(0).toString() : QByteArray()) + a.at(i).toString();
        return Value::fromString(s);
    };
    m.insert(join.name, join);
    return m;
}

} // namespace

class tst_TemplateExec : public QObject
{
    Q_OBJECT

private slots:
    void execute_data();
    void execute();
    void goVersions_data();
    void goVersions();
};

void tst_TemplateExec::execute_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("expected");

    auto row = [](const char *name, const char *in, bool ok, const char *out) {
        QTest::newRow(name) << QByteArray(in) << ok << QByteArray(out);
    };
    // Text and printing.
    row("text", "plain text", true, "plain text");
    row("field", "{{.Str}}", true, "hello");
    row("int", "{{.Int}}", true, "42");
    row("float", "{{.Float}}", true, "1.5");
    row("bool", "{{.True}}", true, "true");
    row("missing key", "{{.Missing}}", true, "<no value>");
    row("missing chain", "{{.Missing.X}}", true, "<no value>");
    row("nil in map", "{{.Nil}}", true, "<no value>");
    row("nil pointer chain",
        "{{.Nil.X}}",
        false,
        "template: test:1:6: executing \"test\" at <.Nil.X>: nil pointer evaluating interface "
        "{}.X");
    row("field of string",
        "{{.Str.X}}",
        false,
        "template: test:1:6: executing \"test\" at <.Str.X>: can't evaluate field X in type "
        "interface {}");
    row("list", "{{.List}}", true, "[a b c]");
    row("map", "{{.Map}}", true, "map[a:1 b:2 c:x]");
    row("nested", "{{.Nested.Inner.c}}", true, "x");
    row("dot", "{{.}}", false, "");
    row("string const", "{{\"a\\tb\"}}", true, "a\tb");
    row("raw string", "{{`a\\tb`}}", true, "a\\tb");
    row("char const", "{{'a'}}", true, "97");
    row("hex", "{{0x1F}}", true, "31");
    row("octal", "{{0o17}} {{017}}", true, "15 15");
    row("binary", "{{0b101}}", true, "5");
    row("underscore", "{{1_000}}", true, "1000");
    row("float const", "{{1e3}}", true, "1000");
    row("negative", "{{-7}}", true, "-7");
    row("nil command",
        "{{nil}}",
        false,
        "template: test:1:2: executing \"test\" at <nil>: nil is not a command");
    // Trimming and comments.
    row("trim", "a  {{- \"b\" -}}  c", true, "abc");
    row("trim newlines", "a\n\n{{- 1}}\n", true, "a1\n");
    row("comment", "a{{/* x */}}b", true, "ab");
    row("trim comment", "a {{- /* x */ -}} b", true, "ab");
    row("negative not trim", "{{-3}}", true, "-3");
    // Variables.
    row("declare", "{{$x := 1}}{{$x}}", true, "1");
    row("assign", "{{$x := 1}}{{$x = 2}}{{$x}}", true, "2");
    row("dollar", "{{with .Map}}{{$.Str}}{{end}}", true, "hello");
    row("scope", "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", true, "21");
    row("assign in if", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", true, "2");
    row("variable chain", "{{$m := .Nested}}{{$m.Inner.a}}", true, "1");
    // Control structures.
    row("if", "{{if .True}}y{{end}}", true, "y");
    row("if else", "{{if .False}}y{{else}}n{{end}}", true, "n");
    row("else if", "{{if .False}}1{{else if .Int}}2{{else}}3{{end}}", true, "2");
    row("if empty string", "{{if .Empty}}y{{else}}n{{end}}", true, "n");
    row("if empty list", "{{if .EmptyList}}y{{else}}n{{end}}", true, "n");
    row("if missing", "{{if .Missing}}y{{else}}n{{end}}", true, "n");
    row("with", "{{with .Str}}{{.}}{{end}}", true, "hello");
    row("with else", "{{with .Zero}}{{.}}{{else}}zero{{end}}", true, "zero");
    row("range list", "{{range .List}}<{{.}}>{{end}}", true, "<a><b><c>");
    row("range index", "{{range $i, $e := .List}}{{$i}}={{$e}} {{end}}", true, "0=a 1=b 2=c ");
    row("range one var", "{{range $e := .List}}{{$e}}{{end}}", true, "abc");
    row("range map sorted", "{{range $k, $v := .Map}}{{$k}}:{{$v}},{{end}}", true, "a:1,b:2,c:x,");
    row("range else", "{{range .EmptyList}}x{{else}}empty{{end}}", true, "empty");
    row("range missing", "{{range .Missing}}x{{else}}none{{end}}", true, "none");
    row("range int",
        "{{range .Int}}x{{end}}",
        false,
        "template: test:1:8: executing \"test\" at <.Int>: range can't iterate over 42");
    row("define template", "{{define \"t\"}}[{{.}}]{{end}}{{template \"t\" .Str}}", true, "[hello]");
    row("template no data",
        "{{define \"t\"}}[{{.}}]{{end}}{{template \"t\"}}",
        true,
        "[<no value>]");
    row("block", "{{block \"b\" .Int}}<{{.}}>{{end}}", true, "<42>");
    row("template vars",
        "{{$x := 1}}{{define \"t\"}}{{$x}}{{end}}",
        false,
        "template: test:1: undefined variable \"$x\"");
    row("template undefined",
        "{{template \"nope\"}}",
        false,
        "template: test:1:11: executing \"test\" at <{{template \"nope\"}}>: template \"nope\" not "
        "defined");
    row("recursion",
        "{{define \"r\"}}{{if .}}{{template \"r\" (slice . 1)}}{{.}}{{end}}{{end}}{{template \"r\" "
        ".List}}",
        true,
        "[c][b c][a b c]");
    // Pipelines and calls.
    row("pipeline", "{{.Str | printf \"%s!\"}}", true, "hello!");
    row("parens", "{{printf \"%d-%d\" (len .List) .Int}}", true, "3-42");
    row("chain on parens", "{{(.Nested).Inner.b}}", true, "2");
    row("function", "{{upper .Str}}", true, "HELLO");
    row("function literal", "{{upper \"x\"}}", true, "X");
    row("function wrong literal",
        "{{upper 3}}",
        false,
        "template: test:1:8: executing \"test\" at <3>: expected string; found 3");
    row("function wrong type",
        "{{upper .Int}}",
        false,
        "template: test:1:8: executing \"test\" at <.Int>: wrong type for value; expected string; "
        "got int");
    row("function missing arg",
        "{{upper .Missing}}",
        false,
        "template: test:1:8: executing \"test\" at <.Missing>: invalid value; expected string");
    row("function nil map value",
        "{{upper .Nil}}",
        false,
        "template: test:1:8: executing \"test\" at <.Nil>: wrong type for value; expected string; "
        "got interface {}");
    row("function arg count",
        "{{upper}}",
        false,
        "template: test:1:2: executing \"test\" at <upper>: wrong number of args for upper: want 1 "
        "got 0");
    row("variadic count",
        "{{join}}",
        false,
        "template: test:1:2: executing \"test\" at <join>: wrong number of args for join: want at "
        "least 1 got 0");
    row("variadic", "{{join \",\" \"a\" \"b\"}}", true, "a,b");
    row("variadic final", "{{\"b\" | join \",\" \"a\"}}", true, "a,b");
    row("int param", "{{count 41}}", true, "42");
    row("int param float",
        "{{count 1.5}}",
        false,
        "template: test:1:8: executing \"test\" at <1.5>: expected integer; found 1.5");
    row("function error",
        "{{fail \"boom\"}}",
        false,
        "template: test:1:2: executing \"test\" at <fail \"boom\">: error calling fail: boom");
    row("non-function arg",
        "{{.Str 1}}",
        false,
        "template: test:1:2: executing \"test\" at <.Str>: Str is not a method but has arguments");
    row("non-function pipe",
        "{{1 | .Int}}",
        false,
        "template: test:1:6: executing \"test\" at <.Int>: Int is not a method but has arguments");
    row("dot in pipeline",
        "{{\"x\" | .}}",
        false,
        "template: test:1: non executable command in pipeline stage 2");
    row("arg to variable",
        "{{$x := 1}}{{$x 2}}",
        false,
        "template: test:1:13: executing \"test\" at <$x>: can't give argument to non-function $x");
    // Builtins.
    row("and", "{{and 1 0 2}}", true, "0");
    row("and all", "{{and 1 2 3}}", true, "3");
    row("or", "{{or 0 \"\" \"x\" 1}}", true, "x");
    row("or none", "{{or 0 \"\"}}", true, "");
    row("not", "{{not 0}} {{not .Str}}", true, "true false");
    row("eq", "{{eq 1 1}} {{eq \"a\" \"b\"}} {{eq .Str \"x\" \"hello\"}}", true, "true false true");
    row("eq int uint", "{{eq .Int 42}}", true, "true");
    row("eq mixed",
        "{{eq 1 \"1\"}}",
        false,
        "template: test:1:2: executing \"test\" at <eq 1 \"1\">: error calling eq: incompatible "
        "types for comparison");
    row("eq missing",
        "{{eq .Missing \"x\"}}",
        false,
        "template: test:1:2: executing \"test\" at <eq .Missing \"x\">: error calling eq: "
        "incompatible types for comparison");
    row("eq nil nil", "{{eq .Missing nil}}", true, "true");
    row("eq list",
        "{{eq .List .List}}",
        false,
        "template: test:1:2: executing \"test\" at <eq .List .List>: error calling eq: "
        "uncomparable type []interface {}: [a b c]");
    row("eq no args",
        "{{eq 1}}",
        false,
        "template: test:1:2: executing \"test\" at <eq 1>: error calling eq: missing argument for "
        "comparison");
    row("ne", "{{ne 1 2}} {{ne \"a\" \"a\"}}", true, "true false");
    row("lt",
        "{{lt 1 2}} {{lt 2 1}} {{lt \"a\" \"b\"}} {{lt 1.5 2.5}}",
        true,
        "true false true true");
    row("le", "{{le 2 2}} {{le 3 2}}", true, "true false");
    row("gt ge", "{{gt 3 2}} {{ge 2 2}} {{ge 1 2}}", true, "true true false");
    row("lt bool",
        "{{lt true false}}",
        false,
        "template: test:1:2: executing \"test\" at <lt true false>: error calling lt: invalid type "
        "for comparison");
    row("lt mixed",
        "{{lt 1 1.5}}",
        false,
        "template: test:1:2: executing \"test\" at <lt 1 1.5>: error calling lt: incompatible "
        "types for comparison");
    row("len", "{{len .List}} {{len .Str}} {{len .Map}}", true, "3 5 3");
    row("len int",
        "{{len 3}}",
        false,
        "template: test:1:2: executing \"test\" at <len 3>: error calling len: len of type int");
    row("len missing",
        "{{len .Missing}}",
        false,
        "template: test:1:2: executing \"test\" at <len .Missing>: error calling len: reflect: "
        "call of reflect.Value.Type on zero Value");
    row("index list", "{{index .List 1}}", true, "b");
    row("index map", "{{index .Map \"b\"}}", true, "2");
    row("index map missing", "{{index .Map \"zz\"}}", true, "<no value>");
    row("index nested", "{{index .Nested \"Inner\" \"a\"}}", true, "1");
    row("index string", "{{index .Str 1}}", true, "101");
    row("index out of range",
        "{{index .List 5}}",
        false,
        "template: test:1:2: executing \"test\" at <index .List 5>: error calling index: index out "
        "of range: 5");
    row("index at len",
        "{{index .List 3}}",
        false,
        "template: test:1:2: executing \"test\" at <index .List 3>: error calling index: reflect: "
        "slice index out of range");
    row("index nil",
        "{{index .Missing 1}}",
        false,
        "template: test:1:2: executing \"test\" at <index .Missing 1>: error calling index: index "
        "of untyped nil");
    row("index bad key",
        "{{index .Map 1}}",
        false,
        "template: test:1:2: executing \"test\" at <index .Map 1>: error calling index: value has "
        "type int; should be string");
    row("slice", "{{slice .List 1}} {{slice .List 1 2}} {{slice .Str 1 3}}", true, "[b c] [b] el");
    row("slice bad",
        "{{slice .List 2 1}}",
        false,
        "template: test:1:2: executing \"test\" at <slice .List 2 1>: error calling slice: invalid "
        "slice index: 2 > 1");
    row("print", "{{print 1 2 \"a\" \"b\" 3}}", true, "1 2ab3");
    row("print nil", "{{print .Missing}}", true, "<nil>");
    row("println", "{{println 1 \"a\"}}", true, "1 a\n");
    row("printf", "{{printf \"%05.1f|%-4s|%v\" 3.14159 \"ab\" .List}}", true, "003.1|ab  |[a b c]");
    row("html", "{{html \"<a href='x'>&\\\"\"}}", true, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
    row("html missing", "{{html .Missing}}", true, "&lt;no value&gt;");
    row("js", "{{js \"a'b\\\"<c>\"}}", true, "a\\'b\\\"\\u003Cc\\u003E");
    row("urlquery", "{{urlquery \"a b&c=d/é\"}}", true, "a+b%26c%3Dd%2F%C3%A9");
    row("call",
        "{{call .Str}}",
        false,
        "template: test:1:2: executing \"test\" at <call .Str>: error calling call: non-function "
        "of type string");
    row("undefined function",
        "{{nope 1}}",
        false,
        "template: test:1: function \"nope\" not defined");
}

void tst_TemplateExec::execute()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, ok);
    QFETCH(QByteArray, expected);
    const Outcome outcome = run(input, GoVersion::Go117, testFunctions());
    if (QByteArray(QTest::currentDataTag()) == "dot") {
        QVERIFY(outcome.ok);
        QVERIFY(outcome.text.startsWith("map["));
        return;
    }
    QCOMPARE(outcome.text, expected);
    QCOMPARE(outcome.ok, ok);
}

void tst_TemplateExec::goVersions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("go117");
    QTest::addColumn<QByteArray>("go118");

    // Go 1.17 evaluates every argument of and/or; 1.18 stops early.
    QTest::newRow("and short-circuit") << QByteArray("{{and 0 (fail \"x\")}}")
                                       << QByteArray("template: test:1:9: executing \"test\" at "
                                                     "<fail \"x\">: error calling fail: x")
                                       << QByteArray("0");
    QTest::newRow("or short-circuit") << QByteArray("{{or 1 (fail \"x\")}}")
                                      << QByteArray("template: test:1:8: executing \"test\" at "
                                                    "<fail \"x\">: error calling fail: x")
                                      << QByteArray("1");
    QTest::newRow("break") << QByteArray(
            "{{range .List}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}")
                           << QByteArray("template: test:1: function \"break\" not defined")
                           << QByteArray("a");
    QTest::newRow("continue") << QByteArray(
            "{{range .List}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}")
                              << QByteArray("template: test:1: function \"continue\" not defined")
                              << QByteArray("ac");
    QTest::newRow("eq nil value")
            << QByteArray("{{eq .Missing \"x\"}}")
            << QByteArray("template: test:1:2: executing \"test\" at <eq .Missing \"x\">: error "
                          "calling eq: incompatible types for comparison")
            << QByteArray("false");
}

void tst_TemplateExec::goVersions()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, go117);
    QFETCH(QByteArray, go118);
    QCOMPARE(run(input, GoVersion::Go117, testFunctions()).text, go117);
    QCOMPARE(run(input, GoVersion::Go118, testFunctions()).text, go118);
}

QTEST_APPLESS_MAIN(tst_TemplateExec)

#include "tst_templateexec.moc"

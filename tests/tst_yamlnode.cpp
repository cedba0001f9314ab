// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/yamlnode.h"

#include <QTest>

using namespace Stagecraft::Model;

class tst_YamlNode : public QObject
{
    Q_OBJECT

private slots:
    void scalarSpans_data();
    void scalarSpans();
    void mapEntrySpans();
    void flowCollections();
    void crlfAndNoFinalNewline();
    void blockScalarKeep();
    void unicodeColumns();
    void regionOffsets();
    void duplicateKeys_data();
    void duplicateKeys();
    void resolution_data();
    void resolution();
    void integers_data();
    void integers();
    void aliases();
    void deepNesting_data();
    void deepNesting();
    void syntaxError();
};

static YamlParseResult parse(const QByteArray &text)
{
    return parseYamlDocument(text, 0, text.size());
}

static QByteArray spanText(const QByteArray &text, const YamlNode &node)
{
    return text.mid(node.start, node.end - node.start);
}

void tst_YamlNode::scalarSpans_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expectedSpan");
    QTest::addColumn<QString>("expectedValue");
    QTest::addColumn<int>("style");

    const int plain = int(YamlNode::Style::Plain);
    QTest::newRow("plain") << QByteArray("a: hello world\n") << QByteArray("hello world")
                           << QStringLiteral("hello world") << plain;
    QTest::newRow("plain with comment") << QByteArray("a: hello   # note\nb: 1\n")
                                        << QByteArray("hello") << QStringLiteral("hello") << plain;
    QTest::newRow("plain hash inside")
            << QByteArray("a: x#y\n") << QByteArray("x#y") << QStringLiteral("x#y") << plain;
    QTest::newRow("plain multi-line")
            << QByteArray("a: one\n  two\n  # c\nb: 2\n") << QByteArray("one\n  two")
            << QStringLiteral("one two") << plain;
    QTest::newRow("single quoted")
            << QByteArray("a: 'it''s # not a comment'  # real\n")
            << QByteArray("'it''s # not a comment'") << QStringLiteral("it's # not a comment")
            << int(YamlNode::Style::SingleQuoted);
    QTest::newRow("double quoted")
            << QByteArray("a: \"x \\\" y\\n\" # c\n") << QByteArray("\"x \\\" y\\n\"")
            << QStringLiteral("x \" y\n") << int(YamlNode::Style::DoubleQuoted);
    QTest::newRow("literal clip") << QByteArray("a: |\n  one\n  two\n\nb: 1\n")
                                  << QByteArray("|\n  one\n  two") << QStringLiteral("one\ntwo\n")
                                  << int(YamlNode::Style::Literal);
    QTest::newRow("literal strip")
            << QByteArray("a: |-\n  one\n# top comment\nb: 1\n") << QByteArray("|-\n  one")
            << QStringLiteral("one") << int(YamlNode::Style::Literal);
    QTest::newRow("folded") << QByteArray("a: >\n  one\n  two\nb: 1\n")
                            << QByteArray(">\n  one\n  two") << QStringLiteral("one two\n")
                            << int(YamlNode::Style::Folded);
    QTest::newRow("literal in sequence")
            << QByteArray("a:\n- |\n  echo 1\n  echo 2\n- x\n")
            << QByteArray("|\n  echo 1\n  echo 2") << QStringLiteral("echo 1\necho 2\n")
            << int(YamlNode::Style::Literal);
    QTest::newRow("tagged") << QByteArray("a: !!str 0755\n") << QByteArray("!!str 0755")
                            << QStringLiteral("0755") << plain;
    QTest::newRow("anchored") << QByteArray("a: &x 'v'\nb: *x\n") << QByteArray("&x 'v'")
                              << QStringLiteral("v") << int(YamlNode::Style::SingleQuoted);
    QTest::newRow("explicit indentation")
            << QByteArray("a: |2\n    indented\n  two\nb: 1\n")
            << QByteArray("|2\n    indented\n  two") << QStringLiteral("  indented\ntwo\n")
            << int(YamlNode::Style::Literal);
    QTest::newRow("empty literal") << QByteArray("a: |\nb: 1\n") << QByteArray("|") << QString()
                                   << int(YamlNode::Style::Literal);
}

void tst_YamlNode::scalarSpans()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expectedSpan);
    QFETCH(QString, expectedValue);
    QFETCH(int, style);
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.root.isMap());
    const YamlNode *a = r.root.child(QStringLiteral("a"));
    QVERIFY(a);
    const YamlNode &value = a->isSequence() ? a->items.front() : *a;
    QCOMPARE(spanText(text, value), expectedSpan);
    QCOMPARE(value.value, expectedValue);
    QCOMPARE(int(value.style), style);
}

void tst_YamlNode::mapEntrySpans()
{
    const QByteArray text = "image: app\nshell:\n  install:\n  - echo a   # c\n  - echo b\nlast:\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.root.entries.size(), size_t(3));
    const YamlMapEntry &shell = r.root.entries[1];
    QCOMPARE(spanText(text, shell.key), QByteArray("shell"));
    QCOMPARE(text.mid(shell.start, shell.end - shell.start),
             QByteArray("shell:\n  install:\n  - echo a   # c\n  - echo b"));
    QCOMPARE(shell.key.line, 2);
    QCOMPARE(shell.key.column, 1);
    const YamlNode *install = shell.value.child(QStringLiteral("install"));
    QVERIFY(install);
    QCOMPARE(install->line, 4);
    QCOMPARE(install->column, 3);
    QCOMPARE(spanText(text, install->items[0]), QByteArray("echo a"));
    QCOMPARE(install->items[1].line, 5);
    QCOMPARE(install->items[1].column, 5);
    // An empty value sits right after its key's colon, with an empty span.
    const YamlMapEntry &last = r.root.entries[2];
    QVERIFY(last.value.isNull());
    QCOMPARE(last.value.start, qint64(text.size() - 1));
    QCOMPARE(last.value.end, last.value.start);
}

void tst_YamlNode::flowCollections()
{
    const QByteArray text = "a: [x, 'y', {k: v}]  # c\nb: {p: 1, q: [2, 3]}\nc: [\n  m,\n  n\n]\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode *a = r.root.child(QStringLiteral("a"));
    QCOMPARE(spanText(text, *a), QByteArray("[x, 'y', {k: v}]"));
    QCOMPARE(a->style, YamlNode::Style::Flow);
    QCOMPARE(spanText(text, a->items[0]), QByteArray("x"));
    QCOMPARE(spanText(text, a->items[1]), QByteArray("'y'"));
    QCOMPARE(spanText(text, a->items[2]), QByteArray("{k: v}"));
    const YamlNode *b = r.root.child(QStringLiteral("b"));
    QCOMPARE(spanText(text, *b), QByteArray("{p: 1, q: [2, 3]}"));
    QCOMPARE(spanText(text, b->entries[1].value), QByteArray("[2, 3]"));
    QCOMPARE(spanText(text, b->entries[0].value), QByteArray("1"));
    const YamlNode *c = r.root.child(QStringLiteral("c"));
    QCOMPARE(spanText(text, *c), QByteArray("[\n  m,\n  n\n]"));
    QCOMPARE(spanText(text, c->items[1]), QByteArray("n"));
}

void tst_YamlNode::crlfAndNoFinalNewline()
{
    const QByteArray text = "a: one\r\nb: |\r\n  x\r\n  y\r\nc: 'q'";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(spanText(text, *r.root.child(QStringLiteral("a"))), QByteArray("one"));
    QCOMPARE(spanText(text, *r.root.child(QStringLiteral("b"))), QByteArray("|\r\n  x\r\n  y"));
    QCOMPARE(r.root.child(QStringLiteral("b"))->value, QStringLiteral("x\ny\n"));
    const YamlNode *c = r.root.child(QStringLiteral("c"));
    QCOMPARE(spanText(text, *c), QByteArray("'q'"));
    QCOMPARE(c->end, qint64(text.size()));
    QCOMPARE(c->line, 5);
    QCOMPARE(r.root.end, qint64(text.size()));

    const QByteArray plainEnd = "k: v";
    const YamlParseResult p = parse(plainEnd);
    QVERIFY(p.ok);
    QCOMPARE(spanText(plainEnd, p.root.entries[0].value), QByteArray("v"));
}

void tst_YamlNode::unicodeColumns()
{
    // Columns count code points, offsets count bytes.
    const QByteArray text = "a: [\xd0\xbf\xd1\x80\xd0\xb8, x]\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode &x = r.root.child(QStringLiteral("a"))->items[1];
    QCOMPARE(x.start, qint64(12));
    QCOMPARE(x.column, 10);
    QCOMPARE(r.root.child(QStringLiteral("a"))->items[0].value,
             QString::fromUtf8("\xd0\xbf\xd1\x80\xd0\xb8"));
}

void tst_YamlNode::blockScalarKeep()
{
    const QByteArray text = "a: |+\n  x\n\nb: 1\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode *a = r.root.child(QStringLiteral("a"));
    QCOMPARE(a->value, QStringLiteral("x\n\n"));
    QCOMPARE(spanText(text, *a), QByteArray("|+\n  x\n\n"));
}

void tst_YamlNode::regionOffsets()
{
    // Documents are parsed in place: offsets and lines refer to the whole text.
    const QByteArray text = "a: 1\n---\nb: 'two'\n";
    const qint64 begin = text.indexOf("b:");
    const YamlParseResult r = parseYamlDocument(text, begin, text.size(), 3);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode *b = r.root.child(QStringLiteral("b"));
    QVERIFY(b);
    QCOMPARE(b->start, begin + 3);
    QCOMPARE(spanText(text, *b), QByteArray("'two'"));
    QCOMPARE(b->line, 3);
    QCOMPARE(b->column, 4);
}

void tst_YamlNode::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("offset");
    QTest::newRow("top") << QByteArray("image: a\nfrom: x\nimage: b\n")
                         << QStringLiteral("key \"image\" already set in map") << 17;
    QTest::newRow("nested") << QByteArray("shell:\n  install: a\n\n  install: b\n")
                            << QStringLiteral("key \"install\" already set in map")
                            << 23;
    QTest::newRow("quoted equals plain")
            << QByteArray("a: 1\n'a': 2\n")
            << QStringLiteral("key \"a\" already set in map") << 5;
    QTest::newRow("flow") << QByteArray("x: {k: 1, k: 2}\n")
                          << QStringLiteral("key \"k\" already set in map") << 10;
}

void tst_YamlNode::duplicateKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QFETCH(int, offset);
    const YamlParseResult r = parse(text);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, error);
    QCOMPARE(r.errorOffset, qint64(offset));
}

void tst_YamlNode::resolution_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<int>("resolved");
    QTest::addColumn<QString>("shortTag");
    const int b = int(YamlNode::Resolved::Bool);
    const int i = int(YamlNode::Resolved::Int);
    const int f = int(YamlNode::Resolved::Float);
    const int s = int(YamlNode::Resolved::String);
    const int n = int(YamlNode::Resolved::Null);
    const char *bools[] = {"yes",  "Yes",  "YES",  "no",    "No",    "NO",   "on", "On",
                           "ON",   "off",  "Off",  "OFF",   "y",     "Y",    "n",  "N",
                           "true", "True", "TRUE", "false", "False", "FALSE"};
    for (const char *v : bools)
        QTest::newRow(v) << QByteArray(v) << b << QStringLiteral("!!bool");
    QTest::newRow("yEs") << QByteArray("yEs") << s << QStringLiteral("!!str");
    QTest::newRow("quoted yes") << QByteArray("'yes'") << s << QStringLiteral("!!str");
    QTest::newRow("0755") << QByteArray("0755") << i << QStringLiteral("!!int");
    QTest::newRow("0x1F") << QByteArray("0x1F") << i << QStringLiteral("!!int");
    QTest::newRow("1_000") << QByteArray("1_000") << i << QStringLiteral("!!int");
    QTest::newRow("-42") << QByteArray("-42") << i << QStringLiteral("!!int");
    QTest::newRow("08 is float") << QByteArray("08") << f << QStringLiteral("!!float");
    QTest::newRow("1.10") << QByteArray("1.10") << f << QStringLiteral("!!float");
    QTest::newRow(".5") << QByteArray(".5") << f << QStringLiteral("!!float");
    QTest::newRow(".inf") << QByteArray(".inf") << f << QStringLiteral("!!float");
    QTest::newRow("1e3") << QByteArray("1e3") << f << QStringLiteral("!!float");
    QTest::newRow("~") << QByteArray("~") << n << QStringLiteral("!!null");
    QTest::newRow("null") << QByteArray("null") << n << QStringLiteral("!!null");
    QTest::newRow("empty") << QByteArray("") << n << QStringLiteral("!!null");
    QTest::newRow("date") << QByteArray("2001-12-14") << int(YamlNode::Resolved::Timestamp)
                          << QStringLiteral("!!timestamp");
    QTest::newRow("version") << QByteArray("1.2.3") << s << QStringLiteral("!!str");
    QTest::newRow("str tag") << QByteArray("!!str 12") << s << QStringLiteral("!!str");
    QTest::newRow("alpine:3.12") << QByteArray("alpine:3.12") << s << QStringLiteral("!!str");
}

void tst_YamlNode::resolution()
{
    QFETCH(QByteArray, scalar);
    QFETCH(int, resolved);
    QFETCH(QString, shortTag);
    const QByteArray text = "k: " + scalar + "\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode *v = r.root.child(QStringLiteral("k"));
    QVERIFY(v);
    QCOMPARE(int(v->resolved()), resolved);
    QCOMPARE(v->shortTag(), shortTag);
}

void tst_YamlNode::integers_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<qint64>("value");
    QTest::newRow("octal") << QByteArray("0755") << qint64(493);
    QTest::newRow("hex") << QByteArray("0x1F") << qint64(31);
    QTest::newRow("binary") << QByteArray("0b101") << qint64(5);
    QTest::newRow("underscores") << QByteArray("1_000_000") << qint64(1000000);
    QTest::newRow("negative") << QByteArray("-17") << qint64(-17);
    QTest::newRow("plus") << QByteArray("+3") << qint64(3);
}

void tst_YamlNode::integers()
{
    QFETCH(QByteArray, scalar);
    QFETCH(qint64, value);
    const YamlParseResult r = parse("k: " + scalar);
    QVERIFY(r.ok);
    bool ok = false;
    QCOMPARE(r.root.child(QStringLiteral("k"))->toInt(&ok), value);
    QVERIFY(ok);
}

void tst_YamlNode::aliases()
{
    const QByteArray text = "base: &b\n  x: 1\ncopy: *b\n";
    const YamlParseResult r = parse(text);
    QVERIFY2(r.ok, qPrintable(r.error));
    const YamlNode *copy = r.root.child(QStringLiteral("copy"));
    QCOMPARE(copy->kind, YamlNode::Kind::Alias);
    QCOMPARE(spanText(text, *copy), QByteArray("*b"));
    const YamlNode &target = resolveAlias(*copy);
    QVERIFY(target.isMap());
    QCOMPARE(target.child(QStringLiteral("x"))->value, QStringLiteral("1"));
}

void tst_YamlNode::deepNesting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("flow 100000") << (QByteArray(100000, '[') + QByteArray(100000, ']'))
                                 << QStringLiteral("nesting is deeper than");
    QByteArray block;
    for (int i = 0; i < 3000; ++i)
        block += "- ";
    block += "x\n";
    QTest::newRow("block 3000") << block << QStringLiteral("nesting is deeper than");
    QTest::newRow("flow maps") << (QByteArray().fill('{', 0) + QByteArray(5000, '{')
                                   + QByteArray(5000, '}'))
                                << QStringLiteral("did not find expected ',' or '}'");
}

void tst_YamlNode::deepNesting()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const YamlParseResult r = parse(text);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
    QVERIFY(r.errorOffset >= 0);
}

void tst_YamlNode::syntaxError()
{
    const QByteArray text = "a: 1\nb: [x, y\nc: 2\n";
    const YamlParseResult r = parse(text);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(QStringLiteral("yaml: line ")), qPrintable(r.error));
}

QTEST_APPLESS_MAIN(tst_YamlNode)

#include "tst_yamlnode.moc"

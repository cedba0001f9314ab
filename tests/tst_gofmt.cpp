// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/gofmt.h"

#include <QTest>

#include <cmath>

using namespace Stagecraft::Model::Template;

namespace {

Value strList(std::initializer_list<const char *> items)
{
    List l;
    for (const char *s : items)
        l.append(Value::fromString(QByteArray(s)));
    return Value::fromList(l);
}

} // namespace

class tst_GoFmt : public QObject
{
    Q_OBJECT

private slots:
    void formatValue_data();
    void formatValue();
    void sprintf_data();
    void sprintf();
    void sprintSpacing();
    void formatFloat_data();
    void formatFloat();
    void quote_data();
    void quote();
};

void tst_GoFmt::formatValue_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("expected");

    Map inner{{"b", strList({"x", "y"})}, {"a", Value::fromInt(1)}};
    QTest::newRow("map sorted") << Value::fromMap(inner) << QByteArray("map[a:1 b:[x y]]");
    QTest::newRow("list") << strList({"a", "b"}) << QByteArray("[a b]");
    QTest::newRow("empty list") << Value::fromList() << QByteArray("[]");
    QTest::newRow("nil interface") << Value() << QByteArray("<nil>");
    QTest::newRow("nil map") << Value::nil("map[string]interface {}") << QByteArray("map[]");
    QTest::newRow("nil slice") << Value::nil("[]string") << QByteArray("[]");
    QTest::newRow("nil untyped") << Value::nil() << QByteArray("<nil>");
    QTest::newRow("list with nil")
            << Value::fromList({Value(), Value::fromInt(2)}) << QByteArray("[<nil> 2]");
    QTest::newRow("true") << Value::fromBool(true) << QByteArray("true");
    QTest::newRow("int") << Value::fromInt(-42) << QByteArray("-42");
    QTest::newRow("uint") << Value::fromUint(18446744073709551615ull)
                          << QByteArray("18446744073709551615");
    QTest::newRow("float 3") << Value::fromFloat(3) << QByteArray("3");
    QTest::newRow("float 0.1") << Value::fromFloat(0.1) << QByteArray("0.1");
    QTest::newRow("float 1e21") << Value::fromFloat(1e21) << QByteArray("1e+21");
    QTest::newRow("float 1e6") << Value::fromFloat(1e6) << QByteArray("1e+06");
    QTest::newRow("float 123456") << Value::fromFloat(123456) << QByteArray("123456");
    QTest::newRow("float 1.5e-5") << Value::fromFloat(1.5e-5) << QByteArray("1.5e-05");
    QTest::newRow("float 0.0001") << Value::fromFloat(0.0001) << QByteArray("0.0001");
    QTest::newRow("float -0") << Value::fromFloat(-0.0) << QByteArray("-0");
    QTest::newRow("float inf") << Value::fromFloat(INFINITY) << QByteArray("+Inf");
    QTest::newRow("float nan") << Value::fromFloat(NAN) << QByteArray("NaN");
    QTest::newRow("float 1/3") << Value::fromFloat(1.0 / 3) << QByteArray("0.3333333333333333");
    QTest::newRow("string") << Value::fromString("hi there") << QByteArray("hi there");
}

void tst_GoFmt::formatValue()
{
    QFETCH(Value, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(Stagecraft::Model::Template::formatValue(value), expected);
}

void tst_GoFmt::sprintf_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QList<Value>>("args");
    QTest::addColumn<QByteArray>("expected");

    const Value s = Value::fromString("abc");
    const Value i = Value::fromInt(42);
    const Value f = Value::fromFloat(3.14159);
    QTest::newRow("s") << QByteArray("%s-%s") << QList<Value>{s, s} << QByteArray("abc-abc");
    QTest::newRow("d") << QByteArray("%d") << QList<Value>{i} << QByteArray("42");
    QTest::newRow("width") << QByteArray("[%5d|%-5d|%05d]") << QList<Value>{i, i, i}
                           << QByteArray("[   42|42   |00042]");
    QTest::newRow("neg zero pad") << QByteArray("%05d") << QList<Value>{Value::fromInt(-42)}
                                  << QByteArray("-0042");
    QTest::newRow("plus") << QByteArray("%+d % d") << QList<Value>{i, i} << QByteArray("+42  42");
    QTest::newRow("prec int") << QByteArray("%.3d") << QList<Value>{Value::fromInt(7)}
                              << QByteArray("007");
    QTest::newRow("prec zero") << QByteArray("[%.0d]") << QList<Value>{Value::fromInt(0)}
                               << QByteArray("[]");
    QTest::newRow("hex") << QByteArray("%x %X %#x %o %#o %O %b")
                         << QList<Value>{Value::fromInt(255),
                                         Value::fromInt(255),
                                         Value::fromInt(255),
                                         Value::fromInt(8),
                                         Value::fromInt(8),
                                         Value::fromInt(8),
                                         Value::fromInt(5)}
                         << QByteArray("ff FF 0xff 10 010 0o10 101");
    QTest::newRow("hex string") << QByteArray("%x % X %#x") << QList<Value>{s, s, s}
                                << QByteArray("616263 61 62 63 0x616263");
    QTest::newRow("c U") << QByteArray("%c %U %#U %q")
                         << QList<Value>{Value::fromInt(0x41),
                                         Value::fromInt(0x41),
                                         Value::fromInt(0x263A),
                                         Value::fromInt(0x41)}
                         << QByteArray("A U+0041 U+263A '\xe2\x98\xba' 'A'");
    QTest::newRow("f") << QByteArray("%f %.2f %8.3f %-8.1f|") << QList<Value>{f, f, f, f}
                       << QByteArray("3.141590 3.14    3.142 3.1     |");
    QTest::newRow("e g") << QByteArray("%e %E %g %.3g %G")
                         << QList<Value>{Value::fromFloat(1234.5678),
                                         Value::fromFloat(1234.5678),
                                         Value::fromFloat(1234.5678),
                                         Value::fromFloat(1234.5678),
                                         Value::fromFloat(1e-7)}
                         << QByteArray("1.234568e+03 1.234568E+03 1234.5678 1.23e+03 1E-07");
    QTest::newRow("float plus") << QByteArray("%+.1f %08.2f %+08.2f")
                                << QList<Value>{f, Value::fromFloat(-3.14159), f}
                                << QByteArray("+3.1 -0003.14 +0003.14");
    QTest::newRow("sharp g") << QByteArray("%#g %#.3g")
                             << QList<Value>{Value::fromFloat(1.0), Value::fromFloat(2.0)}
                             << QByteArray("1.00000 2.00");
    QTest::newRow("q") << QByteArray("%q %#q %+q")
                       << QList<Value>{Value::fromString("a\"b\n"),
                                       Value::fromString("ab"),
                                       Value::fromString("\xc3\xa9")}
                       << QByteArray("\"a\\\"b\\n\" `ab` \"\\u00e9\"");
    QTest::newRow("truncate") << QByteArray("%.2s|%5.1s|%-4s|") << QList<Value>{s, s, s}
                              << QByteArray("ab|    a|abc |");
    QTest::newRow("t") << QByteArray("%t %v")
                       << QList<Value>{Value::fromBool(true), Value::fromBool(false)}
                       << QByteArray("true false");
    QTest::newRow("T") << QByteArray("%T %T %T %T") << QList<Value>{s, i, strList({"a"}), Value()}
                       << QByteArray("string int []interface {} <nil>");
    QTest::newRow("bad verb") << QByteArray("%d") << QList<Value>{s}
                              << QByteArray("%!d(string=abc)");
    QTest::newRow("bad verb nil") << QByteArray("%d") << QList<Value>{Value()}
                                  << QByteArray("%!d(<nil>)");
    QTest::newRow("missing") << QByteArray("%s %d") << QList<Value>{s}
                             << QByteArray("abc %!d(MISSING)");
    QTest::newRow("extra") << QByteArray("%s") << QList<Value>{s, i, Value()}
                           << QByteArray("abc%!(EXTRA int=42, <nil>)");
    QTest::newRow("noverb") << QByteArray("abc%") << QList<Value>{} << QByteArray("abc%!(NOVERB)");
    QTest::newRow("percent") << QByteArray("100%%") << QList<Value>{} << QByteArray("100%");
    QTest::newRow("star") << QByteArray("%*d|%-*d|%.*f")
                          << QList<Value>{Value::fromInt(4),
                                          i,
                                          Value::fromInt(4),
                                          i,
                                          Value::fromInt(1),
                                          f}
                          << QByteArray("  42|42  |3.1");
    QTest::newRow("bad width") << QByteArray("%*d") << QList<Value>{s, i}
                               << QByteArray("%!(BADWIDTH)42");
    QTest::newRow("index") << QByteArray("%[2]d %[1]s") << QList<Value>{s, i}
                           << QByteArray("42 abc");
    QTest::newRow("bad index") << QByteArray("%[3]d") << QList<Value>{s, i}
                               << QByteArray("%!d(BADINDEX)");
    QTest::newRow("list verb") << QByteArray("%d %q")
                               << QList<Value>{Value::fromList(
                                                       {Value::fromInt(1), Value::fromString("x")}),
                                               strList({"a", "b"})}
                               << QByteArray("[1 %!d(string=x)] [\"a\" \"b\"]");
    QTest::newRow("list width") << QByteArray(
            "%3v") << QList<Value>{Value::fromList({Value::fromInt(1), Value::fromInt(2)})}
                                << QByteArray("[  1   2]");
    QTest::newRow("sharp v")
            << QByteArray("%#v %#v %#v")
            << QList<Value>{s, Value::fromMap({{"a", Value::fromInt(1)}}), strList({"x"})}
            << QByteArray("\"abc\" map[string]interface {}{\"a\":1} []interface {}{\"x\"}");
    QTest::newRow("zero pad string")
            << QByteArray("%05s") << QList<Value>{s} << QByteArray("00abc");
    QTest::newRow("width unicode")
            << QByteArray("%4s|") << QList<Value>{Value::fromString("\xc3\xa9")}
            << QByteArray("   \xc3\xa9|");
    QTest::newRow("nil v") << QByteArray("%v %s") << QList<Value>{Value(), Value()}
                           << QByteArray("<nil> %!s(<nil>)");
}

void tst_GoFmt::sprintf()
{
    QFETCH(QByteArray, format);
    QFETCH(QList<Value>, args);
    QFETCH(QByteArray, expected);
    QCOMPARE(goSprintf(format, args), expected);
}

void tst_GoFmt::sprintSpacing()
{
    // Sprint separates operands only when neither neighbour is a string.
    QCOMPARE(sprint({Value::fromInt(1),
                     Value::fromInt(2),
                     Value::fromString("a"),
                     Value::fromInt(3),
                     Value::fromString("b"),
                     Value::fromString("c")}),
             QByteArray("1 2a3bc"));
    QCOMPARE(sprint({}), QByteArray());
    QCOMPARE(sprintln({Value::fromString("a"), Value::fromInt(1), Value::fromString("b")}),
             QByteArray("a 1 b\n"));
}

void tst_GoFmt::formatFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<char>("fmt");
    QTest::addColumn<int>("prec");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("f shortest") << 1e21 << 'f' << -1 << QByteArray("1000000000000000000000");
    QTest::newRow("e shortest") << 1e21 << 'e' << -1 << QByteArray("1e+21");
    QTest::newRow("f 0.1") << 0.1 << 'f' << -1 << QByteArray("0.1");
    QTest::newRow("e small") << 1e-7 << 'e' << -1 << QByteArray("1e-07");
    QTest::newRow("g 100000") << 100000.0 << 'g' << -1 << QByteArray("100000");
    QTest::newRow("g 0") << 0.0 << 'g' << -1 << QByteArray("0");
    QTest::newRow("e 0") << 0.0 << 'e' << 3 << QByteArray("0.000e+00");
    QTest::newRow("round half even") << 0.125 << 'f' << 2 << QByteArray("0.12");
    QTest::newRow("g prec 1") << 150.0 << 'g' << 1 << QByteArray("2e+02");
    QTest::newRow("g prec 5") << 2.5 << 'g' << 5 << QByteArray("2.5");
    QTest::newRow("x one") << 1.0 << 'x' << -1 << QByteArray("0x1p+00");
    QTest::newRow("x 1.5") << 1.5 << 'x' << -1 << QByteArray("0x1.8p+00");
    QTest::newRow("X 10") << 10.0 << 'X' << -1 << QByteArray("0X1.4P+03");
    QTest::newRow("x zero") << 0.0 << 'x' << -1 << QByteArray("0x0p+00");
    QTest::newRow("x prec") << 1.0 / 3 << 'x' << 2 << QByteArray("0x1.55p-02");
    QTest::newRow("b one") << 1.0 << 'b' << -1 << QByteArray("4503599627370496p-52");
}

void tst_GoFmt::formatFloat()
{
    QFETCH(double, value);
    QFETCH(char, fmt);
    QFETCH(int, prec);
    QFETCH(QByteArray, expected);
    QCOMPARE(Stagecraft::Model::Template::formatFloat(value, fmt, prec), expected);
}

void tst_GoFmt::quote_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("\"abc\"");
    QTest::newRow("escapes") << QByteArray("a\tb\\c\x01\x7f")
                             << QByteArray("\"a\\tb\\\\c\\x01\\x7f\"");
    QTest::newRow("utf8") << QByteArray("\xd0\x96") << QByteArray("\"\xd0\x96\"");
    QTest::newRow("invalid") << QByteArray("\xff") << QByteArray("\"\\xff\"");
    QTest::newRow("nbsp") << QByteArray("\xc2\xa0") << QByteArray("\"\\u00a0\"");
}

void tst_GoFmt::quote()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(quoteString(input), expected);
}

QTEST_GUILESS_MAIN(tst_GoFmt)
#include "tst_gofmt.moc"

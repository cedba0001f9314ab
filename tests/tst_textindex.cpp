// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/textindex.h"

#include <QTest>

using namespace Stagecraft::Model;

class tst_TextIndex : public QObject
{
    Q_OBJECT

private slots:
    void lineColumn_data();
    void lineColumn();
    void lineEndSkipsCarriageReturn();
    void offsetRoundTrip();
};

void tst_TextIndex::lineColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("start") << QByteArray("a: b\n") << 0 << 1 << 1;
    QTest::newRow("value") << QByteArray("a: b\n") << 3 << 1 << 4;
    QTest::newRow("second line") << QByteArray("a: b\nc: d\n") << 6 << 2 << 2;
    QTest::newRow("crlf") << QByteArray("a: b\r\nc: d\r\n") << 6 << 2 << 1;
    QTest::newRow("no final newline") << QByteArray("a: b\nc") << 6 << 2 << 2;
    QTest::newRow("cyrillic counts code points")
            << QByteArray("# \xd0\xbf\xd1\x80\xd0\xb8\n") << 6 << 1 << 5;
    QTest::newRow("clamped") << QByteArray("ab") << 99 << 1 << 3;
}

void tst_TextIndex::lineColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    const TextIndex index(text);
    const LineColumn lc = index.lineColumn(offset);
    QCOMPARE(lc.line, line);
    QCOMPARE(lc.column, column);
}

void tst_TextIndex::lineEndSkipsCarriageReturn()
{
    const TextIndex index(QByteArray("ab\r\ncd"));
    QCOMPARE(index.lineCount(), 2);
    QCOMPARE(index.lineEnd(1), 2);
    QCOMPARE(index.lineStart(2), 4);
    QCOMPARE(index.lineEnd(2), 6);
}

void tst_TextIndex::offsetRoundTrip()
{
    const QByteArray text("x: \xd0\xbf\xd1\x80\n  y: 1\n");
    const TextIndex index(text);
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text.at(i)) & 0xC0) == 0x80)
            continue;
        const LineColumn lc = index.lineColumn(i);
        QCOMPARE(index.offset(lc.line, lc.column), i);
    }
}

QTEST_APPLESS_MAIN(tst_TextIndex)
#include "tst_textindex.moc"

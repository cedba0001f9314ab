// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/sourcemap.h"

#include <QTest>

using namespace Stagecraft::Model;

class tst_SourceMap : public QObject
{
    Q_OBJECT

private slots:
    void identity();
    void literalAndGenerated();
    void appendMergesContiguousLiterals();
};

void tst_SourceMap::identity()
{
    const QByteArray text("image: a\nfrom: b\n");
    const SourceMap map = SourceMap::identity(QStringLiteral("werf.yaml"), text);
    QCOMPARE(map.renderedLength(), text.size());
    const SourceLocation loc = map.location(9);
    QCOMPARE(loc.file, QStringLiteral("werf.yaml"));
    QCOMPARE(loc.line, 2);
    QCOMPARE(loc.column, 1);
    QVERIFY(map.isLiteral(0, text.size()));
    const auto range = map.sourceRange(15, 16);
    QVERIFY(range);
    QCOMPARE(range->second.first, 15);
}

void tst_SourceMap::literalAndGenerated()
{
    // "image: {{ .Name }}\n" rendered as "image: app\n".
    const QByteArray source("image: {{ .Name }}\n");
    SourceMap map;
    const int f = map.addFile(QStringLiteral("werf.yaml"), source);
    map.appendLiteral(f, 0, 7);
    map.appendGenerated(f, 7, 18, 3, {QStringLiteral("range at werf.yaml:1:1")});
    map.appendLiteral(f, 18, 1);
    QCOMPARE(map.renderedLength(), 11);
    QVERIFY(map.isLiteral(0, 7));
    QVERIFY(!map.isLiteral(5, 9));
    const SourceMap::Origin o = map.origin(8);
    QCOMPARE(o.kind, SourceMap::Kind::Generated);
    QCOMPARE(o.location.column, 8);
    QCOMPARE(o.context.size(), 1);
    QCOMPARE(map.location(10).line, 1);
    QCOMPARE(map.location(10).column, 19);
    QCOMPARE(map.location(11).offset, 19); // one past the end
}

void tst_SourceMap::appendMergesContiguousLiterals()
{
    const QByteArray source("abcdef");
    SourceMap inner;
    const int f = inner.addFile(QStringLiteral("x"), source);
    inner.appendLiteral(f, 3, 3);
    SourceMap outer;
    const int g = outer.addFile(QStringLiteral("x"), source);
    outer.appendLiteral(g, 0, 3);
    outer.append(inner);
    QCOMPARE(outer.segments().size(), 1);
    QVERIFY(outer.isLiteral(0, 6));
}

QTEST_APPLESS_MAIN(tst_SourceMap)
#include "tst_sourcemap.moc"

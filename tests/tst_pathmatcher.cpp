// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/globmatch.h"
#include "git/gopath.h"
#include "git/pathmatcher.h"

#include <QTest>

using namespace Stagecraft::Model;

class tst_PathMatcher : public QObject
{
    Q_OBJECT

private slots:
    void glob_data();
    void glob();
    void goPath();
    void matchPath_data();
    void matchPath();
    void processDir_data();
    void processDir();
};

void tst_PathMatcher::glob_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("result"); // GlobMatch::Result

    const int no = int(GlobMatch::Result::NoMatch);
    const int yes = int(GlobMatch::Result::Match);
    const int bad = int(GlobMatch::Result::BadPattern);
    QTest::newRow("literal") << QByteArray("a/b") << QByteArray("a/b") << yes;
    QTest::newRow("star no slash") << QByteArray("*") << QByteArray("a/b") << no;
    QTest::newRow("star") << QByteArray("*.js") << QByteArray("x.js") << yes;
    QTest::newRow("star empty") << QByteArray("a*") << QByteArray("a") << yes;
    QTest::newRow("doublestar zero") << QByteArray("a/**/b") << QByteArray("a/b") << yes;
    QTest::newRow("doublestar many") << QByteArray("a/**/b") << QByteArray("a/x/y/b") << yes;
    QTest::newRow("doublestar tail") << QByteArray("a/**") << QByteArray("a/x/y") << yes;
    // doublestar v1 needs at least one name component for a trailing "**" after "a".
    QTest::newRow("doublestar tail none") << QByteArray("a/**") << QByteArray("a") << no;
    QTest::newRow("doublestar inside component") << QByteArray("a**") << QByteArray("abc") << yes;
    QTest::newRow("question") << QByteArray("?.txt") << QByteArray("a.txt") << yes;
    QTest::newRow("question not slash") << QByteArray("a?b") << QByteArray("a/b") << no;
    QTest::newRow("class") << QByteArray("[a-c].txt") << QByteArray("b.txt") << yes;
    QTest::newRow("negated class") << QByteArray("[^a-c].txt") << QByteArray("b.txt") << no;
    QTest::newRow("alternatives") << QByteArray("{foo,bar}.js") << QByteArray("bar.js") << yes;
    QTest::newRow("escape") << QByteArray("\\*") << QByteArray("*") << yes;
    QTest::newRow("escape mismatch") << QByteArray("\\*") << QByteArray("a") << no;
    QTest::newRow("unicode question") << QByteArray("?") << QByteArray("ж") << yes;
    QTest::newRow("unclosed class") << QByteArray("[ab") << QByteArray("a") << bad;
    QTest::newRow("unclosed brace") << QByteArray("{ab") << QByteArray("a") << bad;
    QTest::newRow("empty class") << QByteArray("[]") << QByteArray("a") << bad;
    QTest::newRow("empty both") << QByteArray("") << QByteArray("") << yes;
}

void tst_PathMatcher::glob()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, name);
    QFETCH(int, result);
    QCOMPARE(int(GlobMatch::pathMatch(pattern, name)), result);
}

void tst_PathMatcher::goPath()
{
    QCOMPARE(GoPath::clean(""), QByteArray("."));
    QCOMPARE(GoPath::clean("a/"), QByteArray("a"));
    QCOMPARE(GoPath::clean("/a/../../b//c/."), QByteArray("/b/c"));
    QCOMPARE(GoPath::clean("../a/.."), QByteArray(".."));
    QCOMPARE(GoPath::clean("/"), QByteArray("/"));
    QCOMPARE(GoPath::join({"a", "", "b/"}), QByteArray("a/b"));
    QCOMPARE(GoPath::join({"", ""}), QByteArray(""));
    QCOMPARE(GoPath::join({"src", "**", "*"}), QByteArray("src/**/*"));
    QCOMPARE(GoPath::rel("/app", "/app/vendor/x"), QByteArray("vendor/x"));
    QCOMPARE(GoPath::rel("/app", "/app"), QByteArray("."));
    QCOMPARE(GoPath::rel("a/b", "a/c"), QByteArray("../c"));
    QVERIFY(GoPath::rel("/a", "b").isNull());
    QCOMPARE(GoPath::splitEscaped("a\\/b/c/"), (QList<QByteArray>{"a\\/b", "c", ""}));
}

void tst_PathMatcher::matchPath_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QList<QByteArray>>("includes");
    QTest::addColumn<QList<QByteArray>>("excludes");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("matched");

    using L = QList<QByteArray>;
    QTest::newRow("no filter") << QByteArray() << L() << L() << QByteArray("x/y") << true;
    QTest::newRow("outside base") << QByteArray("sub") << L() << L() << QByteArray("subx/y")
                                  << false;
    QTest::newRow("inside base") << QByteArray("sub") << L() << L() << QByteArray("sub/y") << true;
    QTest::newRow("include dir") << QByteArray() << L{"src"} << L() << QByteArray("src/a/b.js")
                                 << true;
    QTest::newRow("include glob dir")
            << QByteArray() << L{"s*"} << L() << QByteArray("src/a/b.js") << true;
    QTest::newRow("include miss") << QByteArray() << L{"src"} << L() << QByteArray("srcx/a")
                                  << false;
    QTest::newRow("exclude") << QByteArray() << L() << L{"*.md"} << QByteArray("README.md")
                             << false;
    QTest::newRow("exclude deeper")
            << QByteArray() << L() << L{"*.md"} << QByteArray("doc/x.md") << true;
    QTest::newRow("dot include") << QByteArray("sub") << L{"."} << L() << QByteArray("sub/any")
                                 << true;
}

void tst_PathMatcher::matchPath()
{
    QFETCH(QByteArray, base);
    QFETCH(QList<QByteArray>, includes);
    QFETCH(QList<QByteArray>, excludes);
    QFETCH(QByteArray, path);
    QFETCH(bool, matched);
    QCOMPARE(PathMatcher(base, includes, excludes).matchPath(path), matched);
}

void tst_PathMatcher::processDir_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QList<QByteArray>>("includes");
    QTest::addColumn<QList<QByteArray>>("excludes");
    QTest::addColumn<QByteArray>("dir");
    QTest::addColumn<bool>("matched");
    QTest::addColumn<bool>("walkThrough");

    using L = QList<QByteArray>;
    QTest::newRow("no filter root") << QByteArray() << L() << L() << QByteArray() << true << false;
    QTest::newRow("above base") << QByteArray("a/b") << L() << L() << QByteArray("a") << false
                                << true;
    QTest::newRow("beside base") << QByteArray("a/b") << L() << L() << QByteArray("c") << false
                                 << false;
    QTest::newRow("named dir") << QByteArray() << L{"src"} << L() << QByteArray("src") << true
                               << false;
    QTest::newRow("universal tail")
            << QByteArray() << L{"src/**"} << L() << QByteArray("src") << true << false;
    QTest::newRow("glob needs files")
            << QByteArray() << L{"src/**/*.js"} << L() << QByteArray("src") << false << true;
    QTest::newRow("parent of include")
            << QByteArray() << L{"src/lib"} << L() << QByteArray("src") << false << true;
    QTest::newRow("unrelated dir")
            << QByteArray() << L{"src"} << L() << QByteArray("doc") << false << false;
    QTest::newRow("exclude cuts") << QByteArray() << L() << L{"src/b.js"} << QByteArray("src")
                                  << false << true;
    QTest::newRow("exclude elsewhere")
            << QByteArray() << L() << L{"src/b.js"} << QByteArray("doc") << true << false;
    QTest::newRow("excluded dir") << QByteArray() << L() << L{"src"} << QByteArray("src") << false
                                  << false;
    QTest::newRow("universal exclude")
            << QByteArray() << L() << L{"**"} << QByteArray("src") << false << false;
}

void tst_PathMatcher::processDir()
{
    QFETCH(QByteArray, base);
    QFETCH(QList<QByteArray>, includes);
    QFETCH(QList<QByteArray>, excludes);
    QFETCH(QByteArray, dir);
    QFETCH(bool, matched);
    QFETCH(bool, walkThrough);
    const PathMatcher::DirDecision decision = PathMatcher(base, includes, excludes).processDir(dir);
    QCOMPARE(decision.matched, matched);
    QCOMPARE(decision.walkThrough, walkThrough);
}

QTEST_APPLESS_MAIN(tst_PathMatcher)

#include "tst_pathmatcher.moc"

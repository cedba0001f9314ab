// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/englishplurals.h"

#include <QCoreApplication>
#include <QTest>

using Stagecraft::Model::EnglishPlurals;

namespace {

/** Stands for the user's language: translates one numerus string, as a .qm would. */
class OneTranslation final : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        if (qstrcmp(source, "%n image(s)") == 0)
            return n == 1 ? QStringLiteral("%n образ") : QStringLiteral("%n образов");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class tst_EnglishPlurals : public QObject
{
    Q_OBJECT

private slots:
    void pluralForm_data();
    void pluralForm();
    void installed();
};

void tst_EnglishPlurals::pluralForm_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("form");
    QTest::newRow("one") << QStringLiteral("%n image(s)") << 1 << QStringLiteral("%n image");
    QTest::newRow("two") << QStringLiteral("%n image(s)") << 2 << QStringLiteral("%n images");
    QTest::newRow("zero is plural")
            << QStringLiteral("%n stage(s)") << 0 << QStringLiteral("%n stages");
    QTest::newRow("every marker") << QStringLiteral(
            "%1 of %n stage(s) would be rebuilt (%n stage(s))")
                                  << 1
                                  << QStringLiteral("%1 of %n stage would be rebuilt (%n stage)");
    QTest::newRow("no count: untranslated") << QStringLiteral("%n image(s)") << -1 << QString();
    QTest::newRow("no marker: untranslated") << QStringLiteral("Stages (%n)") << 3 << QString();
}

void tst_EnglishPlurals::pluralForm()
{
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, form);
    QCOMPARE(EnglishPlurals::pluralForm(source, n), form);
}

void tst_EnglishPlurals::installed()
{
    // Without it Qt shows the source text: "1 image(s)".
    QCOMPARE(QCoreApplication::translate("ctx", "%n image(s)", nullptr, 1),
             QStringLiteral("1 image(s)"));
    EnglishPlurals plurals;
    QVERIFY(QCoreApplication::installTranslator(&plurals));
    QCOMPARE(QCoreApplication::translate("ctx", "%n image(s)", nullptr, 1),
             QStringLiteral("1 image"));
    QCOMPARE(QCoreApplication::translate("ctx", "%n warning(s)", nullptr, 12),
             QStringLiteral("12 warnings"));
    QCOMPARE(QCoreApplication::translate("ctx", "Open (s)ome file"),
             QStringLiteral("Open (s)ome file"));
    // A translator of the user's language installed afterwards takes precedence.
    OneTranslation russian;
    QVERIFY(QCoreApplication::installTranslator(&russian));
    QCOMPARE(QCoreApplication::translate("ctx", "%n image(s)", nullptr, 5),
             QStringLiteral("5 образов"));
    QCOMPARE(QCoreApplication::translate("ctx", "%n stage(s)", nullptr, 1),
             QStringLiteral("1 stage"));
    QCoreApplication::removeTranslator(&russian);
    QCoreApplication::removeTranslator(&plurals);
}

QTEST_GUILESS_MAIN(tst_EnglishPlurals)
#include "tst_englishplurals.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every real werf project of ../shared/corpus/werf-yaml/ is loaded with werf 1.1's rules and must
// give the outcome werf 1.1 gives. The expectations (tests/data/corpus/expected-1.1.tsv) were
// worked out by hand from werf 1.1's source for each project; NOTES.md beside it explains the
// tricky ones.
#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Stagecraft::Model;

namespace {

struct Expectation
{
    QString id;
    QString config;
    bool templated = false;
    QString outcome; ///< valid | error | render-error | not-werf
    QString line;
    QString message;
    QString images;
};

QList<Expectation> readExpectations()
{
    QList<Expectation> result;
    QFile file(QStringLiteral(STAGECRAFT_TEST_DATA_DIR "/corpus/expected-1.1.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return result;
    bool header = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (header) {
            header = false;
            continue;
        }
        const QStringList f = line.split(u'\t');
        if (f.size() < 8)
            continue;
        result.append({f.at(0), f.at(1), f.at(2) == u"yes", f.at(4), f.at(5), f.at(6), f.at(7)});
    }
    return result;
}

QString corpusDir()
{
    return QStringLiteral(STAGECRAFT_SHARED_DIR "/corpus/werf-yaml");
}

/** "unknown fields: `a`, `b`!" lists the names in Go map order, i.e. randomly: compare as sets. */
QStringList unknownFields(const QString &message)
{
    static const QRegularExpression name(QStringLiteral("`([^`]*)`"));
    QStringList names;
    for (auto it = name.globalMatch(message); it.hasNext();)
        names.append(it.next().captured(1));
    names.sort();
    return names;
}

/**
 * The expected message as written in the TSV: "[...]" stands for an elided tail and
 * "<random10>" for the random template name of werf's `tpl`.
 */
bool messageMatches(const QString &expected, const QString &actual)
{
    const QString want = expected.section(QStringLiteral(" [...]"), 0, 0).trimmed();
    const QString got = actual.trimmed();
    if (want.startsWith(u"unknown fields:"))
        return got.startsWith(u"unknown fields:") && unknownFields(want) == unknownFields(got);
    QString pattern = QRegularExpression::escape(want);
    pattern.replace(QRegularExpression::escape(QStringLiteral("<random10>")),
                    QStringLiteral("[A-Za-z0-9]{10}"));
    const QRegularExpression re(u'^' + pattern);
    return re.match(got).hasMatch();
}

const Diagnostic *firstError(const LoadedProject &project)
{
    for (const Diagnostic &d : project.diagnostics) {
        if (d.severity == Severity::Error)
            return &d;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Expectation)

class tst_Corpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void load_data();
    void load();

private:
    QList<Expectation> m_expectations;
};

void tst_Corpus::initTestCase()
{
    QVERIFY2(QDir(corpusDir()).exists(),
             qPrintable(QStringLiteral("the shared corpus is missing: ") + corpusDir()));
    m_expectations = readExpectations();
    QVERIFY2(m_expectations.size() >= 60, "tests/data/corpus/expected-1.1.tsv is incomplete");
    // Every project of the corpus has an expectation.
    const QStringList projects = QDir(corpusDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : projects) {
        const bool listed = std::any_of(m_expectations.cbegin(),
                                        m_expectations.cend(),
                                        [&id](const Expectation &e) { return e.id == id; });
        QVERIFY2(listed, qPrintable(QStringLiteral("no expectation for corpus project ") + id));
    }
}

void tst_Corpus::load_data()
{
    QTest::addColumn<Expectation>("expectation");
    for (const Expectation &e : readExpectations())
        QTest::newRow(qPrintable(e.id)) << e;
}

void tst_Corpus::load()
{
    QFETCH(Expectation, expectation);
    LoadOptions options;
    options.version = WerfVersion::V1_1;
    const LoadedProject project = loadProject(corpusDir() + u'/' + expectation.id, options);
    const Diagnostic *error = firstError(project);

    QCOMPARE(project.templated, expectation.templated);
    if (expectation.outcome == u"valid") {
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
        if (!expectation.images.isEmpty() && expectation.images != u"-") {
            QStringList actual;
            for (const ConveyorImage &image : project.conveyor.images) {
                if (image.kind != ImageKind::External)
                    actual.append(imageKindName(image.kind) + u':' + image.displayName());
            }
            QStringList expected = expectation.images.split(u',');
            for (QString &e : expected)
                e = e.trimmed();
            expected.sort();
            actual.sort();
            QCOMPARE(actual, expected);
        }
        return;
    }
    QVERIFY2(error, "werf 1.1 rejects this project, Stagecraft accepted it");
    QVERIFY2(messageMatches(expectation.message, error->message),
             qPrintable(QStringLiteral("expected: ") + expectation.message
                        + QStringLiteral("\n   actual: ") + error->toString()));
}

QTEST_GUILESS_MAIN(tst_Corpus)
#include "tst_corpus.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "exporter.h"
#include "imagenodeitem.h"
#include "layout/dotwriter.h"
#include "scenepalette.h"
#include "stageitem.h"

#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Stagecraft::Tests;
using Ui::ConveyorScene;
using Ui::Exporter;
using Ui::ExportOptions;

namespace {

StageStatuses someStatuses(const Conveyor &c)
{
    StageStatuses s;
    s.insert(statusKey(c.images.at(1), StageId::Install), StageStatus::Cached);
    s.insert(statusKey(c.images.at(3), StageId::Install), StageStatus::Failed);
    s.insert(statusKey(c.images.at(3), StageId::Setup), StageStatus::Invalidated);
    s.insert(statusKey(c.images.at(2), StageId::BeforeInstall), StageStatus::Building);
    s.insert(statusKey(c.images.at(4), StageId::Dockerfile), StageStatus::Built);
    return s;
}

} // namespace

class tst_Export : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pngDecodesAndScales_data();
    void pngDecodesAndScales();
    void statusColoursAtKnownPoints_data();
    void statusColoursAtKnownPoints();
    void background();
    void svgParses();
    void dotAcceptedByGraphviz_data();
    void dotAcceptedByGraphviz();
    void errors();
    void oversizedPngIsScaledWithNotice();
    void chosenScaleIsKept();
    void bandsMatchOneImage_data();
    void bandsMatchOneImage();
    void arguments_data();
    void arguments();

private:
    QTemporaryDir m_dir;
};

void tst_Export::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_Export::pngDecodesAndScales_data()
{
    QTest::addColumn<Conveyor>("conveyor");
    QTest::addColumn<bool>("legend");
    QTest::newRow("example") << exampleConveyor() << true;
    QTest::newRow("example, no legend") << exampleConveyor() << false;
    QTest::newRow("20") << generatedConveyor(20, 5) << true;
}

void tst_Export::pngDecodesAndScales()
{
    QFETCH(Conveyor, conveyor);
    QFETCH(bool, legend);
    QSize sizes[2];
    const qreal scales[2] = {1.0, 2.0};
    for (int k = 0; k < 2; ++k) {
        ExportOptions options;
        options.scale = scales[k];
        options.legend = legend;
        const QString path = m_dir.filePath(QStringLiteral("scale%1.png").arg(k));
        QString error;
        QVERIFY2(Exporter::exportToFile(conveyor, path, options, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        sizes[k] = image.size();
        // The exact size: the scene's contents (plus the legend column) times the scale.
        ConveyorScene scene;
        scene.setScenePalette(Ui::ScenePalette::light());
        scene.setConveyor(conveyor);
        const QRectF mapped = Exporter::sceneToImage(scene, options).mapRect(scene.contentsRect());
        QCOMPARE(mapped.topLeft(), QPointF(0, 0));
        QVERIFY(image.width() >= int(mapped.width()));
        QVERIFY(image.height() >= int(mapped.height()) - 1);
        if (!legend)
            QCOMPARE(image.size(),
                     QSize(int(std::ceil(mapped.width())), int(std::ceil(mapped.height()))));
    }
    QVERIFY(std::abs(sizes[1].width() - 2 * sizes[0].width()) <= 2);
    QVERIFY(std::abs(sizes[1].height() - 2 * sizes[0].height()) <= 2);
}

void tst_Export::statusColoursAtKnownPoints_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("3x") << 3.0;
}

void tst_Export::statusColoursAtKnownPoints()
{
    QFETCH(qreal, scale);
    const Conveyor c = exampleConveyor();
    const StageStatuses statuses = someStatuses(c);
    ExportOptions options;
    options.scale = scale;
    const QString path = m_dir.filePath(QStringLiteral("status.png"));
    QString error;
    QVERIFY2(Exporter::exportToFile(c, path, options, &error, statuses), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());

    // The same scene the exporter builds tells where each stage's status bar is.
    ConveyorScene scene;
    scene.setScenePalette(Ui::ScenePalette::light());
    scene.setConveyor(c);
    const QTransform toImage = Exporter::sceneToImage(scene, options);
    const struct
    {
        int image;
        StageId stage;
        StageStatus status;
    } checks[] = {{1, StageId::Install, StageStatus::Cached},
                  {3, StageId::Install, StageStatus::Failed},
                  {3, StageId::Setup, StageStatus::Invalidated},
                  {2, StageId::BeforeInstall, StageStatus::Building},
                  {4, StageId::Dockerfile, StageStatus::Built},
                  {3, StageId::GitCache, StageStatus::Unknown}};
    for (const auto &check : checks) {
        Ui::StageItem *stage = scene.stageItem(check.image, check.stage);
        QVERIFY(stage);
        const QRectF box = stage->mapRectToScene(
                QRectF(0, 0, stage->boundingRect().width() - 4, stage->boundingRect().height() - 4));
        const QPointF bar(box.left() + 2.5, box.center().y());
        const QPoint pixel = toImage.map(bar).toPoint();
        QCOMPARE(image.pixelColor(pixel).rgb(), stageStatusColor(check.status).rgb());
    }
}

void tst_Export::background()
{
    const Conveyor c = exampleConveyor();
    QString error;
    ExportOptions white;
    QVERIFY(Exporter::exportToFile(c, m_dir.filePath(QStringLiteral("white.png")), white, &error));
    const QImage w(m_dir.filePath(QStringLiteral("white.png")));
    QCOMPARE(w.pixelColor(1, 1), QColor(Qt::white));
    ExportOptions transparent;
    transparent.transparent = true;
    QVERIFY(Exporter::exportToFile(c,
                                   m_dir.filePath(QStringLiteral("clear.png")),
                                   transparent,
                                   &error));
    const QImage t(m_dir.filePath(QStringLiteral("clear.png")));
    QVERIFY(t.hasAlphaChannel());
    QCOMPARE(t.pixelColor(1, 1).alpha(), 0);
    // Nodes are opaque on the transparent background.
    ConveyorScene scene;
    scene.setConveyor(c);
    const QPointF inside = scene.imageItem(3)->sceneBoundingRect().center();
    QCOMPARE(t.pixelColor(Exporter::sceneToImage(scene, transparent).map(inside).toPoint()).alpha(),
             255);
}

void tst_Export::svgParses()
{
    const QString path = m_dir.filePath(QStringLiteral("graph.svg"));
    QString error;
    QVERIFY2(Exporter::exportToFile(exampleConveyor(),
                                    path,
                                    {},
                                    &error,
                                    someStatuses(exampleConveyor())),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int texts = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            ++texts;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(texts > 10);
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.defaultSize().width() > 500);
}

void tst_Export::dotAcceptedByGraphviz_data()
{
    QTest::addColumn<Conveyor>("conveyor");
    QTest::newRow("example") << exampleConveyor();
    QTest::newRow("150") << generatedConveyor(150, 1);
    Conveyor quoting = exampleConveyor();
    quoting.images[1].name = QStringLiteral("we\"ird \\ name");
    quoting.edges[3].label = QStringLiteral("/a \"b\" → /c\nd");
    QTest::newRow("quoting") << quoting;
}

void tst_Export::dotAcceptedByGraphviz()
{
    QFETCH(Conveyor, conveyor);
    const QString path = m_dir.filePath(QStringLiteral("graph.dot"));
    QString error;
    QVERIFY2(Exporter::exportToFile(conveyor, path, {}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray dot = file.readAll();
    QVERIFY(dot.startsWith("digraph werf {"));
    QCOMPARE(dot, conveyorToDot(conveyor));
    QCOMPARE(dot.count("subgraph cluster_"),
             qsizetype(std::count_if(conveyor.images.cbegin(),
                                     conveyor.images.cend(),
                                     [](const ConveyorImage &i) {
                                         return i.kind != ImageKind::External;
                                     })));
    const QString program = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (program.isEmpty())
        QSKIP("Graphviz dot is not installed");
    QProcess process;
    process.start(program,
                  {QStringLiteral("-Tsvg"),
                   path,
                   QStringLiteral("-o"),
                   m_dir.filePath(QStringLiteral("graph-dot.svg"))});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QSvgRenderer(m_dir.filePath(QStringLiteral("graph-dot.svg"))).isValid());
}

void tst_Export::oversizedPngIsScaledWithNotice()
{
    // 400 images at scale 4 would be far beyond 16,384 px a side: the export still succeeds, at
    // the largest scale that fits, and says so; nothing fails silently.
    const Conveyor c = generatedConveyor(400, 2);
    ExportOptions options;
    options.scale = 4;
    const QString path = m_dir.filePath(QStringLiteral("huge.png"));
    QString error;
    QString notice;
    QVERIFY2(Exporter::exportToFile(c, path, options, &error, someStatuses(c), {}, {}, &notice),
             qPrintable(error));
    QVERIFY2(notice.contains(QStringLiteral("16384")), qPrintable(notice));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() <= Exporter::maxPngSide && image.height() <= Exporter::maxPngSide);
    QVERIFY(qint64(image.width()) * image.height() <= Exporter::defaultPngPixels);
    // The same picture as at the fitted scale: its size follows from the scene and that scale.
    ConveyorScene scene;
    scene.setScenePalette(Ui::ScenePalette::light());
    scene.setConveyor(c);
    ExportOptions fitted = options;
    fitted.scale = Exporter::fittingScale(scene, options);
    QVERIFY(fitted.scale < 4);
    QVERIFY(notice.contains(QString::number(fitted.scale, 'g', 3)));
    const QRectF mapped = Exporter::sceneToImage(scene, fitted).mapRect(scene.contentsRect());
    QVERIFY(image.width() >= int(mapped.width()));
    // An export that fits gives no notice.
    QVERIFY(Exporter::exportToFile(exampleConveyor(),
                                   m_dir.filePath(QStringLiteral("small.png")),
                                   {},
                                   &error,
                                   {},
                                   {},
                                   {},
                                   &notice));
    QVERIFY(notice.isEmpty());
}

void tst_Export::chosenScaleIsKept()
{
    // A graph beyond the default pixel budget at scale 1: drawn smaller, with a notice that says
    // how to get the full size, unless the scale was chosen; then it is kept.
    const Conveyor c = generatedConveyor(150, 3);
    ConveyorScene scene;
    scene.setScenePalette(Ui::ScenePalette::light());
    scene.setConveyor(c);
    ExportOptions chosen;
    chosen.scaleGiven = true;
    const QSize full
            = Exporter::sceneToImage(scene, chosen).mapRect(scene.contentsRect()).size().toSize();
    QVERIFY2(qint64(full.width()) * full.height() > Exporter::defaultPngPixels,
             qPrintable(QStringLiteral("%1 × %2").arg(full.width()).arg(full.height())));
    QVERIFY(full.width() <= Exporter::maxPngSide && full.height() <= Exporter::maxPngSide);
    QCOMPARE(Exporter::fittingScale(scene, chosen), 1.0);

    const QString path = m_dir.filePath(QStringLiteral("chosen.png"));
    QString error;
    QString notice;
    QVERIFY2(Exporter::exportToFile(c, path, chosen, &error, {}, {}, {}, &notice),
             qPrintable(error));
    QVERIFY2(notice.isEmpty(), qPrintable(notice));
    // The header gives the size; decoding would need more than QImageReader's default 128 MiB.
    const QSize written = QImageReader(path).size();
    QVERIFY(written.width() >= full.width() && written.height() >= full.height() - 1);
    QVERIFY(qint64(written.width()) * written.height() > Exporter::defaultPngPixels);

    ExportOptions plain;
    QVERIFY2(Exporter::exportToFile(c, path, plain, &error, {}, {}, {}, &notice), qPrintable(error));
    QVERIFY2(notice.contains(QStringLiteral("--scale")), qPrintable(notice));
    const QSize reduced = QImageReader(path).size();
    QVERIFY(qint64(reduced.width()) * reduced.height() <= Exporter::defaultPngPixels);
    QVERIFY(reduced.width() < written.width());
}

void tst_Export::bandsMatchOneImage_data()
{
    QTest::addColumn<bool>("transparent");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("white, 1x") << false << 1.0;
    QTest::newRow("transparent, 1.37x") << true << 1.37;
}

void tst_Export::bandsMatchOneImage()
{
    // The file is drawn in bands of about a megapixel and compressed band by band; decoded, it is
    // the picture of one image drawn in one go: no seams, no missing or doubled rows.
    QFETCH(bool, transparent);
    QFETCH(qreal, scale);
    const Conveyor c = generatedConveyor(40, 5);
    const StageStatuses statuses = someStatuses(c);
    ExportOptions options;
    options.scale = scale;
    options.transparent = transparent;
    const QString path = m_dir.filePath(QStringLiteral("bands.png"));
    QString error;
    QVERIFY2(Exporter::exportToFile(c, path, options, &error, statuses), qPrintable(error));
    QImageReader reader(path);
    reader.setAllocationLimit(0);
    const QImage banded = reader.read();
    QVERIFY2(!banded.isNull(), qPrintable(reader.errorString()));

    ConveyorScene scene;
    scene.setScenePalette(Ui::ScenePalette::light());
    scene.setConveyor(c);
    scene.setStatuses(statuses);
    scene.setBackgroundColor(Qt::transparent);
    const QImage whole = Exporter::renderImage(scene, options);
    QVERIFY(!whole.isNull());
    QCOMPARE(banded.size(), whole.size());
    QVERIFY2(whole.height() > 2 * (1'000'000 / whole.width()),
             "the graph should need several bands");
    const QImage::Format format = transparent ? QImage::Format_ARGB32 : QImage::Format_RGB32;
    const QImage a = banded.convertToFormat(format);
    const QImage b = whole.convertToFormat(format);
    qint64 differing = 0;
    int firstRow = -1;
    for (int y = 0; y < a.height(); ++y) {
        if (std::memcmp(a.constScanLine(y), b.constScanLine(y), size_t(a.width()) * 4) == 0)
            continue;
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                ++differing;
                if (firstRow < 0)
                    firstRow = y;
            }
        }
    }
    // Only the dash phase of dashed and dotted edges may differ: QPainter's dash stroker culls
    // against the clip, which is the band here and the whole image there. A seam, a missing or
    // a doubled row would change whole rows and everything below them, far more than this.
    const qint64 allowed = qint64(a.width()) * a.height() / 1000;
    QVERIFY2(differing <= allowed,
             qPrintable(QStringLiteral("%1 pixels differ (at most %2 may), the first in row %3")
                                .arg(differing)
                                .arg(allowed)
                                .arg(firstRow)));
}

void tst_Export::errors()
{
    QString error;
    QVERIFY(!Exporter::exportToFile(exampleConveyor(),
                                    m_dir.filePath(QStringLiteral("x.jpeg")),
                                    {},
                                    &error));
    QVERIFY(error.contains(QStringLiteral("x.jpeg")));
    ExportOptions bad;
    bad.scale = 0;
    QVERIFY(!Exporter::exportToFile(exampleConveyor(),
                                    m_dir.filePath(QStringLiteral("x.png")),
                                    bad,
                                    &error));
    QVERIFY(!Exporter::exportToFile(exampleConveyor(),
                                    m_dir.filePath(QStringLiteral("no/such/dir/x.png")),
                                    {},
                                    &error));
    QVERIFY(!error.isEmpty());
    // An empty conveyor still gives a (small) picture.
    QVERIFY(Exporter::exportToFile(Conveyor(),
                                   m_dir.filePath(QStringLiteral("empty.png")),
                                   {},
                                   &error));
    QVERIFY(!QImage(m_dir.filePath(QStringLiteral("empty.png"))).isNull());
}

void tst_Export::arguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<bool>("scaleGiven");
    QTest::newRow("png") << QStringList{QStringLiteral("p"),
                                        QStringLiteral("-o"),
                                        QStringLiteral("o.png")}
                         << true << 1.0 << false;
    QTest::newRow("scale") << QStringList{QStringLiteral("-o"),
                                          QStringLiteral("o.png"),
                                          QStringLiteral("p"),
                                          QStringLiteral("--scale"),
                                          QStringLiteral("2.5")}
                           << true << 2.5 << true;
    QTest::newRow("dot") << QStringList{QStringLiteral("p"),
                                        QStringLiteral("--output"),
                                        QStringLiteral("o.dot")}
                         << true << 1.0 << false;
    QTest::newRow("no output") << QStringList{QStringLiteral("p")} << false << 1.0 << false;
    QTest::newRow("no input") << QStringList{QStringLiteral("-o"), QStringLiteral("o.svg")} << false
                              << 1.0 << false;
    QTest::newRow("bad scale") << QStringList{QStringLiteral("p"),
                                              QStringLiteral("-o"),
                                              QStringLiteral("o.png"),
                                              QStringLiteral("--scale"),
                                              QStringLiteral("x")}
                               << false << 1.0 << false;
    QTest::newRow("bad format") << QStringList{QStringLiteral("p"),
                                               QStringLiteral("-o"),
                                               QStringLiteral("o.gif")}
                                << false << 1.0 << false;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("p"),
                                                   QStringLiteral("-o"),
                                                   QStringLiteral("o.png"),
                                                   QStringLiteral("--frob")}
                                    << false << 1.0 << false;
    QTest::newRow("dangling -o") << QStringList{QStringLiteral("p"), QStringLiteral("-o")} << false
                                 << 1.0 << false;
}

void tst_Export::arguments()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QFETCH(qreal, scale);
    QFETCH(bool, scaleGiven);
    QString error;
    const std::optional<Ui::ExportRequest> request = Exporter::parseArguments(args, &error);
    QCOMPARE(request.has_value(), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (request) {
        QCOMPARE(request->input, QStringLiteral("p"));
        QCOMPARE(request->options.scale, scale);
        QCOMPARE(request->options.scaleGiven, scaleGiven);
    }
}

QTEST_MAIN(tst_Export)
#include "tst_export.moc"

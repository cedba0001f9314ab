// SPDX-License-Identifier: GPL-3.0-or-later
#include "pngbandwriter.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using Stagecraft::Ui::PngBandWriter;

namespace {

/** Flat areas, shapes with antialiased edges, text, noise and (optionally) partial alpha. */
QImage testImage(const QSize &size, bool alpha)
{
    QImage image(size, alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    image.fill(alpha ? QColor(Qt::transparent) : QColor(Qt::white));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(40, 120, 200, alpha ? 160 : 255));
    p.drawRoundedRect(QRectF(10.5, 5.25, size.width() * 0.6, size.height() * 0.5), 8, 8);
    p.setPen(QPen(QColor(200, 30, 30), 3));
    p.drawLine(QPointF(0, 0), QPointF(size.width(), size.height()));
    p.drawText(QRectF(20, size.height() * 0.6, size.width() - 40, 30), QStringLiteral("Stagecraft"));
    p.end();
    QRandomGenerator random(7);
    for (int y = size.height() / 2; y < size.height(); y += 3) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); x += 2) {
            const int a = alpha ? int(random.bounded(256)) : 255;
            line[x] = qPremultiply(qRgba(int(random.bounded(256)),
                                         int(random.bounded(256)),
                                         int(random.bounded(256)),
                                         a));
        }
    }
    return image;
}

/** Writes the image through PngBandWriter in bands of `rows` rows. */
QByteArray encode(const QImage &image, int rows, bool alpha, int level, QString *error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PngBandWriter writer(&buffer, image.size(), alpha, level);
    for (int top = 0; top < image.height(); top += rows) {
        if (!writer.writeBand(
                    image.copy(0, top, image.width(), std::min(rows, image.height() - top))))
            break;
    }
    if (!writer.finish())
        *error = writer.errorString();
    return buffer.data();
}

} // namespace

class tst_PngBandWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void errors();
};

void tst_PngBandWriter::roundTrip_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("alpha");
    QTest::addColumn<int>("level");
    QTest::newRow("opaque, one band") << QSize(300, 120) << 120 << false << 1;
    QTest::newRow("opaque, bands of 7") << QSize(300, 120) << 7 << false << 1;
    QTest::newRow("opaque, bands of 1") << QSize(97, 40) << 1 << false << 6;
    QTest::newRow("opaque, last band short") << QSize(301, 121) << 50 << false << 1;
    QTest::newRow("alpha, bands of 13") << QSize(256, 100) << 13 << true << 1;
    QTest::newRow("alpha, level 9") << QSize(64, 64) << 16 << true << 9;
    QTest::newRow("one pixel") << QSize(1, 1) << 1 << false << 1;
    QTest::newRow("wide") << QSize(5000, 12) << 5 << false << 1;
}

void tst_PngBandWriter::roundTrip()
{
    QFETCH(QSize, size);
    QFETCH(int, rows);
    QFETCH(bool, alpha);
    QFETCH(int, level);
    const QImage image = testImage(size, alpha);
    QString error;
    const QByteArray png = encode(image, rows, alpha, level, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Qt's (libpng's) decoder checks the chunk CRCs and the zlib stream's adler32.
    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    const QImage decoded = reader.read();
    QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(decoded.size(), size);
    QCOMPARE(decoded.hasAlphaChannel(), alpha);
    const QImage expected = image.convertToFormat(alpha ? QImage::Format_RGBA8888
                                                        : QImage::Format_RGB888);
    const QImage actual = decoded.convertToFormat(expected.format());
    for (int y = 0; y < size.height(); ++y) {
        if (std::memcmp(actual.constScanLine(y),
                        expected.constScanLine(y),
                        size_t(size.width()) * (alpha ? 4 : 3))
            != 0)
            QFAIL(qPrintable(QStringLiteral("row %1 differs").arg(y)));
    }
}

void tst_PngBandWriter::errors()
{
    QString error;
    {
        // A band of the wrong width is refused, and so is finishing with rows missing.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PngBandWriter writer(&buffer, QSize(10, 10), false);
        QVERIFY(writer.writeBand(testImage(QSize(10, 4), false)));
        QVERIFY(!writer.writeBand(testImage(QSize(11, 4), false)));
        QVERIFY(writer.errorString().contains(QStringLiteral("11 × 4")));
        QVERIFY(!writer.finish());
    }
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PngBandWriter writer(&buffer, QSize(10, 10), false);
        QVERIFY(writer.writeBand(testImage(QSize(10, 4), false)));
        QVERIFY(!writer.finish());
        QVERIFY2(writer.errorString().contains(QStringLiteral("4 of its 10 rows")),
                 qPrintable(writer.errorString()));
    }
    {
        // Too many rows.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PngBandWriter writer(&buffer, QSize(10, 10), false);
        QVERIFY(!writer.writeBand(testImage(QSize(10, 11), false)));
    }
    {
        // A device that cannot be written reports its error.
        QBuffer buffer;
        buffer.open(QIODevice::ReadOnly);
        PngBandWriter writer(&buffer, QSize(10, 10), false);
        QVERIFY(!writer.writeBand(testImage(QSize(10, 10), false)));
        QVERIFY(!writer.finish());
        QVERIFY(!writer.errorString().isEmpty());
    }
}

QTEST_MAIN(tst_PngBandWriter)
#include "tst_pngbandwriter.moc"

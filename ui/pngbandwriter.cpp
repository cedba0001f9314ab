// SPDX-License-Identifier: GPL-3.0-or-later
#include "pngbandwriter.h"

#include <QIODevice>
#include <QThreadPool>
#include <QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <zlib.h>

namespace Stagecraft::Ui {

namespace {

void appendBigEndian(QByteArray &out, uint32_t value)
{
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    out.append(bytes, 4);
}

/** Raw deflate (no zlib header) of `data`, ending with `flush` (Z_SYNC_FLUSH or Z_FINISH). */
QByteArray rawDeflate(const unsigned char *data, qint64 length, int level, int flush)
{
    z_stream z;
    std::memset(&z, 0, sizeof z);
    // windowBits -15: raw deflate, so that bands concatenate. Z_DEFAULT_STRATEGY: the Up filter
    // leaves long runs of zeros and repeated short patterns that level 1's matcher finds cheaply.
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(length))) + 16);
    z.next_in = const_cast<unsigned char *>(data);
    z.avail_in = uInt(length);
    z.next_out = reinterpret_cast<unsigned char *>(out.data());
    z.avail_out = uInt(out.size());
    const int result = deflate(&z, flush);
    const qsizetype produced = out.size() - qsizetype(z.avail_out);
    deflateEnd(&z);
    if (result == Z_STREAM_ERROR || z.avail_in != 0)
        return {};
    out.truncate(produced);
    return out;
}

} // namespace

PngBandWriter::PngBandWriter(QIODevice *device, const QSize &size, bool alpha, int compressionLevel)
    : m_device(device)
    , m_size(size)
    , m_alpha(alpha)
    , m_level(std::clamp(compressionLevel, 1, 9))
{
    // The row "above" the first one is zeros, as PNG defines for the Up filter.
    m_rowAbove = QByteArray(qsizetype(size.width()) * (alpha ? 4 : 3), '\0');
}

PngBandWriter::~PngBandWriter()
{
    for (QFuture<Compressed> &future : m_pending)
        future.waitForFinished();
}

PngBandWriter::Compressed PngBandWriter::compress(const QImage &band,
                                                  const QByteArray &rowAbove,
                                                  bool alpha,
                                                  int level)
{
    // Qt's converters unpremultiply and reorder to PNG's byte order with SIMD.
    const QImage rows = band.convertToFormat(alpha ? QImage::Format_RGBA8888
                                                   : QImage::Format_RGB888);
    const qsizetype rowBytes = rowAbove.size();
    const qint64 rawLength = qint64(rows.height()) * (rowBytes + 1);
    QByteArray filtered(qsizetype(rawLength), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(filtered.data());
    const auto *above = reinterpret_cast<const unsigned char *>(rowAbove.constData());
    // adler32 by row: a row that repeats the one above filters to zeros, and zeros leave the
    // low sum as it is and add rowBytes times it to the high sum, so such rows cost no pass.
    constexpr uint32_t base = 65521;
    uLong adler = 1;
    const unsigned char up = 2; // Up: each byte minus the byte above it
    for (int y = 0; y < rows.height(); ++y) {
        const unsigned char *row = rows.constScanLine(y);
        *out = up;
        adler = adler32(adler, &up, 1);
        if (std::memcmp(row, above, size_t(rowBytes)) == 0) {
            std::memset(out + 1, 0, size_t(rowBytes));
            const uint64_t low = adler & 0xffff;
            const uint64_t high = ((adler >> 16) + (uint64_t(rowBytes) % base) * low) % base;
            adler = uLong((high << 16) | low);
        } else {
            for (qsizetype i = 0; i < rowBytes; ++i)
                out[1 + i] = static_cast<unsigned char>(row[i] - above[i]);
            adler = adler32(adler, out + 1, uInt(rowBytes));
        }
        out += rowBytes + 1;
        above = row;
    }
    Compressed result;
    const auto *data = reinterpret_cast<const unsigned char *>(filtered.constData());
    result.deflate = rawDeflate(data, rawLength, level, Z_SYNC_FLUSH);
    result.adler = uint32_t(adler);
    result.rawLength = rawLength;
    return result;
}

bool PngBandWriter::writeChunk(const char type[4], const QByteArray &data)
{
    QByteArray chunk;
    chunk.reserve(data.size() + 12);
    appendBigEndian(chunk, uint32_t(data.size()));
    chunk.append(type, 4);
    chunk.append(data);
    const auto *crcData = reinterpret_cast<const unsigned char *>(chunk.constData()) + 4;
    appendBigEndian(chunk, uint32_t(crc32(0, crcData, uInt(data.size() + 4))));
    if (m_device->write(chunk) != chunk.size()) {
        m_failed = true;
        m_error = m_device->errorString();
        return false;
    }
    return true;
}

bool PngBandWriter::writeCompleted(qsizetype keep)
{
    while (m_pending.size() > keep) {
        QFuture<Compressed> future = m_pending.takeFirst();
        const Compressed band = future.result();
        if (m_failed)
            continue;
        if (band.deflate.isEmpty() && band.rawLength > 0) {
            m_failed = true;
            m_error = tr("compressing the image failed");
            continue;
        }
        QByteArray data;
        if (!m_headerWritten) {
            // zlib header: deflate with a 32 KiB window, "fastest" level, check bits.
            data.append(char(0x78));
            data.append(char(0x01));
            m_headerWritten = true;
        }
        data.append(band.deflate);
        m_adler = uint32_t(adler32_combine(m_adler, band.adler, z_off_t(band.rawLength)));
        writeChunk("IDAT", data);
    }
    return !m_failed;
}

bool PngBandWriter::writeBand(const QImage &band)
{
    if (m_failed)
        return false;
    if (band.width() != m_size.width() || m_rows + band.height() > m_size.height()) {
        m_failed = true;
        m_error = tr("a band of %1 × %2 pixels does not fit a %3 × %4 image at row %5")
                          .arg(band.width())
                          .arg(band.height())
                          .arg(m_size.width())
                          .arg(m_size.height())
                          .arg(m_rows);
        return false;
    }
    if (!m_started) {
        m_started = true;
        static const char signature[] = "\x89PNG\r\n\x1a\n";
        if (m_device->write(signature, 8) != 8) {
            m_failed = true;
            m_error = m_device->errorString();
            return false;
        }
        QByteArray header;
        appendBigEndian(header, uint32_t(m_size.width()));
        appendBigEndian(header, uint32_t(m_size.height()));
        header.append(char(8));               // bits per sample
        header.append(char(m_alpha ? 6 : 2)); // colour type: RGBA or RGB
        header.append(3, '\0');               // deflate, adaptive filtering, no interlace
        if (!writeChunk("IHDR", header))
            return false;
    }
    if (band.height() == 0)
        return true;
    const QByteArray above = m_rowAbove;
    // The next band's first row is filtered against this band's last row, in PNG byte order.
    const QImage last = band.copy(0, band.height() - 1, band.width(), 1)
                                .convertToFormat(m_alpha ? QImage::Format_RGBA8888
                                                         : QImage::Format_RGB888);
    std::memcpy(m_rowAbove.data(), last.constScanLine(0), size_t(m_rowAbove.size()));
    m_rows += band.height();
    m_pending.append(QtConcurrent::run(&PngBandWriter::compress, band, above, m_alpha, m_level));
    // Bounded memory: no more bands in flight than threads to compress them.
    return writeCompleted(std::max(1, QThreadPool::globalInstance()->maxThreadCount()));
}

bool PngBandWriter::finish()
{
    if (!writeCompleted(0))
        return false;
    if (!m_started || m_rows != m_size.height()) {
        m_failed = true;
        m_error = tr("the image has %1 of its %2 rows").arg(m_rows).arg(m_size.height());
        return false;
    }
    // The bands end with sync flushes; an empty final block closes the deflate stream.
    QByteArray tail = rawDeflate(nullptr, 0, m_level, Z_FINISH);
    if (tail.isEmpty()) {
        m_failed = true;
        m_error = tr("compressing the image failed");
        return false;
    }
    appendBigEndian(tail, m_adler);
    return writeChunk("IDAT", tail) && writeChunk("IEND", QByteArray());
}

} // namespace Stagecraft::Ui

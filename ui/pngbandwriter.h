// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <cstdint>

class QIODevice;

namespace Stagecraft::Ui {

/**
 * Writes one PNG from horizontal bands of pixels that arrive top to bottom, compressing the bands
 * on worker threads while the caller draws the next one.
 *
 * Qt's PNG writer needs the whole image first and then runs libpng's adaptive row filters and a
 * single zlib stream on one core; for the conveyor export that was half of the time. Here every
 * band is filtered with PNG's "Up" filter (rows that repeat the row above, most of a graph's
 * background and boxes, become zeros) and deflated on its own, ending on a byte boundary with a
 * sync flush, so the bands' deflate streams concatenate into the one zlib stream PNG requires
 * (the checksums are combined with adler32_combine). The file is an ordinary 8-bit RGB or RGBA
 * PNG that any decoder reads.
 */
class PngBandWriter
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::PngBandWriter)

public:
    /**
     * `alpha`: write RGBA (bands in Format_ARGB32_Premultiplied or any format with alpha) instead
     * of RGB. `compressionLevel` is zlib's 1 (fastest) to 9.
     */
    PngBandWriter(QIODevice *device, const QSize &size, bool alpha, int compressionLevel = 1);
    ~PngBandWriter();
    PngBandWriter(const PngBandWriter &) = delete;
    PngBandWriter &operator=(const PngBandWriter &) = delete;

    /** The next rows of the image (same width, any height); the image is shared, not copied. */
    bool writeBand(const QImage &band);
    /** Writes what is still being compressed and the end of the file; false on a write error. */
    bool finish();
    /** Rows written so far. */
    int rowsWritten() const { return m_rows; }
    QString errorString() const { return m_error; }

private:
    struct Compressed
    {
        QByteArray deflate;   ///< raw deflate data ending with a sync flush
        uint32_t adler = 1;   ///< adler32 of the filtered bytes
        qint64 rawLength = 0; ///< length of the filtered bytes
    };

    bool writeChunk(const char type[4], const QByteArray &data);
    bool writeCompleted(qsizetype keep);
    static Compressed compress(const QImage &band,
                               const QByteArray &rowAbove,
                               bool alpha,
                               int level);

    QIODevice *m_device;
    QSize m_size;
    bool m_alpha;
    int m_level;
    int m_rows = 0;
    bool m_started = false;
    bool m_failed = false;
    QString m_error;
    /** The last row of the previous band in PNG byte order, for the first row's Up filter. */
    QByteArray m_rowAbove;
    QList<QFuture<Compressed>> m_pending;
    uint32_t m_adler = 1;
    bool m_headerWritten = false;
};

} // namespace Stagecraft::Ui

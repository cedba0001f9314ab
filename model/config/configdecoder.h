// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "common/sourcemap.h"
#include "config/werfconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace Stagecraft::Model {

/** One document of a rendered werf.yaml as werf's own `---` splitter cuts it (reference §1.2). */
struct DocumentRange
{
    qint64 start = 0;
    qint64 end = 0;
    /** werf's 0-based line offset of the document (its first line is lineOffset + 1). */
    int lineOffset = 0;
};

/**
 * werf's document splitter: separator lines are `---` at column 0 followed only by blanks, '\r'
 * or a `#` comment; documents holding only whitespace and comments are dropped.
 */
QList<DocumentRange> splitDocuments(const QByteArray &text);

/**
 * More documents than this are refused. Real configs have tens, generated monorepo configs a few
 * thousand; together with the 16 MiB file limit this keeps memory and time bounded.
 */
inline constexpr int maxConfigDocuments = 20000;

/** A key or construct that belongs to a werf version other than 1.1 (for version detection). */
struct VersionFeature
{
    WerfVersion minimum = WerfVersion::V1_2; ///< V1_2 or V2; V1_1 marks a key removed after 1.1
    QString description;                     ///< e.g. "meta key `build`"
    SourceLocation location;
};

struct DecodeResult
{
    WerfConfig config;
    /** Problems in werf's order: per document decoding first, then per image conversion. */
    Diagnostics diagnostics;
    QList<VersionFeature> features;
};

/**
 * Decodes the rendered text into the typed config with werf's rules of the given version
 * (Auto accepts the union of all versions and only records the features it sees).
 * defaultProjectName goes into werf's advice when the meta document is missing.
 */
DecodeResult decodeWerfConfig(const QByteArray &rendered,
                              const SourceMap &map,
                              WerfVersion rules,
                              const QString &defaultProjectName = {});

/**
 * What one document contributes to a decode: its ConfigDocument, its meta/images, its problems
 * (werf's two phases kept apart, since the whole list puts every document's phase 1 first) and
 * the version features it uses. It depends only on the document's bytes, its index and whether a
 * meta document came before it (the "duplicate meta" check), so the incremental reload keeps it
 * and moves it when an edit elsewhere shifts the document (reloadText() in configloader.h).
 */
struct DocumentDecode
{
    ConfigDocument document;
    bool metaSeen = false; ///< the input "a meta document came before"
    bool hasMeta = false;  ///< this document is the (first) meta document
    MetaConfig meta;
    QList<StapelImage> images;
    QList<DockerfileImage> dockerfileImages;
    Diagnostics phase1;
    Diagnostics phase2;
    QList<VersionFeature> features;
};

/** Decodes single documents of one rendered text (reuse it for several documents of a text). */
class DocumentDecoder
{
public:
    DocumentDecoder(const QByteArray &rendered, const SourceMap &map, WerfVersion rules);
    ~DocumentDecoder();
    DocumentDecoder(const DocumentDecoder &) = delete;
    DocumentDecoder &operator=(const DocumentDecoder &) = delete;

    DocumentDecode decode(const DocumentRange &range, int index, bool metaSeen);
    /** A rendered offset as a source location (through the map). */
    SourceLocation location(qint64 offset);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/** Decodes every document of ranges in turn (what decodeWerfConfig() does before assembling). */
QList<DocumentDecode> decodeDocuments(const QByteArray &rendered,
                                      const SourceMap &map,
                                      WerfVersion rules,
                                      const QList<DocumentRange> &ranges);

/**
 * The whole DecodeResult from per-document results in document order: the same as
 * decodeWerfConfig() of the text they came from. textStart is the location of rendered offset 0
 * (where werf's "meta config section … is not defined" points).
 */
DecodeResult assembleDecode(const QList<DocumentDecode> &documents,
                            WerfVersion rules,
                            const QString &defaultProjectName,
                            const SourceLocation &textStart);

/** werf's default project name: the slug of the project directory's name. */
QString defaultProjectName(const QString &projectDir);

/** Go's path.Clean. */
QString cleanPath(const QString &path);

} // namespace Stagecraft::Model

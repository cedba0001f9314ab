// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "common/sourcemap.h"
#include "config/werfconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

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

/** werf's default project name: the slug of the project directory's name. */
QString defaultProjectName(const QString &projectDir);

/** Go's path.Clean. */
QString cleanPath(const QString &path);

} // namespace Stagecraft::Model

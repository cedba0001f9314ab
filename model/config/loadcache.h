// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configdecoder.h"
#include "config/configloader.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace Stagecraft::Model {

struct ReloadStats;

namespace Internal {

/**
 * What a load of an untemplated werf.yaml keeps for the next one: the text, werf's document
 * ranges and each document's decode (with the Auto-rules probe, whose features pick the rules).
 */
struct LoadCache
{
    QString configFile;
    WerfVersion versionOption = WerfVersion::Auto;
    bool renderTemplates = true;
    WerfVersion rules = WerfVersion::V1_1;
    QByteArray rendered;
    QList<DocumentRange> ranges;
    /** The Auto-rules probe (only features and metaSeen are kept); empty unless Auto. */
    QList<DocumentDecode> probe;
    QList<DocumentDecode> decoded;
};

/** loadText(), also handing out the cache for the next reload (null for templated files). */
LoadedProject loadText(const QString &configFile,
                       const QByteArray &text,
                       const LoadOptions &options,
                       std::shared_ptr<const LoadCache> *cacheOut);

/** The same result as loadText(), reusing the unchanged documents of previous. */
LoadedProject reloadText(const LoadCache &previous,
                         const QString &configFile,
                         const QByteArray &text,
                         const LoadOptions &options,
                         ReloadStats *stats,
                         std::shared_ptr<const LoadCache> *cacheOut);

} // namespace Internal
} // namespace Stagecraft::Model

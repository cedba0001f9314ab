// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configloader.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Stagecraft::Model {

namespace Internal {
struct LoadCache;
}

/**
 * How IncrementalLoader::load() went and where its time went (benchmark, tests). Times are CPU
 * milliseconds of the loading thread.
 */
struct ReloadStats
{
    bool incremental = false;
    /** Why the whole text was loaded (empty when incremental). */
    QString fallbackReason;
    int documents = 0;
    int reusedDocuments = 0;  ///< taken from the previous load (moved when shifted)
    int decodedDocuments = 0; ///< parsed and decoded again
    double splitMs = 0;       ///< werf's `---` split and the comparison with the previous text
    double decodeMs = 0;      ///< YAML parse + decode of the changed documents
    double reuseMs = 0;       ///< copying and moving the unchanged documents' results
    double assembleMs = 0;    ///< putting the documents' results together
    double checksMs = 0;      ///< werf's whole-config checks (names, references, exports, cycles)
    double conveyorMs = 0;    ///< the conveyor
    double totalMs = 0;
};

/**
 * Loads successive versions of one werf.yaml as loadText() does, with the same result byte for
 * byte and span for span, but decoding again only the documents that changed.
 *
 * werf splits a config into `---` documents (reference §1.2) and decodes each one on its own;
 * only "a meta document came before" crosses documents. So the loader keeps each document's
 * decode, and after an edit parses and decodes only the documents whose bytes changed; the
 * others are moved to their new offsets and lines (their columns cannot change: documents start
 * at line starts). The whole-config checks (names, references, exports, cycles) and the conveyor
 * run over the whole config again: they are cheap next to YAML parsing.
 *
 * It loads the whole text when the number of documents changed (an added or removed `---`, or a
 * document that became empty), for templated files (the rendered text and its source map would
 * both have to be compared), when the file, the options or the detected werf rules changed, and
 * on text that is not UTF-8.
 */
class IncrementalLoader
{
public:
    IncrementalLoader();
    ~IncrementalLoader();
    IncrementalLoader(const IncrementalLoader &) = delete;
    IncrementalLoader &operator=(const IncrementalLoader &) = delete;

    LoadedProject load(const QString &configFile,
                       const QByteArray &text,
                       const LoadOptions &options = {},
                       ReloadStats *stats = nullptr);
    /** Forgets the previous load: the next load() reads the whole text. */
    void reset();

private:
    std::shared_ptr<const Internal::LoadCache> m_cache;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "incrementalloader.h"

#include "config/loadcache.h"

#include <time.h>

namespace Stagecraft::Model {

IncrementalLoader::IncrementalLoader() = default;

IncrementalLoader::~IncrementalLoader() = default;

LoadedProject IncrementalLoader::load(const QString &configFile,
                                      const QByteArray &text,
                                      const LoadOptions &options,
                                      ReloadStats *stats)
{
    std::shared_ptr<const Internal::LoadCache> next;
    LoadedProject project;
    if (m_cache) {
        project = Internal::reloadText(*m_cache, configFile, text, options, stats, &next);
    } else {
        timespec start{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
        project = Internal::loadText(configFile, text, options, &next);
        if (stats) {
            *stats = ReloadStats();
            stats->fallbackReason = QStringLiteral("no previous load to reuse");
            stats->documents = next ? int(next->ranges.size()) : 0;
            stats->decodedDocuments = stats->documents;
            timespec end{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
            stats->totalMs = double(end.tv_sec - start.tv_sec) * 1e3
                             + double(end.tv_nsec - start.tv_nsec) / 1e6;
        }
    }
    m_cache = std::move(next);
    return project;
}

void IncrementalLoader::reset()
{
    m_cache.reset();
}

} // namespace Stagecraft::Model

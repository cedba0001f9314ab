// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "common/sourcemap.h"
#include "function.h"
#include "templateset.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stagecraft::Model::Template {

struct RenderOptions
{
    /** werf's --config-templates-dir; empty means <projectDir>/.werf. */
    QString templatesDir;
    /** Functions added after Sprig's and werf's (they win on a name clash). */
    QList<FunctionMap> extraFunctions;
    /** Extra keys of the root context (werf 1.1 has only Files; werf 2 adds e.g. Env). */
    Map extraData;
    /** Use Sprig's functions when the Sprig library is part of the build. */
    bool sprig = true;
    GoVersion goVersion = GoVersion::Go117;
    /** Go's maxExecDepth for nested {{template}} calls. */
    int maxTemplateDepth = 100000;
    /** Nesting limit of include/tpl (werf has none: runaway recursion crashes it). */
    int maxIncludeDepth = 1000;
    /** Output size limit; a template producing more fails with an error. */
    qint64 maxOutputBytes = qint64(256) * 1024 * 1024;
};

/** The rendered werf config: text, the origin of each byte, warnings and errors. */
struct RenderResult
{
    QByteArray text;
    SourceMap map;
    Diagnostics diagnostics;
    bool ok = false;
};

/**
 * Renders a werf.yaml as werf 1.1 does (reference §3.1): every `*.tmpl` under the templates dir
 * (recursively, lexical order) is parsed first as a template named by its path relative to that
 * dir, then the config itself as "werfConfig", executed with the data {"Files": .Files}.
 * Template errors are reported as werf does: `cannot parse config: <go error>`, located at the
 * failing action.
 *
 * @param configFile path of werf.yaml (also the base of .Files paths: its directory)
 * @param source the bytes of the config (the editor's buffer, not necessarily the file on disk)
 * @param projectDir werf's --dir
 */
RenderResult renderWerfConfig(const QString &configFile,
                              const QByteArray &source,
                              const QString &projectDir,
                              const RenderOptions &options = {});

/** True when Sprig's function library is part of this build (model/template/sprig.h). */
bool sprigAvailable();

} // namespace Stagecraft::Model::Template

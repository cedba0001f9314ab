// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "common/sourcemap.h"
#include "config/werfconfig.h"
#include "conveyor/conveyor.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Stagecraft::Model {

/** What a template renderer returns: the text werf would hand to its YAML parser. */
struct RenderOutput
{
    QByteArray text;
    SourceMap map;
    Diagnostics diagnostics;
    bool ok = false;
};

/** Renders a templated werf.yaml; supplied by the template engine, so the loader does not link it. */
using Renderer = std::function<
        RenderOutput(const QString &configFile, const QByteArray &source, const QString &projectDir)>;

struct LoadOptions
{
    WerfVersion version = WerfVersion::Auto;
    /** Renders templated configs; empty = the built-in Go template engine (templateRenderer()). */
    Renderer renderer;
    /** False: refuse templated configs with one "needs template rendering" error instead. */
    bool renderTemplates = true;
};

/**
 * The built-in renderer: werf's Go text/template pipeline (model/template) with the template
 * semantics of the Go release that builds the chosen werf (Go 1.17 for werf 1.1).
 */
Renderer templateRenderer(WerfVersion rules);

/** Everything the loader found out about a project: texts, typed config, conveyor, problems. */
struct LoadedProject
{
    QString projectDir;
    QString configFile;
    QByteArray source;
    bool templated = false;
    QByteArray rendered;
    SourceMap sourceMap;
    WerfVersion version = WerfVersion::V1_1;
    /** Why these rules were chosen, e.g. "werf 1.2 rules: meta key `build` at werf.yaml:3:1". */
    QString versionReason;
    WerfConfig config;
    Conveyor conveyor;
    /** All problems in werf's order: werf itself stops at the first error. */
    Diagnostics diagnostics;

    bool ok() const { return !hasErrors(diagnostics); }
};

/** Files larger than this are refused before parsing. */
inline constexpr qint64 maxConfigFileSize = 16 * 1024 * 1024;

/**
 * Loads a project the way werf 1.1 does: finds werf.yml/werf.yaml (path may be the file or the
 * project directory), renders it when it uses Go templates, splits and decodes the documents,
 * validates them with werf's messages and builds the conveyor.
 */
LoadedProject loadProject(const QString &path, const LoadOptions &options = {});

/** Like loadProject(), for a text that is already in memory (the editor's document). */
LoadedProject loadText(const QString &configFile,
                       const QByteArray &text,
                       const LoadOptions &options = {});

/** werf's config lookup (reference §1.1): the werf.yml or werf.yaml in dir, or an empty string. */
QString findConfigFile(const QString &projectDir);

/** Offset of the first Go template action `{{` in text (comments included), or -1. */
qint64 firstTemplateAction(const QByteArray &text);

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "configloader.h"

#include "common/tr.h"
#include "common/utf8.h"
#include "config/configdecoder.h"
#include "config/configvalidator.h"
#include "conveyor/conveyorbuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Stagecraft::Model {

namespace {

/** A template feature that only werf 1.2 or 2 understands. */
struct TemplateFeature
{
    WerfVersion minimum;
    QString description;
    qint64 offset;
};

QList<TemplateFeature> templateFeatures(const QByteArray &source)
{
    QList<TemplateFeature> result;
    qint64 pos = 0;
    static const QRegularExpression tokens(QStringLiteral(
            R"((\.Env\b)|(\.Commit\b)|\b(required)\b|\b(toYaml)\b|\b(tpl_debug|include_debug|printf_debug|dump_debug)\b|\benv\s+("[^"]*"|`[^`]*`|[^\s|)]+)\s+(?!-\s*$)[^\s|)])"));
    while (true) {
        const qint64 open = source.indexOf("{{", pos);
        if (open < 0)
            break;
        qint64 close = source.indexOf("}}", open + 2);
        if (close < 0)
            close = source.size();
        const QString action = QString::fromUtf8(source.mid(open, close - open));
        // Comments inside actions do not count.
        if (!action.startsWith(QStringLiteral("{{/*"))
            && !action.startsWith(QStringLiteral("{{- /*"))) {
            QRegularExpressionMatchIterator it = tokens.globalMatch(action);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                const qint64 at = open + action.left(m.capturedStart()).toUtf8().size();
                if (m.capturedLength(1))
                    result.append({WerfVersion::V1_2, QStringLiteral("template data `.Env`"), at});
                else if (m.capturedLength(2))
                    result.append(
                            {WerfVersion::V1_2, QStringLiteral("template data `.Commit`"), at});
                else if (m.capturedLength(3))
                    result.append(
                            {WerfVersion::V1_2, QStringLiteral("template function `required`"), at});
                else if (m.capturedLength(4))
                    result.append(
                            {WerfVersion::V2, QStringLiteral("template function `toYaml`"), at});
                else if (m.capturedLength(5))
                    result.append({WerfVersion::V2,
                                   QStringLiteral("template function `%1`").arg(m.captured(5)),
                                   at});
                else if (m.capturedLength(6))
                    result.append({WerfVersion::V1_2,
                                   QStringLiteral("template function `env` with a default"),
                                   at});
            }
        }
        pos = close + 2;
    }
    return result;
}

QString shortLocation(const SourceLocation &location)
{
    SourceLocation l = location;
    l.file = QFileInfo(l.file).fileName();
    return l.toString();
}

SourceLocation fileStart(const QString &file)
{
    SourceLocation l;
    l.file = file;
    l.offset = 0;
    l.line = 1;
    l.column = 1;
    return l;
}

SourceLocation locationIn(const QString &file, const QByteArray &text, qint64 offset)
{
    const TextIndex index(text);
    const LineColumn lc = index.lineColumn(offset);
    SourceLocation l;
    l.file = file;
    l.offset = offset;
    l.line = lc.line;
    l.column = lc.column;
    return l;
}

/** Refuses what no YAML parser should see: NUL bytes and invalid UTF-8. */
bool checkText(const QString &file, const QByteArray &text, Diagnostics &diagnostics)
{
    const qint64 nul = text.indexOf('\0');
    const qint64 bad = Utf8::firstInvalid(text);
    if (nul >= 0 && (bad < 0 || nul <= bad)) {
        diagnostics << Diagnostic::error(
                Tr::tr("the file contains a NUL byte; werf.yaml must be UTF-8 text"),
                locationIn(file, text, nul));
        return false;
    }
    if (bad >= 0) {
        diagnostics << Diagnostic::error(
                Tr::tr("invalid UTF-8 byte 0x%1; werf.yaml must be UTF-8 text")
                        .arg(uint(uchar(text.at(bad))), 2, 16, QLatin1Char('0')),
                locationIn(file, text, bad));
        return false;
    }
    return true;
}

void finish(LoadedProject &project, const LoadOptions &options)
{
    // Version: explicit, or detected from newer keys and template features.
    const QList<TemplateFeature> tmpl = templateFeatures(project.source);
    WerfVersion rules = options.version;
    if (rules == WerfVersion::Auto) {
        const DecodeResult probe = decodeWerfConfig(project.rendered,
                                                    project.sourceMap,
                                                    WerfVersion::Auto);
        struct Candidate
        {
            WerfVersion version;
            QString description;
            SourceLocation location;
        };
        QList<Candidate> candidates;
        for (const TemplateFeature &f : tmpl)
            candidates.append({f.minimum,
                               f.description,
                               locationIn(project.configFile, project.source, f.offset)});
        for (const VersionFeature &f : probe.features) {
            if (f.minimum != WerfVersion::V1_1)
                candidates.append({f.minimum, f.description, f.location});
        }
        WerfVersion best = WerfVersion::V1_1;
        for (const Candidate &c : candidates)
            best = std::max(best, c.version);
        if (best == WerfVersion::V1_1) {
            project.versionReason = Tr::tr(
                    "werf 1.1 rules: no newer keys or template features found");
        } else {
            // The earliest feature of the chosen version explains the choice.
            const Candidate *reason = nullptr;
            for (const Candidate &c : candidates) {
                if (c.version == best && (!reason || c.location.offset < reason->location.offset))
                    reason = &c;
            }
            project.versionReason = Tr::tr("werf %1 rules: %2 at %3")
                                            .arg(werfVersionName(best),
                                                 reason->description,
                                                 shortLocation(reason->location));
        }
        rules = best;
    } else {
        project.versionReason = Tr::tr("werf %1 rules: selected explicitly")
                                        .arg(werfVersionName(rules));
    }
    project.version = rules;

    DecodeResult decoded = decodeWerfConfig(project.rendered,
                                            project.sourceMap,
                                            rules,
                                            defaultProjectName(project.projectDir));
    project.config = std::move(decoded.config);
    project.config.version = rules;
    project.diagnostics << decoded.diagnostics;
    if (hasErrors(project.diagnostics)) {
        // werf stops before the whole-config checks; so do we, the config is incomplete.
        project.conveyor = buildConveyor(project.config);
        return;
    }
    // Whole-config checks in werf's order (reference §2.2).
    project.diagnostics << validateImageNames(project.config);
    project.diagnostics << checkImageReferences(project.config);
    project.diagnostics << autoExcludeExports(project.config);
    project.diagnostics << checkDependencyCycles(project.config);
    project.conveyor = buildConveyor(project.config);
    // The conveyor repeats the reference and cycle checks; add only what is new (its notes).
    QSet<QString> known;
    for (const Diagnostic &d : std::as_const(project.diagnostics))
        known.insert(d.toString());
    for (const Diagnostic &d : std::as_const(project.conveyor.diagnostics)) {
        if (!known.contains(d.toString()))
            project.diagnostics << d;
    }
}

} // namespace

QString werfVersionName(WerfVersion version)
{
    switch (version) {
    case WerfVersion::Auto:
        return QStringLiteral("auto");
    case WerfVersion::V1_1:
        return QStringLiteral("1.1");
    case WerfVersion::V1_2:
        return QStringLiteral("1.2");
    case WerfVersion::V2:
        return QStringLiteral("2");
    }
    return {};
}

const StapelImage *WerfConfig::findImage(const QString &name) const
{
    for (const StapelImage &i : images) {
        if (!i.artifact && i.name == name)
            return &i;
    }
    return nullptr;
}

const StapelImage *WerfConfig::findArtifact(const QString &name) const
{
    for (const StapelImage &i : images) {
        if (i.artifact && i.name == name)
            return &i;
    }
    return nullptr;
}

const DockerfileImage *WerfConfig::findDockerfileImage(const QString &name) const
{
    for (const DockerfileImage &i : dockerfileImages) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

QString DockerConfig::normalizeCommand(const StringListValue &command)
{
    if (!command.isList)
        return command.value.isEmpty() ? QString() : command.value.first();
    if (command.value.isEmpty())
        return QStringLiteral("[]");
    return QStringLiteral("[\"") + command.value.join(QStringLiteral("\", \""))
           + QStringLiteral("\"]");
}

QString findConfigFile(const QString &projectDir)
{
    const QDir dir(projectDir);
    for (const char *name : {"werf.yml", "werf.yaml"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

qint64 firstTemplateAction(const QByteArray &text)
{
    return text.indexOf("{{");
}

LoadedProject loadProject(const QString &path, const LoadOptions &options)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        const QString file = findConfigFile(path);
        if (file.isEmpty()) {
            LoadedProject project;
            project.projectDir = QDir(path).absolutePath();
            SourceLocation where;
            where.file = QDir(path).filePath(QStringLiteral("werf.yaml"));
            project.diagnostics << Diagnostic::error(
                    QStringLiteral("configration file werf.yaml not found"), where);
            return project;
        }
        return loadProject(file, options);
    }
    LoadedProject project;
    project.configFile = path;
    project.projectDir = info.absolutePath();
    if (!info.exists()) {
        SourceLocation where;
        where.file = path;
        project.diagnostics << Diagnostic::error(QStringLiteral("configration file %1 not found")
                                                         .arg(path),
                                                 where);
        return project;
    }
    if (info.size() > maxConfigFileSize) {
        project.diagnostics << Diagnostic::error(
                Tr::tr("the file is too large (%1 bytes; the limit is %2 MiB)")
                        .arg(info.size())
                        .arg(maxConfigFileSize / (1024 * 1024)),
                fileStart(path));
        return project;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        project.diagnostics << Diagnostic::error(Tr::tr("cannot read the file: %1")
                                                         .arg(file.errorString()),
                                                 fileStart(path));
        return project;
    }
    // Read at most one byte past the limit: the file may grow between stat() and read().
    const QByteArray text = file.read(maxConfigFileSize + 1);
    LoadedProject loaded = loadText(path, text, options);
    loaded.projectDir = project.projectDir;
    return loaded;
}

static WerfVersion templateRulesVersion(const QByteArray &text)
{
    WerfVersion best = WerfVersion::V1_1;
    for (const TemplateFeature &f : templateFeatures(text)) {
        if (int(f.minimum) > int(best))
            best = f.minimum;
    }
    return best;
}

LoadedProject loadText(const QString &configFile, const QByteArray &text, const LoadOptions &options)
{
    LoadedProject project;
    project.configFile = configFile;
    project.projectDir = QFileInfo(configFile).absolutePath();
    project.source = text;
    if (text.size() > maxConfigFileSize) {
        project.source.clear();
        project.diagnostics << Diagnostic::error(
                Tr::tr("the file is too large (%1 bytes; the limit is %2 MiB)")
                        .arg(text.size())
                        .arg(maxConfigFileSize / (1024 * 1024)),
                fileStart(configFile));
        return project;
    }
    if (!checkText(configFile, text, project.diagnostics))
        return project;

    const qint64 action = firstTemplateAction(text);
    project.templated = action >= 0;
    if (project.templated) {
        Renderer renderer = options.renderer;
        if (!renderer && options.renderTemplates)
            renderer = templateRenderer(options.version == WerfVersion::Auto
                                                ? templateRulesVersion(text)
                                                : options.version);
        if (!renderer) {
            // The version can still be told from the template actions.
            WerfVersion best = WerfVersion::V1_1;
            const TemplateFeature *reason = nullptr;
            const QList<TemplateFeature> features = templateFeatures(text);
            for (const TemplateFeature &f : features) {
                if (int(f.minimum) > int(best)) {
                    best = f.minimum;
                    reason = &f;
                }
            }
            project.version = options.version == WerfVersion::Auto ? best : options.version;
            if (options.version != WerfVersion::Auto)
                project.versionReason = Tr::tr("werf %1 rules: selected explicitly")
                                                .arg(werfVersionName(options.version));
            else if (reason)
                project.versionReason = Tr::tr("werf %1 rules: %2 at %3")
                                                .arg(werfVersionName(best),
                                                     reason->description,
                                                     shortLocation(locationIn(configFile,
                                                                              text,
                                                                              reason->offset)));
            else
                project.versionReason = Tr::tr("werf 1.1 rules: no newer template features found "
                                               "(the rendered config may still use newer keys)");
            project.diagnostics << Diagnostic::error(
                    Tr::tr("this config uses Go templates and needs template rendering"),
                    locationIn(configFile, text, action));
            return project;
        }
        RenderOutput out = renderer(configFile, text, project.projectDir);
        project.diagnostics << out.diagnostics;
        if (!out.ok)
            return project;
        project.rendered = out.text;
        project.sourceMap = out.map;
        if (project.rendered.size() > maxConfigFileSize) {
            project.diagnostics << Diagnostic::error(
                    Tr::tr("the rendered config is too large (%1 bytes; the limit is %2 MiB)")
                            .arg(project.rendered.size())
                            .arg(maxConfigFileSize / (1024 * 1024)),
                    fileStart(configFile));
            return project;
        }
        Diagnostics renderedProblems;
        if (!checkText(configFile, project.rendered, renderedProblems)) {
            // Locate the problem in the source through the map.
            for (Diagnostic &d : renderedProblems)
                d.location = project.sourceMap.location(d.location.offset);
            project.diagnostics << renderedProblems;
            return project;
        }
    } else {
        project.rendered = text;
        project.sourceMap = SourceMap::identity(configFile, text);
    }
    finish(project, options);
    return project;
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "configloader.h"

#include "common/tr.h"
#include "common/utf8.h"
#include "config/configdecoder.h"
#include "config/configvalidator.h"
#include "config/incrementalloader.h"
#include "config/loadcache.h"
#include "config/spanvisitor.h"
#include "conveyor/conveyorbuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <optional>
#include <time.h>

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

/** CPU time of the calling thread: on a shared machine it varies far less than wall time. */
class CpuTimer
{
public:
    CpuTimer() { restart(); }
    void restart() { m_start = now(); }
    double elapsedMs() const { return now() - m_start; }

private:
    static double now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
    double m_start = 0;
};

/** werf's rules for the project: explicit, or detected from newer keys and template features. */
WerfVersion chooseRules(LoadedProject &project,
                        const LoadOptions &options,
                        const QList<VersionFeature> &probeFeatures)
{
    if (options.version != WerfVersion::Auto) {
        project.versionReason = Tr::tr("werf %1 rules: selected explicitly")
                                        .arg(werfVersionName(options.version));
        return options.version;
    }
    const QList<TemplateFeature> tmpl = templateFeatures(project.source);
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
    for (const VersionFeature &f : probeFeatures) {
        if (f.minimum != WerfVersion::V1_1)
            candidates.append({f.minimum, f.description, f.location});
    }
    WerfVersion best = WerfVersion::V1_1;
    for (const Candidate &c : candidates)
        best = std::max(best, c.version);
    if (best == WerfVersion::V1_1) {
        project.versionReason = Tr::tr("werf 1.1 rules: no newer keys or template features found");
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
    return best;
}

/** Everything after decoding: werf's whole-config checks and the conveyor. */
void validateAndBuild(LoadedProject &project,
                      DecodeResult decoded,
                      WerfVersion rules,
                      ReloadStats *stats = nullptr)
{
    const CpuTimer timer;
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
    if (stats)
        stats->checksMs = timer.elapsedMs();
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

QList<VersionFeature> allFeatures(const QList<DocumentDecode> &documents)
{
    QList<VersionFeature> out;
    for (const DocumentDecode &d : documents)
        out << d.features;
    return out;
}

/**
 * Moves a decoded document by an edit before it: rendered offsets by `bytes`, and locations in
 * the edited file by `bytes` and `lines`. Columns stay: a document starts at a line start, so a
 * byte of an unchanged document keeps its column.
 */
class Shift
{
public:
    Shift(const QString &file, qint64 bytes, int lines)
        : m_file(file)
        , m_bytes(bytes)
        , m_lines(lines)
    {}

    void operator()(SourceLocation &l) const
    {
        if (l.offset < 0 || l.file != m_file)
            return;
        l.offset += m_bytes;
        if (l.line > 0)
            l.line += m_lines;
    }
    void operator()(Span &s) const
    {
        if (s.start >= 0)
            s.start += m_bytes;
        if (s.end >= 0)
            s.end += m_bytes;
        (*this)(s.location);
        (*this)(s.endLocation);
    }
    void operator()(YamlNode &n) const
    {
        n.start += m_bytes;
        n.end += m_bytes;
        if (n.line > 0)
            n.line += m_lines;
    }
    void entry(YamlMapEntry &e) const
    {
        e.start += m_bytes;
        e.end += m_bytes;
    }

    void apply(DocumentDecode &d) const
    {
        SpanVisitor::visit(d.document, *this);
        d.document.lineOffset += m_lines;
        if (d.hasMeta)
            SpanVisitor::visit(d.meta, *this);
        for (StapelImage &i : d.images)
            SpanVisitor::visit(i, *this);
        for (DockerfileImage &i : d.dockerfileImages)
            SpanVisitor::visit(i, *this);
        for (Diagnostic &diag : d.phase1)
            (*this)(diag.location);
        for (Diagnostic &diag : d.phase2)
            (*this)(diag.location);
        for (VersionFeature &f : d.features)
            (*this)(f.location);
    }

private:
    const QString &m_file;
    qint64 m_bytes;
    int m_lines;
};

void finish(LoadedProject &project,
            const LoadOptions &options,
            std::shared_ptr<const Internal::LoadCache> *cacheOut)
{
    const QList<DocumentRange> ranges = splitDocuments(project.rendered);
    if (ranges.size() > maxConfigDocuments) {
        // decodeWerfConfig() reports the limit; nothing to keep for a reload.
        const QList<VersionFeature> features = options.version == WerfVersion::Auto
                                                       ? decodeWerfConfig(project.rendered,
                                                                          project.sourceMap,
                                                                          WerfVersion::Auto)
                                                                 .features
                                                       : QList<VersionFeature>();
        const WerfVersion rules = chooseRules(project, options, features);
        project.version = rules;
        validateAndBuild(project,
                         decodeWerfConfig(project.rendered,
                                          project.sourceMap,
                                          rules,
                                          defaultProjectName(project.projectDir)),
                         rules);
        return;
    }
    auto cache = std::make_shared<Internal::LoadCache>();
    cache->configFile = project.configFile;
    cache->versionOption = options.version;
    cache->renderTemplates = options.renderTemplates;
    cache->rendered = project.rendered;
    cache->ranges = ranges;
    if (options.version == WerfVersion::Auto)
        cache->probe = decodeDocuments(project.rendered,
                                       project.sourceMap,
                                       WerfVersion::Auto,
                                       ranges);
    const WerfVersion rules = chooseRules(project, options, allFeatures(cache->probe));
    project.version = rules;
    cache->rules = rules;
    DocumentDecoder decoder(project.rendered, project.sourceMap, rules);
    cache->decoded.reserve(ranges.size());
    bool metaSeen = false;
    for (int i = 0; i < ranges.size(); ++i) {
        cache->decoded.append(decoder.decode(ranges.at(i), i, metaSeen));
        metaSeen = metaSeen || cache->decoded.last().document.kind == ConfigDocument::Kind::Meta;
    }
    validateAndBuild(project,
                     assembleDecode(cache->decoded,
                                    rules,
                                    defaultProjectName(project.projectDir),
                                    decoder.location(0)),
                     rules);
    if (!cacheOut || project.templated)
        return; // a templated file is loaded whole every time (reloadText() says why)
    // Only what the probe found is needed again: its config and problems are never used.
    for (DocumentDecode &d : cache->probe) {
        d.meta = MetaConfig();
        d.images.clear();
        d.dockerfileImages.clear();
        d.phase1.clear();
        d.phase2.clear();
    }
    *cacheOut = std::move(cache);
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
    return Internal::loadText(configFile, text, options, nullptr);
}

LoadedProject Internal::loadText(const QString &configFile,
                                 const QByteArray &text,
                                 const LoadOptions &options,
                                 std::shared_ptr<const LoadCache> *cacheOut)
{
    if (cacheOut)
        cacheOut->reset();
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
    finish(project, options, cacheOut);
    return project;
}

LoadedProject Internal::reloadText(const LoadCache &previous,
                                   const QString &configFile,
                                   const QByteArray &text,
                                   const LoadOptions &options,
                                   ReloadStats *stats,
                                   std::shared_ptr<const LoadCache> *cacheOut)
{
    const CpuTimer total;
    ReloadStats local;
    ReloadStats &st = stats ? *stats : local;
    st = ReloadStats();
    auto fullLoad = [&](const QString &reason) {
        st.fallbackReason = reason;
        LoadedProject p = Internal::loadText(configFile, text, options, cacheOut);
        st.documents = *cacheOut ? int((*cacheOut)->ranges.size()) : 0;
        st.decodedDocuments = st.documents;
        st.totalMs = total.elapsedMs();
        return p;
    };
    const LoadCache *cache = &previous;
    if (cache->configFile != configFile)
        return fullLoad(QStringLiteral("another file"));
    if (cache->versionOption != options.version || cache->renderTemplates != options.renderTemplates)
        return fullLoad(QStringLiteral("other load options"));
    if (firstTemplateAction(text) >= 0)
        return fullLoad(QStringLiteral("templated file"));
    if (text.size() > maxConfigFileSize)
        return fullLoad(QStringLiteral("too large"));
    {
        Diagnostics problems;
        if (!checkText(configFile, text, problems))
            return fullLoad(QStringLiteral("not UTF-8 text"));
    }

    LoadedProject project;
    project.configFile = configFile;
    project.projectDir = QFileInfo(configFile).absolutePath();
    project.source = text;
    project.rendered = text;
    project.sourceMap = SourceMap::identity(configFile, text);

    CpuTimer phase;
    const QList<DocumentRange> ranges = splitDocuments(text);
    st.splitMs = phase.elapsedMs();
    st.documents = int(ranges.size());
    if (ranges.size() != cache->ranges.size())
        return fullLoad(QStringLiteral("the number of documents changed"));

    phase.restart();
    // Which documents kept their bytes; those move by the edits before them.
    const qsizetype count = ranges.size();
    QList<bool> same(count, false);
    for (qsizetype i = 0; i < count; ++i) {
        const DocumentRange &now = ranges.at(i);
        const DocumentRange &before = cache->ranges.at(i);
        const qint64 length = now.end - now.start;
        same[i] = length == before.end - before.start
                  && std::memcmp(text.constData() + now.start,
                                 cache->rendered.constData() + before.start,
                                 size_t(length))
                             == 0;
    }
    CpuTimer reuseTimer;
    double reuseMs = 0;
    auto reuse = [&](const DocumentDecode &old, qsizetype i) {
        reuseTimer.restart();
        DocumentDecode d = old;
        const DocumentRange &now = ranges.at(i);
        const DocumentRange &before = cache->ranges.at(i);
        const qint64 bytes = now.start - before.start;
        const int lines = now.lineOffset - before.lineOffset;
        if (bytes != 0 || lines != 0)
            Shift(configFile, bytes, lines).apply(d);
        reuseMs += reuseTimer.elapsedMs();
        return d;
    };
    // A reused document must have seen the same "meta came before"; one with problems is decoded
    // again when its lines moved, since werf's messages may quote line numbers.
    auto reusable = [&](const DocumentDecode &old, qsizetype i, bool metaSeen) {
        if (!same.at(i) || old.metaSeen != metaSeen)
            return false;
        if (ranges.at(i).lineOffset != cache->ranges.at(i).lineOffset
            && (!old.phase1.isEmpty() || !old.phase2.isEmpty()))
            return false;
        return true;
    };
    int decoded = 0;
    auto decodeAll = [&](const QList<DocumentDecode> &old,
                         WerfVersion rules,
                         std::optional<DocumentDecoder> &decoder) {
        QList<DocumentDecode> out;
        out.reserve(count);
        bool metaSeen = false;
        for (qsizetype i = 0; i < count; ++i) {
            if (reusable(old.at(i), i, metaSeen)) {
                out.append(reuse(old.at(i), i));
            } else {
                if (!decoder)
                    decoder.emplace(project.rendered, project.sourceMap, rules);
                out.append(decoder->decode(ranges.at(i), int(i), metaSeen));
                ++decoded;
            }
            metaSeen = metaSeen || out.last().document.kind == ConfigDocument::Kind::Meta;
        }
        return out;
    };

    auto newCache = std::make_shared<LoadCache>();
    newCache->configFile = configFile;
    newCache->versionOption = options.version;
    newCache->renderTemplates = options.renderTemplates;
    newCache->rendered = text;
    newCache->ranges = ranges;
    if (options.version == WerfVersion::Auto) {
        std::optional<DocumentDecoder> probeDecoder;
        newCache->probe = decodeAll(cache->probe, WerfVersion::Auto, probeDecoder);
        for (DocumentDecode &d : newCache->probe) {
            d.meta = MetaConfig();
            d.images.clear();
            d.dockerfileImages.clear();
            d.phase1.clear();
            d.phase2.clear();
        }
    }
    const WerfVersion rules = chooseRules(project, options, allFeatures(newCache->probe));
    if (rules != cache->rules)
        return fullLoad(QStringLiteral("the werf version rules changed"));
    project.version = rules;
    newCache->rules = rules;
    const int probeDecoded = decoded;
    decoded = 0;
    std::optional<DocumentDecoder> decoder;
    newCache->decoded = decodeAll(cache->decoded, rules, decoder);
    st.decodedDocuments = std::max(probeDecoded, decoded);
    st.reusedDocuments = st.documents - st.decodedDocuments;
    const SourceLocation start
            = decoder ? decoder->location(0)
                      : DocumentDecoder(project.rendered, project.sourceMap, rules).location(0);
    const CpuTimer assembleTimer;
    DecodeResult result = assembleDecode(newCache->decoded,
                                         rules,
                                         defaultProjectName(project.projectDir),
                                         start);
    st.assembleMs = assembleTimer.elapsedMs();
    st.reuseMs = reuseMs;
    st.decodeMs = phase.elapsedMs() - st.assembleMs - st.reuseMs;

    phase.restart();
    validateAndBuild(project, std::move(result), rules, &st);
    st.conveyorMs = phase.elapsedMs() - st.checksMs;
    *cacheOut = std::move(newCache);
    st.incremental = true;
    st.totalMs = total.elapsedMs();
    return project;
}

} // namespace Stagecraft::Model

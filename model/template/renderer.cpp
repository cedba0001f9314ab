// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderer.h"

#include "common/tr.h"
#include "executor.h"
#include "gofmt.h"
#include "werffiles.h"
#include "yamlvalue.h"

#if __has_include("sprig.h")
#include "sprig.h"
#define STAGECRAFT_HAVE_SPRIG 1
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace Stagecraft::Model::Template {

namespace {

const ParamType StringParam{QByteArrayLiteral("string")};
const ParamType AnyParam{QByteArrayLiteral("interface {}")};

/** filepath.Walk order: each directory's entries sorted by name, directories entered in place. */
void collectTemplates(const QString &dir, QStringList *out)
{
    QDir d(dir);
    QStringList names = d.entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                    | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.toUtf8() < b.toUtf8();
    });
    for (const QString &name : std::as_const(names)) {
        const QString path = dir + u'/' + name;
        const QFileInfo info(path);
        if (info.isDir() && !info.isSymLink()) {
            collectTemplates(path, out);
            continue;
        }
        if (info.isDir())
            continue;
        if (name.endsWith(QStringLiteral(".tmpl")))
            out->append(path);
    }
}

/** A 10-character [0-9a-z] name like werf's GenerateConsistentRandomString, but reproducible. */
QByteArray tplName(quint64 *state)
{
    static const char letters[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QByteArray name;
    for (int i = 0; i < 10; ++i) {
        *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
        name += letters[(*state >> 33) % 36];
    }
    return name;
}

class Renderer
{
public:
    Renderer(const QString &configFile,
             const QByteArray &source,
             const QString &projectDir,
             const RenderOptions &options)
        : m_configFile(configFile)
        , m_source(source)
        , m_projectDir(projectDir)
        , m_options(options)
        , m_set(QByteArrayLiteral("werfConfig"), options.goVersion)
        , m_ctx(m_set)
    {
        m_ctx.maxDepth = options.maxTemplateDepth;
        m_ctx.maxIncludeDepth = options.maxIncludeDepth;
        m_ctx.maxOutput = options.maxOutputBytes;
    }

    RenderResult run()
    {
        RenderResult result;
#ifdef STAGECRAFT_HAVE_SPRIG
        if (m_options.sprig)
            m_set.addFunctions(sprigFunctions());
#endif
        m_set.addFunctions(werfFunctions());
        for (const FunctionMap &extra : m_options.extraFunctions)
            m_set.addFunctions(extra);

        const QString templatesDir = m_options.templatesDir.isEmpty()
                                             ? QDir(m_projectDir).filePath(QStringLiteral(".werf"))
                                             : m_options.templatesDir;
        QStringList templates;
        if (QFileInfo(templatesDir).isDir())
            collectTemplates(QDir::cleanPath(templatesDir), &templates);
        for (const QString &path : std::as_const(templates)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                result.diagnostics.append(
                        Diagnostic::error(Tr::tr("cannot read %1: %2").arg(path, file.errorString()),
                                          {path, -1, 0, 0}));
                return result;
            }
            const QByteArray text = file.readAll();
            const QByteArray name
                    = QDir(QDir::cleanPath(templatesDir)).relativeFilePath(path).toUtf8();
            if (!parseInto(name, text, path, &result))
                return result;
        }
        if (!parseInto(QByteArrayLiteral("werfConfig"), m_source, m_configFile, &result))
            return result;

        Map data = m_options.extraData;
        const QString home = QFileInfo(m_configFile).absoluteDir().absolutePath();
        data.insert_or_assign(QByteArrayLiteral("Files"),
                              Value::fromObject(std::make_shared<WerfFiles>(home, &m_ctx)));
        RenderedText out;
        try {
            m_ctx.execute(QByteArrayLiteral("werfConfig"), Value::fromMap(std::move(data)), &out);
        } catch (const ExecError &e) {
            result.diagnostics.append(m_ctx.warnings());
            result.diagnostics.append(Diagnostic::error(QStringLiteral("cannot parse config: ")
                                                                + QString::fromUtf8(e.message),
                                                        e.location));
            result.text = std::move(out.text);
            result.map = std::move(out.map);
            return result;
        }
        result.diagnostics.append(m_ctx.warnings());
        result.text = std::move(out.text);
        result.map = std::move(out.map);
        result.ok = true;
        return result;
    }

private:
    bool parseInto(const QByteArray &name,
                   const QByteArray &text,
                   const QString &path,
                   RenderResult *result)
    {
        ParseError error;
        if (m_set.parse(name, text, path, &error))
            return true;
        result->diagnostics.append(Diagnostic::error(QStringLiteral("cannot parse config: ")
                                                             + QString::fromUtf8(error.message),
                                                     locationInText(path, text, error.offset)));
        return false;
    }

    /** Runs a nested execution for include/tpl and keeps its source map with the string. */
    Value executeNested(const QByteArray &name, const Value &data, const QString &label)
    {
        if (m_ctx.includeDepth >= m_ctx.maxIncludeDepth) {
            throw LimitError{"exceeded maximum include depth ("
                             + QByteArray::number(m_ctx.maxIncludeDepth) + ")"};
        }
        ExecutionContext::Frame frame = m_ctx.currentAction;
        frame.label = label + QStringLiteral(" at ") + frame.where;
        m_ctx.pushFrame(frame);
        ++m_ctx.includeDepth;
        RenderedText out;
        try {
            m_ctx.execute(name, data, &out);
        } catch (const ExecError &e) {
            --m_ctx.includeDepth;
            m_ctx.popFrame();
            if (e.fatal)
                throw;
            throw FunctionError(e.message);
        }
        --m_ctx.includeDepth;
        m_ctx.popFrame();
        m_ctx.registerMappedString(out.text, out.map);
        return Value::fromString(out.text);
    }

    FunctionMap werfFunctions()
    {
        FunctionMap m;
        Function include;
        include.name = "include";
        include.params = {StringParam, AnyParam};
        include.returnsError = true;
        include.call = [this](const QList<Value> &args) {
            const QByteArray name = args.at(0).toString();
            return executeNested(name,
                                 args.at(1),
                                 QStringLiteral("include ") + QString::fromUtf8(quoteString(name)));
        };
        m.insert(include.name, include);

        Function tpl;
        tpl.name = "tpl";
        tpl.params = {StringParam, AnyParam};
        tpl.returnsError = true;
        tpl.call = [this](const QList<Value> &args) {
            const QByteArray content = args.at(0).toString();
            const QByteArray name = tplName(&m_tplState);
            // A string that is exactly a file's content (.Files.Get/Glob) maps into that file.
            const QString path = m_ctx.fileOfString(content);
            ParseError error;
            if (!m_set.parse(name, content, path, &error))
                throw FunctionError(error.message);
            return executeNested(name, args.at(1), QStringLiteral("tpl"));
        };
        m.insert(tpl.name, tpl);

        Function fromYaml;
        fromYaml.name = "fromYaml";
        fromYaml.params = {StringParam};
        fromYaml.returnsError = true;
        fromYaml.call = [](const QList<Value> &args) { return yamlToValue(args.at(0).toString()); };
        m.insert(fromYaml.name, fromYaml);
        return m;
    }

    QString m_configFile;
    QByteArray m_source;
    QString m_projectDir;
    RenderOptions m_options;
    TemplateSet m_set;
    ExecutionContext m_ctx;
    quint64 m_tplState = 0x5f3759df;
};

} // namespace

RenderResult renderWerfConfig(const QString &configFile,
                              const QByteArray &source,
                              const QString &projectDir,
                              const RenderOptions &options)
{
    RenderResult result;
    // Go's template depth limit (100000) needs far more stack than a default thread has, so
    // the render runs on a thread of its own with a large stack (reserved, touched on demand).
    QThread *thread = QThread::create([&] {
        Renderer renderer(configFile, source, projectDir, options);
        result = renderer.run();
    });
    thread->setStackSize(1024u * 1024u * 1024u);
    thread->start();
    thread->wait();
    delete thread;
    return result;
}

bool sprigAvailable()
{
#ifdef STAGECRAFT_HAVE_SPRIG
    return true;
#else
    return false;
#endif
}

} // namespace Stagecraft::Model::Template

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "common/sourcemap.h"
#include "common/textindex.h"
#include "templateset.h"
#include "value.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Stagecraft::Model::Template {

/** An execution error with Go's text `template: NAME:LINE:COL: executing "NAME" at <X>: MSG`. */
struct ExecError
{
    QByteArray message;
    /** Where the innermost failing action is in a file (invalid if it is in no file). */
    SourceLocation location;
    /** A limit was hit: include/tpl pass the error up unchanged instead of wrapping it. */
    bool fatal = false;
};

/** Thrown by include/tpl when a limit is hit; the engine reports it without wrapping. */
struct LimitError
{
    QByteArray message;
};

/** Rendered bytes and where each of them came from. */
struct RenderedText
{
    QByteArray text;
    SourceMap map;
};

/**
 * State shared by every execution of one render: the template set, output and depth limits, the
 * origins of strings (so that an include's text keeps its source map when it is printed
 * unchanged), the construct stack for source-map contexts, and the warnings.
 */
class ExecutionContext
{
public:
    explicit ExecutionContext(TemplateSet &set);

    TemplateSet &templates() { return m_set; }

    /** Go's maxExecDepth: nesting of {{template}} calls. */
    int maxDepth = 100000;
    /** Nesting of include/tpl calls (Go has no limit: werf overflows its stack and dies). */
    int maxIncludeDepth = 1000;
    int includeDepth = 0;
    /** Total bytes all executions of this render may write (Go has no such limit). */
    qint64 maxOutput = qint64(256) * 1024 * 1024;

    /**
     * Executes the template `name` with data (Go's ExecuteTemplate) into out. Throws ExecError.
     * `context` labels the construct that asked for it (an include), for the source map.
     */
    void execute(const QByteArray &name, const Value &data, RenderedText *out);

    /** Remembers that this exact string (by its data) has a source map. */
    void registerMappedString(const QByteArray &text, const SourceMap &map);
    const SourceMap *mappedString(const QByteArray &text) const;
    /** Remembers that this exact string is the content of a file (e.g. from .Files.Get). */
    void registerFileString(const QByteArray &text, const QString &path);
    QString fileOfString(const QByteArray &text) const;

    /** locationInText() with a cached line index per text. */
    SourceLocation locate(const QString &file, const QByteArray &text, qint64 offset);
    /** The line index of a text, built once per render. */
    const TextIndex &textIndex(const QByteArray &text);

    void warn(const QString &message, const SourceLocation &location = {});
    const Diagnostics &warnings() const { return m_warnings; }
    /** Warns once per function that its result differs from run to run. */
    void warnNondeterministic(const QByteArray &function, const SourceLocation &location);

    // Used by the executor and by include/tpl.
    struct Frame
    {
        QString label; ///< e.g. `include "x" at werf.yaml:3:5`
        QString where; ///< the action's place, e.g. `werf.yaml:3:5`
        QString file;  ///< the calling action's file ("" if none)
        QByteArray fileText;
        qint64 start = 0; ///< the calling action's [start, end) in that file
        qint64 end = 0;
    };
    std::vector<Frame> frames;
    void pushFrame(const Frame &frame);
    void popFrame();
    /** The labels of the frames, outermost first: a source-map segment's context. */
    const QStringList &contextLabels() const { return m_labels; }
    int depth = 0;
    qint64 written = 0;
    /** The action being executed by the innermost executor, as a frame (for include/tpl). */
    Frame currentAction;
    std::optional<SourceLocation> errorLocation;

private:
    TemplateSet &m_set;
    QStringList m_labels;
    QHash<const char *, std::pair<QByteArray, TextIndex>> m_indexes;
    QHash<const char *, std::pair<QByteArray, SourceMap>> m_mapped;
    QHash<const char *, std::pair<QByteArray, QString>> m_fileStrings;
    Diagnostics m_warnings;
    QSet<QByteArray> m_warnedFunctions;
};

/** SourceLocation of a byte offset in a text (1-based line, code-point column). */
SourceLocation locationInText(const QString &file, const QByteArray &text, qint64 offset);

} // namespace Stagecraft::Model::Template

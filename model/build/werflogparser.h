// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildevent.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * Incremental parser for werf's console build output (werf 1.0, 1.1, 1.2 and 2.x), following
 * reference/werf-build-logs/GRAMMAR.md.
 *
 * Feed bytes as they arrive from the process (any chunking; stdout and stderr merged in arrival
 * order) or a whole saved log, call finish() at the end, and collect the events with
 * takeEvents(). ANSI escapes, GitLab section markers, `--log-debug`/`--log-time` prefixes and
 * logboek's process borders are removed; wrapped lines (`↵`) are joined; truncated titles
 * (` ...`) are matched by prefix. Anything that is not werf's own build output (helm/kubedog
 * tables, Go stack traces, shell prompts) is ignored. Memory is bounded: a physical line longer
 * than maxLineBytes() is cut there.
 *
 * Two events wait for later input, because werf continues them on the following lines: a
 * cached stage is reported when the line after its info block arrives, and the final `Error:`
 * when a line that cannot continue it arrives or at finish(). A wrapped line (`↵`) waits for
 * its continuation.
 */
class WerfLogParser
{
public:
    WerfLogParser();

    /** Appends raw bytes; complete lines are parsed at once, the rest is kept for later. */
    void feed(const QByteArray &bytes);
    /** Parses one physical line (without its line break); for callers that split lines
     *  themselves. Do not mix with feed() while feed() holds an incomplete line. */
    void feedLine(const QString &line);
    /** Flushes the incomplete last line and every event still waiting for more input. */
    void finish();

    /** The events recognised so far, in input order; the parser forgets them. */
    QList<BuildEvent> takeEvents();
    bool hasEvents() const { return !m_events.isEmpty(); }

    /** Number of physical lines seen so far. */
    int lineCount() const { return m_lineNumber; }

    /** Parses a whole log at once. */
    static QList<BuildEvent> parse(const QByteArray &log);

    static constexpr qsizetype maxLineBytes() { return 256 * 1024; }

private:
    enum class ProcessKind { Unknown, Image, Stage, Other };

    struct Process
    {
        ProcessKind kind = ProcessKind::Unknown;
        int depth = 0;
        QString title;
        QString image;
        QString platform;
        QString stage;
        BuildEvent::ImageRole role = BuildEvent::ImageRole::Image;
        int line = 0;           ///< line of the header
        bool truncated = false; ///< title ended in " ..." and the name is not known exactly
        bool implicit = false;  ///< opened from a tagged line, the header was not in the log
        bool infoSection = false;
        bool discarded = false;
        BuildEvent info; ///< fields from the Info section
    };

    struct PendingCached
    {
        bool active = false;
        int depth = 0;
        BuildEvent event;
    };

    struct PendingError
    {
        bool active = false;
        int line = 0;
        QStringList parts;
        qsizetype length = 0;
    };

    struct Logical
    {
        QString borders; ///< the border signs, e.g. "│┌"
        QChar lastSign;  ///< innermost sign, or null at depth 0
        QString content;
        int line = 0;
    };

    void processPhysical(const QString &raw);
    QString cleanLine(const QString &raw);
    QString stripPrefix(const QString &line);
    void processLogical(const Logical &line);

    void handleHeader(const Logical &line);
    void handleFooter(const Logical &line);
    void handleInfoHeader(const Logical &line);
    void handleBody(const Logical &line);
    bool handleTopLevel(const Logical &line);
    bool handleOutput(const Logical &line, Process *owner);

    Process *processAt(int depth);
    Process *innermostStage();
    QString enclosingImage(int depth, QString *platform = nullptr) const;
    Process *enclosingImageProcess(int depth);
    void emitImageStarted(const Process &image);
    void resolveStage(Process &process, const QString &text, int depth);
    void closeDeeperThan(int depth);
    QString stageTag(const Process &process) const;

    void flushCached();
    void flushError();
    void emitEvent(BuildEvent event);

    static bool applyInfoField(const QString &content, BuildEvent &info);

    QList<BuildEvent> m_events;
    QList<Process> m_stack;
    PendingCached m_cached;
    PendingError m_error;

    QByteArray m_partial;
    bool m_partialOverlong = false;
    int m_lineNumber = 0;

    bool m_html = false;
    bool m_durationPrefix = false;
    bool m_prettySeen = false;

    bool m_wrapActive = false;
    Logical m_wrap;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Stagecraft::Model {

/**
 * The cancellation state of one build, shared by all its worker threads.
 *
 * Every process a build starts runs in a session (and process group) of its own; cancel() marks
 * the build as cancelled and kills every registered session, including children that left the
 * process group, so that nothing keeps running after a cancel.
 */
class BuildCancellation
{
public:
    bool isCancelled() const { return m_cancelled.load(); }
    /** Marks the build cancelled and kills every running process session. Thread-safe. */
    void cancel();

    /** Registers a session leader; kills it at once when the build is already cancelled. */
    void add(qint64 sessionId);
    void remove(qint64 sessionId);

    /** Kills (SIGKILL) every process whose session is @p sessionId; returns how many. */
    static int killSession(qint64 sessionId);
    /** The live processes of a session (from /proc). */
    static QList<qint64> sessionProcesses(qint64 sessionId);

private:
    std::atomic<bool> m_cancelled{false};
    QMutex m_mutex;
    QSet<qint64> m_sessions;
};

/** What one command did. */
struct ProcessResult
{
    int exitCode = -1;
    bool started = false;
    bool crashed = false;      ///< killed by a signal
    bool cancelled = false;    ///< the build was cancelled while it ran
    QString errorString;       ///< why it could not be started
    QByteArray standardOutput; ///< only with ProcessSpec::captureOutput
    QStringList lastLines;     ///< the last output lines (both channels), for failures

    bool ok() const { return started && !crashed && !cancelled && exitCode == 0; }
};

/** One command to run. */
struct ProcessSpec
{
    QString program;
    QStringList arguments;
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    /** Keep stdout as data (standardOutput) instead of reporting it as lines. */
    bool captureOutput = false;
    /** Called for every output line (stdout unless captured, and stderr), in the caller's thread. */
    std::function<void(const QString &line)> onLine;
};

/**
 * Runs one process to its end in the calling (worker) thread: never call it on the GUI thread.
 *
 * The child becomes a session leader (setsid), so cancelling kills it with all its children.
 */
ProcessResult runProcess(const ProcessSpec &spec, BuildCancellation &cancellation);

/** How many last output lines a ProcessResult keeps. */
inline constexpr int kLastLineCount = 20;

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/processrunner.h"

#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <signal.h>
#include <unistd.h>

namespace Stagecraft::Model {

namespace {

/** The session id (field 6) of /proc/PID/stat, or -1 (also for zombies: they run nothing). */
qint64 sessionOf(const QString &pid)
{
    QFile file(QStringLiteral("/proc/") + pid + QStringLiteral("/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // "pid (comm) state ppid pgrp session ...": comm may contain spaces and parentheses.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 4 || fields.at(0) == "Z" || fields.at(0) == "X")
        return -1;
    bool ok = false;
    const qint64 session = fields.at(3).toLongLong(&ok);
    return ok ? session : -1;
}

/** The parent pid (field 4) of /proc/PID/stat, or -1. */
qint64 parentOf(const QString &pid)
{
    QFile file(QStringLiteral("/proc/") + pid + QStringLiteral("/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    bool ok = false;
    const qint64 parent = fields.value(1).toLongLong(&ok);
    return ok ? parent : -1;
}

/** Splits complete lines off @p buffer. */
void takeLines(QByteArray &buffer, const ProcessSpec &spec, QStringList &last, bool flush)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = buffer.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        const QString text = QString::fromUtf8(line);
        last.append(text);
        if (last.size() > kLastLineCount)
            last.removeFirst();
        if (spec.onLine)
            spec.onLine(text);
        start = end + 1;
    }
    buffer.remove(0, start);
    if (flush && !buffer.isEmpty()) {
        const QString text = QString::fromUtf8(buffer);
        last.append(text);
        if (last.size() > kLastLineCount)
            last.removeFirst();
        if (spec.onLine)
            spec.onLine(text);
        buffer.clear();
    }
}

} // namespace

void BuildCancellation::cancel()
{
    QSet<qint64> sessions;
    {
        QMutexLocker locker(&m_mutex);
        m_cancelled.store(true);
        sessions = m_sessions;
    }
    for (qint64 session : sessions)
        killSession(session);
}

void BuildCancellation::add(qint64 sessionId)
{
    bool kill = false;
    {
        QMutexLocker locker(&m_mutex);
        m_sessions.insert(sessionId);
        kill = m_cancelled.load();
    }
    if (kill)
        killSession(sessionId);
}

void BuildCancellation::remove(qint64 sessionId)
{
    QMutexLocker locker(&m_mutex);
    m_sessions.remove(sessionId);
}

QList<qint64> BuildCancellation::sessionProcesses(qint64 sessionId)
{
    QList<qint64> result;
    if (sessionId <= 1)
        return result;
    // The session's members, plus their descendants that started sessions of their own (a
    // container runtime may do so for the container's process).
    QHash<qint64, qint64> parents;
    QSet<qint64> members;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        parents.insert(pid, parentOf(entry));
        if (sessionOf(entry) == sessionId)
            members.insert(pid);
    }
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        qint64 ancestor = it.value();
        for (int depth = 0; depth < 64 && ancestor > 1; ++depth) {
            if (members.contains(ancestor)) {
                members.insert(it.key());
                break;
            }
            ancestor = parents.value(ancestor, -1);
        }
    }
    result = members.values();
    std::sort(result.begin(), result.end());
    return result;
}

int BuildCancellation::killSession(qint64 sessionId)
{
    if (sessionId <= 1)
        return 0;
    // The process group first (the common case), then anything of the session that moved to a
    // group of its own; repeat, since a dying parent may just have forked.
    ::kill(pid_t(-sessionId), SIGKILL);
    int killed = 0;
    for (int round = 0; round < 5; ++round) {
        const QList<qint64> pids = sessionProcesses(sessionId);
        if (pids.isEmpty())
            break;
        for (qint64 pid : pids) {
            if (::kill(pid_t(pid), SIGKILL) == 0)
                ++killed;
        }
        QThread::msleep(10);
    }
    return killed;
}

ProcessResult runProcess(const ProcessSpec &spec, BuildCancellation &cancellation)
{
    ProcessResult result;
    if (cancellation.isCancelled()) {
        result.cancelled = true;
        return result;
    }
    QProcess process;
    process.setProgram(spec.program);
    process.setArguments(spec.arguments);
    process.setProcessEnvironment(spec.environment);
    if (!spec.workingDirectory.isEmpty())
        process.setWorkingDirectory(spec.workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    // A session of its own: cancel kills the whole tree, and a terminal's signals do not reach it.
    process.setChildProcessModifier([] { ::setsid(); });
    process.start();
    if (!process.waitForStarted(-1)) {
        result.errorString = process.errorString();
        return result;
    }
    result.started = true;
    const qint64 session = process.processId();
    cancellation.add(session);

    QByteArray out;
    QByteArray err;
    QStringList last;
    const auto drain = [&](bool flush) {
        if (spec.captureOutput)
            result.standardOutput += process.readAllStandardOutput();
        else
            out += process.readAllStandardOutput();
        err += process.readAllStandardError();
        if (!spec.captureOutput)
            takeLines(out, spec, last, flush);
        takeLines(err, spec, last, flush);
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        drain(false);
        if (cancellation.isCancelled() && process.state() != QProcess::NotRunning) {
            BuildCancellation::killSession(session);
            process.waitForFinished(-1);
        }
    }
    drain(true);
    cancellation.remove(session);
    // Children that outlived their parent in its process group (a daemonised helper): none may
    // stay. After a cancel the whole session and its descendants were killed already.
    ::kill(pid_t(-session), SIGKILL);

    result.lastLines = last;
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.cancelled = cancellation.isCancelled();
    return result;
}

} // namespace Stagecraft::Model

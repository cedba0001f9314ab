// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitworktree.h"

#include "common/tr.h"

#include <QMap>

namespace Stagecraft::Model {

namespace {

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

QString failure(const GitRepository::Output &out, const QString &what)
{
    if (!out.startError.isEmpty())
        return out.startError;
    return Tr::tr("git %1 failed (exit code %2): %3")
            .arg(what)
            .arg(out.exitCode)
            .arg(QString::fromUtf8(out.standardError).trimmed());
}

// git's porcelain letters as go-git's StatusCode: a type change is a modification to go-git,
// and every unmerged combination is UpdatedButUnmerged.
char goGitCode(char c)
{
    return c == 'T' ? 'M' : c;
}

bool isUnmerged(char x, char y)
{
    return x == 'U' || y == 'U' || (x == 'A' && y == 'A') || (x == 'D' && y == 'D');
}

} // namespace

GitWorkTree::GitWorkTree(const QString &path)
    : m_repository(path)
{}

const GitTree *GitWorkTree::headTree(QString *errorMessage)
{
    if (!m_headRead) {
        m_headRead = true;
        const std::optional<QString> head = m_repository.headCommit(&m_headError);
        if (head)
            m_head = m_repository.tree(*head, &m_headError);
        if (m_head) {
            for (const GitTreeEntry &e : m_head->entries()) {
                if (e.isSubmodule())
                    m_submodules.append(e.path);
            }
        }
    }
    if (!m_head) {
        setError(errorMessage, m_headError);
        return nullptr;
    }
    return &*m_head;
}

QList<QByteArray> GitWorkTree::submodulePaths()
{
    headTree();
    return m_submodules;
}

const QList<GitWorkTree::StatusEntry> *GitWorkTree::status(QString *errorMessage)
{
    if (!m_statusRead) {
        m_statusRead = true;
        const QStringList args{QStringLiteral("status"),
                               QStringLiteral("--porcelain=v1"),
                               QStringLiteral("-z"),
                               QStringLiteral("--untracked-files=all"),
                               QStringLiteral("--no-renames")};
        const GitRepository::Output out = m_repository.run(args);
        if (out.exitCode != 0)
            m_statusError = failure(out, args.join(u' '));
        else
            m_status = parseStatus(out.standardOutput, &m_statusError);
    }
    if (!m_status) {
        setError(errorMessage, m_statusError);
        return nullptr;
    }
    return &*m_status;
}

std::optional<QList<GitWorkTree::StatusEntry>> GitWorkTree::parseStatus(const QByteArray &output,
                                                                        QString *errorMessage)
{
    QMap<QByteArray, StatusEntry> byPath; // sorted like Go's sort.Strings (bytewise)
    for (const QByteArray &record : output.split('\0')) {
        if (record.isEmpty())
            continue;
        if (record.size() < 4 || record.at(2) != ' ') {
            setError(errorMessage,
                     Tr::tr("unexpected git status output: %1").arg(QString::fromUtf8(record)));
            return std::nullopt;
        }
        const char x = record.at(0);
        const char y = record.at(1);
        StatusEntry entry;
        entry.path = record.mid(3);
        if (x == '?' && y == '?') {
            entry.staging = '?';
            entry.worktree = '?';
        } else if (isUnmerged(x, y)) {
            entry.staging = 'U';
            entry.worktree = 'U';
        } else {
            entry.staging = goGitCode(x);
            entry.worktree = goGitCode(y);
        }
        const auto it = byPath.find(entry.path);
        if (it == byPath.end()) {
            byPath.insert(entry.path, entry);
        } else if (it->staging == 'D' && entry.staging == '?') {
            it->worktree = '?'; // `git rm --cached`: deleted from the index, still on disk
        } else if (it->staging == '?' && entry.staging == 'D') {
            it->staging = 'D';
        } else {
            setError(errorMessage,
                     Tr::tr("unexpected git status output: %1 listed twice")
                             .arg(QString::fromUtf8(entry.path)));
            return std::nullopt;
        }
    }
    return byPath.values();
}

std::optional<QStringList> GitWorkTree::ignored(const QStringList &absolutePaths,
                                                QString *errorMessage) const
{
    if (absolutePaths.isEmpty())
        return QStringList();
    // werf feeds newline-separated paths and trims quotes from the answer; -z gives the same
    // paths without git's quoting of unusual names.
    QByteArray input;
    for (const QString &path : absolutePaths)
        input += path.toUtf8() + '\0';
    const QStringList args{QStringLiteral("check-ignore"),
                           QStringLiteral("--stdin"),
                           QStringLiteral("-z")};
    const GitRepository::Output out = m_repository.run(args, input);
    // Exit code 1: none of the paths is ignored.
    if (out.exitCode == 1 && out.startError.isEmpty())
        return QStringList();
    if (out.exitCode != 0) {
        setError(errorMessage, failure(out, args.join(u' ')));
        return std::nullopt;
    }
    QStringList result;
    for (const QByteArray &path : out.standardOutput.split('\0')) {
        if (!path.isEmpty())
            result.append(QString::fromUtf8(path));
    }
    return result;
}

} // namespace Stagecraft::Model

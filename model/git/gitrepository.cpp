// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitrepository.h"

#include "common/tr.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace Stagecraft::Model {

namespace {

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

QString describeFailure(const GitRepository::Output &out, const QStringList &arguments)
{
    if (!out.startError.isEmpty())
        return out.startError;
    const QString stderrText = QString::fromUtf8(out.standardError).trimmed();
    return Tr::tr("git %1 failed (exit code %2): %3")
            .arg(arguments.join(QLatin1Char(' ')))
            .arg(out.exitCode)
            .arg(stderrText);
}

bool isHexId(const QByteArray &id)
{
    if (id.size() != 40 && id.size() != 64)
        return false;
    for (const char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

GitRepository::GitRepository(const QString &path, const QString &gitProgram)
    : m_path(path)
    , m_gitProgram(gitProgram)
{}

GitRepository::Output GitRepository::run(const QStringList &arguments,
                                         const QByteArray &standardInput) const
{
    Output out;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Stable, untranslated output, and no pager or prompts from a user's configuration.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("GIT_PAGER"), QStringLiteral("cat"));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.remove(QStringLiteral("GIT_DIR"));
    env.remove(QStringLiteral("GIT_WORK_TREE"));
    process.setProcessEnvironment(env);
    QStringList fullArguments{QStringLiteral("-C"), m_path};
    fullArguments += arguments;
    process.start(m_gitProgram, fullArguments);
    if (!process.waitForStarted()) {
        out.startError = Tr::tr("cannot run %1: %2").arg(m_gitProgram, process.errorString());
        return out;
    }
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit) {
        out.startError = Tr::tr("%1 did not finish: %2").arg(m_gitProgram, process.errorString());
        return out;
    }
    out.exitCode = process.exitCode();
    out.standardOutput = process.readAllStandardOutput();
    out.standardError = process.readAllStandardError();
    return out;
}

bool GitRepository::isValid(QString *errorMessage) const
{
    const QStringList args{QStringLiteral("rev-parse"), QStringLiteral("--git-dir")};
    const Output out = run(args);
    if (out.exitCode != 0) {
        setError(errorMessage, describeFailure(out, args));
        return false;
    }
    return true;
}

std::optional<bool> GitRepository::isShallow(QString *errorMessage) const
{
    const QStringList args{QStringLiteral("rev-parse"), QStringLiteral("--is-shallow-repository")};
    const Output out = run(args);
    if (out.exitCode != 0) {
        setError(errorMessage, describeFailure(out, args));
        return std::nullopt;
    }
    return out.standardOutput.trimmed() == "true";
}

std::optional<QString> GitRepository::headCommit(QString *errorMessage) const
{
    const QStringList args{QStringLiteral("rev-parse"),
                           QStringLiteral("--verify"),
                           QStringLiteral("HEAD^{commit}")};
    const Output out = run(args);
    const QByteArray id = out.standardOutput.trimmed();
    if (out.exitCode != 0 || !isHexId(id)) {
        setError(errorMessage, describeFailure(out, args));
        return std::nullopt;
    }
    return QString::fromLatin1(id);
}

std::optional<QString> GitRepository::resolve(const GitRevision &revision,
                                              QString *errorMessage) const
{
    // werf uses a configured commit verbatim, without asking the repository.
    if (!revision.commit.isEmpty())
        return revision.commit;

    auto revParse = [this, errorMessage](const QString &ref) -> std::optional<QString> {
        const QStringList args{QStringLiteral("rev-parse"),
                               QStringLiteral("--verify"),
                               QStringLiteral("--quiet"),
                               ref};
        const Output out = run(args);
        const QByteArray id = out.standardOutput.trimmed();
        if (out.exitCode != 0 || !isHexId(id)) {
            setError(errorMessage, describeFailure(out, args));
            return std::nullopt;
        }
        return QString::fromLatin1(id);
    };

    if (!revision.tag.isEmpty())
        return revParse(u"refs/tags/" + revision.tag + u"^{commit}");
    if (!revision.branch.isEmpty()) {
        if (auto id = revParse(u"refs/remotes/origin/" + revision.branch + u"^{commit}"))
            return id;
        return revParse(u"refs/heads/" + revision.branch + u"^{commit}");
    }
    return headCommit(errorMessage);
}

bool GitRepository::commitExists(const QString &commit) const
{
    if (!isHexId(commit.toLatin1()))
        return false;
    const Output out = run(
            {QStringLiteral("cat-file"), QStringLiteral("-e"), commit + u"^{commit}"});
    return out.exitCode == 0;
}

std::optional<bool> GitRepository::isAncestor(const QString &ancestor,
                                              const QString &descendant,
                                              QString *errorMessage) const
{
    // Only object ids reach git as arguments: a value from werf.yaml such as "--output=x" must
    // never be taken for an option.
    if (!isHexId(ancestor.toLatin1()) || !isHexId(descendant.toLatin1()))
        return false;
    const QStringList args{QStringLiteral("merge-base"),
                           QStringLiteral("--is-ancestor"),
                           ancestor,
                           descendant};
    const Output out = run(args);
    if (!out.startError.isEmpty()) {
        setError(errorMessage, out.startError);
        return std::nullopt;
    }
    if (out.exitCode == 0)
        return true;
    // Exit 1 is "not an ancestor"; werf treats "Not a valid commit name" (128) the same way.
    if (out.exitCode == 1 || out.standardError.contains("Not a valid commit name")
        || out.standardError.contains("not a valid object name")
        || out.standardError.contains("Not a valid object name"))
        return false;
    setError(errorMessage, describeFailure(out, args));
    return std::nullopt;
}

std::optional<GitTree> GitRepository::tree(const QString &commit, QString *errorMessage) const
{
    // werf decodes the commit as a hex object id too (ls_tree.go newHash).
    if (!isHexId(commit.toLatin1())) {
        setError(errorMessage,
                 Tr::tr("invalid commit \"%1\": not a full hexadecimal object id").arg(commit));
        return std::nullopt;
    }
    const QStringList rootArgs{QStringLiteral("rev-parse"),
                               QStringLiteral("--verify"),
                               commit + u"^{tree}"};
    const Output root = run(rootArgs);
    const QByteArray rootId = root.standardOutput.trimmed();
    if (root.exitCode != 0 || !isHexId(rootId)) {
        setError(errorMessage, describeFailure(root, rootArgs));
        return std::nullopt;
    }
    const QStringList args{QStringLiteral("ls-tree"),
                           QStringLiteral("-r"),
                           QStringLiteral("-t"),
                           QStringLiteral("-z"),
                           QStringLiteral("--full-tree"),
                           commit};
    const Output out = run(args);
    if (out.exitCode != 0) {
        setError(errorMessage, describeFailure(out, args));
        return std::nullopt;
    }
    QList<GitTreeEntry> entries;
    // Each record: "<mode> SP <type> SP <object> TAB <path> NUL"; -z keeps paths unquoted.
    for (const QByteArray &record : out.standardOutput.split('\0')) {
        if (record.isEmpty())
            continue;
        const qsizetype tab = record.indexOf('\t');
        const QList<QByteArray> meta = record.left(tab).split(' ');
        if (tab < 0 || meta.size() != 3) {
            setError(errorMessage,
                     Tr::tr("unexpected git ls-tree output: %1").arg(QString::fromUtf8(record)));
            return std::nullopt;
        }
        entries.append({meta.at(0), meta.at(1), meta.at(2), record.mid(tab + 1)});
    }
    return GitTree(commit, rootId, entries);
}

std::optional<QByteArray> GitRepository::diff(const QString &fromCommit,
                                              const QString &toCommit,
                                              const DiffOptions &options,
                                              QString *errorMessage) const
{
    if (!isHexId(fromCommit.toLatin1()) || !isHexId(toCommit.toLatin1())) {
        setError(errorMessage,
                 Tr::tr("invalid commit range %1..%2: not full hexadecimal object ids")
                         .arg(fromCommit, toCommit));
        return std::nullopt;
    }
    QStringList args{QStringLiteral("-c"),
                     QStringLiteral("diff.renames=false"),
                     QStringLiteral("-c"),
                     QStringLiteral("core.quotePath=false")};
    if (options.entireFileContext)
        args += {QStringLiteral("-c"), QStringLiteral("diff.context=999999999")};
    args += {QStringLiteral("diff"),
             QStringLiteral("--full-index"),
             QStringLiteral("--submodule=log")};
    if (options.binary)
        args += QStringLiteral("--binary");
    args += {fromCommit, toCommit};
    const Output out = run(args);
    if (out.exitCode != 0) {
        setError(errorMessage, describeFailure(out, args));
        return std::nullopt;
    }
    return out.standardOutput;
}

} // namespace Stagecraft::Model

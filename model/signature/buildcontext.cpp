// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildcontext.h"

#include "common/tr.h"
#include "dockerignorepathmatcher.h"
#include "git/gitworktree.h"
#include "git/gopath.h"
#include "hash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace Stagecraft::Model {

namespace {

QString clean(const QString &path)
{
    return QString::fromUtf8(GoPath::clean(path.toUtf8()));
}

QString join(const QString &a, const QString &b)
{
    return QString::fromUtf8(GoPath::join({a.toUtf8(), b.toUtf8()}));
}

// filepath.Rel; a null string where Go fails.
QString rel(const QString &base, const QString &target)
{
    const QByteArray r = GoPath::rel(base.toUtf8(), target.toUtf8());
    return r.isNull() ? QString() : QString::fromUtf8(r);
}

bool isOutside(const QString &relative)
{
    return relative.isNull() || relative == u".." || relative.startsWith(u"../");
}

// Go's scanChunk: leading stars, then everything up to the next unescaped star outside a class.
void scanChunk(QStringView &pattern, bool &star, QStringView &chunk)
{
    star = false;
    while (!pattern.isEmpty() && pattern.front() == u'*') {
        pattern = pattern.mid(1);
        star = true;
    }
    bool inRange = false;
    qsizetype i = 0;
    for (; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            if (i + 1 < pattern.size())
                ++i;
        } else if (c == u'[') {
            inRange = true;
        } else if (c == u']') {
            inRange = false;
        } else if (c == u'*' && !inRange) {
            break;
        }
    }
    chunk = pattern.left(i);
    pattern = pattern.mid(i);
}

bool getEsc(QStringView &chunk, QChar &r)
{
    if (chunk.isEmpty() || chunk.front() == u'-' || chunk.front() == u']')
        return false;
    if (chunk.front() == u'\\') {
        chunk = chunk.mid(1);
        if (chunk.isEmpty())
            return false;
    }
    r = chunk.front();
    chunk = chunk.mid(1);
    return true;
}

// Go's matchChunk: the rest of s after chunk, or nullopt; bad for a malformed chunk.
std::optional<QStringView> matchChunk(QStringView chunk, QStringView s, bool &bad)
{
    while (!chunk.isEmpty()) {
        if (s.isEmpty())
            return std::nullopt;
        const QChar c = chunk.front();
        if (c == u'[') {
            const QChar r = s.front();
            s = s.mid(1);
            chunk = chunk.mid(1);
            bool negated = false;
            if (!chunk.isEmpty() && chunk.front() == u'^') {
                negated = true;
                chunk = chunk.mid(1);
            }
            bool match = false;
            int nrange = 0;
            for (;;) {
                if (!chunk.isEmpty() && chunk.front() == u']' && nrange > 0) {
                    chunk = chunk.mid(1);
                    break;
                }
                QChar lo;
                QChar hi;
                if (!getEsc(chunk, lo)) {
                    bad = true;
                    return std::nullopt;
                }
                hi = lo;
                if (!chunk.isEmpty() && chunk.front() == u'-') {
                    chunk = chunk.mid(1);
                    if (!getEsc(chunk, hi)) {
                        bad = true;
                        return std::nullopt;
                    }
                }
                if (lo <= r && r <= hi)
                    match = true;
                ++nrange;
            }
            if (match == negated)
                return std::nullopt;
        } else if (c == u'?') {
            if (s.front() == u'/')
                return std::nullopt;
            s = s.mid(1);
            chunk = chunk.mid(1);
        } else {
            if (c == u'\\') {
                chunk = chunk.mid(1);
                if (chunk.isEmpty()) {
                    bad = true;
                    return std::nullopt;
                }
            }
            if (chunk.front() != s.front())
                return std::nullopt;
            s = s.mid(1);
            chunk = chunk.mid(1);
        }
    }
    return s;
}

bool hasMeta(const QString &path)
{
    for (const QChar c : path) {
        if (c == u'*' || c == u'?' || c == u'[' || c == u'\\')
            return true;
    }
    return false;
}

std::optional<QByteArray> readLink(const QString &path)
{
    const QByteArray encoded = QFile::encodeName(path);
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(encoded.constData(), target.data(), size_t(target.size()));
    if (n < 0)
        return std::nullopt;
    target.truncate(qsizetype(n));
    return target;
}

bool lstatOk(const QString &path, struct stat &st)
{
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

bool isDirectoryFollowing(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

QStringList sortedNames(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                            | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.toUtf8() < b.toUtf8();
    });
    return names;
}

void globIn(const QString &dir, const QString &pattern, QStringList &matches, bool *bad)
{
    if (!isDirectoryFollowing(dir))
        return;
    for (const QString &name : sortedNames(dir)) {
        bool b = false;
        const bool m = BuildContext::goMatch(pattern, name, &b);
        if (b) {
            if (bad)
                *bad = true;
            return;
        }
        if (m)
            matches.append(join(dir, name));
    }
}

} // namespace

bool BuildContext::goMatch(const QString &patternText, const QString &nameText, bool *badPattern)
{
    QStringView pattern(patternText);
    QStringView name(nameText);
    bool bad = false;
    auto result = [&](bool r) {
        if (badPattern)
            *badPattern = bad;
        return bad ? false : r;
    };
    while (!pattern.isEmpty()) {
        bool star = false;
        QStringView chunk;
        scanChunk(pattern, star, chunk);
        if (star && chunk.isEmpty())
            return result(!name.contains(u'/'));
        const std::optional<QStringView> t = matchChunk(chunk, name, bad);
        if (t && (t->isEmpty() || !pattern.isEmpty())) {
            name = *t;
            continue;
        }
        if (bad)
            return result(false);
        bool advanced = false;
        if (star) {
            for (qsizetype i = 0; i < name.size() && name.at(i) != u'/'; ++i) {
                const std::optional<QStringView> t2 = matchChunk(chunk, name.mid(i + 1), bad);
                if (t2) {
                    if (pattern.isEmpty() && !t2->isEmpty())
                        continue;
                    name = *t2;
                    advanced = true;
                    break;
                }
                if (bad)
                    return result(false);
            }
        }
        if (!advanced)
            return result(false);
    }
    return result(name.isEmpty());
}

QStringList BuildContext::goGlob(const QString &pattern, bool *badPattern)
{
    if (!hasMeta(pattern)) {
        struct stat st
        {};
        return lstatOk(pattern, st) ? QStringList{pattern} : QStringList();
    }
    const qsizetype slash = pattern.lastIndexOf(u'/');
    QString dir = slash < 0 ? QString() : pattern.left(slash + 1);
    const QString file = pattern.mid(slash + 1);
    // cleanGlobPath
    if (dir.isEmpty())
        dir = QStringLiteral(".");
    else if (dir != u"/")
        dir.chop(1);
    QStringList matches;
    if (!hasMeta(dir)) {
        globIn(dir, file, matches, badPattern);
        return matches;
    }
    if (dir == pattern) {
        if (badPattern)
            *badPattern = true;
        return {};
    }
    for (const QString &d : goGlob(dir, badPattern))
        globIn(d, file, matches, badPattern);
    return matches;
}

QString BuildContext::goFileMode(const QString &path)
{
    struct stat st
    {};
    if (!lstatOk(path, st))
        return {};
    QString mode;
    const mode_t m = st.st_mode;
    // Go's type letters in the order of its "dalTLDpSugct?" table.
    if (S_ISDIR(m))
        mode += u'd';
    if (S_ISLNK(m))
        mode += u'L';
    if (S_ISBLK(m) || S_ISCHR(m))
        mode += u'D';
    if (S_ISFIFO(m))
        mode += u'p';
    if (S_ISSOCK(m))
        mode += u'S';
    if (m & S_ISUID)
        mode += u'u';
    if (m & S_ISGID)
        mode += u'g';
    if (S_ISCHR(m))
        mode += u'c';
    if (m & S_ISVTX)
        mode += u't';
    if (mode.isEmpty())
        mode = QStringLiteral("-");
    const char rwx[] = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        mode += (m & (1 << (8 - i))) ? QChar::fromLatin1(rwx[i]) : u'-';
    return mode;
}

BuildContext::BuildContext(const QString &projectDir,
                           const QString &contextDir,
                           const DockerIgnore &ignore,
                           GitWorkTree *git)
    : m_projectDir(clean(projectDir))
    , m_contextDir(clean(contextDir))
    , m_ignore(ignore)
    , m_git(git)
{
    const QString r = rel(m_projectDir, m_contextDir);
    m_contextRelative = (r == u".") ? QString() : r;
}

bool BuildContext::passes(const QString &path) const
{
    const QString p = (path.isEmpty() || path == u".") ? QString() : clean(path);
    if (!m_contextRelative.isEmpty()
        && !QString(p + u'/').startsWith(QString(m_contextRelative + u'/')))
        return false;
    if (p == m_contextRelative)
        return true;
    return !m_ignore.matches(m_contextRelative.isEmpty() ? p : rel(m_contextRelative, p));
}

std::optional<QString> BuildContext::filesChecksum(const QStringList &wildcards,
                                                   QStringList *warnings,
                                                   QString *error,
                                                   bool *unsupported) const
{
    if (unsupported)
        *unsupported = false;
    // normalizeCopyAddSources
    QStringList normalized;
    for (const QString &source : wildcards) {
        QString wildcard = clean(source);
        if (wildcard == u"/")
            wildcard = QStringLiteral(".");
        else if (wildcard.startsWith(u'/'))
            wildcard = wildcard.mid(1);
        normalized.append(wildcard);
    }
    if (m_git)
        return gitFilesChecksum(normalized, warnings, error, unsupported);
    const std::optional<QStringList> paths = projectFiles(normalized, warnings, error);
    if (!paths)
        return std::nullopt;
    return projectFilesChecksum(*paths, error);
}

std::optional<QStringList> BuildContext::projectFiles(const QStringList &wildcards,
                                                      QStringList *warnings,
                                                      QString *error) const
{
    // getProjectFilesByWildcards
    QStringList paths;
    for (const QString &wildcard : wildcards) {
        const QString contextWildcard = join(m_contextDir, wildcard);
        if (isOutside(rel(m_projectDir, contextWildcard))) {
            if (warnings)
                warnings->append(
                        QStringLiteral("Outside the build context wildcard %1 is not supported "
                                       "and skipped")
                                .arg(wildcard));
            continue;
        }
        bool bad = false;
        const QStringList matches = goGlob(contextWildcard, &bad);
        if (bad) {
            if (error)
                *error = u"glob " + contextWildcard + u" failed: syntax error in pattern";
            return std::nullopt;
        }
        // filepath.Walk: lstat, directories in lexical order, links not followed.
        std::function<bool(const QString &)> walk = [&](const QString &path) {
            struct stat st
            {};
            if (!lstatOk(path, st)) {
                if (error)
                    *error = u"filepath walk failed: lstat " + path + u": no such file";
                return false;
            }
            if (S_ISDIR(st.st_mode)) {
                for (const QString &name : sortedNames(path)) {
                    if (!walk(join(path, name)))
                        return false;
                }
                return true;
            }
            if (passes(rel(m_projectDir, path)))
                paths.append(path);
            return true;
        };
        for (const QString &match : matches) {
            if (!walk(match))
                return std::nullopt;
        }
    }
    return paths;
}

std::optional<QString> BuildContext::projectFilesChecksum(QStringList paths, QString *error) const
{
    // calculateProjectFilesChecksum: sorted, unique, path + mode + content (or link target).
    std::sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        return a.toUtf8() < b.toUtf8();
    });
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    QStringList dependencies;
    for (const QString &path : std::as_const(paths)) {
        dependencies.append(rel(m_projectDir, path));
        const QString mode = goFileMode(path);
        dependencies.append(mode);
        if (mode.startsWith(u'L')) {
            const std::optional<QByteArray> target = readLink(path);
            if (!target) {
                if (error)
                    *error = u"read link " + path + u" failed";
                return std::nullopt;
            }
            dependencies.append(QFile::decodeName(*target));
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                if (error)
                    *error = u"read file " + path + u" failed: " + file.errorString();
                return std::nullopt;
            }
            dependencies.append(Hash::raw256(file.readAll()));
        }
    }
    return dependencies.isEmpty() ? QString() : Hash::h256(dependencies);
}

std::optional<QString> BuildContext::gitFilesChecksum(const QStringList &wildcards,
                                                      QStringList *warnings,
                                                      QString *error,
                                                      bool *unsupported) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString gitError;
    const GitTree *tree = m_git->headTree(&gitError);
    if (!tree)
        return fail(gitError);
    const QByteArray contextPath = m_contextRelative.toUtf8();
    // werf descends into initialised submodules (their own ls-tree and status); not reproduced.
    for (const QByteArray &submodule : m_git->submodulePaths()) {
        if (contextPath.isEmpty() || submodule == contextPath
            || submodule.startsWith(QByteArray(contextPath + '/'))) {
            if (unsupported)
                *unsupported = true;
            return fail(Tr::tr("the build context contains the git submodule %1: werf 1.1 hashes "
                               "submodules' own trees and status, which Stagecraft does not "
                               "reproduce yet")
                                .arg(QString::fromUtf8(submodule)));
        }
    }

    // ls-tree of HEAD through the .dockerignore (werf keeps it per stage), then the sources.
    const DockerIgnorePathMatcher ignoreMatcher(contextPath, m_ignore);
    if (!m_mainLsTree)
        m_mainLsTree = tree->lsTree(ignoreMatcher);
    QList<QByteArray> includes;
    for (const QString &w : wildcards)
        includes.append(w.toUtf8());
    const PathMatcher wildcardsMatcher(contextPath, includes);
    const QString lsTreeChecksum = GitTree::checksum(tree->lsTree(*m_mainLsTree, wildcardsMatcher));

    // The status of uncommitted files (go-git's codes), each file one "🐜"-joined record.
    const QList<GitWorkTree::StatusEntry> *status = m_git->status(&gitError);
    if (!status)
        return fail(gitError);
    const QByteArray separator = QStringLiteral("\U0001F41C").toUtf8();
    QByteArray statusRecords;
    bool anyStatus = false;
    for (const GitWorkTree::StatusEntry &entry : *status) {
        if (!ignoreMatcher.matchPath(entry.path) || !wildcardsMatcher.matchPath(entry.path))
            continue;
        const QString absolute = join(m_projectDir, QString::fromUtf8(entry.path));
        QString name;
        bool withData = false;
        const char s = entry.staging;
        const char w = entry.worktree;
        if (s == '?' && w == '?') {
            name = QStringLiteral("Untracked");
            withData = true;
        } else if (s == ' ' && w == 'M') {
            name = QStringLiteral("Modified");
            withData = true;
        } else if (s == ' ' && w == 'D') {
            name = QStringLiteral("Deleted");
        } else if ((s == 'A' || s == 'M') && (w == ' ' || w == 'M')) {
            name = QStringLiteral("Added");
            withData = true;
        } else if ((s == 'A' || s == 'M') && w == 'D') {
            continue; // werf skips a staged file that is gone from the work tree
        } else if (s == 'D' && w == '?') {
            name = QStringLiteral("Untracked");
            withData = true;
        } else if (s == 'D' && w == ' ') {
            name = QStringLiteral("Deleted");
        } else if (s == 'U') {
            name = QStringLiteral("Updated");
            withData = QFileInfo::exists(absolute) || QFileInfo(absolute).isSymLink();
        } else {
            return fail(Tr::tr("unexpected git status of %1 (staging '%2', work tree '%3')")
                                .arg(QString::fromUtf8(entry.path))
                                .arg(QChar::fromLatin1(s))
                                .arg(QChar::fromLatin1(w)));
        }
        QList<QByteArray> args{entry.path, name.toUtf8()};
        if (withData) {
            const QString mode = goFileMode(absolute);
            if (mode.isEmpty())
                return fail(u"os stat " + absolute + u" failed");
            QByteArray data;
            if (mode.startsWith(u'L')) {
                const std::optional<QByteArray> target = readLink(absolute);
                if (!target)
                    return fail(u"os read link " + absolute + u" failed");
                data = *target;
            } else {
                QFile file(absolute);
                if (!file.open(QIODevice::ReadOnly))
                    return fail(u"os read file " + absolute + u" failed: " + file.errorString());
                data = file.readAll();
            }
            args << mode.toUtf8() << Hash::raw256(data).toLatin1();
        }
        statusRecords += args.join(separator);
        anyStatus = true;
    }
    const QString statusChecksum = anyStatus ? Hash::raw256(statusRecords) : QString();

    // Files on disk that .gitignore hides from both: hashed like a context outside git.
    const std::optional<QStringList> files = projectFiles(wildcards, warnings, error);
    if (!files)
        return std::nullopt;
    const std::optional<QStringList> ignored = m_git->ignored(*files, &gitError);
    if (!ignored)
        return fail(gitError);
    const std::optional<QString> ignoredChecksum = projectFilesChecksum(*ignored, error);
    if (!ignoredChecksum)
        return std::nullopt;
    // werf 1.1 leaves the third argument out when it is empty ("legacy till v1.2").
    if (ignoredChecksum->isEmpty())
        return Hash::h256({lsTreeChecksum, statusChecksum});
    return Hash::h256({lsTreeChecksum, statusChecksum, *ignoredChecksum});
}

} // namespace Stagecraft::Model

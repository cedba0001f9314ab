// SPDX-License-Identifier: GPL-3.0-or-later
// A Dockerfile build context inside the project's git repository, hashed as werf 1.1's
// DockerfileStage.calculateFilesChecksumWithGit does it: ls-tree of HEAD through the
// .dockerignore, git status of the uncommitted files, git check-ignore for the rest. The tests
// make real repositories and compute the expected values from first principles (git object ids,
// werf's record formats) independently of the code under test.
#include "git/gitworktree.h"
#include "signature/buildcontext.h"
#include "signature/dockerfilesignature.h"
#include "signature/dockerignore.h"
#include "signature/dockerignorepathmatcher.h"
#include "signature/hash.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

/** Porcelain -z output written with '|' for the NUL separators. */
QByteArray z(const char *text)
{
    return QByteArray(text).replace('|', '\0');
}

const QString mode644 = u"-rw-r--r--"_s;

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(content);
    f.close();
    // Modes are hashed ("-rw-r--r--"): do not depend on the umask.
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                             | QFile::ReadOther));
}

/** git's object id of a blob: SHA-1 of "blob <size>\0<content>". */
QByteArray blobId(const QByteArray &content)
{
    const QByteArray object = "blob " + QByteArray::number(content.size()) + '\0' + content;
    return Hash::sha1(object).toLatin1();
}

/** werf's status record of one file (status/result.go), without the next file's record. */
QByteArray statusRecord(const QByteArray &path,
                        const QByteArray &change,
                        const QByteArray &content = {},
                        bool withData = true)
{
    const QByteArray ant = QStringLiteral("\U0001F41C").toUtf8();
    QByteArray r = path + ant + change;
    if (withData)
        r += ant + mode644.toUtf8() + ant + Hash::raw256(content).toLatin1();
    return r;
}

class Repo
{
public:
    Repo()
    {
        m_git = QStandardPaths::findExecutable(u"git"_s);
        if (m_git.isEmpty())
            return;
        run({u"init"_s, u"-q"_s});
    }
    bool hasGit() const { return !m_git.isEmpty(); }
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    QByteArray run(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(m_git,
                QStringList{u"-c"_s,
                            u"user.name=t"_s,
                            u"-c"_s,
                            u"user.email=t@t"_s,
                            u"-c"_s,
                            u"core.excludesFile=/dev/null"_s}
                        + args);
        if (!p.waitForFinished() || p.exitCode() != 0) {
            m_failed = QString::fromUtf8(p.readAllStandardError());
            return {};
        }
        return p.readAllStandardOutput().trimmed();
    }
    void commitAll()
    {
        run({u"add"_s, u"-A"_s});
        run({u"commit"_s, u"-q"_s, u"-m"_s, u"c"_s});
    }
    QByteArray id(const QString &rev) { return run({u"rev-parse"_s, rev}); }
    QString failed() const { return m_failed; }

private:
    QTemporaryDir m_dir;
    QString m_git;
    QString m_failed;
};

#define REQUIRE_GIT(repo) \
    do { \
        if (!(repo).hasGit()) { \
            if (qEnvironmentVariableIsSet("CI")) \
                QFAIL("git is not installed"); \
            QSKIP("git is not installed"); \
        } \
    } while (false)

/** The checksum of COPY sources through a BuildContext in git mode. */
QString contextChecksum(const Repo &repo,
                        const QStringList &sources,
                        const QString &context = {},
                        QString *error = nullptr,
                        bool *unsupported = nullptr)
{
    const QString contextDir = context.isEmpty() ? repo.path() : repo.file(context);
    QString e;
    const std::optional<DockerIgnore> ignore = DockerIgnore::read(contextDir, &e);
    if (!ignore) {
        if (error)
            *error = e;
        return u"!"_s + e;
    }
    GitWorkTree workTree(repo.path());
    const BuildContext ctx(repo.path(), contextDir, *ignore, &workTree);
    QStringList warnings;
    const std::optional<QString> sum = ctx.filesChecksum(sources, &warnings, &e, unsupported);
    if (error)
        *error = e;
    return sum ? *sum : u"!"_s + e;
}

} // namespace

class tst_GitBuildContext : public QObject
{
    Q_OBJECT

private slots:
    void parseStatus_data();
    void parseStatus();
    void dockerIgnoreMatcher_data();
    void dockerIgnoreMatcher();
    void committedFiles();
    void modifiedTrackedFile();
    void untrackedAndStagedFiles();
    void deletedFile();
    void dockerIgnoreInGit();
    void gitIgnoredFiles();
    void subdirectoryContext();
    void submoduleIsNotComputed();
};

void tst_GitBuildContext::parseStatus_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("expected"); // "path:SW;..." or "!" for an error
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("kinds") << z(" M b|?? a|A  c|MM d| D e|D  f|")
                           << u"a:??;b: M;c:A ;d:MM;e: D;f:D "_s;
    // `git rm --cached x`: one go-git entry, staging Deleted and work tree Untracked.
    QTest::newRow("rm cached") << z("D  x|?? x|") << u"x:D?"_s;
    QTest::newRow("type change") << z(" T l|") << u"l: M"_s;
    QTest::newRow("unmerged") << z("UU m|AA n|") << u"m:UU;n:UU"_s;
    QTest::newRow("spaces in name") << z("?? a b|") << u"a b:??"_s;
    QTest::newRow("garbage") << z("XY|") << u"!"_s;
}

void tst_GitBuildContext::parseStatus()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, expected);
    QString error;
    const auto entries = GitWorkTree::parseStatus(output, &error);
    if (expected == u"!") {
        QVERIFY(!entries);
        QVERIFY(error.contains(u"unexpected git status output"_s));
        return;
    }
    QVERIFY2(entries, qPrintable(error));
    QStringList got;
    for (const GitWorkTree::StatusEntry &e : *entries)
        got.append(QString::fromUtf8(e.path) + u':' + QChar::fromLatin1(e.staging)
                   + QChar::fromLatin1(e.worktree));
    QCOMPARE(got.join(u';'), expected);
}

void tst_GitBuildContext::dockerIgnoreMatcher_data()
{
    QTest::addColumn<QByteArray>("ignore");
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<QString>("expected"); // files: "match"/"no"; dirs: "whole"/"walk"/"skip"
    QTest::newRow("no patterns: root whole")
            << QByteArray() << QByteArray() << QByteArray() << true << u"whole"_s;
    QTest::newRow("patterns: root walked")
            << QByteArray("docs\n") << QByteArray() << QByteArray() << true << u"walk"_s;
    QTest::newRow("ignored dir skipped")
            << QByteArray("docs\n") << QByteArray() << QByteArray("docs") << true << u"skip"_s;
    QTest::newRow("other dir whole")
            << QByteArray("docs\n") << QByteArray() << QByteArray("src") << true << u"whole"_s;
    QTest::newRow("nested pattern walks")
            << QByteArray("src/*.tmp\n") << QByteArray() << QByteArray("src") << true << u"walk"_s;
    QTest::newRow("double star walks")
            << QByteArray("**/*.log\n") << QByteArray() << QByteArray("a/b") << true << u"walk"_s;
    QTest::newRow("exception after ignore") << QByteArray("docs\n!docs\n") << QByteArray()
                                            << QByteArray("docs") << true << u"whole"_s;
    QTest::newRow("outside base skipped")
            << QByteArray() << QByteArray("web") << QByteArray("api") << true << u"skip"_s;
    QTest::newRow("above base walked")
            << QByteArray() << QByteArray("apps/web") << QByteArray("apps") << true << u"walk"_s;
    QTest::newRow("ignored file") << QByteArray("*.md\n") << QByteArray() << QByteArray("a.md")
                                  << false << u"no"_s;
    QTest::newRow("kept file") << QByteArray("*.md\n") << QByteArray() << QByteArray("a.txt")
                               << false << u"match"_s;
    QTest::newRow("file in ignored parent") << QByteArray("docs\n") << QByteArray()
                                            << QByteArray("docs/x/y.txt") << false << u"no"_s;
    QTest::newRow("file relative to base") << QByteArray("*.md\n") << QByteArray("web")
                                           << QByteArray("web/a.md") << false << u"no"_s;
    QTest::newRow("file outside base")
            << QByteArray() << QByteArray("web") << QByteArray("api/a") << false << u"no"_s;
}

void tst_GitBuildContext::dockerIgnoreMatcher()
{
    QFETCH(QByteArray, ignore);
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, path);
    QFETCH(bool, isDir);
    QFETCH(QString, expected);
    QString error;
    const std::optional<DockerIgnore> patterns = DockerIgnore::fromText(ignore, &error);
    QVERIFY2(patterns, qPrintable(error));
    const DockerIgnorePathMatcher matcher(base, *patterns);
    if (isDir) {
        const PathMatcher::DirDecision d = matcher.processDir(path);
        QCOMPARE(d.matched ? u"whole"_s : d.walkThrough ? u"walk"_s : u"skip"_s, expected);
    } else {
        QCOMPARE(matcher.matchPath(path) ? u"match"_s : u"no"_s, expected);
    }
}

void tst_GitBuildContext::committedFiles()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u"a"_s), "a");
    writeFile(repo.file(u"src/x.js"_s), "x");
    writeFile(repo.file(u"src/y.js"_s), "y");
    repo.commitAll();
    QVERIFY2(repo.failed().isEmpty(), qPrintable(repo.failed()));

    // One committed file: its blob id; a clean work tree has no status checksum.
    QCOMPARE(contextChecksum(repo, {u"a"_s}), Hash::h256({Hash::raw256(blobId("a")), QString()}));
    // A directory the sources take whole is its tree id (ls-tree collapses it).
    QCOMPARE(contextChecksum(repo, {u"src"_s}),
             Hash::h256({Hash::raw256(repo.id(u"HEAD:src"_s)), QString()}));
    // `COPY . /app` without .dockerignore: the root tree.
    QCOMPARE(contextChecksum(repo, {u"."_s}),
             Hash::h256({Hash::raw256(repo.id(u"HEAD^{tree}"_s)), QString()}));
    QCOMPARE(contextChecksum(repo, {u"/"_s}), contextChecksum(repo, {u"."_s}));
    // Globs select files in path order.
    QCOMPARE(contextChecksum(repo, {u"src/*.js"_s}),
             Hash::h256({Hash::raw256(QByteArray(blobId("x") + blobId("y"))), QString()}));
    // Nothing selected: both parts empty, which still hashes (werf: ":::").
    QCOMPARE(contextChecksum(repo, {u"missing"_s}), Hash::h256({QString(), QString()}));
}

void tst_GitBuildContext::modifiedTrackedFile()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u"a"_s), "a");
    writeFile(repo.file(u"b"_s), "b");
    repo.commitAll();
    const QString clean = contextChecksum(repo, {u"a"_s});
    writeFile(repo.file(u"a"_s), "changed");
    // HEAD's blob stays in the ls-tree part; the change comes in through the status.
    const QString expected = Hash::h256(
            {Hash::raw256(blobId("a")), Hash::raw256(statusRecord("a", "Modified", "changed"))});
    QCOMPARE(contextChecksum(repo, {u"a"_s}), expected);
    QVERIFY(expected != clean);
    // A change outside the sources does not count.
    writeFile(repo.file(u"b"_s), "changed too");
    QCOMPARE(contextChecksum(repo, {u"a"_s}), expected);
    // Staged and changed again: "Added" with the work tree's content.
    repo.run({u"add"_s, u"a"_s});
    writeFile(repo.file(u"a"_s), "again");
    QCOMPARE(contextChecksum(repo, {u"a"_s}),
             Hash::h256({Hash::raw256(blobId("a")),
                         Hash::raw256(statusRecord("a", "Added", "again"))}));
}

void tst_GitBuildContext::untrackedAndStagedFiles()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u"a"_s), "a");
    repo.commitAll();
    writeFile(repo.file(u"new/u.txt"_s), "u");
    writeFile(repo.file(u"staged"_s), "s");
    repo.run({u"add"_s, u"staged"_s});
    // `COPY . /app`: HEAD's root tree, then the status records in path order, concatenated.
    const QByteArray records = statusRecord("new/u.txt", "Untracked", "u")
                               + statusRecord("staged", "Added", "s");
    QCOMPARE(contextChecksum(repo, {u"."_s}),
             Hash::h256({Hash::raw256(repo.id(u"HEAD^{tree}"_s)), Hash::raw256(records)}));
    // An untracked file alone: no ls-tree entry at all.
    QCOMPARE(contextChecksum(repo, {u"new"_s}),
             Hash::h256({QString(), Hash::raw256(statusRecord("new/u.txt", "Untracked", "u"))}));
    // Removed from the index but still on disk: go-git's Deleted/Untracked is "Untracked".
    repo.run({u"rm"_s, u"-q"_s, u"--cached"_s, u"a"_s});
    QCOMPARE(contextChecksum(repo, {u"a"_s}),
             Hash::h256({Hash::raw256(blobId("a")),
                         Hash::raw256(statusRecord("a", "Untracked", "a"))}));
}

void tst_GitBuildContext::deletedFile()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u"a"_s), "a");
    repo.commitAll();
    QVERIFY(QFile::remove(repo.file(u"a"_s)));
    // Deleted files carry no mode and no content.
    QCOMPARE(contextChecksum(repo, {u"a"_s}),
             Hash::h256({Hash::raw256(blobId("a")),
                         Hash::raw256(statusRecord("a", "Deleted", {}, false))}));
}

void tst_GitBuildContext::dockerIgnoreInGit()
{
    Repo repo;
    REQUIRE_GIT(repo);
    const QByteArray ignore = "docs\n*.md\n";
    writeFile(repo.file(u".dockerignore"_s), ignore);
    writeFile(repo.file(u"Dockerfile"_s), "FROM scratch\nCOPY . /app\n");
    writeFile(repo.file(u"README.md"_s), "r");
    writeFile(repo.file(u"docs/guide.txt"_s), "g");
    writeFile(repo.file(u"src/main.c"_s), "m");
    repo.commitAll();
    // The root is walked (there are patterns); docs is skipped, README.md dropped, src (no
    // pattern can apply inside it) is one tree entry; sorted by path.
    const QByteArray ids = blobId(ignore) + blobId("FROM scratch\nCOPY . /app\n")
                           + repo.id(u"HEAD:src"_s);
    const QString clean = Hash::h256({Hash::raw256(ids), QString()});
    QCOMPARE(contextChecksum(repo, {u"."_s}), clean);
    // Changes to ignored files change nothing, changes to kept files do.
    writeFile(repo.file(u"docs/guide.txt"_s), "changed");
    writeFile(repo.file(u"docs/new.txt"_s), "new");
    writeFile(repo.file(u"README.md"_s), "changed");
    QCOMPARE(contextChecksum(repo, {u"."_s}), clean);
    writeFile(repo.file(u"src/main.c"_s), "changed");
    QCOMPARE(contextChecksum(repo, {u"."_s}),
             Hash::h256({Hash::raw256(ids),
                         Hash::raw256(statusRecord("src/main.c", "Modified", "changed"))}));
}

void tst_GitBuildContext::gitIgnoredFiles()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u".gitignore"_s), "*.log\n");
    writeFile(repo.file(u"a"_s), "a");
    repo.commitAll();
    writeFile(repo.file(u"build.log"_s), "log");
    // Not in HEAD, not in the status (git ignores it), so werf hashes it from disk as a third
    // part, exactly like a context outside git.
    const QString disk = Hash::h256({u"build.log"_s, mode644, Hash::raw256("log")});
    QCOMPARE(contextChecksum(repo, {u"build.log"_s}), Hash::h256({QString(), QString(), disk}));
    // `COPY . /app`: the root tree, no status, and the ignored file.
    QCOMPARE(contextChecksum(repo, {u"."_s}),
             Hash::h256({Hash::raw256(repo.id(u"HEAD^{tree}"_s)), QString(), disk}));
}

void tst_GitBuildContext::subdirectoryContext()
{
    Repo repo;
    REQUIRE_GIT(repo);
    writeFile(repo.file(u"web/.dockerignore"_s), "tmp\n");
    writeFile(repo.file(u"web/index.html"_s), "i");
    writeFile(repo.file(u"web/tmp/cache"_s), "c");
    writeFile(repo.file(u"api/main.go"_s), "m");
    repo.commitAll();
    writeFile(repo.file(u"api/main.go"_s), "changed"); // outside the context
    writeFile(repo.file(u"web/new.css"_s), "n");
    // context: web; `COPY . /srv` selects what web's .dockerignore keeps below web.
    const QByteArray ids = blobId("tmp\n") + blobId("i");
    QCOMPARE(contextChecksum(repo, {u"."_s}, u"web"_s),
             Hash::h256({Hash::raw256(ids),
                         Hash::raw256(statusRecord("web/new.css", "Untracked", "n"))}));
}

void tst_GitBuildContext::submoduleIsNotComputed()
{
    Repo sub;
    REQUIRE_GIT(sub);
    writeFile(sub.file(u"lib.c"_s), "l");
    sub.commitAll();
    Repo repo;
    writeFile(repo.file(u"a"_s), "a");
    repo.run({u"-c"_s,
              u"protocol.file.allow=always"_s,
              u"submodule"_s,
              u"add"_s,
              u"-q"_s,
              sub.path(),
              u"vendor/lib"_s});
    repo.commitAll();
    QVERIFY2(repo.failed().isEmpty(), qPrintable(repo.failed()));
    QString error;
    bool unsupported = false;
    contextChecksum(repo, {u"."_s}, {}, &error, &unsupported);
    QVERIFY(unsupported);
    QVERIFY2(error.contains(u"submodule vendor/lib"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_GitBuildContext)
#include "tst_gitbuildcontext.moc"

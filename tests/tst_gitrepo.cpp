// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/gitmapping.h"
#include "git/gitrepository.h"
#include "git/gittree.h"
#include "git/patchfilter.h"
#include "signature/hash.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

// Git's object id of a blob, computed from git's object format (not by asking git).
QByteArray blobId(const QByteArray &content)
{
    return Hash::sha1(QByteArray("blob " + QByteArray::number(content.size()) + '\0' + content))
            .toLatin1();
}

QString raw(const QByteArray &bytes)
{
    return Hash::raw256(bytes);
}

} // namespace

class tst_GitRepo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headAndResolve();
    void treeListing();
    void stageDependencies_data();
    void stageDependencies();
    void changeOutsideDependencies();
    void ancestry();
    void patchContent();
    void patchSize();
    void paramshash();
    void notARepository();
    void hostileArguments();
    void patchFilter_data();
    void patchFilter();

private:
    QByteArray git(const QStringList &args, int expectedExit = 0);
    void write(const QString &path, const QByteArray &content);
    QString commit(const QString &message, int timestamp);

    QTemporaryDir m_dir;
    QString m_first;
    QString m_second;
    QString m_third;
};

QByteArray tst_GitRepo::git(const QStringList &args, int expectedExit)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"GIT_AUTHOR_NAME"_s, u"Stagecraft Test"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"test@example.invalid"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"Stagecraft Test"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"test@example.invalid"_s);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path() + u"/repo"_s);
    p.start(u"git"_s, args);
    [&] { QVERIFY2(p.waitForFinished(30000), "git timed out"); }();
    if (p.exitCode() != expectedExit)
        qWarning() << "git" << args << p.readAllStandardError();
    return p.readAllStandardOutput();
}

void tst_GitRepo::write(const QString &path, const QByteArray &content)
{
    const QString full = m_dir.path() + u"/repo/"_s + path;
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile f(full);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QString tst_GitRepo::commit(const QString &message, int timestamp)
{
    const QString date = QString::number(timestamp) + u" +0000"_s;
    qputenv("GIT_AUTHOR_DATE", date.toLatin1());
    qputenv("GIT_COMMITTER_DATE", date.toLatin1());
    git({u"add"_s, u"-A"_s});
    git({u"-c"_s, u"commit.gpgsign=false"_s, u"commit"_s, u"-q"_s, u"-m"_s, message});
    return QString::fromLatin1(git({u"rev-parse"_s, u"HEAD"_s}).trimmed());
}

void tst_GitRepo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkdir(u"repo"_s));
    git({u"-c"_s, u"init.defaultBranch=main"_s, u"init"_s, u"-q"_s});
    write(u"package.json"_s, "{}\n");
    write(u"README.md"_s, "hello\n");
    write(u"src/a.js"_s, "a\n");
    write(u"src/b.js"_s, "b\n");
    write(u"src/c.css"_s, "c\n");
    write(u"src/lib/d.js"_s, "d\n");
    write(u"sub/x.txt"_s, "x\n");
    write(u"sub/deep/y.txt"_s, "y\n");
    m_first = commit(u"first"_s, 1600000000);
    git({u"-c"_s, u"tag.gpgsign=false"_s, u"tag"_s, u"-a"_s, u"v1"_s, u"-m"_s, u"v1"_s});

    write(u"README.md"_s, "hello again\n");
    m_second = commit(u"second: outside the dependencies"_s, 1600000100);

    write(u"package.json"_s, "{\"a\":1}\n");
    write(u"sub/x.txt"_s, "x2\n");
    m_third = commit(u"third: package.json and sub/x.txt"_s, 1600000200);
    QCOMPARE(m_first.size(), 40);
    QVERIFY(m_first != m_second && m_second != m_third);
}

void tst_GitRepo::headAndResolve()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    QVERIFY2(repo.isValid(&error), qPrintable(error));
    QCOMPARE(repo.headCommit(&error).value_or(QString()), m_third);
    QCOMPARE(repo.resolve({}, &error).value_or(QString()), m_third);
    // An annotated tag is peeled to its commit.
    QCOMPARE(repo.resolve({QString(), u"v1"_s, QString()}, &error).value_or(QString()), m_first);
    // A configured commit is used as written, like werf.
    QCOMPARE(repo.resolve({u"abc"_s, QString(), QString()}, &error).value_or(QString()), u"abc"_s);
    // Without an origin remote the local branch of that name is used.
    QCOMPARE(repo.resolve({QString(), QString(), u"main"_s}, &error).value_or(QString()), m_third);
    QVERIFY(!repo.resolve({QString(), u"nope"_s, QString()}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(repo.isShallow(&error), std::optional<bool>(false));
}

void tst_GitRepo::treeListing()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    const auto tree = repo.tree(m_first, &error);
    QVERIFY2(tree, qPrintable(error));
    QCOMPARE(tree->commit(), m_first);
    QCOMPARE(tree->rootTreeId(), git({u"rev-parse"_s, m_first + u"^{tree}"_s}).trimmed());
    const GitTreeEntry *pkg = tree->entry("package.json");
    QVERIFY(pkg);
    QCOMPARE(pkg->objectId, blobId("{}\n"));
    QCOMPARE(pkg->objectId, QByteArray("0967ef424bce6791893e9a57bb952f80fd536e93")); // §5.9
    QCOMPARE(pkg->mode, QByteArray("100644"));
    const GitTreeEntry *src = tree->entry("src");
    QVERIFY(src && src->isTree());
    QCOMPARE(src->objectId, git({u"rev-parse"_s, m_first + u":src"_s}).trimmed());
    QVERIFY(tree->entry("src/lib/d.js"));
    QCOMPARE(tree->children("src").size(), 4);
    QCOMPARE(tree->entries().size(), 12); // 8 files and the trees src, src/lib, sub, sub/deep
}

void tst_GitRepo::stageDependencies_data()
{
    QTest::addColumn<QString>("add");
    QTest::addColumn<QStringList>("includePaths");
    QTest::addColumn<QStringList>("excludePaths");
    QTest::addColumn<QStringList>("dependencies");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("notFound");

    const QByteArray a = blobId("a\n"), b = blobId("b\n"), c = blobId("c\n"), d = blobId("d\n");
    const QByteArray x = blobId("x\n"), y = blobId("y\n"), pkg = blobId("{}\n");
    const QByteArray srcTree = git({u"rev-parse"_s, m_first + u":src"_s}).trimmed();
    const QByteArray libTree = git({u"rev-parse"_s, m_first + u":src/lib"_s}).trimmed();
    const QByteArray deepTree = git({u"rev-parse"_s, m_first + u":sub/deep"_s}).trimmed();
    const QByteArray rootTree = git({u"rev-parse"_s, m_first + u"^{tree}"_s}).trimmed();

    // §5.9: a single blob.
    QTest::newRow("file") << u"/"_s << QStringList() << QStringList()
                          << QStringList{u"package.json"_s} << raw(raw(pkg).toLatin1())
                          << QStringList();
    // A directory named or globbed with a universal tail collapses to its tree id.
    QTest::newRow("dir") << u"/"_s << QStringList() << QStringList() << QStringList{u"src"_s}
                         << raw(raw(srcTree).toLatin1()) << QStringList();
    QTest::newRow("dir/**") << u"/"_s << QStringList() << QStringList() << QStringList{u"src/**"_s}
                            << raw(raw(srcTree).toLatin1()) << QStringList();
    QTest::newRow("dir/*") << u"/"_s << QStringList() << QStringList() << QStringList{u"src/*"_s}
                           << raw(raw(srcTree).toLatin1()) << QStringList();
    // "." and "**" take the whole repository as its root tree.
    QTest::newRow("root") << u"/"_s << QStringList() << QStringList() << QStringList{u"**"_s}
                          << raw(raw(rootTree).toLatin1()) << QStringList();
    // A glob that is not universal lists the matching blobs, sorted by path.
    QTest::newRow("glob") << u"/"_s << QStringList() << QStringList()
                          << QStringList{u"src/**/*.js"_s} << raw(raw(a + b + d).toLatin1())
                          << QStringList();
    QTest::newRow("star glob") << u"/"_s << QStringList() << QStringList()
                               << QStringList{u"src/*.js"_s} << raw(raw(a + b).toLatin1())
                               << QStringList();
    QTest::newRow("brace glob") << u"/"_s << QStringList() << QStringList()
                                << QStringList{u"src/{a,c}.*"_s} << raw(raw(a + c).toLatin1())
                                << QStringList();
    // Several paths: one path checksum each, concatenated in config order.
    QTest::newRow("two paths") << u"/"_s << QStringList() << QStringList()
                               << QStringList{u"src/lib"_s, u"package.json"_s}
                               << raw(raw(libTree).toLatin1() + raw(pkg).toLatin1())
                               << QStringList();
    // Nothing matched: RAW256("") = E, not "" (§5.6.2 step 4), and werf warns.
    QTest::newRow("missing") << u"/"_s << QStringList() << QStringList() << QStringList{u"nope"_s}
                             << Hash::emptySha256() << QStringList{u"nope"_s};
    QTest::newRow("missing and found")
            << u"/"_s << QStringList() << QStringList() << QStringList{u"nope"_s, u"package.json"_s}
            << raw(raw(pkg).toLatin1()) << QStringList{u"nope"_s};
    // The mapping's excludes cut into src: it is split into its kept children, and the kept
    // subdirectory stays a tree entry.
    QTest::newRow("exclude splits dir")
            << u"/"_s << QStringList() << QStringList{u"src/b.js"_s} << QStringList{u"src"_s}
            << raw(raw(a + c + libTree).toLatin1()) << QStringList();
    // Includes of the mapping restrict what a dependency can see.
    QTest::newRow("include restricts")
            << u"/"_s << QStringList{u"src/*.css"_s, u"package.json"_s} << QStringList()
            << QStringList{u"src"_s} << raw(raw(c).toLatin1()) << QStringList();
    QTest::newRow("excluded dependency")
            << u"/"_s << QStringList() << QStringList{u"package.json"_s}
            << QStringList{u"package.json"_s} << Hash::emptySha256()
            << QStringList{u"package.json"_s};
    // add: /sub: dependency paths are relative to sub/, entries stay full paths.
    QTest::newRow("add sub file") << u"/sub"_s << QStringList() << QStringList()
                                  << QStringList{u"x.txt"_s} << raw(raw(x).toLatin1())
                                  << QStringList();
    QTest::newRow("add sub dir") << u"/sub"_s << QStringList() << QStringList()
                                 << QStringList{u"deep"_s} << raw(raw(deepTree).toLatin1())
                                 << QStringList();
    QTest::newRow("add sub glob") << u"/sub"_s << QStringList() << QStringList()
                                  << QStringList{u"**/*.txt"_s} << raw(raw(y + x).toLatin1())
                                  << QStringList();
    QTest::newRow("add sub outside")
            << u"/sub"_s << QStringList() << QStringList() << QStringList{u"package.json"_s}
            << Hash::emptySha256() << QStringList{u"package.json"_s};
}

void tst_GitRepo::stageDependencies()
{
    QFETCH(QString, add);
    QFETCH(QStringList, includePaths);
    QFETCH(QStringList, excludePaths);
    QFETCH(QStringList, dependencies);
    QFETCH(QString, expected);
    QFETCH(QStringList, notFound);

    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    const auto tree = repo.tree(m_first, &error);
    QVERIFY2(tree, qPrintable(error));
    GitMappingParams mapping;
    mapping.add = add;
    mapping.to = u"/app"_s;
    mapping.includePaths = includePaths;
    mapping.excludePaths = excludePaths;
    const StageDependenciesChecksum result = GitMappingHash::stageDependenciesChecksum(mapping,
                                                                                       *tree,
                                                                                       dependencies);
    QCOMPARE(result.checksum, expected);
    QCOMPARE(result.notFound, notFound);
}

void tst_GitRepo::changeOutsideDependencies()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    GitMappingParams mapping;
    mapping.to = u"/app"_s;
    const QStringList deps{u"package.json"_s, u"src"_s};
    auto checksumAt = [&](const QString &commit) {
        const auto tree = repo.tree(commit);
        return tree ? GitMappingHash::stageDependenciesChecksum(mapping, *tree, deps).checksum
                    : QString();
    };
    // README.md changed: not a dependency, same checksum. package.json changed: new checksum.
    QCOMPARE(checksumAt(m_second), checksumAt(m_first));
    QVERIFY(checksumAt(m_third) != checksumAt(m_second));
    QVERIFY(!checksumAt(m_first).isEmpty());
}

void tst_GitRepo::ancestry()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    QCOMPARE(repo.isAncestor(m_first, m_third, &error), std::optional<bool>(true));
    QCOMPARE(repo.isAncestor(m_third, m_first, &error), std::optional<bool>(false));
    QCOMPARE(repo.isAncestor(m_first, m_first, &error), std::optional<bool>(true));
    QCOMPARE(repo.isAncestor(u"0123456789abcdef0123456789abcdef01234567"_s, m_third, &error),
             std::optional<bool>(false));
    QVERIFY(repo.commitExists(m_second));
    QVERIFY(!repo.commitExists(u"0123456789abcdef0123456789abcdef01234567"_s));
}

void tst_GitRepo::patchContent()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    GitMappingParams mapping;
    mapping.add = u"/sub"_s;
    mapping.to = u"/app"_s;
    // Same commit: no patch at all.
    QCOMPARE(GitMappingHash::patchContent(mapping, repo, m_third, m_third, &error), QByteArray());
    // README.md is outside /sub: the filtered patch is empty although git's diff is not.
    QCOMPARE(GitMappingHash::patchContent(mapping, repo, m_first, m_second, &error), QByteArray());

    const QByteArray from = blobId("x\n").left(8);
    const QByteArray to = blobId("x2\n").left(8);
    // Only sub/x.txt survives, its paths relative to `add`, the index ids cut to 8 characters.
    const QByteArray expected = "diff --git a/x.txt b/x.txt\n"
                                "index "
                                + from + ".." + to
                                + " 100644\n"
                                  "--- a/x.txt\n"
                                  "+++ b/x.txt\n"
                                  "@@ -1 +1 @@\n"
                                  "-x\n"
                                  "+x2\n";
    const auto patch = GitMappingHash::patchContent(mapping, repo, m_second, m_third, &error);
    QVERIFY2(patch, qPrintable(error));
    QCOMPARE(*patch, expected);

    // With add: / both files are kept, with their full paths.
    GitMappingParams whole;
    whole.to = u"/app"_s;
    const auto both = GitMappingHash::patchContent(whole, repo, m_second, m_third, &error);
    QVERIFY2(both, qPrintable(error));
    QVERIFY(both->startsWith("diff --git a/package.json b/package.json\n"));
    QVERIFY(both->contains("\ndiff --git a/sub/x.txt b/sub/x.txt\n"));

    // A recorded commit that the repository does not have: werf's error.
    QVERIFY(!GitMappingHash::patchContent(mapping,
                                          repo,
                                          u"0123456789abcdef0123456789abcdef01234567"_s,
                                          m_third,
                                          &error));
    QCOMPARE(error,
             u"commit \"0123456789abcdef0123456789abcdef01234567\" is not exist in the repo own"_s);
}

void tst_GitRepo::patchSize()
{
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    GitMappingParams mapping;
    mapping.add = u"/sub"_s;
    mapping.to = u"/app"_s;
    QCOMPARE(GitMappingHash::patchSize(mapping, repo, m_third, m_third, &error),
             std::optional<qint64>(0));
    // The full-context binary patch of this text change has the same lines as the plain one.
    const QByteArray full = git({u"-c"_s,
                                 u"diff.renames=false"_s,
                                 u"-c"_s,
                                 u"diff.context=999999999"_s,
                                 u"diff"_s,
                                 u"--full-index"_s,
                                 u"--binary"_s,
                                 m_second,
                                 m_third,
                                 u"--"_s,
                                 u"sub"_s});
    QVERIFY(full.startsWith("diff --git a/sub/x.txt b/sub/x.txt\n"));
    // Rewriting "sub/x.txt" to "x.txt" four times and cutting two 40-hex ids to 8 characters.
    const qint64 expected = full.size() - 4 * 4 - 2 * 32;
    QCOMPARE(GitMappingHash::patchSize(mapping, repo, m_second, m_third, &error),
             std::optional<qint64>(expected));
}

void tst_GitRepo::paramshash()
{
    // §5.6.1 golden example.
    GitMappingParams golden;
    golden.to = u"/app"_s;
    golden.owner = u"user"_s;
    golden.group = u"group"_s;
    golden.includePaths = {u"a"_s, u"b"_s, u"c"_s};
    golden.excludePaths = {u"a/a"_s, u"a/b"_s, u"a/c"_s};
    QCOMPARE(golden.paramshash(),
             u"e1e84d6984e36c9cdbf2812cdb0be661a76b47e2f9f7a83759cf8a0beba8cb93"_s);
    // §5.9.
    GitMappingParams plain;
    plain.to = u"/app"_s;
    QCOMPARE(plain.paramshash(),
             u"69595bebc4fb0895aebaaf3d1d7a1fbfc3bad0380610b6910cd05e2bc52fc63d"_s);
    // add without its leading slash, remote names from the URL.
    GitMappingParams remote;
    remote.url = u"https://github.com/flant/werf.git"_s;
    remote.add = u"/docs"_s;
    remote.to = u"/w"_s;
    remote.revision.tag = u"v1.0.0"_s;
    QCOMPARE(remote.fullName(), u"flant/werf_flant/werf"_s);
    QCOMPARE(remote.paramshash(),
             Hash::raw256("flant/werf_flant/werf:::/w:::docs::::::::::::::::::v1.0.0:::"));
    QCOMPARE(GitMappingParams::repositoryIdFromUrl(u"git@github.com:flant/werf.git"_s),
             u"flant/werf"_s);
    QCOMPARE(GitMappingParams::repositoryIdFromUrl(u"https://gitlab.example.com/group/repo"_s),
             u"group/repo"_s);
}

void tst_GitRepo::notARepository()
{
    GitRepository repo(m_dir.path());
    QString error;
    QVERIFY(!repo.isValid(&error));
    QVERIFY(error.contains(u"not a git repository"_s));
    QVERIFY(!repo.headCommit(&error));
    QVERIFY(!repo.tree(u"0123456789abcdef0123456789abcdef01234567"_s, &error));
}

void tst_GitRepo::hostileArguments()
{
    // Values from werf.yaml never reach git as options.
    GitRepository repo(m_dir.path() + u"/repo"_s);
    QString error;
    QVERIFY(!repo.tree(u"--output=/tmp/x"_s, &error));
    QVERIFY(error.contains(u"invalid commit"_s));
    QVERIFY(!repo.tree(u"HEAD"_s, &error)); // werf wants a full object id here too
    QVERIFY(!repo.diff(u"--no-index"_s, m_third, {}, &error));
    QCOMPARE(repo.isAncestor(u"--help"_s, m_third, &error), std::optional<bool>(false));
    QVERIFY(!repo.commitExists(u"-p"_s));
    QVERIFY(!repo.resolve({QString(), u"--all"_s, QString()}, &error));
    GitMappingParams mapping;
    mapping.to = u"/app"_s;
    QVERIFY(!GitMappingHash::patchContent(mapping, repo, u"--stat"_s, m_third, &error));
}

void tst_GitRepo::patchFilter_data()
{
    QTest::addColumn<QByteArray>("diff");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("error");

    const QByteArray idA(40, 'a');
    const QByteArray idB(40, 'b');
    const QByteArray zero(40, '0');
    // add: /sub, excludePaths: [skip]
    QTest::newRow("new file") << QByteArray(
            "diff --git a/sub/n.txt b/sub/n.txt\nnew file mode 100644\nindex " + zero + ".." + idA
            + "\n--- /dev/null\n+++ b/sub/n.txt\n@@ -0,0 +1 @@\n+n\n")
                              << QByteArray("diff --git a/n.txt b/n.txt\nnew file mode "
                                            "100644\nindex 00000000..aaaaaaaa\n"
                                            "--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+n\n")
                              << QString();
    QTest::newRow("deleted file")
            << QByteArray("diff --git a/sub/d.txt b/sub/d.txt\ndeleted file mode 100644\nindex "
                          + idA + ".." + zero
                          + "\n--- a/sub/d.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-d\n")
            << QByteArray("diff --git a/d.txt b/d.txt\ndeleted file mode 100644\nindex "
                          "aaaaaaaa..00000000\n--- a/d.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-d\n")
            << QString();
    QTest::newRow("outside and excluded dropped") << QByteArray(
            "diff --git a/other.txt b/other.txt\nindex " + idA + ".." + idB
            + " 100644\n--- a/other.txt\n"
              "+++ b/other.txt\n@@ -1 +1 @@\n-a\n+b\ndiff --git a/sub/skip/x b/sub/skip/x\nindex "
            + idA + ".." + idB
            + " 100644\n--- a/sub/skip/x\n+++ b/sub/skip/x\n@@ -1 +1 @@\n-a\n+b\n")
                                                  << QByteArray() << QString();
    QTest::newRow("mode change")
            << QByteArray(
                       "diff --git a/sub/run.sh b/sub/run.sh\nold mode 100644\nnew mode 100755\n")
            << QByteArray("diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n")
            << QString();
    QTest::newRow("binary") << QByteArray("diff --git a/sub/b.bin b/sub/b.bin\nindex " + idA + ".."
                                          + idB
                                          + " 100644\nGIT binary patch\nliteral 1\nIcmZo$0000\n\n")
                            << QByteArray("diff --git a/b.bin b/b.bin\nindex aaaaaaaa..bbbbbbbb "
                                          "100644\nGIT binary patch\n"
                                          "literal 1\nIcmZo$0000\n\n")
                            << QString();
    QTest::newRow("quoted path")
            << QByteArray("diff --git \"a/sub/t\\tab\" \"b/sub/t\\tab\"\nindex " + idA + ".." + idB
                          + " 100644\n")
            << QByteArray("diff --git \"a/t\\tab\" \"b/t\\tab\"\nindex aaaaaaaa..bbbbbbbb 100644\n")
            << QString();
    QTest::newRow("unexpected line")
            << QByteArray("diff --git a/sub/x b/sub/x\nsomething odd\n")
            << QByteArray("diff --git a/x b/x\n")
            << u"unexpected diff line in state `diffBegin`: something odd"_s;
    QTest::newRow("no a/ b/") << QByteArray("diff --git x y\n") << QByteArray()
                              << u"unexpected diff begin line: diff --git x y"_s;
    QTest::newRow("garbage") << QByteArray("\x01\x02\xff\n\n\nno newline at end") << QByteArray()
                             << QString();
}

void tst_GitRepo::patchFilter()
{
    QFETCH(QByteArray, diff);
    QFETCH(QByteArray, expected);
    QFETCH(QString, error);
    const PatchFilter::Result result = PatchFilter::filter(diff, PathMatcher("sub", {}, {"skip"}));
    QCOMPARE(result.patch, expected);
    QCOMPARE(result.error, error);
}

QTEST_GUILESS_MAIN(tst_GitRepo)

#include "tst_gitrepo.moc"

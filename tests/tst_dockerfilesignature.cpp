// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configloader.h"
#include "git/gitcontext.h"
#include "signature/buildcontext.h"
#include "signature/dockerfileparser.h"
#include "signature/dockerfilesignature.h"
#include "signature/dockerignore.h"
#include "signature/hash.h"
#include "signature/planner.h"
#include "signature/shellword.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

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

QString sha(const QByteArray &content)
{
    return Hash::raw256(content);
}

DockerfileSpec spec(const QString &dir,
                    const QString &target = {},
                    const QList<QPair<QString, QString>> &args = {},
                    const QStringList &addHost = {})
{
    DockerfileSpec s;
    s.projectDir = dir;
    s.dockerfile = u"Dockerfile"_s;
    s.target = target;
    s.args = args;
    s.addHost = addHost;
    return s;
}

// werf's own golden fixture (integration/build/common/_fixtures/signature in werf 1.1).
const QByteArray goldenDockerfile = "FROM alpine AS dockerfile_image\n"
                                    "RUN date\n"
                                    "COPY dockerfile_image_file /dockerfile_image_file\n"
                                    "\n"
                                    "FROM alpine AS dockerfile_image_based_on_stage\n"
                                    "RUN date\n";

} // namespace

class tst_DockerfileSignature : public QObject
{
    Q_OBJECT

private slots:
    void shellWord_data();
    void shellWord();
    void parser();
    void parserErrors_data();
    void parserErrors();
    void dockerIgnore_data();
    void dockerIgnore();
    void goMatch_data();
    void goMatch();
    void goldenBasedOnStage();
    void goldenWithContext();
    void argAndEnvExpansion();
    void contextWithDockerIgnore();
    void multiStage();
    void baseImageOnBuild();
    void needsRegistry();
    void errorsStopLikeWerf();
    void gitRepositoryContext();
    void goldenInGitRepository();
    void planThroughProject();
};

void tst_DockerfileSignature::shellWord_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected"); // "!" prefix: an error containing the rest
    QTest::newRow("plain") << u"RUN echo hi"_s << u"RUN echo hi"_s;
    QTest::newRow("var") << u"a $FOO b"_s << u"a bar b"_s;
    QTest::newRow("braces") << u"${FOO}x"_s << u"barx"_s;
    QTest::newRow("unset") << u"[$NOPE]"_s << u"[]"_s;
    QTest::newRow("default") << u"${NOPE:-dflt} ${FOO:-dflt}"_s << u"dflt bar"_s;
    QTest::newRow("alternative") << u"${NOPE:+alt}|${FOO:+alt}"_s << u"|alt"_s;
    QTest::newRow("empty is set") << u"${EMPTY:-d}${EMPTY:+a}"_s << u"d"_s;
    QTest::newRow("single quotes") << u"'$FOO' x"_s << u"$FOO x"_s;
    QTest::newRow("double quotes") << u"\"$FOO \\\"q\\\" \\x\""_s << u"bar \"q\" \\x"_s;
    QTest::newRow("escape") << u"\\$FOO \\a"_s << u"$FOO a"_s;
    QTest::newRow("lone dollar") << u"cost $ 5"_s << u"cost $ 5"_s;
    QTest::newRow("digits") << u"$1x"_s << u"x"_s;
    // BuildKit reads the name, then finds neither '}' nor ':' nor '?'.
    QTest::newRow("unterminated") << u"${FOO"_s << u"!missing ':' in substitution"_s;
    QTest::newRow("missing brace") << u"x ${"_s << u"!syntax error: missing '}'"_s;
    QTest::newRow("bad substitution") << u"${}"_s << u"!bad substitution"_s;
    QTest::newRow("required") << u"${NOPE?must be set}"_s << u"!NOPE: must be set"_s;
    QTest::newRow("required empty") << u"${EMPTY:?}"_s << u"!EMPTY: is not allowed to be empty"_s;
    QTest::newRow("open quote") << u"'abc"_s << u"!matching single-quote"_s;
}

void tst_DockerfileSignature::shellWord()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    const QHash<QString, QString> env{{u"FOO"_s, u"bar"_s}, {u"EMPTY"_s, QString()}};
    QString error;
    const std::optional<QString> r = ShellWord::process(word, env, &error);
    if (expected.startsWith(u'!')) {
        QVERIFY(!r);
        QVERIFY2(error.contains(expected.mid(1)), qPrintable(error));
    } else {
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(*r, expected);
    }
}

void tst_DockerfileSignature::parser()
{
    const QByteArray text = "# syntax=docker/dockerfile:1\n"
                            "ARG BASE=alpine\n"
                            "FROM $BASE AS Build\n"
                            "  # a comment inside\n"
                            "RUN apk add \\\n"
                            "    curl \\\n"
                            "# comment between continuation lines\n"
                            "    git\n"
                            "ENV A=1 B=\"two words\"\n"
                            "ENV OLD old style value\n"
                            "COPY --from=build --chown=1:1 [\"a b\", \"/c\"]\n"
                            "ONBUILD RUN echo hi\r\n"
                            "FROM build\n"
                            "ADD x y /z/\n";
    const Dockerfile::Parsed p = Dockerfile::parse(text);
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.metaArgs.size(), 1);
    QCOMPARE(p.metaArgs.first().key, u"BASE"_s);
    QCOMPARE(p.metaArgs.first().value, u"alpine"_s);
    QCOMPARE(p.stages.size(), 2);
    const Dockerfile::Stage &s0 = p.stages.at(0);
    QCOMPARE(s0.baseName, u"$BASE"_s);
    QCOMPARE(s0.name, u"build"_s); // stage names are lower-cased
    QCOMPARE(s0.commands.size(), 5);
    // Continuations are joined without separator; the comment line is dropped.
    QCOMPARE(s0.commands.at(0).original, u"RUN apk add     curl     git"_s);
    QCOMPARE(s0.commands.at(0).line, 5);
    QCOMPARE(s0.commands.at(1).pairs.size(), 2);
    QCOMPARE(s0.commands.at(1).pairs.at(1).second, u"\"two words\""_s);
    QCOMPARE(s0.commands.at(2).pairs.first(), qMakePair(u"OLD"_s, u"old style value"_s));
    QCOMPARE(s0.commands.at(3).from, u"build"_s);
    QCOMPARE(s0.commands.at(3).sources(), QStringList{u"a b"_s});
    QCOMPARE(s0.commands.at(3).original, u"COPY --from=build --chown=1:1 [\"a b\", \"/c\"]"_s);
    QCOMPARE(s0.commands.at(4).expression, u"RUN echo hi"_s);
    QCOMPARE(p.stages.at(1).commands.first().sources(), (QStringList{u"x"_s, u"y"_s}));
}

void tst_DockerfileSignature::parserErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray("# nothing\n\n") << u"file with no instructions"_s;
    QTest::newRow("before from") << QByteArray("RUN x\nFROM a\n")
                                 << u"no build stage in current context"_s;
    QTest::newRow("unknown") << QByteArray("FROM a\nFOO bar\n")
                             << u"dockerfile parse error line 2: unknown instruction: FOO"_s;
    QTest::newRow("copy one arg") << QByteArray("FROM a\nCOPY x\n")
                                  << u"COPY requires at least two arguments"_s;
    QTest::newRow("from args") << QByteArray("FROM a b\n")
                               << u"FROM requires either one or three arguments"_s;
    QTest::newRow("flag") << QByteArray("FROM a\nCOPY --nope=1 a b\n") << u"Unknown flag: nope"_s;
    QTest::newRow("env") << QByteArray("FROM a\nENV A=1 B\n")
                         << u"Syntax error - can't find = in \"B\""_s;
    QTest::newRow("onbuild from") << QByteArray("FROM a\nONBUILD FROM b\n")
                                  << u"FROM isn't allowed as an ONBUILD trigger"_s;
}

void tst_DockerfileSignature::parserErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Dockerfile::Parsed p = Dockerfile::parse(text);
    QVERIFY(!p.ok());
    QVERIFY2(p.error.contains(error), qPrintable(p.error));
}

void tst_DockerfileSignature::dockerIgnore_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ignored");
    QTest::newRow("test file") << u"src/b.test.js"_s << true;
    QTest::newRow("top-level test file") << u"b.test.js"_s << true;
    QTest::newRow("exception") << u"src/keep.test.js"_s << false;
    QTest::newRow("plain file") << u"src/a.js"_s << false;
    QTest::newRow("directory pattern, file inside") << u"docs/readme.md"_s << true;
    QTest::newRow("trailing slash cleaned") << u"node_modules/x/index.js"_s << true;
    QTest::newRow("leading slash dropped") << u"secret.txt"_s << true;
    QTest::newRow("not at top") << u"sub/secret.txt"_s << false;
    QTest::newRow("star stays in one directory") << u"build/out/app.o"_s << false;
    QTest::newRow("star") << u"build/app.o"_s << true;
    QTest::newRow("class") << u"log1.txt"_s << true;
    QTest::newRow("class miss") << u"logx.txt"_s << false;
    QTest::newRow("re-included then ignored again") << u"docs/keep/me.md"_s << true;
}

void tst_DockerfileSignature::dockerIgnore()
{
    QFETCH(QString, path);
    QFETCH(bool, ignored);
    QString error;
    const std::optional<DockerIgnore> d = DockerIgnore::fromText("# comment\n"
                                                                 "**/*.test.js\n"
                                                                 "!src/keep.test.js\n"
                                                                 "docs\n"
                                                                 "!docs/keep\n"
                                                                 "docs/keep/*.md\n"
                                                                 "node_modules/\n"
                                                                 "/secret.txt\n"
                                                                 "build/*.o\n"
                                                                 "  log[0-9].txt  \n",
                                                                 &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->patterns().at(3), u"!docs/keep"_s);
    QCOMPARE(d->patterns().at(5), u"node_modules"_s);
    QCOMPARE(d->patterns().at(6), u"secret.txt"_s);
    QCOMPARE(d->matches(path), ignored);
}

void tst_DockerfileSignature::goMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("match");
    QTest::newRow("star") << u"*.js"_s << u"a.js"_s << true;
    QTest::newRow("star no slash") << u"*.js"_s << u"a/b.js"_s << false;
    QTest::newRow("question") << u"a?c"_s << u"abc"_s << true;
    QTest::newRow("class") << u"[a-c]x"_s << u"bx"_s << true;
    QTest::newRow("negated class") << u"[^a-c]x"_s << u"bx"_s << false;
    QTest::newRow("escape") << u"\\*"_s << u"*"_s << true;
    QTest::newRow("backtrack") << u"a*b*c"_s << u"axxbyyc"_s << true;
}

void tst_DockerfileSignature::goMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, match);
    QCOMPARE(BuildContext::goMatch(pattern, name), match);
}

void tst_DockerfileSignature::goldenBasedOnStage()
{
    // werf 1.1's golden value for dockerfile_image_based_on_stage (signature_test.go). Target
    // stage 1 neither builds on nor copies from stage 0, and alpine has no ONBUILD triggers:
    //   deps = H256("alpine", "RUN date")
    //        = 080af4fc059defee3c13ce3eedae3a57d691d0ecac28075aed2ec62654c84f25
    //   signature = H3("1.1", "dockerfile", deps)   (prev is nil for the dockerfile stage)
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), goldenDockerfile);
    writeFile(dir.filePath(u".dockerignore"_s), ".git\n");
    writeFile(dir.filePath(u"dockerfile_image_file"_s), "test");
    const DockerfileDependencies d
            = dockerfileDependencies(spec(dir.path(), u"dockerfile_image_based_on_stage"_s),
                                     {{u"alpine"_s, {}}});
    QCOMPARE(d.computation, Computation::Computed);
    QCOMPARE(d.list, (QStringList{u"alpine"_s, u"RUN date"_s}));
    QCOMPARE(d.dependencies, u"080af4fc059defee3c13ce3eedae3a57d691d0ecac28075aed2ec62654c84f25"_s);
    QCOMPARE(Hash::h3({u"1.1"_s, u"dockerfile"_s, d.dependencies}),
             u"c52464f2235835ba66266d7b7f844fa399aa362706644583b7f32293"_s);
}

void tst_DockerfileSignature::goldenWithContext()
{
    // The same fixture's dockerfile_image, here outside a git repository (werf's own test runs
    // inside a clone of werf: goldenInGitRepository). args TEST
    // has no ARG to act on; addHost comes first:
    //   CS   = H256("dockerfile_image_file", "-rw-r--r--", sha256("test"))
    //        = bb5b1748d861a112123e968891cb82fae00ad92c66e0b63e6ac0fca558279b15
    //   deps = H256("docker:10.180.0.1", "alpine", "RUN date",
    //               "COPY dockerfile_image_file /dockerfile_image_file", CS)
    //        = f9f71aa14d6385d24f4e9b98bfc5a23cbb522176263681b7a9e99ea9ae755c41
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), goldenDockerfile);
    writeFile(dir.filePath(u".dockerignore"_s), ".git\n");
    writeFile(dir.filePath(u"dockerfile_image_file"_s), "test");
    const DockerfileDependencies d = dockerfileDependencies(spec(dir.path(),
                                                                 u"dockerfile_image"_s,
                                                                 {{u"TEST"_s, u"test"_s}},
                                                                 {u"docker:10.180.0.1"_s}),
                                                            {{u"alpine"_s, {}}});
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    QCOMPARE(d.list.size(), 5);
    QCOMPARE(d.list.at(4), u"bb5b1748d861a112123e968891cb82fae00ad92c66e0b63e6ac0fca558279b15"_s);
    QCOMPARE(d.dependencies, u"f9f71aa14d6385d24f4e9b98bfc5a23cbb522176263681b7a9e99ea9ae755c41"_s);
}

void tst_DockerfileSignature::argAndEnvExpansion()
{
    // Build arg VERSION=3.19 overrides the global default; the stage's `ARG VERSION` takes it
    // (werf adds "VERSION", "3.19" because the expanded pair differs from the unexpanded one);
    // the ENV values expand to themselves (quotes go either way), so only the text is listed;
    // WORKDIR and RUN expand differently with the stage's ARG/ENV than without, so their
    // expanded forms follow their text:
    //   list = ["alpine:3.19", "ARG VERSION", "VERSION", "3.19",
    //           "ENV APP_HOME=/app NAME=\"my app\"", "WORKDIR $APP_HOME", "WORKDIR /app",
    //           "RUN echo ${NAME:-none} $UNSET", "RUN echo my app "]
    //   H256(list) = bf90ee3beece84e40bd139ad47f739d4b54906e8e834518e40aa9abc8249d94c
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s),
              "ARG BASE=alpine\n"
              "ARG VERSION=3.18\n"
              "FROM ${BASE}:${VERSION} AS build\n"
              "ARG VERSION\n"
              "ENV APP_HOME=/app NAME=\"my app\"\n"
              "WORKDIR $APP_HOME\n"
              "RUN echo ${NAME:-none} $UNSET\n");
    const DockerfileDependencies d = dockerfileDependencies(spec(dir.path(),
                                                                 {},
                                                                 {{u"VERSION"_s, u"3.19"_s}}),
                                                            {{u"alpine:3.19"_s, {}}});
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    QCOMPARE(d.externalBases, QStringList{u"alpine:3.19"_s});
    const QStringList expected{u"alpine:3.19"_s,
                               u"ARG VERSION"_s,
                               u"VERSION"_s,
                               u"3.19"_s,
                               u"ENV APP_HOME=/app NAME=\"my app\""_s,
                               u"WORKDIR $APP_HOME"_s,
                               u"WORKDIR /app"_s,
                               u"RUN echo ${NAME:-none} $UNSET"_s,
                               u"RUN echo my app "_s};
    QCOMPARE(d.list, expected);
    QCOMPARE(d.dependencies, u"bf90ee3beece84e40bd139ad47f739d4b54906e8e834518e40aa9abc8249d94c"_s);

    // Without the build arg the global default applies (and the base name changes with it).
    const DockerfileDependencies defaults = dockerfileDependencies(spec(dir.path()),
                                                                   {{u"alpine:3.18"_s, {}}});
    QCOMPARE(defaults.list.first(), u"alpine:3.18"_s);
    QCOMPARE(defaults.list.at(3), u"3.18"_s);
}

void tst_DockerfileSignature::contextWithDockerIgnore()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM scratch\nCOPY . /app\nCOPY src/*.js /js/\n");
    const QByteArray ignore = "**/*.test.js\n!src/keep.test.js\ndocs\nnode_modules/\n";
    writeFile(dir.filePath(u".dockerignore"_s), ignore);
    writeFile(dir.filePath(u"src/a.js"_s), "a");
    writeFile(dir.filePath(u"src/b.test.js"_s), "b");
    writeFile(dir.filePath(u"src/keep.test.js"_s), "k");
    writeFile(dir.filePath(u"docs/readme.md"_s), "d");
    writeFile(dir.filePath(u"node_modules/x/index.js"_s), "x");
    QVERIFY(QFile::link(u"a.js"_s, dir.filePath(u"src/link.js"_s)));

    // `COPY .`: every file of the context that .dockerignore keeps, sorted by path; the
    // symbolic link contributes its mode and its target instead of a content hash.
    const QString mode = u"-rw-r--r--"_s;
    const QString all = Hash::h256({u".dockerignore"_s,
                                    mode,
                                    sha(ignore),
                                    u"Dockerfile"_s,
                                    mode,
                                    sha("FROM scratch\nCOPY . /app\nCOPY src/*.js /js/\n"),
                                    u"src/a.js"_s,
                                    mode,
                                    sha("a"),
                                    u"src/keep.test.js"_s,
                                    mode,
                                    sha("k"),
                                    u"src/link.js"_s,
                                    u"Lrwxrwxrwx"_s,
                                    u"a.js"_s});
    // `src/*.js` with Go's Glob: a.js, b.test.js (then dropped by .dockerignore), keep.test.js,
    // link.js.
    const QString js = Hash::h256({u"src/a.js"_s,
                                   mode,
                                   sha("a"),
                                   u"src/keep.test.js"_s,
                                   mode,
                                   sha("k"),
                                   u"src/link.js"_s,
                                   u"Lrwxrwxrwx"_s,
                                   u"a.js"_s});
    const DockerfileDependencies d = dockerfileDependencies(spec(dir.path()));
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    QVERIFY(d.externalBases.isEmpty()); // scratch needs no registry
    QCOMPARE(d.list,
             (QStringList{u"scratch"_s, u"COPY . /app"_s, all, u"COPY src/*.js /js/"_s, js}));

    // Editing an ignored file changes nothing; editing a kept one changes the checksum.
    writeFile(dir.filePath(u"docs/readme.md"_s), "changed");
    QCOMPARE(dockerfileDependencies(spec(dir.path())).dependencies, d.dependencies);
    writeFile(dir.filePath(u"src/keep.test.js"_s), "changed");
    QVERIFY(dockerfileDependencies(spec(dir.path())).dependencies != d.dependencies);

    // A source that selects nothing hashes as "" (werf: no dependencies, no checksum).
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM scratch\nCOPY missing* /x/\n");
    const DockerfileDependencies none = dockerfileDependencies(spec(dir.path()));
    QCOMPARE(none.list, (QStringList{u"scratch"_s, u"COPY missing* /x/"_s, QString()}));
}

void tst_DockerfileSignature::multiStage()
{
    // Stage 2 builds FROM stage 0 (by name) and copies from stage 1 (by name, resolved to its
    // index), so its list is its own entries, then stage 0's list and ONBUILD entries, then
    // stage 1's list. COPY --from has no context checksum.
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s),
              "FROM golang:1.21 AS builder\n"
              "ONBUILD RUN echo $HOME\n"
              "RUN go build\n"
              "FROM alpine AS assets\n"
              "RUN make assets\n"
              "FROM builder\n"
              "COPY --from=assets /out /srv\n"
              "COPY --from=alpine:3 /etc/os-release /\n");
    const DockerfileDependencies d
            = dockerfileDependencies(spec(dir.path(), {}, {}, {u"h:1.2.3.4"_s}),
                                     {{u"golang:1.21"_s, {}}, {u"alpine"_s, {}}});
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    QCOMPARE(d.externalBases, (QStringList{u"golang:1.21"_s, u"alpine"_s}));
    const QStringList builder{u"h:1.2.3.4"_s,
                              u"golang:1.21"_s,
                              u"RUN echo $HOME"_s,
                              u"RUN go build"_s};
    // The ONBUILD instruction lists the trigger's text (without "ONBUILD"); the trigger's own
    // dependencies (expanded with the stage's ENV only: $HOME is unset, so nothing more) go to
    // the stages built FROM this one.
    const QStringList builderOnBuild{u"RUN echo $HOME"_s};
    const QStringList assets{u"h:1.2.3.4"_s, u"alpine"_s, u"RUN make assets"_s};
    const QStringList own{u"h:1.2.3.4"_s,
                          u"builder"_s,
                          u"COPY --from=assets /out /srv"_s,
                          u"COPY --from=alpine:3 /etc/os-release /"_s};
    QCOMPARE(d.list, own + builder + builderOnBuild + assets);
}

void tst_DockerfileSignature::baseImageOnBuild()
{
    // ONBUILD triggers of the base image (from docker or the registry) are hashed unexpanded,
    // each with its own dependencies: a COPY trigger brings the checksum of its sources.
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM node:18-onbuild\nCMD [\"node\"]\n");
    writeFile(dir.filePath(u"package.json"_s), "{}");
    const DockerfileDependencies d = dockerfileDependencies(spec(dir.path()),
                                                            {{u"node:18-onbuild"_s,
                                                              {u"COPY package.json /app/"_s,
                                                               u"RUN npm install $X"_s}}});
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    const QString pkg = Hash::h256({u"package.json"_s, u"-rw-r--r--"_s, sha("{}")});
    QCOMPARE(d.list,
             (QStringList{u"node:18-onbuild"_s,
                          u"COPY package.json /app/"_s,
                          pkg,
                          u"RUN npm install $X"_s,
                          u"CMD [\"node\"]"_s}));
}

void tst_DockerfileSignature::needsRegistry()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), "ARG TAG=3\nFROM alpine:$TAG\nRUN true\n");
    const DockerfileDependencies d = dockerfileDependencies(spec(dir.path()));
    QCOMPARE(d.computation, Computation::NeedsRegistry);
    QVERIFY2(d.reason.contains(u"alpine:3"_s), qPrintable(d.reason));
    QVERIFY(d.dependencies.isEmpty());
}

void tst_DockerfileSignature::errorsStopLikeWerf()
{
    QTemporaryDir dir;
    const QHash<QString, QStringList> none{{u"a"_s, {}}};
    DockerfileSpec s = spec(dir.path());
    QVERIFY(dockerfileDependencies(s, none).reason.contains(u"is not found"_s));
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM a\nRUN echo ${\n");
    DockerfileDependencies d = dockerfileDependencies(s, none);
    QCOMPARE(d.computation, Computation::NotComputed);
    QVERIFY2(d.reason.contains(u"missing '}'"_s), qPrintable(d.reason));
    s.target = u"nope"_s;
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM a\n");
    QVERIFY(dockerfileDependencies(s, none).reason.contains(u"nope is not a valid target"_s));
    s.target.clear();
    s.context = u"../elsewhere"_s;
    QVERIFY(dockerfileDependencies(s, none).reason.contains(u"unsupported context folder"_s));
    s.context.clear();
    s.dockerfile = u"../Dockerfile"_s;
    QVERIFY(dockerfileDependencies(s, none).reason.contains(u"unsupported dockerfile"_s));
}

void tst_DockerfileSignature::gitRepositoryContext()
{
    const QString gitProgram = QStandardPaths::findExecutable(u"git"_s);
    if (gitProgram.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("git is not installed");
        QSKIP("git is not installed");
    }
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM scratch\nCOPY a /a\n");
    writeFile(dir.filePath(u"a"_s), "a");
    auto git = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(gitProgram,
                QStringList{u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@t"_s} + args);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
    };
    git({u"init"_s, u"-q"_s});
    git({u"add"_s, u"."_s});
    git({u"commit"_s, u"-q"_s, u"-m"_s, u"c"_s});
    writeFile(dir.filePath(u"werf.yaml"_s),
              "project: p\nconfigVersion: 1\n---\nimage: web\ndockerfile: Dockerfile\n");
    const LoadedProject project = loadProject(dir.path());
    QVERIFY(project.ok());
    const Plan plan = planProject(project);
    const ImagePlan *web = plan.image(u"web"_s, ImageKind::Dockerfile);
    QVERIFY(web);
    // werf hashes this context through git: HEAD's blob of `a`, and a clean status.
    const QByteArray blob = Hash::sha1(QByteArray("blob 1\0a", 8)).toLatin1();
    const QString checksum = Hash::h256({Hash::raw256(blob), QString()});
    QVERIFY2(web->stages.first().computation == Computation::Computed,
             qPrintable(web->stages.first().reason));
    QCOMPARE(web->stages.first().dependencies, Hash::h256({u"scratch"_s, u"COPY a /a"_s, checksum}));

    // An uncommitted change to `a` changes the signature (through the status), one to the
    // untracked werf.yaml does not.
    writeFile(dir.filePath(u"werf.yaml"_s),
              "project: p\nconfigVersion: 1\n---\nimage: web\ndockerfile: Dockerfile\n# x\n");
    QCOMPARE(planProject(loadProject(dir.path()))
                     .image(u"web"_s, ImageKind::Dockerfile)
                     ->stages.first()
                     .signature,
             web->stages.first().signature);
    writeFile(dir.filePath(u"a"_s), "b");
    QVERIFY(planProject(loadProject(dir.path()))
                    .image(u"web"_s, ImageKind::Dockerfile)
                    ->stages.first()
                    .signature
            != web->stages.first().signature);

    // Without COPY/ADD the context is not read, so the repository does not matter.
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM scratch\nRUN true\n");
    const Plan plan2 = planProject(loadProject(dir.path()));
    QCOMPARE(plan2.image(u"web"_s, ImageKind::Dockerfile)->stages.first().computation,
             Computation::Computed);
}

void tst_DockerfileSignature::goldenInGitRepository()
{
    // werf's golden dockerfile_image value (signature_test.go, Linux): werf's test copies the
    // fixture, uncommitted, into a clone of werf at v1.0.10 and builds from the clone's root. The
    // clone's content does not matter: dockerfile_image_file is not in its HEAD (no ls-tree
    // entry) and is untracked, so the context checksum is
    //   CS = H256("", sha256("dockerfile_image_file🐜Untracked🐜-rw-r--r--🐜" + sha256("test")))
    // and the fixture's werf.yaml, rendered, gives the golden signature. Any repository with a
    // commit stands in for the clone.
    const QString gitProgram = QStandardPaths::findExecutable(u"git"_s);
    if (gitProgram.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("git is not installed");
        QSKIP("git is not installed");
    }
    QTemporaryDir dir;
    auto git = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(gitProgram,
                QStringList{u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@t"_s} + args);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
    };
    git({u"init"_s, u"-q"_s});
    writeFile(dir.filePath(u"README.md"_s), "werf\n");
    git({u"add"_s, u"."_s});
    git({u"commit"_s, u"-q"_s, u"-m"_s, u"v1.0.10"_s});
    QFile fixture(QStringLiteral(STAGECRAFT_SHARED_DIR "/reference/werf-1.1-golden/werf.yaml"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    writeFile(dir.filePath(u"werf.yaml"_s), fixture.readAll());
    writeFile(dir.filePath(u"Dockerfile"_s), goldenDockerfile);
    writeFile(dir.filePath(u".dockerignore"_s), ".git\n");
    writeFile(dir.filePath(u"dockerfile_image_file"_s), "test");

    DockerfileSpec s = spec(dir.path(),
                            u"dockerfile_image"_s,
                            {{u"TEST"_s, u"test"_s}},
                            {u"docker:10.180.0.1"_s});
    s.inGitRepository = true;
    const DockerfileDependencies d = dockerfileDependencies(s, {{u"alpine"_s, {}}});
    QVERIFY2(d.computation == Computation::Computed, qPrintable(d.reason));
    const QByteArray status = "dockerfile_image_file\xF0\x9F\x90\x9CUntracked\xF0\x9F\x90\x9C"
                              "-rw-r--r--\xF0\x9F\x90\x9C"
                              + sha("test").toLatin1();
    QCOMPARE(d.list.at(4), Hash::h256({QString(), Hash::raw256(status)}));
    const QString golden = u"66be3adaf40fba215530be3abaa0bdfbc6005abdbd6d5f8957e031db"_s;
    QCOMPARE(Hash::h3({u"1.1"_s, u"dockerfile"_s, d.dependencies}), golden);

    // The same through the whole pipeline: the fixture's werf.yaml loaded from the project.
    const LoadedProject project = loadProject(dir.path());
    QVERIFY(project.ok());
    PlanOptions options;
    options.baseImageOnBuild.insert(u"alpine"_s, {});
    const Plan plan = planProject(project, options);
    const ImagePlan *image = plan.image(u"dockerfile_image"_s, ImageKind::Dockerfile);
    QVERIFY(image);
    QCOMPARE(image->stages.first().signature, golden);
    const ImagePlan *onStage = plan.image(u"dockerfile_image_based_on_stage"_s,
                                          ImageKind::Dockerfile);
    QVERIFY(onStage);
    QCOMPARE(onStage->stages.first().signature,
             u"c52464f2235835ba66266d7b7f844fa399aa362706644583b7f32293"_s);
}

void tst_DockerfileSignature::planThroughProject()
{
    // A Dockerfile image and a stapel image on top of it: the stapel `from` stage hashes the
    // Dockerfile image's content signature.
    QTemporaryDir dir;
    writeFile(dir.filePath(u"Dockerfile"_s), "FROM alpine\nRUN date\n");
    writeFile(dir.filePath(u"werf.yaml"_s),
              "project: p\nconfigVersion: 1\n---\nimage: base\ndockerfile: Dockerfile\n"
              "---\nimage: app\nfromImage: base\nshell:\n  install: [make]\n");
    const LoadedProject project = loadProject(dir.path());
    QVERIFY(project.ok());
    PlanOptions options;
    options.baseImageOnBuild.insert(u"alpine"_s, {});
    const Plan plan = planProject(project, options);
    const ImagePlan *base = plan.image(u"base"_s, ImageKind::Dockerfile);
    QVERIFY(base);
    const QString deps = Hash::h256({u"alpine"_s, u"RUN date"_s});
    QCOMPARE(base->stages.first().dependencies, deps);
    const QString signature = Hash::h3({u"1.1"_s, u"dockerfile"_s, deps});
    QCOMPARE(base->stages.first().signature, signature);
    // dockerfile passes "" to the next stage; the image content signature follows §5.2.
    QCOMPARE(base->contentSignature,
             Hash::h3({u"1.1"_s, u"imageStages"_s, QString(), signature, QString()}));
    const ImagePlan *app = plan.image(u"app"_s, ImageKind::Image);
    QVERIFY(app);
    QCOMPARE(app->stages.first().dependencies, Hash::h256({base->contentSignature}));
    QVERIFY(app->contentSignature.size() == 56);

    // Without the registry's answer the Dockerfile image and its dependant say so.
    const Plan unknown = planProject(project);
    QCOMPARE(unknown.image(u"base"_s, ImageKind::Dockerfile)->stages.first().computation,
             Computation::NeedsRegistry);
    QVERIFY(unknown.image(u"app"_s, ImageKind::Image)->contentSignature.isEmpty());

    // `plan --assume-no-onbuild`: the user vouches for the bases, and gets the same values.
    PlanOptions assume;
    assume.assumeNoOnBuild = true;
    const Plan assumed = planProject(project, assume);
    QCOMPARE(assumed.image(u"base"_s, ImageKind::Dockerfile)->stages.first().signature, signature);
}

QTEST_GUILESS_MAIN(tst_DockerfileSignature)

#include "tst_dockerfilesignature.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A project on disk with a real git repository, and the edits of the what-if tests (shared by
// tst_whatif, which runs `plan --against`, and tst_plancontroller, which runs the GUI's planner).

#include "signature/plandiff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace WhatIfFixture {

using namespace Qt::StringLiterals;

// builder (artifact) → import into app; base → fromImage of app; other: an unrelated image and
// the alternative fromImage target. app has a git mapping with stageDependencies for install
// (package.json) and setup (src), lib/ only in includePaths, docs/ outside them.
inline const char *const werfYaml = R"(project: demo
configVersion: 1
---
artifact: builder
from: golang:1.21
shell:
  install:
  - go build -o /out/app ./...
---
image: base
from: alpine:3.18
fromCacheVersion: "1"
shell:
  install:
  - apk add curl
---
image: other
from: alpine:3.18
shell:
  install:
  - apk add jq
---
image: app
fromImage: base
mount:
- from: tmp_dir
  to: /var/tmp
git:
- add: /
  to: /app
  includePaths:
  - package.json
  - src
  - lib
  stageDependencies:
    install:
    - package.json
    setup:
    - src
import:
- artifact: builder
  add: /out
  to: /usr/local/bin
  after: install
shell:
  cacheVersion: "1"
  beforeInstall:
  - adduser -D app
  install:
  - npm ci
  setup:
  - echo ready
docker:
  ENV:
    MODE: production
  CMD: ["/usr/local/bin/app"]
)";

inline bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

inline bool run(const QString &dir, const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"HOME"_s, dir);
    env.insert(u"GIT_AUTHOR_NAME"_s, u"Stagecraft Test"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"test@example.invalid"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"Stagecraft Test"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"test@example.invalid"_s);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = program + u' ' + args.join(u' ') + u": "_s
                     + QString::fromLocal8Bit(p.readAllStandardError())
                     + (p.error() == QProcess::FailedToStart ? u"(cannot start)"_s : QString());
        return false;
    }
    return true;
}

inline bool commit(const QString &dir, const QString &message, QString *error)
{
    return run(dir, u"git"_s, {u"add"_s, u"-A"_s}, error)
           && run(dir,
                  u"git"_s,
                  {u"-c"_s, u"commit.gpgsign=false"_s, u"commit"_s, u"-q"_s, u"-m"_s, message},
                  error);
}

/** The baseline: werf.yaml and the sources, committed to a new repository in dir. */
inline bool createBaseline(const QString &dir, QString *error)
{
    const bool written = writeFile(dir + u"/werf.yaml"_s, werfYaml)
                         && writeFile(dir + u"/package.json"_s,
                                      R"({"name": "app"})"
                                      "\n")
                         && writeFile(dir + u"/src/main.js"_s, "console.log('hi');\n")
                         && writeFile(dir + u"/lib/util.js"_s, "module.exports = {};\n")
                         && writeFile(dir + u"/docs/readme.md"_s, "# app\n");
    if (!written) {
        *error = u"cannot write the project in "_s + dir;
        return false;
    }
    return run(dir, u"git"_s, {u"-c"_s, u"init.defaultBranch=main"_s, u"init"_s, u"-q"_s}, error)
           && commit(dir, u"baseline"_s, error);
}

/** A copy of the project with its repository, so that both share the baseline commit. */
inline bool copyProject(const QString &from, const QString &to, QString *error)
{
    return run(QDir::tempPath(), u"cp"_s, {u"-a"_s, from + u"/."_s, to}, error);
}

/** Replaces one occurrence of `before` in werf.yaml. */
inline bool editConfig(const QString &dir,
                       const QByteArray &before,
                       const QByteArray &after,
                       QString *error)
{
    QFile file(dir + u"/werf.yaml"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read werf.yaml"_s;
        return false;
    }
    QByteArray text = file.readAll();
    file.close();
    if (text.count(before) != 1) {
        *error = u"werf.yaml does not contain exactly one "_s + QString::fromUtf8(before);
        return false;
    }
    text.replace(before, after);
    return writeFile(dir + u"/werf.yaml"_s, text);
}

struct Edit
{
    const char *name;
    /** werf.yaml text replaced (empty: a commit instead), or the file changed and committed. */
    QByteArray before;
    QByteArray after;
    QString commitFile; ///< "amend:<file>" amends the baseline commit instead (history rewritten)
    QString expected;   ///< "image/stage: reasons" of each stage werf would rebuild
};

// What werf 1.1 rebuilds for each edit. The stages of app: from, beforeInstall, gitArchive,
// install, importsAfterInstall, beforeSetup (not empty: shell.cacheVersion enters every user
// stage), setup, gitCache and gitLatestPatch (empty while there is nothing to apply), and
// dockerInstructions. A stage whose own input changed says which; the stages after it change
// only through the previous stage's signature. A new commit leaves gitArchive and every stage
// whose stageDependencies did not change as built (werf reuses them: the baseline's commit is
// an ancestor), so only what the changed files feed is rebuilt; a rewritten history (the
// baseline's commit is not an ancestor any more) rebuilds gitArchive and all after it.
inline QList<Edit> edits()
{
    return {
            {"shell command",
             "  - echo ready\n",
             "  - echo set\n",
             {},
             u"app/setup: setup commands of shell changed\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"cacheVersion",
             "  cacheVersion: \"1\"\n",
             "  cacheVersion: \"2\"\n",
             {},
             u"app/beforeInstall: shell.cacheVersion changed\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: shell.cacheVersion changed\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: shell.cacheVersion changed\n"
             u"app/setup: shell.cacheVersion changed\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"fromCacheVersion",
             "fromCacheVersion: \"1\"",
             "fromCacheVersion: \"2\"",
             {},
             u"app/from: content signature of the base image base changed\n"
             u"app/beforeInstall: previous stage only\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only\n"
             u"base/from: fromCacheVersion changed\n"
             u"base/install: previous stage only"_s},
            {"from",
             "from: alpine:3.18\nfromCacheVersion",
             "from: alpine:3.19\nfromCacheVersion",
             {},
             u"app/from: content signature of the base image base changed\n"
             u"app/beforeInstall: previous stage only\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only\n"
             u"base/from: base image changed\n"
             u"base/install: previous stage only"_s},
            {"fromImage target",
             "fromImage: base",
             "fromImage: other",
             {},
             u"app/from: content signature of the base image other changed\n"
             u"app/beforeInstall: previous stage only\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"base image command",
             "  - apk add curl\n",
             "  - apk add curl git\n",
             {},
             u"app/from: content signature of the base image base changed\n"
             u"app/beforeInstall: previous stage only\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only\n"
             u"base/install: install commands of shell changed"_s},
            {"artifact command",
             "  - go build -o",
             "  - go build -trimpath -o",
             {},
             u"app/importsAfterInstall: content signature of artifact builder (import after: "
             u"install) changed\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only\n"
             u"builder/install: install commands of shell changed"_s},
            {"import to",
             "  to: /usr/local/bin\n",
             "  to: /opt/bin\n",
             {},
             u"app/importsAfterInstall: import of artifact builder: add, to, group, owner, "
             u"includePaths, excludePaths, stage changed\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"import add",
             "  add: /out\n",
             "  add: /out/bin\n",
             {},
             u"app/importsAfterInstall: import of artifact builder: add, to, group, owner, "
             u"includePaths, excludePaths, stage changed\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"import includePaths",
             "  add: /out\n",
             "  add: /out\n  includePaths:\n  - app\n",
             {},
             u"app/importsAfterInstall: import of artifact builder: add, to, group, owner, "
             u"includePaths, excludePaths, stage changed\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"git includePaths",
             "  - lib\n  stageDependencies",
             "  - lib\n  - docs\n  stageDependencies",
             {},
             u"app/gitArchive: git mapping / → /app (add, to, includePaths, excludePaths, owner, "
             u"group, branch, tag, commit) changed\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"stageDependencies paths",
             "    - package.json\n    setup",
             "    - package.json\n    - lib\n    setup",
             {},
             u"app/install: stageDependencies of install: lib added (git mapping /app)\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"commit in install stageDependencies",
             {},
             {},
             u"package.json"_s,
             u"app/install: stageDependencies of install: package.json changed (git mapping /app)\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"commit in setup stageDependencies",
             {},
             {},
             u"src/main.js"_s,
             u"app/setup: stageDependencies of setup: src changed (git mapping /app)\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"commit in includePaths only",
             {},
             {},
             u"lib/util.js"_s,
             u"app/gitLatestPatch: files changed in git since the previous stage was built (git "
             u"patch <commit>..<commit> of mapping /app)\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"commit outside includePaths", {}, {}, u"docs/readme.md"_s, {}},
            {"amended commit",
             {},
             {},
             u"amend:docs/readme.md"_s,
             u"app/gitArchive: the baseline's stage image was built from a git commit that is "
             u"not an ancestor of the current one\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
            {"docker ENV",
             "MODE: production",
             "MODE: staging",
             {},
             u"app/dockerInstructions: docker.ENV changed"_s},
            {"mount",
             "  to: /var/tmp\n",
             "  to: /var/cache\n",
             {},
             u"app/from: mount /var/cache changed\n"
             u"app/beforeInstall: previous stage only\n"
             u"app/gitArchive: previous stage only\n"
             u"app/install: previous stage only\n"
             u"app/importsAfterInstall: previous stage only\n"
             u"app/beforeSetup: previous stage only\n"
             u"app/setup: previous stage only\n"
             u"app/dockerInstructions: previous stage only"_s},
    };
}

inline bool applyEdit(const Edit &edit, const QString &dir, QString *error)
{
    if (edit.commitFile.isEmpty())
        return editConfig(dir, edit.before, edit.after, error);
    const bool amend = edit.commitFile.startsWith(u"amend:");
    const QString path = amend ? edit.commitFile.mid(6) : edit.commitFile;
    QFile file(dir + u'/' + path);
    const bool exists = file.exists();
    if (!file.open(QIODevice::Append)) {
        *error = u"cannot change "_s + path;
        return false;
    }
    file.write(exists ? "// changed\n" : "new\n");
    file.close();
    if (!amend)
        return commit(dir, u"change "_s + path, error);
    return run(dir, u"git"_s, {u"add"_s, u"-A"_s}, error)
           && run(dir,
                  u"git"_s,
                  {u"-c"_s,
                   u"commit.gpgsign=false"_s,
                   u"commit"_s,
                   u"-q"_s,
                   u"--amend"_s,
                   u"-m"_s,
                   u"baseline, amended"_s},
                  error);
}

/** Commit ids (as reasons abbreviate them) vary per run: "<commit>" instead. */
inline QString withoutCommits(QString text)
{
    static const QRegularExpression commit(u"\\b[0-9a-f]{12}\\b"_s);
    return text.replace(commit, u"<commit>"_s);
}

/** One line per stage that werf would rebuild (or that changed otherwise), as in `expected`. */
inline QString describe(const QList<Stagecraft::Model::StageChange> &changes)
{
    QStringList lines;
    for (const Stagecraft::Model::StageChange &c : changes) {
        if (c.kind == Stagecraft::Model::StageChange::Kind::Unchanged)
            continue;
        lines.append(c.image + u'/' + c.stageName + u": "_s + c.reasons().join(u"; "_s));
    }
    return withoutCommits(lines.join(u'\n'));
}

} // namespace WhatIfFixture

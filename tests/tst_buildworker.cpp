// SPDX-License-Identifier: GPL-3.0-or-later
// The build worker against a real buildah (--isolation chroot, vfs, a storage root of the test's
// own), offline: the base image is made from Debian's busybox-static, the bundled example is
// copied into a fresh git repository. The werf backend is exercised with a script that replays
// a recorded real werf log (werf itself is not installed): that tests the process plumbing and
// the event translation, not werf.

#include "build/buildcommand.h"
#include "build/buildeventjson.h"
#include "build/buildworker.h"
#include "build/processrunner.h"
#include "build/stagedurations.h"
#include "buildahfixture.h"
#include "config/configloader.h"
#include "signature/planner.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <optional>
#include <unistd.h>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;
using namespace Qt::StringLiterals;

namespace {

struct BuildRun
{
    QList<BuildEvent> events;
    BuildOutcome outcome;
    bool started = false;
    QString error;

    QList<BuildEvent> of(BuildEvent::Kind kind, const QString &image = {}) const
    {
        QList<BuildEvent> result;
        for (const BuildEvent &e : events) {
            if (e.kind == kind && (image.isEmpty() || e.image == image))
                result.append(e);
        }
        return result;
    }
    QStringList stages(BuildEvent::Kind kind, const QString &image) const
    {
        QStringList result;
        for (const BuildEvent &e : of(kind, image))
            result.append(e.stage);
        return result;
    }
    int count(BuildEvent::Kind kind) const { return int(of(kind).size()); }
};

} // namespace

class tst_BuildWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesAnsible();
    void refusesUnknownImage();
    void buildsTheExample();
    void rebuildIsCached();
    void commandLineJsonEvents();
    void changedInstallRebuildsFromThere();
    void changedBaseRebuildsDependants();
    void gitChangeIsPatchedIn();
    void cancelInTheMiddleOfAStage();
    void failingCommand();
    void remoteGitMapping();
    void durationsAreKeptForTheEstimate();
    void singleFileGitMappingIsPatched();
    void dockerfileImageUnderWerfName();
    void werfBackendReplaysARecordedLog_data();
    void werfBackendReplaysARecordedLog();

private:
    QString buildah(const QStringList &arguments, int *exitCode = nullptr) const;
    QString inImage(const QString &image, const QStringList &command) const;
    QStringList storedStageImages() const;
    void git(const QStringList &arguments) const;
    void editConfig(const QString &from, const QString &to);
    void appendConfig(const QString &text);
    BuildRun build(const QStringList &images = {},
                   const std::function<void(BuildWorker &, const BuildEvent &)> &onEvent = {},
                   const QString &projectDir = {});
    BuildOptions options() const;
    LoadedProject load() const { return loadProject(m_projectDir); }

    QTemporaryDir m_dir;
    QString m_storageRoot;
    QString m_repoDir;
    QString m_projectDir;
    QString m_controlDir;
    bool m_ready = false;
};

BuildOptions tst_BuildWorker::options() const
{
    BuildOptions o;
    o.storage.root = m_storageRoot;
    o.storage.driver = u"vfs"_s;
    o.buildDirRoot = m_dir.filePath(u"build_dir"_s);
    o.jobs = 2;
    return o;
}

QString tst_BuildWorker::buildah(const QStringList &arguments, int *exitCode) const
{
    return runBuildah(vfsStorage(m_storageRoot), arguments, exitCode);
}

QString tst_BuildWorker::inImage(const QString &image, const QStringList &command) const
{
    return runInImage(vfsStorage(m_storageRoot), image, command);
}

QStringList tst_BuildWorker::storedStageImages() const
{
    const QString out = buildah(
            {u"images"_s, u"--noheading"_s, u"--format"_s, u"{{.Name}}:{{.Tag}}"_s});
    QStringList result;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(u"werf-stages-storage/stagecraft-example:"))
            result.append(line.trimmed());
    }
    return result;
}

void tst_BuildWorker::git(const QStringList &arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_repoDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_AUTHOR_NAME"_s, u"Test"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"test@example.org"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"Test"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"test@example.org"_s);
    process.setProcessEnvironment(env);
    process.start(u"git"_s, arguments);
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void tst_BuildWorker::editConfig(const QString &from, const QString &to)
{
    QFile file(m_projectDir + u"/werf.yaml"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    QVERIFY2(text.contains(from), qPrintable(from));
    text.replace(from, to);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();
    git({u"commit"_s, u"-q"_s, u"-am"_s, u"edit"_s});
}

void tst_BuildWorker::appendConfig(const QString &text)
{
    QFile config(m_projectDir + u"/werf.yaml"_s);
    QVERIFY(config.open(QIODevice::Append));
    config.write(text.toUtf8());
    config.close();
    git({u"commit"_s, u"-q"_s, u"-am"_s, u"more images"_s});
}

BuildRun tst_BuildWorker::build(const QStringList &images,
                                const std::function<void(BuildWorker &, const BuildEvent &)> &onEvent,
                                const QString &projectDir)
{
    BuildRun run;
    BuildOptions o = options();
    o.images = images;
    BuildWorker worker;
    QEventLoop loop;
    bool done = false;
    connect(&worker, &BuildWorker::eventOccurred, &loop, [&](const BuildEvent &event) {
        run.events.append(event);
        if (onEvent)
            onEvent(worker, event);
    });
    connect(&worker, &BuildWorker::finished, &loop, [&](const BuildOutcome &outcome) {
        run.outcome = outcome;
        done = true;
        loop.quit();
    });
    run.started = worker.start(projectDir.isEmpty() ? load() : loadProject(projectDir), o);
    run.error = worker.errorString();
    if (!run.started)
        return run;
    QTimer::singleShot(240000, &loop, [&] { worker.cancel(); });
    if (!done)
        loop.exec();
    return run;
}

void tst_BuildWorker::initTestCase()
{
    const bool ci = qEnvironmentVariable("CI") == u"true";
    const QString buildahPath = QStandardPaths::findExecutable(u"buildah"_s);
    const bool busybox = QFile::exists(u"/bin/busybox"_s);
    if (buildahPath.isEmpty() || !busybox || geteuid() != 0) {
        const QByteArray why = "needs buildah, Debian's busybox-static (/bin/busybox) and root "
                               "(buildah --isolation chroot)";
        if (ci)
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    QVERIFY(m_dir.isValid());
    m_storageRoot = m_dir.filePath(u"storage"_s);
    QStandardPaths::setTestModeEnabled(true); // the stage durations go to a test cache

    // The offline base image resources/example builds on.
    QString error;
    QVERIFY2(makeOfflineBaseImage(vfsStorage(m_storageRoot), &error), qPrintable(error));

    // The example inside a git repository at the path its git mapping names.
    m_repoDir = m_dir.filePath(u"repo"_s);
    m_projectDir = m_repoDir + u"/resources/example"_s;
    const QString source = QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example");
    QDirIterator it(source, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = m_projectDir + path.mid(source.size());
        QDir().mkpath(QFileInfo(target).path());
        QVERIFY(QFile::copy(path, target));
    }
    m_controlDir = m_dir.filePath(u"control"_s);
    QDir().mkpath(m_controlDir);
    git({u"init"_s, u"-q"_s});
    git({u"add"_s, u"."_s});
    git({u"commit"_s, u"-q"_s, u"-m"_s, u"example"_s});
    QVERIFY2(load().ok(), qPrintable(load().diagnostics.value(0).toString()));
    m_ready = true;
}

void tst_BuildWorker::cleanupTestCase()
{
    if (!m_ready)
        return;
    // vfs layers are plain directories; buildah removes its own mounts and containers.
    buildah({u"rm"_s, u"--all"_s});
    buildah({u"rmi"_s, u"--all"_s, u"--force"_s});
}

void tst_BuildWorker::refusesAnsible()
{
    const LoadedProject project = loadText(
            m_dir.filePath(u"werf.yaml"_s),
            "project: p\nconfigVersion: 1\n---\nimage: a\nfrom: alpine\nansible:\n  install:\n"
            "  - shell: echo hi\n");
    QVERIFY(project.ok());
    BuildWorker worker;
    QVERIFY(!worker.start(project, options()));
    QVERIFY2(worker.errorString().contains(u"werf backend"), qPrintable(worker.errorString()));
    QVERIFY2(QRegularExpression(u"/werf.yaml:\\d+:\\d+: error: "_s)
                     .match(worker.errorString())
                     .hasMatch(),
             qPrintable(worker.errorString()));
    QVERIFY(!worker.isRunning());
    BuildOptions werf = options();
    werf.backend = BuildBackend::Werf;
    QVERIFY(BuildWorker::checkRequest(project, werf).isEmpty());
}

void tst_BuildWorker::refusesUnknownImage()
{
    const BuildRun run = build({u"nope"_s});
    QVERIFY(!run.started);
    QVERIFY2(run.error.endsWith(u"error: specified image nope is not defined in werf.yaml"),
             qPrintable(run.error));
}

void tst_BuildWorker::buildsTheExample()
{
    QElapsedTimer timer;
    timer.start();
    const BuildRun run = build();
    qInfo("first build: %lld ms", timer.elapsed());
    QVERIFY2(run.started, qPrintable(run.error));
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.count(BuildEvent::Kind::StageCached), 0);
    QCOMPARE(run.count(BuildEvent::Kind::StageFailed), 0);
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"tools"_s),
             (QStringList{u"from"_s, u"install"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"base"_s),
             (QStringList{u"from"_s, u"beforeInstall"_s, u"dockerInstructions"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"app"_s),
             (QStringList{u"from"_s,
                          u"beforeInstall"_s,
                          u"gitArchive"_s,
                          u"install"_s,
                          u"importsAfterInstall"_s,
                          u"beforeSetup"_s,
                          u"setup"_s,
                          u"dockerInstructions"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"web"_s), QStringList{u"dockerfile"_s});
    QCOMPARE(run.of(BuildEvent::Kind::BuildFinished).size(), 1);
    QCOMPARE(run.events.last().kind, BuildEvent::Kind::BuildFinished);
    // The plan's prediction (everything missing) is what was built.
    // The Dockerfile image has its werf signature too (its project directory is no git
    // repository root, so werf hashes the context from the files).
    QStringList built = run.outcome.builtKeys;
    QStringList predicted = run.outcome.predictedKeys;
    built.sort();
    predicted.sort();
    QCOMPARE(built, predicted);

    // Every built stapel stage is stored under werf's name with werf's labels, and the plan now
    // finds it.
    const QStringList stored = storedStageImages();
    const QList<BuildEvent> builtEvents = run.of(BuildEvent::Kind::StageBuilt);
    for (const BuildEvent &e : builtEvents) {
        if (e.stage == u"dockerfile")
            continue;
        QVERIFY2(e.imageName.startsWith(u"werf-stages-storage/stagecraft-example:" + e.signature
                                        + u'-'),
                 qPrintable(e.imageName));
        QVERIFY(e.durationMs >= 0);
        QVERIFY(!e.size.isEmpty());
        QVERIFY2(stored.contains(u"localhost/" + e.imageName), qPrintable(e.imageName));
    }
    const BuildEvent appLast = run.of(BuildEvent::Kind::StageBuilt, u"app"_s).last();
    const QString labels = buildah(
            {u"inspect"_s,
             u"--type"_s,
             u"image"_s,
             u"--format"_s,
             u"{{range $k, $v := .OCIv1.Config.Labels}}{{$k}}={{$v}}\n{{end}}"_s,
             appLast.imageName});
    QVERIFY2(labels.contains(u"werf-stage-signature=" + appLast.signature), qPrintable(labels));
    QVERIFY(labels.contains(u"werf=stagecraft-example\n"));
    QVERIFY(labels.contains(u"werf-cache-version=1.1\n"));
    QVERIFY(labels.contains(u"-commit="));

    // The stage that imports from tools records the image ID of tools' last stage (§6.5).
    const QList<BuildEvent> toolsBuilt = run.of(BuildEvent::Kind::StageBuilt, u"tools"_s);
    QVERIFY(!toolsBuilt.last().imageId.isEmpty());
    QString importStage;
    for (const BuildEvent &e : run.of(BuildEvent::Kind::StageBuilt, u"app"_s)) {
        if (e.stage == u"importsAfterInstall")
            importStage = e.imageName;
    }
    const QString importLabels = buildah(
            {u"inspect"_s,
             u"--type"_s,
             u"image"_s,
             u"--format"_s,
             u"{{range $k, $v := .OCIv1.Config.Labels}}{{$k}}={{$v}}\n{{end}}"_s,
             importStage});
    QVERIFY2(importLabels.contains(u"werf-import-tools=sha256:" + toolsBuilt.last().imageId + u'\n'),
             qPrintable(importLabels));
    // The later stages inherit it from their parent image, as werf's do.
    QVERIFY(labels.contains(u"werf-import-tools=sha256:" + toolsBuilt.last().imageId + u'\n'));

    // fromImage (base's user), the import from the artifact, the git mapping with its exclude
    // and owner, the setup command and the docker instructions, all in app's last stage.
    const QString check = inImage(appLast.imageName,
                                  {u"/bin/sh"_s,
                                   u"-c"_s,
                                   u"/usr/local/bin/hello; stat -c '%U %n' /srv/app/configure.sh; "
                                   "ls /srv/app; cat /srv/app/BUILD"_s});
    QVERIFY2(check.contains(u"hello from stagecraft"), qPrintable(check));
    QVERIFY2(check.contains(u"app /srv/app/configure.sh"), qPrintable(check));
    QVERIFY2(!check.contains(u"README.md"), qPrintable(check));
    QVERIFY2(check.contains(u"run"), qPrintable(check)); // made by configure.sh in install
    const QString config = buildah({u"inspect"_s,
                                    u"--type"_s,
                                    u"image"_s,
                                    u"--format"_s,
                                    u"{{.Docker.Config.User}} {{.Docker.Config.WorkingDir}} "
                                    "{{.Docker.Config.Cmd}} {{.Docker.Config.Env}}"_s,
                                    appLast.imageName});
    QVERIFY2(config.contains(u"app /srv/app [/usr/local/bin/hello]"), qPrintable(config));
    QVERIFY2(config.contains(u"APP_MODE=production"), qPrintable(config));

    // The Dockerfile image, with its build arg, stored under werf's stage name.
    const BuildEvent web = run.of(BuildEvent::Kind::StageBuilt, u"web"_s).first();
    QCOMPARE(web.signature.size(), 56);
    QVERIFY2(web.imageName.startsWith(u"werf-stages-storage/stagecraft-example:" + web.signature),
             qPrintable(web.imageName));
    QVERIFY2(web.text.isEmpty(), qPrintable(web.text));
    const QString page = inImage(web.imageName,
                                 {u"/bin/cat"_s, u"/www/index.html"_s, u"/www/index.txt"_s});
    QVERIFY2(page.startsWith(u"hello from the web image"), qPrintable(page));

    // Progress reached the total.
    QCOMPARE(run.outcome.builtStages, 14);
}

void tst_BuildWorker::rebuildIsCached()
{
    QElapsedTimer timer;
    timer.start();
    const BuildRun run = build();
    qInfo("fully cached rebuild: %lld ms", timer.elapsed());
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.count(BuildEvent::Kind::StageBuilt), 0);
    // Nothing starts: the Dockerfile image's inputs are unchanged, so buildah build is not run.
    QCOMPARE(run.count(BuildEvent::Kind::StageStarted), 0);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"web"_s), QStringList{u"dockerfile"_s});
    QCOMPARE(run.count(BuildEvent::Kind::StageCached), 14);
    QVERIFY(run.outcome.predictedKeys.isEmpty());
    // The plan with the buildah storage as lookup says the same.
    const QList<BuildEvent> cached = run.of(BuildEvent::Kind::StageCached, u"app"_s);
    QCOMPARE(cached.size(), 8);
    for (const BuildEvent &e : cached)
        QVERIFY2(e.imageName.contains(e.signature), qPrintable(e.imageName));
}

void tst_BuildWorker::commandLineJsonEvents()
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const int code = runBuildCommand(m_projectDir, {}, options(), true, outStream, errStream);
    outStream.flush();
    QVERIFY2(code == 0, qPrintable(err + out));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(line));
        QVERIFY2(line.startsWith(u"{\"event\":\""), qPrintable(line));
    }
    QVERIFY(lines.first().startsWith(u"{\"event\":\"build-started\""));
    const QJsonObject last = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    QCOMPARE(last.value(u"event").toString(), u"build-finished"_s);
    QCOMPARE(last.value(u"result").toString(), u"succeeded"_s);
    QVERIFY(last.value(u"durationMs").toInteger() >= 0);
    QVERIFY(out.contains(u"{\"event\":\"stage-cached\",\"image\":\"app\",\"signature\":\""));

    // A refused build exits 1 with the reason on stderr.
    BuildOptions unknown = options();
    unknown.images = {u"nope"_s};
    err.clear();
    QCOMPARE(runBuildCommand(m_projectDir, {}, unknown, true, outStream, errStream), 1);
    errStream.flush();
    QVERIFY2(err.contains(u"specified image nope is not defined in werf.yaml"), qPrintable(err));
}

void tst_BuildWorker::changedInstallRebuildsFromThere()
{
    // tools' install changes: tools from cached, its install rebuilt; app imports tools, so app's
    // importsAfterInstall and everything after it are rebuilt, the stages before stay cached.
    editConfig(u"  - chmod 0755 /out/bin/hello\n"_s,
               u"  - chmod 0755 /out/bin/hello\n  - echo changed > /out/bin/CHANGED\n"_s);
    const BuildRun run = build();
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"tools"_s), QStringList{u"from"_s});
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"tools"_s), QStringList{u"install"_s});
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"base"_s), QStringList{});
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"app"_s),
             (QStringList{u"from"_s, u"beforeInstall"_s, u"gitArchive"_s, u"install"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"app"_s),
             (QStringList{u"importsAfterInstall"_s,
                          u"beforeSetup"_s,
                          u"setup"_s,
                          u"dockerInstructions"_s}));
    // The import brought the new file.
    const QString last = run.of(BuildEvent::Kind::StageBuilt, u"app"_s).last().imageName;
    const QString check = inImage(last, {u"/bin/cat"_s, u"/usr/local/bin/CHANGED"_s});
    QCOMPARE(check.trimmed(), u"changed"_s);

    // app's own install command: from and gitArchive cached, install and all after it rebuilt.
    editConfig(u"  - sh /srv/app/configure.sh\n"_s, u"  - sh /srv/app/configure.sh --again\n"_s);
    const BuildRun second = build({u"app"_s});
    QCOMPARE(BuildOutcome::resultName(second.outcome.result), u"succeeded"_s);
    QCOMPARE(second.stages(BuildEvent::Kind::StageCached, u"app"_s),
             (QStringList{u"from"_s, u"beforeInstall"_s, u"gitArchive"_s}));
    QCOMPARE(second.stages(BuildEvent::Kind::StageBuilt, u"app"_s),
             (QStringList{u"install"_s,
                          u"importsAfterInstall"_s,
                          u"beforeSetup"_s,
                          u"setup"_s,
                          u"dockerInstructions"_s}));
    // --image app builds its dependencies (all cached) but not web.
    QVERIFY(second.of(BuildEvent::Kind::ImageStarted, u"web"_s).isEmpty());
    QCOMPARE(second.stages(BuildEvent::Kind::StageCached, u"tools"_s),
             (QStringList{u"from"_s, u"install"_s}));
}

void tst_BuildWorker::changedBaseRebuildsDependants()
{
    // base changes in beforeInstall: app is built FROM base, so every app stage is rebuilt.
    editConfig(u"  - mkdir -p /srv/app /var/log/app\n"_s,
               u"  - mkdir -p /srv/app /var/log/app /data\n"_s);
    const BuildRun run = build({u"app"_s});
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"base"_s), QStringList{u"from"_s});
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"base"_s),
             (QStringList{u"beforeInstall"_s, u"dockerInstructions"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"app"_s), QStringList{});
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"app"_s).size(), 8);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"tools"_s).size(), 2);
}

void tst_BuildWorker::gitChangeIsPatchedIn()
{
    // app.conf is a setup dependency (**/*.conf): setup is rebuilt, after the werf patch from the
    // commit of the cached stages to the new one was applied, so `cat app.conf` sees the change.
    QFile conf(m_projectDir + u"/app/app.conf"_s);
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("debug=1\n");
    conf.close();
    git({u"commit"_s, u"-q"_s, u"-am"_s, u"conf"_s});
    const BuildRun run = build({u"app"_s});
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"app"_s),
             (QStringList{u"from"_s,
                          u"beforeInstall"_s,
                          u"gitArchive"_s,
                          u"install"_s,
                          u"importsAfterInstall"_s,
                          u"beforeSetup"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"app"_s),
             (QStringList{u"setup"_s, u"dockerInstructions"_s}));
    const QString last = run.of(BuildEvent::Kind::StageBuilt, u"app"_s).last().imageName;
    const QString check = inImage(last, {u"/bin/cat"_s, u"/srv/app/BUILD"_s});
    QVERIFY2(check.contains(u"debug=1"), qPrintable(check));
    // The stage image records the new commit for the mapping.
    const QString labels = buildah(
            {u"inspect"_s,
             u"--type"_s,
             u"image"_s,
             u"--format"_s,
             u"{{range $k, $v := .OCIv1.Config.Labels}}{{$k}}={{$v}}\n{{end}}"_s,
             last});
    QProcess head;
    head.setWorkingDirectory(m_repoDir);
    head.start(u"git"_s, {u"rev-parse"_s, u"HEAD"_s});
    QVERIFY(head.waitForFinished());
    const QString commit = QString::fromUtf8(head.readAllStandardOutput()).trimmed();
    QVERIFY2(labels.contains(u"-commit=" + commit), qPrintable(labels));
}

void tst_BuildWorker::cancelInTheMiddleOfAStage()
{
    // A stage that waits for the test (through a fromPath mount) stands for a long one.
    appendConfig(QStringLiteral("---\n"
                                "image: slow\n"
                                "from: localhost/stagecraft-busybox:1.35\n"
                                "mount:\n"
                                "- fromPath: %1\n"
                                "  to: /control\n"
                                "shell:\n"
                                "  beforeInstall:\n"
                                "  - echo prepared > /prepared\n"
                                "  install:\n"
                                "  - echo waiting-for-release\n"
                                "  - i=0; while [ ! -e /control/go ] && [ $i -lt 600 ]; do sleep "
                                "0.1; i=$((i+1)); done\n"
                                "  - test -e /control/go\n")
                         .arg(m_controlDir));
    QFile::remove(m_controlDir + u"/go"_s);
    qint64 runningSession = -1;
    QString installSignature;
    const BuildRun run = build({u"slow"_s}, [&](BuildWorker &worker, const BuildEvent &event) {
        if (event.kind == BuildEvent::Kind::StageStarted && event.stage == u"install")
            installSignature = event.signature;
        if (event.kind == BuildEvent::Kind::Output && event.text == u"waiting-for-release") {
            // The stage's shell is running now: find its session before cancelling.
            const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs);
            for (const QString &pid : entries) {
                QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
                if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("/control/go")) {
                    QFile stat(u"/proc/"_s + pid + u"/stat"_s);
                    if (stat.open(QIODevice::ReadOnly)) {
                        const QByteArray text = stat.readAll();
                        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2)
                                                                 .split(' ');
                        runningSession = fields.value(3).toLongLong();
                    }
                }
            }
            worker.cancel();
        }
    });
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"cancelled"_s);
    QCOMPARE(run.outcome.stage, u"install"_s);
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"slow"_s),
             (QStringList{u"from"_s, u"beforeInstall"_s}));
    QVERIFY(run.of(BuildEvent::Kind::StageFailed).isEmpty());
    QCOMPARE(run.events.last().kind, BuildEvent::Kind::BuildFinished);
    QCOMPARE(run.events.last().result, u"cancelled"_s);

    // No process of the killed stage is left, nor any other with its command line.
    QVERIFY2(runningSession > 1, "the stage's shell was not found in /proc");
    const QList<qint64> left = BuildCancellation::sessionProcesses(runningSession);
    QString leftText;
    for (qint64 pid : left) {
        QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
        if (stat.open(QIODevice::ReadOnly))
            leftText += QString::fromUtf8(stat.readAll()) + u'\n';
    }
    QVERIFY2(left.isEmpty(), qPrintable(leftText));
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString &pid : entries) {
        QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
        if (cmdline.open(QIODevice::ReadOnly))
            QVERIFY2(!cmdline.readAll().contains("/control/go"), qPrintable(pid));
    }
    // Nothing stored for the stage, and its working container is gone.
    QVERIFY(!installSignature.isEmpty());
    for (const QString &image : storedStageImages())
        QVERIFY2(!image.contains(installSignature), qPrintable(image));
    QCOMPARE(buildah({u"containers"_s, u"--noheading"_s, u"--format"_s, u"{{.ContainerName}}"_s})
                     .trimmed(),
             QString());

    // The next build reuses what was finished and completes the stage.
    QFile go(m_controlDir + u"/go"_s);
    QVERIFY(go.open(QIODevice::WriteOnly));
    go.close();
    const BuildRun next = build({u"slow"_s});
    QCOMPARE(BuildOutcome::resultName(next.outcome.result), u"succeeded"_s);
    QCOMPARE(next.stages(BuildEvent::Kind::StageCached, u"slow"_s),
             (QStringList{u"from"_s, u"beforeInstall"_s}));
    QCOMPARE(next.stages(BuildEvent::Kind::StageBuilt, u"slow"_s), QStringList{u"install"_s});
}

void tst_BuildWorker::failingCommand()
{
    appendConfig(u"---\n"
                 "image: broken\n"
                 "from: localhost/stagecraft-busybox:1.35\n"
                 "shell:\n"
                 "  install:\n"
                 "  - echo before-the-failure\n"
                 "  - sh -c 'exit 3'\n"
                 "  - echo never-printed\n"_s);
    QString installSignature;
    const BuildRun run = build({u"broken"_s});
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"failed"_s);
    const QList<BuildEvent> failed = run.of(BuildEvent::Kind::StageFailed, u"broken"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().stage, u"install"_s);
    QCOMPARE(failed.first().exitCode, 3);
    QVERIFY2(failed.first().lastOutput.contains(u"before-the-failure"),
             qPrintable(failed.first().lastOutput.join(u'|')));
    QVERIFY(!failed.first().lastOutput.contains(u"never-printed"));
    QVERIFY2(failed.first().text.contains(u"exit code 3"), qPrintable(failed.first().text));
    QCOMPARE(run.outcome.stage, u"install"_s);
    QCOMPARE(run.outcome.exitCode, 3);
    for (const BuildEvent &e : run.of(BuildEvent::Kind::StageStarted, u"broken"_s)) {
        if (e.stage == u"install")
            installSignature = e.signature;
    }
    QVERIFY(!installSignature.isEmpty());
    for (const QString &image : storedStageImages())
        QVERIFY2(!image.contains(installSignature), qPrintable(image));
    QCOMPARE(buildah({u"containers"_s, u"--noheading"_s, u"--format"_s, u"{{.ContainerName}}"_s})
                     .trimmed(),
             QString());
    QCOMPARE(run.events.last().result, u"failed"_s);
    const QJsonObject json = QJsonDocument::fromJson(buildEventJsonLine(failed.first())).object();
    QCOMPARE(json.value(u"exitCode").toInt(), 3);
    QVERIFY(json.value(u"lastOutput").toArray().contains(u"before-the-failure"_s));
}

void tst_BuildWorker::remoteGitMapping()
{
    // A "remote" repository offline: a bare repository reached through a file:// URL.
    const QString source = m_dir.filePath(u"remote-src"_s);
    const QString bare = m_dir.filePath(u"remote.git"_s);
    QVERIFY(QDir().mkpath(source + u"/lib"_s));
    const auto write = [&](const QByteArray &content) {
        QFile file(source + u"/lib/data.txt"_s);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    };
    const auto gitIn = [](const QString &dir, const QStringList &arguments) {
        QProcess git;
        git.setWorkingDirectory(dir);
        git.start(u"git"_s,
                  QStringList{u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@example.org"_s}
                          + arguments);
        QVERIFY(git.waitForFinished(60000));
        QVERIFY2(git.exitCode() == 0, git.readAllStandardError().constData());
    };
    write("v1\n");
    gitIn(source, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s});
    gitIn(source, {u"add"_s, u"."_s});
    gitIn(source, {u"commit"_s, u"-qm"_s, u"v1"_s});
    gitIn(m_dir.path(), {u"clone"_s, u"-q"_s, u"--bare"_s, source, bare});

    const QString dir = m_dir.filePath(u"remoteproj"_s);
    QVERIFY(QDir().mkpath(dir));
    QFile config(dir + u"/werf.yaml"_s);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("project: remoteproj\nconfigVersion: 1\n---\nimage: fetched\n"
                 "from: localhost/stagecraft-busybox:1.35\ngit:\n- url: file://"
                 + bare.toUtf8()
                 + "\n  branch: main\n  herebyIAdmitThatBranchMightBreakReproducibility: true\n"
                   "  add: /lib\n  to: /opt/lib\n");
    config.close();
    const LoadedProject project = loadProject(dir);
    QVERIFY2(project.ok(), qPrintable(project.diagnostics.value(0).toString()));
    QVERIFY(BuildWorker::checkRequest(project, options()).isEmpty());

    const auto contentOf = [&](const BuildRun &run) {
        const QString last = run.events.isEmpty() ? QString() : [&] {
            QString name;
            for (const BuildEvent &e : run.events) {
                if ((e.kind == BuildEvent::Kind::StageBuilt
                     || e.kind == BuildEvent::Kind::StageCached)
                    && e.image == u"fetched")
                    name = e.imageName;
            }
            return name;
        }();
        const QString text = inImage(last, {u"/bin/cat"_s, u"/opt/lib/data.txt"_s});
        return text;
    };
    const BuildRun first = build({}, {}, dir);
    QVERIFY2(first.started, qPrintable(first.error));
    QCOMPARE(BuildOutcome::resultName(first.outcome.result), u"succeeded"_s);
    QVERIFY(first.stages(BuildEvent::Kind::StageBuilt, u"fetched"_s).contains(u"gitArchive"_s));
    QCOMPARE(contentOf(first), u"v1\n"_s);

    // A new commit on the remote branch: fetched, and patched in by gitLatestPatch.
    write("v2\n");
    gitIn(source, {u"commit"_s, u"-qam"_s, u"v2"_s});
    gitIn(source, {u"push"_s, u"-q"_s, bare, u"main"_s});
    const BuildRun second = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(second.outcome.result), u"succeeded"_s);
    QCOMPARE(second.stages(BuildEvent::Kind::StageCached, u"fetched"_s),
             (QStringList{u"from"_s, u"gitArchive"_s}));
    QCOMPARE(second.stages(BuildEvent::Kind::StageBuilt, u"fetched"_s),
             QStringList{u"gitLatestPatch"_s});
    QCOMPARE(contentOf(second), u"v2\n"_s);

    // An unreachable repository fails the build before any stage, naming the image's place.
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("project: remoteproj\nconfigVersion: 1\n---\nimage: fetched\n"
                 "from: localhost/stagecraft-busybox:1.35\ngit:\n- url: file://"
                 + bare.toUtf8()
                 + "-absent\n  branch: main\n  herebyIAdmitThatBranchMightBreakReproducibility: "
                   "true\n  add: /lib\n  to: /opt/lib\n");
    config.close();
    const BuildRun absent = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(absent.outcome.result), u"failed"_s);
    QVERIFY(absent.of(BuildEvent::Kind::StageStarted).isEmpty());
    QVERIFY2(absent.outcome.message.contains(u"/werf.yaml:4:"), qPrintable(absent.outcome.message));
    QVERIFY2(absent.outcome.message.contains(u"cannot clone"), qPrintable(absent.outcome.message));
}

void tst_BuildWorker::durationsAreKeptForTheEstimate()
{
    const StageDurations store(m_projectDir + u"/werf.yaml"_s);
    QVERIFY(store.filePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
    QFile::remove(store.filePath());
    QVERIFY(store.load().isEmpty());

    // A command-line build stores the duration of every stage it built, none of the cached.
    editConfig(u"  - cat /srv/app/app.conf > /srv/app/BUILD\n"_s,
               u"  - cat /srv/app/app.conf > /srv/app/BUILD\n  - echo timed\n"_s);
    BuildOptions o = options();
    o.images = {u"app"_s};
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runBuildCommand(m_projectDir, {}, o, false, outStream, errStream), 0);
    outStream.flush();
    const QHash<QString, qint64> stored = store.load();
    QCOMPARE(stored.size(), 2);
    QVERIFY(stored.value(u"app/setup"_s, -1) >= 0);
    QVERIFY(stored.value(u"app/dockerInstructions"_s, -1) >= 0);
    // Nothing known yet: the first progress line has no estimate.
    QVERIFY2(out.contains(u"Progress: 0/"), qPrintable(out));
    QVERIFY2(!out.contains(u"seconds left"), qPrintable(out));

    // The next build estimates from them: the stages it will build are exactly those two.
    editConfig(u"  - echo timed\n"_s, u"  - echo timed again\n"_s);
    out.clear();
    QCOMPARE(runBuildCommand(m_projectDir, {}, o, false, outStream, errStream), 0);
    outStream.flush();
    const qint64 expected = stored.value(u"app/setup"_s)
                            + stored.value(u"app/dockerInstructions"_s);
    const QString firstLine = out.mid(out.indexOf(u"Progress: 0/")).section(u'\n', 0, 0);
    QCOMPARE(firstLine,
             u"Progress: 0/%1 stages, about %2 seconds left"_s.arg(13).arg(
                     QString::number(double(expected) / 1000.0, 'f', 2)));
    // The GUI's worker gets its estimate from the same store (now with the second build's).
    editConfig(u"  - echo timed again\n"_s, u"  - echo timed a third time\n"_s);
    o.previousDurations = store.load();
    const qint64 again = o.previousDurations.value(u"app/setup"_s)
                         + o.previousDurations.value(u"app/dockerInstructions"_s);
    BuildWorker worker;
    QList<BuildProgress> progress;
    QEventLoop loop;
    connect(&worker, &BuildWorker::progressChanged, &loop, [&](const BuildProgress &p) {
        progress.append(p);
    });
    connect(&worker, &BuildWorker::finished, &loop, &QEventLoop::quit);
    QVERIFY(worker.start(load(), o));
    loop.exec();
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().remainingEstimateMs, again);
    QCOMPARE(progress.first().total, 13);
    QCOMPARE(progress.last().done, 13);
}

void tst_BuildWorker::singleFileGitMappingIsPatched()
{
    appendConfig(u"---\n"
                 "image: single\n"
                 "from: localhost/stagecraft-busybox:1.35\n"
                 "git:\n"
                 "- add: /resources/example/app/app.conf\n"
                 "  to: /etc/app.conf\n"_s);
    const BuildRun first = build({u"single"_s});
    QCOMPARE(BuildOutcome::resultName(first.outcome.result), u"succeeded"_s);
    QVERIFY(first.stages(BuildEvent::Kind::StageBuilt, u"single"_s).contains(u"gitArchive"_s));

    QFile conf(m_projectDir + u"/app/app.conf"_s);
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("single=1\n");
    conf.close();
    git({u"commit"_s, u"-q"_s, u"-am"_s, u"single file"_s});
    const BuildRun run = build({u"single"_s});
    QCOMPARE(BuildOutcome::resultName(run.outcome.result), u"succeeded"_s);
    QCOMPARE(run.stages(BuildEvent::Kind::StageCached, u"single"_s),
             (QStringList{u"from"_s, u"gitArchive"_s}));
    QCOMPARE(run.stages(BuildEvent::Kind::StageBuilt, u"single"_s),
             (QStringList{u"gitLatestPatch"_s}));
    const QString last = run.of(BuildEvent::Kind::StageBuilt, u"single"_s).last().imageName;
    const QString check = inImage(last, {u"/bin/cat"_s, u"/etc/app.conf"_s});
    QFile current(m_projectDir + u"/app/app.conf"_s);
    QVERIFY(current.open(QIODevice::ReadOnly));
    QCOMPARE(check, QString::fromUtf8(current.readAll()));
    QVERIFY(check.endsWith(u"single=1\n"));
}

void tst_BuildWorker::dockerfileImageUnderWerfName()
{
    // Outside git, so werf's dockerfile signature is computed (the base's ONBUILD list comes
    // from the local base image): the image is a stage under werf's name.
    const QString dir = m_dir.filePath(u"dockerproj"_s);
    QVERIFY(QDir().mkpath(dir));
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    };
    write(u"werf.yaml"_s,
          "project: dockerproj\nconfigVersion: 1\n---\nimage: page\ndockerfile: Dockerfile\n");
    write(u"Dockerfile"_s,
          "FROM localhost/stagecraft-busybox:1.35\nCOPY page.txt /page.txt\n"
          "RUN cat /page.txt > /copy.txt\n");
    write(u"page.txt"_s, "one\n");
    const BuildRun first = build({}, {}, dir);
    QVERIFY2(first.started, qPrintable(first.error));
    QCOMPARE(BuildOutcome::resultName(first.outcome.result), u"succeeded"_s);
    const QList<BuildEvent> built = first.of(BuildEvent::Kind::StageBuilt, u"page"_s);
    QCOMPARE(built.size(), 1);
    const BuildEvent &stage = built.first();
    QCOMPARE(stage.stage, u"dockerfile"_s);
    QCOMPARE(stage.signature.size(), 56);
    QVERIFY2(stage.imageName.startsWith(u"werf-stages-storage/dockerproj:" + stage.signature + u'-'),
             qPrintable(stage.imageName));
    QVERIFY2(stage.text.isEmpty(), qPrintable(stage.text));
    QCOMPARE(first.outcome.predictedKeys, QStringList{u"page/dockerfile"_s});
    const QString labels = buildah(
            {u"inspect"_s,
             u"--type"_s,
             u"image"_s,
             u"--format"_s,
             u"{{range $k, $v := .OCIv1.Config.Labels}}{{$k}}={{$v}}\n{{end}}"_s,
             stage.imageName});
    QVERIFY2(labels.contains(u"werf-stage-signature=" + stage.signature + u'\n'),
             qPrintable(labels));
    QVERIFY2(labels.contains(u"werf=dockerproj\n"), qPrintable(labels));

    // The plan finds it: nothing is started the second time.
    const BuildRun second = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(second.outcome.result), u"succeeded"_s);
    QCOMPARE(second.count(BuildEvent::Kind::StageStarted), 0);
    const QList<BuildEvent> cached = second.of(BuildEvent::Kind::StageCached, u"page"_s);
    QCOMPARE(cached.size(), 1);
    QCOMPARE(cached.first().imageName, u"localhost/"_s + stage.imageName);

    // A changed context file changes the signature.
    write(u"page.txt"_s, "two\n");
    const BuildRun third = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(third.outcome.result), u"succeeded"_s);
    const QList<BuildEvent> rebuilt = third.of(BuildEvent::Kind::StageBuilt, u"page"_s);
    QCOMPARE(rebuilt.size(), 1);
    QVERIFY(rebuilt.first().signature != stage.signature);
    const QString copy = inImage(rebuilt.first().imageName, {u"/bin/cat"_s, u"/copy.txt"_s});
    QCOMPARE(copy, u"two\n"_s);

    // A project directory that is a git repository's root: werf hashes the context through git
    // (ls-tree, status), which the signature code reproduces, so the image keeps werf's name.
    const auto git = [&dir](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(dir);
        process.start(u"git"_s,
                      QStringList{u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@example.org"_s}
                              + arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return std::optional<QString>();
        return std::optional<QString>(QString::fromUtf8(process.readAllStandardOutput()).trimmed());
    };
    QVERIFY(git({u"init"_s, u"-q"_s}).has_value());
    QVERIFY(git({u"add"_s, u"."_s}).has_value());
    QVERIFY(git({u"commit"_s, u"-qm"_s, u"page"_s}).has_value());
    const BuildRun inGit = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(inGit.outcome.result), u"succeeded"_s);
    QList<BuildEvent> stored = inGit.of(BuildEvent::Kind::StageBuilt, u"page"_s);
    stored += inGit.of(BuildEvent::Kind::StageCached, u"page"_s);
    QCOMPARE(stored.size(), 1);
    QVERIFY2(stored.first().imageName.contains(u"werf-stages-storage/dockerproj:"_s),
             qPrintable(stored.first().imageName));
    QVERIFY(!stored.first().signature.isEmpty());

    // A git submodule inside the context is not reproduced: the signature is unknown, the image
    // keeps Stagecraft's name and the events say why. (A gitlink entry is enough: werf's rules
    // look at the tree, and no clone is needed offline.)
    const QString head = git({u"rev-parse"_s, u"HEAD"_s}).value_or(QString());
    QVERIFY(!head.isEmpty());
    QVERIFY(git({u"update-index"_s, u"--add"_s, u"--cacheinfo"_s, u"160000," + head + u",sub"_s})
                    .has_value());
    QVERIFY(git({u"commit"_s, u"-qm"_s, u"submodule"_s}).has_value());
    const BuildRun withSubmodule = build({}, {}, dir);
    QCOMPARE(BuildOutcome::resultName(withSubmodule.outcome.result), u"succeeded"_s);
    const QList<BuildEvent> fallback = withSubmodule.of(BuildEvent::Kind::StageBuilt, u"page"_s);
    QCOMPARE(fallback.size(), 1);
    QCOMPARE(fallback.first().imageName,
             u"localhost/stagecraft-dockerfile/dockerproj/page:latest"_s);
    QVERIFY(fallback.first().signature.isEmpty());
    QVERIFY2(fallback.first().text.contains(u"not under werf's stage name"),
             qPrintable(fallback.first().text));
    QVERIFY(withSubmodule.outcome.predictedKeys.isEmpty());
}

void tst_BuildWorker::werfBackendReplaysARecordedLog_data()
{
    QTest::addColumn<QString>("log");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("failedStage");
    QTest::addColumn<int>("cachedStages");
    // 002: a 1.2 stapel build failing in `from`; 011: a Dockerfile image, all cached.
    QTest::newRow("002 failed") << u"002.log"_s << 1 << u"failed"_s << u"from"_s << 0;
    QTest::newRow("011 cached") << u"011.log"_s << 0 << u"succeeded"_s << QString() << 1;
}

void tst_BuildWorker::werfBackendReplaysARecordedLog()
{
    QFETCH(QString, log);
    QFETCH(int, exitCode);
    QFETCH(QString, result);
    QFETCH(QString, failedStage);
    QFETCH(int, cachedStages);
    // Not werf: a script standing in for the werf executable that replays a recorded real log
    // and records the arguments it was given.
    const QString script = m_dir.filePath(u"fake-werf-"_s + log + u".sh"_s);
    const QString argumentsFile = script + u".args"_s;
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
            QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > '%1'\ncat '%2'\nexit %3\n")
                    .arg(argumentsFile,
                         QStringLiteral(STAGECRAFT_SHARED_DIR "/reference/werf-build-logs/") + log)
                    .arg(exitCode)
                    .toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    BuildOptions o = options();
    o.backend = BuildBackend::Werf;
    o.werfProgram = script;
    BuildWorker worker;
    QList<BuildEvent> events;
    BuildOutcome outcome;
    QEventLoop loop;
    connect(&worker, &BuildWorker::eventOccurred, &loop, [&](const BuildEvent &e) {
        events.append(e);
    });
    connect(&worker, &BuildWorker::finished, &loop, [&](const BuildOutcome &o) {
        outcome = o;
        loop.quit();
    });
    QVERIFY2(worker.start(load(), o), qPrintable(worker.errorString()));
    loop.exec();
    QCOMPARE(BuildOutcome::resultName(outcome.result), result);
    QCOMPARE(outcome.cachedStages, cachedStages);
    QCOMPARE(events.last().kind, BuildEvent::Kind::BuildFinished);
    if (!failedStage.isEmpty()) {
        QCOMPARE(outcome.stage, failedStage);
        QVERIFY(!outcome.message.isEmpty());
        bool found = false;
        for (const BuildEvent &e : events)
            found = found || (e.kind == BuildEvent::Kind::StageFailed && e.stage == failedStage);
        QVERIFY(found);
    }
    QFile arguments(argumentsFile);
    QVERIFY(arguments.open(QIODevice::ReadOnly));
    const QStringList passed = QString::fromUtf8(arguments.readAll())
                                       .split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(passed.value(0), u"build"_s);
    QVERIFY(passed.contains(u"--log-color-mode=off"_s));
    QVERIFY(passed.contains(u"--log-terminal-width=4096"_s));
    QVERIFY(passed.contains(u"--stages-storage"_s));
}

QTEST_GUILESS_MAIN(tst_BuildWorker)

#include "tst_buildworker.moc"

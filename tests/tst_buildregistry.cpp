// SPDX-License-Identifier: GPL-3.0-or-later
// The buildah backend with a registry repository as stages storage, against real tools: buildah
// (--isolation chroot, vfs, a storage root of the test's own), Debian's docker-registry on
// 127.0.0.1 with htpasswd Basic auth and TLS from a test CA. Offline: the base image is made
// from Debian's busybox-static. The build goes through the command line (`stagecraft build
// --storage REPO --ca-file CA`, credentials from DOCKER_CONFIG), then `plan --storage REPO`.

#include "build/buildevent.h"
#include "build/buildworker.h"
#include "commandline.h"
#include "config/configloader.h"
#include "registryfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <unistd.h>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray werfYaml = "project: regbuild\n"
                            "configVersion: 1\n"
                            "---\n"
                            "artifact: tools\n"
                            "from: localhost/stagecraft-busybox:1.35\n"
                            "shell:\n"
                            "  install:\n"
                            "  - mkdir -p /out && echo tool > /out/tool\n"
                            "---\n"
                            "image: base\n"
                            "from: localhost/stagecraft-busybox:1.35\n"
                            "shell:\n"
                            "  beforeInstall:\n"
                            "  - echo base > /base\n"
                            "---\n"
                            "image: app\n"
                            "fromImage: base\n"
                            "import:\n"
                            "- artifact: tools\n"
                            "  add: /out\n"
                            "  to: /opt/tools\n"
                            "  after: install\n"
                            "shell:\n"
                            "  install:\n"
                            "  - cat /base > /app\n"
                            "docker:\n"
                            "  ENV:\n"
                            "    MODE: test\n";

struct CommandResult
{
    int code = -1;
    QString out;
    QString err;
    QList<QJsonObject> events;

    QList<QJsonObject> of(const QString &event) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &e : events) {
            if (e.value(u"event").toString() == event)
                result.append(e);
        }
        return result;
    }
};

} // namespace

class tst_BuildRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesADockerStorage();
    void buildPushesEveryStage();
    void planFindsEveryStageCached();
    void secondBuildIsCached();
    void cachedStagesArePulledWhenNeeded();
    void wrongPasswordFails();

private:
    QString buildah(const QStringList &arguments, int *exitCode = nullptr) const;
    QString inImage(const QString &image, const QStringList &command) const;
    CommandResult command(const QStringList &arguments) const;
    CommandResult build() const;
    QString repository() const { return m_registry->host() + u"/regbuild/stages"_s; }
    QStringList registryImagesInLocalStorage() const;

    QTemporaryDir m_dir;
    QString m_storageRoot;
    QString m_projectDir;
    QString m_dockerConfig;
    std::unique_ptr<TestRegistry> m_registry;
    QList<QJsonObject> m_firstBuilt;
    QList<QJsonObject> m_firstEvents; ///< the first build's stage-built and stage-cached
    bool m_ready = false;
};

QString tst_BuildRegistry::buildah(const QStringList &arguments, int *exitCode) const
{
    return runBuildah(vfsStorage(m_storageRoot), arguments, exitCode);
}

QString tst_BuildRegistry::inImage(const QString &image, const QStringList &command) const
{
    return runInImage(vfsStorage(m_storageRoot), image, command);
}

CommandResult tst_BuildRegistry::command(const QStringList &arguments) const
{
    CommandResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    qputenv("DOCKER_CONFIG", m_dockerConfig.toUtf8());
    // No keychain here: the credentials come from DOCKER_CONFIG only.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    result.code = Stagecraft::Ui::CommandLine::run(QStringList{u"stagecraft"_s} + arguments,
                                                   out,
                                                   err);
    if (!bus.isEmpty())
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    qunsetenv("DOCKER_CONFIG");
    out.flush();
    err.flush();
    for (const QString &line : result.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject())
            result.events.append(doc.object());
    }
    return result;
}

CommandResult tst_BuildRegistry::build() const
{
    return command({u"build"_s,
                    m_projectDir,
                    u"--storage"_s,
                    repository(),
                    u"--ca-file"_s,
                    m_registry->caFile(),
                    u"--storage-root"_s,
                    m_storageRoot,
                    u"--storage-driver"_s,
                    u"vfs"_s,
                    u"--json-events"_s});
}

QStringList tst_BuildRegistry::registryImagesInLocalStorage() const
{
    QStringList result;
    const QString out = buildah(
            {u"images"_s, u"--noheading"_s, u"--format"_s, u"{{.Name}}:{{.Tag}}"_s});
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(repository() + u':'))
            result.append(line.trimmed());
    }
    return result;
}

void tst_BuildRegistry::initTestCase()
{
    QStringList missing;
    for (const QString &tool : TestRegistry::tools() + QStringList{u"buildah"_s}) {
        if (findTool(tool).isEmpty())
            missing.append(tool);
    }
    if (!QFile::exists(u"/bin/busybox"_s))
        missing.append(u"busybox-static"_s);
    if (!missing.isEmpty() || geteuid() != 0) {
        const QByteArray why = "needs root (buildah --isolation chroot) and "
                               + missing.join(u", "_s).toUtf8() + " (see bootstrap.sh)";
        if (inCi())
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    QVERIFY(m_dir.isValid());
    m_registry = std::make_unique<TestRegistry>(m_dir.filePath(u"registry"_s));
    QString error;
    QVERIFY2(m_registry->start(&error), qPrintable(error));
    m_dockerConfig = m_registry->writeDockerConfig();
    m_storageRoot = m_dir.filePath(u"storage"_s);

    // The offline base image the config builds on.
    QVERIFY2(makeOfflineBaseImage(vfsStorage(m_storageRoot), &error), qPrintable(error));

    m_projectDir = m_dir.filePath(u"project"_s);
    QVERIFY(QDir().mkpath(m_projectDir));
    QFile file(m_projectDir + u"/werf.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(werfYaml);
    file.close();
    m_ready = true;
}

void tst_BuildRegistry::cleanupTestCase()
{
    if (m_registry)
        m_registry->stop();
    if (!m_ready)
        return;
    buildah({u"rm"_s, u"--all"_s});
    buildah({u"rmi"_s, u"--all"_s, u"--force"_s});
}

void tst_BuildRegistry::refusesADockerStorage()
{
    BuildOptions options;
    options.stagesStorage = u"docker"_s;
    const QString error = BuildWorker::checkRequest(loadProject(m_projectDir), options);
    QVERIFY2(error.contains(u"registry repository"), qPrintable(error));
    options.stagesStorage = repository();
    QVERIFY(BuildWorker::checkRequest(loadProject(m_projectDir), options).isEmpty());
}

void tst_BuildRegistry::buildPushesEveryStage()
{
    const CommandResult run = build();
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    // The secret goes to buildah through an auth file only, never into the output.
    QVERIFY2(!run.err.contains(m_registry->password()), qPrintable(run.err));
    QVERIFY(!run.out.contains(m_registry->password()));
    m_firstBuilt = run.of(u"stage-built"_s);
    m_firstEvents = m_firstBuilt + run.of(u"stage-cached"_s);
    // tools: from, install; base: from, beforeInstall; app: from, install, importsAfterInstall,
    // dockerInstructions. tools and base share their from stage (same base, same signature):
    // built once, under werf's lock per signature, and taken as cached by the other image.
    QCOMPARE(m_firstBuilt.size(), 7);
    const QList<QJsonObject> shared = run.of(u"stage-cached"_s);
    QCOMPARE(shared.size(), 1);
    QCOMPARE(shared.first().value(u"stage").toString(), u"from"_s);
    bool sharedFound = false;
    for (const QJsonObject &e : std::as_const(m_firstBuilt)) {
        sharedFound = sharedFound || e.value(u"stageImage") == shared.first().value(u"stageImage");
    }
    QVERIFY(sharedFound);
    QString toolsInstallId;
    QString importStage;
    for (const QJsonObject &e : std::as_const(m_firstBuilt)) {
        const QString name = e.value(u"stageImage").toString();
        const QString signature = e.value(u"signature").toString();
        // werf's repo name (§6.1): REPO:<signature>-<ms>.
        QVERIFY2(name.startsWith(repository() + u':' + signature + u'-'), qPrintable(name));
        bool ok = false;
        name.mid(name.lastIndexOf(u'-') + 1).toLongLong(&ok);
        QVERIFY2(ok, qPrintable(name));
        if (e.value(u"image").toString() == u"tools" && e.value(u"stage").toString() == u"install")
            toolsInstallId = e.value(u"imageId").toString();
        if (e.value(u"image").toString() == u"app"
            && e.value(u"stage").toString() == u"importsAfterInstall")
            importStage = name;
    }
    QVERIFY(!toolsInstallId.isEmpty());
    QVERIFY(!importStage.isEmpty());

    // Pushed with werf's labels, werf-import-tools among them (the imported stage's image ID).
    const QString inspect = buildah(
            {u"inspect"_s,
             u"--type"_s,
             u"image"_s,
             u"--format"_s,
             u"{{range $k, $v := .OCIv1.Config.Labels}}{{$k}}={{$v}}\n{{end}}"_s,
             importStage});
    QVERIFY2(inspect.contains(u"werf=regbuild\n"), qPrintable(inspect));
    QVERIFY2(inspect.contains(u"werf-import-tools=sha256:" + toolsInstallId + u'\n'),
             qPrintable(inspect + u" / " + toolsInstallId));
}

void tst_BuildRegistry::planFindsEveryStageCached()
{
    QVERIFY(!m_firstBuilt.isEmpty());
    const CommandResult run = command({u"plan"_s,
                                       m_projectDir,
                                       u"--storage"_s,
                                       repository(),
                                       u"--ca-file"_s,
                                       m_registry->caFile(),
                                       u"--json"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QHash<QString, QString> storedAs;
    const QJsonArray images
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"images").toArray();
    QCOMPARE(images.size(), 3);
    int stages = 0;
    for (const QJsonValue &image : images) {
        const QString name = image.toObject().value(u"name").toString();
        for (const QJsonValue &stage : image.toObject().value(u"stages").toArray()) {
            const QJsonObject s = stage.toObject();
            if (s.value(u"status").toString() == u"empty")
                continue;
            ++stages;
            QCOMPARE(s.value(u"status").toString(), u"cached"_s);
            storedAs.insert(name + u'/' + s.value(u"name").toString(),
                            s.value(u"storedAs").toString());
        }
    }
    QCOMPARE(stages, 8);
    // Exactly what the build pushed (and the one stage it shared).
    for (const QJsonObject &e : std::as_const(m_firstEvents)) {
        const QString key = e.value(u"image").toString() + u'/' + e.value(u"stage").toString();
        QCOMPARE(storedAs.value(key), e.value(u"stageImage").toString());
    }
    QCOMPARE(m_firstEvents.size(), 8);
}

void tst_BuildRegistry::secondBuildIsCached()
{
    const CommandResult run = build();
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QVERIFY(run.of(u"stage-started"_s).isEmpty());
    QVERIFY(run.of(u"stage-built"_s).isEmpty());
    QCOMPARE(run.of(u"stage-cached"_s).size(), 8);
    QCOMPARE(run.of(u"build-finished"_s).value(0).value(u"result").toString(), u"succeeded"_s);
}

void tst_BuildRegistry::cachedStagesArePulledWhenNeeded()
{
    // A local storage without any stage: app's install changes, so its from stage (base's
    // last stage) and tools' install (imported after install) must come from the registry.
    for (const QString &image : registryImagesInLocalStorage())
        buildah({u"rmi"_s, u"--force"_s, image});
    QVERIFY(registryImagesInLocalStorage().isEmpty());
    QFile file(m_projectDir + u"/werf.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
            QByteArray(werfYaml).replace("cat /base > /app", "cat /base > /app && echo 2 >> /app"));
    file.close();
    const CommandResult run = build();
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QStringList built;
    for (const QJsonObject &e : run.of(u"stage-built"_s))
        built.append(e.value(u"image").toString() + u'/' + e.value(u"stage").toString());
    QCOMPARE(built,
             (QStringList{u"app/install"_s,
                          u"app/importsAfterInstall"_s,
                          u"app/dockerInstructions"_s}));
    QCOMPARE(run.of(u"stage-cached"_s).size(), 5);
    const QString last = run.of(u"stage-built"_s).last().value(u"stageImage").toString();
    const QString check = inImage(last, {u"/bin/cat"_s, u"/app"_s, u"/opt/tools/tool"_s});
    QCOMPARE(check, u"base\n2\ntool\n"_s);
}

void tst_BuildRegistry::wrongPasswordFails()
{
    const QString saved = m_dockerConfig;
    QTemporaryDir other;
    QFile config(other.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"auths\":{\"" + m_registry->host().toUtf8() + "\":{\"auth\":\""
                 + QByteArray("robot:wrong").toBase64() + "\"}}}");
    config.close();
    m_dockerConfig = other.path();
    const CommandResult run = build();
    m_dockerConfig = saved;
    QCOMPARE(run.code, 1);
    const QJsonObject finished = run.of(u"build-finished"_s).value(0);
    QCOMPARE(finished.value(u"result").toString(), u"failed"_s);
    QVERIFY2(finished.value(u"message").toString().contains(m_registry->host()),
             qPrintable(finished.value(u"message").toString()));
    QVERIFY(run.of(u"stage-started"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_BuildRegistry)

#include "tst_buildregistry.moc"

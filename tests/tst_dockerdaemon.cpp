// SPDX-License-Identifier: GPL-3.0-or-later
// The Docker daemon as stages storage, for real: a private dockerd (Debian's docker.io) with its
// own data root, exec root, pid file and unix socket, no network, the vfs driver; stage images
// loaded offline with `docker import` of a busybox-static rootfs under werf's names and labels.
// `plan --storage docker` must report exactly those stages as cached, and read the ONBUILD
// triggers of a Dockerfile's base from the daemon. The system daemon and socket are never used.

#include "buildahfixture.h"
#include "commandline.h"
#include "config/configloader.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"
#include "signature/stageimage.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

namespace {

const QString project = QStringLiteral("dockertest");
const QString base = QStringLiteral("localhost/stagecraft-busybox:1.35");
const QString trigger = QStringLiteral("RUN echo from-docker");

QByteArray werfYaml()
{
    return "project: dockertest\n"
           "configVersion: 1\n"
           "---\n"
           "image: app\n"
           "from: localhost/stagecraft-busybox:1.35\n"
           "shell:\n"
           "  beforeInstall: [echo before]\n"
           "  install: [echo install]\n"
           "  setup: [echo setup]\n"
           "---\n"
           "image: web\n"
           "dockerfile: web/Dockerfile\n"
           "context: web\n"
           "args:\n"
           "  GREETING: hello\n";
}

} // namespace

class tst_DockerDaemon : public QObject
{
    Q_OBJECT

private:
    // Short: a unix socket path must fit in 108 bytes.
    QTemporaryDir m_dir{QStringLiteral("/tmp/scdockerd-XXXXXX")};
    QProcess m_dockerd;
    QString m_docker;
    QString m_socket;
    QString m_projectDir;
    Plan m_basePlan;
    QHash<QString, QString> m_stored; ///< app stage → expected storedAs
    bool m_running = false;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool write(const QString &name, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path(name)).path());
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    /** The docker CLI against the private daemon only, with a config dir of its own. */
    QByteArray docker(const QStringList &arguments, QString *error)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
        environment.insert(QStringLiteral("DOCKER_CONFIG"), path(QStringLiteral("cli")));
        process.setProcessEnvironment(environment);
        process.start(m_docker, arguments);
        if (!process.waitForStarted(10000) || !process.waitForFinished(120000)
            || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("docker ") + arguments.join(u' ') + QStringLiteral(": ")
                     + QString::fromUtf8(process.readAllStandardError()).trimmed();
            process.kill();
            process.waitForFinished(1000);
            return {};
        }
        error->clear();
        return process.readAllStandardOutput();
    }

    /** `docker import` of the busybox rootfs with these Dockerfile changes, under `name`. */
    bool import(const QString &name, const QStringList &changes, QString *error)
    {
        QStringList arguments{QStringLiteral("import")};
        for (const QString &change : changes)
            arguments << QStringLiteral("--change") << change;
        arguments << path(QStringLiteral("rootfs.tar")) << name;
        docker(arguments, error);
        return error->isEmpty();
    }

    /** dockerd's own complaints, for a skip message. */
    QString daemonLog() const
    {
        QFile file(path(QStringLiteral("dockerd.log")));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("(no log)");
        QStringList lines;
        static const QRegularExpression bad(QStringLiteral("level=(error|fatal)|failed|denied"),
                                            QRegularExpression::CaseInsensitiveOption);
        const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
        for (const QString &line : all) {
            if (bad.match(line).hasMatch())
                lines << line;
        }
        if (lines.isEmpty())
            lines = all.mid(std::max<qsizetype>(0, all.size() - 8));
        return lines.mid(std::max<qsizetype>(0, lines.size() - 8)).join(u'\n');
    }

    void stopDaemon()
    {
        if (m_dockerd.state() == QProcess::NotRunning)
            return;
        m_dockerd.terminate();
        if (!m_dockerd.waitForFinished(30000)) {
            m_dockerd.kill();
            m_dockerd.waitForFinished(5000);
        }
        m_running = false;
    }

    QJsonObject planJson(const QStringList &extra, QString *errText)
    {
        QString outText;
        QTextStream out(&outText);
        QTextStream err(errText);
        const int code = Stagecraft::Ui::CommandLine::run(QStringList{QStringLiteral("stagecraft"),
                                                                      QStringLiteral("plan"),
                                                                      m_projectDir,
                                                                      QStringLiteral("--storage"),
                                                                      QStringLiteral("docker"),
                                                                      QStringLiteral("--json")}
                                                                  + extra,
                                                          out,
                                                          err);
        out.flush();
        err.flush();
        if (code != 0)
            errText->append(QStringLiteral("\nexit code %1").arg(code));
        return QJsonDocument::fromJson(outText.toUtf8()).object();
    }

    void checkPlan(const QJsonObject &plan)
    {
        const QJsonArray images = plan.value(u"images").toArray();
        QCOMPARE(images.size(), 2);
        for (const QJsonValue &imageValue : images) {
            const QJsonObject image = imageValue.toObject();
            const QJsonArray stages = image.value(u"stages").toArray();
            if (image.value(u"name").toString() == u"web") {
                // The dockerfile stage: computed with the base's ONBUILD trigger from dockerd.
                QCOMPARE(stages.size(), 1);
                const QJsonObject stage = stages.first().toObject();
                QCOMPARE(stage.value(u"status").toString(), QStringLiteral("missing"));
                PlanOptions options;
                options.baseImageOnBuild.insert(base, {trigger});
                const LoadedProject loaded = loadProject(m_projectDir);
                const Plan expected = planProject(loaded, options);
                const ImagePlan *web = expected.image(QStringLiteral("web"), ImageKind::Dockerfile);
                QVERIFY(web);
                QCOMPARE(stage.value(u"signature").toString(), web->stages.first().signature);
                continue;
            }
            QCOMPARE(stages.size(), 4);
            for (const QJsonValue &value : stages) {
                const QJsonObject stage = value.toObject();
                const QString name = stage.value(u"name").toString();
                const QString expected = m_stored.value(name);
                QCOMPARE(stage.value(u"status").toString(),
                         expected.isEmpty() ? QStringLiteral("missing") : QStringLiteral("cached"));
                QCOMPARE(stage.value(u"storedAs").toString(), expected);
            }
        }
    }

private slots:
    void initTestCase()
    {
        // No keychain for `plan`: docker needs no credentials here.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        const QString dockerd = findTool(QStringLiteral("dockerd"),
                                         {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        m_docker = findTool(QStringLiteral("docker"));
        if (dockerd.isEmpty() || m_docker.isEmpty()) {
            const char *message = "dockerd or docker is not installed (Debian package docker.io, "
                                  "see bootstrap.sh)";
            if (inCi())
                QFAIL(message);
            QSKIP(message);
        }
        if (!QFileInfo(QStringLiteral("/bin/busybox")).isExecutable()) {
            if (inCi())
                QFAIL("/bin/busybox (busybox-static) is not installed");
            QSKIP("/bin/busybox (busybox-static) is not installed");
        }
        if (::geteuid() != 0)
            QSKIP("a private dockerd needs root");
        // dockerd uses a running system containerd instead of starting its own: that would be
        // touching a system daemon.
        if (QFileInfo::exists(QStringLiteral("/run/containerd/containerd.sock")))
            QSKIP("a system containerd runs (/run/containerd/containerd.sock); a private dockerd "
                  "would attach to it");
        QVERIFY(m_dir.isValid());
        m_socket = path(QStringLiteral("docker.sock"));

        // Its own config file, so that /etc/docker/daemon.json does not apply and the trust key
        // is written here instead of /etc/docker/key.json.
        QVERIFY(write(QStringLiteral("daemon.json"),
                      "{\"deprecated-key-path\": \"" + path(QStringLiteral("key.json")).toUtf8()
                              + "\"}\n"));
        QStringList arguments{QStringLiteral("--config-file"),
                              path(QStringLiteral("daemon.json")),
                              QStringLiteral("--data-root"),
                              path(QStringLiteral("data")),
                              QStringLiteral("--exec-root"),
                              path(QStringLiteral("exec")),
                              QStringLiteral("--pidfile"),
                              path(QStringLiteral("dockerd.pid")),
                              QStringLiteral("-H"),
                              QStringLiteral("unix://") + m_socket,
                              QStringLiteral("--bridge=none"),
                              QStringLiteral("--iptables=false"),
                              QStringLiteral("--storage-driver=vfs"),
                              QStringLiteral("--containerd-namespace"),
                              QStringLiteral("stagecraft-test"),
                              QStringLiteral("--containerd-plugins-namespace"),
                              QStringLiteral("stagecraft-test-plugins")};
        QProcess help;
        help.start(dockerd, {QStringLiteral("--help")});
        help.waitForFinished(10000);
        if (help.readAllStandardOutput().contains("--ip6tables"))
            arguments << QStringLiteral("--ip6tables=false");
        m_dockerd.setProcessChannelMode(QProcess::MergedChannels);
        m_dockerd.setStandardOutputFile(path(QStringLiteral("dockerd.log")));
        m_dockerd.start(dockerd, arguments);
        QVERIFY2(m_dockerd.waitForStarted(10000), qPrintable(m_dockerd.errorString()));
        m_running = true;
        QDeadlineTimer deadline(60000);
        bool up = false;
        while (!deadline.hasExpired() && m_dockerd.state() == QProcess::Running) {
            QLocalSocket socket;
            socket.connectToServer(m_socket);
            if (socket.waitForConnected(200)) {
                up = true;
                break;
            }
            QThread::msleep(200);
        }
        if (!up) {
            const QString log = daemonLog();
            stopDaemon();
            QSKIP(qPrintable(QStringLiteral("dockerd cannot start in this environment:\n") + log));
        }

        // The busybox-static rootfs as a tar, for docker import.
        QVERIFY(QDir().mkpath(path(QStringLiteral("rootfs/bin"))));
        QVERIFY(QFile::copy(QStringLiteral("/bin/busybox"),
                            path(QStringLiteral("rootfs/bin/busybox"))));
        QString error;
        runTool(findTool(QStringLiteral("tar")),
                {QStringLiteral("-C"),
                 path(QStringLiteral("rootfs")),
                 QStringLiteral("-cf"),
                 path(QStringLiteral("rootfs.tar")),
                 QStringLiteral(".")},
                &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The project: a stapel image and the bundled example's Dockerfile image.
        m_projectDir = path(QStringLiteral("project"));
        QVERIFY(write(QStringLiteral("project/werf.yaml"), werfYaml()));
        for (const QString &name : {QStringLiteral("Dockerfile"), QStringLiteral("index.txt")}) {
            QFile source(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/web/") + name);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
            QVERIFY(write(QStringLiteral("project/web/") + name, source.readAll()));
        }
        const LoadedProject loaded = loadProject(m_projectDir);
        QVERIFY(loaded.ok());
        m_basePlan = planProject(loaded);
        const ImagePlan *app = m_basePlan.image(QStringLiteral("app"), ImageKind::Image);
        QVERIFY(app);
        QCOMPARE(app->stages.size(), 4);

        // The base with an ONBUILD trigger; then from (once) and install (twice: the older
        // one is werf's choice) under werf's names with werf's labels; nothing for the rest.
        QVERIFY2(import(base, {QStringLiteral("ONBUILD ") + trigger}, &error), qPrintable(error));
        const SignatureInput input = signatureInputFromProject(loaded);
        const SignatureInput::Image *image = nullptr;
        for (const SignatureInput::Image &i : input.images) {
            if (i.name == u"app")
                image = &i;
        }
        QVERIFY(image);
        StageImage::LabelContext context;
        context.project = project;
        const auto store = [&](StageId id, qint64 uniqueId) {
            const StagePlan *stage = app->stage(id);
            QStringList changes;
            const QMap<QString, QString> labels = StageImage::labels(*image, *stage, context);
            for (auto it = labels.cbegin(); it != labels.cend(); ++it)
                changes << QStringLiteral("LABEL \"%1\"=\"%2\"").arg(it.key(), it.value());
            const QString name = StageImage::localName(project, stage->signature, uniqueId);
            QString e;
            import(name, changes, &e);
            return std::pair{name, e};
        };
        auto [from, e1] = store(StageId::From, 1700000000000);
        QVERIFY2(e1.isEmpty(), qPrintable(e1));
        auto [installNewer, e2] = store(StageId::Install, 1700000000900);
        QVERIFY2(e2.isEmpty(), qPrintable(e2));
        auto [installOlder, e3] = store(StageId::Install, 1700000000300);
        QVERIFY2(e3.isEmpty(), qPrintable(e3));
        m_stored.insert(QStringLiteral("from"), from);
        m_stored.insert(QStringLiteral("install"), installOlder);
        // Another project's stage of the same signature does not count.
        QVERIFY2(import(QStringLiteral("werf-stages-storage/otherproject:")
                                + app->stage(StageId::Setup)->signature
                                + QStringLiteral("-1700000000000"),
                        {},
                        &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        stopDaemon();
        // The daemon's dirs go with the temporary dir; nothing of it is left mounted (vfs,
        // no network namespace).
    }

    void planWithDockerHostOption()
    {
        if (!m_running)
            QSKIP("no private dockerd");
        QString errText;
        const QJsonObject plan = planJson({QStringLiteral("--docker-host"),
                                           QStringLiteral("unix://") + m_socket},
                                          &errText);
        QVERIFY2(!errText.contains(QLatin1String("error")), qPrintable(errText));
        checkPlan(plan);
    }

    void planWithDockerHostEnvironment()
    {
        if (!m_running)
            QSKIP("no private dockerd");
        qputenv("DOCKER_HOST", "unix://" + m_socket.toUtf8());
        QString errText;
        const QJsonObject plan = planJson({}, &errText);
        qunsetenv("DOCKER_HOST");
        QVERIFY2(!errText.contains(QLatin1String("error")), qPrintable(errText));
        checkPlan(plan);
    }

    void stoppedDaemonIsNotAvailable()
    {
        // Last: the same socket path once the daemon is gone is "not available", not a storm.
        if (!m_running)
            QSKIP("no private dockerd");
        stopDaemon();
        QString errText;
        const QJsonObject plan = planJson({QStringLiteral("--docker-host"),
                                           QStringLiteral("unix://") + m_socket},
                                          &errText);
        QVERIFY2(errText.contains(QLatin1String("not available")), qPrintable(errText));
        QCOMPARE(errText.count(QLatin1String("not available")), 1);
        const QJsonArray images = plan.value(u"images").toArray();
        QCOMPARE(images.size(), 2);
        for (const QJsonValue &image : images) {
            const QJsonObject first = image.toObject().value(u"stages").toArray().first().toObject();
            // The stapel stages are unknown; the dockerfile stage still needs its base's ONBUILD.
            QCOMPARE(first.value(u"status").toString(),
                     first.value(u"name").toString() == u"dockerfile"
                             ? QStringLiteral("needs-registry")
                             : QStringLiteral("unknown"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_DockerDaemon)
#include "tst_dockerdaemon.moc"

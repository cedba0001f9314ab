// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real registry for tests: Debian's docker-registry on 127.0.0.1 (a free port), with htpasswd
// Basic auth and TLS from a CA made with the openssl CLI, all in a directory of the test's own.
// Every test that needs a registry starts it through this class (tst_registrystorage,
// tst_buildregistry).

#include "buildahfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace Stagecraft::Testing {

class TestRegistry
{
public:
    explicit TestRegistry(const QString &directory)
        : m_dir(directory)
    {}
    ~TestRegistry() { stop(); }

    /** The tools it needs, for the skip/fail message of a test. */
    static QStringList tools()
    {
        return {QStringLiteral("docker-registry"),
                QStringLiteral("openssl"),
                QStringLiteral("htpasswd")};
    }

    const QString &host() const { return m_host; }
    const QString &caFile() const { return m_ca; }
    const QString &user() const { return m_user; }
    const QString &password() const { return m_password; }

    bool start(QString *error)
    {
        QDir().mkpath(m_dir);
        const QString openssl = findTool(QStringLiteral("openssl"));
        // A CA and a server certificate for 127.0.0.1 (IP SAN only: tests rely on "localhost"
        // not matching it).
        runTool(openssl,
                {QStringLiteral("req"),
                 QStringLiteral("-x509"),
                 QStringLiteral("-newkey"),
                 QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"),
                 QStringLiteral("ec_paramgen_curve:prime256v1"),
                 QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"),
                 path(QStringLiteral("ca.key")),
                 QStringLiteral("-out"),
                 path(QStringLiteral("ca.crt")),
                 QStringLiteral("-days"),
                 QStringLiteral("2"),
                 QStringLiteral("-subj"),
                 QStringLiteral("/CN=Stagecraft Test CA")},
                error);
        if (!error->isEmpty())
            return false;
        runTool(openssl,
                {QStringLiteral("req"),
                 QStringLiteral("-newkey"),
                 QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"),
                 QStringLiteral("ec_paramgen_curve:prime256v1"),
                 QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"),
                 path(QStringLiteral("server.key")),
                 QStringLiteral("-out"),
                 path(QStringLiteral("server.csr")),
                 QStringLiteral("-subj"),
                 QStringLiteral("/CN=127.0.0.1")},
                error);
        if (!error->isEmpty())
            return false;
        write(QStringLiteral("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        runTool(openssl,
                {QStringLiteral("x509"),
                 QStringLiteral("-req"),
                 QStringLiteral("-in"),
                 path(QStringLiteral("server.csr")),
                 QStringLiteral("-CA"),
                 path(QStringLiteral("ca.crt")),
                 QStringLiteral("-CAkey"),
                 path(QStringLiteral("ca.key")),
                 QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-out"),
                 path(QStringLiteral("server.crt")),
                 QStringLiteral("-days"),
                 QStringLiteral("2"),
                 QStringLiteral("-extfile"),
                 path(QStringLiteral("ext.cnf"))},
                error);
        if (!error->isEmpty())
            return false;
        m_ca = path(QStringLiteral("ca.crt"));

        const QByteArray htpasswd = runTool(findTool(QStringLiteral("htpasswd")),
                                            {QStringLiteral("-Bbn"), m_user, m_password},
                                            error);
        if (!error->isEmpty())
            return false;
        write(QStringLiteral("htpasswd"), htpasswd);

        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("no free port: ") + probe.errorString();
            return false;
        }
        const quint16 port = probe.serverPort();
        probe.close();
        m_host = QStringLiteral("127.0.0.1:") + QString::number(port);
        const QString config = write(
                QStringLiteral("registry.yml"),
                "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: "
                        + path(QStringLiteral("registry")).toUtf8()
                        + "\nhttp:\n  addr: " + m_host.toUtf8() + "\n  tls:\n    certificate: "
                        + path(QStringLiteral("server.crt")).toUtf8()
                        + "\n    key: " + path(QStringLiteral("server.key")).toUtf8()
                        + "\nauth:\n  htpasswd:\n    realm: stagecraft-test\n    path: "
                        + path(QStringLiteral("htpasswd")).toUtf8() + "\n");
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(path(QStringLiteral("registry.log")));
        m_process.start(findTool(QStringLiteral("docker-registry")),
                        {QStringLiteral("serve"), config});
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("docker-registry: ") + m_process.errorString();
            return false;
        }
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200))
                return true;
            QThread::msleep(100);
        }
        *error = QStringLiteral("docker-registry did not start listening");
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /** A docker client config directory (for DOCKER_CONFIG) with this registry's credentials. */
    QString writeDockerConfig()
    {
        const QString directory = path(QStringLiteral("docker"));
        QDir().mkpath(directory);
        write(QStringLiteral("docker/config.json"),
              "{\"auths\":{\"" + m_host.toUtf8() + "\":{\"auth\":\""
                      + (m_user + u':' + m_password).toUtf8().toBase64() + "\"}}}");
        return directory;
    }

private:
    QString path(const QString &name) const { return m_dir + u'/' + name; }
    QString write(const QString &name, const QByteArray &content) const
    {
        QFile file(path(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path(name);
    }

    QString m_dir;
    QString m_host;
    QString m_ca;
    QString m_user = QStringLiteral("robot");
    QString m_password = QStringLiteral("Reg-Pa55-word");
    QProcess m_process;
};

} // namespace Stagecraft::Testing

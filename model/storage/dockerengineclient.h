// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QString>

namespace Stagecraft::Model {

/** One answer of the Docker Engine API. */
struct DockerEngineReply
{
    bool ok = false;       ///< a complete HTTP 2xx answer
    bool available = true; ///< false: no daemon listens on the socket
    int httpCode = 0;
    QByteArray body;
    QString error;
};

/**
 * A minimal HTTP/1.1 client for the Docker Engine API over its unix socket (QLocalSocket):
 * `/var/run/docker.sock`, or `DOCKER_HOST=unix:///path`. One connection per request
 * (`Connection: close`); Content-Length, chunked and close-delimited bodies are read. The work
 * runs in this object's thread; get() is thread-safe.
 */
class DockerEngineClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerEngineClient)

public:
    /** An empty path means defaultSocketPath(). */
    explicit DockerEngineClient(const QString &socketPath = {}, QObject *parent = nullptr);

    /** DOCKER_HOST's unix path, else /var/run/docker.sock; sets error for a non-unix DOCKER_HOST. */
    static QString defaultSocketPath(QString *error = nullptr);
    /**
     * The socket path of a docker host as `--docker-host` or DOCKER_HOST give it: `unix:///path`
     * or an absolute path; empty for an empty host (then the default applies) or, with `error`
     * set, for anything else (tcp:// and ssh:// are not supported).
     */
    static QString socketPathOf(const QString &dockerHost, QString *error = nullptr);

    QString socketPath() const { return m_socketPath; }
    /** Milliseconds without progress after which a request fails (default 30 s). */
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /** Milliseconds one request may take in all, however steadily bytes arrive (default 120 s;
     *  0 = no limit). */
    void setTimeLimit(int milliseconds) { m_timeLimitMs = milliseconds; }

    QFuture<DockerEngineReply> get(const QString &pathAndQuery);
    void abortAll();

signals:
    void aborted();

private:
    QString m_socketPath;
    QString m_configError;
    int m_timeoutMs = 30000;
    int m_timeLimitMs = 120000;
};

} // namespace Stagecraft::Model

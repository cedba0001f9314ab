// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerengineclient.h"

#include "common/tr.h"

#include <QFileInfo>
#include <QLocalSocket>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace Stagecraft::Model {

namespace {

/** Incremental HTTP/1.1 response reader (status line, headers, body framing). */
class ResponseReader
{
public:
    enum class State { Headers, Body, Done, Invalid };

    State feed(const QByteArray &data)
    {
        m_buffer += data;
        if (m_state == State::Headers) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > 64 * 1024)
                    m_state = State::Invalid;
                return m_state;
            }
            if (!parseHeaders(m_buffer.left(end)))
                return m_state = State::Invalid;
            m_buffer.remove(0, end + 4);
            m_state = State::Body;
        }
        if (m_state == State::Body)
            readBody();
        return m_state;
    }

    /** The peer closed the connection: a close-delimited body ends here. */
    State close()
    {
        if (m_state == State::Body && !m_chunked && m_length < 0) {
            m_body += m_buffer;
            m_buffer.clear();
            m_state = State::Done;
        }
        return m_state;
    }

    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    State state() const { return m_state; }

private:
    bool parseHeaders(const QByteArray &head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
            return false;
        bool ok = false;
        m_status = statusLine.at(1).toInt(&ok);
        if (!ok)
            return false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                m_length = value.toLongLong(&ok);
                if (!ok || m_length < 0)
                    return false;
            } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                m_chunked = true;
            }
        }
        if (m_status == 204 || m_status == 304)
            m_length = 0;
        return true;
    }

    void readBody()
    {
        constexpr qint64 maxBody = 256 * 1024 * 1024;
        if (!m_chunked) {
            if (m_length < 0) {
                m_body += m_buffer;
                m_buffer.clear();
            } else {
                const qint64 take = std::min<qint64>(m_length - m_body.size(), m_buffer.size());
                m_body += m_buffer.left(take);
                m_buffer.remove(0, take);
                if (m_body.size() == m_length)
                    m_state = State::Done;
            }
            if (m_body.size() > maxBody)
                m_state = State::Invalid;
            return;
        }
        for (;;) {
            if (m_chunkLeft < 0) {
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0)
                    return;
                bool ok = false;
                const QByteArray sizeText = m_buffer.left(eol).split(';').first().trimmed();
                m_chunkLeft = sizeText.toLongLong(&ok, 16);
                if (!ok || m_chunkLeft < 0 || m_body.size() + m_chunkLeft > maxBody) {
                    m_state = State::Invalid;
                    return;
                }
                m_buffer.remove(0, eol + 2);
                if (m_chunkLeft == 0) {
                    // The trailer is ignored; the connection closes anyway.
                    m_state = State::Done;
                    return;
                }
            }
            if (m_buffer.size() < m_chunkLeft + 2)
                return;
            m_body += m_buffer.left(m_chunkLeft);
            m_buffer.remove(0, m_chunkLeft + 2);
            m_chunkLeft = -1;
        }
    }

    State m_state = State::Headers;
    QByteArray m_buffer;
    QByteArray m_body;
    int m_status = 0;
    qint64 m_length = -1;
    bool m_chunked = false;
    qint64 m_chunkLeft = -1;
};

} // namespace

DockerEngineClient::DockerEngineClient(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_socketPath(socketPath)
{
    if (m_socketPath.isEmpty())
        m_socketPath = defaultSocketPath(&m_configError);
}

QString DockerEngineClient::defaultSocketPath(QString *error)
{
    const QString host = qEnvironmentVariable("DOCKER_HOST");
    if (host.isEmpty())
        return QStringLiteral("/var/run/docker.sock");
    if (host.startsWith(QLatin1String("unix://")))
        return host.mid(int(sizeof("unix://") - 1));
    if (error)
        *error = Tr::tr("DOCKER_HOST=%1 is not supported: only unix:// sockets are").arg(host);
    return {};
}

QString DockerEngineClient::socketPathOf(const QString &dockerHost, QString *error)
{
    const QString host = dockerHost.trimmed();
    if (host.isEmpty())
        return {};
    if (host.startsWith(QLatin1String("unix://")) && host.size() > int(sizeof("unix://") - 1))
        return host.mid(int(sizeof("unix://") - 1));
    if (host.startsWith(u'/'))
        return host;
    if (error)
        *error = Tr::tr("the docker host %1 is not supported: only unix:// sockets are").arg(host);
    return {};
}

QFuture<DockerEngineReply> DockerEngineClient::get(const QString &pathAndQuery)
{
    auto promise = std::make_shared<QPromise<DockerEngineReply>>();
    promise->start();
    QFuture<DockerEngineReply> future = promise->future();
    QMetaObject::invokeMethod(this, [this, pathAndQuery, promise] {
        auto done = std::make_shared<bool>(false);
        auto complete = [promise, done](DockerEngineReply reply) {
            if (*done)
                return;
            *done = true;
            promise->addResult(std::move(reply));
            promise->finish();
        };
        if (m_socketPath.isEmpty()) {
            DockerEngineReply reply;
            reply.available = false;
            reply.error = m_configError;
            return complete(reply);
        }
        if (!QFileInfo::exists(m_socketPath)) {
            DockerEngineReply reply;
            reply.available = false;
            reply.error = Tr::tr("the Docker daemon is not available: there is no socket %1")
                                  .arg(m_socketPath);
            return complete(reply);
        }
        auto *socket = new QLocalSocket(this);
        auto reader = std::make_shared<ResponseReader>();
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        const QString socketPath = m_socketPath;
        const auto fail = [socket, complete](const QString &error, bool available) {
            DockerEngineReply reply;
            reply.available = available;
            reply.error = error;
            complete(reply);
            socket->abort();
            socket->deleteLater();
        };
        const auto succeed = [socket, reader, complete, socketPath, pathAndQuery] {
            DockerEngineReply reply;
            reply.httpCode = reader->status();
            reply.body = reader->body();
            reply.ok = reply.httpCode >= 200 && reply.httpCode < 300;
            if (!reply.ok)
                reply.error = Tr::tr("the Docker daemon at %1 answered HTTP %2 to GET %3")
                                      .arg(socketPath)
                                      .arg(reply.httpCode)
                                      .arg(pathAndQuery);
            complete(reply);
            socket->abort();
            socket->deleteLater();
        };
        connect(timer, &QTimer::timeout, socket, [=, this] {
            fail(Tr::tr("the Docker daemon at %1 did not answer GET %2 within %3 s")
                         .arg(socketPath,
                              pathAndQuery,
                              QString::number(m_timeoutMs / 1000.0, 'g', 3)),
                 true);
        });
        if (m_timeLimitMs > 0) {
            // The no-progress timer above never fires while bytes trickle in.
            auto *limit = new QTimer(socket);
            limit->setSingleShot(true);
            connect(limit, &QTimer::timeout, socket, [=, this] {
                fail(Tr::tr("the Docker daemon at %1 did not complete GET %2 within the time "
                            "limit of %3 s")
                             .arg(socketPath,
                                  pathAndQuery,
                                  QString::number(m_timeLimitMs / 1000.0, 'g', 3)),
                     true);
            });
            limit->start(m_timeLimitMs);
        }
        connect(this, &DockerEngineClient::aborted, socket, [=] {
            fail(Tr::tr("the request to the Docker daemon was cancelled"), true);
        });
        connect(socket, &QLocalSocket::connected, socket, [socket, pathAndQuery] {
            socket->write("GET " + pathAndQuery.toUtf8()
                          + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: stagecraft\r\n"
                            "Accept: application/json\r\nConnection: close\r\n\r\n");
        });
        connect(socket, &QLocalSocket::readyRead, socket, [=, this] {
            timer->start(m_timeoutMs); // a timeout without progress, as for the registry
            const auto state = reader->feed(socket->readAll());
            if (state == ResponseReader::State::Done)
                succeed();
            else if (state == ResponseReader::State::Invalid)
                fail(Tr::tr("the Docker daemon at %1 sent an invalid HTTP answer to GET %2")
                             .arg(socketPath, pathAndQuery),
                     true);
        });
        connect(socket, &QLocalSocket::disconnected, socket, [=] {
            if (*done)
                return;
            reader->feed(socket->readAll());
            if (reader->close() == ResponseReader::State::Done)
                succeed();
            else
                fail(Tr::tr("the Docker daemon at %1 closed the connection before the answer to "
                            "GET %2 was complete")
                             .arg(socketPath, pathAndQuery),
                     true);
        });
        connect(socket, &QLocalSocket::errorOccurred, socket, [=](QLocalSocket::LocalSocketError e) {
            if (*done || e == QLocalSocket::PeerClosedError)
                return;
            const bool noDaemon = e == QLocalSocket::ServerNotFoundError
                                  || e == QLocalSocket::ConnectionRefusedError
                                  || e == QLocalSocket::SocketAccessError;
            fail(noDaemon ? Tr::tr("the Docker daemon is not available: cannot connect to %1 (%2)")
                                    .arg(socketPath, socket->errorString())
                          : Tr::tr("the Docker daemon at %1: %2")
                                    .arg(socketPath, socket->errorString()),
                 !noDaemon);
        });
        timer->start(m_timeoutMs);
        socket->connectToServer(m_socketPath);
    });
    return future;
}

void DockerEngineClient::abortAll()
{
    QMetaObject::invokeMethod(this, [this] { emit aborted(); });
}

} // namespace Stagecraft::Model

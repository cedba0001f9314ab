// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: a fake registry front, a token
// endpoint, and the faults a real server can show (a reply cut off, a stall, a bad request).

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace Stagecraft::Testing {

struct HttpRequest
{
    QByteArray method;
    QByteArray target;                     ///< path and query
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;

    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
    QByteArray query() const
    {
        return target.indexOf('?') < 0 ? QByteArray() : target.mid(target.indexOf('?') + 1);
    }
};

struct HttpResponse
{
    enum class Mode {
        Normal,
        CutOff,  ///< announce more body than is sent, then close
        Stall,   ///< never answer
        Trickle, ///< send the head, then the body one byte per trickleIntervalMs
    };
    int status = 200;
    QByteArray reason = "OK";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Mode mode = Mode::Normal;
    int trickleIntervalMs = 1000;

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }

    static HttpResponse json(const QByteArray &body,
                             int status = 200,
                             const QByteArray &reason = "OK")
    {
        HttpResponse r;
        r.status = status;
        r.reason = reason;
        r.body = body;
        r.addHeader("Content-Type", "application/json");
        return r;
    }
};

/** Answers each request with the handler's response and closes the connection. */
class LoopbackHttpServer : public QTcpServer
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit LoopbackHttpServer(Handler handler = {})
        : m_handler(std::move(handler))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString hostPort() const
    {
        return QStringLiteral("127.0.0.1:") + QString::number(serverPort());
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    int requestCount() const { return int(m_requests.size()); }
    const QList<HttpRequest> &requests() const { return m_requests; }
    /** Connections that did not start with an HTTP request (e.g. a TLS ClientHello). */
    int rejectedConnections() const { return m_rejected; }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() >= 3
                && !QByteArray("GET POST HEAD PUT DELETE").contains(buffer->left(3))) {
                ++m_rejected;
                socket->abort();
                return;
            }
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            HttpRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            if (first.size() < 2) {
                socket->abort();
                return;
            }
            request.method = first.at(0);
            request.target = first.at(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            m_requests.append(request);
            const HttpResponse response = m_handler ? m_handler(request) : HttpResponse{};
            if (response.mode == HttpResponse::Mode::Stall)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                              + response.reason + "\r\n";
            for (const auto &[name, value] : response.headers)
                head += name + ": " + value + "\r\n";
            const qsizetype announced = response.mode == HttpResponse::Mode::CutOff
                                                ? response.body.size() + 1000
                                                : response.body.size();
            head += "Content-Length: " + QByteArray::number(announced)
                    + "\r\nConnection: close\r\n\r\n";
            if (response.mode == HttpResponse::Mode::Trickle) {
                socket->write(head);
                auto *timer = new QTimer(socket);
                auto sent = std::make_shared<qsizetype>(0);
                const QByteArray body = response.body;
                connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body] {
                    if (*sent >= body.size()) {
                        timer->stop();
                        socket->disconnectFromHost();
                        return;
                    }
                    socket->write(body.mid((*sent)++, 1));
                });
                timer->start(response.trickleIntervalMs);
                return;
            }
            socket->write(head + response.body);
            socket->disconnectFromHost();
        });
    }

    Handler m_handler;
    QList<HttpRequest> m_requests;
    int m_rejected = 0;
};

} // namespace Stagecraft::Testing

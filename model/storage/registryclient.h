// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryaccess.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

namespace Stagecraft::Model {

/** How a registry request ended. */
enum class RegistryStatus {
    Ok,
    NotFound,             ///< HTTP 404 (unknown repository, tag or blob)
    AuthenticationFailed, ///< 401/403, also after authenticating (a 401 loop)
    HttpError,            ///< another HTTP status, after the retries for 429/5xx
    NetworkError,         ///< no HTTP answer: refused, reset, cut off
    Timeout,
    TlsError,
    Cancelled,
    InvalidReply, ///< an answer that is not what the API promises
};

/** The outcome of one registry operation; errorString names the host and the HTTP status. */
struct RegistryResult
{
    RegistryStatus status = RegistryStatus::NetworkError;
    int httpCode = 0;
    QString errorString;
    QByteArray data;
    QString contentType;
    QString contentDigest; ///< Docker-Content-Digest
    QByteArray linkHeader; ///< Link (tags/list pagination)
    QStringList warnings;  ///< insecure connection used, ...
    QString url;           ///< the URL last asked (after redirects and the http fallback)
    /** How the last request authenticated: "Basic", "Bearer", or empty for anonymous. */
    QString authentication;
    /** QNetworkReply::NetworkError of a request without an HTTP answer, else 0. */
    int networkError = 0;

    bool ok() const { return status == RegistryStatus::Ok; }
};

/** All tags of a repository, gathered over the Link-header pages. */
struct RegistryTagList
{
    RegistryResult result;
    QStringList tags;
    int pages = 0;
    /** The registry does not know the repository (NAME_UNKNOWN): no tags, no error. */
    bool repositoryUnknown = false;
};

/** An image's manifest config digest (werf's baseImageRepoId for fromLatest) and labels. */
struct RegistryImageConfig
{
    RegistryResult result;
    QString manifestDigest;
    QString configDigest;
    QMap<QString, QString> labels;
    /** Config.OnBuild of the config blob (read with withLabels), in order. */
    QStringList onBuild;
};

/**
 * A Docker Registry HTTP API v2 client over Qt Network, injected with its
 * QNetworkAccessManager (STYLE.md E). It answers 401 challenges with Bearer tokens (realm,
 * service and scope from WWW-Authenticate; `token` or `access_token`; an identity token is sent
 * as refresh token) or Basic auth, retries 429 and 5xx with exponential backoff, follows
 * redirects (credentials only to the registry host itself), and verifies TLS unless the host is
 * marked insecure; an insecure host is tried over https without verification, then plain http,
 * and every result says so in its warnings.
 *
 * The public calls are thread-safe: the work runs in this object's thread (which needs an event
 * loop) and the futures may be waited for in another thread. Error messages name the host, the
 * request and the HTTP status, never a credential.
 */
class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)

public:
    explicit RegistryClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~RegistryClient() override;

    void setCredentialProvider(CredentialProvider provider) { m_credentials = std::move(provider); }
    void setHostOptionsProvider(HostOptionsProvider provider)
    {
        m_hostOptions = std::move(provider);
    }
    /** Milliseconds without progress after which a request fails (default 30 s). */
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /**
     * Milliseconds one operation (a ping, a whole paged tag listing, an image config with its
     * manifests, token requests and retries) may take in all, however steadily bytes arrive
     * (default 120 s; 0 = no limit). Applies to operations started afterwards.
     */
    void setOperationTimeout(int milliseconds) { m_operationTimeoutMs = milliseconds; }
    int operationTimeout() const { return m_operationTimeoutMs; }
    /** Retries of 429/5xx answers and the first backoff delay (doubled each time). */
    void setRetryPolicy(int retries, int firstDelayMs)
    {
        m_retries = retries;
        m_firstDelayMs = firstDelayMs;
    }
    /** `n` of tags/list; 0 lets the registry choose (it then pages with Link headers or not). */
    void setPageSize(int tags) { m_pageSize = tags; }

    QFuture<RegistryResult> ping(const QString &host);
    QFuture<RegistryTagList> listTags(const QString &host, const QString &repository);
    /** The manifest of a tag or digest (schema 2, OCI, or a list/index), raw. */
    QFuture<RegistryResult> manifest(const QString &host,
                                     const QString &repository,
                                     const QString &reference);
    /**
     * The image's config digest; with withLabels also its config blob's labels. A manifest list
     * or OCI index is resolved to the linux image of this machine's architecture.
     */
    QFuture<RegistryImageConfig> imageConfig(const QString &host,
                                             const QString &repository,
                                             const QString &reference,
                                             bool withLabels);

    /** HTTP requests sent so far (token requests and retries included). */
    int requestCount() const { return m_requests.load(); }
    /** Aborts every running request; their futures finish with RegistryStatus::Cancelled. */
    void abortAll();

private:
    struct Call;
    struct HostState;
    struct Operation;
    using Done = std::function<void(const RegistryResult &)>;
    using OperationPtr = std::shared_ptr<Operation>;

    OperationPtr newOperation() const;
    void get(const OperationPtr &operation,
             const QString &host,
             const QString &pathAndQuery,
             const QByteArray &accept,
             const QString &scope,
             Done done);
    void send(const std::shared_ptr<Call> &call);
    void handleFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void authenticate(const std::shared_ptr<Call> &call, const QByteArray &challenge);
    void finish(const std::shared_ptr<Call> &call, RegistryResult result);
    RegistryResult timeLimitExceeded(const std::shared_ptr<Call> &call) const;
    void listPage(const OperationPtr &operation,
                  const QString &host,
                  const QString &repository,
                  const QString &pathAndQuery,
                  const std::shared_ptr<RegistryTagList> &list,
                  const std::function<void()> &done);
    void resolveConfig(const OperationPtr &operation,
                       const QString &host,
                       const QString &repository,
                       const QString &reference,
                       bool withLabels,
                       int depth,
                       const std::function<void(RegistryImageConfig)> &done);
    HostState &hostState(const QString &host);
    QString hostError(const QString &host, QNetworkReply *reply, const QString &tlsErrors) const;

    QPointer<QNetworkAccessManager> m_network;
    CredentialProvider m_credentials;
    HostOptionsProvider m_hostOptions;
    int m_timeoutMs = 30000;
    int m_operationTimeoutMs = 120000;
    int m_retries = 3;
    int m_firstDelayMs = 500;
    int m_pageSize = 0;
    std::atomic<int> m_requests{0};
    QHash<QString, std::shared_ptr<HostState>> m_hosts;
    QList<std::weak_ptr<Call>> m_running;
};

} // namespace Stagecraft::Model

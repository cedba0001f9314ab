// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerconfig.h"

#include "common/textindex.h"
#include "common/tr.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>

namespace Stagecraft::Model {

QString DockerClientConfig::defaultPath()
{
    const QString dockerConfig = qEnvironmentVariable("DOCKER_CONFIG");
    if (!dockerConfig.isEmpty())
        return QDir(dockerConfig).filePath(QStringLiteral("config.json"));
    return QDir::home().filePath(QStringLiteral(".docker/config.json"));
}

DockerClientConfig DockerClientConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        DockerClientConfig config;
        config.m_diagnostics << Diagnostic::error(Tr::tr("cannot read the docker configuration: %1")
                                                          .arg(file.errorString()),
                                                  SourceLocation{path, -1, 0, 0});
        return config;
    }
    // A docker config holds a few registries; anything large is not one.
    constexpr qint64 maxSize = 4 * 1024 * 1024;
    if (file.size() > maxSize) {
        DockerClientConfig config;
        config.m_diagnostics << Diagnostic::error(
                Tr::tr("the docker configuration is too large (%1 bytes)").arg(file.size()),
                SourceLocation{path, -1, 0, 0});
        return config;
    }
    return fromJson(file.readAll(), path);
}

QString DockerClientConfig::normalizeHost(const QString &address)
{
    QString host = address.trimmed();
    const qsizetype scheme = host.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        host = host.mid(scheme + 3);
    const qsizetype slash = host.indexOf(QLatin1Char('/'));
    if (slash >= 0)
        host.truncate(slash);
    host = host.toLower();
    if (host == QLatin1String("index.docker.io") || host == QLatin1String("registry-1.docker.io"))
        host = QStringLiteral("docker.io");
    return host;
}

DockerClientConfig DockerClientConfig::fromJson(const QByteArray &json, const QString &fileName)
{
    DockerClientConfig config;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const TextIndex index(json);
        const qsizetype offset = error.error != QJsonParseError::NoError ? error.offset : 0;
        const LineColumn position = index.lineColumn(offset);
        config.m_diagnostics << Diagnostic::error(
                error.error != QJsonParseError::NoError
                        ? Tr::tr("the docker configuration is not valid JSON: %1")
                                  .arg(error.errorString())
                        : Tr::tr("the docker configuration is not a JSON object"),
                SourceLocation{fileName, offset, position.line, position.column});
        return config;
    }
    const QJsonObject root = document.object();

    const QJsonObject auths = root.value(QLatin1String("auths")).toObject();
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        const QString host = normalizeHost(it.key());
        const QJsonObject entry = it.value().toObject();
        RegistryCredentials credentials;
        const QString identityToken = entry.value(QLatin1String("identitytoken")).toString();
        const QString auth = entry.value(QLatin1String("auth")).toString();
        if (!auth.isEmpty()) {
            const auto decoded
                    = QByteArray::fromBase64Encoding(auth.toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
            const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
            if (colon < 0) {
                // The entry is named, its content never: it is a secret.
                config.m_diagnostics << Diagnostic::warning(
                        Tr::tr("the credentials for %1 are not base64 \"user:password\"; ignored")
                                .arg(host),
                        SourceLocation{fileName, -1, 0, 0});
                continue;
            }
            credentials.username = QString::fromUtf8(decoded.decoded.left(colon));
            credentials.secret = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        } else if (entry.contains(QLatin1String("username"))) {
            credentials.username = entry.value(QLatin1String("username")).toString();
            credentials.secret = entry.value(QLatin1String("password")).toString();
        }
        if (!identityToken.isEmpty()) {
            credentials.secret = identityToken;
            credentials.identityToken = true;
        }
        if (!credentials.isEmpty())
            config.m_credentials.insert(host, credentials);
    }

    if (root.contains(QLatin1String("credsStore"))) {
        // With a global helper, docker asks the helper for every host listed in auths.
        for (auto it = auths.begin(); it != auths.end(); ++it) {
            const QString host = normalizeHost(it.key());
            if (!config.m_credentials.contains(host))
                config.m_helperHosts << host;
        }
    }
    const QJsonObject helpers = root.value(QLatin1String("credHelpers")).toObject();
    for (auto it = helpers.begin(); it != helpers.end(); ++it)
        config.m_helperHosts << normalizeHost(it.key());
    config.m_helperHosts.removeDuplicates();
    config.m_helperHosts.sort();
    return config;
}

QStringList DockerClientConfig::hosts() const
{
    QStringList hosts = m_credentials.keys();
    hosts.sort();
    return hosts;
}

std::optional<RegistryCredentials> DockerClientConfig::credentials(const QString &host) const
{
    const auto it = m_credentials.constFind(normalizeHost(host));
    if (it == m_credentials.constEnd())
        return std::nullopt;
    return *it;
}

CredentialProvider DockerClientConfig::provider() const
{
    return [entries = m_credentials](const QString &host) -> std::optional<RegistryCredentials> {
        const auto it = entries.constFind(normalizeHost(host));
        if (it == entries.constEnd())
            return std::nullopt;
        return *it;
    };
}

} // namespace Stagecraft::Model

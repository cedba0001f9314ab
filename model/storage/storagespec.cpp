// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagespec.h"

#include "common/tr.h"
#include "dockerclientconfig.h"

namespace Stagecraft::Model {

std::optional<StorageSpec> StorageSpec::parse(const QString &spec, QString *error)
{
    StorageSpec result;
    const QString text = spec.trimmed();
    if (text.isEmpty() || text == u"local") {
        result.kind = Kind::Local;
        return result;
    }
    if (text == u"docker" || text == u":local") {
        result.kind = Kind::Docker;
        return result;
    }
    QString parseError;
    const std::optional<RegistryReference> repository
            = RegistryReference::parseRepository(text, &parseError);
    if (!repository || (repository->host == u"registry-1.docker.io" && !text.contains(u'/'))) {
        if (error)
            *error = Tr::tr("unknown stages storage \"%1\": expected local, docker or a registry "
                            "repository such as 127.0.0.1:5000/project/stages%2")
                             .arg(text,
                                  parseError.isEmpty() ? QString()
                                                       : QStringLiteral(" (") + parseError + u')');
        return std::nullopt;
    }
    result.kind = Kind::Registry;
    result.repository = *repository;
    return result;
}

HostOptionsProvider StorageSpec::hostOptions() const
{
    QStringList insecure;
    for (const QString &host : insecureRegistries)
        insecure << DockerClientConfig::normalizeHost(host);
    return [insecure, caFile = caFile](const QString &host) {
        RegistryHostOptions options;
        options.insecure = insecure.contains(DockerClientConfig::normalizeHost(host));
        if (!options.insecure)
            options.caFile = caFile;
        return options;
    };
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialimport.h"

#include "common/tr.h"
#include "dockerclientconfig.h"
#include "registrysettings.h"

#include <QPointer>
#include <QPromise>

#include <memory>

namespace Stagecraft::Model {

namespace {

struct Import
{
    QPromise<QList<CredentialResult>> promise;
    QList<CredentialResult> results;
    QList<std::pair<QString, RegistryCredentials>> pending;
    QPointer<CredentialStore> store;
    QPointer<RegistrySettings> settings;
};

/** One host after the other: the keychain serialises its jobs anyway. */
void next(const std::shared_ptr<Import> &import)
{
    if (import->pending.isEmpty() || !import->store) {
        import->promise.addResult(import->results);
        import->promise.finish();
        return;
    }
    const auto [host, credentials] = import->pending.takeFirst();
    import->store->write(host, credentials)
            .then(import->store.data(), [import, host, username = credentials.username](
                                                const CredentialResult &result) {
                if (result.ok() && import->settings) {
                    RegistryEntry entry = import->settings->registry(host).value_or(RegistryEntry{});
    entry.address = host;
    entry.username = username;
    import->settings->setRegistry(entry);
}
import->results << result;
next(import);
} // namespace
);
} // namespace Stagecraft::Model

} // namespace

QFuture<QList<CredentialResult>> importDockerCredentials(const DockerClientConfig &config,
                                                         const QStringList &hosts,
                                                         CredentialStore &store,
                                                         RegistrySettings &settings)
{
    auto import = std::make_shared<Import>();
    import->store = &store;
    import->settings = &settings;
    import->promise.start();
    QFuture<QList<CredentialResult>> future = import->promise.future();

    // Hosts without inline credentials are answered at once, at their place in the order.
    QList<CredentialResult> immediate;
    for (const QString &address : hosts) {
        const QString host = DockerClientConfig::normalizeHost(address);
        if (const auto credentials = config.credentials(host)) {
            import->pending.append({host, *credentials});
            continue;
        }
        CredentialResult result;
        result.host = host;
        result.status = CredentialResult::Status::NotFound;
        result.errorString
                = config.helperHosts().contains(host)
                          ? Tr::tr("docker keeps the credentials for %1 in a credential helper; "
                                   "they cannot be imported")
                                    .arg(host)
                          : Tr::tr("the docker configuration has no credentials for %1").arg(host);
        import->results << result;
    }
    next(import);
    return future;
}

} // namespace Stagecraft::Model

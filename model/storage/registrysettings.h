// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containersstorageoptions.h"
#include "registryaccess.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace Stagecraft::Model {

/** One registry the user configured. Its secret is not here: it lives in the keychain only. */
struct RegistryEntry
{
    QString address; ///< the host as credentials are keyed ("127.0.0.1:5000", "docker.io")
    QString username;
    bool insecure = false; ///< plain http or unverified TLS, for this host only
    QString caFile;        ///< extra CA certificates (PEM) for this host

    friend bool operator==(const RegistryEntry &, const RegistryEntry &) = default;
};

/**
 * The user's stages storages and registries, kept in QSettings: registry addresses, user names,
 * insecure flags and CA files, the storages in use and which one is the default (globally and per
 * project), and where the local containers-storage lies. It never holds a secret: passwords go to
 * the CredentialStore, and nothing here has a field for one.
 *
 * Like Settings, it wraps a QSettings that app/ creates (tests use an INI file); the providers it
 * hands out are snapshots, safe to call from any thread.
 */
class RegistrySettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrySettings)

public:
    /** The settings object must outlive this wrapper. */
    explicit RegistrySettings(QSettings &settings, QObject *parent = nullptr);
    ~RegistrySettings() override;

    /** The storage spec of the local containers-storage, werf's and Stagecraft's default. */
    static QString localStorage();
    /** The storage spec of the local Docker daemon (werf's `:local`). */
    static QString dockerStorage();

    /** Sorted by address; addresses are normalised and unique. */
    QList<RegistryEntry> registries() const;
    std::optional<RegistryEntry> registry(const QString &address) const;
    /** Replaces the whole list (the settings dialog's OK); later duplicates of a host are dropped. */
    void setRegistries(const QList<RegistryEntry> &registries);
    /** Adds the registry, or replaces the one with the same host. */
    void setRegistry(const RegistryEntry &entry);
    void removeRegistry(const QString &address);

    /** The stages storages the user works with ("local", "docker", "HOST[:PORT]/REPO"). */
    QStringList storages() const;
    void setStorages(const QStringList &storages);
    /** The storage `plan` and the GUI use when nothing else is chosen; "local" when unset. */
    QString defaultStorage() const;
    void setDefaultStorage(const QString &spec);
    /** The storage chosen for a project directory, else the default storage. */
    QString projectStorage(const QString &projectDirectory) const;
    /** An empty spec makes the project follow the default again. */
    void setProjectStorage(const QString &projectDirectory, const QString &spec);

    ContainersStorageOptions containersStorage() const;
    void setContainersStorage(const ContainersStorageOptions &options);

    /**
     * How to reach a host (an address or a repository such as "127.0.0.1:5000/project/stages"):
     * verified TLS unless the user marked it insecure, which also sets the warning.
     */
    RegistryHostOptions hostOptions(const QString &address) const;
    /** A snapshot of the configured hosts' options, safe to call from any thread. */
    HostOptionsProvider hostOptionsProvider() const;

    /** The warning shown wherever an insecure host is used (like docker's insecure-registries). */
    static QString insecureWarning(const QString &host);

signals:
    void registriesChanged();
    void storagesChanged();

private:
    static RegistryHostOptions optionsOf(const QList<RegistryEntry> &registries,
                                         const QString &address);

    QSettings &m_settings;
};

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrysettings.h"

#include "common/tr.h"
#include "dockerclientconfig.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace Stagecraft::Model {

using namespace Qt::StringLiterals;

namespace {

const QString registriesArray = u"registries"_s;
const QString projectStoragesArray = u"storages/projects"_s;

QString projectKey(const QString &directory)
{
    return QDir::cleanPath(QDir(directory).absolutePath());
}

} // namespace

RegistrySettings::RegistrySettings(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

RegistrySettings::~RegistrySettings() = default;

QString RegistrySettings::localStorage()
{
    return u"local"_s;
}

QString RegistrySettings::dockerStorage()
{
    return u"docker"_s;
}

QList<RegistryEntry> RegistrySettings::registries() const
{
    QList<RegistryEntry> entries;
    const int size = m_settings.beginReadArray(registriesArray);
    for (int i = 0; i < size; ++i) {
        m_settings.setArrayIndex(i);
        RegistryEntry entry;
        entry.address = DockerClientConfig::normalizeHost(m_settings.value(u"address"_s).toString());
        entry.username = m_settings.value(u"username"_s).toString();
        entry.insecure = m_settings.value(u"insecure"_s, false).toBool();
        entry.caFile = m_settings.value(u"caFile"_s).toString();
        if (!entry.address.isEmpty())
            entries << entry;
    }
    m_settings.endArray();
    return entries;
}

std::optional<RegistryEntry> RegistrySettings::registry(const QString &address) const
{
    const QString host = DockerClientConfig::normalizeHost(address);
    const QList<RegistryEntry> entries = registries();
    const auto it = std::find_if(entries.cbegin(), entries.cend(), [&host](const RegistryEntry &e) {
        return e.address == host;
    });
    if (it == entries.cend())
        return std::nullopt;
    return *it;
}

void RegistrySettings::setRegistries(const QList<RegistryEntry> &registries)
{
    QList<RegistryEntry> entries;
    QStringList seen;
    for (RegistryEntry entry : registries) {
        entry.address = DockerClientConfig::normalizeHost(entry.address);
        entry.username = entry.username.trimmed();
        entry.caFile = entry.caFile.trimmed();
        if (entry.address.isEmpty() || seen.contains(entry.address))
            continue;
        seen << entry.address;
        entries << entry;
    }
    std::sort(entries.begin(), entries.end(), [](const RegistryEntry &a, const RegistryEntry &b) {
        return a.address < b.address;
    });
    if (entries == this->registries())
        return;

    m_settings.remove(registriesArray);
    m_settings.beginWriteArray(registriesArray, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const RegistryEntry &entry = entries.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(u"address"_s, entry.address);
        m_settings.setValue(u"username"_s, entry.username);
        m_settings.setValue(u"insecure"_s, entry.insecure);
        m_settings.setValue(u"caFile"_s, entry.caFile);
    }
    m_settings.endArray();
    emit registriesChanged();
}

void RegistrySettings::setRegistry(const RegistryEntry &entry)
{
    const QString host = DockerClientConfig::normalizeHost(entry.address);
    QList<RegistryEntry> entries = registries();
    entries.removeIf([&host](const RegistryEntry &e) { return e.address == host; });
    entries.prepend(entry);
    setRegistries(entries);
}

void RegistrySettings::removeRegistry(const QString &address)
{
    const QString host = DockerClientConfig::normalizeHost(address);
    QList<RegistryEntry> entries = registries();
    entries.removeIf([&host](const RegistryEntry &e) { return e.address == host; });
    setRegistries(entries);
}

QStringList RegistrySettings::storages() const
{
    return m_settings.value(u"storages/list"_s).toStringList();
}

void RegistrySettings::setStorages(const QStringList &storages)
{
    QStringList cleaned;
    for (const QString &spec : storages) {
        const QString trimmed = spec.trimmed();
        if (!trimmed.isEmpty() && !cleaned.contains(trimmed))
            cleaned << trimmed;
    }
    if (cleaned == this->storages())
        return;
    m_settings.setValue(u"storages/list"_s, cleaned);
    emit storagesChanged();
}

QString RegistrySettings::defaultStorage() const
{
    const QString spec = m_settings.value(u"storages/default"_s).toString().trimmed();
    return spec.isEmpty() ? localStorage() : spec;
}

void RegistrySettings::setDefaultStorage(const QString &spec)
{
    const QString trimmed = spec.trimmed();
    if (trimmed == m_settings.value(u"storages/default"_s).toString())
        return;
    if (trimmed.isEmpty())
        m_settings.remove(u"storages/default"_s);
    else
        m_settings.setValue(u"storages/default"_s, trimmed);
    emit storagesChanged();
}

QString RegistrySettings::projectStorage(const QString &projectDirectory) const
{
    const QString key = projectKey(projectDirectory);
    QString spec;
    const int size = m_settings.beginReadArray(projectStoragesArray);
    for (int i = 0; i < size && spec.isEmpty(); ++i) {
        m_settings.setArrayIndex(i);
        if (m_settings.value(u"project"_s).toString() == key)
            spec = m_settings.value(u"storage"_s).toString();
    }
    m_settings.endArray();
    return spec.isEmpty() ? defaultStorage() : spec;
}

void RegistrySettings::setProjectStorage(const QString &projectDirectory, const QString &spec)
{
    const QString key = projectKey(projectDirectory);
    QList<std::pair<QString, QString>> entries;
    const int size = m_settings.beginReadArray(projectStoragesArray);
    for (int i = 0; i < size; ++i) {
        m_settings.setArrayIndex(i);
        const QString project = m_settings.value(u"project"_s).toString();
        if (project != key)
            entries.append({project, m_settings.value(u"storage"_s).toString()});
    }
    m_settings.endArray();
    if (!spec.trimmed().isEmpty())
        entries.append({key, spec.trimmed()});

    m_settings.remove(projectStoragesArray);
    m_settings.beginWriteArray(projectStoragesArray, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(u"project"_s, entries.at(i).first);
        m_settings.setValue(u"storage"_s, entries.at(i).second);
    }
    m_settings.endArray();
    emit storagesChanged();
}

ContainersStorageOptions RegistrySettings::containersStorage() const
{
    ContainersStorageOptions options;
    options.root = m_settings.value(u"containersStorage/root"_s).toString();
    options.runRoot = m_settings.value(u"containersStorage/runRoot"_s).toString();
    options.driver = m_settings.value(u"containersStorage/driver"_s).toString();
    return options;
}

void RegistrySettings::setContainersStorage(const ContainersStorageOptions &options)
{
    const auto store = [this](const QString &key, const QString &value) {
        if (value.trimmed().isEmpty())
            m_settings.remove(key);
        else
            m_settings.setValue(key, value.trimmed());
    };
    const ContainersStorageOptions before = containersStorage();
    store(u"containersStorage/root"_s, options.root);
    store(u"containersStorage/runRoot"_s, options.runRoot);
    store(u"containersStorage/driver"_s, options.driver);
    const ContainersStorageOptions after = containersStorage();
    if (before.root != after.root || before.runRoot != after.runRoot
        || before.driver != after.driver)
        emit storagesChanged();
}

RegistryHostOptions RegistrySettings::optionsOf(const QList<RegistryEntry> &registries,
                                                const QString &address)
{
    const QString host = DockerClientConfig::normalizeHost(address);
    RegistryHostOptions options;
    for (const RegistryEntry &entry : registries) {
        if (entry.address != host)
            continue;
        options.insecure = entry.insecure;
        options.caFile = entry.caFile;
        if (entry.insecure)
            options.warning = insecureWarning(host);
        break;
    }
    return options;
}

RegistryHostOptions RegistrySettings::hostOptions(const QString &address) const
{
    return optionsOf(registries(), address);
}

HostOptionsProvider RegistrySettings::hostOptionsProvider() const
{
    return [entries = registries()](const QString &address) { return optionsOf(entries, address); };
}

QString RegistrySettings::insecureWarning(const QString &host)
{
    return Tr::tr("%1 is an insecure registry: it is reached over plain HTTP or over HTTPS "
                  "without verifying its certificate, so anyone on the network path can read or "
                  "change what is sent, credentials included. Use this only for a registry you "
                  "control on a trusted network.")
            .arg(host);
}

} // namespace Stagecraft::Model

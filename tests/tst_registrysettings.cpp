// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/registrysettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

class tst_RegistrySettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void registriesRoundTrip();
    void setAndRemoveRegistry();
    void hostOptions_data();
    void hostOptions();
    void hostOptionsProviderIsASnapshot();
    void storages();
    void containersStorage();
    void noSecretInIniFile();

private:
    QString iniPath() const { return m_dir->filePath(u"stagecraft.ini"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_RegistrySettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RegistrySettings::registriesRoundTrip()
{
    {
        QSettings qsettings(iniPath(), QSettings::IniFormat);
        RegistrySettings settings(qsettings);
        QVERIFY(settings.registries().isEmpty());
        QSignalSpy changed(&settings, &RegistrySettings::registriesChanged);
        settings.setRegistries({
                {u"https://Registry.Example.com/v2/"_s, u"alice"_s, false, u"/etc/ca.pem"_s},
                {u"127.0.0.1:5000"_s, u" bob "_s, true, QString()},
                {u"registry.example.com"_s, u"dup"_s, true, QString()}, // same host: dropped
                {QString(), u"nobody"_s, false, QString()},             // no address: dropped
        });
        QCOMPARE(changed.count(), 1);
        // The same list again changes nothing.
        settings.setRegistries(settings.registries());
        QCOMPARE(changed.count(), 1);
    }
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    const QList<RegistryEntry> entries = settings.registries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0), (RegistryEntry{u"127.0.0.1:5000"_s, u"bob"_s, true, QString()}));
    QCOMPARE(entries.at(1),
             (RegistryEntry{u"registry.example.com"_s, u"alice"_s, false, u"/etc/ca.pem"_s}));
    QCOMPARE(settings.registry(u"127.0.0.1:5000/project/stages"_s)->username, u"bob"_s);
    QVERIFY(!settings.registry(u"quay.io"_s));
}

void tst_RegistrySettings::setAndRemoveRegistry()
{
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    settings.setRegistry({u"a.example"_s, u"one"_s, false, QString()});
    settings.setRegistry({u"b.example"_s, u"two"_s, false, QString()});
    settings.setRegistry({u"A.example"_s, u"three"_s, true, QString()}); // replaces a.example
    QCOMPARE(settings.registries().size(), 2);
    QCOMPARE(settings.registry(u"a.example"_s)->username, u"three"_s);
    QVERIFY(settings.registry(u"a.example"_s)->insecure);
    settings.removeRegistry(u"https://a.example/"_s);
    QCOMPARE(settings.registries().size(), 1);
    QCOMPARE(settings.registries().constFirst().address, u"b.example"_s);
}

void tst_RegistrySettings::hostOptions_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("caFile");
    QTest::newRow("insecure host") << u"127.0.0.1:5000"_s << true << QString();
    QTest::newRow("insecure repository") << u"127.0.0.1:5000/werf/stages"_s << true << QString();
    QTest::newRow("ca") << u"secure.example"_s << false << u"/ca.pem"_s;
    QTest::newRow("other port") << u"127.0.0.1:5001"_s << false << QString();
    QTest::newRow("unknown") << u"quay.io"_s << false << QString();
}

void tst_RegistrySettings::hostOptions()
{
    QFETCH(QString, address);
    QFETCH(bool, insecure);
    QFETCH(QString, caFile);
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    settings.setRegistries({{u"127.0.0.1:5000"_s, QString(), true, QString()},
                            {u"secure.example"_s, u"u"_s, false, u"/ca.pem"_s}});
    const RegistryHostOptions options = settings.hostOptions(address);
    QCOMPARE(options.insecure, insecure);
    QCOMPARE(options.caFile, caFile);
    // An insecure host carries its warning, for the CLI and the GUI to show.
    QCOMPARE(options.warning.isEmpty(), !insecure);
    if (insecure) {
        QVERIFY(options.warning.contains(u"127.0.0.1:5000"_s));
        QVERIFY(options.warning.contains(u"insecure"_s));
        QCOMPARE(options.warning, RegistrySettings::insecureWarning(u"127.0.0.1:5000"_s));
    }
}

void tst_RegistrySettings::hostOptionsProviderIsASnapshot()
{
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    settings.setRegistries({{u"127.0.0.1:5000"_s, QString(), true, QString()}});
    const HostOptionsProvider provider = settings.hostOptionsProvider();
    settings.setRegistries({});
    RegistryHostOptions fromThread;
    std::thread worker([&] { fromThread = provider(u"127.0.0.1:5000/x"_s); });
    worker.join();
    QVERIFY(fromThread.insecure);
    QVERIFY(!fromThread.warning.isEmpty());
    QVERIFY(!settings.hostOptions(u"127.0.0.1:5000"_s).insecure);
}

void tst_RegistrySettings::storages()
{
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    QCOMPARE(settings.defaultStorage(), u"local"_s);
    QCOMPARE(settings.projectStorage(m_dir->path()), u"local"_s);
    QSignalSpy changed(&settings, &RegistrySettings::storagesChanged);

    settings.setStorages({u"docker"_s, u" 127.0.0.1:5000/p/stages "_s, u"docker"_s, QString()});
    QCOMPARE(settings.storages(), QStringList({u"docker"_s, u"127.0.0.1:5000/p/stages"_s}));
    settings.setDefaultStorage(u"docker"_s);
    QCOMPARE(settings.defaultStorage(), u"docker"_s);

    const QString project = m_dir->filePath(u"project"_s);
    const QString other = m_dir->filePath(u"other"_s);
    settings.setProjectStorage(project, u"127.0.0.1:5000/p/stages"_s);
    settings.setProjectStorage(other, u"local"_s);
    QCOMPARE(settings.projectStorage(project + u"/"_s), u"127.0.0.1:5000/p/stages"_s);
    QCOMPARE(settings.projectStorage(other), u"local"_s);
    QCOMPARE(settings.projectStorage(m_dir->filePath(u"third"_s)), u"docker"_s);
    // An empty spec: the project follows the default again.
    settings.setProjectStorage(project, QString());
    QCOMPARE(settings.projectStorage(project), u"docker"_s);
    QCOMPARE(settings.projectStorage(other), u"local"_s);
    settings.setDefaultStorage(QString());
    QCOMPARE(settings.defaultStorage(), u"local"_s);
    QVERIFY(changed.count() >= 5);
}

void tst_RegistrySettings::containersStorage()
{
    QSettings qsettings(iniPath(), QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    QVERIFY(settings.containersStorage().isDefault());
    ContainersStorageOptions options;
    options.root = m_dir->filePath(u"storage"_s);
    options.driver = u"vfs"_s;
    settings.setContainersStorage(options);
    const ContainersStorageOptions read = settings.containersStorage();
    QCOMPARE(read.root, options.root);
    QCOMPARE(read.driver, u"vfs"_s);
    QVERIFY(read.runRoot.isEmpty());
    QCOMPARE(read.buildahArguments(),
             QStringList({u"--root"_s,
                          options.root,
                          u"--runroot"_s,
                          options.root + u"/run"_s,
                          u"--storage-driver"_s,
                          u"vfs"_s}));
    settings.setContainersStorage({});
    QVERIFY(settings.containersStorage().isDefault());
}

void tst_RegistrySettings::noSecretInIniFile()
{
    // RegistryEntry has no field for a secret; make sure nothing derived from one lands in the
    // file either, whatever the user names their registry and account.
    {
        QSettings qsettings(iniPath(), QSettings::IniFormat);
        RegistrySettings settings(qsettings);
        settings.setRegistries({{u"127.0.0.1:5000"_s, u"alice"_s, true, u"/tmp/ca.pem"_s}});
        settings.setDefaultStorage(u"127.0.0.1:5000/p/stages"_s);
        qsettings.sync();
    }
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("alice"));
    QVERIFY(bytes.contains("insecure=true"));
    QVERIFY(!bytes.toLower().contains("password"));
    QVERIFY(!bytes.toLower().contains("secret"));
}

QTEST_GUILESS_MAIN(tst_RegistrySettings)
#include "tst_registrysettings.moc"

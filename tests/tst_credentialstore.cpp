// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs against a real gnome-keyring in a private D-Bus session (tests/keyring_session.sh sets
// STAGECRAFT_TEST_KEYRING), or with no Secret Service at all (STAGECRAFT_TEST_NO_SECRET_SERVICE,
// or a DBUS_SESSION_BUS_ADDRESS that points at nothing). It never touches the user's keychain:
// without one of these variables the keychain tests skip.
#include "storage/credentialimport.h"
#include "storage/credentialstore.h"
#include "storage/dockerclientconfig.h"
#include "storage/registrysettings.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QMutex>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QMutex s_logMutex;
QStringList s_log;
QtMessageHandler s_previousHandler = nullptr;

void collectMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&s_logMutex);
        s_log << message;
    }
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

CredentialResult wait(const QFuture<CredentialResult> &future)
{
    // The keychain answers through the event loop of this thread.
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 30000))
        return {};
    if (future.resultCount() == 0)
        return {};
    return future.result();
}

bool inKeyringSession()
{
    return qEnvironmentVariableIsSet("STAGECRAFT_TEST_KEYRING");
}

bool withoutSecretService()
{
    return qEnvironmentVariableIsSet("STAGECRAFT_TEST_NO_SECRET_SERVICE")
           || qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"/nonexistent"_s);
}

/** A secret nobody else writes, so that finding it anywhere means it leaked. */
QString uniqueSecret()
{
    return u"pw-%1-%2"_s.arg(QRandomGenerator::global()->generate64(), 0, 16)
            .arg(QRandomGenerator::global()->generate64(), 0, 16);
}

/** Files under `root` whose bytes contain `needle`. */
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << path;
    }
    return found;
}

/**
 * A Secret Service that takes every call and never answers, like a keyring daemon that hangs:
 * the store must time out instead of waiting for D-Bus (libsecret waits without a limit).
 */
class StalledSecretService : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        m_swallowed << message;
        return true;
    }
    qsizetype swallowed() const { return m_swallowed.size(); }

private:
    QList<QDBusMessage> m_swallowed;
};

} // namespace

class tst_CredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void keyForHost_data();
    void keyForHost();
    void chain();

    void roundTrip();
    void secretStaysInKeychain();
    void providerFromWorkerThread();
    void providerInStoreThread();
    void providerAfterStoreIsGone();
    void keychainThenDockerConfig();
    void importFromDockerConfig();

    void noSecretService();
    void stalledSecretService();

private:
    QTemporaryDir m_home;
};

void tst_CredentialStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    s_previousHandler = qInstallMessageHandler(collectMessages);
    QCoreApplication::setOrganizationName(u"StagecraftTest"_s);
    QCoreApplication::setApplicationName(u"tst_credentialstore"_s);
    if (withoutSecretService() && !inKeyringSession()) {
        // Whatever a fallback might write should land where the test can look for it.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
    }
}

void tst_CredentialStore::cleanupTestCase()
{
    qInstallMessageHandler(s_previousHandler);
}

void tst_CredentialStore::keyForHost_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");
    QTest::newRow("host:port") << u"127.0.0.1:5000"_s << u"127.0.0.1:5000"_s;
    QTest::newRow("repository") << u"127.0.0.1:5000/project/stages"_s << u"127.0.0.1:5000"_s;
    QTest::newRow("url") << u"https://Registry.Example.com/v2/"_s << u"registry.example.com"_s;
    QTest::newRow("hub") << u"index.docker.io"_s << u"docker.io"_s;
}

void tst_CredentialStore::keyForHost()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(CredentialStore::keyForHost(address), key);
    QCOMPARE(CredentialStore::serviceName(), u"Stagecraft"_s);
}

void tst_CredentialStore::chain()
{
    const auto only = [](const QString &host, const QString &user) -> CredentialProvider {
        return [host, user](const QString &asked) -> std::optional<RegistryCredentials> {
            if (asked != host)
                return std::nullopt;
            return RegistryCredentials{user, u"x"_s, false};
        };
    };
    const CredentialProvider chained = CredentialStore::chain({only(u"a"_s, u"first"_s),
                                                               CredentialProvider(),
                                                               only(u"a"_s, u"second"_s),
                                                               only(u"b"_s, u"third"_s)});
    QCOMPARE(chained(u"a"_s)->username, u"first"_s);
    QCOMPARE(chained(u"b"_s)->username, u"third"_s);
    QVERIFY(!chained(u"c"_s));
    QVERIFY(!CredentialStore::chain({})(u"a"_s));
}

void tst_CredentialStore::roundTrip()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::credentialsChanged);
    const QString secret = uniqueSecret();

    CredentialResult result = wait(store.write(u"127.0.0.1:5000"_s, {u"alice"_s, secret, false}));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"127.0.0.1:5000"_s);

    // Any address of the same host finds the entry.
    result = wait(store.read(u"https://127.0.0.1:5000/v2/"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QVERIFY(result.credentials);
    QCOMPARE(result.credentials->username, u"alice"_s);
    QCOMPARE(result.credentials->secret, secret);
    QVERIFY(!result.credentials->identityToken);

    // Hosts are separate entries.
    result = wait(store.read(u"127.0.0.1:5001"_s));
    QCOMPARE(result.status, CredentialResult::Status::NotFound);
    QVERIFY(!result.credentials);

    // Writing again replaces; an identity token keeps its kind.
    result = wait(store.write(u"127.0.0.1:5000"_s, {u"bob"_s, u"tok-1"_s, true}));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    result = wait(store.read(u"127.0.0.1:5000"_s));
    QVERIFY(result.ok());
    QCOMPARE(result.credentials->username, u"bob"_s);
    QCOMPARE(result.credentials->secret, u"tok-1"_s);
    QVERIFY(result.credentials->identityToken);

    result = wait(store.remove(u"127.0.0.1:5000"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    result = wait(store.read(u"127.0.0.1:5000"_s));
    QCOMPARE(result.status, CredentialResult::Status::NotFound);
    QVERIFY(!result.errorString.isEmpty());

    // Operations may be started from another thread; the jobs still run in the store's.
    QFuture<CredentialResult> fromThread;
    std::thread worker([&] {
        fromThread = store.write(u"threaded.example"_s, {u"carol"_s, secret, false});
    });
    worker.join();
    result = wait(fromThread);
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    result = wait(store.read(u"threaded.example"_s));
    QVERIFY(result.ok());
    QCOMPARE(result.credentials->secret, secret);
    QVERIFY(wait(store.remove(u"threaded.example"_s)).ok());
}

void tst_CredentialStore::secretStaysInKeychain()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    {
        const QMutexLocker lock(&s_logMutex);
        s_log.clear();
    }
    const QString secret = uniqueSecret();
    CredentialStore store;
    QStringList errors;
    QVERIFY(wait(store.write(u"leak.example:443"_s, {u"dave"_s, secret, false})).ok());
    const CredentialResult read = wait(store.read(u"leak.example:443"_s));
    QVERIFY(read.ok());
    QCOMPARE(read.credentials->secret, secret);

    // Not in any file of the session's home (QtKeychain's plaintext fallback would write an INI
    // under XDG_CONFIG_HOME; gnome-keyring encrypts its collection file).
    const QString home = qEnvironmentVariable("HOME");
    QVERIFY(!home.isEmpty());
    QCOMPARE(filesContaining(home, secret.toUtf8()), QStringList());
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = qEnvironmentVariable(variable);
        if (!dir.isEmpty())
            QCOMPARE(filesContaining(dir, secret.toUtf8()), QStringList());
    }
    // Nor in anything logged meanwhile.
    {
        const QMutexLocker lock(&s_logMutex);
        for (const QString &line : std::as_const(s_log))
            QVERIFY2(!line.contains(secret), qPrintable(u"logged: "_s + line.left(40)));
    }
    QVERIFY(wait(store.remove(u"leak.example:443"_s)).ok());
}

void tst_CredentialStore::providerFromWorkerThread()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    CredentialStore store;
    const QString secret = uniqueSecret();
    QVERIFY(wait(store.write(u"worker.example"_s, {u"erin"_s, secret, false})).ok());

    const CredentialProvider provider = store.provider(10s);
    std::atomic<bool> done = false;
    std::optional<RegistryCredentials> found;
    std::optional<RegistryCredentials> missing;
    std::thread worker([&] {
        found = provider(u"worker.example"_s);
        missing = provider(u"nothing.example"_s);
        done = true;
    });
    // The provider waits in the worker while this thread's event loop runs the jobs.
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
    worker.join();
    QVERIFY(found);
    QCOMPARE(found->username, u"erin"_s);
    QCOMPARE(found->secret, secret);
    QVERIFY(!missing);
    QVERIFY(wait(store.remove(u"worker.example"_s)).ok());
}

void tst_CredentialStore::providerInStoreThread()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    CredentialStore store;
    QVERIFY(wait(store.write(u"same.example"_s, {u"frank"_s, u"pw"_s, false})).ok());

    // In the store's (the GUI) thread the default provider never waits.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!store.provider(10s)(u"same.example"_s));
    QVERIFY(timer.elapsed() < 1000);

    // The command line may wait in a local event loop.
    const auto found = store.provider(10s,
                                      CredentialStore::SameThread::RunEventLoop)(u"same.example"_s);
    QVERIFY(found);
    QCOMPARE(found->username, u"frank"_s);
    QVERIFY(wait(store.remove(u"same.example"_s)).ok());
}

void tst_CredentialStore::providerAfterStoreIsGone()
{
    CredentialProvider provider;
    {
        CredentialStore store;
        provider = store.provider(10s);
    }
    std::optional<RegistryCredentials> result = RegistryCredentials{u"x"_s, u"y"_s, false};
    QElapsedTimer timer;
    timer.start();
    std::thread worker([&] { result = provider(u"gone.example"_s); });
    worker.join();
    QVERIFY(!result);
    QVERIFY(timer.elapsed() < 1000);
}

void tst_CredentialStore::keychainThenDockerConfig()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString configPath = dir.filePath(u"config.json"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    // "docker:from-docker" and "hub:hub-pw" in base64.
    config.write(R"({"auths": {
        "both.example": {"auth": "ZG9ja2VyOmZyb20tZG9ja2Vy"},
        "https://index.docker.io/v1/": {"auth": "aHViOmh1Yi1wdw=="}
    }})");
    config.close();

    CredentialStore store;
    QVERIFY(wait(store.write(u"both.example"_s, {u"keychain"_s, u"from-keychain"_s, false})).ok());

    const CredentialProvider provider = store.keychainThenDockerConfig(configPath, 10s);
    std::atomic<bool> done = false;
    std::optional<RegistryCredentials> both, hub, none;
    std::thread worker([&] {
        both = provider(u"both.example"_s);
        hub = provider(u"registry-1.docker.io"_s);
        none = provider(u"none.example"_s);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
    worker.join();
    QVERIFY(both);
    QCOMPARE(both->username, u"keychain"_s); // the keychain comes first
    QCOMPARE(both->secret, u"from-keychain"_s);
    QVERIFY(hub);
    QCOMPARE(hub->username, u"hub"_s);
    QCOMPARE(hub->secret, u"hub-pw"_s);
    QVERIFY(!none);
    QVERIFY(wait(store.remove(u"both.example"_s)).ok());
}

void tst_CredentialStore::importFromDockerConfig()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    // "ivy:imported-pw" and "jack:not-chosen" in base64; quay.io is kept in a helper.
    const DockerClientConfig config = DockerClientConfig::fromJson(R"({"auths": {
        "127.0.0.1:5002": {"auth": "aXZ5OmltcG9ydGVkLXB3"},
        "unchosen.example": {"auth": "amFjazpub3QtY2hvc2Vu"},
        "quay.io": {}
    }, "credsStore": "desktop"})",
                                                                   u"config.json"_s);
    QCOMPARE(config.helperHosts(), QStringList{u"quay.io"_s});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString iniPath = dir.filePath(u"settings.ini"_s);
    QSettings qsettings(iniPath, QSettings::IniFormat);
    RegistrySettings settings(qsettings);
    // An existing entry keeps its flags; the user name comes from docker.
    settings.setRegistry({u"127.0.0.1:5002"_s, u"old"_s, true, u"/ca.pem"_s});
    CredentialStore store;

    const QFuture<QList<CredentialResult>> future = importDockerCredentials(config,
                                                                            {u"127.0.0.1:5002"_s,
                                                                             u"quay.io"_s,
                                                                             u"missing.example"_s},
                                                                            store,
                                                                            settings);
    QVERIFY(QTest::qWaitFor([&future] { return future.isFinished(); }, 30000));
    QCOMPARE(future.resultCount(), 1);
    const QList<CredentialResult> results = future.result();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).host, u"quay.io"_s);
    QCOMPARE(results.at(0).status, CredentialResult::Status::NotFound);
    QVERIFY(results.at(0).errorString.contains(u"credential helper"_s));
    QCOMPARE(results.at(1).host, u"missing.example"_s);
    QCOMPARE(results.at(1).status, CredentialResult::Status::NotFound);
    QCOMPARE(results.at(2).host, u"127.0.0.1:5002"_s);
    QVERIFY2(results.at(2).ok(), qPrintable(results.at(2).errorString));

    QCOMPARE(settings.registries().size(), 1);
    QCOMPARE(settings.registries().constFirst(),
             (RegistryEntry{u"127.0.0.1:5002"_s, u"ivy"_s, true, u"/ca.pem"_s}));
    const CredentialResult stored = wait(store.read(u"127.0.0.1:5002"_s));
    QVERIFY(stored.ok());
    QCOMPARE(stored.credentials->secret, u"imported-pw"_s);
    QCOMPARE(wait(store.read(u"unchosen.example"_s)).status, CredentialResult::Status::NotFound);
    qsettings.sync();
    QFile ini(iniPath);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(bytes.contains("ivy"));
    QVERIFY(!bytes.contains("imported-pw"));
    QVERIFY(wait(store.remove(u"127.0.0.1:5002"_s)).ok());
}

void tst_CredentialStore::noSecretService()
{
    if (!withoutSecretService() || inKeyringSession())
        QSKIP("runs with no Secret Service (keyring_session.sh --no-secret-service, or a "
              "DBUS_SESSION_BUS_ADDRESS that points at nothing)");
    {
        const QMutexLocker lock(&s_logMutex);
        s_log.clear();
    }
    const QString secret = uniqueSecret();
    CredentialStore store;
    store.setTimeout(20s);

    QElapsedTimer timer;
    timer.start();
    const CredentialResult written = wait(
            store.write(u"nokeyring.example"_s, {u"gina"_s, secret, false}));
    // A clear answer, quickly: not a hang until the timeout, not a plaintext fallback.
    QVERIFY(timer.elapsed() < 15000);
    QCOMPARE(written.status, CredentialResult::Status::Unavailable);
    qInfo().noquote() << "write without a Secret Service:" << written.errorString;
    QVERIFY(written.errorString.contains(u"nokeyring.example"_s));
    QVERIFY(written.errorString.contains(u"no D-Bus session bus"_s)
            || written.errorString.contains(u"no Secret Service on the session bus"_s));
    QVERIFY(written.errorString.contains(u"plain text"_s));
    QVERIFY(!written.errorString.contains(secret));

    const CredentialResult read = wait(store.read(u"nokeyring.example"_s));
    QCOMPARE(read.status, CredentialResult::Status::Unavailable);
    QVERIFY(!read.credentials);

    // The worker-thread provider reports the reason and answers nothing.
    QStringList reported;
    QMutex reportedMutex;
    const CredentialProvider provider = store.provider(20s,
                                                       CredentialStore::SameThread::AnswerNothing,
                                                       [&](const QString &host,
                                                           const QString &message) {
                                                           const QMutexLocker lock(&reportedMutex);
                                                           reported << host + u": "_s + message;
                                                       });
    std::atomic<bool> done = false;
    std::optional<RegistryCredentials> found;
    std::thread worker([&] {
        found = provider(u"nokeyring.example"_s);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
    worker.join();
    QVERIFY(!found);
    QCOMPARE(reported.size(), 1);
    QVERIFY(reported.constFirst().contains(u"no keychain is available"_s));

    // Nothing was written anywhere in place of the keychain.
    const QString home = qEnvironmentVariable("HOME");
    if (!home.isEmpty() && home != QDir::homePath())
        QCOMPARE(filesContaining(home, secret.toUtf8()), QStringList());
    QCOMPARE(filesContaining(m_home.path(), secret.toUtf8()), QStringList());
    QSettings fallback; // where QtKeychain's plaintext fallback would have put it
    QFile fallbackFile(fallback.fileName());
    QVERIFY(!fallbackFile.open(QIODevice::ReadOnly)
            || !fallbackFile.readAll().contains(secret.toUtf8()));
    const QMutexLocker lock(&s_logMutex);
    for (const QString &line : std::as_const(s_log))
        QVERIFY(!line.contains(secret));
}

void tst_CredentialStore::stalledSecretService()
{
    if (!qEnvironmentVariableIsSet("STAGECRAFT_TEST_NO_SECRET_SERVICE")
        || !qEnvironmentVariableIsSet("STAGECRAFT_TEST_STALLED"))
        QSKIP("runs in keyring_session.sh --no-secret-service with STAGECRAFT_TEST_STALLED set");
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    StalledSecretService service;
    QVERIFY(bus.registerVirtualObject(u"/org/freedesktop/secrets"_s,
                                      &service,
                                      QDBusConnection::SubPath));
    QVERIFY(bus.registerService(u"org.freedesktop.secrets"_s));

    CredentialStore store;
    store.setTimeout(1500ms);
    QElapsedTimer timer;
    timer.start();
    const CredentialResult written = wait(
            store.write(u"stalled.example"_s, {u"hank"_s, u"pw-stalled"_s, false}));
    QCOMPARE(written.status, CredentialResult::Status::TimedOut);
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(written.errorString.contains(u"did not answer"_s));
    QVERIFY(!written.errorString.contains(u"pw-stalled"_s));
    QVERIFY(service.swallowed() > 0); // the call did reach the stalled service

    // The provider gives up after its own timeout, in the worker thread.
    const CredentialProvider provider = store.provider(1500ms);
    std::atomic<bool> done = false;
    std::optional<RegistryCredentials> found;
    timer.restart();
    std::thread worker([&] {
        found = provider(u"stalled.example"_s);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 20000);
    worker.join();
    QVERIFY(!found);
    QVERIFY(timer.elapsed() < 10000);

    // The command line's local event loop gives up after the timeout too, and only once.
    QStringList reported;
    store.setTimeout(10s); // the provider's limit must be the one that ends the wait
    timer.restart();
    const auto inLoop = store.provider(1500ms,
                                       CredentialStore::SameThread::RunEventLoop,
                                       [&reported](const QString &, const QString &message) {
                                           reported << message;
                                       })(u"stalled.example"_s);
    QVERIFY(!inLoop);
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(reported.size(), 1);
    QVERIFY(reported.constFirst().contains(u"did not answer"_s));
}

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"

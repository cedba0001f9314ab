// SPDX-License-Identifier: GPL-3.0-or-later
//
// The storages and registries dialog, driven like a user (offscreen). The keychain parts run in
// tests/keyring_session.sh (a private gnome-keyring, STAGECRAFT_TEST_KEYRING) or without a
// Secret Service (STAGECRAFT_TEST_NO_SECRET_SERVICE); they skip otherwise, so that the test never
// touches the user's own keychain.
#include "loopbackhttpserver.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "storage/credentialstore.h"
#include "storage/dockerclientconfig.h"
#include "storage/registrysettings.h"
#include "storagesettingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Qt::StringLiterals;

namespace {

bool inKeyringSession()
{
    return qEnvironmentVariableIsSet("STAGECRAFT_TEST_KEYRING");
}

CredentialResult wait(const QFuture<CredentialResult> &future)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 30000)
        || future.resultCount() == 0)
        return {};
    return future.result();
}

QString uniqueSecret()
{
    return u"pw-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
}

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

void clickOk(Ui::StorageSettingsDialog &dialog)
{
    auto *buttons = child<QDialogButtonBox>(dialog, u"buttonBox"_s);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void setText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class tst_StorageSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void labelsNameTheirFields_data();
    void labelsNameTheirFields();
    void insecureWarning();
    void invalidEntriesKeepTheDialogOpen();
    void testConnection();
    void testConnectionReadsTheDefaultRepository();
    void menuAction();

    void okStoresSettingsAndKeychain();
    void removeDeletesPassword();
    void importFromDockerConfig();

    void keychainFailureKeepsDialogOpen();

private:
    QString iniPath() const { return m_dir->filePath(u"stagecraft.ini"_s); }
    QByteArray iniBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<RegistrySettings> m_settings;
    std::unique_ptr<CredentialStore> m_store;
};

void tst_StorageSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_qsettings = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
    m_settings = std::make_unique<RegistrySettings>(*m_qsettings);
    m_store = std::make_unique<CredentialStore>();
}

void tst_StorageSettingsDialog::cleanup()
{
    m_store.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

QByteArray tst_StorageSettingsDialog::iniBytes() const
{
    m_qsettings->sync();
    QFile file(iniPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void tst_StorageSettingsDialog::labelsNameTheirFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("label");
    QTest::newRow("address") << u"addressEdit"_s << u"A&ddress:"_s;
    QTest::newRow("user name") << u"usernameEdit"_s << u"&User name:"_s;
    QTest::newRow("password") << u"passwordEdit"_s << u"&Password:"_s;
    QTest::newRow("CA file") << u"caFileEdit"_s << u"&CA certificate:"_s;
    QTest::newRow("default storage") << u"defaultStorageCombo"_s << u"D&efault storage:"_s;
    QTest::newRow("storage root") << u"storageRootEdit"_s << u"containers-storage &root:"_s;
    QTest::newRow("storage driver") << u"storageDriverCombo"_s << u"Storage dri&ver:"_s;
}

void tst_StorageSettingsDialog::labelsNameTheirFields()
{
    // Each form label is the buddy of its field: its mnemonic focuses the field.
    QFETCH(QString, field);
    QFETCH(QString, label);
    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    QWidget *widget = child<QWidget>(dialog, field);
    QVERIFY(widget);
    QStringList texts;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        if (l->buddy() == widget)
            texts << l->text();
    }
    QCOMPARE(texts, QStringList{label});
}

void tst_StorageSettingsDialog::insecureWarning()
{
    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *warning = child<QLabel>(dialog, u"insecureWarning"_s);
    auto *insecure = child<QCheckBox>(dialog, u"insecureCheck"_s);
    auto *list = child<QListWidget>(dialog, u"registryList"_s);
    QVERIFY(warning && insecure && list);
    QVERIFY(!insecure->isEnabled()); // nothing selected yet

    QTest::mouseClick(child<QPushButton>(dialog, u"addRegistryButton"_s), Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    setText(child<QLineEdit>(dialog, u"addressEdit"_s), u"127.0.0.1:5000"_s);
    QVERIFY(!warning->isVisible());
    QTest::mouseClick(insecure, Qt::LeftButton);
    QVERIFY(insecure->isChecked());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"127.0.0.1:5000"_s));
    QVERIFY(warning->text().contains(u"insecure"_s));
    QVERIFY(list->item(0)->text().contains(u"insecure"_s));
    QTest::mouseClick(insecure, Qt::LeftButton);
    QVERIFY(!warning->isVisible());
    QCOMPARE(list->item(0)->text(), u"127.0.0.1:5000"_s);
}

void tst_StorageSettingsDialog::invalidEntriesKeepTheDialogOpen()
{
    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *add = child<QPushButton>(dialog, u"addRegistryButton"_s);

    QTest::mouseClick(add, Qt::LeftButton); // no address
    clickOk(dialog);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.statusText().contains(u"no address"_s));

    setText(child<QLineEdit>(dialog, u"addressEdit"_s), u"a.example"_s);
    setText(child<QLineEdit>(dialog, u"caFileEdit"_s), m_dir->filePath(u"missing.pem"_s));
    clickOk(dialog);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.statusText().contains(u"missing.pem"_s));

    child<QLineEdit>(dialog, u"caFileEdit"_s)->clear();
    QTest::mouseClick(add, Qt::LeftButton);
    setText(child<QLineEdit>(dialog, u"addressEdit"_s), u"https://A.example/"_s);
    clickOk(dialog);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.statusText().contains(u"twice"_s));
    QVERIFY(m_settings->registries().isEmpty()); // nothing written before it is all valid
}

void tst_StorageSettingsDialog::testConnection()
{
    // The default tester against a loopback port where nothing listens.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString address = u"127.0.0.1:%1"_s.arg(probe.serverPort());
    probe.close();

    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy tested(&dialog, &Ui::StorageSettingsDialog::connectionTested);
    QTest::mouseClick(child<QPushButton>(dialog, u"addRegistryButton"_s), Qt::LeftButton);
    setText(child<QLineEdit>(dialog, u"addressEdit"_s), address);
    QTest::mouseClick(child<QCheckBox>(dialog, u"insecureCheck"_s), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(dialog, u"testConnectionButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    const auto result = tested.at(0).at(0).value<ConnectionTestResult>();
    QCOMPARE(result.outcome, ConnectionTestResult::Outcome::Refused);
    auto *label = child<QLabel>(dialog, u"testResult"_s);
    QCOMPARE(label->text(), result.message);
    QVERIFY(label->text().contains(address));
}

void tst_StorageSettingsDialog::testConnectionReadsTheDefaultRepository()
{
    // A loopback registry whose repository is the default storage: the test reads its tags.
    Stagecraft::Testing::LoopbackHttpServer server([](const Stagecraft::Testing::HttpRequest &r) {
        if (r.path() == "/v2/proj/stages/tags/list")
            return Stagecraft::Testing::HttpResponse::json(
                    "{\"name\":\"proj/stages\",\"tags\":[\"a-1\",\"b-2\",\"c-3\"]}");
        return Stagecraft::Testing::HttpResponse::json("{}");
    });
    QVERIFY(server.start());
    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *storage = child<QComboBox>(dialog, u"defaultStorageCombo"_s);
    storage->setEditText(server.hostPort() + u"/proj/stages"_s);
    QSignalSpy tested(&dialog, &Ui::StorageSettingsDialog::connectionTested);
    QTest::mouseClick(child<QPushButton>(dialog, u"addRegistryButton"_s), Qt::LeftButton);
    setText(child<QLineEdit>(dialog, u"addressEdit"_s), server.hostPort());
    QTest::mouseClick(child<QCheckBox>(dialog, u"insecureCheck"_s), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(dialog, u"testConnectionButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    const auto result = tested.at(0).at(0).value<ConnectionTestResult>();
    QVERIFY2(result.success(), qPrintable(result.message));
    QVERIFY(result.repositoryChecked);
    QCOMPARE(result.tagCount, 3);
    QCOMPARE(result.transport, ConnectionTestResult::Transport::PlainHttp);
    QVERIFY(child<QLabel>(dialog, u"testResult"_s)->text().contains(u"3 tag(s)"_s));
    dialog.reject();
}

void tst_StorageSettingsDialog::menuAction()
{
    QSettings qs(m_dir->filePath(u"window.ini"_s), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    auto *action = window.findChild<QAction *>(u"storageSettingsAction"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QPointer<Ui::StorageSettingsDialog> opened;
    window.setStorageSettingsHandler([&] {
        opened = new Ui::StorageSettingsDialog(*m_settings, *m_store, &window);
        opened->setAttribute(Qt::WA_DeleteOnClose);
        opened->open();
    });
    QVERIFY(action->isEnabled());
    QVERIFY(!action->text().isEmpty());
    action->trigger();
    QVERIFY(opened);
    QVERIFY(opened->isVisible());
    opened->reject();
}

void tst_StorageSettingsDialog::okStoresSettingsAndKeychain()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    const QString secret = uniqueSecret();
    const QString caFile = m_dir->filePath(u"ca.pem"_s);
    {
        QFile ca(caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n");
    }
    const QString storageRoot = m_dir->filePath(u"storage"_s);
    {
        Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(child<QPushButton>(dialog, u"addRegistryButton"_s), Qt::LeftButton);
        setText(child<QLineEdit>(dialog, u"addressEdit"_s), u"127.0.0.1:5000"_s);
        setText(child<QLineEdit>(dialog, u"usernameEdit"_s), u"alice"_s);
        auto *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        setText(password, secret);
        setText(child<QLineEdit>(dialog, u"caFileEdit"_s), caFile);
        QTest::mouseClick(child<QCheckBox>(dialog, u"insecureCheck"_s), Qt::LeftButton);
        auto *storage = child<QComboBox>(dialog, u"defaultStorageCombo"_s);
        storage->setCurrentText(u"127.0.0.1:5000/project/stages"_s);
        setText(child<QLineEdit>(dialog, u"storageRootEdit"_s), storageRoot);
        child<QComboBox>(dialog, u"storageDriverCombo"_s)->setCurrentText(u"vfs"_s);
        clickOk(dialog);
        QVERIFY2(accepted.wait(30000), qPrintable(dialog.statusText()));
        QVERIFY(password->text().isEmpty());
    }

    // The settings have everything but the password.
    const QList<RegistryEntry> entries = m_settings->registries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst(), (RegistryEntry{u"127.0.0.1:5000"_s, u"alice"_s, true, caFile}));
    QCOMPARE(m_settings->defaultStorage(), u"127.0.0.1:5000/project/stages"_s);
    QVERIFY(m_settings->storages().contains(u"127.0.0.1:5000/project/stages"_s));
    QCOMPARE(m_settings->containersStorage().root, storageRoot);
    QCOMPARE(m_settings->containersStorage().driver, u"vfs"_s);
    QVERIFY(!m_settings->hostOptions(u"127.0.0.1:5000"_s).warning.isEmpty());
    const QByteArray ini = iniBytes();
    QVERIFY(ini.contains("alice"));
    QVERIFY(!ini.contains(secret.toUtf8()));
    QVERIFY(!ini.contains(secret.toUtf8().toBase64()));

    // The keychain has the password.
    const CredentialResult stored = wait(m_store->read(u"127.0.0.1:5000"_s));
    QVERIFY2(stored.ok(), qPrintable(stored.errorString));
    QCOMPARE(stored.credentials->username, u"alice"_s);
    QCOMPARE(stored.credentials->secret, secret);

    // Opened again, the dialog says a password is stored but never shows it.
    Ui::StorageSettingsDialog again(*m_settings, *m_store);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    auto *password = child<QLineEdit>(again, u"passwordEdit"_s);
    QCOMPARE(child<QLineEdit>(again, u"usernameEdit"_s)->text(), u"alice"_s);
    QVERIFY(password->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(password->placeholderText().contains(u"stored in the keychain"_s),
                             20000);
    QVERIFY(child<QLabel>(again, u"insecureWarning"_s)->isVisible());
    QVERIFY(wait(m_store->remove(u"127.0.0.1:5000"_s)).ok());
}

void tst_StorageSettingsDialog::removeDeletesPassword()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    m_settings->setRegistries({{u"gone.example"_s, u"bob"_s, false, QString()},
                               {u"kept.example"_s, u"carol"_s, false, QString()}});
    QVERIFY(wait(m_store->write(u"gone.example"_s, {u"bob"_s, u"pw1"_s, false})).ok());
    QVERIFY(wait(m_store->write(u"kept.example"_s, {u"carol"_s, u"pw2"_s, false})).ok());

    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *list = child<QListWidget>(dialog, u"registryList"_s);
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(0);
    QCOMPARE(list->currentItem()->text(), u"gone.example"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"removeRegistryButton"_s), Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    clickOk(dialog);
    QVERIFY2(accepted.wait(30000), qPrintable(dialog.statusText()));

    QCOMPARE(m_settings->registries().size(), 1);
    QCOMPARE(m_settings->registries().constFirst().address, u"kept.example"_s);
    QCOMPARE(wait(m_store->read(u"gone.example"_s)).status, CredentialResult::Status::NotFound);
    const CredentialResult kept = wait(m_store->read(u"kept.example"_s));
    QVERIFY(kept.ok());
    QCOMPARE(kept.credentials->secret, u"pw2"_s);
    QVERIFY(wait(m_store->remove(u"kept.example"_s)).ok());
}

void tst_StorageSettingsDialog::importFromDockerConfig()
{
    if (!inKeyringSession())
        QSKIP("needs the private keyring session of tests/keyring_session.sh");
    // "dave:docker-pw" and "erin:other" in base64; the user chooses only the first host.
    const DockerClientConfig config = DockerClientConfig::fromJson(R"({"auths": {
        "127.0.0.1:5001": {"auth": "ZGF2ZTpkb2NrZXItcHc="},
        "other.example": {"auth": "ZXJpbjpvdGhlcg=="}
    }})",
                                                                   u"config.json"_s);
    QCOMPARE(config.hosts().size(), 2);

    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.importDockerHosts(config, {u"127.0.0.1:5001"_s});
    auto *list = child<QListWidget>(dialog, u"registryList"_s);
    QCOMPARE(list->count(), 1);
    QCOMPARE(child<QLineEdit>(dialog, u"usernameEdit"_s)->text(), u"dave"_s);
    // The imported secret is not put into the field.
    QVERIFY(child<QLineEdit>(dialog, u"passwordEdit"_s)->text().isEmpty()
            || child<QLineEdit>(dialog, u"passwordEdit"_s)->echoMode() == QLineEdit::Password);
    clickOk(dialog);
    QVERIFY2(accepted.wait(30000), qPrintable(dialog.statusText()));

    QCOMPARE(m_settings->registry(u"127.0.0.1:5001"_s)->username, u"dave"_s);
    QVERIFY(!m_settings->registry(u"other.example"_s));
    QVERIFY(!iniBytes().contains("docker-pw"));
    const CredentialResult imported = wait(m_store->read(u"127.0.0.1:5001"_s));
    QVERIFY(imported.ok());
    QCOMPARE(imported.credentials->secret, u"docker-pw"_s);
    QCOMPARE(wait(m_store->read(u"other.example"_s)).status, CredentialResult::Status::NotFound);
    QVERIFY(wait(m_store->remove(u"127.0.0.1:5001"_s)).ok());
}

void tst_StorageSettingsDialog::keychainFailureKeepsDialogOpen()
{
    if (!qEnvironmentVariableIsSet("STAGECRAFT_TEST_NO_SECRET_SERVICE"))
        QSKIP("runs in keyring_session.sh --no-secret-service");
    const QString secret = uniqueSecret();
    Ui::StorageSettingsDialog dialog(*m_settings, *m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(child<QPushButton>(dialog, u"addRegistryButton"_s), Qt::LeftButton);
    setText(child<QLineEdit>(dialog, u"addressEdit"_s), u"nokeyring.example"_s);
    setText(child<QLineEdit>(dialog, u"usernameEdit"_s), u"frank"_s);
    setText(child<QLineEdit>(dialog, u"passwordEdit"_s), secret);
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(u"keychain failed"_s), 30000);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.statusText().contains(u"no keychain is available"_s));
    QVERIFY(!dialog.statusText().contains(secret));
    // The user name is saved; the password is nowhere but in the dialog's memory.
    QCOMPARE(m_settings->registry(u"nokeyring.example"_s)->username, u"frank"_s);
    QVERIFY(!iniBytes().contains(secret.toUtf8()));
}

QTEST_MAIN(tst_StorageSettingsDialog)
#include "tst_storagesettingsdialog.moc"

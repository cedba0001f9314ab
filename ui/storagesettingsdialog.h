// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/connectiontest.h"
#include "storage/registrysettings.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Stagecraft::Model {
class CredentialStore;
class DockerClientConfig;
} // namespace Stagecraft::Model

namespace Stagecraft::Ui {

/**
 * Settings → Storages and registries: the registries (address, user name, password, CA file,
 * insecure flag with its warning, "Test connection"), the default stages storage and the local
 * containers-storage. OK writes the settings, then the new passwords to the keychain (and deletes
 * the passwords of removed registries); the dialog closes once the keychain has answered, or
 * stays open and says what failed. Passwords are never read back into the password field.
 */
class StorageSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageSettingsDialog)

public:
    StorageSettingsDialog(Model::RegistrySettings &settings,
                          Model::CredentialStore &store,
                          QWidget *parent = nullptr);
    ~StorageSettingsDialog() override;

    /** What "Test connection" runs (default: Model::defaultConnectionTester()). */
    void setConnectionTester(Model::ConnectionTester tester);
    /** The docker configuration "Import…" reads (default: DockerClientConfig::defaultPath()). */
    void setDockerConfigPath(const QString &path);

    /**
     * Adds (or updates) the chosen hosts of a docker configuration in the list, with their user
     * names; their secrets go to the keychain on OK. The entry point of the import chooser.
     */
    void importDockerHosts(const Model::DockerClientConfig &config, const QStringList &hosts);

    /** The line under the buttons: what OK or the keychain last reported. */
    QString statusText() const;

public slots:
    void accept() override;

signals:
    /** A connection test ended (for the tests; the dialog shows it itself). */
    void connectionTested(const Model::ConnectionTestResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    /** The working copy of one registry; OK turns the list into settings and keychain jobs. */
    struct Row
    {
        Model::RegistryEntry entry;
        QString storedAddress; ///< the host its stored password belongs to (empty: new row)
        QString newSecret;     ///< typed or imported, written on OK
        bool identityToken = false;
        bool hasStoredSecret = false;
        bool forgetSecret = false;
    };

    void createWidgets();
    void retranslate();
    void loadFromSettings();
    void refreshList();
    void showRow(int row);
    void updateRowFromForm();
    void updateWarning();
    void updateStoredSecretHint();
    void addRegistry();
    void removeRegistry();
    void chooseCaFile();
    void chooseStorageRoot();
    void openImportChooser();
    void testConnection();
    void runConnectionTest(const Model::ConnectionTestRequest &request);
    void showStatus(const QString &text, bool error);
    void setBusy(bool busy);
    void finishAccept(const QStringList &errors);

    Model::RegistrySettings &m_settings;
    Model::CredentialStore &m_store;
    Model::ConnectionTester m_tester;
    QString m_dockerConfigPath;
    QList<Row> m_rows;
    QStringList m_removedAddresses; ///< hosts whose stored passwords OK deletes
    int m_current = -1;
    bool m_updating = false;
    int m_generation = 0; ///< drops answers that belong to an earlier selection

    QGroupBox *m_registriesBox = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_forgetPassword = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caFileButton = nullptr;
    QCheckBox *m_insecure = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;

    QGroupBox *m_storageBox = nullptr;
    QLabel *m_defaultStorageLabel = nullptr;
    QComboBox *m_defaultStorage = nullptr;
    QLabel *m_storageRootLabel = nullptr;
    QLineEdit *m_storageRoot = nullptr;
    QPushButton *m_storageRootButton = nullptr;
    QLabel *m_storageDriverLabel = nullptr;
    QComboBox *m_storageDriver = nullptr;

    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Stagecraft::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagesettingsdialog.h"

#include "storage/credentialstore.h"
#include "storage/dockerclientconfig.h"
#include "storage/storagespec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace Stagecraft::Ui {

using namespace Qt::StringLiterals;
using Model::CredentialResult;
using Model::RegistryEntry;
using Model::RegistrySettings;

namespace {

QString warningStyle()
{
    // The warning must stand out like docker's insecure-registries notice, in any palette.
    return u"QLabel { color: #a03000; font-weight: bold; }"_s;
}

/** `widget` with its object name (the tests find the dialog's widgets by it). */
template<typename Widget>
Widget *named(Widget *widget, const QString &objectName)
{
    widget->setObjectName(objectName);
    return widget;
}

/**
 * Adds a form row for `field` (a widget or a layout) under a new label whose buddy is `buddy`;
 * retranslate() gives the label its text.
 */
template<typename Field>
QLabel *addLabelledRow(QFormLayout *form, QWidget *buddy, Field *field)
{
    auto *label = new QLabel(buddy->parentWidget());
    label->setBuddy(buddy);
    form->addRow(label, field);
    return label;
}

} // namespace

StorageSettingsDialog::StorageSettingsDialog(Model::RegistrySettings &settings,
                                             Model::CredentialStore &store,
                                             QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_store(store)
    , m_tester(Model::defaultConnectionTester())
    , m_dockerConfigPath(Model::DockerClientConfig::defaultPath())
{
    setObjectName(u"storageSettingsDialog"_s);
    createWidgets();
    retranslate();
    loadFromSettings();
}

StorageSettingsDialog::~StorageSettingsDialog()
{
    // Typed secrets live no longer than the dialog.
    for (Row &row : m_rows)
        row.newSecret.fill(u'\0');
}

void StorageSettingsDialog::setConnectionTester(Model::ConnectionTester tester)
{
    m_tester = std::move(tester);
}

void StorageSettingsDialog::setDockerConfigPath(const QString &path)
{
    m_dockerConfigPath = path;
}

QString StorageSettingsDialog::statusText() const
{
    return m_status->text();
}

void StorageSettingsDialog::createWidgets()
{
    m_registriesBox = new QGroupBox(this);
    m_list = named(new QListWidget(m_registriesBox), u"registryList"_s);
    m_addButton = named(new QPushButton(m_registriesBox), u"addRegistryButton"_s);
    m_removeButton = named(new QPushButton(m_registriesBox), u"removeRegistryButton"_s);
    m_importButton = named(new QPushButton(m_registriesBox), u"importButton"_s);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list);
    listColumn->addLayout(listButtons);
    listColumn->addWidget(m_importButton);

    m_address = named(new QLineEdit(m_registriesBox), u"addressEdit"_s);
    m_username = named(new QLineEdit(m_registriesBox), u"usernameEdit"_s);
    m_password = named(new QLineEdit(m_registriesBox), u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_forgetPassword = named(new QCheckBox(m_registriesBox), u"forgetPasswordCheck"_s);
    m_caFile = named(new QLineEdit(m_registriesBox), u"caFileEdit"_s);
    m_caFileButton = named(new QPushButton(m_registriesBox), u"caFileButton"_s);
    m_insecure = named(new QCheckBox(m_registriesBox), u"insecureCheck"_s);
    m_insecureWarning = named(new QLabel(m_registriesBox), u"insecureWarning"_s);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(warningStyle());
    m_insecureWarning->setVisible(false);
    m_testButton = named(new QPushButton(m_registriesBox), u"testConnectionButton"_s);
    m_testResult = named(new QLabel(m_registriesBox), u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(m_caFileButton);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto *form = new QFormLayout;
    m_addressLabel = addLabelledRow(form, m_address, m_address);
    m_usernameLabel = addLabelledRow(form, m_username, m_username);
    m_passwordLabel = addLabelledRow(form, m_password, m_password);
    form->addRow(QString(), m_forgetPassword);
    m_caFileLabel = addLabelledRow(form, m_caFile, caRow);
    form->addRow(QString(), m_insecure);
    form->addRow(m_insecureWarning);
    form->addRow(testRow);

    auto *registriesLayout = new QHBoxLayout(m_registriesBox);
    registriesLayout->addLayout(listColumn, 1);
    registriesLayout->addLayout(form, 2);

    m_storageBox = new QGroupBox(this);
    m_defaultStorage = named(new QComboBox(m_storageBox), u"defaultStorageCombo"_s);
    m_defaultStorage->setEditable(true);
    m_storageRoot = named(new QLineEdit(m_storageBox), u"storageRootEdit"_s);
    m_storageRootButton = named(new QPushButton(m_storageBox), u"storageRootButton"_s);
    m_storageDriver = named(new QComboBox(m_storageBox), u"storageDriverCombo"_s);
    m_storageDriver->setEditable(true);
    m_storageDriver->addItems({QString(), u"overlay"_s, u"vfs"_s});
    auto *rootRow = new QHBoxLayout;
    rootRow->addWidget(m_storageRoot);
    rootRow->addWidget(m_storageRootButton);
    auto *storageForm = new QFormLayout(m_storageBox);
    m_defaultStorageLabel = addLabelledRow(storageForm, m_defaultStorage, m_defaultStorage);
    m_storageRootLabel = addLabelledRow(storageForm, m_storageRoot, rootRow);
    m_storageDriverLabel = addLabelledRow(storageForm, m_storageDriver, m_storageDriver);

    m_status = named(new QLabel(this), u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_buttons = named(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this),
                      u"buttonBox"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_registriesBox, 1);
    layout->addWidget(m_storageBox);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &StorageSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StorageSettingsDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &StorageSettingsDialog::showRow);
    connect(m_addButton, &QPushButton::clicked, this, &StorageSettingsDialog::addRegistry);
    connect(m_removeButton, &QPushButton::clicked, this, &StorageSettingsDialog::removeRegistry);
    connect(m_importButton, &QPushButton::clicked, this, &StorageSettingsDialog::openImportChooser);
    connect(m_caFileButton, &QPushButton::clicked, this, &StorageSettingsDialog::chooseCaFile);
    connect(m_storageRootButton,
            &QPushButton::clicked,
            this,
            &StorageSettingsDialog::chooseStorageRoot);
    connect(m_testButton, &QPushButton::clicked, this, &StorageSettingsDialog::testConnection);
    for (QLineEdit *edit : {m_address, m_username, m_password, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &StorageSettingsDialog::updateRowFromForm);
    connect(m_insecure, &QCheckBox::toggled, this, &StorageSettingsDialog::updateRowFromForm);
    connect(m_forgetPassword, &QCheckBox::toggled, this, &StorageSettingsDialog::updateRowFromForm);
}

void StorageSettingsDialog::retranslate()
{
    setWindowTitle(tr("Storages and Registries"));
    m_registriesBox->setTitle(tr("Registries"));
    m_addButton->setText(tr("&Add"));
    m_removeButton->setText(tr("&Remove"));
    m_importButton->setText(tr("&Import from ~/.docker/config.json…"));
    m_addressLabel->setText(tr("A&ddress:"));
    m_address->setPlaceholderText(tr("registry.example.com or 127.0.0.1:5000"));
    m_usernameLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_forgetPassword->setText(tr("Delete the stored password from the keychain"));
    m_caFileLabel->setText(tr("&CA certificate:"));
    m_caFile->setPlaceholderText(tr("system certificates only"));
    m_caFileButton->setText(tr("&Browse…"));
    m_insecure->setText(tr("I&nsecure: plain HTTP or HTTPS without certificate verification"));
    m_testButton->setText(tr("&Test Connection"));
    m_storageBox->setTitle(tr("Stages storage"));
    m_defaultStorageLabel->setText(tr("D&efault storage:"));
    m_defaultStorage->setToolTip(
            tr("\"local\" (containers-storage, shared with buildah), \"docker\" (the local Docker "
               "daemon) or a registry repository such as 127.0.0.1:5000/project/stages"));
    m_storageRootLabel->setText(tr("containers-storage &root:"));
    m_storageRoot->setPlaceholderText(tr("buildah's default"));
    m_storageRootButton->setText(tr("Bro&wse…"));
    m_storageDriverLabel->setText(tr("Storage dri&ver:"));
    m_storageDriver->setItemText(0, tr("default"));
    updateWarning();
    updateStoredSecretHint();
}

void StorageSettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void StorageSettingsDialog::loadFromSettings()
{
    m_rows.clear();
    const QList<RegistryEntry> entries = m_settings.registries();
    for (const RegistryEntry &entry : entries) {
        Row row;
        row.entry = entry;
        row.storedAddress = entry.address;
        m_rows << row;
    }

    QStringList storages{RegistrySettings::localStorage(), RegistrySettings::dockerStorage()};
    const QStringList configured = m_settings.storages();
    for (const QString &spec : configured) {
        if (!storages.contains(spec))
            storages << spec;
    }
    const QString defaultStorage = m_settings.defaultStorage();
    if (!storages.contains(defaultStorage))
        storages << defaultStorage;
    m_defaultStorage->clear();
    m_defaultStorage->addItems(storages);
    m_defaultStorage->setCurrentText(defaultStorage);

    const Model::ContainersStorageOptions options = m_settings.containersStorage();
    m_storageRoot->setText(options.root);
    const int driver = m_storageDriver->findText(options.driver);
    if (options.driver.isEmpty())
        m_storageDriver->setCurrentIndex(0);
    else if (driver >= 0)
        m_storageDriver->setCurrentIndex(driver);
    else
        m_storageDriver->setCurrentText(options.driver);

    refreshList();
    m_list->setCurrentRow(m_rows.isEmpty() ? -1 : 0);
    showRow(m_list->currentRow());
}

void StorageSettingsDialog::refreshList()
{
    const bool updating = m_updating;
    m_updating = true;
    const int current = m_current;
    while (m_list->count() > m_rows.size())
        delete m_list->takeItem(m_list->count() - 1);
    while (m_list->count() < m_rows.size())
        m_list->addItem(QString());
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        QString label = row.entry.address.isEmpty() ? tr("(new registry)") : row.entry.address;
        if (row.entry.insecure)
            label = tr("%1 (insecure)").arg(label);
        m_list->item(i)->setText(label);
    }
    if (current >= 0 && current < m_rows.size())
        m_list->setCurrentRow(current);
    m_updating = updating;
}

void StorageSettingsDialog::showRow(int index)
{
    if (m_updating)
        return;
    m_current = index;
    ++m_generation;
    const bool valid = index >= 0 && index < m_rows.size();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_address,
                                                            m_username,
                                                            m_password,
                                                            m_forgetPassword,
                                                            m_caFile,
                                                            m_caFileButton,
                                                            m_insecure,
                                                            m_testButton,
                                                            m_removeButton})
        widget->setEnabled(valid);
    m_updating = true;
    const Row row = valid ? m_rows.at(index) : Row();
    m_address->setText(row.entry.address);
    m_username->setText(row.entry.username);
    // Only what the user typed in this dialog, never what the keychain holds.
    m_password->setText(row.identityToken ? QString() : row.newSecret);
    m_caFile->setText(row.entry.caFile);
    m_insecure->setChecked(row.entry.insecure);
    m_forgetPassword->setChecked(row.forgetSecret);
    m_testResult->clear();
    m_updating = false;
    updateWarning();
    updateStoredSecretHint();

    // Whether a password is stored, for the hint; the secret itself is dropped at once.
    if (valid && !row.storedAddress.isEmpty()) {
        const int generation = m_generation;
        const QString stored = row.storedAddress;
        m_store.read(stored).then(this, [this, generation, stored](const CredentialResult &r) {
            for (Row &candidate : m_rows) {
                if (candidate.storedAddress == stored)
                    candidate.hasStoredSecret = r.ok();
            }
            if (generation == m_generation)
                updateStoredSecretHint();
        });
    }
}

void StorageSettingsDialog::updateRowFromForm()
{
    if (m_updating || m_current < 0 || m_current >= m_rows.size())
        return;
    Row &row = m_rows[m_current];
    row.entry.address = m_address->text().trimmed();
    row.entry.username = m_username->text().trimmed();
    row.entry.caFile = m_caFile->text().trimmed();
    row.entry.insecure = m_insecure->isChecked();
    row.forgetSecret = m_forgetPassword->isChecked();
    if (!row.identityToken || !m_password->text().isEmpty()) {
        row.newSecret = m_password->text();
        row.identityToken = false;
    }
    refreshList();
    updateWarning();
    updateStoredSecretHint();
}

void StorageSettingsDialog::updateWarning()
{
    // Not isEnabled(): the warning stays while OK disables the form to save.
    const bool insecure = m_current >= 0 && m_current < m_rows.size() && m_insecure->isChecked();
    const QString host = Model::DockerClientConfig::normalizeHost(m_address->text());
    m_insecureWarning->setText(
            u"⚠ "_s
            + RegistrySettings::insecureWarning(host.isEmpty() ? tr("This registry") : host));
    m_insecureWarning->setVisible(insecure);
}

void StorageSettingsDialog::updateStoredSecretHint()
{
    if (m_current < 0 || m_current >= m_rows.size()) {
        m_password->setPlaceholderText(QString());
        return;
    }
    const Row &row = m_rows.at(m_current);
    if (row.identityToken && !row.newSecret.isEmpty())
        m_password->setPlaceholderText(tr("identity token imported; stored in the keychain on OK"));
    else if (row.hasStoredSecret
             && row.storedAddress == Model::DockerClientConfig::normalizeHost(row.entry.address))
        m_password->setPlaceholderText(tr("stored in the keychain; type to replace it"));
    else
        m_password->setPlaceholderText(tr("no password stored"));
    m_forgetPassword->setEnabled(row.hasStoredSecret && m_address->isEnabled());
}

void StorageSettingsDialog::addRegistry()
{
    m_rows << Row();
    refreshList();
    m_list->setCurrentRow(int(m_rows.size()) - 1);
    m_address->setFocus(Qt::OtherFocusReason);
}

void StorageSettingsDialog::removeRegistry()
{
    if (m_current < 0 || m_current >= m_rows.size())
        return;
    const Row row = m_rows.takeAt(m_current);
    if (!row.storedAddress.isEmpty())
        m_removedAddresses << row.storedAddress;
    const int next = std::min<int>(m_current, int(m_rows.size()) - 1);
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(next);
    showRow(next);
}

void StorageSettingsDialog::chooseCaFile()
{
    const QString file
            = QFileDialog::getOpenFileName(this,
                                           tr("CA Certificate"),
                                           m_caFile->text().isEmpty()
                                                   ? QDir::homePath()
                                                   : QFileInfo(m_caFile->text()).path(),
                                           tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void StorageSettingsDialog::chooseStorageRoot()
{
    const QString dir = QFileDialog::getExistingDirectory(this,
                                                          tr("containers-storage Root"),
                                                          m_storageRoot->text());
    if (!dir.isEmpty())
        m_storageRoot->setText(dir);
}

void StorageSettingsDialog::openImportChooser()
{
    auto config = std::make_shared<Model::DockerClientConfig>(
            Model::DockerClientConfig::load(m_dockerConfigPath));
    auto *chooser = new QDialog(this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setObjectName(u"importChooser"_s);
    chooser->setWindowTitle(tr("Import from the Docker Configuration"));
    auto *layout = new QVBoxLayout(chooser);
    auto *intro = new QLabel(chooser);
    intro->setWordWrap(true);
    const QStringList hosts = config->hosts();
    QStringList notes;
    for (const Model::Diagnostic &diagnostic : config->diagnostics())
        notes << diagnostic.toString();
    if (hosts.isEmpty() && config->helperHosts().isEmpty())
        notes.prepend(tr("%1 holds no registry credentials.").arg(m_dockerConfigPath));
    intro->setText(tr("Choose the registries whose credentials are copied from %1 into the "
                      "keychain:")
                           .arg(m_dockerConfigPath));
    layout->addWidget(intro);
    auto *list = new QListWidget(chooser);
    for (const QString &host : hosts) {
        auto *item = new QListWidgetItem(host, list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setData(Qt::UserRole, host);
    }
    const QStringList helperHosts = config->helperHosts();
    for (const QString &host : helperHosts) {
        auto *item = new QListWidgetItem(tr("%1 (kept in a docker credential helper; cannot be "
                                            "imported)")
                                                 .arg(host),
                                         list);
        item->setFlags(Qt::NoItemFlags);
    }
    layout->addWidget(list);
    if (!notes.isEmpty()) {
        auto *problems = new QLabel(notes.join(u'\n'), chooser);
        problems->setWordWrap(true);
        layout->addWidget(problems);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, chooser);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!hosts.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, chooser, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, chooser, &QDialog::reject);
    connect(chooser, &QDialog::accepted, this, [this, list, config] {
        QStringList chosen;
        for (int i = 0; i < list->count(); ++i) {
            const QListWidgetItem *item = list->item(i);
            if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
                chosen << item->data(Qt::UserRole).toString();
        }
        importDockerHosts(*config, chosen);
    });
    chooser->open();
}

void StorageSettingsDialog::importDockerHosts(const Model::DockerClientConfig &config,
                                              const QStringList &hosts)
{
    int imported = 0;
    for (const QString &address : hosts) {
        const QString host = Model::DockerClientConfig::normalizeHost(address);
        const auto credentials = config.credentials(host);
        if (!credentials)
            continue;
        auto it = std::find_if(m_rows.begin(), m_rows.end(), [&host](const Row &row) {
            return Model::DockerClientConfig::normalizeHost(row.entry.address) == host;
        });
        if (it == m_rows.end()) {
            m_rows << Row();
            it = m_rows.end() - 1;
            it->entry.address = host;
        }
        it->entry.username = credentials->username;
        it->newSecret = credentials->secret;
        it->identityToken = credentials->identityToken;
        it->forgetSecret = false;
        ++imported;
    }
    refreshList();
    showRow(m_list->currentRow() >= 0 ? m_list->currentRow() : (m_rows.isEmpty() ? -1 : 0));
    if (m_list->currentRow() < 0 && !m_rows.isEmpty())
        m_list->setCurrentRow(0);
    showStatus(tr("Imported %n registry credential(s); OK stores them in the keychain.",
                  nullptr,
                  imported),
               false);
}

void StorageSettingsDialog::testConnection()
{
    if (m_current < 0 || m_current >= m_rows.size() || !m_tester)
        return;
    const Row &row = m_rows.at(m_current);
    Model::ConnectionTestRequest request;
    request.address = row.entry.address;
    request.options = m_settings.hostOptions(row.entry.address);
    request.options.insecure = row.entry.insecure;
    request.options.caFile = row.entry.caFile;
    request.options.warning = row.entry.insecure ? RegistrySettings::insecureWarning(
                                      Model::DockerClientConfig::normalizeHost(row.entry.address))
                                                 : QString();
    // The default storage's repository, when it lies on this host: its tag list is read too.
    const std::optional<Model::StorageSpec> storage
            = Model::StorageSpec::parse(m_defaultStorage->currentText(), nullptr);
    if (storage && storage->kind == Model::StorageSpec::Kind::Registry
        && Model::DockerClientConfig::normalizeHost(storage->repository.host)
                   == Model::DockerClientConfig::normalizeHost(row.entry.address))
        request.repository = storage->repository.repository;
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing %1…").arg(row.entry.address));
    if (!row.newSecret.isEmpty()) {
        request.credentials = Model::RegistryCredentials{row.entry.username,
                                                         row.newSecret,
                                                         row.identityToken};
        runConnectionTest(request);
    } else if (!row.storedAddress.isEmpty() && !row.forgetSecret
               && row.storedAddress == Model::DockerClientConfig::normalizeHost(row.entry.address)) {
        m_store.read(row.storedAddress)
                .then(this, [this, request](const CredentialResult &r) mutable {
                    if (r.ok())
                        request.credentials = r.credentials;
                    runConnectionTest(request);
                });
    } else {
        runConnectionTest(request);
    }
}

void StorageSettingsDialog::runConnectionTest(const Model::ConnectionTestRequest &request)
{
    const int generation = m_generation;
    QPointer<StorageSettingsDialog> self(this);
    m_tester(request, this, [self, generation](const Model::ConnectionTestResult &result) {
        if (!self)
            return;
        self->m_testButton->setEnabled(self->m_current >= 0);
        if (generation == self->m_generation) {
            self->m_testResult->setStyleSheet(result.success() ? u"QLabel { color: #1a7f37; }"_s
                                                               : u"QLabel { color: #b00020; }"_s);
            self->m_testResult->setText(result.message);
        }
        emit self->connectionTested(result);
    });
}

void StorageSettingsDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? u"QLabel { color: #b00020; }"_s : QString());
    m_status->setText(text);
}

void StorageSettingsDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    m_registriesBox->setEnabled(!busy);
    m_storageBox->setEnabled(!busy);
}

void StorageSettingsDialog::accept()
{
    updateRowFromForm();

    // Check everything before writing anything.
    QStringList seen;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const QString host = Model::DockerClientConfig::normalizeHost(row.entry.address);
        QString problem;
        if (host.isEmpty())
            problem = tr("A registry has no address.");
        else if (seen.contains(host))
            problem = tr("%1 is listed twice.").arg(host);
        else if (!row.entry.caFile.isEmpty() && !QFileInfo(row.entry.caFile).isReadable())
            problem = tr("The CA certificate file %1 of %2 cannot be read.")
                              .arg(row.entry.caFile, host);
        if (!problem.isEmpty()) {
            m_list->setCurrentRow(i);
            showStatus(problem, true);
            return;
        }
        seen << host;
    }

    QList<RegistryEntry> entries;
    for (const Row &row : std::as_const(m_rows))
        entries << row.entry;
    m_settings.setRegistries(entries);
    const QString storage = m_defaultStorage->currentText().trimmed();
    m_settings.setDefaultStorage(storage);
    if (!storage.isEmpty() && storage != RegistrySettings::localStorage()
        && storage != RegistrySettings::dockerStorage()) {
        QStringList storages = m_settings.storages();
        if (!storages.contains(storage))
            m_settings.setStorages(storages << storage);
    }
    Model::ContainersStorageOptions options = m_settings.containersStorage();
    options.root = m_storageRoot->text().trimmed();
    options.driver = m_storageDriver->currentIndex() == 0
                                     && m_storageDriver->currentText()
                                                == m_storageDriver->itemText(0)
                             ? QString()
                             : m_storageDriver->currentText().trimmed();
    m_settings.setContainersStorage(options);

    // Then the keychain: new passwords in, passwords of removed or renamed registries out.
    struct Pending
    {
        QStringList errors;
        int open = 0;
    };
    auto pending = std::make_shared<Pending>();
    const auto track = [this,
                        pending](QFuture<CredentialResult> future, QString address, bool written) {
        ++pending->open;
        future.then(this, [this, pending, address, written](const CredentialResult &result) {
            const bool fine = result.ok()
                              || (!written && result.status == CredentialResult::Status::NotFound);
            if (!fine)
                pending->errors << result.errorString;
            for (Row &row : m_rows) {
                if (Model::DockerClientConfig::normalizeHost(row.entry.address) != address)
                    continue;
                if (fine && written) {
                    row.newSecret.clear();
                    row.identityToken = false;
                    row.hasStoredSecret = true;
                    row.storedAddress = address;
                } else if (fine) {
                    row.hasStoredSecret = false;
                    row.forgetSecret = false;
                }
            }
            if (--pending->open == 0)
                finishAccept(pending->errors);
        });
    };

    QStringList removals = m_removedAddresses;
    QList<std::pair<QString, Model::RegistryCredentials>> writes;
    for (const Row &row : std::as_const(m_rows)) {
        const QString host = Model::DockerClientConfig::normalizeHost(row.entry.address);
        if (!row.storedAddress.isEmpty() && row.storedAddress != host)
            removals << row.storedAddress;
        if (!row.newSecret.isEmpty())
            writes.append({host, {row.entry.username, row.newSecret, row.identityToken}});
        else if (row.forgetSecret)
            removals << host;
    }
    // A host that is still (or again) listed keeps the password it is given now.
    for (const auto &write : std::as_const(writes))
        removals.removeAll(write.first);
    removals.removeDuplicates();
    if (removals.isEmpty() && writes.isEmpty()) {
        finishAccept({});
        return;
    }
    setBusy(true);
    showStatus(tr("Saving to the keychain…"), false);
    m_removedAddresses.clear();
    for (const QString &host : std::as_const(removals))
        track(m_store.remove(host), host, false);
    for (const auto &[host, credentials] : std::as_const(writes))
        track(m_store.write(host, credentials), host, true);
    m_updating = true;
    m_password->clear();
    m_updating = false;
}

void StorageSettingsDialog::finishAccept(const QStringList &errors)
{
    setBusy(false);
    if (!errors.isEmpty()) {
        showStatus(tr("The settings were saved, but the keychain failed:\n%1")
                           .arg(errors.join(u'\n')),
                   true);
        showRow(m_current);
        return;
    }
    showStatus(tr("Saved."), false);
    QDialog::accept();
}

} // namespace Stagecraft::Ui

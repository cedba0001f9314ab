// SPDX-License-Identifier: GPL-3.0-or-later
// File → Refresh Storage in the main window with the storage the settings configure, as app/
// wires it: a containers-storage root made here with the real buildah; a default storage that
// cannot be parsed (said in the status bar); Docker Hub's host aliases in the registry entries.

#include "buildahfixture.h"
#include "config/configloader.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "models/stagestatus.h"
#include "projectloader.h"
#include "signature/planner.h"
#include "signature/signatureinputbuilder.h"
#include "signature/stageimage.h"
#include "storage/credentialstore.h"
#include "storage/registrysettings.h"
#include "storage/storagestatusjob.h"
#include "storageconfiguration.h"
#include "storagerefreshaction.h"

#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Stagecraft::Testing;

class tst_StorageRefresh : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QAction *fileMenuAction(Ui::MainWindow &window, const QString &text)
    {
        for (QAction *menuAction : window.menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            if (!menu || menuAction->text().remove(u'&') != u"File")
                continue;
            for (QAction *action : menu->actions()) {
                if (action->text().remove(u'&') == text)
                    return action;
            }
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Neither the user's docker config nor a keychain: nothing here needs credentials.
        qputenv("DOCKER_CONFIG", m_dir.filePath(QStringLiteral("docker")).toUtf8());
        // buildah reads that config too: an empty one.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("docker"))));
        QFile config(m_dir.filePath(QStringLiteral("docker/config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{}\n");
    }

    void refreshUsesTheConfiguredContainersStorage()
    {
        const QString projectDir = m_dir.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(projectDir));
        {
            QFile file(projectDir + QStringLiteral("/werf.yaml"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("project: refreshtest\nconfigVersion: 1\n---\nimage: app\n"
                       "from: localhost/stagecraft-busybox:1.35\n"
                       "shell:\n  beforeInstall: [echo one]\n  install: [echo two]\n");
        }
        const LoadedProject project = loadProject(projectDir);
        QVERIFY(project.ok());
        const Plan plan = planProject(project);
        const ImagePlan *app = plan.image(QStringLiteral("app"), ImageKind::Image);
        QVERIFY(app);

        // The storage root the settings name, with from and beforeInstall stored.
        BuildahStore store(m_dir.filePath(QStringLiteral("root")));
        QString error;
        if (!store.prepare(&error)) {
            if (inCi())
                QFAIL(qPrintable(error));
            QSKIP(qPrintable(error));
        }
        const SignatureInput input = signatureInputFromProject(project);
        StageImage::LabelContext context;
        context.project = QStringLiteral("refreshtest");
        for (const StageId id : {StageId::From, StageId::BeforeInstall}) {
            const StagePlan *stage = app->stage(id);
            QVERIFY2(store.commit(StageImage::localName(QStringLiteral("refreshtest"),
                                                        stage->signature,
                                                        1700000000000),
                                  StageImage::labels(input.images.first(), *stage, context),
                                  &error),
                     qPrintable(error));
        }

        QSettings qsettings(m_dir.filePath(QStringLiteral("refresh.ini")), QSettings::IniFormat);
        Settings settings(qsettings);
        RegistrySettings registrySettings(qsettings);
        registrySettings.setDefaultStorage(RegistrySettings::localStorage());
        registrySettings.setContainersStorage(store.options());
        CredentialStore credentials;
        Ui::MainWindow window(settings);
        window.setProjectLoader(&Ui::loadProjectForWindow);
        Ui::applyConfiguredStorage(window, registrySettings, credentials);
        QCOMPARE(window.storageRefreshAction()->job()->spec().containersStorage.root,
                 store.options().root);
        QVERIFY(window.openPath(projectDir));

        QAction *refresh = fileMenuAction(window, QStringLiteral("Refresh Storage"));
        QVERIFY(refresh);
        QTRY_VERIFY(refresh->isEnabled());
        QSignalSpy ready(window.storageRefreshAction(), &Ui::StorageRefreshAction::statusesReady);
        refresh->trigger();
        QVERIFY(ready.wait(60000));
        const StageStatuses statuses = ready.first().first().value<StageStatuses>();
        const auto statusOf = [&statuses](const QString &stage) {
            for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
                if (it.key().endsWith(u'/' + stage))
                    return it.value();
            }
            return StageStatus::Unknown;
        };
        QCOMPARE(statusOf(QStringLiteral("from")), StageStatus::Cached);
        QCOMPARE(statusOf(QStringLiteral("beforeInstall")), StageStatus::Cached);
        QCOMPARE(statusOf(QStringLiteral("install")), StageStatus::Invalidated);
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("2 stage(s)")),
                     qPrintable(window.statusBar()->currentMessage()));
    }

    void unusableDefaultIsSaid()
    {
        QSettings qsettings(m_dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
        Settings settings(qsettings);
        RegistrySettings registrySettings(qsettings);
        registrySettings.setDefaultStorage(QStringLiteral("no such storage"));
        const Ui::ConfiguredStorage configured = Ui::configuredStorage(registrySettings);
        QCOMPARE(configured.spec.kind, StorageSpec::Kind::Local);
        QVERIFY2(configured.problem.contains(QLatin1String("no such storage")),
                 qPrintable(configured.problem));

        CredentialStore credentials;
        Ui::MainWindow window(settings);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(configured.problem));
        Ui::applyConfiguredStorage(window, registrySettings, credentials);
        QCOMPARE(window.statusBar()->currentMessage(), configured.problem);
        QCOMPARE(window.storageRefreshAction()->job()->spec().kind, StorageSpec::Kind::Local);

        // A usable default says nothing.
        registrySettings.setDefaultStorage(RegistrySettings::dockerStorage());
        QVERIFY(Ui::configuredStorage(registrySettings).problem.isEmpty());
    }

    void dockerHubAliases_data()
    {
        QTest::addColumn<QString>("entryAddress");
        QTest::addColumn<QString>("storage");
        QTest::newRow("docker config key, hub repository")
                << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("me/stages");
        QTest::newRow("docker.io entry, registry-1 storage")
                << QStringLiteral("docker.io") << QStringLiteral("registry-1.docker.io/me/stages");
        QTest::newRow("docker.io entry, index storage")
                << QStringLiteral("docker.io") << QStringLiteral("index.docker.io/me/stages");
        QTest::newRow("registry-1 entry, docker.io storage")
                << QStringLiteral("registry-1.docker.io") << QStringLiteral("docker.io/me/stages");
        QTest::newRow("upper case")
                << QStringLiteral("Docker.IO") << QStringLiteral("docker.io/me/stages");
    }

    void dockerHubAliases()
    {
        QFETCH(QString, entryAddress);
        QFETCH(QString, storage);
        QSettings qsettings(m_dir.filePath(QStringLiteral("hub.ini")), QSettings::IniFormat);
        qsettings.clear();
        RegistrySettings registrySettings(qsettings);
        RegistryEntry entry;
        entry.address = entryAddress;
        entry.username = QStringLiteral("me");
        entry.insecure = true;
        entry.caFile = m_dir.filePath(QStringLiteral("hub-ca.pem"));
        registrySettings.setRegistry(entry);
        registrySettings.setDefaultStorage(storage);

        const Ui::ConfiguredStorage configured = Ui::configuredStorage(registrySettings);
        QVERIFY2(configured.problem.isEmpty(), qPrintable(configured.problem));
        QCOMPARE(configured.spec.kind, StorageSpec::Kind::Registry);
        // The API host the client asks, whatever alias the storage was written with.
        QCOMPARE(configured.spec.repository.host, QStringLiteral("registry-1.docker.io"));
        QCOMPARE(configured.spec.repository.repository, QStringLiteral("me/stages"));
        QCOMPARE(configured.spec.caFile, entry.caFile);
        QCOMPARE(configured.spec.insecureRegistries, QStringList{QStringLiteral("docker.io")});
        const RegistryHostOptions options = configured.spec.hostOptions()(
                configured.spec.repository.host);
        QVERIFY(options.insecure);
        QCOMPARE(registrySettings.hostOptions(configured.spec.repository.host).insecure, true);
    }
};

QTEST_MAIN(tst_StorageRefresh)
#include "tst_storagerefresh.moc"

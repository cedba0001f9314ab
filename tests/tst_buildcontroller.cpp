// SPDX-License-Identifier: GPL-3.0-or-later
// The window's build controls, driven through the werf backend with a script that replays a
// recorded real werf log (werf itself is not installed): colours, log, history, and the jump
// to the failed stage. The buildah backend itself is tested in tst_buildworker.

#include "buildcontroller.h"
#include "conveyorscene.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "projectloader.h"

#include <QAction>
#include <QFile>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Stagecraft;
using namespace Qt::StringLiterals;

class tst_BuildController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedBuildShowsOnTheGraph();
    void buildsGoToTheDefaultStorage();
};

void tst_BuildController::failedBuildShowsOnTheGraph()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCoreApplication::setOrganizationName(u"stagecraft-test"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));
    QStandardPaths::setTestModeEnabled(true); // stage durations go to a test cache directory

    // The project of the recorded log (werf's 002: image emby fails in its from stage).
    QFile config(dir.filePath(u"werf.yaml"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
            "project: emby\nconfigVersion: 1\n---\nimage: emby\nfrom: emby/embyserver:latest\n");
    config.close();
    const QString script = dir.filePath(u"werf"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
            QStringLiteral("#!/bin/sh\ncat '%1'\nexit 1\n")
                    .arg(QStringLiteral(STAGECRAFT_SHARED_DIR "/reference/werf-build-logs/002.log"))
                    .toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QSettings qsettings(dir.filePath(u"window.ini"_s), QSettings::IniFormat);
    Model::Settings settings(qsettings);
    Ui::MainWindow window(settings);
    window.setProjectLoader(&Ui::loadProjectForWindow);
    // As in the app: the controller first, then the project (Build All follows the opening).
    auto *controller = new Ui::BuildController(&window);
    QVERIFY(!controller->buildAction()->isEnabled());
    QVERIFY(window.openPath(dir.path()));
    Model::BuildOptions options;
    options.backend = Model::BuildBackend::Werf;
    options.werfProgram = script;
    controller->setBaseOptions(options);
    QVERIFY(controller->buildAction()->isEnabled());
    QVERIFY(!controller->stopAction()->isEnabled());

    QSignalSpy finished(&controller->worker(), &Model::BuildWorker::finished);
    QVERIFY(controller->startBuild());
    QVERIFY(!controller->buildAction()->isEnabled());
    QVERIFY(controller->stopAction()->isEnabled());
    QVERIFY(finished.wait(30000));

    const int emby = window.scene()->conveyor().indexOf(u"emby"_s, Model::ImageKind::Image);
    QVERIFY(emby >= 0);
    QCOMPARE(window.scene()->stageStatus(emby, Model::StageId::From), Model::StageStatus::Failed);
    // The failed stage is selected, its log shown with werf's error.
    QCOMPARE(window.scene()->currentImage(), emby);
    QCOMPARE(window.scene()->currentStage(), std::optional(Model::StageId::From));
    QVERIFY2(controller->logView()->toPlainText().contains(u"Code: 139"),
             qPrintable(controller->logView()->toPlainText()));
    QCOMPARE(controller->historyView()->topLevelItemCount(), 1);
    QCOMPARE(controller->historyView()->topLevelItem(0)->text(0), u"failed"_s);
    QVERIFY(controller->buildAction()->isEnabled());
    QVERIFY(!controller->stopAction()->isEnabled());
}

void tst_BuildController::buildsGoToTheDefaultStorage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings qsettings(dir.filePath(u"window.ini"_s), QSettings::IniFormat);
    Model::Settings settings(qsettings);
    Ui::MainWindow window(settings);
    Ui::BuildController controller(&window);
    QCOMPARE(controller.baseOptions().stagesStorage, u":local"_s);

    // A registry repository: the stages storage, with its host options and credentials.
    QString error;
    Model::StorageSpec registry = *Model::StorageSpec::parse(u"127.0.0.1:5000/p/stages"_s, &error);
    registry.insecureRegistries = {u"127.0.0.1:5000"_s};
    registry.containersStorage.root = dir.filePath(u"storage"_s);
    int asked = 0;
    controller.setStagesStorage(registry, [&asked](const QString &host) {
        ++asked;
        return std::optional<Model::RegistryCredentials>(
                Model::RegistryCredentials{host, u"secret"_s, false});
    });
    const Model::BuildOptions &options = controller.baseOptions();
    QCOMPARE(options.stagesStorage, u"127.0.0.1:5000/p/stages"_s);
    QCOMPARE(options.insecureRegistries, QStringList{u"127.0.0.1:5000"_s});
    QCOMPARE(options.storage.root, dir.filePath(u"storage"_s));
    QVERIFY(options.credentials);
    QCOMPARE(options.credentials(u"127.0.0.1:5000"_s)->secret, u"secret"_s);
    QCOMPARE(asked, 1);
    QVERIFY(Model::BuildWorker::checkRequest(Model::loadText(dir.filePath(u"werf.yaml"_s),
                                                             "project: p\nconfigVersion: 1\n"),
                                             options)
                    .isEmpty());

    // The docker daemon (or local) as the default storage: builds stay in the local one.
    controller.setStagesStorage(*Model::StorageSpec::parse(u"docker"_s, &error), {});
    QCOMPARE(controller.baseOptions().stagesStorage, u":local"_s);
    QVERIFY(controller.baseOptions().insecureRegistries.isEmpty());
    QVERIFY(!controller.baseOptions().credentials);
}

QTEST_MAIN(tst_BuildController)

#include "tst_buildcontroller.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorfixtures.h"
#include "conveyorscene.h"
#include "conveyorview.h"
#include "mainwindow.h"
#include "models/settings.h"
#include "sourceview.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Stagecraft;
using namespace Stagecraft::Model;
using namespace Stagecraft::Tests;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openThroughLoader();
    void openWithoutLoaderShowsText();
    void missingFile();
    void stateIsRemembered();
    void filterAndSearch();
    void dropOpens();

private:
    QString makeProject(const QString &name);
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_MainWindow::makeProject(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    const QString config = dir + QStringLiteral("/werf.yaml");
    QFile::remove(config);
    if (!QFile::copy(QStringLiteral(STAGECRAFT_SOURCE_DIR "/resources/example/werf.yaml"), config))
        return {};
    return dir;
}

void tst_MainWindow::openThroughLoader()
{
    QSettings qs(m_dir.filePath(QStringLiteral("open.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    QStringList loaded;
    window.setProjectLoader([&loaded](const QString &path, QString *) {
        loaded.append(path);
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        Ui::LoadedProject p;
        p.configFile = path;
        p.sourceText = f.readAll();
        p.conveyor = exampleConveyor();
        p.statuses.insert(statusKey(p.conveyor.images.at(1), StageId::Install), StageStatus::Cached);
        return std::optional<Ui::LoadedProject>(p);
    });
    const QString dir = makeProject(QStringLiteral("open"));
    QVERIFY(window.openPath(dir)); // a directory resolves to its werf.yaml
    const QString config = dir + QStringLiteral("/werf.yaml");
    QCOMPARE(loaded, QStringList{config});
    QCOMPARE(window.configFile(), config);
    QVERIFY(window.windowTitle().contains(QStringLiteral("werf.yaml")));
    QCOMPARE(settings.recentFiles().first(), config);
    QCOMPARE(window.scene()->imageItems().size(), 5);
    QCOMPARE(window.scene()->stageStatus(1, StageId::Install), StageStatus::Cached);
    QVERIFY(window.sourceView()->toPlainText().startsWith(QStringLiteral("# Stagecraft's")));
    QCOMPARE(window.imagesTree()->model()->rowCount(), 5);

    // Reload goes through the loader again and keeps the selection.
    window.scene()->selectImage(3);
    emit window.scene()->currentChanged(3, -1);
    QAction *reload = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcuts().contains(QKeySequence(QKeySequence::Refresh)))
            reload = a;
    }
    QVERIFY(reload);
    reload->trigger();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(window.scene()->currentImage(), 3);

    // A loader failure leaves the project as it was.
    window.setProjectLoader([](const QString &, QString *error) {
        *error = QStringLiteral("broken");
        return std::optional<Ui::LoadedProject>();
    });
    QVERIFY(!window.openPath(config));
    QCOMPARE(window.scene()->imageItems().size(), 5);
}

void tst_MainWindow::openWithoutLoaderShowsText()
{
    QSettings qs(m_dir.filePath(QStringLiteral("noloader.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    const QString dir = makeProject(QStringLiteral("noloader"));
    QVERIFY(window.openPath(dir + QStringLiteral("/werf.yaml")));
    QVERIFY(window.sourceView()->toPlainText().contains(QStringLiteral("image: app")));
    QVERIFY(window.scene()->imageItems().isEmpty());
}

void tst_MainWindow::missingFile()
{
    QSettings qs(m_dir.filePath(QStringLiteral("missing.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    QVERIFY(!window.openPath(m_dir.filePath(QStringLiteral("nothing-here"))));
    QVERIFY(settings.recentFiles().isEmpty());
}

void tst_MainWindow::stateIsRemembered()
{
    const QString ini = m_dir.filePath(QStringLiteral("state.ini"));
    {
        QSettings qs(ini, QSettings::IniFormat);
        Settings settings(qs);
        Ui::MainWindow window(settings);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
        window.close();
    }
    QSettings qs(ini, QSettings::IniFormat);
    Settings settings(qs);
    QVERIFY(!settings.windowState().isEmpty());
    QVERIFY(!settings.windowGeometry().isEmpty());
    Ui::MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->isVisible());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("imagesDock"))->isVisible());
}

void tst_MainWindow::filterAndSearch()
{
    QSettings qs(m_dir.filePath(QStringLiteral("filter.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    window.showProject(m_dir.filePath(QStringLiteral("filter/werf.yaml")),
                       {},
                       exampleConveyor(),
                       {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("treeFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("tools"));
    // tools itself, and app whose import input names tools.
    QCOMPARE(window.imagesTree()->model()->rowCount(), 2);
    filter->clear();
    QCOMPARE(window.imagesTree()->model()->rowCount(), 5);

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    QVERIFY(search);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("web"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window.scene()->currentImage(), 4);
    QCOMPARE(window.imagesTree()->currentIndex().data().toString(), QStringLiteral("web"));
}

void tst_MainWindow::dropOpens()
{
    QSettings qs(m_dir.filePath(QStringLiteral("drop.ini")), QSettings::IniFormat);
    Settings settings(qs);
    Ui::MainWindow window(settings);
    int calls = 0;
    window.setProjectLoader([&calls](const QString &path, QString *) {
        ++calls;
        Ui::LoadedProject p;
        p.configFile = path;
        p.conveyor = exampleConveyor();
        return std::optional<Ui::LoadedProject>(p);
    });
    const QString dir = makeProject(QStringLiteral("drop"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(calls, 1);
    QCOMPARE(window.configFile(), dir + QStringLiteral("/werf.yaml"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

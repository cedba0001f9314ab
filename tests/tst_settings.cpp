// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Stagecraft::Model::Settings;

class tst_Settings : public QObject
{
    Q_OBJECT

private slots:
    void recentFiles();
    void viewOptionsPersist();
};

void tst_Settings::recentFiles()
{
    QTemporaryDir dir;
    QSettings qs(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Settings settings(qs);
    QSignalSpy changed(&settings, &Settings::recentFilesChanged);
    QVERIFY(settings.recentFiles().isEmpty());
    for (int i = 0; i < Settings::maxRecentFiles + 3; ++i)
        settings.addRecentFile(dir.filePath(QStringLiteral("p%1/werf.yaml").arg(i)));
    QCOMPARE(settings.recentFiles().size(), Settings::maxRecentFiles);
    QCOMPARE(settings.recentFiles().first(), dir.filePath(QStringLiteral("p12/werf.yaml")));
    settings.addRecentFile(dir.filePath(QStringLiteral("p5/werf.yaml")));
    QCOMPARE(settings.recentFiles().first(), dir.filePath(QStringLiteral("p5/werf.yaml")));
    QCOMPARE(settings.recentFiles().count(dir.filePath(QStringLiteral("p5/werf.yaml"))), 1);
    QCOMPARE(changed.count(), Settings::maxRecentFiles + 4);
    settings.clearRecentFiles();
    QVERIFY(settings.recentFiles().isEmpty());
}

void tst_Settings::viewOptionsPersist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings qs(path, QSettings::IniFormat);
        Settings settings(qs);
        QVERIFY(settings.showLegend());
        QSignalSpy legend(&settings, &Settings::showLegendChanged);
        settings.setShowLegend(false);
        settings.setShowLegend(false);
        QCOMPARE(legend.count(), 1);
        settings.setShowExternalImages(false);
        settings.setWindowState(QByteArrayLiteral("state"));
        settings.setLastDirectory(dir.path());
        QCOMPARE(settings.colorScheme(), QStringLiteral("system"));
        settings.setColorScheme(QStringLiteral("dark"));
    }
    QSettings qs(path, QSettings::IniFormat);
    Settings settings(qs);
    QVERIFY(!settings.showLegend());
    QVERIFY(!settings.showExternalImages());
    QCOMPARE(settings.windowState(), QByteArrayLiteral("state"));
    QCOMPARE(settings.lastDirectory(), dir.path());
    QCOMPARE(settings.colorScheme(), QStringLiteral("dark"));
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Stagecraft::Model {

namespace {
const QString s_recentFiles = QStringLiteral("recentFiles");
const QString s_geometry = QStringLiteral("mainWindow/geometry");
const QString s_state = QStringLiteral("mainWindow/state");
const QString s_showLegend = QStringLiteral("view/showLegend");
const QString s_showExternal = QStringLiteral("view/showExternalImages");
const QString s_lastDirectory = QStringLiteral("lastDirectory");
const QString s_colorScheme = QStringLiteral("view/colorScheme");
} // namespace

Settings::Settings(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

Settings::~Settings() = default;

QStringList Settings::recentFiles() const
{
    return m_settings.value(s_recentFiles).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    m_settings.setValue(s_recentFiles, files);
    emit recentFilesChanged(files);
}

void Settings::clearRecentFiles()
{
    m_settings.remove(s_recentFiles);
    emit recentFilesChanged({});
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(s_geometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(s_geometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(s_state).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(s_state, state);
}

bool Settings::showLegend() const
{
    return m_settings.value(s_showLegend, true).toBool();
}

void Settings::setShowLegend(bool show)
{
    if (show == showLegend())
        return;
    m_settings.setValue(s_showLegend, show);
    emit showLegendChanged(show);
}

bool Settings::showExternalImages() const
{
    return m_settings.value(s_showExternal, true).toBool();
}

void Settings::setShowExternalImages(bool show)
{
    if (show == showExternalImages())
        return;
    m_settings.setValue(s_showExternal, show);
    emit showExternalImagesChanged(show);
}

QString Settings::colorScheme() const
{
    return m_settings.value(s_colorScheme, QStringLiteral("system")).toString();
}

void Settings::setColorScheme(const QString &scheme)
{
    m_settings.setValue(s_colorScheme, scheme);
}

QString Settings::lastDirectory() const
{
    return m_settings.value(s_lastDirectory, QDir::homePath()).toString();
}

void Settings::setLastDirectory(const QString &directory)
{
    m_settings.setValue(s_lastDirectory, directory);
}

} // namespace Stagecraft::Model

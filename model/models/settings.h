// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>

class QSettings;

namespace Stagecraft::Model {

/**
 * Typed access to the application's persistent settings (window state, recent files, view
 * options). It does not own a global: app/ creates one over QSettings and passes it by reference,
 * tests create one over an INI file in a temporary directory.
 */
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    /** The settings object must outlive this wrapper. */
    explicit Settings(QSettings &settings, QObject *parent = nullptr);
    ~Settings() override;

    static constexpr int maxRecentFiles = 10;

    QStringList recentFiles() const;
    /** Moves (or adds) the file to the front of the recent list. */
    void addRecentFile(const QString &path);
    void clearRecentFiles();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    bool showLegend() const;
    void setShowLegend(bool show);
    bool showExternalImages() const;
    void setShowExternalImages(bool show);

    /** "system" (the default), "light" or "dark"; read at start-up (Ui::applyColorScheme). */
    QString colorScheme() const;
    void setColorScheme(const QString &scheme);

    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);

signals:
    void recentFilesChanged(const QStringList &files);
    void showLegendChanged(bool show);
    void showExternalImagesChanged(bool show);

private:
    QSettings &m_settings;
};

} // namespace Stagecraft::Model

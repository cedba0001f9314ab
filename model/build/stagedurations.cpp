// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/stagedurations.h"

#include "common/tr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Stagecraft::Model {

StageDurations::StageDurations(const QString &configFile, const QString &directory)
{
    const QFileInfo info(configFile);
    m_configFile = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(m_configFile.toUtf8(),
                                                     QCryptographicHash::Sha256)
                                    .toHex()
                                    .left(32);
    m_filePath = (directory.isEmpty() ? defaultDirectory() : directory) + u'/'
                 + QString::fromLatin1(hash) + QStringLiteral(".json");
}

QString StageDurations::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
           + QStringLiteral("/stage-durations");
}

QHash<QString, qint64> StageDurations::load() const
{
    QHash<QString, qint64> result;
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    // A hash collision or a moved cache directory must not mix projects.
    if (root.value(u"project").toString() != m_configFile)
        return result;
    const QJsonObject durations = root.value(u"durations").toObject();
    for (auto it = durations.constBegin(); it != durations.constEnd(); ++it) {
        const qint64 ms = it.value().toInteger(-1);
        if (ms >= 0)
            result.insert(it.key(), ms);
    }
    return result;
}

bool StageDurations::merge(const QHash<QString, qint64> &durations, QString *error) const
{
    if (durations.isEmpty())
        return true;
    QHash<QString, qint64> all = load();
    for (auto it = durations.cbegin(); it != durations.cend(); ++it)
        all.insert(it.key(), it.value());
    QJsonObject map;
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        map.insert(it.key(), it.value());
    QJsonObject root;
    root.insert(QStringLiteral("project"), m_configFile);
    root.insert(QStringLiteral("durations"), map);
    QDir().mkpath(QFileInfo(m_filePath).path());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stagecraft::Model

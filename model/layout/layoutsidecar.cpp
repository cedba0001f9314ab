// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutsidecar.h"

#include "common/tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace Stagecraft::Model {

namespace {
constexpr int s_version = 1;
}

QString LayoutSidecar::pathFor(const QString &configFile)
{
    const QFileInfo info(configFile);
    const QDir dir = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    return dir.filePath(QStringLiteral(".stagecraft-layout.json"));
}

LayoutSidecar LayoutSidecar::load(const QString &path, QString *error)
{
    LayoutSidecar sidecar;
    QFile file(path);
    if (!file.exists())
        return sidecar;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return sidecar;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = Tr::tr("%1: not a layout file: %2").arg(path, parseError.errorString());
        return sidecar;
    }
    const QJsonObject root = doc.object();
    const QJsonObject positions = root.value(u"positions").toObject();
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        const QJsonArray xy = it.value().toArray();
        if (xy.size() == 2 && xy.at(0).isDouble() && xy.at(1).isDouble())
            sidecar.positions.insert(it.key(), QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
    }
    const QJsonArray collapsed = root.value(u"collapsed").toArray();
    for (const QJsonValue &v : collapsed) {
        if (v.isString())
            sidecar.collapsed.insert(v.toString());
    }
    return sidecar;
}

bool LayoutSidecar::save(const QString &path, QString *error) const
{
    if (isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            if (error)
                *error = Tr::tr("cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    QJsonObject positionsObject;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        positionsObject.insert(it.key(), QJsonArray{it.value().x(), it.value().y()});
    QStringList names(collapsed.cbegin(), collapsed.cend());
    std::sort(names.begin(), names.end()); // a stable file diff
    QJsonObject root;
    root.insert(u"version", s_version);
    root.insert(u"positions", positionsObject);
    root.insert(u"collapsed", QJsonArray::fromStringList(names));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stagecraft::Model

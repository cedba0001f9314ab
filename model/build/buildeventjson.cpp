// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildeventjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Stagecraft::Model {

QByteArray buildEventJsonLine(const BuildEvent &event)
{
    using Kind = BuildEvent::Kind;
    if (event.kind == Kind::Output)
        return {};
    QJsonObject object;
    const auto set = [&object](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QString::fromLatin1(key), value);
    };
    set("image", event.kind == Kind::BuildStarted ? QString() : event.image);
    set("stage", event.stage);
    set("signature", event.signature);
    if (event.durationMs >= 0)
        object.insert(QStringLiteral("durationMs"), event.durationMs);
    if (event.exitCode >= 0)
        object.insert(QStringLiteral("exitCode"), event.exitCode);
    switch (event.kind) {
    case Kind::BuildStarted:
        set("backend", event.text);
        break;
    case Kind::BuildFinished:
        set("result", event.result);
        set("message", event.text);
        break;
    case Kind::ImageFinished:
        object.insert(QStringLiteral("result"),
                      event.result.isEmpty() ? (event.failed ? QStringLiteral("failed")
                                                             : QStringLiteral("succeeded"))
                                             : event.result);
        break;
    case Kind::StageFailed: {
        set("message", event.text);
        QJsonArray lines;
        for (const QString &line : event.lastOutput)
            lines.append(line);
        object.insert(QStringLiteral("lastOutput"), lines);
        break;
    }
    default:
        set("message", event.text);
        break;
    }
    set("stageImage", event.imageName);
    set("imageId", event.imageId);
    set("size", event.size);

    // "event" first, as the documented shape has it; QJsonObject sorts the other keys.
    const QByteArray rest = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const QByteArray name = QJsonDocument(QJsonArray{BuildEvent::kindName(event.kind)})
                                    .toJson(QJsonDocument::Compact)
                                    .chopped(1)
                                    .mid(1);
    return QByteArrayLiteral("{\"event\":") + name
           + (rest.size() > 2 ? QByteArrayLiteral(",") + rest.mid(1) : QByteArrayLiteral("}"));
}

} // namespace Stagecraft::Model

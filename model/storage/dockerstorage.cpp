// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerstorage.h"

#include "common/tr.h"
#include "dockerengineclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QUrl>

namespace Stagecraft::Model {

DockerStorage::DockerStorage(DockerEngineClient *client, QObject *parent)
    : StagesStorage(parent)
    , m_client(client)
{}

void DockerStorage::startListing(const QString &project, const ListingPromise &promise)
{
    m_client->setTimeout(timeout());
    const QString repository = QStringLiteral("werf-stages-storage/") + project;
    const QByteArray filters = QJsonDocument(QJsonObject{{QStringLiteral("reference"),
                                                          QJsonArray{repository}}})
                                       .toJson(QJsonDocument::Compact);
    const QString path = QStringLiteral("/images/json?filters=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(filters)));
    m_client->get(path).then(this, [promise, repository](const DockerEngineReply &reply) {
        StageListing listing;
        listing.requests = 1;
        listing.available = reply.available;
        if (!reply.ok) {
            listing.error = reply.error;
            promise->addResult(listing);
            promise->finish();
            return;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isArray()) {
            listing.error
                    = Tr::tr("the Docker daemon sent an image list that is not valid JSON: %1")
                              .arg(error.errorString());
            promise->addResult(listing);
            promise->finish();
            return;
        }
        const QString prefix = repository + u':';
        QStringList tags;
        QHash<QString, QJsonObject> imageByTag;
        const QJsonArray images = document.array();
        for (const QJsonValue &value : images) {
            const QJsonObject image = value.toObject();
            const QJsonArray repoTags = image.value(u"RepoTags").toArray();
            for (const QJsonValue &t : repoTags) {
                ++listing.tagCount;
                const QString name = t.toString();
                if (!name.startsWith(prefix))
                    continue;
                tags.append(name.mid(prefix.size()));
                imageByTag.insert(tags.last(), image);
            }
        }
        listing.candidates = candidatesFromTags(tags, [&prefix](const QString &tag) -> QString {
            return prefix + tag;
        });
        for (auto it = listing.candidates.begin(); it != listing.candidates.end(); ++it) {
            for (StageCandidate &c : *it) {
                const QJsonObject image = imageByTag.value(c.tag);
                c.reference = image.value(u"Id").toString();
                const QJsonObject labels = image.value(u"Labels").toObject();
                for (auto l = labels.begin(); l != labels.end(); ++l)
                    c.labels.insert(l.key(), l.value().toString());
                c.labelsKnown = true;
            }
        }
        listing.ok = true;
        promise->addResult(listing);
        promise->finish();
    });
}

void DockerStorage::startInspection(const StageCandidate &candidate,
                                    const InspectionPromise &promise)
{
    m_client->setTimeout(timeout());
    m_client->get(QStringLiteral("/images/")
                  + QString::fromLatin1(QUrl::toPercentEncoding(candidate.reference))
                  + QStringLiteral("/json"))
            .then(this, [promise, candidate](const DockerEngineReply &reply) {
                StageInspection inspection;
                if (!reply.ok) {
                    inspection.error = reply.error;
                } else {
                    const QJsonObject image = QJsonDocument::fromJson(reply.body).object();
                    const QJsonObject labels
                            = image.value(u"Config").toObject().value(u"Labels").toObject();
                    for (auto it = labels.begin(); it != labels.end(); ++it)
                        inspection.labels.insert(it.key(), it.value().toString());
                    inspection.configDigest = image.value(u"Id").toString();
                    inspection.ok = true;
                }
                promise->addResult(inspection);
                promise->finish();
            });
}

void DockerStorage::abortAll()
{
    m_client->abortAll();
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerstorage.h"

#include "common/tr.h"
#include "dockerengineclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSet>
#include <QUrl>

namespace Stagecraft::Model {

namespace {

/**
 * Applies werf's stages-storage cache records (`<werfHome>/shared_context/storage/
 * stages_storage_cache/1/<project>/<signature>`, `{"stages":[{"signature","uniqueID"}]}`) to a
 * listing the way GetStagesBySignature does: a record whose images all exist is used instead of
 * the daemon's answer; a record naming an image that is gone makes werf reset its cache and ask
 * the daemon, so the listing stays as it is.
 */
void applyWerfCache(StageListing &listing, const QString &werfHome, const QString &project)
{
    if (werfHome.isEmpty())
        return;
    const QString dir = werfHome + QStringLiteral("/shared_context/storage/stages_storage_cache/1/")
                        + project;
    if (!QFileInfo(dir).isDir())
        return;
    for (auto it = listing.candidates.begin(); it != listing.candidates.end(); ++it) {
        QFile file(dir + u'/' + it.key());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            listing.warnings << Tr::tr("werf's stages-storage cache record %1 is not valid JSON; "
                                       "werf fails on it")
                                        .arg(file.fileName());
            continue;
        }
        QSet<qint64> recorded;
        const QJsonArray stages = document.object().value(u"stages").toArray();
        for (const QJsonValue &stage : stages)
            recorded.insert(stage.toObject().value(u"uniqueID").toInteger());
        QSet<qint64> stored;
        for (const StageCandidate &c : std::as_const(*it))
            stored.insert(c.uniqueId);
        if (!stored.contains(recorded))
            continue; // werf resets its cache and asks the daemon: the listing as it is
        const qsizetype before = it->size();
        it->removeIf(
                [&recorded](const StageCandidate &c) { return !recorded.contains(c.uniqueId); });
        if (it->isEmpty()) {
            listing.warnings << Tr::tr("werf's stages-storage cache record %1 lists none of the %n "
                                       "stored image(s) of this signature: werf does not see them "
                                       "and builds the stage again",
                                       "",
                                       int(before))
                                        .arg(file.fileName());
        } else if (it->size() < before) {
            listing.warnings << Tr::tr("werf's stages-storage cache record %1 lists %2 of the %3 "
                                       "stored images of this signature; werf chooses among those "
                                       "only")
                                        .arg(file.fileName())
                                        .arg(it->size())
                                        .arg(before);
        }
    }
    for (auto it = listing.candidates.begin(); it != listing.candidates.end();)
        it = it->isEmpty() ? listing.candidates.erase(it) : std::next(it);
}

} // namespace

DockerStorage::DockerStorage(DockerEngineClient *client, QObject *parent)
    : StagesStorage(parent)
    , m_client(client)
    , m_werfHome(defaultWerfHome())
{}

QString DockerStorage::defaultWerfHome()
{
    const QString home = qEnvironmentVariable("WERF_HOME");
    return home.isEmpty() ? QDir::homePath() + QStringLiteral("/.werf") : home;
}

void DockerStorage::startListing(const QString &project, const ListingPromise &promise)
{
    m_client->setTimeout(timeout());
    m_client->setTimeLimit(timeLimit());
    const QString repository = QStringLiteral("werf-stages-storage/") + project;
    const QByteArray filters = QJsonDocument(QJsonObject{{QStringLiteral("reference"),
                                                          QJsonArray{repository}}})
                                       .toJson(QJsonDocument::Compact);
    const QString path = QStringLiteral("/images/json?filters=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(filters)));
    m_client->get(path).then(this, [this, promise, project, repository](const DockerEngineReply &reply) {
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
        applyWerfCache(listing, m_werfHome, project);
        listing.ok = true;
        promise->addResult(listing);
        promise->finish();
    });
}

void DockerStorage::startInspection(const StageCandidate &candidate,
                                    const InspectionPromise &promise)
{
    m_client->setTimeout(timeout());
    m_client->setTimeLimit(timeLimit());
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

void DockerStorage::startBaseImageInspection(const QString &reference,
                                             const BaseImagePromise &promise)
{
    m_client->setTimeout(timeout());
    m_client->setTimeLimit(timeLimit());
    const QString socket = m_client->socketPath();
    m_client->get(QStringLiteral("/images/")
                  + QString::fromLatin1(QUrl::toPercentEncoding(reference, "/:@"))
                  + QStringLiteral("/json"))
            .then(this, [promise, reference, socket](const DockerEngineReply &reply) {
                BaseImageInspection inspection;
                inspection.source = Tr::tr("the Docker daemon at %1").arg(socket);
                if (reply.httpCode == 404) {
                    inspection.error = Tr::tr("the image %1 is not in the Docker daemon at %2")
                                               .arg(reference, socket);
                } else if (!reply.ok) {
                    inspection.error = reply.error;
                } else {
                    const QJsonArray onBuild = QJsonDocument::fromJson(reply.body)
                                                       .object()
                                                       .value(u"Config")
                                                       .toObject()
                                                       .value(u"OnBuild")
                                                       .toArray();
                    for (const QJsonValue &trigger : onBuild)
                        inspection.onBuild.append(trigger.toString());
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

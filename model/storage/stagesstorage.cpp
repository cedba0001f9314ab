// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagesstorage.h"

#include "common/tr.h"

#include <QPromise>
#include <QSet>

#include <algorithm>

namespace Stagecraft::Model {

QList<StageCandidate> StageListing::usable(const QString &signature) const
{
    QList<StageCandidate> result;
    const auto it = candidates.constFind(signature);
    if (it == candidates.constEnd())
        return result;
    for (const StageCandidate &c : *it) {
        if (!c.rejected)
            result.append(c);
    }
    return result;
}

StagesStorage::StagesStorage(QObject *parent)
    : QObject(parent)
{}

StagesStorage::~StagesStorage() = default;

QFuture<StageListing> StagesStorage::listStages(const QString &project)
{
    auto promise = std::make_shared<QPromise<StageListing>>();
    QFuture<StageListing> future = promise->future();
    promise->start();
    // Queued when called from another thread, so that the work runs where this object lives.
    QMetaObject::invokeMethod(this, [this, project, promise] { startListing(project, promise); });
    return future;
}

QFuture<StageInspection> StagesStorage::inspect(const StageCandidate &candidate)
{
    auto promise = std::make_shared<QPromise<StageInspection>>();
    QFuture<StageInspection> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(this,
                              [this, candidate, promise] { startInspection(candidate, promise); });
    return future;
}

QFuture<BaseImageInspection> StagesStorage::inspectBaseImage(const QString &reference)
{
    auto promise = std::make_shared<QPromise<BaseImageInspection>>();
    QFuture<BaseImageInspection> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(this, [this, reference, promise] {
        startBaseImageInspection(reference, promise);
    });
    return future;
}

void StagesStorage::startBaseImageInspection(const QString &reference,
                                             const BaseImagePromise &promise)
{
    BaseImageInspection inspection;
    inspection.source = address();
    inspection.error = Tr::tr("the stages storage %1 cannot read the image %2")
                               .arg(address(), reference);
    promise->addResult(inspection);
    promise->finish();
}

void StagesStorage::cancel()
{
    QMetaObject::invokeMethod(this, [this] { abortAll(); });
}

QHash<QString, QList<StageCandidate>> StagesStorage::candidatesFromTags(
        const QStringList &tags, const std::function<QString(const QString &)> &nameOf)
{
    QHash<QString, QList<StageCandidate>> result;
    QSet<QString> rejected;
    for (const QString &tag : tags) {
        const qsizetype dash = tag.indexOf(u'-');
        if (dash <= 0)
            continue;
        const QString signature = tag.left(dash);
        QString rest = tag.mid(dash + 1);
        bool isRejected = false;
        if (rest.endsWith(QLatin1String("-rejected"))) {
            rest.chop(int(sizeof("-rejected") - 1));
            isRejected = true;
        }
        bool ok = false;
        const qint64 id = rest.toLongLong(&ok);
        if (!ok || rest.startsWith(u'+') || rest.startsWith(u'-'))
            continue;
        if (isRejected) {
            rejected.insert(signature + u'-' + rest);
            continue;
        }
        StageCandidate candidate;
        candidate.signature = signature;
        candidate.uniqueId = id;
        candidate.tag = tag;
        candidate.reference = tag;
        candidate.imageName = nameOf(tag);
        result[signature].append(candidate);
    }
    for (auto it = result.begin(); it != result.end(); ++it) {
        for (StageCandidate &c : *it)
            c.rejected = rejected.contains(c.tag);
        std::sort(it->begin(), it->end(), [](const StageCandidate &a, const StageCandidate &b) {
            return a.uniqueId < b.uniqueId;
        });
    }
    return result;
}

} // namespace Stagecraft::Model

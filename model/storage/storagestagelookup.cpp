// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagestagelookup.h"

#include "common/tr.h"
#include "conveyor/stagekinds.h"
#include "signature/plan.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace Stagecraft::Model {

namespace {

QString stageKey(const QString &image, const QString &stage, const QString &signature)
{
    return image + u'\n' + stage + u'\n' + signature;
}

} // namespace

struct StorageStageLookup::State
{
    StagesStorage *storage = nullptr;
    QString project;
    mutable QMutex mutex;
    bool fetched = false;
    StageListing listing;
    QSet<QString> gitImages;
    QHash<QString, QString> unknown;                  ///< stageKey → reason
    QHash<QString, StageInspection> inspectionsByTag; ///< cache over the plan's lookups
    int inspections = 0;
};

StorageStageLookup::StorageStageLookup(StagesStorage *storage, const QString &project)
    : m_state(std::make_shared<State>())
{
    m_state->storage = storage;
    m_state->project = project;
}

bool StorageStageLookup::fetch()
{
    StageListing listing;
    if (QThread::currentThread() == m_state->storage->thread()) {
        // Waiting here would block the event loop the storage needs.
        listing.error = Tr::tr(
                "internal error: the stages storage was waited for in its own thread");
    } else {
        QFuture<StageListing> future = m_state->storage->listStages(m_state->project);
        future.waitForFinished();
        if (future.isValid() && future.resultCount() > 0)
            listing = future.result();
        else
            listing.error = Tr::tr("reading the stages storage %1 was cancelled")
                                    .arg(m_state->storage->address());
    }
    QMutexLocker locker(&m_state->mutex);
    m_state->listing = listing;
    m_state->fetched = true;
    return listing.ok;
}

StageListing StorageStageLookup::listing() const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->listing;
}

void StorageStageLookup::setGitImages(const QSet<QString> &imageNames)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->gitImages = imageNames;
}

int StorageStageLookup::inspections() const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->inspections;
}

QHash<QString, QString> StorageStageLookup::gitCommitsFromLabels(const QMap<QString, QString> &labels)
{
    QHash<QString, QString> commits;
    const QString prefix = QStringLiteral("werf-git-");
    const QString suffix = QStringLiteral("-commit");
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        const QString &key = it.key();
        if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.endsWith(u"-from-commit")
            || key.endsWith(u"-into-commit"))
            continue;
        const QString paramshash = key.mid(prefix.size(),
                                           key.size() - prefix.size() - suffix.size());
        // A virtual-merge image is judged by the commit it was merged from (§6.3).
        const bool virtualMerge = labels.value(prefix + paramshash
                                               + QStringLiteral("-virtual-merge"))
                                  == u"true";
        const QString fromCommit = labels.value(prefix + paramshash
                                                + QStringLiteral("-virtual-merge-from-commit"));
        commits.insert(paramshash, virtualMerge && !fromCommit.isEmpty() ? fromCommit : it.value());
    }
    return commits;
}

StageLookup StorageStageLookup::lookup() const
{
    const std::shared_ptr<State> state = m_state;
    return [state](const QString &imageName,
                   StageId stage,
                   const QString &signature) -> std::optional<StageRecord> {
        QList<StageCandidate> candidates;
        bool needsCommits = false;
        {
            QMutexLocker locker(&state->mutex);
            if (!state->fetched || !state->listing.ok)
                return std::nullopt;
            candidates = state->listing.usable(signature);
            needsCommits = followsGitHistory(stage) && state->gitImages.contains(imageName);
        }
        if (candidates.isEmpty())
            return std::nullopt;
        if (!needsCommits) {
            // The oldest candidate wins (§6.3); its labels are not needed.
            StageRecord record;
            record.storedAs = candidates.first().imageName;
            return record;
        }
        QList<StageRecord> records;
        QStringList failures;
        for (const StageCandidate &candidate : std::as_const(candidates)) {
            StageInspection inspection;
            if (candidate.labelsKnown) {
                inspection.ok = true;
                inspection.labels = candidate.labels;
            } else {
                bool cached = false;
                {
                    QMutexLocker locker(&state->mutex);
                    const auto it = state->inspectionsByTag.constFind(candidate.tag);
                    if (it != state->inspectionsByTag.constEnd()) {
                        inspection = *it;
                        cached = true;
                    }
                }
                if (!cached) {
                    QFuture<StageInspection> future = state->storage->inspect(candidate);
                    future.waitForFinished();
                    if (future.isValid() && future.resultCount() > 0)
                        inspection = future.result();
                    else
                        inspection.error = Tr::tr("inspecting %1 was cancelled")
                                                   .arg(candidate.imageName);
                    QMutexLocker locker(&state->mutex);
                    ++state->inspections;
                    state->inspectionsByTag.insert(candidate.tag, inspection);
                }
            }
            if (!inspection.ok) {
                failures << inspection.error;
                continue;
            }
            StageRecord record;
            record.storedAs = candidate.imageName;
            record.gitCommits = gitCommitsFromLabels(inspection.labels);
            records.append(record);
        }
        if (records.isEmpty()) {
            QMutexLocker locker(&state->mutex);
            state->unknown.insert(stageKey(imageName, stageName(stage), signature),
                                  failures.join(QStringLiteral("; ")));
            return std::nullopt;
        }
        StageRecord first = records.takeFirst();
        first.younger = records;
        return first;
    };
}

void StorageStageLookup::applyTo(Plan &plan) const
{
    QMutexLocker locker(&m_state->mutex);
    for (ImagePlan &image : plan.images) {
        for (StagePlan &stage : image.stages) {
            if (!stage.hasSignature())
                continue;
            QString reason;
            if (!m_state->fetched || !m_state->listing.ok)
                reason = m_state->listing.error;
            else
                reason = m_state->unknown.value(stageKey(image.name, stage.name, stage.signature));
            if (reason.isEmpty())
                continue;
            stage.cache = CacheStatus::Unknown;
            stage.storedAs.clear();
            stage.statusReason = reason;
        }
    }
}

} // namespace Stagecraft::Model

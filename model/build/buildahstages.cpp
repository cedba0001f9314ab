// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildahstages.h"

#include "common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

#include <algorithm>

namespace Stagecraft::Model {

BuildahStages::BuildahStages(const QString &buildahProgram,
                             const ContainersStorageOptions &storage,
                             const QString &project)
    : m_program(buildahProgram)
    , m_storage(storage)
    , m_project(project)
{}

bool BuildahStages::refresh(BuildCancellation &cancellation)
{
    ProcessSpec spec;
    spec.program = m_program;
    spec.arguments = m_storage.buildahArguments();
    // buildah stores the short name under "localhost/"; the pattern matches either spelling.
    spec.arguments << QStringLiteral("images") << QStringLiteral("--noheading")
                   << QStringLiteral("--no-trunc") << QStringLiteral("--format")
                   << QStringLiteral("{{.Name}} {{.Tag}} {{.ID}}");
    spec.captureOutput = true;
    const ProcessResult result = runProcess(spec, cancellation);
    if (!result.ok()) {
        m_error = result.started
                          ? Tr::tr("buildah images failed: %1").arg(result.lastLines.join(u'\n'))
                          : Tr::tr("cannot run %1: %2").arg(m_program, result.errorString);
        return false;
    }
    QHash<QString, QList<Candidate>> bySignature;
    const QString repository = u"werf-stages-storage/" + m_project;
    const QList<QByteArray> lines = result.standardOutput.split('\n');
    for (const QByteArray &raw : lines) {
        const QStringList fields = QString::fromUtf8(raw).split(u' ', Qt::SkipEmptyParts);
        if (fields.size() != 3)
            continue;
        const QString &name = fields.at(0);
        if (name != repository && name != u"localhost/" + repository)
            continue;
        // werf splits the tag at its first '-' (§6.1).
        const QString &tag = fields.at(1);
        const qsizetype dash = tag.indexOf(u'-');
        if (dash <= 0)
            continue;
        bool ok = false;
        const qint64 uniqueId = tag.mid(dash + 1).toLongLong(&ok);
        if (!ok)
            continue;
        QString id = fields.at(2);
        if (id.startsWith(u"sha256:"))
            id = id.mid(7);
        bySignature[tag.left(dash)].append({name + u':' + tag, id, uniqueId});
    }
    for (QList<Candidate> &list : bySignature) {
        std::sort(list.begin(), list.end(), [](const Candidate &a, const Candidate &b) {
            return a.uniqueId < b.uniqueId;
        });
    }
    QMutexLocker locker(&m_mutex);
    m_bySignature = bySignature;
    m_chosen.clear();
    m_error.clear();
    return true;
}

QList<BuildahStages::Candidate> BuildahStages::candidates(const QString &signature) const
{
    QMutexLocker locker(&m_mutex);
    return m_bySignature.value(signature);
}

int BuildahStages::imageCount() const
{
    QMutexLocker locker(&m_mutex);
    int count = 0;
    for (const QList<Candidate> &list : m_bySignature)
        count += int(list.size());
    return count;
}

std::optional<QMap<QString, QString>> BuildahStages::labels(const QString &image,
                                                            BuildCancellation &cancellation) const
{
    ProcessSpec spec;
    spec.program = m_program;
    spec.arguments = m_storage.buildahArguments();
    spec.arguments << QStringLiteral("inspect") << QStringLiteral("--type")
                   << QStringLiteral("image") << image;
    spec.captureOutput = true;
    const ProcessResult result = runProcess(spec, cancellation);
    if (!result.ok())
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(result.standardOutput).object();
    const QJsonObject labels
            = root.value(u"OCIv1").toObject().value(u"config").toObject().value(u"Labels").toObject();
    QMap<QString, QString> map;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

std::optional<QStringList> BuildahStages::onBuild(const QString &image,
                                                  BuildCancellation &cancellation) const
{
    ProcessSpec spec;
    spec.program = m_program;
    spec.arguments = m_storage.buildahArguments();
    spec.arguments << QStringLiteral("inspect") << QStringLiteral("--type")
                   << QStringLiteral("image") << image;
    spec.captureOutput = true;
    const ProcessResult result = runProcess(spec, cancellation);
    if (!result.ok())
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(result.standardOutput).object();
    // OnBuild lives in the Docker config only (the OCI format has no such field).
    const QJsonArray triggers = root.value(u"Docker")
                                        .toObject()
                                        .value(u"config")
                                        .toObject()
                                        .value(u"OnBuild")
                                        .toArray();
    QStringList list;
    for (const QJsonValue &trigger : triggers)
        list.append(trigger.toString());
    return list;
}

StageLookup BuildahStages::lookup(BuildCancellation &cancellation)
{
    return [this, &cancellation](const QString &image,
                                 StageId stage,
                                 const QString &signature) -> std::optional<StageRecord> {
        const QList<Candidate> list = candidates(signature);
        if (list.isEmpty())
            return std::nullopt;
        const Candidate &oldest = list.first();
        StageRecord record;
        // The calculator reads commits only for the stages at and after gitArchive (§6.3).
        const bool needsCommits = m_gitImages.contains(image) && stage >= StageId::GitArchive
                                  && stage != StageId::DockerInstructions;
        if (!needsCommits) {
            QMutexLocker locker(&m_mutex);
            m_chosen.insert(signature, oldest.name);
            return record;
        }
        const std::optional<QMap<QString, QString>> labels = this->labels(oldest.name, cancellation);
        if (!labels)
            return std::nullopt;
        // werf-git-<paramshash>-commit (§6.5); virtual merges are never built here.
        for (auto it = labels->constBegin(); it != labels->constEnd(); ++it) {
            const QString &key = it.key();
            if (key.startsWith(u"werf-git-") && key.endsWith(u"-commit")
                && !key.endsWith(u"-virtual-merge-from-commit")
                && !key.endsWith(u"-virtual-merge-into-commit"))
                record.gitCommits.insert(key.mid(9, key.size() - 9 - 7), it.value());
        }
        QMutexLocker locker(&m_mutex);
        m_chosen.insert(signature, oldest.name);
        return record;
    };
}

QString BuildahStages::chosen(const QString &signature) const
{
    QMutexLocker locker(&m_mutex);
    return m_chosen.value(signature);
}

} // namespace Stagecraft::Model

// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildsession.h"

#include <QMutexLocker>

namespace Stagecraft::Model {

QString BuildSession::key(ImageKind kind, const QString &name)
{
    return imageKindName(kind) + u'/' + name;
}

void BuildSession::setStageImage(const QString &imageKey, const QString &stage, const QString &name)
{
    QMutexLocker locker(&m_mutex);
    m_stageImages[imageKey].insert(stage, name);
}

QString BuildSession::stageImage(const QString &imageKey, const QString &stage) const
{
    QMutexLocker locker(&m_mutex);
    return m_stageImages.value(imageKey).value(stage);
}

void BuildSession::setLastImage(const QString &imageKey, const QString &name)
{
    QMutexLocker locker(&m_mutex);
    m_lastImages.insert(imageKey, name);
}

QString BuildSession::lastImage(const QString &imageKey) const
{
    QMutexLocker locker(&m_mutex);
    return m_lastImages.value(imageKey);
}

std::unique_lock<std::mutex> BuildSession::lockSignature(const QString &signature)
{
    std::shared_ptr<std::mutex> mutex;
    {
        QMutexLocker locker(&m_mutex);
        std::shared_ptr<std::mutex> &slot = m_signatureLocks[signature];
        if (!slot)
            slot = std::make_shared<std::mutex>();
        mutex = slot;
    }
    // The mutexes stay in the hash until the session ends, so this reference stays valid.
    return std::unique_lock<std::mutex>(*mutex);
}

void BuildSession::setStoredImage(const QString &signature, const QString &name)
{
    QMutexLocker locker(&m_mutex);
    m_storedBySignature.insert(signature, name);
}

QString BuildSession::storedImage(const QString &signature) const
{
    QMutexLocker locker(&m_mutex);
    return m_storedBySignature.value(signature);
}

QString BuildSession::cachedImage(const StagePlan &stage) const
{
    if (registryStorage)
        return stage.storedAs;
    return stages ? stages->chosen(stage.signature) : QString();
}

QStringList BuildSession::buildahArguments(const QStringList &arguments) const
{
    return options.storage.buildahArguments() + arguments;
}

} // namespace Stagecraft::Model

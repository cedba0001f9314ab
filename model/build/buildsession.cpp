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

QStringList BuildSession::buildahArguments(const QStringList &arguments) const
{
    return options.storage.buildahArguments() + arguments;
}

} // namespace Stagecraft::Model

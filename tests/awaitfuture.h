// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace Stagecraft::Testing {

/**
 * Runs this thread's event loop until the future is finished (or `ms` passed) and returns its
 * result, or a default value. For work that lives in the test's own thread.
 */
template<typename T>
T await(QFuture<T> future, int ms = 30000, bool *finished = nullptr)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    if (finished)
        *finished = future.isFinished();
    return future.isFinished() && future.resultCount() > 0 ? future.result() : T{};
}

} // namespace Stagecraft::Testing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Runs one kind of computation off the GUI thread, newest request wins: starting a job cancels
 * the one before (its result is dropped), results arrive on the GUI thread, the destructor
 * cancels and waits for every job still running.
 */
#include <QFutureWatcher>
#include <QList>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace logitlab::ui {

/**
 * The pool for long sweeps (one at a time; each sweep spreads its points over every core itself).
 * Keeping them out of QThreadPool::globalInstance() means a short job, such as the MPFR reference
 * of a keystroke, never waits behind a sweep.
 */
inline QThreadPool *sweepPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}

/** \brief A QFutureWatcher that keeps only the latest of its jobs. */
template <class Result> class AsyncJob {
public:
    using Handler = std::function<void(const Result &)>;

    /** Jobs run on \a pool (the global pool if null). */
    AsyncJob(QObject *context, Handler onResult, std::function<void(int)> onProgress = {}, QThreadPool *pool = nullptr)
        : m_pool(pool ? pool : QThreadPool::globalInstance())
    {
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, context, [this, onResult] {
            const QFuture<Result> f = m_watcher.future();
            if (!f.isCanceled() && f.resultCount() > 0)
                onResult(f.result());
        });
        if (onProgress)
            QObject::connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, context, onProgress);
    }
    ~AsyncJob() { cancelAll(true); }
    AsyncJob(const AsyncJob &) = delete;
    AsyncJob &operator=(const AsyncJob &) = delete;

    /** Starts fn(QPromise<Result>&) on the global pool; the previous job is cancelled. */
    template <class Fn> void start(Fn &&fn)
    {
        cancelAll(false);
        QFuture<Result> f = QtConcurrent::run(m_pool, std::forward<Fn>(fn));
        m_running.append(QFuture<void>(f));
        m_watcher.setFuture(f);
    }

    bool isRunning() const { return m_watcher.isRunning(); }

    /** Blocks until the current job has finished (tests and screenshots). */
    void waitForFinished() { m_watcher.waitForFinished(); }

private:
    void cancelAll(bool wait)
    {
        for (QFuture<void> &f : m_running) {
            f.cancel();
            if (wait)
                f.waitForFinished();
        }
        m_running.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    }

    QThreadPool *m_pool;
    QFutureWatcher<Result> m_watcher;
    QList<QFuture<void>> m_running;
};

} // namespace logitlab::ui

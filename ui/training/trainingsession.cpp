// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingsession.h"

#include "training/datatext.h"
#include "training/trainingtext.h"

#include <QTimer>

#include <algorithm>

namespace logitlab::ui {

namespace {
constexpr int chunkMs = 15; // longest stretch of training between two looks at the event loop
// Metrics to the GUI at about 40 Hz, a little faster than the page's ~30 Hz frame timer so that
// every frame has something new: at 33 ms, checked only at the end of 15 ms chunks, they arrived
// every 45 ms and the plots could redraw only ~22 times a second.
constexpr int flushMs = 25;
constexpr int viewMs = 500; // model views at about 2 Hz while playing
} // namespace

TrainingWorker::TrainingWorker(std::atomic<bool> *interrupt) : m_interrupt(interrupt)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TrainingWorker::tick);
}

TrainingWorker::~TrainingWorker() = default;

SessionState TrainingWorker::state() const
{
    SessionState s = m_session.state();
    s.playing = m_playing;
    return s;
}

void TrainingWorker::setup(const TrainingLab &lab)
{
    Q_EMIT setupBegins();
    m_interrupt->store(false);
    m_timer->stop();
    m_playing = false;
    const SessionSetupError e = m_session.setup(lab, resourceBytes());
    if (!e.data.ok()) {
        Q_EMIT failed(dataErrorText(e.data, lab.data));
    } else {
        Q_EMIT dataReady(e.data.data);
        if (e.config != TrainConfigError::None)
            Q_EMIT failed(tr("Run %1: %2")
                              .arg(e.run == 0 ? QStringLiteral("A") : QStringLiteral("B"), configErrorText(e.config)));
    }
    if (m_session.ready()) {
        m_inspected = std::clamp(m_inspected, 0, int(m_session.data()->split.test.size()) - 1);
        flush(true);
        emitView();
    } else {
        Q_EMIT stateChanged(state());
    }
    Q_EMIT commandDone();
}

void TrainingWorker::flush(bool force)
{
    if (!force && m_lastFlush.isValid() && m_lastFlush.elapsed() < flushMs)
        return;
    m_lastFlush.start();
    TrainingUpdate u = m_session.takeUpdate();
    if (!u.empty())
        Q_EMIT updated(u);
    Q_EMIT stateChanged(state());
}

void TrainingWorker::emitView()
{
    if (!m_session.ready())
        return;
    m_lastView.start();
    Q_EMIT viewReady(m_session.view(m_inspected));
}

void TrainingWorker::play()
{
    m_interrupt->store(false);
    if (m_session.ready() && !m_session.limitReached() && !m_session.stopped()) {
        m_playing = true;
        m_playClock.start();
        m_playStartStep = m_session.stepCount();
        m_timer->start(0);
    }
    flush(true);
    Q_EMIT commandDone();
}

void TrainingWorker::pause()
{
    m_interrupt->store(false);
    const bool was = m_playing;
    m_playing = false;
    m_timer->stop();
    flush(true);
    if (was)
        emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::tick()
{
    if (!m_playing || !m_session.ready())
        return;
    QElapsedTimer chunk;
    chunk.start();
    int wait = 0;
    const auto flushDue = [this] { return m_lastFlush.isValid() && m_lastFlush.elapsed() >= flushMs; };
    while (!m_interrupt->load(std::memory_order_relaxed) && chunk.elapsed() < chunkMs && !flushDue()) {
        if (m_session.limitReached() || m_session.stopped()) {
            m_playing = false;
            break;
        }
        if (m_speed > 0) {
            const long long allowed = m_playStartStep + (m_playClock.elapsed() * m_speed) / 1000 + 1;
            if (m_session.stepCount() >= allowed) {
                wait = std::max(1, 1000 / m_speed / 2);
                break;
            }
        }
        m_session.step();
    }
    flush(!m_playing);
    if (!m_playing || m_lastView.elapsed() >= viewMs)
        emitView();
    if (m_playing)
        m_timer->start(wait);
}

void TrainingWorker::stepBatches(long long n)
{
    m_interrupt->store(false);
    m_playing = false;
    m_timer->stop();
    for (long long i = 0; i < n && m_session.ready(); ++i)
        m_session.step();
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::stepEpoch()
{
    m_interrupt->store(false);
    m_playing = false;
    m_timer->stop();
    m_session.stepEpoch([this] { return m_interrupt->load(std::memory_order_relaxed); });
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::stepBack(int n)
{
    m_interrupt->store(false);
    m_playing = false;
    m_timer->stop();
    flush(true); // the GUI must have every point before it drops some
    if (m_session.stepBack(n) > 0)
        Q_EMIT rewound(m_session.stepCount());
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::setSpeed(int batchesPerSecond)
{
    m_speed = std::max(0, batchesPerSecond);
    m_playClock.start();
    m_playStartStep = m_session.stepCount();
    Q_EMIT commandDone();
}

void TrainingWorker::setEpochLimit(int epochs)
{
    m_session.setEpochLimit(epochs);
    flush(true);
    Q_EMIT commandDone();
}

void TrainingWorker::setInspectedSample(int index)
{
    m_inspected = index;
    if (const auto data = m_session.data())
        m_inspected = std::clamp(index, 0, int(data->split.test.size()) - 1);
    if (!m_playing)
        emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::requestView()
{
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::classify(const std::vector<float> &row)
{
    QVector<double> out[2];
    for (int i = 0; i < m_session.runCount(); ++i) {
        const std::vector<double> p = m_session.classify(i, row);
        out[i] = QVector<double>(p.begin(), p.end());
    }
    Q_EMIT classified(out[0], out[1]);
    Q_EMIT commandDone();
}

// ---------------------------------------------------------------------------------------------

TrainingSession::TrainingSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<TrainingUpdate>();
    qRegisterMetaType<SessionState>();
    qRegisterMetaType<ModelViewPtr>();
    qRegisterMetaType<SessionDataPtr>();
    m_worker = new TrainingWorker(&m_interrupt);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Forward only what belongs to the latest setup(): older sessions' queued results are dropped.
    connect(
        m_worker, &TrainingWorker::setupBegins, this, [this] { m_pendingSetups = std::max(0, m_pendingSetups - 1); });
    connect(m_worker, &TrainingWorker::dataReady, this, [this](const SessionDataPtr &d) {
        if (m_pendingSetups > 0)
            return;
        m_data = d;
        Q_EMIT dataReady(d);
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString &m) {
        if (m_pendingSetups == 0)
            Q_EMIT failed(m);
    });
    connect(m_worker, &TrainingWorker::updated, this, [this](const TrainingUpdate &u) {
        if (m_pendingSetups == 0)
            Q_EMIT updated(u);
    });
    connect(m_worker, &TrainingWorker::stateChanged, this, [this](const SessionState &s) {
        if (m_pendingSetups > 0)
            return;
        m_state = s;
        Q_EMIT stateChanged(s);
    });
    connect(m_worker, &TrainingWorker::viewReady, this, [this](const ModelViewPtr &v) {
        if (m_pendingSetups == 0)
            Q_EMIT viewReady(v);
    });
    connect(m_worker, &TrainingWorker::rewound, this, [this](long long step) {
        if (m_pendingSetups == 0)
            Q_EMIT rewound(step);
    });
    connect(m_worker, &TrainingWorker::classified, this, [this](const QVector<double> &a, const QVector<double> &b) {
        if (m_pendingSetups == 0)
            Q_EMIT classified(a, b);
    });
    connect(m_worker, &TrainingWorker::commandDone, this, [this] { m_outstanding = std::max(0, m_outstanding - 1); });
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainingSession::~TrainingSession()
{
    m_interrupt.store(true); // ends a chunk at the next batch
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->pause(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <class Fn> void TrainingSession::post(Fn &&fn, bool interrupt)
{
    if (interrupt)
        m_interrupt.store(true);
    ++m_outstanding;
    QMetaObject::invokeMethod(m_worker, std::forward<Fn>(fn), Qt::QueuedConnection);
}

void TrainingSession::setup(const TrainingLab &lab)
{
    ++m_pendingSetups;
    post([w = m_worker, lab] { w->setup(lab); }, true);
}

void TrainingSession::play()
{
    post([w = m_worker] { w->play(); }, false);
}

void TrainingSession::pause()
{
    post([w = m_worker] { w->pause(); }, true);
}

void TrainingSession::stepBatches(long long n)
{
    post([w = m_worker, n] { w->stepBatches(n); }, true);
}

void TrainingSession::stepEpoch()
{
    post([w = m_worker] { w->stepEpoch(); }, true);
}

void TrainingSession::stepBack(int n)
{
    post([w = m_worker, n] { w->stepBack(n); }, true);
}

void TrainingSession::setSpeed(int batchesPerSecond)
{
    post([w = m_worker, batchesPerSecond] { w->setSpeed(batchesPerSecond); }, false);
}

void TrainingSession::setEpochLimit(int epochs)
{
    post([w = m_worker, epochs] { w->setEpochLimit(epochs); }, false);
}

void TrainingSession::setInspectedSample(int index)
{
    post([w = m_worker, index] { w->setInspectedSample(index); }, false);
}

void TrainingSession::classify(const std::vector<float> &row)
{
    post([w = m_worker, row] { w->classify(row); }, false);
}

void TrainingSession::requestView()
{
    post([w = m_worker] { w->requestView(); }, false);
}

} // namespace logitlab::ui

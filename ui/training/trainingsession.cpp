#include "training/trainingsession.h"

#include "training/runengine.h"
#include "training/trainingdata.h"
#include "training/trainingtext.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {
constexpr int chunkMs = 15; // longest stretch of training between two looks at the event loop
// Metrics to the GUI at about 40 Hz, a little faster than the page's ~30 Hz frame timer so that
// every frame has something new: at 33 ms, checked only at the end of 15 ms chunks, they arrived
// every 45 ms and the plots could redraw only ~22 times a second.
constexpr int flushMs = 25;
constexpr int viewMs = 500; // model views at about 2 Hz while playing
constexpr int boundaryGrid = 100;
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
    SessionState s;
    s.ready = m_runCount > 0;
    s.playing = m_playing;
    s.step = m_step;
    s.epoch = m_epoch;
    s.batchesPerEpoch = m_runCount > 0 ? m_runs[0]->batchesPerEpoch() : 0;
    s.historyDepth = m_history;
    s.limitReached = limitReached();
    return s;
}

bool TrainingWorker::limitReached() const
{
    return m_epochLimit > 0 && m_epoch >= m_epochLimit;
}

void TrainingWorker::setup(const SessionSetup &setup)
{
    Q_EMIT setupBegins();
    m_interrupt->store(false);
    m_timer->stop();
    m_playing = false;
    for (auto &r : m_runs)
        r.reset();
    m_runCount = 0;
    m_step = 0;
    m_epoch = 0;
    m_history = 0;
    m_pending = {};
    const LoadedData loaded = loadSessionData(setup);
    if (!loaded.data) {
        Q_EMIT failed(loaded.error);
        Q_EMIT stateChanged(state());
        Q_EMIT commandDone();
        return;
    }
    m_data = loaded.data;
    const DataSplit &split = m_data->split;
    const int classes = split.train.classes;
    TrainConfig configs[2] = {setup.a, setup.b};
    // Twins: B shares everything that fixes the initial weights and the batch order.
    configs[1].hidden = configs[0].hidden;
    configs[1].activation = configs[0].activation;
    configs[1].init = configs[0].init;
    configs[1].initScale = configs[0].initScale;
    configs[1].seed = configs[0].seed;
    configs[1].batchSize = configs[0].batchSize;
    configs[1].shuffle = configs[0].shuffle;
    configs[1].lrDecayRate = configs[0].lrDecayRate;
    configs[1].lrDecayEvery = configs[0].lrDecayEvery;
    const int runCount = setup.twin ? 2 : 1;
    for (int i = 0; i < runCount; ++i) {
        const TrainConfigError e = validateConfig(
            configs[i], classes, split.train.size(), split.train.featureCount(), split.test.featureCount());
        if (e != TrainConfigError::None) {
            Q_EMIT dataReady(m_data);
            Q_EMIT failed(tr("Run %1: %2").arg(i == 0 ? QStringLiteral("A") : QStringLiteral("B"), configErrorText(e)));
            Q_EMIT stateChanged(state());
            Q_EMIT commandDone();
            return;
        }
    }
    for (int i = 0; i < runCount; ++i)
        m_runs[i] = RunEngine::create(configs[i], split);
    m_runCount = runCount;

    // Gallery: test samples round-robin over the classes, in test-set order.
    m_gallery.clear();
    {
        std::vector<std::vector<int>> byClass(static_cast<std::size_t>(classes));
        for (int i = 0; i < int(split.test.labels.size()); ++i)
            if (byClass[std::size_t(split.test.labels[std::size_t(i)])].size() < std::size_t(gallerySize))
                byClass[std::size_t(split.test.labels[std::size_t(i)])].push_back(i);
        for (std::size_t round = 0; int(m_gallery.size()) < gallerySize && round < std::size_t(gallerySize); ++round)
            for (const auto &list : byClass)
                if (round < list.size() && int(m_gallery.size()) < gallerySize)
                    m_gallery.push_back(list[round]);
        std::sort(m_gallery.begin(), m_gallery.end());
    }
    m_viewFrame = {};
    m_viewFrame.classes = classes;
    m_viewFrame.galleryIndices = m_gallery;
    if (split.train.featureCount() == 2) {
        const auto x = split.train.features.col(0), y = split.train.features.col(1);
        const double mx = 0.1 * (x.maxCoeff() - x.minCoeff()), my = 0.1 * (y.maxCoeff() - y.minCoeff());
        m_viewFrame.boundarySize = boundaryGrid;
        m_viewFrame.boundaryX0 = x.minCoeff() - mx;
        m_viewFrame.boundaryX1 = x.maxCoeff() + mx;
        m_viewFrame.boundaryY0 = y.minCoeff() - my;
        m_viewFrame.boundaryY1 = y.maxCoeff() + my;
    }
    m_inspected = std::clamp(m_inspected, 0, int(split.test.size()) - 1);

    Q_EMIT dataReady(m_data);
    for (int i = 0; i < m_runCount; ++i)
        evaluatePoint(i, 0);
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::evaluatePoint(int run, int epoch)
{
    RunEngine &r = *m_runs[run];
    EpochPoint p;
    p.epoch = epoch;
    p.step = m_step;
    if (epoch == 0) {
        const EvalMetrics t = r.evaluateTrain();
        p.trainLoss = t.loss;
        p.trainAccuracy = t.accuracy;
    } else {
        const EpochMetrics &e = r.lastEpochRecord();
        p.trainLoss = e.trainLoss;
        p.trainAccuracy = e.trainAccuracy;
        p.nanEvents = e.nanEvents;
    }
    const EvalMetrics t = r.evaluateTest();
    p.testLoss = t.loss;
    p.testAccuracy = t.accuracy;
    p.testNonFinite = t.nonFiniteLosses;
    p.deadSamples = t.deadSamples;
    m_pending.epochs[run].append(p);
}

void TrainingWorker::doStep()
{
    bool ended = false;
    for (int i = 0; i < m_runCount; ++i) {
        m_runs[i]->pushSnapshot(historyLimit);
        const BatchMetrics b = m_runs[i]->step();
        BatchPoint p;
        p.step = m_step + 1;
        p.loss = b.loss;
        p.accuracy = b.samples ? double(b.correct) / double(b.samples) : 0.0;
        p.learningRate = b.learningRate;
        p.maxAbsLogit = b.maxAbsLogit;
        p.nonFiniteLosses = b.nonFiniteLosses;
        p.nonFiniteGradients = b.nonFiniteGradients;
        m_pending.batches[i].append(p);
        ended = ended || b.epochEnded;
    }
    if (m_runCount == 2) {
        // How far the twins have moved apart: the largest weight difference (inf once a weight is not finite).
        const std::vector<double> a = m_runs[0]->parameters(), b = m_runs[1]->parameters();
        if (a.size() == b.size()) {
            double diff = 0;
            for (std::size_t k = 0; k < a.size(); ++k) {
                const double d = std::fabs(a[k] - b[k]);
                diff = std::isfinite(d) ? std::max(diff, d) : std::numeric_limits<double>::infinity();
            }
            m_pending.batches[1].last().weightDiff = diff;
        }
    }
    ++m_step;
    m_history = std::min<int>(m_history + 1, int(historyLimit));
    if (ended) {
        ++m_epoch;
        for (int i = 0; i < m_runCount; ++i)
            evaluatePoint(i, m_epoch);
    }
}

void TrainingWorker::flush(bool force)
{
    if (!force && m_lastFlush.isValid() && m_lastFlush.elapsed() < flushMs)
        return;
    m_lastFlush.start();
    if (!m_pending.batches[0].isEmpty() || !m_pending.epochs[0].isEmpty() || !m_pending.batches[1].isEmpty()
        || !m_pending.epochs[1].isEmpty()) {
        Q_EMIT updated(m_pending);
        m_pending = {};
    }
    Q_EMIT stateChanged(state());
}

void TrainingWorker::emitView()
{
    if (m_runCount == 0)
        return;
    m_lastView.start();
    auto view = std::make_shared<ModelView>(m_viewFrame);
    view->step = m_step;
    view->runCount = m_runCount;
    view->inspectedSample = m_inspected;
    view->inspectedLabel = m_data->split.test.labels[std::size_t(m_inspected)];
    for (int i = 0; i < m_runCount; ++i)
        m_runs[i]->fillView(view->runs[i], *view, m_data->split.test);
    Q_EMIT viewReady(view);
}

void TrainingWorker::play()
{
    m_interrupt->store(false);
    if (m_runCount > 0 && !limitReached()) {
        m_playing = true;
        m_playClock.start();
        m_playStartStep = m_step;
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
    if (!m_playing || m_runCount == 0)
        return;
    QElapsedTimer chunk;
    chunk.start();
    int wait = 0;
    const auto flushDue = [this] { return m_lastFlush.isValid() && m_lastFlush.elapsed() >= flushMs; };
    while (!m_interrupt->load(std::memory_order_relaxed) && chunk.elapsed() < chunkMs && !flushDue()) {
        if (limitReached()) {
            m_playing = false;
            break;
        }
        if (m_speed > 0) {
            const long long allowed = m_playStartStep + (m_playClock.elapsed() * m_speed) / 1000 + 1;
            if (m_step >= allowed) {
                wait = std::max(1, 1000 / m_speed / 2);
                break;
            }
        }
        doStep();
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
    for (long long i = 0; i < n && m_runCount > 0; ++i)
        doStep();
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::stepEpoch()
{
    m_interrupt->store(false);
    m_playing = false;
    m_timer->stop();
    if (m_runCount > 0) {
        const int target = m_epoch + 1;
        while (m_epoch < target && !m_interrupt->load(std::memory_order_relaxed))
            doStep();
    }
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
    int done = 0;
    while (done < n && m_history > 0) {
        for (int i = 0; i < m_runCount; ++i)
            m_runs[i]->popSnapshot();
        --m_history;
        --m_step;
        ++done;
    }
    if (done > 0) {
        m_epoch = m_runs[0]->epoch();
        Q_EMIT rewound(m_step);
    }
    flush(true);
    emitView();
    Q_EMIT commandDone();
}

void TrainingWorker::setSpeed(int batchesPerSecond)
{
    m_speed = std::max(0, batchesPerSecond);
    m_playClock.start();
    m_playStartStep = m_step;
    Q_EMIT commandDone();
}

void TrainingWorker::setEpochLimit(int epochs)
{
    m_epochLimit = std::max(0, epochs);
    flush(true);
    Q_EMIT commandDone();
}

void TrainingWorker::setInspectedSample(int index)
{
    m_inspected = index;
    if (m_data)
        m_inspected = std::clamp(index, 0, int(m_data->split.test.size()) - 1);
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
    for (int i = 0; i < m_runCount; ++i)
        if (std::size_t(m_data->split.train.featureCount()) == row.size()) {
            const std::vector<double> p = m_runs[i]->classify(row, m_data->split.train.classes);
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

void TrainingSession::setup(const SessionSetup &setup)
{
    ++m_pendingSetups;
    post([w = m_worker, setup] { w->setup(setup); }, true);
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

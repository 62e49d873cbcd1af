// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/twinsession.h"

#include "training/runengine.h"

#include <algorithm>
#include <cmath>

namespace logitlab {

TwinSession::TwinSession() = default;
TwinSession::~TwinSession() = default;

SessionSetupError TwinSession::setup(const TrainingLab &lab, const ByteSource &embedded)
{
    for (auto &r : m_runs)
        r.reset();
    m_data.reset();
    m_frame.reset();
    m_runCount = 0;
    m_step = 0;
    m_epoch = 0;
    m_history = 0;
    m_pending = {};
    m_nonFiniteStep[0] = m_nonFiniteStep[1] = 0;
    m_saturationStep[0] = m_saturationStep[1] = -1;

    SessionSetupError result;
    result.data = loadTrainingData(lab.data, lab.a.seed, embedded);
    if (!result.data.ok())
        return result;
    const std::shared_ptr<const SessionData> data = result.data.data;
    const DataSplit &split = data->split;
    const int classes = split.train.classes;
    m_configs[0] = lab.a;
    m_configs[1] = twinConfig(lab.a, lab.b);
    const int runCount = lab.twin ? 2 : 1;
    for (int i = 0; i < runCount; ++i) {
        result.config = validateConfig(
            m_configs[i], classes, split.train.size(), split.train.featureCount(), split.test.featureCount());
        if (result.config != TrainConfigError::None) {
            result.run = i;
            return result;
        }
    }
    m_data = data;
    for (int i = 0; i < runCount; ++i)
        m_runs[i] = RunEngine::create(m_configs[i], split);
    m_runCount = runCount;
    setHistoryLimit(m_historyCap);

    // The views' frame: gallery samples round-robin over the classes, in test-set order, and
    // the boundary grid over the 2-D plane with a 10% margin.
    m_frame = std::make_unique<ModelView>();
    m_frame->classes = classes;
    std::vector<std::vector<int>> byClass(static_cast<std::size_t>(classes));
    for (int i = 0; i < int(split.test.labels.size()); ++i) {
        auto &list = byClass[std::size_t(split.test.labels[std::size_t(i)])];
        if (list.size() < std::size_t(gallerySize))
            list.push_back(i);
    }
    auto &gallery = m_frame->galleryIndices;
    for (std::size_t round = 0; int(gallery.size()) < gallerySize && round < std::size_t(gallerySize); ++round)
        for (const auto &list : byClass)
            if (round < list.size() && int(gallery.size()) < gallerySize)
                gallery.push_back(list[round]);
    std::sort(gallery.begin(), gallery.end());
    if (split.train.featureCount() == 2) {
        const auto x = split.train.features.col(0), y = split.train.features.col(1);
        const double mx = 0.1 * (x.maxCoeff() - x.minCoeff()), my = 0.1 * (y.maxCoeff() - y.minCoeff());
        m_frame->boundarySize = boundaryGrid;
        m_frame->boundaryX0 = x.minCoeff() - mx;
        m_frame->boundaryX1 = x.maxCoeff() + mx;
        m_frame->boundaryY0 = y.minCoeff() - my;
        m_frame->boundaryY1 = y.maxCoeff() + my;
    }

    for (int i = 0; i < m_runCount; ++i)
        evaluatePoint(i, 0);
    noteSaturation(0);
    return result;
}

void TwinSession::setHistoryLimit(int steps)
{
    m_historyCap = std::clamp(steps, 0, maxHistory);
    long long bytes = 0;
    for (int i = 0; i < m_runCount; ++i)
        bytes += m_runs[i]->snapshotBytes();
    const long long affordable = bytes > 0 ? historyBudgetBytes / bytes : maxHistory;
    m_historyLimit = int(std::min<long long>(m_historyCap, affordable));
    while (m_history > m_historyLimit) { // forget the oldest snapshots beyond the new limit
        for (int i = 0; i < m_runCount; ++i)
            m_runs[i]->dropOldestSnapshot();
        --m_history;
    }
}

bool TwinSession::stopped() const
{
    for (int i = 0; i < m_runCount; ++i)
        if (m_runs[i]->stopped())
            return true;
    return false;
}

bool TwinSession::runStopped(int run) const
{
    return run >= 0 && run < m_runCount && m_runs[run]->stopped();
}

SessionState TwinSession::state() const
{
    SessionState s;
    s.ready = ready();
    s.step = m_step;
    s.epoch = m_epoch;
    s.batchesPerEpoch = ready() ? m_runs[0]->batchesPerEpoch() : 0;
    s.historyDepth = m_history;
    s.limitReached = limitReached();
    s.stopped = stopped();
    return s;
}

void TwinSession::evaluatePoint(int run, int epoch, bool partial)
{
    RunEngine &r = *m_runs[run];
    EpochPoint p;
    p.epoch = epoch;
    p.step = m_step;
    if (epoch == 0) {
        const EvalMetrics t = r.evaluateTrain();
        p.trainLoss = t.loss;
        p.trainAccuracy = t.accuracy;
        p.learningRate = learningRate(m_configs[run].optimizer);
        p.lossScale = LossScaler(m_configs[run].mixed.lossScale).scale;
    } else {
        const EpochMetrics e = partial ? r.currentEpochRecord() : r.lastEpochRecord();
        p.learningRate = e.learningRate;
        p.trainLoss = e.trainLoss;
        p.trainAccuracy = e.trainAccuracy;
        p.seconds = e.seconds;
        p.maxAbsLogit = e.maxAbsLogit;
        p.nanEvents = e.nanEvents;
        p.lossScale = e.lossScale;
        p.skippedSteps = e.skippedSteps;
        p.flushedGradients = e.flushedGradients;
        p.overflowGradients = e.overflowGradients;
        p.lostUpdates = e.lostUpdates;
        p.updateRatio = e.updateRatio;
    }
    const EvalMetrics t = r.evaluateTest();
    p.testLoss = t.loss;
    p.testAccuracy = t.accuracy;
    p.testNonFinite = t.nonFiniteLosses;
    p.deadSamples = t.deadSamples;
    m_pending.epochs[run].push_back(p);
}

void TwinSession::noteSaturation(int epoch)
{
    for (int i = 0; i < m_runCount; ++i) {
        const EpochPoint &e = m_pending.epochs[i].back();
        if (e.epoch != epoch || e.deadSamples == 0 || m_saturationStep[i] >= 0)
            continue;
        m_saturationStep[i] = e.step;
        SessionEvent ev;
        ev.kind = SessionEventKind::Saturation;
        ev.run = i;
        ev.step = e.step;
        ev.dead = e.deadSamples;
        ev.total = m_data->split.test.size();
        if (m_runCount == 2)
            ev.otherDead = m_pending.epochs[1 - i].back().deadSamples;
        m_pending.events.push_back(ev);
    }
}

void TwinSession::step()
{
    if (!ready() || stopped())
        return;
    bool ended = false;
    bool fresh[2] = {false, false};
    for (int i = 0; i < m_runCount; ++i) {
        m_runs[i]->pushSnapshot(std::size_t(m_historyLimit));
        const BatchMetrics b = m_runs[i]->step();
        BatchPoint p;
        p.step = m_step + 1;
        p.loss = b.loss;
        p.accuracy = b.samples ? double(b.correct) / double(b.samples) : 0.0;
        p.learningRate = b.learningRate;
        p.maxAbsLogit = b.maxAbsLogit;
        p.nonFiniteLosses = b.nonFiniteLosses;
        p.nonFiniteGradients = b.nonFiniteGradients;
        p.flushedGradients = b.flushedGradients;
        p.lossScale = b.lossScale;
        p.skipped = b.skipped;
        for (const UpdateStats &l : b.layers) {
            p.lostUpdates.push_back(l.lostFraction());
            p.updateRatio.push_back(l.ratio());
        }
        m_pending.batches[i].push_back(p);
        ended = ended || b.epochEnded;
        if (m_nonFiniteStep[i] == 0 && (b.nonFinite() || !std::isfinite(b.loss))) {
            m_nonFiniteStep[i] = p.step;
            fresh[i] = true;
        }
    }
    if (m_runCount == 2) {
        // How far the twins have moved apart: the largest weight difference (inf once a weight is not finite).
        // Into buffers kept across steps: no allocation per step on the play loop's path.
        std::vector<double> &a = m_weights[0], &b = m_weights[1];
        m_runs[0]->parameters(a);
        m_runs[1]->parameters(b);
        if (a.size() == b.size()) {
            double diff = 0;
            for (std::size_t k = 0; k < a.size(); ++k) {
                const double d = std::fabs(a[k] - b[k]);
                diff = std::isfinite(d) ? std::max(diff, d) : std::numeric_limits<double>::infinity();
            }
            m_pending.batches[1].back().weightDiff = diff;
        }
    }
    ++m_step;
    m_history = std::min(m_history + 1, m_historyLimit);
    for (int i = 0; i < m_runCount; ++i)
        if (fresh[i]) {
            const BatchPoint &b = m_pending.batches[i].back();
            SessionEvent ev;
            ev.kind = SessionEventKind::NonFinite;
            ev.run = i;
            ev.step = b.step;
            ev.lossNonFinite = b.nonFiniteLosses > 0 || !std::isfinite(b.loss);
            ev.loss = b.loss;
            ev.otherClean = m_runCount < 2 || m_nonFiniteStep[1 - i] == 0;
            m_pending.events.push_back(ev);
        }
    if (ended) {
        ++m_epoch;
        for (int i = 0; i < m_runCount; ++i)
            evaluatePoint(i, m_epoch);
        noteSaturation(m_epoch);
    } else if (stopped()) {
        for (int i = 0; i < m_runCount; ++i)
            evaluatePoint(i, m_epoch + 1, true);
    }
}

bool TwinSession::stepEpoch(const std::function<bool()> &interrupted)
{
    const int target = m_epoch + 1;
    while (ready() && m_epoch < target && !stopped() && !(interrupted && interrupted()))
        step();
    return ready() && m_epoch >= target;
}

int TwinSession::stepBack(int n)
{
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
        // Undone events can happen again.
        for (int i = 0; i < 2; ++i) {
            if (m_nonFiniteStep[i] > m_step)
                m_nonFiniteStep[i] = 0;
            if (m_saturationStep[i] > m_step)
                m_saturationStep[i] = -1;
        }
        // Points of the undone steps that were not taken yet are dropped too.
        const auto after = [this](const auto &p) { return p.step > m_step; };
        for (int i = 0; i < 2; ++i) {
            std::erase_if(m_pending.batches[i], after);
            std::erase_if(m_pending.epochs[i], after);
        }
        std::erase_if(m_pending.events, after);
    }
    return done;
}

TrainingUpdate TwinSession::takeUpdate()
{
    TrainingUpdate u = std::move(m_pending);
    m_pending = {};
    return u;
}

ModelViewPtr TwinSession::view(int inspected) const
{
    if (!ready())
        return {};
    auto view = std::make_shared<ModelView>(*m_frame);
    view->step = m_step;
    view->runCount = m_runCount;
    view->inspectedSample = std::clamp(inspected, 0, int(m_data->split.test.size()) - 1);
    view->inspectedLabel = m_data->split.test.labels[std::size_t(view->inspectedSample)];
    for (int i = 0; i < m_runCount; ++i)
        m_runs[i]->fillView(view->runs[i], *view, m_data->split.test);
    return view;
}

std::vector<double> TwinSession::classify(int run, const std::vector<float> &row) const
{
    if (run < 0 || run >= m_runCount || std::size_t(m_data->split.train.featureCount()) != row.size())
        return {};
    return m_runs[run]->classify(row, m_data->split.train.classes);
}

EpochPoint TwinSession::testPoint(int run) const
{
    EpochPoint p;
    p.epoch = m_epoch;
    p.step = m_step;
    if (run < 0 || run >= m_runCount)
        return p;
    const EvalMetrics t = m_runs[run]->evaluateTest();
    p.testLoss = t.loss;
    p.testAccuracy = t.accuracy;
    p.testNonFinite = t.nonFiniteLosses;
    p.deadSamples = t.deadSamples;
    return p;
}

std::vector<double> TwinSession::parameters(int run) const
{
    if (run < 0 || run >= m_runCount)
        return {};
    return m_runs[run]->parameters();
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The training loop, UI-agnostic: step() runs one batch and returns its metrics, runEpoch()
 * runs the rest of an epoch and evaluates the test set, snapshot()/restore() save and put back
 * everything a run's future depends on (for step-back), and an atomic stop flag is checked
 * between batches, so a GUI thread may set it while a worker trains.
 */
#include "data/dataset.h"
#include "nn/lossscaler.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/outputhead.h"
#include "nn/trainconfig.h"
#include "precision/formatrounding.h"
#include "random/rng.h"

#include <Eigen/Core>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <limits>
#include <numeric>
#include <vector>

namespace logitlab {

/**
 * \brief What one update did to one layer's weights (biases not counted). An update is "lost"
 * when the step was nonzero but the stored weight did not change: w + dw rounded back to w.
 */
struct UpdateStats {
    long long updates = 0; ///< weights whose step dw was nonzero
    long long lost = 0; ///< of those, weights that stayed the same
    double stepNorm = 0.0; ///< ||dw|| (Euclidean, over the layer's weights)
    double weightNorm = 0.0; ///< ||w|| before the update

    /** ||dw|| / ||w||: about 1e-3 is healthy (CS231n); NaN if the weights are all zero. */
    double ratio() const { return weightNorm > 0.0 ? stepNorm / weightNorm : std::numeric_limits<double>::quiet_NaN(); }
    /** lost / updates, 0 if there were none. */
    double lostFraction() const { return updates ? double(lost) / double(updates) : 0.0; }
};

/** \brief What one batch did. */
struct BatchMetrics {
    int epoch = 0; ///< 0-based epoch the batch belongs to
    long long batch = 0; ///< 0-based index of the batch within its epoch
    long long samples = 0; ///< samples in the batch
    double learningRate = 0.0; ///< the rate used for this batch's update
    double loss = 0.0; ///< mean loss over the batch (inf/NaN if any sample's is)
    long long correct = 0; ///< samples classified right (before the update)
    double maxAbsLogit = 0.0; ///< largest |logit| in the batch
    long long nonFiniteLosses = 0; ///< samples whose loss was NaN or infinite
    long long nonFiniteGradients = 0; ///< parameter gradients that were NaN or infinite (scaled, if scaling)
    long long flushedGradients = 0; ///< weight and bias gradients flushed to zero (see formatkernels.h; unscaling too)
    double lossScale = 1.0; ///< the loss scale this batch's backward pass used (1 without scaling)
    bool skipped = false; ///< dynamic loss scaling skipped this batch's update (an inf/NaN gradient)
    std::vector<UpdateStats> layers; ///< per layer: what the update did to its weights
    bool epochEnded = false; ///< this was the epoch's last batch

    /** A NaN/inf loss, or an inf/NaN gradient that was not caught by dynamic loss scaling. */
    bool nonFinite() const { return nonFiniteLosses > 0 || (nonFiniteGradients > 0 && !skipped); }
};

/** \brief Loss and accuracy of the network on a whole data set. */
struct EvalMetrics {
    double loss = 0.0; ///< mean loss
    double accuracy = 0.0; ///< fraction classified right
    double maxAbsLogit = 0.0;
    long long nonFiniteLosses = 0;
    /** Misclassified samples whose loss gradient is exactly zero: they cannot teach anything. */
    long long deadSamples = 0;
};

/** \brief One epoch's record, as the CLI prints it and the GUI plots it. */
struct EpochMetrics {
    int epoch = 0; ///< 1-based
    double learningRate = 0.0;
    double trainLoss = 0.0; ///< mean of the batch losses seen during the epoch (as Keras reports)
    double trainAccuracy = 0.0; ///< fraction right over the epoch's batches, before each update
    double testLoss = 0.0;
    double testAccuracy = 0.0;
    double seconds = 0.0; ///< wall time of the epoch's training steps (evaluation excluded)
    double cpuSeconds = 0.0; ///< process CPU time of runEpoch()'s batches (robust on a busy machine)
    long long nanEvents = 0; ///< batches with a NaN/inf loss or gradient
    double maxAbsLogit = 0.0; ///< largest |logit| seen in training this epoch
    bool stopped = false; ///< the run stopped during this epoch (stop flag or policy)
    double lossScale = 1.0; ///< the loss scale at the end of the epoch
    long long skippedSteps = 0; ///< batches whose update dynamic loss scaling skipped
    long long flushedGradients = 0; ///< gradients flushed to zero over the epoch
    long long overflowGradients = 0; ///< gradients that were inf/NaN over the epoch
    std::vector<double> lostUpdates; ///< per layer: the epoch's lost updates / nonzero steps
    std::vector<double> updateRatio; ///< per layer: the mean of ||dw|| / ||w|| over the epoch's updates
};

/**
 * \brief Trains a Network<Scalar> on a data set with a TrainConfig.
 * The configuration must pass validateConfig(); the data sets are copied (rounded to Scalar).
 */
template <class Scalar> class MlpTrainer {
public:
    using Array = typename Network<Scalar>::Array;

    /** \brief The epoch's mixed-precision counts so far. */
    struct EpochMixed {
        long long skipped = 0, flushed = 0, overflow = 0, updatedBatches = 0;
        std::vector<UpdateStats> layers; ///< summed counts; stepNorm holds the sum of the ratios
    };

    /** \brief Everything the rest of a run depends on, for step-back. */
    struct Snapshot {
        Array parameters;
        OptimizerState<Scalar> optimizer;
        int epoch = 0;
        long long cursor = 0;
        std::vector<std::uint32_t> order;
        Rng shuffleRng {0};
        double epochLossSum = 0.0;
        long long epochCorrect = 0, epochSeen = 0, epochBatches = 0, epochNanEvents = 0;
        double epochMaxAbsLogit = 0.0, epochSeconds = 0.0;
        Eigen::ArrayXf master;
        OptimizerState<float> masterOptimizer;
        LossScaler scaler;
        Rng roundingRng {0};
        EpochMixed epochMixed;
    };

    MlpTrainer(const TrainConfig &config, const Dataset &train, const Dataset &test)
        : m_config(config),
          m_head {config.head},
          m_network(layerSizes(config, train), config.hidden.empty() ? Activation::Linear : config.activation,
              std::max<Eigen::Index>(config.batchSize, evalChunk), config.mixed.accumulate),
          m_shuffleRng(config.seed, 2),
          m_scaler(config.mixed.lossScale),
          m_roundingRng(config.seed, 3)
    {
        m_train = copyData(train, m_trainX, m_trainY);
        copyData(test, m_testX, m_testY);
        m_trainRows = rowPointers(m_trainX);
        m_testRows = rowPointers(m_testX);
        m_batchRows.resize(m_network.maxBatch());
        m_scratch.resize(m_network.outputs());
        m_grad.resize(m_network.outputs());
        m_network.initialise(config.init, config.initScale, config.seed);
        m_opt.reset(m_network.parameters().size());
        m_step.resize(m_network.parameters().size());
        if (config.mixed.masterWeights) {
            m_master = m_network.initialValues(config.init, config.initScale, config.seed);
            m_masterOpt.reset(m_master.size());
            m_masterGrad.resize(m_master.size());
            m_masterStep.resize(m_master.size());
        }
        m_order.resize(m_train);
        beginEpoch();
    }

    const TrainConfig &config() const { return m_config; }
    Network<Scalar> &network() { return m_network; }
    const Network<Scalar> &network() const { return m_network; }

    /** Set from any thread to stop runEpoch()/run() after the current batch. */
    std::atomic<bool> &stopFlag() { return m_stop; }
    /** True once the stop flag or the NaN policy has stopped the run. */
    bool stopped() const { return m_stopped || m_stop.load(std::memory_order_relaxed); }

    /** The current epoch's sample order (indices into the training set). */
    const std::vector<std::uint32_t> &order() const { return m_order; }

    /** 0-based index of the epoch the next step() belongs to. */
    int epoch() const { return m_epoch; }
    long long batchesPerEpoch() const { return (m_train + m_config.batchSize - 1) / m_config.batchSize; }

    /** The learning rate of epoch \a e (0-based): lr * rate^floor(e / every). */
    double learningRateAt(int e) const
    {
        return learningRate(m_config.optimizer) * std::pow(m_config.lrDecayRate, double(e / m_config.lrDecayEvery));
    }

    /** Runs the next batch of the current epoch: forward, loss, backward, update. */
    BatchMetrics step()
    {
        const auto start = std::chrono::steady_clock::now();
        BatchMetrics m;
        m.epoch = m_epoch;
        m.batch = m_cursor / m_config.batchSize;
        const long long n = std::min<long long>(m_config.batchSize, m_train - m_cursor);
        m.samples = n;
        m.learningRate = learningRateAt(m_epoch);
        for (long long i = 0; i < n; ++i)
            m_batchRows[i] = m_trainRows[m_order[m_cursor + i]];
        const int k = m_network.outputs();
        const Scalar *z = m_network.forward(m_batchRows.data(), n);
        Scalar *dz = m_network.outputGradient();
        // The mean's 1/n, times the loss scale S (the product correctly rounded to Scalar).
        m.lossScale = m_scaler.scale;
        const Scalar scale
            = m_scaler.enabled() ? narrowFromDouble<Scalar>(m_scaler.scale / double(n)) : Scalar(1) / Scalar(n);
        double lossSum = 0.0;
        for (long long i = 0; i < n; ++i) {
            const int y = m_trainY[m_order[m_cursor + i]];
            const Scalar loss = m_head.sample(z + i * k, k, y, dz + i * k, scale, m_scratch.data());
            if (!Eigen::numext::isfinite(loss))
                ++m.nonFiniteLosses;
            lossSum += double(loss);
            if (OutputHead<Scalar>::predict(z + i * k, k) == y)
                ++m.correct;
        }
        m.loss = lossSum / double(n);
        m.maxAbsLogit = maxAbs(z, n * k);
        m.flushedGradients = m_network.backward(m_batchRows.data(), n);
        m.nonFiniteGradients = countNonFinite(m_network.gradients());
        m.skipped = m_scaler.update(m.nonFiniteGradients == 0);
        if (!m.skipped)
            applyUpdate(m);

        m_cursor += n;
        m_epochLossSum += lossSum;
        m_epochCorrect += m.correct;
        m_epochSeen += n;
        ++m_epochBatches;
        m_epochMaxAbsLogit = maxPropagatingNaN(m_epochMaxAbsLogit, m.maxAbsLogit);
        m_epochMixed.skipped += m.skipped;
        m_epochMixed.flushed += m.flushedGradients;
        m_epochMixed.overflow += m.nonFiniteGradients;
        if (!m.skipped) {
            ++m_epochMixed.updatedBatches;
            for (std::size_t l = 0; l < m.layers.size(); ++l) {
                UpdateStats &e = m_epochMixed.layers[l];
                e.updates += m.layers[l].updates;
                e.lost += m.layers[l].lost;
                const double r = m.layers[l].ratio();
                e.stepNorm += std::isfinite(r) ? r : 0.0;
            }
        }
        if (m.nonFinite()) {
            ++m_epochNanEvents;
            if (m_config.onNonFinite == NonFinitePolicy::Stop)
                m_stopped = true;
        }
        m_epochSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (m_cursor >= m_train) {
            m.epochEnded = true;
            finishEpoch();
        }
        return m;
    }

    /**
     * Runs the batches left in the current epoch (stopping early if stopped()), evaluates the
     * test set and returns the epoch's record. \a onBatch, if set, sees every batch.
     */
    EpochMetrics runEpoch(const std::function<void(const BatchMetrics &)> &onBatch = {})
    {
        const int e = m_epoch;
        bool ended = false;
        const std::clock_t cpuStart = std::clock();
        while (!ended && !stopped()) {
            const BatchMetrics b = step();
            ended = b.epochEnded;
            if (onBatch)
                onBatch(b);
        }
        const std::clock_t cpuEnd = std::clock();
        EpochMetrics r = ended ? m_lastEpoch : currentEpochRecord();
        r.epoch = e + 1;
        r.cpuSeconds = double(cpuEnd - cpuStart) / CLOCKS_PER_SEC;
        const EvalMetrics t = evaluate(m_testRows, m_testY);
        r.testLoss = t.loss;
        r.testAccuracy = t.accuracy;
        r.stopped = stopped();
        return r;
    }

    /**
     * The record of the last completed epoch (train fields only; runEpoch() adds the test
     * fields). For callers that drive step() themselves, such as the GUI's lockstep twins.
     */
    const EpochMetrics &lastEpochRecord() const { return m_lastEpoch; }

    /** The train fields of the epoch in progress so far (for a run stopped part-way). */
    EpochMetrics currentEpochRecord() const
    {
        EpochMetrics r;
        r.epoch = m_epoch + 1;
        r.learningRate = learningRateAt(m_epoch);
        r.trainLoss = m_epochSeen ? m_epochLossSum / double(m_epochSeen) : 0.0;
        r.trainAccuracy = m_epochSeen ? double(m_epochCorrect) / double(m_epochSeen) : 0.0;
        r.seconds = m_epochSeconds;
        r.nanEvents = m_epochNanEvents;
        r.maxAbsLogit = m_epochMaxAbsLogit;
        r.lossScale = m_scaler.scale;
        r.skippedSteps = m_epochMixed.skipped;
        r.flushedGradients = m_epochMixed.flushed;
        r.overflowGradients = m_epochMixed.overflow;
        for (const UpdateStats &l : m_epochMixed.layers) {
            r.lostUpdates.push_back(l.lostFraction());
            r.updateRatio.push_back(m_epochMixed.updatedBatches ? l.stepNorm / double(m_epochMixed.updatedBatches)
                                                                : std::numeric_limits<double>::quiet_NaN());
        }
        return r;
    }

    /** The loss-scale state (scale and clean-step count). */
    const LossScaler &lossScaler() const { return m_scaler; }
    /** The float32 master weights (empty without them). */
    const Eigen::ArrayXf &masterWeights() const { return m_master; }

    /** Loss and accuracy on the test set with the current parameters. */
    EvalMetrics evaluateTest() { return evaluate(m_testRows, m_testY); }
    /** Loss and accuracy on the whole training set with the current parameters. */
    EvalMetrics evaluateTrain() { return evaluate(m_trainRows, m_trainY); }

    /** Copies everything the rest of the run depends on. */
    Snapshot snapshot() const
    {
        Snapshot s;
        s.parameters = m_network.parameters();
        s.optimizer = m_opt;
        s.epoch = m_epoch;
        s.cursor = m_cursor;
        s.order = m_order;
        s.shuffleRng = m_shuffleRng;
        s.epochLossSum = m_epochLossSum;
        s.epochCorrect = m_epochCorrect;
        s.epochSeen = m_epochSeen;
        s.epochBatches = m_epochBatches;
        s.epochNanEvents = m_epochNanEvents;
        s.epochMaxAbsLogit = m_epochMaxAbsLogit;
        s.epochSeconds = m_epochSeconds;
        s.master = m_master;
        s.masterOptimizer = m_masterOpt;
        s.scaler = m_scaler;
        s.roundingRng = m_roundingRng;
        s.epochMixed = m_epochMixed;
        return s;
    }

    /** Puts back a snapshot() of this trainer; the run then continues exactly as it did from there. */
    void restore(const Snapshot &s)
    {
        m_network.parameters() = s.parameters; // same size: copies in place, row pointers stay valid
        m_opt = s.optimizer;
        m_epoch = s.epoch;
        m_cursor = s.cursor;
        m_order = s.order;
        m_shuffleRng = s.shuffleRng;
        m_epochLossSum = s.epochLossSum;
        m_epochCorrect = s.epochCorrect;
        m_epochSeen = s.epochSeen;
        m_epochBatches = s.epochBatches;
        m_epochNanEvents = s.epochNanEvents;
        m_epochMaxAbsLogit = s.epochMaxAbsLogit;
        m_epochSeconds = s.epochSeconds;
        m_master = s.master;
        m_masterOpt = s.masterOptimizer;
        m_scaler = s.scaler;
        m_roundingRng = s.roundingRng;
        m_epochMixed = s.epochMixed;
        m_stopped = false;
    }

private:
    static constexpr Eigen::Index evalChunk = 256;
    using RowMatrix = typename Network<Scalar>::RowMatrix;

    static std::vector<int> layerSizes(const TrainConfig &c, const Dataset &train)
    {
        std::vector<int> sizes {int(train.featureCount())};
        sizes.insert(sizes.end(), c.hidden.begin(), c.hidden.end());
        sizes.push_back(headOutputs(c.head, train.classes));
        return sizes;
    }

    static long long copyData(const Dataset &d, RowMatrix &x, std::vector<int> &y)
    {
        x = d.features.template cast<Scalar>();
        y = d.labels;
        return d.size();
    }

    static std::vector<const Scalar *> rowPointers(const RowMatrix &x)
    {
        std::vector<const Scalar *> rows(x.rows());
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            rows[r] = x.data() + r * x.cols();
        return rows;
    }

    /** max |z_i|, NaN if any z_i is NaN (vectorised). */
    static double maxAbs(const Scalar *z, Eigen::Index n)
    {
        return double(Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>(z, n)
                          .abs()
                          .template maxCoeff<Eigen::PropagateNaN>());
    }

    /** max(a, b), but NaN once either is NaN (a NaN logit must not vanish from the record). */
    static double maxPropagatingNaN(double a, double b)
    {
        if (std::isnan(a) || std::isnan(b))
            return std::numeric_limits<double>::quiet_NaN();
        return std::max(a, b);
    }

    /** \a x widened exactly to double (without going through x87 long double). */
    template <class T> static double widen(T x)
    {
        if constexpr (std::is_same_v<T, Eigen::half> || std::is_same_v<T, Eigen::bfloat16>)
            return double(static_cast<float>(x));
        else
            return double(x);
    }

    /** Non-finite entries of \a g: one vectorised sum first; counts only if the sum is not finite. */
    static long long countNonFinite(const Array &g)
    {
        if constexpr (std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>) {
            // An all-ones exponent field is inf or NaN; a test of the bits vectorises.
            const std::uint16_t mask = std::is_same_v<Scalar, Eigen::half> ? 0x7C00u : 0x7F80u;
            const auto *bits = reinterpret_cast<const std::uint16_t *>(g.data());
            long long count = 0;
            for (Eigen::Index i = 0; i < g.size(); ++i)
                count += (bits[i] & mask) == mask;
            return count;
        }
        if (Eigen::numext::isfinite(g.sum()))
            return 0;
        long long count = 0;
        for (Eigen::Index i = 0; i < g.size(); ++i)
            count += !Eigen::numext::isfinite(g[i]);
        return count;
    }

    /**
     * Unscales the gradients (times 1/S, rounded to float32 as GradScaler's inv_scale), adds the
     * weight decay, runs the optimiser and stores the new weights, rounded as the options say:
     * in Scalar, or in the float32 master copy whose rounding to Scalar the forward pass then uses.
     */
    void applyUpdate(BatchMetrics &m)
    {
        auto &w = m_network.parameters();
        auto &g = m_network.gradients();
        // The scale this batch's backward pass used (update() may have grown it since).
        const double inverse = m_scaler.enabled() ? double(float(1.0 / m.lossScale)) : 1.0;
        m.layers.assign(std::size_t(m_network.layerCount()), UpdateStats {});
        if (!m_master.size()) {
            if (m_scaler.enabled())
                m.flushedGradients += unscale(g, g, inverse);
            addWeightDecay(g, w);
            m_opt.step(m_config.optimizer, m.learningRate, g, m_step);
            store(w, m_step, m.layers);
            return;
        }
        m.flushedGradients += unscale(g, m_masterGrad, inverse);
        addWeightDecay(m_masterGrad, m_master);
        m_masterOpt.step(m_config.optimizer, m.learningRate, m_masterGrad, m_masterStep);
        store(m_master, m_masterStep, m.layers);
        w = m_master.template cast<Scalar>(); // the forward pass's copy, rounded to nearest
    }

    /**
     * out = g * inverse, each product rounded once to Out (computed in double, where a 16-bit or
     * float value times a float is exact). Returns the gradients this flushed to zero.
     */
    template <class Out>
    static long long unscale(const Array &g, Eigen::Array<Out, Eigen::Dynamic, 1> &out, double inverse)
    {
        long long flushed = 0;
        for (Eigen::Index i = 0; i < g.size(); ++i) {
            const double gi = widen(g[i]);
            const Out v = std::is_same_v<Out, double> || std::is_same_v<Out, long double>
                ? Out(gi * inverse)
                : narrowFromDouble<Out>(gi * inverse);
            flushed += gi != 0.0 && v == Out(0);
            out[i] = v;
        }
        return flushed;
    }

    /** g += l2 * w over the weights (not the biases), in the gradients' format. */
    template <class T>
    void addWeightDecay(Eigen::Array<T, Eigen::Dynamic, 1> &g, const Eigen::Array<T, Eigen::Dynamic, 1> &w) const
    {
        if (m_config.l2 == 0.0)
            return;
        const T l2 = narrowFromDouble<T>(m_config.l2);
        for (int l = 0; l < m_network.layerCount(); ++l) {
            const Eigen::Index off = m_network.weightOffset(l), len = m_network.weightCount(l);
            g.segment(off, len) += l2 * w.segment(off, len);
        }
    }

    /**
     * w += dw, rounded to nearest (one addition in T) or stochastically (the sum taken in double,
     * where it is exact for the 16-bit formats, then rounded by stochasticRound()). Records per
     * layer how many nonzero steps were lost and the norms of dw and w.
     */
    template <class T>
    void store(Eigen::Array<T, Eigen::Dynamic, 1> &w, const Eigen::Array<T, Eigen::Dynamic, 1> &dw,
        std::vector<UpdateStats> &layers)
    {
        const bool stochastic = m_config.mixed.updateRounding == UpdateRounding::Stochastic;
        for (int l = 0; l < m_network.layerCount(); ++l) {
            const Eigen::Index off = m_network.weightOffset(l), len = m_network.weightCount(l);
            UpdateStats &u = layers[std::size_t(l)];
            double step2 = 0.0, weight2 = 0.0;
            for (Eigen::Index i = off; i < off + len; ++i) {
                const double before = widen(w[i]), d = widen(dw[i]);
                step2 += d * d;
                weight2 += before * before;
                const T next = stochastic ? stochasticRound<T>(before + d, m_roundingRng.uniform()) : T(w[i] + dw[i]);
                if (d != 0.0) {
                    ++u.updates;
                    u.lost += widen(next) == before;
                }
                w[i] = next;
            }
            u.stepNorm = std::sqrt(step2);
            u.weightNorm = std::sqrt(weight2);
            // The biases: the same rounding, not counted.
            const Eigen::Index bias = off + len, outputs = m_network.sizes()[std::size_t(l) + 1];
            for (Eigen::Index i = bias; i < bias + outputs; ++i)
                w[i] = stochastic ? stochasticRound<T>(widen(w[i]) + widen(dw[i]), m_roundingRng.uniform())
                                  : T(w[i] + dw[i]);
        }
    }

    void beginEpoch()
    {
        std::iota(m_order.begin(), m_order.end(), 0u);
        if (m_config.shuffle)
            m_shuffleRng.shuffle(m_order);
        m_cursor = 0;
        m_epochLossSum = 0.0;
        m_epochCorrect = m_epochSeen = m_epochBatches = m_epochNanEvents = 0;
        m_epochMaxAbsLogit = 0.0;
        m_epochSeconds = 0.0;
        m_epochMixed = EpochMixed {};
        m_epochMixed.layers.resize(std::size_t(m_network.layerCount()));
    }

    void finishEpoch()
    {
        m_lastEpoch = currentEpochRecord();
        ++m_epoch;
        beginEpoch();
    }

    EvalMetrics evaluate(const std::vector<const Scalar *> &rows, const std::vector<int> &labels)
    {
        EvalMetrics e;
        const Eigen::Index total = Eigen::Index(rows.size());
        if (total == 0)
            return e;
        const int k = m_network.outputs();
        double lossSum = 0.0;
        long long correct = 0;
        for (Eigen::Index start = 0; start < total; start += m_network.maxBatch()) {
            const Eigen::Index n = std::min(m_network.maxBatch(), total - start);
            const Scalar *z = m_network.forward(rows.data() + start, n);
            for (Eigen::Index i = 0; i < n; ++i) {
                const int y = labels[start + i];
                const Scalar loss = m_head.gradient(z + i * k, k, y, m_grad.data(), m_scratch.data());
                if (!Eigen::numext::isfinite(loss))
                    ++e.nonFiniteLosses;
                lossSum += double(loss);
                if (OutputHead<Scalar>::predict(z + i * k, k) == y)
                    ++correct;
                else if ((m_grad == Scalar(0)).all())
                    ++e.deadSamples;
            }
            e.maxAbsLogit = maxPropagatingNaN(e.maxAbsLogit, maxAbs(z, n * k));
        }
        e.loss = lossSum / double(total);
        e.accuracy = double(correct) / double(total);
        return e;
    }

    TrainConfig m_config;
    OutputHead<Scalar> m_head;
    Network<Scalar> m_network;
    OptimizerState<Scalar> m_opt;
    RowMatrix m_trainX, m_testX;
    std::vector<int> m_trainY, m_testY;
    std::vector<const Scalar *> m_trainRows, m_testRows, m_batchRows;
    Array m_scratch, m_grad; // aligned, see Network::Layer
    long long m_train = 0;

    std::vector<std::uint32_t> m_order;
    Rng m_shuffleRng;
    int m_epoch = 0;
    long long m_cursor = 0;
    double m_epochLossSum = 0.0;
    long long m_epochCorrect = 0, m_epochSeen = 0, m_epochBatches = 0, m_epochNanEvents = 0;
    double m_epochMaxAbsLogit = 0.0, m_epochSeconds = 0.0;
    EpochMetrics m_lastEpoch;
    LossScaler m_scaler;
    Rng m_roundingRng; // stream 3 of the seed: stochastic rounding
    Array m_step; // the optimiser's dw
    Eigen::ArrayXf m_master, m_masterGrad, m_masterStep; // float32 master weights (empty without)
    OptimizerState<float> m_masterOpt;
    EpochMixed m_epochMixed;
    std::atomic<bool> m_stop {false};
    bool m_stopped = false;
};

} // namespace logitlab

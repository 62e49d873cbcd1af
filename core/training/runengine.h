// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * One run of a twin session: an MlpTrainer<float> or <double> behind one interface, with a
 * bounded history of snapshots for step-back and the forward passes the model views need.
 * Not thread-safe: one thread drives a run.
 */
#include "training/sessiontypes.h"

#include "nn/mlptrainer.h"

#include <deque>
#include <memory>

namespace logitlab {

/** \brief A type-erased training run (float16, bfloat16, float32 or float64). */
class RunEngine {
public:
    virtual ~RunEngine() = default;
    virtual BatchMetrics step() = 0;
    virtual EvalMetrics evaluateTest() = 0;
    virtual EvalMetrics evaluateTrain() = 0;
    virtual const EpochMetrics &lastEpochRecord() const = 0;
    virtual EpochMetrics currentEpochRecord() const = 0;
    virtual int epoch() const = 0;
    /** The run stopped after a NaN/inf batch (NonFinitePolicy::Stop). */
    virtual bool stopped() const = 0;
    virtual long long batchesPerEpoch() const = 0;
    /** Saves the current state on the history (dropping the oldest beyond \a limit). */
    virtual void pushSnapshot(std::size_t limit) = 0;
    /** Restores and drops the newest saved state; false if there is none. */
    virtual bool popSnapshot() = 0;
    virtual void clearHistory() = 0;
    virtual void dropOldestSnapshot() = 0;
    /** About what one snapshot takes (parameters, optimiser state, batch order). */
    virtual long long snapshotBytes() const = 0;
    /** All parameters, widened exactly to double, into \a out (its capacity is reused). */
    virtual void parameters(std::vector<double> &out) const = 0;
    std::vector<double> parameters() const
    {
        std::vector<double> out;
        parameters(out);
        return out;
    }
    /** Fills the views of \a out for \a data (see ModelView). */
    virtual void fillView(RunView &out, const ModelView &where, const Dataset &test) = 0;
    /** Probabilities (classes wide) of one input row of width features. */
    virtual std::vector<double> classify(const std::vector<float> &row, int classes) = 0;

    /** A run of \a config in its format. */
    static std::unique_ptr<RunEngine> create(const TrainConfig &config, const DataSplit &data);
};

/** \brief RunEngine for one scalar type. */
template <class Scalar> class RunEngineT final : public RunEngine {
public:
    RunEngineT(const TrainConfig &config, const DataSplit &data) : m_trainer(config, data.train, data.test)
    {
        m_testX = data.test.features.template cast<Scalar>();
        m_head.head = config.head;
        m_scratch.resize(std::max(2, m_trainer.network().outputs()));
        m_grad.resize(std::max(2, m_trainer.network().outputs()));
        m_probs.resize(std::max(2, m_trainer.network().outputs()));
    }

    BatchMetrics step() override { return m_trainer.step(); }
    EvalMetrics evaluateTest() override { return m_trainer.evaluateTest(); }
    EvalMetrics evaluateTrain() override { return m_trainer.evaluateTrain(); }
    const EpochMetrics &lastEpochRecord() const override { return m_trainer.lastEpochRecord(); }
    EpochMetrics currentEpochRecord() const override { return m_trainer.currentEpochRecord(); }
    int epoch() const override { return m_trainer.epoch(); }
    bool stopped() const override { return m_trainer.stopped(); }
    long long batchesPerEpoch() const override { return m_trainer.batchesPerEpoch(); }

    void pushSnapshot(std::size_t limit) override
    {
        if (limit == 0)
            return;
        while (m_history.size() >= limit)
            m_history.pop_front();
        m_history.push_back(m_trainer.snapshot());
    }
    bool popSnapshot() override
    {
        if (m_history.empty())
            return false;
        m_trainer.restore(m_history.back());
        m_history.pop_back();
        return true;
    }
    void clearHistory() override { m_history.clear(); }
    void dropOldestSnapshot() override
    {
        if (!m_history.empty())
            m_history.pop_front();
    }
    long long snapshotBytes() const override
    {
        // Parameters, up to two optimiser slots per parameter (Adam), the batch order.
        return 3LL * static_cast<long long>(m_trainer.network().parameters().size() * sizeof(Scalar))
            + static_cast<long long>(m_trainer.order().size() * sizeof(std::uint32_t));
    }

    using RunEngine::parameters;
    void parameters(std::vector<double> &out) const override
    {
        const auto &p = m_trainer.network().parameters();
        out.resize(std::size_t(p.size()));
        for (Eigen::Index i = 0; i < p.size(); ++i)
            out[std::size_t(i)] = double(p[i]);
    }

    void fillView(RunView &out, const ModelView &where, const Dataset &test) override
    {
        auto &net = m_trainer.network();
        const int k = net.outputs();
        const int classes = where.classes;
        out.head = m_trainer.config().head;
        out.format = m_trainer.config().format;
        out.sizes = net.sizes();
        out.parameters = parameters();
        const EvalMetrics e = m_trainer.evaluateTest();
        out.testLoss = e.loss;
        out.testAccuracy = e.accuracy;
        out.deadSamples = e.deadSamples;
        out.testNonFinite = e.nonFiniteLosses;

        // Confusion matrix and gallery: one forward pass over the test set, in chunks.
        out.confusion.assign(std::size_t(classes) * classes, 0);
        std::vector<const Scalar *> rows(std::size_t(m_testX.rows()));
        for (Eigen::Index r = 0; r < m_testX.rows(); ++r)
            rows[std::size_t(r)] = m_testX.data() + r * m_testX.cols();
        std::vector<int> galleryPos(std::size_t(m_testX.rows()), -1);
        for (std::size_t g = 0; g < where.galleryIndices.size(); ++g)
            galleryPos[std::size_t(where.galleryIndices[g])] = int(g);
        out.galleryProbs.assign(where.galleryIndices.size() * std::size_t(classes), 0.0);
        out.galleryPredicted.assign(where.galleryIndices.size(), 0);
        for (Eigen::Index start = 0; start < m_testX.rows(); start += net.maxBatch()) {
            const Eigen::Index n = std::min(net.maxBatch(), m_testX.rows() - start);
            const Scalar *z = net.forward(rows.data() + start, n);
            for (Eigen::Index i = 0; i < n; ++i) {
                const int predicted = OutputHead<Scalar>::predict(z + i * k, k);
                const int label = test.labels[std::size_t(start + i)];
                if (label >= 0 && label < classes && predicted < classes)
                    ++out.confusion[std::size_t(label) * classes + predicted];
                const int g = galleryPos[std::size_t(start + i)];
                if (g >= 0) {
                    const std::vector<double> p = probabilities(z + i * k, k, classes);
                    std::copy(p.begin(), p.end(), out.galleryProbs.begin() + std::ptrdiff_t(g) * classes);
                    out.galleryPredicted[std::size_t(g)] = predicted;
                }
            }
        }

        // Step inspector: logits, probabilities, loss and dLoss/dz of one sample, in Scalar.
        if (where.inspectedSample >= 0 && where.inspectedSample < m_testX.rows()) {
            const Scalar *row = m_testX.data() + Eigen::Index(where.inspectedSample) * m_testX.cols();
            const Scalar *z = net.forward(&row, 1);
            out.logits.assign(z, z + k);
            out.probs = probabilities(z, k, classes);
            const Scalar loss = m_head.gradient(z, k, where.inspectedLabel, m_grad.data(), m_scratch.data());
            out.loss = double(loss);
            out.gradient.assign(m_grad.data(), m_grad.data() + k);
        }

        // Decision boundary on a grid over the 2-D plane.
        if (where.boundarySize > 0 && net.sizes().front() == 2) {
            const int n = where.boundarySize;
            out.boundaryClass.assign(std::size_t(n) * n, 0.0);
            out.boundaryConfidence.assign(std::size_t(n) * n, 0.0);
            std::vector<Scalar> grid(std::size_t(n) * 2);
            std::vector<const Scalar *> gridRows(static_cast<std::size_t>(n));
            for (int yi = 0; yi < n; ++yi) {
                const double y = where.boundaryY0 + (where.boundaryY1 - where.boundaryY0) * (yi + 0.5) / n;
                for (int xi = 0; xi < n; ++xi) {
                    grid[std::size_t(xi) * 2]
                        = Scalar(where.boundaryX0 + (where.boundaryX1 - where.boundaryX0) * (xi + 0.5) / n);
                    grid[std::size_t(xi) * 2 + 1] = Scalar(y);
                    gridRows[std::size_t(xi)] = grid.data() + std::size_t(xi) * 2;
                }
                for (int s = 0; s < n; s += int(net.maxBatch())) {
                    const int m = std::min<int>(int(net.maxBatch()), n - s);
                    const Scalar *z = net.forward(gridRows.data() + s, m);
                    for (int i = 0; i < m; ++i) {
                        const std::vector<double> p = probabilities(z + i * k, k, classes);
                        const int c = OutputHead<Scalar>::predict(z + i * k, k);
                        out.boundaryClass[std::size_t(yi) * n + s + i] = c;
                        out.boundaryConfidence[std::size_t(yi) * n + s + i] = p[std::size_t(std::min(c, classes - 1))];
                    }
                }
            }
        }
    }

    std::vector<double> classify(const std::vector<float> &row, int classes) override
    {
        auto &net = m_trainer.network();
        std::vector<Scalar> x(row.begin(), row.end());
        const Scalar *ptr = x.data();
        const Scalar *z = net.forward(&ptr, 1);
        return probabilities(z, net.outputs(), classes);
    }

private:
    /** The head's probabilities of logits z (see OutputHead::probabilities), widened, \a classes wide. */
    std::vector<double> probabilities(const Scalar *z, int k, int classes)
    {
        m_head.probabilities(z, k, m_probs.data());
        std::vector<double> p(std::size_t(std::max(classes, 2)), 0.0);
        for (int i = 0; i < std::max(k, 2) && i < int(p.size()); ++i)
            p[std::size_t(i)] = double(m_probs[i]);
        return p;
    }

    MlpTrainer<Scalar> m_trainer;
    std::deque<typename MlpTrainer<Scalar>::Snapshot> m_history;
    typename Network<Scalar>::RowMatrix m_testX;
    OutputHead<Scalar> m_head {Head::Logits};
    typename Network<Scalar>::Array m_scratch, m_grad, m_probs;
};

inline std::unique_ptr<RunEngine> RunEngine::create(const TrainConfig &config, const DataSplit &data)
{
    switch (config.format) {
    case Format::Float16: return std::make_unique<RunEngineT<Eigen::half>>(config, data);
    case Format::BFloat16: return std::make_unique<RunEngineT<Eigen::bfloat16>>(config, data);
    case Format::Float64: return std::make_unique<RunEngineT<double>>(config, data);
    case Format::Float32:
    case Format::Float80: break;
    }
    return std::make_unique<RunEngineT<float>>(config, data);
}

} // namespace logitlab

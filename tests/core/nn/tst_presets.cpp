// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Each preset must do what its explanation promises, on the real MNIST-10k files.
 * The thresholds below are the promises in words turned into numbers, with margin: they do
 * not restate measured values.
 */
#include "data/binarytask.h"
#include "data/idxdataset.h"
#include "nn/mlptrainer.h"
#include "nn/presets.h"
#include "precision/scalar.h"

#include <QTest>

#include <cmath>
#include <cstdint>

using namespace logitlab;

namespace {

struct TwinRun {
    EvalMetrics initialTrain; ///< on the training set before any step
    BatchMetrics firstBatch;
    std::vector<EpochMetrics> epochs;
    Eigen::ArrayXd initialParameters;
    Eigen::ArrayXd finalParameters;
};

template <class Scalar> TwinRun runTwin(const TrainConfig &c, const DataSplit &d)
{
    MlpTrainer<Scalar> t(c, d.train, d.test);
    TwinRun r;
    r.initialParameters = t.network().parameters().template cast<double>();
    r.initialTrain = t.evaluateTrain();
    r.firstBatch = t.step(); // runEpoch() then finishes the first epoch, this batch included
    for (int e = 0; e < c.epochs; ++e)
        r.epochs.push_back(t.runEpoch());
    r.finalParameters = t.network().parameters().template cast<double>();
    return r;
}

/** The preset's twins on MNIST-10k; \a seed replaces the preset's own when non-zero. */
std::vector<TwinRun> runPreset(const char *name, std::uint64_t seed = 0)
{
    const std::optional<Preset> p = findPreset(name);
    if (!p)
        return {};
    SplitResult s = loadIdxDirectory(LOGITLAB_MNIST_DIR);
    if (!s.ok())
        return {};
    DataSplit d = std::move(s.split);
    if (p->negativeDigit >= 0) {
        d.train = twoClasses(d.train, p->negativeDigit, p->positiveDigit);
        d.test = twoClasses(d.test, p->negativeDigit, p->positiveDigit);
    }
    std::vector<TwinRun> runs;
    for (std::size_t i = 0; i < p->twins.size(); ++i) {
        TrainConfig c = p->twinConfig(i);
        if (seed != 0)
            c.seed = seed;
        runs.push_back(visitFormat(c.format, [&](auto t) { return runTwin<typename decltype(t)::type>(c, d); }));
    }
    return runs;
}

} // namespace

class TestPresets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void table()
    {
        QCOMPARE(presets().size(), std::size_t(6));
        for (const Preset &p : presets()) {
            // Twins differ in head, format or mixed precision: otherwise the preset shows nothing side by side.
            QVERIFY(p.twins[0].head != p.twins[1].head || p.twins[0].format != p.twins[1].format
                || !(p.twins[0].mixed == p.twins[1].mixed));
            const int classes = p.negativeDigit >= 0 ? 2 : 10;
            QCOMPARE(validateConfig(p.twinConfig(0), classes, 8000, 784, 784), TrainConfigError::None);
            QCOMPARE(validateConfig(p.twinConfig(1), classes, 8000, 784, 784), TrainConfigError::None);
            QVERIFY(p.twins.size() >= 2);
            QCOMPARE(p.config.head, p.twins.front().head);
            QVERIFY(findPreset(p.name));
        }
        QVERIFY(!findPreset("nonsense"));
    }

    void course()
    {
        // Softmax-output and from_logits twins both reach the course's ~93% (at least 91%), within
        // one point of each other, without a single NaN/inf event.
        const auto runs = runPreset("course");
        QCOMPARE(runs.size(), std::size_t(2));
        QVERIFY((runs[0].initialParameters == runs[1].initialParameters).all());
        for (const TwinRun &r : runs) {
            QVERIFY2(r.epochs.back().testAccuracy >= 0.91, qPrintable(QString::number(r.epochs.back().testAccuracy)));
            for (const EpochMetrics &e : r.epochs)
                QCOMPARE(e.nanEvents, 0LL);
        }
        QVERIFY(std::fabs(runs[0].epochs.back().testAccuracy - runs[1].epochs.back().testAccuracy) <= 0.01);
    }

    void largeLogits()
    {
        // Clipped probability path: a large part of the training set (over 20%) starts at exactly
        // -log(1e-7) with a zero gradient ("dead"); the from_logits twin has no dead sample and
        // ends at least 3 points ahead on the test set.
        const auto runs = runPreset("large-logits");
        QCOMPARE(runs.size(), std::size_t(2));
        const TwinRun &clipped = runs[0], &logits = runs[1];
        QVERIFY2(
            clipped.initialTrain.deadSamples > 8000 / 5, qPrintable(QString::number(clipped.initialTrain.deadSamples)));
        QCOMPARE(logits.initialTrain.deadSamples, 0LL);
        QVERIFY(clipped.initialTrain.maxAbsLogit > 16.118);
        const double gap = logits.epochs.back().testAccuracy - clipped.epochs.back().testAccuracy;
        QVERIFY2(gap >= 0.03, qPrintable(QString::number(gap)));
        QCOMPARE(logits.epochs.back().nanEvents, 0LL);
    }

    void floatVersusDouble()
    {
        // Same start (float32 values in both), different rounding along the way, same outcome:
        // accuracies within one point, weights no longer identical.
        const auto runs = runPreset("float-vs-double");
        QCOMPARE(runs.size(), std::size_t(2));
        QVERIFY((runs[0].initialParameters == runs[1].initialParameters).all());
        QVERIFY(!(runs[0].finalParameters == runs[1].finalParameters).all());
        QVERIFY(std::fabs(runs[0].epochs.back().testAccuracy - runs[1].epochs.back().testAccuracy) <= 0.01);
        const double relative = (runs[0].finalParameters - runs[1].finalParameters).matrix().norm()
            / runs[1].finalParameters.matrix().norm();
        QVERIFY2(relative < 0.2, qPrintable(QString::number(relative)));
    }

    void float16Adam()
    {
        // Plain float16 with Adam collapses: a NaN loss within the first epoch, weights no longer
        // finite, test accuracy at chance (10 classes: at most 12%). The twin with float32 master
        // weights and dynamic loss scaling trains to at least 90% (the promise) with no
        // NaN event, from the same initial float16 weights.
        const auto runs = runPreset("float16-adam");
        QCOMPARE(runs.size(), std::size_t(2));
        const TwinRun &plain = runs[0], &fixed = runs[1];
        QVERIFY((plain.initialParameters == fixed.initialParameters).all());
        QVERIFY(plain.epochs.front().nanEvents > 0);
        QVERIFY(!plain.finalParameters.isFinite().all());
        QVERIFY2(
            plain.epochs.back().testAccuracy <= 0.12, qPrintable(QString::number(plain.epochs.back().testAccuracy)));
        for (const EpochMetrics &e : fixed.epochs)
            QCOMPARE(e.nanEvents, 0LL);
        QVERIFY2(
            fixed.epochs.back().testAccuracy >= 0.90, qPrintable(QString::number(fixed.epochs.back().testAccuracy)));
        // 1,250 steps, fewer than the 2,000 clean steps that would double the scale: it only halves,
        // once per skipped step, so 65536 / final scale = 2^(skipped steps), and few are skipped.
        long long skipped = 0;
        for (const EpochMetrics &e : fixed.epochs)
            skipped += e.skippedSteps;
        QVERIFY2(skipped <= 5, qPrintable(QString::number(skipped)));
        QCOMPARE(fixed.epochs.back().lossScale, std::ldexp(65536.0, -int(skipped)));
    }

    void bfloat16LostUpdates()
    {
        // bfloat16 rounding to nearest loses most weight updates (over 80% in every layer) and ends
        // far behind (under 40% on the test set after 5 epochs); stochastic rounding loses fewer and
        // ends at least 25 points ahead, without NaN.
        const auto runs = runPreset("bfloat16-lost-updates");
        QCOMPARE(runs.size(), std::size_t(2));
        const TwinRun &nearest = runs[0], &stochastic = runs[1];
        for (double lost : nearest.epochs.back().lostUpdates)
            QVERIFY2(lost > 0.8, qPrintable(QString::number(lost)));
        QVERIFY2(
            nearest.epochs.back().testAccuracy < 0.40, qPrintable(QString::number(nearest.epochs.back().testAccuracy)));
        const double gap = stochastic.epochs.back().testAccuracy - nearest.epochs.back().testAccuracy;
        QVERIFY2(gap >= 0.25, qPrintable(QString::number(gap)));
        QCOMPARE(stochastic.epochs.back().nanEvents, 0LL);
    }

    void binarySigmoid_data()
    {
        // The lesson, not one trajectory: a one-ulp difference (another build's FMAs or summation
        // order) sends this saturated network on another path, as another seed does, so the
        // promise must hold for several seeds on every build (issue 13: seed 1 ended at 0.736
        // after 5 epochs on the portable build, 0.830 on x86-64-v3).
        QTest::addColumn<std::uint64_t>("seed");
        QTest::addRow("seed 1 (the preset's)") << std::uint64_t(1);
        for (std::uint64_t s = 2; s <= 5; ++s)
            QTest::addRow("seed %d", int(s)) << s;
    }
    void binarySigmoid()
    {
        // The sigmoid twin's loss is inf and every gradient NaN in the first batch, and it ends at
        // chance (below 60%); the from-logits twin never meets a NaN and passes 80%. Measured
        // over 40 seeds on both builds it ends in 0.85-0.96 (median 0.92), so 0.80 is a margin of
        // at least 4.6 points, not a restated value.
        QFETCH(std::uint64_t, seed);
        const auto runs = runPreset("binary-sigmoid", seed);
        QCOMPARE(runs.size(), std::size_t(2));
        const TwinRun &sigmoid = runs[0], &logits = runs[1];
        QVERIFY(sigmoid.initialTrain.nonFiniteLosses > 0);
        QVERIFY(!std::isfinite(sigmoid.firstBatch.loss));
        QVERIFY(sigmoid.firstBatch.nonFiniteGradients > 0);
        QVERIFY(sigmoid.epochs.back().testAccuracy < 0.6);
        QVERIFY(!logits.firstBatch.nonFinite());
        for (const EpochMetrics &e : logits.epochs)
            QCOMPARE(e.nanEvents, 0LL);
        QVERIFY2(
            logits.epochs.back().testAccuracy > 0.80, qPrintable(QString::number(logits.epochs.back().testAccuracy)));
    }
};

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"

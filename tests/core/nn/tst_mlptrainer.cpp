// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/nn/mlptrainer.h on small synthetic sets (fast) and hand-made corner cases. */
#include "data/synthetic.h"
#include "nn/mlptrainer.h"

#include <QTest>

#include <cmath>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::TrainConfigError)
Q_DECLARE_METATYPE(logitlab::TrainConfig)
Q_DECLARE_METATYPE(logitlab::SyntheticKind)
Q_DECLARE_METATYPE(logitlab::NonFinitePolicy)
Q_DECLARE_METATYPE(logitlab::Activation)
Q_DECLARE_METATYPE(logitlab::Head)

namespace {

DataSplit blobs(std::uint64_t seed = 1)
{
    SyntheticSpec s;
    s.kind = SyntheticKind::Blobs;
    s.trainSize = 400;
    s.testSize = 200;
    s.seed = seed;
    return makeSynthetic(s);
}

TrainConfig smallConfig()
{
    TrainConfig c;
    c.hidden = {8};
    c.optimizer = Sgd {0.1};
    c.batchSize = 16;
    c.epochs = 3;
    c.seed = 5;
    return c;
}

template <class Scalar> Eigen::ArrayXd paramsAsDouble(const MlpTrainer<Scalar> &t)
{
    return t.network().parameters().template cast<double>();
}

} // namespace

class TestMlpTrainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSeedIsBitIdentical()
    {
        const DataSplit d = blobs();
        MlpTrainer<float> a(smallConfig(), d.train, d.test), b(smallConfig(), d.train, d.test);
        for (int e = 0; e < 2; ++e) {
            const EpochMetrics ra = a.runEpoch(), rb = b.runEpoch();
            QCOMPARE(ra.trainLoss, rb.trainLoss);
            QCOMPARE(ra.testAccuracy, rb.testAccuracy);
        }
        QVERIFY((a.network().parameters() == b.network().parameters()).all());
        // And a different seed really gives a different run (the test above could not fail otherwise).
        TrainConfig other = smallConfig();
        other.seed = 6;
        MlpTrainer<float> c(other, d.train, d.test);
        c.runEpoch();
        c.runEpoch();
        QVERIFY(!(a.network().parameters() == c.network().parameters()).all());
    }

    void twinsShareWeightsAndOrder_data()
    {
        QTest::addColumn<TrainConfig>("twin");
        TrainConfig softmax = smallConfig();
        softmax.head = Head::Softmax;
        QTest::addRow("softmax head") << softmax;
        TrainConfig clipped = smallConfig();
        clipped.head = Head::SoftmaxClipped;
        clipped.optimizer = Adam {0.01};
        QTest::addRow("clipped head with Adam") << clipped;
        TrainConfig f64 = smallConfig();
        f64.format = Format::Float64;
        QTest::addRow("float64") << f64;
    }
    void twinsShareWeightsAndOrder()
    {
        QFETCH(TrainConfig, twin);
        const DataSplit d = blobs();
        MlpTrainer<float> base(smallConfig(), d.train, d.test);
        auto compare = [&](auto &other) {
            QVERIFY((paramsAsDouble(base) == paramsAsDouble(other)).all());
            for (int e = 0; e < 3; ++e) {
                QVERIFY(base.order() == other.order());
                base.runEpoch();
                other.runEpoch();
            }
            // ... and they are different runs: the parameters have parted.
            QVERIFY(!(paramsAsDouble(base) == paramsAsDouble(other)).all());
        };
        if (twin.format == Format::Float64) {
            MlpTrainer<double> other(twin, d.train, d.test);
            compare(other);
        } else {
            MlpTrainer<float> other(twin, d.train, d.test);
            compare(other);
        }
    }

    void snapshotRestoreReplaysExactly()
    {
        const DataSplit d = blobs();
        TrainConfig c = smallConfig();
        c.optimizer = Adam {0.01}; // optimiser state must be part of the snapshot
        MlpTrainer<float> t(c, d.train, d.test);
        for (int i = 0; i < 30; ++i) // past the end of the first epoch (25 batches)
            t.step();
        const auto snap = t.snapshot();
        std::vector<double> first;
        for (int i = 0; i < 40; ++i)
            first.push_back(t.step().loss);
        const Eigen::ArrayXf after = t.network().parameters();
        t.restore(snap);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(t.step().loss, first[std::size_t(i)]);
        QVERIFY((t.network().parameters() == after).all());
    }

    void stopFlagStopsBetweenBatches()
    {
        const DataSplit d = blobs();
        MlpTrainer<float> t(smallConfig(), d.train, d.test);
        int batches = 0;
        const EpochMetrics r = t.runEpoch([&](const BatchMetrics &) {
            if (++batches == 3)
                t.stopFlag().store(true);
        });
        QCOMPARE(batches, 3);
        QVERIFY(r.stopped);
        QVERIFY(t.stopped());
    }

    void nonFiniteIsCountedNotFatal_data()
    {
        QTest::addColumn<NonFinitePolicy>("policy");
        QTest::addRow("continue") << NonFinitePolicy::Continue;
        QTest::addRow("stop") << NonFinitePolicy::Stop;
    }
    void nonFiniteIsCountedNotFatal()
    {
        // Weights 200 times too large: logits in the thousands, the softmax of the true class
        // underflows to 0 for wrong samples: loss inf, gradient NaN.
        const DataSplit d = blobs();
        QFETCH(NonFinitePolicy, policy);
        TrainConfig c = smallConfig();
        c.head = Head::Softmax;
        c.initScale = 200.0;
        c.onNonFinite = policy;
        MlpTrainer<float> t(c, d.train, d.test);
        long long batches = 0;
        const EpochMetrics r = t.runEpoch([&](const BatchMetrics &) { ++batches; });
        QVERIFY(r.nanEvents > 0);
        QVERIFY(!std::isfinite(r.trainLoss));
        if (policy == NonFinitePolicy::Stop) {
            QCOMPARE(r.nanEvents, 1LL);
            QVERIFY(r.stopped);
            QCOMPARE(batches, 1LL); // the very first batch already has a confidently wrong sample
        } else {
            QCOMPARE(batches, t.batchesPerEpoch());
            QVERIFY(!r.stopped);
            // The NaN gradient made every weight NaN, so later logits are NaN: the record must say
            // so rather than report the largest finite |logit| seen before.
            QVERIFY(std::isnan(r.maxAbsLogit));
        }
    }

    void learns_data()
    {
        QTest::addColumn<SyntheticKind>("kind");
        QTest::addColumn<Activation>("activation");
        QTest::addColumn<Head>("head");
        QTest::addColumn<int>("optimizer");
        QTest::addColumn<double>("minAccuracy");
        // Blobs are separable up to the overlap of the Gaussians (sd 0.35 around centres 2 apart:
        // about 0.4% of each blob is across a boundary); XOR needs the hidden layer.
        QTest::addRow("blobs, relu, logits, sgd")
            << SyntheticKind::Blobs << Activation::ReLU << Head::Logits << 0 << 0.95;
        QTest::addRow("blobs, tanh, softmax, momentum")
            << SyntheticKind::Blobs << Activation::Tanh << Head::Softmax << 1 << 0.95;
        QTest::addRow("xor, tanh, sigmoid-logits, adam")
            << SyntheticKind::Xor << Activation::Tanh << Head::SigmoidLogits << 2 << 0.9;
        QTest::addRow("circles, relu, sigmoid, adam")
            << SyntheticKind::Circles << Activation::ReLU << Head::Sigmoid << 2 << 0.9;
        QTest::addRow("spiral, leaky relu, logits, adam")
            << SyntheticKind::Spiral << Activation::LeakyReLU << Head::Logits << 2 << 0.85;
    }
    void learns()
    {
        QFETCH(SyntheticKind, kind);
        QFETCH(Activation, activation);
        QFETCH(Head, head);
        QFETCH(int, optimizer);
        QFETCH(double, minAccuracy);
        SyntheticSpec s;
        s.kind = kind;
        s.noise = 0.05;
        const DataSplit d = makeSynthetic(s);
        TrainConfig c;
        c.hidden = {32, 32};
        c.activation = activation;
        c.head = head;
        const double lr = optimizer == 2 ? 0.01 : 0.1;
        c.optimizer = makeOptimizer(OptimizerKind(optimizer), lr);
        c.batchSize = 16;
        c.seed = 2;
        MlpTrainer<double> t(c, d.train, d.test);
        const double before = t.evaluateTest().accuracy;
        EpochMetrics r;
        for (int e = 0; e < 60; ++e)
            r = t.runEpoch();
        QVERIFY2(r.testAccuracy >= minAccuracy,
            qPrintable(QStringLiteral("%1 (before: %2)").arg(r.testAccuracy).arg(before)));
        QCOMPARE(r.nanEvents, 0LL);
    }

    void learningRateDecays()
    {
        const DataSplit d = blobs();
        TrainConfig c = smallConfig();
        c.lrDecayRate = 0.5;
        c.lrDecayEvery = 2;
        MlpTrainer<float> t(c, d.train, d.test);
        // lr * 0.5^floor(e / 2): 0.1, 0.1, 0.05, 0.05, 0.025
        const double expected[5] = {0.1, 0.1, 0.05, 0.05, 0.025};
        for (int e = 0; e < 5; ++e) {
            const EpochMetrics r = t.runEpoch();
            QCOMPARE(r.learningRate, expected[e]);
            QCOMPARE(r.epoch, e + 1);
        }
    }

    void weightDecayShrinksWeights()
    {
        const DataSplit d = blobs();
        TrainConfig plain = smallConfig(), decayed = smallConfig();
        decayed.l2 = 0.05;
        MlpTrainer<double> a(plain, d.train, d.test), b(decayed, d.train, d.test);
        for (int e = 0; e < 5; ++e) {
            a.runEpoch();
            b.runEpoch();
        }
        const double normA = a.network().weights(0).squaredNorm(), normB = b.network().weights(0).squaredNorm();
        QVERIFY2(normB < 0.8 * normA, qPrintable(QStringLiteral("%1 vs %2").arg(normB).arg(normA)));
    }

    void epochRecordMatchesBatches()
    {
        // train_loss is the mean of the per-sample losses of the epoch's batches; check it against
        // the batches' own means weighted by their sizes (400 = 25 batches of 16).
        const DataSplit d = blobs();
        MlpTrainer<double> t(smallConfig(), d.train, d.test);
        double weighted = 0.0;
        long long samples = 0, correct = 0;
        double maxLogit = 0.0;
        const EpochMetrics r = t.runEpoch([&](const BatchMetrics &b) {
            weighted += b.loss * double(b.samples);
            samples += b.samples;
            correct += b.correct;
            maxLogit = std::max(maxLogit, b.maxAbsLogit);
        });
        QCOMPARE(samples, 400LL);
        QVERIFY(std::fabs(r.trainLoss - weighted / 400.0) < 1e-12);
        QCOMPARE(r.trainAccuracy, double(correct) / 400.0);
        QCOMPARE(r.maxAbsLogit, maxLogit);
        const EvalMetrics test = t.evaluateTest();
        QCOMPARE(r.testAccuracy, test.accuracy);
    }

    void validate_data()
    {
        QTest::addColumn<TrainConfig>("config");
        QTest::addColumn<int>("classes");
        QTest::addColumn<TrainConfigError>("error");
        TrainConfig c = smallConfig();
        QTest::addRow("valid") << c << 4 << TrainConfigError::None;
        TrainConfig binary = c;
        binary.head = Head::Sigmoid;
        QTest::addRow("sigmoid on 4 classes") << binary << 4 << TrainConfigError::BinaryHeadNeedsTwoClasses;
        QTest::addRow("sigmoid on 2 classes") << binary << 2 << TrainConfigError::None;
        TrainConfig zeroWidth = c;
        zeroWidth.hidden = {8, 0};
        QTest::addRow("hidden width 0") << zeroWidth << 4 << TrainConfigError::BadLayerWidth;
        TrainConfig lr = c;
        lr.optimizer = Sgd {std::numeric_limits<double>::quiet_NaN()};
        QTest::addRow("learning rate NaN") << lr << 4 << TrainConfigError::BadLearningRate;
        TrainConfig decay = c;
        decay.lrDecayRate = 1.5;
        QTest::addRow("decay rate above 1") << decay << 4 << TrainConfigError::BadDecay;
        TrainConfig f80 = c;
        f80.format = Format::Float80;
        QTest::addRow("float80") << f80 << 4 << TrainConfigError::UnsupportedFormat;
        for (Format f : {Format::Float16, Format::BFloat16}) {
            TrainConfig sixteen = c;
            sixteen.format = f;
            sixteen.mixed.masterWeights = true;
            sixteen.mixed.lossScale.kind = LossScaleKind::Dynamic;
            sixteen.mixed.updateRounding = UpdateRounding::Stochastic;
            QTest::addRow("%s, every mixed option", formatName(f).data()) << sixteen << 4 << TrainConfigError::None;
        }
        TrainConfig master32 = c;
        master32.mixed.masterWeights = true;
        QTest::addRow("master weights for float32") << master32 << 4 << TrainConfigError::MasterWeightsNeedSixteenBit;
        TrainConfig sr64 = c;
        sr64.format = Format::Float64;
        sr64.mixed.updateRounding = UpdateRounding::Stochastic;
        QTest::addRow("stochastic float64") << sr64 << 4 << TrainConfigError::StochasticNeedsNarrowFormat;
        TrainConfig sr32 = c;
        sr32.mixed.updateRounding = UpdateRounding::Stochastic;
        QTest::addRow("stochastic float32") << sr32 << 4 << TrainConfigError::None;
        TrainConfig ls = c;
        ls.mixed.lossScale = {LossScaleKind::Static, 0.0};
        QTest::addRow("loss scale 0") << ls << 4 << TrainConfigError::BadLossScale;
        ls.mixed.lossScale = {LossScaleKind::Dynamic, 65536.0, 2.0, 2000, 1.0};
        QTest::addRow("backoff 1") << ls << 4 << TrainConfigError::BadLossScale;
        ls.mixed.lossScale = {LossScaleKind::Dynamic, 65536.0, 0.5, 2000, 0.5};
        QTest::addRow("growth 0.5") << ls << 4 << TrainConfigError::BadLossScale;
        ls.mixed.lossScale = {LossScaleKind::Dynamic, 65536.0, 2.0, 0, 0.5};
        QTest::addRow("interval 0") << ls << 4 << TrainConfigError::BadLossScale;
        ls.mixed.lossScale = {LossScaleKind::Dynamic, std::numeric_limits<double>::infinity(), 2.0, 2000, 0.5};
        QTest::addRow("scale inf") << ls << 4 << TrainConfigError::BadLossScale;
        TrainConfig mom = c;
        mom.optimizer = Momentum {0.1, 1.0};
        QTest::addRow("momentum 1") << mom << 4 << TrainConfigError::BadOptimizerParameter;
        TrainConfig scale = c;
        scale.initScale = 0.0;
        QTest::addRow("init scale 0") << scale << 4 << TrainConfigError::BadInitScale;
    }
    void validate()
    {
        QFETCH(TrainConfig, config);
        QFETCH(int, classes);
        QFETCH(TrainConfigError, error);
        QCOMPARE(validateConfig(config, classes, 100, 2, 2), error);
    }
};

QTEST_APPLESS_MAIN(TestMlpTrainer)
#include "tst_mlptrainer.moc"

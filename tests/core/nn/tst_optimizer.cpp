// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/nn/optimizer.h: one and two steps worked out by hand. */
#include "nn/optimizer.h"

#include <QTest>

#include <cmath>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::Optimizer)

class TestOptimizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoSteps_data()
    {
        QTest::addColumn<Optimizer>("optimizer");
        QTest::addColumn<double>("afterOne");
        QTest::addColumn<double>("afterTwo");
        // w = 1, g = 0.5 at both steps, lr = 0.1.
        // SGD: 1 - 0.05 = 0.95, then 0.90.
        QTest::addRow("sgd") << Optimizer {Sgd {0.1}} << 0.95 << 0.90;
        // Momentum 0.9: v1 = -0.05, w = 0.95; v2 = 0.9 * -0.05 - 0.05 = -0.095, w = 0.855.
        QTest::addRow("momentum") << Optimizer {Momentum {0.1, 0.9}} << 0.95 << 0.855;
        // Adam: m1 = 0.05, v1 = 0.00025, m^ = 0.5, v^ = 0.25, step = 0.1 * 0.5 / (0.5 + 1e-7);
        // step 2: m2 = 0.095, v2 = 0.00049975, m^ = 0.095/0.19 = 0.5, v^ = 0.00049975/0.001999 = 0.25:
        // the same step again (a constant gradient gives steps of lr, whatever its size).
        const double adamStep = 0.1 * 0.5 / (0.5 + 1e-7);
        QTest::addRow("adam") << Optimizer {Adam {0.1, 0.9, 0.999, 1e-7}} << 1 - adamStep << 1 - 2 * adamStep;
    }
    void twoSteps()
    {
        QFETCH(Optimizer, optimizer);
        QFETCH(double, afterOne);
        QFETCH(double, afterTwo);
        OptimizerState<double> state;
        state.reset(1);
        Eigen::ArrayXd w(1), g(1);
        w << 1.0;
        g << 0.5;
        state.update(optimizer, learningRate(optimizer), w, g);
        QVERIFY2(std::fabs(w[0] - afterOne) < 1e-12, qPrintable(QString::number(w[0], 'g', 17)));
        state.update(optimizer, learningRate(optimizer), w, g);
        QVERIFY2(std::fabs(w[0] - afterTwo) < 1e-12, qPrintable(QString::number(w[0], 'g', 17)));
        QCOMPARE(state.steps, 2LL);
    }

    void names()
    {
        for (const auto &[kind, name] : optimizerNames) {
            QCOMPARE(parseOptimizer(name), std::optional<OptimizerKind>(kind));
            QCOMPARE(optimizerKind(makeOptimizer(kind, 0.5)), kind);
            QCOMPARE(learningRate(makeOptimizer(kind, 0.5)), 0.5);
        }
        QVERIFY(!parseOptimizer("rmsprop"));
    }
};

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"

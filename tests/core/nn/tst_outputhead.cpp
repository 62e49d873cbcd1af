// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/nn/outputhead.h: values derived by hand, the edge cases of each head. */
#include "nn/outputhead.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using logitlab::Head;
using logitlab::OutputHead;

Q_DECLARE_METATYPE(logitlab::Head)
Q_DECLARE_METATYPE(std::vector<double>)

class TestOutputHead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        for (const auto &[head, name] : logitlab::headNames)
            QCOMPARE(logitlab::parseHead(name), std::optional<Head>(head));
        QVERIFY(!logitlab::parseHead("softmax-logits"));
        QCOMPARE(logitlab::headOutputs(Head::Sigmoid, 2), 1);
        QCOMPARE(logitlab::headOutputs(Head::Logits, 10), 10);
    }

    // float32 rows: loss and gradient as derived in each row's comment.
    void float32_data()
    {
        QTest::addColumn<Head>("head");
        QTest::addColumn<std::vector<double>>("logits");
        QTest::addColumn<int>("label");
        QTest::addColumn<double>("loss"); // NaN: expect NaN; inf: expect inf
        QTest::addColumn<std::vector<double>>("gradient"); // NaN entries: expect NaN
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        // Two equal logits: p = (1/2, 1/2), loss = ln 2, gradient p - onehot = (-1/2, 1/2).
        QTest::addRow("logits: equal pair")
            << Head::Logits << std::vector<double> {0, 0} << 0 << std::log(2.0) << std::vector<double> {-0.5, 0.5};
        QTest::addRow("softmax: equal pair")
            << Head::Softmax << std::vector<double> {0, 0} << 0 << std::log(2.0) << std::vector<double> {-0.5, 0.5};
        QTest::addRow("softmax-clipped: equal pair") << Head::SoftmaxClipped << std::vector<double> {0, 0} << 0
                                                     << std::log(2.0) << std::vector<double> {-0.5, 0.5};
        // z = (0, 200), y = 0: p_0 = exp(-200) underflows to 0 in float32.
        // from logits: loss = 200 + log(1 + e^-200) = 200 exactly in float32; grad = (0 - 1, 1 - 0).
        QTest::addRow("logits: wrong by 200")
            << Head::Logits << std::vector<double> {0, 200} << 0 << 200.0 << std::vector<double> {-1, 1};
        // softmax: -log(0) = inf; dL/dp_0 = -1/0 = -inf; -inf * 0 = NaN in every component.
        QTest::addRow("softmax: wrong by 200 -> inf loss, NaN gradient")
            << Head::Softmax << std::vector<double> {0, 200} << 0 << inf << std::vector<double> {nan, nan};
        // Keras clip: p_0 = 0 -> 1e-7 -> loss -log(float(1e-7)) = 16.118..., clip gradient 0.
        QTest::addRow("softmax-clipped: wrong by 200 -> 16.118, zero gradient")
            << Head::SoftmaxClipped << std::vector<double> {0, 200} << 0 << -std::log(double(1e-7f))
            << std::vector<double> {0, 0};
        // Sigmoid: z = 20, y = 0: 1 + e^-20 rounds to 1 in float32 (e^-20 = 2.1e-9 < 2^-24), p = 1,
        // loss = -log(1 - 1) = inf, gradient (1/(1-p)) * p(1-p) = inf * 0 = NaN.
        QTest::addRow("sigmoid: wrong by 20 -> inf loss, NaN gradient")
            << Head::Sigmoid << std::vector<double> {20} << 0 << inf << std::vector<double> {nan};
        // Clipped: p = 1 -> 1 - 1e-7 (float32: 0.99999988, 1 - p = 2^-23 = 1.19e-7),
        // loss = -log(2^-23) = 23 ln 2 = 15.9424, gradient 0.
        QTest::addRow("sigmoid-clipped: wrong by 20 -> 15.94, zero gradient")
            << Head::SigmoidClipped << std::vector<double> {20} << 0 << 23 * std::log(2.0) << std::vector<double> {0};
        // From logits: loss = max(z,0) - z y + log1p(e^-|z|) = 20 + 2.06e-9 -> 20 in float32;
        // gradient sigmoid(20) - 0 = 1 in float32.
        QTest::addRow("sigmoid-logits: wrong by 20")
            << Head::SigmoidLogits << std::vector<double> {20} << 0 << 20.0 << std::vector<double> {1};
        // z = 0, y = 1: p = 1/2, loss = ln 2, gradient 1/2 - 1 = -1/2 for all three.
        QTest::addRow("sigmoid: z = 0") << Head::Sigmoid << std::vector<double> {0} << 1 << std::log(2.0)
                                        << std::vector<double> {-0.5};
        QTest::addRow("sigmoid-logits: z = 0")
            << Head::SigmoidLogits << std::vector<double> {0} << 1 << std::log(2.0) << std::vector<double> {-0.5};
        // Very negative: z = -100, y = 0: loss = log1p(e^-100) = 3.7e-44 -> a float32 subnormal
        // (3.78e-44 after rounding), gradient e^-100/(1+e^-100) = 3.7e-44 as well.
        QTest::addRow("sigmoid-logits: right by 100")
            << Head::SigmoidLogits << std::vector<double> {-100} << 0 << double(std::exp(-100.0f))
            << std::vector<double> {double(std::exp(-100.0f))};
    }
    void float32()
    {
        QFETCH(Head, head);
        QFETCH(std::vector<double>, logits);
        QFETCH(int, label);
        QFETCH(double, loss);
        QFETCH(std::vector<double>, gradient);
        std::vector<float> z(logits.begin(), logits.end()), g(z.size()), scratch(z.size());
        const OutputHead<float> h {head};
        const float value = h.gradient(z.data(), int(z.size()), label, g.data(), scratch.data());
        QCOMPARE(h.value(z.data(), int(z.size()), label, scratch.data()), value);
        if (std::isinf(loss))
            QVERIFY(std::isinf(value) && value > 0);
        else
            QVERIFY2(std::fabs(value - loss) <= 4e-7 * std::max(1.0, std::fabs(loss)),
                qPrintable(QString::number(value, 'g', 9)));
        for (std::size_t i = 0; i < g.size(); ++i) {
            if (std::isnan(gradient[i]))
                QVERIFY2(std::isnan(g[i]), qPrintable(QString::number(g[i])));
            else
                QVERIFY2(std::fabs(g[i] - gradient[i]) <= 1e-6 * std::max(1e-30, std::fabs(gradient[i]))
                        || g[i] == float(gradient[i]),
                    qPrintable(QStringLiteral("%1: %2").arg(i).arg(double(g[i]), 0, 'g', 9)));
        }
    }

    void predict()
    {
        const float z[3] = {0.5f, 2.0f, -1.0f};
        QCOMPARE(OutputHead<float>::predict(z, 3), 1);
        const float one[1] = {-0.1f};
        QCOMPARE(OutputHead<float>::predict(one, 1), 0);
        const float pos[1] = {0.1f};
        QCOMPARE(OutputHead<float>::predict(pos, 1), 1);
    }
};

QTEST_APPLESS_MAIN(TestOutputHead)
#include "tst_outputhead.moc"

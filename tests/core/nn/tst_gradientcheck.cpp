// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Gradient check: analytic gradients of every activation and head, through a whole
 * network, against central finite differences in float64, refined by Richardson extrapolation:
 * (8 (f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))) / 12h. Its truncation error is O(h^4 f^(5)), the
 * rounding error about u |f| / h; with h = 1e-5 both are far below the 1e-6 relative (plus
 * 1e-8 absolute) tolerance, so any real error in a derivative shows.
 */
#include "nn/network.h"
#include "nn/outputhead.h"
#include "random/rng.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::Head)
Q_DECLARE_METATYPE(logitlab::Activation)

namespace {

struct Problem {
    std::vector<double> inputs; // batch x width
    std::vector<const double *> rows;
    std::vector<int> labels;
};

Problem makeProblem(int batch, int width, int classes, std::uint64_t seed)
{
    Problem p;
    Rng rng(seed, 5);
    p.inputs.resize(std::size_t(batch) * width);
    for (double &v : p.inputs)
        v = rng.uniform(-1.0, 1.0);
    for (int i = 0; i < batch; ++i) {
        p.rows.push_back(p.inputs.data() + std::size_t(i) * width);
        p.labels.push_back(int(rng.below(std::uint64_t(classes))));
    }
    return p;
}

/** Mean head loss of the batch; fills the gradient of that mean if \a withGradient. */
double batchLoss(Network<double> &net, const OutputHead<double> &head, const Problem &p, bool withGradient)
{
    const long batch = long(p.rows.size());
    const int k = net.outputs();
    const double *z = net.forward(p.rows.data(), batch);
    std::vector<double> scratch(k);
    double sum = 0.0;
    double *dz = net.outputGradient();
    for (long i = 0; i < batch; ++i)
        sum += head.sample(z + i * k, k, p.labels[i], dz + i * k, 1.0 / double(batch), scratch.data());
    if (withGradient)
        net.backward(p.rows.data(), batch);
    return sum / double(batch);
}

} // namespace

class TestGradientCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void network_data()
    {
        QTest::addColumn<Activation>("activation");
        QTest::addColumn<Head>("head");
        QTest::addColumn<double>("initScale");
        QTest::addColumn<double>("absTolerance");
        for (const auto &[act, actName] : activationNames)
            for (const auto &[head, headName] : headNames)
                QTest::addRow("%s / %s", actName.data(), headName.data()) << act << head << 1.0 << 1e-8;
        // Larger weights push the clipped heads' probabilities through the clip for some samples:
        // the analytic zero there must match the finite difference's zero.
        QTest::addRow("tanh / softmax-clipped, saturated") << Activation::Tanh << Head::SoftmaxClipped << 12.0 << 1e-8;
        // Here some p = 1/(1 + e^-z) lie just inside 1 - 1e-7: 1 - p then carries a relative
        // rounding error of about u / (1 - p) = 1e-9, so the computed loss itself is that noisy
        // and the finite difference is only good to about 1e-9 / h = 1e-4 per sample.
        QTest::addRow("tanh / sigmoid-clipped, saturated") << Activation::Tanh << Head::SigmoidClipped << 12.0 << 1e-6;
        QTest::addRow("relu / logits, large logits") << Activation::ReLU << Head::Logits << 12.0 << 1e-8;
    }
    void network()
    {
        QFETCH(Activation, activation);
        QFETCH(Head, head);
        QFETCH(double, initScale);
        QFETCH(double, absTolerance);
        const int classes = isBinaryHead(head) ? 2 : 4;
        Network<double> net({6, 5, 4, headOutputs(head, classes)}, activation, 8);
        net.initialise(Init::Glorot, initScale, 3);
        // Non-zero biases (none exactly 0, so a sample whose ReLU inputs are all 0 does not sit on
        // the kink at 0, where the one-sided derivatives differ).
        for (int l = 0; l < net.layerCount(); ++l)
            for (Eigen::Index j = 0; j < net.bias(l).size(); ++j)
                net.parameters()[net.weightOffset(l) + net.weightCount(l) + j] = 0.1 * double(j + 1) - 0.25;
        const Problem p = makeProblem(8, 6, classes, 11);
        const OutputHead<double> h {head};
        const double loss = batchLoss(net, h, p, true);
        QVERIFY(std::isfinite(loss));
        const Eigen::ArrayXd analytic = net.gradients();
        Eigen::ArrayXd &theta = net.parameters();
        int zeros = 0;
        for (Eigen::Index i = 0; i < theta.size(); ++i) {
            const double saved = theta[i];
            const double step = 1e-5 * std::max(1.0, std::fabs(saved));
            auto at = [&](double delta) {
                theta[i] = saved + delta;
                const double v = batchLoss(net, h, p, false);
                theta[i] = saved;
                return v;
            };
            // Five-point stencil (Richardson on the central difference): truncation O(h^4).
            const double numeric = (8 * (at(step) - at(-step)) - (at(2 * step) - at(-2 * step))) / (12 * step);
            // Relative 1e-6, plus an absolute part for the rounding error u |f| / h of the difference.
            const double err = std::fabs(numeric - analytic[i]);
            const double tol = 1e-6 * std::max(std::fabs(numeric), std::fabs(analytic[i])) + absTolerance;
            zeros += analytic[i] == 0.0;
            QVERIFY2(err <= tol,
                qPrintable(QStringLiteral("parameter %1: analytic %2, numeric %3")
                               .arg(i)
                               .arg(analytic[i], 0, 'g', 12)
                               .arg(numeric, 0, 'g', 12)));
        }
        // A gradient that is identically zero would pass trivially: most entries must be non-zero
        // (ReLU kills some, saturation others, but never all the last layer's weights).
        QVERIFY2(zeros < theta.size() / 2 || initScale > 1.0, qPrintable(QString::number(zeros)));
    }

    void clipKillsGradient()
    {
        // All samples confidently wrong through the clip: every parameter's gradient is exactly 0,
        // while the same network with the from-logits head gets a non-zero gradient.
        Network<double> net({3, 2}, Activation::Linear, 4);
        net.parameters() << 40, 0, 0, -40, 0, 0, 0, 0; // W = [40 0 0; -40 0 0], b = 0: z = (40, -40)
        std::vector<double> x {1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1}; // x0 = 1 in every sample
        Problem p;
        p.inputs = x;
        for (int i = 0; i < 4; ++i)
            p.rows.push_back(p.inputs.data() + 3 * i);
        p.labels = {1, 1, 1, 1}; // class 1, but p_1 = e^-80 / (1 + e^-80) < 1e-7
        const double clipped = batchLoss(net, OutputHead<double> {Head::SoftmaxClipped}, p, true);
        QCOMPARE(clipped, -std::log(1e-7));
        QVERIFY((net.gradients() == 0.0).all());
        batchLoss(net, OutputHead<double> {Head::Logits}, p, true);
        QVERIFY((net.gradients() != 0.0).count() >= 4);
    }
};

QTEST_APPLESS_MAIN(TestGradientCheck)
#include "tst_gradientcheck.moc"

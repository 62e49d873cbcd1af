// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests for float16 training with the mixed-precision options (core/nn/mlptrainer.h's
 * step() and applyUpdate(), core/nn/optimizer.h's step(), core/nn/lossscaler.h in the loop): a
 * tiny network (3 inputs, 2 hidden ReLU units, 2 classes, Head::Logits, batch 2) is trained by
 * MlpTrainer<Eigen::half> and the same steps are recomputed here with every operation rounded to
 * float16 (or float32) by MPFR, in the order the kernels document (formatreference.h).
 */
#include "formatreference.h"

#include "data/dataset.h"
#include "nn/mlptrainer.h"

#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace logitlab;
namespace fr = formatref;

Q_DECLARE_METATYPE(logitlab::Accumulation)
Q_DECLARE_METATYPE(logitlab::Optimizer)
Q_DECLARE_METATYPE(logitlab::LossScaling)

namespace {

constexpr Format H = Format::Float16;
constexpr Format F = Format::Float32;
using Values = std::vector<long double>;
const std::vector<int> sizes {3, 2, 2}; // inputs, hidden, classes
constexpr int batch = 2;

/** Offsets of layer l's weights (out x in, row-major) and biases in the parameter vector. */
struct Layer {
    int in, out;
    std::size_t weights, bias;
};

std::vector<Layer> layers()
{
    std::vector<Layer> r;
    std::size_t offset = 0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
        Layer L {sizes[l], sizes[l + 1], offset, offset + std::size_t(sizes[l] * sizes[l + 1])};
        offset = L.bias + std::size_t(L.out);
        r.push_back(L);
    }
    return r;
}

/**
 * exp and log of a float16 value as Eigen computes them: the float32 library function (glibc's
 * expf/logf) on the widened value, rounded to float16. The float32 result is taken from the same
 * library, not from MPFR; only its rounding to float16 is MPFR's.
 */
long double expHalf(long double v)
{
    return fr::round((long double)std::exp(static_cast<float>(v)), H);
}
long double logHalf(long double v)
{
    return fr::round((long double)std::log(static_cast<float>(v)), H);
}

/** The optimiser's state in the reference, in the format it runs in. */
struct RefOptimizer {
    Values first, second;
    long long steps = 0;
};

/** Everything the reference carries from one step to the next. */
struct RefState {
    Values params; ///< float16 values, laid out as Network::parameters()
    Values master; ///< float32 master weights (empty without)
    RefOptimizer opt;
};

/** The options of a reference step. */
struct RefOptions {
    Accumulation acc = Accumulation::Format;
    Optimizer optimizer = Sgd {0.5};
    bool master = false;
    bool scaled = false; ///< loss scaling on, with factor scale
    double scale = 1.0;
};

/** What one reference step produced. */
struct RefStep {
    Values grads; ///< as Network::gradients() after the step
    Values dw; ///< the optimiser's step, per parameter, in its format
    Values before; ///< the stored weights the step was added to (params, or master)
    double loss = 0.0;
    long long correct = 0, flushed = 0, nonFinite = 0;
    std::vector<long long> updates, lost;
};

/** optimizer.h's step() with every operation rounded to \a u (float16 or float32). */
Values optimizerStep(const Optimizer &opt, double lr, const Values &g, RefOptimizer &st, Format u)
{
    ++st.steps;
    if (st.first.empty()) {
        st.first.assign(g.size(), 0.0L);
        st.second.assign(g.size(), 0.0L);
    }
    const long double rate = fr::round(lr, u);
    Values dw(g.size());
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (std::holds_alternative<Sgd>(opt)) {
            dw[i] = -fr::mul(rate, g[i], u); // dw = -(rate g)
        } else if (const auto *m = std::get_if<Momentum>(&opt)) {
            // v = momentum v - rate g; dw = v
            st.first[i] = fr::sub(fr::mul(fr::round(m->momentum, u), st.first[i], u), fr::mul(rate, g[i], u), u);
            dw[i] = st.first[i];
        } else {
            const Adam &a = std::get<Adam>(opt);
            const long double b1 = fr::round(a.beta1, u), b2 = fr::round(a.beta2, u);
            st.first[i] = fr::add(fr::mul(b1, st.first[i], u), fr::mul(fr::sub(1, b1, u), g[i], u), u);
            st.second[i]
                = fr::add(fr::mul(b2, st.second[i], u), fr::mul(fr::sub(1, b2, u), fr::mul(g[i], g[i], u), u), u);
            // The bias corrections 1 - beta^t are computed in double, as the optimiser does, then rounded.
            const long double c1 = fr::round(1.0 - std::pow(a.beta1, double(st.steps)), u);
            const long double c2 = fr::round(1.0 - std::pow(a.beta2, double(st.steps)), u);
            const long double root = fr::sqrt(fr::div(st.second[i], c2, u), u);
            dw[i]
                = -fr::div(fr::mul(rate, fr::div(st.first[i], c1, u), u), fr::add(root, fr::round(a.epsilon, u), u), u);
        }
    }
    return dw;
}

/**
 * One training step of the float16 network on \a x (batch x 3) with labels \a y, recomputed with
 * MPFR: the forward pass (formatref::dot per output, ReLU), the Logits head as outputhead.h
 * computes it, the backward pass (formatref::orderedDot/orderedSum per gradient), unscaling, the
 * optimiser and the rounded update. Updates \a s.
 */
RefStep referenceStep(
    RefState &s, const RefOptions &o, double lr, const std::vector<Values> &x, const std::vector<int> &y)
{
    const std::vector<Layer> L = layers();
    const std::size_t n = x.size();
    RefStep r;
    // Forward: a[l + 1][t] = f(W_l a[l][t] + b_l).
    std::vector<std::vector<Values>> a {x};
    for (std::size_t l = 0; l < L.size(); ++l) {
        std::vector<Values> z(n, Values(std::size_t(L[l].out)));
        for (std::size_t t = 0; t < n; ++t)
            for (int j = 0; j < L[l].out; ++j) {
                const auto w = s.params.begin() + std::ptrdiff_t(L[l].weights + std::size_t(j * L[l].in));
                const long double b = s.params[L[l].bias + std::size_t(j)];
                long double v = fr::dot(a[l][t], Values(w, w + L[l].in), b, H, o.acc);
                if (l + 1 < L.size())
                    v = v > 0 ? v : 0.0L; // ReLU
                z[t][std::size_t(j)] = v;
            }
        a.push_back(z);
    }
    // The Logits head: m = max z, e_i = exp(z_i - m), sum in order, loss = (m + log(sum)) - z_y,
    // dz_i = (e_i / sum - [i = y]) * gradScale; gradScale = 1/n, or S/n with loss scaling.
    const long double gradScale = o.scaled ? fr::div(o.scale, (long double)n, H) : fr::div(1, (long double)n, H);
    const int k = sizes.back();
    std::vector<Values> dz(n, Values(std::size_t(k)));
    double lossSum = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const Values &z = a.back()[t];
        long double m = z[0];
        for (long double v : z)
            m = v > m ? v : m;
        Values e(z.size());
        long double sum = 0.0L;
        for (std::size_t i = 0; i < z.size(); ++i) {
            e[i] = expHalf(fr::sub(z[i], m, H));
            sum = fr::add(sum, e[i], H);
        }
        const long double loss = fr::sub(fr::add(m, logHalf(sum), H), z[std::size_t(y[t])], H);
        lossSum += double(loss);
        for (std::size_t i = 0; i < z.size(); ++i)
            dz[t][i] = fr::mul(fr::sub(fr::div(e[i], sum, H), i == std::size_t(y[t]) ? 1 : 0, H), gradScale, H);
        int best = 0; // argmax, the first of equal values
        for (int i = 1; i < k; ++i)
            best = z[std::size_t(i)] > z[std::size_t(best)] ? i : best;
        r.correct += best == y[t];
    }
    r.loss = lossSum / double(n);
    // Backward: dW = dZ^T A, db = column sums of dZ, dA = dZ W, then times ReLU' (a > 0).
    r.grads.assign(s.params.size(), 0.0L);
    for (std::size_t l = L.size(); l-- > 0;) {
        const Layer &ly = L[l];
        if (l + 1 < L.size())
            for (std::size_t t = 0; t < n; ++t)
                for (int j = 0; j < ly.out; ++j)
                    if (!(a[l + 1][t][std::size_t(j)] > 0))
                        dz[t][std::size_t(j)] = 0.0L;
        for (int i = 0; i < ly.out; ++i) {
            Values column(n);
            for (std::size_t t = 0; t < n; ++t)
                column[t] = dz[t][std::size_t(i)];
            for (int kk = 0; kk < ly.in; ++kk) {
                Values input(n);
                for (std::size_t t = 0; t < n; ++t)
                    input[t] = a[l][t][std::size_t(kk)];
                const fr::Output g = fr::orderedDot(column, input, H, o.acc);
                r.grads[ly.weights + std::size_t(i * ly.in + kk)] = g.value;
                r.flushed += g.flushed;
            }
            const fr::Output b = fr::orderedSum(column, H, o.acc);
            r.grads[ly.bias + std::size_t(i)] = b.value;
            r.flushed += b.flushed;
        }
        if (l > 0) {
            std::vector<Values> da(n, Values(std::size_t(ly.in)));
            for (std::size_t t = 0; t < n; ++t)
                for (int kk = 0; kk < ly.in; ++kk) {
                    Values w(std::size_t(ly.out));
                    for (int j = 0; j < ly.out; ++j)
                        w[std::size_t(j)] = s.params[ly.weights + std::size_t(j * ly.in + kk)];
                    da[t][std::size_t(kk)] = fr::orderedDot(dz[t], w, H, o.acc).value;
                }
            dz = da;
        }
    }
    for (long double g : r.grads)
        r.nonFinite += !std::isfinite(g);
    // The update: unscale by 1/S rounded to float32 (each product rounded once, to float16 or to
    // the float32 master gradient), the optimiser, then w + dw rounded to nearest.
    const long double inverse = o.scaled ? fr::div(1, o.scale, F) : 1.0L;
    const Format u = o.master ? F : H;
    Values g = r.grads;
    if (o.scaled || o.master)
        for (long double &v : g) {
            const long double unscaled = fr::mul(v, inverse, u);
            r.flushed += v != 0 && unscaled == 0;
            v = unscaled;
        }
    if (!o.master)
        r.grads = g; // unscaled in place
    r.dw = optimizerStep(o.optimizer, lr, g, s.opt, u);
    Values &w = o.master ? s.master : s.params;
    r.before = w;
    for (const Layer &ly : L) {
        long long updates = 0, lost = 0;
        for (std::size_t i = ly.weights; i < ly.bias + std::size_t(ly.out); ++i) {
            const long double next = fr::add(w[i], r.dw[i], u);
            if (i < ly.bias && r.dw[i] != 0) {
                ++updates;
                lost += next == w[i];
            }
            w[i] = next;
        }
        r.updates.push_back(updates);
        r.lost.push_back(lost);
    }
    if (o.master)
        for (std::size_t i = 0; i < w.size(); ++i)
            s.params[i] = fr::round(w[i], H);
    return r;
}

/** Bits equal, or both NaN. */
template <class T> bool sameBits(T got, long double want)
{
    const float g = static_cast<float>(got);
    if (std::isnan(want) || std::isnan(g))
        return std::isnan(want) && std::isnan(g);
    if constexpr (std::is_same_v<T, float>)
        return std::bit_cast<std::uint32_t>(got) == std::bit_cast<std::uint32_t>(float(want));
    else
        return Eigen::numext::bit_cast<std::uint16_t>(got) == Eigen::numext::bit_cast<std::uint16_t>(T(float(want)));
}

/** The first index where \a got and \a want differ, as text; empty if none. */
template <class T> QString mismatch(const Eigen::Array<T, Eigen::Dynamic, 1> &got, const Values &want)
{
    if (std::size_t(got.size()) != want.size())
        return QStringLiteral("size %1, expected %2").arg(got.size()).arg(want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!sameBits(got[Eigen::Index(i)], want[i]))
            return QStringLiteral("[%1]: got %2, expected %3")
                .arg(i)
                .arg(double(static_cast<float>(got[Eigen::Index(i)])), 0, 'g', 9)
                .arg(double(want[i]), 0, 'g', 9);
    return {};
}

template <class T> Values values(const Eigen::Array<T, Eigen::Dynamic, 1> &a)
{
    Values v(std::size_t(a.size()));
    for (Eigen::Index i = 0; i < a.size(); ++i)
        v[std::size_t(i)] = static_cast<long double>(static_cast<float>(a[i]));
    return v;
}

/**
 * Six samples of three float16 features (random values in [-4, 4), times \a scale, rounded to
 * float16 by MPFR) with labels 0 1 1 0 1 0.
 */
Dataset makeSet(double scale)
{
    Dataset d;
    d.classes = 2;
    d.features.resize(6, 3);
    Rng rng(11);
    for (Eigen::Index i = 0; i < d.features.size(); ++i)
        d.features.data()[i] = float(fr::round(rng.uniform(-4.0, 4.0) * scale, H));
    d.labels = {0, 1, 1, 0, 1, 0};
    return d;
}

TrainConfig makeConfig(const RefOptions &o, double lr, const LossScaling &scaling)
{
    TrainConfig c;
    c.hidden = {2};
    c.activation = Activation::ReLU;
    c.head = Head::Logits;
    c.optimizer = o.optimizer;
    std::visit([&](auto &opt) { opt.learningRate = lr; }, c.optimizer);
    c.batchSize = batch;
    c.epochs = 1;
    c.seed = 3;
    c.shuffle = false;
    c.format = Format::Float16;
    c.mixed.accumulate = o.acc;
    c.mixed.masterWeights = o.master;
    c.mixed.lossScale = scaling;
    return c;
}

/** The batch of step \a b (samples 2b, 2b + 1 of the unshuffled set, epoch after epoch). */
std::vector<Values> batchOf(const Dataset &d, long long b, std::vector<int> &labels)
{
    std::vector<Values> x;
    labels.clear();
    for (int i = 0; i < batch; ++i) {
        const Eigen::Index row = (b * batch + i) % d.size();
        Values v(3);
        for (int c = 0; c < 3; ++c)
            v[std::size_t(c)] = d.features(row, c);
        x.push_back(v);
        labels.push_back(d.labels[std::size_t(row)]);
    }
    return x;
}

/** The reference's starting state: the trainer's initial parameters (and master copy). */
RefState startState(const MlpTrainer<Eigen::half> &t)
{
    RefState s;
    s.params = values(t.network().parameters());
    s.master = values(t.masterWeights());
    return s;
}

/** The nearer neighbour of the float16 value \a w in the direction of \a d: |it - w| (MPFR). */
long double gapToward(long double w, long double d)
{
    mpfr::mpreal tiny(1, 64);
    tiny = mpfr::ldexp(tiny, -1000);
    const mpfr::mpreal e = fr::exact(w);
    const mpfr::mpreal moved = d > 0 ? e + tiny : e - tiny;
    const long double next = logitlab::roundToFormat(moved.mpfr_srcptr(), H, d > 0 ? MPFR_RNDU : MPFR_RNDD);
    return std::fabs(next - w);
}

} // namespace

class TestMixedPrecision : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /**
     * Three steps (one epoch) of the trainer against three reference steps: loss, accuracy,
     * gradients, flushed and non-finite counts, lost-update counts and the new parameters, bit
     * for bit; with master weights the float32 master copy too, and the network's weights are the
     * master rounded to float16.
     */
    void stepsMatchMpfr_data()
    {
        QTest::addColumn<Accumulation>("acc");
        QTest::addColumn<Optimizer>("optimizer");
        QTest::addColumn<double>("lr");
        QTest::addColumn<bool>("master");
        QTest::addColumn<LossScaling>("scaling");
        QTest::addColumn<double>("featureScale");
        QTest::addColumn<bool>("mustFlush");
        QTest::addColumn<bool>("mustLose");
        const Accumulation fmt = Accumulation::Format, f32 = Accumulation::Float32;
        LossScaling none, s1024, s256;
        s1024.kind = s256.kind = LossScaleKind::Static;
        s1024.scale = 1024.0;
        s256.scale = 256.0;
        QTest::addRow("format accumulation, sgd")
            << fmt << Optimizer(Sgd {}) << 0.5 << false << none << 1.0 << false << false;
        QTest::addRow("float32 accumulation, sgd")
            << f32 << Optimizer(Sgd {}) << 0.5 << false << none << 1.0 << false << false;
        QTest::addRow("format accumulation, momentum")
            << fmt << Optimizer(Momentum {}) << 0.25 << false << none << 1.0 << false << false;
        QTest::addRow("float32 accumulation, momentum")
            << f32 << Optimizer(Momentum {}) << 0.25 << false << none << 1.0 << false << false;
        QTest::addRow("format accumulation, adam")
            << fmt << Optimizer(Adam {}) << 0.01 << false << none << 1.0 << false << false;
        // Features below 2^-18 (float16 subnormals): their products with dz (about 2^-3) lie
        // around 2^-21 to 2^-28, and those below 2^-25 round to 0.
        QTest::addRow("format accumulation, tiny inputs flush gradients")
            << fmt << Optimizer(Sgd {}) << 0.5 << false << none << 0x1p-20 << true << false;
        QTest::addRow("float32 accumulation, tiny inputs flush gradients")
            << f32 << Optimizer(Sgd {}) << 0.5 << false << none << 0x1p-20 << true << false;
        QTest::addRow("format accumulation, tiny inputs, static scale 1024")
            << fmt << Optimizer(Sgd {}) << 0.5 << false << s1024 << 0x1p-20 << false << false;
        // A step of 2^-12 times a gradient below 1 is under half an ulp of most weights (2^-11 at 1).
        QTest::addRow("format accumulation, small lr loses updates")
            << fmt << Optimizer(Sgd {}) << 0x1p-12 << false << none << 1.0 << false << true;
        QTest::addRow("master weights, format accumulation, sgd")
            << fmt << Optimizer(Sgd {}) << 0.5 << true << none << 1.0 << false << false;
        QTest::addRow("master weights, float32 accumulation, momentum")
            << f32 << Optimizer(Momentum {}) << 0.25 << true << none << 1.0 << false << false;
        QTest::addRow("master weights, static scale 256, momentum")
            << fmt << Optimizer(Momentum {}) << 0.25 << true << s256 << 1.0 << false << false;
        QTest::addRow("master weights, small lr")
            << fmt << Optimizer(Sgd {}) << 0x1p-12 << true << none << 1.0 << false << false;
    }
    void stepsMatchMpfr()
    {
        QFETCH(Accumulation, acc);
        QFETCH(Optimizer, optimizer);
        QFETCH(double, lr);
        QFETCH(bool, master);
        QFETCH(LossScaling, scaling);
        QFETCH(double, featureScale);
        QFETCH(bool, mustFlush);
        QFETCH(bool, mustLose);
        const RefOptions o {acc, optimizer, master, scaling.kind != LossScaleKind::None, scaling.scale};
        const Dataset d = makeSet(featureScale);
        MlpTrainer<Eigen::half> t(makeConfig(o, lr, scaling), d, d);
        RefState s = startState(t);
        QCOMPARE(s.master.empty(), !master);
        for (std::size_t i = 0; i < s.master.size(); ++i) // the forward copy is the master rounded
            QVERIFY(s.params[i] == fr::round(s.master[i], H));
        long long flushed = 0, lost = 0, hiddenGradients = 0;
        for (long long step = 0; step < 3; ++step) {
            std::vector<int> y;
            const std::vector<Values> x = batchOf(d, step, y);
            const RefStep want = referenceStep(s, o, lr, x, y);
            const BatchMetrics got = t.step();
            const QByteArray where = QStringLiteral("step %1").arg(step + 1).toUtf8();
            QVERIFY2(got.loss == want.loss, where.constData());
            QCOMPARE(got.correct, want.correct);
            QString bad = mismatch(t.network().gradients(), want.grads);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("step %1 gradients ").arg(step + 1) + bad));
            QCOMPARE(got.flushedGradients, want.flushed);
            QCOMPARE(got.nonFiniteGradients, want.nonFinite);
            QVERIFY(!got.skipped);
            QCOMPARE(got.lossScale, o.scaled ? o.scale : 1.0);
            QCOMPARE(got.layers.size(), want.updates.size());
            for (std::size_t l = 0; l < want.updates.size(); ++l) {
                QCOMPARE(got.layers[l].updates, want.updates[l]);
                QCOMPARE(got.layers[l].lost, want.lost[l]);
                lost += want.lost[l];
            }
            bad = mismatch(t.network().parameters(), s.params);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("step %1 parameters ").arg(step + 1) + bad));
            if (master) {
                bad = mismatch(t.masterWeights(), s.master);
                QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("step %1 master ").arg(step + 1) + bad));
                // The network's weights are exactly the float32 master rounded to float16.
                const Eigen::ArrayXf &m = t.masterWeights();
                for (Eigen::Index i = 0; i < m.size(); ++i)
                    QVERIFY(sameBits(t.network().parameters()[i], fr::round((long double)m[i], H)));
            }
            flushed += want.flushed;
            const Layer first = layers().front();
            for (std::size_t i = first.weights; i < first.bias; ++i)
                hiddenGradients += want.grads[i] != 0;
        }
        QVERIFY(hiddenGradients > 0); // the hidden layer took part (not all ReLUs dead)
        if (mustFlush)
            QVERIFY2(flushed > 0, "this row was meant to flush gradients to zero");
        if (mustLose)
            QVERIFY2(lost > 0, "this row was meant to lose updates");
    }

    /**
     * A weight whose step is below half the gap to its neighbour in the step's direction (half an
     * ulp; a quarter of the ulp above when the weight is a power of two stepping down) stays the
     * same and is counted as lost; one whose step is above it changes.
     */
    void lostUpdates_data()
    {
        QTest::addColumn<double>("lr");
        QTest::addColumn<bool>("allLost");
        QTest::addRow("lr 2^-8: some lost") << 0x1p-8 << false;
        QTest::addRow("lr 2^-20: every update lost") << 0x1p-20 << true;
    }
    void lostUpdates()
    {
        QFETCH(double, lr);
        QFETCH(bool, allLost);
        const RefOptions o {Accumulation::Format, Sgd {}, false, false, 1.0};
        const Dataset d = makeSet(1.0);
        MlpTrainer<Eigen::half> t(makeConfig(o, lr, LossScaling {}), d, d);
        RefState s = startState(t);
        long long below = 0, above = 0;
        for (long long step = 0; step < 3; ++step) {
            std::vector<int> y;
            const std::vector<Values> x = batchOf(d, step, y);
            const RefStep want = referenceStep(s, o, lr, x, y);
            const Values before = values(t.network().parameters());
            const BatchMetrics got = t.step();
            const auto &after = t.network().parameters();
            const std::vector<Layer> L = layers();
            for (std::size_t l = 0; l < L.size(); ++l) {
                long long lostHere = 0, updates = 0;
                for (std::size_t i = L[l].weights; i < L[l].bias; ++i) {
                    const long double dw = want.dw[i];
                    if (dw == 0)
                        continue;
                    ++updates;
                    const long double half = gapToward(before[i], dw) / 2;
                    const bool same = sameBits(after[Eigen::Index(i)], before[i]);
                    if (std::fabs(dw) < half) {
                        QVERIFY2(
                            same, qPrintable(QStringLiteral("weight %1 moved by a step below half an ulp").arg(i)));
                        ++below;
                    } else if (std::fabs(dw) > half) {
                        QVERIFY2(
                            !same, qPrintable(QStringLiteral("weight %1 kept by a step above half an ulp").arg(i)));
                        ++above;
                    }
                    lostHere += same;
                }
                QCOMPARE(got.layers[l].updates, updates);
                QCOMPARE(got.layers[l].lost, lostHere);
                if (allLost)
                    QCOMPARE(got.layers[l].lost, got.layers[l].updates);
            }
        }
        QVERIFY(below > 0);
        QVERIFY(allLost ? above == 0 : above > 0);
    }

    /**
     * Dynamic loss scaling from 2^24 with batch 2: the gradient scale S/2 rounds to inf in float16
     * for S >= 2^17 (S/2 >= 65520, the overflow threshold), so every dz is inf or NaN
     * (0 * inf). Each of those 8 steps is skipped: the weights stay, the scale halves.
     */
    void dynamicScalingSkipsOverflow()
    {
        LossScaling dynamic;
        dynamic.kind = LossScaleKind::Dynamic;
        dynamic.scale = 0x1p24;
        const RefOptions o {Accumulation::Format, Sgd {}, false, true, dynamic.scale};
        const Dataset d = makeSet(1.0);
        MlpTrainer<Eigen::half> t(makeConfig(o, 0.5, dynamic), d, d);
        const Values start = values(t.network().parameters());
        for (int k = 24; k >= 17; --k) {
            QVERIFY(std::isinf(fr::round(std::ldexp(1.0L, k - 1), H)));
            const BatchMetrics m = t.step();
            QCOMPARE(m.lossScale, std::ldexp(1.0, k));
            QVERIFY(m.skipped);
            QVERIFY(m.nonFiniteGradients > 0);
            QVERIFY(!m.nonFinite()); // caught by the scaler: not a NaN event
            QVERIFY(m.layers.empty());
            QCOMPARE(t.lossScaler().scale, std::ldexp(1.0, k - 1));
            QCOMPARE(t.lossScaler().cleanSteps, 0);
            const QString bad = mismatch(t.network().parameters(), start);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("scale 2^%1: ").arg(k) + bad));
        }
        QCOMPARE(t.lastEpochRecord().skippedSteps, 3LL); // the first epoch: 3 batches, all skipped
    }

    /**
     * GradScaler unscales a step's gradients with the scale its backward pass used and grows the
     * scale afterwards (scaler.step(), then scaler.update()). With growth after every clean step,
     * the first step is computed with S = 1024 and must be unscaled by 1/1024.
     */
    void dynamicGrowthStepUsesItsOwnScale()
    {
        LossScaling dynamic;
        dynamic.kind = LossScaleKind::Dynamic;
        dynamic.scale = 1024.0;
        dynamic.growthInterval = 1;
        const RefOptions o {Accumulation::Format, Sgd {}, false, true, dynamic.scale};
        const Dataset d = makeSet(1.0);
        MlpTrainer<Eigen::half> t(makeConfig(o, 0.5, dynamic), d, d);
        RefState s = startState(t);
        std::vector<int> y;
        const std::vector<Values> x = batchOf(d, 0, y);
        referenceStep(s, o, 0.5, x, y);
        const BatchMetrics m = t.step();
        QCOMPARE(m.lossScale, 1024.0);
        QVERIFY(!m.skipped);
        QCOMPARE(t.lossScaler().scale, 2048.0); // grown after the step
        const QString bad = mismatch(t.network().parameters(), s.params);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("parameters ") + bad));
    }

    /**
     * OptimizerState::step() on its own, two steps on 16 gradients (the first 8 take Eigen's
     * packet path, the rest its scalar path), against optimizerStep() above: every operation
     * correctly rounded to the optimiser's format, sqrt included.
     */
    void optimizerStepMatchesMpfr_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<Optimizer>("optimizer");
        QTest::addColumn<std::vector<long double>>("gradients");
        Rng rng(21);
        auto random = [&](Format f) {
            Values g(16);
            for (long double &v : g)
                v = fr::round(std::ldexp(rng.uniform(-1.0, 1.0), int(rng.below(12)) - 6), f);
            return g;
        };
        for (Format f : {H, F}) {
            const char *name = f == H ? "float16" : "float32";
            QTest::addRow("%s sgd", name) << f << Optimizer(Sgd {0.1}) << random(f);
            QTest::addRow("%s momentum", name) << f << Optimizer(Momentum {0.1}) << random(f);
            QTest::addRow("%s adam", name) << f << Optimizer(Adam {0.01}) << random(f);
        }
        // g^2 overflows to inf (float16: 256^2 > 65520; float32: 2^128): v = inf, sqrt(v) = inf and
        // the step is -(rate m) / inf = -0, in the packet part (element 0) and the scalar part (9).
        Values big = random(H);
        big[0] = big[9] = 256.0L;
        QTest::addRow("float16 adam, g^2 overflows") << H << Optimizer(Adam {0.01}) << big;
        big = random(F);
        big[0] = big[9] = 0x1p64L;
        QTest::addRow("float32 adam, g^2 overflows") << F << Optimizer(Adam {0.01}) << big;
    }
    void optimizerStepMatchesMpfr()
    {
        QFETCH(Format, format);
        QFETCH(Optimizer, optimizer);
        QFETCH(std::vector<long double>, gradients);
        const double lr = learningRate(optimizer);
        RefOptimizer ref;
        auto run = [&](auto s) {
            using S = decltype(s);
            Eigen::Array<S, Eigen::Dynamic, 1> g(Eigen::Index(gradients.size())), dw;
            for (std::size_t i = 0; i < gradients.size(); ++i)
                g[Eigen::Index(i)] = S(float(gradients[i]));
            OptimizerState<S> st;
            st.reset(g.size());
            for (int step = 1; step <= 2; ++step) {
                st.step(optimizer, lr, g, dw);
                const Values want = optimizerStep(optimizer, lr, gradients, ref, format);
                const QString bad = mismatch(dw, want);
                QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("step %1 ").arg(step) + bad));
            }
        };
        if (format == H)
            run(Eigen::half {});
        else
            run(float {});
    }

    /**
     * Stochastic update rounding: each new weight is one of the two float16 neighbours of w + dw;
     * which one is drawn from the seed's rounding stream (Rng(seed, 3), one uniform u per
     * parameter in storage order: the upper neighbour when u < p = (w + dw - lo) / (hi - lo)); the
     * same seed gives the same bits, and snapshot()/restore() replays the same next steps.
     */
    void stochasticUpdates_data()
    {
        QTest::addColumn<Optimizer>("optimizer");
        QTest::addColumn<double>("lr");
        QTest::addRow("sgd, steps of a fraction of an ulp") << Optimizer(Sgd {}) << 0x1p-9;
        QTest::addRow("momentum") << Optimizer(Momentum {}) << 0x1p-10;
        QTest::addRow("sgd, large steps") << Optimizer(Sgd {}) << 0.5;
    }
    void stochasticUpdates()
    {
        QFETCH(Optimizer, optimizer);
        QFETCH(double, lr);
        const RefOptions o {Accumulation::Format, optimizer, false, false, 1.0};
        TrainConfig c = makeConfig(o, lr, LossScaling {});
        c.mixed.updateRounding = UpdateRounding::Stochastic;
        const Dataset d = makeSet(1.0);
        MlpTrainer<Eigen::half> t(c, d, d), twin(c, d, d);
        RefState s = startState(t);
        Rng draws(c.seed, 3);
        long long inexact = 0, ups = 0;
        std::vector<Values> history;
        typename MlpTrainer<Eigen::half>::Snapshot snap;
        for (long long step = 0; step < 4; ++step) {
            if (step == 1)
                snap = t.snapshot();
            std::vector<int> y;
            const std::vector<Values> x = batchOf(d, step, y);
            // The reference rounds to nearest; its gradient is right as long as it starts from
            // the trainer's weights, so it is put back in step with them before each step.
            s.params = values(t.network().parameters());
            const RefStep want = referenceStep(s, o, lr, x, y);
            t.step();
            twin.step();
            const auto &after = t.network().parameters();
            for (std::size_t i = 0; i < want.before.size(); ++i) {
                const mpfr::mpreal exactSum = fr::exact(want.before[i]) + fr::exact(want.dw[i]);
                const long double lo = logitlab::roundToFormat(exactSum.mpfr_srcptr(), H, MPFR_RNDD);
                const long double hi = logitlab::roundToFormat(exactSum.mpfr_srcptr(), H, MPFR_RNDU);
                const double u = draws.uniform();
                long double expected = lo;
                if (lo != hi) {
                    ++inexact;
                    const long double p = (want.before[i] + want.dw[i] - lo) / (hi - lo); // exact in long double
                    expected = u < p ? hi : lo;
                    ups += expected == hi;
                }
                QVERIFY2(sameBits(after[Eigen::Index(i)], expected),
                    qPrintable(QStringLiteral("step %1 parameter %2: got %3, neighbours %4 and %5, u = %6")
                                   .arg(step + 1)
                                   .arg(i)
                                   .arg(double(static_cast<float>(after[Eigen::Index(i)])))
                                   .arg(double(lo))
                                   .arg(double(hi))
                                   .arg(u)));
            }
            QVERIFY((t.network().parameters() == twin.network().parameters()).all()); // same seed, same bits
            history.push_back(values(t.network().parameters()));
        }
        QVERIFY(inexact > 10 && ups > 0 && ups < inexact); // both directions were drawn
        t.restore(snap);
        for (std::size_t step = 1; step < 4; ++step) {
            t.step();
            const QString bad = mismatch(t.network().parameters(), history[step]);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("replayed step %1 ").arg(step + 1) + bad));
        }
    }
};

QTEST_APPLESS_MAIN(TestMixedPrecision)
#include "tst_mixedprecision.moc"

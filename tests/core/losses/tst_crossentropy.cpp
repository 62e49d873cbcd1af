// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of sparse categorical cross-entropy and its gradients. */
#include "losses/lossreport.h"
#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;
using mpfr::mpreal;

namespace {
const long double kInf = std::numeric_limits<long double>::infinity();
const long double kNaN = std::numeric_limits<long double>::quiet_NaN();

/** -log(fl_f(1e-7)) correctly rounded to f: Keras's plateau, derived with MPFR. */
long double clipPlateau(Format f)
{
    WideExponentRange wide;
    const long double eps = *decimalToFormat("1e-7", f);
    return roundToFormat(mpreal(-mpfr::log(exactValue(eps))), f);
}
} // namespace

class TestCrossEntropy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void methods_data();
    void methods();
    void fromLogitsAccuracy_data();
    void fromLogitsAccuracy();
    void gradientMatchesFiniteDifferences_data();
    void gradientMatchesFiniteDifferences();
    void gradientFailureModes();
};

// Each way on the inputs that separate them. Values for label 1 of [1000, 0]:
//   exact: logsumexp - z_1 = 1000 + log1p(e^-1000) - 0 = 1000 (to every format's precision)
//   naive: exp(1000) = inf, so p_1 = 1/inf = 0 -> -log 0 = inf (p_0 = inf/inf = NaN, unused)
//   probabilities: p_1 = e^-1000 / 1 underflows to 0 -> -log 0 = inf
//   clipped: p_1 clipped to 1e-7 -> -log(1e-7) = 16.118 (the plateau)
//   from_logits: 1000 - 0 + log(1 + 0) = 1000
void TestCrossEntropy::methods_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<long double>>("logits");
    QTest::addColumn<int>("label");
    QTest::addColumn<long double>("naive");
    QTest::addColumn<long double>("probabilities");
    QTest::addColumn<long double>("clipped");
    QTest::addColumn<long double>("fromLogits");
    for (Format f : {Format::Float32, Format::Float64}) {
        const char *n = formatName(f).data();
        QTest::addRow("%s wrong class far behind", n)
            << f << std::vector<long double> {1000, 0} << 1 << kInf << kInf << clipPlateau(f) << 1000.0L;
        // Right class far ahead: p_0 = 1 - e^-1000 rounds to 1: loss 0 everywhere but naive,
        // where p_0 = inf/inf = NaN.
        // Keras clips 1 to 1 - 1e-7 (float32: 1 - 2^-23 after rounding), -log of it is 1.19e-7.
        const long double hi = roundToFormat(mpreal(1 - exactValue(*decimalToFormat("1e-7", f))), f);
        const long double clippedLoss = roundToFormat(mpreal(-mpfr::log(exactValue(hi))), f);
        QTest::addRow("%s right class far ahead", n)
            << f << std::vector<long double> {1000, 0} << 0 << kNaN << 0.0L << clippedLoss << 0.0L;
    }
    // float16: ln(max) = 11.09, so exp(12) = inf and naive p_1 = 1/inf = 0 -> inf; the shifted
    // p_1 = e^-12 = 6.1e-6 is a fine float16 number, so the other three agree with the exact loss.
    QTest::addRow("float16 overflow at 12")
        << Format::Float16 << std::vector<long double> {12, 0} << 1 << kInf
        << roundToFormat(mpreal(12) + mpfr::log1p(mpfr::exp(mpreal(-12))), Format::Float16)
        << roundToFormat(mpreal(12) + mpfr::log1p(mpfr::exp(mpreal(-12))), Format::Float16)
        << roundToFormat(mpreal(12) + mpfr::log1p(mpfr::exp(mpreal(-12))), Format::Float16);
}

void TestCrossEntropy::methods()
{
    QFETCH(Format, format);
    QFETCH(std::vector<long double>, logits);
    QFETCH(int, label);
    const CrossEntropyReport r = computeCrossEntropyReport(logits, static_cast<std::size_t>(label), format);
    const long double expected[]
        = {*static_cast<const long double *>(QTest::qData("naive", qMetaTypeId<long double>())),
            *static_cast<const long double *>(QTest::qData("probabilities", qMetaTypeId<long double>())),
            *static_cast<const long double *>(QTest::qData("clipped", qMetaTypeId<long double>())),
            *static_cast<const long double *>(QTest::qData("fromLogits", qMetaTypeId<long double>()))};
    for (std::size_t m = 0; m < 4; ++m) {
        const long double got = r.methods[m].loss;
        if (std::isnan(expected[m]))
            QVERIFY2(std::isnan(got), crossEntropyMethodKey(allCrossEntropyMethods[m]).data());
        else
            QVERIFY2(got == expected[m]
                    || std::fabs(static_cast<double>(got - expected[m]))
                        <= static_cast<double>(formatInfo(format).epsilon * std::fabs(expected[m])),
                qPrintable(QStringLiteral("%1: %2 vs %3")
                               .arg(QLatin1String(crossEntropyMethodKey(allCrossEntropyMethods[m]).data()))
                               .arg(static_cast<double>(got))
                               .arg(static_cast<double>(expected[m]))));
    }
}

// from_logits = logsumexp(z) - z_k computed as -(log-softmax_k): absolute error
// <= (|d_k| + 2n + 3 + log s) u (see tst_softmax), i.e. a few u times the loss's magnitude.
void TestCrossEntropy::fromLogitsAccuracy_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("spread");
    for (Format f : allFormats)
        for (double spread : {1.0, 10.0, 100.0})
            QTest::addRow("%s spread %g", formatName(f).data(), spread) << f << spread;
}

void TestCrossEntropy::fromLogitsAccuracy()
{
    QFETCH(Format, format);
    QFETCH(double, spread);
    testsupport::SplitMix64 rng {static_cast<std::uint64_t>(spread * 31)};
    const int n = 10;
    const double u = std::ldexp(1.0, -formatInfo(format).precision);
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<long double> z;
        for (int i = 0; i < n; ++i)
            z.push_back(roundToFormat(mpreal(rng.uniform(-spread, spread)), format));
        const std::size_t k = static_cast<std::size_t>(rng.next() % n);
        const CrossEntropyReport r = computeCrossEntropyReport(z, k, format);
        const long double m = *std::max_element(z.begin(), z.end());
        const double d = static_cast<double>(std::fabs(z[k] - m));
        const double bound = (d + 2 * n + 3 + std::log(n)) * u * 1.0001;
        const double err = std::fabs(static_cast<double>(r.methods[3].loss) - r.reference.toDouble());
        QVERIFY2(err <= bound + std::fabs(r.reference.toDouble()) * 0x1p-52,
            qPrintable(QStringLiteral("error %1 > bound %2").arg(err).arg(bound)));
    }
}

// The gradient of each way is the derivative of the loss as computed: in float64, away from
// overflow and clipping, central differences (step h = 1e-6, truncation error O(h^2)) agree to 1e-6.
void TestCrossEntropy::gradientMatchesFiniteDifferences_data()
{
    QTest::addColumn<int>("method");
    for (CrossEntropyMethod m : allCrossEntropyMethods)
        QTest::addRow("%s", crossEntropyMethodKey(m).data()) << static_cast<int>(m);
}

void TestCrossEntropy::gradientMatchesFiniteDifferences()
{
    QFETCH(int, method);
    const auto m = static_cast<CrossEntropyMethod>(method);
    Vector<double> z(5);
    z << 0.3, -1.2, 2.5, 0.0, -0.7;
    for (Eigen::Index k = 0; k < z.size(); ++k) {
        const Vector<double> g = crossEntropyGradient<double>(z, k, m);
        for (Eigen::Index j = 0; j < z.size(); ++j) {
            const double h = 1e-6;
            Vector<double> zp = z, zm = z;
            zp[j] += h;
            zm[j] -= h;
            const double fd = (crossEntropy<double>(zp, k, m) - crossEntropy<double>(zm, k, m)) / (2 * h);
            QVERIFY2(std::fabs(fd - g[j]) <= 1e-6,
                qPrintable(QStringLiteral("k=%1 j=%2: %3 vs %4").arg(k).arg(j).arg(fd).arg(g[j])));
        }
    }
}

// Where the probability path breaks, its gradient says so: clipped -> exactly 0 (no learning),
// underflowed p_k -> -1/0 * 0 = NaN; from_logits keeps the true gradient softmax - onehot.
void TestCrossEntropy::gradientFailureModes()
{
    Vector<float> z(2);
    z << 1000.0f, 0.0f;
    const Vector<float> clipped = crossEntropyGradient<float>(z, 1, CrossEntropyMethod::Clipped);
    QCOMPARE(clipped[0], 0.0f);
    QCOMPARE(clipped[1], 0.0f);
    const Vector<float> probabilities = crossEntropyGradient<float>(z, 1, CrossEntropyMethod::Probabilities);
    QVERIFY(std::isnan(probabilities[0]));
    const Vector<float> fromLogits = crossEntropyGradient<float>(z, 1, CrossEntropyMethod::FromLogits);
    QCOMPARE(fromLogits[0], 1.0f); // softmax_0 = 1
    QCOMPARE(fromLogits[1], -1.0f); // softmax_1 - 1 = 0 - 1
}

QTEST_APPLESS_MAIN(TestCrossEntropy)
#include "tst_crossentropy.moc"

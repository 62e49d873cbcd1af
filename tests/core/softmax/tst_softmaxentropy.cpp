// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file The entropy H(p) = -sum p_i ln p_i of p = softmax(z): hand-derived values, limits of
 * non-finite logits, and an independent MPFR evaluation of the definition itself.
 */
#include "precision/mpfrutil.h"
#include "softmax/softmaxentropy.h"

#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

using namespace logitlab;

namespace {

constexpr double noValue = std::numeric_limits<double>::quiet_NaN();
constexpr long double inf = std::numeric_limits<long double>::infinity();

/**
 * The definition, not the code's shifted form: p_i = exp(z_i) / sum_j exp(z_j) and
 * -sum p_i ln p_i with MPFR (logits small enough that exp(z) fits MPFR's range). When the others
 * are far below the max, its p is 1 - d with d about e^-(max - min): 4096 bits beyond the
 * (max - min) / ln 2 that d needs, so that d ln(1 - d) keeps its digits.
 */
double entropyByDefinition(const std::vector<long double> &z)
{
    WideExponentRange wide;
    const auto [lo, hi] = std::minmax_element(z.begin(), z.end());
    const auto p = static_cast<mpfr_prec_t>(4096 + 2 * (*hi - *lo) / std::numbers::ln2_v<long double>);
    mpfr::mpreal sum(0, p), h(0, p);
    for (long double v : z)
        sum += mpfr::exp(exactValue(v, p));
    for (long double v : z) {
        const mpfr::mpreal pi = mpfr::exp(exactValue(v, p)) / sum;
        h -= pi * mpfr::log(pi);
    }
    return static_cast<double>(roundToFormat(h, Format::Float64));
}

} // namespace

/** \brief Tests of softmaxEntropyReference. */
class TstSoftmaxEntropy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handDerived_data();
    void handDerived();
    void agreesWithTheDefinition_data();
    void agreesWithTheDefinition();
    void staysInZeroToLnK();
};

// Each expected value is derived by hand in its row; the digits were evaluated with mpmath at 1200
// digits (p_1 = 1 - e^-740 needs more than 320 of them) (25 of them below, so the literal rounds to the correctly
// rounded double). bits = nats / ln 2.
void TstSoftmaxEntropy::handDerived_data()
{
    QTest::addColumn<std::vector<long double>>("z");
    QTest::addColumn<double>("nats");
    QTest::addColumn<double>("bits");
    // All equal: p_i = 1/K, H = ln K (the largest entropy of K classes).
    QTest::addRow("uniform 4: ln 4 = 2 bits")
        << std::vector<long double> {5, 5, 5, 5} << 1.386294361119890618834464 << 2.0;
    QTest::addRow("uniform 3: ln 3") << std::vector<long double> {0, 0, 0} << 1.098612288668109691395245
                                     << 1.584962500721156181453739;
    // One logit: p = [1], H = 0 exactly.
    QTest::addRow("one logit") << std::vector<long double> {7} << 0.0 << 0.0;
    // One-hot-ish: p_1 = e^-100 / (1 + e^-100) = q; H = ln(1 + e^-100) + 100 q
    // = e^-100 + 100 e^-100 - O(e^-200) = 101 e^-100 = 3.757276735781044e-42.
    QTest::addRow("one-hot-ish [0, -100]: 101 e^-100")
        << std::vector<long double> {0, -100} << 3.757276735781044322589293e-42 << 5.420604513958784699653825e-42;
    // Same shape, 741 e^-740 = 3.1039e-319: a subnormal double, still correctly rounded.
    QTest::addRow("[0, -740]: a subnormal entropy")
        << std::vector<long double> {0, -740} << 3.103856251115604264138037e-319 << 4.477918021116691367421926e-319;
    // Huge logits, 1 apart: p = 1/(1 + e) and 1 - p, the binary entropy
    // -(p ln p + (1-p) ln(1-p)) = ln(1 + e^-1) + e^-1/(1 + e^-1) = 0.5822031088882180. The textbook
    // form logsumexp(z) - sum p_i z_i subtracts two numbers near 1e8 here.
    QTest::addRow("huge logits [1e8, 1e8 + 1]")
        << std::vector<long double> {1e8L, 1e8L + 1} << 0.5822031088882179547978363 << 0.839941537983169217278594;
    // [1000, 1001, 1002, 880] is [1, 2, 3] shifted by 999 (plus e^-122): the entropy of
    // softmax(1, 2, 3) = 0.8323955818399389.
    QTest::addRow("the lab's default [1000, 1001, 1002, 880]")
        << std::vector<long double> {1000, 1001, 1002, 880} << 0.8323955818399388729519237 << 1.20089297797836309861471;
    // The course's example [-3, 2, -1, 0] -> [0.0057, 0.8390, 0.0418, 0.1135].
    QTest::addRow("the course's [-3, 2, -1, 0]")
        << std::vector<long double> {-3, 2, -1, 0} << 0.5561988261936500097197389 << 0.8024252882978413522213167;
    // A gap of 1e30: H ~ 1e30 e^(-1e30), far below every format's smallest subnormal: 0.
    QTest::addRow("[1e30, 0]: 0") << std::vector<long double> {1e30L, 0} << 0.0 << 0.0;
    // Gaps of 2^20 and more are bounded as a whole (softmaxentropy.cpp): still 0 ...
    QTest::addRow("[0, -1e300]: 0") << std::vector<long double> {0, -1e300L} << 0.0 << 0.0;
    QTest::addRow("[0, -1e4000] (float80): 0") << std::vector<long double> {0, -1e4000L} << 0.0 << 0.0;
    // ... and leave the rest exact: H([0, -5]) = ln(1 + e^-5) + 5 e^-5/(1 + e^-5) = 0.04017960311054235.
    QTest::addRow("[0, -5, -2e6]: the -2e6 term adds nothing")
        << std::vector<long double> {0, -5, -2e6L} << 0.04017960311054234641322659 << 0.05796691415246621176784094;
    // Limits (as the softmax reference): +inf entries share p = 1/k, H = ln k ...
    QTest::addRow("[inf, 0]: p = [1, 0], H = 0") << std::vector<long double> {inf, 0} << 0.0 << 0.0;
    QTest::addRow("[inf, inf, 0]: ln 2 = 1 bit")
        << std::vector<long double> {inf, inf, 0} << 0.6931471805599453094172321 << 1.0;
    // ... -inf entries have p = 0 and add 0 ln 0 = 0 ...
    QTest::addRow("[-inf, 0, 0]: ln 2") << std::vector<long double> {-inf, 0, 0} << 0.6931471805599453094172321 << 1.0;
    // ... and there is no distribution for a NaN, all -inf (0/0) or nothing.
    QTest::addRow("NaN logit") << std::vector<long double> {1, std::numeric_limits<long double>::quiet_NaN()} << noValue
                               << noValue;
    QTest::addRow("all -inf") << std::vector<long double> {-inf, -inf} << noValue << noValue;
    QTest::addRow("empty") << std::vector<long double> {} << noValue << noValue;
}

void TstSoftmaxEntropy::handDerived()
{
    QFETCH(std::vector<long double>, z);
    QFETCH(double, nats);
    QFETCH(double, bits);
    const SoftmaxEntropy h = softmaxEntropyReference(z);
    const double gotNats = static_cast<double>(roundToFormat(h.nats, Format::Float64));
    const double gotBits = static_cast<double>(roundToFormat(h.bits, Format::Float64));
    if (std::isnan(nats)) {
        QVERIFY(std::isnan(gotNats));
        QVERIFY(std::isnan(gotBits));
        return;
    }
    // Correctly rounded: bit for bit (QCOMPARE on doubles is fuzzy, 12 digits).
    QVERIFY2(gotNats == nats, qPrintable(QString::number(gotNats, 'g', 17)));
    QVERIFY2(gotBits == bits, qPrintable(QString::number(gotBits, 'g', 17)));
    QVERIFY(!std::signbit(gotNats));
}

// Random logits of growing spread against the definition evaluated at 4096 bits: the values must
// agree bit for bit after rounding to double.
void TstSoftmaxEntropy::agreesWithTheDefinition_data()
{
    QTest::addColumn<std::vector<long double>>("z");
    testsupport::SplitMix64 rng {12};
    for (const double spread : {1e-6, 0.01, 1.0, 10.0, 100.0, 1000.0, 30000.0}) {
        for (const int n : {2, 5, 40}) {
            std::vector<long double> z;
            for (int i = 0; i < n; ++i)
                z.push_back(static_cast<float>(rng.uniform(-spread, spread))); // values of float32
            QTest::addRow("%d logits in [-%g, %g]", n, spread, spread) << z;
        }
    }
}

void TstSoftmaxEntropy::agreesWithTheDefinition()
{
    QFETCH(std::vector<long double>, z);
    const SoftmaxEntropy h = softmaxEntropyReference(z);
    const double got = static_cast<double>(roundToFormat(h.nats, Format::Float64));
    QVERIFY2(got == entropyByDefinition(z), qPrintable(QString::number(got, 'g', 17)));
}

// 0 <= H <= ln K on random vectors (K = 2..64), with H = ln K only for equal logits.
void TstSoftmaxEntropy::staysInZeroToLnK()
{
    testsupport::SplitMix64 rng {7};
    for (int round = 0; round < 200; ++round) {
        const int k = 2 + rng.below(63);
        std::vector<long double> z;
        for (int i = 0; i < k; ++i)
            z.push_back(rng.uniform(-20, 20));
        const double h = static_cast<double>(roundToFormat(softmaxEntropyReference(z).nats, Format::Float64));
        QVERIFY(h > 0);
        QVERIFY2(h < std::log(static_cast<double>(k)), qPrintable(QString::number(h)));
    }
}

QTEST_APPLESS_MAIN(TstSoftmaxEntropy)
#include "tst_softmaxentropy.moc"

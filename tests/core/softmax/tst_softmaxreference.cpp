// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the MPFR softmax reference: correctly rounded, limits for non-finite input. */
#include "precision/mpfrutil.h"
#include "softmax/softmaxreference.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;
using mpfr::mpreal;

class TestSoftmaxReference : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesIndependentComputation_data();
    void matchesIndependentComputation();
    void limits_data();
    void limits();
    void emptyInput();
};

// An independent computation: the textbook formula exp(z_i) / sum_j exp(z_j) at 4096 bits with
// MPFR's widest exponent range (nothing overflows there), rounded to each format. The reference
// under test uses Higham's form at 256+ bits with Ziv's check; both must agree in every format.
void TestSoftmaxReference::matchesIndependentComputation_data()
{
    QTest::addColumn<std::vector<long double>>("z");
    QTest::addRow("course example") << std::vector<long double> {-3, 2, -1, 0};
    QTest::addRow("naive overflows in float64") << std::vector<long double> {1000, 2000, 3000};
    QTest::addRow("tiny tail") << std::vector<long double> {0, -20, -40};
    QTest::addRow("ties at the max") << std::vector<long double> {5, 5, 1};
    QTest::addRow("negative logits") << std::vector<long double> {-1e4L, -1e4L + 1, -1e4L - 3};
    QTest::addRow("subnormal probabilities") << std::vector<long double> {0, -720, -740, -105};
    testsupport::SplitMix64 rng {42};
    std::vector<long double> random;
    for (int i = 0; i < 50; ++i)
        random.push_back(static_cast<float>(rng.uniform(-30, 30)));
    QTest::addRow("50 random float32 logits") << random;
}

void TestSoftmaxReference::matchesIndependentComputation()
{
    QFETCH(std::vector<long double>, z);
    const SoftmaxReference r = softmaxReference(z);
    WideExponentRange wide;
    const mpfr_prec_t p = 4096;
    mpreal sum(0, p);
    std::vector<mpreal> e;
    for (long double v : z) {
        e.push_back(mpfr::exp(exactValue(v, p)));
        sum += e.back();
    }
    for (std::size_t i = 0; i < z.size(); ++i) {
        const mpreal expected = e[i] / sum;
        const mpreal expectedLog = exactValue(z[i], p) - mpfr::log(sum);
        for (Format f : allFormats) {
            QCOMPARE(roundToFormat(r.softmax[i], f), roundToFormat(expected, f));
            QCOMPARE(roundToFormat(r.logSoftmax[i], f), roundToFormat(expectedLog, f));
        }
    }
    for (Format f : allFormats)
        QCOMPARE(roundToFormat(r.logSumExp, f), roundToFormat(mpreal(mpfr::log(sum)), f));
}

// Non-finite inputs follow the limits documented in softmaxreference.h.
void TestSoftmaxReference::limits_data()
{
    const long double inf = std::numeric_limits<long double>::infinity();
    const long double nan = std::numeric_limits<long double>::quiet_NaN();
    QTest::addColumn<std::vector<long double>>("z");
    QTest::addColumn<std::vector<double>>("softmax"); // NaN means NaN expected
    QTest::addRow("one +inf takes everything") << std::vector<long double> {1, inf, 2} << std::vector<double> {0, 1, 0};
    QTest::addRow("two +inf share") << std::vector<long double> {inf, 0, inf} << std::vector<double> {0.5, 0, 0.5};
    QTest::addRow("-inf is a zero probability") << std::vector<long double> {0, -inf} << std::vector<double> {1, 0};
    QTest::addRow("all -inf is 0/0") << std::vector<long double> {-inf, -inf} << std::vector<double> {NAN, NAN};
    QTest::addRow("NaN is NaN") << std::vector<long double> {0, nan} << std::vector<double> {NAN, NAN};
    QTest::addRow("huge spread") << std::vector<long double> {0, -1e300L} << std::vector<double> {1, 0};
}

void TestSoftmaxReference::limits()
{
    QFETCH(std::vector<long double>, z);
    QFETCH(std::vector<double>, softmax);
    const SoftmaxReference r = softmaxReference(z);
    QCOMPARE(r.softmax.size(), softmax.size());
    for (std::size_t i = 0; i < softmax.size(); ++i) {
        if (std::isnan(softmax[i]))
            QVERIFY(mpfr::isnan(r.softmax[i]));
        else
            QCOMPARE(r.softmax[i].toDouble(), softmax[i]);
    }
}

void TestSoftmaxReference::emptyInput()
{
    const SoftmaxReference r = softmaxReference({});
    QVERIFY(r.softmax.empty());
    QVERIFY(mpfr::isinf(r.logSumExp) && r.logSumExp < 0);
}

QTEST_APPLESS_MAIN(TestSoftmaxReference)
#include "tst_softmaxreference.moc"

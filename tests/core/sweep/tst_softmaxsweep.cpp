// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The softmax lab's error-vs-size sweep: point count, scales, where naive gives NaN, scaled logits. */
#include "sweep/softmaxsweep.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;

namespace {

SoftmaxSweep sweepOf(const std::vector<long double> &z, Format f)
{
    return computeSoftmaxSweep(z, f, [] { return false; });
}

/** The window's default logits, as the lab reads them (each rounded once to \a f). */
std::vector<long double> defaultLogits(Format f)
{
    return scaledLogits({"1000", "1001", "1002", "880"}, "1", f);
}

} // namespace

class TestSoftmaxSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pointCount_data();
    void pointCount();
    void defaultInput();
    void naiveNanRegion_data();
    void naiveNanRegion();
    void stableMethodsStayAccurate();
    void noSweep_data();
    void noSweep();
    void scaledLogitsRoundOnce_data();
    void scaledLogitsRoundOnce();
    void cancelled();
};

// 24000 / n clamped to [40, 240]: each point costs n references.
void TestSoftmaxSweep::pointCount_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("points");
    QTest::addRow("4 logits: 240") << 4 << 240;
    QTest::addRow("100 logits: 240") << 100 << 240;
    QTest::addRow("200 logits: 120") << 200 << 120;
    QTest::addRow("1000 logits: 40") << 1000 << 40;
    QTest::addRow("0 logits: 240") << 0 << 240;
}

void TestSoftmaxSweep::pointCount()
{
    QFETCH(int, n);
    QFETCH(int, points);
    QCOMPARE(softmaxSweepPointCount(static_cast<std::size_t>(n)), points);
}

// The default is the text the window shows first and the CLI uses without --logits.
void TestSoftmaxSweep::defaultInput()
{
    QCOMPARE(std::string(defaultSoftmaxLogits), std::string("[1000, 1001, 1002, 880]"));
    const SoftmaxSweep s = sweepOf(defaultLogits(Format::Float32), Format::Float32);
    QCOMPARE(s.points.size(), std::size_t(240));
    // max |z| runs log-evenly from 0.1 to 20000 (each scaled logit rounded to float32).
    QVERIFY(std::fabs(s.points.front().maxAbsLogit - 0.1) < 1e-7);
    QVERIFY(std::fabs(s.points.back().maxAbsLogit - 20000) < 1e-3);
    for (std::size_t k = 1; k < s.points.size(); ++k)
        QVERIFY(s.points[k].maxAbsLogit > s.points[k - 1].maxAbsLogit);
}

// With positive logits naive softmax is NaN exactly when exp(max z) overflows: max z > ln(max)
// (88.7228 in float32, 709.78 in float64, 11.0898 in float16, 88.72 in bfloat16). Every point
// above is NaN and none below, so the region runs from the first point past ln(max) to 20000.
void TestSoftmaxSweep::naiveNanRegion_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("lnMax");
    QTest::addRow("float16") << Format::Float16 << 11.089866488461016;
    QTest::addRow("bfloat16") << Format::BFloat16 << 88.722839111672999;
    QTest::addRow("float32") << Format::Float32 << 88.722839052068352;
    QTest::addRow("float64") << Format::Float64 << 709.782712893384;
    QTest::addRow("float80 (ln max 11356.5, inside the sweep)") << Format::Float80 << 11356.523406294143;
}

void TestSoftmaxSweep::naiveNanRegion()
{
    QFETCH(Format, format);
    QFETCH(double, lnMax);
    const SoftmaxSweep s = sweepOf(defaultLogits(format), format);
    const auto region = nanRegion(s, SoftmaxMethod::Naive);
    QVERIFY(region.has_value());
    QVERIFY2(region->from > lnMax, qPrintable(QString::number(region->from, 'g', 17)));
    QCOMPARE(region->to, s.points.back().maxAbsLogit);
    for (const SoftmaxSweepPoint &p : s.points)
        QCOMPARE(p.nan[0], p.maxAbsLogit > lnMax);
    QVERIFY(!nanRegion(s, SoftmaxMethod::Shifted).has_value());
}

// Shifted, log-softmax, Higham and online never give NaN, and stay within a few ULPs where the
// exact probabilities are normal (Blanchard, Higham & Higham 2021: a bound of a few units of
// roundoff). The default logits [1000, 1001, 1002, 880] raise the running max twice, so online
// softmax may add 3 ulps per rescale (core/softmax/onlinesoftmax.h): 4 + 2 * 3.
void TestSoftmaxSweep::stableMethodsStayAccurate()
{
    const SoftmaxSweep s = sweepOf(defaultLogits(Format::Float64), Format::Float64);
    const auto online = static_cast<std::size_t>(SoftmaxMethod::Online);
    for (const SoftmaxSweepPoint &p : s.points) {
        for (std::size_t m = 1; m < allSoftmaxMethods.size(); ++m)
            QVERIFY(!p.nan[m]);
        if (p.maxAbsLogit < 100) { // the smallest p = exp(-0.12 max|z|) stays far above 2^-1022
            QVERIFY2(p.maxUlpError[1] <= 4, qPrintable(QString::number(p.maxUlpError[1])));
            QVERIFY2(p.maxUlpError[online] <= 4 + 2 * 3, qPrintable(QString::number(p.maxUlpError[online])));
        }
    }
}

// No sweep for an inf or NaN logit, all zeros (no size to scale) or no logits.
void TestSoftmaxSweep::noSweep_data()
{
    QTest::addColumn<std::vector<long double>>("logits");
    const long double inf = std::numeric_limits<long double>::infinity();
    QTest::addRow("inf logit") << std::vector<long double> {1, inf};
    QTest::addRow("-inf logit") << std::vector<long double> {-inf, 1};
    QTest::addRow("NaN logit") << std::vector<long double> {std::numeric_limits<long double>::quiet_NaN(), 1};
    QTest::addRow("all zero") << std::vector<long double> {0, 0, 0};
    QTest::addRow("empty") << std::vector<long double> {};
}

void TestSoftmaxSweep::noSweep()
{
    QFETCH(std::vector<long double>, logits);
    QVERIFY(sweepOf(logits, Format::Float32).points.empty());
}

void TestSoftmaxSweep::scaledLogitsRoundOnce_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("scale");
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("expected");
    // 1e-50 * 1e50 = 1 exactly; rounding 1e-50 to float32 first would give 0.
    QTest::addRow("1e-50 x 1e50 = 1 in float32") << "1e-50"
                                                 << "1e50" << Format::Float32 << 1.0L;
    // 0.1 * 3 = 0.3 exactly, rounded once: the float32 nearest 0.3 is 10066330 * 2^-25.
    QTest::addRow("0.1 x 3 in float32") << "0.1"
                                        << "3" << Format::Float32 << 10066330.0L * 0x1p-25L;
    // 1e5 overflows float16 (max 65504) to inf.
    QTest::addRow("1000 x 100 overflows float16")
        << "1000"
        << "100" << Format::Float16 << std::numeric_limits<long double>::infinity();
    QTest::addRow("not a number gives NaN") << "x"
                                            << "1" << Format::Float32 << std::numeric_limits<long double>::quiet_NaN();
}

void TestSoftmaxSweep::scaledLogitsRoundOnce()
{
    QFETCH(QString, token);
    QFETCH(QString, scale);
    QFETCH(Format, format);
    QFETCH(long double, expected);
    const std::vector<long double> v = scaledLogits({token.toStdString()}, scale.toStdString(), format);
    QCOMPARE(v.size(), std::size_t(1));
    if (std::isnan(expected))
        QVERIFY(std::isnan(v[0]));
    else
        QCOMPARE(v[0], expected);
}

void TestSoftmaxSweep::cancelled()
{
    const SoftmaxSweep s = computeSoftmaxSweep(defaultLogits(Format::Float32), Format::Float32, [] { return true; });
    QVERIFY(s.points.empty());
}

QTEST_APPLESS_MAIN(TestSoftmaxSweep)
#include "tst_softmaxsweep.moc"

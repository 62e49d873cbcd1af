// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the softmax kernels (core/softmax/softmax.h, safeexp.h) against MPFR. */
#include "../precision/ldcompare.h"
#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"
#include "softmax/safeexp.h"
#include "softmax/softmaxmatrix.h"
#include "softmax/softmaxreport.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;

namespace {

const long double kInf = std::numeric_limits<long double>::infinity();
const long double kNaN = std::numeric_limits<long double>::quiet_NaN();

std::vector<long double> rounded(std::initializer_list<const char *> texts, Format f)
{
    std::vector<long double> v;
    for (const char *t : texts)
        v.push_back(*decimalToFormat(t, f));
    return v;
}

} // namespace

class TestSoftmax : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedExample_data();
    void seedExample();
    void largeLogits_data();
    void largeLogits();
    void overflowThreshold_data();
    void overflowThreshold();
    void sumOverflow_data();
    void sumOverflow();
    void specialInputs_data();
    void specialInputs();
    void longRows_data();
    void longRows();
    void stableMethodsWithinBound_data();
    void stableMethodsWithinBound();
    void highamKeepsTinyTail();
    void safeExpEdges_data();
    void safeExpEdges();
    void safeExpAccuracy_data();
    void safeExpAccuracy();
};

// The course's example: softmax([-3, 2, -1, 0]) = [0.0057, 0.8390, 0.0418, 0.1135] to 4 decimals.
void TestSoftmax::seedExample_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : allFormats)
        QTest::addRow("%s", formatName(f).data()) << f;
}

void TestSoftmax::seedExample()
{
    QFETCH(Format, format);
    const double published[] = {0.0057, 0.8390, 0.0418, 0.1135};
    const SoftmaxReport r = computeSoftmaxReport(rounded({"-3", "2", "-1", "0"}, format), format);
    // The 16-bit formats cannot hold 4 decimals: allow 2 ulps at 0.84 (bfloat16 2 * 2^-8 = 0.0078,
    // float16 2 * 2^-11 = 0.001) on top of the published rounding (0.00005).
    const double tolerance = format == Format::BFloat16 ? 0.0079 : (format == Format::Float16 ? 0.00105 : 0.00005);
    for (const SoftmaxMethodResult &m : r.methods)
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::fabs(static_cast<double>(m.values[i]) - published[i]) <= tolerance,
                qPrintable(QStringLiteral("%1[%2] = %3")
                               .arg(QLatin1String(softmaxMethodKey(m.method).data()))
                               .arg(i)
                               .arg(static_cast<double>(m.values[i]))));
    for (int i = 0; i < 4; ++i)
        QVERIFY(std::fabs(r.reference.softmax[i].toDouble() - published[i]) <= 0.00005);
}

// [1000, 2000, 3000, 4000, 5000]: exp(1000) overflows float32 and float64, so naive gives
// inf/inf = NaN; shifted gives exp(-4000..0)/1 = [0, 0, 0, 0, 1] (the first four underflow).
void TestSoftmax::largeLogits_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("float32") << Format::Float32;
    QTest::addRow("float64") << Format::Float64;
    QTest::addRow("float16") << Format::Float16;
    QTest::addRow("float80") << Format::Float80; // exp(5000) = 1e2171 fits float80: naive works
}

void TestSoftmax::largeLogits()
{
    QFETCH(Format, format);
    const SoftmaxReport r = computeSoftmaxReport(rounded({"1000", "2000", "3000", "4000", "5000"}, format), format);
    const SoftmaxMethodResult &naive = r.method(SoftmaxMethod::Naive);
    const SoftmaxMethodResult &shifted = r.method(SoftmaxMethod::Shifted);
    if (format == Format::Float80) {
        // ln(max float80) = 11356.5: nothing overflows, exp(1000)/exp(5000) = e^-4000 is subnormal-free 0? No:
        // e^-4000 = 10^-1737 is a normal float80 value, so naive is accurate here.
        QVERIFY(!naive.nan);
        QVERIFY(!naive.overflow);
        QVERIFY(naive.maxUlpError <= 4);
        return;
    }
    QVERIFY(naive.nan);
    QVERIFY(naive.overflow);
    for (long double v : naive.values)
        QVERIFY(std::isnan(v));
    QVERIFY(std::isinf(naive.maxUlpError));
    QVERIFY(!shifted.nan);
    QVERIFY(!shifted.overflow);
    QVERIFY(shifted.underflow);
    const std::vector<long double> expected {0, 0, 0, 0, 1};
    QCOMPARE(shifted.values, expected);
    // Online: the max grows 4 times; each factor exp(-1000) underflows to 0, as the old terms do in shifted.
    QCOMPARE(r.method(SoftmaxMethod::Online).values, expected);
    QVERIFY(!r.method(SoftmaxMethod::Online).overflow);
    QCOMPARE(r.referenceRounded, expected);
}

// Naive softmax flips to NaN exactly where exp overflows: just above ln(max). With z = [x, 0]
// and x the largest value of the format <= ln(max), exp(x) <= max is finite and exp(x) + 1
// rounds back to exp(x), so the result is finite; at the next value above, exp overflows.
void TestSoftmax::overflowThreshold_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("lnMax"); // published / derived: ln((2 - 2^(1-p)) 2^emax)
    QTest::addRow("float16 flips above 11.0899") << Format::Float16 << 11.0899;
    QTest::addRow("bfloat16 flips above 88.7189") << Format::BFloat16 << 88.7189;
    QTest::addRow("float32 flips above 88.7228") << Format::Float32 << 88.7228;
    QTest::addRow("float64 flips above 709.7827") << Format::Float64 << 709.7827;
    QTest::addRow("float80 flips above 11356.5234") << Format::Float80 << 11356.5234;
}

void TestSoftmax::overflowThreshold()
{
    QFETCH(Format, format);
    QFETCH(double, lnMax);
    const FormatInfo &info = formatInfo(format);
    QVERIFY(std::fabs(static_cast<double>(info.lnMax) - lnMax) < 5e-5);
    mpfr::mpreal exactLnMax = mpfr::log(exactValue(info.maxValue));
    const long double below = roundToFormat(exactLnMax.mpfr_srcptr(), format, MPFR_RNDD);
    const long double above = nextUp(below, format);
    QVERIFY(exactValue(below) <= exactLnMax && exactValue(above) > exactLnMax);

    const SoftmaxReport ok = computeSoftmaxReport({below, 0}, format);
    QVERIFY(!ok.method(SoftmaxMethod::Naive).nan);
    QVERIFY(!ok.method(SoftmaxMethod::Naive).overflow);
    const SoftmaxReport bad = computeSoftmaxReport({above, 0}, format);
    QVERIFY(bad.method(SoftmaxMethod::Naive).nan);
    QVERIFY(bad.method(SoftmaxMethod::Naive).overflow);
    // The stable methods do not care.
    for (SoftmaxMethod m :
        {SoftmaxMethod::Shifted, SoftmaxMethod::LogSoftmax, SoftmaxMethod::Higham, SoftmaxMethod::Online})
        QVERIFY(!bad.method(m).nan);
}

// Every exp finite, their sum not (issue 9): z = [b, b] with b the largest value of the format
// below ln(max) has exp(b) > max / 2 (ln(max) - b is far below ln 2), so exp(b) + exp(b) = inf and
// naive gives finite / inf = 0 for both. That intermediate overflow must be flagged. One below,
// at b - 1, exp(b - 1) ~ max / e and the sum 2 max / e fits: p = 0.5 and no flag.
void TestSoftmax::sumOverflow_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<bool>("atLnMax"); // b, or b - 1
    for (Format f : allFormats) {
        QTest::addRow("%s [b, b] sum overflows", formatName(f).data()) << f << true;
        QTest::addRow("%s [b-1, b-1] sum fits", formatName(f).data()) << f << false;
    }
}

void TestSoftmax::sumOverflow()
{
    QFETCH(Format, format);
    QFETCH(bool, atLnMax);
    const mpfr::mpreal exactLnMax = mpfr::log(exactValue(formatInfo(format).maxValue));
    const long double below = roundToFormat(exactLnMax.mpfr_srcptr(), format, MPFR_RNDD);
    const long double b = atLnMax ? below : roundToFormat(exactValue(below - 1).mpfr_srcptr(), format, MPFR_RNDN);
    const SoftmaxReport r = computeSoftmaxReport({b, b}, format);
    const SoftmaxMethodResult &naive = r.method(SoftmaxMethod::Naive);
    QVERIFY(!naive.nan);
    QCOMPARE(naive.sumOverflow, atLnMax);
    QCOMPARE(naive.overflow, atLnMax); // the flag says an intermediate overflowed
    for (long double p : naive.values)
        LL_COMPARE(p, atLnMax ? 0.0L : 0.5L);
    // The stable forms are exact here: 0.5 each, no flag.
    for (SoftmaxMethod m :
        {SoftmaxMethod::Shifted, SoftmaxMethod::LogSoftmax, SoftmaxMethod::Higham, SoftmaxMethod::Online}) {
        QVERIFY(!r.method(m).overflow && !r.method(m).sumOverflow);
        LL_COMPARE(r.method(m).values[0], 0.5L);
    }
    // The matrix kernel flags it per line too (float32 and float64 take the packet path).
    if (format == Format::Float32 || format == Format::Float64) {
        visitFormat(format, [&](auto tag) {
            using S = typename decltype(tag)::type;
            RowMatrix<S> z(2, 2);
            z << S(b), S(b), S(0), S(0);
            SoftmaxFlags flags;
            const RowMatrix<S> p = naiveSoftmax<S>(z, Axis::Rows, &flags);
            QCOMPARE(flags.sumOverflow, atLnMax);
            QCOMPARE(double(p(1, 0)), 0.5);
        });
    }
}

// NaN, infinities, empty and one-element vectors, and long rows, in every format.
void TestSoftmax::specialInputs_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<long double>>("logits");
    QTest::addColumn<std::vector<long double>>("shifted"); // expected shifted softmax (NaN = any NaN)
    for (Format f : allFormats) {
        const char *n = formatName(f).data();
        QTest::addRow("%s NaN poisons every output", n)
            << f << std::vector<long double> {1, kNaN, 2} << std::vector<long double> {kNaN, kNaN, kNaN};
        // +inf - +inf = NaN in the shift, exp(NaN) = NaN: IEEE faithfully gives NaN everywhere.
        QTest::addRow("%s +kInf gives NaN", n)
            << f << std::vector<long double> {1, kInf, 2} << std::vector<long double> {kNaN, kNaN, kNaN};
        // -inf - max = -inf, exp(-inf) = 0 exactly: a -inf logit is a zero probability.
        QTest::addRow("%s -kInf gives exact 0", n)
            << f << std::vector<long double> {0, -kInf, 0} << std::vector<long double> {0.5L, 0, 0.5L};
        QTest::addRow("%s empty", n) << f << std::vector<long double> {} << std::vector<long double> {};
        QTest::addRow("%s single element is 1", n)
            << f << std::vector<long double> {-7} << std::vector<long double> {1};
        QTest::addRow("%s equal logits are uniform", n)
            << f << std::vector<long double> {3, 3, 3, 3} << std::vector<long double> {0.25L, 0.25L, 0.25L, 0.25L};
    }
}

void TestSoftmax::specialInputs()
{
    QFETCH(Format, format);
    QFETCH(std::vector<long double>, logits);
    QFETCH(std::vector<long double>, shifted);
    const std::vector<SoftmaxMethodResult> results = computeSoftmaxMethods(logits, format);
    const std::vector<long double> &got = results[static_cast<int>(SoftmaxMethod::Shifted)].values;
    QCOMPARE(got.size(), shifted.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (std::isnan(shifted[i]))
            QVERIFY(std::isnan(got[i]));
        else
            QCOMPARE(got[i], shifted[i]);
    }
    for (const SoftmaxMethodResult &m : results)
        QCOMPARE(m.values.size(), logits.size());
}

// 100,000 equal logits: exp(0) = 1 each, the sum is 100000 exactly in float32/64/80 (integers up
// to 2^24 are exact), so every probability is fl(1/100000), the correctly rounded 1e-5. float16
// cannot hold 100000 (max 65504), and past 2048 adding 1 is below half an ulp: its sum is wrong
// by orders of magnitude whatever the order, so its error is huge - a row for the lab to show.
void TestSoftmax::longRows_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : allFormats)
        QTest::addRow("%s 100000 equal logits", formatName(f).data()) << f;
}

void TestSoftmax::longRows()
{
    QFETCH(Format, format);
    const std::vector<long double> z(100000, 0.0L);
    const std::vector<SoftmaxMethodResult> results = computeSoftmaxMethods(z, format);
    const long double expected = *decimalToFormat("1e-5", format);
    for (SoftmaxMethod m : {SoftmaxMethod::Naive, SoftmaxMethod::Shifted, SoftmaxMethod::Online}) {
        const std::vector<long double> &v = results[static_cast<std::size_t>(m)].values;
        QCOMPARE(v.size(), z.size());
        if (format == Format::Float16 || format == Format::BFloat16)
            QVERIFY(v[0] != expected && std::fabs(static_cast<double>(v[0]) - 1e-5) > 5e-6);
        else
            QCOMPARE(v[99999], expected);
    }
}

// The stable methods stay within error bounds derived from Blanchard, Higham & Higham (2021),
// with u = 2^-p the unit roundoff, d_i = z_i - max, and exp accurate to about 1 ulp (2u):
//   d_i = (z_i - m)(1 + e1)               |e1| <= u
//   e_i = exp(d_i)(1 + t_i)               |t_i| <= (|d_i| + 2) u     (exp's condition number is |d|)
//   s   = sum e_j (1 + t_s)               |t_s| <= (2 + n/e + (n - 1)) u <= (2n + 2) u
//   p_i = e_i / s (1 + e3)                rel. error <= (|d_i| + 2n + 5) u
// and a relative error r is at most r/u ulps (the ulp at x is >= u|x|; in the subnormal range an
// absolute error < ulp/2 of e_i stays < ulp/2 of p_i because s >= 1). So
//   shifted and Higham softmax:  ulps <= |d_i| + 2n + 6
//   Higham log-softmax (d_i - log1p(s'), both <= 0, no cancellation): ulps <= 2n + 6
//   log-softmax y_i = fl(d_i - fl(log s)): |d_i| u from the shift, (2n + 2) u + u log s from log s,
//   u |y_i| <= u (|d_i| + log s) from the subtraction: absolute error <= (2|d_i| + 2n + 3 + 2 log s) u,
//   and no relative bound
//   (log(s) loses the tail once s - 1 < u: see highamKeepsTinyTail).
void TestSoftmax::stableMethodsWithinBound_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("spread");
    for (Format f : allFormats)
        for (int n : {2, 10, 100, 1000})
            for (double spread : {1.0, 30.0, 1e4})
                QTest::addRow("%s n=%d spread=%g", formatName(f).data(), n, spread) << f << n << spread;
}

void TestSoftmax::stableMethodsWithinBound()
{
    QFETCH(Format, format);
    QFETCH(int, n);
    QFETCH(double, spread);
    if (n == 1000 && spread == 1e4 && format == Format::Float80)
        QSKIP("same bound as the smaller rows; skipped to keep the suite fast");
    testsupport::SplitMix64 rng {static_cast<std::uint64_t>(n * 7919 + static_cast<int>(spread))};
    const FormatInfo &info = formatInfo(format);
    std::vector<long double> z;
    for (int i = 0; i < n; ++i)
        z.push_back(roundToFormat(mpfr::mpreal(rng.uniform(-spread, spread)), format));
    const SoftmaxReport r = computeSoftmaxReport(z, format);
    const long double m = *std::max_element(z.begin(), z.end());
    const double u = std::ldexp(1.0, -info.precision);
    for (int i = 0; i < n; ++i) {
        const double d = static_cast<double>(std::fabs(z[i] - m));
        const double bound = d + 2.0 * n + 6;
        QVERIFY2(r.method(SoftmaxMethod::Shifted).ulpErrors[i] <= bound,
            qPrintable(QStringLiteral("shifted[%1]: %2 ulp > %3")
                           .arg(i)
                           .arg(r.method(SoftmaxMethod::Shifted).ulpErrors[i])
                           .arg(bound)));
        QVERIFY(r.method(SoftmaxMethod::Higham).ulpErrors[i] <= bound);
        QVERIFY(r.method(SoftmaxMethod::Higham).logUlpErrors[i] <= 2.0 * n + 6);
        const mpfr::mpreal logExact = r.reference.logSoftmax[i];
        const double absError = absoluteError(r.method(SoftmaxMethod::LogSoftmax).logValues[i], logExact);
        const double logS = r.reference.logSumExp.toDouble() - static_cast<double>(m);
        QVERIFY(absError <= (2 * d + 2.0 * n + 3 + 2 * logS) * u * 1.0001 + static_cast<double>(info.minSubnormal));
    }
}

// z = [0, -20] in float32: s = 1 + e^-20 = 1 + 2.1e-9 rounds to 1 (u = 6e-8), so log-softmax
// returns log p_0 = 0 instead of -2.06e-9; Higham's log1p(2.06e-9) keeps it to < 1 ulp.
void TestSoftmax::highamKeepsTinyTail()
{
    const SoftmaxReport r = computeSoftmaxReport({0, -20}, Format::Float32);
    QCOMPARE(r.method(SoftmaxMethod::LogSoftmax).logValues[0], 0.0L);
    QVERIFY(r.method(SoftmaxMethod::LogSoftmax).logUlpErrors[0] > 1e6);
    QVERIFY(r.method(SoftmaxMethod::Higham).logValues[0] < 0);
    QVERIFY(r.method(SoftmaxMethod::Higham).logUlpErrors[0] <= 1.0);
    QVERIFY(std::fabs(r.reference.logSoftmax[0].toDouble() + 2.0611536e-9) < 1e-15);
}

// The edges where Eigen 3.4's vectorised exp is wrong: expf(-104) must be 0 (e^-104 = 6.8e-46 is
// below half the smallest subnormal 1.4e-45 / 2 = 7.0e-46), expf(-103.2789) the smallest
// subnormal 2^-149, expf(88.7228394) inf (above ln(FLT_MAX) = 88.72283911).
void TestSoftmax::safeExpEdges_data()
{
    QTest::addColumn<float>("x");
    QTest::addColumn<float>("expected");
    QTest::addRow("exp(-104) underflows to 0") << -104.0f << 0.0f;
    QTest::addRow("exp(-103.2789) is the smallest subnormal") << -103.2789f << std::ldexp(1.0f, -149);
    QTest::addRow("exp(88.7228394) overflows") << 88.7228394f << std::numeric_limits<float>::infinity();
    QTest::addRow("exp(-kInf) is 0") << -std::numeric_limits<float>::infinity() << 0.0f;
    QTest::addRow("exp(0) is 1") << 0.0f << 1.0f;
}

void TestSoftmax::safeExpEdges()
{
    QFETCH(float, x);
    QFETCH(float, expected);
    // A full block of the same argument, and the argument inside a block of safe values.
    std::vector<float> in(300, x), out(300);
    safeExp(in.data(), out.data(), 300);
    QCOMPARE(out[0], expected);
    QCOMPARE(out[299], expected);
    std::vector<float> mixed(300, 1.0f);
    mixed[100] = x;
    safeExp(mixed.data(), mixed.data(), 300);
    QCOMPARE(mixed[100], expected);
}

// safeExp is within 1.5 ulp of the exact exp over the whole range, subnormals included (Eigen's
// polynomial measures 1.16 ulp in float32 and 1.21 ulp in float64 on these sweeps; glibc < 1 ulp).
void TestSoftmax::safeExpAccuracy_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addRow("float32 normal range") << Format::Float32 << -87.0 << 88.7;
    QTest::addRow("float32 subnormal range") << Format::Float32 << -103.9 << -87.0;
    QTest::addRow("float64 normal range") << Format::Float64 << -708.0 << 709.7;
    QTest::addRow("float64 subnormal range") << Format::Float64 << -745.0 << -708.0;
}

void TestSoftmax::safeExpAccuracy()
{
    QFETCH(Format, format);
    QFETCH(double, lo);
    QFETCH(double, hi);
    constexpr int n = 4096;
    visitFormat(format, [&](auto tag) {
        using S = typename decltype(tag)::type;
        std::vector<S> x(n), y(n);
        for (int i = 0; i < n; ++i)
            x[i] = static_cast<S>(lo + (hi - lo) * i / (n - 1));
        safeExp(x.data(), y.data(), n);
        WideExponentRange wide;
        double worst = 0;
        for (int i = 0; i < n; ++i) {
            const mpfr::mpreal exact = mpfr::exp(exactValue(x[i], 128));
            worst = std::max(worst, ulpError(y[i], exact, format));
        }
        QVERIFY2(worst <= 1.5, qPrintable(QStringLiteral("worst %1 ulp").arg(worst)));
    });
}

QTEST_APPLESS_MAIN(TestSoftmax)
#include "tst_softmax.moc"

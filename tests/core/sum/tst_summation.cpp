// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests of the summation lab's engine: the four kernels (core/sum/summation.h) and the report
 * that scores them against the exact sum (core/sum/sumreport.h).
 *
 * Expected values: derivations beside each row, written in units of the spacing of the format; the
 * error bounds of Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed. (SIAM 2002),
 * chapter 4, with gamma_k = k u / (1 - k u); and, for the exact sum, MPFR at a precision chosen
 * here. Kahan's compensation is checked on sums where recursive summation loses what Kahan keeps:
 * were the compiler to simplify c = (t - s) - y to 0, those rows would fail.
 */
#include "../precision/ldcompare.h"

#include "precision/format.h"
#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "sum/summation.h"
#include "sum/sumreport.h"
#include "testsupport.h"

#include <QStringList>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>
#include <type_traits>

using logitlab::Format;
using logitlab::SumMethod;
using logitlab::SumReport;

namespace {

constexpr long double inf = std::numeric_limits<long double>::infinity();
constexpr long double qnan = std::numeric_limits<long double>::quiet_NaN();

/** Each decimal text rounded to \a f, as the CLI rounds its LIST. */
std::vector<long double> rounded(const QStringList &texts, Format f)
{
    std::vector<long double> values;
    for (const QString &t : texts)
        values.push_back(*logitlab::decimalToFormat(t.toStdString(), f));
    return values;
}

/** \a n copies of \a text. */
QStringList copies(const char *text, int n)
{
    QStringList list;
    for (int i = 0; i < n; ++i)
        list << QString::fromLatin1(text);
    return list;
}

/** The decimal texts \a texts as a QStringList. */
QStringList list(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out << QString::fromLatin1(t);
    return out;
}

/** gamma_k = k u / (1 - k u), or inf when k u >= 1 (no bound). */
double gamma(double k, double u)
{
    return k * u < 1 ? k * u / (1 - k * u) : std::numeric_limits<double>::infinity();
}

/** |value - exact| as a double. */
double absError(long double value, const mpfr::mpreal &exact)
{
    return std::fabs((logitlab::exactValue(value) - exact).toDouble());
}

/** Random values of \a f, uniform in [lo, 1), seeded. */
std::vector<long double> randomTerms(Format f, std::size_t n, double lo, std::uint64_t seed)
{
    testsupport::SplitMix64 rng {seed};
    std::vector<long double> values(n);
    for (long double &v : values)
        v = logitlab::roundToFormat(logitlab::exactValue(rng.uniform(lo, 1.0)), f);
    return values;
}

} // namespace

/** \brief The four ways to sum, the exact sum and the errors. */
class TestSummation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownSums_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<long double>("recursive");
        QTest::addColumn<long double>("pairwise");
        QTest::addColumn<long double>("kahan");
        QTest::addColumn<long double>("wider");
        QTest::addColumn<long double>("exact"); // the exact sum correctly rounded to the format

        // 0.1 in float64 is a = 3602879701896397 * 2^-55; write sums in units of 2^-55 (the spacing is
        // 1 unit in [1/8, 1/4), 2 in [1/4, 1/2), 4 in [1/2, 1)). The exact sum 10a = 2^55 + 2 is
        // 1 + 2^-54, which rounds to 1.
        // Recursive: 2a = 7205759403792794 exact; 3a = ...191 is odd at spacing 2, a tie, to the even
        // ...192 (0.30000000000000004); + a = 14411518807585589, a tie, to ...588; + a = ...985, 1 above
        // 2^54 = 0.5 at spacing 4: 0.5; then each + a lands 1 unit above a multiple of 4 and loses it:
        // 0.6, 0.7, 0.7999999999999999, 0.8999999999999999 and 2^55 - 4 = 0.9999999999999999.
        // Pairwise: 10 = 5 + 5, 5 = 2 + 3, 3 = 1 + 2: P(3) = 0.30000000000000004 as above, P(5) =
        // 7205759403792794 + 10808639105689192 = 18014398509481986, a tie at spacing 4 between 2^54
        // (even) and 2^54 + 4: 0.5; P(10) = 0.5 + 0.5 = 1.
        // Kahan (s and c in units of 2^-55; each step adds y = a - c): s2 = 2a, c = 0; s3 = 3a + 1 (the
        // tie above), c = +1; y = a - 1, s4 = 4a exact (...588), c = 0: the lost unit came back; 5a =
        // ...985 rounds to s5 = 2^54, c = -1; y = a + 1, 6a = ...382 is a tie at spacing 4, to the even
        // s6 = ...384 = 6a + 2, c = +2; y = a - 2, s7 = 7a - 1 + ... = 7a + 1 (...780), c = +1; y = a - 1,
        // s8 = 8a exact (...176), c = 0; y = a, 9a = ...573 rounds to s9 = ...572, c = -1; y = a + 1,
        // 10a = 2^55 + 2 rounds to s10 = 2^55 (spacing 8 in [1, 2)), c = -2. The sum is 1, the exact
        // sum correctly rounded (recursive summation, without c, ends 4 units lower).
        // Wider (float80, 64 bits): every k a = (k * 3602879701896397) 2^-55 < 2^56 2^-55 is exact, so
        // the accumulator ends at 1 + 2^-54 exactly and rounds once to 1.
        QTest::addRow("float64 0.1 ten times")
            << Format::Float64 << copies("0.1", 10) << static_cast<long double>(0.9999999999999999) << 1.0L << 1.0L
            << 1.0L << 1.0L;
        // 65504 + 65504 = 131008 >= max + ulp/2 = 65520: inf, and inf - 65504 = inf. Pairwise adds
        // 65504 + (65504 - 65504) = 65504. Kahan: t = inf, c = (inf - 65504) - 65504 = inf, then
        // y = -65504 - inf = -inf and t = inf + -inf = NaN. float32 holds 131008: 65504 exactly.
        QTest::addRow("float16 max + max - max")
            << Format::Float16 << list({"65504", "65504", "-65504"}) << inf << 65504.0L << qnan << 65504.0L << 65504.0L;
        // 2 FLT_MAX is past float32 and rounds to inf from float64 too; the exact sum 6.8e38 rounds to inf.
        QTest::addRow("float32 max + max overflows")
            << Format::Float32 << list({"3.4028235e38", "3.4028235e38"}) << inf << inf << inf << inf << inf;
        QTest::addRow("float16 NaN") << Format::Float16 << list({"1", "nan", "2"}) << qnan << qnan << qnan << qnan
                                     << qnan;
        // Pairwise: 1 + (inf + 2) = inf. Kahan: t = inf, c = (inf - 1) - inf = NaN, then NaN.
        QTest::addRow("float32 inf") << Format::Float32 << list({"1", "inf", "2"}) << inf << inf << qnan << inf << inf;
        QTest::addRow("float64 -inf + inf")
            << Format::Float64 << list({"-inf", "inf"}) << qnan << qnan << qnan << qnan << qnan;
        // Sums of subnormals are exact (multiples of 2^-149 below 2^-125 need no rounding): 3 * 2^-149.
        QTest::addRow("float32 three min subnormals") << Format::Float32 << list({"1e-45", "1e-45", "1e-45"})
                                                      << 0x3p-149L << 0x3p-149L << 0x3p-149L << 0x3p-149L << 0x3p-149L;
        // min normal - min subnormal = 0x1.fffffcp-127, the largest subnormal: exact.
        QTest::addRow("float32 min normal - min subnormal")
            << Format::Float32 << list({"1.17549435e-38", "-1e-45"}) << 0x1.fffffcp-127L << 0x1.fffffcp-127L
            << 0x1.fffffcp-127L << 0x1.fffffcp-127L << 0x1.fffffcp-127L;
        // 1e-8 is below half of float16's min subnormal 2^-24 = 5.96e-8: each term is 0, so is the sum.
        QTest::addRow("float16 terms that underflow to 0")
            << Format::Float16 << list({"1e-8", "1e-8", "1e-8"}) << 0.0L << 0.0L << 0.0L << 0.0L << 0.0L;
        QTest::addRow("empty: +0") << Format::Float32 << QStringList {} << 0.0L << 0.0L << 0.0L << 0.0L << 0.0L;
        QTest::addRow("one term") << Format::Float32 << list({"0.1"}) << static_cast<long double>(0.1f)
                                  << static_cast<long double>(0.1f) << static_cast<long double>(0.1f)
                                  << static_cast<long double>(0.1f) << static_cast<long double>(0.1f);
        QTest::addRow("one -0 stays -0") << Format::Float64 << list({"-0"}) << -0.0L << -0.0L << -0.0L << -0.0L
                                         << -0.0L;
        // 4096 ones in float16: recursive stops at 2048 (2048 + 1 is a tie, to even 2048). Pairwise
        // adds powers of two, exactly. Kahan: from s = 2048 on, every two ones add exactly 2 and leave
        // c = 0 (s + 1 ties; whichever way it goes, c = -1 or +1 and the next y = 2 or 0 repairs it).
        QTest::addRow("float16 4096 ones")
            << Format::Float16 << copies("1", 4096) << 2048.0L << 4096.0L << 4096.0L << 4096.0L << 4096.0L;
    }

    void knownSums()
    {
        QFETCH(Format, format);
        QFETCH(QStringList, terms);
        QFETCH(long double, recursive);
        QFETCH(long double, pairwise);
        QFETCH(long double, kahan);
        QFETCH(long double, wider);
        QFETCH(long double, exact);
        const SumReport r = logitlab::computeSumReport(rounded(terms, format), format);
        QCOMPARE(r.count, static_cast<std::uint64_t>(terms.size()));
        LL_COMPARE(r.method(SumMethod::Recursive).value, recursive);
        LL_COMPARE(r.method(SumMethod::Pairwise).value, pairwise);
        LL_COMPARE(r.method(SumMethod::Kahan).value, kahan);
        LL_COMPARE(r.method(SumMethod::Wider).value, wider);
        LL_COMPARE(r.exactRounded, exact);
        // A method that hits the correctly rounded sum has at most half an ulp of error; one that
        // returns NaN or inf where the exact sum is finite (or of the other kind) has an infinite one.
        for (const auto &m : r.methods) {
            if (std::isfinite(exact) && tst::same(m.value, exact))
                QVERIFY(m.ulpError <= 0.5);
            if (std::isfinite(exact) && !std::isfinite(m.value))
                QCOMPARE(m.ulpError, std::numeric_limits<double>::infinity());
            if (std::isnan(exact) && std::isnan(m.value))
                QCOMPARE(m.ulpError, 0.0);
        }
    }

    void errorsOfFloat16Ones()
    {
        // 4096 ones: recursive gives 2048, 2048 below; the spacing of float16 at 4096 is 4: 512 ulps,
        // relative 1/2.
        const SumReport r = logitlab::computeRepeatReport(1, 4096, Format::Float16);
        QCOMPARE(r.method(SumMethod::Recursive).ulpError, 512.0);
        QCOMPARE(r.method(SumMethod::Recursive).relativeError, 0.5);
        QCOMPARE(r.method(SumMethod::Kahan).ulpError, 0.0);
        QCOMPARE(r.exactDecimal, std::string("4096"));
        QCOMPARE(r.accumulator, Format::Float32);
        QCOMPARE(r.stagnation.kind, logitlab::StagnationKind::Stagnates);
        QCOMPARE(logitlab::termCountText(r.stagnation.terms), std::string("2048"));
        LL_COMPARE(r.stagnation.sum, 2048.0L);
    }

    void kahanCompensates()
    {
        // 1 then 2^20 terms 2^-25 in float32. Each 1 + 2^-25 is below half the spacing 2^-23 and
        // rounds to 1: recursive summation stays at 1. Kahan (units of 2^-25): y = 1 is lost, c = -1;
        // y = 2 is a tie, s stays (c = -2, then y = 3 rounds up to +4, c = +1, y = 0) or rises by 4
        // (c = +2, then y = -1 is lost, c = +1, y = 0): every 4 terms add exactly 4 units and c is 0
        // again, so 2^20 terms add 2^20 units: 1 + 2^-5 exactly. A compiler that folded (t - s) - y to
        // 0 would make Kahan recursive summation and this test fail. float64 holds every partial sum.
        std::vector<long double> terms(1 + (1u << 20), 0x1p-25L);
        terms[0] = 1;
        const SumReport r = logitlab::computeSumReport(terms, Format::Float32);
        LL_COMPARE(r.method(SumMethod::Recursive).value, 1.0L);
        LL_COMPARE(r.method(SumMethod::Kahan).value, 1.03125L);
        LL_COMPARE(r.method(SumMethod::Wider).value, 1.03125L);
        LL_COMPARE(r.exactRounded, 1.03125L);
        QCOMPARE(r.method(SumMethod::Kahan).ulpError, 0.0);
        // The kernels themselves, on an Eigen array (what the report calls through a term function).
        logitlab::SumVector<float> x(3);
        // 1 + 2^-24 ties to 1, twice; Kahan: c = -2^-24, then y = 2^-23 and 1 + 2^-23 is exact.
        x << 1.0f, 0x1p-24f, 0x1p-24f;
        QCOMPARE(logitlab::recursiveSum<float>(x), 1.0f);
        QCOMPARE(logitlab::kahanSum<float>(x), 1.0f + 0x1p-23f);
        QCOMPARE(logitlab::widerSum<float>(x), 1.0f + 0x1p-23f);
        QCOMPARE(logitlab::pairwiseSum<float>(x), 1.0f + 0x1p-23f); // 1 + (2^-24 + 2^-24), exact
    }

    void errorBounds_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("lo"); // terms uniform in [lo, 1)
        QTest::addRow("float16 1000 in [0, 1)") << Format::Float16 << 1000 << 0.0;
        QTest::addRow("bfloat16 1000 in [0, 1)") << Format::BFloat16 << 1000 << 0.0;
        QTest::addRow("float32 1000 in [-1, 1)") << Format::Float32 << 1000 << -1.0;
        QTest::addRow("float32 10^6 in [0, 1)") << Format::Float32 << 1000000 << 0.0;
        QTest::addRow("float64 10^6 in [-1, 1)") << Format::Float64 << 1000000 << -1.0;
        QTest::addRow("float80 10^5 in [0, 1)") << Format::Float80 << 100000 << 0.0;
    }

    void errorBounds()
    {
        QFETCH(Format, format);
        QFETCH(int, n);
        QFETCH(double, lo);
        const std::vector<long double> terms = randomTerms(format, static_cast<std::size_t>(n), lo, 12);
        const SumReport r = logitlab::computeSumReport(terms, format);
        double sumAbs = 0;
        for (const long double t : terms)
            sumAbs += static_cast<double>(std::fabs(t));
        const double u = static_cast<double>(logitlab::formatInfo(format).epsilon) / 2;
        const double uw = static_cast<double>(logitlab::formatInfo(logitlab::widerFormat(format)).epsilon) / 2;
        const double exact = std::fabs(r.exactDouble);
        const auto error = [&](SumMethod m) { return absError(r.method(m).value, r.exact); };
        // Higham (4.4): recursive |E| <= gamma_(n-1) sum |x_i|.
        QVERIFY(error(SumMethod::Recursive) <= gamma(n - 1, u) * sumAbs);
        // Higham (4.6): pairwise |E| <= gamma_ceil(log2 n) sum |x_i|: O(log n) u, not O(n) u.
        const double pairwiseBound = gamma(std::ceil(std::log2(n)), u) * sumAbs;
        QVERIFY2(error(SumMethod::Pairwise) <= pairwiseBound,
            qPrintable(
                QStringLiteral("pairwise error %1 > bound %2").arg(error(SumMethod::Pairwise)).arg(pairwiseBound)));
        // Higham (4.8): Kahan |E| <= (2u + O(n u^2)) sum |x_i|; the O term taken here as 4 n u^2 (2 u for
        // float16 and 16 u for bfloat16 at n = 1000, below 10^-3 u for the others).
        QVERIFY(error(SumMethod::Kahan) <= (2 * u + 4 * n * u * u) * sumAbs);
        // Wider: the accumulator's error gamma'_(n-1) sum |x_i|, then one rounding, u |S|, of a sum
        // that far: u (|S| + gamma' sum |x_i|).
        const double accumulated = gamma(n - 1, uw) * sumAbs;
        QVERIFY(error(SumMethod::Wider) <= accumulated + u * (exact + accumulated));
        if (format == Format::Float32 && n == 1000000 && lo == 0) {
            // The data are not too easy: recursive summation of 10^6 positive float32 terms (sum
            // about 5e5, spacing 0.03 to 0.06 at the end) errs far beyond pairwise's bound.
            QVERIFY2(
                error(SumMethod::Recursive) > pairwiseBound, qPrintable(QString::number(error(SumMethod::Recursive))));
        }
    }

    void pairwiseOfCopiesIsPairwise_data()
    {
        QTest::addColumn<int>("n");
        for (int n : {1, 2, 3, 7, 10, 1000, 4097, 12345, 65537})
            QTest::addRow("%d", n) << n;
    }

    void pairwiseOfCopiesIsPairwise()
    {
        // The O(log n) shortcut for equal terms gives pairwiseSum's bits (0.1 rounds in every step).
        QFETCH(int, n);
        const auto check = [n](auto x) {
            using Scalar = decltype(x);
            logitlab::SumVector<Scalar> v = logitlab::SumVector<Scalar>::Constant(n, x);
            const Scalar a = logitlab::pairwiseSum<Scalar>(v);
            const Scalar b = logitlab::pairwiseSumOfCopies<Scalar>(x, static_cast<std::uint64_t>(n));
            return logitlab::toLongDouble(a) == logitlab::toLongDouble(b);
        };
        QVERIFY(check(Eigen::half(0.1f)));
        QVERIFY(check(Eigen::bfloat16(0.1f)));
        QVERIFY(check(0.1f));
        QVERIFY(check(0.1));
        QVERIFY(check(0.1L));
    }

    void repeatMatchesValues()
    {
        // sum --repeat 0.1 --count 10 is sum --values with ten 0.1: the same sums and exact sum.
        const SumReport repeated = logitlab::computeRepeatReport(0.1, 10, Format::Float64);
        const SumReport listed = logitlab::computeSumReport(std::vector<long double>(10, 0.1), Format::Float64);
        for (SumMethod m : logitlab::allSumMethods)
            LL_COMPARE(repeated.method(m).value, listed.method(m).value);
        QCOMPARE(repeated.exactDecimal, listed.exactDecimal);
        QCOMPARE(repeated.exactDecimal, std::string("1.00000000000000005551")); // 1 + 2^-54, 21 digits
        // 1 - 2^-53 against 1 + 2^-54: 3 2^-54 apart, the spacing at 1 + 2^-54 being 2^-52: 0.75 ulp.
        QCOMPARE(repeated.method(SumMethod::Recursive).ulpError, 0.75);
    }

    void repeatZeroTimes()
    {
        const SumReport r = logitlab::computeRepeatReport(3, 0, Format::Float32);
        for (const auto &m : r.methods) {
            LL_COMPARE(m.value, 0.0L);
            QCOMPARE(m.ulpError, 0.0);
            QCOMPARE(m.relativeError, 0.0);
        }
        QVERIFY(mpfr::iszero(r.exact));
        // inf added 0 times is the empty sum too, not inf * 0 = NaN.
        QVERIFY(mpfr::iszero(logitlab::computeRepeatReport(inf, 0, Format::Float32).exact));
    }

    void repeatAtTheLimit()
    {
        // 10^8 ones in float32, the CLI's limit. Recursive stops at 2^24. Pairwise adds equal halves
        // whose sums 10^8, 5e7, 2.5e7 (multiples of 8, 4, 2 below 2^27, 2^26, 2^25) and every shorter
        // run's (below 2^24) are exact: 10^8. float64 adds integers below 2^53 exactly: 10^8, which is
        // a float32 (a multiple of 8 below 2^27). Kahan within its bound (2u + 4 n u^2) n: 12.
        const SumReport r = logitlab::computeRepeatReport(1, logitlab::maxRepeatCount, Format::Float32);
        LL_COMPARE(r.method(SumMethod::Recursive).value, 16777216.0L);
        LL_COMPARE(r.method(SumMethod::Pairwise).value, 1e8L);
        LL_COMPARE(r.method(SumMethod::Wider).value, 1e8L);
        QVERIFY(std::fabs(r.method(SumMethod::Kahan).value - 1e8L) <= 12);
        QCOMPARE(r.method(SumMethod::Recursive).relativeError, 1 - 16777216 / 1e8);
    }

    void exactSum_data()
    {
        QTest::addColumn<std::vector<long double>>("terms");
        QTest::addColumn<QString>("exact"); // the exact sum in hexadecimal, read by MPFR at 1024 bits
        // float80 max + min subnormal - max: the sum needs 2^16384 down to 2^-16445 (32,830 bits).
        QTest::addRow("float80 max + min subnormal - max")
            << std::vector<long double> {LDBL_MAX, LDBL_TRUE_MIN, -LDBL_MAX} << QStringLiteral("0x1p-16445");
        // Beyond long double: 2 LDBL_MAX = (2 - 2^-63) 2^16384.
        QTest::addRow("float80 max + max")
            << std::vector<long double> {LDBL_MAX, LDBL_MAX} << QStringLiteral("0x1.fffffffffffffffep+16384");
        QTest::addRow("empty") << std::vector<long double> {} << QStringLiteral("0");
        QTest::addRow("1 + 2^-60 + 2^-120") << std::vector<long double> {1, 0x1p-60L, 0x1p-120L}
                                            << QStringLiteral("0x1.000000000000001000000000000001p+0");
        QTest::addRow("1e300 - 1e300 + 1e-300")
            << std::vector<long double> {1e300, -1e300, 1e-300} << QStringLiteral("0x1.56e1fc2f8f359p-997");
    }

    void exactSum()
    {
        QFETCH(std::vector<long double>, terms);
        QFETCH(QString, exact);
        const logitlab::WideExponentRange wide;
        mpfr::mpreal expected(0, 1024);
        QCOMPARE(mpfr_set_str(expected.mpfr_ptr(), exact.toLatin1().constData(), 0, MPFR_RNDN), 0);
        const mpfr::mpreal sum = logitlab::exactSum(terms);
        QVERIFY2(mpfr_equal_p(sum.mpfr_srcptr(), expected.mpfr_srcptr()),
            qPrintable(QString::fromStdString(sum.toString(40)) + QStringLiteral(" != ") + exact));
    }

    void widerFormats()
    {
        QCOMPARE(logitlab::widerFormat(Format::Float16), Format::Float32);
        QCOMPARE(logitlab::widerFormat(Format::BFloat16), Format::Float32);
        QCOMPARE(logitlab::widerFormat(Format::Float32), Format::Float64);
        QCOMPARE(logitlab::widerFormat(Format::Float64), Format::Float80);
        QCOMPARE(logitlab::widerFormat(Format::Float80), Format::Float80); // none wider: the same as recursive
        QVERIFY((std::is_same_v<logitlab::Wider<Eigen::half>, float>));
        QVERIFY((std::is_same_v<logitlab::Wider<double>, long double>));
    }
};

QTEST_APPLESS_MAIN(TestSummation)
#include "tst_summation.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests of the exp-limits table (core/precision/explimits.h).
 *
 * Expected values come from outside the code under test: the C standard's <cfloat> constants,
 * published thresholds (fdlibm's o_threshold/u_threshold for double exp; the "smallest x for which
 * expf(x) is non-zero" and "largest x for which expf(x) is finite" of the ARM optimized routines
 * and XNNPACK, -0x1.9fe368p6f and 0x1.62e42ep6f), and derivations written beside each row. The
 * decimal digits and the float80 significands were computed independently with Python's mpmath
 * at 400 bits (not part of the build): x_a = floor(T / ulp) * ulp, x_b and x_c = ceil(T / ulp) * ulp
 * with ulp the spacing of the format at T, T the exact threshold. Every format (any row added to
 * the format table too) is also checked by property: exp of each threshold rounds as claimed and
 * exp of the neighbouring value of the format does not, with MPFR inside the test.
 */
#include "ldcompare.h"

#include "precision/explimits.h"
#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>

using logitlab::Format;

namespace {

/** The float32 value with bit pattern \a bits. */
long double f32(std::uint32_t bits)
{
    return std::bit_cast<float>(bits);
}

/** The float64 value with bit pattern \a bits. */
long double f64(std::uint64_t bits)
{
    return std::bit_cast<double>(bits);
}

/**
 * exp(x) rounded to f, computed here: MPFR's exp at 1024 bits rounded down and up must round
 * to the same value of f (otherwise the test fails rather than guess).
 */
long double expInFormat(long double x, Format f)
{
    logitlab::WideExponentRange wide;
    mpfr::mpreal lo(0, 1024), hi(0, 1024);
    const mpfr::mpreal v = logitlab::exactValue(x, 1024);
    mpfr_exp(lo.mpfr_ptr(), v.mpfr_srcptr(), MPFR_RNDD);
    mpfr_exp(hi.mpfr_ptr(), v.mpfr_srcptr(), MPFR_RNDU);
    const long double a = logitlab::roundToFormat(lo.mpfr_srcptr(), f, MPFR_RNDN);
    const long double b = logitlab::roundToFormat(hi.mpfr_srcptr(), f, MPFR_RNDN);
    if (!(a == b))
        qFatal("exp(%Lg) not decided at 1024 bits", x);
    return a;
}

/** The decimal text as an exact-enough mpreal (400 bits). */
mpfr::mpreal decimal(const std::string &text)
{
    logitlab::WideExponentRange wide;
    return *logitlab::decimalToMp(text, 400);
}

} // namespace

/** \brief The exp-limits table: published and derived values, and the defining properties in every format. */
class TestExpLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void table_data();
    void table();
    void properties_data();
    void properties();
    void expRounded_data();
    void expRounded();
};

void TestExpLimits::table_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("epsilon");
    QTest::addColumn<long double>("max");
    QTest::addColumn<long double>("minNormal");
    QTest::addColumn<long double>("minSubnormal");
    QTest::addColumn<long double>("lnMax");
    QTest::addColumn<long double>("largestFinite");
    QTest::addColumn<long double>("smallestPositive");
    QTest::addColumn<long double>("smallestNormal");
    QTest::addColumn<std::string>("lnMaxDigits");
    QTest::addColumn<std::string>("overflowDigits");
    QTest::addColumn<std::string>("zeroDigits");
    QTest::addColumn<std::string>("subnormalDigits");

    // float16 (p = 11, emax = 15): max = (2 - 2^-10) * 2^15 = 65504. Spacing 2^-7 in [8, 16), 2^-6 in [16, 32).
    //  ln(max) = 11.0898664885 = 1419.503 * 2^-7, nearest 1420/128 = 11.09375 (above the overflow limit!).
    //  (a) T = ln(65504 + 16) = ln(65520) = 11.0901107185 = 1419.534 * 2^-7 -> 1419/128 = 11.0859375
    //      (exp = 65248 after rounding; exp(11.09375) = 65775.5 >= 65520 -> inf).
    //  (b) T = ln(2^-25) = -25 ln 2 = -17.3286795140 = -1109.035 * 2^-6 -> -1109/64 = -17.328125.
    //  (c) T = ln(2^-14 - 2^-25) = -14 ln 2 + ln(1 - 2^-11) = -9.7045489283 = -1242.182 * 2^-7 -> -1242/128.
    QTest::addRow("float16") << Format::Float16 << 0x1p-10L << 65504.0L << 0x1p-14L << 0x1p-24L << 11.09375L
                             << 11.0859375L << -17.328125L << -9.703125L << std::string("11.089866488461016076")
                             << std::string("11.090110718526951036") << std::string("-17.328679513998632735")
                             << std::string("-9.7045489283373432063");

    // bfloat16 (p = 8, emax = 127): max = (2 - 2^-7) * 2^127 = 3.3895313892515355e38, min subnormal
    // 2^-133 = 9.18e-41. Spacing 2^-1 = 0.5 in [64, 128): every threshold is a multiple of 0.5.
    //  ln(max) = 127 ln 2 + ln(2 - 2^-7) = 88.7189252 -> 88.5 (nearest multiple of 0.5).
    //  (a) T = ln(2^127 (2 - 2^-8)) = 88.7208841 -> 88.5 (exp(89) = 4.49e38 overflows).
    //  (b) T = ln(2^-134) = -134 ln 2 = -92.8817222 -> -92.5 (exp(-93) = 4.08e-41 < 2^-134 = 4.59e-41 -> 0).
    //  (c) T = ln(2^-126 (1 - 2^-8)) = -87.3404586 -> -87 (exp(-87.5) = 1.0e-38 is subnormal).
    QTest::addRow("bfloat16") << Format::BFloat16 << 0x1p-7L << 0x1.fep127L << 0x1p-126L << 0x1p-133L << 88.5L << 88.5L
                              << -92.5L << -87.0L << std::string("88.718925212351863276")
                              << std::string("88.720884076837196255") << std::string("-92.881722195032671462")
                              << std::string("-87.340458649874245316");

    // float32: <cfloat>'s FLT_EPSILON, FLT_MAX = 3.40282347e38, FLT_MIN, FLT_TRUE_MIN. Spacing 2^-17 in [64, 128).
    //  ln(max) = 88.7228390520683530... = 11629079.960 * 2^-17 -> 11629080 * 2^-17 = 88.72283935546875
    //      (0x42b17218), above the overflow limit: expf(ln(FLT_MAX) as a float) is inf.
    //  (a) T = ln(2^128 - 2^103) = 128 ln 2 + ln(1 - 2^-25) = 88.7228390818706768 = 11629079.964 * 2^-17
    //      -> 11629079 * 2^-17 = 88.72283172607421875 = 0x1.62e42ep6 (0x42b17217), published as "the
    //      largest x for which expf(x) is finite".
    //  (b) T = ln(2^-150) = -150 ln 2 = -103.972077083991796 = -13627828.088 * 2^-17 -> -13627828 * 2^-17
    //      = -103.972076416015625 = -0x1.9fe368p6 (0xc2cff1b4), published as "the smallest x for which
    //      expf(x) is non-zero".
    //  (c) T = ln(2^-126 - 2^-150) = -87.3365448101577555 = -11447375.601 * 2^-17 -> -11447375 * 2^-17
    //      = -87.33654022216796875 (0xc2aeac4f).
    QTest::addRow("float32") << Format::Float32 << static_cast<long double>(FLT_EPSILON)
                             << static_cast<long double>(FLT_MAX) << static_cast<long double>(FLT_MIN)
                             << static_cast<long double>(FLT_TRUE_MIN) << f32(0x42b17218) << f32(0x42b17217)
                             << f32(0xc2cff1b4) << f32(0xc2aeac4f) << std::string("88.722839052068353054")
                             << std::string("88.722839081870676774") << std::string("-103.97207708399179641")
                             << std::string("-87.336544810157755538");

    // float64: <cfloat>'s DBL_*. Spacing 2^-43 in [512, 1024).
    //  (a) T = 1024 ln 2 + ln(1 - 2^-54) = 709.78271289338399679; the largest double below it is
    //      fdlibm's o_threshold 7.09782712893383973096e+02 (0x40862E42 FEFA39EF), which is also
    //      ln(DBL_MAX) = 709.78271289338399673 rounded to double (T - ln(max) = 2^-54 is far below 2^-43).
    //  (b) T = -1075 ln 2 = -745.13321910194120762; the smallest double above it is fdlibm's
    //      u_threshold -7.45133219101941108420e+02 (0xc0874910 D52D3051).
    //  (c) T = -1022 ln 2 + ln(1 - 2^-53) = -708.39641853226410634 = -6231120794008786.4 * 2^-43
    //      -> -6231120794008786 * 2^-43 = -708.3964185322641 (0xc086232bdd7abcd2).
    QTest::addRow("float64") << Format::Float64 << static_cast<long double>(DBL_EPSILON)
                             << static_cast<long double>(DBL_MAX) << static_cast<long double>(DBL_MIN)
                             << static_cast<long double>(DBL_TRUE_MIN) << f64(0x40862e42fefa39efULL)
                             << f64(0x40862e42fefa39efULL) << f64(0xc0874910d52d3051ULL) << f64(0xc086232bdd7abcd2ULL)
                             << std::string("709.78271289338399673") << std::string("709.78271289338399679")
                             << std::string("-745.13321910194120762") << std::string("-708.39641853226410634");

    // float80 (p = 64, emax = 16383): <cfloat>'s LDBL_* on x86. Spacing 2^-50 in [8192, 16384); the
    // significands N (x = N * 2^-50, 64 bits, written as hex floats) from mpmath:
    //  ln(max) = 11356.523406294143949492 = N 12786308645202655659.67 -> N = ...660 = 0xb17217f7d1cf79ac,
    //      above the overflow limit (T - ln(max) = 2^-65 / (1 - 2^-64), about 2.7e-20: both print the
    //      same 23 digits).
    //  (a) T = 16384 ln 2 + ln(1 - 2^-65): N = floor(12786308645202655659.7) = 0xb17217f7d1cf79ab.
    //  (b) T = -16446 ln 2 = -11399.498531488860558676: N = ceil(-12834694334655937193.x) = -0xb21dfe7f09e2baa9.
    //  (c) T = -16382 ln 2 + ln(1 - 2^-64) = -11355.137111933024058873: N = -0xb16c8c671210eb2f.
    QTest::addRow("float80") << Format::Float80 << LDBL_EPSILON << LDBL_MAX << LDBL_MIN << LDBL_TRUE_MIN
                             << 0xb.17217f7d1cf79acp+10L << 0xb.17217f7d1cf79abp+10L << -0xb.21dfe7f09e2baa9p+10L
                             << -0xb.16c8c671210eb2fp+10L << std::string("11356.523406294143949492")
                             << std::string("11356.523406294143949492") << std::string("-11399.498531488860558676")
                             << std::string("-11355.137111933024058873");
}

void TestExpLimits::table()
{
    QFETCH(Format, format);
    const logitlab::ExpLimits limits = logitlab::expLimits(format);
    QCOMPARE(limits.format, format);
    QFETCH(long double, epsilon);
    QFETCH(long double, max);
    QFETCH(long double, minNormal);
    QFETCH(long double, minSubnormal);
    QFETCH(long double, lnMax);
    QFETCH(long double, largestFinite);
    QFETCH(long double, smallestPositive);
    QFETCH(long double, smallestNormal);
    LL_COMPARE(limits.epsilon, epsilon);
    LL_COMPARE(limits.maxValue, max);
    LL_COMPARE(limits.minNormal, minNormal);
    LL_COMPARE(limits.minSubnormal, minSubnormal);
    LL_COMPARE(limits.lnMax, lnMax);
    LL_COMPARE(limits.largestFinite, largestFinite);
    LL_COMPARE(limits.smallestPositive, smallestPositive);
    LL_COMPARE(limits.smallestNormal, smallestNormal);
    QFETCH(std::string, lnMaxDigits);
    QFETCH(std::string, overflowDigits);
    QFETCH(std::string, zeroDigits);
    QFETCH(std::string, subnormalDigits);
    QCOMPARE(limits.lnMaxDigits, lnMaxDigits);
    QCOMPARE(limits.overflowDigits, overflowDigits);
    QCOMPARE(limits.zeroDigits, zeroDigits);
    QCOMPARE(limits.subnormalDigits, subnormalDigits);
}

void TestExpLimits::properties_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : logitlab::allFormats)
        QTest::addRow("%s", std::string(logitlab::formatName(f)).c_str()) << f;
}

void TestExpLimits::properties()
{
    QFETCH(Format, format);
    using logitlab::nextDown;
    using logitlab::nextUp;
    const logitlab::ExpLimits r = logitlab::expLimits(format);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);

    // (a) exp(x) finite at the threshold, inf one value of the format above it.
    QVERIFY(std::isfinite(expInFormat(r.largestFinite, format)));
    QVERIFY(std::isinf(expInFormat(nextUp(r.largestFinite, format), format)));
    // (b) exp(x) > 0 at the threshold (it is the smallest subnormal), 0 one value below it.
    LL_COMPARE(expInFormat(r.smallestPositive, format), info.minSubnormal);
    LL_COMPARE(expInFormat(nextDown(r.smallestPositive, format), format), 0.0L);
    // (c) exp(x) normal at the threshold, subnormal one value below it.
    QVERIFY(expInFormat(r.smallestNormal, format) >= info.minNormal);
    const long double below = expInFormat(nextDown(r.smallestNormal, format), format);
    QVERIFY(below > 0 && below < info.minNormal);

    QVERIFY(r.smallestPositive < r.smallestNormal && r.smallestNormal < 0 && 0 < r.largestFinite);
    // ln(max) lies a hair below the overflow threshold, so it rounds to (a) or to the value after it.
    QVERIFY(r.lnMax == r.largestFinite || r.lnMax == nextUp(r.largestFinite, format));

    // The exact thresholds lie between the format's values on either side of each limit.
    logitlab::WideExponentRange wide;
    const mpfr::mpreal overflow = decimal(r.overflowDigits);
    QVERIFY(logitlab::exactValue(r.largestFinite) < overflow);
    QVERIFY(overflow < logitlab::exactValue(nextUp(r.largestFinite, format)));
    const mpfr::mpreal zero = decimal(r.zeroDigits);
    QVERIFY(logitlab::exactValue(nextDown(r.smallestPositive, format)) < zero);
    QVERIFY(zero < logitlab::exactValue(r.smallestPositive));
    const mpfr::mpreal subnormal = decimal(r.subnormalDigits);
    QVERIFY(logitlab::exactValue(nextDown(r.smallestNormal, format)) < subnormal);
    QVERIFY(subnormal < logitlab::exactValue(r.smallestNormal));
    // The digits are the real ln(max + ulp/2), ln(min_subnormal/2), ln(min_normal - min_subnormal/2),
    // rounded to n significant digits: |x - T| <= |x| * 10^(1-n), so exp(x) is within that, relatively,
    // of the boundary.
    const mpfr::mpreal tolerance = mpfr::pow(mpfr::mpreal(10, 400), 1 - logitlab::thresholdDigits(format));
    const auto expNear = [&](const mpfr::mpreal &x, const mpfr::mpreal &boundary) {
        return mpfr::abs(mpfr::exp(x) - boundary) <= boundary * mpfr::abs(x) * tolerance;
    };
    // The boundaries in MPFR: in long double, float80's max + ulp/2 overflows and min_subnormal/2 is 0.
    const mpfr::mpreal max = logitlab::exactValue(info.maxValue, 400);
    const mpfr::mpreal minNormal = logitlab::exactValue(info.minNormal, 400);
    const mpfr::mpreal halfMinSubnormal = logitlab::exactValue(info.minSubnormal, 400) / 2;
    QVERIFY(expNear(overflow, max + logitlab::exactValue(logitlab::ulpOf(info.maxValue, format), 400) / 2));
    QVERIFY(expNear(zero, halfMinSubnormal));
    QVERIFY(expNear(subnormal, minNormal - halfMinSubnormal));
}

void TestExpLimits::expRounded_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("x");
    QTest::addColumn<long double>("expected");
    QTest::addRow("float32 exp(0) = 1") << Format::Float32 << 0.0L << 1.0L;
    // e = 2.718281828459045235...: float32 0x402df854 = 2.71828174591064453125, float64 M_E.
    QTest::addRow("float32 exp(1)") << Format::Float32 << 1.0L << f32(0x402df854);
    QTest::addRow("float64 exp(1)") << Format::Float64 << 1.0L << f64(0x4005bf0a8b145769ULL);
    // Rounded once, not through float: x = 1913 * 2^-18 (float16 0x1f79), exp(x) = 1.0073242076264,
    // 1.1e-8 below the float16 midpoint 1031.5/1024 = 1.00732421875, so it rounds to 1031/1024; but
    // float32 rounds exp(x) onto that midpoint (0.09 of its ulp away), which then goes to even, 1032/1024.
    QTest::addRow("float16 exp(0x1f79) once, not via float") << Format::Float16 << 1913.0L / 262144 << 1031.0L / 1024;
    // exp(-17.328125) = 2.98189e-8, just above 2^-25 = 2.98023e-8: it rounds up to the smallest subnormal 2^-24.
    QTest::addRow("float16 exp(-17.328125) = 2^-24") << Format::Float16 << -17.328125L << 0x1p-24L;
    QTest::addRow("bfloat16 exp(89) = inf")
        << Format::BFloat16 << 89.0L << std::numeric_limits<long double>::infinity();
}

void TestExpLimits::expRounded()
{
    QFETCH(Format, format);
    QFETCH(long double, x);
    QFETCH(long double, expected);
    LL_COMPARE(logitlab::expRoundedTo(x, format), expected);
}

QTEST_APPLESS_MAIN(TestExpLimits)
#include "tst_explimits.moc"

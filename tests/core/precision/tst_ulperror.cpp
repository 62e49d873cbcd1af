// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the error measures (core/precision/ulperror.h). */
#include "ldcompare.h"

#include "precision/mpfrutil.h"
#include "precision/ulperror.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>

using logitlab::Format;

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();
constexpr double dInf = std::numeric_limits<double>::infinity();

/** An exact value described as text: a decimal, "nan", "inf", "-inf", or "2^k" forms via MPFR. */
mpfr::mpreal exactOf(const std::string &text)
{
    logitlab::WideExponentRange wide;
    return *logitlab::decimalToMp(text, 400);
}

/** Position of a float32/float64 on the number line: bit patterns made monotone (independent of the code). */
long long ordered32(float x)
{
    const auto b = std::bit_cast<std::int32_t>(x);
    return b < 0 ? -static_cast<long long>(b & 0x7fffffff) : b;
}
long long ordered64(double x)
{
    const auto b = std::bit_cast<std::int64_t>(x);
    return b < 0 ? -(b & 0x7fffffffffffffffLL) : b;
}

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

/** \brief ULP, relative and absolute error, and ULP distance. */
class TestUlpError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ulpError_data();
    void ulpError();
    void relativeAbsolute_data();
    void relativeAbsolute();
    void ulpDistance_data();
    void ulpDistance();
    void ulpDistanceRandom_data();
    void ulpDistanceRandom();
};

void TestUlpError::ulpError_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("computed");
    QTest::addColumn<std::string>("exact");
    QTest::addColumn<double>("expected");
    // |computed - exact| / 2^(max(floor(log2|exact|), emin) - p + 1).
    // float32 at 1: spacing 2^-23, so 1 + 2^-23 against 1 is one ulp.
    QTest::addRow("float32 1+2^-23 vs 1") << Format::Float32 << 1.0L + std::ldexp(1.0L, -23) << std::string("1") << 1.0;
    // Exact just below 1: floor(log2) = -1, spacing 2^-24: |1 - (1 - 2^-25)| / 2^-24 = 0.5.
    QTest::addRow("float32 1 vs 1-2^-25 (0.5 ulp below a power of 2)")
        << Format::Float32 << 1.0L << std::string("0.999999970197677612304687500") << 0.5;
    // float32(0.1) vs 0.1: (0.100000001490116119384765625 - 0.1) / 2^-27 = 1.490116119384765625e-9 * 2^27 = 0.2.
    QTest::addRow("float32 0.1f vs 0.1") << Format::Float32 << 0.100000001490116119384765625L << std::string("0.1")
                                         << 0.2;
    // float64(0.1): 5.551115123125783e-18 / 2^-56 = 0.4.
    QTest::addRow("float64 0.1 vs 0.1") << Format::Float64 << static_cast<long double>(0.1) << std::string("0.1")
                                        << 0.4;
    // float16(0.1) = 0.0999755859375: 2.44140625e-5 / 2^-14 = 0.4.
    QTest::addRow("float16 0.0999755859375 vs 0.1") << Format::Float16 << 0.0999755859375L << std::string("0.1") << 0.4;
    // bfloat16(0.1) = 0.10009765625: 9.765625e-5 / 2^-11 = 0.2.
    QTest::addRow("bfloat16 0.10009765625 vs 0.1") << Format::BFloat16 << 0.10009765625L << std::string("0.1") << 0.2;
    // Subnormal exact: float32 spacing there is 2^-149; 2^-140 vs 1.5 * 2^-140 is 2^-141 = 256 ulps.
    QTest::addRow("float32 subnormal 256 ulps")
        << Format::Float32 << std::ldexp(1.0L, -140) << std::string("1.5*2^-140") << 256.0;
    // Exact 0: spacing is the smallest subnormal.
    QTest::addRow("float16 min subnormal vs 0") << Format::Float16 << std::ldexp(1.0L, -24) << std::string("0") << 1.0;
    QTest::addRow("float32 0 vs 0") << Format::Float32 << 0.0L << std::string("0") << 0.0;
    QTest::addRow("float32 -0 vs 0") << Format::Float32 << -0.0L << std::string("0") << 0.0;
    // Beyond max the spacing stays that of the top binade (float16: 32). 65504 vs 70000 = 140.5.
    QTest::addRow("float16 max vs 70000") << Format::Float16 << 65504.0L << std::string("70000") << 140.5;
    // Conventions for non-finite values.
    QTest::addRow("nan vs nan") << Format::Float32 << kNaN << std::string("nan") << 0.0;
    QTest::addRow("inf vs inf") << Format::Float32 << kInf << std::string("inf") << 0.0;
    QTest::addRow("-inf vs -inf") << Format::Float64 << -kInf << std::string("-inf") << 0.0;
    QTest::addRow("inf vs -inf") << Format::Float64 << kInf << std::string("-inf") << dInf;
    QTest::addRow("inf vs finite (overflow)") << Format::Float16 << kInf << std::string("65520") << dInf;
    QTest::addRow("nan vs finite") << Format::Float32 << kNaN << std::string("1") << dInf;
    QTest::addRow("finite vs inf") << Format::Float32 << 1.0L << std::string("inf") << dInf;
    QTest::addRow("finite vs nan") << Format::Float32 << 1.0L << std::string("nan")
                                   << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("inf vs nan") << Format::Float32 << kInf << std::string("nan")
                                << std::numeric_limits<double>::quiet_NaN();
    // Large exact values in float80: 2^16383 + ulp vs 2^16383: 1 ulp of 2^(16383-63).
    QTest::addRow("float80 near max 1 ulp") << Format::Float80 << LDBL_MAX << std::string("inexpressible") << 1.0;
}

void TestUlpError::ulpError()
{
    QFETCH(Format, format);
    QFETCH(long double, computed);
    QFETCH(std::string, exact);
    QFETCH(double, expected);
    mpfr::mpreal x;
    if (exact == "1.5*2^-140") {
        x = logitlab::exactValue(1.5L * std::ldexp(1.0L, -140), 400);
    } else if (exact == "inexpressible") {
        logitlab::WideExponentRange wide;
        x = logitlab::exactValue(LDBL_MAX, 400) - logitlab::exactValue(std::ldexp(1.0L, 16320), 400);
    } else {
        x = exactOf(exact);
    }
    const double e = logitlab::ulpError(computed, x, format);
    QVERIFY2(sameDouble(e, expected), (std::to_string(e) + " expected " + std::to_string(expected)).c_str());
}

void TestUlpError::relativeAbsolute_data()
{
    QTest::addColumn<long double>("computed");
    QTest::addColumn<std::string>("exact");
    QTest::addColumn<double>("relative");
    QTest::addColumn<double>("absolute");
    // 0.1f: absolute 1.490116119384765625e-9, relative 1.490116119384765625e-8.
    QTest::addRow("0.1f vs 0.1") << 0.100000001490116119384765625L << std::string("0.1") << 1.490116119384765625e-8
                                 << 1.490116119384765625e-9;
    QTest::addRow("3 vs 2") << 3.0L << std::string("2") << 0.5 << 1.0;
    QTest::addRow("-3 vs -2") << -3.0L << std::string("-2") << 0.5 << 1.0;
    QTest::addRow("0 vs 1e-30 (total cancellation)") << 0.0L << std::string("1e-30") << 1.0 << 1e-30;
    QTest::addRow("0 vs 0") << 0.0L << std::string("0") << 0.0 << 0.0;
    QTest::addRow("1e-30 vs 0") << 1e-30L << std::string("0") << dInf << 1e-30;
    QTest::addRow("inf vs inf") << kInf << std::string("inf") << 0.0 << 0.0;
    QTest::addRow("inf vs 1") << kInf << std::string("1") << dInf << dInf;
    QTest::addRow("1 vs nan") << 1.0L << std::string("nan") << std::numeric_limits<double>::quiet_NaN()
                              << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("nan vs nan") << kNaN << std::string("nan") << 0.0 << 0.0;
}

void TestUlpError::relativeAbsolute()
{
    QFETCH(long double, computed);
    QFETCH(std::string, exact);
    QFETCH(double, relative);
    QFETCH(double, absolute);
    const mpfr::mpreal x = exactOf(exact);
    const double r = logitlab::relativeError(computed, x);
    const double a = logitlab::absoluteError(computed, x);
    // Finite expectations are exact decimal figures; allow the last bit of the double result.
    auto close = [](double got, double want) {
        return sameDouble(got, want)
            || (std::isfinite(want) && std::fabs(got - want) <= 2 * DBL_EPSILON * std::fabs(want));
    };
    QVERIFY2(close(r, relative), (std::to_string(r)).c_str());
    QVERIFY2(close(a, absolute), (std::to_string(a)).c_str());
}

void TestUlpError::ulpDistance_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("a");
    QTest::addColumn<long double>("b");
    QTest::addColumn<double>("expected");
    QTest::addRow("equal") << Format::Float32 << 1.0L << 1.0L << 0.0;
    QTest::addRow("+0 vs -0") << Format::Float32 << 0.0L << -0.0L << 0.0;
    // float16 bit patterns: 1 = 0x3c00, 2 = 0x4000: 1024 steps.
    QTest::addRow("float16 1 to 2") << Format::Float16 << 1.0L << 2.0L << 1024.0;
    // Across zero: -2^-24, (+-0), 2^-24 -> 2 steps.
    QTest::addRow("float16 across zero") << Format::Float16 << -std::ldexp(1.0L, -24) << std::ldexp(1.0L, -24) << 2.0;
    // Subnormal to normal: 0x03ff (largest subnormal) to 0x0401: 2 steps.
    QTest::addRow("float16 subnormal to normal")
        << Format::Float16 << tst::halfFromBits(0x03ff) << tst::halfFromBits(0x0401) << 2.0;
    // -max to max in float16: 0x7bff twice = 2 * 31743.
    QTest::addRow("float16 -max to max") << Format::Float16 << -65504.0L << 65504.0L << 63486.0;
    QTest::addRow("bfloat16 1 to 2") << Format::BFloat16 << 1.0L << 2.0L << 128.0;
    QTest::addRow("float32 1 to 2") << Format::Float32 << 1.0L << 2.0L << 8388608.0;
    QTest::addRow("float32 0 to min normal")
        << Format::Float32 << 0.0L << static_cast<long double>(FLT_MIN) << 8388608.0;
    QTest::addRow("float64 0.1+0.2 vs 0.3")
        << Format::Float64 << static_cast<long double>(0.1 + 0.2) << static_cast<long double>(0.3) << 1.0;
    // float80: 1 to 2 is 2^63 steps; 0 to LDBL_MAX is (2^15 - 1) * 2^63 - 1 = 2^78 - 2^63 - 1 (double: 2^78 - 2^63).
    QTest::addRow("float80 1 to 2") << Format::Float80 << 1.0L << 2.0L << 9223372036854775808.0;
    QTest::addRow("float80 0 to max") << Format::Float80 << 0.0L << LDBL_MAX
                                      << std::ldexp(1.0, 78) - std::ldexp(1.0, 63);
    QTest::addRow("float80 subnormals") << Format::Float80 << LDBL_TRUE_MIN << 5 * LDBL_TRUE_MIN << 4.0;
    QTest::addRow("nan") << Format::Float32 << kNaN << 1.0L << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("inf vs inf") << Format::Float32 << kInf << kInf << 0.0;
    QTest::addRow("max vs inf") << Format::Float32 << static_cast<long double>(FLT_MAX) << kInf << dInf;
    QTest::addRow("-inf vs inf") << Format::Float32 << -kInf << kInf << dInf;
}

void TestUlpError::ulpDistance()
{
    QFETCH(Format, format);
    QFETCH(long double, a);
    QFETCH(long double, b);
    QFETCH(double, expected);
    const double d = logitlab::ulpDistance(a, b, format);
    QVERIFY2(sameDouble(d, expected), std::to_string(d).c_str());
    QVERIFY(sameDouble(logitlab::ulpDistance(b, a, format), d)); // symmetric
}

void TestUlpError::ulpDistanceRandom_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("float16 random pairs vs bit patterns") << Format::Float16;
    QTest::addRow("bfloat16 random pairs vs bit patterns") << Format::BFloat16;
    QTest::addRow("float32 random pairs vs bit patterns") << Format::Float32;
    QTest::addRow("float64 random pairs vs bit patterns") << Format::Float64;
}

void TestUlpError::ulpDistanceRandom()
{
    QFETCH(Format, format);
    std::uint64_t state = 777 + static_cast<std::uint64_t>(format);
    auto rnd = [&] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    for (int i = 0; i < 20000; ++i) {
        long double a, b;
        long long oa, ob;
        if (format == Format::Float64) {
            const double x = std::bit_cast<double>(rnd()), y = std::bit_cast<double>(rnd() >> (i % 2 ? 0 : 40));
            if (!std::isfinite(x) || !std::isfinite(y))
                continue;
            a = x, b = y, oa = ordered64(x), ob = ordered64(y);
        } else {
            float x, y;
            if (format == Format::Float32) {
                x = std::bit_cast<float>(static_cast<std::uint32_t>(rnd()));
                y = std::bit_cast<float>(static_cast<std::uint32_t>(rnd() >> (i % 2 ? 0 : 40)));
            } else {
                // A 16-bit pattern; the ordering of the widened float is the same as the 16-bit one,
                // but each 16-bit step is 2^13 (float16) or 2^16 (bfloat16) float32 steps in normal range,
                // so count by the 16-bit patterns themselves.
                const auto p = static_cast<std::uint16_t>(rnd()), q = static_cast<std::uint16_t>(rnd());
                const bool half = format == Format::Float16;
                x = static_cast<float>(half ? tst::halfFromBits(p) : tst::bfloatFromBits(p));
                y = static_cast<float>(half ? tst::halfFromBits(q) : tst::bfloatFromBits(q));
                if (!std::isfinite(x) || !std::isfinite(y))
                    continue;
                auto ord = [](std::uint16_t v) {
                    return (v & 0x8000) ? -static_cast<long long>(v & 0x7fff) : static_cast<long long>(v);
                };
                a = x, b = y, oa = ord(p), ob = ord(q);
                const double want = static_cast<double>(oa > ob ? oa - ob : ob - oa);
                const double got = logitlab::ulpDistance(a, b, format);
                if (got != want)
                    QFAIL(("between " + tst::show(a) + " and " + tst::show(b) + ": " + std::to_string(got)).c_str());
                continue;
            }
            if (!std::isfinite(x) || !std::isfinite(y))
                continue;
            a = x, b = y, oa = ordered32(x), ob = ordered32(y);
        }
        // The difference of two ordinals can reach 2^64: exact in long double, not in long long.
        const long double span = std::fabs(static_cast<long double>(oa) - static_cast<long double>(ob));
        const double want = static_cast<double>(span);
        const double got = logitlab::ulpDistance(a, b, format);
        if (got != want)
            QFAIL(("between " + tst::show(a) + " and " + tst::show(b) + ": " + std::to_string(got)).c_str());
    }
}

QTEST_APPLESS_MAIN(TestUlpError)
#include "tst_ulperror.moc"

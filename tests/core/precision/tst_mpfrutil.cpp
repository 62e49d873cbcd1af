// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the MPFR helpers (core/precision/mpfrutil.h): correct rounding into every format. */
#include "ldcompare.h"

#include "precision/mpfrutil.h"

#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

using logitlab::Format;

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();

/** Deterministic generator, so every run tests the same strings. */
using Rng = testsupport::SplitMix64;

/** The exact decimal text of a dyadic mpreal x (fixed notation, as many digits as needed). */
std::string exactText(const mpfr::mpreal &x)
{
    // x = m * 2^e exactly; -e fraction digits represent it exactly when e < 0.
    const long e
        = std::max<long>(0, static_cast<long>(x.get_prec()) - static_cast<long>(mpfr_get_exp(x.mpfr_srcptr())));
    char *text = nullptr;
    mpfr_asprintf(&text, "%.*Rf", static_cast<int>(e), x.mpfr_srcptr());
    std::string s(text);
    mpfr_free_str(text);
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.')
            s.pop_back();
    }
    return s;
}

/** 2^k as an exact mpreal. */
mpfr::mpreal pow2(long k, mpfr_prec_t prec = 64)
{
    mpfr::mpreal r(1, prec);
    mpfr_mul_2si(r.mpfr_ptr(), r.mpfr_srcptr(), k, MPFR_RNDN);
    return r;
}

/** All finite non-negative values of a 16-bit format in increasing order, with their bits. */
struct Table16 {
    std::vector<long double> values;
    std::vector<std::uint16_t> bits;
};

Table16 table16(Format f)
{
    Table16 t;
    const std::uint16_t infBits = f == Format::Float16 ? 0x7c00 : 0x7f80;
    for (std::uint32_t b = 0; b <= infBits; ++b) {
        const auto bits = static_cast<std::uint16_t>(b);
        // The pseudo-value just above max (2^16 or 2^128) decides ties at the overflow threshold;
        // its bit pattern is inf's, which is even.
        const long double v = b == infBits
            ? (f == Format::Float16 ? 65536.0L : std::ldexp(1.0L, 128))
            : (f == Format::Float16 ? tst::halfFromBits(bits) : tst::bfloatFromBits(bits));
        t.values.push_back(v);
        t.bits.push_back(bits);
    }
    return t;
}

/**
 * Independent oracle for the 16-bit formats: the nearest table entry to x (exact MPFR
 * comparisons), ties to the even bit pattern; the pseudo-value above max means +inf.
 */
long double nearest16(const mpfr::mpreal &x, Format f, const Table16 &t)
{
    if (mpfr::isnan(x))
        return kNaN;
    const bool negative = mpfr::signbit(x);
    const mpfr::mpreal a = mpfr::abs(x);
    const long double top = t.values.back();
    if (mpfr::isinf(a) || a >= logitlab::exactValue(top, 64))
        return negative ? -kInf : kInf;
    // Binary search for the last entry <= a.
    std::size_t lo = 0, hi = t.values.size() - 1;
    while (hi - lo > 1) {
        const std::size_t mid = (lo + hi) / 2;
        if (logitlab::exactValue(t.values[mid], 64) <= a)
            lo = mid;
        else
            hi = mid;
    }
    const mpfr::mpreal dLo = a - logitlab::exactValue(t.values[lo], a.get_prec() + 128);
    const mpfr::mpreal dHi = logitlab::exactValue(t.values[hi], a.get_prec() + 128) - a;
    std::size_t pick = dLo < dHi ? lo : (dHi < dLo ? hi : ((t.bits[lo] % 2 == 0) ? lo : hi));
    long double v = t.values[pick];
    if (pick == t.values.size() - 1)
        v = kInf;
    (void)f;
    return negative ? -v : v;
}

long double viaCLibrary(const std::string &text, Format f)
{
    // glibc's strtof/strtod/strtold round correctly (to nearest, ties to even, with subnormals).
    switch (f) {
    case Format::Float32: return std::strtof(text.c_str(), nullptr);
    case Format::Float64: return std::strtod(text.c_str(), nullptr);
    case Format::Float80: return std::strtold(text.c_str(), nullptr);
    default: break;
    }
    return kNaN;
}

/** A random decimal string: 1-25 significant digits, exponent in [lowExp, highExp]. */
std::string randomDecimal(Rng &rng, int lowExp, int highExp)
{
    std::string s;
    if (rng.below(2))
        s += '-';
    const int digits = 1 + rng.below(25);
    s += static_cast<char>('1' + rng.below(9));
    if (digits > 1) {
        s += '.';
        for (int i = 1; i < digits; ++i)
            s += static_cast<char>('0' + rng.below(10));
    }
    s += 'e' + std::to_string(lowExp + rng.below(highExp - lowExp + 1));
    return s;
}

/**
 * Exact midpoint between a random value of f and its upper neighbour (given as long doubles), as
 * text, optionally nudged up or down by a tiny amount: the hardest inputs for correct rounding.
 */
std::string midpointText(long double a, long double b, int nudge)
{
    mpfr::mpreal m = (logitlab::exactValue(a, 200) + logitlab::exactValue(b, 200)) / 2;
    std::string s = exactText(m);
    if (nudge > 0)
        s += (s.find('.') == std::string::npos ? ".000000000001" : "000000000001"); // a hair above
    else if (nudge < 0) {
        // a hair below: subtract 10^-(digits+12)
        const std::size_t point = s.find('.');
        const std::size_t fraction = point == std::string::npos ? 0 : s.size() - point - 1;
        mpfr::mpreal below(0, 20000);
        mpfr_strtofr(below.mpfr_ptr(), s.c_str(), nullptr, 10, MPFR_RNDN);
        mpfr::mpreal tiny(10, 20000);
        tiny = mpfr::pow(tiny, -static_cast<long>(fraction + 12));
        below -= tiny;
        char *text = nullptr;
        mpfr_asprintf(&text, "%.*Rf", static_cast<int>(fraction + 12), below.mpfr_srcptr());
        s = text;
        mpfr_free_str(text);
    }
    return s;
}

} // namespace

/** \brief Correct rounding of decimal text and of MPFR values into each format. */
class TestMpfrUtil : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decimalToFormat_data();
    void decimalToFormat();
    void overflowThreshold_data();
    void overflowThreshold();
    void doubleRoundingTrap_data();
    void doubleRoundingTrap();
    void rejects_data();
    void rejects();
    void matchesCLibrary_data();
    void matchesCLibrary();
    void hugeExponent_data();
    void hugeExponent();
    void sixteenBitOracle_data();
    void sixteenBitOracle();
    void roundToFormat_data();
    void roundToFormat();
    void roundToFormatRandom_data();
    void roundToFormatRandom();
    void directedRounding_data();
    void directedRounding();
    void decimalToMp();
    void exactValueAndRange();
    void roundsStably_data();
    void roundsStably();
    void refineUntilStable();
};

void TestMpfrUtil::decimalToFormat_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("expected");

    // 0.1 = 1.6 * 2^-4. float16 keeps 10 fraction bits: 1.6 * 1024 = 1638.4 -> 1638, so
    // 1638 * 2^-14 = 0.0999755859375. bfloat16 keeps 7: 1.6 * 128 = 204.8 -> 205 -> 205 * 2^-11.
    QTest::addRow("float16 0.1") << std::string("0.1") << Format::Float16 << 0.0999755859375L;
    QTest::addRow("bfloat16 0.1") << std::string("0.1") << Format::BFloat16 << 0.10009765625L;
    // float32: 1.6 * 2^23 = 13421772.8 -> 13421773 * 2^-27 = 0.100000001490116119384765625.
    QTest::addRow("float32 0.1") << std::string("0.1") << Format::Float32 << 0.100000001490116119384765625L;
    QTest::addRow("float64 0.1") << std::string("0.1") << Format::Float64 << static_cast<long double>(0.1);
    QTest::addRow("float80 0.1") << std::string("0.1") << Format::Float80 << 0.1L;
    // Ties to even. float16 spacing in [2048, 4096) is 2: 2049 is halfway between 2048
    // (significand 1024, even) and 2050 (1025, odd) -> 2048; 2051 between 2050 (odd) and 2052 -> 2052.
    QTest::addRow("float16 tie 2049 -> 2048") << std::string("2049") << Format::Float16 << 2048.0L;
    QTest::addRow("float16 tie 2051 -> 2052") << std::string("2051") << Format::Float16 << 2052.0L;
    QTest::addRow("float16 2049.0001 -> 2050") << std::string("2049.0001") << Format::Float16 << 2050.0L;
    // bfloat16 spacing in [256, 512) is 2: 257 -> 256 (even), 259 -> 260.
    QTest::addRow("bfloat16 tie 257 -> 256") << std::string("257") << Format::BFloat16 << 256.0L;
    QTest::addRow("bfloat16 tie 259 -> 260") << std::string("259") << Format::BFloat16 << 260.0L;
    // float32 spacing at 2^24 is 2: 2^24+1 -> 2^24, 2^24+3 -> 2^24+4.
    QTest::addRow("float32 tie 16777217") << std::string("16777217") << Format::Float32 << 16777216.0L;
    QTest::addRow("float32 tie 16777219") << std::string("16777219") << Format::Float32 << 16777220.0L;
    QTest::addRow("float64 tie 2^53+1") << std::string("9007199254740993") << Format::Float64 << 9007199254740992.0L;
    QTest::addRow("float64 tie 2^53+3") << std::string("9007199254740995") << Format::Float64 << 9007199254740996.0L;
    // float80 spacing at 2^64 is 2: 2^64+1 -> 2^64.
    QTest::addRow("float80 tie 2^64+1") << std::string("18446744073709551617") << Format::Float80
                                        << 18446744073709551616.0L;
    // Subnormals. float16 min subnormal 2^-24 = 5.9604644775390625e-8; half of it, 2^-25, is a
    // tie between 0 (even) and 2^-24 -> 0; a hair above -> 2^-24.
    QTest::addRow("float16 min subnormal")
        << std::string("5.9604644775390625e-8") << Format::Float16 << std::ldexp(1.0L, -24);
    QTest::addRow("float16 2^-25 tie -> 0") << std::string("2.98023223876953125e-8") << Format::Float16 << 0.0L;
    QTest::addRow("float16 above 2^-25 -> 2^-24")
        << std::string("2.980232238769531250001e-8") << Format::Float16 << std::ldexp(1.0L, -24);
    QTest::addRow("float16 -2^-25 tie -> -0") << std::string("-2.98023223876953125e-8") << Format::Float16 << -0.0L;
    // 3 * 2^-25 is halfway between 2^-24 (odd) and 2^-23 (even) -> 2^-23.
    QTest::addRow("float16 3*2^-25 tie -> 2^-23")
        << std::string("8.94069671630859375e-8") << Format::Float16 << std::ldexp(1.0L, -23);
    // 1e-7 / 2^-24 = 1.68 -> 2 * 2^-24.
    QTest::addRow("float16 1e-7 subnormal") << std::string("1e-7") << Format::Float16 << std::ldexp(1.0L, -23);
    QTest::addRow("bfloat16 min subnormal 2^-133") << std::string(
        "9.18354961579912115600575419704879435795832466228193376178712270530013483949005603790283203125e-41")
                                                   << Format::BFloat16 << std::ldexp(1.0L, -133);
    // 5e-41 / 2^-133 = 0.544 -> 2^-133; 1e-41 / 2^-133 = 0.109 -> 0.
    QTest::addRow("bfloat16 5e-41 -> 2^-133") << std::string("5e-41") << Format::BFloat16 << std::ldexp(1.0L, -133);
    QTest::addRow("bfloat16 1e-41 -> 0") << std::string("1e-41") << Format::BFloat16 << 0.0L;
    QTest::addRow("bfloat16 1e-50 -> 0") << std::string("1e-50") << Format::BFloat16 << 0.0L;
    // float32: 1e-45 / 2^-149 = 0.71 -> 2^-149; 1e-46 / 2^-149 = 0.07 -> 0.
    QTest::addRow("float32 1e-45 -> 2^-149") << std::string("1e-45") << Format::Float32 << std::ldexp(1.0L, -149);
    QTest::addRow("float32 1e-46 -> 0") << std::string("1e-46") << Format::Float32 << 0.0L;
    QTest::addRow("float32 -1e-46 -> -0") << std::string("-1e-46") << Format::Float32 << -0.0L;
    QTest::addRow("float64 4.9e-324 -> 2^-1074")
        << std::string("4.9e-324") << Format::Float64 << std::ldexp(1.0L, -1074);
    QTest::addRow("float64 2.4e-324 -> 0") << std::string("2.4e-324") << Format::Float64 << 0.0L;
    QTest::addRow("float80 3.7e-4951 -> 2^-16445") << std::string("3.7e-4951") << Format::Float80 << LDBL_TRUE_MIN;
    QTest::addRow("float80 1e-5000 -> 0") << std::string("1e-5000") << Format::Float80 << 0.0L;
    // Non-finite literals and signed zero.
    for (Format f : logitlab::allFormats) {
        const std::string name(logitlab::formatName(f));
        QTest::addRow("%s inf", name.c_str()) << std::string("inf") << f << kInf;
        QTest::addRow("%s -Infinity", name.c_str()) << std::string("-Infinity") << f << -kInf;
        QTest::addRow("%s +INF", name.c_str()) << std::string("+INF") << f << kInf;
        QTest::addRow("%s NaN", name.c_str()) << std::string("NaN") << f << kNaN;
        QTest::addRow("%s -nan", name.c_str()) << std::string("-nan") << f << kNaN;
        QTest::addRow("%s -0", name.c_str()) << std::string("-0") << f << -0.0L;
        QTest::addRow("%s 0e99", name.c_str()) << std::string("0e99") << f << 0.0L;
        QTest::addRow("%s 1.", name.c_str()) << std::string("1.") << f << 1.0L;
        QTest::addRow("%s .5", name.c_str()) << std::string(".5") << f << 0.5L;
        QTest::addRow("%s -.25E+1", name.c_str()) << std::string("-.25E+1") << f << -2.5L;
        QTest::addRow("%s +3e0", name.c_str()) << std::string("+3e0") << f << 3.0L;
        QTest::addRow("%s 1e1000 -> inf", name.c_str())
            << std::string("1e1000") << f << (f == Format::Float80 ? 1e1000L : kInf);
        QTest::addRow("%s -1e99999 -> -inf", name.c_str()) << std::string("-1e99999") << f << -kInf;
    }
}

void TestMpfrUtil::decimalToFormat()
{
    QFETCH(std::string, text);
    QFETCH(Format, format);
    QFETCH(long double, expected);
    const auto v = logitlab::decimalToFormat(text, format);
    QVERIFY(v.has_value());
    LL_COMPARE(*v, expected);
}

void TestMpfrUtil::overflowThreshold_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : logitlab::allFormats)
        QTest::addRow("%s overflow at max + half ulp", std::string(logitlab::formatName(f)).c_str()) << f;
}

void TestMpfrUtil::overflowThreshold()
{
    // IEEE 754 7.4: a result overflows when, rounded as if the exponent were unbounded, it would
    // exceed max. With p bits that first happens at T = max + ulp(max)/2 = (2 - 2^-p) * 2^emax,
    // a tie between max (odd significand) and 2^(emax+1) (even), which rounds up: inf.
    // float16: T = 65520. Everything below T rounds to max.
    QFETCH(Format, format);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    const mpfr_prec_t prec = info.maxExponent + 64; // T - 1 needs every bit of the integer T
    const mpfr::mpreal max = logitlab::exactValue(info.maxValue, prec);
    const mpfr::mpreal threshold = max + pow2(info.maxExponent - info.precision, prec);
    const std::string t = exactText(threshold);
    const std::string below = exactText(threshold - 1); // T is a huge integer; T - 1 is just below
    if (format == Format::Float16)
        QCOMPARE(t, std::string("65520"));
    LL_COMPARE(*logitlab::decimalToFormat(t, format), kInf);
    LL_COMPARE(*logitlab::decimalToFormat("-" + t, format), -kInf);
    LL_COMPARE(*logitlab::decimalToFormat(below, format), info.maxValue);
    LL_COMPARE(*logitlab::decimalToFormat("-" + below, format), -info.maxValue);
    LL_COMPARE(*logitlab::decimalToFormat(exactText(max), format), info.maxValue);
    LL_COMPARE(*logitlab::decimalToFormat(t + "e1", format), kInf);
    if (format == Format::Float16) {
        LL_COMPARE(*logitlab::decimalToFormat("65519.99999999", format), 65504.0L);
        LL_COMPARE(*logitlab::decimalToFormat("65520.00000001", format), kInf);
        LL_COMPARE(*logitlab::decimalToFormat("70000", format), kInf);
    }
    // The C library agrees where it has the format.
    if (format == Format::Float32 || format == Format::Float64 || format == Format::Float80) {
        LL_COMPARE(viaCLibrary(t, format), kInf);
        LL_COMPARE(viaCLibrary(below, format), info.maxValue);
    }
}

void TestMpfrUtil::doubleRoundingTrap_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("expected");
    QTest::addColumn<long double>("viaFloat");
    // float16 near 1: spacing 2^-10, midpoint 1 + 2^-11 = 1.00048828125. The text 1.00048829 is
    // 8.75e-9 above that midpoint, so the correct float16 is 1 + 2^-10 = 1.0009765625. But float32
    // has spacing 2^-23 there, and 8.75e-9 < 2^-24 = 5.96e-8, so strtof gives exactly 1 + 2^-11:
    // converting that float to float16 is a tie, ties-to-even gives 1.0. Double rounding: wrong.
    QTest::addRow("float16 1.00048829 above midpoint")
        << std::string("1.00048829") << Format::Float16 << 1.0009765625L << 1.0L;
    // Same below an odd/even pair: midpoint 1 + 3*2^-11 = 1.00146484375 between 1 + 2^-10 (odd)
    // and 1 + 2^-9 (even). 1.00146484 is 3.75e-9 below it -> correct is 1 + 2^-10; strtof lands
    // on the midpoint, and the tie goes to the even 1 + 2^-9 = 1.001953125.
    QTest::addRow("float16 1.00146484 below midpoint")
        << std::string("1.00146484") << Format::Float16 << 1.0009765625L << 1.001953125L;
    // bfloat16 near 1: spacing 2^-7, midpoint 1 + 2^-8 = 1.00390625; 1e-9 above it -> 1 + 2^-7.
    QTest::addRow("bfloat16 1.003906251 above midpoint")
        << std::string("1.003906251") << Format::BFloat16 << 1.0078125L << 1.0L;
    // float16 subnormal: 2^-25 = 2.98023223876953125e-8 is the tie between 0 and 2^-24. The text
    // 2.98023224e-8 is 1.2e-16 above it: correct is 2^-24. float32 spacing there is 2^-48 = 3.6e-15,
    // so strtof returns exactly 2^-25, and float16(2^-25) ties to 0.
    QTest::addRow("float16 subnormal 2.98023224e-8")
        << std::string("2.98023224e-8") << Format::Float16 << std::ldexp(1.0L, -24) << 0.0L;
}

void TestMpfrUtil::doubleRoundingTrap()
{
    QFETCH(std::string, text);
    QFETCH(Format, format);
    QFETCH(long double, expected);
    QFETCH(long double, viaFloat);
    // The trap is real: going through strtof and Eigen's float -> 16-bit conversion gives viaFloat.
    const float f = std::strtof(text.c_str(), nullptr);
    const long double naive = format == Format::Float16
        ? static_cast<long double>(static_cast<float>(Eigen::half(f)))
        : static_cast<long double>(static_cast<float>(Eigen::bfloat16(f)));
    LL_COMPARE(naive, viaFloat);
    LL_COMPARE(*logitlab::decimalToFormat(text, format), expected);
}

void TestMpfrUtil::rejects_data()
{
    QTest::addColumn<std::string>("text");
    for (const char *bad : {"", " ", "abc", "1e", "1e+", "e5", "--1", "+-1", "1.2.3", "0x10", " 1", "1 ", "1,0", ".",
             "+", "-", "inf1", "infinit", "nan(0x1)", "1_000", "1e5.5", "..5", "1..", "NaNa", "1d5", "١"})
        QTest::addRow("reject '%s'", bad) << std::string(bad);
}

void TestMpfrUtil::rejects()
{
    QFETCH(std::string, text);
    for (Format f : logitlab::allFormats)
        QVERIFY2(!logitlab::decimalToFormat(text, f).has_value(), std::string(logitlab::formatName(f)).c_str());
    QVERIFY(!logitlab::decimalToMp(text, 64).has_value());
}

void TestMpfrUtil::matchesCLibrary_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("kind"); // 0 random decimals, 1 midpoints, 2 above, 3 below midpoints
    const char *kinds[] = {"random decimals", "exact midpoints", "just above midpoints", "just below midpoints"};
    for (Format f : {Format::Float32, Format::Float64, Format::Float80})
        for (int k = 0; k < 4; ++k)
            QTest::addRow("%s %s vs strto*", std::string(logitlab::formatName(f)).c_str(), kinds[k]) << f << k;
}

void TestMpfrUtil::matchesCLibrary()
{
    QFETCH(Format, format);
    QFETCH(int, kind);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    Rng rng {0x5eed0000u + static_cast<std::uint64_t>(format) * 16 + static_cast<std::uint64_t>(kind)};
    // Decimal exponent range of the format, widened to reach overflow and total underflow.
    const int decMax = static_cast<int>(info.maxExponent * 0.30103) + 2;
    const int decMin = static_cast<int>((info.minExponent - info.precision) * 0.30103) - 2;
    const int n = format == Format::Float80 ? 300 : 1500;
    for (int i = 0; i < n; ++i) {
        std::string text;
        if (kind == 0) {
            text = randomDecimal(rng, decMin, decMax);
        } else {
            // A random value of the format (random binade, random significand), and its successor.
            const int e = info.minExponent - info.precision + 1
                + rng.below(info.maxExponent - info.minExponent + info.precision);
            const std::uint64_t sig = rng.next() >> (64 - info.precision);
            long double a = std::ldexp(static_cast<long double>(sig | 1), e - info.precision + 1);
            a = std::min(a, info.maxValue);
            // Snap subnormals to the format with the compiler's own conversion.
            if (format == Format::Float32)
                a = static_cast<float>(a);
            else if (format == Format::Float64)
                a = static_cast<double>(a);
            long double b = format == Format::Float32 ? std::nextafter(static_cast<float>(a), INFINITY)
                : format == Format::Float64 ? std::nextafter(static_cast<double>(a), static_cast<double>(INFINITY))
                                            : std::nextafterl(a, kInf);
            if (std::isinf(b))
                continue;
            text = midpointText(a, b, kind == 1 ? 0 : (kind == 2 ? 1 : -1));
        }
        const long double expected = viaCLibrary(text, format);
        const auto got = logitlab::decimalToFormat(text, format);
        QVERIFY2(got.has_value(), text.c_str());
        if (!tst::same(*got, expected))
            QFAIL(("text " + text.substr(0, 200) + ": got " + tst::show(*got) + ", strto* " + tst::show(expected))
                      .c_str());
    }
}

void TestMpfrUtil::hugeExponent_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<int>("wideSign"); // decimalToMp at its widest range: -2/+2 for -inf/+inf,
                                       // -1/+1 for -0/+0, 0 for a finite nonzero value
    const std::string sevens(40, '7');
    // Found by fuzz_numbertext: MPFR 4.2.0 alone reads this as -inf (its exponent wraps).
    QTest::newRow("leading zeros, exponent -1.8e40") << "-.0077777777777e-1" + sevens + "07075" << -1;
    QTest::newRow("leading zeros, exponent +1.8e40") << "-.0077777777777e+1" + sevens << -2;
    QTest::newRow("leading zeros, exponent -2^63") << std::string("0.000001e-9223372036854775808") << 1;
    QTest::newRow("leading zeros, exponent 2^63-1") << std::string("0.000001e9223372036854775807") << 2;
    QTest::newRow("exponent -3e18") << std::string("-0.01e-3000000000000000000") << -1;
    QTest::newRow("exponent 3e18 + 1") << std::string("0.01e3000000000000000001") << 2;
    QTest::newRow("zero exponent digits first") << std::string("0.5e-000000000000000000000000000000000001") << 0;
    QTest::newRow("zero mantissa, exponent 1e40") << "0.000e1" + sevens << 1;
    QTest::newRow("-0, exponent -1e40") << "-0e-1" + sevens << -1;
    // Inside MPFR's widest range (|exponent| < 1.39e18 decades): finite, not 0 or inf.
    QTest::newRow("exponent -1e18, finite when wide") << std::string("0.07e-1000000000000000000") << 0;
    QTest::newRow("exponent 1e18, finite when wide") << std::string("7e1000000000000000000") << 0;
}

void TestMpfrUtil::hugeExponent()
{
    QFETCH(std::string, text);
    QFETCH(int, wideSign);
    for (Format f : {Format::Float32, Format::Float64, Format::Float80}) {
        const auto got = logitlab::decimalToFormat(text, f);
        QVERIFY(got.has_value());
        const long double expected = viaCLibrary(text, f);
        if (!tst::same(*got, expected))
            QFAIL(("got " + tst::show(*got) + ", strto* " + tst::show(expected)).c_str());
    }
    const auto wide = logitlab::decimalToMp(text, 64);
    QVERIFY(wide.has_value());
    const mpfr_srcptr w = wide->mpfr_srcptr();
    const int sign = mpfr_signbit(w) ? -1 : 1;
    const int kind = mpfr_inf_p(w) ? 2 * sign : mpfr_zero_p(w) ? sign : 0;
    QCOMPARE(kind, wideSign);
}

void TestMpfrUtil::sixteenBitOracle_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("kind");
    const char *kinds[] = {"random decimals", "exact midpoints", "just above midpoints", "just below midpoints"};
    for (Format f : {Format::Float16, Format::BFloat16})
        for (int k = 0; k < 4; ++k)
            QTest::addRow("%s %s vs table", std::string(logitlab::formatName(f)).c_str(), kinds[k]) << f << k;
}

void TestMpfrUtil::sixteenBitOracle()
{
    QFETCH(Format, format);
    QFETCH(int, kind);
    const Table16 table = table16(format);
    Rng rng {0xbf16u + static_cast<std::uint64_t>(format) * 16 + static_cast<std::uint64_t>(kind)};
    const int decMax = format == Format::Float16 ? 5 : 39;
    const int decMin = format == Format::Float16 ? -9 : -42;
    for (int i = 0; i < 1500; ++i) {
        std::string text;
        if (kind == 0) {
            text = randomDecimal(rng, decMin, decMax);
        } else {
            const std::size_t j = static_cast<std::size_t>(rng.below(static_cast<int>(table.values.size()) - 1));
            text = midpointText(table.values[j], table.values[j + 1], kind == 1 ? 0 : (kind == 2 ? 1 : -1));
            if (rng.below(2))
                text = "-" + text;
        }
        mpfr::mpreal exact(0, 4000);
        {
            logitlab::WideExponentRange wide;
            mpfr_strtofr(exact.mpfr_ptr(), text.c_str(), nullptr, 10, MPFR_RNDN);
        }
        const long double expected = nearest16(exact, format, table);
        const auto got = logitlab::decimalToFormat(text, format);
        QVERIFY2(got.has_value(), text.c_str());
        if (!tst::same(*got, expected))
            QFAIL(("text " + text + ": got " + tst::show(*got) + ", oracle " + tst::show(expected)).c_str());
    }
}

void TestMpfrUtil::roundToFormat_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::string>("constant");
    QTest::addColumn<long double>("expected");
    // pi = 1.5707963... * 2. float16: 0.5707963 * 1024 = 584.5 (584.4895) -> 584 -> 3.140625
    // (0x4248); bfloat16: 0.5707963 * 128 = 73.06 -> 73 -> 3.140625 (0x4049); float32 0x40490fdb
    // = 3.1415927410125732421875; float64 M_PI; float80 M_PIl (glibc's 64-bit-correct constant).
    QTest::addRow("float16 pi") << Format::Float16 << std::string("pi") << 3.140625L;
    QTest::addRow("bfloat16 pi") << Format::BFloat16 << std::string("pi") << 3.140625L;
    QTest::addRow("float32 pi") << Format::Float32 << std::string("pi") << 3.1415927410125732421875L;
    QTest::addRow("float64 pi") << Format::Float64 << std::string("pi") << static_cast<long double>(M_PI);
    QTest::addRow("float80 pi") << Format::Float80 << std::string("pi")
                                << 3.14159265358979323851280895940618620443274267017841339111328125L;
    // ln 2 = 0.693147180559945309417...: float32 0x3f317218 = 0.693147182464599609375.
    QTest::addRow("float32 ln2") << Format::Float32 << std::string("ln2") << 0.693147182464599609375L;
    QTest::addRow("float64 ln2") << Format::Float64 << std::string("ln2") << static_cast<long double>(M_LN2);
    // Tiny and huge values built exactly in MPFR.
    QTest::addRow("float32 2^-150 tie -> 0") << Format::Float32 << std::string("2^-150") << 0.0L;
    QTest::addRow("float32 -2^-150 tie -> -0") << Format::Float32 << std::string("-2^-150") << -0.0L;
    QTest::addRow("float32 2^-150(1+2^-100) -> 2^-149")
        << Format::Float32 << std::string("2^-150+") << std::ldexp(1.0L, -149);
    QTest::addRow("float32 3*2^-150 tie -> 2^-148")
        << Format::Float32 << std::string("3*2^-150") << std::ldexp(1.0L, -148);
    QTest::addRow("float32 2^-1000 -> 0") << Format::Float32 << std::string("2^-1000") << 0.0L;
    QTest::addRow("float32 2^200 -> inf") << Format::Float32 << std::string("2^200") << kInf;
    QTest::addRow("float32 -2^200 -> -inf") << Format::Float32 << std::string("-2^200") << -kInf;
    QTest::addRow("float16 2^-25 tie -> 0") << Format::Float16 << std::string("2^-25") << 0.0L;
    QTest::addRow("float16 65520 -> inf") << Format::Float16 << std::string("65520") << kInf;
    QTest::addRow("float16 65519.9 -> max") << Format::Float16 << std::string("65520-") << 65504.0L;
    QTest::addRow("bfloat16 2^-134 tie -> 0") << Format::BFloat16 << std::string("2^-134") << 0.0L;
    QTest::addRow("float64 2^-1075 tie -> 0") << Format::Float64 << std::string("2^-1075") << 0.0L;
    QTest::addRow("float64 2^-1075(1+2^-100) -> 2^-1074")
        << Format::Float64 << std::string("2^-1075+") << std::ldexp(1.0L, -1074);
    QTest::addRow("float80 2^-16446 tie -> 0") << Format::Float80 << std::string("2^-16446") << 0.0L;
    QTest::addRow("float80 2^-16446(1+2^-100) -> 2^-16445")
        << Format::Float80 << std::string("2^-16446+") << LDBL_TRUE_MIN;
    QTest::addRow("float80 2^-20000 -> 0") << Format::Float80 << std::string("2^-20000") << 0.0L;
    QTest::addRow("float80 2^16384 -> inf") << Format::Float80 << std::string("2^16384") << kInf;
    QTest::addRow("float32 nan") << Format::Float32 << std::string("nan") << kNaN;
    QTest::addRow("float16 -inf") << Format::Float16 << std::string("-inf") << -kInf;
}

void TestMpfrUtil::roundToFormat()
{
    QFETCH(Format, format);
    QFETCH(std::string, constant);
    QFETCH(long double, expected);
    logitlab::WideExponentRange wide;
    mpfr::mpreal x(0, 300);
    if (constant == "pi")
        mpfr_const_pi(x.mpfr_ptr(), MPFR_RNDN);
    else if (constant == "ln2")
        mpfr_const_log2(x.mpfr_ptr(), MPFR_RNDN);
    else if (constant == "nan")
        mpfr_set_nan(x.mpfr_ptr());
    else if (constant == "-inf")
        mpfr_set_inf(x.mpfr_ptr(), -1);
    else if (constant == "65520")
        x = 65520;
    else if (constant == "65520-")
        x = mpfr::mpreal(65520, 300) - pow2(-200, 300);
    else if (constant == "3*2^-150")
        x = pow2(-150, 300) * 3;
    else {
        // "[-]2^k" optionally followed by "+" meaning times (1 + 2^-100).
        const bool negative = constant[0] == '-';
        const bool plus = constant.back() == '+';
        const long k = std::stol(constant.substr(negative ? 3 : 2));
        x = pow2(k, 300);
        if (plus)
            x += pow2(k - 100, 300);
        if (negative)
            x = -x;
    }
    LL_COMPARE(logitlab::roundToFormat(x, format), expected);
}

void TestMpfrUtil::roundToFormatRandom_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : logitlab::allFormats)
        QTest::addRow("%s random reals vs independent rounding", std::string(logitlab::formatName(f)).c_str()) << f;
}

void TestMpfrUtil::roundToFormatRandom()
{
    // Oracle: MPFR's own conversions mpfr_get_flt / mpfr_get_d / mpfr_get_ld (correctly rounded
    // to nearest, with subnormals), and the value table for the 16-bit formats.
    QFETCH(Format, format);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    const Table16 table = format == Format::Float16 || format == Format::BFloat16 ? table16(format) : Table16 {};
    Rng rng {0xabcdefu + static_cast<std::uint64_t>(format)};
    logitlab::WideExponentRange wide;
    for (int i = 0; i < 3000; ++i) {
        // Random 120-bit significand at a random exponent spanning underflow to overflow.
        mpfr::mpreal x(0, 120);
        mpfr_set_ui(x.mpfr_ptr(), static_cast<unsigned long>(rng.next() | 1), MPFR_RNDN);
        x = x * pow2(64, 120) + mpfr::mpreal(static_cast<unsigned long>(rng.next() >> 8), 120);
        const int span = info.maxExponent - info.minExponent + info.precision + 6;
        const long e = info.minExponent - info.precision - 3 + rng.below(span) - 120;
        mpfr_mul_2si(x.mpfr_ptr(), x.mpfr_srcptr(), e, MPFR_RNDN);
        if (rng.below(2))
            x = -x;
        long double expected;
        switch (format) {
        case Format::Float32: expected = mpfr_get_flt(x.mpfr_srcptr(), MPFR_RNDN); break;
        case Format::Float64: expected = mpfr_get_d(x.mpfr_srcptr(), MPFR_RNDN); break;
        case Format::Float80: expected = mpfr_get_ld(x.mpfr_srcptr(), MPFR_RNDN); break;
        default: expected = nearest16(x, format, table); break;
        }
        const long double got = logitlab::roundToFormat(x, format);
        if (!tst::same(got, expected))
            QFAIL(("x " + x.toString(40) + ": got " + tst::show(got) + ", oracle " + tst::show(expected)).c_str());
    }
}

void TestMpfrUtil::directedRounding_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::string>("value");
    QTest::addColumn<int>("rnd");
    QTest::addColumn<long double>("expected");
    // 1 + 2^-30 lies between 1 and 1 + 2^-23 in float32.
    QTest::addRow("float32 up 1+2^-30") << Format::Float32 << std::string("1+2^-30") << int(MPFR_RNDU)
                                        << 1.0L + std::ldexp(1.0L, -23);
    QTest::addRow("float32 down 1+2^-30") << Format::Float32 << std::string("1+2^-30") << int(MPFR_RNDD) << 1.0L;
    QTest::addRow("float32 nearest 1+2^-30") << Format::Float32 << std::string("1+2^-30") << int(MPFR_RNDN) << 1.0L;
    // Directed rounding never overflows to inf toward zero: -2^200 toward zero is -max.
    QTest::addRow("float32 toward zero -2^200")
        << Format::Float32 << std::string("-2^200") << int(MPFR_RNDZ) << -static_cast<long double>(FLT_MAX);
    QTest::addRow("float16 down 2^20") << Format::Float16 << std::string("2^20") << int(MPFR_RNDD) << 65504.0L;
    QTest::addRow("float16 up 2^-40") << Format::Float16 << std::string("2^-40") << int(MPFR_RNDU)
                                      << std::ldexp(1.0L, -24);
    QTest::addRow("float16 down 2^-40") << Format::Float16 << std::string("2^-40") << int(MPFR_RNDD) << 0.0L;
    QTest::addRow("bfloat16 up 1+2^-30") << Format::BFloat16 << std::string("1+2^-30") << int(MPFR_RNDU) << 1.0078125L;
}

void TestMpfrUtil::directedRounding()
{
    QFETCH(Format, format);
    QFETCH(std::string, value);
    QFETCH(int, rnd);
    QFETCH(long double, expected);
    logitlab::WideExponentRange wide;
    mpfr::mpreal x(0, 200);
    if (value == "1+2^-30")
        x = 1 + pow2(-30, 200);
    else if (value == "-2^200")
        x = -pow2(200, 200);
    else if (value == "2^20")
        x = pow2(20, 200);
    else
        x = pow2(-40, 200);
    LL_COMPARE(logitlab::roundToFormat(x.mpfr_srcptr(), format, static_cast<mpfr_rnd_t>(rnd)), expected);
}

void TestMpfrUtil::decimalToMp()
{
    // 0.1 at 53 bits: rounding down and up bracket it and differ by one ulp (2^-56 at 0.1).
    const auto down = logitlab::decimalToMp("0.1", 53, MPFR_RNDD);
    const auto up = logitlab::decimalToMp("0.1", 53, MPFR_RNDU);
    const auto nearest = logitlab::decimalToMp("0.1", 53);
    QVERIFY(down && up && nearest);
    QCOMPARE(down->get_prec(), mpfr_prec_t {53});
    QVERIFY(*down < *up);
    QCOMPARE(mpfr::mpreal(*up - *down).toLDouble(), std::ldexp(1.0L, -56));
    QCOMPARE(nearest->toDouble(), 0.1);
    // An exact decimal is exact in both directions.
    QVERIFY(*logitlab::decimalToMp("0.375", 10, MPFR_RNDD) == *logitlab::decimalToMp("0.375", 10, MPFR_RNDU));
    // Far beyond double: the wide exponent range keeps 1e-100000 non-zero and finite.
    const auto tiny = logitlab::decimalToMp("1e-100000", 64);
    QVERIFY(tiny && !mpfr::iszero(*tiny) && mpfr::isfinite(*tiny));
    const auto huge = logitlab::decimalToMp("-1e100000", 64);
    QVERIFY(huge && mpfr::isfinite(*huge) && *huge < 0);
    QVERIFY(mpfr::isnan(*logitlab::decimalToMp("nan", 64)));
    QVERIFY(mpfr::isinf(*logitlab::decimalToMp("-inf", 64)) && *logitlab::decimalToMp("-inf", 64) < 0);
}

void TestMpfrUtil::exactValueAndRange()
{
    const mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    {
        logitlab::WideExponentRange wide;
        QCOMPARE(mpfr_get_emin(), mpfr_get_emin_min());
        QCOMPARE(mpfr_get_emax(), mpfr_get_emax_max());
    }
    QCOMPARE(mpfr_get_emin(), emin);
    QCOMPARE(mpfr_get_emax(), emax);
    // roundToFormat and decimalToFormat restore the range they narrow.
    (void)logitlab::decimalToFormat("0.1", Format::Float16);
    (void)logitlab::roundToFormat(mpfr::mpreal(3), Format::Float16);
    QCOMPARE(mpfr_get_emin(), emin);
    QCOMPARE(mpfr_get_emax(), emax);
    for (long double x :
        {0.1L, -LDBL_TRUE_MIN, LDBL_MAX, 1.0L + LDBL_EPSILON, static_cast<long double>(FLT_TRUE_MIN)}) {
        const mpfr::mpreal e = logitlab::exactValue(x);
        QCOMPARE(e.get_prec(), logitlab::referencePrecision);
        QCOMPARE(e.toLDouble(), x);
    }
    QCOMPARE(logitlab::exactValue(1.0L, 10).get_prec(), mpfr_prec_t {64}); // never below 64 bits
}

void TestMpfrUtil::roundsStably_data()
{
    QTest::addColumn<std::string>("which");
    QTest::addColumn<bool>("stable");
    QTest::addRow("point 1") << std::string("[1,1]") << true;
    // 2^-70 is below half the float80 spacing 2^-63 at 1: every format rounds both ends to 1.
    QTest::addRow("1 + 2^-70") << std::string("[1,1+2^-70]") << true;
    // 1 + 2^-60 is a float80 value, distinct from 1: unstable.
    QTest::addRow("1 + 2^-60") << std::string("[1,1+2^-60]") << false;
    // Straddles the float16 midpoint 1 + 2^-11 (other formats: stable, float16 not).
    QTest::addRow("float16 midpoint") << std::string("[1+2^-11-2^-80,1+2^-11+2^-80]") << false;
    QTest::addRow("radius 0 nan") << std::string("nan") << true;
    QTest::addRow("radius 0 inf") << std::string("inf") << true;
    // Around 0 with a radius below half float80's smallest subnormal: every format gives 0.
    QTest::addRow("zero radius 2^-16500") << std::string("0 +- 2^-16500") << true;
    QTest::addRow("zero radius 2^-100") << std::string("0 +- 2^-100") << false;
}

void TestMpfrUtil::roundsStably()
{
    QFETCH(std::string, which);
    QFETCH(bool, stable);
    logitlab::WideExponentRange wide;
    const mpfr_prec_t p = 256;
    bool result = false;
    if (which == "[1,1]")
        result = logitlab::roundsToOneValue(mpfr::mpreal(1, p), mpfr::mpreal(1, p));
    else if (which == "[1,1+2^-70]")
        result = logitlab::roundsToOneValue(mpfr::mpreal(1, p), 1 + pow2(-70, p));
    else if (which == "[1,1+2^-60]")
        result = logitlab::roundsToOneValue(mpfr::mpreal(1, p), 1 + pow2(-60, p));
    else if (which == "nan")
        result = logitlab::roundsStably(mpfr::mpreal(std::numeric_limits<double>::quiet_NaN(), p), mpfr::mpreal(0, p));
    else if (which == "inf")
        result = logitlab::roundsStably(mpfr::mpreal(std::numeric_limits<double>::infinity(), p), mpfr::mpreal(0, p));
    else if (which == "0 +- 2^-16500")
        result = logitlab::roundsStably(mpfr::mpreal(0, p), pow2(-16500, p));
    else if (which == "0 +- 2^-100")
        result = logitlab::roundsStably(mpfr::mpreal(0, p), pow2(-100, p));
    else
        result = logitlab::roundsStably(1 + pow2(-11, p), pow2(-80, p));
    QCOMPARE(result, stable);
}

void TestMpfrUtil::refineUntilStable()
{
    std::vector<mpfr_prec_t> tried;
    const mpfr_prec_t last = logitlab::refineUntilStable([&](mpfr_prec_t p) {
        tried.push_back(p);
        return false;
    });
    QCOMPARE(last, logitlab::maxReferencePrecision);
    QCOMPARE(tried.front(), logitlab::referencePrecision);
    QCOMPARE(tried.size(), std::size_t {9}); // 256, 512, ..., 65536
    for (std::size_t i = 1; i < tried.size(); ++i)
        QCOMPARE(tried[i], 2 * tried[i - 1]);
    tried.clear();
    QCOMPARE(logitlab::refineUntilStable([&](mpfr_prec_t p) {
        tried.push_back(p);
        return p >= 1024;
    }),
        mpfr_prec_t {1024});
    QCOMPARE(tried.size(), std::size_t {3});
}

QTEST_APPLESS_MAIN(TestMpfrUtil)
#include "tst_mpfrutil.moc"

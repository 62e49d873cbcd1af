// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of float anatomy (core/precision/floatanatomy.h): bits, hex, exact decimal, neighbours. */
#include "ldcompare.h"

#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using logitlab::FloatClass;
using logitlab::Format;

Q_DECLARE_METATYPE(logitlab::FloatClass)

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();

std::string hexDigits(std::uint64_t v, int nibbles)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int i = nibbles - 1; i >= 0; --i)
        s += digits[(v >> (4 * i)) & 0xf];
    return s;
}

/** The storage bits of a value, taken from memory by the compiler's own types (independent of the code). */
std::string storageHex(long double x, Format f)
{
    switch (f) {
    case Format::Float16:
        return "0x" + hexDigits(Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(static_cast<float>(x))), 4);
    case Format::BFloat16: return "0x" + hexDigits(std::bit_cast<std::uint32_t>(static_cast<float>(x)) >> 16, 4);
    case Format::Float32: return "0x" + hexDigits(std::bit_cast<std::uint32_t>(static_cast<float>(x)), 8);
    case Format::Float64: return "0x" + hexDigits(std::bit_cast<std::uint64_t>(static_cast<double>(x)), 16);
    case Format::Float80: {
        unsigned char bytes[sizeof(long double)] = {};
        std::memcpy(bytes, &x, 10);
        std::uint64_t mantissa = 0;
        std::memcpy(&mantissa, bytes, 8);
        const std::uint16_t top = static_cast<std::uint16_t>(bytes[8] | (bytes[9] << 8));
        return "0x" + hexDigits(top, 4) + hexDigits(mantissa, 16);
    }
    }
    return {};
}

/** nextafter in the format, by the compiler's types (16-bit formats: +-1 on the bit pattern). */
long double stepBy(long double x, Format f, bool up)
{
    const long double target = up ? kInf : -kInf;
    switch (f) {
    case Format::Float32: return std::nextafter(static_cast<float>(x), static_cast<float>(target));
    case Format::Float64: return std::nextafter(static_cast<double>(x), static_cast<double>(target));
    case Format::Float80: return std::nextafterl(x, target);
    default: break;
    }
    // 16-bit: sign-magnitude bit pattern.
    const bool half = f == Format::Float16;
    std::uint16_t bits = half ? Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(static_cast<float>(x)))
                              : static_cast<std::uint16_t>(std::bit_cast<std::uint32_t>(static_cast<float>(x)) >> 16);
    const bool negative = bits & 0x8000;
    if ((bits & 0x7fff) == 0)
        bits = up ? 0x0001 : 0x8001;
    else if (up != negative)
        ++bits;
    else
        --bits;
    return half ? tst::halfFromBits(bits) : tst::bfloatFromBits(bits);
}

} // namespace

/** \brief Anatomy of stored values in every format. */
class TestFloatAnatomy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anatomy_data();
    void anatomy();
    void exhaustive16_data();
    void exhaustive16();
    void sampled_data();
    void sampled();
    void exactDecimal_data();
    void exactDecimal();
};

void TestFloatAnatomy::anatomy_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("value");
    QTest::addColumn<FloatClass>("kind");
    QTest::addColumn<std::string>("hex");
    QTest::addColumn<std::string>("bits");
    QTest::addColumn<std::string>("decimal");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<long double>("next");
    QTest::addColumn<long double>("previous");
    QTest::addColumn<long double>("ulp");

    const long double f32tenth = 0.100000001490116119384765625L;
    // float32 0.1 = 13421773 * 2^-27: sign 0, exponent -4 + 127 = 123 = 01111011, fraction
    // 13421773 - 2^23 = 5033165 = 0x4ccccd -> 0x3dcccccd; spacing 2^-4-23 = 2^-27.
    QTest::addRow("float32 0.1") << Format::Float32 << f32tenth << FloatClass::Normal << std::string("0x3dcccccd")
                                 << std::string("0 01111011 10011001100110011001101")
                                 << std::string("0.100000001490116119384765625") << -4
                                 << f32tenth + std::ldexp(1.0L, -27) << f32tenth - std::ldexp(1.0L, -27)
                                 << std::ldexp(1.0L, -27);
    // float80 1.0: exponent 16383 = 0x3fff, explicit integer bit -> 0x3fff8000000000000000.
    QTest::addRow("float80 1")
        << Format::Float80 << 1.0L << FloatClass::Normal << std::string("0x3fff8000000000000000")
        << std::string("0 011111111111111 1000000000000000000000000000000000000000000000000000000000000000")
        << std::string("1") << 0 << 1.0L + LDBL_EPSILON << 1.0L - LDBL_EPSILON / 2 << LDBL_EPSILON;
    // float16 65504 = (2 - 2^-10) 2^15: exponent 30 = 11110, fraction all ones -> 0x7bff.
    QTest::addRow("float16 max 65504") << Format::Float16 << 65504.0L << FloatClass::Normal << std::string("0x7bff")
                                       << std::string("0 11110 1111111111") << std::string("65504") << 15 << kInf
                                       << 65472.0L << 32.0L;
    QTest::addRow("float16 -max") << Format::Float16 << -65504.0L << FloatClass::Normal << std::string("0xfbff")
                                  << std::string("1 11110 1111111111") << std::string("-65504") << 15 << -65472.0L
                                  << -kInf << 32.0L;
    QTest::addRow("float16 1") << Format::Float16 << 1.0L << FloatClass::Normal << std::string("0x3c00")
                               << std::string("0 01111 0000000000") << std::string("1") << 0 << 1.0009765625L
                               << 0.99951171875L << 0.0009765625L;
    // Min subnormal 2^-24: exponent field 0, fraction 1; next 2^-23, previous +0.
    QTest::addRow("float16 min subnormal")
        << Format::Float16 << std::ldexp(1.0L, -24) << FloatClass::Subnormal << std::string("0x0001")
        << std::string("0 00000 0000000001") << std::string("0.000000059604644775390625") << -14
        << std::ldexp(1.0L, -23) << 0.0L << std::ldexp(1.0L, -24);
    // Min normal 2^-14: previous is the largest subnormal 2^-14 - 2^-24 (same spacing below).
    QTest::addRow("float16 min normal") << Format::Float16 << std::ldexp(1.0L, -14) << FloatClass::Normal
                                        << std::string("0x0400") << std::string("0 00001 0000000000")
                                        << std::string("0.00006103515625") << -14
                                        << std::ldexp(1.0L, -14) + std::ldexp(1.0L, -24)
                                        << std::ldexp(1.0L, -14) - std::ldexp(1.0L, -24) << std::ldexp(1.0L, -24);
    QTest::addRow("float16 +0") << Format::Float16 << 0.0L << FloatClass::Zero << std::string("0x0000")
                                << std::string("0 00000 0000000000") << std::string("0") << -14 << std::ldexp(1.0L, -24)
                                << -std::ldexp(1.0L, -24) << std::ldexp(1.0L, -24);
    QTest::addRow("float16 -0") << Format::Float16 << -0.0L << FloatClass::Zero << std::string("0x8000")
                                << std::string("1 00000 0000000000") << std::string("-0") << -14
                                << std::ldexp(1.0L, -24) << -std::ldexp(1.0L, -24) << std::ldexp(1.0L, -24);
    QTest::addRow("float16 inf") << Format::Float16 << kInf << FloatClass::Infinite << std::string("0x7c00")
                                 << std::string("0 11111 0000000000") << std::string("inf") << 16 << kInf << 65504.0L
                                 << 32.0L;
    QTest::addRow("float16 -inf") << Format::Float16 << -kInf << FloatClass::Infinite << std::string("0xfc00")
                                  << std::string("1 11111 0000000000") << std::string("-inf") << 16 << -65504.0L
                                  << -kInf << 32.0L;
    QTest::addRow("float16 nan") << Format::Float16 << kNaN << FloatClass::NaN << std::string("0x7e00")
                                 << std::string("0 11111 1000000000") << std::string("nan") << 16 << kNaN << kNaN
                                 << kNaN;
    // bfloat16 1 = 0x3f80, epsilon 2^-7; below 1 the spacing is 2^-8.
    QTest::addRow("bfloat16 1") << Format::BFloat16 << 1.0L << FloatClass::Normal << std::string("0x3f80")
                                << std::string("0 01111111 0000000") << std::string("1") << 0 << 1.0078125L
                                << 0.99609375L << 0.0078125L;
    QTest::addRow("bfloat16 max") << Format::BFloat16 << tst::bfloatFromBits(0x7f7f) << FloatClass::Normal
                                  << std::string("0x7f7f") << std::string("0 11111110 1111111")
                                  << std::string("338953138925153547590470800371487866880") << 127 << kInf
                                  << tst::bfloatFromBits(0x7f7e) << std::ldexp(1.0L, 120);
    QTest::addRow("bfloat16 nan") << Format::BFloat16 << kNaN << FloatClass::NaN << std::string("0x7fc0")
                                  << std::string("0 11111111 1000000") << std::string("nan") << 128 << kNaN << kNaN
                                  << kNaN;
    QTest::addRow("float32 min subnormal")
        << Format::Float32 << static_cast<long double>(FLT_TRUE_MIN) << FloatClass::Subnormal
        << std::string("0x00000001") << std::string("0 00000000 00000000000000000000001")
        << std::string("0."
                       "00000000000000000000000000000000000000000000140129846432481707092372958328991613128026194187651"
                       "577175706828388979108268586060148663818836212158203125")
        << -126 << std::ldexp(1.0L, -148) << 0.0L << static_cast<long double>(FLT_TRUE_MIN);
    QTest::addRow("float32 -min subnormal")
        << Format::Float32 << -static_cast<long double>(FLT_TRUE_MIN) << FloatClass::Subnormal
        << std::string("0x80000001") << std::string("1 00000000 00000000000000000000001")
        << std::string("-0."
                       "00000000000000000000000000000000000000000000140129846432481707092372958328991613128026194187651"
                       "577175706828388979108268586060148663818836212158203125")
        << -126 << -0.0L << -std::ldexp(1.0L, -148) << static_cast<long double>(FLT_TRUE_MIN);
    QTest::addRow("float32 max") << Format::Float32 << static_cast<long double>(FLT_MAX) << FloatClass::Normal
                                 << std::string("0x7f7fffff") << std::string("0 11111110 11111111111111111111111")
                                 << std::string("340282346638528859811704183484516925440") << 127 << kInf
                                 << static_cast<long double>(std::nextafter(FLT_MAX, 0.0f)) << std::ldexp(1.0L, 104);
    QTest::addRow("float32 inf") << Format::Float32 << kInf << FloatClass::Infinite << std::string("0x7f800000")
                                 << std::string("0 11111111 00000000000000000000000") << std::string("inf") << 128
                                 << kInf << static_cast<long double>(FLT_MAX) << std::ldexp(1.0L, 104);
    QTest::addRow("float32 nan") << Format::Float32 << kNaN << FloatClass::NaN << std::string("0x7fc00000")
                                 << std::string("0 11111111 10000000000000000000000") << std::string("nan") << 128
                                 << kNaN << kNaN << kNaN;
    QTest::addRow("float64 0.1") << Format::Float64 << static_cast<long double>(0.1) << FloatClass::Normal
                                 << std::string("0x3fb999999999999a")
                                 << std::string("0 01111111011 1001100110011001100110011001100110011001100110011010")
                                 << std::string("0.1000000000000000055511151231257827021181583404541015625") << -4
                                 << static_cast<long double>(std::nextafter(0.1, 1.0))
                                 << static_cast<long double>(std::nextafter(0.1, 0.0)) << std::ldexp(1.0L, -56);
    QTest::addRow("float64 min subnormal")
        << Format::Float64 << static_cast<long double>(DBL_TRUE_MIN) << FloatClass::Subnormal
        << std::string("0x0000000000000001")
        << std::string("0 00000000000 0000000000000000000000000000000000000000000000000001")
        << logitlab::exactDecimal(static_cast<long double>(DBL_TRUE_MIN)) << -1022 << std::ldexp(1.0L, -1073) << 0.0L
        << std::ldexp(1.0L, -1074);
    QTest::addRow("float64 -0") << Format::Float64 << -0.0L << FloatClass::Zero << std::string("0x8000000000000000")
                                << std::string("1 00000000000 0000000000000000000000000000000000000000000000000000")
                                << std::string("-0") << -1022 << std::ldexp(1.0L, -1074) << -std::ldexp(1.0L, -1074)
                                << std::ldexp(1.0L, -1074);
    // float80 infinity and NaN keep the explicit integer bit: 0x7fff8000..., 0x7fffc000...
    QTest::addRow("float80 inf")
        << Format::Float80 << kInf << FloatClass::Infinite << std::string("0x7fff8000000000000000")
        << std::string("0 111111111111111 1000000000000000000000000000000000000000000000000000000000000000")
        << std::string("inf") << 16384 << kInf << LDBL_MAX << std::ldexp(1.0L, 16320);
    QTest::addRow("float80 nan")
        << Format::Float80 << kNaN << FloatClass::NaN << std::string("0x7fffc000000000000000")
        << std::string("0 111111111111111 1100000000000000000000000000000000000000000000000000000000000000")
        << std::string("nan") << 16384 << kNaN << kNaN << kNaN;
    // float80 subnormals: exponent field 0 and integer bit 0.
    QTest::addRow("float80 min subnormal")
        << Format::Float80 << LDBL_TRUE_MIN << FloatClass::Subnormal << std::string("0x00000000000000000001")
        << std::string("0 000000000000000 0000000000000000000000000000000000000000000000000000000000000001")
        << logitlab::exactDecimal(LDBL_TRUE_MIN) << -16382 << 2 * LDBL_TRUE_MIN << 0.0L << LDBL_TRUE_MIN;
    QTest::addRow("float80 max")
        << Format::Float80 << LDBL_MAX << FloatClass::Normal << std::string("0x7ffeffffffffffffffff")
        << std::string("0 111111111111110 1111111111111111111111111111111111111111111111111111111111111111")
        << logitlab::exactDecimal(LDBL_MAX) << 16383 << kInf << std::nextafterl(LDBL_MAX, 0.0L)
        << std::ldexp(1.0L, 16320);
}

void TestFloatAnatomy::anatomy()
{
    QFETCH(Format, format);
    QFETCH(long double, value);
    QFETCH(FloatClass, kind);
    QFETCH(std::string, hex);
    QFETCH(std::string, bits);
    QFETCH(std::string, decimal);
    QFETCH(int, exponent);
    QFETCH(long double, next);
    QFETCH(long double, previous);
    QFETCH(long double, ulp);
    const logitlab::FloatAnatomy a = logitlab::anatomize(value, format);
    QCOMPARE(a.format, format);
    QCOMPARE(a.kind, kind);
    QCOMPARE(a.hex, hex);
    QCOMPARE(a.bits, bits);
    QCOMPARE(a.signBit + " " + a.exponentBits + " " + a.mantissaBits, bits);
    QCOMPARE(a.negative, bits[0] == '1');
    QCOMPARE(a.exactDecimal, decimal);
    QCOMPARE(a.exponent, exponent);
    LL_COMPARE(a.value, value);
    LL_COMPARE(a.next, next);
    LL_COMPARE(a.previous, previous);
    LL_COMPARE(a.ulp, ulp);
    if (kind != FloatClass::NaN) // NaN payloads are implementation-defined; finite and inf bits must match memory
        QCOMPARE(a.hex, storageHex(value, format));
}

void TestFloatAnatomy::exhaustive16_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("every float16 value") << Format::Float16;
    QTest::addRow("every bfloat16 value") << Format::BFloat16;
}

void TestFloatAnatomy::exhaustive16()
{
    // Every non-NaN bit pattern: hex, neighbours and ulp against the bit pattern itself.
    QFETCH(Format, format);
    const bool half = format == Format::Float16;
    const std::uint16_t expMask = half ? 0x7c00 : 0x7f80;
    for (std::uint32_t b = 0; b < 0x10000; ++b) {
        const auto bits = static_cast<std::uint16_t>(b);
        if ((bits & expMask) == expMask && (bits & ~(expMask | 0x8000)) != 0)
            continue; // NaN
        const long double v = half ? tst::halfFromBits(bits) : tst::bfloatFromBits(bits);
        const logitlab::FloatAnatomy a = logitlab::anatomize(v, format);
        const std::string want = "0x" + hexDigits(bits, 4);
        if (a.hex != want)
            QFAIL(("bits " + want + ": hex " + a.hex).c_str());
        if (!std::isinf(v)) {
            if (!tst::same(a.next, stepBy(v, format, true)) && !(v == 0 && a.next == stepBy(v, format, true)))
                QFAIL(
                    ("bits " + want + ": next " + tst::show(a.next) + " expected " + tst::show(stepBy(v, format, true)))
                        .c_str());
            if (!(a.previous == stepBy(v, format, false)))
                QFAIL(("bits " + want + ": previous " + tst::show(a.previous)).c_str());
            // ulp at v = spacing just above |v| in the binade of |v| (the next up from |v|).
            const long double up = stepBy(std::fabs(v), format, true);
            if (!std::isinf(up) && !(a.ulp == up - std::fabs(v)))
                QFAIL(("bits " + want + ": ulp " + tst::show(a.ulp)).c_str());
        }
        // The exact decimal reads back exactly (MPFR at 64 bits, ternary 0).
        if (std::isfinite(v)) {
            mpfr_t r;
            mpfr_init2(r, 64);
            const int ternary = mpfr_strtofr(r, a.exactDecimal.c_str(), nullptr, 10, MPFR_RNDN);
            const long double back = mpfr_get_ld(r, MPFR_RNDN);
            mpfr_clear(r);
            if (ternary != 0 || back != v)
                QFAIL(("bits " + want + ": exact decimal " + a.exactDecimal).c_str());
        }
    }
}

void TestFloatAnatomy::sampled_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("float32 sampled bit patterns") << Format::Float32;
    QTest::addRow("float64 sampled bit patterns") << Format::Float64;
    QTest::addRow("float80 sampled values") << Format::Float80;
}

void TestFloatAnatomy::sampled()
{
    QFETCH(Format, format);
    testsupport::SplitMix64 rng {12345};
    for (int i = 0; i < 20000; ++i) {
        const long double v = testsupport::randomValue(format, rng);
        if (std::isnan(v))
            continue;
        const logitlab::FloatAnatomy a = logitlab::anatomize(v, format);
        if (a.hex != storageHex(v, format))
            QFAIL(("hex of " + tst::show(v) + ": " + a.hex + " vs " + storageHex(v, format)).c_str());
        if (!(a.next == stepBy(v, format, true)) || !(a.previous == stepBy(v, format, false)))
            QFAIL(("neighbours of " + tst::show(v)).c_str());
    }
}

void TestFloatAnatomy::exactDecimal_data()
{
    QTest::addColumn<long double>("value");
    QTest::addColumn<std::string>("text");
    QTest::addRow("0.5") << 0.5L << std::string("0.5");
    QTest::addRow("-3") << -3.0L << std::string("-3");
    QTest::addRow("2^-10") << std::ldexp(1.0L, -10) << std::string("0.0009765625");
    QTest::addRow("2^64") << std::ldexp(1.0L, 64) << std::string("18446744073709551616");
    QTest::addRow("2^100") << std::ldexp(1.0L, 100) << std::string("1267650600228229401496703205376");
    QTest::addRow("1 + 2^-63") << 1.0L + LDBL_EPSILON
                               << std::string("1.000000000000000000108420217248550443400745280086994171142578125");
    QTest::addRow("-0.1f") << -0.100000001490116119384765625L << std::string("-0.100000001490116119384765625");
    QTest::addRow("1e-45 written out")
        << static_cast<long double>(FLT_TRUE_MIN)
        << std::string("0."
                       "00000000000000000000000000000000000000000000140129846432481707092372958328991613128026194187651"
                       "577175706828388979108268586060148663818836212158203125");
    QTest::addRow("+0") << 0.0L << std::string("0");
    QTest::addRow("-0") << -0.0L << std::string("-0");
    QTest::addRow("inf") << kInf << std::string("inf");
    QTest::addRow("-inf") << -kInf << std::string("-inf");
    QTest::addRow("nan") << kNaN << std::string("nan");
}

void TestFloatAnatomy::exactDecimal()
{
    QFETCH(long double, value);
    QFETCH(std::string, text);
    QCOMPARE(logitlab::exactDecimal(value), text);
}

QTEST_APPLESS_MAIN(TestFloatAnatomy)
#include "tst_floatanatomy.moc"

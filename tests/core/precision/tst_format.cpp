// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the format table (core/precision/format.h) against IEEE 754 / <cfloat> / MPFR. */
#include "ldcompare.h"

#include "precision/format.h"

#include <mpfr.h>

#include <QTest>

#include <cfloat>
#include <cmath>
#include <string>

using logitlab::Format;

namespace {

/** ln(x) computed at 256 bits, then rounded once to long double: an independent reference. */
long double lnReference(long double x)
{
    mpfr_t v;
    mpfr_init2(v, 256);
    mpfr_set_ld(v, x, MPFR_RNDN);
    mpfr_log(v, v, MPFR_RNDN);
    const long double r = mpfr_get_ld(v, MPFR_RNDN);
    mpfr_clear(v);
    return r;
}

/** k * ln 2 at 256 bits rounded to long double (ln of a power of two). */
long double kLn2(long k)
{
    mpfr_t v;
    mpfr_init2(v, 256);
    mpfr_const_log2(v, MPFR_RNDN);
    mpfr_mul_si(v, v, k, MPFR_RNDN);
    const long double r = mpfr_get_ld(v, MPFR_RNDN);
    mpfr_clear(v);
    return r;
}

} // namespace

/** \brief Format constants, aliases and names. */
class TestFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constants_data();
    void constants();
    void lnConstants_data();
    void lnConstants();
    void publishedLnMax_data();
    void publishedLnMax();
    void epsilonIsNotEigens();
    void parseFormat_data();
    void parseFormat();
    void names_data();
    void names();
};

void TestFormat::constants_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("emin");
    QTest::addColumn<int>("emax");
    QTest::addColumn<int>("exponentBits");
    QTest::addColumn<int>("storageBits");
    QTest::addColumn<bool>("explicitBit");
    QTest::addColumn<long double>("epsilon");
    QTest::addColumn<long double>("maxValue");
    QTest::addColumn<long double>("minNormal");
    QTest::addColumn<long double>("minSubnormal");

    // IEEE 754-2008 table 3.5 (binary16): p = 11, emax = 15; max = (2 - 2^-10) * 2^15 = 65504.
    QTest::addRow("float16") << Format::Float16 << 11 << -14 << 15 << 5 << 16 << false
                             << 0.0009765625L /* 2^-10, not Eigen's 2^-13 */ << 65504.0L
                             << 0.00006103515625L /* 2^-14 */
                             << 0.000000059604644775390625L /* 2^-24 */;
    // bfloat16: float32's exponent, 8 significant bits. max = (2 - 2^-7) * 2^127.
    QTest::addRow("bfloat16") << Format::BFloat16 << 8 << -126 << 127 << 8 << 16 << false
                              << 0.0078125L /* 2^-7 */ << 3.38953138925153547590470800371487866880e38L
                              << static_cast<long double>(FLT_MIN) << std::ldexp(1.0L, -133);
    QTest::addRow("float32") << Format::Float32 << 24 << -126 << 127 << 8 << 32 << false
                             << static_cast<long double>(FLT_EPSILON) << static_cast<long double>(FLT_MAX)
                             << static_cast<long double>(FLT_MIN) << static_cast<long double>(FLT_TRUE_MIN);
    QTest::addRow("float64") << Format::Float64 << 53 << -1022 << 1023 << 11 << 64 << false
                             << static_cast<long double>(DBL_EPSILON) << static_cast<long double>(DBL_MAX)
                             << static_cast<long double>(DBL_MIN) << static_cast<long double>(DBL_TRUE_MIN);
    QTest::addRow("float80") << Format::Float80 << 64 << -16382 << 16383 << 15 << 80 << true << LDBL_EPSILON << LDBL_MAX
                             << LDBL_MIN << LDBL_TRUE_MIN;
}

void TestFormat::constants()
{
    QFETCH(Format, format);
    QFETCH(int, precision);
    QFETCH(int, emin);
    QFETCH(int, emax);
    QFETCH(int, exponentBits);
    QFETCH(int, storageBits);
    QFETCH(bool, explicitBit);
    QFETCH(long double, epsilon);
    QFETCH(long double, maxValue);
    QFETCH(long double, minNormal);
    QFETCH(long double, minSubnormal);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    QCOMPARE(info.format, format);
    QCOMPARE(info.precision, precision);
    QCOMPARE(info.minExponent, emin);
    QCOMPARE(info.maxExponent, emax);
    QCOMPARE(info.exponentBits, exponentBits);
    QCOMPARE(info.storageBits, storageBits);
    QCOMPARE(info.explicitLeadingBit, explicitBit);
    LL_COMPARE(info.epsilon, epsilon);
    LL_COMPARE(info.maxValue, maxValue);
    LL_COMPARE(info.minNormal, minNormal);
    LL_COMPARE(info.minSubnormal, minSubnormal);
    // Internal consistency with the definitions: eps = 2^(1-p), min subnormal = 2^(emin-p+1).
    LL_COMPARE(info.epsilon, std::ldexp(1.0L, 1 - precision));
    LL_COMPARE(info.minSubnormal, std::ldexp(1.0L, emin - precision + 1));
    // Storage: sign + exponent + stored significand bits.
    QCOMPARE(1 + exponentBits + (explicitBit ? precision : precision - 1), storageBits);
}

void TestFormat::lnConstants_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : logitlab::allFormats)
        QTest::addRow("%s", std::string(logitlab::formatName(f)).c_str()) << f;
}

void TestFormat::lnConstants()
{
    QFETCH(Format, format);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    // Correctly rounded to long double: compare with a 256-bit MPFR log rounded once.
    LL_COMPARE(info.lnMax, lnReference(info.maxValue));
    // ln(2^emin) = emin * ln 2, ln(2^(emin-p+1)) = (emin-p+1) * ln 2.
    LL_COMPARE(info.lnMinNormal, kLn2(info.minExponent));
    LL_COMPARE(info.lnMinSubnormal, kLn2(info.minExponent - info.precision + 1));
    // And the C library agrees to within an ulp of long double.
    QVERIFY(std::fabs(info.lnMax - std::log(info.maxValue)) <= std::fabs(info.lnMax) * LDBL_EPSILON);
    // exp(lnMax) must not exceed max by more than the rounding of lnMax (sanity of the direction).
    QVERIFY(info.lnMinSubnormal < info.lnMinNormal);
    QVERIFY(info.lnMinNormal < 0 && info.lnMax > 0);
}

void TestFormat::publishedLnMax_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("published");
    QTest::addColumn<double>("lnMinNormal");
    // The figures, 4 decimals. ln 65504 = 11.0898664..., ln FLT_MAX = 88.7228391...,
    // ln((2-2^-7) 2^127) = 127 ln 2 + ln 1.9921875 = 88.0296919 + 0.6892376 = 88.7189295,
    // ln DBL_MAX = 709.7827128..., ln LDBL_MAX = 11356.5234062...
    // ln min normal = emin ln 2: -9.7040605 (f16), -87.3365448 (f32, bf16), -708.3964185 (f64),
    // -11355.1371119 (f80).
    QTest::addRow("float16 lnMax 11.0899") << Format::Float16 << 11.0899 << -9.7041;
    QTest::addRow("bfloat16 lnMax 88.7189") << Format::BFloat16 << 88.7189 << -87.3365;
    QTest::addRow("float32 lnMax 88.7228") << Format::Float32 << 88.7228 << -87.3365;
    QTest::addRow("float64 lnMax 709.7827") << Format::Float64 << 709.7827 << -708.3964;
    QTest::addRow("float80 lnMax 11356.5234") << Format::Float80 << 11356.5234 << -11355.1371;
}

void TestFormat::publishedLnMax()
{
    QFETCH(Format, format);
    QFETCH(double, published);
    QFETCH(double, lnMinNormal);
    const logitlab::FormatInfo &info = logitlab::formatInfo(format);
    QVERIFY2(std::fabs(static_cast<double>(info.lnMax) - published) < 0.5e-4, tst::show(info.lnMax).c_str());
    QVERIFY2(
        std::fabs(static_cast<double>(info.lnMinNormal) - lnMinNormal) < 0.5e-4, tst::show(info.lnMinNormal).c_str());
}

void TestFormat::epsilonIsNotEigens()
{
    // The trap: Eigen 3.4's NumTraits<half>::epsilon() is 2^-13. The distance from 1 to
    // the next float16 is the bit pattern 0x3c01 minus 0x3c00 = 2^-10.
    const long double nextAfterOne = tst::halfFromBits(0x3c01);
    LL_COMPARE(logitlab::formatInfo(Format::Float16).epsilon, nextAfterOne - 1.0L);
    const long double bfNextAfterOne = tst::bfloatFromBits(0x3f81);
    LL_COMPARE(logitlab::formatInfo(Format::BFloat16).epsilon, bfNextAfterOne - 1.0L);
    LL_COMPARE(logitlab::formatInfo(Format::Float16).maxValue, tst::halfFromBits(0x7bff));
    LL_COMPARE(logitlab::formatInfo(Format::BFloat16).maxValue, tst::bfloatFromBits(0x7f7f));
    LL_COMPARE(logitlab::formatInfo(Format::Float16).minSubnormal, tst::halfFromBits(0x0001));
    LL_COMPARE(logitlab::formatInfo(Format::BFloat16).minSubnormal, tst::bfloatFromBits(0x0001));
}

void TestFormat::parseFormat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Format>("expected");
    const struct {
        const char *text;
        Format f;
    } good[] = {
        {"float16", Format::Float16},
        {"half", Format::Float16},
        {"fp16", Format::Float16},
        {"FLOAT16", Format::Float16},
        {"Half", Format::Float16},
        {"FP16", Format::Float16},
        {"bfloat16", Format::BFloat16},
        {"bf16", Format::BFloat16},
        {"BFloat16", Format::BFloat16},
        {"BF16", Format::BFloat16},
        {"float32", Format::Float32},
        {"float", Format::Float32},
        {"fp32", Format::Float32},
        {"Float", Format::Float32},
        {"FP32", Format::Float32},
        {"float64", Format::Float64},
        {"double", Format::Float64},
        {"fp64", Format::Float64},
        {"DOUBLE", Format::Float64},
        {"Float64", Format::Float64},
        {"float80", Format::Float80},
        {"longdouble", Format::Float80},
        {"LongDouble", Format::Float80},
        {"FLOAT80", Format::Float80},
    };
    for (const auto &g : good)
        QTest::addRow("alias %s", g.text) << QByteArray(g.text) << true << g.f;
    for (const char *bad : {"", "float128", "fp8", "int", "f32", "bfloat", "half ", " float32", "float 32", "float16x",
             "fp", "double64", "e4m3", "1"})
        QTest::addRow("unknown '%s'", bad) << QByteArray(bad) << false << Format::Float32;
}

void TestFormat::parseFormat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(Format, expected);
    const auto parsed
        = logitlab::parseFormat(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, expected);
}

void TestFormat::names_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QByteArray>("name");
    QTest::addRow("float16") << Format::Float16 << QByteArray("float16");
    QTest::addRow("bfloat16") << Format::BFloat16 << QByteArray("bfloat16");
    QTest::addRow("float32") << Format::Float32 << QByteArray("float32");
    QTest::addRow("float64") << Format::Float64 << QByteArray("float64");
    QTest::addRow("float80") << Format::Float80 << QByteArray("float80");
}

void TestFormat::names()
{
    QFETCH(Format, format);
    QFETCH(QByteArray, name);
    QCOMPARE(QByteArray(std::string(logitlab::formatName(format)).c_str()), name);
    QCOMPARE(QByteArray(std::string(logitlab::formatInfo(format).name).c_str()), name);
    QCOMPARE(logitlab::parseFormat(logitlab::formatName(format)), std::optional<Format>(format));
}

QTEST_APPLESS_MAIN(TestFormat)
#include "tst_format.moc"

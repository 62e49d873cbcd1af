// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of expression evaluation in a format beside its exact value (core/expr/expressionresult.h). */
#include "../precision/ldcompare.h"

#include "expr/expressionresult.h"
#include "precision/mpfrutil.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

using logitlab::Format;
Q_DECLARE_METATYPE(logitlab::ExactStatus)

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();
constexpr double dInf = std::numeric_limits<double>::infinity();

enum Flag { NoFlag = 0, NaNFlag = 1, OverflowFlag = 2, UnderflowFlag = 4 };

/** The exact value named by a row: a decimal, "nan", or "e^k" / "sqrt2" computed here at 1000 bits. */
mpfr::mpreal exactOf(const std::string &text)
{
    logitlab::WideExponentRange wide;
    mpfr::mpreal x(0, 1000);
    if (text.rfind("e^", 0) == 0) {
        mpfr_set_si(x.mpfr_ptr(), std::stol(text.substr(2)), MPFR_RNDN);
        mpfr_exp(x.mpfr_ptr(), x.mpfr_srcptr(), MPFR_RNDN);
    } else if (text == "sqrt2") {
        mpfr_set_ui(x.mpfr_ptr(), 2, MPFR_RNDN);
        mpfr_sqrt(x.mpfr_ptr(), x.mpfr_srcptr(), MPFR_RNDN);
    } else {
        x = *logitlab::decimalToMp(text, 1000);
    }
    return x;
}

/** Floats apart, from the bit patterns (independent of ulpDistance()). */
long long floatsApart(float a, float b)
{
    auto ord = [](float x) {
        const auto v = std::bit_cast<std::int32_t>(x);
        return v < 0 ? -static_cast<long long>(v & 0x7fffffff) : static_cast<long long>(v);
    };
    return std::llabs(ord(a) - ord(b));
}
long long doublesApart(double a, double b)
{
    auto ord = [](double x) {
        const auto v = std::bit_cast<std::int64_t>(x);
        return v < 0 ? -(v & 0x7fffffffffffffffLL) : v;
    };
    return std::llabs(ord(a) - ord(b));
}

logitlab::ExpressionResult evaluateText(const std::string &text, Format f)
{
    auto parsed = logitlab::parseExpression(text);
    auto *e = std::get_if<logitlab::Expression>(&parsed);
    if (!e)
        return {};
    return logitlab::evaluateExpression(*e, f);
}

} // namespace

/** \brief Each operation rounded in the format; the exact value by interval MPFR. */
class TestExpressionResult : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void seedSteps();
    void budget_data();
    void budget();
    void beyondRange_data();
    void beyondRange();
    void timeBudget();
    void cancelled();
};

void TestExpressionResult::evaluate_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<long double>("value");
    QTest::addColumn<std::string>("exact");
    QTest::addColumn<long double>("exactRounded");
    QTest::addColumn<int>("flags");
    QTest::addColumn<double>("ulpDistance"); // -1: not checked

    // The compiler's IEEE arithmetic is the independent reference for the value in the format
    // (volatile keeps it from folding at higher precision; the test target has -ffp-contract=off).
    volatile float f1 = 1, f2 = 2, f1e4 = 10000;
    const float f32Diff = (f1 + f1 / f1e4) - (f1 - f1 / f1e4);
    const float f32Seed = f2 / f1e4;
    const float f32Exact = std::strtof("0.0002", nullptr); // glibc: correctly rounded
    volatile double d1 = 1, d2 = 2, d1e4 = 10000, d01 = 0.1, d02 = 0.2;
    const double f64Diff = (d1 + d1 / d1e4) - (d1 - d1 / d1e4);
    const double f64Seed = d2 / d1e4;
    const double f64Exact = std::strtod("0.0002", nullptr);

    // The figures, recomputed from bit patterns: 2281 and 813 floats apart.
    QCOMPARE(floatsApart(f32Diff, f32Exact), 2281LL);
    QCOMPARE(doublesApart(f64Diff, f64Exact), 813LL);

    QTest::addRow("float32 (1+1/10000)-(1-1/10000) 2281 floats off")
        << Format::Float32 << std::string("(1+1/10000)-(1-1/10000)") << static_cast<long double>(f32Diff)
        << std::string("0.0002") << static_cast<long double>(f32Exact) << int(NoFlag) << 2281.0;
    QTest::addRow("float32 2/10000 exact")
        << Format::Float32 << std::string("2/10000") << static_cast<long double>(f32Seed) << std::string("0.0002")
        << static_cast<long double>(f32Exact) << int(NoFlag) << 0.0;
    QTest::addRow("float64 (1+1/10000)-(1-1/10000) 813 floats off")
        << Format::Float64 << std::string("(1+1/10000)-(1-1/10000)") << static_cast<long double>(f64Diff)
        << std::string("0.0002") << static_cast<long double>(f64Exact) << int(NoFlag) << 813.0;
    QTest::addRow("float64 2/10000 exact")
        << Format::Float64 << std::string("2/10000") << static_cast<long double>(f64Seed) << std::string("0.0002")
        << static_cast<long double>(f64Exact) << int(NoFlag) << 0.0;
    // 0.1 + 0.2 = 0.30000000000000004 in float64, one float above 0.3.
    QTest::addRow("float64 0.1+0.2") << Format::Float64 << std::string("0.1+0.2") << static_cast<long double>(d01 + d02)
                                     << std::string("0.3") << static_cast<long double>(0.3) << int(NoFlag) << 1.0;
    QTest::addRow("float80 0.1+0.2") << Format::Float80 << std::string("0.1+0.2") << 0.1L + 0.2L << std::string("0.3")
                                     << 0.3L << int(NoFlag) << -1.0;
    // float16: 0.1 -> 1638 * 2^-14, 0.2 -> 1638 * 2^-13; sum = 4914 * 2^-14 = 1228.5 * 2^-12, and
    // the spacing in [0.25, 0.5) is 2^-12: a tie, to even 1228 * 2^-12 = 0.2998046875.
    // 0.3 itself: 0.3 * 4096 = 1228.8 -> 1229 * 2^-12 = 0.300048828125: one float apart.
    QTest::addRow("float16 0.1+0.2") << Format::Float16 << std::string("0.1+0.2") << 0.2998046875L << std::string("0.3")
                                     << 0.300048828125L << int(NoFlag) << 1.0;
    // bfloat16: 1 + 2^-8 is the tie between 1 and 1 + 2^-7 -> 1; minus 1 -> 0, exact 2^-8.
    QTest::addRow("bfloat16 (1+1/256)-1") << Format::BFloat16 << std::string("(1+1/256)-1") << 0.0L
                                          << std::string("0.00390625") << 0.00390625L << int(NoFlag) << -1.0;
    // bfloat16 257 -> tie -> 256.
    QTest::addRow("bfloat16 256+1") << Format::BFloat16 << std::string("256+1") << 256.0L << std::string("257")
                                    << 256.0L << int(NoFlag) << 0.0;
    // float16 65504 + 16 = 65520: tie between 65504 (odd) and 65536 (even) -> overflow to inf.
    QTest::addRow("float16 overflow at 65520") << Format::Float16 << std::string("65504+16") << kInf
                                               << std::string("65520") << kInf << int(OverflowFlag) << -1.0;
    QTest::addRow("float16 65504+15 stays max") << Format::Float16 << std::string("65504+15") << 65504.0L
                                                << std::string("65519") << 65504.0L << int(NoFlag) << 0.0;
    // float16 1e-4 -> 1678 * 2^-24, 1e-3 -> 1049 * 2^-20; product 1760222 * 2^-44 = 1.68 * 2^-24 -> 2^-23.
    QTest::addRow("float16 underflow 1e-4*1e-3")
        << Format::Float16 << std::string("1e-4*1e-3") << std::ldexp(1.0L, -23) << std::string("1e-7")
        << std::ldexp(1.0L, -23) << int(UnderflowFlag) << 0.0;
    // float32: 1e39 > FLT_MAX: the literal overflows.
    QTest::addRow("float32 1e39 overflows")
        << Format::Float32 << std::string("1e39") << kInf << std::string("1e39") << kInf << int(OverflowFlag) << 0.0;
    // A literal below half the smallest subnormal underflows to 0 (IEEE 754 7.5 signals underflow for
    // an inexact tiny conversion, as 7.4 signals overflow for 1e39 above).
    QTest::addRow("float32 1e-50 underflows")
        << Format::Float32 << std::string("1e-50") << 0.0L << std::string("1e-50") << 0.0L << int(UnderflowFlag) << 0.0;
    QTest::addRow("float64 1e-200*1e-200 underflows") << Format::Float64 << std::string("1e-200*1e-200") << 0.0L
                                                      << std::string("1e-400") << 0.0L << int(UnderflowFlag) << 0.0;
    // exp(1000) = 1.97e434 overflows float64; its correct rounding is inf too.
    QTest::addRow("float64 exp(1000) overflow") << Format::Float64 << std::string("exp(1000)") << kInf
                                                << std::string("e^1000") << kInf << int(OverflowFlag) << 0.0;
    // float32 ln(max) = 88.7228: exp(88.72) is finite, exp(88.73) overflows.
    QTest::addRow("float32 exp(88.72) finite")
        << Format::Float32 << std::string("exp(88.72)") << static_cast<long double>(std::exp(88.72f))
        << std::string("*") << kNaN << int(NoFlag) << -1.0;
    QTest::addRow("float32 exp(88.73) overflow") << Format::Float32 << std::string("exp(88.73)") << kInf
                                                 << std::string("*") << kInf << int(OverflowFlag) << -1.0;
    // 1/0: IEEE gives inf (division by zero, not overflow); the real quotient is undefined.
    QTest::addRow("float64 1/0") << Format::Float64 << std::string("1/0") << kInf << std::string("nan") << kNaN
                                 << int(NoFlag) << -1.0;
    QTest::addRow("float32 0/0") << Format::Float32 << std::string("0/0") << kNaN << std::string("nan") << kNaN
                                 << int(NaNFlag) << -1.0;
    QTest::addRow("float64 log(-1)") << Format::Float64 << std::string("log(-1)") << kNaN << std::string("nan") << kNaN
                                     << int(NaNFlag) << -1.0;
    QTest::addRow("float64 sqrt(-4)") << Format::Float64 << std::string("sqrt(-4)") << kNaN << std::string("nan")
                                      << kNaN << int(NaNFlag) << -1.0;
    QTest::addRow("float64 log(0)") << Format::Float64 << std::string("log(0)") << -kInf << std::string("-inf") << -kInf
                                    << int(NoFlag) << 0.0;
    // sqrt is correctly rounded in IEEE arithmetic: value == correctly rounded exact == libm sqrt.
    // float16/bfloat16: sqrt 2 = 1.41421356; 0.41421356 * 1024 = 424.15 -> 1.4140625, * 128 = 53.02 -> 1.4140625.
    QTest::addRow("float16 sqrt(2)") << Format::Float16 << std::string("sqrt(2)") << 1.4140625L << std::string("sqrt2")
                                     << 1.4140625L << int(NoFlag) << 0.0;
    QTest::addRow("bfloat16 sqrt(2)") << Format::BFloat16 << std::string("sqrt(2)") << 1.4140625L
                                      << std::string("sqrt2") << 1.4140625L << int(NoFlag) << 0.0;
    QTest::addRow("float32 sqrt(2)") << Format::Float32 << std::string("sqrt(2)")
                                     << static_cast<long double>(std::sqrt(2.0f)) << std::string("sqrt2")
                                     << static_cast<long double>(std::sqrt(2.0f)) << int(NoFlag) << 0.0;
    QTest::addRow("float64 sqrt(2)") << Format::Float64 << std::string("sqrt(2)")
                                     << static_cast<long double>(std::sqrt(2.0)) << std::string("sqrt2")
                                     << static_cast<long double>(std::sqrt(2.0)) << int(NoFlag) << 0.0;
    QTest::addRow("float80 sqrt(2)") << Format::Float80 << std::string("sqrt(2)") << std::sqrt(2.0L)
                                     << std::string("sqrt2") << std::sqrt(2.0L) << int(NoFlag) << 0.0;
    // Total cancellation: 1 + 1e-30 = 1 in float64, so the result is 0 while the exact value is 1e-30.
    QTest::addRow("float64 (1+1e-30)-1") << Format::Float64 << std::string("(1+1e-30)-1") << 0.0L
                                         << std::string("1e-30") << static_cast<long double>(1e-30) << int(NoFlag)
                                         << -1.0;
    // Exactly zero values: the interval shrinks around 0 and the exact value is 0.
    QTest::addRow("float64 (1+1/3)-(1+1/3) exact 0")
        << Format::Float64 << std::string("(1+1/3)-(1+1/3)") << 0.0L << std::string("0") << 0.0L << int(NoFlag) << 0.0;
    QTest::addRow("float32 exp(1)-exp(1) exact 0")
        << Format::Float32 << std::string("exp(1)-exp(1)") << 0.0L << std::string("0") << 0.0L << int(NoFlag) << 0.0;
    // Precedence reaches the arithmetic: -2^2 = -4, 2^3^2 = 512, 2^-1 = 0.5.
    QTest::addRow("float64 -2^2") << Format::Float64 << std::string("-2^2") << -4.0L << std::string("-4") << -4.0L
                                  << int(NoFlag) << 0.0;
    QTest::addRow("float64 2^3^2") << Format::Float64 << std::string("2^3^2") << 512.0L << std::string("512") << 512.0L
                                   << int(NoFlag) << 0.0;
    QTest::addRow("float32 pow(2,-1)") << Format::Float32 << std::string("pow(2,-1)") << 0.5L << std::string("0.5")
                                       << 0.5L << int(NoFlag) << 0.0;
    QTest::addRow("float64 (-2)^3") << Format::Float64 << std::string("(-2)^3") << -8.0L << std::string("-8") << -8.0L
                                    << int(NoFlag) << 0.0;
    QTest::addRow("float64 pow(-8,1/3) undefined")
        << Format::Float64 << std::string("pow(-8,1/3)") << kNaN << std::string("nan") << kNaN << int(NaNFlag) << -1.0;
    // Powers at the edges (issue 13): 0^y = 0 for y > 0 (the exact value was reported as inf),
    // x^0 = 1 for every x including 0 (IEEE 754 pow and MPFR agree), a negative base with a
    // non-integer exponent has no real value.
    QTest::addRow("float64 0^0.5 exact 0")
        << Format::Float64 << std::string("0^0.5") << 0.0L << std::string("0") << 0.0L << int(NoFlag) << 0.0;
    QTest::addRow("float32 0^2.5 exact 0")
        << Format::Float32 << std::string("0^2.5") << 0.0L << std::string("0") << 0.0L << int(NoFlag) << 0.0;
    QTest::addRow("float64 (1-1)^0.5 exact 0")
        << Format::Float64 << std::string("(1-1)^0.5") << 0.0L << std::string("0") << 0.0L << int(NoFlag) << 0.0;
    QTest::addRow("float64 0.5^0 exact 1")
        << Format::Float64 << std::string("0.5^0") << 1.0L << std::string("1") << 1.0L << int(NoFlag) << 0.0;
    QTest::addRow("float64 pow(0,0) is 1")
        << Format::Float64 << std::string("pow(0,0)") << 1.0L << std::string("1") << 1.0L << int(NoFlag) << 0.0;
    QTest::addRow("float64 0.25^0.5 exact 0.5")
        << Format::Float64 << std::string("0.25^0.5") << 0.5L << std::string("0.5") << 0.5L << int(NoFlag) << 0.0;
    QTest::addRow("float64 (-2)^0.5 undefined")
        << Format::Float64 << std::string("(-2)^0.5") << kNaN << std::string("nan") << kNaN << int(NaNFlag) << -1.0;
    // log1p/expm1 keep tiny arguments: log1p(1e-10) = 1e-10 - 5e-21 + ...
    QTest::addRow("float64 log1p(1e-10)")
        << Format::Float64 << std::string("log1p(1e-10)") << static_cast<long double>(std::log1p(1e-10))
        << std::string("*") << kNaN << int(NoFlag) << -1.0;
}

void TestExpressionResult::evaluate()
{
    QFETCH(Format, format);
    QFETCH(std::string, text);
    QFETCH(long double, value);
    QFETCH(std::string, exact);
    QFETCH(long double, exactRounded);
    QFETCH(int, flags);
    QFETCH(double, ulpDistance);
    auto parsed = logitlab::parseExpression(text);
    auto *e = std::get_if<logitlab::Expression>(&parsed);
    QVERIFY(e);
    const logitlab::ExpressionResult r = logitlab::evaluateExpression(*e, format);
    QCOMPARE(r.format, format);
    LL_COMPARE(r.value, value);
    QCOMPARE(r.nan, bool(flags & NaNFlag));
    QCOMPARE(r.overflow, bool(flags & OverflowFlag));
    QCOMPARE(r.underflow, bool(flags & UnderflowFlag));
    QVERIFY(!r.steps.empty());
    LL_COMPARE(r.steps.back().value, r.value);
    // The budget changes nothing that is determined: the same digits as with no time limit, and
    // asking for this format alone (as the CLI does) gives the same correct rounding.
    QCOMPARE(r.exactStatus, logitlab::ExactStatus::Determined);
    QVERIFY(r.exactKnown);
    logitlab::ExactBudget unlimited;
    unlimited.time = std::chrono::hours(1);
    const logitlab::ExactValue slow = logitlab::evaluateExact(*e, logitlab::allFormats, unlimited);
    QCOMPARE(slow.status, logitlab::ExactStatus::Determined);
    QCOMPARE(r.exactBits, slow.bits);
    QCOMPARE(r.exactDigits, slow.digits);
    const Format only[] = {format};
    const logitlab::ExactValue alone = logitlab::evaluateExact(*e, only);
    QCOMPARE(alone.status, logitlab::ExactStatus::Determined);
    QVERIFY(alone.bits <= r.exactBits);
    LL_COMPARE(logitlab::evaluateExpression(*e, format, alone).exactRounded, r.exactRounded);
    if (exact == "*")
        return; // value checked against libm only
    if (exact == "nan") {
        QVERIFY(mpfr::isnan(r.exact));
        QVERIFY(std::isnan(r.ulpError) || (std::isnan(r.value) && r.ulpError == 0));
        return;
    }
    const mpfr::mpreal want = exactOf(exact);
    if (mpfr::isinf(want)) {
        QVERIFY(mpfr::isinf(r.exact) && (r.exact > 0) == (want > 0));
    } else if (mpfr::iszero(want)) {
        QVERIFY2(mpfr::iszero(r.exact), r.exactDigits.c_str());
        QCOMPARE(r.exactDigits, std::string("0"));
    } else {
        // The exact value within the documented 2^-112 relative, and its 34 printed digits to 1e-33.
        logitlab::WideExponentRange wide;
        const mpfr::mpreal rel = mpfr::abs((r.exact - want) / want);
        QVERIFY2(rel <= mpfr::ldexp(mpfr::mpreal(1), -112), r.exactDigits.c_str());
        const mpfr::mpreal printed = *logitlab::decimalToMp(r.exactDigits, 300);
        QVERIFY2(mpfr::abs((printed - want) / want) < mpfr::mpreal("1e-33", 300), r.exactDigits.c_str());
        std::string mantissa = r.exactDigits.substr(0, r.exactDigits.find('e'));
        std::size_t digits = 0;
        for (char c : mantissa)
            digits += (c >= '0' && c <= '9');
        QCOMPARE(digits, std::size_t {34});
    }
    LL_COMPARE(r.exactRounded, exactRounded);
    if (ulpDistance >= 0)
        QCOMPARE(r.ulpDistance, ulpDistance);
    // Errors follow from value and exact by the ulperror.h conventions.
    if (std::isfinite(r.value) && mpfr::isfinite(want)) {
        logitlab::WideExponentRange wide;
        const double absErr = mpfr::abs(logitlab::exactValue(r.value, 1000) - want).toDouble();
        QVERIFY(std::fabs(r.absError - absErr) <= 1e-15 * absErr);
        if (!mpfr::iszero(want)) {
            const double relErr = mpfr::abs((logitlab::exactValue(r.value, 1000) - want) / want).toDouble();
            QVERIFY(std::fabs(r.relError - relErr) <= 1e-15 * relErr);
        }
    }
    if (std::isinf(r.value) && mpfr::isfinite(want))
        QCOMPARE(r.ulpError, dInf);
}

void TestExpressionResult::seedSteps()
{
    // Every literal and operation appears in evaluation order with its rounded value.
    const logitlab::ExpressionResult r = evaluateText("(1+1/10000)-(1-1/10000)", Format::Float32);
    QCOMPARE(r.steps.size(), std::size_t {11}); // 6 literals, 5 operations
    int literals = 0;
    for (const auto &s : r.steps)
        literals += s.literal;
    QCOMPARE(literals, 6);
    QCOMPARE(r.steps.front().text, std::string("1"));
    QVERIFY(r.steps.front().literal);
    // The literal 10000 is exact; 1/10000 is rounded to float32 (0x38d1b717).
    volatile float one = 1, tenThousand = 10000;
    const float tenth4 = one / tenThousand;
    bool sawQuotient = false;
    for (const auto &s : r.steps)
        if (s.text == "1/10000" && !s.literal) {
            sawQuotient = true;
            LL_COMPARE(s.value, static_cast<long double>(tenth4));
        }
    QVERIFY(sawQuotient);
    QVERIFY(r.steps.back().text == "(1+1/10000)-(1-1/10000)");
    // ulpError of the seed in float32: |value - 0.0002| / 2^-36 (0.0002 = 1.6384 * 2^-13, spacing 2^-36).
    logitlab::WideExponentRange wide;
    const double expected
        = mpfr::abs((logitlab::exactValue(r.value, 300) - exactOf("0.0002")) * mpfr::ldexp(mpfr::mpreal(1, 300), 36))
              .toDouble();
    QVERIFY(std::fabs(r.ulpError - expected) <= 1e-12 * expected);
    QVERIFY(r.ulpError > 2280 && r.ulpError < 2282);
}

namespace {

/** "+0.1^0.11" \a n times: a power whose exact value needs a full MPFR pow at every precision. */
std::string powerTerms(int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s += "+0.1^0.11";
    return s;
}

/** 0.1^0.11 * n at 1000 bits, computed here with MPFR (the literals are exact decimals). */
std::string powerTermsValue(int n)
{
    logitlab::WideExponentRange wide;
    mpfr::mpreal x = *logitlab::decimalToMp("0.1", 1000), y = *logitlab::decimalToMp("0.11", 1000);
    mpfr::mpreal r(0, 1000);
    mpfr_pow(r.mpfr_ptr(), x.mpfr_srcptr(), y.mpfr_srcptr(), MPFR_RNDN);
    r *= n;
    char *text = nullptr;
    mpfr_asprintf(&text, "%.300Re", r.mpfr_srcptr()); // 1000 bits are 301 digits
    std::string s(text);
    mpfr_free_str(text);
    return s;
}

const std::string hostileZero = "1/(sqrt(2)^2-2)"; // 1/0: sqrt(2)^2 - 2 is 0, but no interval can show it

} // namespace

void TestExpressionResult::budget_data()
{
    using logitlab::ExactStatus;
    QTest::addColumn<std::string>("text");
    QTest::addColumn<int>("onlyFormat"); // -1: every format must decide, else that Format alone
    QTest::addColumn<int>("maxBits");
    QTest::addColumn<ExactStatus>("status");
    QTest::addColumn<int>("bits"); // the precision reached
    QTest::addColumn<std::string>("exact"); // "nan", "0", "-" (no value: only bounds) or a decimal

    // Issue 13's reproducer took 65,536-bit MPFR for every operation because 0^0.5 was [0, inf]:
    // 0^0.5 is 0 exactly, so the sum is 20 * 0.1^0.11 and decides at the first precision.
    QTest::addRow("0^0.5 alone is 0 at 256 bits")
        << std::string("0^0.5") << -1 << 65536 << ExactStatus::Determined << 256 << std::string("0");
    QTest::addRow("0^0.5 + 20 terms 0.1^0.11 decides")
        << "0^0.5" + powerTerms(20) << -1 << 65536 << ExactStatus::Determined << 256 << powerTermsValue(20);
    // A base that is exactly 0 but only known to lie in [-d, d]: x^0.5 is real only for x >= 0,
    // so the interval is [0, d^0.5]; d^0.5 < 2^-16446 needs d < 2^-32892: the 65,536-bit step.
    QTest::addRow("(sqrt(2)^2-2)^0.5 is 0 (was inf)")
        << std::string("(sqrt(2)^2-2)^0.5") << -1 << 65536 << ExactStatus::Determined << 65536 << std::string("0");
    // An exact zero from cancellation: the interval around 0 must shrink below 2^-16446 (half of
    // float80's smallest subnormal); at p bits it is about 2^(2-p) wide: 16,384 bits are not
    // enough, 32,768 are. The default budget of 65,536 bits leaves room for it.
    QTest::addRow("exp(1)-exp(1) needs 32768 bits")
        << std::string("exp(1)-exp(1)") << -1 << 65536 << ExactStatus::Determined << 32768 << std::string("0");
    QTest::addRow("exp(1)-exp(1) with 16384 bits is not determined")
        << std::string("exp(1)-exp(1)") << -1 << 16384 << ExactStatus::PrecisionLimit << 16384 << std::string("-");
    // The divisor's interval always holds 0, so the quotient's is [-inf, inf] at every precision.
    QTest::addRow("1/(sqrt(2)^2-2) hits 65536 bits")
        << hostileZero << -1 << 65536 << ExactStatus::PrecisionLimit << 65536 << std::string("-");
    QTest::addRow("1/(sqrt(2)^2-2) + 20 terms hits 4096 bits")
        << hostileZero + powerTerms(20) << -1 << 4096 << ExactStatus::PrecisionLimit << 4096 << std::string("-");
    // 1 + 2^-24 is the tie between float32's 1 and 1 + 2^-23: the interval around it never rounds
    // to one float32, though its digits are known; float64 holds it exactly and decides at once.
    QTest::addRow("tie 1+2^-24 in float32 stays undecided")
        << std::string("exp(log(1+2^-24))") << -1 << 1024 << ExactStatus::PrecisionLimit << 1024
        << std::string("1.000000059604644775390625");
    QTest::addRow("tie 1+2^-24 decides for float64 alone")
        << std::string("exp(log(1+2^-24))") << int(Format::Float64) << 1024 << ExactStatus::Determined << 256
        << std::string("1.000000059604644775390625");
    // (-8)^1 = -8, but the exponent 3*(1/3) is only known to lie around 1: it may be the integer 1
    // (then the power is real and negative) or not (then there is none). Not "undefined".
    QTest::addRow("(-8)^(3*(1/3)) is not called undefined")
        << std::string("(-8)^(3*(1/3))") << -1 << 1024 << ExactStatus::PrecisionLimit << 1024 << std::string("-");
    QTest::addRow("ordinary 0.1+0.2") << std::string("0.1+0.2") << -1 << 65536 << ExactStatus::Determined << 256
                                      << std::string("0.3");
}

void TestExpressionResult::budget()
{
    QFETCH(std::string, text);
    QFETCH(int, onlyFormat);
    QFETCH(int, maxBits);
    QFETCH(logitlab::ExactStatus, status);
    QFETCH(int, bits);
    QFETCH(std::string, exact);
    auto parsed = logitlab::parseExpression(text);
    auto *e = std::get_if<logitlab::Expression>(&parsed);
    QVERIFY(e);
    logitlab::ExactBudget budget;
    budget.maxBits = maxBits;
    budget.time = std::chrono::minutes(10); // these rows test the precision, not the clock
    const Format only[] = {static_cast<Format>(onlyFormat)};
    const logitlab::ExactValue x = onlyFormat < 0 ? logitlab::evaluateExact(*e, logitlab::allFormats, budget)
                                                  : logitlab::evaluateExact(*e, only, budget);
    QCOMPARE(x.status, status);
    QCOMPARE(x.bits, mpfr_prec_t {bits});
    QCOMPARE(x.lower.get_prec(), mpfr_prec_t {bits}); // the bounds are those of that precision
    logitlab::WideExponentRange wide;
    QVERIFY(x.lower <= x.upper);
    if (exact == "-") {
        QVERIFY(mpfr::isnan(x.value)); // no guess
        QCOMPARE(x.digits, std::string("nan"));
        return;
    }
    const mpfr::mpreal want = exactOf(exact);
    // The bounds hold the exact value, and their outward digits too.
    QVERIFY(x.lower <= want && want <= x.upper);
    QVERIFY(*logitlab::decimalToMp(x.lowerDigits, 1000) <= want);
    QVERIFY(*logitlab::decimalToMp(x.upperDigits, 1000) >= want);
    if (mpfr::iszero(want)) {
        QCOMPARE(x.digits, std::string("0"));
    } else {
        QVERIFY2(mpfr::abs((x.value - want) / want) <= mpfr::ldexp(mpfr::mpreal(1), -112), x.digits.c_str());
    }
    // Per format, the correct rounding is given only where the bounds decide it.
    const logitlab::ExpressionResult r32 = logitlab::evaluateExpression(*e, Format::Float32, x);
    QCOMPARE(r32.exactStatus, status);
    QCOMPARE(r32.exactBits, mpfr_prec_t {bits});
    if (status == logitlab::ExactStatus::Determined || text != "exp(log(1+2^-24))")
        LL_COMPARE(r32.exactRounded, logitlab::roundToFormat(want, Format::Float32));
    else
        QVERIFY(std::isnan(r32.exactRounded)); // 1 or 1 + 2^-23: a tie only more bits could break
    LL_COMPARE(logitlab::evaluateExpression(*e, Format::Float64, x).exactRounded,
        logitlab::roundToFormat(want, Format::Float64));
}

void TestExpressionResult::beyondRange_data()
{
    using logitlab::ExactStatus;
    QTest::addColumn<std::string>("text");
    QTest::addColumn<ExactStatus>("status");
    QTest::addColumn<int>("side"); // +1: every format rounds to inf, -1: to -inf, 0: not beyond
    // e^(1e30) = 2^(1.44e30), past MPFR's widest exponent (2^62 - 1): MPFR's exp overflows, the
    // interval is [largest MPFR number, inf], and more bits cannot change that. Every format
    // rounds any number past its overflow threshold to inf, so the rounding is known.
    QTest::addRow("exp(1e30)") << std::string("exp(1e30)") << ExactStatus::BeyondRange << 1;
    QTest::addRow("-exp(1e30)") << std::string("-exp(1e30)") << ExactStatus::BeyondRange << -1;
    QTest::addRow("1 - exp(1e30)") << std::string("1-exp(1e30)") << ExactStatus::BeyondRange << -1;
    QTest::addRow("2 * exp(1e30)") << std::string("2*exp(1e30)") << ExactStatus::BeyondRange << 1;
    QTest::addRow("exp(exp(100))") << std::string("exp(exp(100))") << ExactStatus::BeyondRange << 1;
    QTest::addRow("10^(1e19)") << std::string("10^(1e19)") << ExactStatus::BeyondRange << 1;
    // Not beyond: the overflowed parts cancel or vanish, or never overflow MPFR.
    QTest::addRow("exp(1e30)*0 is 0") << std::string("exp(1e30)*0") << ExactStatus::Determined << 0;
    QTest::addRow("1/exp(1e30) rounds to 0") << std::string("1/exp(1e30)") << ExactStatus::Determined << 0;
    QTest::addRow("exp(-1e30) rounds to 0") << std::string("exp(-1e30)") << ExactStatus::Determined << 0;
    QTest::addRow("exp(1e18) is inside MPFR") << std::string("exp(1e18)") << ExactStatus::Determined << 0;
    QTest::addRow("log(0 - 1e-300) is undefined") << std::string("log(0-1e-300)") << ExactStatus::Determined << 0;
}

void TestExpressionResult::beyondRange()
{
    QFETCH(std::string, text);
    QFETCH(logitlab::ExactStatus, status);
    QFETCH(int, side);
    auto parsed = logitlab::parseExpression(text);
    auto *e = std::get_if<logitlab::Expression>(&parsed);
    QVERIFY(e);
    logitlab::ExactBudget budget;
    budget.maxBits = 4096; // a row that is not beyond stops here rather than at 65,536 bits
    budget.time = std::chrono::minutes(10);
    const auto results = logitlab::evaluateInFormats(*e, logitlab::allFormats, budget);
    for (const logitlab::ExpressionResult &r : results) {
        QCOMPARE(r.exactStatus, status);
        if (side == 0)
            continue;
        QVERIFY(!r.exactKnown);
        QVERIFY(mpfr::isnan(r.exact)); // no digits are claimed
        QCOMPARE(r.exactBits, mpfr_prec_t {logitlab::referencePrecision}); // decided at the first precision
        const long double inf = side * std::numeric_limits<long double>::infinity();
        LL_COMPARE(r.value, inf); // every format overflows too
        LL_COMPARE(r.exactRounded, inf);
        QCOMPARE(r.ulpDistance, 0.0);
        // Storing inf for a finite value: every error is infinite.
        QCOMPARE(r.absError, std::numeric_limits<double>::infinity());
        QCOMPARE(r.relError, std::numeric_limits<double>::infinity());
        QCOMPARE(r.ulpError, std::numeric_limits<double>::infinity());
        // The finite bound is past every format's range, on the right side.
        const std::string &bound = side > 0 ? r.exactLowerDigits : r.exactUpperDigits;
        const std::string &infinite = side > 0 ? r.exactUpperDigits : r.exactLowerDigits;
        QCOMPARE(infinite, std::string(side > 0 ? "inf" : "-inf"));
        logitlab::WideExponentRange wide;
        const mpfr::mpreal b = *logitlab::decimalToMp(bound, 128);
        QVERIFY(side * b > mpfr::ldexp(mpfr::mpreal(1), 1000000000));
    }
}

void TestExpressionResult::timeBudget()
{
    // The hostile expression with a 50 ms budget: it stops at a precision it finished, with its bounds.
    auto parsed = logitlab::parseExpression(hostileZero + powerTerms(40));
    auto &e = std::get<logitlab::Expression>(parsed);
    logitlab::ExactBudget budget;
    budget.time = std::chrono::milliseconds(50);
    const logitlab::ExactValue x = logitlab::evaluateExact(e, logitlab::allFormats, budget);
    QCOMPARE(x.status, logitlab::ExactStatus::TimeLimit);
    QVERIFY2(x.bits >= 256 && x.bits < 65536 && std::has_single_bit(static_cast<unsigned long>(x.bits)),
        std::to_string(x.bits).c_str());
    QCOMPARE(x.lower.get_prec(), x.bits);
    QVERIFY(mpfr::isinf(x.lower) && mpfr::isinf(x.upper) && x.lower < 0 && x.upper > 0);
    QCOMPARE(x.digits, std::string("nan"));
    // The default budget applies to evaluateExpression too.
    const logitlab::ExpressionResult r = logitlab::evaluateExpression(e, Format::Float32, x);
    QVERIFY(!r.exactKnown);
    QCOMPARE(r.exactLowerDigits, std::string("-inf"));
    QCOMPARE(r.exactUpperDigits, std::string("inf"));
    QVERIFY(std::isnan(r.absError) && std::isnan(r.exactRounded));
}

void TestExpressionResult::cancelled()
{
    auto parsed = logitlab::parseExpression(hostileZero + powerTerms(40));
    auto &e = std::get<logitlab::Expression>(parsed);
    logitlab::ExactBudget budget;
    budget.cancelled = [] { return true; };
    logitlab::ExactValue x = logitlab::evaluateExact(e, logitlab::allFormats, budget);
    QCOMPARE(x.status, logitlab::ExactStatus::Cancelled);
    QCOMPARE(x.bits, mpfr_prec_t {0}); // nothing finished: nothing known
    QVERIFY(mpfr::isinf(x.lower) && mpfr::isinf(x.upper));
    // Cancelled after a few hundred polls (one per operation): some precisions finished.
    int polls = 0;
    budget.cancelled = [&polls] { return ++polls > 500; };
    x = logitlab::evaluateExact(e, logitlab::allFormats, budget);
    QCOMPARE(x.status, logitlab::ExactStatus::Cancelled);
    QVERIFY(x.bits >= 256 && x.bits < 65536);
    QCOMPARE(x.lower.get_prec(), x.bits);
}

QTEST_APPLESS_MAIN(TestExpressionResult)
#include "tst_expressionresult.moc"

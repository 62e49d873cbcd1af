// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of shortest round-trip printing (core/text/numbertext.h). */
#include "../precision/ldcompare.h"

#include "precision/mpfrutil.h"
#include "text/numbertext.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

using logitlab::Format;

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();

/**
 * The decimal with n significant digits next to x in direction rnd, written the way std::to_chars
 * writes a shortest form: the shorter of plain and scientific ("d.ddde+XX") notation.
 */
std::string candidate(long double x, int n, mpfr_rnd_t rnd)
{
    mpfr_t v;
    mpfr_init2(v, 64);
    mpfr_set_ld(v, x, MPFR_RNDN);
    mpfr_exp_t e = 0;
    char *s = mpfr_get_str(nullptr, &e, 10, static_cast<std::size_t>(n), v, rnd);
    std::string digits(s);
    mpfr_free_str(s);
    mpfr_clear(v);
    std::string sign;
    if (digits[0] == '-') {
        sign = "-";
        digits.erase(0, 1);
    }
    digits.erase(digits.find_last_not_of('0') + 1); // value = 0.digits * 10^e
    const long len = static_cast<long>(digits.size());
    std::string scientific = digits.substr(0, 1) + (len > 1 ? "." + digits.substr(1) : std::string()) + "e";
    const long x10 = static_cast<long>(e) - 1;
    scientific += (x10 < 0 ? "-" : "+") + std::string(std::labs(x10) < 10 ? "0" : "") + std::to_string(std::labs(x10));
    std::string plain;
    if (e >= len)
        plain = digits + std::string(static_cast<std::size_t>(e - len), '0');
    else if (e > 0)
        plain = digits.substr(0, static_cast<std::size_t>(e)) + "." + digits.substr(static_cast<std::size_t>(e));
    else
        plain = "0." + std::string(static_cast<std::size_t>(-e), '0') + digits;
    return sign + (plain.size() <= scientific.size() ? plain : scientific);
}

/**
 * The shortest-round-trip property, checked independently: the text parses completely (strtold),
 * reads back to value in format f, and no shorter text does. Every shorter candidate is the
 * decimal with some number of significant digits just below or just above the value.
 */
std::string checkShortest(long double value, Format f, const std::string &text)
{
    if (text.empty())
        return "empty text";
    char *end = nullptr;
    (void)std::strtold(text.c_str(), &end);
    if (*end != '\0')
        return "not a complete number: " + text;
    const auto back = logitlab::decimalToFormat(text, f);
    if (!back || !tst::same(*back, value))
        return "does not read back: " + text + " -> " + (back ? tst::show(*back) : std::string("invalid"));
    if (value == 0)
        return {};
    for (int n = 1; n <= 21; ++n)
        for (mpfr_rnd_t rnd : {MPFR_RNDD, MPFR_RNDU}) {
            const std::string shorter = candidate(value, n, rnd);
            if (shorter.size() >= text.size())
                continue;
            const auto v = logitlab::decimalToFormat(shorter, f);
            if (v && tst::same(*v, value))
                return "not shortest: " + text + " but " + shorter + " also reads back";
        }
    return {};
}

std::string floatShortest(float x)
{
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, r.ptr);
}

} // namespace

/** \brief Shortest text that reads back to the same value. */
class TestNumberText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explicitRows_data();
    void explicitRows();
    void roundTrip16_data();
    void roundTrip16();
    void roundTripWide_data();
    void roundTripWide();
};

void TestNumberText::explicitRows_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("value");
    QTest::addColumn<std::string>("text");
    QTest::addRow("float32 0.1") << Format::Float32 << static_cast<long double>(0.1f) << std::string("0.1");
    QTest::addRow("float64 0.1") << Format::Float64 << static_cast<long double>(0.1) << std::string("0.1");
    QTest::addRow("float80 0.1") << Format::Float80 << 0.1L << std::string("0.1");
    QTest::addRow("float64 0.1+0.2") << Format::Float64 << static_cast<long double>(0.1 + 0.2)
                                     << std::string("0.30000000000000004");
    // The float32 value of 0.1 seen as a double needs all its digits.
    QTest::addRow("float64 of 0.1f") << Format::Float64 << static_cast<long double>(0.1f)
                                     << std::string("0.10000000149011612");
    QTest::addRow("float32 max") << Format::Float32 << static_cast<long double>(FLT_MAX)
                                 << std::string("3.4028235e+38");
    QTest::addRow("float32 min subnormal")
        << Format::Float32 << static_cast<long double>(FLT_TRUE_MIN) << std::string("1e-45");
    QTest::addRow("float64 max") << Format::Float64 << static_cast<long double>(DBL_MAX)
                                 << std::string("1.7976931348623157e+308");
    QTest::addRow("float64 min subnormal")
        << Format::Float64 << static_cast<long double>(DBL_TRUE_MIN) << std::string("5e-324");
    QTest::addRow("float32 1") << Format::Float32 << 1.0L << std::string("1");
    QTest::addRow("float32 -2.5") << Format::Float32 << -2.5L << std::string("-2.5");
    QTest::addRow("float32 -0") << Format::Float32 << -0.0L << std::string("-0");
    // float16 0.1 = 0.0999755859375 reads back from "0.1".
    QTest::addRow("float16 0.1") << Format::Float16 << 0.0999755859375L << std::string("0.1");
    // float16 1/3 = 1365/4096 = 0.333251953125: "0.333" reads as 1364/4096 (0.333 * 4096 = 1363.97),
    // "0.3333" as 1365 (1365.2): four digits.
    QTest::addRow("float16 1/3") << Format::Float16 << 0.333251953125L << std::string("0.3333");
    QTest::addRow("float16 1") << Format::Float16 << 1.0L << std::string("1");
    QTest::addRow("float16 -0.5") << Format::Float16 << -0.5L << std::string("-0.5");
    QTest::addRow("float16 -0") << Format::Float16 << -0.0L << std::string("-0");
    // One digit suffices for 10, and "10" is shorter than "1e+01" (std::to_chars picks the shorter).
    QTest::addRow("float16 10") << Format::Float16 << 10.0L << std::string("10");
    QTest::addRow("float16 100") << Format::Float16 << 100.0L << std::string("100");
    QTest::addRow("bfloat16 256") << Format::BFloat16 << 256.0L << std::string("256");
    // 65504 needs 3 digits (66000 overflows, 65000 reads as 64992): "65500", not "6.55e+04".
    QTest::addRow("float16 max 65504") << Format::Float16 << 65504.0L << std::string("65500");
    // Min subnormal 2^-24 = 5.96e-8: "6e-08" reads back (6e-8 / 2^-24 = 1.007).
    QTest::addRow("float16 min subnormal") << Format::Float16 << std::ldexp(1.0L, -24) << std::string("6e-08");
    // 2^-6 = 0.015625: spacing 2^-16 above but 2^-17 below (a binade boundary), so 0.01562
    // (5e-6 below, more than 2^-18 = 3.8e-6) reads as the float16 below, while 0.01563 (5e-6
    // above, less than 2^-17 = 7.6e-6) reads back: "0.01563", not the 5-digit "0.015625".
    QTest::addRow("float16 2^-6 asymmetric interval") << Format::Float16 << 0.015625L << std::string("0.01563");
    // float16(1e-4) = 1678 * 2^-24 = 0.00010001659... (1e-4 = 1.6384 * 2^-14, 0.6384 * 1024 = 653.7 -> 654) reads back
    // from "1e-04", which is shorter than "0.0001" (std::to_chars prints 1e-04 for 0.0001f too).
    QTest::addRow("float16 1e-4") << Format::Float16 << *logitlab::decimalToFormat("1e-4", Format::Float16)
                                  << std::string("1e-04");
    // bfloat16 0.1 = 0.10009765625: "0.1" reads back.
    QTest::addRow("bfloat16 0.1") << Format::BFloat16 << 0.10009765625L << std::string("0.1");
    for (Format f : logitlab::allFormats) {
        const std::string name(logitlab::formatName(f));
        QTest::addRow("%s nan", name.c_str()) << f << kNaN << std::string("nan");
        QTest::addRow("%s inf", name.c_str()) << f << kInf << std::string("inf");
        QTest::addRow("%s -inf", name.c_str()) << f << -kInf << std::string("-inf");
        QTest::addRow("%s 0", name.c_str()) << f << 0.0L << std::string("0");
    }
}

void TestNumberText::explicitRows()
{
    QFETCH(Format, format);
    QFETCH(long double, value);
    QFETCH(std::string, text);
    QCOMPARE(logitlab::shortestText(value, format), text);
    if (std::isfinite(value))
        QCOMPARE(checkShortest(value, format, text), std::string());
}

void TestNumberText::roundTrip16_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("every float16 value") << Format::Float16;
    QTest::addRow("every bfloat16 value") << Format::BFloat16;
}

void TestNumberText::roundTrip16()
{
    QFETCH(Format, format);
    const bool half = format == Format::Float16;
    int failures = 0;
    std::string first;
    for (std::uint32_t b = 0; b < 0x10000; ++b) {
        const auto bits = static_cast<std::uint16_t>(b);
        const long double v = half ? tst::halfFromBits(bits) : tst::bfloatFromBits(bits);
        if (!std::isfinite(v))
            continue;
        const std::string text = logitlab::shortestText(v, format);
        std::string problem = checkShortest(v, format, text);
        // The float32 shortest text of the same value also reads back in the 16-bit format (it is
        // within half a float32 spacing of v), so the shortest 16-bit text is never longer.
        if (problem.empty() && text.size() > floatShortest(static_cast<float>(v)).size())
            problem = "longer than the float32 text: " + text + " vs " + floatShortest(static_cast<float>(v));
        if (!problem.empty()) {
            if (failures++ == 0)
                first = problem;
        }
    }
    QVERIFY2(failures == 0, (std::to_string(failures) + " values fail, first: " + first).c_str());
}

void TestNumberText::roundTripWide_data()
{
    QTest::addColumn<Format>("format");
    QTest::addRow("float32 sampled") << Format::Float32;
    QTest::addRow("float64 sampled") << Format::Float64;
    QTest::addRow("float80 sampled") << Format::Float80;
}

void TestNumberText::roundTripWide()
{
    QFETCH(Format, format);
    testsupport::SplitMix64 rng {99 + static_cast<std::uint64_t>(format)};
    for (int i = 0; i < 5000; ++i) {
        const long double v = testsupport::randomValue(format, rng);
        if (!std::isfinite(v))
            continue;
        const std::string text = logitlab::shortestText(v, format);
        const std::string problem = checkShortest(v, format, text);
        if (!problem.empty())
            QFAIL((tst::show(v) + ": " + problem).c_str());
    }
}

QTEST_APPLESS_MAIN(TestNumberText)
#include "tst_numbertext.moc"

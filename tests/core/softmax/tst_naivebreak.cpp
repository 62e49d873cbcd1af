// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Where naive softmax breaks as the temperature falls: each format's exp thresholds derived
 * by hand from its bits, checked against the exp-limits table (MPFR, found by stepping through
 * the format), the break temperatures of given logits, and the naive kernel on either side.
 */
#include "precision/explimits.h"
#include "softmax/naivebreak.h"
#include "softmax/softmaxreport.h"
#include "sweep/softmaxsweep.h"

#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::NaiveBreakKind)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

constexpr long double inf = std::numeric_limits<long double>::infinity();

/** |a - b| within \a ulps units in the last place of long double at b. */
bool closeLd(long double a, long double b, int ulps)
{
    return std::fabs(a - b) <= ulps * (std::nextafter(std::fabs(b), inf) - std::fabs(b));
}

std::string ldText(long double v)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.21Lg", v);
    return text;
}

} // namespace

/** \brief Tests of naivebreak.h. */
class TstNaiveBreak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thresholds_data();
    void thresholds();
    void breakTemperatures_data();
    void breakTemperatures();
    void naiveKernelBreaksThere_data();
    void naiveKernelBreaksThere();
};

// Format f has p significand bits, largest exponent emax, smallest normal exponent emin:
//   max = (2 - 2^(1-p)) 2^emax; exp(x) rounds to inf once it reaches max + ulp(max)/2
//     = 2^(emax+1) (1 - 2^-(p+1)), so x_over = (emax + 1) ln 2 + ln(1 - 2^-(p+1));
//   the smallest subnormal is 2^(emin-p+1); exp(x) rounds to 0 below half of it, 2^(emin-p),
//     so x_zero = (emin - p) ln 2.
// Evaluated with mpmath at 40 digits (ln 2 = 0.693147180559945309417232121458):
//   float16  p 11 emax 15:    16 ln 2 + ln(1 - 2^-12)    = 11.090110718526951036;  -25 ln 2    = -17.328679513998632735
//   bfloat16 p 8 emax 127:    128 ln 2 + ln(1 - 2^-9)    = 88.720884076837196255;  -134 ln 2   = -92.881722195032671462
//   float32  p 24 emax 127:   128 ln 2 + ln(1 - 2^-25)   = 88.722839081870676774;  -150 ln 2   = -103.97207708399179641
//   float64  p 53 emax 1023:  1024 ln 2 + ln(1 - 2^-54)  = 709.78271289338399679;  -1075 ln 2  = -745.13321910194120762
//   float80  p 64 emax 16383: 16384 ln 2 + ln(1 - 2^-65) = 11356.523406294143949;  -16446 ln 2 = -11399.498531488860559
void TstNaiveBreak::thresholds_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<long double>("over");
    QTest::addColumn<long double>("zero");
    QTest::addRow("float16") << Format::Float16 << 11.090110718526951036L << -17.328679513998632735L;
    QTest::addRow("bfloat16") << Format::BFloat16 << 88.720884076837196255L << -92.881722195032671462L;
    QTest::addRow("float32") << Format::Float32 << 88.722839081870676774L << -103.97207708399179641L;
    QTest::addRow("float64") << Format::Float64 << 709.78271289338399679L << -745.13321910194120762L;
    QTest::addRow("float80") << Format::Float80 << 11356.523406294143949L << -11399.498531488860559L;
}

void TstNaiveBreak::thresholds()
{
    QFETCH(Format, format);
    QFETCH(long double, over);
    QFETCH(long double, zero);
    QVERIFY2(closeLd(expOverflowThreshold(format), over, 4), ldText(expOverflowThreshold(format)).c_str());
    QVERIFY2(closeLd(expZeroThreshold(format), zero, 4), ldText(expZeroThreshold(format)).c_str());
    // The same thresholds as the exp-limits table finds them, stepping through the format with MPFR.
    const ExpLimits limits = expLimits(format);
    QVERIFY(closeLd(expOverflowThreshold(format), std::strtold(limits.overflowDigits.c_str(), nullptr), 8));
    QVERIFY(closeLd(expZeroThreshold(format), std::strtold(limits.zeroDigits.c_str(), nullptr), 8));
    // And on the right side of the format's own values: exp of its largest finite argument is
    // finite, of the next value inf; exp of its smallest positive argument is > 0.
    QVERIFY(limits.largestFinite <= expOverflowThreshold(format));
    QVERIFY(limits.smallestPositive >= expZeroThreshold(format));
}

// Break temperatures m / threshold by hand (thresholds above), m the largest finite logit.
void TstNaiveBreak::breakTemperatures_data()
{
    QTest::addColumn<std::vector<long double>>("z");
    QTest::addColumn<Format>("format");
    QTest::addColumn<NaiveBreakKind>("kind");
    QTest::addColumn<long double>("below");
    const std::vector<long double> lab {1000, 1001, 1002, 880}; // m = 1002
    QTest::addRow("lab default, float16: 1002 / 11.0901107 = 90.3507661403")
        << lab << Format::Float16 << NaiveBreakKind::Overflow << 90.3507661403L;
    QTest::addRow("lab default, bfloat16: 1002 / 88.7208841 = 11.2938459803")
        << lab << Format::BFloat16 << NaiveBreakKind::Overflow << 11.2938459803L;
    QTest::addRow("lab default, float32: 1002 / 88.7228391 = 11.2935971208")
        << lab << Format::Float32 << NaiveBreakKind::Overflow << 11.2935971208L;
    QTest::addRow("lab default, float64: 1002 / 709.782713 = 1.41169963962")
        << lab << Format::Float64 << NaiveBreakKind::Overflow << 1.41169963962L;
    QTest::addRow("lab default, float80: 1002 / 11356.5234 = 0.0882312274762")
        << lab << Format::Float80 << NaiveBreakKind::Overflow << 0.0882312274762L;
    const std::vector<long double> negative {-60, -50}; // m = -50
    QTest::addRow("[-60, -50], float16: -50 / -17.3286795 = 2.88539008178")
        << negative << Format::Float16 << NaiveBreakKind::Underflow << 2.88539008178L;
    QTest::addRow("[-60, -50], bfloat16: -50 / -92.8817222 = 0.538319045108")
        << negative << Format::BFloat16 << NaiveBreakKind::Underflow << 0.538319045108L;
    QTest::addRow("[-60, -50], float32: -50 / -103.972077 = 0.480898346963")
        << negative << Format::Float32 << NaiveBreakKind::Underflow << 0.480898346963L;
    QTest::addRow("[-60, -50], float64: -50 / -745.133219 = 0.0671020949251")
        << negative << Format::Float64 << NaiveBreakKind::Underflow << 0.0671020949251L;
    QTest::addRow("[-60, -50], float80: -50 / -11399.4985 = 0.00438615785264")
        << negative << Format::Float80 << NaiveBreakKind::Underflow << 0.00438615785264L;
    QTest::addRow("-inf ignored: [-inf, 3], float32: 3 / 88.7228391 = 0.0338131650322")
        << std::vector<long double> {-inf, 3} << Format::Float32 << NaiveBreakKind::Overflow << 0.0338131650322L;
    QTest::addRow("max 0: exp(0) = 1 at every T")
        << std::vector<long double> {0, -3} << Format::Float16 << NaiveBreakKind::Never << 0.0L;
    QTest::addRow("no logits") << std::vector<long double> {} << Format::Float32 << NaiveBreakKind::Never << 0.0L;
    QTest::addRow("a NaN logit: NaN at every T")
        << std::vector<long double> {1, std::numeric_limits<long double>::quiet_NaN()} << Format::Float64
        << NaiveBreakKind::Always << 0.0L;
    QTest::addRow("+inf: inf/inf at every T")
        << std::vector<long double> {inf, 0} << Format::Float80 << NaiveBreakKind::Always << 0.0L;
    QTest::addRow("all -inf: 0/0 at every T")
        << std::vector<long double> {-inf, -inf} << Format::Float32 << NaiveBreakKind::Always << 0.0L;
}

void TstNaiveBreak::breakTemperatures()
{
    QFETCH(std::vector<long double>, z);
    QFETCH(Format, format);
    QFETCH(NaiveBreakKind, kind);
    QFETCH(long double, below);
    const auto breaks = naiveBreaks(z);
    const NaiveBreak &b = breaks[static_cast<std::size_t>(format)];
    QVERIFY(b.format == format);
    QVERIFY(b.kind == kind);
    if (kind == NaiveBreakKind::Overflow || kind == NaiveBreakKind::Underflow)
        QVERIFY2(std::fabs(b.below / below - 1) < 1e-11L, ldText(b.below).c_str());
    if (kind == NaiveBreakKind::Overflow)
        QCOMPARE(b.threshold, expOverflowThreshold(format));
    if (kind == NaiveBreakKind::Underflow)
        QCOMPARE(b.threshold, expZeroThreshold(format));
}

// The naive kernel itself, on z / T rounded once to the format: no NaN at 1.01 times the break
// temperature, NaN at 0.99 times it (inf/inf above ln max, 0/0 when every exp is 0).
void TstNaiveBreak::naiveKernelBreaksThere_data()
{
    QTest::addColumn<std::vector<std::string>>("tokens");
    QTest::addColumn<Format>("format");
    const std::vector<std::vector<std::string>> lists {
        {"1000", "1001", "1002", "880"}, {"-60", "-50"}, {"1", "2", "3"}, {"-3", "-1.5", "-2"}, {"25", "-400"}};
    for (const auto &tokens : lists)
        for (Format f : allFormats) {
            std::string name;
            for (const std::string &t : tokens)
                name += (name.empty() ? "" : " ") + t;
            QTest::addRow("[%s] in %s", name.c_str(), std::string(formatName(f)).c_str()) << tokens << f;
        }
}

void TstNaiveBreak::naiveKernelBreaksThere()
{
    QFETCH(std::vector<std::string>, tokens);
    QFETCH(Format, format);
    std::vector<long double> z;
    for (const std::string &t : tokens)
        z.push_back(std::strtold(t.c_str(), nullptr));
    const NaiveBreak b = naiveBreaks(z)[static_cast<std::size_t>(format)];
    QVERIFY(b.kind == NaiveBreakKind::Overflow || b.kind == NaiveBreakKind::Underflow);
    const auto naiveNaN = [&](long double T) {
        const std::vector<long double> tempered = temperedLogits(tokens, ldText(T), format);
        return computeSoftmaxMethods(tempered, format)[static_cast<std::size_t>(SoftmaxMethod::Naive)].nan;
    };
    QVERIFY2(!naiveNaN(b.below * 1.01L), ldText(b.below).c_str());
    QVERIFY2(naiveNaN(b.below * 0.99L), ldText(b.below).c_str());
}

QTEST_APPLESS_MAIN(TstNaiveBreak)
#include "tst_naivebreak.moc"

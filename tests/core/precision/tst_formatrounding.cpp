// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests for core/precision/formatrounding.h: narrowFromDouble() against MPFR's correct
 * rounding (rows that defeat a rounding through float, and 200000 random doubles per format),
 * nextUp()/nextDown() against MPFR's directed rounding, and stochasticRound(): exact values kept,
 * one of the two neighbours, the probability threshold, unbiasedness, and no chance overflow.
 */
#include "precision/formatrounding.h"
#include "precision/mpfrutil.h"
#include "random/rng.h"

#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

using logitlab::Format;
using logitlab::formatInfo;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/** MPFR's correct rounding of the double \a x into \a f (ties to even). */
long double mpRound(double x, Format f, mpfr_rnd_t rnd = MPFR_RNDN)
{
    const mpfr::mpreal e = logitlab::exactValue(x);
    return logitlab::roundToFormat(e.mpfr_srcptr(), f, rnd);
}

template <class S> std::uint16_t bits(S x)
{
    return Eigen::numext::bit_cast<std::uint16_t>(x);
}

/** Bits equal, or both NaN. */
template <class S> bool sameBits(S got, long double want)
{
    const float g = static_cast<float>(got);
    if (std::isnan(want) || std::isnan(g))
        return std::isnan(want) && std::isnan(g);
    return bits(got) == bits(logitlab::fromLongDouble<S>(want));
}

QString text(long double v)
{
    return QString::number(double(v), 'g', 17);
}

/** \a x in C's hexadecimal notation (QString::asprintf has no %a). */
QString hex(double x)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%a", x);
    return QString::fromLatin1(buffer);
}

const char *nameOf(Format f)
{
    return f == Format::Float16 ? "float16" : "bfloat16";
}

/** Calls fn(S{}) with S the 16-bit type of \a f. */
template <class Fn> void with16(Format f, Fn &&fn)
{
    if (f == Format::Float16)
        fn(Eigen::half {});
    else
        fn(Eigen::bfloat16 {});
}

/** The overflow threshold: max + half an ulp of max, where round to nearest starts giving inf. */
double overflowThreshold(Format f)
{
    const auto &i = formatInfo(f);
    return double(i.maxValue) + std::ldexp(1.0, i.maxExponent - i.precision);
}

/** A value of the 16-bit format from its bits, widened to double. */
double fromBits(Format f, std::uint16_t b)
{
    if (f == Format::Float16)
        return double(static_cast<float>(Eigen::numext::bit_cast<Eigen::half>(b)));
    return double(static_cast<float>(Eigen::numext::bit_cast<Eigen::bfloat16>(b)));
}

/** The largest finite positive bit pattern of \a f. */
std::uint16_t maxBits(Format f)
{
    return f == Format::Float16 ? 0x7BFF : 0x7F7F;
}

} // namespace

class TestFormatRounding : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void narrowFromDouble_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const auto &i = formatInfo(f);
            const char *n = nameOf(f);
            const double ulp1 = std::ldexp(1.0, 1 - i.precision); // the ulp of 1
            const double tieEven = 1.0 + ulp1 / 2, tieOdd = 1.0 + 1.5 * ulp1; // between 1 and its neighbours
            const double up = kInf, down = 0.0;
            // A float keeps 24 bits: one double ulp away from a tie, float rounds onto the tie and a
            // second rounding to the format goes to even, the wrong way half the time.
            QTest::addRow("%s tie above 1 goes to even (1)", n) << f << tieEven;
            QTest::addRow("%s 1 ulp of double above the tie above 1", n) << f << std::nextafter(tieEven, up);
            QTest::addRow("%s 1 ulp of double below the tie above 1", n) << f << std::nextafter(tieEven, down);
            QTest::addRow("%s odd tie goes up to even", n) << f << tieOdd;
            QTest::addRow("%s 1 ulp of double below the odd tie", n) << f << std::nextafter(tieOdd, down);
            QTest::addRow("%s 1 ulp of double above the odd tie", n) << f << std::nextafter(tieOdd, up);
            QTest::addRow("%s negative: below the tie", n) << f << -std::nextafter(tieEven, down);
            QTest::addRow("%s negative: above the tie", n) << f << -std::nextafter(tieEven, up);
            const double bigTie = std::ldexp(1.0 + 3 * ulp1 / 2, 10); // a tie with an exponent of 10
            QTest::addRow("%s tie at 2^10 plus a double ulp", n) << f << std::nextafter(bigTie, up);
            QTest::addRow("%s tie at 2^10 minus a double ulp", n) << f << std::nextafter(bigTie, down);
            // Near the largest value: the threshold max + ulp/2 is a tie that goes to "even", inf.
            const double max = double(i.maxValue), threshold = overflowThreshold(f);
            QTest::addRow("%s max", n) << f << max;
            QTest::addRow("%s just above max", n) << f << std::nextafter(max, up);
            QTest::addRow("%s 1 ulp of double below the overflow threshold", n) << f << std::nextafter(threshold, down);
            QTest::addRow("%s the overflow threshold (tie to inf)", n) << f << threshold;
            QTest::addRow("%s 1 ulp of double above the overflow threshold", n) << f << std::nextafter(threshold, up);
            QTest::addRow("%s minus the overflow threshold", n) << f << -threshold;
            QTest::addRow("%s twice max", n) << f << 2 * max;
            // Subnormals: min/2 is a tie between 0 and min (goes to 0), 3 min / 2 a tie going to 2 min.
            const double min = double(i.minSubnormal), minNormal = double(i.minNormal);
            QTest::addRow("%s smallest subnormal", n) << f << min;
            QTest::addRow("%s half the smallest subnormal (tie to 0)", n) << f << min / 2;
            QTest::addRow("%s 1 ulp of double above min/2", n) << f << std::nextafter(min / 2, up);
            QTest::addRow("%s 1 ulp of double below min/2", n) << f << std::nextafter(min / 2, down);
            QTest::addRow("%s minus half the smallest subnormal", n) << f << -min / 2;
            QTest::addRow("%s minus (min/2 + 1 ulp of double)", n) << f << -std::nextafter(min / 2, up);
            QTest::addRow("%s 3/2 of the smallest subnormal (tie to 2 min)", n) << f << 1.5 * min;
            QTest::addRow("%s 5/2 of the smallest subnormal minus a double ulp", n)
                << f << std::nextafter(2.5 * min, down);
            QTest::addRow("%s largest subnormal", n) << f << minNormal - min;
            QTest::addRow("%s tie between largest subnormal and min normal", n) << f << minNormal - min / 2;
            QTest::addRow("%s below that tie by a double ulp", n) << f << std::nextafter(minNormal - min / 2, down);
            QTest::addRow("%s a quarter of the smallest subnormal", n) << f << min / 4;
            // Special values and the ends of double.
            QTest::addRow("%s NaN", n) << f << kNaN;
            QTest::addRow("%s +inf", n) << f << kInf;
            QTest::addRow("%s -inf", n) << f << -kInf;
            QTest::addRow("%s +0", n) << f << 0.0;
            QTest::addRow("%s -0", n) << f << -0.0;
            QTest::addRow("%s 1e300", n) << f << 1e300;
            QTest::addRow("%s -1e300", n) << f << -1e300;
            QTest::addRow("%s 1e-300", n) << f << 1e-300;
            QTest::addRow("%s -1e-300", n) << f << -1e-300;
            QTest::addRow("%s 0.1", n) << f << 0.1;
            QTest::addRow("%s largest double", n) << f << std::numeric_limits<double>::max();
            QTest::addRow("%s smallest double subnormal", n) << f << std::numeric_limits<double>::denorm_min();
        }
        // bfloat16 lives in float's exponent range: around float's largest value and its subnormals.
        QTest::addRow("bfloat16 largest float") << Format::BFloat16 << double(std::numeric_limits<float>::max());
        QTest::addRow("bfloat16 just past the largest float") << Format::BFloat16 << 3.4028235677973366e38;
        QTest::addRow("bfloat16 tie at 2^-130 plus a double ulp")
            << Format::BFloat16 << std::nextafter(std::ldexp(1.0 + 3.0 / 256, -130), kInf);
        QTest::addRow("bfloat16 smallest float subnormal") << Format::BFloat16 << 0x1p-149;
    }
    void narrowFromDouble()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        const long double want = mpRound(x, format);
        with16(format, [&](auto s) {
            using S = decltype(s);
            const S got = logitlab::narrowFromDouble<S>(x);
            QVERIFY2(sameBits(got, want),
                qPrintable(QStringLiteral("x=%1 (%2): got %3, MPFR %4")
                               .arg(text(x))
                               .arg(hex(x))
                               .arg(text(logitlab::toLongDouble(got)))
                               .arg(text(want))));
        });
    }

    /**
     * 200000 doubles per format against MPFR: half of them with a random exponent over the
     * format's range (and a little past it) and 52 random significand bits, half within 3 ulps of
     * double of a tie between two neighbouring values of the format (a random bit pattern).
     */
    void narrowFromDoubleRandom_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addRow("float16") << Format::Float16;
        QTest::addRow("bfloat16") << Format::BFloat16;
    }
    void narrowFromDoubleRandom()
    {
        QFETCH(Format, format);
        const auto &info = formatInfo(format);
        logitlab::Rng rng(2024, std::uint64_t(format));
        const int eLo = info.minExponent - info.precision - 2, eHi = info.maxExponent + 2;
        long long wrong = 0, ties = 0;
        QString first;
        for (int i = 0; i < 200000; ++i) {
            double x;
            if (i % 2 == 0) {
                const double m = 1.0 + double(rng.next() >> 12) * 0x1p-52;
                x = std::ldexp(m, eLo + int(rng.below(std::uint64_t(eHi - eLo + 1))));
            } else {
                // A positive finite pattern below the largest, its successor, and their midpoint.
                const auto b = std::uint16_t(rng.below(maxBits(format)));
                const double lo = fromBits(format, b), hi = fromBits(format, std::uint16_t(b + 1));
                x = lo + (hi - lo) / 2; // exact: the midpoint of two format values fits double
                for (int k = int(rng.below(7)) - 3; k != 0; k += k > 0 ? -1 : 1)
                    x = std::nextafter(x, k > 0 ? kInf : 0.0);
                ties += x == lo + (hi - lo) / 2;
            }
            if (rng.below(2))
                x = -x;
            const long double want = mpRound(x, format);
            with16(format, [&](auto s) {
                using S = decltype(s);
                const S got = logitlab::narrowFromDouble<S>(x);
                if (!sameBits(got, want)) {
                    if (wrong++ == 0)
                        first = QStringLiteral("x=%1: got %2, MPFR %3")
                                    .arg(hex(x))
                                    .arg(text(logitlab::toLongDouble(got)))
                                    .arg(text(want));
                }
            });
        }
        QVERIFY(ties > 10000); // exact ties were drawn too
        QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 wrong, first: %2").arg(wrong).arg(first)));
    }

    /** nextUp/nextDown against MPFR: x plus (minus) 2^-1000 rounded up (down) into the format. */
    void nextUpDown_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const auto &i = formatInfo(f);
            const char *n = nameOf(f);
            const double max = double(i.maxValue), min = double(i.minSubnormal), minNormal = double(i.minNormal);
            QTest::addRow("%s +0", n) << f << 0.0;
            QTest::addRow("%s -0", n) << f << -0.0;
            QTest::addRow("%s max", n) << f << max;
            QTest::addRow("%s -max", n) << f << -max;
            QTest::addRow("%s smallest subnormal", n) << f << min;
            QTest::addRow("%s -smallest subnormal", n) << f << -min;
            QTest::addRow("%s largest subnormal", n) << f << minNormal - min;
            QTest::addRow("%s -min normal", n) << f << -minNormal;
            QTest::addRow("%s 1", n) << f << 1.0;
            QTest::addRow("%s -1", n) << f << -1.0;
            QTest::addRow("%s 2 (a power of two: smaller ulp below)", n) << f << 2.0;
        }
    }
    void nextUpDown()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        mpfr::mpreal tiny(1, 64);
        tiny = mpfr::ldexp(tiny, -1000);
        const mpfr::mpreal e = logitlab::exactValue(x, 2048);
        const mpfr::mpreal above = e + tiny, below = e - tiny;
        const long double up = logitlab::roundToFormat(above.mpfr_srcptr(), format, MPFR_RNDU);
        const long double down = logitlab::roundToFormat(below.mpfr_srcptr(), format, MPFR_RNDD);
        with16(format, [&](auto s) {
            using S = decltype(s);
            const S v = logitlab::fromLongDouble<S>(x);
            const S gotUp = logitlab::nextUp(v), gotDown = logitlab::nextDown(v);
            QVERIFY2(sameBits(gotUp, up),
                qPrintable(
                    QStringLiteral("nextUp: got %1, MPFR %2").arg(text(logitlab::toLongDouble(gotUp))).arg(text(up))));
            QVERIFY2(sameBits(gotDown, down),
                qPrintable(QStringLiteral("nextDown: got %1, MPFR %2")
                               .arg(text(logitlab::toLongDouble(gotDown)))
                               .arg(text(down))));
        });
    }

    /** Values of the format (and NaN, infinities) come back unchanged whatever u is. */
    void stochasticExactUnchanged_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const auto &i = formatInfo(f);
            const char *n = nameOf(f);
            QTest::addRow("%s 1", n) << f << 1.0;
            QTest::addRow("%s -1.5", n) << f << -1.5;
            QTest::addRow("%s +0", n) << f << 0.0;
            QTest::addRow("%s -0", n) << f << -0.0;
            QTest::addRow("%s smallest subnormal", n) << f << double(i.minSubnormal);
            QTest::addRow("%s max", n) << f << double(i.maxValue);
            QTest::addRow("%s -max", n) << f << -double(i.maxValue);
            QTest::addRow("%s NaN", n) << f << kNaN;
            QTest::addRow("%s +inf", n) << f << kInf;
            QTest::addRow("%s -inf", n) << f << -kInf;
        }
    }
    void stochasticExactUnchanged()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        const long double want = mpRound(x, format); // x itself (NaN for NaN)
        QVERIFY(std::isnan(x) || want == x);
        with16(format, [&](auto s) {
            using S = decltype(s);
            for (double u : {0.0, 0.25, 0.5, 1.0 - 0x1p-53})
                QVERIFY2(sameBits(logitlab::stochasticRound<S>(x, u), want), qPrintable(QStringLiteral("u=%1").arg(u)));
        });
    }

    /**
     * The result is hi exactly when u < p = (x - lo) / (hi - lo), lo and hi the neighbours of x.
     * Rows with p = 1/4 or 3/4 exactly: u just below p gives hi, u = p gives lo.
     */
    void stochasticThreshold_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("p");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const auto &i = formatInfo(f);
            const char *n = nameOf(f);
            const double ulp1 = std::ldexp(1.0, 1 - i.precision), min = double(i.minSubnormal);
            // lo = 1, hi = 1 + ulp: p = (x - 1) / ulp.
            QTest::addRow("%s 1 + ulp/4", n) << f << 1.0 + ulp1 / 4 << 0.25;
            QTest::addRow("%s 1 + 3 ulp/4", n) << f << 1.0 + 3 * ulp1 / 4 << 0.75;
            // Negative: lo = -(1 + ulp), hi = -1, so x = -(1 + ulp/4) has p = 3/4.
            QTest::addRow("%s -(1 + ulp/4)", n) << f << -(1.0 + ulp1 / 4) << 0.75;
            // Subnormal: lo = min, hi = 2 min.
            QTest::addRow("%s 5/4 of the smallest subnormal", n) << f << 1.25 * min << 0.25;
            // Between 0 and min: lo = 0.
            QTest::addRow("%s 3/4 of the smallest subnormal", n) << f << 0.75 * min << 0.75;
            // Below 1 the ulp halves: lo = 1 - ulp/2, hi = 1.
            QTest::addRow("%s 1 - ulp/8", n) << f << 1.0 - ulp1 / 8 << 0.75;
        }
    }
    void stochasticThreshold()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        QFETCH(double, p);
        const long double lo = mpRound(x, format, MPFR_RNDD), hi = mpRound(x, format, MPFR_RNDU);
        QCOMPARE(double((x - lo) / (hi - lo)), p); // the row's own derivation
        with16(format, [&](auto s) {
            using S = decltype(s);
            QVERIFY(sameBits(logitlab::stochasticRound<S>(x, 0.0), hi));
            QVERIFY(sameBits(logitlab::stochasticRound<S>(x, std::nextafter(p, 0.0)), hi));
            QVERIFY(sameBits(logitlab::stochasticRound<S>(x, p), lo));
            QVERIFY(sameBits(logitlab::stochasticRound<S>(x, 1.0 - 0x1p-53), lo));
        });
    }

    /** For random x below max and random u, the result is x rounded down or up (MPFR). */
    void stochasticNeighbours_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addRow("float16") << Format::Float16;
        QTest::addRow("bfloat16") << Format::BFloat16;
    }
    void stochasticNeighbours()
    {
        QFETCH(Format, format);
        const auto &info = formatInfo(format);
        logitlab::Rng rng(77, std::uint64_t(format));
        const int eLo = info.minExponent - info.precision - 2, eHi = info.maxExponent - 1;
        long long downs = 0, ups = 0;
        for (int i = 0; i < 20000; ++i) {
            const double m = 1.0 + double(rng.next() >> 12) * 0x1p-52;
            double x = std::ldexp(m, eLo + int(rng.below(std::uint64_t(eHi - eLo + 1))));
            if (rng.below(2))
                x = -x;
            const double u = rng.uniform();
            const long double lo = mpRound(x, format, MPFR_RNDD), hi = mpRound(x, format, MPFR_RNDU);
            with16(format, [&](auto s) {
                using S = decltype(s);
                const S got = logitlab::stochasticRound<S>(x, u);
                const bool isLo = sameBits(got, lo), isHi = sameBits(got, hi);
                downs += isLo && lo != hi;
                ups += isHi && lo != hi;
                QVERIFY2(isLo || isHi,
                    qPrintable(QStringLiteral("x=%1 u=%2: got %3, neighbours %4 and %5")
                                   .arg(hex(x))
                                   .arg(u)
                                   .arg(text(logitlab::toLongDouble(got)))
                                   .arg(text(lo))
                                   .arg(text(hi))));
            });
        }
        QVERIFY(downs > 1000 && ups > 1000); // both neighbours were drawn
    }

    /**
     * E[stochasticRound(x, u)] = x. With lo, hi the neighbours and p = (x - lo) / (hi - lo), each
     * draw is lo + (hi - lo) B with B a Bernoulli(p) variable, so the mean of N draws has standard
     * deviation (hi - lo) sqrt(p (1 - p) / N); the test allows 6 of them (a false alarm has
     * probability about 2e-9). u is Rng's uniform (53-bit multiples of 2^-53), whose
     * P(u < p) differs from p by less than 2^-53.
     */
    void stochasticUnbiased_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const auto &i = formatInfo(f);
            const char *n = nameOf(f);
            const double ulp1 = std::ldexp(1.0, 1 - i.precision), min = double(i.minSubnormal);
            QTest::addRow("%s p = 1/2 at 1", n) << f << 1.0 + ulp1 / 2;
            QTest::addRow("%s p = 0.1 at 1", n) << f << 1.0 + 0.1 * ulp1;
            QTest::addRow("%s p = 0.01 at 1", n) << f << 1.0 + 0.01 * ulp1;
            QTest::addRow("%s p = 0.999 at 1", n) << f << 1.0 + 0.999 * ulp1;
            QTest::addRow("%s negative, p = 0.3", n) << f << -(3.0 + 0.7 * 2 * ulp1);
            QTest::addRow("%s subnormal, p = 0.37", n) << f << 5.37 * min;
            QTest::addRow("%s between 0 and min, p = 0.2", n) << f << 0.2 * min;
            QTest::addRow("%s large, p = 0.6", n) << f << std::ldexp(1.0 + 0.6 * ulp1, i.maxExponent - 1);
        }
    }
    void stochasticUnbiased()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        const long double lo = mpRound(x, format, MPFR_RNDD), hi = mpRound(x, format, MPFR_RNDU);
        QVERIFY(lo < hi);
        const long double p = (x - lo) / (hi - lo);
        constexpr int draws = 100000;
        logitlab::Rng rng(99);
        long double sum = 0.0L; // exact: at most 2^17 values with the same ulp
        with16(format, [&](auto s) {
            using S = decltype(s);
            for (int i = 0; i < draws; ++i)
                sum += logitlab::toLongDouble(logitlab::stochasticRound<S>(x, rng.uniform()));
        });
        const long double mean = sum / draws;
        const long double bound = 6 * (hi - lo) * std::sqrt(p * (1 - p) / draws);
        QVERIFY2(std::fabs(mean - x) <= bound,
            qPrintable(QStringLiteral("mean %1, x %2, |difference| %3 > bound %4 (p = %5)")
                           .arg(text(mean))
                           .arg(text(x))
                           .arg(text(std::fabs(mean - x)))
                           .arg(text(bound))
                           .arg(text(p))));
    }

    /**
     * Between max and the overflow threshold the neighbours are max and inf: stochastic rounding
     * keeps max whatever u is (never inf by chance). From the threshold on, round to nearest
     * already gives inf, and the file comment says such values are returned as rounded to nearest.
     */
    void stochasticPastMax_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<double>("x");
        for (Format f : {Format::Float16, Format::BFloat16}) {
            const double max = double(formatInfo(f).maxValue), threshold = overflowThreshold(f);
            const char *n = nameOf(f);
            QTest::addRow("%s just above max", n) << f << std::nextafter(max, kInf);
            QTest::addRow("%s halfway to the threshold", n) << f << max + (threshold - max) / 2;
            QTest::addRow("%s just below the threshold", n) << f << std::nextafter(threshold, 0.0);
            QTest::addRow("%s minus just below the threshold", n) << f << -std::nextafter(threshold, 0.0);
            QTest::addRow("%s the threshold", n) << f << threshold;
            QTest::addRow("%s twice max", n) << f << 2 * max;
            QTest::addRow("%s -1e300", n) << f << -1e300;
        }
    }
    void stochasticPastMax()
    {
        QFETCH(Format, format);
        QFETCH(double, x);
        const long double want = mpRound(x, format); // +-max below the threshold, +-inf from it
        QCOMPARE(std::isinf(want), std::fabs(x) >= overflowThreshold(format));
        with16(format, [&](auto s) {
            using S = decltype(s);
            for (double u : {0.0, 0x1p-53, 0.5, 1.0 - 0x1p-53})
                QVERIFY2(sameBits(logitlab::stochasticRound<S>(x, u), want), qPrintable(QStringLiteral("u=%1").arg(u)));
        });
    }
};

QTEST_APPLESS_MAIN(TestFormatRounding)
#include "tst_formatrounding.moc"

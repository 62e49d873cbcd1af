// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests of online softmax (core/softmax/onlinesoftmax.h) against the MPFR reference and the
 * two-pass shifted softmax.
 *
 * The bound checked (derived in onlinesoftmax.h, repeated here), first order in u = 2^-p, with
 * M = max z, d_i = z_i - M, n the length and R the number of rescales (the j where z_j exceeds
 * every earlier logit and that earlier max is above -inf):
 *   each term e_j = exp(fl(z_j - m_j)) carries (|z_j - m_j| + 3) u (argument, exp within 1.5 ulp);
 *   each later rescale multiplies it by fl(exp(fl(m_{k-1} - m_k))) (|m_{k-1} - m_k| + 2) u, and
 *   rounds the product, u; the arguments' errors telescope to |d_j| u, so a term carries
 *   (|d_j| + 3 + 3R) u; the sum (same tree as shifted's, n - 1 levels) adds (n - 1) u to the
 *   weighted mean of those, which is <= (n/e + 3 + 3R) u; the numerator exp(fl(z_i - M)) brings
 *   (|d_i| + 3) u and the division u:
 *     |online_i - exact| <= |d_i| + 2n + 6 + 3R ulps         (shifted: the same with R = 0)
 *     |online_i - shifted_i| <= 4n + 6 + 3R ulps of shifted_i  (the numerators are the same bits)
 * An underflowing factor (a jump of the max past -ln(min normal)) errs by at most L/2, L the
 * smallest subnormal, moving d >= 1 by (n + 1) L / 2 < u for n L <= u: inside the 3 per rescale.
 * The bound is first order: it is checked where n u <= 1/2 (n <= 1024 in float16, <= 128 in
 * bfloat16); longer rows check what is exact (bit equality without rescales, NaN, flags).
 * Where R = 0 the online pass adds the shifted method's terms in the shifted method's order, so
 * online == shifted bit for bit; that is asserted on every such row.
 */
#include "../precision/ldcompare.h"
#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"
#include "softmax/onlinesoftmax.h"
#include "softmax/softmax.h"
#include "softmax/softmaxreference.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace logitlab;

namespace {

const long double kInf = std::numeric_limits<long double>::infinity();
const long double kNaN = std::numeric_limits<long double>::quiet_NaN();

/** \brief One kernel's values (widened) and flags. */
struct Run {
    std::vector<long double> values;
    SoftmaxFlags flags;
};

enum class Kernel { Online, Shifted };

Run run(Kernel k, const std::vector<long double> &z, Format f)
{
    return visitFormat(f, [&](auto tag) {
        using S = typename decltype(tag)::type;
        const auto n = static_cast<Eigen::Index>(z.size());
        Vector<S> in(n), out(n);
        for (Eigen::Index i = 0; i < n; ++i)
            in[i] = fromLongDouble<S>(z[static_cast<std::size_t>(i)]);
        Run r;
        if (k == Kernel::Online)
            onlineSoftmax<S>(in, out, &r.flags);
        else
            shiftedSoftmax<S>(in, out, &r.flags);
        for (Eigen::Index i = 0; i < n; ++i)
            r.values.push_back(toLongDouble(out[i]));
        return r;
    });
}

/** The rescales the online pass makes: logits above every earlier one, when that max is above -inf. */
int rescales(const std::vector<long double> &z)
{
    long double m = -kInf;
    int r = 0;
    for (long double x : z) {
        if (std::isnan(x))
            break;
        if (x > m) {
            r += m > -kInf ? 1 : 0;
            m = x;
        }
    }
    return r;
}

/** \a v rounded to \a f (one rounding from the double). */
long double in(double v, Format f)
{
    return roundToFormat(mpfr::mpreal(v), f);
}

std::vector<long double> randomLogits(int n, double lo, double hi, Format f, std::uint64_t seed)
{
    testsupport::SplitMix64 rng {seed};
    std::vector<long double> z;
    for (int i = 0; i < n; ++i)
        z.push_back(in(rng.uniform(lo, hi), f));
    return z;
}

/** n logits from \a first, each the next value of the format above the one before: a rescale every step. */
std::vector<long double> ulpStaircase(int n, long double first, Format f)
{
    std::vector<long double> z {first};
    while (static_cast<int>(z.size()) < n)
        z.push_back(nextUp(z.back(), f));
    return z;
}

bool sameFlags(const SoftmaxFlags &a, const SoftmaxFlags &b)
{
    return a.overflow == b.overflow && a.underflow == b.underflow && a.sumOverflow == b.sumOverflow;
}

} // namespace

class TestOnlineSoftmax : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withinBound_data();
    void withinBound();
    void equalsShiftedWithoutRescale_data();
    void equalsShiftedWithoutRescale();
    void specialValues_data();
    void specialValues();
};

void TestOnlineSoftmax::withinBound_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<long double>>("logits");
    for (Format f : allFormats) {
        const char *name = formatName(f).data();
        const FormatInfo &info = formatInfo(f);
        const auto row = [&](const char *what, std::vector<long double> z) {
            QTest::addRow("%s %s", name, what) << f << std::move(z);
        };
        // The course's example: R = 1 (2 > -3).
        row("ordinary [-3, 2, -1, 0]", {in(-3, f), in(2, f), in(-1, f), in(0, f)});
        row("ordinary n=10 in [-5, 5]", randomLogits(10, -5, 5, f, 11));
        row("large spread n=100 in [-1e4, 1e4]", randomLogits(100, -1e4, 1e4, f, 12));
        row("large spread n=1000 in [-30, 30]", randomLogits(1000, -30, 30, f, 13));
        // Increasing: the max grows at every step, R = n - 1, the worst case for the rescales.
        std::vector<long double> up;
        for (int j = 0; j < 100; ++j)
            up.push_back(in(-25 + 0.5 * j, f));
        row("increasing n=100 by 0.5", up);
        std::vector<long double> up1000;
        for (int j = 0; j < 1000; ++j)
            up1000.push_back(in(-15 + 0.03 * j, f));
        row("increasing n=1000 by 0.03", up1000);
        row("increasing n=100 by one ulp from 1", ulpStaircase(100, 1, f));
        row("increasing n=1000 by one ulp from 1", ulpStaircase(1000, 1, f));
        // Decreasing and equal: the max comes first, R = 0.
        std::reverse(up.begin(), up.end());
        row("decreasing n=100 by 0.5", up);
        row("equal values [3, 3, 3, 3]", {3, 3, 3, 3});
        // exp(z) overflows for the naive form; every rescale factor exp(-1000) underflows to 0 (but
        // not in float80, where it is 5e-435).
        row("overflowing [1000, 2000, 3000, 4000, 5000]",
            {in(1000, f), in(2000, f), in(3000, f), in(4000, f), in(5000, f)});
        // Every exp(z) underflows for the naive form (z below ln(min subnormal)).
        const double low = std::floor(static_cast<double>(info.lnMinSubnormal)) - 20;
        row("underflowing, all below ln(min subnormal)", {in(low, f), in(low - 1, f), in(low + 0.5, f)});
        // A probability in the subnormal range, reached with a rescale whose factor is subnormal
        // ([s, 0]) and without one ([0, s]).
        const double s = static_cast<double>(info.lnMinNormal + info.lnMinSubnormal) / 2;
        row("subnormal p, subnormal factor [s, 0]", {in(s, f), 0});
        row("subnormal p, no rescale [0, s]", {0, in(s, f)});
        row("-inf logit gets 0 [0, -inf, 1]", {0, -kInf, 1});
        row("one element [-7]", {-7});
        row("100000 equal values", std::vector<long double>(100000, 0.0L));
        if (f != Format::Float16 && f != Format::BFloat16) {
            // 16-bit rows this long have n u >> 1 (the sum stagnates: 2048 + 1 = 2048 in float16).
            // In random order the max grows about ln n = 12 times.
            row("100000 random in [-10, 10]", randomLogits(100000, -10, 10, f, 14));
            std::vector<long double> longUp;
            for (int j = 0; j < 100000; ++j)
                longUp.push_back(in(-50 + 1e-3 * j, f));
            row("100000 increasing by 1e-3", longUp);
        }
    }
}

void TestOnlineSoftmax::withinBound()
{
    QFETCH(Format, format);
    QFETCH(std::vector<long double>, logits);
    const int n = static_cast<int>(logits.size());
    const int R = rescales(logits);
    const Run online = run(Kernel::Online, logits, format);
    const Run shifted = run(Kernel::Shifted, logits, format);
    QCOMPARE(online.values.size(), logits.size());
    QVERIFY(sameFlags(online.flags, shifted.flags));
    if (R == 0)
        for (int i = 0; i < n; ++i)
            LL_COMPARE(online.values[i], shifted.values[i]);

    const double u = std::ldexp(1.0, -formatInfo(format).precision);
    if (n * u > 0.5)
        return; // past the first-order bound's reach: the exact checks above are what holds
    const SoftmaxReference ref = softmaxReference(logits);
    const long double M = *std::max_element(logits.begin(), logits.end());
    for (int i = 0; i < n; ++i) {
        if (logits[i] == -kInf) { // exp(-inf) = 0 exactly
            LL_COMPARE(online.values[i], 0.0L);
            continue;
        }
        const double d = static_cast<double>(M - logits[i]);
        const double bound = d + 2.0 * n + 6 + 3.0 * R;
        const double err = ulpError(online.values[i], ref.softmax[i], format);
        QVERIFY2(err <= bound,
            qPrintable(QStringLiteral("online[%1] = %2: %3 ulp > %4 (R = %5)")
                           .arg(i)
                           .arg(static_cast<double>(online.values[i]))
                           .arg(err)
                           .arg(bound)
                           .arg(R)));
        QVERIFY(ulpError(shifted.values[i], ref.softmax[i], format) <= d + 2.0 * n + 6);
        const double apart = ulpError(online.values[i], exactValue(shifted.values[i]), format);
        QVERIFY2(apart <= 4.0 * n + 6 + 3.0 * R,
            qPrintable(QStringLiteral("online[%1] is %2 ulp from shifted").arg(i).arg(apart)));
    }
}

// Without a rescale the online sum is the shifted sum, term for term and addition for addition:
// every length that splits differently into Eigen's packets (below one packet, one, two, pairs
// with and without an extra packet and a tail; 256-element blocks and one past), random logits
// with the max moved to the front; the same behind -inf logits (exp(-inf) = 0 before any max).
void TestOnlineSoftmax::equalsShiftedWithoutRescale_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<long double>>("logits");
    for (Format f : allFormats)
        for (int n : {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40, 255, 256, 257, 1000, 4097}) {
            std::vector<long double> z = randomLogits(n, -20, 20, f, static_cast<std::uint64_t>(n) * 31 + 7);
            std::iter_swap(z.begin(), std::max_element(z.begin(), z.end()));
            QTest::addRow("%s n=%d max first", formatName(f).data(), n) << f << z;
            z.insert(z.begin(), {-kInf, -kInf});
            QTest::addRow("%s n=%d after two -inf", formatName(f).data(), n + 2) << f << z;
        }
}

void TestOnlineSoftmax::equalsShiftedWithoutRescale()
{
    QFETCH(Format, format);
    QFETCH(std::vector<long double>, logits);
    QCOMPARE(rescales(logits), 0);
    const Run online = run(Kernel::Online, logits, format);
    const Run shifted = run(Kernel::Shifted, logits, format);
    QCOMPARE(online.values.size(), shifted.values.size());
    for (std::size_t i = 0; i < logits.size(); ++i)
        LL_COMPARE(online.values[i], shifted.values[i]);
    QVERIFY(sameFlags(online.flags, shifted.flags));
}

// NaN, inf, -inf and empty as the shifted method gives them (expected values by hand: a NaN or
// +inf makes every p NaN, since the shift gives NaN or inf - inf; a -inf logit gets exactly 0;
// all -inf is -inf - (-inf) = NaN).
void TestOnlineSoftmax::specialValues_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<long double>>("logits");
    QTest::addColumn<std::vector<long double>>("expected");
    using V = std::vector<long double>;
    for (Format f : allFormats) {
        const char *n = formatName(f).data();
        QTest::addRow("%s NaN [1, NaN, 2]", n) << f << V {1, kNaN, 2} << V {kNaN, kNaN, kNaN};
        QTest::addRow("%s NaN first [NaN, 1, 2]", n) << f << V {kNaN, 1, 2} << V {kNaN, kNaN, kNaN};
        QTest::addRow("%s NaN after a rescale [1, 2, NaN]", n) << f << V {1, 2, kNaN} << V {kNaN, kNaN, kNaN};
        QTest::addRow("%s +inf [1, inf, 2]", n) << f << V {1, kInf, 2} << V {kNaN, kNaN, kNaN};
        QTest::addRow("%s +inf first [inf, 1]", n) << f << V {kInf, 1} << V {kNaN, kNaN};
        QTest::addRow("%s -inf [0, -inf, 0]", n) << f << V {0, -kInf, 0} << V {0.5L, 0, 0.5L};
        QTest::addRow("%s -inf first [-inf, 0, 0]", n) << f << V {-kInf, 0, 0} << V {0, 0.5L, 0.5L};
        QTest::addRow("%s -inf only [-inf, -inf]", n) << f << V {-kInf, -kInf} << V {kNaN, kNaN};
        QTest::addRow("%s -inf then +inf [-inf, inf]", n) << f << V {-kInf, kInf} << V {kNaN, kNaN};
        QTest::addRow("%s empty", n) << f << V {} << V {};
        QTest::addRow("%s one element [-7]", n) << f << V {-7} << V {1};
        QTest::addRow("%s equal [3, 3, 3, 3]", n) << f << V {3, 3, 3, 3} << V {0.25L, 0.25L, 0.25L, 0.25L};
        // Rescaled by exp(-1) once: 1/(1 + e) and e/(1 + e) are not exact, so only the shape is
        // checked here (withinBound checks the values); the increasing pair stays finite.
        QTest::addRow("%s two-element rescale [0, 1]", n) << f << V {0, 1} << V {};
    }
}

void TestOnlineSoftmax::specialValues()
{
    QFETCH(Format, format);
    QFETCH(std::vector<long double>, logits);
    QFETCH(std::vector<long double>, expected);
    const Run online = run(Kernel::Online, logits, format);
    const Run shifted = run(Kernel::Shifted, logits, format);
    QCOMPARE(online.values.size(), logits.size());
    QVERIFY(sameFlags(online.flags, shifted.flags));
    for (std::size_t i = 0; i < logits.size(); ++i) {
        // NaN exactly where the shifted method has NaN, whatever the rescales did.
        QCOMPARE(std::isnan(online.values[i]), std::isnan(shifted.values[i]));
        if (!expected.empty())
            LL_COMPARE(online.values[i], expected[i]);
        else
            QVERIFY(std::isfinite(online.values[i]) && online.values[i] > 0 && online.values[i] < 1);
    }
}

QTEST_APPLESS_MAIN(TestOnlineSoftmax)
#include "tst_onlinesoftmax.moc"

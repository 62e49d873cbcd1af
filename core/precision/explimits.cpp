// SPDX-License-Identifier: GPL-3.0-or-later
#include "precision/explimits.h"

#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"

#include <mpfr.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace logitlab {
namespace {

/**
 * fn(r, rnd) correctly rounded to \a f: fn writes a value rounded in direction rnd at r's
 * precision; Ziv's loop widens the precision until the rounding down and the rounding up give
 * the same value of f. Throws if they never do (a value exactly on a rounding boundary, which
 * exp and ln of our arguments never are).
 */
template <class Fn> long double roundedOnce(Format f, Fn &&fn)
{
    const WideExponentRange wide;
    long double result = 0;
    bool determined = false;
    refineUntilStable([&](mpfr_prec_t p) {
        mpfr::mpreal lo(0, p), hi(0, p);
        fn(lo.mpfr_ptr(), MPFR_RNDD);
        fn(hi.mpfr_ptr(), MPFR_RNDU);
        const long double a = roundToFormat(lo.mpfr_srcptr(), f, MPFR_RNDN);
        const long double b = roundToFormat(hi.mpfr_srcptr(), f, MPFR_RNDN);
        result = a;
        determined = a == b;
        return determined;
    });
    if (!determined)
        throw std::logic_error("explimits: a value on a rounding boundary of " + std::string(formatName(f)));
    return result;
}

/** ln(\a boundary) at 256 bits, in decimal with \a digits significant digits. */
std::string lnDigits(const mpfr::mpreal &boundary, int digits)
{
    const WideExponentRange wide;
    mpfr::mpreal v(0, referencePrecision);
    mpfr_log(v.mpfr_ptr(), boundary.mpfr_srcptr(), MPFR_RNDN);
    char *text = nullptr;
    mpfr_asprintf(&text, "%.*RNg", digits, v.mpfr_srcptr());
    std::string s(text);
    mpfr_free_str(text);
    return s;
}

/** ln(\a boundary) correctly rounded to \a f. */
long double lnRoundedTo(const mpfr::mpreal &boundary, Format f)
{
    return roundedOnce(f, [&](mpfr_ptr r, mpfr_rnd_t rnd) { mpfr_log(r, boundary.mpfr_srcptr(), rnd); });
}

/** Steps the search may take from its start before it gives up (it needs at most two). */
constexpr int maxSteps = 64;

/**
 * The largest x of \a f for which ok(x) holds, ok being true below some point and false above
 * it, stepping from \a x (a value of f near that point).
 */
template <class Pred> long double largestWhere(long double x, Format f, Pred &&ok)
{
    for (int step = 0; step < maxSteps; ++step) {
        if (!ok(x))
            x = nextDown(x, f);
        else if (const long double up = nextUp(x, f); ok(up))
            x = up;
        else
            return x;
    }
    throw std::logic_error("explimits: the search did not settle in " + std::string(formatName(f)));
}

/** The smallest x of \a f for which ok(x) holds, ok being false below some point and true above it. */
template <class Pred> long double smallestWhere(long double x, Format f, Pred &&ok)
{
    for (int step = 0; step < maxSteps; ++step) {
        if (!ok(x))
            x = nextUp(x, f);
        else if (const long double down = nextDown(x, f); ok(down))
            x = down;
        else
            return x;
    }
    throw std::logic_error("explimits: the search did not settle in " + std::string(formatName(f)));
}

} // namespace

int thresholdDigits(Format f)
{
    // Decimal digits of p bits, ceil(p * log10(2)), plus 3 so that neighbours near 10^4 differ.
    const int bitsAsDigits = (formatInfo(f).precision * 30103 + 99999) / 100000;
    return std::max(20, bitsAsDigits + 3);
}

long double expRoundedTo(long double x, Format f)
{
    const mpfr::mpreal exact = exactValue(x, 64);
    return roundedOnce(f, [&](mpfr_ptr r, mpfr_rnd_t rnd) { mpfr_exp(r, exact.mpfr_srcptr(), rnd); });
}

ExpLimits expLimits(Format f)
{
    const FormatInfo &info = formatInfo(f);
    ExpLimits limits;
    limits.format = f;
    limits.epsilon = info.epsilon;
    limits.maxValue = info.maxValue;
    limits.minNormal = info.minNormal;
    limits.minSubnormal = info.minSubnormal;

    // The three boundaries on exp(x), exact at 256 bits (each has at most p + 1 significant bits).
    const WideExponentRange wide;
    const int digits = thresholdDigits(f);
    const mpfr::mpreal max = exactValue(info.maxValue);
    const mpfr::mpreal halfMinSubnormal = exactValue(info.minSubnormal) / 2;
    const mpfr::mpreal overflowAt = max + exactValue(ulpOf(info.maxValue, f)) / 2; // rounds up to inf from here
    const mpfr::mpreal subnormalBelow = exactValue(info.minNormal) - halfMinSubnormal; // rounds to minNormal from here

    limits.lnMax = lnRoundedTo(max, f);
    limits.lnMaxDigits = lnDigits(max, digits);
    limits.overflowDigits = lnDigits(overflowAt, digits);
    limits.zeroDigits = lnDigits(halfMinSubnormal, digits);
    limits.subnormalDigits = lnDigits(subnormalBelow, digits);

    const auto expOf = [f](long double x) { return expRoundedTo(x, f); };
    limits.largestFinite
        = largestWhere(lnRoundedTo(overflowAt, f), f, [&](long double x) { return std::isfinite(expOf(x)); });
    limits.smallestPositive
        = smallestWhere(lnRoundedTo(halfMinSubnormal, f), f, [&](long double x) { return expOf(x) > 0; });
    limits.smallestNormal
        = smallestWhere(lnRoundedTo(subnormalBelow, f), f, [&](long double x) { return expOf(x) >= info.minNormal; });
    return limits;
}

} // namespace logitlab

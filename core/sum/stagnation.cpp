// SPDX-License-Identifier: GPL-3.0-or-later
#include "sum/stagnation.h"

#include "precision/scalar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace logitlab {

std::string termCountText(TermCount n)
{
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(n % 10)));
        n /= 10;
    } while (n != 0);
    return digits;
}

namespace {

/** \brief The range of constant spacing u that holds a positive value t of a format: [bottom, top]. */
struct SpacingRange {
    long double bottom; ///< 2^e, or 0 for the subnormals and the first binade (both spaced u)
    long double top; ///< 2^(e+1), or max in the last binade (beyond it a sum rounds to inf)
    int uExponent; ///< u = 2^uExponent
};

SpacingRange spacingRangeOf(long double t, const FormatInfo &info)
{
    const int e = std::max(std::ilogb(t), info.minExponent);
    return {e == info.minExponent ? 0.0L : std::ldexp(1.0L, e),
        e >= info.maxExponent ? info.maxValue : std::ldexp(1.0L, e + 1), e - info.precision + 1};
}

/** v / 2^uExponent for a v that is a whole multiple of it below 2^65 of it: exact. */
TermCount units(long double v, int uExponent)
{
    return static_cast<TermCount>(std::ldexp(v, -uExponent));
}

/**
 * The addition s + x is "inside" the range r when s lies in it and s + x <= top: it is then rounded
 * on r's grid of spacing u (top being a point of that grid), and adds a multiple of u that depends
 * only on x and, for a tie, on whether s / u is even. After one such step s / u is even (a tie
 * rounds to even; a non-tie adds the same multiple whatever s), so after two such steps every
 * later inside step adds the same amount as the last. top - s is exact (a multiple of u below
 * 2^65 u), so the test is exact too.
 */
bool inside(long double s, long double x, const SpacingRange &r)
{
    return s >= r.bottom && x <= r.top - s;
}

template <class Scalar> Stagnation stagnationOf(long double xValue, Format f)
{
    Stagnation result;
    result.sum = xValue;
    if (!std::isfinite(xValue)) {
        result.kind = StagnationKind::NotFinite;
        return result;
    }
    if (xValue == 0) {
        result.kind = StagnationKind::ZeroAddend;
        return result;
    }
    const long double sign = std::signbit(xValue) ? -1.0L : 1.0L;
    const long double x = std::fabs(xValue);
    const Scalar xs = fromLongDouble<Scalar>(x);
    const FormatInfo &info = formatInfo(f);

    Scalar s = xs; // the sum of `terms` copies of x, each addition rounded in Scalar
    TermCount terms = 1;
    bool havePrevious = false;
    long double previousStart = 0; // where the last addition started
    for (;;) {
        const Scalar t = s + xs; // the format's own addition
        const long double sl = toLongDouble(s);
        const long double tl = toLongDouble(t);
        if (!std::isfinite(tl)) {
            result.kind = StagnationKind::Overflows;
            result.terms = terms + 1;
            result.sum = sign * std::numeric_limits<long double>::infinity();
            return result;
        }
        if (tl == sl) {
            result.kind = StagnationKind::Stagnates;
            result.terms = terms;
            result.sum = sign * sl;
            return result;
        }
        const SpacingRange r = spacingRangeOf(tl, info);
        const bool jump = havePrevious && inside(previousStart, x, r) && inside(sl, x, r);
        havePrevious = true;
        previousStart = sl;
        s = t;
        ++terms;
        if (!jump)
            continue;
        // Every inside step from t on adds d = t - s (exact: s >= x, so s <= t <= 2s, Sterbenz). The
        // steps starting at t, t + d, ..., t + (j-1) d are inside while t + (j-1) d + x <= top, that
        // is (j-1) D <= A - x/u with A = (top - t)/u and D = d/u; ceil(x/u) keeps j on the safe side.
        const TermCount a = units(r.top - tl, r.uExponent);
        const TermCount d = units(tl - sl, r.uExponent);
        const auto xUnits = static_cast<TermCount>(std::ceil(std::ldexp(x, -r.uExponent)));
        if (a < xUnits)
            continue;
        const TermCount j = (a - xUnits) / d + 1;
        if (j < 2)
            continue;
        // t + j d <= top lies on the grid: exact in long double, and a value of the format.
        const long double jd = std::ldexp(static_cast<long double>(j * d), r.uExponent);
        previousStart = tl + std::ldexp(static_cast<long double>((j - 1) * d), r.uExponent);
        s = fromLongDouble<Scalar>(tl + jd);
        terms += j;
    }
}

} // namespace

Stagnation stagnationPoint(long double x, Format f)
{
    return visitFormat(f, [&](auto type) { return stagnationOf<typename decltype(type)::type>(x, f); });
}

} // namespace logitlab

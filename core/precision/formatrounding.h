// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Fast, correctly rounded conversions into the 16-bit formats from double, the neighbours of a
 * format value, and stochastic rounding. MPFR's roundToFormat() (mpfrutil.h) is the reference;
 * these are for the training loop, where a conversion happens per weight and per step.
 *
 * Why not Eigen::half(double): Eigen converts double -> float -> half, two roundings, which is
 * wrong when the float lands exactly on a half midpoint. Rounding to float *to odd* first (round
 * toward zero, then set the last bit if anything was lost) keeps the information that the value
 * was not a midpoint, and a round-to-odd with at least p + 2 bits followed by round-to-nearest
 * to p bits equals one round-to-nearest (Boldo and Melquiond, "Emulation of FMA and correctly
 * rounded sums: proved algorithms using rounding to odd", IEEE TC 2008). float keeps 24 bits,
 * enough for half (p = 11) and bfloat16 (p = 8), and in float's subnormal range it still keeps
 * 16 bits below bfloat16's smallest subnormal.
 */
#include "precision/scalar.h"

#include <Eigen/Core>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace logitlab {

/** \a x rounded to float toward zero, with the last bit set if the rounding was inexact. */
inline float roundToOddFloat(double x)
{
    float f = static_cast<float>(x); // to nearest
    if (!std::isfinite(x) || static_cast<double>(f) == x)
        return f;
    if (std::isinf(f) || std::fabs(static_cast<double>(f)) > std::fabs(x)) // went away from zero: step back
        f = std::nextafter(f, 0.0f);
    return std::bit_cast<float>(std::bit_cast<std::uint32_t>(f) | 1u);
}

/** \a x (a double) correctly rounded to Scalar, ties to even; plain conversion for float and wider. */
template <class Scalar> inline Scalar narrowFromDouble(double x)
{
    if constexpr (std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>)
        return Scalar(roundToOddFloat(x));
    else
        return static_cast<Scalar>(x);
}

/** The raw bits of a 16-bit format value. */
template <class Scalar> inline std::uint16_t bitsOf(Scalar x)
{
    return Eigen::numext::bit_cast<std::uint16_t>(x);
}

/** The next value of Scalar's format after \a x toward +inf (\a x finite). */
template <class Scalar> inline Scalar nextUp(Scalar x)
{
    if constexpr (std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>) {
        std::uint16_t b = bitsOf(x);
        if (b == 0x8000u)
            b = 0; // -0 -> +0, then up
        if (b & 0x8000u)
            --b; // negative: toward zero
        else
            ++b;
        return Eigen::numext::bit_cast<Scalar>(b);
    } else {
        return std::nextafter(x, std::numeric_limits<Scalar>::infinity());
    }
}

/** The next value of Scalar's format before \a x toward -inf (\a x finite). */
template <class Scalar> inline Scalar nextDown(Scalar x)
{
    return -nextUp<Scalar>(-x);
}

/**
 * Stochastic rounding of the double \a x to Scalar (Gupta et al., "Deep Learning with Limited
 * Numerical Precision", ICML 2015): with lo <= x <= hi the two neighbouring format values, the
 * result is hi with probability (x - lo) / (hi - lo), else lo, so its expectation is x. \a u is
 * uniform in [0, 1). Exact values, NaN and infinities are returned as rounded to nearest, and so
 * is anything past the largest finite value (it never rounds up to infinity by chance).
 */
template <class Scalar> inline Scalar stochasticRound(double x, double u)
{
    const Scalar nearest = narrowFromDouble<Scalar>(x);
    const double n = static_cast<double>(toLongDouble(nearest));
    if (!std::isfinite(n) || n == x)
        return nearest;
    const Scalar lo = n < x ? nearest : nextDown(nearest);
    const Scalar hi = n < x ? nextUp(nearest) : nearest;
    const double l = static_cast<double>(toLongDouble(lo)), h = static_cast<double>(toLongDouble(hi));
    if (!std::isfinite(l) || !std::isfinite(h))
        return nearest;
    // x - l and h - l are exact (Sterbenz; h - l is one ulp), so p has one rounding.
    const double p = (x - l) / (h - l);
    return u < p ? hi : lo;
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The range of exp in each format: where exp(x), correctly rounded to the format, stops being
 * finite, stops being nonzero and stops being normal (d2l's exercise "the smallest and largest
 * arguments of exp that neither underflow nor overflow"), as values of the format and as the
 * exact real thresholds behind them. Everything is computed with MPFR, never with the C library.
 */
#include "precision/format.h"

#include <string>

namespace logitlab {

/**
 * \brief The exp-limits row of one format. Here exp(x) means the exact exponential rounded once
 * to the format (to nearest, ties to even, with its subnormals and its overflow to inf).
 */
struct ExpLimits {
    Format format {};
    long double epsilon = 0; ///< 2^(1-p)
    long double maxValue = 0; ///< largest finite value
    long double minNormal = 0; ///< 2^emin
    long double minSubnormal = 0; ///< 2^(emin-p+1), the smallest positive value
    long double lnMax = 0; ///< ln(max) correctly rounded to the format
    std::string lnMaxDigits; ///< ln(max) in decimal, thresholdDigits() significant digits
    long double largestFinite = 0; ///< (a) the largest x of the format with exp(x) finite
    long double smallestPositive = 0; ///< (b) the smallest x of the format with exp(x) > 0
    long double smallestNormal = 0; ///< (c) the smallest x of the format with exp(x) >= minNormal
    /** ln(max + ulp(max)/2): exp(x) rounds to inf for every real x above it. */
    std::string overflowDigits;
    /** ln(minSubnormal/2): exp(x) rounds to 0 for every real x below it. */
    std::string zeroDigits;
    /** ln(minNormal - minSubnormal/2): exp(x) rounds to a subnormal or 0 for every real x below it. */
    std::string subnormalDigits;
};

/**
 * The exp-limits row of \a f. The thresholds are found by stepping through the format's values
 * (nextUp/nextDown) from the value nearest the exact threshold, each exp(x) rounded with Ziv's
 * strategy (for x != 0, exp(x) is transcendental, so it never lies on a rounding boundary).
 */
ExpLimits expLimits(Format f);

/** exp(\a x) correctly rounded to \a f (ties to even, subnormals, overflow to inf); \a x a value of f. */
long double expRoundedTo(long double x, Format f);

/**
 * Significant digits of the decimal strings in ExpLimits for \a f: 20, or more when the format
 * has so many bits that 20 digits would not separate neighbouring values near 10^4 (float80: 23).
 */
int thresholdDigits(Format f);

} // namespace logitlab

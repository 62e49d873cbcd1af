// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Errors measured against an exact (MPFR) value, in the units the labs report.
 */
#include "precision/format.h"

#include <mpreal.h>

namespace logitlab {

/**
 * |computed - exact| / ulp_f(exact), where ulp_f(x) = 2^(max(floor(log2|x|), emin) - p + 1) is
 * the spacing of format \a f at the exact value (the smallest subnormal at 0; the spacing at
 * the largest finite number beyond it). A correctly rounded result scores <= 0.5.
 * Conventions: both NaN, or both the same infinity: 0. A non-finite computed value against a
 * finite exact one, or a finite against an infinite: +inf. A non-NaN against NaN: NaN.
 */
double ulpError(long double computed, const mpfr::mpreal &exact, Format f);

/** |computed - exact| / |exact| as a double (inf if exact is 0 and computed is not). */
double relativeError(long double computed, const mpfr::mpreal &exact);

/** |computed - exact| as a double. */
double absoluteError(long double computed, const mpfr::mpreal &exact);

/**
 * How many values of format \a f lie between two values of \a f, counting one end: the
 * distance in "floats apart" (0 when equal). NaN if either is NaN; inf across an infinity.
 */
double ulpDistance(long double a, long double b, Format f);

} // namespace logitlab

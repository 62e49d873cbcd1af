// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The stagnation point of recursive summation with a constant addend: adding x again and again,
 * each sum rounded to the format, the sum stops growing once x is at most half the spacing of the
 * format at the sum (float16: 2048 + 1 = 2048, so 1 + 1 + ... stops at 2048 after 2048 terms).
 * Computed by running the format's own additions, not from a formula.
 */
#include "precision/format.h"

#include <string>

namespace logitlab {

/** A count of terms: the stagnation point of float80 can pass 2^64 (x = 3: about 2.0e19 terms). */
__extension__ typedef unsigned __int128 TermCount;

/** The decimal digits of \a n ("18446744073709551616"). */
std::string termCountText(TermCount n);

/** \brief How recursive summation of a constant addend ends. */
enum class StagnationKind {
    Stagnates, ///< from some sum s on, s + x rounds to s
    Overflows, ///< the sum reaches +-inf before it stops growing
    ZeroAddend, ///< x is 0: the sum never grows
    NotFinite, ///< x is NaN or +-inf: so is every sum
};

/** \brief Where recursive summation of x, x + x, (x + x) + x, ... stops growing in a format. */
struct Stagnation {
    StagnationKind kind = StagnationKind::ZeroAddend;
    /**
     * Stagnates: the number of terms n whose sum s_n is final (s_n + x = s_n, so every later sum
     * is s_n). Overflows: the number of terms whose sum is the first infinite one. Otherwise 0.
     */
    TermCount terms = 0;
    long double sum = 0; ///< s_n for Stagnates, +-inf for Overflows, else x
};

/**
 * The stagnation point of \a x (a value of format \a f) in \a f. The sum of -x is minus that of x
 * (rounding to nearest is symmetric), so x < 0 gives the same terms and a negative sum.
 *
 * Within a range of constant spacing u (a binade, or the subnormals with the first binade), an
 * addition s + x that stays inside adds the same multiple of u each time, once the sum is an even
 * multiple of u (a tie rounds to even): after two such steps the rest of the range is crossed in
 * one jump, so even float80 (2^64 terms for x = 1) takes a few hundred additions. Only the steps
 * near each range's end, where the rounding changes, are taken one by one.
 */
Stagnation stagnationPoint(long double x, Format f);

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Where the naive softmax exp(z_i / T) / sum_j exp(z_j / T) breaks as the temperature T falls:
 * for each format, the T below which exp of the largest logit overflows (max z > 0) or every exp
 * rounds to 0 so the sum is 0 (max z < 0). Both follow from the format's constants alone.
 */
#include "precision/format.h"

#include <array>
#include <vector>

namespace logitlab {

/**
 * The real x above which exp(x), rounded to nearest in \a f, is inf: ln(max + ulp(max)/2).
 * With max = (2 - 2^(1-p)) 2^emax and ulp(max) = 2^(emax-p+1), max + ulp/2 = max (1 + r) with
 * r = 2^-(p+1) / (1 - 2^-p), so the threshold is lnMax + log1p(r): just above ln(max), whose
 * exp (max itself) is finite. float16: 11.0898665 + 0.0002442 = 11.0901107.
 */
long double expOverflowThreshold(Format f);

/**
 * The real x below which exp(x), rounded to nearest in \a f, is 0: ln(minSubnormal / 2) =
 * lnMinSubnormal - ln 2 (exp(x) between half the smallest subnormal and the subnormal rounds up
 * to it). float16: ln 2^-25 = -17.3286795.
 */
long double expZeroThreshold(Format f);

/** \brief Why, and whether, the naive softmax of some logits breaks as T falls in one format. */
enum class NaiveBreakKind {
    Never, ///< the largest logit is 0 (exp(0/T) = 1 at every T), or there are no logits
    Overflow, ///< max z > 0: exp(max z / T) = inf for T < below, so p = inf/inf = NaN
    Underflow, ///< max z < 0: every exp(z_i / T) = 0 for T < below, so p = 0/0 = NaN
    Always, ///< a NaN or +inf logit, or every logit -inf: NaN at every T
};

/** \brief One format's break point for given logits. */
struct NaiveBreak {
    Format format {};
    NaiveBreakKind kind = NaiveBreakKind::Never;
    long double threshold = 0; ///< expOverflowThreshold or expZeroThreshold (Overflow / Underflow)
    long double below = 0; ///< the naive form breaks for every T < below: max z / threshold (> 0)
};

/**
 * For logits \a z (at T = 1: the values to be divided by T), each format's break point, in
 * allFormats order, from the largest logit m alone (-inf logits ignored): Overflow below
 * m / expOverflowThreshold(f) if m > 0, Underflow below m / expZeroThreshold(f) if m < 0. The
 * thresholds are real numbers: rounding z/T to the format, and the float16/bfloat16 exp that
 * rounds a float result again, move the actual break by an ulp or so. The sum of the exps
 * (naive's sum_overflow) can overflow a little before any one exp does, for T up to
 * m / (threshold - ln K) with K logits; it is not counted here.
 */
std::array<NaiveBreak, allFormats.size()> naiveBreaks(const std::vector<long double> &z);

} // namespace logitlab

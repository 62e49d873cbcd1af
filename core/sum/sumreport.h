// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Everything the summation lab shows for n numbers in one format: the four methods' sums
 * (summation.h), the exact sum with MPFR, each method's error against it in ULPs of the format and
 * relative, and, for a constant addend, the stagnation point of recursive summation.
 */
#include "precision/format.h"
#include "sum/stagnation.h"

#include <mpreal.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace logitlab {

/** \brief The ways the summation lab adds numbers (summation.h). */
enum class SumMethod { Recursive, Pairwise, Kahan, Wider };

inline constexpr std::array<SumMethod, 4> allSumMethods {
    SumMethod::Recursive, SumMethod::Pairwise, SumMethod::Kahan, SumMethod::Wider};

/** Stable identifier used in JSON: "recursive", "pairwise", "kahan", "wider". */
std::string_view sumMethodKey(SumMethod m);

/** The most copies of one addend the lab sums (each method loops over them: about 1 s per method in float16). */
inline constexpr std::uint64_t maxRepeatCount = 100'000'000;

/** \brief One method's sum and its errors. */
struct SumMethodResult {
    SumMethod method {};
    long double value = 0; ///< the sum, a value of the format
    double ulpError = 0; ///< |value - exact| in ULPs of the format at the exact sum (ulperror.h's conventions)
    double relativeError = 0; ///< |value - exact| / |exact| (0 if both are 0, inf if only exact is)
};

/** \brief The summation lab for one list of terms (or one addend repeated) in one format. */
struct SumReport {
    Format format {};
    Format accumulator {}; ///< the format SumMethod::Wider adds in (widerFormat(format))
    std::uint64_t count = 0; ///< n, the number of terms
    bool repeated = false; ///< the terms are n copies of `addend`
    long double addend = 0; ///< the repeated term (repeated only)
    /**
     * The exact sum of the terms (as values of the format): NaN if a term is NaN or both infinities
     * occur, +-inf if one infinity does; finite sums are exact, however far beyond the format.
     */
    mpfr::mpreal exact;
    long double exactRounded = 0; ///< exact correctly rounded to the format (inf past its max)
    double exactDouble = 0; ///< exact correctly rounded to float64
    std::string exactDecimal; ///< exact with sumDigits(format) significant digits ("1.00000000000000005551")
    std::array<SumMethodResult, 4> methods {}; ///< in allSumMethods order
    Stagnation stagnation; ///< of `addend` (repeated only)

    const SumMethodResult &method(SumMethod m) const { return methods[static_cast<std::size_t>(m)]; }
};

/** Significant digits of SumReport::exactDecimal: 21, or 4 more than the format's bits hold (float80: 24). */
int sumDigits(Format f);

/**
 * The exact sum of \a values (every one a long double, which holds every value of every format),
 * with mpfr_sum at a precision that covers their exponent range: the highest bit any term or
 * the sum can reach down to the lowest bit any term holds, so nothing is rounded.
 */
mpfr::mpreal exactSum(const std::vector<long double> &values);

/** Sums \a values (values of format \a f) every way and scores each sum against the exact one. */
SumReport computeSumReport(const std::vector<long double> &values, Format f);

/**
 * Sums \a count (at most maxRepeatCount) copies of \a x (a value of \a f) every way; the exact sum
 * is x * count. Pairwise uses pairwiseSumOfCopies (the same bits as pairwiseSum, in O(log n)).
 */
SumReport computeRepeatReport(long double x, std::uint64_t count, Format f);

} // namespace logitlab

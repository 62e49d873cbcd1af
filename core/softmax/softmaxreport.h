// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Everything the softmax lab shows for one logit vector in one format: each method's values,
 * its error against the correctly rounded reference in ULPs, and what went wrong.
 */
#include "precision/format.h"
#include "softmax/softmaxreference.h"

#include <array>
#include <string_view>
#include <vector>

namespace logitlab {

/** \brief The ways the labs compute softmax. */
enum class SoftmaxMethod { Naive, Shifted, LogSoftmax, Higham, Online };

inline constexpr std::array<SoftmaxMethod, 5> allSoftmaxMethods {SoftmaxMethod::Naive, SoftmaxMethod::Shifted,
    SoftmaxMethod::LogSoftmax, SoftmaxMethod::Higham, SoftmaxMethod::Online};

/** Stable identifier used in JSON and settings: "naive", "shifted", "log_softmax", "higham", "online". */
std::string_view softmaxMethodKey(SoftmaxMethod m);

/** \brief One method's result in one format. */
struct SoftmaxMethodResult {
    SoftmaxMethod method {};
    std::vector<long double> values; ///< probabilities (for log methods: exp of the log values, in the format)
    std::vector<long double> logValues; ///< log-probabilities (log methods only)
    std::vector<double> ulpErrors; ///< |value_i - p_i| in ULPs of the format at p_i
    std::vector<double> logUlpErrors; ///< same for the log values (log methods only)
    double maxUlpError = 0; ///< max of ulpErrors (inf if a value is non-finite but p_i is not)
    bool nan = false; ///< some value is NaN
    bool overflow = false; ///< an intermediate overflowed: an exp of a finite argument, or the sum
    bool sumOverflow = false; ///< naive: every exp finite, their sum inf, so every p = finite / inf = 0
    bool underflow = false; ///< an exp of a finite argument gave 0 or a subnormal
};

/** \brief The whole softmax lab for one vector and one format. */
struct SoftmaxReport {
    Format format {};
    std::vector<long double> logits; ///< the inputs, rounded to the format
    SoftmaxReference reference; ///< exact softmax of the rounded inputs
    std::vector<long double> referenceRounded; ///< reference probabilities correctly rounded to the format
    std::vector<SoftmaxMethodResult> methods; ///< in allSoftmaxMethods order

    const SoftmaxMethodResult &method(SoftmaxMethod m) const { return methods[static_cast<std::size_t>(m)]; }
};

/** Runs every method on \a logits (values of format \a f) and scores them against MPFR. */
SoftmaxReport computeSoftmaxReport(const std::vector<long double> &logits, Format f);

/** Just the methods (no reference, no errors): for sweeps that score only a few numbers. */
std::vector<SoftmaxMethodResult> computeSoftmaxMethods(const std::vector<long double> &logits, Format f);

} // namespace logitlab

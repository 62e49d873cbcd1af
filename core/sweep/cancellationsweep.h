// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The data behind the rounding lab's cancellation plot: the relative error of
 * (1 + 1/n) - (1 - 1/n), whose exact value is 2/n, evaluated in every format for n from 1 to 1e8.
 */
#include "precision/format.h"

#include <array>
#include <functional>
#include <vector>

namespace logitlab {

/** \brief How many values of n the rounding lab's cancellation plot takes (the window's 241 by default). */
struct CancellationSweepInput {
    int points = 241;
    static constexpr int minPoints = 2;
    static constexpr int maxPoints = 10000; ///< each point is five exact evaluations

    bool operator==(const CancellationSweepInput &) const = default;
};

/** \brief Relative error per n and per format (allFormats order), and the eps*n trend. */
struct CancellationSweep {
    std::vector<double> n;
    std::array<std::vector<double>, 5> relativeError;
    /// min(1, eps * n) per format: the dashed trend, since 1 +- 1/n each round with error up to eps/2
    std::array<std::vector<double>, 5> epsilonN;
};

/** \a points integers n log-spaced in [1, 1e8], each expression evaluated with evaluateExpression. */
CancellationSweep computeCancellationSweep(int points, const std::function<bool()> &cancelled);

} // namespace logitlab

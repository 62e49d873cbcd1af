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

/** \brief Relative error per n and per format (allFormats order). */
struct CancellationSweep {
    std::vector<double> n;
    std::array<std::vector<double>, 5> relativeError;
};

/** \a points integers n log-spaced in [1, 1e8], each expression evaluated with evaluateExpression. */
CancellationSweep computeCancellationSweep(int points, const std::function<bool()> &cancelled);

} // namespace logitlab

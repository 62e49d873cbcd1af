// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Rounding lab's value: the expressions as typed, the format that stands out, the formats a
 * report compares, and the cancellation plot's points. The window's form, its settings,
 * `logitlab-cli rounding` and `sweep cancellation`, and lesson files read and write this one
 * value; its defaults are stated here (and, for the sweep, in CancellationSweepInput) only.
 */
#include "precision/format.h"
#include "sweep/cancellationsweep.h"

#include <string>
#include <vector>

namespace logitlab {

/** \brief The whole Rounding lab. */
struct RoundingLab {
    /// the seed pair: 2/10000 is correctly rounded, the cancellation 2281 float32 ulps away
    std::vector<std::string> expressions {"2/10000", "(1+1/10000)-(1-1/10000)"};
    Format format = Format::Float32; ///< the format whose row stands out (the window's selector)
    /// the formats each expression is reported in (the CLI's default --dtype list); the window's
    /// tables list every format and keep this for lessons and the command line
    std::vector<Format> formats {Format::Float32, Format::Float64};
    CancellationSweepInput cancellation; ///< the values of n of the cancellation plot

    /** What "Add expression" puts in a new row. */
    static constexpr const char *newExpression = "1/3";

    bool operator==(const RoundingLab &) const = default;
};

} // namespace logitlab

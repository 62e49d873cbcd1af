// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The data behind the losses lab's BCE plots: loss, gradient and relative error of each way of
 * computing the binary cross-entropy over a grid of logits z, with the MPFR reference.
 */
#include "precision/format.h"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace logitlab {

/**
 * \brief The inputs of the losses lab's BCE plots, as its fields and `logitlab-cli sweep bce`
 * take them; the defaults (the window's when nothing is saved) are stated here only.
 */
struct BceSweepInput {
    double from = -1000; ///< first grid logit, as typed (a double)
    double to = 1000; ///< last grid logit
    int points = 2001; ///< grid points, in [minPoints, maxPoints]
    std::string label = "1"; ///< y as typed: rounded to the format, in [0, 1]
    static constexpr int minPoints = 2;
    static constexpr int maxPoints = 100000;

    bool operator==(const BceSweepInput &) const = default;
};

/** \brief BCE of every grid point for one label and format (methods in allBceMethods order). */
struct BceSweep {
    Format format {};
    long double label = 0; ///< y rounded to the format
    std::vector<double> z; ///< grid logits, rounded to the format
    std::array<std::vector<double>, 3> loss; ///< as computed (may be inf / NaN)
    std::array<std::vector<double>, 3> gradient;
    std::array<std::vector<double>, 3> relativeError; ///< |loss - exact| / exact
    std::vector<double> referenceLoss; ///< exact loss rounded to double
    std::vector<double> referenceGradient;
    /// 1 where the exact loss is > 0 but rounds to 0 in the format (so even 0 is 100% off)
    std::vector<unsigned char> lossUnderflows;
};

/**
 * Evaluates computeBceReport at \a points logits evenly spaced in [from, to] (each rounded to
 * \a f) for label \a y (a value of \a f in [0, 1]), in parallel on every core (each point costs
 * one MPFR reference, ~75 us). \a progress(done, total) is called every 256 points from a worker
 * thread. Empty if cancelled.
 */
BceSweep computeBceSweep(double from, double to, int points, long double y, Format f,
    const std::function<bool()> &cancelled, const std::function<void(int, int)> &progress = {});

} // namespace logitlab

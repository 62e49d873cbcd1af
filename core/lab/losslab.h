// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Losses lab's value: the sparse cross-entropy's logits as typed and true class, the BCE
 * sweep's inputs (BceSweepInput: range, points, label) and the format. The window's form, its
 * settings, `logitlab-cli sweep bce` and lesson files read and write this one value; its
 * defaults are stated here (and, for the sweep, in BceSweepInput) only.
 */
#include "precision/format.h"
#include "sweep/bcesweep.h"

#include <string>

namespace logitlab {

/** \brief The whole Losses lab. */
struct LossLab {
    /// the LIST as typed: the clipped form is 9.5e6 ulps off for the tiny probability of class 3
    std::string logits = "[2.0, 1.0, 0.1, -50]";
    int label = 3; ///< the true class k, in [0, number of logits)
    BceSweepInput bce; ///< the BCE plots' z range, points and label y
    Format format = Format::Float32;

    static constexpr int maxLabel = 100000; ///< the largest class the form takes

    bool operator==(const LossLab &) const = default;
};

} // namespace logitlab

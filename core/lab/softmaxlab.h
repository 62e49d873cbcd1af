// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Softmax lab's value: everything its form shows and remembers — the logits as typed (a list,
 * and a matrix for matrix mode), the mode, PyTorch's dim, the slice and method the matrix view
 * shows, the scale slider and the format. The window's form, its settings, `logitlab-cli sweep
 * softmax` and lesson files read and write this one value; its defaults are stated here only.
 */
#include "precision/format.h"
#include "softmax/softmaxreport.h"
#include "sweep/softmaxsweep.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace logitlab {

/** \brief The whole Softmax lab. */
struct SoftmaxLab {
    std::string logits {defaultSoftmaxLogits}; ///< the LIST as typed (vector mode)
    std::string matrix = "[[1, 2, 3],\n [1000, 2000, 3000]]"; ///< the matrix as typed (matrix mode)
    bool matrixMode = false; ///< which of the two texts is on screen and computed
    int dim = 1; ///< PyTorch's dim for a matrix: 1 along each row, 0 down each column
    int slice = 0; ///< matrix mode: the row (dim 1) or column (dim 0) the plots follow
    SoftmaxMethod matrixMethod = SoftmaxMethod::Naive; ///< matrix mode: the method the matrix table shows
    int scaleStep = 0; ///< the scale slider: every logit times 10^(scaleStep / 100)
    Format format = Format::Float32;

    static constexpr int minScaleStep = -300; ///< scale 0.001
    static constexpr int maxScaleStep = 300; ///< scale 1000

    bool operator==(const SoftmaxLab &) const = default;
};

/**
 * The scale of slider step \a step as the decimal text the logits are multiplied by (exactly,
 * see scaledLogits): "1" at step 0, else 10^(step / 100) to 3 significant digits in C's %.3g
 * ("0.001", "1.12", "1e+03").
 */
inline std::string softmaxScaleText(int step)
{
    if (step == 0)
        return "1";
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", std::pow(10.0, step / 100.0));
    return text;
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Softmax lab's value: everything its form shows and remembers — the logits as typed (a list,
 * and a matrix for matrix mode), the mode, PyTorch's dim, the slice and method the matrix view
 * shows, the scale slider and the format. The window's form, its settings, `logitlab-cli sweep
 * softmax` and lesson files read and write this one value; its defaults are stated here only.
 *
 * The scale slider is also the temperature control: softmax(z * scale) = softmax(z / T) with
 * T = 1/scale, so T is derived from the slider's step and never stored (issue 12: T from 0.01 to
 * 100 on a log scale, which is the scale from 100 down to 0.01).
 */
#include "precision/format.h"
#include "softmax/softmaxreport.h"
#include "sweep/softmaxsweep.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace logitlab {

/** \brief The whole Softmax lab. */
struct SoftmaxLab {
    std::string logits {defaultSoftmaxLogits}; ///< the LIST as typed (vector mode)
    std::string matrix = "[[1, 2, 3],\n [1000, 2000, 3000]]"; ///< the matrix as typed (matrix mode)
    bool matrixMode = false; ///< which of the two texts is on screen and computed
    int dim = 1; ///< PyTorch's dim for a matrix: 1 along each row, 0 down each column
    int slice = 0; ///< matrix mode: the row (dim 1) or column (dim 0) the plots follow
    SoftmaxMethod matrixMethod = SoftmaxMethod::Naive; ///< matrix mode: the method the matrix table shows
    int scaleStep = 0; ///< the scale slider: every logit times 10^(scaleStep / 100), T = 1/scale
    Format format = Format::Float32;

    static constexpr int minScaleStep = -200; ///< scale 0.01, temperature T = 100
    static constexpr int maxScaleStep = 200; ///< scale 100, temperature T = 0.01
    /**
     * The steps a lesson file may hold: until the slider became the temperature control (issue 12)
     * it ran from -300 to 300 (scale 0.001 to 1000). Such files are still read; a step outside the
     * slider's range is clamped to its end (250, scale 316, is read as 200, scale 100).
     */
    static constexpr int fileMinScaleStep = -300;
    static constexpr int fileMaxScaleStep = 300;
    static constexpr std::string_view minTemperature = "0.01"; ///< T at maxScaleStep, as `--temperature` takes it
    static constexpr std::string_view maxTemperature = "100"; ///< T at minScaleStep

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

/**
 * The temperature T = 1/scale at slider step \a step, where the scale is the decimal
 * softmaxScaleText(step) the logits are multiplied by, to 3 significant digits in C's %.3g: "1" at
 * step 0, "0.893" at step 5 (1/1.12 = 0.892857...), "100" at minScaleStep, "0.01" at maxScaleStep.
 */
inline std::string softmaxTemperatureText(int step)
{
    const std::string scale = softmaxScaleText(step);
    double s = 1;
    std::from_chars(scale.data(), scale.data() + scale.size(), s); // not strtod: no locale
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, 1 / s, std::chars_format::general, 3).ptr;
    return std::string(text, end);
}

/**
 * Where temperature \a T lies on the slider, as a fractional step: -100 log10(T) (T = 1 at step 0,
 * T = 0.01 at 200). For marks on the slider; the slider itself moves in whole steps.
 */
inline double softmaxScaleStepAt(double T)
{
    return -100 * std::log10(T);
}

} // namespace logitlab

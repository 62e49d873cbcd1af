// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The data behind the softmax lab's error plot: every method's max ULP error against the size of
 * the logits, obtained by scaling the entered vector so its largest |z| runs from 0.1 to 20000.
 */
#include "precision/format.h"
#include "softmax/softmaxreport.h"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logitlab {

/**
 * The softmax lab's logits until the user types others (and `logitlab-cli sweep softmax`'s
 * default): naive overflows (NaN), the shifted form underflows the last entry to 0, log-softmax
 * keeps it.
 */
inline constexpr std::string_view defaultSoftmaxLogits = "[1000, 1001, 1002, 880]";

/** \brief One scale of the sweep. */
struct SoftmaxSweepPoint {
    double maxAbsLogit = 0; ///< max |z_i| after scaling and rounding to the format
    /// per method (allSoftmaxMethods order); inf if non-finite
    std::array<double, allSoftmaxMethods.size()> maxUlpError {};
    std::array<bool, allSoftmaxMethods.size()> nan {}; ///< the method produced a NaN
};

/** \brief The sweep for one vector and format. */
struct SoftmaxSweep {
    Format format {};
    std::vector<SoftmaxSweepPoint> points;
};

/** \brief The stretch of the sweep where a method gave NaN: its smallest and largest max |z|. */
struct NanRegion {
    double from = 0;
    double to = 0;
};

/** Where \a m gave NaN along \a s (the plot shades it), or nothing if it never did. */
std::optional<NanRegion> nanRegion(const SoftmaxSweep &s, SoftmaxMethod m);

/** Number of sweep points for a vector of \a n logits (fewer for long vectors: each costs n references). */
int softmaxSweepPointCount(std::size_t n);

/**
 * Sweeps \a logits (values of \a f) by positive scales. \a cancelled is polled between points;
 * \a progress(done, total) is called as points complete. Returns no points if cancelled.
 */
SoftmaxSweep computeSoftmaxSweep(const std::vector<long double> &logits, Format f,
    const std::function<bool()> &cancelled, const std::function<void(int, int)> &progress = {});

/**
 * Each decimal token times the decimal \a scale, computed exactly and rounded once to \a f
 * (so the GUI's scaled logits are what the CLI gives for the same printed numbers).
 */
std::vector<long double> scaledLogits(const std::vector<std::string> &tokens, const std::string &scale, Format f);

/**
 * Each decimal token divided by the decimal temperature \a temperature (> 0), computed at twice
 * the reference precision and rounded once to \a f: the logits z / T of softmax(z / T).
 */
std::vector<long double> temperedLogits(
    const std::vector<std::string> &tokens, const std::string &temperature, Format f);

} // namespace logitlab

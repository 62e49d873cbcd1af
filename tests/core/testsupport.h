// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file Helpers shared by the core tests: formats as test data, deterministic random logits. */
#include "precision/format.h"
#include "random/rng.h"

#include <QMetaType>

#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

Q_DECLARE_METATYPE(logitlab::Format)
Q_DECLARE_METATYPE(long double)
Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<long double>)
Q_DECLARE_METATYPE(std::vector<double>)

namespace testsupport {

/** Core's SplitMix64 with the two draws the tests need. */
struct SplitMix64 : logitlab::SplitMix64 {
    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /** Uniform in [0, n) (with the tiny modulo bias, harmless for test data). */
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

/**
 * A random value of float32, float64 (every bit pattern, so NaN and inf included) or float80
 * (normal, with an exponent drawn from [-16063, 15937) and a random 64-bit significand).
 */
inline long double randomValue(logitlab::Format format, SplitMix64 &rng)
{
    if (format == logitlab::Format::Float32)
        return std::bit_cast<float>(static_cast<std::uint32_t>(rng.next()));
    if (format == logitlab::Format::Float64)
        return std::bit_cast<double>(rng.next());
    const std::uint64_t significand = rng.next() | (std::uint64_t {1} << 63);
    return std::ldexp(static_cast<long double>(significand), static_cast<int>(rng.next() % 32000) - 16000 - 63);
}

} // namespace testsupport

#pragma once
/** \file Helpers shared by the core tests: formats as test data, deterministic random logits. */
#include "precision/format.h"

#include <QMetaType>

#include <cstdint>
#include <vector>

Q_DECLARE_METATYPE(logitlab::Format)
Q_DECLARE_METATYPE(std::vector<long double>)
Q_DECLARE_METATYPE(std::vector<double>)

namespace testsupport {

/** SplitMix64: a tiny, fully specified generator (std:: distributions differ between libraries). */
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

} // namespace testsupport

#pragma once
/** \file Helpers shared by the core tests: formats as test data, deterministic random logits. */
#include "nn/rng.h"
#include "precision/format.h"

#include <QMetaType>

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

} // namespace testsupport

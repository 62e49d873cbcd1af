// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The mixed-precision options of a training run (Micikevicius et al., "Mixed Precision Training",
 * ICLR 2018): where dot products accumulate, a float32 master copy of the weights, loss scaling
 * (static, or dynamic as PyTorch's torch.amp.GradScaler), and how a weight update is rounded
 * (to nearest, or stochastically as Gupta et al., ICML 2015). They matter for the 16-bit formats;
 * a float32 or float64 run accepts them and is unchanged by all but loss scaling.
 */
#include "text/nametable.h"

#include <optional>
#include <string_view>

namespace logitlab {

/** \brief What a dense layer's dot products (and a bias gradient's batch sum) add up in. */
enum class Accumulation {
    Float32, ///< products and sums in float32, rounded once to the format at the end (tensor cores)
    Format ///< each product and each partial sum rounded to the format
};

inline constexpr NameTable<Accumulation, 2> accumulationNames {
    {{Accumulation::Float32, "float32"}, {Accumulation::Format, "format"}}};

/** \brief How the gradient is scaled before the backward pass. */
enum class LossScaleKind {
    None, ///< no scaling
    Static, ///< a fixed factor
    Dynamic ///< PyTorch's GradScaler: halve and skip on inf/NaN, grow after a run of clean steps
};

inline constexpr NameTable<LossScaleKind, 3> lossScaleKindNames {
    {{LossScaleKind::None, "none"}, {LossScaleKind::Static, "static"}, {LossScaleKind::Dynamic, "dynamic"}}};

/** \brief How the new value of a weight is rounded into the format it is stored in. */
enum class UpdateRounding {
    Nearest, ///< to nearest, ties to even (what every framework does)
    Stochastic ///< up or down with probabilities that make the expectation exact (seeded)
};

inline constexpr NameTable<UpdateRounding, 2> updateRoundingNames {
    {{UpdateRounding::Nearest, "nearest"}, {UpdateRounding::Stochastic, "stochastic"}}};

/**
 * \brief Loss scaling. The output gradient is multiplied by the scale S before the backward
 * pass (so small gradients stay above the format's underflow threshold) and the weight gradients
 * are multiplied by 1/S (rounded to float32, as GradScaler's inv_scale) before the update. The
 * dynamic defaults are torch.amp.GradScaler's.
 */
struct LossScaling {
    LossScaleKind kind = LossScaleKind::None;
    double scale = 65536.0; ///< the factor (Static), the initial factor (Dynamic: 2^16)
    double growthFactor = 2.0; ///< Dynamic: the scale is multiplied by this ...
    int growthInterval = 2000; ///< ... after this many steps in a row without inf/NaN gradients
    double backoffFactor = 0.5; ///< Dynamic: and by this on a step with an inf/NaN gradient (skipped)

    bool operator==(const LossScaling &) const = default;
};

/** \brief All mixed-precision options of one run. */
struct MixedPrecision {
    Accumulation accumulate = Accumulation::Float32;
    bool masterWeights = false; ///< keep a float32 master copy; update it and round a copy for the forward pass
    LossScaling lossScale;
    UpdateRounding updateRounding = UpdateRounding::Nearest;

    bool operator==(const MixedPrecision &) const = default;
};

/** \brief The ranges the options are held to (the CLI, the form and lesson files alike). */
struct MixedPrecisionLimits {
    static constexpr double minScale = 0x1p-24, maxScale = 0x1p64;
    static constexpr double minGrowthFactor = 1.0, maxGrowthFactor = 1024.0; ///< growth >= 1
    static constexpr double minBackoffFactor = 0x1p-10; ///< backoff in [min, 1)
    static constexpr int maxGrowthInterval = 1000000;
};

/** True if \a m is inside MixedPrecisionLimits. */
inline bool validMixedPrecision(const MixedPrecision &m)
{
    using L = MixedPrecisionLimits;
    const LossScaling &s = m.lossScale;
    return s.scale >= L::minScale && s.scale <= L::maxScale && s.growthFactor >= L::minGrowthFactor
        && s.growthFactor <= L::maxGrowthFactor && s.backoffFactor >= L::minBackoffFactor && s.backoffFactor < 1.0
        && s.growthInterval >= 1 && s.growthInterval <= L::maxGrowthInterval;
}

inline std::string_view accumulationName(Accumulation a)
{
    return nameOf(accumulationNames, a);
}
inline std::optional<Accumulation> parseAccumulation(std::string_view text)
{
    return parseNameIn(accumulationNames, text);
}
inline std::string_view lossScaleKindName(LossScaleKind k)
{
    return nameOf(lossScaleKindNames, k);
}
inline std::string_view updateRoundingName(UpdateRounding r)
{
    return nameOf(updateRoundingNames, r);
}
inline std::optional<UpdateRounding> parseUpdateRounding(std::string_view text)
{
    return parseNameIn(updateRoundingNames, text);
}

} // namespace logitlab

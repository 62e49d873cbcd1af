// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The loss-scale state of a run, stepped once per batch as torch.amp.GradScaler.update() does:
 * a batch with an inf/NaN gradient is skipped and (Dynamic) multiplies the scale by the backoff
 * factor and restarts the count of clean steps; growthInterval clean steps in a row multiply it
 * by the growth factor. A static scale never changes and never skips a step (a NaN gradient
 * reaches the weights, as it would without scaling).
 */
#include "nn/mixedprecision.h"

#include <cmath>

namespace logitlab {

/** \brief The current loss scale and GradScaler's growth tracker; a plain value (snapshots copy it). */
struct LossScaler {
    LossScaling options;
    double scale = 1.0; ///< the factor the next backward pass uses (1 with no scaling)
    int cleanSteps = 0; ///< GradScaler's _growth_tracker: clean steps since the last change

    LossScaler() = default;
    explicit LossScaler(const LossScaling &o) : options(o), scale(o.kind == LossScaleKind::None ? 1.0 : o.scale) { }

    bool enabled() const { return options.kind != LossScaleKind::None; }

    /**
     * Records a batch whose scaled gradients were all finite (\a finite) or not. Returns true if
     * the batch's update must be skipped (Dynamic and not finite).
     */
    bool update(bool finite)
    {
        if (options.kind != LossScaleKind::Dynamic)
            return false;
        if (!finite) {
            scale *= options.backoffFactor;
            cleanSteps = 0;
            return true;
        }
        if (++cleanSteps >= options.growthInterval) {
            // GradScaler keeps the old scale if the grown one is not finite.
            const double grown = scale * options.growthFactor;
            if (std::isfinite(grown))
                scale = grown;
            cleanSteps = 0;
        }
        return false;
    }

    bool operator==(const LossScaler &) const = default;
};

} // namespace logitlab

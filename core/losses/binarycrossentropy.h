// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Binary cross-entropy of one logit z against a label y in [0, 1], three ways, in any format.
 */
#include "precision/kerasclip.h"

#include <Eigen/Core>

namespace logitlab {

/** \brief How the binary cross-entropy is computed. */
enum class BceMethod { Naive, Clipped, FromLogits };

/** s = 1 / (1 + exp(-z)): rounds to exactly 1 once z > about 17 (float32), 0 below -88.7. */
template <class Scalar> Scalar naiveSigmoid(Scalar z)
{
    return Scalar(Scalar(1) / Scalar(Scalar(1) + Eigen::numext::exp(Scalar(-z))));
}

/**
 * Naive: -(y log s + (1-y) log(1-s)) with the naive sigmoid; inf once s rounds to 0 or 1, and
 * NaN where that meets a zero weight (0 * -inf). Clipped (Keras 3, from_logits=False): s clipped
 * to [1e-7, 1-1e-7] first, so the loss plateaus at -log(1e-7) = 16.118 (y = 1) and
 * -log(1 - (1 - 1e-7)) = 15.94 (y = 0) in float32. FromLogits: max(z,0) - z y + log1p(exp(-|z|)),
 * no overflow and no cancellation for y in [0,1] (both parts >= 0): a few u relative.
 */
template <class Scalar> Scalar binaryCrossEntropy(Scalar z, Scalar y, BceMethod method)
{
    using Eigen::numext::log;
    const Scalar one(1);
    if (method == BceMethod::FromLogits) {
        const Scalar zero(0);
        const Scalar relu = z > zero ? z : zero;
        const Scalar absZ = z < zero ? Scalar(-z) : z;
        // NaN z: relu and |z| would hide it through the comparisons; keep it.
        if (Eigen::numext::isnan(z))
            return z;
        return Scalar(Scalar(relu - Scalar(z * y)) + Eigen::numext::log1p(Eigen::numext::exp(Scalar(-absZ))));
    }
    Scalar s = naiveSigmoid(z);
    if (method == BceMethod::Clipped)
        s = kerasClip(s);
    const Scalar a = Scalar(y * log(s));
    const Scalar b = Scalar(Scalar(one - y) * log(Scalar(one - s)));
    return Scalar(-Scalar(a + b));
}

/**
 * dL/dz of each form as computed. FromLogits: sigmoid(z) - y with the sigmoid evaluated
 * stably (exp of -|z| only). Naive and clipped: chain rule in the format,
 * dL/ds = -(y/s - (1-y)/(1-s)) (0 where the clip is active), ds/dz = s (1 - s).
 */
template <class Scalar> Scalar binaryCrossEntropyGradient(Scalar z, Scalar y, BceMethod method)
{
    const Scalar one(1);
    if (method == BceMethod::FromLogits) {
        const Scalar e = Eigen::numext::exp(Scalar(-(z < Scalar(0) ? Scalar(-z) : z)));
        const Scalar s = z >= Scalar(0) ? Scalar(one / Scalar(one + e)) : Scalar(e / Scalar(one + e));
        return Scalar(s - y);
    }
    const Scalar raw = naiveSigmoid(z);
    Scalar s = raw;
    Scalar dLds;
    if (method == BceMethod::Clipped) {
        s = kerasClip(raw);
        if (s != raw)
            return Scalar(0);
    }
    dLds = Scalar(-Scalar(Scalar(y / s) - Scalar(Scalar(one - y) / Scalar(one - s))));
    return Scalar(dLds * Scalar(s * Scalar(one - s)));
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Sparse categorical cross-entropy of logits z for the true class k, four ways, in any format.
 * Each takes the logits (not probabilities) so that every way starts from the same numbers.
 */
#include "precision/kerasclip.h"
#include "precision/scalar.h"
#include "softmax/softmax.h"

#include <Eigen/Core>

namespace logitlab {

/** \brief How the cross-entropy is computed. */
enum class CrossEntropyMethod { Naive, Probabilities, Clipped, FromLogits };

/**
 * Loss of one sample. Naive: -log(naive softmax_k), NaN once exp overflows. Probabilities:
 * -log(shifted softmax_k), what a softmax output layer feeds the loss; inf once p_k underflows
 * to 0 (z_k - max < ln(min subnormal)). Clipped (Keras from_logits=False): -log(clip(p_k)),
 * which saturates at -log(1e-7) = 16.118 (float32) with a zero gradient. FromLogits:
 * logsumexp(z) - z_k with the shifted log-sum-exp; error a few u times (|z_k - max| + log n).
 */
template <class Scalar>
Scalar crossEntropy(const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Index k, CrossEntropyMethod method)
{
    Vector<Scalar> p(z.size());
    switch (method) {
    case CrossEntropyMethod::Naive: naiveSoftmax<Scalar>(z, p); return Scalar(-Eigen::numext::log(p[k]));
    case CrossEntropyMethod::Probabilities: shiftedSoftmax<Scalar>(z, p); return Scalar(-Eigen::numext::log(p[k]));
    case CrossEntropyMethod::Clipped: shiftedSoftmax<Scalar>(z, p); return Scalar(-Eigen::numext::log(kerasClip(p[k])));
    case CrossEntropyMethod::FromLogits: break;
    }
    logSoftmax<Scalar>(z, p);
    return Scalar(-p[k]);
}

/**
 * dL/dz of the loss exactly as crossEntropy() computes it. FromLogits: softmax(z) - onehot(k).
 * The probability paths go back through the softmax Jacobian: g_j = (dL/dp_k) p_k (delta_kj - p_j)
 * with dL/dp_k = -1/p_k (0 where Keras's clip is active), evaluated in the format, so a p_k
 * that underflowed gives inf * 0 = NaN and a clipped one gives exactly 0.
 */
template <class Scalar>
Vector<Scalar> crossEntropyGradient(
    const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Index k, CrossEntropyMethod method)
{
    Vector<Scalar> p(z.size());
    if (method == CrossEntropyMethod::Naive)
        naiveSoftmax<Scalar>(z, p);
    else
        shiftedSoftmax<Scalar>(z, p);
    if (method == CrossEntropyMethod::FromLogits) {
        Vector<Scalar> g = p;
        g[k] = Scalar(g[k] - Scalar(1));
        return g;
    }
    Scalar dLdp = Scalar(Scalar(-1) / p[k]);
    if (method == CrossEntropyMethod::Clipped && kerasClip(p[k]) != p[k])
        dLdp = Scalar(0);
    Vector<Scalar> g(z.size());
    for (Eigen::Index j = 0; j < z.size(); ++j) {
        const Scalar delta = j == k ? Scalar(1) : Scalar(0);
        g[j] = Scalar(Scalar(dLdp * p[k]) * Scalar(delta - p[j]));
    }
    return g;
}

} // namespace logitlab

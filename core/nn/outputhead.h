// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The output heads the training lab compares: what turns the last layer's outputs ("logits")
 * into a loss, and the gradient of that loss with respect to the logits.
 *
 * Every gradient here is the exact derivative of the loss *as computed*, operation by
 * operation (reverse mode through the same roundings), not a simplified closed form. So the
 * probability paths show what they do in practice: once a probability rounds to 0 (or is
 * clipped) the gradient is NaN (or exactly 0), while the from-logits paths keep learning.
 *
 * Multi-class heads (K outputs, label y in [0, K)):
 *  - Softmax:        p = softmax(z) (shifted by max z), loss = -log(p_y).
 *                    dL/dp_y = -1/p_y, then back through softmax:
 *                    dz_i = p_i (g_i - sum_j g_j p_j) with g = dL/dp.
 *                    p_y = 0 gives loss inf and gradient -inf * 0 = NaN.
 *  - SoftmaxClipped: as Keras: q = clip(p, 1e-7, 1 - 1e-7), loss = -log(q_y). The clip passes
 *                    the gradient only where 1e-7 <= p_y <= 1 - 1e-7 (as tf.clip_by_value), so
 *                    a confidently wrong sample has loss -log(1e-7) = 16.118 and gradient 0.
 *  - Logits:         loss = logsumexp(z) - z_y = m + log(sum_j exp(z_j - m)) - z_y,
 *                    dz_i = softmax(z)_i - [i = y] (Keras's from_logits=True, PyTorch's
 *                    CrossEntropyLoss). Never overflows for finite z.
 * Binary heads (1 output z, label y in {0, 1}):
 *  - Sigmoid:        p = 1 / (1 + exp(-z)), loss = -(y log p + (1 - y) log(1 - p)),
 *                    dz = (-y/p + (1 - y)/(1 - p)) * p (1 - p). p rounds to 1 in float32 for
 *                    z > 16.6, so a wrong label gives loss inf and gradient inf * 0 = NaN.
 *  - SigmoidClipped: Keras's binary_crossentropy: p clipped to [1e-7, 1 - 1e-7] first.
 *  - SigmoidLogits:  loss = max(z, 0) - z y + log1p(exp(-|z|)), dz = sigmoid(z) - y.
 * A batch's loss is the mean over its samples, so each gradient row is divided by the batch size.
 */
#include "precision/kerasclip.h"
#include "softmax/safeexp.h"
#include "text/nametable.h"

#include <Eigen/Core>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace logitlab {

/** \brief How the network's outputs become a loss (see the file comment for the formulas). */
enum class Head { Softmax, SoftmaxClipped, Logits, Sigmoid, SigmoidClipped, SigmoidLogits };

inline constexpr NameTable<Head, 6> headNames {{
    {Head::Softmax, "softmax"},
    {Head::SoftmaxClipped, "softmax-clipped"},
    {Head::Logits, "logits"},
    {Head::Sigmoid, "sigmoid"},
    {Head::SigmoidClipped, "sigmoid-clipped"},
    {Head::SigmoidLogits, "sigmoid-logits"},
}};

/** The canonical name of \a h, e.g. "softmax-clipped". */
inline std::string_view headName(Head h)
{
    return nameOf(headNames, h);
}

/** Parses a canonical head name; empty optional if unknown. */
inline std::optional<Head> parseHead(std::string_view text)
{
    return parseNameIn(headNames, text);
}

/** True for the one-output heads that need a two-class task. */
inline bool isBinaryHead(Head h)
{
    return h == Head::Sigmoid || h == Head::SigmoidClipped || h == Head::SigmoidLogits;
}

/** Number of network outputs a head needs for \a classes classes (1 for the binary heads). */
inline int headOutputs(Head h, int classes)
{
    return isBinaryHead(h) ? 1 : classes;
}

/**
 * \brief Loss value and gradient of one head for a batch of logits stored row-major.
 * \a scratch must hold at least \a outputs values; nothing is allocated.
 */
template <class Scalar> struct OutputHead {
    Head head;

    /**
     * The loss of one sample whose \a k logits are \a z (label \a y). If \a grad is not null,
     * writes dLoss/dz times \a gradScale into it. \a scratch holds k values.
     */
    Scalar sample(const Scalar *z, int k, int y, Scalar *grad, Scalar gradScale, Scalar *scratch) const
    {
        switch (head) {
        case Head::Softmax:
        case Head::SoftmaxClipped: return softmaxSample(z, k, y, grad, gradScale, scratch);
        case Head::Logits: return logitsSample(z, k, y, grad, gradScale, scratch);
        case Head::Sigmoid:
        case Head::SigmoidClipped: return sigmoidSample(z[0], y, grad, gradScale);
        case Head::SigmoidLogits: return sigmoidLogitsSample(z[0], y, grad, gradScale);
        }
        return std::numeric_limits<Scalar>::quiet_NaN();
    }

    /** The predicted class for logits \a z (argmax; for binary heads z > 0). */
    static int predict(const Scalar *z, int k)
    {
        if (k == 1)
            return z[0] > Scalar(0) ? 1 : 0;
        int best = 0;
        for (int i = 1; i < k; ++i)
            if (z[i] > z[best])
                best = i;
        return best;
    }

    /**
     * The probabilities this head's loss is computed from, for the \a k logits \a z, into \a p
     * (max(k, 2) values): the shifted softmax of the multi-class heads, [1 - s, s] with the
     * sigmoid s of the binary heads (computed as their loss computes it). The step inspector shows
     * these beside the loss, so both come from the same code.
     */
    void probabilities(const Scalar *z, int k, Scalar *p) const
    {
        switch (head) {
        case Head::Softmax:
        case Head::SoftmaxClipped:
        case Head::Logits: {
            const Scalar sum = shiftedExp(z, k, p);
            for (int i = 0; i < k; ++i)
                p[i] /= sum;
            return;
        }
        case Head::Sigmoid:
        case Head::SigmoidClipped: {
            p[1] = Scalar(1) / (Scalar(1) + expOf(-z[0]));
            break;
        }
        case Head::SigmoidLogits: {
            p[1] = sigmoidFromExp(z[0], expOf(-Eigen::numext::abs(z[0])));
            break;
        }
        }
        p[0] = Scalar(1) - p[1];
    }

    /** The loss of one sample (no gradient). */
    Scalar value(const Scalar *z, int k, int y, Scalar *scratch) const
    {
        return sample(z, k, y, nullptr, Scalar(1), scratch);
    }

    /** dLoss/dz of one sample into \a grad; returns the loss. */
    Scalar gradient(const Scalar *z, int k, int y, Scalar *grad, Scalar *scratch) const
    {
        return sample(z, k, y, grad, Scalar(1), scratch);
    }

private:
    /** max_i z_i, NaN if any z_i is NaN (vectorised; no branch per element). */
    static Scalar maxOf(const Scalar *z, int k)
    {
        return Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>(z, k).template maxCoeff<Eigen::PropagateNaN>();
    }

    /** e_i = exp(z_i - max z) into \a e; returns their sum (in order) and max z in \a max. */
    static Scalar shiftedExp(const Scalar *z, int k, Scalar *e, Scalar *max = nullptr)
    {
        const Scalar m = maxOf(z, k);
        if (max)
            *max = m;
        for (int i = 0; i < k; ++i)
            e[i] = z[i] - m;
        safeExp(e, e, k);
        Scalar sum(0);
        for (int i = 0; i < k; ++i)
            sum += e[i];
        return sum;
    }

    /** exp(x) by the same range-safe kernel as the vectors (one element). */
    static Scalar expOf(Scalar x)
    {
        safeExp(&x, &x, 1);
        return x;
    }

    /** sigmoid(z) from e = exp(-|z|): 1/(1+e) for z >= 0, e/(1+e) for z < 0 (never overflows). */
    static Scalar sigmoidFromExp(Scalar z, Scalar e)
    {
        return z >= Scalar(0) ? Scalar(1) / (Scalar(1) + e) : e / (Scalar(1) + e);
    }

    Scalar softmaxSample(const Scalar *z, int k, int y, Scalar *grad, Scalar gradScale, Scalar *p) const
    {
        const Scalar sum = shiftedExp(z, k, p);
        for (int i = 0; i < k; ++i)
            p[i] /= sum;
        Scalar q = p[y];
        bool passes = true; // does the clip pass the gradient?
        if (head == Head::SoftmaxClipped) {
            const Scalar lo = kerasEpsilon<Scalar>(), hi = Scalar(1) - lo; // as kerasClip()
            passes = q >= lo && q <= hi;
            q = q < lo ? lo : (q > hi ? hi : q);
        }
        const Scalar loss = -Eigen::numext::log(q);
        if (grad) {
            // g = dL/dp is zero except at y: g_y = -1/q (times the clip's 0 or 1).
            const Scalar gy = passes ? Scalar(-1) / q : Scalar(0);
            const Scalar dot = gy * p[y]; // sum_j g_j p_j
            for (int i = 0; i < k; ++i) {
                const Scalar gi = (i == y ? gy : Scalar(0)) - dot;
                grad[i] = p[i] * gi * gradScale;
            }
        }
        return loss;
    }

    Scalar logitsSample(const Scalar *z, int k, int y, Scalar *grad, Scalar gradScale, Scalar *e) const
    {
        Scalar m;
        const Scalar sum = shiftedExp(z, k, e, &m);
        const Scalar loss = (m + Eigen::numext::log(sum)) - z[y];
        if (grad)
            for (int i = 0; i < k; ++i)
                grad[i] = (e[i] / sum - (i == y ? Scalar(1) : Scalar(0))) * gradScale;
        return loss;
    }

    Scalar sigmoidSample(Scalar z, int y, Scalar *grad, Scalar gradScale) const
    {
        const Scalar e = expOf(-z);
        Scalar p = Scalar(1) / (Scalar(1) + e);
        bool passes = true;
        if (head == Head::SigmoidClipped) {
            const Scalar lo = kerasEpsilon<Scalar>(), hi = Scalar(1) - lo; // as kerasClip()
            passes = p >= lo && p <= hi;
            p = p < lo ? lo : (p > hi ? hi : p);
        }
        // Only the term whose label weight is 1 is evaluated (the other is 0 * log(...)), so a
        // p of exactly 0 or 1 costs inf only when the label makes it count.
        const Scalar loss = y == 1 ? -Eigen::numext::log(p) : -Eigen::numext::log(Scalar(1) - p);
        if (grad) {
            const Scalar dp = y == 1 ? Scalar(-1) / p : Scalar(1) / (Scalar(1) - p);
            // The sigmoid's derivative p (1 - p), with p before the clip.
            const Scalar praw = Scalar(1) / (Scalar(1) + e);
            grad[0] = passes ? dp * (praw * (Scalar(1) - praw)) * gradScale : Scalar(0);
        }
        return loss;
    }

    static Scalar sigmoidLogitsSample(Scalar z, int y, Scalar *grad, Scalar gradScale)
    {
        const Scalar e = expOf(-Eigen::numext::abs(z));
        const Scalar t = Scalar(y);
        const Scalar loss = (z > Scalar(0) ? z : Scalar(0)) - z * t + Eigen::numext::log1p(e);
        if (grad) {
            grad[0] = (sigmoidFromExp(z, e) - t) * gradScale;
        }
        return loss;
    }
};

} // namespace logitlab

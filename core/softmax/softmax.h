// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Softmax and log-softmax of a vector, four ways, in any of our formats (templates on Scalar); the
 * fifth, online softmax, is in onlinesoftmax.h.
 * Every operation rounds in Scalar's format; exp and sums come from safeexp.h (Eigen's order for
 * an aligned vector, whatever the address), which the error bounds below allow for. Error bounds are from Blanchard,
 * Higham and Higham, "Accurately computing the log-sum-exp and softmax functions", IMA J. Numer. Anal. 41 (2021), with
 * u the unit roundoff of Scalar and n the length; the tests check them.
 */
#include "softmax/safeexp.h"

#include <Eigen/Core>

#include <cmath>
#include <limits>

namespace logitlab {

template <class Scalar> using Vector = Eigen::Array<Scalar, Eigen::Dynamic, 1>;

namespace detail {

/** max with NaN propagation (a NaN anywhere makes the result NaN, as IEEE max would not). */
template <class Scalar> Scalar maxPropagatingNaN(const Eigen::Ref<const Vector<Scalar>> &z)
{
    Scalar m = z[0];
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        if (Eigen::numext::isnan(z[i]))
            return z[i];
        if (z[i] > m)
            m = z[i];
    }
    return m;
}

} // namespace detail

/**
 * Naive softmax p_i = exp(z_i) / sum_j exp(z_j). Overflows once some z_i > ln(max) (88.72 in
 * float32), giving inf/inf = NaN; underflows to 0/0 = NaN once every z_i < ln(min subnormal).
 * Where it does not overflow the error is like the shifted form's.
 */
template <class Scalar>
void naiveSoftmax(
    const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Ref<Vector<Scalar>> out, SoftmaxFlags *flags = nullptr)
{
    if (z.size() == 0)
        return;
    detail::alignedOrderExp(z.data(), out.data(), z.size(), flags);
    const Scalar sum = detail::alignedOrderSum(out.data(), out.size());
    noteSumOverflow(out.data(), out.size(), sum, flags);
    out /= sum;
}

/**
 * Shifted softmax p_i = exp(z_i - m) / sum_j exp(z_j - m), m = max_j z_j. Every exponent is
 * <= 0, so nothing overflows and the sum is >= 1. Relative error per element at most about
 * (|z_i - m| + n + 2) u (Blanchard et al. 2021, Thm 4.2 with the exp error folded in).
 * An infinite z gives inf - inf = NaN, as in PyTorch and NumPy.
 */
template <class Scalar>
void shiftedSoftmax(
    const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Ref<Vector<Scalar>> out, SoftmaxFlags *flags = nullptr)
{
    if (z.size() == 0)
        return;
    const Scalar m = detail::maxPropagatingNaN<Scalar>(z);
    out = z - m;
    detail::alignedOrderExp(out.data(), out.data(), out.size(), flags);
    const Scalar sum = detail::alignedOrderSum(out.data(), out.size());
    out /= sum;
}

/**
 * Log-softmax y_i = z_i - m - log(sum_j exp(z_j - m)). Never overflows; absolute error about
 * (|z_i - m| + n + 3) u, so tiny probabilities keep full relative accuracy in log space.
 */
template <class Scalar>
void logSoftmax(
    const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Ref<Vector<Scalar>> out, SoftmaxFlags *flags = nullptr)
{
    if (z.size() == 0)
        return;
    const Scalar m = detail::maxPropagatingNaN<Scalar>(z);
    out = z - m;
    Vector<Scalar> e(z.size());
    detail::alignedOrderExp(out.data(), e.data(), out.size(), flags);
    const Scalar logSum = Eigen::numext::log(detail::alignedOrderSum(e.data(), e.size()));
    out -= logSum;
}

/** \brief Softmax, log-softmax and log-sum-exp from Higham's accurate algorithm. */
template <class Scalar> struct HighamResult {
    Vector<Scalar> softmax;
    Vector<Scalar> logSoftmax;
    Scalar logSumExp;
};

/**
 * Higham's variant (Blanchard et al. 2021, Alg. 4.1/4.2): a = max, k = argmax,
 * s = sum_{i != k} exp(z_i - a), softmax_i = exp(z_i - a) / (1 + s), logsumexp = a + log1p(s),
 * log-softmax_i = (z_i - a) - log1p(s). log1p keeps the small s that 1 + s would round away, so
 * the largest probability and the log-sum-exp stay accurate to a few u even when s < u.
 */
template <class Scalar>
HighamResult<Scalar> highamSoftmax(const Eigen::Ref<const Vector<Scalar>> &z, SoftmaxFlags *flags = nullptr)
{
    HighamResult<Scalar> r {
        Vector<Scalar>(z.size()), Vector<Scalar>(z.size()), Scalar(-std::numeric_limits<float>::infinity())};
    if (z.size() == 0)
        return r;
    Eigen::Index k = 0;
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        if (Eigen::numext::isnan(z[i]) || Eigen::numext::isnan(z[k])) {
            k = Eigen::numext::isnan(z[k]) ? k : i;
            continue;
        }
        if (z[i] > z[k])
            k = i;
    }
    const Scalar a = z[k];
    const Vector<Scalar> shifted = z - a;
    detail::alignedOrderExp(shifted.data(), r.softmax.data(), shifted.size(), flags);
    r.softmax[k] = Scalar(0); // exp(0) = 1 is kept out of s
    const Scalar s = detail::alignedOrderSum(r.softmax.data(), r.softmax.size());
    r.softmax[k] = Scalar(1);
    r.softmax /= Scalar(Scalar(1) + s);
    const Scalar l = Eigen::numext::log1p(s);
    r.logSoftmax = shifted - l;
    r.logSumExp = a + l;
    return r;
}

} // namespace logitlab

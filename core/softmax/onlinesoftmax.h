// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Online softmax (Milakov and Gimelshein, "Online normalizer calculation for softmax",
 * arXiv 1805.02867, 2018), the idea behind FlashAttention: one pass over z keeps the running
 * max m and the running sum d = sum_{j seen} exp(z_j - m); when a z_j > m arrives, d is first
 * rescaled by exp(m_old - m_new). A second pass gives p_i = exp(z_i - m) / d.
 *
 * Here d is kept in the partial sums that alignedOrderSum() uses for shiftedSoftmax() (Eigen's
 * packet order), and a rescale multiplies every partial sum; the exps of the first pass come from
 * alignedOrderExp() on the same 256-element blocks. So where m never grows after the first
 * logit above -inf (the max comes first; R = 0 below), every term and every addition is the
 * shifted method's: online == shifted bit for bit, flags included. They part only where m
 * grows: the terms before it are exps against an older max, times the rescale factors.
 * The first pass walks the logits one by one (its exps are still taken per block): a kernel to
 * study, several times slower than the fused shifted kernels of softmaxmatrix.h.
 *
 * Special values, as shiftedSoftmax(): a NaN makes every p NaN (m becomes the first NaN, as
 * maxPropagatingNaN() returns); a +inf gives inf - inf = NaN everywhere; a -inf logit gets an
 * exact 0; all -inf gives -inf - (-inf) = NaN everywhere; an empty z leaves \a out empty. One
 * choice is the algorithm's, not the paper's: while m is still -inf, the term of a -inf logit is
 * taken as exp(-inf) = 0 (its value relative to any max to come) rather than
 * exp(-inf - (-inf)) = NaN, which the paper's start m_0 = -inf, d_0 = 0 gives for [-inf, 0].
 *
 * Error (first order in the unit roundoff u = 2^-p; n the length, M the final max, d_i = z_i - M,
 * R the number of rescales: the j where z_j exceeds max(z_0..z_{j-1}) > -inf, at most n - 1):
 *   t_j = fl(z_j - m_j) = (z_j - m_j)(1 + a),  |a| <= u               m_j: the running max at j
 *   e_j = fl(exp(t_j))  = exp(z_j - m_j)(1 + f_j),  |f_j| <= (|z_j - m_j| + 3) u
 *                         (exp's condition number is |t|; alignedOrderExp is within 1.5 ulp = 3u)
 *   rescale k: c_k = fl(exp(fl(m_{k-1} - m_k))) = exp(m_{k-1} - m_k)(1 + g_k),
 *                         |g_k| <= (|m_{k-1} - m_k| + 2) u   (the C library's exp: < 1 ulp = 2u)
 *              each partial sum P becomes fl(P c_k) = P c_k (1 + h),  |h| <= u
 *   term j in the end:  exp(z_j - M) (1 + f_j) prod_{k > j} (1 + g_k)(1 + h_k), and the
 *   arguments' errors telescope, (m_j - z_j) + sum_{k > j} (m_k - m_{k-1}) = M - z_j = |d_j|:
 *                         relative error <= (|d_j| + 3 + 3 R_j) u,  R_j <= R the rescales after j
 *   d = the same tree of additions as shifted's sum (n - 1 levels at most), and with
 *       sum_j exp(d_j) |d_j| <= n/e, sum_j exp(d_j) >= 1:  d = S (1 + s), |s| <= (n/e + n + 2 + 3R) u
 *   p_i = fl(fl(exp(fl(z_i - M))) / d):  relative error <= (|d_i| + 3) u + |s| + u
 *                                        <= (|d_i| + 2n + 6 + 3R) u
 * and a relative error r is at most r/u ulps (the ulp at x is >= u |x|). So
 *   online:  |p_i - exact| <= |d_i| + 2n + 6 + 3R ulps,
 * the shifted method's bound (the same derivation with R = 0) plus 3 ulps per rescale: 2u from
 * the factor's exp (1 ulp) and u from the multiplication, each u counted as one ulp of p_i.
 * Against the shifted result itself, whose numerator is the same bits, only the two sums differ:
 *   |p_online / p_shifted - 1| <= (4n + 4 + 3R) u + 2u, i.e. <= 4n + 6 + 3R ulps, whatever d_i.
 * Where a factor underflows (m grows by more than -ln(min normal): 87.3 in float32, 9.7 in
 * float16) its relative bound fails, but its absolute error is at most L/2, half the smallest
 * subnormal: a partial sum P <= n times it, plus the product's rounding, moves d (>= 1: it holds
 * exp(0) = 1) by at most (n + 1) L / 2, below 1 of the 3 ulps allowed per rescale when n L <= u
 * (n <= 8192 in float16, any n in the other formats). Like every first-order bound, this one
 * wants n u well below 1 (n <= 1000 in float16, about 100 in bfloat16); past that it proves
 * nothing. tests/core/softmax/tst_onlinesoftmax.cpp checks it where n u <= 1/2.
 */
#include "softmax/safeexp.h"
#include "softmax/softmax.h"

#include <Eigen/Core>

#include <algorithm>
#include <limits>
#include <utility>

// Eigen's packet types carry alignment attributes that GCC drops in template arguments.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"

namespace logitlab {

namespace detail {

/**
 * \brief A sum of n terms given one at a time in alignedOrderSum()'s order, whose partial sums can all be scaled.
 *
 * Term i goes where alignedOrderSum() puts p[i]: below end2 = n - n mod 2w into lane i mod w
 * of the first (i mod 2w < w) or second packet accumulator, up to end1 = n - n mod w into the
 * extra packet, then after the horizontal sum (predux) one by one; without packets, or below
 * one packet, left to right. The accumulators start at +0 (the terms are +0, positive, inf or
 * NaN, for which 0 + e = e exactly, as in fusedExpSum()). With no scale() call the total is
 * alignedOrderSum() of the terms, bit for bit.
 */
template <class Scalar> class OrderedScaledSum {
    using Traits = Eigen::internal::packet_traits<Scalar>;
    static constexpr bool packets = bool(Traits::Vectorizable) && bool(Traits::HasAdd);
    using Packet = typename Traits::type;
    static constexpr Eigen::Index w = packets ? Eigen::internal::unpacket_traits<Packet>::size : 1;

public:
    explicit OrderedScaledSum(Eigen::Index n)
        : m_end2(packets ? (n / (2 * w)) * (2 * w) : 0), m_end1(packets ? (n / w) * w : 0)
    {
        std::fill(std::begin(m_r0), std::end(m_r0), Scalar(0));
        std::fill(std::begin(m_r1), std::end(m_r1), Scalar(0));
        std::fill(std::begin(m_extra), std::end(m_extra), Scalar(0));
        m_reduced = m_end1 == 0; // no packet: the terms go to m_res from the start
    }

    /** Adds the next term. */
    void add(Scalar e)
    {
        const Eigen::Index i = m_count++;
        if (i < m_end2) {
            const Eigen::Index lane = i % (2 * w);
            Scalar &acc = lane < w ? m_r0[lane] : m_r1[lane - w];
            acc = acc + e;
        } else if (i < m_end1) {
            m_extra[i - m_end2] = m_extra[i - m_end2] + e;
        } else {
            if (!m_reduced)
                reduce();
            m_res = (i == 0) ? e : Scalar(m_res + e); // alignedOrderSum: res = p[0], then res + p[i]
        }
    }

    /** Multiplies every partial sum by \a c (one rounding each). */
    void scale(Scalar c)
    {
        if (m_reduced) {
            m_res = m_res * c;
            return;
        }
        for (Eigen::Index k = 0; k < w; ++k) {
            m_r0[k] = m_r0[k] * c;
            m_r1[k] = m_r1[k] * c;
            m_extra[k] = m_extra[k] * c;
        }
    }

    /** The sum of the terms added (all n of them). */
    Scalar total()
    {
        if (!m_reduced)
            reduce();
        return m_res;
    }

private:
    void reduce()
    {
        if constexpr (packets) {
            namespace ei = Eigen::internal;
            m_res = ei::predux(
                ei::padd(ei::padd(ei::ploadu<Packet>(m_r0), ei::ploadu<Packet>(m_r1)), ei::ploadu<Packet>(m_extra)));
        }
        m_reduced = true;
    }

    Scalar m_r0[w], m_r1[w], m_extra[w];
    Scalar m_res = Scalar(0);
    Eigen::Index m_end2, m_end1, m_count = 0;
    bool m_reduced = false;
};

/**
 * The online pass over z[0, n): the final running max m (maxPropagatingNaN()'s value, bit for
 * bit) and d = sum_j exp(z_j - m), rescaled by exp(m_old - m_new) each time m grows. The exps
 * of each 256-element block are taken together by alignedOrderExp() (so that they are the
 * shifted method's where m has not moved), after a scan of the block has fixed every element's
 * running max and where the rescales fall.
 */
template <class Scalar> std::pair<Scalar, Scalar> onlineMaxAndSum(const Scalar *z, Eigen::Index n)
{
    constexpr Eigen::Index block = 256;
    const Scalar minusInf = Scalar(-std::numeric_limits<float>::infinity());
    OrderedScaledSum<Scalar> d(n);
    Scalar m = minusInf;
    Scalar t[block], e[block], factor[block];
    Eigen::Index at[block];
    for (Eigen::Index start = 0; start < n; start += block) {
        const Eigen::Index len = std::min(block, n - start);
        Eigen::Index rescales = 0;
        for (Eigen::Index k = 0; k < len; ++k) {
            const Scalar x = z[start + k];
            if (!Eigen::numext::isnan(m) && (Eigen::numext::isnan(x) || x > m)) {
                // exp(-inf - x) = 0 when m is still -inf: the partial sums are +0 and stay so.
                factor[rescales] = Eigen::numext::exp(Scalar(m - x));
                at[rescales++] = k;
                m = x;
            }
            t[k] = m == minusInf ? minusInf : Scalar(x - m); // x = -inf too; exp(-inf) = 0
        }
        alignedOrderExp(t, e, len, nullptr);
        Eigen::Index next = 0;
        for (Eigen::Index k = 0; k < len; ++k) {
            if (next < rescales && at[next] == k)
                d.scale(factor[next++]);
            d.add(e[k]);
        }
    }
    return {m, d.total()};
}

} // namespace detail

/**
 * Online softmax p_i = exp(z_i - m) / d, with m and d = sum_j exp(z_j - m) from one pass that
 * rescales d by exp(m_old - m_new) whenever the max grows (Milakov and Gimelshein 2018). Error
 * at most |z_i - m| + 2n + 6 + 3R ulps, R <= n - 1 the number of rescales: the shifted method's
 * bound plus 3 ulps per rescale (derivation above). Equal to shiftedSoftmax() bit for bit when
 * R = 0; NaN, inf and -inf as there. Flags: the second pass's, which are the shifted method's
 * (an exp of the first pass, or a factor, that underflows means exp(z_j - m) does for some j).
 */
template <class Scalar>
void onlineSoftmax(
    const Eigen::Ref<const Vector<Scalar>> &z, Eigen::Ref<Vector<Scalar>> out, SoftmaxFlags *flags = nullptr)
{
    if (z.size() == 0)
        return;
    const auto [m, d] = detail::onlineMaxAndSum<Scalar>(z.data(), z.size());
    out = z - m;
    detail::alignedOrderExp(out.data(), out.data(), out.size(), flags);
    out /= d;
}

} // namespace logitlab

#pragma GCC diagnostic pop

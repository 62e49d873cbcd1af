// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * exp and sum over a line of values that are fast, right at the edges of the format, and give
 * the same bits wherever the line sits in memory.
 *
 * Eigen 3.4's vectorised exp (a Cody-Waite reduction with a polynomial, about 1.2 ulp) clamps
 * its argument: in float32 it returns 2.9e-39 for exp(-104), where the true value rounds to 0,
 * and never returns a subnormal. Blocks whose arguments all lie where the polynomial is accurate
 * take the vectorised path; any block with an argument outside that range (or a NaN) is computed
 * element by element by the C library, which overflows to inf and underflows gradually as
 * IEEE 754 says. float16, bfloat16 and long double go element by element through
 * Eigen::numext::exp (for the 16-bit types: exp in float, rounded once).
 *
 * Eigen picks its packet/scalar split and its summation order from the *address* of the data,
 * so Map(x).exp() and .sum() on a row of a matrix can differ by an ulp from the same values in
 * a fresh Vector. The routines here always use the order Eigen uses for an aligned vector.
 */
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

// Eigen's packet types carry alignment attributes that GCC drops in template arguments.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"

namespace logitlab {

/** \brief What went wrong inside a kernel: an exp that overflowed or underflowed. */
struct SoftmaxFlags {
    bool overflow = false; ///< exp of a finite argument gave inf
    bool underflow = false; ///< exp of a finite argument gave 0 or a subnormal
    bool sumOverflow = false; ///< every exp was finite but their sum overflowed to inf (naive form)
};

/** Sets flags->sumOverflow when \a sum of the finite exps \a e[0, n) is inf (finite / inf = 0 follows). */
template <class Scalar> inline void noteSumOverflow(const Scalar *e, Eigen::Index n, Scalar sum, SoftmaxFlags *flags)
{
    if (!flags || !(Eigen::numext::isinf)(sum))
        return;
    for (Eigen::Index i = 0; i < n; ++i)
        if (!(Eigen::numext::isfinite)(e[i]))
            return; // an inf exp: the overflow is the exp's, flagged already
    flags->sumOverflow = true;
}

/** Arguments for which Eigen's vectorised exp is accurate (normal, finite results). */
template <class Scalar> struct VectorExpRange {
    static constexpr bool vectorised = false;
};
template <> struct VectorExpRange<float> {
    static constexpr bool vectorised = true;
    static constexpr float lo = -87.0f; // ln(min normal) = -87.34
    static constexpr float hi = 88.5f; // ln(max) = 88.72
};
template <> struct VectorExpRange<double> {
    static constexpr bool vectorised = true;
    static constexpr double lo = -708.0; // ln(min normal) = -708.40
    static constexpr double hi = 709.5; // ln(max) = 709.78
};

namespace detail {

namespace ei = Eigen::internal;

/** True when the kernels below use Eigen's packets for Scalar (float and double). */
template <class Scalar>
inline constexpr bool usesPackets = VectorExpRange<Scalar>::vectorised &&bool(ei::packet_traits<Scalar>::Vectorizable);

/**
 * sum_i p[i] in the order Eigen 3.4's redux uses for an aligned dynamic vector: two packet
 * accumulators over pairs of packets, one more packet, the horizontal sum (predux), then the
 * remaining n mod packet-size elements one by one; below one packet, left to right.
 */
template <class Scalar> Scalar alignedOrderSum(const Scalar *p, Eigen::Index n)
{
    using Traits = ei::packet_traits<Scalar>;
    if constexpr (bool(Traits::Vectorizable) && bool(Traits::HasAdd)) {
        using Packet = typename Traits::type;
        constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
        const Eigen::Index end2 = (n / (2 * w)) * (2 * w);
        const Eigen::Index end1 = (n / w) * w;
        if (end1 > 0) {
            Packet r0 = ei::ploadu<Packet>(p);
            if (end1 > w) {
                Packet r1 = ei::ploadu<Packet>(p + w);
                for (Eigen::Index i = 2 * w; i < end2; i += 2 * w) {
                    r0 = ei::padd(r0, ei::ploadu<Packet>(p + i));
                    r1 = ei::padd(r1, ei::ploadu<Packet>(p + i + w));
                }
                r0 = ei::padd(r0, r1);
                if (end1 > end2)
                    r0 = ei::padd(r0, ei::ploadu<Packet>(p + end2));
            }
            Scalar res = ei::predux(r0);
            for (Eigen::Index i = end1; i < n; ++i)
                res = res + p[i];
            return res;
        }
    }
    if (n == 0)
        return Scalar(0);
    Scalar res = p[0];
    for (Eigen::Index i = 1; i < n; ++i)
        res = res + p[i];
    return res;
}

/** Records overflow/underflow of out = exp(arg): only a finite argument can be blamed. */
template <class Scalar> inline void noteExpFlag(Scalar arg, Scalar out, SoftmaxFlags *flags)
{
    if (!flags || !Eigen::numext::isfinite(arg))
        return;
    if (Eigen::numext::isinf(out))
        flags->overflow = true;
    else if (out < std::numeric_limits<Scalar>::min())
        flags->underflow = true;
}

/**
 * out[i] = exp(in[i]), the same bits at any address: per 256-element
 * block, Eigen's packet exp on whole packets and the C library's exp on the rest when every
 * argument lies in VectorExpRange, the C library's exp on the whole block otherwise. Flags are
 * set from the C library blocks (in-range blocks can neither overflow nor underflow).
 * \a in may equal \a out. Worst case 1.5 ulp: Eigen's polynomial measures 1.16 ulp (float) and
 * 1.21 ulp (double) on dense sweeps (tests/core/softmax); glibc's exp is below 1 ulp.
 */
template <class Scalar> void alignedOrderExp(const Scalar *in, Scalar *out, Eigen::Index n, SoftmaxFlags *flags)
{
    if constexpr (usesPackets<Scalar>) {
        using Packet = typename ei::packet_traits<Scalar>::type;
        using Range = VectorExpRange<Scalar>;
        constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
        constexpr Eigen::Index block = 256;
        const Packet lo = ei::pset1<Packet>(Range::lo);
        const Packet hi = ei::pset1<Packet>(Range::hi);
        for (Eigen::Index start = 0; start < n; start += block) {
            const Scalar *x = in + start;
            Scalar *y = out + start;
            const Eigen::Index len = std::min(block, n - start);
            const Eigen::Index packed = (len / w) * w;
            Packet bad = ei::pzero(lo);
            for (Eigen::Index i = 0; i < packed; i += w) {
                const Packet v = ei::ploadu<Packet>(x + i);
                // v < lo, v > hi or v is NaN
                bad = ei::por(bad, ei::por(ei::pcmp_lt_or_nan(v, lo), ei::pcmp_lt(hi, v)));
            }
            bool inRange = !ei::predux_any(bad);
            for (Eigen::Index i = packed; i < len; ++i)
                inRange = inRange && x[i] >= Range::lo && x[i] <= Range::hi;
            if (inRange) {
                for (Eigen::Index i = 0; i < packed; i += w)
                    ei::pstoreu(y + i, ei::pexp(ei::ploadu<Packet>(x + i)));
                for (Eigen::Index i = packed; i < len; ++i)
                    y[i] = std::exp(x[i]);
            } else {
                for (Eigen::Index i = 0; i < len; ++i) {
                    const Scalar a = x[i];
                    y[i] = std::exp(a);
                    noteExpFlag(a, y[i], flags);
                }
            }
        }
    } else {
        for (Eigen::Index i = 0; i < n; ++i) {
            const Scalar a = in[i];
            out[i] = Eigen::numext::exp(a);
            noteExpFlag(a, out[i], flags);
        }
    }
}

} // namespace detail

/** out[i] = exp(in[i]) for i < n, as detail::alignedOrderExp without flags; \a in may be \a out. */
template <class Scalar> void safeExp(const Scalar *in, Scalar *out, Eigen::Index n)
{
    detail::alignedOrderExp<Scalar>(in, out, n, nullptr);
}

} // namespace logitlab

#pragma GCC diagnostic pop

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Softmax of a matrix along one axis (PyTorch's `dim` 0 or 1), by the four methods of softmax.h
 * and the online method of onlinesoftmax.h.
 *
 * Each row (Axis::Rows, dim=1) or column (Axis::Columns, dim=0) gets exactly the arithmetic of
 * the vector kernel in softmax.h applied to a copy of that line in a fresh (32-byte aligned)
 * Vector: the same formula, the same exp (Eigen's vectorised exp on 256-element blocks inside
 * the safe range, the C library's exp elsewhere and on the block's last n mod packet-size
 * elements), and the same summation order (Eigen's two-accumulator packet order, then the
 * horizontal sum, then the tail). The results are therefore bit for bit those of the vector
 * kernels, and so are the error bounds stated there (Blanchard, Higham and Higham 2021).
 *
 * Note: Eigen picks its packet/scalar split and its summation order from the *address* of the
 * data. The kernels here use the order Eigen uses for an aligned vector whatever the address,
 * so a row at any offset of a matrix gives the same bits as the same values in a fresh Vector.
 *
 * Speed (float and double): z - max, exp and sum run as one pass per 256-element block; short
 * rows run four at a time stage by stage, and float rows of 8-15 columns (AVX2) eight at a
 * time with the max, checks, sums and divisions lane-parallel over the rows (shortRowGroup8);
 * float outputs of >= 16 MiB are written with non-temporal stores (bench/RESULTS.md). Columns
 * (dim=0) are copied to a contiguous buffer and back, and Higham's variant, the online method
 * and the 16-bit and long double formats take the plain path.
 */
#include "softmax/onlinesoftmax.h"
#include "softmax/safeexp.h"
#include "softmax/softmax.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

// Eigen's packet types carry alignment attributes that GCC drops in template arguments.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"

namespace logitlab {

/** \brief A dense row-major matrix of one of our formats (rows are contiguous). */
template <class Scalar> using RowMatrix = Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/** \brief The axis a matrix softmax normalises along, numbered as PyTorch's `dim`. */
enum class Axis : int {
    Columns = 0, ///< dim=0: each column sums to 1
    Rows = 1, ///< dim=1: each row sums to 1 (the last axis)
};

/** \brief Higham's softmax of every line of a matrix: both outputs plus one log-sum-exp per line. */
template <class Scalar> struct HighamMatrixResult {
    RowMatrix<Scalar> softmax;
    RowMatrix<Scalar> logSoftmax;
    Vector<Scalar> logSumExp; ///< one entry per row (Axis::Rows) or per column (Axis::Columns)
};

namespace detail {

namespace ei = Eigen::internal;

/** max_i z[i] with maxPropagatingNaN()'s result (NaN wins; among equal zeros, the first). */
template <class Scalar> EIGEN_ALWAYS_INLINE Scalar lineMax(const Scalar *z, Eigen::Index n)
{
    if constexpr (usesPackets<Scalar>) {
        using Packet = typename ei::packet_traits<Scalar>::type;
        constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
        if (n >= w) {
            Packet m = ei::ploadu<Packet>(z);
            Packet nan = ei::pcmp_lt_or_nan(m, m); // true exactly in NaN lanes
            Packet m2 = m;
            Eigen::Index i = w;
            for (; i + 2 * w <= n; i += 2 * w) {
                const Packet v = ei::ploadu<Packet>(z + i), v2 = ei::ploadu<Packet>(z + i + w);
                nan = ei::por(nan, ei::por(ei::pcmp_lt_or_nan(v, v), ei::pcmp_lt_or_nan(v2, v2)));
                m = ei::pmax(m, v);
                m2 = ei::pmax(m2, v2);
            }
            for (; i + w <= n; i += w) {
                const Packet v = ei::ploadu<Packet>(z + i);
                nan = ei::por(nan, ei::pcmp_lt_or_nan(v, v));
                m = ei::pmax(m, v);
            }
            if (i < n) { // the last w elements, overlapping ones already seen: max does not mind
                const Packet v = ei::ploadu<Packet>(z + n - w);
                nan = ei::por(nan, ei::pcmp_lt_or_nan(v, v));
                m2 = ei::pmax(m2, v);
            }
            const Scalar result = ei::predux_max(ei::pmax(m, m2));
            const bool anyNan = ei::predux_any(nan);
            // Ties between -0 and +0 (and NaN payloads) need the scalar scan's first-wins rule.
            if (!anyNan && result != Scalar(0))
                return result;
        }
    }
    return maxPropagatingNaN<Scalar>(Eigen::Map<const Vector<Scalar>>(z, n));
}

/**
 * out[i] = in[i] - s, with Eigen's packet op on whole packets and the scalar op on the rest, as
 * `out = z - m` assigns into an aligned Vector (for the 16-bit types the two differ in the sign
 * of a NaN result).
 */
template <class Scalar> EIGEN_ALWAYS_INLINE void subtractScalar(const Scalar *in, Scalar s, Scalar *out, Eigen::Index n)
{
    Eigen::Index i = 0;
    if constexpr (bool(ei::packet_traits<Scalar>::Vectorizable)
        && bool(ei::functor_traits<ei::scalar_difference_op<Scalar, Scalar>>::PacketAccess)) {
        using Packet = typename ei::packet_traits<Scalar>::type;
        constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
        const Packet ps = ei::pset1<Packet>(s);
        for (; i + w <= n; i += w)
            ei::pstoreu(out + i, ei::psub(ei::ploadu<Packet>(in + i), ps));
    }
    for (; i < n; ++i)
        out[i] = in[i] - s;
}

/** out[i] = out[i] / s (a true division), split into packets as `out /= s` in softmax.h. */
template <class Scalar> EIGEN_ALWAYS_INLINE void divideByScalar(Scalar *out, Scalar s, Eigen::Index n)
{
    Eigen::Index i = 0;
    if constexpr (bool(ei::packet_traits<Scalar>::Vectorizable)
        && bool(ei::functor_traits<ei::scalar_quotient_op<Scalar, Scalar>>::PacketAccess)) {
        using Packet = typename ei::packet_traits<Scalar>::type;
        constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
        const Packet ps = ei::pset1<Packet>(s);
        for (; i + w <= n; i += w)
            ei::pstoreu(out + i, ei::pdiv(ei::ploadu<Packet>(out + i), ps));
    }
    for (; i < n; ++i)
        out[i] = out[i] / s;
}

#if defined(EIGEN_VECTORIZE_AVX2)
/**
 * Eigen 3.4's pexp_float for arguments in VectorExpRange<float> = [-87, 88.5], the same bits
 * with fewer instructions: there Eigen's clamp to +-88.723 and its final max(result, x) change
 * nothing, and its four-multiply pldexp computes y * 2^m exactly because the result is a
 * normal float, so adding m to y's exponent field gives the identical value.
 * tst_softmaxmatrix compares the two on every float in the range.
 */
EIGEN_ALWAYS_INLINE Eigen::internal::Packet8f pexpFloatInRange(const Eigen::internal::Packet8f &x)
{
    using Eigen::internal::pmadd;
    using Eigen::internal::pmul;
    using Eigen::internal::pset1;
    using Packet = Eigen::internal::Packet8f;
    const Packet m = Eigen::internal::pfloor(pmadd(x, pset1<Packet>(1.44269504088896341f), pset1<Packet>(0.5f)));
    Packet r = pmadd(m, pset1<Packet>(-0.693359375f), x);
    r = pmadd(m, pset1<Packet>(2.12194440e-4f), r);
    const Packet r2 = pmul(r, r);
    const Packet r3 = pmul(r2, r);
    Packet y = pmadd(pset1<Packet>(1.9875691500E-4f), r, pset1<Packet>(1.3981999507E-3f));
    Packet y1 = pmadd(pset1<Packet>(4.1665795894E-2f), r, pset1<Packet>(1.6666665459E-1f));
    const Packet y2 = Eigen::internal::padd(r, pset1<Packet>(1.0f));
    y = pmadd(y, r, pset1<Packet>(8.3334519073E-3f));
    y1 = pmadd(y1, r, pset1<Packet>(5.0000001201E-1f));
    y = pmadd(y, r3, y1);
    y = pmadd(y, r2, y2);
    const __m256i e = _mm256_slli_epi32(_mm256_cvttps_epi32(m), 23);
    return _mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(y), e));
}
#endif

/** Eigen's packet exp for an argument packet known to lie in VectorExpRange<Scalar>. */
template <class Packet> EIGEN_ALWAYS_INLINE Packet pexpInRange(const Packet &x)
{
#if defined(EIGEN_VECTORIZE_AVX2)
    if constexpr (std::is_same_v<Packet, Eigen::internal::Packet8f>)
        return pexpFloatInRange(x);
    else
#endif
        return Eigen::internal::pexp(x);
}

/**
 * The fused pass of the float/double kernels: for every i, t_i = z_i - shift (or z_i when
 * Subtract is false), e_i = exp(t_i) exactly as alignedOrderExp() computes it, and
 * sum_i e_i in alignedOrderSum()'s order; t is stored to \a args and e to \a exps when they
 * are not null. One pass over z instead of four: each 256-element block is computed with the
 * packet exp while its range is checked, and recomputed with the C library's exp if the check
 * fails. The two packet accumulators start at +0 rather than at the first two packets: every
 * e_i is +0, positive, +inf or NaN, for which 0 + e_i = e_i exactly, so the order and the
 * result are those of Eigen's redux.
 */
template <class Scalar, bool Subtract>
EIGEN_ALWAYS_INLINE Scalar fusedExpSum(
    const Scalar *z, Scalar shift, Scalar *args, Scalar *exps, Eigen::Index n, SoftmaxFlags *flags)
{
    static_assert(usesPackets<Scalar>);
    using Packet = typename ei::packet_traits<Scalar>::type;
    using Range = VectorExpRange<Scalar>;
    constexpr Eigen::Index w = ei::unpacket_traits<Packet>::size;
    constexpr Eigen::Index block = 256;
    static_assert(block % (2 * w) == 0, "blocks must hold whole packet pairs");
    const Packet lo = ei::pset1<Packet>(Range::lo);
    const Packet hi = ei::pset1<Packet>(Range::hi);
    const Packet ps = ei::pset1<Packet>(shift);
    const auto arg = [&](Eigen::Index i) { return Subtract ? Scalar(z[i] - shift) : z[i]; };
    const auto argPacket = [&](Eigen::Index i) {
        return Subtract ? ei::psub(ei::ploadu<Packet>(z + i), ps) : ei::ploadu<Packet>(z + i);
    };
    Scalar local[block];
    Packet r0 = ei::pzero(lo), r1 = r0, extra = r0;
    const Scalar *tail = nullptr; // the last n mod w exps, at the end of the last block
    Eigen::Index tailCount = 0;
    for (Eigen::Index start = 0; start < n; start += block) {
        const Eigen::Index len = std::min(block, n - start);
        const Eigen::Index packed = (len / w) * w;
        Scalar *y = exps ? exps + start : local;
        Scalar *t = args ? args + start : nullptr;
        Packet bad = ei::pzero(lo);
        for (Eigen::Index i = 0; i < packed; i += w) {
            const Packet v = argPacket(start + i);
            // z - max is <= 0 < hi unless it is NaN, so only the naive kernel checks hi.
            if constexpr (Subtract)
                bad = ei::por(bad, ei::pcmp_lt_or_nan(v, lo));
            else
                bad = ei::por(bad, ei::por(ei::pcmp_lt_or_nan(v, lo), ei::pcmp_lt(hi, v)));
            if (t)
                ei::pstoreu(t + i, v);
            // NaN or out-of-range lanes give garbage here; the block is then recomputed below.
            ei::pstoreu(y + i, pexpInRange(v));
        }
        bool inRange = !ei::predux_any(bad);
        for (Eigen::Index i = packed; i < len; ++i) {
            const Scalar v = arg(start + i);
            inRange = inRange && v >= Range::lo && v <= Range::hi;
            if (t)
                t[i] = v;
        }
        if (inRange) {
            for (Eigen::Index i = packed; i < len; ++i)
                y[i] = std::exp(arg(start + i));
        } else {
            for (Eigen::Index i = 0; i < len; ++i) {
                const Scalar v = arg(start + i);
                y[i] = std::exp(v);
                noteExpFlag(v, y[i], flags);
            }
        }
        Eigen::Index i = 0;
        for (; i + 2 * w <= packed; i += 2 * w) {
            r0 = ei::padd(r0, ei::ploadu<Packet>(y + i));
            r1 = ei::padd(r1, ei::ploadu<Packet>(y + i + w));
        }
        if (i < packed) // one packet left over: only in the last block
            extra = ei::ploadu<Packet>(y + i);
        tail = y + packed;
        tailCount = len - packed;
    }
    Scalar res = ei::predux(ei::padd(ei::padd(r0, r1), extra));
    for (Eigen::Index j = 0; j < tailCount; ++j)
        res = res + tail[j];
    return res;
}

/**
 * out[i] = in[i] / s for float rows of a matrix too large to stay in cache: the same quotients
 * as divideByScalar() (an IEEE division rounds the same in a packet as alone), written with
 * non-temporal stores from out's first 32-byte boundary on, so that the output is never read
 * into the cache. \a in is a small buffer that is. The caller issues the store fence.
 */
template <class Scalar>
EIGEN_ALWAYS_INLINE void divideIntoStreaming(const Scalar *in, Scalar *out, Scalar s, Eigen::Index n)
{
    Eigen::Index i = 0;
#if defined(EIGEN_VECTORIZE_AVX)
    if constexpr (std::is_same_v<Scalar, float>) {
        for (; i < n && (reinterpret_cast<std::uintptr_t>(out + i) % 32) != 0; ++i)
            out[i] = in[i] / s;
        const __m256 ps = _mm256_set1_ps(s);
        for (; i + 8 <= n; i += 8)
            _mm256_stream_ps(out + i, _mm256_div_ps(_mm256_loadu_ps(in + i), ps));
    }
#endif
    for (; i < n; ++i)
        out[i] = in[i] / s;
}

/** out[i] = in[i] - s, stored as divideIntoStreaming() stores (exact IEEE subtraction). */
template <class Scalar>
EIGEN_ALWAYS_INLINE void subtractIntoStreaming(const Scalar *in, Scalar *out, Scalar s, Eigen::Index n)
{
    Eigen::Index i = 0;
#if defined(EIGEN_VECTORIZE_AVX)
    if constexpr (std::is_same_v<Scalar, float>) {
        for (; i < n && (reinterpret_cast<std::uintptr_t>(out + i) % 32) != 0; ++i)
            out[i] = in[i] - s;
        const __m256 ps = _mm256_set1_ps(s);
        for (; i + 8 <= n; i += 8)
            _mm256_stream_ps(out + i, _mm256_sub_ps(_mm256_loadu_ps(in + i), ps));
    }
#endif
    for (; i < n; ++i)
        out[i] = in[i] - s;
}

/** Whether a row-wise kernel streams its output past the cache: float, >= 64 columns, >= 16 MiB. */
template <class Scalar> bool streamOutput(Eigen::Index rows, Eigen::Index cols)
{
    return std::is_same_v<Scalar, float> && cols >= 64
        && rows * cols * Eigen::Index(sizeof(Scalar)) >= (Eigen::Index(16) << 20);
}

/** naiveSoftmax() on one contiguous line; \a out must not overlap \a z. */
template <class Scalar>
EIGEN_ALWAYS_INLINE void naiveLine(const Scalar *z, Scalar *out, Eigen::Index n, SoftmaxFlags *flags)
{
    if (n == 0)
        return;
    Scalar sum;
    if constexpr (usesPackets<Scalar>) {
        sum = fusedExpSum<Scalar, false>(z, Scalar(0), nullptr, out, n, flags);
    } else {
        alignedOrderExp(z, out, n, flags);
        sum = alignedOrderSum(out, n);
    }
    noteSumOverflow(out, n, sum, flags);
    divideByScalar(out, sum, n);
}

/** shiftedSoftmax() on one contiguous line; \a out must not overlap \a z. */
template <class Scalar>
EIGEN_ALWAYS_INLINE void shiftedLine(const Scalar *z, Scalar *out, Eigen::Index n, SoftmaxFlags *flags)
{
    if (n == 0)
        return;
    if constexpr (usesPackets<Scalar>) {
        divideByScalar(out, fusedExpSum<Scalar, true>(z, lineMax(z, n), nullptr, out, n, flags), n);
    } else {
        subtractScalar(z, lineMax(z, n), out, n);
        alignedOrderExp(out, out, n, flags);
        divideByScalar(out, alignedOrderSum(out, n), n);
    }
}

/** logSoftmax() on one contiguous line; \a scratch holds n values; \a out must not overlap \a z. */
template <class Scalar>
EIGEN_ALWAYS_INLINE void logSoftmaxLine(
    const Scalar *z, Scalar *out, Scalar *scratch, Eigen::Index n, SoftmaxFlags *flags)
{
    if (n == 0)
        return;
    Scalar sum;
    if constexpr (usesPackets<Scalar>) {
        sum = fusedExpSum<Scalar, true>(z, lineMax(z, n), out, nullptr, n, flags);
    } else {
        subtractScalar(z, lineMax(z, n), out, n);
        alignedOrderExp(out, scratch, n, flags);
        sum = alignedOrderSum(scratch, n);
    }
    subtractScalar(out, Scalar(Eigen::numext::log(sum)), out, n);
}

/** onlineSoftmax() on one contiguous line; \a out must not overlap \a z. */
template <class Scalar> void onlineLine(const Scalar *z, Scalar *out, Eigen::Index n, SoftmaxFlags *flags)
{
    if (n == 0)
        return;
    const auto [m, d] = onlineMaxAndSum(z, n);
    subtractScalar(z, m, out, n);
    alignedOrderExp(out, out, n, flags);
    divideByScalar(out, d, n);
}

/** highamSoftmax() on one contiguous line; returns the log-sum-exp. */
template <class Scalar>
Scalar highamLine(const Scalar *z, Scalar *softmax, Scalar *logSoftmax, Eigen::Index n, SoftmaxFlags *flags)
{
    if (n == 0)
        return Scalar(-std::numeric_limits<float>::infinity());
    // k = the first NaN if any, else the first index of the maximum (the scan in softmax.h).
    const Scalar m = lineMax(z, n);
    Eigen::Index k = 0;
    if (Eigen::numext::isnan(m)) {
        while (!Eigen::numext::isnan(z[k]))
            ++k;
    } else {
        while (!(z[k] == m))
            ++k;
    }
    const Scalar a = z[k];
    if constexpr (usesPackets<Scalar>) {
        fusedExpSum<Scalar, true>(z, a, logSoftmax, softmax, n, flags);
    } else {
        subtractScalar(z, a, logSoftmax, n);
        alignedOrderExp(logSoftmax, softmax, n, flags);
    }
    softmax[k] = Scalar(0); // exp(0) = 1 is kept out of s
    const Scalar s = alignedOrderSum(softmax, n);
    softmax[k] = Scalar(1);
    divideByScalar(softmax, Scalar(Scalar(1) + s), n);
    const Scalar l = Eigen::numext::log1p(s);
    subtractScalar(logSoftmax, l, logSoftmax, n);
    return a + l;
}

/**
 * The float/double kernels along rows: each row is shift -> fused exp and sum -> finish, a
 * long chain of dependent steps that is short in work when rows are short. Running each stage
 * for four rows before the next stage lets those chains overlap. Every row still gets exactly
 * the arithmetic of its line kernel.
 */
template <class Scalar, class Shift, class ExpSum, class Finish>
void stagedRows(
    const Scalar *z, Scalar *out, Eigen::Index rows, Eigen::Index cols, Shift &&shift, ExpSum &&expSum, Finish &&finish)
{
    if (cols == 0)
        return;
    constexpr Eigen::Index k = 4;
    Eigen::Index r = 0;
    for (; r + k <= rows; r += k) {
        Scalar a[k], s[k];
        for (Eigen::Index j = 0; j < k; ++j)
            a[j] = shift(z + (r + j) * cols);
        for (Eigen::Index j = 0; j < k; ++j)
            s[j] = expSum(z + (r + j) * cols, a[j], out + (r + j) * cols);
        for (Eigen::Index j = 0; j < k; ++j)
            finish(out + (r + j) * cols, s[j]);
    }
    for (; r < rows; ++r)
        finish(out + r * cols, expSum(z + r * cols, shift(z + r * cols), out + r * cols));
}

#if defined(EIGEN_VECTORIZE_AVX2)
/** What an 8-row group computes: the three kernels that share its shape. */
enum class ShortRowKind { Naive, Shifted, Log };

/** Lane j = the maximum of v[j]'s eight lanes (no NaNs; order does not matter for max). */
EIGEN_ALWAYS_INLINE __m256 rowMax8(const __m256 *v)
{
    const __m256 a01 = _mm256_max_ps(_mm256_unpacklo_ps(v[0], v[1]), _mm256_unpackhi_ps(v[0], v[1]));
    const __m256 a23 = _mm256_max_ps(_mm256_unpacklo_ps(v[2], v[3]), _mm256_unpackhi_ps(v[2], v[3]));
    const __m256 a45 = _mm256_max_ps(_mm256_unpacklo_ps(v[4], v[5]), _mm256_unpackhi_ps(v[4], v[5]));
    const __m256 a67 = _mm256_max_ps(_mm256_unpacklo_ps(v[6], v[7]), _mm256_unpackhi_ps(v[6], v[7]));
    const __m256 q0 = _mm256_max_ps(_mm256_shuffle_ps(a01, a23, 0x44), _mm256_shuffle_ps(a01, a23, 0xEE));
    const __m256 q1 = _mm256_max_ps(_mm256_shuffle_ps(a45, a67, 0x44), _mm256_shuffle_ps(a45, a67, 0xEE));
    return _mm256_max_ps(_mm256_permute2f128_ps(q0, q1, 0x20), _mm256_permute2f128_ps(q0, q1, 0x31));
}

/**
 * Eight predux() at once, each in predux<Packet8f>'s order ((x0+x4)+(x2+x6)) + ((x1+x5)+(x3+x7)).
 * The sums come out in lane order 0 2 4 6 1 3 5 7 (see sumLane()).
 */
EIGEN_ALWAYS_INLINE __m256 rowSum8(const __m256 *e)
{
    const auto halves = [](__m256 a, __m256 b) { // [a_lo + a_hi | b_lo + b_hi]
        return _mm256_add_ps(_mm256_permute2f128_ps(a, b, 0x20), _mm256_permute2f128_ps(a, b, 0x31));
    };
    const __m256 s01 = halves(e[0], e[1]), s23 = halves(e[2], e[3]);
    const __m256 s45 = halves(e[4], e[5]), s67 = halves(e[6], e[7]);
    // [h0+h2, h1+h3] of rows 0 2 | 1 3, then 4 6 | 5 7
    const __m256 t0 = _mm256_add_ps(_mm256_shuffle_ps(s01, s23, 0x44), _mm256_shuffle_ps(s01, s23, 0xEE));
    const __m256 t1 = _mm256_add_ps(_mm256_shuffle_ps(s45, s67, 0x44), _mm256_shuffle_ps(s45, s67, 0xEE));
    return _mm256_add_ps(_mm256_shuffle_ps(t0, t1, 0x88), _mm256_shuffle_ps(t0, t1, 0xDD));
}

/** The lane of rowSum8()'s result that holds row j's sum. */
constexpr int sumLane(int j)
{
    return (j % 2) * 4 + j / 2;
}

/**
 * One group of 8 rows of N (8..15) floats, z and out contiguous (8 * N values): the kernel of
 * \a Kind for each row with exactly its line kernel's arithmetic: the row max and the checks
 * lane-parallel over the 8 rows, the packet exp on each row's first 8 values, the C library's
 * exp on its last N - 8, predux's order and then the tail for the sum, the same IEEE division
 * (or log and subtraction). Returns false without writing anything when some row has a NaN, a
 * zero maximum (whose sign the scalar scan picks) or an argument outside VectorExpRange: the
 * caller then runs the line kernels on the group, which handle those cases.
 */
template <int N, ShortRowKind Kind> EIGEN_ALWAYS_INLINE bool shortRowGroup8(const float *z, float *out)
{
    static_assert(N >= 8 && N < 16);
    constexpr int tailN = N - 8;
    using Range = VectorExpRange<float>;
    const __m256 lo = _mm256_set1_ps(Range::lo);
    __m256 shift[8];
    __m256 bad;
    if constexpr (Kind == ShortRowKind::Naive) {
        const __m256 hi = _mm256_set1_ps(Range::hi);
        bad = _mm256_setzero_ps();
        for (int j = 0; j < 8; ++j) {
            const __m256 a = _mm256_loadu_ps(z + j * N), b = _mm256_loadu_ps(z + j * N + tailN);
            bad = _mm256_or_ps(bad, _mm256_or_ps(_mm256_cmp_ps(a, lo, _CMP_NGE_UQ), _mm256_cmp_ps(b, lo, _CMP_NGE_UQ)));
            bad = _mm256_or_ps(bad, _mm256_or_ps(_mm256_cmp_ps(a, hi, _CMP_GT_OQ), _mm256_cmp_ps(b, hi, _CMP_GT_OQ)));
        }
    } else {
        __m256 m[8];
        __m256 nan = _mm256_setzero_ps();
        for (int j = 0; j < 8; ++j) {
            // The first 8 and the last 8 values (overlapping when N < 16) cover the row.
            const __m256 a = _mm256_loadu_ps(z + j * N), b = _mm256_loadu_ps(z + j * N + tailN);
            nan = _mm256_or_ps(nan, _mm256_cmp_ps(a, b, _CMP_UNORD_Q));
            m[j] = _mm256_max_ps(a, b);
        }
        const __m256 mx = rowMax8(m);
        // NaN: lineMax returns the NaN; max 0: the scalar scan decides between -0 and +0.
        bad = _mm256_or_ps(nan, _mm256_cmp_ps(mx, _mm256_setzero_ps(), _CMP_EQ_OQ));
        for (int j = 0; j < 8; ++j) {
            shift[j] = _mm256_permutevar8x32_ps(mx, _mm256_set1_epi32(j));
            const __m256 a = _mm256_sub_ps(_mm256_loadu_ps(z + j * N), shift[j]);
            const __m256 b = _mm256_sub_ps(_mm256_loadu_ps(z + j * N + tailN), shift[j]);
            // z - max <= 0 < hi unless NaN (inf - inf)
            bad = _mm256_or_ps(bad, _mm256_or_ps(_mm256_cmp_ps(a, lo, _CMP_NGE_UQ), _mm256_cmp_ps(b, lo, _CMP_NGE_UQ)));
        }
    }
    if (!_mm256_testz_ps(bad, bad))
        return false;
    const auto arg = [&](int j, int i) -> __m256 { // t = z - max of row j, values i..i+7
        const __m256 v = _mm256_loadu_ps(z + j * N + i);
        if constexpr (Kind == ShortRowKind::Naive)
            return v;
        else
            return _mm256_sub_ps(v, shift[j]);
    };
    // The C library's exps first: the calls clobber every vector register.
    alignas(32) float tailExp[tailN > 0 ? tailN : 1][8];
    if constexpr (tailN > 0) {
        for (int j = 0; j < 8; ++j)
            for (int k = 0; k < tailN; ++k) {
                float t = z[j * N + 8 + k];
                if constexpr (Kind != ShortRowKind::Naive)
                    t = t - _mm256_cvtss_f32(shift[j]);
                tailExp[k][sumLane(j)] = std::exp(t);
            }
    }
    __m256 e[8];
    for (int j = 0; j < 8; ++j)
        e[j] = pexpFloatInRange(arg(j, 0));
    __m256 sum = rowSum8(e);
    for (int k = 0; k < tailN; ++k)
        sum = _mm256_add_ps(sum, _mm256_load_ps(tailExp[k]));
    if constexpr (Kind == ShortRowKind::Log) {
        alignas(32) float s[8];
        _mm256_store_ps(s, sum);
        for (int j = 0; j < 8; ++j) {
            const __m256 l = _mm256_set1_ps(Eigen::numext::log(s[sumLane(j)]));
            _mm256_storeu_ps(out + j * N + tailN, _mm256_sub_ps(arg(j, tailN), l));
            _mm256_storeu_ps(out + j * N, _mm256_sub_ps(arg(j, 0), l));
        }
    } else {
        for (int j = 0; j < 8; ++j)
            _mm256_storeu_ps(
                out + j * N, _mm256_div_ps(e[j], _mm256_permutevar8x32_ps(sum, _mm256_set1_epi32(sumLane(j)))));
        if constexpr (tailN > 0) {
            alignas(32) float q[tailN][8];
            for (int k = 0; k < tailN; ++k)
                _mm256_store_ps(q[k], _mm256_div_ps(_mm256_load_ps(tailExp[k]), sum));
            for (int j = 0; j < 8; ++j)
                for (int k = 0; k < tailN; ++k)
                    out[j * N + 8 + k] = q[k][sumLane(j)];
        }
    }
    return true;
}

/** Runs shortRowGroup8 over the rows 8 at a time, and \a line(r) on the others. */
template <int N, ShortRowKind Kind, class Line>
void shortRows(const float *z, float *out, Eigen::Index rows, Line &&line)
{
    Eigen::Index r = 0;
    for (; r + 8 <= rows; r += 8)
        if (!shortRowGroup8<N, Kind>(z + r * N, out + r * N))
            for (Eigen::Index j = r; j < r + 8; ++j)
                line(j);
    for (; r < rows; ++r)
        line(r);
}

/** shortRows for cols in [8, 16); false (nothing done) for other widths. */
template <ShortRowKind Kind, class Line>
bool shortRowsDispatch(const float *z, float *out, Eigen::Index rows, Eigen::Index cols, Line &&line)
{
    switch (cols) {
    case 8: shortRows<8, Kind>(z, out, rows, line); return true;
    case 9: shortRows<9, Kind>(z, out, rows, line); return true;
    case 10: shortRows<10, Kind>(z, out, rows, line); return true;
    case 11: shortRows<11, Kind>(z, out, rows, line); return true;
    case 12: shortRows<12, Kind>(z, out, rows, line); return true;
    case 13: shortRows<13, Kind>(z, out, rows, line); return true;
    case 14: shortRows<14, Kind>(z, out, rows, line); return true;
    case 15: shortRows<15, Kind>(z, out, rows, line); return true;
    default: return false;
    }
}
#endif

/**
 * Calls fn(in, out, n, line) for every line of \a z along \a axis. Rows are passed in place;
 * columns are gathered into a contiguous buffer, and \a out's column is filled from a second.
 */
template <class Scalar, class Fn>
void forEachLine(const RowMatrix<Scalar> &z, Axis axis, RowMatrix<Scalar> &out, Fn &&fn)
{
    const Eigen::Index rows = z.rows(), cols = z.cols();
    if (axis == Axis::Rows) {
        for (Eigen::Index r = 0; r < rows; ++r)
            fn(z.data() + r * cols, out.data() + r * cols, cols, r);
        return;
    }
    Vector<Scalar> in(rows), res(rows);
    for (Eigen::Index c = 0; c < cols; ++c) {
        in = z.col(c);
        fn(in.data(), res.data(), rows, c);
        out.col(c) = res;
    }
}

} // namespace detail

/**
 * Naive softmax (see the vector kernel in softmax.h) of every line of \a z along \a axis, into
 * \a out (resized to z's shape; it may be z itself, at the cost of a temporary). Flags are OR-ed over all lines.
 */
template <class Scalar>
void naiveSoftmax(const RowMatrix<Scalar> &z, Axis axis, RowMatrix<Scalar> &out, SoftmaxFlags *flags = nullptr)
{
    if (&out == &z) { // the fused kernels read z after writing out
        RowMatrix<Scalar> result;
        naiveSoftmax<Scalar>(z, axis, result, flags);
        out.swap(result);
        return;
    }
    out.resize(z.rows(), z.cols());
    if constexpr (detail::usesPackets<Scalar>) {
        if (axis == Axis::Rows) {
            if (detail::streamOutput<Scalar>(z.rows(), z.cols())) {
                const Eigen::Index n = z.cols();
                Vector<Scalar> exps(n);
                for (Eigen::Index r = 0; r < z.rows(); ++r) {
                    const Scalar *in = z.data() + r * n;
                    // Fetch the next row while this one computes (the row max would wait for it).
#if defined(EIGEN_VECTORIZE_SSE)
                    if (r + 1 < z.rows())
                        for (Eigen::Index i = 0; i < n; i += 64 / Eigen::Index(sizeof(Scalar)))
                            _mm_prefetch(reinterpret_cast<const char *>(in + n + i), _MM_HINT_T0);
#endif
                    const Scalar sum
                        = detail::fusedExpSum<Scalar, false>(in, Scalar(0), nullptr, exps.data(), n, flags);
                    noteSumOverflow(exps.data(), n, sum, flags);
                    detail::divideIntoStreaming(exps.data(), out.data() + r * n, sum, n);
                }
#if defined(EIGEN_VECTORIZE_AVX)
                _mm_sfence();
#endif
                return;
            }
#if defined(EIGEN_VECTORIZE_AVX2)
            // The 8-row groups do not report a sum that overflowed: with flags asked for, the
            // per-line kernel below (same bits) takes those rows.
            if constexpr (std::is_same_v<Scalar, float>) {
                const Eigen::Index n = z.cols();
                if (!flags
                    && detail::shortRowsDispatch<detail::ShortRowKind::Naive>(z.data(), out.data(), z.rows(), n,
                        [&](Eigen::Index r) { detail::naiveLine(z.data() + r * n, out.data() + r * n, n, flags); }))
                    return;
            }
#endif
            detail::stagedRows(
                z.data(), out.data(), z.rows(), z.cols(), [](const Scalar *) { return Scalar(0); },
                [&](const Scalar *in, Scalar, Scalar *o) {
                    return detail::fusedExpSum<Scalar, false>(in, Scalar(0), nullptr, o, z.cols(), flags);
                },
                [&](Scalar *o, Scalar sum) {
                    noteSumOverflow(o, z.cols(), sum, flags);
                    detail::divideByScalar(o, sum, z.cols());
                });
            return;
        }
    }
    detail::forEachLine<Scalar>(z, axis, out,
        [flags](const Scalar *in, Scalar *o, Eigen::Index n, Eigen::Index) { detail::naiveLine(in, o, n, flags); });
}

/** Shifted softmax exp(z - max) / sum of every line along \a axis; as naiveSoftmax() above. */
template <class Scalar>
void shiftedSoftmax(const RowMatrix<Scalar> &z, Axis axis, RowMatrix<Scalar> &out, SoftmaxFlags *flags = nullptr)
{
    if (&out == &z) { // the fused kernels read z after writing out
        RowMatrix<Scalar> result;
        shiftedSoftmax<Scalar>(z, axis, result, flags);
        out.swap(result);
        return;
    }
    out.resize(z.rows(), z.cols());
    if constexpr (detail::usesPackets<Scalar>) {
        if (axis == Axis::Rows) {
            if (detail::streamOutput<Scalar>(z.rows(), z.cols())) {
                const Eigen::Index n = z.cols();
                Vector<Scalar> exps(n);
                for (Eigen::Index r = 0; r < z.rows(); ++r) {
                    const Scalar *in = z.data() + r * n;
                    // Fetch the next row while this one computes (the row max would wait for it).
#if defined(EIGEN_VECTORIZE_SSE)
                    if (r + 1 < z.rows())
                        for (Eigen::Index i = 0; i < n; i += 64 / Eigen::Index(sizeof(Scalar)))
                            _mm_prefetch(reinterpret_cast<const char *>(in + n + i), _MM_HINT_T0);
#endif
                    const Scalar sum
                        = detail::fusedExpSum<Scalar, true>(in, detail::lineMax(in, n), nullptr, exps.data(), n, flags);
                    detail::divideIntoStreaming(exps.data(), out.data() + r * n, sum, n);
                }
#if defined(EIGEN_VECTORIZE_AVX)
                _mm_sfence();
#endif
                return;
            }
#if defined(EIGEN_VECTORIZE_AVX2)
            if constexpr (std::is_same_v<Scalar, float>) {
                const Eigen::Index n = z.cols();
                if (detail::shortRowsDispatch<detail::ShortRowKind::Shifted>(z.data(), out.data(), z.rows(), n,
                        [&](Eigen::Index r) { detail::shiftedLine(z.data() + r * n, out.data() + r * n, n, flags); }))
                    return;
            }
#endif
            detail::stagedRows(
                z.data(), out.data(), z.rows(), z.cols(),
                [&](const Scalar *in) { return detail::lineMax(in, z.cols()); },
                [&](const Scalar *in, Scalar m, Scalar *o) {
                    return detail::fusedExpSum<Scalar, true>(in, m, nullptr, o, z.cols(), flags);
                },
                [&](Scalar *o, Scalar sum) { detail::divideByScalar(o, sum, z.cols()); });
            return;
        }
    }
    detail::forEachLine<Scalar>(z, axis, out,
        [flags](const Scalar *in, Scalar *o, Eigen::Index n, Eigen::Index) { detail::shiftedLine(in, o, n, flags); });
}

/** Log-softmax z - max - log(sum exp(z - max)) of every line along \a axis; as above. */
template <class Scalar>
void logSoftmax(const RowMatrix<Scalar> &z, Axis axis, RowMatrix<Scalar> &out, SoftmaxFlags *flags = nullptr)
{
    if (&out == &z) { // the fused kernels read z after writing out
        RowMatrix<Scalar> result;
        logSoftmax<Scalar>(z, axis, result, flags);
        out.swap(result);
        return;
    }
    out.resize(z.rows(), z.cols());
    if constexpr (detail::usesPackets<Scalar>) {
        if (axis == Axis::Rows) {
            if (detail::streamOutput<Scalar>(z.rows(), z.cols())) {
                const Eigen::Index n = z.cols();
                Vector<Scalar> shifted(n);
                for (Eigen::Index r = 0; r < z.rows(); ++r) {
                    const Scalar *in = z.data() + r * n;
#if defined(EIGEN_VECTORIZE_SSE)
                    if (r + 1 < z.rows())
                        for (Eigen::Index i = 0; i < n; i += 64 / Eigen::Index(sizeof(Scalar)))
                            _mm_prefetch(reinterpret_cast<const char *>(in + n + i), _MM_HINT_T0);
#endif
                    const Scalar sum = detail::fusedExpSum<Scalar, true>(
                        in, detail::lineMax(in, n), shifted.data(), nullptr, n, flags);
                    detail::subtractIntoStreaming(
                        shifted.data(), out.data() + r * n, Scalar(Eigen::numext::log(sum)), n);
                }
#if defined(EIGEN_VECTORIZE_AVX)
                _mm_sfence();
#endif
                return;
            }
#if defined(EIGEN_VECTORIZE_AVX2)
            if constexpr (std::is_same_v<Scalar, float>) {
                const Eigen::Index n = z.cols();
                if (detail::shortRowsDispatch<detail::ShortRowKind::Log>(
                        z.data(), out.data(), z.rows(), n, [&](Eigen::Index r) {
                            detail::logSoftmaxLine(
                                z.data() + r * n, out.data() + r * n, static_cast<Scalar *>(nullptr), n, flags);
                        }))
                    return;
            }
#endif
            detail::stagedRows(
                z.data(), out.data(), z.rows(), z.cols(),
                [&](const Scalar *in) { return detail::lineMax(in, z.cols()); },
                [&](const Scalar *in, Scalar m, Scalar *o) {
                    return detail::fusedExpSum<Scalar, true>(in, m, o, nullptr, z.cols(), flags);
                },
                [&](Scalar *o, Scalar sum) {
                    detail::subtractScalar(o, Scalar(Eigen::numext::log(sum)), o, z.cols());
                });
            return;
        }
    }
    Vector<Scalar> scratch(axis == Axis::Rows ? z.cols() : z.rows());
    detail::forEachLine<Scalar>(
        z, axis, out, [flags, &scratch](const Scalar *in, Scalar *o, Eigen::Index n, Eigen::Index) {
            detail::logSoftmaxLine(in, o, scratch.data(), n, flags);
        });
}

/**
 * Online softmax (onlinesoftmax.h: one pass for the max and the rescaled sum) of every line
 * along \a axis; as naiveSoftmax() above, always by the per-line kernel.
 */
template <class Scalar>
void onlineSoftmax(const RowMatrix<Scalar> &z, Axis axis, RowMatrix<Scalar> &out, SoftmaxFlags *flags = nullptr)
{
    if (&out == &z) { // the line kernel reads z after writing out
        RowMatrix<Scalar> result;
        onlineSoftmax<Scalar>(z, axis, result, flags);
        out.swap(result);
        return;
    }
    out.resize(z.rows(), z.cols());
    detail::forEachLine<Scalar>(z, axis, out,
        [flags](const Scalar *in, Scalar *o, Eigen::Index n, Eigen::Index) { detail::onlineLine(in, o, n, flags); });
}

/**
 * Higham's softmax, log-softmax and log-sum-exp of every line along \a axis, into \a out
 * (whose matrices must not be \a z itself).
 */
template <class Scalar>
void highamSoftmax(
    const RowMatrix<Scalar> &z, Axis axis, HighamMatrixResult<Scalar> &out, SoftmaxFlags *flags = nullptr)
{
    out.softmax.resize(z.rows(), z.cols());
    out.logSoftmax.resize(z.rows(), z.cols());
    out.logSumExp.resize(axis == Axis::Rows ? z.rows() : z.cols());
    if (axis == Axis::Rows) {
        const Eigen::Index cols = z.cols();
        for (Eigen::Index r = 0; r < z.rows(); ++r)
            out.logSumExp[r] = detail::highamLine(
                z.data() + r * cols, out.softmax.data() + r * cols, out.logSoftmax.data() + r * cols, cols, flags);
        return;
    }
    Vector<Scalar> in(z.rows()), sm(z.rows()), ls(z.rows());
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        in = z.col(c);
        out.logSumExp[c] = detail::highamLine(in.data(), sm.data(), ls.data(), z.rows(), flags);
        out.softmax.col(c) = sm;
        out.logSoftmax.col(c) = ls;
    }
}

/** Value-returning forms of the five matrix kernels above. */
template <class Scalar>
RowMatrix<Scalar> naiveSoftmax(const RowMatrix<Scalar> &z, Axis axis, SoftmaxFlags *flags = nullptr)
{
    RowMatrix<Scalar> out;
    naiveSoftmax<Scalar>(z, axis, out, flags);
    return out;
}
template <class Scalar>
RowMatrix<Scalar> shiftedSoftmax(const RowMatrix<Scalar> &z, Axis axis, SoftmaxFlags *flags = nullptr)
{
    RowMatrix<Scalar> out;
    shiftedSoftmax<Scalar>(z, axis, out, flags);
    return out;
}
template <class Scalar>
RowMatrix<Scalar> logSoftmax(const RowMatrix<Scalar> &z, Axis axis, SoftmaxFlags *flags = nullptr)
{
    RowMatrix<Scalar> out;
    logSoftmax<Scalar>(z, axis, out, flags);
    return out;
}
template <class Scalar>
RowMatrix<Scalar> onlineSoftmax(const RowMatrix<Scalar> &z, Axis axis, SoftmaxFlags *flags = nullptr)
{
    RowMatrix<Scalar> out;
    onlineSoftmax<Scalar>(z, axis, out, flags);
    return out;
}
template <class Scalar>
HighamMatrixResult<Scalar> highamSoftmax(const RowMatrix<Scalar> &z, Axis axis, SoftmaxFlags *flags = nullptr)
{
    HighamMatrixResult<Scalar> out;
    highamSoftmax<Scalar>(z, axis, out, flags);
    return out;
}

} // namespace logitlab

#pragma GCC diagnostic pop

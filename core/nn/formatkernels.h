// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The dense-layer kernels of densekernels.h for the 16-bit formats (Eigen::half, Eigen::bfloat16),
 * in either accumulation (mixedprecision.h):
 *  - Accumulation::Format:  every product rounded to the format, every partial sum rounded to the
 *    format: s = round(s + round(x * w)). Each operation is correctly rounded (formatlanes.h).
 *  - Accumulation::Float32: products and sums in float32 (one fused multiply-add per term, the
 *    products being exact), and the finished sum, bias included, rounded once to the format.
 * The order of a dot product is fixed and documented, so tests can redo it with MPFR: term k goes
 * to lane k mod 8 (terms below the last multiple of 8), each lane adds its terms in order; then the
 * lanes are added pairwise (i + 4, then i + 2, then i + 1); then the remaining terms in order; then
 * the bias (out = bias + s). The sums of outerSum() and columnSums() are plain in-order sums over
 * the batch, one per output.
 *
 * outerSum() and columnSums() can count the outputs "flushed to zero": results that are 0 though
 * rounding to the format lost a nonzero part of them (the float32 sum before its final rounding,
 * or an underflowed product).
 */
#include "nn/densekernels.h"
#include "nn/formatlanes.h"
#include "nn/mixedprecision.h"

#include <Eigen/Core>

#include <bit>

namespace logitlab::kernels {

namespace detail {

template <class S, int R, int C, bool inFormat>
inline void formatDotBlockIn(const S *const *x, const S *w, Index ldw, Index n, const S *bias, S *out, Index ldo)
{
    using namespace lanes;
    constexpr Index lw = width;
    L sum[R][C];
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c)
            sum[r][c] = set1(0.0f);
    int ignored = 0;
    Index k = 0;
    for (; k + lw <= n; k += lw) {
        L wv[C];
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c)
            wv[c] = load(w + c * ldw + k);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r) {
            const L xv = load(x[r] + k);
#pragma GCC unroll 16
            for (int c = 0; c < C; ++c)
                sum[r][c] = inFormat ? roundedSum<S>(sum[r][c], roundedProduct<S>(xv, wv[c], ignored))
                                     : fma(xv, wv[c], sum[r][c]);
        }
    }
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c) {
            float l[width];
            toArray(sum[r][c], l);
            for (int half = width / 2; half >= 1; half /= 2)
#pragma GCC unroll 16
                for (int i = 0; i < half; ++i)
                    l[i] = inFormat ? roundedSum<S>(l[i], l[i + half]) : l[i] + l[i + half];
            float s = l[0];
            for (Index t = k; t < n; ++t) {
                const float xt = float(x[r][t]), wt = float(w[c * ldw + t]);
                s = inFormat ? roundedSum<S>(s, roundedProduct<S>(xt, wt)) : std::fma(xt, wt, s);
            }
            out[r * ldo + c] = S(float(bias ? bias[c] : out[r * ldo + c]) + s);
        }
}

template <class S, int R, int C>
inline void formatDotBlock(
    const S *const *x, const S *w, Index ldw, Index n, const S *bias, S *out, Index ldo, Accumulation acc)
{
    if (acc == Accumulation::Format)
        formatDotBlockIn<S, R, C, true>(x, w, ldw, n, bias, out, ldo);
    else
        formatDotBlockIn<S, R, C, false>(x, w, ldw, n, bias, out, ldo);
}

template <class S, int R>
inline void formatDotRowBlock(
    const S *const *x, const S *w, Index ldw, Index cols, Index n, const S *bias, S *out, Index ldo, Accumulation acc)
{
    Index c = 0;
    for (; c + 3 <= cols; c += 3)
        formatDotBlock<S, R, 3>(x, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo, acc);
    if (cols - c == 2)
        formatDotBlock<S, R, 2>(x, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo, acc);
    else if (cols - c == 1)
        formatDotBlock<S, R, 1>(x, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo, acc);
}

/** Counts the lanes set in both masks. */
inline long long flushedLanes(int zero, int lost)
{
    return std::popcount(unsigned(zero & lost));
}

/** Columns [k, k + 8) of outerSum() for \a R rows. */
template <class S, int R, bool inFormat>
inline long long formatOuterBlockIn(
    const S *a, Index aRow, Index aCol, const S *const *b, Index k, Index depth, S *out, Index ldo)
{
    using namespace lanes;
    L sum[R];
    int underflow[R] = {};
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
        sum[r] = set1(0.0f);
    for (Index t = 0; t < depth; ++t) {
        const L bv = load(b[t] + k);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r) {
            const L av = set1(float(a[r * aRow + t * aCol]));
            sum[r] = inFormat ? roundedSum<S>(sum[r], roundedProduct<S>(av, bv, underflow[r])) : fma(av, bv, sum[r]);
        }
    }
    long long flushed = 0;
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
        const L rounded = inFormat ? sum[r] : round<S>(sum[r]);
        const int lost = inFormat ? underflow[r] : lostMask(sum[r], rounded);
        flushed += flushedLanes(zeroMask(rounded), lost);
        store(out + r * ldo + k, rounded);
    }
    return flushed;
}

template <class S, int R>
inline long long formatOuterBlock(
    const S *a, Index aRow, Index aCol, const S *const *b, Index k, Index depth, S *out, Index ldo, Accumulation acc)
{
    return acc == Accumulation::Format ? formatOuterBlockIn<S, R, true>(a, aRow, aCol, b, k, depth, out, ldo)
                                       : formatOuterBlockIn<S, R, false>(a, aRow, aCol, b, k, depth, out, ldo);
}

/** One output of outerSum() (the columns past the last multiple of 8). */
template <class S>
inline long long formatOuterOne(const S *a, Index aRow, Index aCol, Index i, const S *const *b, Index k, Index depth,
    S *out, Index ldo, Accumulation acc)
{
    float s = 0.0f;
    bool lost = false;
    for (Index t = 0; t < depth; ++t) {
        const float x = float(a[i * aRow + t * aCol]), y = float(b[t][k]);
        if (acc == Accumulation::Format) {
            const float p = lanes::roundedProduct<S>(x, y);
            lost = lost || (x != 0.0f && y != 0.0f && p == 0.0f);
            s = lanes::roundedSum<S>(s, p);
        } else {
            s = std::fma(x, y, s);
        }
    }
    const S rounded = S(s);
    out[i * ldo + k] = rounded;
    return float(rounded) == 0.0f && (lost || (acc == Accumulation::Float32 && s != 0.0f));
}

} // namespace detail

/** dotRows() of densekernels.h for a 16-bit format, accumulating as \a acc says (see the file comment). */
template <class S>
requires std::is_same_v<S, Eigen::half> || std::is_same_v<S, Eigen::bfloat16>
void dotRows(const S *const *x, Index rows, const S *w, Index ldw, Index cols, Index n, const S *bias, S *out,
    Index ldo, Accumulation acc)
{
    Index r = 0;
    for (; r + 4 <= rows; r += 4)
        detail::formatDotRowBlock<S, 4>(x + r, w, ldw, cols, n, bias, out + r * ldo, ldo, acc);
    if (rows - r == 3)
        detail::formatDotRowBlock<S, 3>(x + r, w, ldw, cols, n, bias, out + r * ldo, ldo, acc);
    else if (rows - r == 2)
        detail::formatDotRowBlock<S, 2>(x + r, w, ldw, cols, n, bias, out + r * ldo, ldo, acc);
    else if (rows - r == 1)
        detail::formatDotRowBlock<S, 1>(x + r, w, ldw, cols, n, bias, out + r * ldo, ldo, acc);
}

/**
 * outerSum() of densekernels.h for a 16-bit format: out[i][k] = sum over t in order of
 * a(i, t) b[t][k], accumulated as \a acc says. Returns how many outputs were flushed to zero.
 */
template <class S>
requires std::is_same_v<S, Eigen::half> || std::is_same_v<S, Eigen::bfloat16>
long long outerSum(const S *a, Index aRow, Index aCol, Index rows, const S *const *b, Index depth, Index n, S *out,
    Index ldo, Accumulation acc)
{
    long long flushed = 0;
    Index k = 0;
    for (; k + lanes::width <= n; k += lanes::width) {
        Index i = 0;
        for (; i + 4 <= rows; i += 4)
            flushed += detail::formatOuterBlock<S, 4>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo, acc);
        for (; i < rows; ++i)
            flushed += detail::formatOuterBlock<S, 1>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo, acc);
    }
    for (; k < n; ++k)
        for (Index i = 0; i < rows; ++i)
            flushed += detail::formatOuterOne(a, aRow, aCol, i, b, k, depth, out, ldo, acc);
    return flushed;
}

/**
 * out[j] = sum over t < rows in order of m[t * cols + j] (a bias gradient: the batch sum of dZ),
 * accumulated as \a acc says. Returns how many outputs were flushed to zero.
 */
template <class S>
requires std::is_same_v<S, Eigen::half> || std::is_same_v<S, Eigen::bfloat16>
long long columnSums(const S *m, Index rows, Index cols, S *out, Accumulation acc)
{
    long long flushed = 0;
    for (Index j = 0; j < cols; ++j) {
        float s = 0.0f;
        for (Index t = 0; t < rows; ++t)
            s = acc == Accumulation::Format ? lanes::roundedSum<S>(s, float(m[t * cols + j]))
                                            : s + float(m[t * cols + j]);
        out[j] = S(s);
        flushed += acc == Accumulation::Float32 && s != 0.0f && float(out[j]) == 0.0f;
    }
    return flushed;
}

/** columnSums() for float and double: in order, in the format (accumulation does not apply). */
template <class Scalar>
requires(!std::is_same_v<Scalar, Eigen::half> && !std::is_same_v<Scalar, Eigen::bfloat16>) long long columnSums(
    const Scalar *m, Index rows, Index cols, Scalar *out, Accumulation)
{
    for (Index j = 0; j < cols; ++j)
        out[j] = Scalar(0);
    for (Index t = 0; t < rows; ++t)
        for (Index j = 0; j < cols; ++j)
            out[j] += m[t * cols + j];
    return 0;
}

} // namespace logitlab::kernels

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The two matrix-product kernels a dense layer needs, written on Eigen's packet primitives so
 * they vectorise for float and double alike, and so that no batch ever has to be gathered
 * into a contiguous block: the rows of the left operand come as an array of row pointers (the
 * shuffled samples of a batch are used where they lie in the data set).
 *
 * Why not Eigen's GEMM: at the sizes of the course network (32 x 784 times 784 x 25) it packs
 * both operands on every call, and it needs the batch gathered first; measured on Zen 3 the
 * forward product took about 1.5 times as long that way. Both kernels keep a 4 x 3 block of
 * packet accumulators in registers (12 of the 16 AVX registers), as a GEMM micro-kernel does;
 * 3 x 3, 6 x 2, 2 x 6, 8 x 1 and 2 x 4 blocks were measured slower.
 *
 * Rounding: on x86-64-v3 every product is one fused multiply-add (pmadd), so each output is a
 * sum of n products with at most n roundings; the summation order is fixed (lanes, then a
 * pairwise horizontal reduction, then the scalar tail), so results are bit-reproducible. They are
 * reproducible per build, not across builds: the portable build (-DLOGITLAB_ARCH=, SSE2) has no
 * FMA, so pmadd is a multiply then an add (up to 2n roundings), and its packets hold 4 floats,
 * not 8, which changes the order of the sum (issue 13: the first batch's loss differs in the
 * last bits).
 */
#include <Eigen/Core>

#include <algorithm>
#include <cmath>

// The register blocks only stay in registers if every loop over them is unrolled: each such
// loop is marked with #pragma GCC unroll (a plain macro around _Pragma confuses clang-format).

namespace logitlab::kernels {

using Eigen::Index;

namespace detail {

template <class Scalar> using Packet = typename Eigen::internal::packet_traits<Scalar>::type;
template <class Scalar> inline constexpr Index packetSize = Eigen::internal::unpacket_traits<Packet<Scalar>>::size;

/** One R x C block of dotRows(): out[r][c] = dot(x[r], w[c]) + bias[c]. */
template <class Scalar, int R, int C>
inline void dotBlock(
    const Scalar *const *x, Index k0, const Scalar *w, Index ldw, Index n, const Scalar *bias, Scalar *out, Index ldo)
{
    using namespace Eigen::internal;
    using P = Packet<Scalar>;
    constexpr Index ps = packetSize<Scalar>;
    P acc[R][C];
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c)
            acc[r][c] = pset1<P>(Scalar(0));
    Index k = k0;
    for (; k + ps <= n; k += ps) {
        // C weight packets stay in registers; each row's packet is loaded once and used C times.
        P wv[C];
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c)
            wv[c] = ploadu<P>(w + c * ldw + k);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r) {
            const P xv = ploadu<P>(x[r] + k);
#pragma GCC unroll 16
            for (int c = 0; c < C; ++c)
                acc[r][c] = pmadd(xv, wv[c], acc[r][c]);
        }
    }
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int c = 0; c < C; ++c) {
            Scalar s = predux(acc[r][c]);
            for (Index t = 0; t < n - k; ++t) // the scalar tail, fewer than ps values
                s = std::fma(x[r][k + t], w[c * ldw + k + t], s);
            out[r * ldo + c] = (bias ? bias[c] : out[r * ldo + c]) + s;
        }
}

template <class Scalar, int R>
inline void dotRowBlock(const Scalar *const *x, Index k0, const Scalar *w, Index ldw, Index cols, Index n,
    const Scalar *bias, Scalar *out, Index ldo)
{
    Index c = 0;
    for (; c + 3 <= cols; c += 3)
        dotBlock<Scalar, R, 3>(x, k0, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo);
    if (cols - c == 2)
        dotBlock<Scalar, R, 2>(x, k0, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo);
    else if (cols - c == 1)
        dotBlock<Scalar, R, 1>(x, k0, w + c * ldw, ldw, n, bias ? bias + c : nullptr, out + c, ldo);
}

/** One block of outerSum(): out[i][k..k+NP*ps) = sum_t a(i, t) * b[t][k..]. */
template <class Scalar, int R, int NP>
inline void outerBlock(
    const Scalar *a, Index aRow, Index aCol, const Scalar *const *b, Index k, Index depth, Scalar *out, Index ldo)
{
    using namespace Eigen::internal;
    using P = Packet<Scalar>;
    constexpr Index ps = packetSize<Scalar>;
    P acc[R][NP];
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int p = 0; p < NP; ++p)
            acc[r][p] = pset1<P>(Scalar(0));
    for (Index t = 0; t < depth; ++t) {
        P bv[NP];
#pragma GCC unroll 16
        for (int p = 0; p < NP; ++p)
            bv[p] = ploadu<P>(b[t] + k + p * ps);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r) {
            const P av = pset1<P>(a[r * aRow + t * aCol]);
#pragma GCC unroll 16
            for (int p = 0; p < NP; ++p)
                acc[r][p] = pmadd(av, bv[p], acc[r][p]);
        }
    }
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (int p = 0; p < NP; ++p)
            pstoreu(out + r * ldo + k + p * ps, acc[r][p]);
}

/** Columns [k, k + NP * ps) of every output row, in row blocks of 4 (the b rows stay in L1). */
template <class Scalar, int NP>
inline void outerColumnBlock(const Scalar *a, Index aRow, Index aCol, Index rows, const Scalar *const *b, Index k,
    Index depth, Scalar *out, Index ldo)
{
    Index i = 0;
    for (; i + 4 <= rows; i += 4)
        outerBlock<Scalar, 4, NP>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo);
    if (rows - i == 3)
        outerBlock<Scalar, 3, NP>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo);
    else if (rows - i == 2)
        outerBlock<Scalar, 2, NP>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo);
    else if (rows - i == 1)
        outerBlock<Scalar, 1, NP>(a + i * aRow, aRow, aCol, b, k, depth, out + i * ldo, ldo);
}

} // namespace detail

/**
 * out[r][c] = sum_k x[r][k] w[c][k] + bias[c] for r < rows, c < cols, k < n: the forward pass
 * Z = X W^T + b of a dense layer whose weights are stored out x in, row-major (PyTorch's layout).
 * \a x holds \a rows row pointers; \a ldw and \a ldo are the row strides of w and out.
 */
template <class Scalar>
void dotRows(const Scalar *const *x, Index rows, const Scalar *w, Index ldw, Index cols, Index n, const Scalar *bias,
    Scalar *out, Index ldo)
{
    // Full depth per block: the 4 x rows stay in L1 while the column blocks pass; chunking the
    // depth to keep w in L1 was measured slower (more horizontal reductions per product).
    Index r = 0;
    for (; r + 4 <= rows; r += 4)
        detail::dotRowBlock<Scalar, 4>(x + r, 0, w, ldw, cols, n, bias, out + r * ldo, ldo);
    if (rows - r == 3)
        detail::dotRowBlock<Scalar, 3>(x + r, 0, w, ldw, cols, n, bias, out + r * ldo, ldo);
    else if (rows - r == 2)
        detail::dotRowBlock<Scalar, 2>(x + r, 0, w, ldw, cols, n, bias, out + r * ldo, ldo);
    else if (rows - r == 1)
        detail::dotRowBlock<Scalar, 1>(x + r, 0, w, ldw, cols, n, bias, out + r * ldo, ldo);
}

/**
 * out[i][k] = sum_t a(i, t) b[t][k] for i < rows, k < n, t < depth, where a(i, t) =
 * a[i * aRow + t * aCol] and b[t] are row pointers. With a = dZ read transposed (aRow = 1,
 * aCol = ld of dZ) and b = the layer's input rows this is the weight gradient dW = dZ^T X; with
 * a = dZ as stored and b = the weight rows it is the input gradient dX = dZ W.
 * Writes \a out (row stride \a ldo); does not accumulate.
 */
template <class Scalar>
void outerSum(const Scalar *a, Index aRow, Index aCol, Index rows, const Scalar *const *b, Index depth, Index n,
    Scalar *out, Index ldo)
{
    constexpr Index ps = detail::packetSize<Scalar>;
    Index k = 0;
    for (; k + 3 * ps <= n; k += 3 * ps)
        detail::outerColumnBlock<Scalar, 3>(a, aRow, aCol, rows, b, k, depth, out, ldo);
    const Index left = (n - k) / ps;
    if (left == 2)
        detail::outerColumnBlock<Scalar, 2>(a, aRow, aCol, rows, b, k, depth, out, ldo);
    else if (left == 1)
        detail::outerColumnBlock<Scalar, 1>(a, aRow, aCol, rows, b, k, depth, out, ldo);
    k += left * ps;
    if (k < n && n >= ps) {
        // The last columns as one packet that overlaps columns already done: they are computed
        // again by the same operations in the same order, so they get the same values.
        detail::outerColumnBlock<Scalar, 1>(a, aRow, aCol, rows, b, n - ps, depth, out, ldo);
        return;
    }
    for (; k < n; ++k)
        for (Index i = 0; i < rows; ++i) {
            Scalar s(0);
            for (Index t = 0; t < depth; ++t)
                s = std::fma(a[i * aRow + t * aCol], b[t][k], s);
            out[i * ldo + k] = s;
        }
}

} // namespace logitlab::kernels

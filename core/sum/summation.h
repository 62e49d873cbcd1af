// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Adding n numbers of a format four ways (templates on Scalar), every operation rounded to the
 * format: recursive, pairwise, Kahan's compensated sum, and accumulation in a wider format rounded
 * once at the end. The bounds are from Higham, "Accuracy and Stability of Numerical Algorithms",
 * 2nd ed. (SIAM 2002), chapter 4, with u the unit roundoff of Scalar (2^-p), gamma_k = k u / (1 - k u)
 * and S_abs = sum |x_i|; the tests check them. No rearrangement by the compiler is possible: the
 * project builds with strict IEEE semantics (no -ffast-math, so no reassociation; -ffp-contract=off,
 * and a sum holds no product to fuse anyway), and tests/core/sum/tst_summation.cpp fails if Kahan's
 * correction were optimised away.
 *
 * Each kernel reads its n terms through term(i), i = 0..n-1, so a constant addend can be summed
 * 10^8 times without an array; the overloads on Eigen arrays pass x[i]. The sum of no terms is +0;
 * the sum of one term is that term (-0 stays -0).
 */
#include "precision/format.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace logitlab {

/** The type SumMethod::Wider accumulates \a Scalar in: float16 and bfloat16 in float32, float32 in float64,
 * float64 in float80; float80 has no wider hardware format and accumulates in itself. */
template <class Scalar> struct WiderOf {
    using type = float; // Eigen::half, Eigen::bfloat16
};
template <> struct WiderOf<float> {
    using type = double;
};
template <> struct WiderOf<double> {
    using type = long double;
};
template <> struct WiderOf<long double> {
    using type = long double;
};
template <class Scalar> using Wider = typename WiderOf<Scalar>::type;

/** The Format of Wider<Scalar> for a run-time format (float80 -> float80: none wider). */
constexpr Format widerFormat(Format f)
{
    switch (f) {
    case Format::Float16:
    case Format::BFloat16: return Format::Float32;
    case Format::Float32: return Format::Float64;
    case Format::Float64:
    case Format::Float80: break;
    }
    return Format::Float80;
}

/**
 * Recursive summation s = ((x_0 + x_1) + x_2) + ... + x_(n-1), left to right.
 * |error| <= gamma_(n-1) S_abs; for a constant addend it stagnates once x <= ulp(s)/2 (stagnation.h).
 */
template <class Scalar, class Term> Scalar recursiveSum(std::size_t n, const Term &term)
{
    if (n == 0)
        return Scalar(0);
    Scalar s = term(0);
    for (std::size_t i = 1; i < n; ++i)
        s = s + term(i);
    return s;
}

namespace detail {

template <class Scalar, class Term> Scalar pairwiseRange(std::size_t begin, std::size_t end, const Term &term)
{
    const std::size_t n = end - begin;
    if (n == 1)
        return term(begin);
    const std::size_t mid = begin + n / 2;
    return pairwiseRange<Scalar>(begin, mid, term) + pairwiseRange<Scalar>(mid, end, term);
}

} // namespace detail

/**
 * Pairwise summation: the terms are halved recursively, the first floor(n/2) and the other
 * ceil(n/2), each half summed pairwise and the two sums added. Base case: one term, whose sum is
 * itself (no blocks of several terms summed recursively, so the bound is exactly Higham's):
 * |error| <= gamma_ceil(log2 n) S_abs (Higham 2002, eq. (4.6)); recursion depth ceil(log2 n).
 */
template <class Scalar, class Term> Scalar pairwiseSum(std::size_t n, const Term &term)
{
    if (n == 0)
        return Scalar(0);
    return detail::pairwiseRange<Scalar>(0, n, term);
}

/**
 * Kahan's compensated summation: c holds the rounding error of the last addition, (t - s) - y,
 * and is subtracted from the next term. |error| <= (2u + O(n u^2)) S_abs, whatever n (Higham 2002,
 * eq. (4.8)). An infinite term or an overflow makes c = inf - inf = NaN, and the sum NaN from the
 * next term on: the textbook algorithm, kept as it is.
 */
template <class Scalar, class Term> Scalar kahanSum(std::size_t n, const Term &term)
{
    if (n == 0)
        return Scalar(0);
    Scalar s = term(0);
    Scalar c(0);
    for (std::size_t i = 1; i < n; ++i) {
        const Scalar y = term(i) - c;
        const Scalar t = s + y;
        c = (t - s) - y; // (the high part of y that t took) minus y: minus what was lost
        s = t;
    }
    return s;
}

/**
 * Recursive summation in Wider<Scalar> (each term widened exactly), rounded to Scalar once at the
 * end: |error| <= u |S| + gamma'_(n-1) S_abs with u' the wider unit roundoff (for float80 there is
 * none wider and this is recursiveSum). An overflow of Scalar in a partial sum is no overflow in
 * the wider format: float16 65504 + 65504 - 65504 gives 65504.
 */
template <class Scalar, class Term> Scalar widerSum(std::size_t n, const Term &term)
{
    using W = Wider<Scalar>;
    if (n == 0)
        return Scalar(0);
    W s = static_cast<W>(term(0));
    for (std::size_t i = 1; i < n; ++i)
        s = s + static_cast<W>(term(i));
    return static_cast<Scalar>(s);
}

/**
 * pairwiseSum of n copies of \a x, in O(log n) additions: the terms being equal, the pairwise sum
 * of a run of them depends only on its length, and the halving meets at most two lengths per
 * level (floor and ceil), so each length is summed once. The same value as pairwiseSum bit for bit.
 */
template <class Scalar> Scalar pairwiseSumOfCopies(Scalar x, std::uint64_t n)
{
    if (n == 0)
        return Scalar(0);
    std::vector<std::pair<std::uint64_t, Scalar>> known {{1, x}};
    const auto sumOf = [&](const auto &self, std::uint64_t length) -> Scalar {
        for (const auto &[l, v] : known)
            if (l == length)
                return v;
        const Scalar v = self(self, length / 2) + self(self, length - length / 2);
        known.emplace_back(length, v);
        return v;
    };
    return sumOf(sumOf, n);
}

/** The kernels on an Eigen array (vector) of Scalar. */
template <class Scalar> using SumVector = Eigen::Array<Scalar, Eigen::Dynamic, 1>;

template <class Scalar> Scalar recursiveSum(const Eigen::Ref<const SumVector<Scalar>> &x)
{
    return recursiveSum<Scalar>(static_cast<std::size_t>(x.size()), [&](std::size_t i) { return x[Eigen::Index(i)]; });
}

template <class Scalar> Scalar pairwiseSum(const Eigen::Ref<const SumVector<Scalar>> &x)
{
    return pairwiseSum<Scalar>(static_cast<std::size_t>(x.size()), [&](std::size_t i) { return x[Eigen::Index(i)]; });
}

template <class Scalar> Scalar kahanSum(const Eigen::Ref<const SumVector<Scalar>> &x)
{
    return kahanSum<Scalar>(static_cast<std::size_t>(x.size()), [&](std::size_t i) { return x[Eigen::Index(i)]; });
}

template <class Scalar> Scalar widerSum(const Eigen::Ref<const SumVector<Scalar>> &x)
{
    return widerSum<Scalar>(static_cast<std::size_t>(x.size()), [&](std::size_t i) { return x[Eigen::Index(i)]; });
}

} // namespace logitlab

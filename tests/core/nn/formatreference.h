// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * MPFR re-implementations of the 16-bit dense kernels (core/nn/formatkernels.h), for the tests:
 * every operation is done exactly in MPFR and rounded once with roundToFormat(), in the order
 * that file's comment documents. Values travel as long double (every value of every format is
 * exact in it).
 */
#include "nn/mixedprecision.h"
#include "precision/format.h"
#include "precision/mpfrutil.h"

#include <cmath>
#include <cstddef>
#include <vector>

namespace formatref {

using logitlab::Accumulation;
using logitlab::Format;

/**
 * Precision of the exact intermediate values: a sum of two values of any of these formats (bfloat16
 * products reach 2^-266, float32 sums 2^128) spans fewer than 600 bits, so 2048 bits hold it exactly.
 */
inline constexpr mpfr_prec_t exactBits = 2048;

inline mpfr::mpreal exact(long double x)
{
    return logitlab::exactValue(x, exactBits);
}

/** \a x correctly rounded to \a f (ties to even, gradual underflow, overflow to inf). */
inline long double round(const mpfr::mpreal &x, Format f)
{
    return logitlab::roundToFormat(x, f);
}
inline long double round(long double x, Format f)
{
    return round(exact(x), f);
}

inline long double add(long double a, long double b, Format f)
{
    return round(exact(a) + exact(b), f);
}
inline long double sub(long double a, long double b, Format f)
{
    return round(exact(a) - exact(b), f);
}
inline long double mul(long double a, long double b, Format f)
{
    return round(exact(a) * exact(b), f);
}
inline long double div(long double a, long double b, Format f)
{
    return round(exact(a) / exact(b), f);
}
inline long double sqrt(long double a, Format f)
{
    return round(mpfr::sqrt(exact(a)), f);
}

/** A float32 fused multiply-add: a * b + c exact, then rounded once to float32. */
inline long double fma32(long double a, long double b, long double c)
{
    return round(exact(a) * exact(b) + exact(c), Format::Float32);
}

/** True if the exact a * b is a nonzero number that rounds to zero in \a f (an underflowed product). */
inline bool productUnderflows(long double a, long double b, Format f)
{
    const mpfr::mpreal p = exact(a) * exact(b);
    return !mpfr::isnan(p) && !mpfr::iszero(p) && round(p, f) == 0.0L;
}

/** One output of a kernel and whether it counts as flushed to zero. */
struct Output {
    long double value = 0.0L;
    bool flushed = false;
};

/**
 * bias + sum_k x[k] w[k] as dotRows() computes it in format \a f: term k < m (m the last multiple
 * of 8 at most n) into lane k mod 8, lanes added pairwise (i + 4, i + 2, i + 1), the remaining
 * terms in order, then the bias. Format: every product and sum rounded to f; Float32: each term a
 * float32 fused multiply-add, the lane sums and the bias added in float32, one rounding to f at the end.
 */
inline long double dot(
    const std::vector<long double> &x, const std::vector<long double> &w, long double bias, Format f, Accumulation acc)
{
    const bool inFormat = acc == Accumulation::Format;
    auto term = [&](long double s, long double a, long double b) {
        return inFormat ? add(s, mul(a, b, f), f) : fma32(a, b, s);
    };
    const std::size_t n = x.size(), m = n - n % 8;
    long double lane[8] = {}; // +0
    for (std::size_t k = 0; k < m; ++k)
        lane[k % 8] = term(lane[k % 8], x[k], w[k]);
    for (std::size_t half = 4; half >= 1; half /= 2)
        for (std::size_t i = 0; i < half; ++i)
            lane[i] = add(lane[i], lane[i + half], inFormat ? f : Format::Float32);
    long double s = lane[0];
    for (std::size_t k = m; k < n; ++k)
        s = term(s, x[k], w[k]);
    return inFormat ? add(bias, s, f) : round(add(bias, s, Format::Float32), f);
}

/**
 * sum_t a[t] b[t] in order from +0 as outerSum() computes one output. Flushed: the result is zero
 * though a nonzero part was lost: an underflowed product (Format), or a nonzero float32 sum (Float32).
 */
inline Output orderedDot(
    const std::vector<long double> &a, const std::vector<long double> &b, Format f, Accumulation acc)
{
    long double s = 0.0L;
    bool lost = false;
    for (std::size_t t = 0; t < a.size(); ++t) {
        if (acc == Accumulation::Format) {
            lost = lost || productUnderflows(a[t], b[t], f);
            s = add(s, mul(a[t], b[t], f), f);
        } else {
            s = fma32(a[t], b[t], s);
        }
    }
    Output out;
    out.value = acc == Accumulation::Format ? s : round(s, f);
    if (acc == Accumulation::Float32)
        lost = !std::isnan(s) && s != 0.0L;
    out.flushed = out.value == 0.0L && lost;
    return out;
}

/** sum_t m[t] in order from +0 as columnSums() computes one output (flushed as orderedDot()). */
inline Output orderedSum(const std::vector<long double> &m, Format f, Accumulation acc)
{
    long double s = 0.0L;
    for (long double v : m)
        s = add(s, v, acc == Accumulation::Format ? f : Format::Float32);
    Output out;
    out.value = acc == Accumulation::Format ? s : round(s, f);
    // A sum of values of f is exact or rounds to a nonzero value in f: only Float32 can flush.
    out.flushed = acc == Accumulation::Float32 && !std::isnan(s) && s != 0.0L && out.value == 0.0L;
    return out;
}

} // namespace formatref

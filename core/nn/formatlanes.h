// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Eight float lanes that hold values of a 16-bit format (float16 or bfloat16) exactly, with the
 * operations the 16-bit training kernels need: load and store in the format, multiply, add,
 * fused multiply-add in float32, and rounding to the format. With AVX (x86-64-v3) a lane set is
 * one register and rounding is the F16C conversion pair (float16) or Eigen's round-to-nearest-even
 * bit arithmetic (bfloat16); without it the same eight lanes are plain arrays, so both builds add
 * in the same order and give the same bits.
 *
 * Why float lanes are exact for the format: a product of two float16 values has at most 22
 * significant bits and lies within float's normal range, so it is exact in float; a sum of two
 * values of a format with p bits computed in float (24 bits >= 2p + 2) and then rounded to the
 * format is the correctly rounded sum (Figueroa, "When is double rounding innocuous?", SIGNUM
 * 1995). A product of two bfloat16 values has at most 16 significant bits: exact in float down to
 * 2^-134 even where float is subnormal (its last bit is 2^-149), and below 2^-134 it rounds to 0
 * both ways (bfloat16's smallest subnormal is 2^-133; 2^-134 is the tie, to even, 0). So float
 * products are exact or harmless for both formats (checked for all 30,884,002 positive pairs whose
 * product lies in [2^-160, 2^-126) by tests/core/nn/tst_formatkernels' author).
 */
#include "precision/formatrounding.h"

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <type_traits>

namespace logitlab::kernels::lanes {

inline constexpr int width = 8;

// F16C comes with AVX2 on every x86-64-v3 processor.
#if defined(EIGEN_VECTORIZE_AVX2) && defined(__F16C__)
using L = Eigen::internal::Packet8f;

[[gnu::always_inline]] inline L set1(float x)
{
    return Eigen::internal::pset1<L>(x);
}
template <class S> [[gnu::always_inline]] inline L load(const S *p)
{
    if constexpr (std::is_same_v<S, Eigen::half>)
        return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
    else
        return Eigen::internal::Bf16ToF32(Eigen::internal::ploadu<Eigen::internal::Packet8bf>(p));
}
/** The lanes rounded to S (ties to even), kept as floats. */
template <class S> [[gnu::always_inline]] inline L round(L x)
{
    if constexpr (std::is_same_v<S, Eigen::half>)
        return _mm256_cvtph_ps(_mm256_cvtps_ph(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    else
        return Eigen::internal::Bf16ToF32(Eigen::internal::F32ToBf16(x));
}
/** Stores lanes that are already values of S. */
template <class S> [[gnu::always_inline]] inline void store(S *p, L x)
{
    if constexpr (std::is_same_v<S, Eigen::half>)
        _mm_storeu_si128(
            reinterpret_cast<__m128i *>(p), _mm256_cvtps_ph(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    else
        Eigen::internal::pstoreu(p, Eigen::internal::F32ToBf16(x));
}
[[gnu::always_inline]] inline L add(L a, L b)
{
    return Eigen::internal::padd(a, b);
}
[[gnu::always_inline]] inline L mul(L a, L b)
{
    return Eigen::internal::pmul(a, b);
}
/** a * b + c with one rounding to float. */
[[gnu::always_inline]] inline L fma(L a, L b, L c)
{
    return Eigen::internal::pmadd(a, b, c);
}
[[gnu::always_inline]] inline void toArray(L x, float *out)
{
    Eigen::internal::pstoreu(out, x);
}
[[gnu::always_inline]] inline L fromArray(const float *in)
{
    return Eigen::internal::ploadu<L>(in);
}
/** Bit i set if lane i of \a a is nonzero and lane i of \a b is zero. */
[[gnu::always_inline]] inline int lostMask(L a, L b)
{
    const __m256 z = _mm256_setzero_ps();
    return _mm256_movemask_ps(_mm256_and_ps(_mm256_cmp_ps(a, z, _CMP_NEQ_UQ), _mm256_cmp_ps(b, z, _CMP_EQ_OQ)));
}
/** Bit i set if lane i is zero. */
[[gnu::always_inline]] inline int zeroMask(L x)
{
    return _mm256_movemask_ps(_mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_EQ_OQ));
}
#else
/** \brief Eight floats, for builds without AVX. */
struct L {
    float v[width];
};

[[gnu::always_inline]] inline L set1(float x)
{
    L r;
    for (float &e : r.v)
        e = x;
    return r;
}
template <class S> [[gnu::always_inline]] inline L load(const S *p)
{
    L r;
    for (int i = 0; i < width; ++i)
        r.v[i] = static_cast<float>(p[i]);
    return r;
}
template <class S> [[gnu::always_inline]] inline L round(L x)
{
    for (float &e : x.v)
        e = static_cast<float>(S(e));
    return x;
}
template <class S> [[gnu::always_inline]] inline void store(S *p, L x)
{
    for (int i = 0; i < width; ++i)
        p[i] = S(x.v[i]);
}
[[gnu::always_inline]] inline L add(L a, L b)
{
    for (int i = 0; i < width; ++i)
        a.v[i] += b.v[i];
    return a;
}
[[gnu::always_inline]] inline L mul(L a, L b)
{
    for (int i = 0; i < width; ++i)
        a.v[i] *= b.v[i];
    return a;
}
[[gnu::always_inline]] inline L fma(L a, L b, L c)
{
    for (int i = 0; i < width; ++i)
        c.v[i] = std::fma(a.v[i], b.v[i], c.v[i]);
    return c;
}
[[gnu::always_inline]] inline void toArray(L x, float *out)
{
    for (int i = 0; i < width; ++i)
        out[i] = x.v[i];
}
[[gnu::always_inline]] inline L fromArray(const float *in)
{
    L r;
    for (int i = 0; i < width; ++i)
        r.v[i] = in[i];
    return r;
}
[[gnu::always_inline]] inline int lostMask(L a, L b)
{
    int m = 0;
    for (int i = 0; i < width; ++i)
        m |= int(a.v[i] != 0.0f && b.v[i] == 0.0f) << i;
    return m;
}
[[gnu::always_inline]] inline int zeroMask(L x)
{
    int m = 0;
    for (int i = 0; i < width; ++i)
        m |= int(x.v[i] == 0.0f) << i;
    return m;
}
#endif

/** round_S(a * b) for one pair of S values held in floats. */
template <class S> [[gnu::always_inline]] inline float roundedProduct(float a, float b)
{
    return static_cast<float>(S(a * b));
}

/**
 * round_S(a * b) lane by lane; \a underflow gets bit i if lane i's exact product was nonzero and
 * rounded to zero.
 */
template <class S> [[gnu::always_inline]] inline L roundedProduct(L a, L b, int &underflow)
{
    const L p = mul(a, b);
    const L r = round<S>(p);
    // The exact product is nonzero when both factors are (float's own product may already be 0).
    underflow |= ~zeroMask(a) & ~zeroMask(b) & zeroMask(r) & 0xff;
    return r;
}

/** round_S(a + b) lane by lane (a and b values of S). */
template <class S> [[gnu::always_inline]] inline L roundedSum(L a, L b)
{
    return round<S>(add(a, b));
}

/** round_S(a + b) for one pair. */
template <class S> [[gnu::always_inline]] inline float roundedSum(float a, float b)
{
    return static_cast<float>(S(a + b));
}

} // namespace logitlab::kernels::lanes

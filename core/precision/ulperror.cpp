// SPDX-License-Identifier: GPL-3.0-or-later
#include "precision/ulperror.h"

#include "precision/mpfrutil.h"

#include <cmath>
#include <limits>

namespace logitlab {
namespace {

// The ordinal of a float80 needs 78 bits.
__extension__ typedef __int128 Int128;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/** Shared conventions for non-finite operands; nullopt when both are finite. */
std::optional<double> nonFiniteError(long double computed, const mpfr::mpreal &exact)
{
    if (mpfr::isnan(exact))
        return std::isnan(computed) ? 0.0 : nan;
    if (mpfr::isinf(exact))
        return (std::isinf(computed) && (computed > 0) == (exact > 0)) ? 0.0 : inf;
    if (!std::isfinite(computed))
        return inf;
    return std::nullopt;
}

/** Index of a finite value of f among the non-negative values: 0 for +0, 1 for the smallest subnormal... */
Int128 ordinal(long double x, const FormatInfo &info)
{
    const long double a = std::fabs(x);
    Int128 n;
    if (a < info.minNormal) {
        n = static_cast<Int128>(a / info.minSubnormal);
    } else {
        int e2 = 0;
        const long double m = std::frexp(a, &e2); // a = m * 2^e2, m in [0.5, 1)
        const int e = e2 - 1;
        const Int128 perBinade = Int128 {1} << (info.precision - 1);
        const auto significand = static_cast<Int128>(std::ldexp(m, info.precision)); // in [2^(p-1), 2^p)
        n = (e - info.minExponent + 1) * perBinade + (significand - perBinade);
    }
    return std::signbit(x) ? -n : n;
}

} // namespace

double ulpError(long double computed, const mpfr::mpreal &exact, Format f)
{
    if (auto special = nonFiniteError(computed, exact))
        return *special;
    const FormatInfo &info = formatInfo(f);
    WideExponentRange wide;
    const mpfr_prec_t prec = std::max<mpfr_prec_t>(exact.get_prec(), 128);
    mpfr::mpreal diff = exactValue(computed, prec) - exact;
    int e = info.minExponent;
    if (!mpfr::iszero(exact)) {
        // exact = 0.1b... * 2^k in MPFR's convention, so floor(log2|exact|) = k - 1.
        e = std::max<int>(static_cast<int>(mpfr_get_exp(exact.mpfr_srcptr())) - 1, info.minExponent);
        e = std::min(e, info.maxExponent);
    }
    mpfr::mpreal units(0, prec);
    mpfr_mul_2si(units.mpfr_ptr(), diff.mpfr_srcptr(), -(e - info.precision + 1), MPFR_RNDN);
    return std::fabs(units.toDouble());
}

double relativeError(long double computed, const mpfr::mpreal &exact)
{
    if (auto special = nonFiniteError(computed, exact))
        return *special;
    if (mpfr::iszero(exact))
        return computed == 0 ? 0.0 : inf;
    WideExponentRange wide;
    const mpfr_prec_t prec = std::max<mpfr_prec_t>(exact.get_prec(), 128);
    const mpfr::mpreal diff = exactValue(computed, prec) - exact;
    return std::fabs((diff / exact).toDouble());
}

double absoluteError(long double computed, const mpfr::mpreal &exact)
{
    if (auto special = nonFiniteError(computed, exact))
        return *special;
    WideExponentRange wide;
    const mpfr_prec_t prec = std::max<mpfr_prec_t>(exact.get_prec(), 128);
    const mpfr::mpreal diff = exactValue(computed, prec) - exact;
    return std::fabs(diff.toDouble());
}

double ulpDistance(long double a, long double b, Format f)
{
    if (std::isnan(a) || std::isnan(b))
        return nan;
    if (std::isinf(a) || std::isinf(b))
        return a == b ? 0.0 : inf;
    const FormatInfo &info = formatInfo(f);
    const Int128 d = ordinal(a, info) - ordinal(b, info);
    return static_cast<double>(d < 0 ? -d : d);
}

} // namespace logitlab

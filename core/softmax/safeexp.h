#pragma once
/** \file
 * exp over an array that is fast and still right at the edges of the format.
 *
 * Eigen 3.4's vectorised exp (a Cody-Waite reduction with a polynomial, about 1.2 ulp)
 * clamps its argument: in float32 it returns 2.9e-39 for exp(-104), where the true value
 * rounds to 0, and never returns a subnormal. Blocks whose arguments all lie where the
 * polynomial is accurate take the vectorised path; any block with an argument outside that
 * range (or a NaN) is computed element by element by the C library, which overflows to inf and
 * underflows gradually as IEEE 754 says. float16, bfloat16 and long double always go element
 * by element through Eigen::numext::exp (for the 16-bit types: exp in float, rounded once).
 */
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace logitlab {

/** Arguments for which Eigen's vectorised exp is accurate (normal, finite results). */
template <class Scalar> struct VectorExpRange {
    static constexpr bool vectorised = false;
};
template <> struct VectorExpRange<float> {
    static constexpr bool vectorised = true;
    static constexpr float lo = -87.0f; // ln(min normal) = -87.34
    static constexpr float hi = 88.5f;  // ln(max) = 88.72
};
template <> struct VectorExpRange<double> {
    static constexpr bool vectorised = true;
    static constexpr double lo = -708.0; // ln(min normal) = -708.40
    static constexpr double hi = 709.5;  // ln(max) = 709.78
};

/**
 * out[i] = exp(in[i]) for i < n. \a in and \a out may be the same array.
 * Worst case 1.5 ulp from the exact value: Eigen's polynomial measures 1.16 ulp (float) and
 * 1.21 ulp (double) on dense sweeps (tests/core/softmax); glibc's exp is below 1 ulp.
 */
template <class Scalar> void safeExp(const Scalar *in, Scalar *out, Eigen::Index n)
{
    using Range = VectorExpRange<Scalar>;
    if constexpr (Range::vectorised) {
        constexpr Eigen::Index block = 256;
        for (Eigen::Index start = 0; start < n; start += block) {
            const Eigen::Index len = std::min(block, n - start);
            Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> x(in + start, len);
            Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>> y(out + start, len);
            // NaN fails both comparisons, so a block with a NaN goes element by element.
            if ((x >= Range::lo).all() && (x <= Range::hi).all()) {
                y = x.exp();
            } else {
                for (Eigen::Index i = 0; i < len; ++i)
                    y[i] = std::exp(x[i]);
            }
        }
    } else {
        for (Eigen::Index i = 0; i < n; ++i)
            out[i] = Eigen::numext::exp(in[i]);
    }
}

} // namespace logitlab

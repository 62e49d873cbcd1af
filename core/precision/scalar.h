// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Maps each Format to the C++ scalar type that computes in it, and back, and dispatches a
 * generic lambda on a run-time Format. Every value of every format is exact in long double,
 * which is how values cross the boundary between formats in the labs.
 */
#include "precision/format.h"

#include <Eigen/Core>
#include <type_traits>

namespace logitlab {

template <class Scalar> struct FormatOf;
template <> struct FormatOf<Eigen::half> {
    static constexpr Format value = Format::Float16;
};
template <> struct FormatOf<Eigen::bfloat16> {
    static constexpr Format value = Format::BFloat16;
};
template <> struct FormatOf<float> {
    static constexpr Format value = Format::Float32;
};
template <> struct FormatOf<double> {
    static constexpr Format value = Format::Float64;
};
template <> struct FormatOf<long double> {
    static constexpr Format value = Format::Float80;
};

/** The Format a scalar type computes in. */
template <class Scalar> inline constexpr Format formatOf = FormatOf<Scalar>::value;

/** Widens a value of any format to long double (always exact). */
template <class Scalar> inline long double toLongDouble(Scalar x)
{
    if constexpr (std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>)
        return static_cast<long double>(static_cast<float>(x));
    else
        return static_cast<long double>(x);
}

/**
 * Narrows a long double that is already a value of Scalar's format. Exact for such values; for
 * others it may round twice (use roundToFormat() in mpfrutil.h for correct rounding).
 */
template <class Scalar> inline Scalar fromLongDouble(long double x)
{
    if constexpr (std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>)
        return Scalar(static_cast<float>(x));
    else
        return static_cast<Scalar>(x);
}

/** Calls fn(std::type_identity<Scalar>{}) with the scalar type of \a f; returns its result. */
template <class Fn> decltype(auto) visitFormat(Format f, Fn &&fn)
{
    switch (f) {
    case Format::Float16: return fn(std::type_identity<Eigen::half> {});
    case Format::BFloat16: return fn(std::type_identity<Eigen::bfloat16> {});
    case Format::Float32: return fn(std::type_identity<float> {});
    case Format::Float64: return fn(std::type_identity<double> {});
    case Format::Float80: break;
    }
    return fn(std::type_identity<long double> {});
}

} // namespace logitlab

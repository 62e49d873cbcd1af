// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The binary floating-point formats the labs compare, with our own table of their constants.
 * Eigen 3.4's NumTraits<half>::epsilon() is 2^-13, not the IEEE 2^-10, so nothing here uses it.
 */
#include <array>
#include <optional>
#include <string_view>

namespace logitlab {

/** \brief The five hardware-style formats every lab computes in. */
enum class Format { Float16, BFloat16, Float32, Float64, Float80 };

inline constexpr std::array<Format, 5> allFormats {
    Format::Float16, Format::BFloat16, Format::Float32, Format::Float64, Format::Float80};

/** \brief Constants of one binary format; every value is exact in x87 long double. */
struct FormatInfo {
    Format format;
    std::string_view name; ///< canonical name, e.g. "float32"
    int precision; ///< significand bits including the hidden bit (p)
    int exponentBits; ///< width of the biased exponent field
    int storageBits; ///< bits in memory (80 for x87, padding not counted)
    bool explicitLeadingBit; ///< x87 stores the integer bit of the significand
    int minExponent; ///< exponent of the smallest normal number (emin)
    int maxExponent; ///< exponent of the largest finite number (emax)
    long double epsilon; ///< 2^(1-p): distance from 1 to the next larger number
    long double maxValue; ///< (2 - 2^(1-p)) * 2^emax
    long double minNormal; ///< 2^emin
    long double minSubnormal; ///< 2^(emin-p+1)
    long double lnMax; ///< ln(maxValue), correctly rounded to long double
    long double lnMinNormal; ///< ln(minNormal)
    long double lnMinSubnormal; ///< ln(minSubnormal)
};

/** Constants of \a f (the ln values are computed once with MPFR). */
const FormatInfo &formatInfo(Format f);

/** The canonical name of \a f ("float16", "bfloat16", "float32", "float64", "float80"). */
std::string_view formatName(Format f);

/**
 * Parses a format name or alias: float16|half|fp16, bfloat16|bf16, float32|float|fp32,
 * float64|double|fp64, float80|longdouble|"long double" (case-insensitive). Empty optional if unknown.
 */
std::optional<Format> parseFormat(std::string_view text);

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * What a stored floating-point value really is: its fields, its bits, its exact decimal value
 * (every binary float has a finite one), its neighbours and the spacing around it.
 */
#include "precision/format.h"

#include <cstdint>
#include <string>

namespace logitlab {

/** \brief IEEE 754 classification of a value. */
enum class FloatClass { Zero, Subnormal, Normal, Infinite, NaN };

/** \brief The anatomy of one value of one format. */
struct FloatAnatomy {
    Format format {};
    long double value = 0; ///< the value (exact in long double)
    FloatClass kind = FloatClass::Zero;
    bool negative = false;
    std::string signBit; ///< "0" or "1"
    std::string exponentBits; ///< the biased exponent field, most significant bit first
    std::string mantissaBits; ///< the stored significand field (x87: with its explicit integer bit)
    std::string bits; ///< "s eeeee mmmmmmmmmm": the three fields separated by spaces
    std::string hex; ///< the storage bits as 0x... (x87: 20 hex digits)
    int exponent = 0; ///< unbiased exponent E with |value| = 1.m * 2^E (emin for subnormals)
    std::string exactDecimal; ///< exact decimal expansion, e.g. "0.100000001490116119384765625"
    long double next = 0; ///< next larger value of the format
    long double previous = 0; ///< next smaller value of the format
    long double ulp = 0; ///< spacing of the format at value: 2^(max(E, emin) - p + 1)
};

/** Anatomy of \a value, which must be a value of \a f (for example a result computed in f). */
FloatAnatomy anatomize(long double value, Format f);

/**
 * The exact decimal expansion of \a value: no exponent, no rounding, trailing zeros removed
 * ("0.5", "-3", "1e-45" is written out in full). Non-finite: "inf", "-inf", "nan".
 */
std::string exactDecimal(long double value);

/** Spacing of format \a f at |x|: 2^(max(floor(log2|x|), emin) - p + 1); at 0 the smallest subnormal. */
long double ulpOf(long double x, Format f);

/** The next value of \a f above \a x (IEEE nextUp); inf stays inf, NaN stays NaN. */
long double nextUp(long double x, Format f);

/** The next value of \a f below \a x (IEEE nextDown). */
long double nextDown(long double x, Format f);

} // namespace logitlab

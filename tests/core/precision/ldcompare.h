// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file Test helpers: long double and Format as Qt Test data, exact comparisons with readable failures. */
#include "precision/format.h"
#include "testsupport.h" // the Format, long double and std::string test-data types

#include <QMetaType>
#include <QTest>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace tst {

/** "value (hexfloat)" for failure messages. */
inline std::string show(long double x)
{
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%.21Lg (%La)", x, x);
    return buffer;
}

/** Bitwise-meaningful equality: NaN equals NaN, and -0 differs from +0. */
inline bool same(long double a, long double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

/** The float16 value with storage bits \a bits (Eigen's half<->float conversions are exact here). */
inline long double halfFromBits(std::uint16_t bits)
{
    return static_cast<float>(Eigen::numext::bit_cast<Eigen::half>(bits));
}

/** The bfloat16 value with storage bits \a bits: the top half of a float32. */
inline long double bfloatFromBits(std::uint16_t bits)
{
    const std::uint32_t wide = std::uint32_t {bits} << 16;
    float f;
    std::memcpy(&f, &wide, sizeof f);
    return f;
}

} // namespace tst

/** Exact comparison of two long double expressions (NaN == NaN, -0 != +0). */
#define LL_COMPARE(actual, expected)                                                                                   \
    do {                                                                                                               \
        const long double llActual_ = (actual);                                                                        \
        const long double llExpected_ = (expected);                                                                    \
        if (!tst::same(llActual_, llExpected_))                                                                        \
            QFAIL(("actual " + tst::show(llActual_) + ", expected " + tst::show(llExpected_)).c_str());                \
    } while (0)

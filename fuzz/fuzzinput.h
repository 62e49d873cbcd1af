// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file Helpers shared by the libFuzzer targets: reading typed values off the fuzzer's bytes. */
#include "precision/format.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string_view>

namespace fuzzinput {

/** \brief Consumes the fuzzer's bytes from the front; past the end every read gives zeros. */
struct Bytes {
    const std::uint8_t *data;
    std::size_t size;

    std::uint64_t take(std::size_t n)
    {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            v = (v << 8) | (size ? *data : 0);
            if (size) {
                ++data;
                --size;
            }
        }
        return v;
    }
    std::string_view rest() const { return {reinterpret_cast<const char *>(data), size}; }
};

/** One of the five formats, from a byte. */
inline logitlab::Format format(std::uint64_t byte)
{
    return logitlab::allFormats[byte % logitlab::allFormats.size()];
}

/** A finite value of \a f from raw bits (NaN when the bits encode inf or NaN). */
inline long double valueFromBits(logitlab::Format f, Bytes &in)
{
    const logitlab::FormatInfo &info = logitlab::formatInfo(f);
    const int mantBits = info.precision - 1;
    // float80 takes 8 bytes of significand, then 2 bytes of sign and exponent.
    const std::uint64_t bits = in.take(f == logitlab::Format::Float80 ? 8 : info.storageBits / 8);
    const std::uint64_t mantissa
        = mantBits >= 63 ? (bits & ((std::uint64_t {1} << 63) - 1)) : (bits & ((std::uint64_t {1} << mantBits) - 1));
    const std::uint64_t high = f == logitlab::Format::Float80 ? in.take(2) : (bits >> mantBits);
    const int expField = int(high & ((1u << info.exponentBits) - 1));
    const bool negative = (high >> info.exponentBits) & 1;
    if (expField == (1 << info.exponentBits) - 1)
        return std::numeric_limits<long double>::quiet_NaN();
    const int bias = (1 << (info.exponentBits - 1)) - 1;
    long double v;
    if (expField == 0)
        v = std::ldexp((long double)mantissa, 1 - bias - mantBits);
    else
        v = std::ldexp((long double)(mantissa + (std::uint64_t {1} << mantBits)), expField - bias - mantBits);
    return negative ? -v : v;
}

/** Equal values, or both NaN (zeros of either sign count as equal). */
inline bool same(long double a, long double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/** \brief Stops the fuzzer with a message: an oracle or an invariant failed. */
[[noreturn]] inline void fail(const char *what)
{
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    std::abort();
}

} // namespace fuzzinput

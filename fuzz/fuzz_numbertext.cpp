// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target: shortest printing and decimal rounding (core/text/numbertext.h,
 * core/precision/mpfrutil.h).
 *
 * - Round trip: for any value x of any format, decimalToFormat(shortestText(x)) == x (NaN stays
 *   NaN, -0 stays -0), and the text is a valid literal.
 * - Decimal rounding: for any decimal literal, decimalToFormat() in float32, float64 and float80
 *   equals glibc's strtof/strtod/strtold (correctly rounded, an independent implementation).
 */
#include "fuzzinput.h"
#include "precision/mpfrutil.h"
#include "text/numbertext.h"

#include <cmath>
#include <cstdlib>
#include <string>

using namespace logitlab;

namespace {

bool sameBits(long double a, long double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

void roundTrip(Format f, long double x)
{
    const std::string text = shortestText(x, f);
    const auto back = decimalToFormat(text, f);
    if (!back || !sameBits(*back, x)) {
        std::fprintf(stderr, "%s: %.21Lg printed as \"%s\" reads back as %.21Lg\n", std::string(formatName(f)).c_str(),
            x, text.c_str(), back ? *back : 0.0L);
        fuzzinput::fail("shortestText does not round trip");
    }
}

void decimalRounding(const std::string &text)
{
    if (text.empty() || decimalLiteralLength(text) != text.size())
        return;
    const long double f32 = std::strtof(text.c_str(), nullptr);
    const long double f64 = std::strtod(text.c_str(), nullptr);
    const long double f80 = std::strtold(text.c_str(), nullptr);
    if (!sameBits(*decimalToFormat(text, Format::Float32), f32)
        || !sameBits(*decimalToFormat(text, Format::Float64), f64)
        || !sameBits(*decimalToFormat(text, Format::Float80), f80)) {
        std::fprintf(stderr, "\"%s\": strtof %.9Lg strtod %.17Lg strtold %.21Lg\n", text.c_str(), f32, f64, f80);
        fuzzinput::fail("decimalToFormat differs from glibc");
    }
    // Whatever the format, the value read prints and reads back to itself.
    for (Format f : allFormats)
        roundTrip(f, *decimalToFormat(text, f));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzinput::Bytes in {data, size};
    const std::uint64_t mode = in.take(1);
    if (mode & 1) {
        decimalRounding(std::string(in.rest()));
    } else {
        const Format f = fuzzinput::format(mode >> 1);
        const long double x = fuzzinput::valueFromBits(f, in);
        if (!std::isnan(x))
            roundTrip(f, x);
    }
    return 0;
}

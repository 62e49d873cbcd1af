// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/numbertext.h"

#include "precision/mpfrutil.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace logitlab {
namespace {

template <class T> std::string toChars(T value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

/** \brief A decimal m * 10^exp10 with an integer significand m of at most 9 digits. */
struct Decimal {
    std::uint64_t m;
    int exp10;
};

std::uint64_t pow10(int n)
{
    std::uint64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/** The n-significant-digit decimal nearest to |v| (to_chars is exact), as m * 10^exp10. */
Decimal nearestDecimal(float v, int n)
{
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(v), std::chars_format::scientific, n - 1);
    const std::string s(buffer, r.ptr); // d.ddde+XX
    const std::size_t e = s.find('e');
    std::string digits = s.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    return {std::stoull(digits), std::atoi(s.c_str() + e + 1) - (n - 1)};
}

/** Text of sign * m * 10^exp10 in plain notation and in to_chars's scientific notation. */
std::string plainText(bool negative, Decimal d)
{
    while (d.m % 10 == 0 && d.m != 0) {
        d.m /= 10;
        ++d.exp10;
    }
    std::string digits = std::to_string(d.m);
    if (d.exp10 >= 0) {
        digits.append(static_cast<std::size_t>(d.exp10), '0');
    } else {
        const auto point = static_cast<std::size_t>(-d.exp10);
        if (digits.size() <= point)
            digits.insert(0, point - digits.size() + 1, '0');
        digits.insert(digits.size() - point, 1, '.');
    }
    return negative ? "-" + digits : digits;
}

std::string scientificText(bool negative, Decimal d)
{
    while (d.m % 10 == 0 && d.m != 0) {
        d.m /= 10;
        ++d.exp10;
    }
    std::string digits = std::to_string(d.m);
    const int exponent = d.exp10 + static_cast<int>(digits.size()) - 1;
    if (digits.size() > 1)
        digits.insert(1, 1, '.');
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return (negative ? "-" : "") + digits + e;
}

/**
 * Shortest text for a float16 or bfloat16 value: the fewest characters that read back, the
 * closest to the value on a tie. For n = 1, 2, ... significant digits it tries the nearest
 * n-digit decimal and its two neighbours (at a power of two the spacing below is half the
 * spacing above, so the nearest can fail where a neighbour reads back), each written plain or
 * scientific, whichever is shorter (plain on a tie) as std::to_chars does. More digits can
 * still give a shorter text (bfloat16 9984: "9980" beats "10000"), so it stops only once n
 * digits cannot beat the best text found.
 */
std::string shortest16(long double value, Format f)
{
    const bool negative = std::signbit(value);
    if (value == 0)
        return negative ? "-0" : "0";
    std::string best;
    long double bestDistance = 0;
    for (int n = 1; n <= 9; ++n) {
        if (!best.empty() && static_cast<std::size_t>(n) >= best.size())
            break;
        const Decimal nearest = nearestDecimal(static_cast<float>(value), n);
        const std::uint64_t lo = pow10(n - 1), hi = pow10(n);
        for (int delta : {0, -1, 1}) {
            Decimal d = nearest;
            if (delta < 0 && d.m == lo)
                d = {hi - 1, d.exp10 - 1};
            else if (delta > 0 && d.m == hi - 1)
                d = {lo, d.exp10 + 1};
            else
                d.m = static_cast<std::uint64_t>(static_cast<long long>(d.m) + delta);
            const std::string plain = plainText(negative, d);
            const std::optional<long double> back = decimalToFormat(plain, f);
            if (!back || *back != value)
                continue;
            const std::string sci = scientificText(negative, d);
            const std::string text = sci.size() < plain.size() ? sci : plain;
            const long double distance = std::fabs(std::strtold(plain.c_str(), nullptr) - value);
            if (best.empty() || text.size() < best.size() || (text.size() == best.size() && distance < bestDistance)) {
                best = text;
                bestDistance = distance;
            }
        }
    }
    return best.empty() ? toChars(static_cast<float>(value)) : best; // 9 digits identify any float
}

} // namespace

std::string shortestText(long double value, Format f)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    switch (f) {
    case Format::Float32: return toChars(static_cast<float>(value));
    case Format::Float64: return toChars(static_cast<double>(value));
    case Format::Float80: return toChars(value);
    case Format::Float16:
    case Format::BFloat16: break;
    }
    return shortest16(value, f);
}

std::string errorText(double error)
{
    if (std::isnan(error))
        return "nan";
    if (std::isinf(error))
        return error < 0 ? "-inf" : "inf";
    if (error == 0)
        return "0";
    char buffer[64];
    // to_chars, not printf: it ignores the C locale (a German desktop would print "0,21").
    const auto general = std::to_chars(buffer, buffer + sizeof buffer, error, std::chars_format::general, 3);
    const std::string text(buffer, general.ptr);
    const std::size_t e = text.find('e');
    int exponent = 0;
    if (e != std::string::npos)
        std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
    if (e == std::string::npos || exponent < 0 || exponent > 4)
        return text;
    // 1230 and 12300 rather than 1.23e+03: the value rounded to 3 digits, written without exponent.
    double rounded = 0;
    std::from_chars(text.data(), text.data() + text.size(), rounded);
    const auto fixed = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 0);
    return std::string(buffer, fixed.ptr);
}

std::string ulpErrorText(double ulps)
{
    constexpr double resolution = 1e-3;
    if (ulps != 0 && std::fabs(ulps) < resolution)
        return ulps > 0 ? "<0.001" : ">-0.001";
    return errorText(ulps);
}

} // namespace logitlab

#include "text/numbertext.h"

#include "precision/mpfrutil.h"

#include <charconv>
#include <cmath>

namespace logitlab {
namespace {

template <class T> std::string toChars(T value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string toCharsPrecision(float value, int digits)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, digits);
    return std::string(buffer, result.ptr);
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
    // 16-bit formats: the fewest significant digits that round back (correctly) to value.
    for (int digits = 1; digits <= 9; ++digits) {
        std::string text = toCharsPrecision(static_cast<float>(value), digits);
        if (decimalToFormat(text, f) == value)
            return text;
    }
    return toChars(static_cast<float>(value)); // unreachable: 9 digits identify any float
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#include "precision/floatanatomy.h"

#include <gmp.h>

#include <cmath>
#include <cstdio>
#include <limits>

namespace logitlab {
namespace {

/** |x| = significand * 2^(exponent - p + 1) with an integer significand < 2^p. */
struct Decomposed {
    std::uint64_t significand = 0; ///< including the leading bit for normals
    int exponent = 0; ///< E for normals, emin for subnormals and zero
    bool normal = false;
};

Decomposed decompose(long double x, const FormatInfo &info)
{
    Decomposed d;
    const long double a = std::fabs(x);
    if (a == 0)
        return {0, info.minExponent, false};
    int e2 = 0;
    std::frexp(a, &e2); // a = f * 2^e2 with f in [0.5, 1): E = e2 - 1
    int e = e2 - 1;
    d.normal = e >= info.minExponent;
    if (!d.normal)
        e = info.minExponent;
    d.exponent = e;
    d.significand = static_cast<std::uint64_t>(std::ldexp(a, info.precision - 1 - e));
    return d;
}

std::string binary(std::uint64_t v, int width)
{
    std::string s(static_cast<std::size_t>(width), '0');
    for (int i = 0; i < width; ++i)
        if ((v >> i) & 1u)
            s[static_cast<std::size_t>(width - 1 - i)] = '1';
    return s;
}

std::string hexOfBits(const std::string &allBits)
{
    static const char digits[] = "0123456789abcdef";
    std::string out = "0x";
    const std::size_t pad = (4 - allBits.size() % 4) % 4;
    const std::string padded = std::string(pad, '0') + allBits;
    for (std::size_t i = 0; i < padded.size(); i += 4) {
        int nibble = 0;
        for (std::size_t j = 0; j < 4; ++j)
            nibble = nibble * 2 + (padded[i + j] == '1');
        out += digits[nibble];
    }
    return out;
}

} // namespace

std::string exactDecimal(long double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    if (value == 0)
        return std::signbit(value) ? "-0" : "0";
    // |value| = m * 2^k with an integer m < 2^64.
    int e2 = 0;
    const long double f = std::frexp(std::fabs(value), &e2);
    std::uint64_t m = static_cast<std::uint64_t>(std::ldexp(f, 64));
    int k = e2 - 64;
    while (m % 2 == 0) {
        m /= 2;
        ++k;
    }
    mpz_t n;
    mpz_init(n);
    mpz_import(n, 1, 1, sizeof m, 0, 0, &m);
    std::size_t fractionDigits = 0;
    if (k >= 0) {
        mpz_mul_2exp(n, n, static_cast<mp_bitcnt_t>(k));
    } else {
        // m / 2^j = m * 5^j / 10^j: exactly j digits after the point.
        mpz_t five;
        mpz_init(five);
        mpz_ui_pow_ui(five, 5, static_cast<unsigned long>(-k));
        mpz_mul(n, n, five);
        mpz_clear(five);
        fractionDigits = static_cast<std::size_t>(-k);
    }
    std::string digits(mpz_sizeinbase(n, 10) + 2, '\0');
    mpz_get_str(digits.data(), 10, n);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
    mpz_clear(n);
    if (fractionDigits > 0) {
        if (digits.size() <= fractionDigits)
            digits.insert(0, fractionDigits - digits.size() + 1, '0');
        digits.insert(digits.size() - fractionDigits, 1, '.');
    }
    return value < 0 ? "-" + digits : digits;
}

long double ulpOf(long double x, Format f)
{
    const FormatInfo &info = formatInfo(f);
    if (std::isnan(x))
        return std::numeric_limits<long double>::quiet_NaN();
    if (std::isinf(x) || std::fabs(x) > info.maxValue)
        return std::ldexp(1.0L, info.maxExponent - info.precision + 1);
    return std::ldexp(1.0L, decompose(x, info).exponent - info.precision + 1);
}

long double nextUp(long double x, Format f)
{
    const FormatInfo &info = formatInfo(f);
    if (std::isnan(x) || (std::isinf(x) && x > 0))
        return x;
    if (std::isinf(x))
        return -info.maxValue;
    if (x == 0)
        return info.minSubnormal;
    if (x < 0)
        return -nextDown(-x, f);
    if (x == info.maxValue)
        return std::numeric_limits<long double>::infinity();
    return x + ulpOf(x, f); // the spacing above a positive x is ulpOf(x)
}

long double nextDown(long double x, Format f)
{
    const FormatInfo &info = formatInfo(f);
    if (std::isnan(x) || (std::isinf(x) && x < 0))
        return x;
    if (std::isinf(x))
        return info.maxValue;
    if (x == 0)
        return -info.minSubnormal;
    if (x < 0)
        return -nextUp(-x, f);
    // Below a power of two the spacing halves (unless we are in the subnormal range).
    const Decomposed d = decompose(x, info);
    const bool powerOfTwo = d.normal && d.significand == (std::uint64_t {1} << (info.precision - 1));
    const long double step = ulpOf(x, f);
    return x - (powerOfTwo && d.exponent > info.minExponent ? step / 2 : step);
}

FloatAnatomy anatomize(long double value, Format f)
{
    const FormatInfo &info = formatInfo(f);
    FloatAnatomy a;
    a.format = f;
    a.value = value;
    a.negative = std::signbit(value);
    a.signBit = a.negative ? "1" : "0";
    const int fractionBits = info.precision - 1;
    const int mantissaWidth = info.explicitLeadingBit ? info.precision : fractionBits;
    const std::uint64_t allOnesExponent = (std::uint64_t {1} << info.exponentBits) - 1;
    std::uint64_t biased = 0;
    std::uint64_t mantissa = 0;
    if (std::isnan(value)) {
        a.kind = FloatClass::NaN;
        biased = allOnesExponent;
        mantissa = std::uint64_t {1} << (fractionBits - 1); // canonical quiet NaN
        if (info.explicitLeadingBit)
            mantissa |= std::uint64_t {1} << fractionBits;
        a.exponent = info.maxExponent + 1;
    } else if (std::isinf(value)) {
        a.kind = FloatClass::Infinite;
        biased = allOnesExponent;
        if (info.explicitLeadingBit)
            mantissa = std::uint64_t {1} << fractionBits;
        a.exponent = info.maxExponent + 1;
    } else {
        const Decomposed d = decompose(value, info);
        a.exponent = d.exponent;
        a.kind = value == 0 ? FloatClass::Zero : (d.normal ? FloatClass::Normal : FloatClass::Subnormal);
        biased = d.normal ? static_cast<std::uint64_t>(d.exponent + info.maxExponent) : 0;
        const std::uint64_t hidden = std::uint64_t {1} << fractionBits;
        mantissa = info.explicitLeadingBit ? d.significand : (d.significand & (hidden - 1));
    }
    a.exponentBits = binary(biased, info.exponentBits);
    a.mantissaBits = binary(mantissa, mantissaWidth);
    a.bits = a.signBit + " " + a.exponentBits + " " + a.mantissaBits;
    a.hex = hexOfBits(a.signBit + a.exponentBits + a.mantissaBits);
    a.exactDecimal = exactDecimal(value);
    a.next = nextUp(value, f);
    a.previous = nextDown(value, f);
    a.ulp = ulpOf(value, f);
    return a;
}

} // namespace logitlab

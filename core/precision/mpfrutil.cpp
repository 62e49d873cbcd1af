// SPDX-License-Identifier: GPL-3.0-or-later
#include "precision/mpfrutil.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace logitlab {

WideExponentRange::WideExponentRange() : m_emin(mpfr_get_emin()), m_emax(mpfr_get_emax())
{
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
}

WideExponentRange::~WideExponentRange()
{
    mpfr_set_emin(m_emin);
    mpfr_set_emax(m_emax);
}

mpfr::mpreal exactValue(long double x, mpfr_prec_t precision)
{
    mpfr::mpreal r(0, std::max<mpfr_prec_t>(precision, 64));
    mpfr_set_ld(r.mpfr_ptr(), x, MPFR_RNDN); // exact: 64 bits suffice for every long double
    return r;
}

namespace {

/** RAII: narrows MPFR's exponent range to that of a format, so subnormalize() can emulate it. */
class FormatExponentRange {
public:
    explicit FormatExponentRange(const FormatInfo &info) : m_emin(mpfr_get_emin()), m_emax(mpfr_get_emax())
    {
        // MPFR writes x = 0.1b... * 2^e, IEEE writes 1.b... * 2^E, so e = E + 1. The smallest
        // subnormal 2^(emin-p+1) is 0.1 * 2^(emin-p+2).
        mpfr_set_emin(info.minExponent - info.precision + 2);
        mpfr_set_emax(info.maxExponent + 1);
    }
    ~FormatExponentRange()
    {
        mpfr_set_emin(m_emin);
        mpfr_set_emax(m_emax);
    }

private:
    mpfr_exp_t m_emin;
    mpfr_exp_t m_emax;
};

std::string lowerAscii(std::string_view text)
{
    std::string s(text);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/** Non-finite literal: +1 or -1 for infinities, 0 for NaN, nullopt if finite text. */
std::optional<int> nonFiniteLiteral(std::string_view text)
{
    std::string s = lowerAscii(text);
    int sign = 1;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        s.erase(0, 1);
    }
    if (s == "inf" || s == "infinity")
        return sign;
    if (s == "nan")
        return 0;
    return std::nullopt;
}

/**
 * Rounds into format \a info with gradual underflow and IEEE overflow: \a set stores a value
 * into the format-precision variable (returning MPFR's ternary value) while the exponent
 * range is the format's, so that value is rounded once, then subnormalized.
 */
template <class Set> long double roundInto(const FormatInfo &info, mpfr_rnd_t rnd, Set &&set)
{
    mpfr_t r;
    mpfr_init2(r, info.precision);
    {
        FormatExponentRange range(info);
        int inexact = set(r);
        inexact = mpfr_check_range(r, inexact, rnd);
        mpfr_subnormalize(r, inexact, rnd);
    }
    const long double result = mpfr_get_ld(r, MPFR_RNDN); // exact: every value of every format fits long double
    mpfr_clear(r);
    return result;
}

/**
 * \a text (a whole decimal literal) as MPFR should read it: an exponent past +-3e18 becomes
 * +-3e18. MPFR 4.2.0 saturates a longer exponent and then subtracts the mantissa's leading zeros,
 * which wraps: "-.0077e-17777777777777777777" reads as -inf instead of -0. The literal's value
 * does not change: with fewer than 10^17 digits, the value of a literal whose exponent is 3e18 or
 * more in magnitude lies past MPFR's widest range (|exponent| < 2^62 bits, 1.39e18 decades), so
 * it reads as the same zero or infinity.
 */
std::string mpfrSafeLiteral(std::string_view text)
{
    const std::size_t e = text.find_first_of("eE");
    if (e == std::string_view::npos)
        return std::string(text);
    std::size_t digits = e + 1;
    const bool negative = digits < text.size() && text[digits] == '-';
    if (digits < text.size() && (text[digits] == '-' || text[digits] == '+'))
        ++digits;
    while (digits + 1 < text.size() && text[digits] == '0')
        ++digits; // leading zeros do not count
    const std::string_view exponent = text.substr(digits);
    constexpr std::string_view limit = "3000000000000000000";
    if (exponent.size() < limit.size() || (exponent.size() == limit.size() && exponent <= limit))
        return std::string(text);
    return std::string(text.substr(0, e + 1)) + (negative ? "-" : "") + std::string(limit);
}
} // namespace

std::size_t decimalLiteralLength(std::string_view s)
{
    const auto digitsFrom = [&](std::size_t i) {
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
        return i;
    };
    std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    const std::size_t intEnd = digitsFrom(i);
    std::size_t digits = intEnd - i;
    i = intEnd;
    if (i < s.size() && s[i] == '.') {
        const std::size_t fracEnd = digitsFrom(i + 1);
        digits += fracEnd - i - 1;
        i = fracEnd;
    }
    if (digits == 0)
        return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        const std::size_t signEnd = (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) ? i + 2 : i + 1;
        const std::size_t expEnd = digitsFrom(signEnd);
        if (expEnd > signEnd)
            i = expEnd; // else the 'e' is not part of the number
    }
    return i;
}

long double roundToFormat(mpfr_srcptr x, Format f, mpfr_rnd_t rnd)
{
    return roundInto(formatInfo(f), rnd, [&](mpfr_ptr r) { return mpfr_set(r, x, rnd); });
}

long double roundToFormat(const mpfr::mpreal &x, Format f)
{
    return roundToFormat(x.mpfr_srcptr(), f, MPFR_RNDN);
}

std::optional<mpfr::mpreal> decimalToMp(std::string_view text, mpfr_prec_t precision, mpfr_rnd_t rnd)
{
    mpfr::mpreal r(0, precision);
    if (auto special = nonFiniteLiteral(text)) {
        if (*special == 0)
            mpfr_set_nan(r.mpfr_ptr());
        else
            mpfr_set_inf(r.mpfr_ptr(), *special);
        return r;
    }
    if (text.empty() || decimalLiteralLength(text) != text.size())
        return std::nullopt;
    WideExponentRange wide;
    const std::string s = mpfrSafeLiteral(text);
    mpfr_strtofr(r.mpfr_ptr(), s.c_str(), nullptr, 10, rnd);
    return r;
}

std::optional<long double> decimalToFormat(std::string_view text, Format f)
{
    if (auto special = nonFiniteLiteral(text)) {
        if (*special == 0)
            return std::numeric_limits<long double>::quiet_NaN();
        return *special * std::numeric_limits<long double>::infinity();
    }
    if (text.empty() || decimalLiteralLength(text) != text.size())
        return std::nullopt;
    const std::string s = mpfrSafeLiteral(text);
    // One correct rounding straight from the decimal string: no double rounding.
    return roundInto(
        formatInfo(f), MPFR_RNDN, [&](mpfr_ptr r) { return mpfr_strtofr(r, s.c_str(), nullptr, 10, MPFR_RNDN); });
}

namespace {

/**
 * Sufficient test: every rounding breakpoint of every one of our formats (the midpoints between
 * neighbours, subnormal ones included, and the overflow threshold max + ulp/2) has at most
 * p + 1 <= 65 significant bits. If lo and hi lie strictly inside the same gap between
 * consecutive 65-bit numbers, no breakpoint lies between them.
 */
bool insideOne65BitGap(const mpfr::mpreal &lo, const mpfr::mpreal &hi)
{
    if (!mpfr::isregular(lo) || !mpfr::isregular(hi))
        return false;
    mpfr_t a, b;
    mpfr_init2(a, 65);
    mpfr_init2(b, 65);
    const int inexactLo = mpfr_set(a, lo.mpfr_srcptr(), MPFR_RNDD);
    mpfr_set(b, hi.mpfr_srcptr(), MPFR_RNDD);
    const bool inside = inexactLo != 0 && mpfr_equal_p(a, b);
    mpfr_clear(a);
    mpfr_clear(b);
    return inside;
}

} // namespace

bool roundsToOneValue(const mpfr::mpreal &lo, const mpfr::mpreal &hi)
{
    if (lo == hi || insideOne65BitGap(lo, hi))
        return true;
    for (Format f : allFormats) {
        const long double a = roundToFormat(lo.mpfr_srcptr(), f, MPFR_RNDN);
        const long double b = roundToFormat(hi.mpfr_srcptr(), f, MPFR_RNDN);
        if (!(a == b)) // -0 == +0: the real number 0 has no sign
            return false;
    }
    return true;
}

bool roundsStably(const mpfr::mpreal &v, const mpfr::mpreal &radius)
{
    if (mpfr::isnan(v) || mpfr::isinf(v))
        return true;
    mpfr::mpreal lo(0, v.get_prec()), hi(0, v.get_prec());
    mpfr_sub(lo.mpfr_ptr(), v.mpfr_srcptr(), radius.mpfr_srcptr(), MPFR_RNDD);
    mpfr_add(hi.mpfr_ptr(), v.mpfr_srcptr(), radius.mpfr_srcptr(), MPFR_RNDU);
    return roundsToOneValue(lo, hi);
}

} // namespace logitlab

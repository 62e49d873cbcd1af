// SPDX-License-Identifier: GPL-3.0-or-later
#include "precision/format.h"

#include "text/nametable.h"

#include <mpfr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace logitlab {
namespace {

/** ln(x) correctly rounded to the 64-bit significand of long double. */
long double lnLongDouble(long double x)
{
    mpfr_t v;
    mpfr_init2(v, 64);
    mpfr_set_ld(v, x, MPFR_RNDN);
    mpfr_log(v, v, MPFR_RNDN);
    const long double r = mpfr_get_ld(v, MPFR_RNDN);
    mpfr_clear(v);
    return r;
}

FormatInfo makeInfo(Format f, std::string_view name, int p, int expBits, int storage, bool explicitBit)
{
    const int emax = (1 << (expBits - 1)) - 1;
    const int emin = 1 - emax;
    FormatInfo info {f, name, p, expBits, storage, explicitBit, emin, emax, 0, 0, 0, 0, 0, 0, 0};
    info.epsilon = std::ldexp(1.0L, 1 - p);
    info.maxValue = std::ldexp(2.0L - info.epsilon, emax);
    info.minNormal = std::ldexp(1.0L, emin);
    info.minSubnormal = std::ldexp(1.0L, emin - p + 1);
    info.lnMax = lnLongDouble(info.maxValue);
    info.lnMinNormal = lnLongDouble(info.minNormal);
    info.lnMinSubnormal = lnLongDouble(info.minSubnormal);
    return info;
}

const std::array<FormatInfo, 5> &table()
{
    static const std::array<FormatInfo, 5> infos {
        makeInfo(Format::Float16, "float16", 11, 5, 16, false),
        makeInfo(Format::BFloat16, "bfloat16", 8, 8, 16, false),
        makeInfo(Format::Float32, "float32", 24, 8, 32, false),
        makeInfo(Format::Float64, "float64", 53, 11, 64, false),
        makeInfo(Format::Float80, "float80", 64, 15, 80, true),
    };
    return infos;
}

} // namespace

const FormatInfo &formatInfo(Format f)
{
    return table()[static_cast<std::size_t>(f)];
}

std::string_view formatName(Format f)
{
    return formatInfo(f).name;
}

std::optional<Format> parseFormat(std::string_view text)
{
    std::string s(text);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr NameTable<Format, 14> aliases {{
        {Format::Float16, "float16"},
        {Format::Float16, "half"},
        {Format::Float16, "fp16"},
        {Format::BFloat16, "bfloat16"},
        {Format::BFloat16, "bf16"},
        {Format::Float32, "float32"},
        {Format::Float32, "float"},
        {Format::Float32, "fp32"},
        {Format::Float64, "float64"},
        {Format::Float64, "double"},
        {Format::Float64, "fp64"},
        {Format::Float80, "float80"},
        {Format::Float80, "longdouble"},
        {Format::Float80, "long double"},
    }};
    return parseNameIn(aliases, s);
}

} // namespace logitlab

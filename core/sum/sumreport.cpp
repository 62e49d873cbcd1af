// SPDX-License-Identifier: GPL-3.0-or-later
#include "sum/sumreport.h"

#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"
#include "sum/summation.h"

#include <mpfr.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <stdexcept>

namespace logitlab {

std::string_view sumMethodKey(SumMethod m)
{
    switch (m) {
    case SumMethod::Recursive: return "recursive";
    case SumMethod::Pairwise: return "pairwise";
    case SumMethod::Kahan: return "kahan";
    case SumMethod::Wider: return "wider";
    }
    return "recursive";
}

int sumDigits(Format f)
{
    // Decimal digits of p bits, ceil(p * log10(2)), plus 4.
    const int bitsAsDigits = (formatInfo(f).precision * 30103 + 99999) / 100000;
    return std::max(21, bitsAsDigits + 4);
}

namespace {

/** \brief n MPFR numbers of 64 bits (every long double exactly), cleared on destruction. */
class MpfrArray {
public:
    explicit MpfrArray(std::size_t n) : m_values(n)
    {
        for (__mpfr_struct &v : m_values)
            mpfr_init2(&v, 64);
    }
    ~MpfrArray()
    {
        for (__mpfr_struct &v : m_values)
            mpfr_clear(&v);
    }
    MpfrArray(const MpfrArray &) = delete;
    MpfrArray &operator=(const MpfrArray &) = delete;
    __mpfr_struct &operator[](std::size_t i) { return m_values[i]; }

private:
    std::vector<__mpfr_struct> m_values;
};

std::string decimalText(const mpfr::mpreal &x, int digits)
{
    char *text = nullptr;
    mpfr_asprintf(&text, "%.*RNg", digits, x.mpfr_srcptr());
    std::string s(text);
    mpfr_free_str(text);
    return s;
}

/** The four methods on \a n terms read through \a term, in allSumMethods order. */
template <class Scalar, class Term> std::array<long double, 4> runMethods(std::size_t n, const Term &term)
{
    return {toLongDouble(recursiveSum<Scalar>(n, term)), toLongDouble(pairwiseSum<Scalar>(n, term)),
        toLongDouble(kahanSum<Scalar>(n, term)), toLongDouble(widerSum<Scalar>(n, term))};
}

/** Fills the exact sum's roundings and each method's errors. */
void score(SumReport &report, const std::array<long double, 4> &sums)
{
    const WideExponentRange wide;
    report.accumulator = widerFormat(report.format);
    report.exactRounded = roundToFormat(report.exact, report.format);
    report.exactDouble = static_cast<double>(roundToFormat(report.exact, Format::Float64));
    report.exactDecimal = decimalText(report.exact, sumDigits(report.format));
    for (std::size_t i = 0; i < allSumMethods.size(); ++i) {
        SumMethodResult &r = report.methods[i];
        r.method = allSumMethods[i];
        r.value = sums[i];
        r.ulpError = ulpError(sums[i], report.exact, report.format);
        r.relativeError = relativeError(sums[i], report.exact);
    }
}

} // namespace

mpfr::mpreal exactSum(const std::vector<long double> &values)
{
    const WideExponentRange wide;
    // A long double v != 0 is a multiple of 2^(ilogb(v) - 63) (its 64-bit significand), or of
    // 2^-16445 for a subnormal; |v| < 2^(ilogb(v) + 1). So the sum is a multiple of 2^low and below
    // n 2^high in magnitude: high - low + bits(n) + 1 bits hold it exactly.
    long high = LONG_MIN, low = LONG_MAX;
    for (const long double v : values)
        if (std::isfinite(v) && v != 0) {
            const int e = std::ilogb(v);
            high = std::max<long>(high, e + 1);
            low = std::min<long>(low, std::max(e - 63, -16445));
        }
    mpfr_prec_t bits = 64;
    if (high != LONG_MIN)
        bits = std::max<mpfr_prec_t>(bits, high - low + std::bit_width(values.size()) + 1);
    MpfrArray terms(values.size());
    std::vector<mpfr_ptr> pointers(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        mpfr_set_ld(&terms[i], values[i], MPFR_RNDN); // exact
        pointers[i] = &terms[i];
    }
    mpfr::mpreal sum(0, bits);
    if (mpfr_sum(sum.mpfr_ptr(), pointers.data(), values.size(), MPFR_RNDN) != 0)
        throw std::logic_error("exactSum: mpfr_sum rounded");
    return sum;
}

SumReport computeSumReport(const std::vector<long double> &values, Format f)
{
    SumReport report;
    report.format = f;
    report.count = values.size();
    report.exact = exactSum(values);
    const auto sums = visitFormat(f, [&](auto type) {
        using Scalar = typename decltype(type)::type;
        SumVector<Scalar> x(static_cast<Eigen::Index>(values.size()));
        for (std::size_t i = 0; i < values.size(); ++i)
            x[static_cast<Eigen::Index>(i)] = fromLongDouble<Scalar>(values[i]);
        return runMethods<Scalar>(values.size(), [&](std::size_t i) { return x[static_cast<Eigen::Index>(i)]; });
    });
    score(report, sums);
    return report;
}

SumReport computeRepeatReport(long double x, std::uint64_t count, Format f)
{
    if (count > maxRepeatCount)
        throw std::invalid_argument("computeRepeatReport: more than maxRepeatCount terms");
    SumReport report;
    report.format = f;
    report.count = count;
    report.repeated = true;
    report.addend = x;
    {
        const WideExponentRange wide;
        report.exact = mpfr::mpreal(0, 64 + 64); // x has at most 64 bits, count fewer than 64
        mpfr_set_ld(report.exact.mpfr_ptr(), x, MPFR_RNDN);
        mpfr_mul_ui(report.exact.mpfr_ptr(), report.exact.mpfr_srcptr(), count, MPFR_RNDN); // exact
        if (count == 0)
            mpfr_set_zero(report.exact.mpfr_ptr(), 1); // the empty sum is +0 (0 * inf would be NaN)
    }
    const auto sums = visitFormat(f, [&](auto type) {
        using Scalar = typename decltype(type)::type;
        const Scalar xs = fromLongDouble<Scalar>(x);
        const auto term = [xs](std::size_t) { return xs; };
        return std::array<long double, 4> {toLongDouble(recursiveSum<Scalar>(count, term)),
            toLongDouble(pairwiseSumOfCopies<Scalar>(xs, count)), toLongDouble(kahanSum<Scalar>(count, term)),
            toLongDouble(widerSum<Scalar>(count, term))};
    });
    score(report, sums);
    report.stagnation = stagnationPoint(x, f);
    return report;
}

} // namespace logitlab

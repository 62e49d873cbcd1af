// SPDX-License-Identifier: GPL-3.0-or-later
#include "softmax/softmaxreference.h"

#include "precision/mpfrutil.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace logitlab {
namespace {

using mpfr::mpreal;

/** Shifted exponents |z_i - a| beyond this contribute < 2^-1,000,000 relative: not in the bound. */
constexpr long double hugeShift = 1 << 20;

/** Higham's form in MPFR at precision p; returns false if some value is not yet stable. */
bool computeAt(const std::vector<long double> &z, std::size_t k, mpfr_prec_t p, SoftmaxReference &r)
{
    const std::size_t n = z.size();
    const mpreal u = mpfr::ldexp(mpreal(1, p), static_cast<mp_exp_t>(-p)); // unit roundoff 2^-p
    const mpreal a = exactValue(z[k], p);
    std::vector<mpreal> d(n), e(n);
    mpreal s(0, p);
    long double maxShift = 0; // largest |d_j| that still matters in the bound
    for (std::size_t i = 0; i < n; ++i) {
        d[i] = exactValue(z[i], p) - a; // rel. error <= u
        d[i].set_prec(p);
        e[i] = mpfr::exp(d[i]); // rel. error <= (1 + |d_i|) u (exp's condition number is |d|)
        const long double shift = std::fabs(static_cast<long double>(d[i].toLDouble()));
        if (i != k) {
            s += e[i];
            if (shift < hugeShift)
                maxShift = std::max(maxShift, shift);
        }
    }
    // Derivation of the bounds (first order in u; each MPFR operation rounds once, rel. u):
    //   s = sum_{j != k} e_j: |ds| <= sum e_j (1 + |d_j|) u + (n - 1) u s <= (n + D) u s,
    //     D = max |d_j| over the terms that matter (the others are below 2^-1e6 relative).
    //   softmax_i = e_i / (1 + s):     rel <= (|d_i| + n + D + 4) u
    //   L = log1p(s) (condition <= 1):  rel <= (n + D + 2) u
    //   log-softmax_i = d_i - L, both <= 0, so no cancellation: rel <= (n + D + 4) u
    //   lse = a + L may cancel: abs <= (|a| + |L| (n + D + 3)) u + u |lse|
    // Each bound is doubled for the second-order terms.
    const mpreal onePlusS = 1 + s;
    const mpreal L = mpfr::log1p(s);
    const double base = static_cast<double>(n) + static_cast<double>(maxShift) + 8;
    r.softmax.assign(n, mpreal(0, p));
    r.logSoftmax.assign(n, mpreal(0, p));
    bool stable = true;
    for (std::size_t i = 0; i < n; ++i) {
        r.softmax[i] = (i == k ? mpreal(1, p) : e[i]) / onePlusS;
        r.logSoftmax[i] = (i == k ? mpreal(0, p) : d[i]) - L;
        const double shift = std::fabs(d[i].toDouble());
        if (shift >= static_cast<double>(hugeShift)) {
            // p_i < exp(-2^20): rounds to +0 in every format, whatever the working precision.
            continue;
        }
        const mpreal relSoftmax = 2 * (shift + base) * u;
        const mpreal relLog = 2 * base * u;
        stable = stable && roundsStably(r.softmax[i], mpfr::abs(r.softmax[i]) * relSoftmax);
        stable = stable && roundsStably(r.logSoftmax[i], mpfr::abs(r.logSoftmax[i]) * relLog);
    }
    r.logSumExp = a + L;
    const mpreal lseRadius = 2 * (mpfr::abs(a) + mpfr::abs(L) * (base + 3) + mpfr::abs(r.logSumExp)) * u;
    stable = stable && roundsStably(r.logSumExp, lseRadius);
    r.precision = p;
    return stable;
}

SoftmaxReference nonFiniteReference(const std::vector<long double> &z)
{
    const std::size_t n = z.size();
    const mpreal nan = std::numeric_limits<double>::quiet_NaN();
    const mpreal posInf = std::numeric_limits<double>::infinity();
    SoftmaxReference r;
    r.precision = referencePrecision;
    const bool anyNaN = std::any_of(z.begin(), z.end(), [](long double v) { return std::isnan(v); });
    const auto plusInf = std::count_if(z.begin(), z.end(), [](long double v) { return std::isinf(v) && v > 0; });
    if (anyNaN) {
        r.softmax.assign(n, nan);
        r.logSoftmax.assign(n, nan);
        r.logSumExp = nan;
        return r;
    }
    if (plusInf > 0) {
        const mpreal share = mpreal(1, referencePrecision) / static_cast<long>(plusInf);
        for (long double v : z) {
            const bool top = std::isinf(v) && v > 0;
            r.softmax.push_back(top ? share : mpreal(0));
            r.logSoftmax.push_back(top ? mpfr::log(share) : -posInf);
        }
        r.logSumExp = posInf;
        return r;
    }
    // Every entry is -inf: 0/0.
    r.softmax.assign(n, nan);
    r.logSoftmax.assign(n, nan);
    r.logSumExp = -posInf;
    return r;
}

} // namespace

SoftmaxReference softmaxReference(const std::vector<long double> &z)
{
    WideExponentRange wide;
    if (z.empty()) {
        SoftmaxReference r;
        r.logSumExp = -mpreal(std::numeric_limits<double>::infinity());
        r.precision = referencePrecision;
        return r;
    }
    const bool special
        = std::any_of(z.begin(), z.end(), [](long double v) { return std::isnan(v) || (std::isinf(v) && v > 0); });
    const bool allMinusInf = std::all_of(z.begin(), z.end(), [](long double v) { return std::isinf(v); });
    if (special || allMinusInf)
        return nonFiniteReference(z);

    // -inf entries have exp(-inf) = 0 exactly: compute on the finite ones, put them back after.
    std::vector<long double> kept;
    std::vector<std::size_t> index;
    std::size_t keptArgmax = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isinf(z[i]))
            continue;
        if (!kept.empty() && z[i] > kept[keptArgmax])
            keptArgmax = kept.size();
        kept.push_back(z[i]);
        index.push_back(i);
    }
    SoftmaxReference partial;
    const mpfr_prec_t p
        = refineUntilStable([&](mpfr_prec_t bits) { return computeAt(kept, keptArgmax, bits, partial); });

    SoftmaxReference r;
    r.softmax.assign(z.size(), mpreal(0, p));
    r.logSoftmax.assign(z.size(), -mpreal(std::numeric_limits<double>::infinity()));
    for (std::size_t j = 0; j < kept.size(); ++j) {
        r.softmax[index[j]] = partial.softmax[j];
        r.logSoftmax[index[j]] = partial.logSoftmax[j];
    }
    r.logSumExp = partial.logSumExp;
    r.precision = p;
    return r;
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#include "softmax/softmaxentropy.h"

#include "precision/mpfrutil.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace logitlab {
namespace {

using mpfr::mpreal;

/** Shifts |z_i - m| from here on are bounded as a whole instead of relatively (as in softmaxreference.cpp). */
constexpr long hugeShift = 1L << 20;

/**
 * H at precision \a p from the finite logits \a z (max at index \a k); false if H or H/ln 2 is not
 * yet known to round to one value in every format.
 *
 * Error bound, first order in u = 2^-p (each MPFR operation rounds once, relative u), with
 * d_i = z_i - m <= 0 and D = max |d_i| over the terms that matter:
 *   d_i (one rounding):               relative u, so absolute |d_i| u
 *   e_i = exp(d_i):                   relative (1 + |d_i|) u  (exp's condition number is |d_i|)
 *   e_i |d_i|:                        relative (|d_i| + 3) u
 *   t = sum e_i |d_i| (n terms >= 0): relative (D + n + 2) u
 *   s = sum_{i != k} e_i:             relative (D + n) u; S = 1 + s: (D + n + 1) u
 *   t / S:                            relative (2D + 2n + 4) u
 *   L = log1p(s) (condition <= 1):    relative (D + n + 2) u
 *   H = L + t/S, both >= 0:           relative (2D + 2n + 5) u, doubled below for second-order terms.
 * A term with |d_i| >= 2^20 is not bounded relatively (its exp may be computed with a large
 * relative error when |d_i| u is not small); its exact and computed contributions to L and to
 * t/S are each below 2^21 exp(1 - 2^20) (x e^-x falls for x > 1), so twice that per such term is
 * added to the radius as an absolute error. If H is made of such terms only it is below
 * 10^-450000 and the interval rounds to 0 in every format.
 */
bool entropyAt(const std::vector<long double> &z, std::size_t k, mpfr_prec_t p, SoftmaxEntropy &r)
{
    const std::size_t n = z.size();
    const mpreal u = mpfr::ldexp(mpreal(1, p), static_cast<mp_exp_t>(-p));
    const mpreal m = exactValue(z[k], p);
    mpreal s(0, p), t(0, p);
    double maxShift = 0;
    long huge = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == k)
            continue;
        mpreal d = exactValue(z[i], p) - m; // <= 0
        d.set_prec(p);
        const mpreal e = mpfr::exp(d);
        s += e;
        t += e * (-d);
        const double shift = -d.toDouble();
        if (shift >= static_cast<double>(hugeShift))
            ++huge;
        else
            maxShift = std::max(maxShift, shift);
    }
    const mpreal L = mpfr::log1p(s);
    const mpreal onePlusS = 1 + s;
    r.nats = L + t / onePlusS;
    r.bits = r.nats / mpfr::const_log2(p);
    r.precision = p;
    const double base = 2 * static_cast<double>(n) + 2 * maxShift + 8;
    const mpreal hugeBound = 2 * huge * mpfr::ldexp(mpfr::exp(mpreal(1 - hugeShift, p)), 21);
    const mpreal natsRadius = 2 * base * u * r.nats + hugeBound;
    // bits = H / ln 2: two more roundings (ln 2 and the division), and 1/ln 2 < 1.5 on the absolute part.
    const mpreal bitsRadius = (2 * base + 4) * u * r.bits + 2 * hugeBound;
    return roundsStably(r.nats, natsRadius) && roundsStably(r.bits, bitsRadius);
}

SoftmaxEntropy nanEntropy()
{
    const mpreal nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, referencePrecision};
}

} // namespace

SoftmaxEntropy softmaxEntropyReference(const std::vector<long double> &z)
{
    WideExponentRange wide;
    const bool anyNaN = std::any_of(z.begin(), z.end(), [](long double v) { return std::isnan(v); });
    const bool allMinusInf = std::all_of(z.begin(), z.end(), [](long double v) { return v == -INFINITY; });
    if (z.empty() || anyNaN || allMinusInf)
        return nanEntropy();
    const auto plusInf = std::count_if(z.begin(), z.end(), [](long double v) { return v == INFINITY; });
    if (plusInf > 0) {
        // p = 1/k on the k entries at +inf: H = ln k, exact to the precision with ln's own rounding.
        SoftmaxEntropy r;
        r.precision = refineUntilStable([&](mpfr_prec_t p) {
            const mpreal u = mpfr::ldexp(mpreal(1, p), static_cast<mp_exp_t>(-p));
            r.nats = mpfr::log(mpreal(static_cast<long>(plusInf), p));
            r.bits = mpfr::log2(mpreal(static_cast<long>(plusInf), p));
            return roundsStably(r.nats, u * r.nats) && roundsStably(r.bits, u * r.bits);
        });
        return r;
    }
    // -inf entries have p_i = 0 and add nothing: the entropy of the finite ones.
    std::vector<long double> finite;
    std::size_t argmax = 0;
    for (long double v : z) {
        if (std::isinf(v))
            continue;
        if (!finite.empty() && v > finite[argmax])
            argmax = finite.size();
        finite.push_back(v);
    }
    SoftmaxEntropy r;
    refineUntilStable([&](mpfr_prec_t p) { return entropyAt(finite, argmax, p, r); });
    return r;
}

} // namespace logitlab

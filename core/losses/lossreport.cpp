// SPDX-License-Identifier: GPL-3.0-or-later
#include "losses/lossreport.h"

#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"
#include "softmax/softmaxreference.h"

#include <cmath>
#include <limits>

namespace logitlab {

using mpfr::mpreal;

std::string_view crossEntropyMethodKey(CrossEntropyMethod m)
{
    switch (m) {
    case CrossEntropyMethod::Naive: return "naive";
    case CrossEntropyMethod::Probabilities: return "probabilities";
    case CrossEntropyMethod::Clipped: return "clipped";
    case CrossEntropyMethod::FromLogits: return "from_logits";
    }
    return "naive";
}

std::string_view bceMethodKey(BceMethod m)
{
    switch (m) {
    case BceMethod::Naive: return "naive";
    case BceMethod::Clipped: return "clipped";
    case BceMethod::FromLogits: return "from_logits";
    }
    return "naive";
}

namespace {

template <class Scalar>
std::vector<LossMethodResult> crossEntropyMethods(const std::vector<long double> &logits, std::size_t label)
{
    Vector<Scalar> z(static_cast<Eigen::Index>(logits.size()));
    for (std::size_t i = 0; i < logits.size(); ++i)
        z[static_cast<Eigen::Index>(i)] = fromLongDouble<Scalar>(logits[i]);
    const auto k = static_cast<Eigen::Index>(label);
    std::vector<LossMethodResult> out;
    for (CrossEntropyMethod m : allCrossEntropyMethods) {
        LossMethodResult r;
        r.loss = toLongDouble(crossEntropy<Scalar>(z, k, m));
        const Vector<Scalar> g = crossEntropyGradient<Scalar>(z, k, m);
        for (Eigen::Index j = 0; j < g.size(); ++j)
            r.gradient.push_back(toLongDouble(g[j]));
        out.push_back(std::move(r));
    }
    return out;
}

template <class Scalar> std::vector<LossMethodResult> bceMethods(long double logit, long double label)
{
    const Scalar z = fromLongDouble<Scalar>(logit);
    const Scalar y = fromLongDouble<Scalar>(label);
    std::vector<LossMethodResult> out;
    for (BceMethod m : allBceMethods) {
        LossMethodResult r;
        r.loss = toLongDouble(binaryCrossEntropy<Scalar>(z, y, m));
        r.gradient.push_back(toLongDouble(binaryCrossEntropyGradient<Scalar>(z, y, m)));
        out.push_back(std::move(r));
    }
    return out;
}

/** Limits of the loss and gradient where z or y is not finite. */
std::optional<BceReference> nonFiniteBce(long double z, long double y)
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(z) || std::isnan(y))
        return BceReference {mpreal(nan), mpreal(nan)};
    if (!std::isinf(z))
        return std::nullopt;
    // z -> +inf: loss ~ z (1 - y), gradient -> 1 - y. z -> -inf: loss ~ -z y, gradient -> -y.
    const double weight = z > 0 ? 1.0 - static_cast<double>(y) : static_cast<double>(y);
    const mpreal gradient = z > 0 ? 1 - exactValue(y) : -exactValue(y);
    return BceReference {mpreal(weight > 0 ? inf : 0.0), gradient};
}

} // namespace

BceReference bceReference(long double z, long double y)
{
    if (auto limit = nonFiniteBce(z, y))
        return *limit;
    WideExponentRange wide;
    BceReference r;
    refineUntilStable([&](mpfr_prec_t p) {
        const mpreal u = mpfr::ldexp(mpreal(1, p), static_cast<mp_exp_t>(-p));
        const mpreal zz = exactValue(z, p), yy = exactValue(y, p);
        // max(z,0) - z y = z (1 - y) for z > 0, -z y otherwise: a product (exact at p >= 128) and
        // one rounded difference, >= 0 for y in [0,1]: relative error <= u.
        const mpreal linear = z > 0 ? mpreal(zz - zz * yy) : mpreal(-(zz * yy));
        // log1p(exp(-|z|)): exp rel. (|z| + 1) u, log1p's condition <= 1: rel. (|z| + 2) u.
        const mpreal e = mpfr::exp(-mpfr::abs(zz)); // rel. (|z| + 1) u
        const mpreal tail = mpfr::log1p(e);
        r.loss = linear + tail; // two terms >= 0: rel. <= (|z| + 4) u
        const double magnitude = std::fabs(static_cast<double>(z));
        const bool lossStable = roundsStably(r.loss, 2 * (magnitude + 4) * u * r.loss);
        // Gradient sigmoid(z) - y: sigmoid rel. (|z| + 3) u, then one subtraction that may cancel.
        if (z == 0) {
            r.gradient = mpreal(0.5, p) - yy; // exact
            return lossStable;
        }
        const mpreal sigmoid = z > 0 ? mpreal(1 / (1 + e)) : mpreal(e / (1 + e));
        r.gradient = sigmoid - yy;
        const mpreal gradientRadius = 2 * ((magnitude + 3) * u * sigmoid + u * mpfr::abs(r.gradient));
        return lossStable && roundsStably(r.gradient, gradientRadius);
    });
    return r;
}

BcePlateaus clippedBcePlateaus(long double y, Format f)
{
    const long double inf = std::numeric_limits<long double>::infinity();
    return visitFormat(f, [&](auto tag) {
        using Scalar = typename decltype(tag)::type;
        const Scalar label = fromLongDouble<Scalar>(y);
        return BcePlateaus {
            toLongDouble(binaryCrossEntropy<Scalar>(fromLongDouble<Scalar>(-inf), label, BceMethod::Clipped)),
            toLongDouble(binaryCrossEntropy<Scalar>(fromLongDouble<Scalar>(inf), label, BceMethod::Clipped))};
    });
}

CrossEntropyReport computeCrossEntropyReport(const std::vector<long double> &logits, std::size_t label, Format f)
{
    CrossEntropyReport report;
    report.format = f;
    report.logits = logits;
    report.label = label;
    const SoftmaxReference ref = softmaxReference(logits);
    report.reference = -ref.logSoftmax[label];
    report.referenceRounded = roundToFormat(report.reference, f);
    // p_k - 1 would cancel when p_k is near 1; -sum_{j != k} p_j has no cancellation.
    mpreal others(0, ref.precision);
    for (std::size_t j = 0; j < logits.size(); ++j)
        if (j != label)
            others += ref.softmax[j];
    for (std::size_t j = 0; j < logits.size(); ++j)
        report.referenceGradient.push_back(j == label ? mpreal(-others) : ref.softmax[j]);
    report.methods
        = visitFormat(f, [&](auto tag) { return crossEntropyMethods<typename decltype(tag)::type>(logits, label); });
    for (LossMethodResult &m : report.methods)
        m.ulpError = ulpError(m.loss, report.reference, f);
    return report;
}

BceReport computeBceReport(long double logit, long double label, Format f)
{
    BceReport report;
    report.format = f;
    report.logit = logit;
    report.label = label;
    const BceReference ref = bceReference(logit, label);
    report.reference = ref.loss;
    report.referenceGradient = ref.gradient;
    report.referenceRounded = roundToFormat(ref.loss, f);
    report.methods = visitFormat(f, [&](auto tag) { return bceMethods<typename decltype(tag)::type>(logit, label); });
    for (LossMethodResult &m : report.methods)
        m.ulpError = ulpError(m.loss, report.reference, f);
    return report;
}

} // namespace logitlab

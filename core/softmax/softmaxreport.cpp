// SPDX-License-Identifier: GPL-3.0-or-later
#include "softmax/softmaxreport.h"

#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"
#include "softmax/onlinesoftmax.h"
#include "softmax/softmax.h"

#include <algorithm>
#include <cmath>

namespace logitlab {

std::string_view softmaxMethodKey(SoftmaxMethod m)
{
    switch (m) {
    case SoftmaxMethod::Naive: return "naive";
    case SoftmaxMethod::Shifted: return "shifted";
    case SoftmaxMethod::LogSoftmax: return "log_softmax";
    case SoftmaxMethod::Higham: return "higham";
    case SoftmaxMethod::Online: return "online";
    }
    return "naive";
}

namespace {

template <class Scalar> std::vector<long double> widen(const Vector<Scalar> &v)
{
    std::vector<long double> out(static_cast<std::size_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i)
        out[static_cast<std::size_t>(i)] = toLongDouble(v[i]);
    return out;
}

template <class Scalar> std::vector<SoftmaxMethodResult> runMethods(const std::vector<long double> &logits)
{
    const auto n = static_cast<Eigen::Index>(logits.size());
    Vector<Scalar> z(n);
    for (Eigen::Index i = 0; i < n; ++i)
        z[i] = fromLongDouble<Scalar>(logits[static_cast<std::size_t>(i)]);
    std::vector<SoftmaxMethodResult> results;
    Vector<Scalar> out(n);
    for (SoftmaxMethod m : allSoftmaxMethods) {
        SoftmaxMethodResult r;
        r.method = m;
        SoftmaxFlags flags;
        switch (m) {
        case SoftmaxMethod::Naive:
            naiveSoftmax<Scalar>(z, out, &flags);
            r.values = widen(out);
            break;
        case SoftmaxMethod::Shifted:
            shiftedSoftmax<Scalar>(z, out, &flags);
            r.values = widen(out);
            break;
        case SoftmaxMethod::LogSoftmax: {
            logSoftmax<Scalar>(z, out, &flags);
            r.logValues = widen(out);
            Vector<Scalar> p(n);
            safeExp(out.data(), p.data(), n);
            r.values = widen(p);
            break;
        }
        case SoftmaxMethod::Higham: {
            const HighamResult<Scalar> h = highamSoftmax<Scalar>(z, &flags);
            r.values = widen(h.softmax);
            r.logValues = widen(h.logSoftmax);
            break;
        }
        case SoftmaxMethod::Online:
            onlineSoftmax<Scalar>(z, out, &flags);
            r.values = widen(out);
            break;
        }
        r.overflow = flags.overflow || flags.sumOverflow;
        r.sumOverflow = flags.sumOverflow;
        r.underflow = flags.underflow;
        r.nan = std::any_of(r.values.begin(), r.values.end(), [](long double v) { return std::isnan(v); })
            || std::any_of(r.logValues.begin(), r.logValues.end(), [](long double v) { return std::isnan(v); });
        results.push_back(std::move(r));
    }
    return results;
}

} // namespace

std::vector<SoftmaxMethodResult> computeSoftmaxMethods(const std::vector<long double> &logits, Format f)
{
    return visitFormat(f, [&](auto tag) { return runMethods<typename decltype(tag)::type>(logits); });
}

SoftmaxReport computeSoftmaxReport(const std::vector<long double> &logits, Format f)
{
    SoftmaxReport report;
    report.format = f;
    report.logits = logits;
    report.reference = softmaxReference(logits);
    for (const mpfr::mpreal &p : report.reference.softmax)
        report.referenceRounded.push_back(roundToFormat(p, f));
    report.methods = computeSoftmaxMethods(logits, f);
    for (SoftmaxMethodResult &r : report.methods) {
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            const double e = ulpError(r.values[i], report.reference.softmax[i], f);
            r.ulpErrors.push_back(e);
            // NaN (a number where the reference is NaN) dominates; otherwise the largest error.
            r.maxUlpError = (std::isnan(e) || std::isnan(r.maxUlpError)) ? std::nan("") : std::max(r.maxUlpError, e);
        }
        for (std::size_t i = 0; i < r.logValues.size(); ++i)
            r.logUlpErrors.push_back(ulpError(r.logValues[i], report.reference.logSoftmax[i], f));
    }
    return report;
}

} // namespace logitlab

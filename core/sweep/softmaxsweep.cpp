// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/softmaxsweep.h"

#include "precision/mpfrutil.h"
#include "softmax/softmaxreport.h"
#include "sweep/parallelfor.h"

#include <atomic>
#include <cmath>

namespace logitlab {

int softmaxSweepPointCount(std::size_t n)
{
    return static_cast<int>(std::clamp<std::size_t>(24000 / std::max<std::size_t>(n, 1), 40, 240));
}

SoftmaxSweep computeSoftmaxSweep(const std::vector<long double> &logits, Format f,
    const std::function<bool()> &cancelled, const std::function<void(int, int)> &progress)
{
    SoftmaxSweep sweep {f, {}};
    long double base = 0;
    for (long double z : logits) {
        if (!std::isfinite(z))
            return sweep;
        base = std::max(base, std::fabs(z));
    }
    if (base == 0 || logits.empty())
        return sweep;
    const int count = softmaxSweepPointCount(logits.size());
    const double lo = std::log10(0.1), hi = std::log10(20000.0);
    sweep.points.resize(static_cast<std::size_t>(count));
    std::atomic<int> done {0};
    parallelFor(
        static_cast<std::size_t>(count),
        [&](std::size_t k) {
            const WideExponentRange range;
            const long double target = std::pow(10.0L, lo + (hi - lo) * static_cast<long double>(k) / (count - 1));
            const long double s = target / base;
            std::vector<long double> z(logits.size());
            long double m = 0;
            for (std::size_t i = 0; i < z.size(); ++i) {
                z[i] = roundToFormat(exactValue(logits[i] * s), f);
                m = std::max(m, std::fabs(z[i]));
            }
            const SoftmaxReport r = computeSoftmaxReport(z, f);
            SoftmaxSweepPoint &p = sweep.points[k];
            p.maxAbsLogit = static_cast<double>(m);
            for (std::size_t j = 0; j < r.methods.size() && j < p.maxUlpError.size(); ++j) {
                p.maxUlpError[j] = r.methods[j].maxUlpError;
                p.nan[j] = r.methods[j].nan;
            }
            const int d = ++done;
            if (progress)
                progress(d, count);
        },
        cancelled);
    if (cancelled())
        sweep.points.clear(); // points finish out of order: a cancelled sweep is discarded whole
    return sweep;
}

std::optional<NanRegion> nanRegion(const SoftmaxSweep &s, SoftmaxMethod m)
{
    std::optional<NanRegion> region;
    for (const SoftmaxSweepPoint &p : s.points) {
        if (!p.nan[static_cast<std::size_t>(m)])
            continue;
        if (!region)
            region = NanRegion {p.maxAbsLogit, p.maxAbsLogit};
        region->from = std::min(region->from, p.maxAbsLogit);
        region->to = std::max(region->to, p.maxAbsLogit);
    }
    return region;
}

std::vector<long double> scaledLogits(const std::vector<std::string> &tokens, const std::string &scale, Format f)
{
    const WideExponentRange range;
    const mpfr::mpreal s = decimalToMp(scale, 2 * referencePrecision).value_or(mpfr::mpreal(1));
    std::vector<long double> out;
    out.reserve(tokens.size());
    for (const std::string &t : tokens) {
        const std::optional<mpfr::mpreal> v = decimalToMp(t, 2 * referencePrecision);
        if (!v) {
            out.push_back(std::numeric_limits<long double>::quiet_NaN());
            continue;
        }
        out.push_back(roundToFormat(mpfr::mpreal(*v * s), f));
    }
    return out;
}

std::vector<long double> temperedLogits(
    const std::vector<std::string> &tokens, const std::string &temperature, Format f)
{
    const WideExponentRange range;
    const mpfr::mpreal t = decimalToMp(temperature, 2 * referencePrecision).value_or(mpfr::mpreal(1));
    std::vector<long double> out;
    out.reserve(tokens.size());
    for (const std::string &token : tokens) {
        const std::optional<mpfr::mpreal> v = decimalToMp(token, 2 * referencePrecision);
        out.push_back(v ? roundToFormat(mpfr::mpreal(*v / t), f) : std::numeric_limits<long double>::quiet_NaN());
    }
    return out;
}

} // namespace logitlab

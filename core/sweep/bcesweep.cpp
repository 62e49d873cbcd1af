// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/bcesweep.h"

#include "losses/lossreport.h"
#include "precision/mpfrutil.h"
#include "precision/ulperror.h"
#include "sweep/parallelfor.h"

#include <atomic>

namespace logitlab {

BceSweep computeBceSweep(double from, double to, int points, long double y, Format f,
    const std::function<bool()> &cancelled, const std::function<void(int, int)> &progress)
{
    BceSweep s;
    s.format = f;
    s.label = y;
    const auto n = static_cast<std::size_t>(std::max(points, 2));
    s.z.resize(n);
    for (auto *v : {&s.loss, &s.gradient, &s.relativeError})
        for (auto &vec : *v)
            vec.resize(n);
    s.referenceLoss.resize(n);
    s.referenceGradient.resize(n);
    s.lossUnderflows.resize(n);
    std::atomic<int> done {0};
    parallelFor(
        n,
        [&](std::size_t i) {
            const WideExponentRange range;
            const double t = static_cast<double>(i) / static_cast<double>(n - 1);
            const long double z = roundToFormat(exactValue(from + (to - from) * t), f);
            const BceReport r = computeBceReport(z, y, f);
            s.z[i] = static_cast<double>(z);
            for (std::size_t m = 0; m < 3; ++m) {
                s.loss[m][i] = static_cast<double>(r.methods[m].loss);
                s.gradient[m][i] = static_cast<double>(r.methods[m].gradient.front());
                s.relativeError[m][i] = relativeError(r.methods[m].loss, r.reference);
            }
            s.referenceLoss[i] = r.reference.toDouble();
            s.referenceGradient[i] = r.referenceGradient.toDouble();
            s.lossUnderflows[i] = r.referenceRounded == 0 && r.reference > 0;
            const int d = ++done;
            if (progress && d % 256 == 0)
                progress(d, static_cast<int>(n));
        },
        cancelled);
    if (cancelled())
        return {};
    return s;
}

} // namespace logitlab

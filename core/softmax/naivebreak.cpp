// SPDX-License-Identifier: GPL-3.0-or-later
#include "softmax/naivebreak.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace logitlab {

long double expOverflowThreshold(Format f)
{
    const FormatInfo &info = formatInfo(f);
    const long double r = std::ldexp(1.0L, -(info.precision + 1)) / (1 - std::ldexp(1.0L, -info.precision));
    return info.lnMax + std::log1p(r);
}

long double expZeroThreshold(Format f)
{
    return formatInfo(f).lnMinSubnormal - std::numbers::ln2_v<long double>;
}

std::array<NaiveBreak, allFormats.size()> naiveBreaks(const std::vector<long double> &z)
{
    const bool always = std::any_of(z.begin(), z.end(), [](long double v) { return std::isnan(v) || v == INFINITY; })
        || (!z.empty() && std::all_of(z.begin(), z.end(), [](long double v) { return v == -INFINITY; }));
    long double m = -INFINITY;
    for (long double v : z)
        if (std::isfinite(v))
            m = std::max(m, v);
    std::array<NaiveBreak, allFormats.size()> out {};
    for (std::size_t i = 0; i < allFormats.size(); ++i) {
        NaiveBreak &b = out[i];
        b.format = allFormats[i];
        if (always) {
            b.kind = NaiveBreakKind::Always;
        } else if (!std::isfinite(m)) {
            continue; // no logits: Never
        } else if (m > 0) {
            b.kind = NaiveBreakKind::Overflow;
            b.threshold = expOverflowThreshold(b.format);
            b.below = m / b.threshold;
        } else if (m < 0) {
            b.kind = NaiveBreakKind::Underflow;
            b.threshold = expZeroThreshold(b.format);
            b.below = m / b.threshold;
        }
    }
    return out;
}

} // namespace logitlab

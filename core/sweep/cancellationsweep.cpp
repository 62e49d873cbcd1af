// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/cancellationsweep.h"

#include "expr/expressionresult.h"
#include "sweep/parallelfor.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>

namespace logitlab {

CancellationSweep computeCancellationSweep(int points, const std::function<bool()> &cancelled)
{
    CancellationSweep s;
    const auto count = static_cast<std::size_t>(std::max(points, 2));
    s.n.resize(count);
    for (auto &v : s.relativeError)
        v.resize(count);
    for (auto &v : s.epsilonN)
        v.resize(count);
    parallelFor(
        count,
        [&](std::size_t i) {
            const double n = std::round(std::pow(10.0, 8.0 * static_cast<double>(i) / static_cast<double>(count - 1)));
            s.n[i] = n;
            const std::string N = std::to_string(static_cast<long long>(n));
            auto parsed = parseExpression("(1+1/" + N + ")-(1-1/" + N + ")");
            const Expression &e = std::get<Expression>(parsed);
            for (std::size_t f = 0; f < allFormats.size(); ++f) {
                s.relativeError[f][i] = evaluateExpression(e, allFormats[f]).relError;
                s.epsilonN[f][i] = std::min(1.0, static_cast<double>(formatInfo(allFormats[f]).epsilon) * n);
            }
        },
        cancelled);
    if (cancelled())
        return {};
    return s;
}

} // namespace logitlab

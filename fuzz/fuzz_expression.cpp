// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target: expressions (core/expr) parsed and evaluated from any text. The first byte
 * picks the format; the rest is the expression. Invariants: an error lies inside the text; the
 * exact value's bounds are ordered and contain the midpoint; a Determined value rounds to
 * exactRounded from both bounds; the evaluation stays within its budget (4,096 bits, 200 ms).
 */
#include "expr/expressionresult.h"
#include "fuzzinput.h"

#include <chrono>
#include <cmath>
#include <variant>

using namespace logitlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzinput::Bytes in {data, size};
    const Format f = fuzzinput::format(in.take(1));
    const std::string_view text = in.rest();
    auto parsed = parseExpression(text);
    if (auto *error = std::get_if<ExprError>(&parsed)) {
        if (error->position > text.size() || error->length > text.size() - error->position)
            fuzzinput::fail("expression error outside the text");
        return 0;
    }
    const Expression &e = std::get<Expression>(parsed);
    ExactBudget budget;
    budget.maxBits = 4096;
    budget.time = std::chrono::milliseconds(200);
    const auto start = std::chrono::steady_clock::now();
    const ExactValue v = evaluateExact(e, std::span<const Format>(&f, 1), budget);
    const ExpressionResult r = evaluateExpression(e, f, v);
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(5))
        fuzzinput::fail("evaluation far past its 200 ms budget");
    if (r.steps.empty() || !fuzzinput::same(r.steps.back().value, r.value))
        fuzzinput::fail("the last step is not the value");
    const bool undefined = mpfr::isnan(v.lower) || mpfr::isnan(v.upper);
    if (!undefined && !(v.lower <= v.upper))
        fuzzinput::fail("exact bounds out of order");
    if (v.status == ExactStatus::Determined && !undefined) {
        if (!fuzzinput::same(roundToFormat(v.lower, f), r.exactRounded)
            || !fuzzinput::same(roundToFormat(v.upper, f), r.exactRounded))
            fuzzinput::fail("a Determined value whose bounds round differently");
        if (!(v.lower <= v.value && v.value <= v.upper))
            fuzzinput::fail("exact value outside its bounds");
    }
    return 0;
}

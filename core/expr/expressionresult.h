#pragma once
/** \file
 * An expression evaluated in one format, operation by operation, beside its exact value.
 */
#include "expr/expression.h"
#include "precision/format.h"

#include <mpreal.h>

#include <string>
#include <vector>

namespace logitlab {

/** \brief One rounded operation (or literal) of the evaluation, in evaluation order. */
struct ExprStep {
    std::string text; ///< the source text of the sub-expression
    long double value = 0; ///< its value in the format (each operation rounded once)
    bool literal = false; ///< a literal rounded to the format (as a compiler would)
};

/** \brief The result and its error. */
struct ExpressionResult {
    Format format {};
    long double value = 0; ///< the stored result in the format
    std::vector<ExprStep> steps; ///< every literal and operation in evaluation order
    bool nan = false; ///< an operation produced NaN from non-NaN operands
    bool overflow = false; ///< an operation on finite operands gave +-inf
    bool underflow = false; ///< a literal or an operation gave a subnormal, or 0 from non-zero operands
    mpfr::mpreal exact; ///< the exact value of the expression (interval midpoint)
    bool exactKnown = true; ///< false if the interval never narrowed enough (exact is then a best guess)
    std::string
        exactDigits; ///< the exact value to 34 significant digits, e.g. "2.000000000000000000000000000000000e-04"
    long double exactRounded = 0; ///< the exact value correctly rounded to the format
    double absError = 0; ///< |value - exact|
    double relError = 0; ///< |value - exact| / |exact|
    double ulpError = 0; ///< |value - exact| in ULPs of the format at the exact value
    double ulpDistance = 0; ///< how many floats apart value and exactRounded are
};

/**
 * Evaluates \a e with every literal and every operation rounded to \a f, and its exact value by
 * interval arithmetic in MPFR (outward rounding), the precision doubled until the interval is
 * narrower than 2^-112 relative and rounds to one value in every format (Ziv's strategy).
 */
ExpressionResult evaluateExpression(const Expression &e, Format f);

} // namespace logitlab

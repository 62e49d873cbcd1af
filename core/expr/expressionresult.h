// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * An expression evaluated in one format, operation by operation, beside its exact value.
 */
#include "expr/expression.h"
#include "precision/format.h"
#include "precision/mpfrutil.h"

#include <mpreal.h>

#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace logitlab {

/** \brief One rounded operation (or literal) of the evaluation, in evaluation order. */
struct ExprStep {
    std::string text; ///< the source text of the sub-expression
    long double value = 0; ///< its value in the format (each operation rounded once)
    bool literal = false; ///< a literal rounded to the format (as a compiler would)
};

/** \brief How far the exact value was pinned down (the UI and the CLI put it in words). */
enum class ExactStatus {
    Determined, ///< narrow enough and rounding to one value in every requested format, or proven undefined
    PrecisionLimit, ///< still undecided at ExactBudget::maxBits
    TimeLimit, ///< ExactBudget::time ran out; the bounds are those of the last precision finished
    Cancelled, ///< the caller's cancel predicate asked to stop; bounds as for TimeLimit
    /**
     * Finite but past MPFR's widest range (exp(1e30) = 10^(4.3e29)): the interval is [lower, inf]
     * or [-inf, upper] and every requested format rounds it to that infinity. Its rounding, and so
     * its errors, are known; its digits are not (ExactValue::value is NaN).
     */
    BeyondRange,
};

/** Time the exact evaluation may take by default: ordinary expressions need milliseconds. */
inline constexpr std::chrono::milliseconds defaultExactTime {2000};

/**
 * \brief Limits of the exact evaluation. Ordinary expressions stay far below both: a value
 * decides at 256-1024 bits, an exact zero from cancellation (exp(1)-exp(1)) at 32,768 (its
 * interval must shrink below 2^-16446, half float80's smallest subnormal), in milliseconds.
 */
struct ExactBudget {
    mpfr_prec_t maxBits = maxReferencePrecision; ///< largest working precision tried (65,536 bits)
    std::chrono::milliseconds time = defaultExactTime; ///< wall-clock time for all precisions together
    std::function<bool()> cancelled; ///< polled before every operation; stop when it returns true (may be empty)
};

/** \brief The exact value of an expression as far as its budget allowed. */
struct ExactValue {
    ExactStatus status = ExactStatus::Determined;
    mpfr_prec_t bits = 0; ///< working precision of the bounds: the precision reached (0 if none finished)
    mpfr::mpreal lower, upper; ///< lower <= exact <= upper, always true (NaN: no real value)
    mpfr::mpreal value; ///< the exact value; if not Determined, the midpoint when the bounds agree to 2^-112, else NaN
    std::string digits; ///< value to 34 significant digits, "nan", "inf", "-inf" or "0"
    std::string lowerDigits, upperDigits; ///< the bounds to 34 digits, rounded outward (still bounds)
};

/**
 * The exact value of \a e by interval arithmetic in MPFR (outward rounding), the precision
 * doubled from 256 bits until the interval is narrower than 2^-112 relative and rounds to one value
 * in every format of \a formats (Ziv's strategy), or until \a budget is spent.
 */
ExactValue evaluateExact(
    const Expression &e, std::span<const Format> formats = allFormats, const ExactBudget &budget = {});

/** \brief The result and its error. */
struct ExpressionResult {
    Format format {};
    long double value = 0; ///< the stored result in the format
    std::vector<ExprStep> steps; ///< every literal and operation in evaluation order
    bool nan = false; ///< an operation produced NaN from non-NaN operands
    bool overflow = false; ///< an operation on finite operands gave +-inf
    bool underflow = false; ///< a literal or an operation gave a subnormal, or 0 from non-zero operands
    mpfr::mpreal exact; ///< the exact value of the expression (ExactValue::value)
    bool exactKnown = true; ///< exactStatus == ExactStatus::Determined
    ExactStatus exactStatus = ExactStatus::Determined;
    mpfr_prec_t exactBits = 0; ///< the precision the exact value was determined to (ExactValue::bits)
    std::string exactLowerDigits, exactUpperDigits; ///< bounds of the exact value (ExactValue::lowerDigits...)
    std::string
        exactDigits; ///< the exact value to 34 significant digits, e.g. "2.000000000000000000000000000000000e-04"
    long double exactRounded = 0; ///< the exact value correctly rounded to the format; NaN if undecided
    double absError = 0; ///< |value - exact| (NaN when the exact value is not known)
    double relError = 0; ///< |value - exact| / |exact|
    double ulpError = 0; ///< |value - exact| in ULPs of the format at the exact value
    double ulpDistance = 0; ///< how many floats apart value and exactRounded are
    // BeyondRange: the errors are measured from the finite bound; every one of them rounds to
    // the same double as the error from the exact value would (inf, or 1 for the relative error
    // of a finite value), since that bound is past 2^(2^62).
};

/** Evaluates \a e with every literal and every operation rounded to \a f, beside \a exact. */
ExpressionResult evaluateExpression(const Expression &e, Format f, const ExactValue &exact);

/** Same, with the exact value decided in every format within \a budget (evaluateExact). */
ExpressionResult evaluateExpression(const Expression &e, Format f, const ExactBudget &budget = {});

/** \a e in each of \a formats, its exact value computed once and decided in those formats. */
std::vector<ExpressionResult> evaluateInFormats(
    const Expression &e, std::span<const Format> formats, const ExactBudget &budget = {});

} // namespace logitlab

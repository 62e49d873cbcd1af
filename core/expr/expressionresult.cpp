// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/expressionresult.h"

#include "precision/mpfrutil.h"
#include "precision/scalar.h"
#include "precision/ulperror.h"

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>

namespace logitlab {
namespace {

using mpfr::mpreal;

// ---- evaluation in the format -------------------------------------------------------------

template <class Scalar> struct FormatEvaluator {
    const std::string &source;
    ExpressionResult &result;

    Scalar note(const ExprNode &node, Scalar v, std::initializer_list<Scalar> operands)
    {
        bool operandNaN = false, operandInf = false, operandZero = false;
        for (Scalar o : operands) {
            operandNaN = operandNaN || Eigen::numext::isnan(o);
            operandInf = operandInf || Eigen::numext::isinf(o);
            operandZero = operandZero || o == Scalar(0);
        }
        if (Eigen::numext::isnan(v) && !operandNaN)
            result.nan = true;
        if (Eigen::numext::isinf(v) && !operandInf && !operandNaN && node.op != ExprOp::Div && node.op != ExprOp::Log)
            result.overflow = true;
        if (Eigen::numext::isinf(v) && node.op == ExprOp::Div && !operandInf && !operandZero)
            result.overflow = true;
        const Scalar a = v < Scalar(0) ? Scalar(-v) : v;
        if ((a > Scalar(0) && a < std::numeric_limits<Scalar>::min())
            || (v == Scalar(0) && !operandZero && !operandInf && node.op != ExprOp::Sub && node.op != ExprOp::Add
                && node.op != ExprOp::Log && node.op != ExprOp::Log1p && node.op != ExprOp::Expm1))
            result.underflow = true;
        result.steps.push_back({source.substr(node.begin, node.end - node.begin), toLongDouble(v), false});
        return v;
    }

    Scalar eval(const ExprNode &node)
    {
        using namespace Eigen::numext;
        if (node.op == ExprOp::Literal) {
            const Scalar v = fromLongDouble<Scalar>(*decimalToFormat(node.literal, formatOf<Scalar>));
            result.steps.push_back({node.literal, toLongDouble(v), true});
            if (Eigen::numext::isinf(v))
                result.overflow = true;
            // A literal is tiny when it rounds to a subnormal, or to 0 from a non-zero decimal.
            const Scalar magnitude = v < Scalar(0) ? Scalar(-v) : v;
            const bool nonZeroText = node.literal.find_first_of("123456789") < node.literal.find_first_of("eE");
            if ((magnitude > Scalar(0) && magnitude < std::numeric_limits<Scalar>::min())
                || (magnitude == Scalar(0) && nonZeroText))
                result.underflow = true;
            return v;
        }
        const Scalar a = eval(*node.args[0]);
        const Scalar b = node.args.size() > 1 ? eval(*node.args[1]) : Scalar(0);
        switch (node.op) {
        case ExprOp::Add: return note(node, Scalar(a + b), {a, b});
        case ExprOp::Sub: return note(node, Scalar(a - b), {a, b});
        case ExprOp::Mul: return note(node, Scalar(a * b), {a, b});
        case ExprOp::Div: return note(node, Scalar(a / b), {a, b});
        case ExprOp::Neg: return note(node, Scalar(-a), {a});
        case ExprOp::Pow: return note(node, Scalar(pow(a, b)), {a, b});
        case ExprOp::Exp: return note(node, Scalar(exp(a)), {a});
        case ExprOp::Log: return note(node, Scalar(log(a)), {a});
        case ExprOp::Log1p: return note(node, Scalar(log1p(a)), {a});
        case ExprOp::Expm1: return note(node, Scalar(expm1(a)), {a});
        case ExprOp::Sqrt: return note(node, Scalar(sqrt(a)), {a});
        case ExprOp::Literal: break;
        }
        return a;
    }
};

// ---- exact value by interval arithmetic ---------------------------------------------------

/** \brief A closed interval [lo, hi] that contains the exact value; NaN bounds mean "undefined". */
struct Interval {
    mpreal lo, hi;
};

/** \brief Interval evaluation at one precision; stops (giving "undefined") once \a stop returns true. */
class IntervalEvaluator {
public:
    IntervalEvaluator(mpfr_prec_t p, const std::function<bool()> &stop) : m_p(p), m_stop(stop) { }

    /** True if the last eval() was cut short by the stop predicate (its result means nothing). */
    bool stopped() const { return m_stopped; }

    Interval eval(const ExprNode &node)
    {
        if (m_stopped || (m_stop && m_stop())) {
            m_stopped = true;
            return undefined();
        }
        if (node.op == ExprOp::Literal)
            return {*decimalToMp(node.literal, m_p, MPFR_RNDD), *decimalToMp(node.literal, m_p, MPFR_RNDU)};
        const Interval a = eval(*node.args[0]);
        const Interval b = node.args.size() > 1 ? eval(*node.args[1]) : Interval {};
        if (m_stopped || isUndefined(a) || (node.args.size() > 1 && isUndefined(b)))
            return undefined();
        switch (node.op) {
        case ExprOp::Add: return {op(mpfr_add, a.lo, b.lo, MPFR_RNDD), op(mpfr_add, a.hi, b.hi, MPFR_RNDU)};
        case ExprOp::Sub: return {op(mpfr_sub, a.lo, b.hi, MPFR_RNDD), op(mpfr_sub, a.hi, b.lo, MPFR_RNDU)};
        case ExprOp::Neg: return {-a.hi, -a.lo};
        case ExprOp::Mul: return corners(mpfr_mul, a, b, false);
        case ExprOp::Div:
            if (mpfr::iszero(b.lo) && mpfr::iszero(b.hi))
                return undefined(); // division by an exact zero has no real value
            if (b.lo <= 0 && b.hi >= 0)
                return {-inf(), inf()}; // the divisor's sign is not known yet: refine
            return corners(mpfr_div, a, b, false);
        case ExprOp::Pow: return power(a, b);
        case ExprOp::Exp: return monotone(mpfr_exp, a);
        case ExprOp::Expm1: return monotone(mpfr_expm1, a);
        case ExprOp::Log:
            if (a.hi < 0)
                return undefined();
            if (a.lo < 0)
                return {-inf(), mono1(mpfr_log, a.hi, MPFR_RNDU)}; // straddles 0: refine
            return monotone(mpfr_log, a);
        case ExprOp::Log1p:
            if (a.hi < -1)
                return undefined();
            if (a.lo < -1)
                return {-inf(), mono1(mpfr_log1p, a.hi, MPFR_RNDU)};
            return monotone(mpfr_log1p, a);
        case ExprOp::Sqrt:
            if (a.hi < 0)
                return undefined();
            if (a.lo < 0)
                return {mpreal(0, m_p), mono1(mpfr_sqrt, a.hi, MPFR_RNDU)};
            return monotone(mpfr_sqrt, a);
        case ExprOp::Literal: break;
        }
        return a;
    }

    static bool isUndefined(const Interval &i) { return mpfr::isnan(i.lo) || mpfr::isnan(i.hi); }

private:
    using Binary = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);
    using Unary = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

    mpreal inf() const { return mpreal(std::numeric_limits<double>::infinity(), m_p); }
    Interval undefined() const
    {
        const mpreal nan(std::numeric_limits<double>::quiet_NaN(), m_p);
        return {nan, nan};
    }

    mpreal op(Binary f, const mpreal &x, const mpreal &y, mpfr_rnd_t rnd) const
    {
        mpreal r(0, m_p);
        f(r.mpfr_ptr(), x.mpfr_srcptr(), y.mpfr_srcptr(), rnd);
        return r;
    }

    mpreal mono1(Unary f, const mpreal &x, mpfr_rnd_t rnd) const
    {
        mpreal r(0, m_p);
        f(r.mpfr_ptr(), x.mpfr_srcptr(), rnd);
        return r;
    }

    Interval monotone(Unary f, const Interval &a) const
    {
        return {mono1(f, a.lo, MPFR_RNDD), mono1(f, a.hi, MPFR_RNDU)};
    }

    /** min and max of f over the four corners; \a withZero adds the point 0 to the candidates. */
    Interval corners(Binary f, const Interval &a, const Interval &b, bool withZero) const
    {
        Interval r {inf(), -inf()};
        bool any = false;
        for (const mpreal *x : {&a.lo, &a.hi})
            for (const mpreal *y : {&b.lo, &b.hi}) {
                const mpreal lo = op(f, *x, *y, MPFR_RNDD);
                const mpreal hi = op(f, *x, *y, MPFR_RNDU);
                if (mpfr::isnan(lo) || mpfr::isnan(hi))
                    continue; // 0 * inf at an unbounded corner: covered by refining
                r.lo = any ? mpfr::min(r.lo, lo) : lo;
                r.hi = any ? mpfr::max(r.hi, hi) : hi;
                any = true;
            }
        if (!any)
            return undefined();
        if (withZero) {
            r.lo = mpfr::min(r.lo, mpreal(0, m_p));
            r.hi = mpfr::max(r.hi, mpreal(0, m_p));
        }
        return r;
    }

    Interval power(const Interval &a, const Interval &b) const
    {
        const bool exactExponent = b.lo == b.hi;
        // 0^y for y < 0 is 1/0: no real value, as for the division.
        if (mpfr::iszero(a.lo) && mpfr::iszero(a.hi) && b.hi < 0)
            return undefined();
        // x^0 = 1 for every x, 0 included (IEEE 754 pow and MPFR agree).
        if (exactExponent && mpfr::iszero(b.lo))
            return Interval {mpreal(1, m_p), mpreal(1, m_p)};
        if (a.lo > 0 || (a.lo >= 0 && b.lo > 0))
            return positivePower(a, b);
        if (exactExponent && mpfr::isint(b.lo)) {
            // Integer exponent and a base that may be <= 0: the extremes are at the ends, or at 0.
            const bool straddles = a.lo <= 0 && a.hi >= 0;
            return corners(mpfr_pow, a, b, straddles && b.lo > 0);
        }
        // A base that may be negative and an exponent known only to lie in [b.lo, b.hi]: if that
        // holds an integer, the exponent may be it and (-2)^3 = -8 is real; only more bits can tell.
        if (a.lo < 0 && !exactExponent && mpfr::floor(b.hi) >= b.lo)
            return {-inf(), inf()};
        // A non-integer exponent: only bases >= 0 have a real power (as for sqrt).
        if (a.hi < 0)
            return undefined();
        if (b.lo > 0)
            return positivePower(Interval {mpreal(0, m_p), a.hi}, b);
        return Interval {mpreal(0, m_p), inf()}; // 0^y with y <= 0 may be 1/0: refine
    }

    /**
     * x^y for x in a (a.lo >= 0), y in b, where it is continuous. x^y = exp(y ln x) grows with x
     * when y >= 0 and with y when x >= 1: then two powers give the bounds; else the four corners.
     */
    Interval positivePower(const Interval &a, const Interval &b) const
    {
        const bool yUp = b.lo >= 0, yDown = b.hi <= 0; // sign of y: x^y grows / falls with x
        const bool xUp = a.lo >= 1, xDown = a.hi <= 1; // x >= 1: x^y grows with y; x <= 1: falls
        if ((!yUp && !yDown) || (!xUp && !xDown))
            return corners(mpfr_pow, a, b, false);
        const mpreal &xLo = yUp ? a.lo : a.hi, &xHi = yUp ? a.hi : a.lo;
        const mpreal &yLo = xUp ? b.lo : b.hi, &yHi = xUp ? b.hi : b.lo;
        return {op(mpfr_pow, xLo, yLo, MPFR_RNDD), op(mpfr_pow, xHi, yHi, MPFR_RNDU)};
    }

    mpfr_prec_t m_p;
    const std::function<bool()> &m_stop;
    bool m_stopped = false;
};

/** Interval narrow enough: 2^-112 relative, or an interval around 0 below every format's reach. */
bool narrowEnough(const Interval &i)
{
    if (i.lo == i.hi || mpfr::isinf(i.lo) || mpfr::isinf(i.hi))
        return i.lo == i.hi;
    const mpreal width = i.hi - i.lo;
    const mpreal magnitude = mpfr::max(mpfr::abs(i.lo), mpfr::abs(i.hi));
    if (i.lo <= 0 && i.hi >= 0)
        return width < mpfr::ldexp(mpreal(1), -16500); // below half float80's smallest subnormal
    return width <= mpfr::ldexp(magnitude, -112);
}

/**
 * One bound infinite, the other finite: MPFR overflowed (its widest range ends near 2^(2^62)),
 * for no other interval of the evaluator has one finite and one infinite bound of the same side.
 * A finite bound near 0 (log of an interval straddling 0: [-inf, log hi]) is ruled out by
 * decided(), which also requires that every format rounds the finite bound to the infinity.
 */
bool beyondRange(const Interval &i)
{
    return (mpfr::isinf(i.hi) && i.hi > 0 && mpfr::isregular(i.lo) && i.lo > 0)
        || (mpfr::isinf(i.lo) && i.lo < 0 && mpfr::isregular(i.hi) && i.hi < 0);
}

/** \a x to 34 significant digits, rounded in direction \a rnd ("nan", "inf", "-inf" and "0" as words). */
std::string significantDigits(const mpreal &x, mpfr_rnd_t rnd = MPFR_RNDN)
{
    if (mpfr::isnan(x))
        return "nan";
    if (mpfr::isinf(x))
        return x > 0 ? "inf" : "-inf";
    if (mpfr::iszero(x))
        return "0";
    char *text = nullptr;
    mpfr_asprintf(&text, "%.33R*e", rnd, x.mpfr_srcptr());
    std::string s(text);
    mpfr_free_str(text);
    return s;
}

/** True if every real in \a i rounds to the same value (either zero counting as 0) in each of \a formats. */
bool decided(const Interval &i, std::span<const Format> formats)
{
    if (roundsToOneValue(i.lo, i.hi)) // in every format
        return true;
    for (Format f : formats)
        if (!(roundToFormat(i.lo.mpfr_srcptr(), f, MPFR_RNDN) == roundToFormat(i.hi.mpfr_srcptr(), f, MPFR_RNDN)))
            return false;
    return true;
}

} // namespace

ExactValue evaluateExact(const Expression &e, std::span<const Format> formats, const ExactBudget &budget)
{
    WideExponentRange wide;
    ExactValue x;
    const auto deadline = std::chrono::steady_clock::now() + budget.time;
    bool timeUp = false, cancelled = false;
    const std::function<bool()> stop = [&] {
        cancelled = cancelled || (budget.cancelled && budget.cancelled());
        timeUp = timeUp || std::chrono::steady_clock::now() >= deadline;
        return cancelled || timeUp;
    };
    const mpreal nan(std::numeric_limits<double>::quiet_NaN());
    Interval exact {-mpreal(std::numeric_limits<double>::infinity()), mpreal(std::numeric_limits<double>::infinity())};
    bool done = !e.root, beyond = false;
    if (done)
        exact = {nan, nan};
    // Ziv's loop, precision doubled from referencePrecision; stops early once the budget is spent.
    for (mpfr_prec_t p = referencePrecision; !done && p <= budget.maxBits && !stop(); p *= 2) {
        IntervalEvaluator evaluator(p, stop);
        const Interval attempt = evaluator.eval(*e.root);
        if (evaluator.stopped())
            break; // keep the bounds of the last precision that finished
        exact = attempt;
        x.bits = p;
        done = IntervalEvaluator::isUndefined(exact) || (narrowEnough(exact) && decided(exact, formats));
        beyond = !done && beyondRange(exact) && decided(exact, formats);
        if (beyond)
            break; // more bits cannot bring an overflowed bound back
    }
    x.status = beyond ? ExactStatus::BeyondRange
        : done        ? ExactStatus::Determined
        : cancelled   ? ExactStatus::Cancelled
        : timeUp      ? ExactStatus::TimeLimit
                      : ExactStatus::PrecisionLimit;
    x.lower = exact.lo;
    x.upper = exact.hi;
    if (IntervalEvaluator::isUndefined(exact)) {
        x.value = nan;
    } else if (exact.lo <= 0 && exact.hi >= 0 && narrowEnough(exact)) {
        x.value = mpreal(0, x.bits); // |exact| < 2^-16500: zero in every format
    } else if (done || narrowEnough(exact)) {
        x.value = (exact.lo + exact.hi) / 2;
    } else {
        x.value = nan; // the bounds are all that is known: no guess
    }
    x.digits = significantDigits(x.value);
    x.lowerDigits = significantDigits(x.lower, MPFR_RNDD);
    x.upperDigits = significantDigits(x.upper, MPFR_RNDU);
    return x;
}

ExpressionResult evaluateExpression(const Expression &e, Format f, const ExactValue &exact)
{
    ExpressionResult r;
    r.format = f;
    if (!e.root)
        return r;
    r.value = visitFormat(f, [&](auto tag) {
        using Scalar = typename decltype(tag)::type;
        FormatEvaluator<Scalar> evaluator {e.source, r};
        return toLongDouble(evaluator.eval(*e.root));
    });

    WideExponentRange wide;
    r.exactStatus = exact.status;
    r.exactKnown = exact.status == ExactStatus::Determined;
    r.exactBits = exact.bits;
    r.exactLowerDigits = exact.lowerDigits;
    r.exactUpperDigits = exact.upperDigits;
    r.exact = exact.value;
    r.exactDigits = exact.digits;
    // Not determined, the bounds may still round to one value in this format (a tie in another).
    const Format one[] = {f};
    r.exactRounded = r.exactKnown                  ? roundToFormat(exact.value, f)
        : decided({exact.lower, exact.upper}, one) ? roundToFormat(exact.lower, f)
                                                   : std::numeric_limits<long double>::quiet_NaN();
    // Beyond MPFR's range the finite bound stands in for the exact value (see ExpressionResult).
    const mpreal &from = exact.status != ExactStatus::BeyondRange ? r.exact
        : mpfr::isinf(exact.upper)                                ? exact.lower
                                                                  : exact.upper;
    r.absError = absoluteError(r.value, from);
    r.relError = relativeError(r.value, from);
    r.ulpError = ulpError(r.value, from, f);
    r.ulpDistance = ulpDistance(r.value, r.exactRounded, f);
    return r;
}

ExpressionResult evaluateExpression(const Expression &e, Format f, const ExactBudget &budget)
{
    return evaluateExpression(e, f, evaluateExact(e, allFormats, budget));
}

std::vector<ExpressionResult> evaluateInFormats(
    const Expression &e, std::span<const Format> formats, const ExactBudget &budget)
{
    const ExactValue exact = evaluateExact(e, formats, budget);
    std::vector<ExpressionResult> results;
    for (Format f : formats)
        results.push_back(evaluateExpression(e, f, exact));
    return results;
}

} // namespace logitlab

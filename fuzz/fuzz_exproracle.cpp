// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target with an oracle: one operation on representable inputs, written as the
 * expression a student would type ("(x)+(y)", "sqrt(x)", "exp(x)"...), evaluated in the format.
 *
 * - + - * / sqrt: the format's result must be the correctly rounded exact result. The oracle is
 *   MPFR at 256 bits, rounded again to the format: for these five operations a second rounding
 *   from q >= 2p + 2 bits is innocuous (Figueroa, "When is double rounding innocuous?", SIGNUM
 *   1995), and 256 >= 2 * 64 + 2.
 * - exp, log: within 1 ulp of the exact value (glibc's expf/exp/log/logf are below 1 ulp, and
 *   its x87 expl/logl likewise; half and bfloat16 round a float result once more: 0.5 + 2^-13).
 * - For every operation the exact value (interval arithmetic, from the inputs' exact decimal
 *   expansions) must be decided (BeyondRange where MPFR itself overflows) and equal the oracle's
 *   correct rounding.
 */
#include "expr/expressionresult.h"
#include "fuzzinput.h"
#include "precision/floatanatomy.h"
#include "precision/mpfrutil.h"
#include "precision/ulperror.h"
#include "text/numbertext.h"

#include <cmath>
#include <string>
#include <variant>

using namespace logitlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzinput::Bytes in {data, size};
    const Format f = fuzzinput::format(in.take(1));
    const int op = int(in.take(1) % 7);
    const long double x = fuzzinput::valueFromBits(f, in);
    const long double y = fuzzinput::valueFromBits(f, in);
    if (std::isnan(x) || std::isnan(y))
        return 0;
    // The inputs as their exact decimal expansions, so that the exact value (which reads the
    // literals exactly) is the operation on x and y themselves. Expansions longer than 1,500
    // characters (float64 and float80 extremes) are written as shortest text instead, which
    // reads back to x in the format but not exactly: then only the format's result is checked.
    const std::string ex = exactDecimal(x), ey = exactDecimal(y);
    const bool exactInputs = ex.size() <= 1500 && ey.size() <= 1500;
    const std::string a = "(" + (exactInputs ? ex : shortestText(x, f)) + ")";
    const std::string b = "(" + (exactInputs ? ey : shortestText(y, f)) + ")";
    static const char *const names[] = {"+", "-", "*", "/", "sqrt", "exp", "log"};
    const std::string text = op < 4 ? a + names[op] + b : std::string(names[op]) + a;

    auto parsed = parseExpression(text);
    if (!std::holds_alternative<Expression>(parsed))
        fuzzinput::fail("a representable operation did not parse");
    const ExpressionResult r = evaluateExpression(std::get<Expression>(parsed), f);

    WideExponentRange wide;
    const mpfr::mpreal mx = exactValue(x, 256), my = exactValue(y, 256);
    mpfr::mpreal exact(0, 256);
    mpfr_clear_flags();
    switch (op) {
    case 0: mpfr_add(exact.mpfr_ptr(), mx.mpfr_srcptr(), my.mpfr_srcptr(), MPFR_RNDN); break;
    case 1: mpfr_sub(exact.mpfr_ptr(), mx.mpfr_srcptr(), my.mpfr_srcptr(), MPFR_RNDN); break;
    case 2: mpfr_mul(exact.mpfr_ptr(), mx.mpfr_srcptr(), my.mpfr_srcptr(), MPFR_RNDN); break;
    case 3: mpfr_div(exact.mpfr_ptr(), mx.mpfr_srcptr(), my.mpfr_srcptr(), MPFR_RNDN); break;
    case 4: mpfr_sqrt(exact.mpfr_ptr(), mx.mpfr_srcptr(), MPFR_RNDN); break;
    case 5: mpfr_exp(exact.mpfr_ptr(), mx.mpfr_srcptr(), MPFR_RNDN); break;
    case 6: mpfr_log(exact.mpfr_ptr(), mx.mpfr_srcptr(), MPFR_RNDN); break;
    }
    // exp of a value past ~3.2e18 overflows even MPFR's widest exponent range: the exact value
    // is then BeyondRange, its rounding (inf) still decided.
    const bool beyondMpfr = mpfr_overflow_p() != 0;
    // x/0 and log(0): MPFR and IEEE give an infinity, the exact value is undefined (NaN) by design.
    const bool poleExact = mpfr_divby0_p() != 0;
    const long double rounded = roundToFormat(exact, f);
    if (op <= 4) {
        if (!fuzzinput::same(r.value, rounded)) {
            std::fprintf(stderr, "%s in %s: %.21Lg, correctly rounded %.21Lg\n", text.c_str(),
                std::string(formatName(f)).c_str(), r.value, rounded);
            fuzzinput::fail("+ - * / sqrt not correctly rounded");
        }
    } else {
        const double ulps = ulpError(r.value, exact, f);
        if (!fuzzinput::same(r.value, rounded) && !(ulps <= 1.0)) {
            std::fprintf(stderr, "%s in %s: %.21Lg is %g ulp from %s\n", text.c_str(),
                std::string(formatName(f)).c_str(), r.value, ulps, exact.toString().c_str());
            fuzzinput::fail("exp/log beyond 1 ulp");
        }
    }
    const ExactStatus expected = beyondMpfr ? ExactStatus::BeyondRange : ExactStatus::Determined;
    if (exactInputs && !poleExact && (r.exactStatus != expected || !fuzzinput::same(r.exactRounded, rounded))) {
        std::fprintf(stderr, "%s in %s: exact status %d, rounded %.21Lg, oracle %.21Lg\n", text.c_str(),
            std::string(formatName(f)).c_str(), int(r.exactStatus), r.exactRounded, rounded);
        fuzzinput::fail("the exact value disagrees with MPFR");
    }
    return 0;
}

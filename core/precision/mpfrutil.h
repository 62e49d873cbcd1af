// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * MPFR helpers shared by every reference computation: correct rounding of an exact (or
 * high-precision) value into one of our formats, decimal text to a format, and a guard that
 * widens MPFR's exponent range for the duration of a reference computation.
 */
#include "precision/format.h"

#include <mpreal.h>
#include <optional>
#include <string_view>

namespace logitlab {

/** Working precision of the references, in bits (the labs promise >= 200). */
inline constexpr mpfr_prec_t referencePrecision = 256;

/** \brief RAII: sets MPFR's exponent range to the widest the library allows, restores it after. */
class WideExponentRange {
public:
    WideExponentRange();
    ~WideExponentRange();
    WideExponentRange(const WideExponentRange &) = delete;
    WideExponentRange &operator=(const WideExponentRange &) = delete;

private:
    mpfr_exp_t m_emin;
    mpfr_exp_t m_emax;
};

/** The exact value of \a x as an mpreal of \a precision >= 64 bits. */
mpfr::mpreal exactValue(long double x, mpfr_prec_t precision = referencePrecision);

/**
 * Rounds \a x to the nearest value of format \a f (ties to even), with gradual underflow and
 * overflow to +-inf exactly as IEEE 754 prescribes. If \a x is itself only an approximation,
 * the caller must make sure it is close enough (see Ziv's strategy in the references).
 */
long double roundToFormat(const mpfr::mpreal &x, Format f);

/** Same, from a raw mpfr_t with an explicit rounding direction; returns the rounded value. */
long double roundToFormat(mpfr_srcptr x, Format f, mpfr_rnd_t rnd);

/**
 * The value of decimal text (as accepted by the list parser: [+-]digits[.digits][e[+-]digits],
 * inf, infinity, nan in any case) correctly rounded to \a f, as a compiler rounds a literal.
 * Empty optional if the text is not such a number.
 */
std::optional<long double> decimalToFormat(std::string_view text, Format f);

/**
 * Length of the decimal literal at the start of \a text: [+-]digits[.[digits]] or [+-].digits,
 * then an optional exponent (e|E)[+-]digits; 0 if there is none. decimalToFormat() accepts a
 * text exactly when this is its whole length (or it is inf, infinity or nan).
 */
std::size_t decimalLiteralLength(std::string_view text);

/** Decimal text to an mpreal of \a precision bits rounded in direction \a rnd. */
std::optional<mpfr::mpreal> decimalToMp(std::string_view text, mpfr_prec_t precision, mpfr_rnd_t rnd = MPFR_RNDN);

/**
 * True if every real in [lo, hi] rounds to the same value (either zero counting as 0) in every one
 * of our formats: the test of Ziv's strategy for a result known to lie in [lo, hi].
 */
bool roundsToOneValue(const mpfr::mpreal &lo, const mpfr::mpreal &hi);

/** Same for [v - radius, v + radius] (radius >= 0); NaN and infinities are stable. */
bool roundsStably(const mpfr::mpreal &v, const mpfr::mpreal &radius);

/** Largest working precision the references will try before they accept a result. */
inline constexpr mpfr_prec_t maxReferencePrecision = mpfr_prec_t {1} << 16;

/**
 * Ziv's loop: calls attempt(p) for p = referencePrecision, 2p, 4p, ... until it returns true
 * (its result rounds stably) or maxReferencePrecision is reached. Returns the last p.
 */
template <class Attempt> mpfr_prec_t refineUntilStable(Attempt &&attempt)
{
    mpfr_prec_t p = referencePrecision;
    while (!attempt(p) && p < maxReferencePrecision)
        p *= 2;
    return p;
}

} // namespace logitlab

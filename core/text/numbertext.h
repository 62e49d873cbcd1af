// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Printing values of a format so that they read back to the same value.
 */
#include "precision/format.h"

#include <string>

namespace logitlab {

/**
 * The shortest decimal text that reads back (correctly rounded) to \a value in format \a f,
 * e.g. 0.1f prints "0.1", not "0.100000001". Non-finite values print "nan", "inf", "-inf".
 * Uses plain or scientific notation, whichever is shorter (std::to_chars style), which is also
 * a valid JSON number.
 */
std::string shortestText(long double value, Format f);

/**
 * An error (absolute, relative or in ULPs) for reading, not for reading back: 3 significant
 * digits, plain while the value is below 100000 ("0.21", "1.32", "0.00121", "2280") and in
 * scientific notation above ("8.39e+06"); 0 and -0 print "0"; "inf", "-inf", "nan".
 */
std::string errorText(double error);

/**
 * An error in ULPs as errorText(), except that a nonzero error below 0.001 ulp prints "<0.001".
 * Such errors arise when the exact value is far below the format's smallest subnormal (an ULP
 * error of 2.45e-316 is a difference of 1e-361 over a spacing of 1.4e-45): any error below 0.5
 * ulp means "correctly rounded", and digits a thousand times smaller than the spacing tell a
 * student nothing more, so they read "<0.001" (ulp) as "as good as exact".
 */
std::string ulpErrorText(double ulps);

} // namespace logitlab

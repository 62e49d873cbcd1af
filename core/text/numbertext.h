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

} // namespace logitlab

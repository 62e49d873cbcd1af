// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Core values and errors turned into translated text: numbers, format names, parse errors.
 */
#include "expr/expression.h"
#include "precision/format.h"
#include "text/numberlist.h"

#include <QString>

#include <string_view>

namespace logitlab::ui {

/**
 * The shortest text that reads back to \a v in format \a f (the CLI's digits), written as a
 * plain decimal when that is short ("0.0002", not "2e-04"); see plainDecimal().
 */
QString numberText(long double v, Format f);

/** A double as its shortest round-trip decimal text (plain when short, as numberText). */
QString numberText(double v);

/**
 * \a text ("2e-04", "1.5e+03") rewritten without exponent ("0.0002", "1500") when its decimal
 * exponent is in [-5, 9]; the digits are unchanged, so the value is the same. Other text as is.
 */
QString plainDecimal(const QString &text);

/** numberText() but -0 shown as "0": for gradients and losses, where the sign of zero means nothing. */
QString unsignedZeroText(long double v, Format f);

/**
 * A decimal string from MPFR ("2.000000000000000000000000000000000e-04", 34 digits) tidied for
 * reading: trailing zeros dropped, plain notation when short ("0.0002").
 */
QString tidyDigits(const std::string &digits);

/** "1 logit", "4 logits": the count of a LIST in words (translated). */
QString logitCountText(qsizetype n);

/** An error for reading (3 significant digits, "0", "inf", "nan"); see logitlab::errorText(). */
QString errorText(double error);

/** An error in ULPs: errorText(), and "<0.001" for a nonzero error below 0.001 ulp; see logitlab::ulpErrorText(). */
QString ulpErrorText(double ulps);

/**
 * A threshold on the logits such as ln(max) or ln(min subnormal) of a format, with two decimals
 * ("88.72", "-103.28"), as the formula texts and the format box print ln(max): not a value of
 * the format, so not its shortest digits.
 */
QString logThresholdText(long double threshold);

/** The canonical format name, "float32". */
QString formatText(Format f);

/**
 * A translated message for a LIST error in \a text, e.g. "'abc' at character 5 is not a number"
 * (characters as the user sees them: "１，x" has 'x' at character 3, though at byte 4).
 */
QString listErrorMessage(const ListError &e, std::string_view text);

/** A translated message for an expression error in \a text (characters counted as listErrorMessage). */
QString exprErrorMessage(const ExprError &e, std::string_view text);

/** The QString index of UTF-8 byte offset \a byteOffset in \a utf8. */
int utf16Index(std::string_view utf8, std::size_t byteOffset);

} // namespace logitlab::ui

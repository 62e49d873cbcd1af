// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The LIST syntax shared by the CLI and the GUI: numbers separated by commas and/or white space,
 * optionally inside [ ], so a printed NumPy array or Python list pastes in unchanged. What a
 * Chinese input method types (`1，2，3`, `［１，２］`, ideographic spaces, U+2212 minus) is
 * accepted too (text/asciifold.h); positions and lengths are those of the input as typed.
 */
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace logitlab {

/** \brief Why a LIST did not parse (the UI maps each to a translated message). */
enum class ListErrorKind {
    Empty, ///< no numbers at all
    BadToken, ///< a token that is not a number
    UnbalancedBracket, ///< a [ without ] or the reverse
    RaggedRows, ///< matrix rows of different lengths
    TooDeep, ///< a third level of [ ]: a LIST is a vector or a matrix (a 3-D array is not flattened)
};

/** \brief Where and why a LIST failed: the offending text and its byte range. */
struct ListError {
    ListErrorKind kind;
    std::size_t position = 0; ///< byte offset of the offending token in the input
    std::size_t length = 0; ///< its length in bytes
    std::string token; ///< the offending text (empty for Empty)
    std::size_t row = 0; ///< RaggedRows: the first row (from 0) whose length differs from row 0's
    std::size_t rowLength = 0; ///< RaggedRows: how many numbers that row holds
    std::size_t firstRowLength = 0; ///< RaggedRows: how many numbers row 0 holds
};

/** \brief One number (its text in ASCII) and where it stood in the input. */
struct NumberToken {
    std::string text; ///< the number, full-width characters folded to ASCII ("１２" -> "12")
    std::size_t position = 0; ///< byte offset in the input
    std::size_t length = 0; ///< byte length in the input (more than text.size() when folded)
};

/**
 * Splits \a text into number tokens. Accepted numbers: [+-]digits[.[digits]][(e|E)[+-]digits],
 * [+-].digits..., and inf, infinity, nan in any case with an optional sign. An optional
 * NumPy-style `array(` ... `)` wrapper and an optional `, dtype=...` are ignored. Nested
 * brackets (two levels at most) are flattened (use parseNumberMatrix to keep rows).
 */
std::variant<std::vector<NumberToken>, ListError> parseNumberList(std::string_view text);

/**
 * A matrix: rows as nested lists `[[1,2],[3,4]]`, or one row per line / per `;`.
 * All rows must have the same length.
 */
std::variant<std::vector<std::vector<NumberToken>>, ListError> parseNumberMatrix(std::string_view text);

/** True if \a token is one number in the syntax above. */
bool isNumberToken(std::string_view token);

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Text typed with a Chinese (or Japanese) input method, folded to the ASCII it stands for:
 * full-width comma, semicolon, brackets, digits, signs and point, the ideographic comma, space
 * and full stop, the no-break space and the Unicode minus sign (U+2212). Every byte of the folded
 * text remembers where it came from, so errors still point at what the user typed.
 */
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace logitlab {

/** \brief Folded text and, for each of its bytes, the byte offset in the original. */
struct FoldedText {
    std::string text; ///< the folded text: ASCII where a fold applied, the rest as it was
    std::vector<std::size_t> origin; ///< origin[i]: offset in the original of text[i]; origin[size()] = original size

    /** The original byte range [origin(begin), origin(end)) of folded bytes [begin, end). */
    std::size_t originalOffset(std::size_t folded) const { return origin[std::min(folded, text.size())]; }
    std::size_t originalLength(std::size_t begin, std::size_t length) const
    {
        return originalOffset(begin + length) - originalOffset(begin);
    }
};

/**
 * Moves a parse error found in \a folded's text (fields position, length, token in folded bytes)
 * back to the text as \a typed: the same ListError/ExprError then points at and quotes what the
 * user typed ('＊', not '*').
 */
template <class Error> void mapErrorBack(const FoldedText &folded, std::string_view typed, Error &e)
{
    const std::size_t begin = std::min(e.position, folded.text.size());
    const std::size_t tokenLength = e.token.size();
    e.position = folded.originalOffset(begin);
    e.length = folded.originalLength(begin, e.length);
    if (!e.token.empty() && begin + tokenLength <= folded.text.size())
        e.token = std::string(typed.substr(e.position, folded.originalLength(begin, tokenLength)));
}

/**
 * Folds the characters listed in the file comment to ASCII; every other byte (including other
 * non-ASCII text) is copied unchanged, so an unknown character is still reported as itself.
 */
FoldedText foldToAscii(std::string_view utf8);

} // namespace logitlab

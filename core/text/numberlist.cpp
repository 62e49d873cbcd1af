// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/numberlist.h"

#include "precision/mpfrutil.h"
#include "text/asciifold.h"

#include <cctype>

namespace logitlab {
namespace {

bool isSeparator(char c)
{
    return c == ',' || std::isspace(static_cast<unsigned char>(c));
}

/** Removes a NumPy repr wrapper: `array(` ... `)` and a trailing `, dtype=float32`. */
std::string_view stripNumpyWrapper(std::string_view text, std::size_t &offset)
{
    offset = 0;
    std::size_t begin = 0;
    while (begin < text.size() && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    if (text.substr(begin, 6) != "array(")
        return text;
    std::size_t end = text.rfind(')');
    if (end == std::string_view::npos || end < begin + 6)
        return text;
    std::string_view inner = text.substr(begin + 6, end - begin - 6);
    const std::size_t dtype = inner.find("dtype=");
    if (dtype != std::string_view::npos) {
        std::size_t cut = inner.rfind(',', dtype);
        inner = inner.substr(0, cut == std::string_view::npos ? dtype : cut);
    }
    offset = begin + 6;
    return inner;
}

struct Scanner {
    std::string_view text;
    std::size_t offset; // added to every reported position
    std::size_t i = 0;
    std::vector<std::size_t> openBrackets;

    /** The next token, or a bracket, as [start, end); empty at the end. */
    std::string_view next(std::size_t &start)
    {
        while (i < text.size() && isSeparator(text[i]))
            ++i;
        start = i;
        if (i >= text.size())
            return {};
        if (text[i] == '[' || text[i] == ']' || text[i] == ';')
            return text.substr(i++, 1);
        while (i < text.size() && !isSeparator(text[i]) && text[i] != '[' && text[i] != ']' && text[i] != ';')
            ++i;
        return text.substr(start, i - start);
    }
};

ListError badToken(std::string_view token, std::size_t position)
{
    return ListError {ListErrorKind::BadToken, position, token.size(), std::string(token)};
}

} // namespace

bool isNumberToken(std::string_view token)
{
    // decimalToMp implements exactly the accepted grammar; 2 bits are enough to ask it.
    return !token.empty() && decimalToMp(token, 2).has_value();
}

namespace {

std::variant<std::vector<std::vector<NumberToken>>, ListError> parseMatrixAscii(std::string_view input)
{
    std::size_t offset = 0;
    Scanner s {stripNumpyWrapper(input, offset), offset, 0, {}};
    std::vector<std::vector<NumberToken>> rows(1);
    std::size_t start = 0;
    for (std::string_view tok = s.next(start); !tok.empty(); tok = s.next(start)) {
        const std::size_t pos = start + s.offset;
        if (tok == "[") {
            // [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] is a 2x2x2 array: read as a 2x4 matrix it would
            // mean something else, so a third level is an error (which also bounds the nesting).
            if (s.openBrackets.size() == 2)
                return ListError {ListErrorKind::TooDeep, pos, 1, "["};
            s.openBrackets.push_back(pos);
            continue;
        }
        if (tok == "]") {
            if (s.openBrackets.empty())
                return ListError {ListErrorKind::UnbalancedBracket, pos, 1, "]"};
            s.openBrackets.pop_back();
            // Closing an inner list ends a row when lists are nested two deep.
            if (s.openBrackets.size() == 1 && !rows.back().empty())
                rows.emplace_back();
            continue;
        }
        if (tok == ";") {
            if (!rows.back().empty())
                rows.emplace_back();
            continue;
        }
        if (!isNumberToken(tok))
            return badToken(tok, pos);
        rows.back().push_back(NumberToken {std::string(tok), pos, tok.size()});
        // A newline after a number ends the row when the text is not bracketed.
        if (s.openBrackets.empty()) {
            std::size_t j = s.i;
            while (
                j < s.text.size() && (s.text[j] == ' ' || s.text[j] == '\t' || s.text[j] == ',' || s.text[j] == '\r'))
                ++j;
            if (j < s.text.size() && s.text[j] == '\n')
                rows.emplace_back();
        }
    }
    if (!s.openBrackets.empty())
        return ListError {ListErrorKind::UnbalancedBracket, s.openBrackets.back(), 1, "["};
    if (rows.back().empty())
        rows.pop_back();
    if (rows.empty())
        return ListError {ListErrorKind::Empty, 0, 0, {}};
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (rows[r].size() != rows.front().size())
            return ListError {ListErrorKind::RaggedRows, rows[r].front().position, 0, rows[r].front().text, r,
                rows[r].size(), rows.front().size()};
    return rows;
}

std::variant<std::vector<NumberToken>, ListError> parseListAscii(std::string_view input)
{
    auto matrix = parseMatrixAscii(input);
    if (auto *error = std::get_if<ListError>(&matrix)) {
        if (error->kind != ListErrorKind::RaggedRows)
            return *error;
        // A plain list may be ragged when written over several lines: parse again flattened.
    }
    std::vector<NumberToken> flat;
    std::size_t offset = 0;
    Scanner s {stripNumpyWrapper(input, offset), offset, 0, {}};
    std::size_t start = 0;
    for (std::string_view tok = s.next(start); !tok.empty(); tok = s.next(start)) {
        if (tok == "[" || tok == "]" || tok == ";")
            continue;
        flat.push_back(NumberToken {std::string(tok), start + s.offset, tok.size()});
    }
    if (flat.empty())
        return ListError {ListErrorKind::Empty, 0, 0, {}};
    return flat;
}

/** A token's position and length, found in the folded text, moved back to the text as typed. */
void mapBack(const FoldedText &folded, NumberToken &t)
{
    const std::size_t begin = t.position;
    t.position = folded.originalOffset(begin);
    t.length = folded.originalLength(begin, t.length);
}

void mapBack(const FoldedText &folded, std::vector<NumberToken> &tokens)
{
    for (NumberToken &t : tokens)
        mapBack(folded, t);
}

void mapBack(const FoldedText &folded, std::vector<std::vector<NumberToken>> &rows)
{
    for (auto &row : rows)
        mapBack(folded, row);
}

/** Runs \a parse on \a input folded to ASCII and maps tokens or the error back to the input. */
template <class Parse> auto parseTyped(std::string_view input, Parse parse)
{
    const FoldedText folded = foldToAscii(input);
    auto parsed = parse(folded.text);
    if (auto *e = std::get_if<ListError>(&parsed))
        mapErrorBack(folded, input, *e);
    else
        mapBack(folded, std::get<0>(parsed));
    return parsed;
}

} // namespace

std::variant<std::vector<std::vector<NumberToken>>, ListError> parseNumberMatrix(std::string_view input)
{
    return parseTyped(input, parseMatrixAscii);
}

std::variant<std::vector<NumberToken>, ListError> parseNumberList(std::string_view input)
{
    return parseTyped(input, parseListAscii);
}

} // namespace logitlab

// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target: the LIST parser (core/text/numberlist.h) on any text. Invariants: every
 * token and every error lies inside the input; every token is a number the literal reader
 * accepts; the rows of a matrix all have the same length.
 */
#include "fuzzinput.h"
#include "precision/mpfrutil.h"
#include "text/numberlist.h"

#include <variant>

using namespace logitlab;

namespace {

void checkToken(const NumberToken &t, std::size_t size)
{
    if (t.position > size || t.length > size - t.position)
        fuzzinput::fail("token outside the input");
    if (!isNumberToken(t.text))
        fuzzinput::fail("token is not a number");
    if (!decimalToFormat(t.text, Format::Float32))
        fuzzinput::fail("token the literal reader rejects");
}

void checkError(const ListError &e, std::size_t size)
{
    if (e.position > size || e.length > size - e.position)
        fuzzinput::fail("error outside the input");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto list = parseNumberList(text);
    if (auto *tokens = std::get_if<std::vector<NumberToken>>(&list)) {
        if (tokens->empty())
            fuzzinput::fail("a list without numbers parsed");
        for (const NumberToken &t : *tokens)
            checkToken(t, size);
    } else {
        checkError(std::get<ListError>(list), size);
    }
    auto matrix = parseNumberMatrix(text);
    if (auto *rows = std::get_if<std::vector<std::vector<NumberToken>>>(&matrix)) {
        for (const auto &row : *rows) {
            if (row.size() != rows->front().size())
                fuzzinput::fail("ragged matrix accepted");
            for (const NumberToken &t : row)
                checkToken(t, size);
        }
    } else {
        checkError(std::get<ListError>(matrix), size);
    }
    return 0;
}

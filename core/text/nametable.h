// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Tables of (value, name) pairs for the enums the command line, the settings and the lesson
 * files spell out (heads, activations, optimisers, data sets, formats), and the two look-ups
 * every table needs: a value's name and the value a text names. A table may list several names
 * for one value (aliases); the first is the value's canonical name.
 */
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace logitlab {

/** \brief N (value, name) pairs; the first pair of a value holds its canonical name. */
template <class E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

/** The canonical (first) name of \a value in \a table; empty if the table does not list it. */
template <class E, std::size_t N> constexpr std::string_view nameOf(const NameTable<E, N> &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return name;
    return {};
}

/** The value that \a text names exactly (whole text, case-sensitive); empty optional if none does. */
template <class E, std::size_t N>
constexpr std::optional<E> parseNameIn(const NameTable<E, N> &table, std::string_view text)
{
    for (const auto &[value, name] : table)
        if (name == text)
            return value;
    return std::nullopt;
}

} // namespace logitlab

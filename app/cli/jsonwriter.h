// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A small streaming JSON writer. QJsonDocument stores every number as a double, which would
 * print a float32 0.1 as 0.10000000149011612 and lose float80 digits; the CLI promises the
 * shortest text that reads back in the value's own format, so numbers are written as text here.
 */
#include "precision/format.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace logitlab::cli {

/** \brief Writes one JSON document into a string, inserting commas itself. */
class JsonWriter {
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);
    JsonWriter &string(std::string_view text);
    JsonWriter &boolean(bool value);
    JsonWriter &integer(long long value);
    /** A whole number written as its decimal digits (a count past 64 bits: "18446744073709551616"). */
    JsonWriter &integerDigits(std::string_view digits);
    /** A value of format f: the shortest round-trip number; "nan", "inf", "-inf" as strings. */
    JsonWriter &number(long double value, Format f);
    /** A double measure (an error, a time): shortest round-trip double, non-finite as strings. */
    JsonWriter &number(double value);
    /** An array of values of format f. */
    JsonWriter &numbers(const std::vector<long double> &values, Format f);
    JsonWriter &numbers(const std::vector<double> &values);

    /** The document, with a final newline. */
    std::string text() const { return m_out + "\n"; }
    /** Writes the document and a final newline to \a out (no copy: a 10^6-element document is 200 MB). */
    void writeTo(std::ostream &out) const { out << m_out << '\n'; }

private:
    void separate();
    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

/** JSON string escaping (quotes, backslash, control characters), with the quotes. */
std::string jsonQuoted(std::string_view text);

} // namespace logitlab::cli

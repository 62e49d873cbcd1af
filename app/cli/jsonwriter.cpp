// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/jsonwriter.h"

#include "text/numbertext.h"

#include <cmath>
#include <cstdio>

namespace logitlab::cli {

std::string jsonQuoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    m_out += jsonQuoted(name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view text)
{
    separate();
    m_out += jsonQuoted(text);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::integer(long long value)
{
    separate();
    m_out += std::to_string(value);
    return *this;
}

JsonWriter &JsonWriter::integerDigits(std::string_view digits)
{
    separate();
    m_out += digits;
    return *this;
}

JsonWriter &JsonWriter::number(long double value, Format f)
{
    if (!std::isfinite(value))
        return string(shortestText(value, f));
    separate();
    m_out += shortestText(value, f);
    return *this;
}

JsonWriter &JsonWriter::number(double value)
{
    return number(static_cast<long double>(value), Format::Float64);
}

JsonWriter &JsonWriter::numbers(const std::vector<long double> &values, Format f)
{
    beginArray();
    for (const long double v : values)
        number(v, f);
    return endArray();
}

JsonWriter &JsonWriter::numbers(const std::vector<double> &values)
{
    beginArray();
    for (const double v : values)
        number(v);
    return endArray();
}

} // namespace logitlab::cli

// Low-level JSON text output shared by the workspace writer: strings, numbers, dates.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace lcs::internal {

// Length of the valid UTF-8 sequence starting at text[i] (1..4), or 0 when it is invalid there
// (overlong forms, surrogates and code points above U+10FFFF are invalid, as RFC 3629 says).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
// The text with every invalid UTF-8 byte replaced by U+FFFD, as append_json_string writes it.
std::string valid_utf8(std::string_view text);

// Appends text as a JSON string literal. Invalid UTF-8 bytes become U+FFFD, so output is always valid.
void append_json_string(std::string& out, std::string_view text);
// Shortest text that reads back as the same double (nlohmann's formatting); non-finite values give null.
void append_json_number(std::string& out, double value);
void append_json_integer(std::string& out, long long value);
// "YYYY-MM-DD" in quotes.
void append_json_date(std::string& out, Date date);
// Any JSON value, compact when indent < 0, else pretty-printed with every line after the first
// prefixed by `prefix` (so the value sits at the caller's indentation). Never throws on bad UTF-8.
void append_json_value(std::string& out, const nlohmann::json& value, int indent, const std::string& prefix);

}  // namespace lcs::internal

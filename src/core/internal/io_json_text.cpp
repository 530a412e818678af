#include "core/internal/io_json_text.h"

#include <cmath>
#include <cstdio>

namespace lcs::internal {

size_t utf8_sequence_length(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const size_t left = text.size() - i;
    const auto cont = [&](size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && cont(i + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
        if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
        if (lead == 0xED && byte(i + 1) > 0x9F) return 0;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
        if (lead == 0xF4 && byte(i + 1) > 0x8F) return 0;
        return 4;
    }
    return 0;
}

namespace {

// Appends the UTF-8 sequence at text[i] (non-ASCII lead byte), or U+FFFD for an invalid byte;
// returns how many bytes of text it used.
size_t append_utf8_sequence(std::string& out, std::string_view text, size_t i) {
    const size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
        out += "\xEF\xBF\xBD";
        return 1;
    }
    out.append(text.data() + i, length);
    return length;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) i += append_utf8_sequence(out, text, i);
    return out;
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            i += append_utf8_sequence(out, text, i);
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    out += '"';
}

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // nlohmann's Grisu2 (what json::dump uses), called directly to avoid a temporary string per number;
    // detail API of the pinned nlohmann 3.11.2.
    char buffer[64];
    const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, static_cast<std::size_t>(end - buffer));
}

void append_json_integer(std::string& out, long long value) { out += std::to_string(value); }

void append_json_date(std::string& out, Date date) {
    out += '"';
    out += to_iso(date);
    out += '"';
}

void append_json_value(std::string& out, const nlohmann::json& value, int indent, const std::string& prefix) {
    const std::string text = value.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::json::error_handler_t::replace);
    if (indent < 0 || prefix.empty()) {
        out += text;
        return;
    }
    // Raw newlines only occur between tokens (strings escape theirs), so this re-indents safely.
    for (char c : text) {
        out += c;
        if (c == '\n') out += prefix;
    }
}

}  // namespace lcs::internal

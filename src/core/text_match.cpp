#include "core/text_match.h"

#include <cstdint>

#include "core/workspace.h"

namespace lcs {

namespace {

// Length of the UTF-8 sequence starting at text[i] and its code point; 0 when the bytes there are
// not a valid sequence (they are then copied one byte at a time, unchanged).
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code = length == 1 ? lead : length == 2 ? lead & 0x1Fu : length == 3 ? lead & 0x0Fu : lead & 0x07u;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = code << 6 | (byte(i + k) & 0x3Fu);
    }
    return length;
}

void encode(std::uint32_t code, std::string& out) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | code >> 6);
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | code >> 12);
        out += static_cast<char>(0x80 | (code >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | code >> 18);
        out += static_cast<char>(0x80 | (code >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (code >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Latin Extended-A pairs capital/small as even/odd code points, except U+0139..U+0148 and
// U+0179..U+017E where the capital is odd; U+0130, U+0131, U+0138, U+0149, U+017F have no pair here.
std::uint32_t fold_latin_extended_a(std::uint32_t c) {
    if (c == 0x0178) return 0x00FF;  // Ÿ
    if ((c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E)) return c % 2 == 1 ? c + 1 : c;
    if (c == 0x0130 || c == 0x0131 || c == 0x0138 || c == 0x0149 || c == 0x017F) return c;
    return c % 2 == 0 ? c + 1 : c;
}

std::uint32_t fold(std::uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if (c < 0xC0) return c;
    if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;                      // À..Þ except ×
    if (c >= 0x0100 && c <= 0x017F) return fold_latin_extended_a(c);
    if (c >= 0x0391 && c <= 0x03AB) return c == 0x03A2 ? c : c + 0x20;  // Greek capitals
    if (c >= 0x0400 && c <= 0x040F) return c + 0x50;                      // Cyrillic Ѐ..Џ
    if (c >= 0x0410 && c <= 0x042F) return c + 0x20;                      // Cyrillic А..Я
    if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'a';              // full-width Ａ..Ｚ
    if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';              // full-width ａ..ｚ
    if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';              // full-width ０..９
    return c;
}

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t code = 0;
        const std::size_t length = decode(text, i, code);
        if (length == 0) {
            out += text[i++];
            continue;
        }
        if (length == 1) out += static_cast<char>(fold(code));  // the common case, kept fast
        else encode(fold(code), out);
        i += length;
    }
    return out;
}

TextFilter::TextFilter(std::string_view query) : needle_(fold_case(query)) {}

bool TextFilter::matches(std::string_view text) const {
    return needle_.empty() || fold_case(text).find(needle_) != std::string::npos;
}

bool TextFilter::matches_any(std::initializer_list<std::string_view> texts) const {
    if (needle_.empty()) return true;
    for (std::string_view text : texts)
        if (matches(text)) return true;
    return false;
}

bool TextFilter::matches_customer(const Customer& customer) const {
    if (matches_any({customer.id, customer.name, customer.segment})) return true;
    for (const std::string& tag : customer.tags)
        if (matches(tag)) return true;
    return false;
}

}  // namespace lcs

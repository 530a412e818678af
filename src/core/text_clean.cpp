#include "core/text_clean.h"

#include "core/internal/io_json_text.h"

namespace lcs {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Appends "n thing" / "a thing" to sentence parts.
void add_part(std::string& out, std::size_t n, const char* one, const char* many, const char* verb_one,
              const char* verb_many) {
    if (n == 0) return;
    if (!out.empty()) out += "; ";
    out += n == 1 ? std::string(one) + " " + verb_one : std::to_string(n) + " " + many + " " + verb_many;
}

}  // namespace

std::uint32_t encoded_surrogate_at(std::string_view text, std::size_t i) {
    if (i + 3 > text.size()) return 0;
    const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]),
               b2 = static_cast<unsigned char>(text[i + 2]);
    if (b0 != 0xED || b1 < 0xA0 || b1 > 0xBF || (b2 & 0xC0) != 0x80) return 0;
    return 0xD000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
}

bool is_clean_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\0') return false;
        const std::size_t length = internal::utf8_sequence_length(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::string clean_text(std::string_view text, TextRepairs* repairs) {
    if (is_clean_text(text)) return std::string(text);
    TextRepairs found;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\0') {
            ++found.nuls;
            ++i;
            continue;
        }
        const std::size_t length = internal::utf8_sequence_length(text, i);
        if (length > 0) {
            out.append(text.data() + i, length);
            i += length;
            continue;
        }
        const std::uint32_t code = encoded_surrogate_at(text, i);
        if (code == 0) {
            ++found.invalid_bytes;
            out += kReplacement;
            ++i;
        } else if (const std::uint32_t low = encoded_surrogate_at(text, i + 3);
                   is_high_surrogate(code) && is_low_surrogate(low)) {
            ++found.joined_pairs;
            append_utf8(out, join_surrogates(code, low));
            i += 6;
        } else {
            ++found.lone_surrogates;
            out += kReplacement;
            i += 3;
        }
    }
    if (repairs) {
        repairs->nuls += found.nuls;
        repairs->lone_surrogates += found.lone_surrogates;
        repairs->joined_pairs += found.joined_pairs;
        repairs->invalid_bytes += found.invalid_bytes;
    }
    return out;
}

std::string describe_repairs(const TextRepairs& r) {
    std::string out;
    add_part(out, r.lone_surrogates, "a lone UTF-16 surrogate", "lone UTF-16 surrogates", "was replaced by U+FFFD",
             "were replaced by U+FFFD");
    add_part(out, r.nuls, "a NUL character", "NUL characters", "was removed", "were removed");
    add_part(out, r.joined_pairs, "a surrogate pair written as CESU-8", "surrogate pairs written as CESU-8",
             "was joined into one character", "were joined into characters");
    add_part(out, r.invalid_bytes, "a byte that is not UTF-8", "bytes that are not UTF-8", "was replaced by U+FFFD",
             "were replaced by U+FFFD");
    return out;
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

int Utf16Joiner::feed(std::uint32_t unit, std::uint32_t out[2]) {
    constexpr std::uint32_t kInvalid = 0xFFFD;
    int n = 0;
    if (is_low_surrogate(unit) && high_ != 0) {
        out[n++] = join_surrogates(high_, unit);
        high_ = 0;
        return n;
    }
    if (high_ != 0) {  // the waiting high surrogate has no partner
        out[n++] = kInvalid;
        high_ = 0;
    }
    if (is_high_surrogate(unit)) {
        high_ = unit;
    } else if (is_low_surrogate(unit) || unit > 0x10FFFF) {
        out[n++] = kInvalid;
    } else if (unit != 0) {
        out[n++] = unit;
    }
    return n;
}

}  // namespace lcs

#include "core/import/decode_file.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/internal/io_json_text.h"
#include "core/problem_kinds.h"

namespace lcs {

namespace {

constexpr std::size_t kStatisticsBytes = 256 * 1024;
constexpr std::size_t kZeroSampleBytes = 4096;

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

unsigned char byte_at(std::string_view bytes, std::size_t i) { return static_cast<unsigned char>(bytes[i]); }

// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
TextEncoding utf16_by_zero_bytes(std::string_view bytes) {
    const std::size_t n = std::min(bytes.size(), kZeroSampleBytes) & ~std::size_t{1};
    if (n < 4) return TextEncoding::automatic;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even += bytes[i] == 0;
        odd += bytes[i + 1] == 0;
    }
    const std::size_t pairs = n / 2;
    if (odd * 4 > pairs && even * 20 < pairs) return TextEncoding::utf16le;
    if (even * 4 > pairs && odd * 20 < pairs) return TextEncoding::utf16be;
    return TextEncoding::automatic;
}

struct Utf8Census {
    std::size_t multibyte = 0;     // valid sequences of 2..4 bytes
    std::size_t invalid = 0;       // bytes that start no valid sequence
    std::size_t first_invalid = std::string::npos;
};

Utf8Census utf8_census(std::string_view bytes) {
    Utf8Census census;
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (byte_at(bytes, i) < 0x80) {  // the common case, without the general check
            ++i;
            continue;
        }
        const std::size_t length = internal::utf8_sequence_length(bytes, i);
        if (length == 0) {
            if (census.invalid++ == 0) census.first_invalid = i;
            ++i;
        } else {
            ++census.multibyte;
            i += length;
        }
    }
    return census;
}

// GB2312's frequent hanzi (leads B0-D7) against Big5's frequent hanzi (leads A4-C6, trails 40-7E and
// A1-FE). The ranges overlap for leads B0-C6 with high trails, so what decides are the bytes only one
// of them uses often: trails 40-7E (a third of Big5 hanzi), leads A4-AF (kana and symbols in GB), leads
// C7-D7 (level-one hanzi in GB, rare symbols in Big5), GB18030's four-byte forms (digit second byte).
TextEncoding gb_or_big5(std::string_view bytes) {
    const std::size_t n = std::min(bytes.size(), kStatisticsBytes);
    double gb = 0, big5 = 0;
    std::size_t i = 0;
    while (i + 1 < n) {
        const unsigned lead = byte_at(bytes, i), trail = byte_at(bytes, i + 1);
        if (lead < 0x81 || lead == 0xFF) {
            ++i;
            continue;
        }
        if (trail >= 0x30 && trail <= 0x39) {  // four-byte GB18030
            gb += 1;
            i += 4;
            continue;
        }
        const bool high_trail = trail >= 0xA1 && trail <= 0xFE, low_trail = trail >= 0x40 && trail <= 0x7E;
        if (lead >= 0xB0 && lead <= 0xD7 && high_trail) gb += 1;
        else if (lead >= 0xA1 && lead <= 0xA3 && high_trail) gb += 0.5;
        if (lead >= 0xA4 && lead <= 0xC6 && (low_trail || high_trail)) big5 += 1;
        else if (lead >= 0xA1 && lead <= 0xA3 && (low_trail || trail <= 0xBF)) big5 += 0.5;
        if (trail >= 0x80 && trail <= 0xA0) big5 -= 2;  // not a Big5 trail byte
        if (lead > 0xF9) big5 -= 2;                        // not a Big5 lead byte
        i += 2;
    }
    return big5 > gb ? TextEncoding::big5 : TextEncoding::gb18030;
}

bool is_utf16(TextEncoding encoding) { return encoding == TextEncoding::utf16le || encoding == TextEncoding::utf16be; }

// Start offsets of every line (after each line feed), plus bytes.size() at the end.
std::vector<std::size_t> line_starts(std::string_view bytes, TextEncoding encoding) {
    std::vector<std::size_t> starts{0};
    if (is_utf16(encoding)) {
        const std::size_t low = encoding == TextEncoding::utf16le ? 0 : 1;
        for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
            if (bytes[i + low] == '\n' && bytes[i + 1 - low] == 0) starts.push_back(i + 2);
    } else {
        for (std::size_t i = 0; i < bytes.size(); ++i)
            if (bytes[i] == '\n') starts.push_back(i + 1);
    }
    if (starts.back() != bytes.size()) starts.push_back(bytes.size());
    return starts;
}

// The first line that does not decode, found by halving: line feeds are single ASCII units in every
// encoding here, so a run of whole lines decodes on its own exactly when each of its lines does.
int first_bad_line(std::string_view bytes, TextEncoding encoding, const TextDecoder& decoder) {
    const std::vector<std::size_t> starts = line_starts(bytes, encoding);
    std::size_t lo = 0, hi = starts.size() - 1;  // lines [lo, hi) hold a bad byte
    const auto fails = [&](std::size_t from, std::size_t to) {
        return !decoder.decode(bytes.substr(starts[from], starts[to] - starts[from]), encoding).ok;
    };
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (fails(lo, mid)) hi = mid;
        else lo = mid;
    }
    return static_cast<int>(lo) + 1;
}

std::string hex_bytes(std::string_view bytes, std::size_t offset) {
    std::string out;
    for (std::size_t i = offset; i < bytes.size() && i < offset + 4; ++i) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "%s%02X", out.empty() ? "" : " ", byte_at(bytes, i));
        out += buffer;
    }
    return out;
}

Problem encoding_problem(int line, TextEncoding encoding, const std::string& bytes_shown) {
    std::string message = std::string("the bytes are not valid ") + text_encoding_name(encoding) + " text";
    if (!bytes_shown.empty()) message += " (" + bytes_shown + ")";
    message += "; choose the file's encoding, or fix or remove this line";
    return Problem{csv_problem::kBadEncoding, "line " + std::to_string(line), message, line, 0};
}

// A NUL in decoded text, named by its line.
bool check_nul(const std::string& text, Problems& problems) {
    const std::size_t at = text.find('\0');
    if (at == std::string::npos) return true;
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    problems.push_back(Problem{csv_problem::kBadText, "line " + std::to_string(line),
                               "contains a NUL character (U+0000), which text files do not hold; is this a "
                               "spreadsheet or other binary file, or UTF-16 saved without a byte-order mark?",
                               line, 0});
    return false;
}

EncodingGuess with_bom_of(std::string_view bytes, EncodingGuess guess) {
    if (guess.encoding == TextEncoding::utf8 && starts_with(bytes, "\xEF\xBB\xBF")) guess.bom_size = 3;
    if (is_utf16(guess.encoding)) {
        if (starts_with(bytes, "\xFF\xFE")) guess = {TextEncoding::utf16le, 2, "byte-order mark"};
        else if (starts_with(bytes, "\xFE\xFF")) guess = {TextEncoding::utf16be, 2, "byte-order mark"};
    }
    if (guess.encoding == TextEncoding::gb18030 && starts_with(bytes, "\x84\x31\x95\x33")) guess.bom_size = 4;
    return guess;
}

}  // namespace

const char* text_encoding_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::utf8: return "UTF-8";
        case TextEncoding::utf16le: return "UTF-16LE";
        case TextEncoding::utf16be: return "UTF-16BE";
        case TextEncoding::gb18030: return "GB18030";
        case TextEncoding::big5: return "Big5";
        default: return "automatic";
    }
}

bool parse_text_encoding(std::string_view name, TextEncoding& encoding) {
    std::string n;
    for (char c : name)
        if (c != '-' && c != '_') n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (n == "auto" || n == "automatic") encoding = TextEncoding::automatic;
    else if (n == "utf8") encoding = TextEncoding::utf8;
    else if (n == "utf16" || n == "utf16le") encoding = TextEncoding::utf16le;
    else if (n == "utf16be") encoding = TextEncoding::utf16be;
    else if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") encoding = TextEncoding::gb18030;
    else if (n == "big5" || n == "cp950") encoding = TextEncoding::big5;
    else return false;
    return true;
}

EncodingGuess detect_text_encoding(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) return {TextEncoding::utf8, 3, "byte-order mark"};
    if (starts_with(bytes, "\xFF\xFE")) return {TextEncoding::utf16le, 2, "byte-order mark"};
    if (starts_with(bytes, "\xFE\xFF")) return {TextEncoding::utf16be, 2, "byte-order mark"};
    if (starts_with(bytes, "\x84\x31\x95\x33")) return {TextEncoding::gb18030, 4, "byte-order mark"};
    if (const TextEncoding utf16 = utf16_by_zero_bytes(bytes); utf16 != TextEncoding::automatic)
        return {utf16, 0, "zero bytes"};
    const Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0) return {TextEncoding::utf8, 0, "valid UTF-8"};
    // Mostly UTF-8 with a few bad bytes (a damaged or mixed file): read as UTF-8 so the bad line is named.
    if (census.multibyte > census.invalid) return {TextEncoding::utf8, 0, "mostly valid UTF-8"};
    return {gb_or_big5(bytes), 0, "byte statistics"};
}

int line_of_offset(std::string_view bytes, TextEncoding encoding, std::size_t offset) {
    const std::string_view before = bytes.substr(0, std::min(offset, bytes.size()));
    if (!is_utf16(encoding)) return 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t low = encoding == TextEncoding::utf16le ? 0 : 1;
    int line = 1;
    for (std::size_t i = 0; i + 1 < before.size(); i += 2) line += before[i + low] == '\n' && before[i + 1 - low] == 0;
    return line;
}

DecodedText decode_import_text(std::string_view bytes, TextEncoding requested, const TextDecoder& decoder) {
    DecodedText out;
    out.encoding = requested == TextEncoding::automatic ? detect_text_encoding(bytes)
                                                        : with_bom_of(bytes, EncodingGuess{requested, 0, "chosen"});
    const std::string_view body = bytes.substr(out.encoding.bom_size);
    const TextEncoding encoding = out.encoding.encoding;
    if (encoding == TextEncoding::utf8) {
        const Utf8Census census = utf8_census(body);
        if (census.invalid > 0) {
            out.problems.push_back(encoding_problem(line_of_offset(body, encoding, census.first_invalid), encoding,
                                                    hex_bytes(body, census.first_invalid)));
            return out;
        }
        out.text.assign(body);
    } else {
        DecodeOutcome decoded = decoder.decode(body, encoding);
        if (!decoded.ok && requested == TextEncoding::automatic && !is_utf16(encoding)) {
            // The statistics picked one double-byte encoding; the other may still read the whole file.
            const TextEncoding other = encoding == TextEncoding::gb18030 ? TextEncoding::big5 : TextEncoding::gb18030;
            DecodeOutcome second = decoder.decode(body, other);
            if (second.ok) {
                decoded = std::move(second);
                out.encoding.encoding = other;
            }
        }
        if (!decoded.ok) {
            const bool known = decoded.error_offset != std::string::npos && decoded.error_offset < body.size();
            const int line = known ? line_of_offset(body, encoding, decoded.error_offset) : first_bad_line(body, encoding, decoder);
            out.problems.push_back(encoding_problem(line, encoding, known ? hex_bytes(body, decoded.error_offset) : ""));
            return out;
        }
        out.text = std::move(decoded.text);
    }
    if (!check_nul(out.text, out.problems)) out.text.clear();
    return out;
}

}  // namespace lcs

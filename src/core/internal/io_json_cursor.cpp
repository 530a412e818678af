#include "core/internal/io_json_cursor.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/internal/io_json_text.h"
#include "core/text_clean.h"

namespace lcs::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Powers of ten that are exact doubles: m * 10^e or m / 10^e is then correctly rounded (Clinger's fast path).
const double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

JsonCursor::JsonCursor(std::string_view text, int max_depth, const char* syntax_kind, const char* too_deep_kind)
    : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth),
      syntax_kind_(syntax_kind), too_deep_kind_(too_deep_kind), line_cache_{begin_, 1, begin_} {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) p_ += 3;
}

void JsonCursor::skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

bool JsonCursor::fail(const std::string& message) {
    if (failed_) return false;
    failed_ = true;
    const auto [line, column] = line_column(static_cast<std::size_t>(std::min(p_, end_) - begin_));
    error_ = Problem{syntax_kind_, "line " + std::to_string(line) + ", column " + std::to_string(column), message,
                     line, column};
    return false;
}

std::pair<int, int> JsonCursor::line_column(std::size_t offset) const {
    const char* at = begin_ + std::min(offset, static_cast<std::size_t>(end_ - begin_));
    // Resume from the last answer when asked in text order (one warning per repair), else start over.
    if (at < line_cache_.at) line_cache_ = LineCache{begin_, 1, begin_};
    int line = line_cache_.line;
    const char* line_start = line_cache_.line_start;
    for (const char* q = line_cache_.at; q < at; ++q)
        if (*q == '\n') {
            ++line;
            line_start = q + 1;
        }
    line_cache_ = LineCache{at, line, line_start};
    // Columns count characters, so a CJK character before the position counts once.
    int column = 1;
    for (const char* q = line_start; q < at; ++q)
        if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80) ++column;
    return {line, column};
}

void JsonCursor::repaired(const char* start, std::string what) {
    ++repair_count_;
    if (repairs_.size() < kMaxRepairs) repairs_.push_back(Repair{static_cast<std::size_t>(start - begin_), std::move(what)});
}

bool JsonCursor::fail_expected(const char* what) {
    std::string found;
    if (p_ >= end_) {
        found = "the end of the text";
    } else if (static_cast<unsigned char>(*p_) >= 0x20 && static_cast<unsigned char>(*p_) < 0x7F) {
        found = std::string("'") + *p_ + "'";
    } else {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "byte 0x%02X", static_cast<unsigned char>(*p_));
        found = buffer;
    }
    return fail(std::string("expected ") + what + ", found " + found);
}

JsonCursor::Kind JsonCursor::peek() {
    if (failed_) return Kind::invalid;
    skip_space();
    if (p_ >= end_) return Kind::end;
    switch (*p_) {
        case '{': return Kind::object;
        case '[': return Kind::array;
        case '"': return Kind::string;
        case 't':
        case 'f':
        case 'n': return Kind::literal;
        default: return *p_ == '-' || is_digit(*p_) ? Kind::number : Kind::invalid;
    }
}

bool JsonCursor::open(char bracket) {
    if (failed_) return false;
    skip_space();
    if (p_ >= end_ || *p_ != bracket) return fail_expected(bracket == '{' ? "'{'" : "'['");
    if (static_cast<int>(first_.size()) >= max_depth_) {
        fail("nesting is deeper than " + std::to_string(max_depth_) + " levels");
        error_.kind = too_deep_kind_;
        return false;
    }
    ++p_;
    first_.push_back(1);
    return true;
}

bool JsonCursor::enter_object() { return open('{'); }
bool JsonCursor::enter_array() { return open('['); }

bool JsonCursor::next_member(std::string& key) {
    if (failed_) return false;
    skip_space();
    if (p_ < end_ && *p_ == '}') {
        ++p_;
        first_.pop_back();
        return false;
    }
    if (!first_.back()) {
        if (p_ >= end_ || *p_ != ',') return fail_expected("',' or '}' after an object member");
        ++p_;
        skip_space();
    }
    first_.back() = 0;
    if (p_ >= end_ || *p_ != '"') return fail_expected("a member name in double quotes");
    if (!read_string(key)) return false;
    skip_space();
    if (p_ >= end_ || *p_ != ':') return fail_expected("':' after the member name");
    ++p_;
    return true;
}

bool JsonCursor::next_element() {
    if (failed_) return false;
    skip_space();
    if (p_ < end_ && *p_ == ']' && first_.back()) {
        ++p_;
        first_.pop_back();
        return false;
    }
    if (!first_.back()) {
        if (p_ < end_ && *p_ == ']') {
            ++p_;
            first_.pop_back();
            return false;
        }
        if (p_ >= end_ || *p_ != ',') return fail_expected("',' or ']' after an array element");
        ++p_;
    }
    first_.back() = 0;
    return true;
}

bool JsonCursor::read_value(nlohmann::json& out) {
    switch (peek()) {
        case Kind::object: {
            if (!enter_object()) return false;
            out = nlohmann::json::object();
            std::string key;
            while (next_member(key))
                if (!read_value(out[key])) return false;
            return !failed_;
        }
        case Kind::array: {
            if (!enter_array()) return false;
            out = nlohmann::json::array();
            while (next_element()) {
                out.push_back(nullptr);
                if (!read_value(out.back())) return false;
            }
            return !failed_;
        }
        case Kind::string: {
            std::string text;
            if (!read_string(text)) return false;
            out = std::move(text);
            return true;
        }
        case Kind::number: return read_number(out);
        case Kind::literal: return read_literal(out);
        case Kind::end: return fail_expected("a value");
        default: return failed_ ? false : fail_expected("a value (object, array, string, number, true, false or null)");
    }
}

bool JsonCursor::at_end() {
    skip_space();
    return p_ >= end_;
}

bool JsonCursor::expect_end() {
    if (at_end()) return true;
    return fail_expected("nothing after the end of the JSON value");
}

bool JsonCursor::read_string(std::string& out) {
    out.clear();
    ++p_;  // opening quote
    for (;;) {
        const char* run = p_;
        while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
               static_cast<unsigned char>(*p_) < 0x80)
            ++p_;
        out.append(run, static_cast<std::size_t>(p_ - run));
        if (p_ >= end_) return fail("the text ends inside a string (missing closing '\"')");
        const unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            ++p_;
            return true;
        }
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
            if (length == 0) {
                if (!read_raw_surrogates(out)) return fail("invalid UTF-8 in a string (save the file as UTF-8)");
                continue;
            }
            out.append(p_, length);
            p_ += length;
            continue;
        }
        if (c == 0) {  // JSON forbids it; a NUL has no place in a name or note, so it is dropped
            repaired(p_, "a NUL byte was removed");
            ++p_;
            continue;
        }
        if (c < 0x20) return fail("control character inside a string (write it as an escape such as \\n)");
        if (!read_escape(out)) return false;
    }
}

// A surrogate written as 3 raw bytes (ED A0..BF xx, which UTF-8 forbids): a CESU-8 pair is joined,
// a lone one becomes U+FFFD. Returns false (nothing consumed) when the bytes are not a surrogate.
bool JsonCursor::read_raw_surrogates(std::string& out) {
    const std::string_view rest(p_, static_cast<std::size_t>(end_ - p_));
    const std::uint32_t code = encoded_surrogate_at(rest, 0);
    if (code == 0) return false;
    const std::uint32_t next = encoded_surrogate_at(rest, 3);
    if (is_high_surrogate(code) && is_low_surrogate(next)) {
        repaired(p_, "a surrogate pair written as 6 bytes (CESU-8) was joined into one character");
        append_utf8(out, join_surrogates(code, next));
        p_ += 6;
        return true;
    }
    repaired(p_, "a lone UTF-16 surrogate (3 bytes from ED A0 80 to ED BF BF) was replaced by U+FFFD");
    out += "\xEF\xBF\xBD";
    p_ += 3;
    return true;
}

// The escape at p_ (a backslash). A lone surrogate escape becomes U+FFFD and \u0000 is dropped, each
// recorded as a repair: one broken character should not make a whole workspace unreadable.
bool JsonCursor::read_escape(std::string& out) {
    const char* start = p_;
    ++p_;
    if (p_ >= end_) return fail("the text ends inside a string escape");
    const char e = *p_++;
    switch (e) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': break;
        default: --p_; return fail(std::string("invalid escape '\\") + e + "' in a string");
    }
    const auto hex4 = [&](const char* at, uint32_t& code) {
        if (end_ - at < 4) return false;
        code = 0;
        for (int k = 0; k < 4; ++k) {
            const int digit = hex_value(at[k]);
            if (digit < 0) return false;
            code = code * 16 + static_cast<uint32_t>(digit);
        }
        return true;
    };
    uint32_t code = 0;
    if (!hex4(p_, code)) return fail("\\u must be followed by four hex digits");
    p_ += 4;
    if (code == 0) {
        repaired(start, "a NUL character (\\u0000) was removed");
        return true;
    }
    if (is_high_surrogate(code)) {
        uint32_t low = 0;
        if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u' && hex4(p_ + 2, low) && is_low_surrogate(low)) {
            p_ += 6;
            append_utf8(out, join_surrogates(code, low));
            return true;
        }
    }
    if (is_high_surrogate(code) || is_low_surrogate(code)) {
        repaired(start, std::string(start, 6) + " (a lone UTF-16 surrogate, half of a character) was replaced by U+FFFD");
        out += "\xEF\xBF\xBD";
        return true;
    }
    append_utf8(out, code);
    return true;
}

bool JsonCursor::read_number(nlohmann::json& out) {
    const char* start = p_;
    bool negative = false;
    if (*p_ == '-') {
        negative = true;
        ++p_;
    }
    if (p_ >= end_ || !is_digit(*p_)) return fail_expected("a digit");
    uint64_t mantissa = 0;
    int digits = 0;      // significant digits accumulated in mantissa
    int dropped = 0;     // integer digits beyond 19 (scale up by 10^dropped)
    int fraction = 0;    // digits after the point kept in mantissa
    bool integer = true;
    const auto take = [&](char c, bool after_point) {
        if (digits == 0 && c == '0') {
            if (after_point) ++fraction;
            return;
        }
        if (digits < 19) {
            mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
            ++digits;
            if (after_point) ++fraction;
        } else if (!after_point) {
            ++dropped;
        }
    };
    if (*p_ == '0') {
        ++p_;
        if (p_ < end_ && is_digit(*p_)) return fail("numbers must not have leading zeros");
    } else {
        while (p_ < end_ && is_digit(*p_)) take(*p_++, false);
    }
    bool precise = true;  // every digit went into mantissa
    if (p_ < end_ && *p_ == '.') {
        integer = false;
        ++p_;
        if (p_ >= end_ || !is_digit(*p_)) return fail_expected("a digit after the decimal point");
        while (p_ < end_ && is_digit(*p_)) {
            if (digits >= 19 && *p_ != '0') precise = false;
            take(*p_++, true);
        }
    }
    int exponent = 0;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
        integer = false;
        ++p_;
        bool exponent_negative = false;
        if (p_ < end_ && (*p_ == '+' || *p_ == '-')) exponent_negative = *p_++ == '-';
        if (p_ >= end_ || !is_digit(*p_)) return fail_expected("a digit in the exponent");
        while (p_ < end_ && is_digit(*p_)) {
            if (exponent < 100000) exponent = exponent * 10 + (*p_ - '0');
            ++p_;
        }
        if (exponent_negative) exponent = -exponent;
    }
    if (dropped > 0) precise = false;
    if (integer && precise) {
        if (!negative && mantissa <= static_cast<uint64_t>(INT64_MAX)) {
            out = static_cast<int64_t>(mantissa);
            return true;
        }
        if (!negative) {
            out = mantissa;
            return true;
        }
        if (mantissa <= static_cast<uint64_t>(INT64_MAX) + 1) {
            out = mantissa == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(mantissa);
            return true;
        }
    }
    const int scale = exponent - fraction;
    if (precise && digits <= 15 && scale >= -22 && scale <= 22) {
        double value = static_cast<double>(mantissa);
        value = scale < 0 ? value / kExactPowers[-scale] : value * kExactPowers[scale];
        out = negative ? -value : value;
        return true;
    }
    // Rare: long mantissas or large exponents. strtod is correctly rounded (glibc, musl) in the C locale.
    const std::string copy(start, static_cast<std::size_t>(p_ - start));
    out = std::strtod(copy.c_str(), nullptr);
    return true;
}

bool JsonCursor::read_literal(nlohmann::json& out) {
    const auto match = [&](const char* word, std::size_t length) {
        if (static_cast<std::size_t>(end_ - p_) < length || std::string_view(p_, length) != word) return false;
        p_ += length;
        return true;
    };
    if (match("true", 4)) out = true;
    else if (match("false", 5)) out = false;
    else if (match("null", 4)) out = nullptr;
    else return fail_expected("a value (true, false and null are the only words JSON allows)");
    return true;
}

}  // namespace lcs::internal

// A fast pull parser over JSON text (RFC 8259, UTF-8 checked) for the workspace loader: callers walk
// objects and arrays themselves and read generic subtrees into nlohmann::json only where they want a DOM.
// Depth-limited (no unbounded recursion), never throws, and reports the first syntax error with its
// line and column. Strings come out clean (core/text_clean.h): a lone surrogate, written as an escape
// ("\ud800") or as its 3 raw bytes, becomes U+FFFD; a NUL ("\u0000" or a raw 0 byte) is removed; a
// surrogate pair written as 6 raw bytes (CESU-8) is joined. Each such repair is recorded (repairs())
// so that the caller, who knows which field it was in, can tell the user.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/problem.h"

namespace lcs::internal {

class JsonCursor {
public:
    enum class Kind { end, object, array, string, number, literal, invalid };

    // syntax_kind and too_deep_kind are the Problem kinds (core/problem_kinds.h) of the caller's
    // module for a syntax error and for nesting deeper than max_depth (>= 1).
    JsonCursor(std::string_view text, int max_depth, const char* syntax_kind, const char* too_deep_kind);

    Kind peek();  // kind of the next value (skips whitespace and a leading UTF-8 BOM)

    // Objects: enter_object() consumes '{'; then `while (next_member(key)) { read the value }`.
    // next_member returns false after consuming '}' or on an error (see failed()).
    bool enter_object();
    bool next_member(std::string& key);
    // Arrays: enter_array() consumes '['; then `while (next_element()) { read the value }`.
    bool enter_array();
    bool next_element();

    bool read_value(nlohmann::json& out);  // any value, as a DOM
    bool at_end();                         // true when only whitespace is left
    bool expect_end();                     // at_end(), else a syntax error about trailing text

    bool failed() const { return failed_; }
    const Problem& error() const { return error_; }

    // One repair made inside a string: where it starts in the text and what was done, in words.
    struct Repair {
        std::size_t offset = 0;
        std::string what;  // e.g. "a NUL character (\\u0000) was removed"
    };
    // Repairs made so far; repair_count() counts all of them, repairs() keeps the first kMaxRepairs.
    static constexpr std::size_t kMaxRepairs = 1000;
    std::size_t repair_count() const { return repair_count_; }
    const std::vector<Repair>& repairs() const { return repairs_; }
    // 1-based line and column (in characters) of a byte offset into the text.
    std::pair<int, int> line_column(std::size_t offset) const;

private:
    void skip_space();
    bool fail(const std::string& message);
    bool fail_expected(const char* what);
    bool open(char bracket);
    bool read_string(std::string& out);
    bool read_number(nlohmann::json& out);
    bool read_literal(nlohmann::json& out);
    bool read_escape(std::string& out);
    bool read_raw_surrogates(std::string& out);
    void repaired(const char* start, std::string what);

    const char* begin_;
    const char* p_;
    const char* end_;
    int max_depth_;
    const char* syntax_kind_;
    const char* too_deep_kind_;
    std::vector<char> first_;  // per open container: no element read yet
    bool failed_ = false;
    Problem error_;
    std::size_t repair_count_ = 0;
    std::vector<Repair> repairs_;
    struct LineCache {
        const char* at;
        int line;
        const char* line_start;
    };
    mutable LineCache line_cache_;  // line_column's last answer
};

}  // namespace lcs::internal

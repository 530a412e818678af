// A fast pull parser over JSON text (RFC 8259, UTF-8 checked) for the workspace loader: callers walk
// objects and arrays themselves and read generic subtrees into nlohmann::json only where they want a DOM.
// Depth-limited (no unbounded recursion), never throws, and reports the first syntax error with its
// line and column.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
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

private:
    void skip_space();
    bool fail(const std::string& message);
    bool fail_expected(const char* what);
    bool open(char bracket);
    bool read_string(std::string& out);
    bool read_number(nlohmann::json& out);
    bool read_literal(nlohmann::json& out);

    const char* begin_;
    const char* p_;
    const char* end_;
    int max_depth_;
    const char* syntax_kind_;
    const char* too_deep_kind_;
    std::vector<char> first_;  // per open container: no element read yet
    bool failed_ = false;
    Problem error_;
};

}  // namespace lcs::internal

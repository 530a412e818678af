// User-facing problems (bad files, bad numbers, non-converging fits): ordinary results with a stable
// kind id, a location and a message, never exceptions that escape core or asserts.
#pragma once
#include <string>
#include <vector>

namespace lcs {

struct Problem {
    std::string kind;     // stable id from core/problem_kinds.h, e.g. "workspace.invalid_date", "csv.bad_number"
    std::string where;    // JSON path ("customers[3].transactions[0].date") or "line 12"; may be empty
    std::string message;  // what is wrong, in plain words, quoting the offending value
    int line = 0;         // 1-based source line when known (JSON syntax errors, CSV rows), else 0
    int column = 0;       // 1-based column when known, else 0

    // "[workspace.invalid_date] customers[3].transactions[0].date: "2023-02-30" is not a calendar date"
    std::string to_string() const {
        std::string text = "[" + kind + "] ";
        if (!where.empty()) text += where + ": ";
        return text + message;
    }
};

using Problems = std::vector<Problem>;

}  // namespace lcs

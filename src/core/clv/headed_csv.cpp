#include "core/clv/headed_csv.h"

#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

std::optional<Problem> read_headed_csv(std::string_view text,
                                       const std::function<CsvCheck(const std::vector<std::string>& header)>& on_header,
                                       const std::function<CsvCheck(const std::vector<std::string>& fields)>& on_row) {
    internal::CsvReader reader(text, ',');
    std::vector<std::string> header, fields;
    int line = 0;
    std::string error;
    auto at_line = [&](Problem problem) {
        problem.where = line > 0 ? "line " + std::to_string(line) : "";
        problem.line = line;
        return problem;
    };
    if (!reader.next(header, line, error)) return at_line({csv_problem::kEmpty, "", "the file has no header line"});
    if (!error.empty()) return at_line({csv_problem::kSyntax, "", error});
    if (CsvCheck problem = on_header(header)) return at_line(*problem);
    while (reader.next(fields, line, error)) {
        if (!error.empty()) return at_line({csv_problem::kSyntax, "", error});
        if (fields.size() < header.size())
            return at_line({csv_problem::kBadRow, "",
                            "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(fields.size())});
        if (CsvCheck problem = on_row(fields)) return at_line(*problem);
    }
    return std::nullopt;
}

}  // namespace lcs::clv

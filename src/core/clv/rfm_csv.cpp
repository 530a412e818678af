#include "core/clv/rfm_csv.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/clv/headed_csv.h"
#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool parse_double(const std::string& text, double& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out);
}

std::string format_number(double v) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

// Column positions named by a summary header (-1 = absent).
struct SummaryColumns {
    int id = -1, x = -1, t_x = -1, T = -1, spend = -1;
};

SummaryColumns find_columns(const std::vector<std::string>& header) {
    SummaryColumns columns;
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string h = lower(header[i]);
        const int c = static_cast<int>(i);
        if (h == "id" || h == "customer_id" || h == "customer") columns.id = c;
        else if (h == "frequency" || h == "x") columns.x = c;
        else if (h == "recency" || h == "t_x") columns.t_x = c;
        else if (h == "t") columns.T = c;
        else if (h == "zbar" || h == "monetary_value") columns.spend = c;
    }
    return columns;
}

}  // namespace

bool looks_like_rfm_csv(std::string_view text) {
    internal::CsvReader reader(text, ',');
    std::vector<std::string> header;
    int line = 0;
    std::string error;
    if (!reader.next(header, line, error) || !error.empty()) return false;
    const SummaryColumns columns = find_columns(header);
    return columns.x >= 0 && columns.t_x >= 0;
}

RfmCsv parse_rfm_csv(std::string_view text) {
    RfmCsv out;
    SummaryColumns col;
    out.problem = read_headed_csv(
        text,
        [&](const std::vector<std::string>& header) -> CsvCheck {
            col = find_columns(header);
            const char* missing = col.x < 0 ? "frequency (or x)" : col.t_x < 0 ? "recency (or t_x)" : col.T < 0 ? "T" : nullptr;
            if (missing) return Problem{csv_problem::kMissingColumn, "", std::string("the header has no ") + missing + " column"};
            out.has_spend = col.spend >= 0;
            return std::nullopt;
        },
        [&](const std::vector<std::string>& f) -> CsvCheck {
            CustomerRfm c;
            c.id = col.id >= 0 ? f[col.id] : std::to_string(out.customers.size() + 1);
            double x = 0;
            if (!parse_double(f[col.x], x) || x < 0 || x != std::floor(x) || x > 1e9)
                return Problem{csv_problem::kBadNumber, "", "frequency \"" + f[col.x] + "\" is not a whole number >= 0"};
            c.x = static_cast<int>(x);
            if (!parse_double(f[col.t_x], c.t_x) || !parse_double(f[col.T], c.T))
                return Problem{csv_problem::kBadNumber, "",
                               "recency \"" + f[col.t_x] + "\" or T \"" + f[col.T] + "\" is not a number"};
            if (col.spend >= 0 && !parse_double(f[col.spend], c.zbar))
                return Problem{csv_problem::kBadNumber, "", "spend \"" + f[col.spend] + "\" is not a number"};
            out.customers.push_back(std::move(c));
            return std::nullopt;
        });
    if (out.problem) out.customers.clear();
    else if (out.customers.empty()) out.problem = Problem{csv_problem::kEmpty, "", "the file has a header but no rows"};
    return out;
}

SurvivalCsv parse_survival_csv(std::string_view text) {
    SurvivalCsv out;
    internal::CsvReader reader(text, ',');
    std::vector<std::string> f;
    int line = 0;
    std::string error;
    bool first = true;
    while (reader.next(f, line, error)) {
        const std::string where = "line " + std::to_string(line);
        if (!error.empty()) {
            out.problem = Problem{csv_problem::kSyntax, where, error, line, 0};
            break;
        }
        const bool header = first && std::any_of(f.begin(), f.end(), [](const std::string& field) {
            return std::any_of(field.begin(), field.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        });
        first = false;
        if (header) continue;
        double alive = 0;
        if (!parse_double(f.size() >= 2 ? f[1] : f[0], alive)) {
            std::string row;
            for (const std::string& field : f) row += (row.empty() ? "" : ",") + field;
            out.problem = Problem{csv_problem::kBadNumber, where, "\"" + row + "\" is not period,alive", line, 0};
            break;
        }
        out.alive.push_back(alive);
    }
    if (out.problem) out.alive.clear();
    return out;
}

std::string write_rfm_csv(const std::vector<CustomerRfm>& customers, bool with_holdout) {
    std::string out = with_holdout ? "id,x,t_x,T,zbar,holdout_x,holdout_spend\n" : "id,x,t_x,T,zbar\n";
    for (const CustomerRfm& c : customers) {
        out += c.id + "," + std::to_string(c.x) + "," + format_number(c.t_x) + "," + format_number(c.T) + "," +
               format_number(c.zbar);
        if (with_holdout) out += "," + std::to_string(c.holdout_x) + "," + format_number(c.holdout_spend);
        out += "\n";
    }
    return out;
}

}  // namespace lcs::clv

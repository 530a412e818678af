#include "core/clv/rfm_csv.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out(s.substr(b, e - b));
    if (out.size() >= 2 && out.front() == '"' && out.back() == '"') out = out.substr(1, out.size() - 2);
    return out;
}

std::vector<std::string> split(std::string_view line) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ',') {
            fields.push_back(trim(line.substr(start, i - start)));
            start = i + 1;
        }
    }
    return fields;
}

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

}  // namespace

RfmCsv parse_rfm_csv(std::string_view text) {
    RfmCsv out;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF) text.remove_prefix(3);  // UTF-8 BOM
    std::vector<std::string_view> lines;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            std::string_view line = text.substr(start, i - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines.push_back(line);
            start = i + 1;
        }
    }
    size_t first = 0;
    while (first < lines.size() && trim(lines[first]).empty()) ++first;
    if (first == lines.size()) {
        out.problem = Problem{csv_problem::kEmpty, "", "the file has no header line"};
        return out;
    }
    const std::vector<std::string> header = split(lines[first]);
    int id_col = -1, x_col = -1, tx_col = -1, T_col = -1, spend_col = -1;
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string h = lower(header[i]);
        const int c = static_cast<int>(i);
        if (h == "id" || h == "customer_id" || h == "customer") id_col = c;
        else if (h == "frequency" || h == "x") x_col = c;
        else if (h == "recency" || h == "t_x") tx_col = c;
        else if (header[i] == "T" || h == "t") T_col = c;
        else if (h == "zbar" || h == "monetary_value") spend_col = c;
    }
    const char* missing = x_col < 0 ? "frequency (or x)" : tx_col < 0 ? "recency (or t_x)" : T_col < 0 ? "T" : nullptr;
    if (missing) {
        out.problem = Problem{csv_problem::kMissingColumn, "line " + std::to_string(first + 1),
                              std::string("the header has no ") + missing + " column"};
        out.problem->line = static_cast<int>(first + 1);
        return out;
    }
    out.has_spend = spend_col >= 0;
    for (size_t li = first + 1; li < lines.size(); ++li) {
        if (trim(lines[li]).empty()) continue;
        const std::vector<std::string> f = split(lines[li]);
        const std::string where = "line " + std::to_string(li + 1);
        auto fail = [&](const char* kind, const std::string& message) {
            out.problem = Problem{kind, where, message};
            out.problem->line = static_cast<int>(li + 1);
            out.customers.clear();
        };
        if (f.size() < header.size()) {
            fail(csv_problem::kBadRow, "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(f.size()));
            return out;
        }
        CustomerRfm c;
        c.id = id_col >= 0 ? f[id_col] : std::to_string(out.customers.size() + 1);
        double x = 0;
        if (!parse_double(f[x_col], x) || x < 0 || x != std::floor(x) || x > 1e9) {
            fail(csv_problem::kBadNumber, "frequency \"" + f[x_col] + "\" is not a whole number >= 0");
            return out;
        }
        c.x = static_cast<int>(x);
        if (!parse_double(f[tx_col], c.t_x) || !parse_double(f[T_col], c.T)) {
            fail(csv_problem::kBadNumber, "recency \"" + f[tx_col] + "\" or T \"" + f[T_col] + "\" is not a number");
            return out;
        }
        if (spend_col >= 0 && !parse_double(f[spend_col], c.zbar)) {
            fail(csv_problem::kBadNumber, "spend \"" + f[spend_col] + "\" is not a number");
            return out;
        }
        out.customers.push_back(std::move(c));
    }
    if (out.customers.empty()) out.problem = Problem{csv_problem::kEmpty, "", "the file has a header but no rows"};
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

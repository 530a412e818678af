#include "core/clv/bgbb_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/clv/headed_csv.h"
#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

struct TableColumns {
    int x = -1, t_x = -1, n = -1, weight = -1;
};

TableColumns find_columns(const std::vector<std::string>& header) {
    TableColumns columns;
    for (size_t i = 0; i < header.size(); ++i) {
        std::string h = header[i];
        for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const int c = static_cast<int>(i);
        if (h == "frequency" || h == "x") columns.x = c;
        else if (h == "recency" || h == "t_x") columns.t_x = c;
        else if (h == "periods" || h == "n") columns.n = c;
        else if (h == "weights" || h == "weight" || h == "count") columns.weight = c;
    }
    return columns;
}

bool parse_whole(const std::string& text, double& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out) && out >= 0 && out == std::floor(out) && out <= 1e9;
}

// Index of the period containing `date` (see OpportunityOptions).
long period_index(Date date, PeriodUnit unit) {
    switch (unit) {
        case PeriodUnit::day: return date.days;
        case PeriodUnit::week: return static_cast<long>(std::floor(date.days / 7.0));
        case PeriodUnit::month: {
            const YearMonthDay ymd = ymd_from_date(date);
            return static_cast<long>(ymd.year) * 12 + ymd.month - 1;
        }
    }
    return date.days;
}

long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

std::optional<Problem> validate_bgbb_rows(const std::vector<BgBbRow>& rows) {
    double total = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const BgBbRow& r = rows[i];
        const bool valid = r.x >= 0 && r.t_x >= r.x && r.n >= r.t_x && (r.x == 0) == (r.t_x == 0) &&
                           std::isfinite(r.weight) && r.weight >= 0;
        if (!valid)
            return Problem{fit_problem::kBadData, "rows[" + std::to_string(i) + "]",
                           "a pattern needs 0 <= frequency <= recency <= periods, recency 0 exactly when frequency is 0, "
                           "and a weight >= 0"};
        total += r.weight;
    }
    if (rows.empty() || !(total > 0)) return Problem{fit_problem::kNoData, "", "no customers to fit"};
    return std::nullopt;
}

std::vector<BgBbRow> condense_bgbb_rows(const std::vector<BgBbRow>& rows) {
    std::map<std::tuple<int, int, int>, double> merged;
    for (const BgBbRow& r : rows) merged[{r.n, r.x, r.t_x}] += r.weight;
    std::vector<BgBbRow> out;
    out.reserve(merged.size());
    for (const auto& [key, weight] : merged) out.push_back({std::get<1>(key), std::get<2>(key), std::get<0>(key), weight});
    return out;
}

bool looks_like_bgbb_csv(std::string_view text) {
    internal::CsvReader reader(text, ',');
    std::vector<std::string> header;
    int line = 0;
    std::string error;
    if (!reader.next(header, line, error) || !error.empty()) return false;
    const TableColumns columns = find_columns(header);
    return columns.x >= 0 && columns.t_x >= 0 && columns.n >= 0;
}

BgBbCsv parse_bgbb_csv(std::string_view text) {
    BgBbCsv out;
    TableColumns col;
    out.problem = read_headed_csv(
        text,
        [&](const std::vector<std::string>& header) -> CsvCheck {
            col = find_columns(header);
            const char* missing = col.x < 0 ? "frequency" : col.t_x < 0 ? "recency" : col.n < 0 ? "periods" : nullptr;
            if (missing) return Problem{csv_problem::kMissingColumn, "", std::string("the header has no ") + missing + " column"};
            return std::nullopt;
        },
        [&](const std::vector<std::string>& f) -> CsvCheck {
            double x = 0, t_x = 0, n = 0, weight = 1;
            if (!parse_whole(f[col.x], x) || !parse_whole(f[col.t_x], t_x) || !parse_whole(f[col.n], n) ||
                (col.weight >= 0 && !parse_whole(f[col.weight], weight)))
                return Problem{csv_problem::kBadNumber, "", "frequency, recency, periods and weights must be whole numbers >= 0"};
            out.rows.push_back({static_cast<int>(x), static_cast<int>(t_x), static_cast<int>(n), weight});
            return std::nullopt;
        });
    if (out.problem) out.rows.clear();
    else if (out.rows.empty()) out.problem = Problem{csv_problem::kEmpty, "", "the file has a header but no rows"};
    return out;
}

std::vector<CustomerOpportunities> customer_opportunities(const std::vector<CustomerEvents>& customers,
                                                          const OpportunityOptions& options) {
    const long per = std::max(1, options.periods_per_opportunity);
    auto opportunity = [&](Date d) { return floor_div(period_index(d, options.unit), per); };
    // The opportunity holding the day after the calibration end is the first one not yet complete.
    const long last_complete = opportunity(Date{options.calibration_end.days + 1}) - 1;
    std::vector<CustomerOpportunities> out;
    for (const CustomerEvents& c : customers) {
        std::vector<long> seen;
        for (const Purchase& p : c.purchases)
            if (p.date <= options.calibration_end) seen.push_back(opportunity(p.date));
        if (seen.empty()) continue;
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        const long first = seen.front();
        CustomerOpportunities entry;
        entry.id = c.id;
        entry.row.n = static_cast<int>(std::max(0L, last_complete - first));
        for (long o : seen)
            if (o > first && o <= last_complete) {
                ++entry.row.x;
                entry.row.t_x = static_cast<int>(o - first);
            }
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<BgBbRow> opportunity_table(const std::vector<CustomerEvents>& customers, const OpportunityOptions& options) {
    std::vector<BgBbRow> rows;
    for (const CustomerOpportunities& c : customer_opportunities(customers, options)) rows.push_back(c.row);
    return condense_bgbb_rows(rows);
}

}  // namespace lcs::clv

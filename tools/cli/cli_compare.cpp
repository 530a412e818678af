// `lifecycle compare`: every repeat-purchase model that applies, fitted side by side on one
// calibration period, with holdout errors, the best per column and the verdict (core/clv/model_compare.h).
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "core/clv/model_compare.h"
#include "core/clv/plain_text.h"
#include "core/clv/rfm_csv.h"
#include "core/csv_import.h"
#include "core/customer_facts.h"
#include "core/problem_kinds.h"
#include "core/workspace_io.h"

namespace lcs::cli {
namespace {

using Json = nlohmann::json;
using namespace lcs::clv;

constexpr const char* kUsage = "compare FILE --calibration-end DATE [--period day|week|month] [--json]";

Json number_or_null(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

const char* severity_name(GuardSeverity s) {
    return s == GuardSeverity::info ? "info" : s == GuardSeverity::warning ? "warning" : "error";
}

// A workspace JSON or a transaction log: its purchases and its analysis date (the holdout end).
struct DatedInput {
    std::vector<CustomerEvents> events;
    Date holdout_end;
};

// Reads FILE as a workspace, a summary CSV (`summaries` filled) or a transaction log (`dated` filled).
std::optional<Problem> read_input(const std::string& path, std::optional<DatedInput>& dated,
                                  std::vector<CustomerRfm>& summaries) {
    std::string text, error;
    if (!read_file(path, text, error)) return Problem{cli_problem::kIo, path, error};
    const size_t start = text.find_first_not_of(" \t\r\n");
    std::optional<Workspace> workspace;
    if (start != std::string::npos && text[start] == '{') {
        LoadResult loaded = load_workspace_json(text);
        if (!loaded.ok()) {
            print_problems(loaded.problems);
            return loaded.problems.empty() ? Problem{workspace_problem::kInvalid, path, "the workspace could not be read"}
                                           : loaded.problems.front();
        }
        workspace = std::move(*loaded.workspace);
    } else if (looks_like_rfm_csv(text)) {
        RfmCsv csv = parse_rfm_csv(text);
        summaries = std::move(csv.customers);
        return csv.problem;
    } else {
        const CsvImportResult imported = import_transactions_csv(text, CsvOptions{});
        if (imported.customers.empty())
            return imported.problems.empty() ? Problem{fit_problem::kNoData, path, "no transactions found"}
                                             : imported.problems.front();
        workspace = workspace_from_import(imported, path);
    }
    dated = DatedInput{events_from_workspace(*workspace), analysis_date(*workspace)};
    return std::nullopt;
}

Json comparison_json(const ModelComparison& c) {
    Json models = Json::array(), excluded = Json::array(), rails = Json::array(), best = Json::object();
    for (const ModelScore& m : c.models) {
        Json params = Json::object();
        for (size_t i = 0; i < m.fit.names.size() && i < m.fit.params.size(); ++i) params[m.fit.names[i]] = m.fit.params[i];
        Json guard = Json::array();
        for (const GuardRail& g : m.guard_rails) guard.push_back(g.id);
        models.push_back({{"model", m.model}, {"label", m.label}, {"log_likelihood", number_or_null(m.log_likelihood)},
                          {"params_count", m.params_count}, {"aic", number_or_null(m.aic)}, {"bic", number_or_null(m.bic)},
                          {"holdout_mae", number_or_null(m.holdout_mae)}, {"holdout_rmse", number_or_null(m.holdout_rmse)},
                          {"curve_error", number_or_null(m.curve_error)}, {"converged", m.fit.converged},
                          {"usable", m.usable}, {"params", params}, {"guard_rails", guard},
                          {"likelihood_basis", m.opportunities ? "opportunities" : "continuous_time"}});
    }
    for (int k = 0; k < kCompareColumnCount; ++k) {
        const int i = c.best[static_cast<size_t>(k)];
        best[compare_column_id(static_cast<CompareColumn>(k))] = i >= 0 ? Json(c.models[static_cast<size_t>(i)].model) : Json(nullptr);
    }
    for (const ExcludedModel& e : c.excluded) excluded.push_back({{"model", e.model}, {"reason", e.reason.en}});
    for (const GuardRail& g : c.guard_rails)
        rails.push_back({{"id", g.id}, {"severity", severity_name(g.severity)}, {"message", g.message.en}, {"fix", g.fix.en}});
    Json out = {{"models", models}, {"best", best}, {"excluded", excluded}, {"guard_rails", rails},
                {"verdict", c.verdict.text.en}, {"verdict_zh", c.verdict.text.zh},
                {"recommended", c.verdict.recommended >= 0 ? Json(c.models[static_cast<size_t>(c.verdict.recommended)].model) : Json(nullptr)},
                {"customers", c.customers}, {"repeat_buyers", c.repeat_buyers},
                {"period", period_unit_name(c.settings.unit)}, {"holdout_length", c.holdout_length}};
    if (c.settings.holdout_end) {
        out["calibration_end"] = to_iso(c.settings.calibration_end);
        out["holdout_end"] = to_iso(*c.settings.holdout_end);
    }
    return out;
}

// Best values get a '*' after them.
void print_text(const ModelComparison& c) {
    std::printf("%d customers, %d repeat buyers; holdout %.1f %ss\n", c.customers, c.repeat_buyers, c.holdout_length,
                period_unit_name(c.settings.unit));
    std::printf("%-12s %12s %6s %12s %12s %12s %12s %12s\n", "model", "LL", "params", "AIC", "BIC", "holdout_MAE",
                "holdout_RMSE", "curve_error");
    for (size_t i = 0; i < c.models.size(); ++i) {
        const ModelScore& m = c.models[i];
        auto cell = [&](CompareColumn column, double v, int decimals) {
            char text[48];
            const bool best = c.best[static_cast<size_t>(column)] == static_cast<int>(i);
            std::snprintf(text, sizeof text, "%s%s", number_text(v, decimals).c_str(), best ? "*" : " ");
            return std::string(text);
        };
        std::printf("%-12s %12s %6d %12s %12s %12s %12s %12s%s\n", m.label.c_str(),
                    cell(CompareColumn::log_likelihood, m.log_likelihood, 2).c_str(), m.params_count,
                    cell(CompareColumn::aic, m.aic, 2).c_str(), cell(CompareColumn::bic, m.bic, 2).c_str(),
                    cell(CompareColumn::holdout_mae, m.holdout_mae, 4).c_str(),
                    cell(CompareColumn::holdout_rmse, m.holdout_rmse, 4).c_str(),
                    cell(CompareColumn::curve_error, 100 * m.curve_error, 2).c_str(),
                    m.usable ? (m.opportunities ? "  (LL on opportunities: not compared)" : "")
                             : ("  (" + m.not_usable.en + ")").c_str());
    }
    std::printf("* best in the column; curve_error in %% of the actual cumulative purchases over the holdout\n");
    for (const ExcludedModel& e : c.excluded) std::printf("not compared: %s: %s\n", e.label.c_str(), e.reason.en.c_str());
    for (const GuardRail& g : c.guard_rails)
        std::printf("%s: %s\n  fix: %s\n", severity_name(g.severity), g.message.en.c_str(), g.fix.en.c_str());
    for (const ModelScore& m : c.models)
        for (const GuardRail& g : m.guard_rails)
            std::printf("%s (%s): %s\n  fix: %s\n", severity_name(g.severity), m.label.c_str(), g.message.en.c_str(), g.fix.en.c_str());
    std::printf("verdict: %s\n", c.verdict.text.en.c_str());
}

int fail(const std::string& message) {
    std::fprintf(stderr, "lifecycle: %s\n", message.c_str());
    return 1;
}

}  // namespace

int cmd_compare(const Args& args) {
    const std::vector<std::string> files = positionals(args, {"--calibration-end", "--period"});
    if (files.size() != 1) {
        std::fprintf(stderr, "usage: lifecycle %s\n", kUsage);
        return 2;
    }
    const auto unit = parse_period_unit(option_value(args, "--period").value_or("week"));
    if (!unit) return fail("--period must be day, week or month");
    const auto end_text = option_value(args, "--calibration-end");
    const std::optional<Date> end = end_text ? parse_iso_date(*end_text) : std::nullopt;
    if (end_text && !end) return fail("--calibration-end must be a YYYY-MM-DD date");
    std::optional<DatedInput> dated;
    std::vector<CustomerRfm> summaries;
    if (auto problem = read_input(files[0], dated, summaries)) {
        print_problems({*problem});
        return 1;
    }
    if (dated && !end) return fail("--calibration-end DATE is needed for dated data (the holdout starts after it)");
    ModelComparison comparison;
    if (dated) {
        CompareSettings settings;
        settings.unit = *unit;
        settings.calibration_end = *end;
        settings.holdout_end = dated->holdout_end;
        comparison = compare_models(std::move(dated->events), settings);
    } else {
        comparison = compare_models(std::move(summaries), *unit);
    }
    if (!comparison.ok()) {
        print_problems({*comparison.problem});
        return 1;
    }
    if (has_flag(args, "--json")) std::printf("%s\n", comparison_json(comparison).dump().c_str());
    else print_text(comparison);
    return comparison.verdict.recommended >= 0 ? 0 : 4;
}

}  // namespace lcs::cli

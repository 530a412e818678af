// lifecycle project: month-by-month projection of the baseline or a named scenario of a workspace.
//   lifecycle project FILE.json [--scenario NAME] [--months N] [--json] [--sensitivity]
//   lifecycle project --bench [--stages N] [--months N] [--reps N]
#include <chrono>
#include <cstdio>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "core/scenario/compare.h"
#include "core/scenario/scenario.h"
#include "core/scenario/sensitivity.h"
#include "core/scenario/workspace_baseline.h"

namespace lcs::cli {

namespace {

const char* kUsage = "usage: lifecycle project FILE.json [--scenario NAME] [--months N] [--json] [--sensitivity]\n"
                     "       lifecycle project --bench [--stages N] [--months N] [--reps N]\n";

Json customers_json(const std::vector<std::string>& stages, const std::vector<double>& customers) {
    Json out = Json::object();
    for (size_t i = 0; i < stages.size() && i < customers.size(); ++i) out[stages[i]] = customers[i];
    return out;
}

Json optional_json(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json projection_json(const std::string& name, const Projection& p, const std::optional<double>& roi) {
    Json out = Json::object();
    out["scenario"] = name;
    out["months"] = p.months.size();
    out["stages"] = p.stages;
    out["customer_equity"] = p.customer_equity;
    out["pv_margin"] = p.pv_margin;
    out["pv_cost"] = p.pv_cost;
    out["total_lever_cost"] = p.total_lever_cost;
    out["roi"] = optional_json(roi);
    out["cumulative_margin_12"] = optional_json(cumulative_margin(p, 12));
    out["cumulative_margin_24"] = optional_json(cumulative_margin(p, 24));
    out["cumulative_margin_36"] = optional_json(cumulative_margin(p, 36));
    Json months = Json::array();
    for (const ProjectedMonth& m : p.months) {
        months.push_back({{"month", m.month},
                          {"customers_by_stage", customers_json(p.stages, m.customers)},
                          {"new_customers", m.new_customers},
                          {"revenue", m.revenue},
                          {"margin", m.margin},
                          {"servicing_cost", m.servicing_cost},
                          {"lever_cost", m.lever_cost},
                          {"acquisition_cost", m.acquisition_cost},
                          {"cost", m.cost},
                          {"net", m.net},
                          {"cumulative_equity", m.cumulative_equity}});
    }
    out["months_detail"] = months;
    return out;
}

Json tornado_json(const Tornado& t) {
    Json bars = Json::array();
    for (const TornadoBar& b : t.bars)
        bars.push_back({{"id", b.id},
                        {"label", b.label},
                        {"base_value", b.base_value},
                        {"low_value", b.low_value},
                        {"high_value", b.high_value},
                        {"equity_low", b.equity_low},
                        {"equity_high", b.equity_high},
                        {"swing", b.swing}});
    return {{"base_equity", t.base_equity}, {"delta", t.delta}, {"bars", bars}};
}

void print_text(const std::string& name, const Projection& p, const std::optional<double>& roi, const std::string& currency) {
    std::printf("Scenario: %s   months: %zu   currency: %s\n", name.c_str(), p.months.size(), currency.c_str());
    std::printf("Customer equity: %.2f   (discounted margin %.2f - discounted cost %.2f)\n", p.customer_equity,
                p.pv_margin, p.pv_cost);
    std::printf("Total lever cost: %.2f", p.total_lever_cost);
    if (roi) std::printf("   ROI of the levers: %.1f%%", *roi * 100);
    std::printf("\n\n%5s", "month");
    for (const std::string& s : p.stages) std::printf(" %12.12s", s.c_str());
    std::printf(" %12s %12s %12s %14s\n", "revenue", "margin", "cost", "cum. equity");
    for (const ProjectedMonth& m : p.months) {
        std::printf("%5d", m.month);
        for (double c : m.customers) std::printf(" %12.1f", c);
        std::printf(" %12.2f %12.2f %12.2f %14.2f\n", m.revenue, m.margin, m.cost, m.cumulative_equity);
    }
}

// A dense synthetic chain: each live stage moves forward, back, and to one churn stage with win-back flows.
Baseline bench_baseline(int stages, int months) {
    Baseline b;
    const size_t n = static_cast<size_t>(stages);
    for (size_t i = 0; i < n; ++i) b.stages.push_back("S" + std::to_string(i));
    b.churned.assign(n, false);
    b.churned[n - 1] = true;
    b.transition.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i + 1 < n; ++i) {
        double sum = 0;
        for (size_t j = 0; j < n; ++j) sum += (b.transition[i][j] = 1.0 + static_cast<double>((i * 7 + j * 3) % 5));
        b.transition[i][i] += 3 * sum;
        sum *= 4;
        for (size_t j = 0; j < n; ++j) b.transition[i][j] /= sum;
    }
    b.transition[n - 1][n - 1] = 0.97;
    b.transition[n - 1][0] = 0.03;
    for (size_t i = 0; i < n; ++i) {
        b.margin.push_back(i + 1 < n ? 5.0 + 3.0 * static_cast<double>(i) : 0.0);
        b.servicing_cost.push_back(i + 1 < n ? 1.0 : 0.0);
        b.start_customers.push_back(1000.0);
    }
    b.new_customers_per_month = 200;
    b.channels = {{"search", 0.6, 30}, {"referral", 0.4, 10}};
    b.churn_reasons = {{"price", 0.4, 0.3}, {"features", 0.3, 0.2}, {"service", 0.2, 0.1}, {"other", 0.1, 0.2}};
    b.horizon_months = months;
    return b;
}

std::vector<Lever> bench_levers(const Baseline& b) {
    std::vector<Lever> levers;
    Lever keep;
    keep.kind = LeverKind::retention;
    keep.stages = {b.stages[1]};
    keep.points = 0.02;
    keep.cost_per_customer = 0.5;
    levers.push_back(keep);
    Lever care = keep;
    care.kind = LeverKind::care_plan;
    care.plan = "birthday";
    care.stages = {b.stages[2], b.stages[3]};
    levers.push_back(care);
    Lever convert;
    convert.kind = LeverKind::conversion;
    convert.from_stage = b.stages[0];
    convert.to_stage = b.stages[1];
    convert.points = 0.05;
    levers.push_back(convert);
    Lever winback;
    winback.kind = LeverKind::winback;
    winback.reason = "price";
    winback.to_stage = b.stages[0];
    winback.contact_rate = 0.5;
    winback.cost_per_customer = 2;
    levers.push_back(winback);
    Lever grow;
    grow.kind = LeverKind::acquisition;
    grow.volume_change = 0.2;
    levers.push_back(grow);
    Lever price;
    price.kind = LeverKind::price;
    price.margin_change = 0.05;
    price.points = -0.005;
    levers.push_back(price);
    return levers;
}

int run_bench(const Args& args) {
    const long long stages = parse_integer(option_value(args, "--stages").value_or("10")).value_or(-1);
    const long long months = parse_integer(option_value(args, "--months").value_or("60")).value_or(-1);
    const long long reps = parse_integer(option_value(args, "--reps").value_or("200")).value_or(-1);
    if (stages < 4 || stages > 200 || months < 1 || months > kMaxHorizonMonths || reps < 1 || reps > 1000000) {
        std::fprintf(stderr, "lifecycle project --bench: --stages 4..200, --months 1..600, --reps >= 1\n");
        return 2;
    }
    const Baseline b = bench_baseline(static_cast<int>(stages), static_cast<int>(months));
    const std::vector<Lever> levers = bench_levers(b);
    using Clock = std::chrono::steady_clock;
    double checksum = 0;
    Problems problems;
    auto start = Clock::now();
    for (long long r = 0; r < reps; ++r) {
        std::optional<Projection> p = project(b, levers, problems);
        if (!p) {
            print_problems(problems);
            return 1;
        }
        checksum += p->customer_equity;
    }
    const double project_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / static_cast<double>(reps);
    const long long sensitivity_reps = std::max(1LL, reps / 20);
    size_t bars = 0;
    start = Clock::now();
    for (long long r = 0; r < sensitivity_reps; ++r) {
        std::optional<Tornado> t = sensitivity(b, levers, problems);
        if (t) bars = t->bars.size();
    }
    const double sensitivity_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count() / static_cast<double>(sensitivity_reps);
    std::printf("project: %lld stages x %lld months, %zu levers: %.4f ms per projection (%lld runs, target <= 5 ms)\n",
                stages, months, levers.size(), project_ms, reps);
    std::printf("sensitivity: %zu bars (%zu projections): %.3f ms per tornado (%lld runs)\n", bars, 2 * bars + 1,
                sensitivity_ms, sensitivity_reps);
    std::printf("checksum: %.6f\n", checksum / static_cast<double>(reps));
    return 0;
}

// --months N (1..kMaxHorizonMonths) into months; false after printing why when it is not valid.
bool read_months_option(const Args& args, std::optional<int>& months) {
    const std::optional<std::string> text = option_value(args, "--months");
    if (!text) return true;
    const std::optional<long long> value = parse_integer(*text);
    if (!value || *value < 1 || *value > kMaxHorizonMonths) {
        std::fprintf(stderr, "lifecycle project: --months must be a whole number 1..%d, got '%s'\n", kMaxHorizonMonths,
                     text->c_str());
        return false;
    }
    months = static_cast<int>(*value);
    return true;
}

// The scenario named by --scenario, or an empty "baseline" one without it. Prints the known names
// and returns nullopt when no scenario has that name.
std::optional<Scenario> chosen_scenario(const Args& args, const Workspace& ws, const std::string& file,
                                        Problems& problems) {
    Scenario scenario;
    scenario.name = "baseline";
    const std::optional<std::string> wanted = option_value(args, "--scenario");
    if (!wanted) return scenario;
    const ScenarioSection section = scenario_section_from_json(ws.scenarios, problems);
    const int index = find_scenario(section, *wanted);
    if (index >= 0) return section.scenarios[static_cast<size_t>(index)];
    std::string names;
    for (const Scenario& s : section.scenarios) names += (names.empty() ? "" : ", ") + ("\"" + s.name + "\"");
    std::fprintf(stderr, "lifecycle project: no scenario named \"%s\" in %s (scenarios: %s)\n", wanted->c_str(),
                 file.c_str(), names.empty() ? "none" : names.c_str());
    print_problems(problems);
    return std::nullopt;
}

void print_sensitivity_text(const Tornado& t) {
    std::printf("\nSensitivity (equity at -%g%% / +%g%% of each input, largest swing first)\n", t.delta * 100,
                t.delta * 100);
    for (const TornadoBar& b : t.bars)
        std::printf("  %-40.40s %14.2f %14.2f  swing %.2f\n", b.label.c_str(), b.equity_low, b.equity_high, b.swing);
}

// Projects the scenario with and without its levers and prints the result (text or --json,
// optionally with the --sensitivity tornado). Returns the exit code.
int project_and_print(const Args& args, const Baseline& effective, const Scenario& scenario, const std::string& currency,
                      Problems& problems) {
    const std::optional<Projection> with = project(effective, scenario.levers, problems);
    const std::optional<Projection> without = project(effective, {}, problems);
    if (!with || !without) {
        print_problems(problems);
        return 1;
    }
    const std::optional<double> roi = scenario.levers.empty() ? std::nullopt : roi_between(*with, *without);
    if (has_flag(args, "--json")) {
        Json out = projection_json(scenario.name, *with, roi);
        if (has_flag(args, "--sensitivity")) {
            const std::optional<Tornado> t = sensitivity(effective, scenario.levers, problems);
            if (t) out["sensitivity"] = tornado_json(*t);
        }
        std::printf("%s\n", out.dump(1).c_str());
        return 0;
    }
    print_text(scenario.name, *with, roi, currency);
    if (has_flag(args, "--sensitivity")) {
        const std::optional<Tornado> t = sensitivity(effective, scenario.levers, problems);
        if (t) print_sensitivity_text(*t);
    }
    return 0;
}

}  // namespace

int cmd_project(const Args& args) {
    if (has_flag(args, "--help")) {
        std::printf("%s", kUsage);
        return 0;
    }
    if (has_flag(args, "--bench")) return run_bench(args);
    const std::vector<std::string> files = positionals(args, {"--scenario", "--months"});
    if (files.size() != 1) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    std::optional<int> months;
    if (!read_months_option(args, months)) return 2;
    const std::optional<Workspace> ws = load_workspace_file(files[0], "lifecycle project");
    if (!ws) return 1;
    Problems problems;
    const std::optional<Baseline> baseline = baseline_from_workspace(*ws, problems);
    if (!baseline) {
        print_problems(problems);
        return 1;
    }
    const std::optional<Scenario> scenario = chosen_scenario(args, *ws, files[0], problems);
    if (!scenario) return 1;
    std::optional<Baseline> effective = scenario_baseline(*baseline, *scenario, problems);
    if (!effective) {
        print_problems(problems);
        return 1;
    }
    if (months) effective->horizon_months = *months;
    return project_and_print(args, *effective, *scenario, ws->meta.currency, problems);
}

}  // namespace lcs::cli

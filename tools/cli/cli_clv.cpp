// CLV commands: fit, predict, clv, simulate, bench-fit, bench-intervals. All numbers come from core/clv.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "core/clv/bgbb.h"
#include "core/clv/bgnbd.h"
#include "core/clv/bootstrap.h"
#include "core/clv/customer_clv.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"
#include "core/clv/rfm_csv.h"
#include "core/clv/rfm_summary.h"
#include "core/clv/sbg.h"
#include "core/clv/simulate.h"
#include "core/clv/valuation.h"
#include "core/clv/valuation_intervals.h"
#include "core/csv_import.h"
#include "core/customer_facts.h"
#include "core/problem_kinds.h"
#include "core/workspace_io.h"

namespace lcs::cli {

namespace {

using Json = nlohmann::json;
using namespace lcs::clv;

const std::vector<std::string> kValueOptions = {"--model", "--period", "--calibration-end", "--horizon", "--discount",
                                                "--margin", "--csv", "--customers", "--seed", "--r", "--alpha",
                                                "--a", "--b", "-o", "--data-unit", "--holdout", "--retention",
                                                "--cohort-periods", "--level", "--interval", "--draws",
                                                "--opportunity"};

int fail(const std::string& message) {
    std::fprintf(stderr, "lifecycle: %s\n", message.c_str());
    return 1;
}

int fail(const Problem& problem) {
    print_problems({problem});
    return 1;
}

Json number_or_null(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

// What a model input file turned into.
struct Input {
    std::vector<CustomerRfm> customers;
    std::vector<double> alive;  // sbg only
    std::vector<BgBbRow> bgbb;  // bgbb only: the condensed table
    bool has_spend = false;
    std::string source;         // "summary", "transactions", "workspace", "survival"
    std::optional<Workspace> workspace;  // dated data (workspace, transactions): what `clv` values
};

std::optional<Problem> summarise_events(const std::vector<CustomerEvents>& events, const Args& args,
                                        std::optional<Date> default_end, PeriodUnit unit, Input& input) {
    RfmBuildOptions options;
    options.unit = unit;
    if (auto text = option_value(args, "--calibration-end")) {
        const auto date = parse_iso_date(*text);
        if (!date) return Problem{cli_problem::kBadOption, "--calibration-end", "\"" + *text + "\" is not a YYYY-MM-DD date"};
        options.calibration_end = *date;
    } else if (default_end) {
        options.calibration_end = *default_end;
    } else if (auto last = last_purchase_date(events)) {
        options.calibration_end = *last;
    } else {
        return Problem{fit_problem::kNoData, "", "the file has no purchases"};
    }
    input.customers = build_rfm_summary(events, options);
    input.has_spend = true;
    return std::nullopt;
}

// Summaries of input.workspace up to --calibration-end, else its analysis_date (customer_facts.h)
// when it has one (meta.as_of or a transaction).
std::optional<Problem> summarise_workspace(const Args& args, PeriodUnit unit, Input& input) {
    const Workspace& ws = *input.workspace;
    std::optional<Date> end;
    if (ws.meta.as_of || last_transaction_date(ws)) end = analysis_date(ws);
    return summarise_events(events_from_workspace(ws), args, end, unit, input);
}

// Reads FILE as a workspace JSON, a summary CSV, a period/alive CSV (sbg) or a transaction log.
std::optional<Problem> load_input(const std::string& path, const Args& args, bool survival, Input& input) {
    std::string text, error;
    if (!read_file(path, text, error)) return Problem{cli_problem::kIo, path, error};
    PeriodUnit unit = PeriodUnit::week;
    if (auto name = option_value(args, "--data-unit")) {
        if (!parse_period_unit(*name)) return Problem{cli_problem::kBadOption, "--period/--data-unit", "use day, week or month"};
        unit = *parse_period_unit(*name);
    }
    const size_t start = text.find_first_not_of(" \t\r\n");
    if (start != std::string::npos && text[start] == '{') {
        LoadResult loaded = load_workspace_json(text);
        if (!loaded.ok()) {
            if (loaded.problems.empty()) return Problem{workspace_problem::kInvalid, path, "the workspace could not be read"};
            print_problems(loaded.problems);
            return loaded.problems.front();
        }
        input.source = "workspace";
        input.workspace = std::move(*loaded.workspace);
        return summarise_workspace(args, unit, input);
    }
    if (survival) {
        input.source = "survival";
        SurvivalCsv table = parse_survival_csv(text);
        input.alive = std::move(table.alive);
        return table.problem;
    }
    if (looks_like_rfm_csv(text)) {
        RfmCsv csv = parse_rfm_csv(text);
        if (csv.problem) return csv.problem;
        input.source = "summary";
        input.customers = std::move(csv.customers);
        input.has_spend = csv.has_spend;
        return std::nullopt;
    }
    const CsvImportResult imported = import_transactions_csv(text, CsvOptions{});
    if (imported.customers.empty()) {
        if (!imported.problems.empty()) return imported.problems.front();
        return Problem{fit_problem::kNoData, path, "no transactions found"};
    }
    if (!imported.problems.empty()) print_problems(imported.problems);
    input.source = "transactions";
    input.workspace = workspace_from_import(imported, path);
    return summarise_workspace(args, unit, input);
}

// bgbb: the condensed table (frequency,recency,periods[,weights]), or dated data (a workspace or a
// transaction log) grouped into opportunities of --opportunity periods of --period (default 12
// months: yearly), up to --calibration-end or the data's analysis date.
std::optional<Problem> load_bgbb_input(const std::string& path, const Args& args, Input& input) {
    std::string text, error;
    if (!read_file(path, text, error)) return Problem{cli_problem::kIo, path, error};
    if (looks_like_bgbb_csv(text)) {
        BgBbCsv csv = parse_bgbb_csv(text);
        if (csv.problem) return csv.problem;
        input.source = "condensed";
        input.bgbb = std::move(csv.rows);
        return std::nullopt;
    }
    OpportunityOptions options;
    const auto unit = parse_period_unit(option_value(args, "--period").value_or("month"));
    const auto per = parse_integer(option_value(args, "--opportunity").value_or(unit == PeriodUnit::month ? "12" : "1"));
    if (!unit) return Problem{cli_problem::kBadOption, "--period", "use day, week or month"};
    if (!per || *per < 1 || *per > 100000) return Problem{cli_problem::kBadOption, "--opportunity", "a whole number of periods >= 1"};
    options.unit = *unit;
    options.periods_per_opportunity = static_cast<int>(*per);
    if (auto problem = load_input(path, args, false, input)) return problem;
    if (!input.workspace)
        return Problem{fit_problem::kBadData, path, "BG/BB needs a condensed table (frequency,recency,periods,weights) or dated purchases"};
    const auto end_text = option_value(args, "--calibration-end");
    options.calibration_end = end_text ? *parse_iso_date(*end_text) : analysis_date(*input.workspace);  // load_input checked it
    input.bgbb = opportunity_table(events_from_workspace(*input.workspace), options);
    return std::nullopt;
}

double total_weight(const std::vector<BgBbRow>& rows) {
    double total = 0;
    for (const BgBbRow& r : rows) total += r.weight;
    return total;
}

// fit/predict take --period as the unit of the summary built from transactions.
Args with_period_as_unit(const Args& args) {
    Args out = args;
    if (auto period = option_value(args, "--period"); period && !option_value(args, "--data-unit")) {
        out.push_back("--data-unit");
        out.push_back(*period);
    }
    return out;
}

// The fitter of a model on its input (run it in place: a fitter must not move once stepped).
ModelFitter make_fitter(const std::string& model, const Input& input) {
    if (model == "bgnbd") return make_bgnbd_fitter(input.customers);
    if (model == "paretonbd") return make_pareto_nbd_fitter(input.customers);
    if (model == "gg") return make_gamma_gamma_fitter(input.customers);
    if (model == "bgbb") return make_bgbb_fitter(input.bgbb);
    return make_sbg_fitter(input.alive);
}

// --level / --interval: a two-sided coverage; nullopt (after saying why) when invalid.
std::optional<double> coverage_option(const Args& args, const char* name, const char* fallback) {
    const auto text = option_value(args, name);
    const auto level = parse_number(text.value_or(fallback));
    if (!level || *level < 0.5 || *level > 0.9999) {
        fail(std::string(name) + " must be a coverage between 0.5 and 0.9999 (0.9 = 90%)");
        return std::nullopt;
    }
    return level;
}

// {"r": [lo, hi], ...}; null per parameter when there are no intervals (see "intervals_message").
Json intervals_json(const ParameterIntervals& iv) {
    Json out = Json::object();
    for (size_t i = 0; i < iv.names.size(); ++i)
        out[iv.names[i]] = iv.ok() ? Json::array({number_or_null(iv.lower[i]), number_or_null(iv.upper[i])}) : Json(nullptr);
    return out;
}

void add_intervals_json(const ParameterIntervals& iv, Json& out) {
    out["intervals"] = intervals_json(iv);
    out["level"] = iv.level;
    if (!iv.ok()) out["intervals_message"] = iv.message;
}

Json fit_json(const FitResult& fit) {
    Json params = Json::object(), errors = Json::object();
    for (size_t i = 0; i < fit.names.size() && i < fit.params.size(); ++i) {
        params[fit.names[i]] = number_or_null(fit.params[i]);
        errors[fit.names[i]] = i < fit.std_errors.size() ? number_or_null(fit.std_errors[i]) : Json(nullptr);
    }
    Json out = {{"model", fit.model}, {"params", params}, {"std_errors", errors},
                {"log_likelihood", number_or_null(fit.log_likelihood)}, {"iterations", fit.iterations},
                {"converged", fit.converged}, {"message", fit.message}};
    return out;
}

// --interval LEVEL (optional) with --draws N and --seed S: what a bootstrap needs; false (after
// saying why) when an option is invalid.
struct IntervalOptions {
    std::optional<double> level;  // nullopt: no intervals asked for
    int draws = kDefaultDraws;
    uint64_t seed = 1;
};

bool interval_options(const Args& args, IntervalOptions& out) {
    if (!option_value(args, "--interval")) return true;
    out.level = coverage_option(args, "--interval", "0.9");
    const auto draws = parse_integer(option_value(args, "--draws").value_or("200"));
    const auto seed = parse_integer(option_value(args, "--seed").value_or("1"));
    if (!draws || *draws < 20 || *draws > 100000) {
        fail("--draws must be a whole number of parameter draws between 20 and 100000");
        return false;
    }
    if (!seed || *seed < 0) {
        fail("--seed must be a whole number >= 0");
        return false;
    }
    out.draws = static_cast<int>(*draws);
    out.seed = static_cast<uint64_t>(*seed);
    return out.level.has_value();
}

// Adds name_lo / name_hi to a JSON row.
void add_interval(Json& row, const char* name, const Interval& iv) {
    row[std::string(name) + "_lo"] = number_or_null(iv.lo);
    row[std::string(name) + "_hi"] = number_or_null(iv.hi);
}

int fail_no_intervals(const ParameterIntervals& iv) {
    return fail(Problem{fit_problem::kFailed, "--interval", "no intervals: " + iv.message});
}

void print_fit_text(const FitResult& fit, size_t customers, const ParameterIntervals* iv = nullptr) {
    std::printf("model %s, %zu customers\n", fit.model.c_str(), customers);
    for (size_t i = 0; i < fit.params.size(); ++i) {
        std::printf("  %-6s = %.6g%s", fit.names[i].c_str(), fit.params[i],
                    i < fit.std_errors.size() ? (" (se " + std::to_string(fit.std_errors[i]) + ")").c_str() : "");
        if (iv && iv->ok()) std::printf("  %g%% interval [%.6g, %.6g]", 100 * iv->level, iv->lower[i], iv->upper[i]);
        std::printf("\n");
    }
    std::printf("  log-likelihood %.4f, %d iterations, %s\n", fit.log_likelihood, fit.iterations, fit.message.c_str());
    if (iv && !iv->ok()) std::printf("  no intervals: %s\n", iv->message.c_str());
}

std::optional<std::string> single_file(const Args& args, const char* usage) {
    const std::vector<std::string> files = positionals(args, kValueOptions);
    if (files.size() != 1) {
        std::fprintf(stderr, "usage: lifecycle %s\n", usage);
        return std::nullopt;
    }
    return files[0];
}

double peak_rss_mb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

// CPU seconds of this process (std::clock): wall time is meaningless on a shared, loaded machine.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct SteppedFit {
    FitResult result;
    double setup_s = 0;            // constructing the fitter
    double longest_step_s = 0;     // the longest single step(1) call
    double longest_se_step_s = 0;  // the longest of those spent on standard errors
    int steps = 0;
};

// Fits with step(1) calls, as the CLV panel does within its per-frame budget, timing each call.
SteppedFit fit_one_step_at_a_time(const std::function<ModelFitter()>& make_fitter) {
    SteppedFit out;
    const double begin = cpu_seconds();
    ModelFitter fitter = make_fitter();
    out.setup_s = cpu_seconds() - begin;
    bool standard_errors = false;
    while (!fitter.done()) {
        const double before = cpu_seconds();
        const FitProgress progress = fitter.step(1);
        const double took = cpu_seconds() - before;
        out.longest_step_s = std::fmax(out.longest_step_s, took);
        if (standard_errors) out.longest_se_step_s = std::fmax(out.longest_se_step_s, took);
        standard_errors = progress.standard_errors;
        ++out.steps;
    }
    out.result = fitter.result();
    return out;
}

// `clv` options as valuation settings; prints the reason and returns nullopt when one is invalid.
// --model also takes the valuation ids (bgnbd, paretonbd: the same as bgnbd+gg, paretonbd+gg).
std::optional<ValuationSettings> clv_settings(const Args& args) {
    std::string model = option_value(args, "--model").value_or("");
    if (model == "bgnbd+gg" || model == "paretonbd+gg") model.resize(model.size() - 3);
    const auto kind = parse_valuation_model(model);
    const auto horizon = parse_integer(option_value(args, "--horizon").value_or("12"));
    const auto period = parse_period_unit(option_value(args, "--period").value_or("month"));
    const auto discount = parse_number(option_value(args, "--discount").value_or("0.01"));
    const auto margin = parse_number(option_value(args, "--margin").value_or("1"));
    const auto data_unit = parse_period_unit(option_value(args, "--data-unit").value_or("week"));
    const auto holdout = parse_integer(option_value(args, "--holdout").value_or("0"));
    const auto retention = parse_number(option_value(args, "--retention").value_or("0.8"));
    const auto cohort = parse_integer(option_value(args, "--cohort-periods").value_or("12"));
    const auto end_text = option_value(args, "--calibration-end");
    const std::optional<Date> end = end_text ? parse_iso_date(*end_text) : std::nullopt;
    const char* error = !kind ? "--model must be bgnbd+gg, paretonbd+gg, sbg, markov or simple"
        : !horizon || *horizon < 0 || *horizon > 100000 ? "--horizon must be a whole number of periods >= 0"
        : !period ? "--period must be day, week or month"
        : !discount || *discount < 0 ? "--discount must be a rate >= 0 per period (0.01 = 1%)"
        : !margin ? "--margin must be a number (share of spend that is profit)"
        : !data_unit ? "--data-unit must be day, week or month"
        : !holdout || *holdout < 0 || *holdout > 100000 ? "--holdout must be a whole number of periods >= 0"
        : !retention ? "--retention must be a number (share kept per period)"
        : !cohort || *cohort < 1 || *cohort > 100000 ? "--cohort-periods must be a whole number >= 1"
        : end_text && !end ? "--calibration-end must be a YYYY-MM-DD date"
        : nullptr;
    if (error) {
        fail(error);
        return std::nullopt;
    }
    ValuationSettings s;
    s.model = *kind;
    s.unit = *period;
    s.fit_unit = *data_unit;
    s.holdout_periods = static_cast<int>(*holdout);
    s.calibration_end = end;
    s.horizon = static_cast<int>(*horizon);
    s.discount = *discount;
    s.margin = *margin;
    s.retention = *retention;
    s.cohort_periods = static_cast<int>(*cohort);
    // Values from the refit on all data up to the analysis date unless asked for the calibration end.
    s.value_at_analysis_date = !has_flag(args, "--value-at-calibration-end");
    return s;
}

// The bootstrap's intervals of row i (its rows are the valuation's summaries, in order).
const CustomerIntervals* row_intervals(const ClvBootstrap* bootstrap, size_t i) {
    return bootstrap && i < bootstrap->customers().size() ? &bootstrap->customers()[i] : nullptr;
}

std::string clv_csv(const ValuationResult& result, const ClvBootstrap* bootstrap) {
    std::string csv = "id,p_alive,expected_purchases,expected_spend,clv";
    csv += bootstrap ? ",p_alive_lo,p_alive_hi,expected_purchases_lo,expected_purchases_hi,clv_lo,clv_hi\n" : "\n";
    for (size_t i = 0; i < result.rows.size(); ++i) {
        const CustomerClv& v = result.rows[i].value;
        char line[256];
        std::snprintf(line, sizeof line, ",%.10g,%.10g,%.10g,%.10g", v.p_alive, v.expected_purchases, v.expected_spend, v.clv);
        csv += v.id + line;
        if (const CustomerIntervals* ci = row_intervals(bootstrap, i)) {
            std::snprintf(line, sizeof line, ",%.10g,%.10g,%.10g,%.10g,%.10g,%.10g", ci->p_alive.lo, ci->p_alive.hi,
                          ci->expected_purchases.lo, ci->expected_purchases.hi, ci->clv.lo, ci->clv.hi);
            csv += line;
        }
        csv += "\n";
    }
    return csv;
}

Json clv_rows_json(const ValuationResult& result, const ClvBootstrap* bootstrap) {
    Json rows = Json::array();
    for (size_t i = 0; i < result.rows.size(); ++i) {
        const CustomerClv& v = result.rows[i].value;
        Json row = {{"id", v.id}, {"p_alive", number_or_null(v.p_alive)},
                    {"expected_purchases", number_or_null(v.expected_purchases)},
                    {"expected_spend", number_or_null(v.expected_spend)}, {"clv", number_or_null(v.clv)}};
        if (const CustomerIntervals* ci = row_intervals(bootstrap, i)) {
            add_interval(row, "p_alive", ci->p_alive);
            add_interval(row, "expected_purchases", ci->expected_purchases);
            add_interval(row, "clv", ci->clv);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// Dated input only: the dates the valuation used and its per-stage summary.
void add_dated_json(const ValuationResult& result, Json& out) {
    out["as_of"] = to_iso(result.as_of);
    out["calibration_end"] = to_iso(result.calibration_end);
    // Which fit the numbers come from: the values from the fit on purchases up to valued_at, the
    // holdout check (when refitted) from the fit up to calibration_end.
    out["valued_at"] = to_iso(result.valued_at);
    out["holdout_check"] = result.holdout ? Json{{"counts_fit", result.holdout->count_fit ? fit_json(*result.holdout->count_fit) : Json(nullptr)},
                                                 {"spend_fit", result.holdout->spend_fit ? fit_json(*result.holdout->spend_fit) : Json(nullptr)}}
                                          : Json(nullptr);
    Json stages = Json::array();
    for (size_t i = 0; i < result.stages.size(); ++i) {
        const StageValuationRow& s = result.stages[i];
        stages.push_back({{"name", i < result.stage_names.size() ? result.stage_names[i].en : ""},
                          {"customers", s.customers}, {"valued", s.value.valued},
                          {"equity", number_or_null(s.value.equity)}, {"mean", number_or_null(s.value.mean)},
                          {"markov", number_or_null(s.markov)}, {"margin", number_or_null(s.margin)}});
    }
    out["stages"] = stages;
}

// clv --interval: the parameter intervals of both fits and the bootstrap of every customer, run to
// the end; a problem when the fits give no intervals.
struct ClvIntervals {
    ValuationIntervals parameters;
    std::optional<ClvBootstrap> bootstrap;
};

std::optional<Problem> clv_intervals(const ValuationResult& result, bool dated, const IntervalOptions& options,
                                     ClvIntervals& out) {
    const ValuationSettings& s = result.settings;
    // The resolution the valuation pooled with (valuation.cpp): whole days for dated data.
    const double resolution = dated ? 1.0 / period_length_days(s.fit_unit.value_or(s.unit)) : 0.0;
    std::optional<ValuationIntervals> iv = valuation_intervals(result, resolution, *options.level, options.draws, options.seed);
    if (!iv) return Problem{clv_problem::kBadInput, "--interval", "intervals need a count model (bgnbd+gg or paretonbd+gg)"};
    if (iv->draws.empty()) {
        const std::string& why = !iv->counts.ok() ? iv->counts.message : !iv->spend.ok() ? iv->spend.message
                                 : "the fitted distribution lies mostly where the model is undefined";
        return Problem{fit_problem::kFailed, "--interval", "no intervals: " + why};
    }
    out.parameters = std::move(*iv);
    out.bootstrap.emplace(result.rfm, out.parameters.draws, out.parameters.bootstrap);
    while (out.bootstrap->step(4096)) {
    }
    return std::nullopt;
}

}  // namespace

int cmd_fit(const Args& raw) {
    const Args args = with_period_as_unit(raw);
    const auto file = single_file(args, "fit FILE --model bgnbd|paretonbd|gg|sbg|bgbb [--period day|week|month] [--calibration-end DATE] [--opportunity N] [--level 0.9] [--json]");
    if (!file) return 2;
    const std::string model = option_value(args, "--model").value_or("");
    if (model != "bgnbd" && model != "paretonbd" && model != "gg" && model != "sbg" && model != "bgbb")
        return fail("--model must be bgnbd, paretonbd, gg, sbg or bgbb");
    const std::optional<double> level = coverage_option(args, "--level", "0.9");
    if (!level) return 1;
    Input input;
    if (auto problem = model == "bgbb" ? load_bgbb_input(*file, raw, input) : load_input(*file, args, model == "sbg", input))
        return fail(*problem);
    if (model == "gg" && !input.has_spend)
        return fail(Problem{fit_problem::kNoSpend, *file, "Gamma-Gamma needs a zbar or monetary_value column (or transaction amounts)"});
    ModelFitter fitter = make_fitter(model, input);
    const FitResult& fit = fitter.run();
    if (!fit.ok()) return fail(*fit.problem);
    const ParameterIntervals intervals = parameter_intervals(fitter, *level);
    const double customers = model == "sbg" ? (input.alive.empty() ? 0.0 : input.alive[0])
                             : model == "bgbb" ? total_weight(input.bgbb)
                                               : static_cast<double>(input.customers.size());
    if (has_flag(args, "--json")) {
        Json out = fit_json(fit);
        add_intervals_json(intervals, out);
        out["customers"] = static_cast<long long>(customers);
        std::printf("%s\n", out.dump().c_str());
    } else {
        print_fit_text(fit, static_cast<size_t>(customers), &intervals);
    }
    return fit.converged ? 0 : 4;
}

int cmd_predict(const Args& raw) {
    const Args args = with_period_as_unit(raw);
    const auto file = single_file(args, "predict FILE --model bgnbd|paretonbd --horizon T [--interval 0.9 [--draws N] [--seed S]] [--json]");
    if (!file) return 2;
    const std::string model = option_value(args, "--model").value_or("");
    if (model != "bgnbd" && model != "paretonbd") return fail("--model must be bgnbd or paretonbd");
    const auto horizon = parse_number(option_value(args, "--horizon").value_or(""));
    if (!horizon || *horizon < 0) return fail("--horizon must be a number >= 0 (model time units)");
    IntervalOptions interval;
    if (!interval_options(args, interval)) return 1;
    Input input;
    if (auto problem = load_input(*file, args, false, input)) return fail(*problem);
    ModelFitter fitter = make_fitter(model, input);
    const FitResult& fit = fitter.run();
    if (!fit.ok()) return fail(*fit.problem);
    CountParams counts;
    counts.model = model == "bgnbd" ? CountModel::bgnbd : CountModel::pareto_nbd;
    counts.bgnbd = bgnbd_params(fit);
    counts.pareto_nbd = pareto_nbd_params(fit);
    // Refused as the valuation refuses it: expected purchases are undefined for such a fit.
    if (auto problem = identification_problem(counts)) return fail(*problem);
    // Intervals: the same parameter draws for every customer (bootstrap.h), purchases in (T, T + horizon].
    std::optional<ClvBootstrap> bootstrap;
    ParameterIntervals parameters;
    if (interval.level) {
        parameters = parameter_intervals(fitter, *interval.level);
        if (!parameters.ok()) return fail_no_intervals(parameters);
        BootstrapSettings settings;
        settings.level = *interval.level;
        settings.clv.horizon_periods = *horizon > 0 ? 1 : 0;
        settings.clv.period_length = *horizon;
        bootstrap.emplace(input.customers, draw_clv_parameters(counts.model, parameters, nullptr, interval.draws, interval.seed),
                          settings);
        while (bootstrap->step(4096)) {
        }
    }
    Json rows = Json::array();
    std::string text;
    for (size_t i = 0; i < input.customers.size(); ++i) {
        const CustomerRfm& c = input.customers[i];
        const double alive = count_p_alive(counts, c);
        const double expected = count_expected_purchases(counts, c, *horizon);
        Json row = {{"id", c.id}, {"p_alive", number_or_null(alive)}, {"expected_purchases", number_or_null(expected)}};
        char line[256];
        std::snprintf(line, sizeof line, "%-12s %10.6f %12.6f", c.id.c_str(), alive, expected);
        text += line;
        if (bootstrap) {
            const CustomerIntervals& ci = bootstrap->customers()[i];
            add_interval(row, "p_alive", ci.p_alive);
            add_interval(row, "expected_purchases", ci.expected_purchases);
            std::snprintf(line, sizeof line, " %10.6f %10.6f %12.6f %12.6f", ci.p_alive.lo, ci.p_alive.hi,
                          ci.expected_purchases.lo, ci.expected_purchases.hi);
            text += line;
        }
        text += "\n";
        rows.push_back(std::move(row));
    }
    if (has_flag(args, "--json")) {
        Json out = {{"model", model}, {"horizon", *horizon}, {"fit", fit_json(fit)}, {"customers", rows}};
        if (bootstrap) {
            add_intervals_json(parameters, out["fit"]);
            out["draws"] = bootstrap->draw_count();
            const Interval total = bootstrap->total_purchases();
            out["total_expected_purchases_lo"] = number_or_null(total.lo);
            out["total_expected_purchases_hi"] = number_or_null(total.hi);
        }
        std::printf("%s\n", out.dump().c_str());
    } else {
        print_fit_text(fit, input.customers.size(), bootstrap ? &parameters : nullptr);
        std::printf("%-12s %10s %12s", "id", "p_alive", "expected");
        if (bootstrap) std::printf(" %10s %10s %12s %12s", "p_alive_lo", "p_alive_hi", "expected_lo", "expected_hi");
        std::printf("\n%s", text.c_str());
    }
    return 0;
}

int cmd_clv(const Args& args) {
    const auto file = single_file(args, "clv FILE --model bgnbd+gg|paretonbd+gg|sbg|markov|simple --horizon N --period month --discount D [--margin M] [--data-unit week] [--holdout N | --calibration-end DATE] [--value-at-calibration-end] [--retention R] [--cohort-periods N] [--interval 0.9 [--draws N] [--seed S]] [--json|--csv OUT]");
    if (!file) return 2;
    const std::string model = option_value(args, "--model").value_or("");
    const std::optional<ValuationSettings> settings = clv_settings(args);
    if (!settings) return 1;  // clv_settings printed why
    IntervalOptions interval;
    if (!interval_options(args, interval)) return 1;
    if (interval.level && !is_count_model(settings->model))
        return fail(Problem{clv_problem::kBadInput, "--interval", "intervals need a count model (bgnbd+gg or paretonbd+gg)"});
    Input input;
    if (auto problem = load_input(*file, args, false, input)) return fail(*problem);
    if (!input.has_spend) return fail(Problem{fit_problem::kNoSpend, *file, "CLV needs spend: a zbar or monetary_value column, or transaction amounts"});
    // The same core valuation as the app's CLV panel; the stage summary's lifecycle inputs are
    // computed here the way the app's lifecycle views compute them.
    std::optional<OwnedLifecycleInputs> lifecycle;
    const ValuationResult result =
        input.workspace ? run_valuation(*input.workspace, *settings,
                                        [&] {
                                            if (!lifecycle) lifecycle = compute_lifecycle_inputs(*input.workspace);
                                            return lifecycle->view();
                                        })
                        : run_valuation(input.customers, *settings);
    if (!result.ok()) return fail(*result.problem);
    ClvIntervals intervals;
    if (interval.level)
        if (auto problem = clv_intervals(result, input.workspace.has_value(), interval, intervals)) return fail(*problem);
    const ClvBootstrap* bootstrap = intervals.bootstrap ? &*intervals.bootstrap : nullptr;
    double total = 0;
    for (const ValuationRow& row : result.rows) total += row.value.clv;
    if (auto out_path = option_value(args, "--csv")) {
        std::string error;
        if (!write_file(*out_path, clv_csv(result, bootstrap), error)) return fail(error);
    }
    const size_t customers = is_count_model(settings->model) ? result.rfm.size() : result.rows.size();
    if (has_flag(args, "--json")) {
        Json out = {{"model", model}, {"horizon", settings->horizon}, {"period", period_unit_name(settings->unit)},
                    {"discount", settings->discount}, {"margin", settings->margin},
                    {"counts_fit", result.count_fit ? fit_json(*result.count_fit) : Json(nullptr)},
                    {"spend_fit", result.spend_fit ? fit_json(*result.spend_fit) : Json(nullptr)},
                    {"total_clv", number_or_null(total)}, {"customers", clv_rows_json(result, bootstrap)}};
        if (input.workspace) add_dated_json(result, out);
        if (bootstrap) {
            add_intervals_json(intervals.parameters.counts, out["counts_fit"]);
            add_intervals_json(intervals.parameters.spend, out["spend_fit"]);
            const Interval equity = bootstrap->total_clv();
            out["total_clv_lo"] = number_or_null(equity.lo);
            out["total_clv_hi"] = number_or_null(equity.hi);
            out["level"] = *interval.level;
            out["draws"] = bootstrap->draw_count();
        }
        std::printf("%s\n", out.dump().c_str());
    } else if (!option_value(args, "--csv")) {
        if (result.count_fit) print_fit_text(*result.count_fit, customers, bootstrap ? &intervals.parameters.counts : nullptr);
        if (result.spend_fit) print_fit_text(*result.spend_fit, customers, bootstrap ? &intervals.parameters.spend : nullptr);
        std::printf("%-12s %9s %10s %10s %12s%s\n", "id", "p_alive", "purchases", "spend", "clv",
                    bootstrap ? "       clv_lo       clv_hi" : "");
        for (size_t i = 0; i < result.rows.size(); ++i) {
            const CustomerClv& v = result.rows[i].value;
            std::printf("%-12s %9.4f %10.4f %10.4f %12.4f", v.id.c_str(), v.p_alive, v.expected_purchases, v.expected_spend, v.clv);
            if (const CustomerIntervals* ci = row_intervals(bootstrap, i)) std::printf(" %12.4f %12.4f", ci->clv.lo, ci->clv.hi);
            std::printf("\n");
        }
    }
    if (option_value(args, "--csv") || !has_flag(args, "--json")) {
        std::fprintf(has_flag(args, "--json") ? stderr : stdout, "total CLV over %d %ss: %.2f (%zu customers)\n",
                     settings->horizon, period_unit_name(settings->unit), total, result.rows.size());
        if (bootstrap)
            std::fprintf(has_flag(args, "--json") ? stderr : stdout, "%g%% interval of the total: [%.2f, %.2f] (%d draws)\n",
                         100 * *interval.level, bootstrap->total_clv().lo, bootstrap->total_clv().hi, bootstrap->draw_count());
    }
    return 0;
}

int cmd_simulate(const Args& args) {
    const std::string model = option_value(args, "--model").value_or("bgnbd");
    if (model != "bgnbd") return fail("only --model bgnbd can be simulated");
    const auto out_path = option_value(args, "-o");
    if (!out_path) return fail("usage: lifecycle simulate --model bgnbd --customers N --seed S [--r R --alpha A --a A --b B] -o OUT.csv");
    BgNbdSimulation sim;
    const auto customers = parse_integer(option_value(args, "--customers").value_or("1000"));
    const auto seed = parse_integer(option_value(args, "--seed").value_or("1"));
    if (!customers || *customers < 1 || *customers > 100000000) return fail("--customers must be a whole number >= 1");
    if (!seed || *seed < 0) return fail("--seed must be a whole number >= 0");
    sim.customers = static_cast<int>(*customers);
    sim.seed = static_cast<uint64_t>(*seed);
    struct { const char* name; double* target; } params[] = {
        {"--r", &sim.params.r}, {"--alpha", &sim.params.alpha}, {"--a", &sim.params.a}, {"--b", &sim.params.b}};
    for (auto& p : params) {
        if (auto text = option_value(args, p.name)) {
            const auto v = parse_number(*text);
            if (!v || *v <= 0) return fail(std::string(p.name) + " must be a number > 0");
            *p.target = *v;
        }
    }
    std::string error;
    if (!write_file(*out_path, write_rfm_csv(simulate_bgnbd(sim)), error)) return fail(error);
    std::printf("wrote %d simulated customers (r=%g alpha=%g a=%g b=%g, T uniform in [%g, %g] weeks, day resolution) to %s\n",
                sim.customers, sim.params.r, sim.params.alpha, sim.params.a, sim.params.b, sim.T_min, sim.T_max, out_path->c_str());
    return 0;
}

int cmd_bench_fit(const Args& args) {
    std::vector<long long> sizes;
    std::stringstream list(option_value(args, "--customers").value_or("10000,100000,1000000"));
    std::string item;
    while (std::getline(list, item, ',')) {
        const auto n = parse_integer(item);
        if (!n || *n < 1 || *n > 100000000) return fail("--customers takes whole numbers separated by commas");
        sizes.push_back(*n);
    }
    const std::string model = option_value(args, "--model").value_or("bgnbd");
    if (model != "bgnbd" && model != "paretonbd") return fail("--model must be bgnbd or paretonbd");
    auto make_fitter = [&model](const std::vector<CustomerRfm>& customers, FitOptions options) {
        return model == "bgnbd" ? make_bgnbd_fitter(customers, 0, options)
                                : make_pareto_nbd_fitter(customers, 0, options);
    };
    using Clock = std::chrono::steady_clock;
    std::printf("model %s\n%10s %9s %10s %13s %9s %6s %16s %13s %9s %11s %11s\n", model.c_str(), "customers", "rows",
                "fit_cpu_s", "fit+se_cpu_s", "setup_ms", "steps", "longest_step_ms", "se_step_ms", "gg_cpu_s",
                "all_wall_s", "peak_rss_mb");
    for (long long n : sizes) {
        BgNbdSimulation sim;
        sim.customers = static_cast<int>(n);
        sim.seed = 7;
        const std::vector<CustomerRfm> customers = simulate_bgnbd(sim);
        FitOptions no_se;
        no_se.standard_errors = false;
        const auto wall0 = Clock::now();
        const double t0 = cpu_seconds();
        ModelFitter plain = make_fitter(customers, no_se);
        const FitResult fit = plain.run();
        const double t1 = cpu_seconds();
        const SteppedFit stepped = fit_one_step_at_a_time([&] { return make_fitter(customers, {}); });
        const double t2 = cpu_seconds();
        const FitResult gg = fit_gamma_gamma(customers, no_se);
        const double t3 = cpu_seconds();
        const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
        const size_t rows = pool_rfm(customers).rows.size();
        std::printf("%10lld %9zu %10.4f %13.4f %9.2f %6d %16.2f %13.2f %9.4f %11.4f %11.1f\n", n, rows, t1 - t0,
                    t2 - t1, 1e3 * stepped.setup_s, stepped.steps, 1e3 * stepped.longest_step_s,
                    1e3 * stepped.longest_se_step_s, t3 - t2, wall, peak_rss_mb());
        if (!fit.ok() || !gg.ok() || !stepped.result.ok()) return fail("a benchmark fit failed");
        const FitResult& f = stepped.result;
        std::printf("           %s %s=%.4f %s=%.4f %s=%.4f %s=%.4f (%d it, %zu se)  "
                    "gg p=%.3f q=%.3f gamma=%.3f (%d it)\n",
                    model.c_str(), f.names[0].c_str(), f.params[0], f.names[1].c_str(), f.params[1], f.names[2].c_str(),
                    f.params[2], f.names[3].c_str(), f.params[3], f.iterations, f.std_errors.size(), gg.params[0],
                    gg.params[1], gg.params[2], gg.iterations);
    }
    std::printf("Simulated BG/NBD data (r=0.243 alpha=4.414 a=0.793 b=2.426, T 26-52 weeks, day resolution, pooled);\n"
                "CPU seconds of this process. fit_cpu_s: pooling + BFGS (ModelFitter::run);\n"
                "fit+se_cpu_s: the same plus standard errors, one step(1) call at a time as the CLV panel does;\n"
                "setup_ms: building that fitter (pooling, scoring the starts); longest_step_ms: its longest step(1),\n"
                "se_step_ms: the longest of its steps on standard errors (std::clock: 1 ms resolution under Node);\n"
                "gg_cpu_s: Gamma-Gamma on the repeat customers; all_wall_s: wall time of the three fits.\n");
    return 0;
}

int cmd_bench_intervals(const Args& args) {
    const auto customers = parse_integer(option_value(args, "--customers").value_or("100000"));
    const auto draws = parse_integer(option_value(args, "--draws").value_or("200"));
    const auto slice = parse_integer(option_value(args, "--slice").value_or("256"));
    if (!customers || *customers < 1 || *customers > 10000000) return fail("--customers must be a whole number >= 1");
    if (!draws || *draws < 20 || *draws > 100000) return fail("--draws must be a whole number between 20 and 100000");
    if (!slice || *slice < 1) return fail("--slice must be a whole number of customers >= 1");
    BgNbdSimulation sim;
    sim.customers = static_cast<int>(*customers);
    sim.seed = 7;
    const std::vector<CustomerRfm> data = simulate_bgnbd(sim);
    ModelFitter counts = make_bgnbd_fitter(data);
    ModelFitter spend = make_gamma_gamma_fitter(data);
    const double t0 = cpu_seconds();
    if (!counts.run().ok() || !spend.run().ok()) return fail("a benchmark fit failed");
    const double t1 = cpu_seconds();
    const ParameterIntervals count_iv = parameter_intervals(counts), spend_iv = parameter_intervals(spend);
    const double t2 = cpu_seconds();
    const ClvDraws clv_draws = draw_clv_parameters(CountModel::bgnbd, count_iv, &spend_iv, static_cast<int>(*draws), 1);
    if (clv_draws.empty()) return fail("no intervals: " + count_iv.message + " / " + spend_iv.message);
    BootstrapSettings settings;  // 12 months ahead in weeks, 1% a month, as the clv command's defaults
    settings.clv.horizon_periods = 12;
    settings.clv.period_length = 365.25 / 12 / 7;
    settings.clv.discount = 0.01;
    ClvBootstrap bootstrap(data, clv_draws, settings);
    const double t3 = cpu_seconds();
    double longest = 0;
    int steps = 0;
    while (!bootstrap.done()) {
        const double before = cpu_seconds();
        bootstrap.step(static_cast<size_t>(*slice));
        longest = std::fmax(longest, cpu_seconds() - before);
        ++steps;
    }
    const double t4 = cpu_seconds();
    const Interval equity = bootstrap.total_clv();
    double mean_equity = 0;
    for (double v : bootstrap.total_clv_draws()) mean_equity += v / bootstrap.draw_count();
    std::printf("%10s %6s %9s %10s %14s %15s %13s %6s %16s %11s\n", "customers", "draws", "fit_cpu_s", "hessian_ms",
                "bootstrap_cpu_s", "intervals_cpu_s", "slice", "steps", "longest_step_ms", "peak_rss_mb");
    std::printf("%10lld %6d %9.3f %10.2f %14.3f %15.3f %13lld %6d %16.2f %11.1f\n", *customers, bootstrap.draw_count(),
                t1 - t0, 1e3 * (t2 - t1), t4 - t3, t4 - t1, *slice, steps, 1e3 * longest, peak_rss_mb());
    std::printf("mean equity over the draws %.0f, %g%% interval [%.0f, %.0f]; %d draws redrawn (undefined model)\n",
                mean_equity, 100 * settings.level, equity.lo, equity.hi, clv_draws.redrawn);
    std::printf("Simulated BG/NBD + Gamma-Gamma data (seed 7, T 26-52 weeks, day resolution); CPU seconds of this process.\n"
                "fit_cpu_s: both fits (not part of the intervals); hessian_ms: both log-scale Hessians and their\n"
                "inversion; bootstrap_cpu_s: P(alive), purchases and CLV (12 months, 1%%/month) of every customer under\n"
                "every draw with per-customer 90%% quantiles and the equity total; intervals_cpu_s: Hessians + draws +\n"
                "bootstrap; longest_step_ms: the longest ClvBootstrap::step(slice) call, slice in work units of about one customer\n"
                "(std::clock: 1 ms resolution under Node, where it counts wall time).\n");
    return 0;
}

}  // namespace lcs::cli

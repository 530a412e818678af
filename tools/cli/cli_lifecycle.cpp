// lifecycle models | stages | metrics: the lifecycle engine (src/core/lifecycle) from the command line.
#include <chrono>
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "core/demo_generator.h"
#include "core/lifecycle/analysis.h"

namespace lcs::cli {

namespace {

Json rate(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

// The workspace's own model unless --model names a template. Prints problems; nullopt on error.
std::optional<LifecycleModel> choose_model(const Workspace& ws, const Args& args) {
    if (const auto id = option_value(args, "--model")) {
        if (auto model = find_template(*id)) return model;
        std::fprintf(stderr, "lifecycle: unknown model '%s' (see `lifecycle models`)\n", id->c_str());
        return std::nullopt;
    }
    Problems problems;
    LifecycleModel model = workspace_model(ws, problems);
    if (!problems.empty()) {
        print_problems(problems);
        return std::nullopt;
    }
    return model;
}

bool parse_as_of(const Args& args, AnalysisOptions& options) {
    if (const auto text = option_value(args, "--as-of")) {
        const auto date = parse_iso_date(*text);
        if (!date) {
            std::fprintf(stderr, "lifecycle: --as-of '%s' is not a YYYY-MM-DD date\n", text->c_str());
            return false;
        }
        options.as_of = *date;
    }
    return true;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int bench_stages(const Args& args) {
    long long customers = 100000, transactions = 1000000;
    if (const auto v = option_value(args, "--customers")) customers = parse_integer(*v).value_or(-1);
    if (const auto v = option_value(args, "--transactions")) transactions = parse_integer(*v).value_or(-1);
    if (customers < 1 || customers > 10000000 || transactions < 0 || transactions > 100000000) {
        std::fprintf(stderr, "lifecycle: --customers 1..10000000 and --transactions 0..100000000\n");
        return 2;
    }
    std::printf("generating %lld customers / %lld transactions...\n", customers, transactions);
    const Workspace ws = generate_bench_workspace(7, static_cast<int>(customers), transactions);
    const std::string model_id = option_value(args, "--model").value_or(kDefaultTemplateId);
    const auto model = find_template(model_id);
    if (!model) {
        std::fprintf(stderr, "lifecycle: unknown model '%s'\n", model_id.c_str());
        return 2;
    }
    const Date as_of = analysis_date(ws);
    auto t = std::chrono::steady_clock::now();
    const EventIndex index = build_event_index(ws);
    const double index_ms = ms_since(t);
    t = std::chrono::steady_clock::now();
    const StageAssignment a = assign_stages(ws, index, *model, as_of);
    const double stage_ms = ms_since(t);
    const auto dates = snapshot_dates(first_data_date(ws).value_or(as_of), as_of, SnapshotStep::month);
    t = std::chrono::steady_clock::now();
    const SnapshotSeries series = compute_snapshots(ws, index, *model, dates);
    const double snapshots_ms = ms_since(t);
    t = std::chrono::steady_clock::now();
    const PeriodMetrics pm = compute_period_metrics(ws, index, *model, last_complete_period(as_of, PeriodKind::month));
    const double metrics_ms = ms_since(t);
    AnalysisOptions analysis_options;
    analysis_options.as_of = as_of;
    t = std::chrono::steady_clock::now();
    const LifecycleAtDate at_date = analyse_at_date(ws, index, *model, analysis_options);
    const double at_date_ms = ms_since(t);
    t = std::chrono::steady_clock::now();
    const LifecycleOverTime over_time = analyse_over_time(ws, index, *model, analysis_options, at_date);
    const double over_time_ms = ms_since(t);
    std::printf("model %s, as of %s, %d customers staged\n", model_id.c_str(), to_iso(as_of).c_str(), a.present);
    std::printf("  build event index          %9.1f ms\n", index_ms);
    std::printf("  assign stages (one date)   %9.1f ms\n", stage_ms);
    std::printf("  index + assign             %9.1f ms\n", index_ms + stage_ms);
    std::printf("  %3zu monthly snapshots      %9.1f ms  (%.1f ms each)\n", series.dates.size(), snapshots_ms,
                series.dates.empty() ? 0.0 : snapshots_ms / static_cast<double>(series.dates.size()));
    std::printf("  period metrics (one month) %9.1f ms  (retention %.3f)\n", metrics_ms,
                pm.overall.retention_rate.value_or(0));
    std::printf("  app analysis at the date   %9.1f ms  (recomputed on every edit: stages, rule counts, metrics, health)\n",
                at_date_ms);
    std::printf("  app analysis over time     %9.1f ms  (on demand: history, transitions, cohorts, churn, %zu warnings)\n",
                over_time_ms, over_time.warnings.size());
    return 0;
}

Json group_json(const GroupMetrics& m) {
    return {{"group", m.group},
            {"customers_start", m.customers_start},
            {"customers_end", m.customers_end},
            {"new_or_returning", m.new_or_returning},
            {"retention_rate", rate(m.retention_rate)},
            {"churn_rate", rate(m.churn_rate)},
            {"revenue", m.revenue},
            {"revenue_retained", m.revenue_retained},
            {"payers_previous", m.payers_previous},
            {"renewed", m.renewed},
            {"renewal_rate", rate(m.renewal_rate)},
            {"net_revenue_retention", rate(m.net_revenue_retention)},
            {"buyers", m.buyers},
            {"repeat_buyers", m.repeat_buyers},
            {"repeat_purchase_rate", rate(m.repeat_purchase_rate)},
            {"population", m.population},
            {"complainers", m.complainers},
            {"complaint_rate", rate(m.complaint_rate)},
            {"interactions", m.interactions},
            {"engagement", rate(m.engagement)},
            {"referrals", m.referrals},
            {"nps_responses", m.nps_responses},
            {"nps", rate(m.nps)},
            {"leads_start", m.leads_start},
            {"leads_converted", m.leads_converted},
            {"lead_conversion_rate", rate(m.lead_conversion_rate)},
            {"first_purchases", m.first_purchases},
            {"converted_with_contact", m.converted_with_contact},
            {"days_to_convert", rate(m.days_to_convert)}};
}

std::string percent(const std::optional<double>& x) {
    if (!x) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * *x);
    return buffer;
}

}  // namespace

int cmd_models(const Args& args) {
    const auto templates = builtin_templates();
    if (has_flag(args, "--json")) {
        Json models = Json::array();
        for (const LifecycleModel& m : templates) {
            Json stages = Json::array();
            for (const Stage& s : m.stages) stages.push_back(s.name.en);
            models.push_back({{"id", m.id}, {"name", m.name.en}, {"name_zh", m.name.zh}, {"cyclic", m.cyclic},
                              {"stages", stages}});
        }
        std::printf("%s\n", Json{{"models", models}}.dump(2).c_str());
        return 0;
    }
    for (const LifecycleModel& m : templates) {
        std::printf("%-18s %s / %s%s\n", m.id.c_str(), m.name.en.c_str(), m.name.zh.c_str(),
                    m.id == kDefaultTemplateId ? "  (default)" : "");
        std::string line;
        for (const Stage& s : m.stages) line += (line.empty() ? "" : " > ") + s.name.en + " " + s.name.zh;
        std::printf("                   %s%s\n", line.c_str(), m.cyclic ? " > (loop)" : "");
    }
    return 0;
}

int cmd_stages(const Args& args) {
    if (has_flag(args, "--bench")) return bench_stages(args);
    const auto files = positionals(args, {"--model", "--as-of", "--customers", "--transactions"});
    if (files.size() != 1) {
        std::fprintf(stderr, "usage: lifecycle stages FILE.json [--model ID] [--as-of DATE] [--json]\n"
                             "       lifecycle stages --bench [--customers N] [--transactions N] [--model ID]\n");
        return 2;
    }
    AnalysisOptions options;
    if (!parse_as_of(args, options)) return 2;
    const auto ws = load_workspace_file(files[0], "lifecycle");
    if (!ws) return 1;
    const auto model = choose_model(*ws, args);
    if (!model) return 1;
    const Date as_of = resolve_as_of(*ws, options);
    const StageAssignment a = assign_stages(*ws, *model, as_of);

    if (has_flag(args, "--json")) {
        Json stages = Json::array(), customers = Json::array();
        for (size_t s = 0; s < model->stages.size(); ++s)
            stages.push_back({{"id", model->stages[s].id}, {"name", model->stages[s].name.en},
                              {"name_zh", model->stages[s].name.zh}, {"count", a.counts[s]}, {"revenue", a.revenue[s]}});
        for (size_t c = 0; c < ws->customers.size(); ++c)
            customers.push_back({{"id", ws->customers[c].id},
                                 {"stage", a.stage[c] >= 0 ? Json(model->stages[a.stage[c]].name.en) : Json(nullptr)},
                                 {"stage_id", a.stage[c] >= 0 ? Json(model->stages[a.stage[c]].id) : Json(nullptr)}});
        const Json out = {{"model", model->id}, {"as_of", to_iso(as_of)}, {"present", a.present},
                          {"stages", stages}, {"customers", customers}};
        std::printf("%s\n", out.dump(1).c_str());
        return 0;
    }
    std::printf("%s (%s), as of %s: %d customers\n", model->name.en.c_str(), model->id.c_str(), to_iso(as_of).c_str(),
                a.present);
    for (size_t s = 0; s < model->stages.size(); ++s)
        std::printf("  %-28s %8d  %6.1f%%  revenue %.2f\n", model->stages[s].name.en.c_str(), a.counts[s],
                    a.present ? 100.0 * a.counts[s] / a.present : 0.0, a.revenue[s]);
    return 0;
}

namespace {

// --as-of, --period and --active-days into options; period_id is the --period text. False after
// printing why an option is not valid.
bool read_metrics_options(const Args& args, AnalysisOptions& options, std::string& period_id) {
    if (!parse_as_of(args, options)) return false;
    period_id = option_value(args, "--period").value_or("month");
    const auto period = period_kind_from_id(period_id);
    if (!period) {
        std::fprintf(stderr, "lifecycle: --period '%s' is not month, quarter or year\n", period_id.c_str());
        return false;
    }
    options.period = *period;
    if (const auto v = option_value(args, "--active-days")) {
        const auto days = parse_integer(*v);
        if (!days || *days < 1 || *days > 36500) {
            std::fprintf(stderr, "lifecycle: --active-days must be 1..36500\n");
            return false;
        }
        options.metrics.active_days = static_cast<int>(*days);
    }
    return true;
}

Json stage_metrics_json(const LifecycleModel& model, const LifecycleAnalysis& a) {
    Json stages = Json::array();
    for (size_t s = 0; s < model.stages.size(); ++s) {
        Json g = group_json(a.metrics.by_stage[s]);
        g["stage"] = model.stages[s].id;
        g["name"] = model.stages[s].name.en;
        g["count_at_as_of"] = a.stages.counts[s];
        g["dwell_months"] = a.dwell[s].mean_snapshots;
        g["health_mean"] = a.health.stage_mean[s];
        stages.push_back(g);
    }
    return stages;
}

Json churn_reasons_json(const LifecycleAnalysis& a) {
    Json reasons = Json::array();
    for (const ChurnByReason& r : a.churn.by_reason)
        reasons.push_back({{"reason", r.reason}, {"name", r.name.en}, {"count", r.count}, {"share", r.share},
                           {"winback_measure", r.winback_measure.en}, {"expected_won_back", r.expected_won_back}});
    return reasons;
}

Json metrics_json(const LifecycleModel& model, const LifecycleAnalysis& a, const std::string& period_id) {
    const PeriodMetrics& pm = a.metrics;
    Json segments = Json::array(), stage_ids = Json::array();
    for (const GroupMetrics& g : pm.by_segment) segments.push_back(group_json(g));
    for (const Stage& stage : model.stages) stage_ids.push_back(stage.id);
    return {{"model", model.id},
            {"as_of", to_iso(a.as_of)},
            {"period", {{"kind", period_id}, {"start", to_iso(pm.period.start)}, {"end", to_iso(pm.period.end)},
                        {"previous_start", to_iso(pm.period.previous_start)}}},
            {"active_days", pm.options.active_days},
            {"overall", group_json(pm.overall)},
            {"stages", stage_metrics_json(model, a)},
            {"segments", segments},
            {"stage_flow", {{"stages", stage_ids}, {"counts", pm.stage_flow.counts},
                            {"probability", pm.stage_flow.probability}, {"entered", pm.stage_flow.entered}}},
            {"churn", {{"events", a.churn.events}, {"expected_won_back", a.churn.expected_won_back},
                       {"by_reason", churn_reasons_json(a)}}},
            {"health", {{"red", a.health.band_counts[1]}, {"yellow", a.health.band_counts[2]},
                        {"green", a.health.band_counts[3]}, {"early_warnings", a.warnings.size()}}}};
}

void print_metrics_text(const LifecycleModel& model, const LifecycleAnalysis& a) {
    const PeriodMetrics& pm = a.metrics;
    const GroupMetrics& m = pm.overall;
    std::printf("%s, as of %s; period %s .. %s (active = purchased in the last %d days)\n", model.name.en.c_str(),
                to_iso(a.as_of).c_str(), to_iso(pm.period.start).c_str(), to_iso(Date{pm.period.end.days - 1}).c_str(),
                pm.options.active_days);
    std::printf("  active at start %d, at end %d, new or returning %d\n", m.customers_start, m.customers_end,
                m.new_or_returning);
    std::printf("  retention %s  churn %s  renewal %s  NRR %s  repeat purchase %s\n", percent(m.retention_rate).c_str(),
                percent(m.churn_rate).c_str(), percent(m.renewal_rate).c_str(), percent(m.net_revenue_retention).c_str(),
                percent(m.repeat_purchase_rate).c_str());
    std::printf("  revenue %.2f (retained %.2f)  complaint rate %s  NPS %s  referrals %d  lead conversion %s\n",
                m.revenue, m.revenue_retained, percent(m.complaint_rate).c_str(),
                m.nps ? std::to_string(static_cast<int>(std::lround(*m.nps))).c_str() : "-", m.referrals,
                percent(m.lead_conversion_rate).c_str());
    std::printf("  %-28s %8s %10s %10s %9s\n", "stage", "now", "retention", "churn", "dwell(mo)");
    for (size_t s = 0; s < model.stages.size(); ++s)
        std::printf("  %-28s %8d %10s %10s %9.1f\n", model.stages[s].name.en.c_str(), a.stages.counts[s],
                    percent(pm.by_stage[s].retention_rate).c_str(), percent(pm.by_stage[s].churn_rate).c_str(),
                    a.dwell[s].mean_snapshots);
    std::printf("  churn events %d, expected won back %.1f; early warnings %zu\n", a.churn.events,
                a.churn.expected_won_back, a.warnings.size());
}

}  // namespace

int cmd_metrics(const Args& args) {
    const auto files = positionals(args, {"--model", "--as-of", "--period", "--active-days"});
    if (files.size() != 1) {
        std::fprintf(stderr, "usage: lifecycle metrics FILE.json [--as-of DATE] [--period month|quarter|year] "
                             "[--model ID] [--active-days N] [--json]\n");
        return 2;
    }
    AnalysisOptions options;
    std::string period_id;
    if (!read_metrics_options(args, options, period_id)) return 2;
    const auto ws = load_workspace_file(files[0], "lifecycle");
    if (!ws) return 1;
    const auto model = choose_model(*ws, args);
    if (!model) return 1;
    const LifecycleAnalysis a = analyse_lifecycle(*ws, *model, options);
    if (has_flag(args, "--json")) std::printf("%s\n", metrics_json(*model, a, period_id).dump(1).c_str());
    else print_metrics_text(*model, a);
    return 0;
}

}  // namespace lcs::cli

#include "core/scenario/workspace_baseline.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/clv/period.h"
#include "core/customer_facts.h"
#include "core/lifecycle/facts.h"
#include "core/lifecycle/model.h"
#include "core/lifecycle/snapshots.h"
#include "core/problem_kinds.h"
#include "core/scenario/scenario.h"

namespace lcs {

namespace {

using clv::kDaysPerMonth;

bool is_churn_stage(const Stage& stage) {
    auto has_churn = [](const std::vector<Condition>& conditions) {
        for (const Condition& c : conditions)
            if (c.kind == ConditionKind::churn_event && !c.negate) return true;
        return false;
    };
    return has_churn(stage.rules.all) || has_churn(stage.rules.any);
}

// The workspace's analysis_date (customer_facts.h); a workspace with neither meta.as_of nor a
// transaction is measured up to its last other event instead (acquisition, interaction, churn).
std::optional<Date> measure_as_of(const Workspace& ws) {
    if (ws.meta.as_of || last_transaction_date(ws)) return analysis_date(ws);
    std::optional<Date> last;
    auto see = [&](Date d) {
        if (!last || d > *last) last = d;
    };
    for (const Customer& c : ws.customers) {
        if (c.acquired) see(*c.acquired);
        if (!c.interactions.empty()) see(c.interactions.back().date);
        if (!c.churn_events.empty()) see(c.churn_events.back().date);
    }
    return last;
}

// Money of month (D_k, D_{k-1}] belongs to the stage the customer was in at D_k (dates newest first,
// stage_at[k][customer] the stage at dates[k]); adds each transaction's amount and margin to that stage.
void add_money_by_stage(const Workspace& ws, const std::vector<Date>& dates, const std::vector<std::vector<int>>& stage_at,
                        std::vector<double>& revenue, std::vector<double>& margin) {
    const size_t customers = ws.customers.size();
    for (size_t c = 0; c < customers; ++c) {
        for (const Transaction& t : ws.customers[c].transactions) {
            if (t.date <= dates.back() || t.date > dates.front()) continue;
            size_t k = 1;
            while (k < dates.size() && !(t.date > dates[k])) ++k;
            if (k >= dates.size()) continue;
            const int s = stage_at[k][c];
            if (s < 0) continue;
            revenue[static_cast<size_t>(s)] += t.amount;
            margin[static_cast<size_t>(s)] += t.cost ? t.amount - *t.cost : t.amount;
        }
    }
}

// Channels: customers acquired in the history window (after `from`, up to `to`), or everyone when none were;
// each channel's share of them and its mean acquisition cost.
void measure_channels(const Workspace& ws, const EventIndex& index, Date from, Date to, Baseline& b) {
    const size_t customers = ws.customers.size();
    std::map<std::string, std::pair<double, double>> by_channel;  // name -> (customers, cost sum)
    auto tally_channels = [&](bool window_only) {
        by_channel.clear();
        for (size_t c = 0; c < customers; ++c) {
            const int32_t day = index.acquired_day[c];
            if (window_only && (day == kNoDay || day <= from.days || day > to.days)) continue;
            auto& entry = by_channel[ws.customers[c].channel];
            entry.first += 1;
            entry.second += ws.customers[c].acquisition_cost;
        }
    };
    tally_channels(true);
    if (by_channel.empty()) tally_channels(false);
    double total = 0;
    for (const auto& [name, entry] : by_channel) total += entry.first;
    b.channels.clear();
    for (const auto& [name, entry] : by_channel)
        b.channels.push_back({name.empty() ? "(none)" : name, entry.first / total, entry.second / entry.first});

}

// Churn reasons: each churned customer's latest reason, as shares of the churned; the catalogue's reasons
// first (with their win-back shares), then reasons the catalogue does not know (win-back share 0).
void measure_churn_reasons(const Workspace& ws, Baseline& b) {
    std::map<std::string, double> reason_counts;
    double churned_total = 0;
    for (const Customer& c : ws.customers) {
        if (c.churn_events.empty()) continue;
        reason_counts[c.churn_events.back().reason] += 1;
        churned_total += 1;
    }
    b.churn_reasons.clear();
    for (const ChurnReason& r : ws.churn_reasons) {
        const double count = reason_counts.count(r.id) ? reason_counts[r.id] : 0.0;
        b.churn_reasons.push_back({r.id, churned_total > 0 ? count / churned_total : 0.0, r.winback_share});
        reason_counts.erase(r.id);
    }
    for (const auto& [id, count] : reason_counts)
        if (!id.empty()) b.churn_reasons.push_back({id, count / churned_total, 0.0});
}

// Measures everything the data can tell; returns false (no problem added) when there is no data.
bool measure(const Workspace& ws, const BaselineOptions& options, Baseline& b, Problems& problems) {
    if (ws.customers.empty()) return false;
    const std::optional<Date> as_of = options.as_of ? options.as_of : measure_as_of(ws);
    if (!as_of) return false;
    const LifecycleModel model = workspace_model(ws, problems);
    const size_t n = model.stages.size();
    if (n == 0) return false;
    const int months = std::clamp(options.history_months, 1, 120);

    b.stages.clear();
    b.churned.assign(n, false);
    for (size_t i = 0; i < n; ++i) {
        b.stages.push_back(model.stages[i].id);
        b.churned[i] = is_churn_stage(model.stages[i]);
    }
    const EventIndex index = build_event_index(ws);
    // dates[k] = D_k, newest first; the lifecycle engine sweeps them oldest first.
    std::vector<Date> dates(static_cast<size_t>(months) + 1);
    for (size_t k = 0; k < dates.size(); ++k)
        dates[k] = Date{as_of->days - static_cast<int32_t>(std::lround(kDaysPerMonth * static_cast<double>(k)))};
    const std::vector<Date> ascending(dates.rbegin(), dates.rend());
    const SnapshotSeries series = compute_snapshots(ws, index, model, ascending);
    std::vector<std::vector<int>> stage_at(series.stage.rbegin(), series.stage.rend());

    std::vector<std::vector<double>> counts(n, std::vector<double>(n, 0.0));
    std::vector<double> arrivals_by_stage(n, 0.0);
    std::vector<double> customer_months(n, 0.0), revenue(n, 0.0), margin(n, 0.0);
    double arrivals = 0;
    for (size_t k = 1; k < dates.size(); ++k) {
        const TransitionMatrix step = transition_matrix(stage_at[k], stage_at[k - 1], static_cast<int>(n));
        for (size_t i = 0; i < n; ++i) {
            arrivals += step.entered[i];
            arrivals_by_stage[i] += step.entered[i];
            customer_months[i] += step.row_total[i];
            for (size_t j = 0; j < n; ++j) counts[i][j] += step.counts[i][j];
        }
    }
    add_money_by_stage(ws, dates, stage_at, revenue, margin);
    b.transition.assign(n, std::vector<double>(n, 0.0));
    b.revenue.assign(n, 0.0);
    b.margin.assign(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        double row = 0;
        for (double x : counts[i]) row += x;
        if (row <= 0) {
            b.transition[i][i] = 1.0;
        } else {
            for (size_t j = 0; j < n; ++j) b.transition[i][j] = counts[i][j] / row;
        }
        if (customer_months[i] > 0) {
            b.revenue[i] = revenue[i] / customer_months[i];
            b.margin[i] = margin[i] / customer_months[i];
        }
    }
    b.servicing_cost.assign(n, 0.0);
    b.start_customers.assign(n, 0.0);
    for (int s : stage_at[0])
        if (s >= 0) b.start_customers[static_cast<size_t>(s)] += 1;
    b.new_customers_per_month = arrivals / months;
    b.entry_stage = static_cast<int>(std::max_element(arrivals_by_stage.begin(), arrivals_by_stage.end()) -
                                     arrivals_by_stage.begin());

    measure_channels(ws, index, dates.back(), dates.front(), b);
    measure_churn_reasons(ws, b);
    return true;
}

}  // namespace

std::optional<Baseline> baseline_from_workspace(const Workspace& workspace, Problems& problems,
                                                const BaselineOptions& options) {
    Baseline b;
    b.discount_rate_monthly = options.discount_rate_monthly;
    b.horizon_months = options.horizon_months;
    const bool measured = measure(workspace, options, b, problems);
    if (!measured) {
        // Typed-in chains still get the catalog's reasons and win-back shares unless they give their own.
        for (const ChurnReason& r : workspace.churn_reasons) b.churn_reasons.push_back({r.id, 0.0, r.winback_share});
    }

    Problems section_problems;
    const ScenarioSection section = scenario_section_from_json(workspace.scenarios, section_problems);
    const size_t before = problems.size();
    for (const Problem& p : section_problems)
        if (p.where == "scenarios" || p.where.rfind("scenarios.baseline", 0) == 0) problems.push_back(p);
    apply_baseline_json(b, section.baseline_inputs, problems, "scenarios.baseline");
    if (problems.size() != before) return std::nullopt;
    if (b.stages.empty()) {
        problems.push_back(Problem{scenario_problem::kNoBaseline, "scenarios.baseline",
                                   "the workspace has no customer history to measure stages from; type in the "
                                   "stages, transition matrix and start customers of the baseline",
                                   0, 0});
        return std::nullopt;
    }
    if (!validate_baseline(b, problems, "baseline")) return std::nullopt;
    return b;
}

}  // namespace lcs

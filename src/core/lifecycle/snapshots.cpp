#include "core/lifecycle/snapshots.h"

#include <algorithm>

namespace lcs {

std::vector<Date> snapshot_dates(Date first, Date last, SnapshotStep step) {
    std::vector<Date> dates;
    if (last < first) return dates;
    if (step == SnapshotStep::week) {
        for (int32_t d = last.days; d >= first.days; d -= 7) dates.push_back(Date{d});
        std::reverse(dates.begin(), dates.end());
        return dates;
    }
    for (Date month = month_start(first);; month = add_months(month, 1)) {
        const Date end{add_months(month, 1).days - 1};
        if (end >= last) {
            dates.push_back(last);
            break;
        }
        dates.push_back(end);
    }
    return dates;
}

std::optional<Date> first_data_date(const Workspace& workspace) {
    std::optional<Date> first;
    auto see = [&](Date d) {
        if (!first || d < *first) first = d;
    };
    for (const Customer& c : workspace.customers) {
        if (c.acquired) see(*c.acquired);
        for (const auto& t : c.transactions) see(t.date);
        for (const auto& x : c.interactions) see(x.date);
        for (const auto& s : c.surveys) see(s.date);
        for (const auto& e : c.churn_events) see(e.date);
    }
    return first;
}

SnapshotBuilder::SnapshotBuilder(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                 std::vector<Date> dates, const ModelScores* scores)
    : evaluator_(workspace, model, plan_, scores), sweeper_(index, plan_) {
    series_.dates = std::move(dates);
}

bool SnapshotBuilder::step(int snapshots) {
    for (int k = 0; k < snapshots && !done(); ++k) {
        StageAssignment a = evaluator_.assign(sweeper_.advance_to(series_.dates[series_.stage.size()].days));
        series_.stage.push_back(std::move(a.stage));
        series_.counts.push_back(std::move(a.counts));
        series_.revenue.push_back(std::move(a.revenue));
    }
    return done();
}

bool SnapshotBuilder::done() const { return series_.stage.size() == series_.dates.size(); }

double SnapshotBuilder::progress() const {
    return series_.dates.empty() ? 1.0 : static_cast<double>(series_.stage.size()) / series_.dates.size();
}

SnapshotSeries compute_snapshots(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                 const std::vector<Date>& dates, const ModelScores* scores) {
    SnapshotBuilder builder(workspace, index, model, dates, scores);
    builder.step(static_cast<int>(dates.size()));
    return builder.take();
}

TransitionMatrix transition_matrix(const std::vector<int>& from, const std::vector<int>& to, int stage_count) {
    TransitionMatrix m;
    m.stage_count = stage_count;
    m.counts.assign(stage_count, std::vector<int>(stage_count, 0));
    m.probability.assign(stage_count, std::vector<double>(stage_count, 0.0));
    m.entered.assign(stage_count, 0);
    m.row_total.assign(stage_count, 0);
    const size_t n = std::min(from.size(), to.size());
    for (size_t c = 0; c < n; ++c) {
        if (to[c] < 0 || to[c] >= stage_count) continue;
        if (from[c] < 0 || from[c] >= stage_count) {
            ++m.entered[to[c]];
            continue;
        }
        ++m.counts[from[c]][to[c]];
        ++m.row_total[from[c]];
    }
    for (int i = 0; i < stage_count; ++i)
        if (m.row_total[i] > 0)
            for (int j = 0; j < stage_count; ++j)
                m.probability[i][j] = static_cast<double>(m.counts[i][j]) / m.row_total[i];
    return m;
}

TransitionMatrix transition_matrix(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                   Date from, Date to) {
    const StageAssignment a = assign_stages(workspace, index, model, from);
    const StageAssignment b = assign_stages(workspace, index, model, to);
    return transition_matrix(a.stage, b.stage, static_cast<int>(model.stages.size()));
}

namespace {

// Calls visit(stage, begin, end) for every run of consecutive snapshots [begin, end) that customer c
// spends in one stage (stage -1, not present, included).
template <typename Visit>
void for_each_stage_run(const SnapshotSeries& series, size_t c, Visit visit) {
    const size_t snapshots = series.stage.size();
    size_t k = 0;
    while (k < snapshots) {
        const int s = series.stage[k][c];
        size_t end = k + 1;
        while (end < snapshots && series.stage[end][c] == s) ++end;
        visit(s, k, end);
        k = end;
    }
}

size_t customer_count(const SnapshotSeries& series) { return series.stage.empty() ? 0 : series.stage[0].size(); }

}  // namespace

std::vector<StageSpell> customer_stage_path(const SnapshotSeries& series, size_t customer) {
    std::vector<StageSpell> path;
    if (customer >= customer_count(series)) return path;
    for_each_stage_run(series, customer, [&](int s, size_t begin, size_t) {
        if (s >= 0 || !path.empty()) path.push_back({series.dates[begin], s});
    });
    return path;
}

std::vector<DwellTime> dwell_times(const SnapshotSeries& series, int stage_count) {
    std::vector<DwellTime> out(stage_count);
    std::vector<long long> total(stage_count, 0), completed_total(stage_count, 0);
    const size_t snapshots = series.stage.size();
    for (size_t c = 0; c < customer_count(series); ++c) {
        for_each_stage_run(series, c, [&](int s, size_t begin, size_t end) {
            if (s < 0 || s >= stage_count) return;
            const long long length = static_cast<long long>(end - begin);
            ++out[s].runs;
            total[s] += length;
            if (end < snapshots) {
                ++out[s].completed_runs;
                completed_total[s] += length;
            }
        });
    }
    for (int s = 0; s < stage_count; ++s) {
        if (out[s].runs) out[s].mean_snapshots = static_cast<double>(total[s]) / out[s].runs;
        if (out[s].completed_runs)
            out[s].mean_completed_snapshots = static_cast<double>(completed_total[s]) / out[s].completed_runs;
    }
    return out;
}

std::vector<std::vector<StageMoveTime>> stage_move_times(const SnapshotSeries& series, int stage_count) {
    std::vector<std::vector<StageMoveTime>> out(stage_count, std::vector<StageMoveTime>(stage_count));
    std::vector<std::vector<long long>> total_days(stage_count, std::vector<long long>(stage_count, 0));
    for (size_t c = 0; c < customer_count(series); ++c) {
        int from = -1;
        size_t from_begin = 0;
        for_each_stage_run(series, c, [&](int s, size_t begin, size_t) {
            // A run that starts at the first snapshot has an unknown start: it is not timed.
            if (from >= 0 && from < stage_count && s >= 0 && s < stage_count && from_begin > 0) {
                ++out[from][s].moves;
                total_days[from][s] += series.dates[begin].days - series.dates[from_begin].days;
            }
            from = s;
            from_begin = begin;
        });
    }
    for (int i = 0; i < stage_count; ++i)
        for (int j = 0; j < stage_count; ++j)
            if (out[i][j].moves) out[i][j].mean_days = static_cast<double>(total_days[i][j]) / out[i][j].moves;
    return out;
}

}  // namespace lcs

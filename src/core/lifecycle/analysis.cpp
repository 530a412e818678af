#include "core/lifecycle/analysis.h"

namespace lcs {

Date resolve_as_of(const Workspace& workspace, const AnalysisOptions& options) {
    if (options.as_of) return *options.as_of;
    return analysis_date(workspace);
}

std::vector<Date> history_dates(const Workspace& workspace, const AnalysisOptions& options, Date as_of) {
    const Date first = first_data_date(workspace).value_or(as_of);
    return snapshot_dates(std::min(first, as_of), as_of, options.step);
}

LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const LifecycleModel& model,
                                    const AnalysisOptions& options) {
    return analyse_lifecycle(workspace, build_event_index(workspace), model, options);
}

LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options, const SnapshotSeries* known_history) {
    LifecycleAnalysis a;
    static_cast<LifecycleAtDate&>(a) = analyse_at_date(workspace, index, model, options);
    static_cast<LifecycleOverTime&>(a) = analyse_over_time(workspace, index, model, options, a, known_history);
    return a;
}

LifecycleAtDate analyse_at_date(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                const AnalysisOptions& options) {
    LifecycleAtDate a;
    a.as_of = resolve_as_of(workspace, options);
    a.stages = assign_stages(workspace, index, model, a.as_of, options.scores);
    a.rule_counts = rule_match_counts(workspace, index, model, a.as_of, options.scores);
    a.metrics = compute_period_metrics(workspace, index, model, last_complete_period(a.as_of, options.period),
                                       options.metrics);
    a.health = compute_health(index, model, a.stages, a.as_of, options.scores);
    return a;
}

LifecycleOverTime analyse_over_time(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options, const LifecycleAtDate& at_date,
                                    const SnapshotSeries* known_history) {
    LifecycleOverTime o;
    const Date as_of = at_date.as_of;
    const int stage_count = static_cast<int>(model.stages.size());
    const std::vector<Date> dates = history_dates(workspace, options, as_of);
    if (known_history && known_history->dates == dates)
        o.history = *known_history;
    else
        o.history = compute_snapshots(workspace, index, model, dates, options.scores);
    const size_t snapshots = o.history.dates.size();
    if (snapshots >= 2) {
        o.last_step = transition_matrix(o.history.stage[snapshots - 2], o.history.stage[snapshots - 1], stage_count);
    } else {
        o.last_step = transition_matrix(std::vector<int>{}, std::vector<int>{}, stage_count);
    }
    o.dwell = dwell_times(o.history, stage_count);
    o.move_times = stage_move_times(o.history, stage_count);
    o.cohorts = cohort_retention(workspace, as_of, options.cohort_period, options.cohort_basis);
    o.churn = analyse_churn(workspace, model, o.history, as_of);
    if (snapshots >= 2) {
        const Date previous = o.history.dates[snapshots - 2];
        StageAssignment previous_stages;
        previous_stages.as_of = previous;
        previous_stages.stage = o.history.stage[snapshots - 2];
        o.previous_health = compute_health(index, model, previous_stages, previous, options.scores);
        o.warnings = early_warnings(workspace, model, previous_stages, o.previous_health, at_date.stages, at_date.health);
    } else {
        o.previous_health = at_date.health;
    }
    return o;
}

}  // namespace lcs

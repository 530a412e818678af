#include "core/lifecycle/analysis.h"

namespace lcs {

Date resolve_as_of(const Workspace& workspace, const AnalysisOptions& options) {
    if (options.as_of) return *options.as_of;
    if (workspace.meta.as_of) return *workspace.meta.as_of;
    if (auto last = last_transaction_date(workspace)) return *last;
    return Date{0};
}

LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const LifecycleModel& model,
                                    const AnalysisOptions& options) {
    return analyse_lifecycle(workspace, build_event_index(workspace), model, options);
}

LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options, const SnapshotSeries* known_history) {
    LifecycleAnalysis a;
    a.as_of = resolve_as_of(workspace, options);
    const int stage_count = static_cast<int>(model.stages.size());

    const Date first = first_data_date(workspace).value_or(a.as_of);
    std::vector<Date> dates = snapshot_dates(std::min(first, a.as_of), a.as_of, options.step);
    if (known_history && known_history->dates == dates)
        a.history = *known_history;
    else
        a.history = compute_snapshots(workspace, index, model, dates);
    a.stages = assign_stages(workspace, index, model, a.as_of);
    a.rule_counts = rule_match_counts(workspace, index, model, a.as_of);
    const size_t snapshots = a.history.dates.size();
    if (snapshots >= 2) {
        a.last_step = transition_matrix(a.history.stage[snapshots - 2], a.history.stage[snapshots - 1], stage_count);
    } else {
        a.last_step = transition_matrix(std::vector<int>{}, std::vector<int>{}, stage_count);
    }
    a.dwell = dwell_times(a.history, stage_count);
    a.move_times = stage_move_times(a.history, stage_count);
    a.metrics = compute_period_metrics(workspace, index, model, last_complete_period(a.as_of, options.period),
                                       options.metrics);
    a.cohorts = cohort_retention(workspace, a.as_of, options.cohort_period, options.cohort_basis);
    a.churn = analyse_churn(workspace, model, a.history, a.as_of);
    a.health = compute_health(workspace, index, model, a.stages, a.as_of);
    if (snapshots >= 2) {
        const Date previous = a.history.dates[snapshots - 2];
        StageAssignment previous_stages;
        previous_stages.as_of = previous;
        previous_stages.stage = a.history.stage[snapshots - 2];
        a.previous_health = compute_health(workspace, index, model, previous_stages, previous);
        a.warnings = early_warnings(workspace, model, previous_stages, a.previous_health, a.stages, a.health);
    } else {
        a.previous_health = a.health;
    }
    return a;
}

}  // namespace lcs

// Everything a lifecycle panel shows, computed from (workspace, model, as_of, period) so the app can
// cache it and recompute only when one of those changes; in two parts, so that views needing only
// the analysis date do not pay for the snapshot history.
#pragma once
#include <optional>
#include <vector>

#include "core/lifecycle/health.h"
#include "core/lifecycle/metrics.h"
#include "core/lifecycle/playbook.h"
#include "core/lifecycle/snapshots.h"

namespace lcs {

struct AnalysisOptions {
    std::optional<Date> as_of;  // default: workspace meta.as_of, else the last transaction date, else 1970-01-01
    PeriodKind period = PeriodKind::month;  // metrics for the last complete period ending by as_of
    SnapshotStep step = SnapshotStep::month;
    MetricsOptions metrics;
    CohortPeriod cohort_period = CohortPeriod::calendar_month;
    CohortBasis cohort_basis = CohortBasis::first_purchase;
    // The CLV fit's values for model-driven conditions and the P(alive) health measure
    // (model_scores.h); nullptr = no fit. Must outlive the calls that take these options.
    const ModelScores* scores = nullptr;
};

// What holds at the analysis date: cheap enough to recompute on every edit (the rule editor's live
// counts), without the snapshot history.
struct LifecycleAtDate {
    Date as_of;
    StageAssignment stages;                    // at as_of
    std::vector<StageRuleCounts> rule_counts;  // per stage, at as_of
    PeriodMetrics metrics;
    HealthReport health;                       // at as_of
};

// What needs the history of monthly (or weekly) snapshots up to the analysis date.
struct LifecycleOverTime {
    SnapshotSeries history;                    // from the first data date to as_of
    TransitionMatrix last_step;                // previous snapshot -> as_of (empty matrix when one snapshot)
    std::vector<DwellTime> dwell;              // per stage, in snapshots (months by default)
    std::vector<std::vector<StageMoveTime>> move_times;  // [from][to]: time to convert between stages
    CohortTable cohorts;
    ChurnAnalysis churn;
    HealthReport previous_health;              // at the previous snapshot (as_of when none)
    std::vector<EarlyWarning> warnings;
};

struct LifecycleAnalysis : LifecycleAtDate, LifecycleOverTime {};

// The analysis date the options imply for this workspace.
Date resolve_as_of(const Workspace& workspace, const AnalysisOptions& options);
// The snapshot dates of the history up to as_of: from the first data date, options.step apart.
std::vector<Date> history_dates(const Workspace& workspace, const AnalysisOptions& options, Date as_of);

LifecycleAtDate analyse_at_date(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                const AnalysisOptions& options = {});
// `at_date` must come from analyse_at_date with the same inputs. `known_history`, when its dates are
// exactly the ones needed, is taken instead of recomputing the snapshots.
LifecycleOverTime analyse_over_time(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options, const LifecycleAtDate& at_date,
                                    const SnapshotSeries* known_history = nullptr);

// Both parts in one call.
LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const LifecycleModel& model,
                                    const AnalysisOptions& options = {});
LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options = {}, const SnapshotSeries* known_history = nullptr);

}  // namespace lcs

// Everything a lifecycle panel shows, computed in one call from (workspace, model, as_of, period)
// so the app can cache it and recompute only when one of those changes.
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
};

struct LifecycleAnalysis {
    Date as_of;
    StageAssignment stages;                    // at as_of
    std::vector<StageRuleCounts> rule_counts;  // per stage, at as_of
    SnapshotSeries history;                    // from the first data date to as_of
    TransitionMatrix last_step;                // previous snapshot -> as_of (empty matrix when one snapshot)
    std::vector<DwellTime> dwell;              // per stage, in snapshots (months by default)
    std::vector<std::vector<StageMoveTime>> move_times;  // [from][to]: time to convert between stages
    PeriodMetrics metrics;
    CohortTable cohorts;
    ChurnAnalysis churn;
    HealthReport health;                       // at as_of
    HealthReport previous_health;              // at the previous snapshot (as_of when none)
    std::vector<EarlyWarning> warnings;
};

// The analysis date the options imply for this workspace.
Date resolve_as_of(const Workspace& workspace, const AnalysisOptions& options);

LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const LifecycleModel& model,
                                    const AnalysisOptions& options = {});
// The same with an event index the caller already built for this workspace and, optionally, the
// snapshot history it already has: used when its dates are exactly the ones the analysis needs
// (the caller's copy is then taken instead of recomputing it).
LifecycleAnalysis analyse_lifecycle(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                    const AnalysisOptions& options = {}, const SnapshotSeries* known_history = nullptr);

}  // namespace lcs

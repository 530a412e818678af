// Stage history over time: snapshots at regular dates computed in one forward sweep (FactSweeper),
// transition matrices between two dates, average dwell time per stage and time to convert between stages.
#pragma once
#include <vector>

#include "core/customer_facts.h"  // last_transaction_date
#include "core/lifecycle/staging.h"

namespace lcs {

enum class SnapshotStep { month, week };

// Snapshot dates from the month (or week) of `first` up to `last`, ascending, last date included:
// month: the last day of every calendar month, the final one clamped to `last`;
// week: `last`, `last` - 7, ... back to the first date >= `first`, returned ascending.
std::vector<Date> snapshot_dates(Date first, Date last, SnapshotStep step);
// Earliest event or acquisition date in the workspace; nullopt when it has no dates at all.
std::optional<Date> first_data_date(const Workspace& workspace);

struct SnapshotSeries {
    std::vector<Date> dates;                    // ascending
    std::vector<std::vector<int>> stage;        // [snapshot][customer]: stage index, -1 = not present
    std::vector<std::vector<int>> counts;       // [snapshot][stage]
    std::vector<std::vector<double>> revenue;   // [snapshot][stage]: spend to date of the stage's customers
};

// Precondition: dates ascending. Each snapshot equals assign_stages at that date (with `scores`:
// model-driven conditions hold only at the scores' date, model_scores.h).
SnapshotSeries compute_snapshots(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                 const std::vector<Date>& dates, const ModelScores* scores = nullptr);

// compute_snapshots a few dates at a time, so that a UI can spread a long history over frames.
// The workspace, index and model must outlive the builder unchanged.
class SnapshotBuilder {
public:
    SnapshotBuilder(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                    std::vector<Date> dates, const ModelScores* scores = nullptr);
    // Computes up to `snapshots` more dates; true when all are done.
    bool step(int snapshots);
    bool done() const;
    double progress() const;  // 0..1
    // The series once done() (partial before: the first dates only).
    const SnapshotSeries& series() const { return series_; }
    SnapshotSeries take() { return std::move(series_); }

private:
    FactPlan plan_;  // filled by the evaluator, then copied by the sweeper: keep this order
    StageEvaluator evaluator_;
    FactSweeper sweeper_;
    SnapshotSeries series_;
};

struct TransitionMatrix {
    int stage_count = 0;
    std::vector<std::vector<int>> counts;           // [from][to], customers present at both dates
    std::vector<std::vector<double>> probability;   // [from][to] = counts / row total; rows sum to 1 (0 if empty)
    std::vector<int> entered;                        // [to]: not present at `from` date, present at `to`
    std::vector<int> row_total;                      // [from]
};
// From two stage vectors of equal length (per customer, -1 = not present).
TransitionMatrix transition_matrix(const std::vector<int>& from, const std::vector<int>& to, int stage_count);
// Between any two dates (from <= to is not required).
TransitionMatrix transition_matrix(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                   Date from, Date to);

// One stretch of a customer's stage history: in `stage` from the snapshot dated `from` until the
// next spell starts (stage -1: not present).
struct StageSpell {
    Date from;
    int stage = -1;
};
// Customer c's stage history, one spell per change, oldest first; snapshots before they first
// appear are left out (empty when they never appear or c is out of range).
std::vector<StageSpell> customer_stage_path(const SnapshotSeries& series, size_t customer);

struct DwellTime {
    double mean_snapshots = 0;            // mean length of a run of consecutive snapshots in the stage,
                                          // unfinished runs (still in the stage at the last snapshot) included
    double mean_completed_snapshots = 0;  // runs that ended before the last snapshot only; 0 when none
    int runs = 0;
    int completed_runs = 0;
};
// Per stage. With monthly snapshots a snapshot is a month.
std::vector<DwellTime> dwell_times(const SnapshotSeries& series, int stage_count);

// Average time to convert from one stage to the next, read from the snapshots: a customer seen
// entering stage i (in another stage or not present at the snapshot before) and later found in
// stage j (j != i) at the next change contributes one move i -> j, timed from the first snapshot in
// i to the first snapshot in j. Runs already under way at the first snapshot are left out (their
// start is unknown).
struct StageMoveTime {
    int moves = 0;
    double mean_days = 0;  // 0 when moves == 0
};
std::vector<std::vector<StageMoveTime>> stage_move_times(const SnapshotSeries& series, int stage_count);  // [from][to]

}  // namespace lcs

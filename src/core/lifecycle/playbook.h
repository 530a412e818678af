// Churn analysis from the workspace's churn events: why customers leave (reason catalog with win-back
// measures), who leaves (segment), from which stage (stage at the last snapshot before the churn date)
// and when (tenure at churn). The care plans are in care_plans.h.
#pragma once
#include <string>
#include <vector>

#include "core/lifecycle/snapshots.h"
#include "core/localized.h"

namespace lcs {

struct ChurnByReason {
    std::string reason;  // reason id as recorded on the events
    Localized name, winback_measure;  // from the catalog; name.en = id when not in the catalog
    int count = 0;
    double share = 0;           // count / all churn events counted
    double winback_share = 0;   // catalog's expected share won back (0 when not in the catalog)
    double expected_won_back = 0;  // count * winback_share
};
struct ChurnByGroup {
    std::string group;  // segment ("(none)" when empty), stage id ("(unknown)" when no earlier snapshot), or bucket
    int count = 0;
    double share = 0;
};
struct ChurnAnalysis {
    int events = 0;  // churn events dated <= as_of
    double expected_won_back = 0;
    std::vector<ChurnByReason> by_reason;   // catalog order, then unknown reasons by name
    std::vector<ChurnByGroup> by_segment;   // sorted by name
    std::vector<ChurnByGroup> by_stage;     // model stage order, then "(unknown)"
    std::vector<ChurnByGroup> by_tenure;    // fixed buckets: "0-89 days", "90-179 days", "180-364 days",
                                            // "1-2 years" (365-729), "2+ years", "(unknown)"
};
// `series` gives the stages before churn: for each event, the last snapshot dated before the event.
ChurnAnalysis analyse_churn(const Workspace& workspace, const LifecycleModel& model, const SnapshotSeries& series,
                            Date as_of);

}  // namespace lcs

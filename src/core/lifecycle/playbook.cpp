#include "core/lifecycle/playbook.h"

#include <algorithm>
#include <map>

namespace lcs {

namespace {
const char* tenure_bucket(int32_t days) {
    if (days < 90) return "0-89 days";
    if (days < 180) return "90-179 days";
    if (days < 365) return "180-364 days";
    if (days < 730) return "1-2 years";
    return "2+ years";
}

void finish_shares(std::vector<ChurnByGroup>& groups, int total) {
    for (ChurnByGroup& g : groups) g.share = total > 0 ? static_cast<double>(g.count) / total : 0.0;
}
}  // namespace

ChurnAnalysis analyse_churn(const Workspace& workspace, const LifecycleModel& model, const SnapshotSeries& series,
                            Date as_of) {
    ChurnAnalysis out;
    for (const ChurnReason& r : workspace.churn_reasons) {
        ChurnByReason row;
        row.reason = r.id;
        row.name = r.name;
        row.winback_measure = r.winback_measure;
        row.winback_share = r.winback_share;
        out.by_reason.push_back(row);
    }
    const size_t catalog = out.by_reason.size();
    std::map<std::string, int> segments;
    const int stage_count = static_cast<int>(model.stages.size());
    std::vector<int> stage_counts(stage_count + 1, 0);
    const char* kBuckets[] = {"0-89 days", "90-179 days", "180-364 days", "1-2 years", "2+ years", "(unknown)"};
    std::map<std::string, int> tenure;

    for (size_t c = 0; c < workspace.customers.size(); ++c) {
        const Customer& customer = workspace.customers[c];
        std::optional<Date> acquired = customer.acquired;
        for (const Transaction& t : customer.transactions)
            if (!customer.acquired && (!acquired || t.date < *acquired)) acquired = t.date;
        for (const ChurnEvent& e : customer.churn_events) {
            if (e.date > as_of) continue;
            ++out.events;
            auto found = std::find_if(out.by_reason.begin(), out.by_reason.end(),
                                      [&](const ChurnByReason& r) { return r.reason == e.reason; });
            if (found == out.by_reason.end()) {
                ChurnByReason row;
                row.reason = e.reason;
                row.name.en = e.reason.empty() ? "(none)" : e.reason;
                found = out.by_reason.insert(out.by_reason.end(), row);
            }
            ++found->count;
            ++segments[customer.segment.empty() ? "(none)" : customer.segment];

            // last snapshot strictly before the churn date
            auto after = std::lower_bound(series.dates.begin(), series.dates.end(), e.date);
            int stage = -1;
            if (after != series.dates.begin()) {
                const size_t k = static_cast<size_t>(after - series.dates.begin()) - 1;
                if (c < series.stage[k].size()) stage = series.stage[k][c];
            }
            ++stage_counts[stage >= 0 && stage < stage_count ? stage : stage_count];
            ++tenure[acquired && *acquired <= e.date ? tenure_bucket(e.date.days - acquired->days) : "(unknown)"];
        }
    }
    std::sort(out.by_reason.begin() + static_cast<long>(catalog), out.by_reason.end(),
              [](const ChurnByReason& a, const ChurnByReason& b) { return a.reason < b.reason; });
    for (ChurnByReason& r : out.by_reason) {
        r.share = out.events > 0 ? static_cast<double>(r.count) / out.events : 0.0;
        r.expected_won_back = r.count * r.winback_share;
        out.expected_won_back += r.expected_won_back;
    }
    for (auto& [name, count] : segments) out.by_segment.push_back({name, count, 0});
    for (int s = 0; s <= stage_count; ++s)
        if (s < stage_count || stage_counts[s] > 0)
            out.by_stage.push_back({s < stage_count ? model.stages[s].id : "(unknown)", stage_counts[s], 0});
    for (const char* bucket : kBuckets) out.by_tenure.push_back({bucket, tenure[bucket], 0});
    finish_shares(out.by_segment, out.events);
    finish_shares(out.by_stage, out.events);
    finish_shares(out.by_tenure, out.events);
    return out;
}

}  // namespace lcs

// Field-by-field equality of the scenario types, so that a result can be cached on the inputs it
// was computed from (the app's scenario views key their caches on the edited scenario and baseline).
// A field added to one of these structs must be added here.
#pragma once
#include <tuple>

#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"
#include "core/scenario/scenario.h"

namespace lcs {

inline bool operator==(const AcquisitionChannel& a, const AcquisitionChannel& b) {
    return std::tie(a.name, a.share, a.cost_per_customer) == std::tie(b.name, b.share, b.cost_per_customer);
}

inline bool operator==(const ChurnReasonShare& a, const ChurnReasonShare& b) {
    return std::tie(a.id, a.share_of_churned, a.winback_share) == std::tie(b.id, b.share_of_churned, b.winback_share);
}

inline bool operator==(const Baseline& a, const Baseline& b) {
    return std::tie(a.stages, a.transition, a.churned, a.revenue, a.margin, a.servicing_cost, a.start_customers,
                    a.new_customers_per_month, a.entry_stage, a.channels, a.churn_reasons, a.discount_rate_monthly,
                    a.horizon_months) ==
           std::tie(b.stages, b.transition, b.churned, b.revenue, b.margin, b.servicing_cost, b.start_customers,
                    b.new_customers_per_month, b.entry_stage, b.channels, b.churn_reasons, b.discount_rate_monthly,
                    b.horizon_months);
}

inline bool operator==(const Lever& a, const Lever& b) {
    return std::tie(a.kind, a.label, a.enabled, a.start_month, a.end_month, a.stages, a.from_stage, a.to_stage,
                    a.reason, a.plan, a.points, a.contact_rate, a.winback_share, a.volume_change, a.margin_change,
                    a.cost_per_customer, a.fixed_cost_per_month, a.extra) ==
           std::tie(b.kind, b.label, b.enabled, b.start_month, b.end_month, b.stages, b.from_stage, b.to_stage,
                    b.reason, b.plan, b.points, b.contact_rate, b.winback_share, b.volume_change, b.margin_change,
                    b.cost_per_customer, b.fixed_cost_per_month, b.extra);
}

inline bool operator==(const Scenario& a, const Scenario& b) {
    return std::tie(a.name, a.notes, a.levers, a.overrides, a.extra) ==
           std::tie(b.name, b.notes, b.levers, b.overrides, b.extra);
}

}  // namespace lcs

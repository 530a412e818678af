// Stage placement rules: the conditions a customer must meet to sit in a stage.
// A stage's rules are StageRules: every condition in `all` must match (AND) and, when `any` is not
// empty, at least one condition of `any` must match (one OR group). A stage with no conditions at
// all matches nobody (only the fallback stage catches the rest). Evaluation: core/lifecycle/staging.h.
//
// Time conventions (all conditions): evaluated "as of" a date D, seeing events dated <= D.
// A window of N days is the N days ending on D: dates in (D - N, D]. Recency is D minus the last
// purchase date (0 = bought on D). Conditions on purchase facts (recency, repeat purchases, trend)
// never match a customer with no purchase by D; use never_purchased for those customers.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lcs {

enum class ConditionKind {
    recency_days,            // days since last purchase                         cmp value
    purchases_in_window,     // purchases in the last window_days (0 = all time) cmp value
    spend_in_window,         // spend in the last window_days (0 = all time)     cmp value
    tenure_days,             // days since acquisition (acquired, else first purchase) cmp value
    repeat_purchases,        // purchases by D minus one (first purchase excluded) cmp value
    trend,                   // metric (text: "purchases"|"spend") in the last window_days divided by
                             // the same in the window_days before that; cmp value. Previous = 0:
                             // ratio is +infinity when current > 0, no match when both are 0.
    last_nps,                // last NPS answer by D: text "promoter" (9-10) | "passive" (7-8) |
                             // "detractor" (0-6), or text empty and cmp value (0..10)
    interactions_in_window,  // interactions of type text ("" = any type) in window (0 = all time) cmp value
    churn_event,             // has a churn event by D; window_days > 0: within the window;
                             // after_last_purchase: the latest churn event is on/after the last purchase
    referrals_made,          // interactions of type "referral" in window (0 = all time) cmp value
    segment_is,              // customer.segment == text
    has_tag,                 // text is one of customer.tags
    never_purchased,         // no purchase by D
};
inline constexpr int kConditionKindCount = 13;

enum class Compare { lt, le, gt, ge, eq, between };  // between: value <= x <= value2 (both inclusive)

struct Condition {
    ConditionKind kind = ConditionKind::never_purchased;
    Compare op = Compare::ge;
    double value = 0;
    double value2 = 0;       // upper bound for Compare::between
    int window_days = 0;     // >= 0; windowed kinds (see ConditionKind)
    std::string text;        // trend metric, NPS category, interaction type, segment or tag
    bool after_last_purchase = false;  // churn_event only
    bool negate = false;     // match when the condition does NOT hold
};

struct StageRules {
    std::vector<Condition> all;  // AND
    std::vector<Condition> any;  // OR group; ignored when empty
    bool empty() const { return all.empty() && any.empty(); }
};

// Stable ids used in JSON and the UI: "recency_days", ... and "<", "<=", ">", ">=", "==", "between".
const char* condition_kind_id(ConditionKind kind);
std::optional<ConditionKind> condition_kind_from_id(std::string_view id);
const char* compare_id(Compare op);
std::optional<Compare> compare_from_id(std::string_view id);

// True when x satisfies op against value (and value2 for between).
bool compare_holds(Compare op, double x, double value, double value2);

// A short English description for the rule editor, e.g. "days since last purchase > 365".
std::string describe_condition(const Condition& condition);

// Builders for readable templates and tests.
Condition cond(ConditionKind kind, Compare op, double value, int window_days = 0, std::string text = {});
Condition cond_between(ConditionKind kind, double low, double high, int window_days = 0);
Condition cond_never_purchased();
Condition cond_churned(bool after_last_purchase, int window_days = 0);
Condition negated(Condition condition);

}  // namespace lcs

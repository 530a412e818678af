// Stage placement rules: the conditions a customer must meet to sit in a stage.
// A stage's rules are StageRules: every condition in `all` must match (AND) and, when `any` is not
// empty, at least one condition of `any` must match (one OR group). A stage with no conditions at
// all matches nobody (only the fallback stage catches the rest). Evaluation: core/lifecycle/staging.h.
//
// Time conventions (all conditions): evaluated "as of" a date D, seeing events dated <= D.
// A window of N days is the N days ending on D: dates in (D - N, D]. Recency is D minus the last
// purchase date (0 = bought on D). Conditions on purchase facts (recency, repeat purchases, trend)
// never match a customer with no purchase by D; use never_purchased for those customers.
//
// Model-driven conditions (model_p_alive, model_expected_purchases, model_clv) read the current CLV
// fit's values (ModelScores, core/lifecycle/model_scores.h), which hold at one date only: the date
// the fit values customers at. Evaluated at any other date, without a fit, or for a customer the fit
// did not value, they match nobody, negated or not (the model has no answer there).
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
    model_p_alive,           // P(alive) from the current CLV fit (0..1)             cmp value
    model_expected_purchases,// expected purchases over the fit's horizon            cmp value
    model_clv,               // predicted CLV over the fit's horizon (money)         cmp value
};
inline constexpr int kConditionKindCount = 16;

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

// What each condition kind needs, in one place: the rule editor shows the widgets it names, JSON
// reading/writing and validation (core/lifecycle/model.h) follow it, and a new condition starts
// from its defaults. One row per ConditionKind, in enum order (checked at compile time below).
enum class WindowUse {
    none,      // window_days is ignored
    optional,  // window_days >= 0; 0 = all time (churn_event: 0 = any time)
    required,  // window_days >= 1 (trend compares two windows of that length)
};
enum class CompareUse {
    always,      // op / value (/ value2) apply
    never,       // the condition is a plain yes/no
    unless_text, // op / value apply only while text is empty (last_nps: a score, not a category)
};
enum class TextUse {
    none,      // text is ignored
    optional,  // text may be empty (see ConditionKind for what empty means)
    required,  // text must not be empty
};

struct ConditionKindInfo {
    ConditionKind kind;
    const char* id;           // stable id in JSON and the UI ("recency_days", ...)
    const char* label;        // English label for the rule editor (the app translates it)
    WindowUse window;
    CompareUse compare;
    TextUse text;
    const char* text_key;     // JSON key that holds Condition::text, nullptr when text is unused
    const char* text_choices[3];  // the only allowed non-empty texts; all nullptr = free text
    // Defaults for a condition of this kind picked in the editor (see default_condition).
    Compare default_op;
    double default_value;
    int default_window_days;
    const char* default_text;
    bool default_after_last_purchase;
};

inline constexpr ConditionKindInfo kConditionKinds[] = {
    {ConditionKind::recency_days, "recency_days", "Days since last purchase", WindowUse::none, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::gt, 180, 0, "", false},
    {ConditionKind::purchases_in_window, "purchases_in_window", "Purchases in window", WindowUse::optional,
     CompareUse::always, TextUse::none, nullptr, {}, Compare::ge, 2, 365, "", false},
    {ConditionKind::spend_in_window, "spend_in_window", "Spend in window", WindowUse::optional, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::ge, 100, 365, "", false},
    {ConditionKind::tenure_days, "tenure_days", "Days since acquisition", WindowUse::none, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::ge, 365, 0, "", false},
    {ConditionKind::repeat_purchases, "repeat_purchases", "Repeat purchases", WindowUse::none, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::ge, 1, 0, "", false},
    {ConditionKind::trend, "trend", "Trend: last window / window before", WindowUse::required, CompareUse::always,
     TextUse::optional, "metric", {"purchases", "spend"}, Compare::lt, 0.5, 180, "purchases", false},
    {ConditionKind::last_nps, "last_nps", "Last NPS answer", WindowUse::none, CompareUse::unless_text,
     TextUse::optional, "category", {"promoter", "passive", "detractor"}, Compare::ge, 0, 0, "promoter", false},
    {ConditionKind::interactions_in_window, "interactions_in_window", "Interactions in window", WindowUse::optional,
     CompareUse::always, TextUse::optional, "type", {}, Compare::ge, 1, 90, "", false},
    {ConditionKind::churn_event, "churn_event", "Has a churn event", WindowUse::optional, CompareUse::never,
     TextUse::none, nullptr, {}, Compare::ge, 0, 0, "", true},
    {ConditionKind::referrals_made, "referrals_made", "Referrals made", WindowUse::optional, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::ge, 1, 0, "", false},
    {ConditionKind::segment_is, "segment_is", "Segment is", WindowUse::none, CompareUse::never, TextUse::required,
     "segment", {}, Compare::ge, 0, 0, "?", false},
    {ConditionKind::has_tag, "has_tag", "Has tag", WindowUse::none, CompareUse::never, TextUse::required, "tag", {},
     Compare::ge, 0, 0, "?", false},
    {ConditionKind::never_purchased, "never_purchased", "Never purchased", WindowUse::none, CompareUse::never,
     TextUse::none, nullptr, {}, Compare::ge, 0, 0, "", false},
    {ConditionKind::model_p_alive, "model_p_alive", "P(alive) from the CLV fit", WindowUse::none, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::lt, 0.3, 0, "", false},
    {ConditionKind::model_expected_purchases, "model_expected_purchases", "Expected purchases (CLV fit horizon)",
     WindowUse::none, CompareUse::always, TextUse::none, nullptr, {}, Compare::lt, 0.5, 0, "", false},
    {ConditionKind::model_clv, "model_clv", "Predicted CLV from the fit", WindowUse::none, CompareUse::always,
     TextUse::none, nullptr, {}, Compare::ge, 100, 0, "", false},
};

namespace rules_detail {
constexpr bool rows_in_enum_order() {
    for (int i = 0; i < kConditionKindCount; ++i)
        if (static_cast<int>(kConditionKinds[i].kind) != i) return false;
    return true;
}
}  // namespace rules_detail
static_assert(sizeof kConditionKinds / sizeof kConditionKinds[0] == kConditionKindCount,
              "kConditionKinds needs one row per ConditionKind");
static_assert(static_cast<int>(ConditionKind::model_clv) + 1 == kConditionKindCount,
              "kConditionKindCount must follow the last ConditionKind");
static_assert(rules_detail::rows_in_enum_order(), "kConditionKinds rows must be in ConditionKind order");

// The row of kind.
const ConditionKindInfo& condition_kind_info(ConditionKind kind);

// Whether window_days applies to c; whether c compares a number (op, value, value2).
bool condition_has_window(const Condition& c);
bool condition_compares(const Condition& c);

// A new condition of `kind` with its defaults (kConditionKinds), not negated.
Condition default_condition(ConditionKind kind);

// Whether `kind` reads the CLV fit (model_p_alive, model_expected_purchases, model_clv).
bool is_model_condition(ConditionKind kind);

struct StageRules {
    std::vector<Condition> all;  // AND
    std::vector<Condition> any;  // OR group; ignored when empty
    bool empty() const { return all.empty() && any.empty(); }
};
// Whether any condition of `rules` reads the CLV fit.
bool rules_need_model(const StageRules& rules);

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

#include "app/condition_text.h"

#include <cstdio>

#include "app/i18n.h"

namespace lcs {
namespace {

std::string number(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", x);
    return text;
}

// `key` when the condition looks at all time, `window_key` (with {0} = days) when it has a window.
std::string windowed(const Condition& c, const char* key, const char* window_key) {
    return c.window_days > 0 ? trf(window_key, {std::to_string(c.window_days)}) : tr(key);
}

const char* nps_category(const std::string& category) {
    if (category == "promoter") return tr("rules.cond_nps_promoter");
    if (category == "passive") return tr("rules.cond_nps_passive");
    if (category == "detractor") return tr("rules.cond_nps_detractor");
    return category.c_str();
}

// What is measured, e.g. "spend in the last 90 days"; empty for the kinds that are a whole statement.
std::string subject(const Condition& c) {
    switch (c.kind) {
        case ConditionKind::recency_days: return tr("rules.cond_recency_days");
        case ConditionKind::purchases_in_window: return windowed(c, "rules.cond_purchases", "rules.cond_purchases_in_window");
        case ConditionKind::spend_in_window: return windowed(c, "rules.cond_spend", "rules.cond_spend_in_window");
        case ConditionKind::tenure_days: return tr("rules.cond_tenure_days");
        case ConditionKind::repeat_purchases: return tr("rules.cond_repeat_purchases");
        case ConditionKind::trend:
            return trf("rules.cond_trend", {tr(c.text == "spend" ? "rules.cond_spend" : "rules.cond_purchases"),
                                            std::to_string(c.window_days)});
        case ConditionKind::last_nps: return c.text.empty() ? tr("rules.cond_last_nps") : std::string();
        case ConditionKind::interactions_in_window:
            if (c.text.empty()) return windowed(c, "rules.cond_interactions", "rules.cond_interactions_in_window");
            return c.window_days > 0 ? trf("rules.cond_typed_interactions_in_window", {c.text, std::to_string(c.window_days)})
                                     : trf("rules.cond_typed_interactions", {c.text});
        case ConditionKind::referrals_made: return windowed(c, "rules.cond_referrals", "rules.cond_referrals_in_window");
        case ConditionKind::model_p_alive: return tr("rules.cond_model_p_alive");
        case ConditionKind::model_expected_purchases: return tr("rules.cond_model_expected_purchases");
        case ConditionKind::model_clv: return tr("rules.cond_model_clv");
        default: return {};
    }
}

// The kinds that read as one statement rather than "subject compared with a value".
std::string statement(const Condition& c) {
    switch (c.kind) {
        case ConditionKind::last_nps: return trf("rules.cond_last_nps_is", {nps_category(c.text)});
        case ConditionKind::churn_event: {
            const std::string days = std::to_string(c.window_days);
            if (c.after_last_purchase)
                return c.window_days > 0 ? trf("rules.cond_churn_in_window_after_purchase", {days})
                                         : tr("rules.cond_churn_after_purchase");
            return c.window_days > 0 ? trf("rules.cond_churn_in_window", {days}) : tr("rules.cond_churn");
        }
        case ConditionKind::segment_is: return trf("rules.cond_segment_is", {c.text});
        case ConditionKind::has_tag: return trf("rules.cond_has_tag", {c.text});
        case ConditionKind::never_purchased: return tr("rules.cond_never_purchased");
        default: return {};
    }
}

}  // namespace

std::string condition_text(const Condition& c) {
    if (c.kind == ConditionKind::never_purchased && c.negate) return tr("rules.cond_has_purchased");
    std::string text = subject(c);
    if (text.empty()) text = statement(c);
    else if (c.op == Compare::between) text = trf("rules.cond_between", {text, number(c.value), number(c.value2)});
    else text = trf("rules.cond_compare", {text, compare_id(c.op), number(c.value)});
    return c.negate ? trf("rules.cond_not", {text}) : text;
}

}  // namespace lcs

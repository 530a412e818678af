#include "core/lifecycle/rules.h"

#include <cmath>
#include <cstdio>

namespace lcs {

namespace {
constexpr const char* kCompareIds[6] = {"<", "<=", ">", ">=", "==", "between"};

std::string number_text(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", x);
    return buffer;
}
}  // namespace

const ConditionKindInfo& condition_kind_info(ConditionKind kind) { return kConditionKinds[static_cast<int>(kind)]; }

const char* condition_kind_id(ConditionKind kind) { return condition_kind_info(kind).id; }

std::optional<ConditionKind> condition_kind_from_id(std::string_view id) {
    for (const ConditionKindInfo& info : kConditionKinds)
        if (id == info.id) return info.kind;
    return std::nullopt;
}

bool condition_has_window(const Condition& c) { return condition_kind_info(c.kind).window != WindowUse::none; }

bool condition_compares(const Condition& c) {
    switch (condition_kind_info(c.kind).compare) {
        case CompareUse::always: return true;
        case CompareUse::never: return false;
        case CompareUse::unless_text: return c.text.empty();
    }
    return false;
}

Condition default_condition(ConditionKind kind) {
    const ConditionKindInfo& info = condition_kind_info(kind);
    Condition c = cond(kind, info.default_op, info.default_value, info.default_window_days, info.default_text);
    c.after_last_purchase = info.default_after_last_purchase;
    return c;
}

bool is_model_condition(ConditionKind kind) {
    return kind == ConditionKind::model_p_alive || kind == ConditionKind::model_expected_purchases ||
           kind == ConditionKind::model_clv;
}

bool rules_need_model(const StageRules& rules) {
    for (const std::vector<Condition>* list : {&rules.all, &rules.any})
        for (const Condition& c : *list)
            if (is_model_condition(c.kind)) return true;
    return false;
}

const char* compare_id(Compare op) { return kCompareIds[static_cast<int>(op)]; }

std::optional<Compare> compare_from_id(std::string_view id) {
    for (int i = 0; i < 6; ++i)
        if (id == kCompareIds[i]) return static_cast<Compare>(i);
    return std::nullopt;
}

bool compare_holds(Compare op, double x, double value, double value2) {
    switch (op) {
        case Compare::lt: return x < value;
        case Compare::le: return x <= value;
        case Compare::gt: return x > value;
        case Compare::ge: return x >= value;
        case Compare::eq: return x == value;
        case Compare::between: return value <= x && x <= value2;
    }
    return false;
}

std::string describe_condition(const Condition& c) {
    std::string subject;
    const std::string window = c.window_days > 0 ? " in the last " + std::to_string(c.window_days) + " days" : "";
    switch (c.kind) {
        case ConditionKind::recency_days: subject = "days since last purchase"; break;
        case ConditionKind::purchases_in_window: subject = "purchases" + window; break;
        case ConditionKind::spend_in_window: subject = "spend" + window; break;
        case ConditionKind::tenure_days: subject = "days since acquisition"; break;
        case ConditionKind::repeat_purchases: subject = "repeat purchases"; break;
        case ConditionKind::trend:
            subject = (c.text.empty() ? std::string("purchases") : c.text) + " in the last " +
                      std::to_string(c.window_days) + " days / the " + std::to_string(c.window_days) +
                      " days before";
            break;
        case ConditionKind::last_nps:
            if (!c.text.empty()) return std::string(c.negate ? "NOT " : "") + "last NPS answer is a " + c.text;
            subject = "last NPS answer";
            break;
        case ConditionKind::interactions_in_window:
            subject = (c.text.empty() ? std::string("interactions") : "\"" + c.text + "\" interactions") + window;
            break;
        case ConditionKind::churn_event:
            return std::string(c.negate ? "NOT " : "") + "has a churn event" + window +
                   (c.after_last_purchase ? " after the last purchase" : "");
        case ConditionKind::referrals_made: subject = "referrals made" + window; break;
        case ConditionKind::segment_is: return std::string(c.negate ? "NOT " : "") + "segment is \"" + c.text + "\"";
        case ConditionKind::has_tag: return std::string(c.negate ? "NOT " : "") + "has tag \"" + c.text + "\"";
        case ConditionKind::never_purchased: return c.negate ? "has purchased" : "never purchased";
        case ConditionKind::model_p_alive: subject = "P(alive)"; break;
        case ConditionKind::model_expected_purchases: subject = "expected purchases"; break;
        case ConditionKind::model_clv: subject = "predicted CLV"; break;
    }
    std::string text = (c.negate ? "NOT " : "") + subject + " ";
    if (c.op == Compare::between)
        return text + "between " + number_text(c.value) + " and " + number_text(c.value2);
    return text + compare_id(c.op) + " " + number_text(c.value);
}

Condition cond(ConditionKind kind, Compare op, double value, int window_days, std::string text) {
    Condition c;
    c.kind = kind;
    c.op = op;
    c.value = value;
    c.window_days = window_days;
    c.text = std::move(text);
    return c;
}

Condition cond_between(ConditionKind kind, double low, double high, int window_days) {
    Condition c = cond(kind, Compare::between, low, window_days);
    c.value2 = high;
    return c;
}

Condition cond_never_purchased() { return cond(ConditionKind::never_purchased, Compare::ge, 0); }

Condition cond_churned(bool after_last_purchase, int window_days) {
    Condition c = cond(ConditionKind::churn_event, Compare::ge, 0, window_days);
    c.after_last_purchase = after_last_purchase;
    return c;
}

Condition negated(Condition condition) {
    condition.negate = !condition.negate;
    return condition;
}

}  // namespace lcs

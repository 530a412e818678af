#include "core/scenario/baseline.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/problem_kinds.h"

namespace lcs {

namespace {

constexpr double kRowSumTolerance = 1e-6;

void add_problem(Problems& problems, const std::string& kind, const std::string& where, const std::string& message) {
    problems.push_back(Problem{kind, where, message, 0, 0});
}

std::string number_text(double value) {
    return Json(value).dump();
}

bool is_finite_number(const Json& json) {
    return json.is_number() && std::isfinite(json.get<double>());
}

Json stage_map(const Baseline& baseline, const std::vector<double>& values) {
    Json out = Json::object();
    for (size_t i = 0; i < baseline.stages.size() && i < values.size(); ++i) out[baseline.stages[i]] = values[i];
    return out;
}

// Per-stage values come as {stage: number} (only the named stages change) or as an array in stage order.
void read_stage_values(const Baseline& baseline, std::vector<double>& values, const Json& json, Problems& problems,
                       const std::string& where) {
    values.resize(baseline.stages.size(), 0.0);
    if (json.is_array()) {
        if (json.size() != baseline.stages.size()) {
            add_problem(problems, scenario_problem::kBadField, where,
                        "has " + std::to_string(json.size()) + " values for " + std::to_string(baseline.stages.size()) + " stages");
            return;
        }
        for (size_t i = 0; i < json.size(); ++i) {
            if (!is_finite_number(json[i])) {
                add_problem(problems, scenario_problem::kBadField, where + "[" + std::to_string(i) + "]", "must be a number");
                continue;
            }
            values[i] = json[i].get<double>();
        }
        return;
    }
    if (!json.is_object()) {
        add_problem(problems, scenario_problem::kBadField, where, "must be an object {stage: number}");
        return;
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        const int index = stage_index(baseline, it.key());
        if (index < 0) {
            add_problem(problems, scenario_problem::kUnknownStage, where + "." + it.key(), "no stage named \"" + it.key() + "\"");
            continue;
        }
        if (!is_finite_number(it.value())) {
            add_problem(problems, scenario_problem::kBadField, where + "." + it.key(), "must be a number");
            continue;
        }
        values[static_cast<size_t>(index)] = it.value().get<double>();
    }
}

void read_number(double& out, const Json& json, Problems& problems, const std::string& where) {
    if (!is_finite_number(json)) {
        add_problem(problems, scenario_problem::kBadField, where, "must be a number, got " + json.dump());
        return;
    }
    out = json.get<double>();
}

void remap_stages(Baseline& baseline, const std::vector<std::string>& new_stages) {
    const size_t n = new_stages.size();
    std::vector<int> old_index(n, -1);
    for (size_t i = 0; i < n; ++i) old_index[i] = stage_index(baseline, new_stages[i]);
    auto remap = [&](const std::vector<double>& old_values) {
        std::vector<double> out(n, 0.0);
        for (size_t i = 0; i < n; ++i)
            if (old_index[i] >= 0 && static_cast<size_t>(old_index[i]) < old_values.size())
                out[i] = old_values[static_cast<size_t>(old_index[i])];
        return out;
    };
    std::vector<std::vector<double>> matrix(n, std::vector<double>(n, 0.0));
    std::vector<bool> churned(n, false);
    for (size_t i = 0; i < n; ++i) {
        const int oi = old_index[i];
        if (oi >= 0 && static_cast<size_t>(oi) < baseline.churned.size()) churned[i] = baseline.churned[static_cast<size_t>(oi)];
        bool copied = false;
        if (oi >= 0 && static_cast<size_t>(oi) < baseline.transition.size()) {
            for (size_t j = 0; j < n; ++j) {
                const int oj = old_index[j];
                if (oj >= 0 && static_cast<size_t>(oj) < baseline.transition[static_cast<size_t>(oi)].size()) {
                    matrix[i][j] = baseline.transition[static_cast<size_t>(oi)][static_cast<size_t>(oj)];
                    copied = true;
                }
            }
        }
        if (!copied) matrix[i][i] = 1.0;
    }
    const std::string entry =
        baseline.entry_stage >= 0 && static_cast<size_t>(baseline.entry_stage) < baseline.stages.size()
            ? baseline.stages[static_cast<size_t>(baseline.entry_stage)]
            : std::string();
    if (!baseline.revenue.empty()) baseline.revenue = remap(baseline.revenue);
    baseline.margin = remap(baseline.margin);
    baseline.servicing_cost = remap(baseline.servicing_cost);
    baseline.start_customers = remap(baseline.start_customers);
    baseline.transition = std::move(matrix);
    baseline.churned = std::move(churned);
    baseline.stages = new_stages;
    baseline.entry_stage = std::max(0, stage_index(baseline, entry));
}


// The JSON readers of apply_baseline_json, one per field that needs more than read_number / read_stage_values.
// Each leaves the field unchanged and adds a problem when `json` has the wrong shape.

void read_stage_names(Baseline& b, const Json& stages, Problems& problems, const std::string& w) {
    std::vector<std::string> names;
    bool ok = stages.is_array();
    if (ok)
        for (const Json& s : stages) {
            if (!s.is_string()) ok = false;
            else names.push_back(s.get<std::string>());
        }
    if (!ok) add_problem(problems, scenario_problem::kBadField, w + ".stages", "must be an array of stage names");
    else remap_stages(b, names);
}

void read_churned(Baseline& b, const Json& churned, Problems& problems, const std::string& w) {
    const size_t n = b.stages.size();
    if (!churned.is_array()) {
        add_problem(problems, scenario_problem::kBadField, w + ".churned", "must be an array of stage names");
    } else {
        std::vector<bool> flags(n, false);
        bool ok = true;
        for (const Json& s : churned) {
            const int index = s.is_string() ? stage_index(b, s.get<std::string>()) : -1;
            if (index < 0) {
                add_problem(problems, scenario_problem::kUnknownStage, w + ".churned", "no stage named " + s.dump());
                ok = false;
            } else {
                flags[static_cast<size_t>(index)] = true;
            }
        }
        if (ok) b.churned = flags;
    }
}

void read_transition(Baseline& b, const Json& t, Problems& problems, const std::string& w) {
    const size_t n = b.stages.size();
    bool ok = t.is_array() && t.size() == n;
    std::vector<std::vector<double>> matrix(n, std::vector<double>(n, 0.0));
    if (ok)
        for (size_t i = 0; i < n && ok; ++i) {
            if (!t[i].is_array() || t[i].size() != n) ok = false;
            else
                for (size_t j = 0; j < n && ok; ++j) {
                    if (!is_finite_number(t[i][j])) ok = false;
                    else matrix[i][j] = t[i][j].get<double>();
                }
        }
    if (!ok)
        add_problem(problems, scenario_problem::kBadField, w + ".transition",
                    "must be a " + std::to_string(n) + "×" + std::to_string(n) + " array of numbers (rows in stage order)");
    else b.transition = std::move(matrix);
}

// Every item of the array `json` through `parse` (nullopt = malformed item); nullopt when `json` is not
// an array or any item is malformed.
template <typename T, typename Parse>
std::optional<std::vector<T>> read_items(const Json& json, Parse parse) {
    if (!json.is_array()) return std::nullopt;
    std::vector<T> out;
    for (const Json& item : json) {
        std::optional<T> value = parse(item);
        if (!value) return std::nullopt;
        out.push_back(std::move(*value));
    }
    return out;
}

void read_channels(Baseline& b, const Json& c, Problems& problems, const std::string& w) {
    auto channels = read_items<AcquisitionChannel>(c, [](const Json& item) -> std::optional<AcquisitionChannel> {
        if (!item.is_object() || !item.contains("share") || !is_finite_number(item["share"]) ||
            (item.contains("cost_per_customer") && !is_finite_number(item["cost_per_customer"])) ||
            (item.contains("name") && !item["name"].is_string()))
            return std::nullopt;
        return AcquisitionChannel{item.value("name", std::string()), item["share"].get<double>(),
                                  item.value("cost_per_customer", 0.0)};
    });
    if (!channels)
        add_problem(problems, scenario_problem::kBadField, w + ".channels",
                    "must be an array of {name, share, cost_per_customer}");
    else b.channels = std::move(*channels);
}

void read_churn_reasons(Baseline& b, const Json& r, Problems& problems, const std::string& w) {
    auto reasons = read_items<ChurnReasonShare>(r, [](const Json& item) -> std::optional<ChurnReasonShare> {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("share_of_churned") ||
            !is_finite_number(item["share_of_churned"]) ||
            (item.contains("winback_share") && !is_finite_number(item["winback_share"])))
            return std::nullopt;
        return ChurnReasonShare{item["id"].get<std::string>(), item["share_of_churned"].get<double>(),
                                item.value("winback_share", 0.0)};
    });
    if (!reasons)
        add_problem(problems, scenario_problem::kBadField, w + ".churn_reasons",
                    "must be an array of {id, share_of_churned, winback_share}");
    else b.churn_reasons = std::move(*reasons);
}

// Parts of validate_baseline; `w` is the path prefix of the problems.

void validate_transition(const Baseline& b, Problems& problems, const std::string& w) {
    const char* kind = scenario_problem::kInvalidBaseline;
    const size_t n = b.stages.size();
    if (b.transition.size() != n) {
        add_problem(problems, kind, w + ".transition",
                    "has " + std::to_string(b.transition.size()) + " rows for " + std::to_string(n) + " stages");
    } else {
        for (size_t i = 0; i < n; ++i) {
            const std::string row_where = w + ".transition[" + std::to_string(i) + "]";
            if (b.transition[i].size() != n) {
                add_problem(problems, kind, row_where, "has " + std::to_string(b.transition[i].size()) + " columns for " +
                                                           std::to_string(n) + " stages");
                continue;
            }
            double sum = 0;
            bool entries_ok = true;
            for (size_t j = 0; j < n; ++j) {
                const double p = b.transition[i][j];
                if (!std::isfinite(p) || p < 0 || p > 1) {
                    add_problem(problems, kind, row_where + "[" + std::to_string(j) + "]",
                                "probability " + number_text(p) + " is outside 0..1");
                    entries_ok = false;
                }
                sum += p;
            }
            if (entries_ok && std::fabs(sum - 1.0) > kRowSumTolerance)
                add_problem(problems, kind, row_where,
                            "probabilities from stage \"" + b.stages[i] + "\" sum to " + number_text(sum) + ", not 1");
        }
    }
}

void validate_channels(const Baseline& b, Problems& problems, const std::string& w) {
    const char* kind = scenario_problem::kInvalidBaseline;
    double share_sum = 0;
    for (size_t k = 0; k < b.channels.size(); ++k) {
        const AcquisitionChannel& c = b.channels[k];
        const std::string cw = w + ".channels[" + std::to_string(k) + "]";
        if (!std::isfinite(c.share) || c.share < 0 || c.share > 1)
            add_problem(problems, kind, cw + ".share", number_text(c.share) + " is outside 0..1");
        if (!std::isfinite(c.cost_per_customer) || c.cost_per_customer < 0)
            add_problem(problems, kind, cw + ".cost_per_customer", number_text(c.cost_per_customer) + " must be >= 0");
        share_sum += c.share;
    }
    if (!b.channels.empty() && std::fabs(share_sum - 1.0) > kRowSumTolerance)
        add_problem(problems, kind, w + ".channels", "channel shares sum to " + number_text(share_sum) + ", not 1");
}

void validate_churn_reasons(const Baseline& b, Problems& problems, const std::string& w) {
    const char* kind = scenario_problem::kInvalidBaseline;
    double reason_sum = 0;
    for (size_t k = 0; k < b.churn_reasons.size(); ++k) {
        const ChurnReasonShare& r = b.churn_reasons[k];
        const std::string rw = w + ".churn_reasons[" + std::to_string(k) + "]";
        if (r.id.empty()) add_problem(problems, kind, rw + ".id", "reason id is empty");
        if (!std::isfinite(r.share_of_churned) || r.share_of_churned < 0 || r.share_of_churned > 1)
            add_problem(problems, kind, rw + ".share_of_churned", number_text(r.share_of_churned) + " is outside 0..1");
        if (!std::isfinite(r.winback_share) || r.winback_share < 0 || r.winback_share > 1)
            add_problem(problems, kind, rw + ".winback_share", number_text(r.winback_share) + " is outside 0..1");
        reason_sum += r.share_of_churned;
    }
    if (reason_sum > 1.0 + kRowSumTolerance)
        add_problem(problems, kind, w + ".churn_reasons", "reason shares sum to " + number_text(reason_sum) + ", more than 1");
}
}  // namespace

int stage_index(const Baseline& baseline, const std::string& name) {
    for (size_t i = 0; i < baseline.stages.size(); ++i)
        if (baseline.stages[i] == name) return static_cast<int>(i);
    return -1;
}

double average_acquisition_cost(const Baseline& baseline) {
    double total = 0;
    for (const AcquisitionChannel& channel : baseline.channels) total += channel.share * channel.cost_per_customer;
    return total;
}

std::vector<double> effective_revenue(const Baseline& baseline) {
    return baseline.revenue.empty() ? baseline.margin : baseline.revenue;
}

bool validate_baseline(const Baseline& b, Problems& problems, const std::string& w) {
    const size_t before = problems.size();
    const char* kind = scenario_problem::kInvalidBaseline;
    const size_t n = b.stages.size();
    if (n == 0) add_problem(problems, kind, w + ".stages", "needs at least one stage");
    std::set<std::string> seen;
    for (size_t i = 0; i < n; ++i) {
        if (b.stages[i].empty()) add_problem(problems, kind, w + ".stages[" + std::to_string(i) + "]", "stage name is empty");
        if (!seen.insert(b.stages[i]).second)
            add_problem(problems, kind, w + ".stages[" + std::to_string(i) + "]", "stage \"" + b.stages[i] + "\" appears twice");
    }
    validate_transition(b, problems, w);
    if (b.churned.size() != n) add_problem(problems, kind, w + ".churned", "needs one flag per stage");
    auto check_vector = [&](const std::vector<double>& values, const char* name, bool non_negative, bool may_be_empty) {
        if (may_be_empty && values.empty()) return;
        if (values.size() != n) {
            add_problem(problems, kind, w + "." + name, "needs one value per stage");
            return;
        }
        for (size_t i = 0; i < n; ++i) {
            if (!std::isfinite(values[i]) || (non_negative && values[i] < 0))
                add_problem(problems, kind, w + "." + name + "." + b.stages[i],
                            number_text(values[i]) + (non_negative ? " must be a number >= 0" : " must be a finite number"));
        }
    };
    check_vector(b.revenue, "revenue", false, true);
    check_vector(b.margin, "margin", false, false);
    check_vector(b.servicing_cost, "servicing_cost", true, false);
    check_vector(b.start_customers, "start_customers", true, false);
    if (!std::isfinite(b.new_customers_per_month) || b.new_customers_per_month < 0)
        add_problem(problems, kind, w + ".new_customers_per_month", number_text(b.new_customers_per_month) + " must be >= 0");
    if (b.entry_stage < 0 || static_cast<size_t>(b.entry_stage) >= n)
        add_problem(problems, kind, w + ".entry_stage", "is not one of the stages");
    validate_channels(b, problems, w);
    validate_churn_reasons(b, problems, w);
    if (!std::isfinite(b.discount_rate_monthly) || b.discount_rate_monthly < 0 || b.discount_rate_monthly >= 1)
        add_problem(problems, kind, w + ".discount_rate_monthly", number_text(b.discount_rate_monthly) + " must be in [0, 1)");
    if (b.horizon_months < 1 || b.horizon_months > kMaxHorizonMonths)
        add_problem(problems, kind, w + ".horizon_months",
                    std::to_string(b.horizon_months) + " must be 1.." + std::to_string(kMaxHorizonMonths));
    return problems.size() == before;
}

Json baseline_to_json(const Baseline& b) {
    Json out = Json::object();
    out["stages"] = b.stages;
    Json churned = Json::array();
    for (size_t i = 0; i < b.stages.size() && i < b.churned.size(); ++i)
        if (b.churned[i]) churned.push_back(b.stages[i]);
    out["churned"] = churned;
    out["transition"] = b.transition;
    if (!b.revenue.empty()) out["revenue"] = stage_map(b, b.revenue);
    out["margin"] = stage_map(b, b.margin);
    out["servicing_cost"] = stage_map(b, b.servicing_cost);
    out["start_customers"] = stage_map(b, b.start_customers);
    out["new_customers_per_month"] = b.new_customers_per_month;
    out["entry_stage"] = b.entry_stage >= 0 && static_cast<size_t>(b.entry_stage) < b.stages.size()
                             ? Json(b.stages[static_cast<size_t>(b.entry_stage)])
                             : Json(nullptr);
    Json channels = Json::array();
    for (const AcquisitionChannel& c : b.channels)
        channels.push_back({{"name", c.name}, {"share", c.share}, {"cost_per_customer", c.cost_per_customer}});
    out["channels"] = channels;
    Json reasons = Json::array();
    for (const ChurnReasonShare& r : b.churn_reasons)
        reasons.push_back({{"id", r.id}, {"share_of_churned", r.share_of_churned}, {"winback_share", r.winback_share}});
    out["churn_reasons"] = reasons;
    out["discount_rate_monthly"] = b.discount_rate_monthly;
    out["horizon_months"] = b.horizon_months;
    return out;
}

void apply_baseline_json(Baseline& b, const Json& json, Problems& problems, const std::string& w) {
    if (json.is_null()) return;
    if (!json.is_object()) {
        add_problem(problems, scenario_problem::kBadField, w, "must be an object");
        return;
    }
    static const std::set<std::string> kKnown = {
        "stages", "churned", "transition", "revenue", "margin", "servicing_cost", "start_customers",
        "new_customers_per_month", "entry_stage", "channels", "churn_reasons", "discount_rate_monthly", "horizon_months"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!kKnown.count(it.key()))
            add_problem(problems, scenario_problem::kUnknownField, w + "." + it.key(), "is not a baseline input (ignored)");

    if (json.contains("stages")) read_stage_names(b, json["stages"], problems, w);
    if (json.contains("churned")) read_churned(b, json["churned"], problems, w);
    if (json.contains("transition")) read_transition(b, json["transition"], problems, w);
    if (json.contains("revenue")) {
        if (b.revenue.empty()) b.revenue = b.margin;
        read_stage_values(b, b.revenue, json["revenue"], problems, w + ".revenue");
    }
    if (json.contains("margin")) read_stage_values(b, b.margin, json["margin"], problems, w + ".margin");
    if (json.contains("servicing_cost"))
        read_stage_values(b, b.servicing_cost, json["servicing_cost"], problems, w + ".servicing_cost");
    if (json.contains("start_customers"))
        read_stage_values(b, b.start_customers, json["start_customers"], problems, w + ".start_customers");
    if (json.contains("new_customers_per_month"))
        read_number(b.new_customers_per_month, json["new_customers_per_month"], problems, w + ".new_customers_per_month");
    if (json.contains("entry_stage")) {
        const Json& e = json["entry_stage"];
        const int index = e.is_string() ? stage_index(b, e.get<std::string>()) : -1;
        if (index < 0) add_problem(problems, scenario_problem::kUnknownStage, w + ".entry_stage", "no stage named " + e.dump());
        else b.entry_stage = index;
    }
    if (json.contains("channels")) read_channels(b, json["channels"], problems, w);
    if (json.contains("churn_reasons")) read_churn_reasons(b, json["churn_reasons"], problems, w);
    if (json.contains("discount_rate_monthly"))
        read_number(b.discount_rate_monthly, json["discount_rate_monthly"], problems, w + ".discount_rate_monthly");
    if (json.contains("horizon_months")) {
        const Json& h = json["horizon_months"];
        if (!h.is_number_integer()) add_problem(problems, scenario_problem::kBadField, w + ".horizon_months", "must be a whole number");
        else b.horizon_months = static_cast<int>(std::max<long long>(-1, std::min<long long>(h.get<long long>(), 1 << 30)));
    }
}

std::optional<Baseline> baseline_from_json(const Json& json, Problems& problems, const std::string& where) {
    const size_t before = problems.size();
    Baseline b;
    apply_baseline_json(b, json, problems, where);
    if (problems.size() != before) return std::nullopt;
    if (!validate_baseline(b, problems, where)) return std::nullopt;
    return b;
}

}  // namespace lcs

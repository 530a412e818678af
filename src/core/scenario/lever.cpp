#include "core/scenario/lever.h"

#include <cmath>
#include <set>

#include "core/problem_kinds.h"

namespace lcs {

namespace {

void add_problem(Problems& problems, const std::string& kind, const std::string& where, const std::string& message) {
    problems.push_back(Problem{kind, where, message, 0, 0});
}

bool is_finite_number(const Json& json) {
    return json.is_number() && std::isfinite(json.get<double>());
}

// Field names each kind writes; everything else (beyond the common ones) goes to `extra`.
std::vector<std::string> kind_fields(LeverKind kind) {
    switch (kind) {
        case LeverKind::retention: return {"stages", "points", "cost_per_customer"};
        case LeverKind::conversion: return {"from_stage", "to_stage", "points", "cost_per_customer"};
        case LeverKind::winback:
            return {"reason", "to_stage", "contact_rate", "winback_share", "cost_per_customer"};
        case LeverKind::care_plan: return {"plan", "stages", "points", "cost_per_customer"};
        case LeverKind::acquisition: return {"volume_change", "cost_per_customer"};
        case LeverKind::price: return {"stages", "margin_change", "points"};
    }
    return {};
}

const std::vector<std::string> kCommonFields = {"kind", "label", "enabled", "start_month", "end_month",
                                                "fixed_cost_per_month"};

}  // namespace

const char* lever_kind_id(LeverKind kind) {
    switch (kind) {
        case LeverKind::retention: return "retention";
        case LeverKind::conversion: return "conversion";
        case LeverKind::winback: return "winback";
        case LeverKind::care_plan: return "care_plan";
        case LeverKind::acquisition: return "acquisition";
        case LeverKind::price: return "price";
    }
    return "retention";
}

std::optional<LeverKind> lever_kind_from_id(const std::string& id) {
    for (LeverKind kind : kAllLeverKinds)
        if (id == lever_kind_id(kind)) return kind;
    return std::nullopt;
}

bool lever_active(const Lever& lever, int month, int horizon) {
    if (!lever.enabled) return false;
    const int last = lever.end_month <= 0 ? horizon : lever.end_month;
    return month >= lever.start_month && month <= last;
}

Json lever_to_json(const Lever& lever) {
    Json out = Json::object();
    out["kind"] = lever_kind_id(lever.kind);
    out["label"] = lever.label;
    out["enabled"] = lever.enabled;
    out["start_month"] = lever.start_month;
    out["end_month"] = lever.end_month;
    out["fixed_cost_per_month"] = lever.fixed_cost_per_month;
    for (const std::string& field : kind_fields(lever.kind)) {
        if (field == "stages") out[field] = lever.stages;
        else if (field == "from_stage") out[field] = lever.from_stage;
        else if (field == "to_stage") out[field] = lever.to_stage;
        else if (field == "reason") out[field] = lever.reason;
        else if (field == "plan") out[field] = lever.plan;
        else if (field == "points") out[field] = lever.points;
        else if (field == "contact_rate") out[field] = lever.contact_rate;
        else if (field == "winback_share") out[field] = lever.winback_share ? Json(*lever.winback_share) : Json(nullptr);
        else if (field == "volume_change") out[field] = lever.volume_change;
        else if (field == "margin_change") out[field] = lever.margin_change;
        else if (field == "cost_per_customer")
            out[field] = lever.cost_per_customer ? Json(*lever.cost_per_customer) : Json(nullptr);
    }
    for (auto it = lever.extra.begin(); it != lever.extra.end(); ++it)
        if (!out.contains(it.key())) out[it.key()] = it.value();
    return out;
}

namespace {

// Reads the fields of one lever object; a field of the wrong type adds a problem and leaves `out` unchanged.
struct LeverFieldReader {
    const Json& json;
    Problems& problems;
    const std::string& w;
    const char* bad = scenario_problem::kInvalidLever;

    void text(const char* name, std::string& out) const {
        if (!json.contains(name)) return;
        if (!json[name].is_string()) add_problem(problems, bad, w + "." + name, "must be text");
        else out = json[name].get<std::string>();
    }
    void number(const char* name, double& out) const {
        if (!json.contains(name)) return;
        if (!is_finite_number(json[name])) add_problem(problems, bad, w + "." + name, "must be a number, got " + json[name].dump());
        else out = json[name].get<double>();
    }
    void optional_number(const char* name, std::optional<double>& out) const {
        if (!json.contains(name) || json[name].is_null()) return;
        double value = 0;
        number(name, value);
        out = value;
    }
    void months(const char* name, int& out) const {
        if (!json.contains(name)) return;
        if (!json[name].is_number_integer() || std::llabs(json[name].get<long long>()) > 100000)
            add_problem(problems, bad, w + "." + name, "must be a whole number of months");
        else out = static_cast<int>(json[name].get<long long>());
    }
    void flag(const char* name, bool& out) const {
        if (!json.contains(name)) return;
        if (!json[name].is_boolean()) add_problem(problems, bad, w + "." + name, "must be true or false");
        else out = json[name].get<bool>();
    }
    // One stage name or an array of them.
    void stage_names(const char* name, std::vector<std::string>& out) const {
        if (!json.contains(name)) return;
        const Json& s = json[name];
        if (s.is_string()) {
            out = {s.get<std::string>()};
        } else if (s.is_array()) {
            for (const Json& item : s) {
                if (!item.is_string()) add_problem(problems, bad, w + "." + name, "must be stage names");
                else out.push_back(item.get<std::string>());
            }
        } else {
            add_problem(problems, bad, w + "." + name, "must be an array of stage names");
        }
    }
    // The field `f` of the lever's kind.
    void kind_field(const std::string& f, Lever& lever) const {
        const char* name = f.c_str();
        if (f == "stages") stage_names(name, lever.stages);
        else if (f == "from_stage") text(name, lever.from_stage);
        else if (f == "to_stage") text(name, lever.to_stage);
        else if (f == "reason") text(name, lever.reason);
        else if (f == "plan") text(name, lever.plan);
        else if (f == "points") number(name, lever.points);
        else if (f == "contact_rate") number(name, lever.contact_rate);
        else if (f == "winback_share") optional_number(name, lever.winback_share);
        else if (f == "volume_change") number(name, lever.volume_change);
        else if (f == "margin_change") number(name, lever.margin_change);
        else if (f == "cost_per_customer") optional_number(name, lever.cost_per_customer);
    }
};

}  // namespace

std::optional<Lever> lever_from_json(const Json& json, Problems& problems, const std::string& w) {
    const size_t before = problems.size();
    const char* bad = scenario_problem::kInvalidLever;
    if (!json.is_object()) {
        add_problem(problems, bad, w, "a lever must be an object");
        return std::nullopt;
    }
    Lever lever;
    if (!json.contains("kind") || !json["kind"].is_string() || !lever_kind_from_id(json["kind"].get<std::string>())) {
        add_problem(problems, bad, w + ".kind",
                    "must be one of retention, conversion, winback, care_plan, acquisition, price; got " +
                        (json.contains("kind") ? json["kind"].dump() : std::string("nothing")));
        return std::nullopt;
    }
    lever.kind = *lever_kind_from_id(json["kind"].get<std::string>());
    std::set<std::string> known(kCommonFields.begin(), kCommonFields.end());
    for (const std::string& f : kind_fields(lever.kind)) known.insert(f);

    const LeverFieldReader read{json, problems, w};
    read.text("label", lever.label);
    read.flag("enabled", lever.enabled);
    read.months("start_month", lever.start_month);
    read.months("end_month", lever.end_month);
    read.number("fixed_cost_per_month", lever.fixed_cost_per_month);
    for (const std::string& f : kind_fields(lever.kind)) read.kind_field(f, lever);
    // A "stage" (singular) is accepted for a retention lever, the natural way to type it by hand.
    if (lever.kind == LeverKind::retention && json.contains("stage") && lever.stages.empty()) {
        known.insert("stage");
        std::string stage;
        read.text("stage", stage);
        if (!stage.empty()) lever.stages = {stage};
    }
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.count(it.key())) lever.extra[it.key()] = it.value();
    if (problems.size() != before) return std::nullopt;
    return lever;
}

bool validate_lever(const Lever& lever, const Baseline& b, Problems& problems, const std::string& w) {
    const size_t before = problems.size();
    const char* kind = scenario_problem::kInvalidLever;
    auto check_stage = [&](const std::string& name, const std::string& where, bool must_not_be_churned) {
        const int index = stage_index(b, name);
        if (index < 0) {
            add_problem(problems, kind, where, "no stage named \"" + name + "\"");
            return -1;
        }
        if (must_not_be_churned && static_cast<size_t>(index) < b.churned.size() && b.churned[static_cast<size_t>(index)]) {
            add_problem(problems, kind, where, "\"" + name + "\" is a churn stage; choose a stage customers stay in");
            return -1;
        }
        return index;
    };
    auto check_range = [&](double value, double lo, double hi, const char* name) {
        if (!std::isfinite(value) || value < lo || value > hi)
            add_problem(problems, kind, w + "." + name,
                        Json(value).dump() + " is outside " + Json(lo).dump() + ".." + Json(hi).dump());
    };
    if (lever.start_month < 1) add_problem(problems, kind, w + ".start_month", "must be 1 or later");
    if (lever.end_month != 0 && lever.end_month < lever.start_month)
        add_problem(problems, kind, w + ".end_month", "must be 0 (until the horizon) or >= start_month");
    if (!std::isfinite(lever.fixed_cost_per_month) || lever.fixed_cost_per_month < 0)
        add_problem(problems, kind, w + ".fixed_cost_per_month", "must be a number >= 0");
    if (lever.cost_per_customer && (!std::isfinite(*lever.cost_per_customer) || *lever.cost_per_customer < 0))
        add_problem(problems, kind, w + ".cost_per_customer", "must be a number >= 0");
    bool has_churn = false;
    for (bool c : b.churned) has_churn = has_churn || c;
    switch (lever.kind) {
        case LeverKind::retention:
        case LeverKind::care_plan:
            if (lever.kind == LeverKind::retention && lever.stages.size() != 1)
                add_problem(problems, kind, w + ".stages", "a retention lever acts on exactly one stage");
            if (lever.kind == LeverKind::care_plan && lever.stages.empty())
                add_problem(problems, kind, w + ".stages", "choose at least one stage the care plan covers");
            if (lever.kind == LeverKind::care_plan && lever.plan.empty())
                add_problem(problems, kind, w + ".plan", "name the care plan (e.g. birthday, follow_up)");
            for (size_t i = 0; i < lever.stages.size(); ++i)
                check_stage(lever.stages[i], w + ".stages[" + std::to_string(i) + "]", true);
            check_range(lever.points, 0, 1, "points");
            if (!has_churn) add_problem(problems, kind, w, "the baseline has no churn stage, so retention cannot change");
            break;
        case LeverKind::conversion: {
            const int a = check_stage(lever.from_stage, w + ".from_stage", false);
            const int bi = check_stage(lever.to_stage, w + ".to_stage", false);
            if (a >= 0 && a == bi) add_problem(problems, kind, w + ".to_stage", "must differ from from_stage");
            check_range(lever.points, 0, 1, "points");
            break;
        }
        case LeverKind::winback: {
            check_stage(lever.to_stage, w + ".to_stage", true);
            bool found = false;
            for (const ChurnReasonShare& r : b.churn_reasons) found = found || r.id == lever.reason;
            if (!found) add_problem(problems, kind, w + ".reason", "no churn reason \"" + lever.reason + "\" in the baseline");
            check_range(lever.contact_rate, 0, 1, "contact_rate");
            if (lever.winback_share) check_range(*lever.winback_share, 0, 1, "winback_share");
            if (!has_churn) add_problem(problems, kind, w, "the baseline has no churn stage to win customers back from");
            break;
        }
        case LeverKind::acquisition:
            check_range(lever.volume_change, -1, 1000, "volume_change");
            break;
        case LeverKind::price:
            for (size_t i = 0; i < lever.stages.size(); ++i)
                check_stage(lever.stages[i], w + ".stages[" + std::to_string(i) + "]", false);
            check_range(lever.margin_change, -1, 1000, "margin_change");
            check_range(lever.points, -1, 1, "points");
            if (lever.points != 0 && !has_churn)
                add_problem(problems, kind, w + ".points", "the baseline has no churn stage, so retention cannot change");
            break;
    }
    return problems.size() == before;
}

std::vector<LeverParameter> lever_parameters(LeverKind kind) {
    switch (kind) {
        case LeverKind::retention:
        case LeverKind::care_plan:
        case LeverKind::conversion: return {{"points", LeverUnit::points, 0, 50, false}};
        case LeverKind::winback:
            return {{"contact_rate", LeverUnit::percent, 0, 100, false}, {"winback_share", LeverUnit::percent, 0, 100, false}};
        case LeverKind::acquisition: return {{"volume_change", LeverUnit::percent, -100, 200, true}};
        case LeverKind::price:
            return {{"margin_change", LeverUnit::percent, -50, 50, true}, {"points", LeverUnit::points, -20, 20, true}};
    }
    return {};
}

std::optional<LeverParameter> lever_parameter(LeverKind kind, const std::string& field) {
    for (const LeverParameter& p : lever_parameters(kind))
        if (field == p.field) return p;
    return std::nullopt;
}

Lever neutral_lever(LeverKind kind) {
    Lever lever;
    lever.kind = kind;
    if (kind == LeverKind::acquisition) lever.cost_per_customer = 0.0;
    return lever;
}

}  // namespace lcs

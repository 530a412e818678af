// Levers: the actions a what-if scenario takes on the baseline. Each lever is plain data (a kind and
// its parameters), serialisable to JSON, and costs money. Exact definitions: docs/scenarios.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/workspace.h"

namespace lcs {

enum class LeverKind {
    retention,    // keep `points` of the churn probability of `stage` in that stage
    conversion,   // move `points` of the stay-probability of `from_stage` to `to_stage`
    winback,      // contact churned customers of one churn `reason`; the won back go to `to_stage`
    care_plan,    // a care plan (`plan`): retention uplift of `points` in each of `stages`
    acquisition,  // change new-customer volume by `volume_change` (relative)
    price,        // change margin by `margin_change` (relative) in `stages`, optional retention effect
};

inline constexpr LeverKind kAllLeverKinds[] = {LeverKind::retention, LeverKind::conversion, LeverKind::winback,
                                               LeverKind::care_plan, LeverKind::acquisition, LeverKind::price};

struct Lever {
    LeverKind kind = LeverKind::retention;
    std::string label;     // shown to the user; may be empty
    bool enabled = true;   // disabled levers are kept but have no effect and no cost
    int start_month = 1;   // first month the lever acts, 1-based
    int end_month = 0;     // last month it acts (inclusive); 0 = until the horizon

    // retention: the one stage; care_plan: every stage it covers; price: the stages whose margin
    // changes (empty = every non-churned stage).
    std::vector<std::string> stages;
    std::string from_stage;  // conversion: stage A
    std::string to_stage;    // conversion: stage B; winback: stage the won-back customers re-enter
    std::string reason;      // winback: ChurnReason id
    std::string plan;        // care_plan: an id of care_plans() (core/lifecycle/care_plans.h), or any
                             // other non-empty id for a custom plan

    // Probability points per month (0.05 = 5 points). retention/care_plan: 0..1 (moved from churn to
    // staying); conversion: 0..1 (moved from staying in A to B); price: -1..1 retention effect
    // (negative = price rise makes more customers churn).
    double points = 0;
    double contact_rate = 0;              // winback: share of churned customers contacted per month, 0..1
    std::optional<double> winback_share;  // winback: share of contacted won back; absent = baseline reason's
    double volume_change = 0;             // acquisition: relative change of new customers, >= -1 (0.2 = +20%)
    double margin_change = 0;             // price: relative change of margin per customer, >= -1 (0.05 = +5%)

    // Money. retention/conversion/care_plan: per customer in the covered stage(s) per month;
    // winback: per contacted customer; acquisition: per extra acquired customer (absent = the
    // baseline's average channel cost); price: unused. Absent = 0 except for acquisition.
    std::optional<double> cost_per_customer;
    double fixed_cost_per_month = 0;  // any kind: paid every month the lever is active, >= 0

    Json extra = Json::object();  // unknown JSON fields, written back unchanged
};

// Stable id ("retention", "conversion", "winback", "care_plan", "acquisition", "price").
const char* lever_kind_id(LeverKind kind);
std::optional<LeverKind> lever_kind_from_id(const std::string& id);

// True when the lever acts in month (1-based) within a projection of `horizon` months.
bool lever_active(const Lever& lever, int month, int horizon);

// JSON: {"kind", "label", "enabled", "start_month", "end_month", + the fields of its kind}. Every field
// of the kind is written (so a parsed lever writes back the same object); unknown fields are kept.
Json lever_to_json(const Lever& lever);
// Parses one lever; type errors become problems ("scenario.invalid_lever", as validate_lever) and give nullopt.
std::optional<Lever> lever_from_json(const Json& json, Problems& problems, const std::string& where);

// Checks parameters against a baseline: stage names exist, ranges hold, the win-back reason is known.
// Problems have kind "scenario.invalid_lever". Returns true when none were found.
bool validate_lever(const Lever& lever, const Baseline& baseline, Problems& problems, const std::string& where);

// A lever that does nothing and costs nothing (all parameters 0); default_lever (defaults.h) adds targets.
Lever neutral_lever(LeverKind kind);

// How a fraction-valued lever parameter is typed and shown, so the help, the input boxes and the file
// agree: the user types and reads `shown` units, the lever (and its JSON) stores shown / kShownPerStored.
// points: probability points, "+5 pts" is stored as 0.05; percent: relative change or share, "20%"
// is stored as 0.2.
enum class LeverUnit { points, percent };
inline constexpr double kShownPerStored = 100;

struct LeverParameter {
    const char* field;           // the Lever field / JSON key: "points", "contact_rate", ...
    LeverUnit unit;
    double shown_min, shown_max;  // the slider's range in shown units (the number box accepts the valid range)
    bool is_signed;               // shown with a sign ("+5 pts"): a change that can go either way
};

// The fraction-valued parameters of `kind`, in the order the lever card shows them.
std::vector<LeverParameter> lever_parameters(LeverKind kind);
// The one of `kind` named `field`; nullopt when the kind has no such fraction-valued parameter.
std::optional<LeverParameter> lever_parameter(LeverKind kind, const std::string& field);
// Shown units from the stored fraction (0.05 -> 5) and back (5 -> 0.05).
inline double lever_shown_value(double stored) { return stored * kShownPerStored; }
inline double lever_stored_value(double shown) { return shown / kShownPerStored; }

}  // namespace lcs

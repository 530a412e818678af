// The current CLV fit's values per customer, as the model-driven stage conditions (rules.h:
// model_p_alive, model_expected_purchases, model_clv) and the health scorecard's P(alive) measure
// read them. Core stays free of app state: whoever holds a fit builds one (clv::model_scores in
// core/clv/valuation.h) and passes it into staging, snapshots, analysis and health; without one
// those conditions match nobody and the measure is missing.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lifecycle/model.h"
#include "core/lifecycle/rules.h"

namespace lcs {

struct ModelScores {
    Date as_of;       // the date the values hold at (the fit's valued_at); no other date has them
    int horizon = 0;  // periods of horizon_unit that expected purchases and CLV cover
    std::string horizon_unit;  // "day", "week" or "month" (for the editor's wording)
    // Per customer (workspace order); NaN = the fit did not value that customer.
    std::vector<double> p_alive, expected_purchases, clv;

    // The value a model-driven condition of `kind` reads for customer c on day `day`; nullopt when
    // the kind is not model-driven, day is not as_of, c is out of range or the value is NaN.
    std::optional<double> value(ConditionKind kind, std::size_t c, int32_t day) const;
    // Customers with a finite P(alive) or CLV.
    int valued_customers() const;
};

// Whether `model` reads ModelScores: a model-driven condition in some stage's rules, or the P(alive)
// health measure weighted (default or per-stage weights). Callers skip building scores otherwise.
bool model_uses_scores(const LifecycleModel& model);

}  // namespace lcs

#include "core/scenario/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/problem_kinds.h"
#include "core/scenario/projection.h"

namespace lcs {

namespace {

struct Case {
    Baseline baseline;
    std::vector<Lever> levers;
};

// Sets the input to `value` in a copy of the case.
using Setter = std::function<void(Case&, double)>;

double churn_probability(const Baseline& b, size_t s) {
    double c = 0;
    for (size_t j = 0; j < b.stages.size(); ++j)
        if (b.churned[j] && j != s) c += b.transition[s][j];
    return c;
}

// Sets stage s's churn probability to `target`, scaling churn columns and the other columns so the row stays stochastic.
void set_churn_probability(Baseline& b, size_t s, double target) {
    const double c = churn_probability(b, s);
    const double target_clamped = std::clamp(target, 0.0, 1.0);
    std::vector<double>& row = b.transition[s];
    const double churn_scale = c > 0 ? target_clamped / c : 0;
    const double rest_scale = (1 - c) > 0 ? (1 - target_clamped) / (1 - c) : 0;
    for (size_t j = 0; j < row.size(); ++j) row[j] *= (b.churned[j] && j != s) ? churn_scale : rest_scale;
}

// The bars of one tornado: each bar projects the case again with one input at its low and at its high value.
class TornadoBuilder {
public:
    TornadoBuilder(const Baseline& baseline, const std::vector<Lever>& levers, double delta, double base_equity)
        : baseline_(baseline), levers_(levers), delta_(delta) {
        tornado_.base_equity = base_equity;
        tornado_.delta = delta;
    }

    // `bar` with the input at base_value × (1 ∓ delta), clamped to [lo_limit, hi_limit]; none when base_value is 0.
    void add(TornadoBar bar, double lo_limit, double hi_limit, const Setter& set) {
        if (bar.base_value == 0) return;
        double low = std::clamp(bar.base_value * (1 - delta_), lo_limit, hi_limit);
        double high = std::clamp(bar.base_value * (1 + delta_), lo_limit, hi_limit);
        if (low > high) std::swap(low, high);
        add_at(std::move(bar), low, high, set);
    }

    // `bar` with the input at `low` and at `high`.
    void add_at(TornadoBar bar, double low, double high, const Setter& set) {
        bar.low_value = low;
        bar.high_value = high;
        bar.equity_low = equity_with(set, low);
        bar.equity_high = equity_with(set, high);
        bar.swing = std::fabs(bar.equity_high - bar.equity_low);
        tornado_.bars.push_back(std::move(bar));
    }

    // Margin and retention per stage, servicing cost, new customers, acquisition cost, discount rate.
    void add_baseline_bars();
    // The parameters of enabled lever i.
    void add_lever_bars(size_t i);

    Tornado take() {
        std::stable_sort(tornado_.bars.begin(), tornado_.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
            if (a.swing != b.swing) return a.swing > b.swing;
            return a.id < b.id;
        });
        return std::move(tornado_);
    }

private:
    double equity_with(const Setter& set, double value) const {
        Case c{baseline_, levers_};
        set(c, value);
        Problems ignored;  // clamped inputs stay valid; a failure here would be a bug, reported as the base value
        std::optional<Projection> p = project(c.baseline, c.levers, ignored);
        return p ? p->customer_equity : tornado_.base_equity;
    }

    void add_stage_bars();

    const Baseline& baseline_;
    const std::vector<Lever>& levers_;
    const double delta_;
    Tornado tornado_;
};

constexpr double kBig = 1e300;

TornadoBar input_bar(const std::string& id, const std::string& label, SensitivityInput input, double base_value) {
    TornadoBar bar;
    bar.id = id;
    bar.label = label;
    bar.input = input;
    bar.base_value = base_value;
    return bar;
}

void TornadoBuilder::add_stage_bars() {
    const Baseline& b = baseline_;
    for (size_t s = 0; s < b.stages.size(); ++s) {
        TornadoBar bar = input_bar("margin:" + b.stages[s], "Margin · " + b.stages[s], SensitivityInput::margin, b.margin[s]);
        bar.stage = b.stages[s];
        // Revenue moves with margin (a margin change is a price change), like the price lever.
        add(bar, -kBig, kBig, [s](Case& c, double v) {
            if (!c.baseline.revenue.empty()) c.baseline.revenue[s] += v - c.baseline.margin[s];
            c.baseline.margin[s] = v;
        });
    }
    double total_servicing = 0;
    for (double v : b.servicing_cost) total_servicing += v;
    // A scale factor on every stage's cost.
    add(input_bar("servicing_cost", "Servicing cost (all stages)", SensitivityInput::servicing_cost,
                  total_servicing > 0 ? 1.0 : 0.0),
        0, kBig, [](Case& c, double v) {
            for (double& x : c.baseline.servicing_cost) x *= v;
        });
    for (size_t s = 0; s < b.stages.size(); ++s) {
        if (b.churned[s]) continue;
        const double churn = churn_probability(b, s);
        if (churn <= 0) continue;
        TornadoBar bar = input_bar("retention:" + b.stages[s], "Retention · " + b.stages[s], SensitivityInput::retention,
                                   1 - churn);
        bar.stage = b.stages[s];
        // The step is ±delta on the churn probability, shown as the retention it gives.
        add_at(bar, std::clamp(1 - churn * (1 + delta_), 0.0, 1.0), std::clamp(1 - churn * (1 - delta_), 0.0, 1.0),
               [s](Case& c, double v) { set_churn_probability(c.baseline, s, 1 - v); });
    }
}

void TornadoBuilder::add_baseline_bars() {
    const Baseline& b = baseline_;
    add_stage_bars();
    add(input_bar("new_customers", "New customers per month", SensitivityInput::new_customers, b.new_customers_per_month),
        0, kBig, [](Case& c, double v) { c.baseline.new_customers_per_month = v; });
    const double average = average_acquisition_cost(b);
    add(input_bar("acquisition_cost", "Acquisition cost per customer (all channels)", SensitivityInput::acquisition_cost,
                  average),
        0, kBig, [average](Case& c, double v) {
            for (AcquisitionChannel& ch : c.baseline.channels) ch.cost_per_customer *= v / average;
        });
    add(input_bar("discount_rate", "Monthly discount rate", SensitivityInput::discount_rate, b.discount_rate_monthly), 0,
        0.999, [](Case& c, double v) { c.baseline.discount_rate_monthly = v; });
}

void TornadoBuilder::add_lever_bars(size_t i) {
    const Lever& lever = levers_[i];
    const std::string prefix = "lever[" + std::to_string(i) + "].";
    const std::string name = lever.label.empty()
                                 ? "Lever " + std::to_string(i + 1) + " (" + lever_kind_id(lever.kind) + ")"
                                 : lever.label;
    auto lever_bar = [&](const char* parameter, double value, double lo, double hi, const Setter& set) {
        TornadoBar bar = input_bar(prefix + parameter, name + " · " + parameter, SensitivityInput::lever, value);
        bar.lever_index = static_cast<int>(i);
        bar.parameter = parameter;
        add(bar, lo, hi, set);
    };
    switch (lever.kind) {
        case LeverKind::retention:
        case LeverKind::care_plan:
        case LeverKind::conversion:
            lever_bar("points", lever.points, 0, 1, [i](Case& c, double v) { c.levers[i].points = v; });
            break;
        case LeverKind::price:
            lever_bar("margin_change", lever.margin_change, -1, kBig,
                      [i](Case& c, double v) { c.levers[i].margin_change = v; });
            lever_bar("points", lever.points, -1, 1, [i](Case& c, double v) { c.levers[i].points = v; });
            break;
        case LeverKind::winback: {
            lever_bar("contact_rate", lever.contact_rate, 0, 1, [i](Case& c, double v) { c.levers[i].contact_rate = v; });
            double share = 0;
            for (const ChurnReasonShare& r : baseline_.churn_reasons)
                if (r.id == lever.reason) share = r.winback_share;
            lever_bar("winback_share", lever.winback_share.value_or(share), 0, 1,
                      [i](Case& c, double v) { c.levers[i].winback_share = v; });
            break;
        }
        case LeverKind::acquisition:
            lever_bar("volume_change", lever.volume_change, -1, kBig,
                      [i](Case& c, double v) { c.levers[i].volume_change = v; });
            break;
    }
    if (lever.kind != LeverKind::price) {
        const double cost = lever.cost_per_customer.value_or(
            lever.kind == LeverKind::acquisition ? average_acquisition_cost(baseline_) : 0.0);
        lever_bar("cost_per_customer", cost, 0, kBig, [i](Case& c, double v) { c.levers[i].cost_per_customer = v; });
    }
    lever_bar("fixed_cost_per_month", lever.fixed_cost_per_month, 0, kBig,
              [i](Case& c, double v) { c.levers[i].fixed_cost_per_month = v; });
}

}  // namespace

std::optional<Tornado> sensitivity(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems,
                                   double delta) {
    if (!(delta > 0 && delta < 1)) {
        problems.push_back(Problem{scenario_problem::kBadDelta, "delta", "the sensitivity step must be between 0 and 1", 0, 0});
        return std::nullopt;
    }
    const std::optional<Projection> base = project(baseline, levers, problems);
    if (!base) return std::nullopt;
    TornadoBuilder builder(baseline, levers, delta, base->customer_equity);
    builder.add_baseline_bars();
    for (size_t i = 0; i < levers.size(); ++i)
        if (levers[i].enabled) builder.add_lever_bars(i);
    return builder.take();
}

}  // namespace lcs

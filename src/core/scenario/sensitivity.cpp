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

}  // namespace

std::optional<Tornado> sensitivity(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems,
                                   double delta) {
    if (!(delta > 0 && delta < 1)) {
        problems.push_back(Problem{scenario_problem::kBadDelta, "delta", "the sensitivity step must be between 0 and 1", 0, 0});
        return std::nullopt;
    }
    const std::optional<Projection> base = project(baseline, levers, problems);
    if (!base) return std::nullopt;
    Tornado tornado;
    tornado.base_equity = base->customer_equity;
    tornado.delta = delta;

    auto add = [&](TornadoBar bar, double lo_limit, double hi_limit, const Setter& set) {
        if (bar.base_value == 0) return;
        bar.low_value = std::clamp(bar.base_value * (1 - delta), lo_limit, hi_limit);
        bar.high_value = std::clamp(bar.base_value * (1 + delta), lo_limit, hi_limit);
        if (bar.low_value > bar.high_value) std::swap(bar.low_value, bar.high_value);
        double equity[2] = {0, 0};
        const double values[2] = {bar.low_value, bar.high_value};
        for (int k = 0; k < 2; ++k) {
            Case c{baseline, levers};
            set(c, values[k]);
            Problems ignored;  // clamped inputs stay valid; a failure here would be a bug, reported as the base value
            std::optional<Projection> p = project(c.baseline, c.levers, ignored);
            equity[k] = p ? p->customer_equity : tornado.base_equity;
        }
        bar.equity_low = equity[0];
        bar.equity_high = equity[1];
        bar.swing = std::fabs(equity[1] - equity[0]);
        tornado.bars.push_back(std::move(bar));
    };
    const double big = 1e300;
    const size_t n = baseline.stages.size();

    for (size_t s = 0; s < n; ++s) {
        TornadoBar bar;
        bar.id = "margin:" + baseline.stages[s];
        bar.label = "Margin · " + baseline.stages[s];
        bar.input = SensitivityInput::margin;
        bar.stage = baseline.stages[s];
        bar.base_value = baseline.margin[s];
        // Revenue moves with margin (a margin change is a price change), like the price lever.
        add(bar, -big, big, [s](Case& c, double v) {
            if (!c.baseline.revenue.empty()) c.baseline.revenue[s] += v - c.baseline.margin[s];
            c.baseline.margin[s] = v;
        });
    }
    {
        TornadoBar bar;
        bar.id = "servicing_cost";
        bar.label = "Servicing cost (all stages)";
        bar.input = SensitivityInput::servicing_cost;
        double total = 0;
        for (double v : baseline.servicing_cost) total += v;
        bar.base_value = total > 0 ? 1.0 : 0.0;  // a scale factor on every stage's cost
        add(bar, 0, big, [](Case& c, double v) {
            for (double& x : c.baseline.servicing_cost) x *= v;
        });
    }
    for (size_t s = 0; s < n; ++s) {
        if (baseline.churned[s]) continue;
        const double churn = churn_probability(baseline, s);
        if (churn <= 0) continue;
        TornadoBar bar;
        bar.id = "retention:" + baseline.stages[s];
        bar.label = "Retention · " + baseline.stages[s];
        bar.input = SensitivityInput::retention;
        bar.stage = baseline.stages[s];
        bar.base_value = 1 - churn;
        // The step is ±delta on the churn probability, shown as the retention it gives.
        const double low = std::clamp(1 - churn * (1 + delta), 0.0, 1.0);
        const double high = std::clamp(1 - churn * (1 - delta), 0.0, 1.0);
        TornadoBar probe = bar;
        double equity[2] = {0, 0};
        const double values[2] = {low, high};
        for (int k = 0; k < 2; ++k) {
            Case c{baseline, levers};
            set_churn_probability(c.baseline, s, 1 - values[k]);
            Problems ignored;
            std::optional<Projection> p = project(c.baseline, c.levers, ignored);
            equity[k] = p ? p->customer_equity : tornado.base_equity;
        }
        probe.low_value = low;
        probe.high_value = high;
        probe.equity_low = equity[0];
        probe.equity_high = equity[1];
        probe.swing = std::fabs(equity[1] - equity[0]);
        tornado.bars.push_back(std::move(probe));
    }
    {
        TornadoBar bar;
        bar.id = "new_customers";
        bar.label = "New customers per month";
        bar.input = SensitivityInput::new_customers;
        bar.base_value = baseline.new_customers_per_month;
        add(bar, 0, big, [](Case& c, double v) { c.baseline.new_customers_per_month = v; });
    }
    {
        TornadoBar bar;
        bar.id = "acquisition_cost";
        bar.label = "Acquisition cost per customer (all channels)";
        bar.input = SensitivityInput::acquisition_cost;
        bar.base_value = average_acquisition_cost(baseline);
        const double average = bar.base_value;
        add(bar, 0, big, [average](Case& c, double v) {
            for (AcquisitionChannel& ch : c.baseline.channels) ch.cost_per_customer *= v / average;
        });
    }
    {
        TornadoBar bar;
        bar.id = "discount_rate";
        bar.label = "Monthly discount rate";
        bar.input = SensitivityInput::discount_rate;
        bar.base_value = baseline.discount_rate_monthly;
        add(bar, 0, 0.999, [](Case& c, double v) { c.baseline.discount_rate_monthly = v; });
    }
    for (size_t i = 0; i < levers.size(); ++i) {
        const Lever& lever = levers[i];
        if (!lever.enabled) continue;
        const std::string prefix = "lever[" + std::to_string(i) + "].";
        const std::string name = lever.label.empty()
                                     ? "Lever " + std::to_string(i + 1) + " (" + lever_kind_id(lever.kind) + ")"
                                     : lever.label;
        auto lever_bar = [&](const char* parameter, double value, double lo, double hi, const Setter& set) {
            TornadoBar bar;
            bar.id = prefix + parameter;
            bar.label = name + " · " + parameter;
            bar.input = SensitivityInput::lever;
            bar.lever_index = static_cast<int>(i);
            bar.parameter = parameter;
            bar.base_value = value;
            add(bar, lo, hi, set);
        };
        switch (lever.kind) {
            case LeverKind::retention:
            case LeverKind::care_plan:
            case LeverKind::conversion:
                lever_bar("points", lever.points, 0, 1, [i](Case& c, double v) { c.levers[i].points = v; });
                break;
            case LeverKind::price:
                lever_bar("margin_change", lever.margin_change, -1, big,
                          [i](Case& c, double v) { c.levers[i].margin_change = v; });
                lever_bar("points", lever.points, -1, 1, [i](Case& c, double v) { c.levers[i].points = v; });
                break;
            case LeverKind::winback: {
                lever_bar("contact_rate", lever.contact_rate, 0, 1, [i](Case& c, double v) { c.levers[i].contact_rate = v; });
                double share = 0;
                for (const ChurnReasonShare& r : baseline.churn_reasons)
                    if (r.id == lever.reason) share = r.winback_share;
                lever_bar("winback_share", lever.winback_share.value_or(share), 0, 1,
                          [i](Case& c, double v) { c.levers[i].winback_share = v; });
                break;
            }
            case LeverKind::acquisition:
                lever_bar("volume_change", lever.volume_change, -1, big,
                          [i](Case& c, double v) { c.levers[i].volume_change = v; });
                break;
        }
        if (lever.kind != LeverKind::price) {
            const double cost = lever.cost_per_customer.value_or(
                lever.kind == LeverKind::acquisition ? average_acquisition_cost(baseline) : 0.0);
            lever_bar("cost_per_customer", cost, 0, big, [i](Case& c, double v) { c.levers[i].cost_per_customer = v; });
        }
        lever_bar("fixed_cost_per_month", lever.fixed_cost_per_month, 0, big,
                  [i](Case& c, double v) { c.levers[i].fixed_cost_per_month = v; });
    }
    std::stable_sort(tornado.bars.begin(), tornado.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
        if (a.swing != b.swing) return a.swing > b.swing;
        return a.id < b.id;
    });
    return tornado;
}

}  // namespace lcs

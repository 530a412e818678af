#include "core/clv/simple_clv.h"

#include <cmath>

#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

std::optional<Problem> check(const SimpleClvInput& in) {
    if (!std::isfinite(in.margin) || !std::isfinite(in.acquisition_cost))
        return Problem{clv_problem::kBadInput, "margin", "margin and acquisition cost must be finite numbers"};
    if (!(in.retention >= 0 && in.retention <= 1))
        return Problem{clv_problem::kBadInput, "retention", "retention must be a fraction between 0 and 1, got " + std::to_string(in.retention)};
    if (!(in.discount >= 0) || !std::isfinite(in.discount))
        return Problem{clv_problem::kBadInput, "discount", "discount rate must be a fraction >= 0, got " + std::to_string(in.discount)};
    if (in.horizon && *in.horizon < 0)
        return Problem{clv_problem::kBadInput, "horizon", "horizon must be >= 0 periods"};
    return std::nullopt;
}

// Σ_{t=from}^{from+count−1} q^t for 0 <= q <= 1.
double geometric_sum(double q, int from, int count) {
    if (count <= 0) return 0.0;
    if (q == 1) return count;
    if (q == 0) return from == 0 ? 1.0 : 0.0;
    return std::pow(q, from) * (1 - std::pow(q, count)) / (1 - q);
}

}  // namespace

SimpleClvResult simple_clv(const SimpleClvInput& in) {
    SimpleClvResult out;
    if ((out.problem = check(in))) return out;
    const double q = in.retention / (1 + in.discount);
    const bool end = in.timing == MarginTiming::end_of_period;
    if (!in.horizon) {
        if (q >= 1) {
            out.problem = Problem{clv_problem::kNotFinite, "",
                                  "with retention 1 and no discount the value of an infinite horizon is not finite; "
                                  "use a finite horizon or a discount rate above 0"};
            return out;
        }
        // m·r/(1+d−r) and m·(1+d)/(1+d−r) are these sums times (1+d)/(1+d): written via q.
        out.clv = in.margin * (end ? q : 1.0) / (1 - q);
    } else {
        out.clv = in.margin * geometric_sum(q, end ? 1 : 0, *in.horizon);
    }
    out.net_clv = out.clv - in.acquisition_cost;
    return out;
}

double customer_equity(double clv, double customers) { return clv * customers; }

std::vector<double> simple_clv_by_horizon(const SimpleClvInput& input, int max_horizon) {
    std::vector<double> series;
    if (check(input) || max_horizon < 0) return series;
    SimpleClvInput in = input;
    for (int k = 0; k <= max_horizon; ++k) {
        in.horizon = k;
        series.push_back(simple_clv(in).clv);
    }
    return series;
}

}  // namespace lcs::clv

// Closed-form CLV with constant margin, retention and discount (Gupta & Lehmann 2003; Berger &
// Nasr 1998). One period = the unit the rates are given in (e.g. a year or a month).
#pragma once
#include <optional>
#include <vector>

#include "core/problem.h"

namespace lcs::clv {

enum class MarginTiming {
    end_of_period,   // margin of period t (t = 1..N) is received at its end if the customer is still
                     // there: Σ_{t=1}^{N} m·r^t/(1+d)^t; infinite: m·r/(1+d−r)
    start_of_period  // margin of period t (t = 0..N−1) is received at its start: Σ_{t=0}^{N−1}
                     // m·r^t/(1+d)^t; infinite: m·(1+d)/(1+d−r)
};

struct SimpleClvInput {
    double margin = 0;            // margin per period per customer, any sign, finite
    double retention = 0;         // r in [0, 1], a fraction (0.8, not 80)
    double discount = 0;          // d >= 0 per period, a fraction
    double acquisition_cost = 0;  // subtracted once for the net value
    std::optional<int> horizon;   // N >= 0 periods; nullopt = infinite
    MarginTiming timing = MarginTiming::end_of_period;
};

struct SimpleClvResult {
    double clv = 0;      // expected discounted margin per customer
    double net_clv = 0;  // clv − acquisition cost
    std::optional<Problem> problem;  // clv.bad_input (rates outside range), clv.not_finite (r = 1, d = 0, infinite)
};

SimpleClvResult simple_clv(const SimpleClvInput& input);
// Customer equity: CLV × number of customers.
double customer_equity(double clv, double customers);
// Value by horizon for a chart: element k is the CLV with horizon k (k = 0..max_horizon).
// Empty when the input is invalid.
std::vector<double> simple_clv_by_horizon(const SimpleClvInput& input, int max_horizon);

}  // namespace lcs::clv

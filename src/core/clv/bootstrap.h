// Per-customer and total intervals of P(alive), expected purchases and CLV by parametric bootstrap:
// parameter vectors are drawn from the asymptotic normal of the fitted log-parameters
// (intervals.h), every customer is valued under every draw, and an interval is the pair of
// quantiles of a customer's values over the draws. The same draws value every customer, so a
// total (customer equity, a stage, a tier) has a value per draw and its interval is the quantiles
// of those sums, consistent with the per-customer ones. Work is sliced by customers (step) so a UI
// can spread it over frames.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/clv/customer_clv.h"
#include "core/clv/intervals.h"

namespace lcs::clv {

inline constexpr int kDefaultDraws = 200;

// `draws` parameter vectors θ = exp(log θ̂ + L·z), L·Lᵀ the covariance of log θ̂ and z ~ N(0, I)
// from Rng(seed) (simulate.h: the same numbers natively and in WASM). Empty unless intervals.ok().
std::vector<std::vector<double>> draw_log_parameters(const ParameterIntervals& intervals, int draws, uint64_t seed);

// Parameter draws of a count model (BG/NBD or Pareto/NBD) and, optionally, of Gamma-Gamma spend.
// Draws for which the model's expectations are undefined (BG/NBD a + b <= 1, Gamma-Gamma q <= 1,
// see identification_problem in valuation.h) are drawn again, i.e. the draws follow the normal
// truncated to where the model is defined; `redrawn` counts how often.
struct ClvDraws {
    std::vector<CountParams> counts;      // one per draw
    std::vector<GammaGammaParams> spend;  // one per draw, or empty: no CLV intervals
    int redrawn = 0;
    bool empty() const { return counts.empty(); }
};
// Empty when counts (or spend, when given) has no intervals (ParameterIntervals::ok()).
ClvDraws draw_clv_parameters(CountModel model, const ParameterIntervals& counts, const ParameterIntervals* spend,
                             int draws, uint64_t seed);

struct Interval {
    double lo = NAN, hi = NAN;
};

// Quantiles (level/2 from each end, linear interpolation between order statistics) of values;
// values may be reordered. NaN bounds when values is empty.
Interval quantile_interval(std::vector<double>& values, double level);

struct CustomerIntervals {
    Interval p_alive;             // at the end of calibration
    Interval expected_purchases;  // over the horizon (ClvSettings::horizon_periods × period_length)
    Interval clv;                 // NaN without spend draws
};

struct BootstrapSettings {
    double level = 0.9;  // two-sided coverage of every interval, in (0, 1)
    // Horizon, period length, discount and margin exactly as customer_clv uses them. Without spend
    // draws only the purchases up to the horizon are computed (set horizon_periods = 1 and
    // period_length = t for purchases in (T, T + t]).
    ClvSettings clv;
};

class ClvBootstrap {
public:
    // customers must stay unchanged and in place until done(). groups (optional): a group index per
    // customer in [0, group_count) or -1 for none (stages, tiers), whose CLV totals get intervals too.
    ClvBootstrap(const std::vector<CustomerRfm>& customers, ClvDraws draws, BootstrapSettings settings,
                 std::vector<int> groups = {}, int group_count = 0);

    // Values the next customers under every draw, about `count` (>= 1) units of work: one per
    // customer, a few more where a customer needs new count-model values (see the .cpp), and at
    // least one customer per call; returns false once done. Customers are taken in an order that
    // keeps identical (x, t_x, T) together, so their count-model values are computed once per draw
    // (and the costly part once per (x, T)). A call that has to build interpolants does only that,
    // for a share of the draws, so no call takes much longer than another.
    bool step(std::size_t count);
    bool done() const { return next_ == order_.size(); }
    std::size_t customers_done() const { return next_; }
    std::size_t customer_count() const { return order_.size(); }
    int draw_count() const { return static_cast<int>(draws_.counts.size()); }
    bool has_clv() const { return !draws_.spend.empty(); }
    const ClvDraws& draws() const { return draws_; }

    // By input index; meaningful once done() (or for the customers done so far).
    const std::vector<CustomerIntervals>& customers() const { return intervals_; }
    // Totals over all customers (once done()): per draw, and their interval at the level.
    const std::vector<double>& total_clv_draws() const { return total_clv_; }
    const std::vector<double>& total_purchases_draws() const { return total_purchases_; }
    Interval total_clv() const;
    Interval total_purchases() const;
    // CLV total of each group (empty without groups).
    std::vector<Interval> group_clv() const;

private:
    // Per draw, the purchases of a customer with c's x and T who is alive (future_, discounted in
    // future_discounted_); then P(alive) and the purchases of c's history (x, t_x, T).
    bool value_future(const CustomerRfm& c);  // true when computed directly (the costly way)
    // The alive customer's purchases at T for every draw (future_ / future_discounted_), computed
    // directly; and the same from a Chebyshev interpolant in T built per run of equal x (see .cpp).
    void future_direct(const CustomerRfm& c);
    bool uses_interpolant();  // the run of order_[next_] is interpolated (advances run_)
    bool building() const;    // its interpolants are not all built yet
    void build_interpolant();
    void future_interpolated(double T);
    int horizons() const;               // horizon points valued per draw
    double horizon_time(int k) const;   // in the model's time unit
    void set_future(std::size_t draw, const double* cumulative);  // from the cumulative purchases
    void value_history(const CustomerRfm& c);

    const std::vector<CustomerRfm>* customers_;
    ClvDraws draws_;
    BootstrapSettings settings_;
    std::vector<int> groups_;
    int group_count_ = 0;
    std::vector<std::size_t> order_;
    std::size_t next_ = 0;
    std::vector<double> discount_factor_;  // 1/(1+d)^k, k = 1..H
    std::vector<double> future_, future_discounted_;
    // Customers of equal x, consecutive in order_: [begin, end), their T range and distinct T count.
    struct Run {
        std::size_t begin = 0, end = 0;
        double t_min = 0, t_max = 0;
        std::size_t distinct_T = 0;
    };
    std::vector<Run> runs_;
    std::size_t run_ = 0;           // the run holding order_[next_]
    std::size_t built_run_ = SIZE_MAX;  // the run cheb_ was built for
    std::size_t built_draws_ = 0;       // draws of built_run_ with interpolants so far
    bool interpolated_ = false;     // cheb_ holds a validated interpolant for built_run_
    std::vector<double> cheb_;      // [(draw · horizons + k) · nodes + m]
    bool factored_ = true;  // false: value_history computes the purchases directly
    // Per draw, for the (x, t_x, T) being valued: P(alive), purchases, discounted purchases.
    std::vector<double> p_alive_, purchases_, discounted_, scratch_;
    Interval alive_interval_, purchases_interval_;
    std::vector<CustomerIntervals> intervals_;
    std::vector<double> total_clv_, total_purchases_;
    std::vector<std::vector<double>> group_clv_;  // [group][draw]
};

}  // namespace lcs::clv

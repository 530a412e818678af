#include "core/clv/bootstrap.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "core/clv/simulate.h"

namespace lcs::clv {

namespace {

// Redraws allowed per kept draw before giving up (a fit whose interval lies mostly where the
// model is undefined): the draws are then empty.
constexpr int kMaxRedrawsPerDraw = 50;
// Chebyshev interpolation in T (see value_future): nodes per run of equal x, the fewest distinct T
// values worth it, and the relative error accepted at a check point off the nodes. The purchases
// of an alive customer are analytic in T with the nearest singularity at T = −α (BG/NBD) or
// −min(α, β) (Pareto/NBD), far outside a run's T range, so 16 nodes reach ~1e-10.
constexpr int kChebNodes = 16;
constexpr size_t kMinDistinctT = 2 * kChebNodes;
constexpr double kInterpolationTolerance = 1e-8;
// Draws whose interpolants one step() call builds (12 horizon periods × 16 nodes each: about 5,000
// expectations, a few ms), so that no call takes much longer than a slice of customers.
constexpr size_t kDrawsPerBuild = 25;
// Work units of step(), relative to valuing one customer's CLV under every draw (a few µs): a new
// history (P(alive) per draw and two quantiles), and a new (x, T) valued directly (a 2F1 per horizon
// period and draw, for runs too short to interpolate).
constexpr size_t kHistoryWork = 2;
constexpr size_t kDirectFutureWork = 200;
const double kPi = 3.14159265358979323846;

// E[purchases in (T, T + t] | alive at T, x, T]: from the most recent history t_x = T, where
// P(alive) is largest (so dividing it out is exact to rounding). alive receives that P(alive).
double alive_purchases(const CountParams& params, int x, double T, double t, double& alive) {
    CustomerRfm recent;
    recent.x = x;
    recent.T = T;
    recent.t_x = x > 0 ? T : 0;
    alive = count_p_alive(params, recent);
    return count_expected_purchases(params, recent, t) / alive;
}

bool defined(const CountParams& c) { return c.model != CountModel::bgnbd || c.bgnbd.a + c.bgnbd.b > 1; }

CountParams count_params(CountModel model, const std::vector<double>& v) {
    CountParams c;
    c.model = model;
    if (model == CountModel::bgnbd) c.bgnbd = {v[0], v[1], v[2], v[3]};
    else c.pareto_nbd = {v[0], v[1], v[2], v[3]};
    return c;
}

// One draw θ = exp(log θ̂ + L·z).
std::vector<double> one_draw(const ParameterIntervals& intervals, const Matrix& lower, Rng& rng) {
    const size_t n = intervals.estimate.size();
    std::vector<double> z(n), out(n);
    for (double& v : z) v = rng.normal();
    for (size_t i = 0; i < n; ++i) {
        double shift = 0;
        for (size_t k = 0; k <= i; ++k) shift += lower[i][k] * z[k];
        out[i] = intervals.estimate[i] * std::exp(shift);
    }
    return out;
}

}  // namespace

std::vector<std::vector<double>> draw_log_parameters(const ParameterIntervals& intervals, int draws, uint64_t seed) {
    Matrix lower;
    if (!intervals.ok() || draws <= 0 || !cholesky(intervals.log_covariance, lower)) return {};
    Rng rng(seed);
    std::vector<std::vector<double>> out;
    out.reserve(static_cast<size_t>(draws));
    for (int k = 0; k < draws; ++k) out.push_back(one_draw(intervals, lower, rng));
    return out;
}

ClvDraws draw_clv_parameters(CountModel model, const ParameterIntervals& counts, const ParameterIntervals* spend,
                             int draws, uint64_t seed) {
    ClvDraws out;
    Matrix count_lower, spend_lower;
    if (!counts.ok() || counts.estimate.size() != 4 || draws <= 0 || !cholesky(counts.log_covariance, count_lower)) return out;
    if (spend && (!spend->ok() || spend->estimate.size() != 3 || !cholesky(spend->log_covariance, spend_lower))) return out;
    // Separate streams, so the count draws do not depend on whether spend is drawn too.
    Rng count_rng(seed), spend_rng(seed ^ 0x9e3779b97f4a7c15ULL);
    const long budget = static_cast<long>(draws) * kMaxRedrawsPerDraw;
    while (static_cast<int>(out.counts.size()) < draws && out.redrawn < budget) {
        const CountParams c = count_params(model, one_draw(counts, count_lower, count_rng));
        if (!defined(c)) {
            ++out.redrawn;
            continue;
        }
        out.counts.push_back(c);
    }
    while (spend && static_cast<int>(out.spend.size()) < draws && out.redrawn < budget) {
        const std::vector<double> v = one_draw(*spend, spend_lower, spend_rng);
        if (!(v[1] > 1)) {
            ++out.redrawn;
            continue;
        }
        out.spend.push_back({v[0], v[1], v[2]});
    }
    if (static_cast<int>(out.counts.size()) < draws || (spend && static_cast<int>(out.spend.size()) < draws)) return {};
    return out;
}

namespace {

// The k smallest values, ascending (k small): one pass with insertion into a short sorted buffer,
// much cheaper than a selection over all values when k is a few percent of them.
void smallest(const std::vector<double>& values, size_t k, std::vector<double>& out, bool largest_instead) {
    out.clear();
    for (double raw : values) {
        const double v = largest_instead ? -raw : raw;
        if (out.size() == k && !(v < out.back())) continue;
        if (out.size() == k) out.pop_back();
        out.insert(std::upper_bound(out.begin(), out.end(), v), v);
    }
    if (largest_instead)
        for (double& v : out) v = -v;
}

}  // namespace

Interval quantile_interval(std::vector<double>& values, double level) {
    if (values.empty()) return {};
    const double tail_share = (1 - std::clamp(level, 0.0, 1.0)) / 2;
    const size_t tail = static_cast<size_t>(std::floor(tail_share * static_cast<double>(values.size() - 1))) + 2;
    if (4 * tail <= values.size()) {  // the usual case: two short tails
        std::vector<double> low, high;
        low.reserve(tail + 1);
        high.reserve(tail + 1);
        smallest(values, tail, low, false);
        smallest(values, tail, high, true);  // descending: high[i] is the (n−1−i)-th order statistic
        const double pos_lo = tail_share * static_cast<double>(values.size() - 1);
        const double pos_hi = static_cast<double>(values.size() - 1) - pos_lo;
        const size_t lo = static_cast<size_t>(std::floor(pos_lo));
        // Order statistic i is high[n−1−i]; pos_hi = n−1−pos_lo, so floor(pos_hi) is high[ceil(pos_lo)].
        const size_t top = static_cast<size_t>(std::ceil(pos_lo));
        const double frac = pos_hi - std::floor(pos_hi);
        Interval out;
        out.lo = low[lo] + (pos_lo - static_cast<double>(lo)) * (low[lo + 1] - low[lo]);
        out.hi = frac == 0 ? high[top] : high[top] + frac * (high[top - 1] - high[top]);
        return out;
    }
    // Otherwise: select the lower order statistic, then the upper one among the values above it.
    const size_t n = values.size();
    const double pos_lo = tail_share * static_cast<double>(n - 1), pos_hi = (1 - tail_share) * static_cast<double>(n - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos_lo)), hi = static_cast<size_t>(std::floor(pos_hi));
    auto at = [&](size_t i) { return values.begin() + static_cast<long>(i); };
    // The next order statistic after each is the smallest of the part between (or above).
    std::nth_element(values.begin(), at(lo), values.end());
    if (hi > lo) std::nth_element(at(lo + 1), at(hi), values.end());
    const size_t upto = hi > lo ? hi + 1 : n;
    const double lo_next = lo + 1 < n ? *std::min_element(at(lo + 1), at(upto)) : values[lo];
    const double hi_next = hi + 1 < n ? *std::min_element(at(hi + 1), values.end()) : values[hi];
    Interval out;
    out.lo = values[lo] + (pos_lo - static_cast<double>(lo)) * (lo_next - values[lo]);
    out.hi = values[hi] + (pos_hi - static_cast<double>(hi)) * (hi_next - values[hi]);
    return out;
}

ClvBootstrap::ClvBootstrap(const std::vector<CustomerRfm>& customers, ClvDraws draws, BootstrapSettings settings,
                           std::vector<int> groups, int group_count)
    : customers_(&customers), draws_(std::move(draws)), settings_(settings), groups_(std::move(groups)),
      group_count_(group_count) {
    order_.resize(customers.size());
    std::iota(order_.begin(), order_.end(), size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
        const CustomerRfm &u = customers[a], &v = customers[b];
        return std::tie(u.x, u.T, u.t_x) < std::tie(v.x, v.T, v.t_x);
    });
    if (draws_.empty()) next_ = order_.size();  // nothing to draw from: done, with NaN intervals
    for (size_t i = 0; i < order_.size(); ++i) {
        const CustomerRfm& c = customers[order_[i]];
        if (runs_.empty() || customers[order_[runs_.back().begin]].x != c.x) runs_.push_back({i, i, c.T, c.T, 0});
        Run& run = runs_.back();
        if (run.end == run.begin || customers[order_[run.end - 1]].T != c.T) ++run.distinct_T;
        run.end = i + 1;
        run.t_max = c.T;  // sorted by T within x
    }
    const size_t n = draws_.counts.size();
    for (int k = 1; k <= settings_.clv.horizon_periods; ++k)
        discount_factor_.push_back(std::pow(1 + settings_.clv.discount, -k));
    future_.resize(n);
    future_discounted_.resize(n);
    p_alive_.resize(n);
    purchases_.resize(n);
    discounted_.resize(n);
    scratch_.resize(n);
    intervals_.resize(customers.size());
    total_clv_.assign(has_clv() ? n : 0, 0.0);
    total_purchases_.assign(n, 0.0);
    if (groups_.size() == customers.size() && group_count_ > 0 && has_clv())
        group_clv_.assign(static_cast<size_t>(group_count_), std::vector<double>(n, 0.0));
}

// Both count models factor E[purchases in (T, T + t] | x, t_x, T] = P(alive | x, t_x, T) · f(x, T, t):
// the purchases of a customer known to be alive depend on x and T only (BG/NBD: FHL 2005 eq. 10;
// Pareto/NBD: the rate posterior), and each distinct t_x then costs one P(alive). f is the costly
// part (a 2F1 per horizon period and draw for BG/NBD); a run of equal x with many distinct T gets a
// Chebyshev interpolant in T per draw and horizon period instead, checked against the direct value
// off the nodes and dropped for the run when it is not within kInterpolationTolerance.
bool ClvBootstrap::value_future(const CustomerRfm& c) {
    factored_ = true;
    if (uses_interpolant()) {
        while (building()) build_interpolant();  // normally built by step() already
        if (interpolated_) {
            future_interpolated(c.T);
            return false;
        }
    }
    future_direct(c);
    return true;
}

bool ClvBootstrap::uses_interpolant() {
    while (run_ + 1 < runs_.size() && runs_[run_].end <= next_) ++run_;
    return run_ < runs_.size() && runs_[run_].distinct_T >= kMinDistinctT && horizons() > 0;
}

bool ClvBootstrap::building() const { return built_run_ != run_ || built_draws_ < draws_.counts.size(); }

int ClvBootstrap::horizons() const {
    const int h = settings_.clv.horizon_periods;
    return has_clv() ? h : std::min(h, 1);
}

// Time of horizon point k (0-based): each CLV period's end, or the one horizon without spend.
double ClvBootstrap::horizon_time(int k) const {
    const ClvSettings& s = settings_.clv;
    return has_clv() ? (k + 1) * s.period_length : s.horizon_periods * s.period_length;
}

void ClvBootstrap::set_future(size_t d, const double* cumulative) {
    const int n = horizons();
    double previous = 0, discounted = 0;
    for (int k = 0; k < n; ++k) {
        if (has_clv()) discounted += (cumulative[k] - previous) * discount_factor_[static_cast<size_t>(k)];
        previous = cumulative[k];
    }
    future_[d] = previous;
    future_discounted_[d] = discounted;
}

void ClvBootstrap::future_direct(const CustomerRfm& c) {
    std::vector<double> cumulative(static_cast<size_t>(horizons()));
    for (size_t d = 0; d < draws_.counts.size(); ++d) {
        for (int k = 0; k < horizons(); ++k) {
            double alive = 0;
            cumulative[static_cast<size_t>(k)] = alive_purchases(draws_.counts[d], c.x, c.T, horizon_time(k), alive);
            if (!(alive > 1e-200)) factored_ = false;  // f cannot be recovered: value customers directly
        }
        set_future(d, cumulative.data());
    }
}

// Builds the interpolants of the next kDrawsPerBuild draws of run_ (starting over when run_ changed),
// and checks them all once the last draw is built.
void ClvBootstrap::build_interpolant() {
    const Run& r = runs_[run_];
    const int x = (*customers_)[order_[r.begin]].x;
    const int n = kChebNodes, horizons_n = horizons();
    const double mid = 0.5 * (r.t_min + r.t_max), half = 0.5 * (r.t_max - r.t_min);
    if (built_run_ != run_) {
        built_run_ = run_;
        built_draws_ = 0;
        interpolated_ = true;
        cheb_.assign(draws_.counts.size() * static_cast<size_t>(horizons_n * n), 0.0);
    }
    const size_t first = built_draws_;
    built_draws_ = interpolated_ ? std::min(draws_.counts.size(), first + kDrawsPerBuild) : draws_.counts.size();
    std::vector<double> values(static_cast<size_t>(n)), cosines(static_cast<size_t>(n * n));
    for (int m = 0; m < n; ++m)
        for (int j = 0; j < n; ++j) cosines[static_cast<size_t>(m * n + j)] = std::cos(kPi * m * (j + 0.5) / n);
    for (size_t d = first; d < built_draws_ && interpolated_; ++d)
        for (int k = 0; k < horizons_n && interpolated_; ++k) {
            for (int j = 0; j < n; ++j) {
                double alive = 0;
                const double T = mid + half * std::cos(kPi * (j + 0.5) / n);
                values[static_cast<size_t>(j)] = alive_purchases(draws_.counts[d], x, T, horizon_time(k), alive);
                if (!(alive > 1e-200) || !std::isfinite(values[static_cast<size_t>(j)])) interpolated_ = false;
            }
            double* coefficients = &cheb_[(d * static_cast<size_t>(horizons_n) + static_cast<size_t>(k)) * n];
            for (int m = 0; m < n; ++m) {
                double sum = 0;
                for (int j = 0; j < n; ++j) sum += values[static_cast<size_t>(j)] * cosines[static_cast<size_t>(m * n + j)];
                coefficients[m] = (m == 0 ? 1.0 : 2.0) * sum / n;
            }
        }
    if (!interpolated_ || built_draws_ < draws_.counts.size()) return;
    // The check: every draw's last horizon point at a T between nodes, against the direct value.
    const double T = r.t_min + 0.3183 * (r.t_max - r.t_min);
    future_interpolated(T);
    std::vector<double> interpolated = future_;
    for (size_t d = 0; d < draws_.counts.size() && interpolated_; ++d) {
        double alive = 0;
        const double direct = alive_purchases(draws_.counts[d], x, T, horizon_time(horizons_n - 1), alive);
        if (!(std::fabs(interpolated[d] - direct) <= kInterpolationTolerance * std::fmax(std::fabs(direct), 1e-12)))
            interpolated_ = false;
    }
}

void ClvBootstrap::future_interpolated(double T) {
    const Run& r = runs_[built_run_];
    const double u = (2 * T - (r.t_min + r.t_max)) / (r.t_max - r.t_min);
    const int n = kChebNodes, horizons_n = horizons();
    std::vector<double> cumulative(static_cast<size_t>(horizons_n));
    for (size_t d = 0; d < draws_.counts.size(); ++d) {
        for (int k = 0; k < horizons_n; ++k) {
            const double* c = &cheb_[(d * static_cast<size_t>(horizons_n) + static_cast<size_t>(k)) * n];
            double b1 = 0, b2 = 0;  // Clenshaw's recurrence
            for (int m = n - 1; m >= 1; --m) {
                const double b0 = 2 * u * b1 - b2 + c[m];
                b2 = b1;
                b1 = b0;
            }
            cumulative[static_cast<size_t>(k)] = u * b1 - b2 + c[0];
        }
        set_future(d, cumulative.data());
    }
}

void ClvBootstrap::value_history(const CustomerRfm& c) {
    std::vector<double> cumulative(factored_ ? 0 : static_cast<size_t>(horizons()));
    for (size_t d = 0; d < draws_.counts.size(); ++d) {
        const CountParams& params = draws_.counts[d];
        p_alive_[d] = count_p_alive(params, c);
        if (!factored_) {  // the customer's own expectations, without the factorisation
            for (int k = 0; k < horizons(); ++k)
                cumulative[static_cast<size_t>(k)] = count_expected_purchases(params, c, horizon_time(k));
            set_future(d, cumulative.data());
            purchases_[d] = future_[d];
            discounted_[d] = future_discounted_[d];
            continue;
        }
        purchases_[d] = p_alive_[d] * future_[d];
        discounted_[d] = p_alive_[d] * future_discounted_[d];
    }
}

bool ClvBootstrap::step(size_t count) {
    const std::vector<CustomerRfm>& customers = *customers_;
    const size_t done_before = next_, budget = std::max<size_t>(1, count);
    const double level = settings_.level;
    for (size_t work = 0; next_ < order_.size() && work < budget; ++next_, ++work) {
        const size_t index = order_[next_];
        const CustomerRfm& c = customers[index];
        const CustomerRfm* previous = next_ > done_before ? &customers[order_[next_ - 1]] : nullptr;
        if (!previous || previous->x != c.x || previous->T != c.T) {
            if (uses_interpolant() && building()) {
                // Interpolants are built in calls of their own, kDrawsPerBuild draws at a time.
                if (next_ > done_before) break;
                build_interpolant();
                if (building()) return true;
            }
            if (value_future(c)) work += kDirectFutureWork;
        }
        if (!previous || previous->x != c.x || previous->T != c.T || previous->t_x != c.t_x) {
            value_history(c);
            scratch_ = p_alive_;
            alive_interval_ = quantile_interval(scratch_, level);
            scratch_ = purchases_;
            purchases_interval_ = quantile_interval(scratch_, level);
            work += kHistoryWork;
        }
        CustomerIntervals& out = intervals_[index];
        out.p_alive = alive_interval_;
        out.expected_purchases = purchases_interval_;
        for (size_t d = 0; d < purchases_.size(); ++d) total_purchases_[d] += purchases_[d];
        if (!has_clv()) continue;
        const int group = group_clv_.empty() ? -1 : groups_[index];
        const double margin = settings_.clv.margin;
        for (size_t d = 0; d < discounted_.size(); ++d) {
            const double value = margin * gamma_gamma_expected_spend(draws_.spend[d], c.x, c.zbar) * discounted_[d];
            scratch_[d] = value;
            total_clv_[d] += value;
            if (group >= 0 && group < group_count_) group_clv_[static_cast<size_t>(group)][d] += value;
        }
        out.clv = quantile_interval(scratch_, level);
    }
    return !done();
}

Interval ClvBootstrap::total_clv() const {
    std::vector<double> values = total_clv_;
    return quantile_interval(values, settings_.level);
}

Interval ClvBootstrap::total_purchases() const {
    std::vector<double> values = total_purchases_;
    return quantile_interval(values, settings_.level);
}

std::vector<Interval> ClvBootstrap::group_clv() const {
    std::vector<Interval> out;
    for (const std::vector<double>& draws : group_clv_) {
        std::vector<double> values = draws;
        out.push_back(quantile_interval(values, settings_.level));
    }
    return out;
}

}  // namespace lcs::clv

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

Interval quantile_interval(std::vector<double>& values, double level) {
    if (values.empty()) return {};
    auto quantile = [&](double q) {
        const double pos = q * static_cast<double>(values.size() - 1);
        const size_t below = static_cast<size_t>(std::floor(pos));
        std::nth_element(values.begin(), values.begin() + static_cast<long>(below), values.end());
        const double low = values[below];
        if (below + 1 >= values.size()) return low;
        // The next order statistic is the smallest of the part above.
        const double high = *std::min_element(values.begin() + static_cast<long>(below) + 1, values.end());
        return low + (pos - static_cast<double>(below)) * (high - low);
    };
    const double tail = (1 - std::clamp(level, 0.0, 1.0)) / 2;
    Interval out;
    out.lo = quantile(tail);
    out.hi = quantile(1 - tail);
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
// Pareto/NBD: the rate posterior). f is computed once per (x, T) and draw from the most recent
// history t_x = T (where P(alive) is largest, so the division is exact to rounding); each distinct
// t_x then costs one P(alive).
void ClvBootstrap::value_future(const CustomerRfm& c) {
    const ClvSettings& s = settings_.clv;
    const int horizon = s.horizon_periods;
    CustomerRfm recent = c;
    recent.t_x = c.x > 0 ? c.T : 0;
    factored_ = true;
    for (size_t d = 0; d < draws_.counts.size(); ++d) {
        const CountParams& params = draws_.counts[d];
        const double alive = count_p_alive(params, recent);
        if (!(alive > 1e-200)) factored_ = false;  // f cannot be recovered: value customers directly
        if (!has_clv()) {  // purchases up to the horizon only
            future_[d] = horizon > 0 ? count_expected_purchases(params, recent, horizon * s.period_length) / alive : 0;
            continue;
        }
        double previous = 0, discounted = 0;
        for (int k = 1; k <= horizon; ++k) {
            const double cumulative = count_expected_purchases(params, recent, k * s.period_length);
            discounted += (cumulative - previous) * discount_factor_[static_cast<size_t>(k - 1)];
            previous = cumulative;
        }
        future_[d] = previous / alive;
        future_discounted_[d] = discounted / alive;
    }
}

void ClvBootstrap::value_history(const CustomerRfm& c) {
    const ClvSettings& s = settings_.clv;
    for (size_t d = 0; d < draws_.counts.size(); ++d) {
        const CountParams& params = draws_.counts[d];
        p_alive_[d] = count_p_alive(params, c);
        if (factored_) {
            purchases_[d] = p_alive_[d] * future_[d];
            discounted_[d] = p_alive_[d] * future_discounted_[d];
            continue;
        }
        double previous = 0, discounted = 0;
        const int horizon = has_clv() ? s.horizon_periods : std::min(1, s.horizon_periods);
        const double length = has_clv() ? s.period_length : s.horizon_periods * s.period_length;
        for (int k = 1; k <= horizon; ++k) {
            const double cumulative = count_expected_purchases(params, c, k * length);
            discounted += (cumulative - previous) * (has_clv() ? discount_factor_[static_cast<size_t>(k - 1)] : 1.0);
            previous = cumulative;
        }
        purchases_[d] = previous;
        discounted_[d] = discounted;
    }
}

size_t ClvBootstrap::step(size_t count) {
    const std::vector<CustomerRfm>& customers = *customers_;
    const size_t end = std::min(order_.size(), next_ + std::max<size_t>(1, count));
    const size_t done_before = next_;
    const double level = settings_.level;
    for (; next_ < end; ++next_) {
        const size_t index = order_[next_];
        const CustomerRfm& c = customers[index];
        const CustomerRfm* previous = next_ > done_before ? &customers[order_[next_ - 1]] : nullptr;
        if (!previous || previous->x != c.x || previous->T != c.T) value_future(c);
        if (!previous || previous->x != c.x || previous->T != c.T || previous->t_x != c.t_x) {
            value_history(c);
            scratch_ = p_alive_;
            alive_interval_ = quantile_interval(scratch_, level);
            scratch_ = purchases_;
            purchases_interval_ = quantile_interval(scratch_, level);
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
    return next_ - done_before;
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

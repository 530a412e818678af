#include "core/clv/pareto_nbd.h"

#include <array>
#include <cmath>
#include <limits>
#include <memory>

#include "core/clv/special_functions.h"

namespace lcs::clv {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The fit evaluates with a 2F1 series of at most 5,000 terms: an argument within ~5e-3 of 1,
// reached only at extreme alpha/beta ratios, makes the point infeasible (NaN) and keeps it fast.
constexpr long kFitMaxTerms = 5000;

// ∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β of a part of the log-likelihood.
using Gradient = std::array<double, 4>;
enum : size_t { kR, kAlpha, kS, kBeta };

// The 2F1 of the Fader-Hardie A0, taken on the side where its argument lies in [0, 1):
// α >= β: F(t) = 2F1(ρ, s+1; ρ+1; (α−β)/(α+t)) over (α+t)^ρ; α < β: F(t) = 2F1(ρ, r+x; ρ+1;
// (β−α)/(β+t)) over (β+t)^ρ, with ρ = r+s+x. "big" and "small" are max(α, β) and min(α, β).
struct A0Side {
    bool alpha_larger;
    double rho, b, big, small;
    A0Side(const ParetoNbdParams& p, double x)
        : alpha_larger(p.alpha >= p.beta), rho(p.r + p.s + x), b(alpha_larger ? p.s + 1 : p.r + x),
          big(alpha_larger ? p.alpha : p.beta), small(alpha_larger ? p.beta : p.alpha) {}
    double z(double t) const { return (big - small) / (big + t); }
};

// log A0 of the Fader-Hardie note, the bracket [F(t_x)/(·+t_x)^ρ − F(T)/(·+T)^ρ], for P(alive):
// log_hyp2f1 with its full term cap and the 1−z connection formula, so any α/β ratio works.
double log_a0(const ParetoNbdParams& p, double x, double t_x, double T) {
    if (t_x >= T) return kNegInf;
    const A0Side side(p, x);
    auto end = [&](double t) {
        const Hyp2f1 f = log_hyp2f1(side.rho, side.b, side.rho + 1, side.z(t));
        if (!f.converged) return kNaN;
        return f.log_abs - side.rho * std::log(side.big + t);
    };
    return log_diff_exp(end(t_x), end(T));
}

// log of (s/ρ)·(α+T)^(r+x)·(β+T)^s·A0: the "dropped out before T" part relative to "alive at T".
double log_dropout_ratio(const ParetoNbdParams& p, double x, double t_x, double T) {
    const double la0 = log_a0(p, x, t_x, T);
    if (la0 == kNegInf) return kNegInf;
    return std::log(p.s / (p.r + p.s + x)) + (p.r + x) * std::log(p.alpha + T) + p.s * std::log(p.beta + T) + la0;
}

// One end of A0, log[F(t)/(big+t)^ρ], with its gradient, for the likelihood: the positive-term
// 2F1 series (capped at kFitMaxTerms, NaN beyond), which also gives the 2F1's log-derivatives.
struct A0End {
    double log_value = kNaN;
    Gradient grad{};
};

A0End a0_end(const A0Side& side, double t, bool with_gradient) {
    Hyp2f1LogDerivatives d;
    const Hyp2f1 f = log_hyp2f1_with_derivatives(side.rho, side.b, side.rho + 1, side.z(t), d, kFitMaxTerms);
    A0End end;
    if (!f.converged) return end;
    const double log_bt = std::log(side.big + t);
    end.log_value = f.log_abs - side.rho * log_bt;
    if (!with_gradient) return end;
    const double inv_bt = 1 / (side.big + t);
    const double d_rho = d.a + d.c - log_bt;  // ρ is the 2F1's a, its c − 1 and the power
    // z = (big − small)/(big + t): ∂z/∂big = (small + t)/(big + t)², ∂z/∂small = −1/(big + t).
    const double d_big = d.z * (side.small + t) * inv_bt * inv_bt - side.rho * inv_bt;
    const double d_small = -d.z * inv_bt;
    end.grad[kR] = d_rho + (side.alpha_larger ? 0 : d.b);  // b = r + x
    end.grad[kS] = d_rho + (side.alpha_larger ? d.b : 0);  // b = s + 1
    end.grad[kAlpha] = side.alpha_larger ? d_big : d_small;
    end.grad[kBeta] = side.alpha_larger ? d_small : d_big;
    return end;
}

// log A0 = log(e^u − e^v) from its ends at t_x (u) and T (v), t_x < T; with the gradient
// (∂u − e^(v−u)·∂v)/(1 − e^(v−u)) when grad is non-null.
double log_a0_from_ends(const A0End& u, const A0End& v, Gradient* grad) {
    const double la0 = log_diff_exp(u.log_value, v.log_value);
    if (grad && std::isfinite(la0)) {
        const double ratio = std::exp(v.log_value - u.log_value), scale = -1 / std::expm1(v.log_value - u.log_value);
        for (size_t i = 0; i < grad->size(); ++i) (*grad)[i] = (u.grad[i] - ratio * v.grad[i]) * scale;
    }
    return la0;
}

// e^u / (e^u + e^v) without overflow; 0 when u is -inf.
double share_of(double u, double v) {
    if (u == kNegInf) return 0;
    return u > v ? 1 / (1 + std::exp(v - u)) : std::exp(u - v) / (1 + std::exp(u - v));
}

// The pooled log-likelihood at one parameter point, row by row, with what rows share computed once:
// per x the log-gamma (and digamma) differences, per (x, time) the ends of A0. The ends are cached
// by time index, tagged with their x: pool_rfm sorts rows by x, so each is computed once — a few
// thousand 2F1 series for 100k customers instead of two per row (any order stays correct).
class PooledEvaluation {
public:
    PooledEvaluation(const ParetoNbdParams& p, const PooledRfm& data, bool with_gradient)
        : p_(p), data_(data), with_gradient_(with_gradient), log_alpha_(std::log(p.alpha)), log_beta_(std::log(p.beta)),
          log_gamma_ratio_(data.x_values.size()), digamma_diff_(data.x_values.size()), ends_(data.times.size()),
          end_x_(data.times.size(), -1) {
        const double digamma_r = with_gradient ? digamma(p.r) : 0;
        for (size_t k = 0; k < data.x_values.size(); ++k) {
            const double x = data.x_values[k];
            log_gamma_ratio_[k] = std::lgamma(p.r + x) - std::lgamma(p.r);
            if (with_gradient) digamma_diff_[k] = digamma(p.r + x) - digamma_r;
        }
    }

    // Adds the row's weighted log-likelihood, head + log(e^alive + e^dropout) (Fader-Hardie eq. 4 in
    // log space), and its gradient; returns the row's log-likelihood (NaN: the 2F1 did not converge).
    double add(const PooledRfm::Row& row) {
        const int k = row.x_index;
        const double x = data_.x_values[k], T = data_.times[row.T_index];
        const double log_alpha_T = std::log(p_.alpha + T), log_beta_T = std::log(p_.beta + T);
        const double head = log_gamma_ratio_[k] + p_.r * log_alpha_ + p_.s * log_beta_;
        const double alive = -(p_.r + x) * log_alpha_T - p_.s * log_beta_T;
        Gradient grad_a0{};
        double la0 = kNegInf;  // no dropout term when t_x == T (times are distinct and ascending)
        if (row.tx_index < row.T_index)
            la0 = log_a0_from_ends(end_at(k, row.tx_index), end_at(k, row.T_index),
                                   with_gradient_ ? &grad_a0 : nullptr);
        if (std::isnan(la0)) return la0;
        const double rho = p_.r + p_.s + x;
        const double dropout = la0 == kNegInf ? kNegInf : std::log(p_.s / rho) + la0;
        const double ll = head + log_sum_exp(alive, dropout);
        total += row.weight * ll;
        if (!with_gradient_) return ll;
        const double w_alive = share_of(alive, dropout), w_dropout = share_of(dropout, alive);
        const Gradient grad_head = {digamma_diff_[k] + log_alpha_, p_.r / p_.alpha, log_beta_, p_.s / p_.beta};
        const Gradient grad_alive = {-log_alpha_T, -(p_.r + x) / (p_.alpha + T), -log_beta_T, -p_.s / (p_.beta + T)};
        const Gradient grad_dropout = {grad_a0[kR] - 1 / rho, grad_a0[kAlpha], grad_a0[kS] + 1 / p_.s - 1 / rho,
                                       grad_a0[kBeta]};
        for (size_t i = 0; i < grad.size(); ++i)
            grad[i] += row.weight * (grad_head[i] + w_alive * grad_alive[i] + w_dropout * grad_dropout[i]);
        return ll;
    }

    double total = 0;
    Gradient grad{};

private:
    const A0End& end_at(int x_index, int t_index) {
        if (end_x_[t_index] != x_index) {
            ends_[t_index] = a0_end(A0Side(p_, data_.x_values[x_index]), data_.times[t_index], with_gradient_);
            end_x_[t_index] = x_index;
        }
        return ends_[t_index];
    }

    const ParetoNbdParams& p_;
    const PooledRfm& data_;
    bool with_gradient_;
    double log_alpha_, log_beta_;
    std::vector<double> log_gamma_ratio_, digamma_diff_;  // per distinct x
    std::vector<A0End> ends_;                             // per time index, for the x in end_x_
    std::vector<int> end_x_;
};

// (1 − q^k)/k with q in (0, 1], stable as k → 0 (limit −log q).
double one_minus_power_over(double log_q, double k) {
    if (std::fabs(k * log_q) < 1e-10) return -log_q;
    return -std::expm1(k * log_q) / k;
}

}  // namespace

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, int x, double t_x, double T, std::vector<double>* grad) {
    PooledRfm one;  // the same evaluation as for pooled data, on a single row
    one.x_values = {x};
    one.times = t_x < T ? std::vector<double>{t_x, T} : std::vector<double>{T};
    one.rows = {PooledRfm::Row{0, 0, static_cast<int>(one.times.size()) - 1, 1.0}};
    return pareto_nbd_log_likelihood(p, one, grad);
}

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const PooledRfm& data, std::vector<double>* grad) {
    if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return kNegInf;
    PooledEvaluation evaluation(p, data, grad != nullptr);
    for (const PooledRfm::Row& row : data.rows)
        if (std::isnan(evaluation.add(row))) return kNaN;
    if (grad) grad->assign(evaluation.grad.begin(), evaluation.grad.end());
    return evaluation.total;
}

ModelFitter make_pareto_nbd_fitter(const std::vector<CustomerRfm>& customers, double time_resolution,
                                   FitOptions options) {
    const std::vector<std::string> names = {"r", "alpha", "s", "beta"};
    CountModelData pooled = pool_for_count_model(customers, time_resolution, "Pareto/NBD");
    if (pooled.problem) return ModelFitter::failed("paretonbd", names, *pooled.problem);
    const double rate = pooled.purchase_rate, mean_T = pooled.mean_T;
    std::vector<std::vector<double>> starts;
    for (double r : {0.5, 1.0})
        for (double s : {0.5, 1.0})
            for (double life : {0.5, 2.0})
                starts.push_back({r, std::fmin(std::fmax(r / rate, 1e-3), 1e6), s, s * life * mean_T});
    std::shared_ptr<const PooledRfm> data = pooled.data;
    LogLikelihood ll = [data](const std::vector<double>& q, std::vector<double>* grad) {
        return pareto_nbd_log_likelihood(ParetoNbdParams{q[0], q[1], q[2], q[3]}, *data, grad);
    };
    return ModelFitter("paretonbd", names, ll, true, data->total_weight, starts, options);
}

FitResult fit_pareto_nbd(const std::vector<CustomerRfm>& customers, double time_resolution, FitOptions options) {
    ModelFitter fitter = make_pareto_nbd_fitter(customers, time_resolution, options);
    return fitter.run();
}

ParetoNbdParams pareto_nbd_params(const FitResult& fit) {
    if (fit.params.size() != 4) return {};
    return {fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
}

double pareto_nbd_p_alive(const ParetoNbdParams& p, int x, double t_x, double T) {
    const double lr = log_dropout_ratio(p, x, t_x, T);
    if (lr == kNegInf) return 1.0;
    return lr > 0 ? std::exp(-lr) / (1 + std::exp(-lr)) : 1 / (1 + std::exp(lr));
}

double pareto_nbd_expected_purchases(const ParetoNbdParams& p, int x, double t_x, double T, double t) {
    if (!(t > 0)) return 0.0;
    const double log_q = std::log(p.beta + T) - std::log(p.beta + T + t);
    const double scale = (p.r + x) * (p.beta + T) / (p.alpha + T);
    return scale * one_minus_power_over(log_q, p.s - 1) * pareto_nbd_p_alive(p, x, t_x, T);
}

double pareto_nbd_unconditional_purchases(const ParetoNbdParams& p, double t) {
    if (!(t > 0)) return 0.0;
    const double log_q = std::log(p.beta) - std::log(p.beta + t);
    return p.r * p.beta / p.alpha * one_minus_power_over(log_q, p.s - 1);
}

}  // namespace lcs::clv

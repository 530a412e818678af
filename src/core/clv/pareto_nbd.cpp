#include "core/clv/pareto_nbd.h"

#include <cmath>
#include <limits>
#include <memory>

#include "core/clv/special_functions.h"

namespace lcs::clv {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// log A0 of the Fader-Hardie note: the bracket [F(t_x)/(·+t_x)^ρ − F(T)/(·+T)^ρ], with the
// 2F1 taken on the side (α >= β or α < β) where its argument lies in [0, 1).
// max_terms: the 2F1 series cap; when it is hit the result is NaN (the caller decides).
double log_a0(const ParetoNbdParams& p, double x, double t_x, double T, long max_terms = 2000000) {
    const double rho = p.r + p.s + x;
    const bool alpha_larger = p.alpha >= p.beta;
    const double big = alpha_larger ? p.alpha : p.beta;
    const double diff = std::fabs(p.alpha - p.beta);
    const double b2 = alpha_larger ? p.s + 1 : p.r + x;
    auto term = [&](double t) {
        const Hyp2f1 f = log_hyp2f1(rho, b2, rho + 1, diff / (big + t), max_terms);
        if (!f.converged) return std::numeric_limits<double>::quiet_NaN();
        return f.log_abs - rho * std::log(big + t);
    };
    if (t_x >= T) return kNegInf;
    return log_diff_exp(term(t_x), term(T));
}

// log of (s/ρ)·(α+T)^(r+x)·(β+T)^s·A0: the "dropped out before T" part relative to "alive at T".
double log_dropout_ratio(const ParetoNbdParams& p, double x, double t_x, double T) {
    const double la0 = log_a0(p, x, t_x, T);
    if (la0 == kNegInf) return kNegInf;
    return std::log(p.s / (p.r + p.s + x)) + (p.r + x) * std::log(p.alpha + T) + p.s * std::log(p.beta + T) + la0;
}

// (1 − q^k)/k with q in (0, 1], stable as k → 0 (limit −log q).
double one_minus_power_over(double log_q, double k) {
    if (std::fabs(k * log_q) < 1e-10) return -log_q;
    return -std::expm1(k * log_q) / k;
}

}  // namespace

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, int x, double t_x, double T) {
    const double xd = x;
    const double head = std::lgamma(p.r + xd) - std::lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
    const double alive = -(p.r + xd) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
    // The fit evaluates here: a series that would need more than 5,000 terms (2F1 argument within
    // ~1e-2 of 1, reached only at extreme alpha/beta ratios) makes the point infeasible (NaN).
    const double la0 = log_a0(p, xd, t_x, T, 5000);
    if (std::isnan(la0)) return la0;
    if (la0 == kNegInf) return head + alive;
    return head + log_sum_exp(alive, std::log(p.s / (p.r + p.s + xd)) + la0);
}

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const PooledRfm& data) {
    if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) return kNegInf;
    double total = 0;
    for (const PooledRfm::Row& row : data.rows) {
        const double ll = pareto_nbd_log_likelihood(p, data.x_values[row.x_index], data.times[row.tx_index],
                                                    data.times[row.T_index]);
        if (std::isnan(ll)) return ll;
        total += row.weight * ll;
    }
    return total;
}

ModelFitter make_pareto_nbd_fitter(const std::vector<CustomerRfm>& customers, double time_resolution,
                                   FitOptions options) {
    const std::vector<std::string> names = {"r", "alpha", "s", "beta"};
    if (auto problem = validate_rfm(customers)) return ModelFitter::failed("paretonbd", names, *problem);
    auto data = std::make_shared<PooledRfm>(pool_rfm(customers, time_resolution));
    if (data->repeat_weight == 0)
        return ModelFitter::failed("paretonbd", names,
                                   Problem{"fit.not_identified", "",
                                           "no customer made a repeat purchase: Pareto/NBD cannot separate the "
                                           "purchase rate from dropout without repeat buyers"});
    double sum_x = 0, sum_T = 0;
    for (const auto& row : data->rows) {
        sum_x += row.weight * data->x_values[row.x_index];
        sum_T += row.weight * data->times[row.T_index];
    }
    const double rate = sum_T > 0 ? std::fmax(sum_x / sum_T, 1e-6) : 1.0;
    const double mean_T = std::fmax(sum_T / data->total_weight, 1e-3);
    std::vector<std::vector<double>> starts;
    for (double r : {0.5, 1.0})
        for (double s : {0.5, 1.0})
            for (double life : {0.5, 2.0})
                starts.push_back({r, std::fmin(std::fmax(r / rate, 1e-3), 1e6), s, s * life * mean_T});
    LogLikelihood ll = [data](const std::vector<double>& q, std::vector<double>*) {
        return pareto_nbd_log_likelihood(ParetoNbdParams{q[0], q[1], q[2], q[3]}, *data);
    };
    return ModelFitter("paretonbd", names, ll, false, data->total_weight, starts, options);
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

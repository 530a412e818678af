#include "core/clv/bgnbd.h"

#include <cmath>
#include <limits>
#include <memory>

#include "core/clv/special_functions.h"

namespace lcs::clv {

namespace {

// (a+b+x−1)/(a−1)·[1 − q^(r+x)·2F1(r+x, b+x; a+b+x−1; z)]: the shared shape of eqs. 9 and 10.
double hyp_bracket(double r, double a, double b, double x, double log_q, double z) {
    auto at = [&](double aa) {
        const Hyp2f1 f = log_hyp2f1(r + x, b + x, aa + b + x - 1, z);
        const double log_term = (r + x) * log_q + f.log_abs;
        return (aa + b + x - 1) / (aa - 1) * (-std::expm1(log_term));
    };
    // The expression is 0/0 at a = 1: use the average of both sides, it is smooth there.
    if (std::fabs(a - 1) < 1e-6) return 0.5 * (at(1 - 1e-5) + at(1 + 1e-5));
    return at(a);
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& p, int x, double t_x, double T) {
    const double common = std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha) - log_beta(p.a, p.b);
    const double beyond = log_beta(p.a, p.b + x) - (p.r + x) * std::log(p.alpha + T);
    if (x == 0) return common + beyond;
    const double dropped = log_beta(p.a + 1, p.b + x - 1) - (p.r + x) * std::log(p.alpha + t_x);
    return common + log_sum_exp(beyond, dropped);
}

double bgnbd_log_likelihood(const BgNbdParams& p, const PooledRfm& data, std::vector<double>* grad) {
    const double r = p.r, alpha = p.alpha, a = p.a, b = p.b;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -std::numeric_limits<double>::infinity();
    const size_t nx = data.x_values.size(), nt = data.times.size();
    // Everything that depends on x alone, once per distinct x.
    std::vector<double> c_alive(nx), c_dropped(nx), d_r(nx), da_alive(nx), da_dropped(nx), db_alive(nx), db_dropped(nx);
    const double lb_ab = log_beta(a, b), log_alpha = std::log(alpha);
    const double psi_r = grad ? digamma(r) : 0, psi_a = grad ? digamma(a) : 0, psi_b = grad ? digamma(b) : 0,
                 psi_ab = grad ? digamma(a + b) : 0, psi_a1 = grad ? digamma(a + 1) : 0;
    for (size_t k = 0; k < nx; ++k) {
        const double x = data.x_values[k];
        const double base = std::lgamma(r + x) - std::lgamma(r) + r * log_alpha - lb_ab;
        c_alive[k] = base + log_beta(a, b + x);
        c_dropped[k] = x > 0 ? base + log_beta(a + 1, b + x - 1) : -std::numeric_limits<double>::infinity();
        if (grad) {
            const double psi_abx = digamma(a + b + x);
            d_r[k] = digamma(r + x) - psi_r + log_alpha;
            da_alive[k] = psi_ab - psi_abx;
            db_alive[k] = digamma(b + x) - psi_abx - psi_b + psi_ab;
            if (x > 0) {
                da_dropped[k] = psi_a1 - psi_abx - psi_a + psi_ab;
                db_dropped[k] = digamma(b + x - 1) - psi_abx - psi_b + psi_ab;
            }
        }
    }
    std::vector<double> log_at(nt), inv_at(nt);
    for (size_t j = 0; j < nt; ++j) {
        log_at[j] = std::log(alpha + data.times[j]);
        inv_at[j] = 1 / (alpha + data.times[j]);
    }
    double total = 0, g_r = 0, g_alpha = 0, g_a = 0, g_b = 0;
    for (const PooledRfm::Row& row : data.rows) {
        const int k = row.x_index;
        const double x = data.x_values[k];
        const double e = c_alive[k] - (r + x) * log_at[row.T_index];
        double ll = e, w_dropped = 0;
        if (x > 0) {
            const double f = c_dropped[k] - (r + x) * log_at[row.tx_index];
            const double d = f - e;
            if (d < 0) {
                const double ed = std::exp(d);
                ll = e + std::log1p(ed);
                w_dropped = ed / (1 + ed);
            } else {
                const double ed = std::exp(-d);
                ll = f + std::log1p(ed);
                w_dropped = 1 / (1 + ed);
            }
        }
        total += row.weight * ll;
        if (grad) {
            const double w_alive = 1 - w_dropped;
            g_r += row.weight * (d_r[k] - w_alive * log_at[row.T_index] - w_dropped * log_at[row.tx_index]);
            g_alpha += row.weight * (r / alpha - (r + x) * (w_alive * inv_at[row.T_index] + w_dropped * inv_at[row.tx_index]));
            g_a += row.weight * (w_alive * da_alive[k] + (x > 0 ? w_dropped * da_dropped[k] : 0));
            g_b += row.weight * (w_alive * db_alive[k] + (x > 0 ? w_dropped * db_dropped[k] : 0));
        }
    }
    if (grad) *grad = {g_r, g_alpha, g_a, g_b};
    return total;
}

ModelFitter make_bgnbd_fitter(const std::vector<CustomerRfm>& customers, double time_resolution, FitOptions options) {
    const std::vector<std::string> names = {"r", "alpha", "a", "b"};
    CountModelData pooled = pool_for_count_model(customers, time_resolution, "BG/NBD");
    if (pooled.problem) return ModelFitter::failed("bgnbd", names, *pooled.problem);
    const double rate = pooled.purchase_rate;
    std::vector<std::vector<double>> starts;
    for (double r : {0.3, 1.0})
        for (auto ab : {std::pair<double, double>{1, 1}, {0.5, 2}, {2, 5}})
            starts.push_back({r, std::fmin(std::fmax(r / rate, 1e-3), 1e6), ab.first, ab.second});
    std::shared_ptr<const PooledRfm> data = pooled.data;
    LogLikelihood ll = [data](const std::vector<double>& q, std::vector<double>* grad) {
        return bgnbd_log_likelihood(BgNbdParams{q[0], q[1], q[2], q[3]}, *data, grad);
    };
    return ModelFitter("bgnbd", names, ll, true, data->total_weight, starts, options);
}

FitResult fit_bgnbd(const std::vector<CustomerRfm>& customers, double time_resolution, FitOptions options) {
    ModelFitter fitter = make_bgnbd_fitter(customers, time_resolution, options);
    return fitter.run();
}

BgNbdParams bgnbd_params(const FitResult& fit) {
    if (fit.params.size() != 4) return {};
    return {fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
}

double bgnbd_p_alive(const BgNbdParams& p, int x, double t_x, double T) {
    if (x == 0) return 1.0;
    const double log_ratio = std::log(p.a / (p.b + x - 1)) + (p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + t_x));
    // 1 / (1 + e^log_ratio), written so neither branch overflows.
    return log_ratio > 0 ? std::exp(-log_ratio) / (1 + std::exp(-log_ratio)) : 1 / (1 + std::exp(log_ratio));
}

double bgnbd_expected_purchases(const BgNbdParams& p, int x, double t_x, double T, double t) {
    if (!(t > 0)) return 0.0;
    const double log_q = std::log(p.alpha + T) - std::log(p.alpha + T + t);
    const double z = t / (p.alpha + T + t);
    const double bracket = hyp_bracket(p.r, p.a, p.b, x, log_q, z);
    // Dividing by 1 + (a/(b+x−1))·((α+T)/(α+t_x))^(r+x) is multiplying by P(alive).
    return bracket * bgnbd_p_alive(p, x, t_x, T);
}

double bgnbd_unconditional_purchases(const BgNbdParams& p, double t) {
    if (!(t > 0)) return 0.0;
    const double log_q = std::log(p.alpha) - std::log(p.alpha + t);
    return hyp_bracket(p.r, p.a, p.b, 0, log_q, t / (p.alpha + t));
}

}  // namespace lcs::clv

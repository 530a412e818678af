#include "core/clv/bgbb.h"

#include <cmath>
#include <limits>
#include <memory>

#include "core/clv/special_functions.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

// One term of the likelihood: alive through the purchase part with k non-transactions after the x
// transactions, and g1 = 1 when the customer died after opportunity m (0: alive through m):
//   B(α+x, β+k)/B(α,β) · B(γ+g1, δ+m)/B(γ,δ).
double log_term(const BgBbParams& p, int x, int k, int g1, int m) {
    return log_beta(p.alpha + x, p.beta + k) - log_beta(p.alpha, p.beta) + log_beta(p.gamma + g1, p.delta + m) -
           log_beta(p.gamma, p.delta);
}

// ∂ log_term / ∂(α, β, γ, δ).
void log_term_gradient(const BgBbParams& p, int x, int k, int g1, int m, double out[4]) {
    const double psi_ab = digamma(p.alpha + p.beta), psi_gd = digamma(p.gamma + p.delta);
    const double psi_abxk = digamma(p.alpha + p.beta + x + k), psi_gdm = digamma(p.gamma + g1 + p.delta + m);
    out[0] = digamma(p.alpha + x) - psi_abxk - digamma(p.alpha) + psi_ab;
    out[1] = digamma(p.beta + k) - psi_abxk - digamma(p.beta) + psi_ab;
    out[2] = digamma(p.gamma + g1) - psi_gdm - digamma(p.gamma) + psi_gd;
    out[3] = digamma(p.delta + m) - psi_gdm - digamma(p.delta) + psi_gd;
}

bool positive(const BgBbParams& p) { return p.alpha > 0 && p.beta > 0 && p.gamma > 0 && p.delta > 0; }

// log Σ_{i=1}^{m} B(γ, δ+n+i)/B(γ,δ): the expected share alive over the next m opportunities,
// telescoped (FHS 2010 eq. 13) as δ/(γ−1)·Γ(γ+δ)/Γ(1+δ)·[Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+m)/Γ(γ+δ+n+m)].
double log_alive_sum(double gamma, double delta, int n, int m) {
    if (std::fabs(gamma - 1) < 1e-6) {  // 0/0 in the closed form: sum the terms
        double total = kMinusInfinity;
        for (int i = 1; i <= m; ++i) total = log_sum_exp(total, log_beta(gamma, delta + n + i) - log_beta(gamma, delta));
        return total;
    }
    const double c = std::log(delta) + std::lgamma(gamma + delta) - std::lgamma(1 + delta) - std::log(std::fabs(gamma - 1));
    const double u = std::lgamma(1 + delta + n) - std::lgamma(gamma + delta + n);
    const double v = std::lgamma(1 + delta + n + m) - std::lgamma(gamma + delta + n + m);
    // γ > 1: u > v; γ < 1: v > u, and the sign of γ − 1 flips with it.
    return c + (gamma > 1 ? log_diff_exp(u, v) : log_diff_exp(v, u));
}

}  // namespace

double bgbb_log_likelihood(const BgBbParams& p, int x, int t_x, int n) {
    double total = log_term(p, x, n - x, 0, n);
    for (int i = 0; i < n - t_x; ++i) total = log_sum_exp(total, log_term(p, x, t_x - x + i, 1, t_x + i));
    return total;
}

double bgbb_log_likelihood(const BgBbParams& p, const std::vector<BgBbRow>& rows, std::vector<double>* grad) {
    if (!positive(p)) return kMinusInfinity;
    double total = 0, g[4] = {0, 0, 0, 0};
    for (const BgBbRow& row : rows) {
        if (row.weight == 0) continue;
        const double ll = bgbb_log_likelihood(p, row.x, row.t_x, row.n);
        total += row.weight * ll;
        if (!grad) continue;
        // ∂ log Σ e^{term} = Σ softmax(term) · ∂term.
        auto add = [&](int k, int g1, int m) {
            double d[4];
            log_term_gradient(p, row.x, k, g1, m, d);
            const double w = row.weight * std::exp(log_term(p, row.x, k, g1, m) - ll);
            for (int j = 0; j < 4; ++j) g[j] += w * d[j];
        };
        add(row.n - row.x, 0, row.n);
        for (int i = 0; i < row.n - row.t_x; ++i) add(row.t_x - row.x + i, 1, row.t_x + i);
    }
    if (grad) grad->assign(g, g + 4);
    return total;
}

LogLikelihood bgbb_log_likelihood_function(const std::vector<BgBbRow>& rows) {
    auto data = std::make_shared<const std::vector<BgBbRow>>(condense_bgbb_rows(rows));
    return [data](const std::vector<double>& q, std::vector<double>* grad) {
        return bgbb_log_likelihood(BgBbParams{q[0], q[1], q[2], q[3]}, *data, grad);
    };
}

ModelFitter make_bgbb_fitter(const std::vector<BgBbRow>& rows, FitOptions options) {
    const std::vector<std::string> names = {"alpha", "beta", "gamma", "delta"};
    if (auto problem = validate_bgbb_rows(rows)) return ModelFitter::failed("bgbb", names, *problem);
    double repeat = 0, total = 0;
    for (const BgBbRow& r : rows) {
        total += r.weight;
        if (r.x > 0) repeat += r.weight;
    }
    if (!(repeat > 0))
        return ModelFitter::failed("bgbb", names,
                                   Problem{fit_problem::kNotIdentified, "",
                                           "BG/BB needs at least one repeat transaction to tell buying apart from dropping out"});
    std::vector<std::vector<double>> starts;
    for (double ab : {0.5, 1.0, 2.0})
        for (auto gd : {std::pair<double, double>{1, 1}, {0.5, 3}, {2, 5}}) starts.push_back({ab, ab, gd.first, gd.second});
    return ModelFitter("bgbb", names, bgbb_log_likelihood_function(rows), true, total, starts, options);
}

FitResult fit_bgbb(const std::vector<BgBbRow>& rows, FitOptions options) {
    ModelFitter fitter = make_bgbb_fitter(rows, options);
    return fitter.run();
}

BgBbParams bgbb_params(const FitResult& fit) {
    if (fit.params.size() != 4) return {};
    return {fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
}

double bgbb_p_alive(const BgBbParams& p, int x, int t_x, int n) {
    const double log_alive = log_beta(p.alpha + x, p.beta + n - x) - log_beta(p.alpha, p.beta) +
                             log_beta(p.gamma, p.delta + n + 1) - log_beta(p.gamma, p.delta);
    return std::fmin(1.0, std::exp(log_alive - bgbb_log_likelihood(p, x, t_x, n)));
}

double bgbb_expected_transactions(const BgBbParams& p, int x, int t_x, int n, int m) {
    if (m <= 0) return 0.0;
    const double log_buy = log_beta(p.alpha + x + 1, p.beta + n - x) - log_beta(p.alpha, p.beta);
    return std::exp(log_buy + log_alive_sum(p.gamma, p.delta, n, m) - bgbb_log_likelihood(p, x, t_x, n));
}

std::optional<double> bgbb_dert(const BgBbParams& p, int x, int t_x, int n, double d) {
    if (!(d >= 0) || (d == 0 && p.gamma <= 1)) return std::nullopt;
    const double log_front = log_beta(p.alpha + x + 1, p.beta + n - x) - log_beta(p.alpha, p.beta) -
                             bgbb_log_likelihood(p, x, t_x, n);
    if (d == 0) {  // the m → ∞ limit of the telescoped sum, finite for γ > 1
        const double log_rest = std::log(p.delta) + std::lgamma(p.gamma + p.delta) - std::lgamma(1 + p.delta) -
                                std::log(p.gamma - 1) + std::lgamma(1 + p.delta + n) - std::lgamma(p.gamma + p.delta + n);
        return std::exp(log_front + log_rest);
    }
    const Hyp2f1 f = log_hyp2f1(1, p.delta + n + 1, p.gamma + p.delta + n + 1, 1 / (1 + d));
    if (f.sign <= 0 || !std::isfinite(f.log_abs)) return std::nullopt;
    const double log_alive = log_beta(p.gamma, p.delta + n + 1) - log_beta(p.gamma, p.delta) - std::log1p(d);
    return std::exp(log_front + log_alive + f.log_abs);
}

}  // namespace lcs::clv

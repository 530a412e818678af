#include "core/clv/sbg.h"

#include <cmath>
#include <limits>
#include <memory>

#include "core/clv/special_functions.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

double sbg_log_likelihood(const SbgParams& p, const std::vector<double>& alive) {
    if (!(p.alpha > 0 && p.beta > 0)) return -std::numeric_limits<double>::infinity();
    double total = 0;
    const double lb = log_beta(p.alpha, p.beta);
    for (size_t t = 1; t < alive.size(); ++t) {
        const double churned = alive[t - 1] - alive[t];
        if (churned > 0) total += churned * (log_beta(p.alpha + 1, p.beta + t - 1) - lb);
    }
    const size_t n = alive.size() - 1;
    if (alive[n] > 0) total += alive[n] * (log_beta(p.alpha, p.beta + n) - lb);
    return total;
}

ModelFitter make_sbg_fitter(const std::vector<double>& alive, FitOptions options) {
    const std::vector<std::string> names = {"alpha", "beta"};
    if (alive.size() < 2)
        return ModelFitter::failed("sbg", names, Problem{fit_problem::kNoData, "", "need the customers alive at the start of at least two periods"});
    for (size_t t = 0; t < alive.size(); ++t) {
        const std::string where = "alive[" + std::to_string(t) + "]";
        if (!std::isfinite(alive[t]) || alive[t] < 0)
            return ModelFitter::failed("sbg", names, Problem{fit_problem::kBadData, where, "counts must be finite and >= 0"});
        if (t > 0 && alive[t] > alive[t - 1])
            return ModelFitter::failed("sbg", names, Problem{fit_problem::kBadData, where, "customers alive cannot increase from one period to the next"});
    }
    if (!(alive[0] > 0))
        return ModelFitter::failed("sbg", names, Problem{fit_problem::kNoData, "alive[0]", "the cohort is empty"});
    if (alive.back() == alive[0] || alive[1] == 0)
        return ModelFitter::failed("sbg", names,
                                   Problem{fit_problem::kNotIdentified, "",
                                           alive.back() == alive[0] ? "nobody churned: retention heterogeneity cannot be estimated"
                                                                    : "everybody churned in the first period: heterogeneity cannot be estimated"});
    auto data = std::make_shared<std::vector<double>>(alive);
    LogLikelihood ll = [data](const std::vector<double>& q, std::vector<double>*) {
        return sbg_log_likelihood(SbgParams{q[0], q[1]}, *data);
    };
    std::vector<std::vector<double>> starts = {{1, 1}, {0.5, 2}, {2, 0.5}, {1, 5}};
    return ModelFitter("sbg", names, ll, false, alive[0], starts, options);
}

FitResult fit_sbg(const std::vector<double>& alive, FitOptions options) {
    ModelFitter fitter = make_sbg_fitter(alive, options);
    return fitter.run();
}

SbgParams sbg_params(const FitResult& fit) {
    if (fit.params.size() != 2) return {};
    return {fit.params[0], fit.params[1]};
}

double sbg_survival(const SbgParams& p, int t) {
    if (t <= 0) return 1.0;
    return std::exp(log_beta(p.alpha, p.beta + t) - log_beta(p.alpha, p.beta));
}

double sbg_retention(const SbgParams& p, int t) {
    if (t <= 0) return 1.0;
    return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

double sbg_churn_probability(const SbgParams& p, int t) {
    if (t <= 0) return 0.0;
    return std::exp(log_beta(p.alpha + 1, p.beta + t - 1) - log_beta(p.alpha, p.beta));
}

std::optional<double> sbg_derl(const SbgParams& p, double d, int n) {
    if (!(d >= 0) || n < 1) return std::nullopt;
    if (d == 0) {
        // Σ (β+n)_k/(α+β+n)_k diverges for α <= 1; else 2F1(1,b;c;1) = (c−1)/(c−1−b).
        if (p.alpha <= 1) return std::nullopt;
        const double c = p.alpha + p.beta + n, b = p.beta + n;
        return (p.beta + n - 1) / (p.alpha + p.beta + n - 1) * (c - 1) / (c - 1 - b);
    }
    const Hyp2f1 f = log_hyp2f1(1, p.beta + n, p.alpha + p.beta + n, 1 / (1 + d));
    if (!f.converged || f.sign <= 0) return std::nullopt;
    return (p.beta + n - 1) / (p.alpha + p.beta + n - 1) * std::exp(f.log_abs);
}

}  // namespace lcs::clv

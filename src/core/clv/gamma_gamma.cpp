#include "core/clv/gamma_gamma.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>

#include "core/clv/special_functions.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

struct SpendRow {
    int x = 0;
    double zbar = 0, log_zbar = 0, log_x = 0, weight = 1;
};

struct SpendData {
    std::vector<int> x_values;        // distinct x
    std::vector<int> x_index;         // per row
    std::vector<SpendRow> rows;
    double total_weight = 0;
};

double total_log_likelihood(const GammaGammaParams& g, const SpendData& data, std::vector<double>* grad) {
    const double p = g.p, q = g.q, v = g.gamma;
    if (!(p > 0 && q > 0 && v > 0)) return -std::numeric_limits<double>::infinity();
    const size_t nx = data.x_values.size();
    std::vector<double> c(nx), dp(nx), dq(nx);
    const double lg_q = std::lgamma(q), log_v = std::log(v), psi_q = grad ? digamma(q) : 0;
    for (size_t k = 0; k < nx; ++k) {
        const double x = data.x_values[k];
        c[k] = std::lgamma(p * x + q) - std::lgamma(p * x) - lg_q + q * log_v;
        if (grad) {
            const double psi_pxq = digamma(p * x + q);
            dp[k] = x * (psi_pxq - digamma(p * x));
            dq[k] = psi_pxq - psi_q + log_v;
        }
    }
    double total = 0, gp = 0, gq = 0, gv = 0;
    for (size_t i = 0; i < data.rows.size(); ++i) {
        const SpendRow& row = data.rows[i];
        const int k = data.x_index[i];
        const double x = row.x;
        const double log_sum = std::log(v + x * row.zbar);
        total += row.weight * (c[k] + (p * x - 1) * row.log_zbar + p * x * row.log_x - (p * x + q) * log_sum);
        if (grad) {
            gp += row.weight * (dp[k] + x * (row.log_zbar + row.log_x - log_sum));
            gq += row.weight * (dq[k] - log_sum);
            gv += row.weight * (q / v - (p * x + q) / (v + x * row.zbar));
        }
    }
    if (grad) *grad = {gp, gq, gv};
    return total;
}

}  // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& g, int x, double zbar) {
    const double p = g.p, q = g.q, v = g.gamma;
    return std::lgamma(p * x + q) - std::lgamma(p * x) - std::lgamma(q) + q * std::log(v) + (p * x - 1) * std::log(zbar) +
           p * x * std::log(static_cast<double>(x)) - (p * x + q) * std::log(v + x * zbar);
}

ModelFitter make_gamma_gamma_fitter(const std::vector<CustomerRfm>& customers, FitOptions options) {
    const std::vector<std::string> names = {"p", "q", "gamma"};
    if (auto problem = validate_rfm(customers)) return ModelFitter::failed("gg", names, *problem);
    auto data = std::make_shared<SpendData>();
    std::vector<std::pair<int, double>> keys;
    for (const CustomerRfm& c : customers)
        if (c.x > 0 && c.zbar > 0) keys.emplace_back(c.x, c.zbar);
    std::sort(keys.begin(), keys.end());
    std::vector<std::pair<std::pair<int, double>, double>> pooled;
    for (const auto& key : keys) {
        if (!pooled.empty() && pooled.back().first == key) {
            pooled.back().second += 1;
        } else {
            pooled.emplace_back(key, 1.0);
        }
    }
    if (pooled.empty())
        return ModelFitter::failed("gg", names,
                                   Problem{fit_problem::kNotIdentified, "",
                                           "no repeat customer with a positive mean spend: Gamma-Gamma is fitted on "
                                           "customers with x > 0 and zbar > 0"});
    std::map<int, int> x_slot;
    double mean = 0;
    for (const auto& entry : pooled) {
        SpendRow row;
        row.x = entry.first.first;
        row.zbar = entry.first.second;
        row.log_zbar = std::log(row.zbar);
        row.log_x = std::log(static_cast<double>(row.x));
        row.weight = entry.second;
        auto slot = x_slot.find(row.x);
        if (slot == x_slot.end()) {
            slot = x_slot.emplace(row.x, static_cast<int>(data->x_values.size())).first;
            data->x_values.push_back(row.x);
        }
        data->x_index.push_back(slot->second);
        data->rows.push_back(row);
        data->total_weight += row.weight;
        mean += row.weight * row.zbar;
    }
    mean /= data->total_weight;
    // Starting points: method-of-moments-like scales around the mean spend.
    std::vector<std::vector<double>> starts;
    for (double p : {1.0, 5.0})
        for (double q : {2.0, 4.0}) starts.push_back({p, q, mean * (q - 1) / p});
    starts.push_back({1, 1, 1});
    LogLikelihood ll = [data](const std::vector<double>& v, std::vector<double>* grad) {
        return total_log_likelihood(GammaGammaParams{v[0], v[1], v[2]}, *data, grad);
    };
    return ModelFitter("gg", names, ll, true, data->total_weight, starts, options);
}

FitResult fit_gamma_gamma(const std::vector<CustomerRfm>& customers, FitOptions options) {
    ModelFitter fitter = make_gamma_gamma_fitter(customers, options);
    return fitter.run();
}

GammaGammaParams gamma_gamma_params(const FitResult& fit) {
    if (fit.params.size() != 3) return {};
    return {fit.params[0], fit.params[1], fit.params[2]};
}

double gamma_gamma_expected_spend(const GammaGammaParams& g, int x, double zbar) {
    const double denominator = g.p * x + g.q - 1;
    if (!(denominator > 0)) return std::numeric_limits<double>::infinity();
    return g.p * (g.gamma + x * zbar) / denominator;
}

}  // namespace lcs::clv

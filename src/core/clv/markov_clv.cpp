#include "core/clv/markov_clv.h"

#include <cmath>
#include <string>

#include "core/problem_kinds.h"

namespace lcs::clv {

MarkovClvResult markov_clv(const Matrix& P, const std::vector<double>& R, double d, std::optional<int> horizon) {
    MarkovClvResult out;
    const size_t n = P.size();
    if (n == 0 || R.size() != n) {
        out.problem = Problem{clv_problem::kBadInput, "margins", "need one margin per stage and at least one stage"};
        return out;
    }
    if (!(d >= 0) || !std::isfinite(d)) {
        out.problem = Problem{clv_problem::kBadInput, "discount", "discount rate must be a fraction >= 0"};
        return out;
    }
    if (horizon && *horizon < 0) {
        out.problem = Problem{clv_problem::kBadInput, "horizon", "horizon must be >= 0 periods"};
        return out;
    }
    for (size_t i = 0; i < n; ++i) {
        const std::string where = "transitions[" + std::to_string(i) + "]";
        if (P[i].size() != n) {
            out.problem = Problem{clv_problem::kBadInput, where, "the transition matrix must be square"};
            return out;
        }
        double sum = 0;
        for (double p : P[i]) {
            if (!(p >= 0 && p <= 1)) {
                out.problem = Problem{clv_problem::kBadInput, where, "transition probabilities must lie in [0, 1]"};
                return out;
            }
            sum += p;
        }
        if (sum > 1 + 1e-9) {
            out.problem = Problem{clv_problem::kBadInput, where, "row sums to " + std::to_string(sum) + ", more than 1"};
            return out;
        }
        if (!std::isfinite(R[i])) {
            out.problem = Problem{clv_problem::kBadInput, "margins[" + std::to_string(i) + "]", "margin must be a finite number"};
            return out;
        }
    }
    const double factor = 1 / (1 + d);
    if (horizon) {
        // V_T = R + (P/(1+d))·V_{T−1}, V_0 = R (Horner form of the sum).
        std::vector<double> v = R;
        for (int t = 0; t < *horizon; ++t) {
            std::vector<double> next(n);
            for (size_t i = 0; i < n; ++i) {
                double s = 0;
                for (size_t j = 0; j < n; ++j) s += P[i][j] * v[j];
                next[i] = R[i] + factor * s;
            }
            v = std::move(next);
        }
        out.values = std::move(v);
        return out;
    }
    Matrix a = identity_matrix(static_cast<int>(n));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) a[i][j] -= factor * P[i][j];
    // An absorbing stage that earns nothing is worth 0 even when d = 0, where its row of I − P is
    // all zeros; pin it so an explicit churn stage does not make the system singular.
    for (size_t i = 0; i < n; ++i)
        if (P[i][i] == 1 && R[i] == 0) {
            a[i].assign(n, 0.0);
            a[i][i] = 1;
        }
    if (!solve_linear(a, R, out.values)) {
        out.problem = Problem{clv_problem::kSingular, "",
                              "I − P/(1+d) is singular: customers never leave and nothing is discounted, so the "
                              "infinite-horizon value is not finite; use a discount rate above 0 or a finite horizon"};
    }
    return out;
}

}  // namespace lcs::clv

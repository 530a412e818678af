// Customer migration (Markov chain) CLV, Pfeifer & Carraway (2000): stages i with transition
// probabilities P[i][j] per period and margin R[i] earned in a period spent in stage i.
//
// Timing convention: the margin of the current period counts in full (t = 0, undiscounted), the
// margin t periods ahead is discounted by (1+d)^t. With horizon T:
//     V_T = Σ_{t=0}^{T} (P/(1+d))^t R          (T + 1 margins: now and T more periods)
// infinite horizon:
//     V = (I − P/(1+d))^{-1} R
// V[i] is the expected value of a customer now in stage i. Rows of P may sum to less than 1 (the
// remainder leaves the system and earns nothing), or an absorbing churn stage with margin 0 can
// be modelled explicitly.
#pragma once
#include <optional>
#include <vector>

#include "core/clv/dense_lu.h"
#include "core/problem.h"

namespace lcs::clv {

struct MarkovClvResult {
    std::vector<double> values;      // per stage
    std::optional<Problem> problem;  // clv.bad_input, clv.singular
};

// P: n×n, entries in [0, 1], row sums <= 1 (+1e-9). R: n finite margins. d >= 0 per period.
// horizon: T >= 0 periods after the current one; nullopt = infinite (needs I − P/(1+d)
// invertible: fails as clv.singular e.g. for d = 0 with a closed chain, where V is infinite).
MarkovClvResult markov_clv(const Matrix& P, const std::vector<double>& R, double d, std::optional<int> horizon);

}  // namespace lcs::clv

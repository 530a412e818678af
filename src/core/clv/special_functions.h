// Special functions the CLV models need: log-gamma, digamma, log-beta, log-sum-exp and a robust
// Gauss hypergeometric function 2F1 for real arguments with z < 1.
#pragma once

namespace lcs::clv {

// log Γ(x) for x > 0 (std::lgamma; works the same natively and under Emscripten's musl).
double log_gamma(double x);
// ψ(x) = d/dx log Γ(x) for x > 0 (recurrence up to x >= 10, then the asymptotic series; ~1e-15).
double digamma(double x);
// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0.
double log_beta(double a, double b);
// log(e^u + e^v) without overflow; either argument may be -inf.
double log_sum_exp(double u, double v);
// log(e^u − e^v) for u >= v; returns -inf when u == v.
double log_diff_exp(double u, double v);

// 2F1(a, b; c; z) as sign · exp(log_abs), so that huge values (large counts) do not overflow.
struct Hyp2f1 {
    double log_abs = 0;    // log |2F1|; -inf when the value is 0
    int sign = 1;          // +1 or -1 (0 when the value is 0)
    bool converged = true; // false when a series hit its term cap or cancelled (value approximate)
    double value() const;  // sign · exp(log_abs); may be ±inf when it overflows
};

// Precondition: c > 0 and z < 1 (a, b real). Strategy, chosen for the side where the series
// converges fast: z < 0 → Pfaff transformation to z/(z−1) ∈ [0, 1); c−a−b < 0 → Euler
// transformation (1−z)^(c−a−b) 2F1(c−a, c−b; c; z) so the series terms shrink; z > 0.999 and c−a−b
// not within 1e-3 of an integer → the 1−z connection formula (unless it loses more than 6 digits
// to cancellation); z > 0.9999 with such an m → the
// connection formula at four nearby c, interpolated back (~1e-7 relative); otherwise the power
// series with a relative-convergence check (up to max_terms terms). Terms are rescaled to stay finite.
// max_terms caps the series (converged = false when reached); likelihoods pass a small cap so an
// optimiser wandering to z → 1 stays fast and treats such points as infeasible.
Hyp2f1 log_hyp2f1(double a, double b, double c, double z, long max_terms = 2000000);
// ∂ log 2F1/∂a, ∂b, ∂c, ∂z: the partial derivatives of 2F1 divided by 2F1.
struct Hyp2f1LogDerivatives {
    double a = 0, b = 0, c = 0, z = 0;
};
// log_hyp2f1 together with its log-derivatives, for a, b, c > 0 and 0 <= z < 1, where every
// series term is positive: the derivative sums are weighted means of Σ_{j<k} 1/(a+j) and the like,
// without cancellation (Euler's transformation adds only ±log(1−z) and c−a−b over 1−z). The power
// series only (after Euler's transformation when c−a−b < 0 and c > a, b), with no connection
// formula near z = 1: converged = false when max_terms terms are not enough (about 37/(1−z)).
// For z <= 0.999 with c−a−b >= 0 or c > a, b, log_hyp2f1 sums the same series: the values are
// identical to the last bit. Outside the precondition: converged = false and log_abs NaN.
Hyp2f1 log_hyp2f1_with_derivatives(double a, double b, double c, double z, Hyp2f1LogDerivatives& derivatives,
                                   long max_terms = 2000000);
// Convenience: the plain value (may overflow to inf for extreme arguments).
double hyp2f1(double a, double b, double c, double z);

}  // namespace lcs::clv

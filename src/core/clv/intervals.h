// Parameter intervals of a maximum-likelihood fit from the curvature of the log-likelihood at the
// optimum. Every model (BG/NBD, Pareto/NBD, Gamma-Gamma, sBG, BG/BB) is fitted on log-parameters,
// so the intervals are built there too: the observed information is the Hessian of −LL with
// respect to log θ (central differences), its inverse the asymptotic covariance of log θ̂, and the
// interval exp(log θ̂ ± z·se) stays positive and is asymmetric on the parameter scale, as the
// likelihood usually is.
#pragma once
#include <string>
#include <vector>

#include "core/clv/dense_lu.h"
#include "core/clv/fit.h"

namespace lcs::clv {

enum class IntervalStatus {
    ok,
    no_fit,    // the fit failed or has no parameters
    singular,  // the Hessian is (near) singular or not positive definite: the data do not pin the
               // parameters down (a flat direction of the likelihood); no intervals are given
};

struct ParameterIntervals {
    IntervalStatus status = IntervalStatus::no_fit;
    std::string message;             // plain words: why there are no intervals
    double level = 0.9;              // two-sided coverage, in (0, 1)
    std::vector<std::string> names;  // as in the fit
    std::vector<double> estimate;    // θ̂
    std::vector<double> lower, upper;  // exp(log θ̂ ∓ z·se); empty unless ok()
    std::vector<double> log_se;      // standard errors of log θ̂; empty unless ok()
    Matrix log_covariance;           // covariance of log θ̂ (inverse information); empty unless ok()
    bool ok() const { return status == IntervalStatus::ok; }
};

// Φ⁻¹(p) for p in (0, 1) (Acklam's rational approximation refined by one Halley step, ~1e-15).
double normal_quantile(double p);

// Hessian of LL with respect to log θ at params (all > 0), by central differences: of the analytic
// gradient (∂LL/∂log θ_i = θ_i ∂LL/∂θ_i) when has_gradient, else of LL values. An entry is NaN where
// the likelihood could not be evaluated. 2n gradient or 2n² + 1 LL evaluations.
Matrix log_scale_hessian(const LogLikelihood& ll, const std::vector<double>& params, bool has_gradient);

// Intervals at `level` (clamped to [0.5, 0.9999]) from a Hessian of LL in log θ (as above). The
// status is singular when −H is not positive definite, or its smallest Cholesky pivot is below
// 1e-10 of the largest diagonal entry (the inverse would be noise).
ParameterIntervals intervals_from_log_hessian(const FitResult& fit, const Matrix& hessian, double level);
// The same from a fit and the log-likelihood it maximised.
ParameterIntervals parameter_intervals(const FitResult& fit, const LogLikelihood& ll, bool has_gradient,
                                       double level = 0.9);
// From a finished fitter (ModelFitter::done()).
ParameterIntervals parameter_intervals(const ModelFitter& fitter, double level = 0.9);

// Lower-triangular L with L·Lᵀ = A for a symmetric positive definite A; false otherwise. min_ratio:
// the smallest accepted pivot², relative to the largest diagonal entry of A.
bool cholesky(const Matrix& a, Matrix& lower, double min_ratio = 0);

}  // namespace lcs::clv

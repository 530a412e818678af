// Guard rails of the repeat-purchase models (BG/NBD, Pareto/NBD): checks that say, in plain words
// and in both languages, when the data or a fit cannot be trusted as it is, and what to do about it.
// Each check is one function that returns a GuardRail when it fires and nullopt otherwise; the
// collectors run the ones that apply before a fit (on the calibration summaries) and after it (on
// the fit). Thresholds are named constants below, with the reason for each.
//
// Index: GuardRail · before a fit (holdout, repeat buyers, observation length, period unit) ·
//        after a fit (convergence, parameter bound, Hessian, P(alive) of non-repeaters) · collectors
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clv/fit.h"
#include "core/clv/rfm.h"
#include "core/localized.h"

namespace lcs::clv {

enum class GuardSeverity {
    info,     // how to read a result (not a problem)
    warning,  // the numbers may mislead; the fix says how to get better ones
    error,    // the numbers must not be used as they are (e.g. the fit did not converge)
};

struct GuardRail {
    std::string id;  // stable: "holdout_short", "few_repeat_buyers", "short_observation", "period_unit_tiny",
                     // "period_unit_huge", "not_converged", "parameter_at_bound", "hessian_singular", "p_alive_no_repeat"
    GuardSeverity severity = GuardSeverity::warning;
    Localized message;  // what is wrong, with the numbers that show it
    Localized fix;      // what to do about it
};

// Fewer repeat buyers than this leave the four parameters of a count model poorly determined
// (the literature's rule of thumb is "a few hundred"; 100 is where intervals become very wide).
inline constexpr int kMinRepeatBuyers = 100;
// Median T below this many periods: the time unit is too coarse (most customers are seen for less
// than a couple of periods, rates per period are large and t_x / T lose resolution); above the
// upper limit it is too fine (rates per period near 0, the optimiser's scale far from 1).
inline constexpr double kTinyMedianT = 2;
inline constexpr double kHugeMedianT = 1000;
// A log-scale parameter beyond ±this is at the edge of what the data identify (the optimiser's hard
// limit is ±30; e^±18 ≈ 6.6e7 / 1.5e-8 is beyond any rate or shape these models meet in practice).
inline constexpr double kBoundLogParam = 18;
// The information matrix (−Hessian of the LL on the log scale the fit uses) is near-singular when
// its condition number exceeds this: some parameter combination is not identified by the data.
inline constexpr double kMaxHessianCondition = 1e8;

// The display name of a fitted model's id (FitResult::model): "bgnbd" -> "BG/NBD", "paretonbd" ->
// "Pareto/NBD", "bgbb" -> "BG/BB", "gg" -> "Gamma-Gamma", "sbg" -> "sBG"; other ids as they are.
std::string fit_model_label(const std::string& model);

// The typical time between repeat purchases in the summaries' unit: the median over repeat buyers
// of t_x / x (their mean gap from the first purchase). NaN without repeat buyers.
double typical_purchase_gap(const std::vector<CustomerRfm>& customers);

// ---- before a fit ----
// The holdout (holdout_length periods, >= 0; 0 = none) is shorter than the typical gap, so most
// customers cannot show whether they are still buying within it.
std::optional<GuardRail> check_holdout_length(const std::vector<CustomerRfm>& customers, double holdout_length);
// Fewer than kMinRepeatBuyers customers with x > 0.
std::optional<GuardRail> check_repeat_buyers(const std::vector<CustomerRfm>& customers);
// More than half of the customers were observed for less than two typical purchase cycles (T < 2 gaps).
std::optional<GuardRail> check_observation_length(const std::vector<CustomerRfm>& customers);
// Median T below kTinyMedianT or above kHugeMedianT periods of `unit`.
std::optional<GuardRail> check_period_unit(const std::vector<CustomerRfm>& customers, PeriodUnit unit);

// ---- after a fit ----
// The optimiser stopped without converging (or the fit failed): its values must not be shown as estimates.
std::optional<GuardRail> check_convergence(const FitResult& fit);
// A parameter at the edge of its range (|log p| > kBoundLogParam).
std::optional<GuardRail> check_parameter_bounds(const FitResult& fit);
// The information matrix on the log scale, -∂²LL/∂θ∂θ' with θ = log(params), at fit.params: the
// negated log_scale_hessian of intervals.h (central differences of the analytic gradient when
// has_gradient, else of LL values). Empty when the fit has no parameters or an entry is not finite.
std::vector<std::vector<double>> log_scale_information(const LogLikelihood& ll, const FitResult& fit, bool has_gradient);
// Fires when `information` (as above) is not positive definite or its condition number exceeds
// kMaxHessianCondition; also when it is empty (it could not be computed).
std::optional<GuardRail> check_hessian(const std::vector<std::vector<double>>& information, const FitResult& fit);
// BG/NBD only (fit.model == "bgnbd"): customers with no repeat purchase have P(alive) = 1 by the
// model's construction (dropout happens only right after a purchase). Info, with their number.
std::optional<GuardRail> check_p_alive_no_repeat(const FitResult& fit, const std::vector<CustomerRfm>& customers);

// ---- collectors ----
// The checks before a fit, in the order above.
std::vector<GuardRail> pre_fit_guard_rails(const std::vector<CustomerRfm>& customers, PeriodUnit unit,
                                           double holdout_length);
// The checks after a fit; `ll` is the log-likelihood it maximised (ModelFitter::log_likelihood, for
// the Hessian check; may be empty to skip it) and has_gradient whether ll fills its gradient. A fit that did not converge gets that error and, when it ran to
// a bound, the bound warning; its Hessian is not checked (there is no optimum to check it at).
std::vector<GuardRail> post_fit_guard_rails(const FitResult& fit, const std::vector<CustomerRfm>& customers,
                                            const LogLikelihood& ll, bool has_gradient = true);

}  // namespace lcs::clv

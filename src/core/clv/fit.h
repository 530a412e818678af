// Maximum-likelihood fitting shared by every CLV model: positive parameters are optimised on the
// log scale with BFGS from several starting points, a few iterations per step() so the UI stays
// responsive; standard errors come from the inverse of the Hessian at the optimum: central
// differences of the analytic gradient, one Hessian column per step (no step much longer than a
// BFGS iteration), or, for models without a gradient, of the log-likelihood in a single step.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clv/optimizer.h"
#include "core/problem.h"

namespace lcs::clv {

struct FitResult {
    std::string model;               // "bgnbd", "paretonbd", "gg", "sbg"
    std::vector<std::string> names;  // parameter names, e.g. {"r", "alpha", "a", "b"}
    std::vector<double> params;      // maximum-likelihood estimates (all > 0)
    std::vector<double> std_errors;  // same order; empty when the Hessian is not invertible
    double log_likelihood = 0;       // total over all customers (weights applied)
    int iterations = 0;              // BFGS iterations, summed over the starting points tried
    bool converged = false;
    std::string message;             // plain words: "converged", "stopped after 300 iterations", ...
    std::optional<Problem> problem;  // set when no fit is possible (fit.no_data, fit.not_identified, ...)
    bool ok() const { return !problem.has_value(); }
};

struct FitProgress {
    int iterations = 0;            // total so far
    int start = 0;                 // index of the starting point being optimised
    int starts = 0;                // number of starting points that may be tried
    double log_likelihood = 0;     // best so far
    bool standard_errors = false;  // the optimum is found; its standard errors are being computed
    bool done = false;
};

// Total log-likelihood at positive params; fills grad (∂LL/∂param) when non-null. May return a
// non-finite value for parameters where the model cannot be evaluated (the fitter treats those as
// infeasible). The models' likelihoods throw nothing; an exception is a bug and propagates.
using LogLikelihood = std::function<double(const std::vector<double>& params, std::vector<double>* grad)>;

struct FitOptions {
    int max_iterations = 300;  // per starting point
    int max_starts = 3;        // BFGS runs from the best starting points until one converges
    bool standard_errors = true;
};

// Keep a fitter in one place once step() has been called (the optimiser refers back to it); move
// it only before the first step.
class ModelFitter {
public:
    // has_gradient: ll fills grad analytically; otherwise central differences of ll are used.
    // total_weight: number of customers (scales the objective to a mean for the tolerances).
    // starts: candidate starting parameter vectors; the ones with the highest LL are tried first.
    ModelFitter(std::string model, std::vector<std::string> names, LogLikelihood ll, bool has_gradient,
                double total_weight, std::vector<std::vector<double>> starts, FitOptions options = {});
    // A fitter that is already done with this problem (no data, not identified, ...).
    static ModelFitter failed(std::string model, std::vector<std::string> names, Problem problem);

    // Runs up to `iterations` BFGS iterations, or Hessian columns once the optimum is found (at
    // least one unit of work), and reports progress.
    FitProgress step(int iterations);
    bool done() const { return done_; }
    // The final result once done(); before that, the best point so far without standard errors.
    const FitResult& result() const { return result_; }
    // Runs to the end and returns the result.
    const FitResult& run();
    // The log-likelihood being maximised (empty for a failed() fitter) and whether it fills its
    // gradient: what parameter intervals (intervals.h) differentiate at the optimum.
    const LogLikelihood& log_likelihood() const { return ll_; }
    bool has_gradient() const { return has_gradient_; }

private:
    void begin_next_start();
    void step_optimiser(int iterations);
    void finish_optimisation();
    void add_hessian_columns(int columns);
    bool gradient_at(const std::vector<double>& params, std::vector<double>& grad) const;
    void set_standard_errors(const std::vector<std::vector<double>>& hessian);
    double objective(const std::vector<double>& theta, std::vector<double>* grad) const;

    LogLikelihood ll_;
    bool has_gradient_ = true;
    double total_weight_ = 1;
    std::vector<std::vector<double>> starts_;
    FitOptions options_;
    FitResult result_;
    std::optional<BfgsMinimizer> minimizer_;
    int start_index_ = -1;
    int total_iterations_ = 0;
    bool have_best_ = false;
    std::vector<double> best_theta_;
    double best_f_ = 0;
    bool best_converged_ = false;
    std::string best_message_;
    bool computing_standard_errors_ = false;
    std::vector<std::vector<double>> hessian_columns_;  // ∂(∂LL/∂p)/∂p_i for the columns done so far
    bool done_ = false;
};

}  // namespace lcs::clv

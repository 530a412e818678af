// Unconstrained minimisation for the model fits: BFGS quasi-Newton with a backtracking (Armijo)
// line search, run a few iterations at a time so a UI can fit without freezing a frame.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace lcs::clv {

// f(x) and, when grad is non-null, ∇f(x) (same size as x). A non-finite f means "outside the
// feasible region": the line search backs off from it.
using Objective = std::function<double(const std::vector<double>& x, std::vector<double>* grad)>;

struct MinimizeOptions {
    int max_iterations = 300;
    double gradient_tolerance = 1e-8;  // converged when max |∂f/∂x_i| is below this
    double max_step = 4.0;             // largest change of any coordinate in one iteration
};

struct MinimizeState {
    std::vector<double> x;
    double f = 0;
    std::vector<double> gradient;
    int iterations = 0;
    bool finished = false;
    bool converged = false;
    std::string message;  // why it stopped, in plain words
};

class BfgsMinimizer {
public:
    // x0: starting point (f(x0) should be finite).
    BfgsMinimizer(Objective objective, std::vector<double> x0, MinimizeOptions options = {});
    // Runs up to max_steps iterations; returns true once finished (converged or given up).
    bool step(int max_steps);
    const MinimizeState& state() const { return state_; }

private:
    // One iteration: direction, line search, BFGS update, stopping tests.
    void iterate();
    // -H·∇f, or steepest descent (H reset to I) when that does not descend; slope = direction·∇f.
    std::vector<double> descent_direction(double& slope);
    // Backtracks from x along direction until the Armijo condition holds at a finite point;
    // x_new, g_new, f_new hold that point. False when no step within rounding does.
    bool line_search(const std::vector<double>& direction, double slope, std::vector<double>& x_new,
                     std::vector<double>& g_new, double& f_new);
    // BFGS update of the inverse Hessian from step s and gradient change y; skipped unless s·y > 0.
    void update_inverse_hessian(const std::vector<double>& s, const std::vector<double>& y);

    Objective objective_;
    MinimizeOptions options_;
    MinimizeState state_;
    std::vector<std::vector<double>> inverse_hessian_;
    bool hessian_scaled_ = false;
    int stalled_ = 0;
};

// Central-difference gradient of f at x with relative step h (absolute when x_i == 0).
std::vector<double> numerical_gradient(const std::function<double(const std::vector<double>&)>& f,
                                       const std::vector<double>& x, double h = 1e-5);
// Central-difference Hessian of f at x from function values (relative step h).
std::vector<std::vector<double>> numerical_hessian(const std::function<double(const std::vector<double>&)>& f,
                                                   const std::vector<double>& x, double h = 1e-4);

}  // namespace lcs::clv

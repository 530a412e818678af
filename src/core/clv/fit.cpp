#include "core/clv/fit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "core/clv/dense_lu.h"
#include "core/problem_kinds.h"

namespace lcs::clv {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Relative step of the central differences of the gradient for the Hessian: the truncation error
// (~step²) and the rounding error (~1e-16/step) of the gradient both stay near 1e-10.
constexpr double kHessianStep = 1e-5;

std::vector<double> exp_all(const std::vector<double>& theta) {
    std::vector<double> p(theta.size());
    for (size_t i = 0; i < theta.size(); ++i) p[i] = std::exp(theta[i]);
    return p;
}

}  // namespace

ModelFitter::ModelFitter(std::string model, std::vector<std::string> names, LogLikelihood ll, bool has_gradient,
                         double total_weight, std::vector<std::vector<double>> starts, FitOptions options)
    : ll_(std::move(ll)), has_gradient_(has_gradient), total_weight_(total_weight > 0 ? total_weight : 1),
      options_(options) {
    result_.model = std::move(model);
    result_.names = std::move(names);
    // Order the starting points by their log-likelihood, best first; drop the infeasible ones.
    std::vector<std::pair<double, std::vector<double>>> scored;
    for (auto& start : starts) {
        const double value = ll_(start, nullptr);
        if (std::isfinite(value)) scored.emplace_back(value, std::move(start));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& u, const auto& v) { return u.first > v.first; });
    for (auto& s : scored) starts_.push_back(std::move(s.second));
    if (starts_.empty()) {
        result_.problem = Problem{fit_problem::kNoStart, "", "the model could not be evaluated at any starting point"};
        result_.message = result_.problem->message;
        done_ = true;
    }
}

ModelFitter ModelFitter::failed(std::string model, std::vector<std::string> names, Problem problem) {
    ModelFitter fitter(std::move(model), std::move(names), LogLikelihood{}, true, 1, {}, {});
    fitter.result_.message = problem.message;
    fitter.result_.problem = std::move(problem);
    return fitter;
}

double ModelFitter::objective(const std::vector<double>& theta, std::vector<double>* grad) const {
    for (double t : theta)
        if (!std::isfinite(t) || std::fabs(t) > 30) return kInfinity;  // params outside e^±30
    const std::vector<double> p = exp_all(theta);
    if (has_gradient_ || !grad) {
        std::vector<double> g(p.size());
        const double value = ll_(p, grad ? &g : nullptr);
        if (!std::isfinite(value)) return kInfinity;
        if (grad) {
            grad->resize(p.size());
            for (size_t i = 0; i < p.size(); ++i) (*grad)[i] = -g[i] * p[i] / total_weight_;
        }
        return -value / total_weight_;
    }
    const double value = ll_(p, nullptr);
    if (!std::isfinite(value)) return kInfinity;
    auto f = [&](const std::vector<double>& th) { return -ll_(exp_all(th), nullptr) / total_weight_; };
    *grad = numerical_gradient(f, theta, 1e-6);
    return -value / total_weight_;
}

void ModelFitter::begin_next_start() {
    ++start_index_;
    std::vector<double> theta(starts_[start_index_].size());
    for (size_t i = 0; i < theta.size(); ++i) theta[i] = std::log(starts_[start_index_][i]);
    MinimizeOptions options;
    options.max_iterations = options_.max_iterations;
    options.gradient_tolerance = has_gradient_ ? 1e-9 : 1e-7;
    minimizer_.emplace([this](const std::vector<double>& x, std::vector<double>* g) { return objective(x, g); },
                       theta, options);
}

FitProgress ModelFitter::step(int iterations) {
    if (!done_) {
        if (computing_standard_errors_) {
            add_hessian_columns(std::max(1, iterations));
        } else {
            step_optimiser(iterations);
        }
    }
    result_.iterations = total_iterations_;
    FitProgress progress;
    progress.iterations = total_iterations_;
    progress.start = std::max(0, start_index_);
    progress.starts = std::min<int>(static_cast<int>(starts_.size()), options_.max_starts);
    progress.log_likelihood = result_.log_likelihood;
    progress.standard_errors = computing_standard_errors_;
    progress.done = done_;
    return progress;
}

const FitResult& ModelFitter::run() {
    while (!done_) step(50);
    return result_;
}

void ModelFitter::step_optimiser(int iterations) {
    if (!minimizer_) begin_next_start();
    const int before = minimizer_->state().iterations;
    const bool finished = minimizer_->step(std::max(1, iterations));
    total_iterations_ += minimizer_->state().iterations - before;
    if (finished) {
        const MinimizeState& state = minimizer_->state();
        if (std::isfinite(state.f) && (!have_best_ || state.f < best_f_)) {
            have_best_ = true;
            best_theta_ = state.x;
            best_f_ = state.f;
            best_converged_ = state.converged;
            best_message_ = state.message;
        }
        const bool more = start_index_ + 1 < static_cast<int>(starts_.size()) && start_index_ + 1 < options_.max_starts;
        if (state.converged || !more) return finish_optimisation();
        begin_next_start();
    }
    result_.params = exp_all(minimizer_->state().x);
    result_.log_likelihood = -minimizer_->state().f * total_weight_;
}

void ModelFitter::finish_optimisation() {
    minimizer_.reset();
    // With an analytic gradient the Hessian follows column by column over the next steps.
    computing_standard_errors_ = have_best_ && options_.standard_errors && has_gradient_;
    done_ = !computing_standard_errors_;
    if (!have_best_) {
        result_.problem = Problem{fit_problem::kFailed, "", "the optimiser could not improve on any starting point"};
        result_.message = result_.problem->message;
        return;
    }
    result_.params = exp_all(best_theta_);
    result_.log_likelihood = -best_f_ * total_weight_;
    result_.converged = best_converged_;
    result_.message = best_message_;
    result_.iterations = total_iterations_;
    for (double t : best_theta_)
        if (std::fabs(t) > 25) {
            result_.converged = false;
            result_.message = "a parameter ran to the edge of its range (the data do not identify the model)";
        }
    if (!options_.standard_errors || computing_standard_errors_) return;
    // Without a gradient: the Hessian from O(n²) log-likelihood values, all in this step.
    auto ll = [this](const std::vector<double>& p) -> double {
        for (double v : p)
            if (!(v > 0)) return -kInfinity;
        return ll_(p, nullptr);
    };
    set_standard_errors(numerical_hessian(ll, result_.params, 1e-4));
}

void ModelFitter::add_hessian_columns(int columns) {
    const std::vector<double>& p = result_.params;
    for (int k = 0; k < columns && hessian_columns_.size() < p.size(); ++k) {
        // Central difference of the gradient along parameter i: two gradient evaluations.
        const size_t i = hessian_columns_.size();
        std::vector<double> up_params = p, down_params = p, up, down;
        up_params[i] = p[i] * (1 + kHessianStep);
        down_params[i] = p[i] * (1 - kHessianStep);
        if (!gradient_at(up_params, up) || !gradient_at(down_params, down)) {  // no standard errors
            computing_standard_errors_ = false;
            done_ = true;
            return;
        }
        std::vector<double> column(p.size());
        for (size_t j = 0; j < p.size(); ++j) column[j] = (up[j] - down[j]) / (up_params[i] - down_params[i]);
        hessian_columns_.push_back(std::move(column));
    }
    if (hessian_columns_.size() < p.size()) return;
    // Differences of the gradient are symmetric only up to rounding: average the two halves.
    Matrix hessian(p.size(), std::vector<double>(p.size()));
    for (size_t i = 0; i < p.size(); ++i)
        for (size_t j = 0; j < p.size(); ++j) hessian[i][j] = 0.5 * (hessian_columns_[i][j] + hessian_columns_[j][i]);
    set_standard_errors(hessian);
    computing_standard_errors_ = false;
    done_ = true;
}

bool ModelFitter::gradient_at(const std::vector<double>& params, std::vector<double>& grad) const {
    grad.assign(params.size(), 0.0);
    if (!std::isfinite(ll_(params, &grad))) return false;
    for (double g : grad)
        if (!std::isfinite(g)) return false;
    return true;
}

// Standard errors: square roots of the diagonal of the inverse observed information (−Hessian of
// the LL in parameter space); left empty when it is not invertible or not positive there.
void ModelFitter::set_standard_errors(const Matrix& hessian) {
    Matrix information = hessian;
    for (auto& row : information)
        for (double& v : row) v = -v;
    Matrix covariance;
    if (!invert_matrix(information, covariance)) return;
    std::vector<double> se;
    for (size_t i = 0; i < covariance.size(); ++i) {
        if (!(covariance[i][i] > 0) || !std::isfinite(covariance[i][i])) return;
        se.push_back(std::sqrt(covariance[i][i]));
    }
    result_.std_errors = std::move(se);
}

}  // namespace lcs::clv

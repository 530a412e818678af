#include "core/clv/fit.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <utility>

#include "core/clv/dense_lu.h"

namespace lcs::clv {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

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
        double value = -kInfinity;
        try {
            value = ll_(start, nullptr);
        } catch (const std::exception&) {
        }
        if (std::isfinite(value)) scored.emplace_back(value, std::move(start));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& u, const auto& v) { return u.first > v.first; });
    for (auto& s : scored) starts_.push_back(std::move(s.second));
    if (starts_.empty()) {
        result_.problem = Problem{"fit.no_start", "", "the model could not be evaluated at any starting point"};
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
    try {
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
    } catch (const std::exception&) {
        return kInfinity;
    }
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
    FitProgress progress;
    if (!done_) {
        if (!minimizer_) begin_next_start();
        const int before = minimizer_->state().iterations;
        const bool finished = minimizer_->step(std::max(1, iterations));
        total_iterations_ += minimizer_->state().iterations - before;
        const MinimizeState& state = minimizer_->state();
        if (finished) {
            if (std::isfinite(state.f) && (!have_best_ || state.f < best_f_)) {
                have_best_ = true;
                best_theta_ = state.x;
                best_f_ = state.f;
                best_converged_ = state.converged;
                best_message_ = state.message;
            }
            const bool more = start_index_ + 1 < static_cast<int>(starts_.size()) && start_index_ + 1 < options_.max_starts;
            if (state.converged || !more) {
                finish();
            } else {
                begin_next_start();
            }
        }
        if (!done_) {
            result_.params = exp_all(state.x);
            result_.log_likelihood = -state.f * total_weight_;
        }
    }
    result_.iterations = total_iterations_;
    progress.iterations = total_iterations_;
    progress.start = std::max(0, start_index_);
    progress.starts = std::min<int>(static_cast<int>(starts_.size()), options_.max_starts);
    progress.log_likelihood = result_.log_likelihood;
    progress.done = done_;
    return progress;
}

const FitResult& ModelFitter::run() {
    while (!done_) step(50);
    return result_;
}

void ModelFitter::finish() {
    done_ = true;
    minimizer_.reset();
    if (!have_best_) {
        result_.problem = Problem{"fit.failed", "", "the optimiser could not improve on any starting point"};
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
    if (!options_.standard_errors) return;
    // Standard errors: inverse of the observed information (−Hessian of LL) in parameter space.
    auto ll = [this](const std::vector<double>& p) -> double {
        for (double v : p)
            if (!(v > 0)) return -kInfinity;
        try {
            return ll_(p, nullptr);
        } catch (const std::exception&) {
            return -kInfinity;
        }
    };
    const Matrix hessian = numerical_hessian(ll, result_.params, 1e-4);
    Matrix information = hessian;
    for (auto& row : information)
        for (double& v : row) v = -v;
    Matrix covariance;
    if (invert_matrix(information, covariance)) {
        std::vector<double> se;
        for (size_t i = 0; i < covariance.size(); ++i) {
            if (!(covariance[i][i] > 0) || !std::isfinite(covariance[i][i])) return;
            se.push_back(std::sqrt(covariance[i][i]));
        }
        result_.std_errors = std::move(se);
    }
}

}  // namespace lcs::clv

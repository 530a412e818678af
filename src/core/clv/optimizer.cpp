#include "core/clv/optimizer.h"

#include <cmath>
#include <utility>

namespace lcs::clv {

namespace {

double max_abs(const std::vector<double>& v) {
    double m = 0;
    for (double e : v) m = std::fmax(m, std::fabs(e));
    return m;
}

double dot(const std::vector<double>& u, const std::vector<double>& v) {
    double s = 0;
    for (size_t i = 0; i < u.size(); ++i) s += u[i] * v[i];
    return s;
}

}  // namespace

BfgsMinimizer::BfgsMinimizer(Objective objective, std::vector<double> x0, MinimizeOptions options)
    : objective_(std::move(objective)), options_(options) {
    const size_t n = x0.size();
    state_.x = std::move(x0);
    state_.gradient.assign(n, 0.0);
    state_.f = objective_(state_.x, &state_.gradient);
    inverse_hessian_.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i) inverse_hessian_[i][i] = 1;
    if (!std::isfinite(state_.f) || !std::isfinite(max_abs(state_.gradient))) {
        state_.finished = true;
        state_.message = "the starting point is outside the feasible region";
    } else if (max_abs(state_.gradient) < options_.gradient_tolerance) {
        state_.finished = state_.converged = true;
        state_.message = "converged";
    }
}

bool BfgsMinimizer::step(int max_steps) {
    for (int k = 0; k < max_steps && !state_.finished; ++k) {
        if (state_.iterations >= options_.max_iterations) {
            state_.finished = true;
            state_.message = "stopped after " + std::to_string(state_.iterations) + " iterations";
            break;
        }
        iterate();
    }
    return state_.finished;
}

void BfgsMinimizer::iterate() {
    const size_t n = state_.x.size();
    double slope = 0;
    const std::vector<double> direction = descent_direction(slope);
    std::vector<double> x_new(n), g_new(n);
    double f_new = 0;
    const bool accepted = line_search(direction, slope, x_new, g_new, f_new);
    ++state_.iterations;
    if (!accepted) {
        state_.finished = true;
        // No decrease possible along a descent direction: at the optimum up to rounding.
        state_.converged = max_abs(state_.gradient) < 1e3 * options_.gradient_tolerance;
        state_.message = state_.converged ? "converged (no further decrease within rounding)"
                                          : "the line search found no decrease";
        return;
    }
    std::vector<double> s(n), y(n);
    for (size_t i = 0; i < n; ++i) {
        s[i] = x_new[i] - state_.x[i];
        y[i] = g_new[i] - state_.gradient[i];
    }
    const double decrease = state_.f - f_new;
    state_.x = x_new;
    state_.gradient = g_new;
    state_.f = f_new;
    update_inverse_hessian(s, y);
    if (max_abs(state_.gradient) < options_.gradient_tolerance) {
        state_.finished = state_.converged = true;
        state_.message = "converged";
        return;
    }
    // Creeping along a flat ridge (e.g. a parameter running off to infinity) is as good as
    // stopping: five iterations in a row that gain less than 1e-12 relative end the run.
    stalled_ = decrease <= 1e-12 * std::fmax(1.0, std::fabs(state_.f)) ? stalled_ + 1 : 0;
    if (stalled_ >= 5) {
        state_.finished = true;
        state_.converged = max_abs(state_.gradient) < 1e3 * options_.gradient_tolerance;
        state_.message = state_.converged ? "converged (no further decrease within rounding)"
                                          : "stalled: the objective stopped decreasing";
    }
}

std::vector<double> BfgsMinimizer::descent_direction(double& slope) {
    const size_t n = state_.x.size();
    std::vector<double> direction(n, 0.0);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) direction[i] -= inverse_hessian_[i][j] * state_.gradient[j];
    slope = dot(direction, state_.gradient);
    if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
        for (size_t i = 0; i < n; ++i) {
            inverse_hessian_[i].assign(n, 0.0);
            inverse_hessian_[i][i] = 1;
            direction[i] = -state_.gradient[i];
        }
        slope = dot(direction, state_.gradient);
    }
    return direction;
}

bool BfgsMinimizer::line_search(const std::vector<double>& direction, double slope, std::vector<double>& x_new,
                                std::vector<double>& g_new, double& f_new) {
    const size_t n = state_.x.size();
    const double longest = max_abs(direction);
    double alpha = longest > options_.max_step ? options_.max_step / longest : 1.0;
    // Steps below 1e-13 in every coordinate cannot change f beyond rounding: stop there.
    for (int tries = 0; tries < 60 && alpha * longest > 1e-13; ++tries) {
        for (size_t i = 0; i < n; ++i) x_new[i] = state_.x[i] + alpha * direction[i];
        f_new = objective_(x_new, &g_new);
        if (std::isfinite(f_new) && f_new <= state_.f + 1e-4 * alpha * slope && std::isfinite(max_abs(g_new)))
            return true;
        alpha *= (tries < 2 ? 0.5 : 0.25);
    }
    return false;
}

void BfgsMinimizer::update_inverse_hessian(const std::vector<double>& s, const std::vector<double>& y) {
    const size_t n = s.size();
    const double sy = dot(s, y);
    if (!(sy > 1e-300 && std::isfinite(sy))) return;
    if (!hessian_scaled_) {  // Nocedal & Wright (6.20): scale the first guess
        const double scale = sy / dot(y, y);
        for (size_t i = 0; i < n; ++i) inverse_hessian_[i][i] = scale;
        hessian_scaled_ = true;
    }
    std::vector<double> hy(n, 0.0);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) hy[i] += inverse_hessian_[i][j] * y[j];
    const double yhy = dot(y, hy);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            inverse_hessian_[i][j] += ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
}

std::vector<double> numerical_gradient(const std::function<double(const std::vector<double>&)>& f,
                                       const std::vector<double>& x, double h) {
    std::vector<double> g(x.size());
    std::vector<double> p = x;
    for (size_t i = 0; i < x.size(); ++i) {
        const double step = x[i] != 0 ? h * std::fabs(x[i]) : h;
        p[i] = x[i] + step;
        const double up = f(p);
        p[i] = x[i] - step;
        const double down = f(p);
        p[i] = x[i];
        g[i] = (up - down) / (2 * step);
    }
    return g;
}

std::vector<std::vector<double>> numerical_hessian(const std::function<double(const std::vector<double>&)>& f,
                                                   const std::vector<double>& x, double h) {
    const size_t n = x.size();
    std::vector<std::vector<double>> hess(n, std::vector<double>(n, 0.0));
    std::vector<double> step(n);
    for (size_t i = 0; i < n; ++i) step[i] = x[i] != 0 ? h * std::fabs(x[i]) : h;
    const double f0 = f(x);
    std::vector<double> p = x;
    for (size_t i = 0; i < n; ++i) {
        p[i] = x[i] + step[i];
        const double up = f(p);
        p[i] = x[i] - step[i];
        const double down = f(p);
        p[i] = x[i];
        hess[i][i] = (up - 2 * f0 + down) / (step[i] * step[i]);
        for (size_t j = 0; j < i; ++j) {
            double corners[4];
            const int signs[4][2] = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
            for (int c = 0; c < 4; ++c) {
                p[i] = x[i] + signs[c][0] * step[i];
                p[j] = x[j] + signs[c][1] * step[j];
                corners[c] = f(p);
            }
            p[i] = x[i];
            p[j] = x[j];
            hess[i][j] = hess[j][i] = (corners[0] - corners[1] - corners[2] + corners[3]) / (4 * step[i] * step[j]);
        }
    }
    return hess;
}

}  // namespace lcs::clv

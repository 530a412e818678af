#include "core/clv/intervals.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lcs::clv {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
// Step in log θ: with an analytic gradient the truncation (~h²) and rounding (~1e-16/h) errors of
// its central difference both stay near 1e-10; second differences of values need a larger step.
constexpr double kGradientStep = 1e-5;
constexpr double kValueStep = 1e-4;
// −H must be comfortably positive definite: a pivot² below this share of the largest diagonal
// entry means a direction the likelihood barely curves in (condition number beyond ~1e10).
constexpr double kMinPivotRatio = 1e-10;

std::vector<double> exp_shifted(const std::vector<double>& log_p, size_t i, double h, size_t j = 0, double k = 0) {
    std::vector<double> p(log_p.size());
    for (size_t a = 0; a < p.size(); ++a) p[a] = std::exp(log_p[a] + (a == i ? h : 0) + (a == j ? k : 0));
    return p;
}

// ∂LL/∂log θ at exp(log_p + h·e_i); false when not finite.
bool log_gradient(const LogLikelihood& ll, const std::vector<double>& log_p, size_t i, double h, std::vector<double>& out) {
    const std::vector<double> p = exp_shifted(log_p, i, h);
    std::vector<double> g(p.size(), 0.0);
    if (!std::isfinite(ll(p, &g))) return false;
    out.resize(p.size());
    for (size_t a = 0; a < p.size(); ++a) {
        out[a] = g[a] * p[a];
        if (!std::isfinite(out[a])) return false;
    }
    return true;
}

Matrix hessian_from_gradients(const LogLikelihood& ll, const std::vector<double>& log_p) {
    const size_t n = log_p.size();
    Matrix h(n, std::vector<double>(n, kNan));
    std::vector<double> up, down;
    for (size_t i = 0; i < n; ++i) {
        if (!log_gradient(ll, log_p, i, kGradientStep, up) || !log_gradient(ll, log_p, i, -kGradientStep, down)) continue;
        for (size_t j = 0; j < n; ++j) h[i][j] = (up[j] - down[j]) / (2 * kGradientStep);
    }
    // Symmetric only up to rounding: average the two halves (NaN stays NaN).
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) h[i][j] = h[j][i] = 0.5 * (h[i][j] + h[j][i]);
    return h;
}

Matrix hessian_from_values(const LogLikelihood& ll, const std::vector<double>& log_p) {
    const size_t n = log_p.size();
    const double s = kValueStep;
    auto f = [&](size_t i, double a, size_t j, double b) { return ll(exp_shifted(log_p, i, a, j, b), nullptr); };
    const double center = ll(exp_shifted(log_p, 0, 0), nullptr);
    Matrix h(n, std::vector<double>(n));
    for (size_t i = 0; i < n; ++i) {
        h[i][i] = (f(i, s, i, 0) - 2 * center + f(i, -s, i, 0)) / (s * s);
        for (size_t j = 0; j < i; ++j)
            h[i][j] = h[j][i] = (f(i, s, j, s) - f(i, s, j, -s) - f(i, -s, j, s) + f(i, -s, j, -s)) / (4 * s * s);
    }
    return h;  // a non-finite LL anywhere leaves a non-finite entry, which the caller reports
}

}  // namespace

double normal_quantile(double p) {
    if (!(p > 0 && p < 1)) return p == 0 ? -INFINITY : p == 1 ? INFINITY : kNan;
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425;
    double x;
    if (p < low || p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(p < low ? p : 1 - p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        if (p > 1 - low) x = -x;
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    // One Halley step on Φ(x) − p brings the ~1e-9 approximation to full precision.
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * 3.14159265358979323846) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

bool cholesky(const Matrix& a, Matrix& lower, double min_ratio) {
    const size_t n = a.size();
    double largest = 0;
    for (size_t i = 0; i < n; ++i) {
        if (a[i].size() != n) return false;
        largest = std::max(largest, std::fabs(a[i][i]));
    }
    Matrix l(n, std::vector<double>(n, 0.0));
    for (size_t j = 0; j < n; ++j) {
        double diag = a[j][j];
        for (size_t k = 0; k < j; ++k) diag -= l[j][k] * l[j][k];
        if (!std::isfinite(diag) || !(diag > min_ratio * largest) || !(diag > 0)) return false;
        l[j][j] = std::sqrt(diag);
        for (size_t i = j + 1; i < n; ++i) {
            double v = a[i][j];
            for (size_t k = 0; k < j; ++k) v -= l[i][k] * l[j][k];
            l[i][j] = v / l[j][j];
        }
    }
    lower = std::move(l);
    return true;
}

Matrix log_scale_hessian(const LogLikelihood& ll, const std::vector<double>& params, bool has_gradient) {
    std::vector<double> log_p(params.size());
    for (size_t i = 0; i < params.size(); ++i) log_p[i] = std::log(params[i]);
    return has_gradient ? hessian_from_gradients(ll, log_p) : hessian_from_values(ll, log_p);
}

ParameterIntervals intervals_from_log_hessian(const FitResult& fit, const Matrix& hessian, double level) {
    ParameterIntervals out;
    out.level = std::clamp(std::isfinite(level) ? level : 0.9, 0.5, 0.9999);
    out.names = fit.names;
    out.estimate = fit.params;
    const size_t n = fit.params.size();
    if (!fit.ok() || n == 0 || hessian.size() != n) {
        out.message = fit.ok() ? "the fit has no parameters" : fit.message;
        return out;
    }
    Matrix information = hessian, lower;
    for (auto& row : information)
        for (double& v : row) v = -v;
    Matrix covariance;
    if (!cholesky(information, lower, kMinPivotRatio) || !invert_matrix(information, covariance)) {
        out.status = IntervalStatus::singular;
        out.message = "the log-likelihood is (nearly) flat in some direction at the optimum: the data do not pin "
                      "the parameters down, so no intervals are given";
        return out;
    }
    const double z = normal_quantile(0.5 + out.level / 2);
    for (size_t i = 0; i < n; ++i) {
        const double se = std::sqrt(covariance[i][i]);
        const double center = std::log(fit.params[i]);
        out.log_se.push_back(se);
        out.lower.push_back(std::exp(center - z * se));
        out.upper.push_back(std::exp(center + z * se));
    }
    out.log_covariance = std::move(covariance);
    out.status = IntervalStatus::ok;
    out.message = "ok";
    return out;
}

ParameterIntervals parameter_intervals(const FitResult& fit, const LogLikelihood& ll, bool has_gradient, double level) {
    if (!fit.ok() || fit.params.empty() || !ll) return intervals_from_log_hessian(fit, {}, level);
    for (double p : fit.params)
        if (!(p > 0) || !std::isfinite(p)) return intervals_from_log_hessian(fit, {}, level);
    return intervals_from_log_hessian(fit, log_scale_hessian(ll, fit.params, has_gradient), level);
}

ParameterIntervals parameter_intervals(const ModelFitter& fitter, double level) {
    return parameter_intervals(fitter.result(), fitter.log_likelihood(), fitter.has_gradient(), level);
}

}  // namespace lcs::clv

#include "core/clv/special_functions.h"

#include <cmath>
#include <limits>

namespace lcs::clv {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSeriesEps = 1e-16;
constexpr long kMaxTerms = 2000000;

bool is_nonpositive_integer(double v) { return v <= 0 && v == std::floor(v); }

// log|Γ(x)| and its sign for any real x that is not a pole.
double log_abs_gamma(double x, int& sign) {
    sign = 1;
    if (x < 0 && (static_cast<long long>(std::floor(x)) % 2 != 0)) sign = -1;
    return std::lgamma(x);
}

// Plain power series of 2F1 with signed terms; the running sum is rescaled so it never overflows.
// derivatives (optional) receives ∂ log 2F1/∂a, ∂b, ∂c, ∂z from the same loop: term k carries
// the factors Σ_{j<k} 1/(a+j), Σ_{j<k} 1/(b+j), −Σ_{j<k} 1/(c+j) and k/z.
Hyp2f1 series(double a, double b, double c, double z, long max_terms = kMaxTerms,
              Hyp2f1LogDerivatives* derivatives = nullptr) {
    Hyp2f1 out;
    double term = 1, sum = 1, log_scale = 0, largest = 1;
    Hyp2f1LogDerivatives weighted;                          // Σ term·factor, on the scale of sum
    double harmonic_a = 0, harmonic_b = 0, harmonic_c = 0;  // the factors' sums for the current term
    const double kBig = 1e200, kLogBig = std::log(1e200);
    long n = 0;
    bool done = false;
    for (; n < max_terms; ++n) {
        const double num = (a + n) * (b + n);
        if (num == 0) { done = true; break; }  // a or b a non-positive integer: a polynomial
        const double den = (c + n) * (n + 1.0);
        if (derivatives) {
            weighted.z += term * (num / (c + n));  // (n+1)·term_{n+1}/z, without dividing by z
            harmonic_a += 1 / (a + n);
            harmonic_b += 1 / (b + n);
            harmonic_c += 1 / (c + n);
        }
        term *= num / den * z;
        sum += term;
        if (derivatives) {
            weighted.a += term * harmonic_a;
            weighted.b += term * harmonic_b;
            weighted.c -= term * harmonic_c;
        }
        largest = std::fmax(largest, std::fabs(term));
        if (std::fabs(sum) > kBig || largest > kBig) {
            sum /= kBig;
            term /= kBig;
            largest /= kBig;
            log_scale += kLogBig;
            for (double* w : {&weighted.a, &weighted.b, &weighted.c, &weighted.z}) *w /= kBig;
        }
        // Stop only once the terms shrink for good (ratio below 1 from here on, as n grows).
        const double next_ratio = std::fabs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z);
        if (std::fabs(term) <= kSeriesEps * std::fabs(sum) && next_ratio < 1 && n > 1) {
            done = true;
            break;
        }
        if (term == 0) { done = true; break; }
    }
    // Signed terms that cancel to far below the largest one leave no trustworthy digits.
    out.converged = done && std::fabs(sum) >= 1e-8 * largest;
    if (sum == 0) {
        out.sign = 0;
        out.log_abs = -kInf;
    } else {
        out.sign = sum > 0 ? 1 : -1;
        out.log_abs = std::log(std::fabs(sum)) + log_scale;
    }
    if (derivatives) *derivatives = {weighted.a / sum, weighted.b / sum, weighted.c / sum, weighted.z / sum};
    return out;
}

Hyp2f1 invalid_hyp2f1() {
    Hyp2f1 bad;
    bad.converged = false;
    bad.log_abs = std::numeric_limits<double>::quiet_NaN();
    return bad;
}

Hyp2f1 scaled(Hyp2f1 f, double log_factor, int sign_factor) {
    f.log_abs += log_factor;
    f.sign *= sign_factor;
    return f;
}

// Sum of two signed log-magnitude values.
Hyp2f1 add(const Hyp2f1& u, const Hyp2f1& v) {
    if (u.sign == 0) return v;
    if (v.sign == 0) return u;
    Hyp2f1 out;
    out.converged = u.converged && v.converged;
    const Hyp2f1& big = u.log_abs >= v.log_abs ? u : v;
    const Hyp2f1& small = u.log_abs >= v.log_abs ? v : u;
    const double ratio = std::exp(small.log_abs - big.log_abs);
    const double s = big.sign + small.sign * ratio;  // relative to |big|
    if (s == 0) {
        out.sign = 0;
        out.log_abs = -kInf;
        return out;
    }
    out.sign = s > 0 ? 1 : -1;
    out.log_abs = big.log_abs + std::log(std::fabs(s));
    return out;
}

// 0 <= z < 1, c > 0: Euler for c−a−b < 0, else the series (or the connection formula near z = 1).
Hyp2f1 nonnegative_z(double a, double b, double c, double z, long max_terms);

// 1−z connection formula (DLMF 15.8.4), valid when m = c−a−b is not an integer.
// log_magnitude (optional) receives the log of the larger of the two terms, to detect cancellation.
Hyp2f1 connection(double a, double b, double c, double z, double* log_magnitude = nullptr) {
    const double m = c - a - b;
    const double w = 1 - z;
    Hyp2f1 total;
    total.sign = 0;
    total.log_abs = -kInf;
    int s_c = 1, s_m = 1, s_ca = 1, s_cb = 1, s_nm = 1, s_a = 1, s_b = 1;
    const double lg_c = log_abs_gamma(c, s_c);
    if (!is_nonpositive_integer(c - a) && !is_nonpositive_integer(c - b)) {
        const double lg = lg_c + log_abs_gamma(m, s_m) - log_abs_gamma(c - a, s_ca) - log_abs_gamma(c - b, s_cb);
        total = add(total, scaled(series(a, b, 1 - m, w), lg, s_c * s_m * s_ca * s_cb));
    }
    if (!is_nonpositive_integer(a) && !is_nonpositive_integer(b)) {
        const double lg = lg_c + log_abs_gamma(-m, s_nm) - log_abs_gamma(a, s_a) - log_abs_gamma(b, s_b) + m * std::log(w);
        const Hyp2f1 second = scaled(series(c - a, c - b, 1 + m, w), lg, s_c * s_nm * s_a * s_b);
        if (log_magnitude) *log_magnitude = std::fmax(total.sign != 0 ? total.log_abs : -kInf, second.log_abs);
        total = add(total, second);
    } else if (log_magnitude) {
        *log_magnitude = total.log_abs;
    }
    return total;
}

Hyp2f1 nonnegative_z(double a, double b, double c, double z, long max_terms) {
    const double m = c - a - b;
    if (z == 0) return Hyp2f1{};
    const double dist_to_int = std::fabs(m - std::round(m));
    // The series needs about 37/(1−z) terms; above z = 0.999 use the connection formula unless it
    // cancels badly (large parameters with a large |c−a−b|), then the long series after all.
    if (z > 0.999 && dist_to_int > 1e-3) {
        double magnitude = 0;
        const Hyp2f1 f = connection(a, b, c, z, &magnitude);
        if (f.converged && f.sign != 0 && f.log_abs > magnitude - 13.8) return f;  // <= 6 digits lost
    }
    if (z > 0.9999 && dist_to_int <= 1e-3) {
        // Too close to z = 1 for the series and too close to an integer m for the connection
        // formula: 2F1 is smooth in c, so evaluate it where m is 2e-3 and 4e-3 off the integer on
        // both sides and interpolate (cubic Lagrange) back to c; relative error about 1e-7.
        const double base = std::round(m);
        const double offsets[4] = {-4e-3, -2e-3, 2e-3, 4e-3};
        double u[4], v[4];
        bool converged = true;
        for (int k = 0; k < 4; ++k) {
            u[k] = base + offsets[k] - m;
            const Hyp2f1 f = connection(a, b, c + u[k], z);
            v[k] = f.value();
            converged = converged && f.converged;
        }
        double value = 0;
        for (int k = 0; k < 4; ++k) {
            double weight = 1;
            for (int j = 0; j < 4; ++j)
                if (j != k) weight *= (0 - u[j]) / (u[k] - u[j]);
            value += weight * v[k];
        }
        Hyp2f1 out;
        out.sign = value > 0 ? 1 : (value < 0 ? -1 : 0);
        out.log_abs = value == 0 ? -kInf : std::log(std::fabs(value));
        out.converged = converged;
        return out;
    }
    if (m < 0) return scaled(series(c - a, c - b, c, z, max_terms), m * std::log1p(-z), 1);
    return series(a, b, c, z, max_terms);
}

}  // namespace

double Hyp2f1::value() const { return sign == 0 ? 0.0 : sign * std::exp(log_abs); }

double log_gamma(double x) { return std::lgamma(x); }

double digamma(double x) {
    double result = 0;
    while (x < 10) {
        result -= 1 / x;
        x += 1;
    }
    const double inv = 1 / x, inv2 = inv * inv;
    result += std::log(x) - 0.5 * inv -
              inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
    return result;
}

double log_beta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

double log_sum_exp(double u, double v) {
    if (u == -kInf) return v;
    if (v == -kInf) return u;
    return u > v ? u + std::log1p(std::exp(v - u)) : v + std::log1p(std::exp(u - v));
}

double log_diff_exp(double u, double v) {
    if (v == -kInf) return u;
    if (u <= v) return -kInf;
    return u + std::log1p(-std::exp(v - u));
}

Hyp2f1 log_hyp2f1(double a, double b, double c, double z, long max_terms) {
    if (!(c > 0) || !(z < 1) || !std::isfinite(a) || !std::isfinite(b) || !std::isfinite(z)) return invalid_hyp2f1();
    if (z < 0) {
        // Pfaff: 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)), argument in [0, 1).
        const double w = z / (z - 1);
        Hyp2f1 inner = nonnegative_z(a, c - b, c, w, max_terms);
        return scaled(inner, -a * std::log1p(-z), 1);
    }
    return nonnegative_z(a, b, c, z, max_terms);
}

Hyp2f1 log_hyp2f1_with_derivatives(double a, double b, double c, double z, Hyp2f1LogDerivatives& derivatives,
                                   long max_terms) {
    derivatives = {};
    if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1) || !std::isfinite(a + b + c)) return invalid_hyp2f1();
    const double m = c - a - b;
    // As in log_hyp2f1, Euler's transformation when c−a−b < 0 makes the terms shrink faster; with
    // c > a and c > b its terms stay positive too. log 2F1 = m·log(1−z) + log 2F1(c−a, c−b; c; z).
    if (!(m < 0 && c > a && c > b)) return series(a, b, c, z, max_terms, &derivatives);
    Hyp2f1LogDerivatives inner;
    const double log_w = std::log1p(-z);
    const Hyp2f1 f = scaled(series(c - a, c - b, c, z, max_terms, &inner), m * log_w, 1);
    derivatives.a = -log_w - inner.a;
    derivatives.b = -log_w - inner.b;
    derivatives.c = log_w + inner.a + inner.b + inner.c;
    derivatives.z = inner.z - m / (1 - z);
    return f;
}

double hyp2f1(double a, double b, double c, double z) { return log_hyp2f1(a, b, c, z).value(); }

}  // namespace lcs::clv

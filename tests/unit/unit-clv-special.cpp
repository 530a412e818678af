#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/dense_lu.h"
#include "core/clv/special_functions.h"

using namespace lcs::clv;

TEST_CASE("clv special functions: digamma and log-beta against closed forms") {
    const double euler_gamma = 0.57721566490153286;
    CHECK(digamma(1) == doctest::Approx(-euler_gamma).epsilon(1e-14));
    CHECK(digamma(0.5) == doctest::Approx(-euler_gamma - 2 * std::log(2.0)).epsilon(1e-14));
    CHECK(digamma(10) == doctest::Approx(2.251752589066721).epsilon(1e-14));
    CHECK(log_beta(2, 3) == doctest::Approx(std::log(1.0 / 12)).epsilon(1e-14));
    CHECK(log_sum_exp(1000, 1000) == doctest::Approx(1000 + std::log(2.0)));
    CHECK(log_diff_exp(std::log(5.0), std::log(2.0)) == doctest::Approx(std::log(3.0)));
}

TEST_CASE("clv special functions: hyp2f1 against closed forms on every branch") {
    // 2F1(1,1;2;z) = −ln(1−z)/z; c−a−b = 0 (an integer) exercises the series and the c-interpolation.
    for (double z : {0.3, 0.95, 0.999, 0.999999}) {
        const double expected = -std::log1p(-z) / z;
        CHECK(hyp2f1(1, 1, 2, z) == doctest::Approx(expected).epsilon(z > 0.9999 ? 1e-6 : 1e-12));
    }
    // 2F1(a,b;b;z) = (1−z)^(−a): c−a−b = −a < 0 → Euler below 0.9, connection formula above.
    for (double z : {0.1, 0.5, 0.89, 0.97, 0.9999}) {
        CHECK(hyp2f1(0.7, 2.3, 2.3, z) == doctest::Approx(std::pow(1 - z, -0.7)).epsilon(1e-11));
    }
    // 2F1(1/2,1/2;3/2;z²) = asin(z)/z, c−a−b = 1/2.
    for (double z : {0.5, 0.99, 0.99999}) {
        CHECK(hyp2f1(0.5, 0.5, 1.5, z * z) == doctest::Approx(std::asin(z) / z).epsilon(1e-11));
    }
    // Negative argument (Pfaff): 2F1(1,1;2;−3) = ln 4 / 3.
    CHECK(hyp2f1(1, 1, 2, -3) == doctest::Approx(std::log(4.0) / 3).epsilon(1e-12));
    // Terminating series: 2F1(−2,b;c;z) is a quadratic.
    const double b = 1.5, c = 2.5, z = 0.4;
    CHECK(hyp2f1(-2, b, c, z) == doctest::Approx(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1))).epsilon(1e-14));
    // Huge parameters stay finite in log space: 2F1(a,b;b;z) with a = 1e4.
    const Hyp2f1 big = log_hyp2f1(1e4, 3, 3, 0.5);
    CHECK(big.log_abs == doctest::Approx(-1e4 * std::log(0.5)).epsilon(1e-12));
    CHECK(big.converged);
}

TEST_CASE("clv dense LU: solves, inverts and reports singular matrices") {
    const Matrix a = {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}};
    std::vector<double> x;
    REQUIRE(solve_linear(a, {5, 3, 4}, x));  // solution (1, 2, 1), needs pivoting (a[0][0] = 0)
    CHECK(x[0] == doctest::Approx(1));
    CHECK(x[1] == doctest::Approx(2));
    CHECK(x[2] == doctest::Approx(1));
    Matrix inv;
    REQUIRE(invert_matrix(a, inv));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            double s = 0;
            for (int k = 0; k < 3; ++k) s += a[i][k] * inv[k][j];
            CHECK(s == doctest::Approx(i == j ? 1.0 : 0.0));
        }
    CHECK_FALSE(solve_linear({{1, 2}, {2, 4}}, {1, 2}, x));
}

namespace {

// ∂ log 2F1 / ∂(a, b, c, z) by central differences of log_hyp2f1 at steps h and h/2, Richardson-
// extrapolated (error O(h⁴)); the step in z shrinks with 1 − z, where log 2F1 bends sharply.
Hyp2f1LogDerivatives numerical_log_derivatives(double a, double b, double c, double z) {
    const double at[4] = {a, b, c, z};
    const double steps[4] = {1e-3 * a, 1e-3 * b, 1e-3 * c, 1e-2 * std::fmin(z, 1 - z)};
    double d[4];
    for (int i = 0; i < 4; ++i) {
        auto central = [&](double h) {
            double up[4], down[4];
            for (int j = 0; j < 4; ++j) up[j] = down[j] = at[j];
            up[i] += h;
            down[i] -= h;
            const double f_up = log_hyp2f1(up[0], up[1], up[2], up[3]).log_abs;
            const double f_down = log_hyp2f1(down[0], down[1], down[2], down[3]).log_abs;
            return (f_up - f_down) / (2 * h);
        };
        d[i] = (4 * central(steps[i] / 2) - central(steps[i])) / 3;
    }
    return {d[0], d[1], d[2], d[3]};
}

}  // namespace

TEST_CASE("clv special functions: hyp2f1 log-derivatives against closed forms and central differences") {
    Hyp2f1LogDerivatives d;
    // 2F1(1,1;2;z) = −ln(1−z)/z: ∂ log/∂z = 1/((1−z)·(−ln(1−z))) − 1/z (c−a−b = 0: the plain series).
    for (double z : {0.3, 0.9, 0.99}) {
        const Hyp2f1 f = log_hyp2f1_with_derivatives(1, 1, 2, z, d);
        REQUIRE(f.converged);
        CHECK(f.log_abs == doctest::Approx(std::log(-std::log1p(-z) / z)).epsilon(1e-13));
        CHECK(d.z == doctest::Approx(1 / ((1 - z) * -std::log1p(-z)) - 1 / z).epsilon(1e-11));
    }
    // 2F1(a,b;b;z) = (1−z)^(−a): ∂ log/∂a = −ln(1−z), ∂/∂z = a/(1−z); moving b and c together changes nothing.
    log_hyp2f1_with_derivatives(0.7, 2.3, 2.3, 0.6, d);
    CHECK(d.a == doctest::Approx(-std::log1p(-0.6)).epsilon(1e-13));
    CHECK(d.z == doctest::Approx(0.7 / 0.4).epsilon(1e-13));
    CHECK(std::fabs(d.b + d.c) < 1e-13);
    // z = 0: the value is 1 and only ∂/∂z = ab/c is non-zero.
    const Hyp2f1 one = log_hyp2f1_with_derivatives(2.5, 1.5, 3.5, 0, d);
    CHECK(one.log_abs == 0);
    CHECK((d.a == 0 && d.b == 0 && d.c == 0));
    CHECK(d.z == doctest::Approx(2.5 * 1.5 / 3.5).epsilon(1e-15));
    // The Pareto/NBD shapes 2F1(ρ, b; ρ+1; z) (Euler's side: c−a−b < 0), and plain series (c−a−b > 0).
    struct Case { double a, b, c, z; };
    for (const Case& k : {Case{2.16, 1.61, 3.16, 0.3}, Case{2.16, 1.55, 3.16, 0.98}, Case{201.2, 200.5, 202.2, 0.05},
                          Case{201.2, 1.6, 202.2, 0.9}, Case{1.5, 0.4, 3.0, 0.6}, Case{0.3, 0.2, 0.4, 0.95}}) {
        CAPTURE(k.a); CAPTURE(k.b); CAPTURE(k.c); CAPTURE(k.z);
        const Hyp2f1 f = log_hyp2f1_with_derivatives(k.a, k.b, k.c, k.z, d);
        REQUIRE(f.converged);
        CHECK(f.log_abs == log_hyp2f1(k.a, k.b, k.c, k.z).log_abs);  // the same series, to the last bit
        const Hyp2f1LogDerivatives n = numerical_log_derivatives(k.a, k.b, k.c, k.z);
        CHECK(d.a == doctest::Approx(n.a).epsilon(1e-8));
        CHECK(d.b == doctest::Approx(n.b).epsilon(1e-8));
        CHECK(d.c == doctest::Approx(n.c).epsilon(1e-8));
        CHECK(d.z == doctest::Approx(n.z).epsilon(1e-8));
    }
    // Outside the precondition, and a term cap that is too small: not converged.
    CHECK_FALSE(log_hyp2f1_with_derivatives(1, 1, 2, -0.5, d).converged);
    CHECK_FALSE(log_hyp2f1_with_derivatives(-1, 1, 2, 0.5, d).converged);
    CHECK_FALSE(log_hyp2f1_with_derivatives(1, 1, 2, 0.999, d, 5000).converged);
}

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

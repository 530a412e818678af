// Small dense linear algebra for the CLV models: LU decomposition with partial pivoting, solve,
// inverse. Matrices are row-major vectors of rows; sizes are tiny (parameters, lifecycle stages).
#pragma once
#include <vector>

namespace lcs::clv {

using Matrix = std::vector<std::vector<double>>;

// Solves A·x = b. A must be square n×n with b of size n. Returns false (x untouched) when A is
// singular or numerically singular (a pivot below 1e-13 × the largest entry of A) or not finite.
bool solve_linear(const Matrix& a, const std::vector<double>& b, std::vector<double>& x);
// Inverse of A; false when singular (same test as solve_linear).
bool invert_matrix(const Matrix& a, Matrix& inverse);
// n×n identity.
Matrix identity_matrix(int n);

}  // namespace lcs::clv

#include "core/clv/dense_lu.h"

#include <cmath>
#include <utility>

namespace lcs::clv {

namespace {

// In-place LU with partial pivoting; perm records the row order.
bool decompose(Matrix& lu, std::vector<int>& perm) {
    const int n = static_cast<int>(lu.size());
    double scale = 0;
    for (const auto& row : lu) {
        if (static_cast<int>(row.size()) != n) return false;
        for (double v : row) {
            if (!std::isfinite(v)) return false;
            scale = std::fmax(scale, std::fabs(v));
        }
    }
    if (scale == 0) return n == 0;
    perm.resize(n);
    for (int i = 0; i < n; ++i) perm[i] = i;
    for (int k = 0; k < n; ++k) {
        int pivot = k;
        for (int i = k + 1; i < n; ++i)
            if (std::fabs(lu[i][k]) > std::fabs(lu[pivot][k])) pivot = i;
        if (std::fabs(lu[pivot][k]) <= 1e-13 * scale) return false;
        std::swap(lu[k], lu[pivot]);
        std::swap(perm[k], perm[pivot]);
        for (int i = k + 1; i < n; ++i) {
            const double f = lu[i][k] / lu[k][k];
            lu[i][k] = f;
            for (int j = k + 1; j < n; ++j) lu[i][j] -= f * lu[k][j];
        }
    }
    return true;
}

std::vector<double> substitute(const Matrix& lu, const std::vector<int>& perm, const std::vector<double>& b) {
    const int n = static_cast<int>(lu.size());
    std::vector<double> y(n);
    for (int i = 0; i < n; ++i) {
        double s = b[perm[i]];
        for (int j = 0; j < i; ++j) s -= lu[i][j] * y[j];
        y[i] = s;
    }
    for (int i = n - 1; i >= 0; --i) {
        double s = y[i];
        for (int j = i + 1; j < n; ++j) s -= lu[i][j] * y[j];
        y[i] = s / lu[i][i];
    }
    return y;
}

}  // namespace

bool solve_linear(const Matrix& a, const std::vector<double>& b, std::vector<double>& x) {
    if (b.size() != a.size()) return false;
    Matrix lu = a;
    std::vector<int> perm;
    if (!decompose(lu, perm)) return false;
    std::vector<double> y = substitute(lu, perm, b);
    for (double v : y)
        if (!std::isfinite(v)) return false;
    x = std::move(y);
    return true;
}

bool invert_matrix(const Matrix& a, Matrix& inverse) {
    const int n = static_cast<int>(a.size());
    Matrix lu = a;
    std::vector<int> perm;
    if (!decompose(lu, perm)) return false;
    Matrix out(n, std::vector<double>(n));
    for (int j = 0; j < n; ++j) {
        std::vector<double> e(n, 0.0);
        e[j] = 1;
        const std::vector<double> col = substitute(lu, perm, e);
        for (int i = 0; i < n; ++i) {
            if (!std::isfinite(col[i])) return false;
            out[i][j] = col[i];
        }
    }
    inverse = std::move(out);
    return true;
}

Matrix identity_matrix(int n) {
    Matrix m(n, std::vector<double>(n, 0.0));
    for (int i = 0; i < n; ++i) m[i][i] = 1;
    return m;
}

}  // namespace lcs::clv

#include "core/clv/guard_rails.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/clv/intervals.h"
#include "core/clv/plain_text.h"

namespace lcs::clv {
namespace {

double median(std::vector<double> values) {
    if (values.empty()) return NAN;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<long>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2) return upper;
    return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + static_cast<long>(mid)));
}

GuardRail rail(const char* id, GuardSeverity severity, Localized message, Localized fix) {
    return GuardRail{id, severity, std::move(message), std::move(fix)};
}

std::string unit_plural_en(PeriodUnit unit) { return std::string(period_unit_name(unit)) + "s"; }
std::string unit_zh(PeriodUnit unit) {
    switch (unit) {
        case PeriodUnit::day: return "天";
        case PeriodUnit::week: return "周";
        case PeriodUnit::month: return "个月";
    }
    return "";
}

// Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (sizes here are 2-4).
std::vector<double> symmetric_eigenvalues(std::vector<std::vector<double>> a) {
    const size_t n = a.size();
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0;
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j) off += a[i][j] * a[i][j];
        if (off < 1e-30) break;
        for (size_t p = 0; p < n; ++p)
            for (size_t q = p + 1; q < n; ++q) {
                if (a[p][q] == 0) continue;
                const double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                const double t = (theta >= 0 ? 1 : -1) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (size_t k = 0; k < n; ++k) {  // A <- A·J, then J'·A
                    const double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (size_t k = 0; k < n; ++k) {
                    const double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
            }
    }
    std::vector<double> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = a[i][i];
    return out;
}

// "3.2e+09"; "inf" when the matrix could not be inverted at all.
std::string condition_text(double condition) {
    if (!std::isfinite(condition)) return "inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1e", condition);
    return buffer;
}

}  // namespace

std::string fit_model_label(const std::string& model) {
    if (model == "bgnbd") return "BG/NBD";
    if (model == "paretonbd") return "Pareto/NBD";
    if (model == "bgbb") return "BG/BB";
    if (model == "gg") return "Gamma-Gamma";
    if (model == "sbg") return "sBG";
    return model;
}

double typical_purchase_gap(const std::vector<CustomerRfm>& customers) {
    std::vector<double> gaps;
    for (const CustomerRfm& c : customers)
        if (c.x > 0 && c.t_x > 0) gaps.push_back(c.t_x / c.x);
    return median(std::move(gaps));
}

std::optional<GuardRail> check_holdout_length(const std::vector<CustomerRfm>& customers, double holdout_length) {
    const double gap = typical_purchase_gap(customers);
    if (!std::isfinite(gap) || holdout_length >= gap) return std::nullopt;
    if (holdout_length <= 0)
        return rail("holdout_short", GuardSeverity::warning,
                    {"There is no holdout period: the fit cannot be checked against purchases it has not seen.",
                     "没有留出期：无法用模型未见过的购买来检验拟合。"},
                    fill_localized("Set a holdout of at least {0} periods (the typical gap between purchases), better two or three times that.",
                                   "把留出期设为至少{0}期（两次购买之间的典型间隔），最好是它的两到三倍。",
                                   {number_text(std::ceil(gap), 0)}));
    return rail("holdout_short", GuardSeverity::warning,
                fill_localized("The holdout ({0} periods) is shorter than the typical gap between purchases ({1} periods): "
                               "most customers cannot show within it whether they still buy, so holdout errors say little.",
                               "留出期（{0}期）短于两次购买之间的典型间隔（{1}期）：大多数客户在留出期内无法显示是否仍在购买，"
                               "留出期误差参考价值有限。",
                               {number_text(holdout_length, 1), number_text(gap, 1)}),
                fill_localized("Use a holdout of at least {0} periods, or an earlier calibration end.",
                               "把留出期设为至少{0}期，或把校准期结束日提前。", {number_text(std::ceil(gap), 0)}));
}

std::optional<GuardRail> check_repeat_buyers(const std::vector<CustomerRfm>& customers) {
    const long repeat = std::count_if(customers.begin(), customers.end(), [](const CustomerRfm& c) { return c.x > 0; });
    if (repeat >= kMinRepeatBuyers) return std::nullopt;
    return rail("few_repeat_buyers", GuardSeverity::warning,
                fill_localized("Only {0} of {1} customers bought again in the calibration period: with fewer than {2} repeat "
                               "buyers the model's parameters are poorly determined and its predictions vary a lot.",
                               "校准期内{1}位客户中只有{0}位再次购买：复购客户少于{2}位时，模型参数难以确定，预测波动很大。",
                               {std::to_string(repeat), std::to_string(customers.size()), std::to_string(kMinRepeatBuyers)}),
                {"Use a longer calibration period or more customers (e.g. several acquisition cohorts together); "
                 "read the values as rough.",
                 "延长校准期或纳入更多客户（例如合并多个获客批次）；把结果当作粗略估计。"});
}

std::optional<GuardRail> check_observation_length(const std::vector<CustomerRfm>& customers) {
    const double gap = typical_purchase_gap(customers);
    if (!std::isfinite(gap) || customers.empty()) return std::nullopt;
    const long short_ones =
        std::count_if(customers.begin(), customers.end(), [gap](const CustomerRfm& c) { return c.T < 2 * gap; });
    const double share = static_cast<double>(short_ones) / static_cast<double>(customers.size());
    if (share <= 0.5) return std::nullopt;
    return rail("short_observation", GuardSeverity::warning,
                fill_localized("{0}% of the customers were observed for less than two purchase cycles (2 × {1} periods): "
                               "the data can hardly tell a customer who left from one who has not bought yet.",
                               "{0}%的客户观察时间不足两个购买周期（2 × {1}期）：数据很难区分已流失的客户和尚未再次购买的客户。",
                               {number_text(100 * share, 0), number_text(gap, 1)}),
                {"Use a later calibration end (a shorter holdout) or leave out the newest customers; "
                 "treat P(alive) of recent customers with care.",
                 "把校准期结束日后移（缩短留出期）或剔除最新获得的客户；谨慎看待新客户的存活概率。"});
}

std::optional<GuardRail> check_period_unit(const std::vector<CustomerRfm>& customers, PeriodUnit unit) {
    std::vector<double> T;
    T.reserve(customers.size());
    for (const CustomerRfm& c : customers) T.push_back(c.T);
    const double m = median(std::move(T));
    if (!std::isfinite(m)) return std::nullopt;
    const std::string en = unit_plural_en(unit), zh = unit_zh(unit);
    if (m < kTinyMedianT)
        return rail("period_unit_tiny", GuardSeverity::warning,
                    fill_localized("Half the customers were observed for less than {0} {1}: in this unit the times are "
                                   "tiny, purchases pile up in few periods and recency loses its detail.",
                                   "一半客户的观察时间不足{0}{2}：以此为单位时间值过小，购买集中在少数几期，最近购买时间失去细节。",
                                   {number_text(m, 2), en, zh}),
                    {"Use a smaller period unit (weeks or days).", "改用更小的时间单位（周或天）。"});
    if (m > kHugeMedianT)
        return rail("period_unit_huge", GuardSeverity::warning,
                    fill_localized("Half the customers were observed for more than {0} {1}: in this unit the purchase rates "
                                   "per period are tiny and the parameters hard to read.",
                                   "一半客户的观察时间超过{0}{2}：以此为单位每期购买率极小，参数难以解读。",
                                   {number_text(m, 0), en, zh}),
                    {"Use a larger period unit (weeks or months).", "改用更大的时间单位（周或月）。"});
    return std::nullopt;
}

std::optional<GuardRail> check_convergence(const FitResult& fit) {
    if (fit.ok() && fit.converged) return std::nullopt;
    return rail("not_converged", GuardSeverity::error,
                fill_localized("The {0} fit did not converge ({1}): its parameters, expected purchases and values are not "
                               "maximum-likelihood estimates and must not be used.",
                               "{0}拟合未收敛：其参数、预期购买次数和价值都不是最大似然估计，不能使用。",
                               {fit_model_label(fit.model), fit.message}),
                {"Check the guard rails above (period unit, repeat buyers, holdout), change the data or settings and "
                 "fit again, or use the other model.",
                 "检查上面的各项提示（时间单位、复购客户数、留出期），调整数据或设置后重新拟合，或改用另一个模型。"});
}

std::optional<GuardRail> check_parameter_bounds(const FitResult& fit) {
    std::string names;
    for (size_t i = 0; i < fit.params.size() && i < fit.names.size(); ++i)
        if (!(fit.params[i] > 0) || std::fabs(std::log(fit.params[i])) > kBoundLogParam)
            names += (names.empty() ? "" : ", ") + fit.names[i];
    if (names.empty()) return std::nullopt;
    return rail("parameter_at_bound", GuardSeverity::warning,
                fill_localized("{0} of the {1} fit ran to the edge of its range: the data do not pin it down, and "
                               "predictions that depend on it are arbitrary.",
                               "{1}拟合的参数{0}跑到了取值范围的边缘：数据无法确定它，依赖它的预测是任意的。",
                               {names, fit_model_label(fit.model)}),
                {"Look at the period unit and the repeat buyers; if they are fine, the simpler model (or the other "
                 "one) may describe these data better.",
                 "检查时间单位和复购客户数；若都没问题，说明更简单的模型（或另一个模型）可能更适合这些数据。"});
}

std::vector<std::vector<double>> log_scale_information(const LogLikelihood& ll, const FitResult& fit, bool has_gradient) {
    if (!ll || fit.params.empty()) return {};
    for (double p : fit.params)
        if (!(p > 0)) return {};
    Matrix h = log_scale_hessian(ll, fit.params, has_gradient);
    for (auto& row : h)
        for (double& v : row) {
            if (!std::isfinite(v)) return {};
            v = -v;
        }
    return h;
}

std::optional<GuardRail> check_hessian(const std::vector<std::vector<double>>& information, const FitResult& fit) {
    double condition = INFINITY;
    if (!information.empty()) {
        // Symmetrise: central differences are symmetric only up to rounding.
        std::vector<std::vector<double>> m = information;
        for (size_t i = 0; i < m.size(); ++i)
            for (size_t j = 0; j < i; ++j) m[i][j] = m[j][i] = 0.5 * (information[i][j] + information[j][i]);
        const std::vector<double> eigen = symmetric_eigenvalues(std::move(m));
        const double lo = *std::min_element(eigen.begin(), eigen.end());
        const double hi = *std::max_element(eigen.begin(), eigen.end());
        if (lo > 0) condition = hi / lo;
    }
    if (condition <= kMaxHessianCondition) return std::nullopt;
    return rail("hessian_singular", GuardSeverity::warning,
                fill_localized("The {0} likelihood is nearly flat in some direction at the optimum (condition number {1}): "
                               "some combination of parameters is not identified, so their standard errors are huge or "
                               "missing and the parameters alone should not be interpreted.",
                               "{0}的似然函数在最优点附近某个方向上几乎是平的（条件数{1}）：某些参数组合无法由数据识别，"
                               "其标准误极大或无法计算，不应单独解读这些参数。",
                               {fit_model_label(fit.model), condition_text(condition)}),
                {"Predictions may still be fine (check the holdout); for parameters you can read, use more data or "
                 "a longer calibration period.",
                 "预测可能仍然可用（请看留出期检验）；若要解读参数，需要更多数据或更长的校准期。"});
}

std::optional<GuardRail> check_p_alive_no_repeat(const FitResult& fit, const std::vector<CustomerRfm>& customers) {
    if (fit.model != "bgnbd") return std::nullopt;
    const long none = std::count_if(customers.begin(), customers.end(), [](const CustomerRfm& c) { return c.x == 0; });
    if (none == 0) return std::nullopt;
    return rail("p_alive_no_repeat", GuardSeverity::info,
                fill_localized("The {0} customers who never bought again have P(alive) = 1. This is the BG/NBD model, not a "
                               "bug: a customer can only drop out right after a repeat purchase, so one who never repeated "
                               "cannot have dropped out. Their expected purchases are still low, because the model has "
                               "learnt that such customers buy rarely.",
                               "{0}位从未再次购买的客户存活概率为1。这是BG/NBD模型本身的设定，不是错误：客户只会在一次复购之后流失，"
                               "从未复购的客户因此不会被判为已流失。他们的预期购买次数仍然很低，因为模型知道这类客户很少购买。",
                               {std::to_string(none)}),
                {"Rank such customers by expected purchases, not by P(alive); or use Pareto/NBD, whose P(alive) falls "
                 "with the time since the first purchase.",
                 "对这类客户请按预期购买次数而不是存活概率排序；或改用Pareto/NBD，其存活概率随首次购买后的时间下降。"});
}

std::vector<GuardRail> pre_fit_guard_rails(const std::vector<CustomerRfm>& customers, PeriodUnit unit,
                                           double holdout_length) {
    std::vector<GuardRail> out;
    for (auto check : {check_holdout_length(customers, holdout_length), check_repeat_buyers(customers),
                       check_observation_length(customers), check_period_unit(customers, unit)})
        if (check) out.push_back(std::move(*check));
    return out;
}

std::vector<GuardRail> post_fit_guard_rails(const FitResult& fit, const std::vector<CustomerRfm>& customers,
                                            const LogLikelihood& ll, bool has_gradient) {
    std::vector<GuardRail> out;
    if (auto check = check_convergence(fit)) out.push_back(std::move(*check));
    if (auto check = check_parameter_bounds(fit)) out.push_back(std::move(*check));
    if (!out.empty() && out.front().id == "not_converged") return out;
    if (ll)
        if (auto check = check_hessian(log_scale_information(ll, fit, has_gradient), fit)) out.push_back(std::move(*check));
    if (auto check = check_p_alive_no_repeat(fit, customers)) out.push_back(std::move(*check));
    return out;
}

}  // namespace lcs::clv

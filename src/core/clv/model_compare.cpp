#include "core/clv/model_compare.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/clv/bgnbd.h"
#include "core/clv/pareto_nbd.h"
#include "core/clv/plain_text.h"
#include "core/clv/valuation.h"
#include "core/problem_kinds.h"

namespace lcs::clv {
namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// The per-customer count models, in table order.
struct Candidate {
    const char* model;
    CountModel kind;
};
constexpr Candidate kCandidates[] = {{"bgnbd", CountModel::bgnbd}, {"paretonbd", CountModel::pareto_nbd}};
constexpr size_t kCandidateCount = sizeof kCandidates / sizeof kCandidates[0];

LogLikelihood count_log_likelihood(CountModel kind, std::shared_ptr<const PooledRfm> data) {
    if (kind == CountModel::bgnbd)
        return [data](const std::vector<double>& q, std::vector<double>* grad) {
            return bgnbd_log_likelihood(BgNbdParams{q[0], q[1], q[2], q[3]}, *data, grad);
        };
    return [data](const std::vector<double>& q, std::vector<double>* grad) {
        return pareto_nbd_log_likelihood(ParetoNbdParams{q[0], q[1], q[2], q[3]}, *data, grad);
    };
}

// Purchases only at fixed occasions (yearly donations, renewals): no more distinct purchase days
// than periods of `unit` spanned by the data, plus one.
bool purchases_at_discrete_occasions(const std::vector<CustomerEvents>& events, PeriodUnit unit) {
    std::set<int32_t> days;
    for (const CustomerEvents& c : events)
        for (const Purchase& p : c.purchases) days.insert(p.date.days);
    if (days.size() < 2) return false;
    const double periods = (*days.rbegin() - *days.begin()) / period_length_days(unit);
    return static_cast<double>(days.size()) <= periods + 1;
}

void add_excluded(ModelComparison& out, const std::vector<CustomerEvents>* events) {
    out.excluded.push_back({"sbg", "sBG",
                            {"Cohort retention model: it predicts how many of a cohort survive each period, not each "
                             "customer's purchases, and its likelihood is on other data.",
                             "批次留存模型：它预测一个批次每期留存多少人，而不是每位客户的购买次数，其似然也基于不同的数据。"}});
    Localized bgbb_reason;
    if (!events)
        bgbb_reason = {"Needs dated purchases to tell whether they happen at fixed opportunities; these are summaries.",
                       "需要带日期的购买记录才能判断购买是否只发生在固定时机；这里只有汇总数据。"};
    else if (purchases_at_discrete_occasions(*events, out.settings.unit))
        bgbb_reason = {"The purchases happen at fixed opportunities, but BG/BB is not available in this build.",
                       "购买只发生在固定时机，但当前版本尚未提供 BG/BB。"};
    else
        bgbb_reason = {"For purchases only at fixed opportunities (yearly donations, renewals); here customers buy "
                       "at any time, so the continuous-time models apply.",
                       "适用于只在固定时机发生的购买（年度捐赠、续费）；这里客户随时可以购买，应使用连续时间模型。"};
    out.excluded.push_back({"bgbb", "BG/BB", bgbb_reason});
}

std::string percent_text(double fraction) {
    const double p = 100 * fraction;
    return number_text(p, p < 10 ? 1 : 0) + "%";
}

// Index of the usable model with the smallest finite value of `key` other than `skip`, or -1.
template <typename Key>
int lowest(const std::vector<ModelScore>& models, Key key, int skip = -1) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(models.size()); ++i) {
        if (i == skip || !models[static_cast<size_t>(i)].usable) continue;
        const double v = key(models[static_cast<size_t>(i)]);
        if (std::isfinite(v) && (best < 0 || v < key(models[static_cast<size_t>(best)]))) best = i;
    }
    return best;
}

}  // namespace

const char* compare_column_id(CompareColumn column) {
    switch (column) {
        case CompareColumn::log_likelihood: return "log_likelihood";
        case CompareColumn::aic: return "aic";
        case CompareColumn::bic: return "bic";
        case CompareColumn::holdout_mae: return "holdout_mae";
        case CompareColumn::holdout_rmse: return "holdout_rmse";
        case CompareColumn::curve_error: return "curve_error";
    }
    return "";
}

std::array<int, kCompareColumnCount> best_per_column(const std::vector<ModelScore>& models) {
    return {lowest(models, [](const ModelScore& m) { return -m.log_likelihood; }),
            lowest(models, [](const ModelScore& m) { return m.aic; }),
            lowest(models, [](const ModelScore& m) { return m.bic; }),
            lowest(models, [](const ModelScore& m) { return m.holdout_mae; }),
            lowest(models, [](const ModelScore& m) { return m.holdout_rmse; }),
            lowest(models, [](const ModelScore& m) { return m.curve_error; })};
}

// The rules are listed in the header comment; each numbered step is one block here.
Verdict compare_verdict(const std::vector<ModelScore>& models) {
    Verdict verdict;
    std::string en, zh;
    for (const ModelScore& m : models)  // 1.
        if (!m.usable) {
            en += m.label + " did not give usable estimates and is left out (" + m.not_usable.en + "). ";
            zh += m.label + " 未得到可用的估计，已排除（" + m.not_usable.in(Lang::zh) + "）。";
        }
    const auto aic = [](const ModelScore& m) { return m.aic; };
    const auto mae = [](const ModelScore& m) { return m.holdout_mae; };
    const int a = lowest(models, aic);
    if (a < 0) {  // 2.
        verdict.text = {en + "No model can be recommended.", zh + "没有可以推荐的模型。"};
        return verdict;
    }
    const ModelScore& A = models[static_cast<size_t>(a)];
    const int b = lowest(models, aic, a);
    if (b < 0) {
        verdict.recommended = a;
        verdict.text = {en + fill_text("Only {0} gave usable estimates; use {0}.", {A.label}),
                        zh + fill_text("只有 {0} 得到了可用的估计；建议使用 {0}。", {A.label})};
        return verdict;
    }
    const ModelScore& B = models[static_cast<size_t>(b)];
    const double d_aic = B.aic - A.aic;  // 3.
    const std::string d = number_text(d_aic, 1);
    Localized fit = d_aic < kEqualAic ? fill_localized("{0} and {1} fit equally (ΔAIC {2})", "{0} 与 {1} 拟合程度相当（ΔAIC {2}）", {A.label, B.label, d})
                  : d_aic < kClearAic ? fill_localized("{0} fits better than {1} (ΔAIC {2})", "{0} 比 {1} 拟合得更好（ΔAIC {2}）", {A.label, B.label, d})
                                      : fill_localized("{0} fits clearly better than {1} (ΔAIC {2})", "{0} 明显比 {1} 拟合得更好（ΔAIC {2}）", {A.label, B.label, d});
    const int p = lowest(models, mae);  // 4.
    const int q = p < 0 ? -1 : lowest(models, mae, p);
    double gain = NAN;
    Localized predict;
    if (q >= 0) {
        const ModelScore& P = models[static_cast<size_t>(p)];
        const ModelScore& Q = models[static_cast<size_t>(q)];
        gain = Q.holdout_mae > 0 ? (Q.holdout_mae - P.holdout_mae) / Q.holdout_mae : 0;
        predict = gain < kEqualMaeGain
                      ? fill_localized("both predict the holdout equally well (MAE {0} vs {1})", "两者对留出期的预测同样好（MAE {0} 对 {1}）",
                                       {number_text(P.holdout_mae, 3), number_text(Q.holdout_mae, 3)})
                      : fill_localized("{0} predicts the holdout {1} better (MAE)", "{0} 对留出期的预测好 {1}（MAE）",
                                       {P.label, percent_text(gain)});
    } else {
        predict = {"there is no holdout to check the predictions", "没有留出期可检验预测"};
    }
    int pick = a;  // 5.
    if (q >= 0 && gain >= kEqualMaeGain) pick = p;
    else if (d_aic >= kEqualAic) pick = a;
    else if (std::isfinite(A.curve_error) && std::isfinite(B.curve_error) && A.curve_error != B.curve_error)
        pick = A.curve_error < B.curve_error ? a : b;
    else if (A.params_count != B.params_count)
        pick = A.params_count < B.params_count ? a : b;
    verdict.recommended = pick;
    const std::string& use = models[static_cast<size_t>(pick)].label;
    verdict.text = {en + fit.en + "; " + predict.en + "; use " + use + ".",
                    zh + fit.zh + "；" + predict.zh + "；建议使用 " + use + "。"};
    return verdict;
}

void ModelComparer::configure(std::vector<CustomerEvents> events, const CompareSettings& settings) {
    work_ = ModelComparison{};
    work_.settings = settings;
    events_ = std::move(events);
    if (!work_.settings.holdout_end) work_.settings.holdout_end = last_purchase_date(events_).value_or(settings.calibration_end);
    const Date holdout_end = std::max(*work_.settings.holdout_end, settings.calibration_end);
    work_.settings.holdout_end = holdout_end;
    const double unit_days = period_length_days(settings.unit);
    work_.holdout_length = (holdout_end.days - settings.calibration_end.days) / unit_days;
    RfmBuildOptions options;
    options.calibration_end = settings.calibration_end;
    options.unit = settings.unit;
    options.holdout_end = holdout_end;
    rfm_ = build_rfm_summary(events_, options);
    time_resolution_ = 1.0 / unit_days;  // dated data is pooled on whole days, as the valuation does
    add_excluded(work_, &events_);
    start_model();
}

void ModelComparer::configure(std::vector<CustomerRfm> summaries, PeriodUnit unit) {
    work_ = ModelComparison{};
    work_.settings.unit = unit;
    events_.clear();
    rfm_ = std::move(summaries);
    for (CustomerRfm& c : rfm_) c.holdout_x = 0;
    time_resolution_ = 0;
    add_excluded(work_, nullptr);
    start_model();
}

void ModelComparer::start_model() {
    work_.customers = static_cast<int>(rfm_.size());
    work_.repeat_buyers =
        static_cast<int>(std::count_if(rfm_.begin(), rfm_.end(), [](const CustomerRfm& c) { return c.x > 0; }));
    if (auto problem = validate_rfm(rfm_)) {
        work_.problem = problem;
        phase_ = Phase::done;
        return;
    }
    work_.guard_rails = pre_fit_guard_rails(rfm_, work_.settings.unit, work_.holdout_length);
    pooled_ = std::make_shared<const PooledRfm>(pool_rfm(rfm_, time_resolution_));
    model_ = 0;
    start_fit();
}

void ModelComparer::start_fit() {
    fitter_.emplace(kCandidates[model_].kind == CountModel::bgnbd ? make_bgnbd_fitter(rfm_, time_resolution_)
                                                                  : make_pareto_nbd_fitter(rfm_, time_resolution_));
    phase_ = Phase::fit;
}

void ModelComparer::finish_fit() {
    const Candidate& c = kCandidates[model_];
    ModelScore score;
    score.model = c.model;
    score.label = fit_model_label(c.model);
    score.fit = fitter_->result();
    fitter_.reset();
    score.params_count = static_cast<int>(score.fit.names.size());
    score.counts.model = c.kind;
    if (score.fit.ok()) {
        if (c.kind == CountModel::bgnbd) score.counts.bgnbd = bgnbd_params(score.fit);
        else score.counts.pareto_nbd = pareto_nbd_params(score.fit);
    }
    const std::optional<Problem> unidentified = score.fit.ok() ? identification_problem(score.counts) : std::nullopt;
    score.usable = score.fit.ok() && score.fit.converged && !unidentified;
    if (!score.fit.ok()) score.not_usable = {score.fit.problem->message, "无法拟合：" + score.fit.problem->message};
    else if (!score.fit.converged) score.not_usable = {"the fit did not converge", "拟合未收敛"};
    else if (unidentified) score.not_usable = {unidentified->message, "参数无法识别：" + unidentified->message};
    if (score.fit.ok()) {
        score.log_likelihood = score.fit.log_likelihood;
        const double k = score.params_count;
        score.aic = 2 * k - 2 * score.log_likelihood;
        score.bic = k * std::log(static_cast<double>(std::max<size_t>(1, rfm_.size()))) - 2 * score.log_likelihood;
        score.guard_rails = post_fit_guard_rails(score.fit, rfm_, count_log_likelihood(c.kind, pooled_));
    }
    work_.models.push_back(std::move(score));
    next_customer_ = 0;
    abs_sum_ = square_sum_ = 0;
    phase_ = Phase::score;
}

void ModelComparer::score_customers(double budget_ms) {
    ModelScore& score = work_.models.back();
    if (!score.usable || work_.holdout_length <= 0 || rfm_.empty()) {
        phase_ = Phase::track;
        return;
    }
    const Clock::time_point begin = Clock::now();
    while (next_customer_ < rfm_.size()) {
        const CustomerRfm& c = rfm_[next_customer_++];
        const double error = c.holdout_x - count_expected_purchases(score.counts, c, work_.holdout_length);
        abs_sum_ += std::fabs(error);
        square_sum_ += error * error;
        if ((next_customer_ & 63) == 0 && elapsed_ms(begin) > budget_ms) return;
    }
    const double n = static_cast<double>(rfm_.size());
    score.holdout_mae = abs_sum_ / n;
    score.holdout_rmse = std::sqrt(square_sum_ / n);
    phase_ = Phase::track;
}

// The actual curve comes with the first model's; every model's curve is on the same dates.
void ModelComparer::track_model() {
    ModelScore& score = work_.models.back();
    if (!events_.empty() && (score.usable || work_.tracking.dates.empty())) {
        const PurchaseTracking t = purchase_tracking(score.counts, events_, work_.settings.calibration_end,
                                                     *work_.settings.holdout_end, work_.settings.unit);
        CompareTracking& tracking = work_.tracking;
        if (tracking.dates.empty()) {
            tracking.dates = t.dates;
            tracking.actual_cumulative = t.actual;
            for (size_t k = 0; k < t.actual.size(); ++k)
                tracking.actual_incremental.push_back(t.actual[k] - (k ? t.actual[k - 1] : 0));
            tracking.calibration_points = static_cast<int>(
                std::upper_bound(t.dates.begin(), t.dates.end(), work_.settings.calibration_end) - t.dates.begin());
        }
        if (score.usable) {
            score.cumulative = t.predicted;
            double sum = 0;
            int points = 0;
            for (size_t k = 0; k < t.predicted.size(); ++k) {
                score.incremental.push_back(t.predicted[k] - (k ? t.predicted[k - 1] : 0));
                if (static_cast<int>(k) < tracking.calibration_points || !(t.actual[k] > 0)) continue;
                sum += std::fabs(t.predicted[k] - t.actual[k]) / t.actual[k];
                ++points;
            }
            if (points > 0) score.curve_error = sum / points;
        }
    }
    if (++model_ < kCandidateCount) {
        start_fit();
        return;
    }
    finish();
}

void ModelComparer::finish() {
    work_.best = best_per_column(work_.models);
    work_.verdict = compare_verdict(work_.models);
    fitter_.reset();
    pooled_.reset();
    events_.clear();
    phase_ = Phase::done;
}

void ModelComparer::step(double budget_ms) {
    const Clock::time_point begin = Clock::now();
    bool first = true;  // at least one unit of work per call
    while (phase_ != Phase::done && (first || elapsed_ms(begin) < budget_ms)) {
        first = false;
        switch (phase_) {
            case Phase::fit:
                fitter_->step(1);
                if (fitter_->done()) finish_fit();
                break;
            case Phase::score: score_customers(budget_ms - elapsed_ms(begin)); break;
            case Phase::track: track_model(); break;
            case Phase::done: break;
        }
    }
}

float ModelComparer::progress() const {
    if (phase_ == Phase::done) return 1;
    const float per_model = 1.0f / kCandidateCount;
    float within = 0;
    if (phase_ == Phase::fit && fitter_) within = 0.7f * std::min(1.0f, fitter_->result().iterations / 120.0f);
    if (phase_ == Phase::score)
        within = 0.7f + 0.25f * (rfm_.empty() ? 1.0f : static_cast<float>(next_customer_) / rfm_.size());
    if (phase_ == Phase::track) within = 0.95f;
    return per_model * (static_cast<float>(model_) + within);
}

ModelComparison compare_models(std::vector<CustomerEvents> events, const CompareSettings& settings) {
    ModelComparer comparer;
    comparer.configure(std::move(events), settings);
    while (!comparer.done()) comparer.step(1000);
    return comparer.take_result();
}

ModelComparison compare_models(std::vector<CustomerRfm> summaries, PeriodUnit unit) {
    ModelComparer comparer;
    comparer.configure(std::move(summaries), unit);
    while (!comparer.done()) comparer.step(1000);
    return comparer.take_result();
}

}  // namespace lcs::clv

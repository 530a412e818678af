#include "core/clv/model_compare.h"

#include <algorithm>
#include <chrono>
#include <map>

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

// Periods of `unit` per opportunity when the purchases happen only at fixed opportunities (yearly
// donations, renewals): no more distinct purchase days than periods spanned, plus one; the
// opportunity is the median gap between those days in whole periods. 0 when they happen at any time.
int discrete_opportunity_periods(const std::vector<CustomerEvents>& events, PeriodUnit unit) {
    std::vector<int32_t> days;
    for (const CustomerEvents& c : events)
        for (const Purchase& p : c.purchases) days.push_back(p.date.days);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.size() < 3) return 0;
    const double unit_days = period_length_days(unit);
    if (static_cast<double>(days.size()) > (days.back() - days.front()) / unit_days + 1) return 0;
    std::vector<int32_t> gaps;
    for (size_t i = 1; i < days.size(); ++i) gaps.push_back(days[i] - days[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    return std::max(1, static_cast<int>(std::lround(gaps[gaps.size() / 2] / unit_days)));
}

void add_excluded(ModelComparison& out, bool dated, bool discrete) {
    out.excluded.push_back({"sbg", "sBG",
                            {"Cohort retention model: it predicts how many of a cohort survive each period, not each "
                             "customer's purchases, and its likelihood is on other data.",
                             "批次留存模型：它预测一个批次每期留存多少人，而不是每位客户的购买次数，其似然也基于不同的数据。"}});
    if (discrete) return;
    const Localized reason =
        dated ? Localized{"For purchases only at fixed opportunities (yearly donations, renewals); here customers buy "
                          "at any time, so the continuous-time models apply.",
                          "适用于只在固定时机发生的购买（年度捐赠、续费）；这里客户随时可以购买，应使用连续时间模型。"}
              : Localized{"Needs dated purchases to tell whether they happen at fixed opportunities; these are summaries.",
                          "需要带日期的购买记录才能判断购买是否只发生在固定时机；这里只有汇总数据。"};
    out.excluded.push_back({"bgbb", "BG/BB", reason});
}

// The models whose likelihoods are compared: the continuous-time ones when any is usable.
bool comparable_likelihood(const std::vector<ModelScore>& models, const ModelScore& m) {
    const bool any_continuous =
        std::any_of(models.begin(), models.end(), [](const ModelScore& s) { return s.usable && !s.opportunities; });
    return !any_continuous || !m.opportunities;
}

std::string percent_text(double fraction) {
    const double p = 100 * fraction;
    return number_text(p, p < 10 ? 1 : 0) + "%";
}

// Index of the usable model with the smallest finite value of `key` other than `skip`, or -1.
// likelihood: only the models with comparable likelihoods take part.
template <typename Key>
int lowest(const std::vector<ModelScore>& models, Key key, int skip = -1, bool likelihood = false) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(models.size()); ++i) {
        if (i == skip || !models[static_cast<size_t>(i)].usable) continue;
        if (likelihood && !comparable_likelihood(models, models[static_cast<size_t>(i)])) continue;
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
    return {lowest(models, [](const ModelScore& m) { return -m.log_likelihood; }, -1, true),
            lowest(models, [](const ModelScore& m) { return m.aic; }, -1, true),
            lowest(models, [](const ModelScore& m) { return m.bic; }, -1, true),
            lowest(models, [](const ModelScore& m) { return m.holdout_mae; }),
            lowest(models, [](const ModelScore& m) { return m.holdout_rmse; }),
            lowest(models, [](const ModelScore& m) { return m.curve_error; })};
}

// The fit sentence (rule 3): a against b on the AIC, or why there is no such comparison.
Localized fit_sentence(const std::vector<ModelScore>& models, int a, int b) {
    const ModelScore& A = models[static_cast<size_t>(a)];
    std::string apart_en, apart_zh;  // usable models whose likelihoods are not compared (BG/BB)
    for (const ModelScore& m : models)
        if (m.usable && !comparable_likelihood(models, m)) {
            apart_en += (apart_en.empty() ? "" : ", ") + m.label;
            apart_zh += (apart_zh.empty() ? "" : "、") + m.label;
        }
    Localized fit;
    if (b < 0) {
        fit = fill_localized("{0}'s likelihood is not comparable with {1}'s (opportunities, not continuous time)",
                             "{0} 的似然与 {1} 的不可比较（基于购买时机而非连续时间）", {A.label, apart_en});
        fit.zh = fill_text(fit.zh, {A.label, apart_zh});
        return fit;
    }
    const ModelScore& B = models[static_cast<size_t>(b)];
    const double d_aic = B.aic - A.aic;
    // The AIC difference, and which models' likelihoods stay out of it.
    const std::string d_en = number_text(d_aic, 1) + (apart_en.empty() ? "" : "; " + apart_en + ": likelihood on opportunities, not compared");
    const std::string d_zh = number_text(d_aic, 1) + (apart_zh.empty() ? "" : "；" + apart_zh + "：似然基于购买时机，不参与比较");
    const char* en = d_aic < kEqualAic ? "{0} and {1} fit equally (AIC difference {2})"
                   : d_aic < kClearAic ? "{0} fits better than {1} (AIC difference {2})"
                                       : "{0} fits clearly better than {1} (AIC difference {2})";
    const char* zh = d_aic < kEqualAic ? "{0} 与 {1} 拟合程度相当（AIC 相差 {2}）"
                   : d_aic < kClearAic ? "{0} 比 {1} 拟合得更好（AIC 相差 {2}）"
                                       : "{0} 明显比 {1} 拟合得更好（AIC 相差 {2}）";
    fit = {fill_text(en, {A.label, B.label, d_en}), fill_text(zh, {A.label, B.label, d_zh})};
    return fit;
}

// Rule 6: the recommended model's parameters are at a bound or not identified.
void add_caution(const ModelScore& m, Localized& text) {
    const bool shaky = std::any_of(m.guard_rails.begin(), m.guard_rails.end(), [](const GuardRail& g) {
        return g.id == "parameter_at_bound" || g.id == "hessian_singular";
    });
    if (!shaky) return;
    text.en += fill_text(" Read {0}'s parameters with care: the data do not pin them all down (see its checks).", {m.label});
    text.zh += fill_text("解读 {0} 的参数时请谨慎：数据无法确定全部参数（见其检查提示）。", {m.label});
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
    const int a = lowest(models, aic, -1, true);
    if (a < 0) {  // 2.
        verdict.text = {en + "No model can be recommended.", zh + "没有可以推荐的模型。"};
        return verdict;
    }
    const ModelScore& A = models[static_cast<size_t>(a)];
    const int b = lowest(models, aic, a, true);
    const int other = b >= 0 ? b : lowest(models, aic, a);
    if (other < 0) {
        verdict.recommended = a;
        verdict.text = {en + fill_text("Only {0} gave usable estimates; use {0}.", {A.label}),
                        zh + fill_text("只有 {0} 得到了可用的估计；建议使用 {0}。", {A.label})};
        add_caution(A, verdict.text);  // 6.
        return verdict;
    }
    const Localized fit = fit_sentence(models, a, b);  // 3.
    const double d_aic = b >= 0 ? models[static_cast<size_t>(b)].aic - A.aic : 0;
    const int p = lowest(models, mae);  // 4.
    const int q = p < 0 ? -1 : lowest(models, mae, p);
    double gain = NAN;
    Localized predict{"there is no holdout to check the predictions", "没有留出期可检验预测"};
    if (q >= 0) {
        const ModelScore& P = models[static_cast<size_t>(p)];
        const ModelScore& Q = models[static_cast<size_t>(q)];
        gain = Q.holdout_mae > 0 ? (Q.holdout_mae - P.holdout_mae) / Q.holdout_mae : 0;
        predict = gain < kEqualMaeGain
                      ? fill_localized("both predict the holdout equally well (MAE {0} vs {1})", "两者对留出期的预测同样好（MAE {0} 对 {1}）",
                                       {number_text(P.holdout_mae, 3), number_text(Q.holdout_mae, 3)})
                      : fill_localized("{0} predicts the holdout {1} better (MAE)", "{0} 对留出期的预测好 {1}（MAE）",
                                       {P.label, percent_text(gain)});
    }
    const ModelScore& B = models[static_cast<size_t>(other)];
    int pick = a;  // 5.
    if (q >= 0 && gain >= kEqualMaeGain) pick = p;
    else if (d_aic >= kEqualAic) pick = a;
    else if (std::isfinite(A.curve_error) && std::isfinite(B.curve_error) && A.curve_error != B.curve_error)
        pick = A.curve_error < B.curve_error ? a : other;
    else if (A.params_count != B.params_count)
        pick = A.params_count < B.params_count ? a : other;
    verdict.recommended = pick;
    const std::string& use = models[static_cast<size_t>(pick)].label;
    verdict.text = {en + fit.en + "; " + predict.en + "; use " + use + ".",
                    zh + fit.zh + "；" + predict.zh + "；建议使用 " + use + "。"};
    add_caution(models[static_cast<size_t>(pick)], verdict.text);  // 6.
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
    kinds_ = {Kind::bgnbd, Kind::pareto_nbd};
    periods_per_opportunity_ = discrete_opportunity_periods(events_, settings.unit);
    opportunities_.clear();
    if (periods_per_opportunity_ > 0) {
        kinds_.push_back(Kind::bgbb);
        for (const CustomerOpportunities& c :
             customer_opportunities(events_, {settings.calibration_end, settings.unit, periods_per_opportunity_}))
            opportunities_.push_back(c.row);
    }
    add_excluded(work_, true, periods_per_opportunity_ > 0);
    start_model();
}

void ModelComparer::configure(std::vector<CustomerRfm> summaries, PeriodUnit unit) {
    work_ = ModelComparison{};
    work_.settings.unit = unit;
    events_.clear();
    rfm_ = std::move(summaries);
    for (CustomerRfm& c : rfm_) c.holdout_x = 0;
    time_resolution_ = 0;
    kinds_ = {Kind::bgnbd, Kind::pareto_nbd};
    periods_per_opportunity_ = 0;
    opportunities_.clear();
    add_excluded(work_, false, false);
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
    model_ = 0;
    start_fit();
}

void ModelComparer::start_fit() {
    switch (kinds_[model_]) {
        case Kind::bgnbd: fitter_.emplace(make_bgnbd_fitter(rfm_, time_resolution_)); break;
        case Kind::pareto_nbd: fitter_.emplace(make_pareto_nbd_fitter(rfm_, time_resolution_)); break;
        case Kind::bgbb: fitter_.emplace(make_bgbb_fitter(condense_bgbb_rows(opportunities_))); break;
    }
    phase_ = Phase::fit;
}

// The table row of the finished fit: usability, information criteria and guard rails.
void ModelComparer::finish_fit() {
    const Kind kind = kinds_[model_];
    ModelScore score;
    score.fit = fitter_->result();
    score.model = score.fit.model;
    score.label = fit_model_label(score.model);
    score.params_count = static_cast<int>(score.fit.names.size());
    score.opportunities = kind == Kind::bgbb;
    score.periods_per_opportunity = score.opportunities ? periods_per_opportunity_ : 0;
    score.counts.model = kind == Kind::bgnbd ? CountModel::bgnbd : CountModel::pareto_nbd;
    if (score.fit.ok() && kind == Kind::bgnbd) score.counts.bgnbd = bgnbd_params(score.fit);
    if (score.fit.ok() && kind == Kind::pareto_nbd) score.counts.pareto_nbd = pareto_nbd_params(score.fit);
    const std::optional<Problem> unidentified =
        score.fit.ok() && kind != Kind::bgbb ? identification_problem(score.counts) : std::nullopt;
    score.usable = score.fit.ok() && score.fit.converged && !unidentified;
    if (!score.fit.ok()) score.not_usable = {score.fit.problem->message, "无法拟合：" + score.fit.problem->message};
    else if (!score.fit.converged) score.not_usable = {"the fit did not converge", "拟合未收敛"};
    else if (unidentified) score.not_usable = {unidentified->message, "参数无法识别：" + unidentified->message};
    if (score.usable) {  // a fit that did not converge has no estimates to compare (its LL stays in fit)
        score.log_likelihood = score.fit.log_likelihood;
        const double k = score.params_count;
        score.aic = 2 * k - 2 * score.log_likelihood;
        score.bic = k * std::log(static_cast<double>(std::max<size_t>(1, rfm_.size()))) - 2 * score.log_likelihood;
    }
    if (score.fit.ok())
        score.guard_rails = post_fit_guard_rails(score.fit, rfm_, fitter_->log_likelihood(), fitter_->has_gradient());
    fitter_.reset();
    work_.models.push_back(std::move(score));
    next_customer_ = 0;
    abs_sum_ = square_sum_ = 0;
    phase_ = Phase::score;
}

// Expected purchases of customer i (index into rfm_) over the holdout; BG/BB over the whole
// opportunities the holdout holds.
double ModelComparer::expected_holdout(const ModelScore& score, size_t i) const {
    if (!score.opportunities) return count_expected_purchases(score.counts, rfm_[i], work_.holdout_length);
    const BgBbRow& row = opportunities_[i];
    const int m = static_cast<int>(std::floor(work_.holdout_length / score.periods_per_opportunity + 1e-9));
    return bgbb_expected_transactions(bgbb_params(score.fit), row.x, row.t_x, row.n, m);
}

void ModelComparer::score_customers(double budget_ms) {
    ModelScore& score = work_.models.back();
    if (!score.usable || work_.holdout_length <= 0 || rfm_.empty() ||
        (score.opportunities && opportunities_.size() != rfm_.size())) {
        phase_ = Phase::track;
        return;
    }
    const Clock::time_point begin = Clock::now();
    while (next_customer_ < rfm_.size()) {
        const size_t i = next_customer_++;
        const double error = rfm_[i].holdout_x - expected_holdout(score, i);
        abs_sum_ += std::fabs(error);
        square_sum_ += error * error;
        if ((next_customer_ & 63) == 0 && elapsed_ms(begin) > budget_ms) return;
    }
    const double n = static_cast<double>(rfm_.size());
    score.holdout_mae = abs_sum_ / n;
    score.holdout_rmse = std::sqrt(square_sum_ / n);
    phase_ = Phase::track;
}

// BG/BB's expected cumulative repeat purchases at each tracking date: Σ over customers of the
// unconditional expectation over the whole opportunities since their first purchase.
void ModelComparer::track_bgbb(ModelScore& score) {
    const BgBbParams p = bgbb_params(score.fit);
    const double opportunity_days = score.periods_per_opportunity * period_length_days(work_.settings.unit);
    std::map<int32_t, int> first_days;  // first purchase day -> customers (those in rfm_)
    for (const CustomerEvents& c : events_) {
        if (c.purchases.empty()) continue;
        int32_t first = c.purchases.front().date.days;
        for (const Purchase& q : c.purchases) first = std::min(first, q.date.days);
        if (first <= work_.settings.calibration_end.days) ++first_days[first];
    }
    std::map<int, double> by_opportunities;  // memo: opportunities elapsed -> E[X]
    for (const Date& date : work_.tracking.dates) {
        double total = 0;
        for (const auto& [first, n] : first_days) {
            const int m = static_cast<int>(std::floor((date.days - first) / opportunity_days + 1e-9));
            if (m <= 0) continue;
            auto found = by_opportunities.find(m);
            if (found == by_opportunities.end())
                found = by_opportunities.emplace(m, bgbb_expected_transactions(p, 0, 0, 0, m)).first;
            total += n * found->second;
        }
        score.cumulative.push_back(total);
    }
}

// The actual curve comes with the first model's; every model's curve is on the same dates.
void ModelComparer::track_model() {
    ModelScore& score = work_.models.back();
    CompareTracking& tracking = work_.tracking;
    if (!events_.empty() && tracking.dates.empty()) {
        const PurchaseTracking t = purchase_tracking(score.counts, events_, work_.settings.calibration_end,
                                                     *work_.settings.holdout_end, work_.settings.unit);
        tracking.dates = t.dates;
        tracking.actual_cumulative = t.actual;
        for (size_t k = 0; k < t.actual.size(); ++k)
            tracking.actual_incremental.push_back(t.actual[k] - (k ? t.actual[k - 1] : 0));
        tracking.calibration_points = static_cast<int>(
            std::upper_bound(t.dates.begin(), t.dates.end(), work_.settings.calibration_end) - t.dates.begin());
        if (score.usable) score.cumulative = t.predicted;
    } else if (!events_.empty() && score.usable) {
        if (score.opportunities) track_bgbb(score);
        else score.cumulative = purchase_tracking(score.counts, events_, work_.settings.calibration_end,
                                                  *work_.settings.holdout_end, work_.settings.unit).predicted;
    }
    double sum = 0;
    int points = 0;
    for (size_t k = 0; k < score.cumulative.size() && k < tracking.actual_cumulative.size(); ++k) {
        score.incremental.push_back(score.cumulative[k] - (k ? score.cumulative[k - 1] : 0));
        const double actual = tracking.actual_cumulative[k];
        if (static_cast<int>(k) < tracking.calibration_points || !(actual > 0)) continue;
        sum += std::fabs(score.cumulative[k] - actual) / actual;
        ++points;
    }
    if (points > 0) score.curve_error = sum / points;
    if (++model_ < kinds_.size()) {
        start_fit();
        return;
    }
    finish();
}

void ModelComparer::finish() {
    work_.best = best_per_column(work_.models);
    work_.verdict = compare_verdict(work_.models);
    fitter_.reset();
    events_.clear();
    opportunities_.clear();
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
    const float per_model = 1.0f / static_cast<float>(std::max<size_t>(1, kinds_.size()));
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

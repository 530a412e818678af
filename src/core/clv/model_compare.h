// Which model to believe: every repeat-purchase model that applies to the data fitted on the same
// calibration summaries, side by side (log-likelihood, parameters, AIC, BIC, holdout errors of the
// per-customer repeat purchases and of the aggregate cumulative curve), the tracking data (actual vs
// each model's expected cumulative and per-period purchases, calibration/holdout split) and a
// verdict in plain words in English and Chinese, computed from the table by the rules below.
// The fits are the same ModelFitter runs the valuation uses (make_bgnbd_fitter,
// make_pareto_nbd_fitter, day resolution on dated data); the curves come from purchase_tracking.
// BG/BB joins when the dated purchases happen at fixed opportunities (no more distinct purchase days
// than periods spanned, plus one; an opportunity is the median gap between those days, in whole
// periods): it is fitted on the opportunity table (bgbb_data.h). Its likelihood is a probability of
// patterns over opportunities, not a density over continuous time, so its LL, AIC and BIC are not
// compared with the continuous-time models' (best marks and the fit sentence use the
// continuous-time models when there are any); the holdout errors compare all models.
//
// Verdict rules (compare_verdict), on the usable models only (fit converged, parameters identified):
//  1. Not usable models are named first ("Pareto/NBD did not converge and is left out.").
//  2. None usable: says so. One usable: "Only X gave usable estimates; use X."
//  3. Fit: among the models whose likelihoods are comparable (see above), the lowest AIC (a) against the runner-up (b), Burnham & Anderson's scale:
//     AIC difference < 2 "a and b fit equally", < 10 "a fits better than b", else "a fits clearly better than b".
//  4. Prediction (when there is a holdout): the lowest per-customer holdout MAE (p) against the
//     runner-up (q): relative gain (MAE_q − MAE_p) / MAE_q below kEqualMaeGain "predict the holdout
//     equally well", else "p predicts the holdout N% better (MAE)".
//  5. Recommendation: p when the holdout gain is at least kEqualMaeGain (predicting unseen purchases
//     is what a CLV needs); else a when the AIC difference is >= 2; else the lower aggregate curve error; else the
//     fewer parameters; else a.
//  6. When the recommended model has a parameter at a bound or a near-singular Hessian (guard
//     rails), the verdict adds that its parameters must be read with care.
//
// Index: CompareSettings · ModelScore / ModelComparison · best_per_column · compare_verdict ·
//        ModelComparer (sliced) · compare_models (one call)
#pragma once
#include <array>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clv/bgbb.h"
#include "core/clv/bgbb_data.h"
#include "core/clv/clv_diagnostics.h"
#include "core/clv/customer_clv.h"
#include "core/clv/fit.h"
#include "core/clv/guard_rails.h"
#include "core/clv/rfm_summary.h"
#include "core/localized.h"
#include "core/problem.h"

namespace lcs::clv {

// A holdout MAE gain below this (relative) counts as "equally well".
inline constexpr double kEqualMaeGain = 0.02;
// ΔAIC thresholds of the fit sentence (Burnham & Anderson 2002: < 2 substantial support for both,
// > 10 essentially none for the worse model).
inline constexpr double kEqualAic = 2;
inline constexpr double kClearAic = 10;

struct CompareSettings {
    PeriodUnit unit = PeriodUnit::week;  // time unit of t_x, T, the holdout length and the tracking periods
    Date calibration_end;                // last day of calibration (purchases on it count)
    std::optional<Date> holdout_end;     // last day of the holdout; nullopt = the last purchase in the data
};

enum class CompareColumn { log_likelihood = 0, aic, bic, holdout_mae, holdout_rmse, curve_error };
inline constexpr int kCompareColumnCount = 6;
const char* compare_column_id(CompareColumn column);  // "log_likelihood", "aic", ..., "curve_error"

// One fitted model's row of the table.
struct ModelScore {
    std::string model;        // fit id: "bgnbd", "paretonbd", "bgbb"
    std::string label;        // "BG/NBD", "Pareto/NBD", "BG/BB"
    FitResult fit;
    CountParams counts;       // BG/NBD, Pareto/NBD: the fitted parameters as the prediction functions take them
    bool opportunities = false;  // BG/BB: fitted on opportunities; its LL is not comparable with the others'
    int periods_per_opportunity = 0;  // BG/BB: periods of the comparison's unit per opportunity
    bool usable = false;      // the fit succeeded, converged and is identified: its values are estimates
    Localized not_usable;     // why not (empty when usable)
    int params_count = 0;
    double log_likelihood = NAN;  // total over the calibration summaries; NaN (like AIC, BIC) unless usable
    double aic = NAN;             // 2k − 2LL
    double bic = NAN;             // k·ln(customers) − 2LL
    double holdout_mae = NAN;     // mean |holdout purchases − expected| over customers (NaN: no holdout)
    double holdout_rmse = NAN;    // root mean square of the same differences
    double curve_error = NAN;     // mean |expected − actual| / actual of the cumulative curve at the holdout periods
    std::vector<double> cumulative;   // expected cumulative repeat purchases at CompareTracking::dates
    std::vector<double> incremental;  // expected repeat purchases in each tracking period
    std::vector<GuardRail> guard_rails;  // after the fit (post_fit_guard_rails)
};

// A model that applies to no data of this kind, or not to these data, and why.
struct ExcludedModel {
    std::string model;
    std::string label;
    Localized reason;
};

struct CompareTracking {
    std::vector<Date> dates;                // end of each period (purchase_tracking)
    std::vector<double> actual_cumulative;  // repeat purchases up to each date
    std::vector<double> actual_incremental; // in each period (the first: since the first purchase)
    int calibration_points = 0;             // dates[k] <= calibration end for k < calibration_points
};

struct Verdict {
    int recommended = -1;  // index into ModelComparison::models; -1 when no model is usable
    Localized text;
};

struct ModelComparison {
    CompareSettings settings;  // holdout_end resolved when there is dated data
    int customers = 0;
    int repeat_buyers = 0;
    double holdout_length = 0;  // periods of settings.unit (0: no holdout)
    std::vector<ModelScore> models;
    std::vector<ExcludedModel> excluded;
    std::array<int, kCompareColumnCount> best{};  // index into models per column, -1 when none (best_per_column)
    CompareTracking tracking;                     // empty for summaries without dates
    std::vector<GuardRail> guard_rails;           // before the fits (pre_fit_guard_rails)
    Verdict verdict;
    std::optional<Problem> problem;               // nothing to compare (no customers, invalid summaries)
    bool ok() const { return !problem.has_value(); }
};

// The best usable model per column (highest LL; lowest AIC, BIC, MAE, RMSE, curve error), -1 where
// no usable model has a finite value; LL, AIC and BIC among the comparable likelihoods only (the
// continuous-time models when any is usable). Ties go to the earlier row.
std::array<int, kCompareColumnCount> best_per_column(const std::vector<ModelScore>& models);
// The verdict by the rules in the header comment.
Verdict compare_verdict(const std::vector<ModelScore>& models);

// A comparison that runs a slice at a time (the app's job runner); configure() starts over. Do not
// copy or move it while it runs (the fitter it holds refers to itself).
class ModelComparer {
public:
    // Dated purchases: summaries up to settings.calibration_end, holdout after it, tracking curves.
    void configure(std::vector<CustomerEvents> events, const CompareSettings& settings);
    // Ready-made summaries (no dates): no holdout errors, no tracking; holdout_x is ignored.
    void configure(std::vector<CustomerRfm> summaries, PeriodUnit unit);
    // About budget_ms of work (at least one unit: a fit iteration, a Hessian column, a batch of
    // customers or one model's curve). No-op when done().
    void step(double budget_ms);
    bool done() const { return phase_ == Phase::done; }
    float progress() const;  // 0..1
    const ModelComparison& result() const { return work_; }
    ModelComparison take_result() { return std::move(work_); }

private:
    enum class Phase { fit, score, track, done };
    enum class Kind { bgnbd, pareto_nbd, bgbb };
    void start_model();
    void start_fit();
    void finish_fit();
    void score_customers(double budget_ms);
    void track_model();
    void track_bgbb(ModelScore& score);
    double expected_holdout(const ModelScore& score, size_t customer) const;
    void finish();

    Phase phase_ = Phase::done;
    std::vector<CustomerEvents> events_;
    std::vector<CustomerRfm> rfm_;
    double time_resolution_ = 0;
    std::vector<Kind> kinds_;              // the models to fit, in table order
    int periods_per_opportunity_ = 0;      // > 0: the purchases happen at fixed opportunities (BG/BB)
    std::vector<BgBbRow> opportunities_;   // BG/BB: one row per customer of rfm_, same order
    std::optional<ModelFitter> fitter_;
    size_t model_ = 0;          // index into kinds_
    size_t next_customer_ = 0;  // scoring position
    double abs_sum_ = 0, square_sum_ = 0;
    ModelComparison work_;
};

// One-call forms (CLI, tests).
ModelComparison compare_models(std::vector<CustomerEvents> events, const CompareSettings& settings);
ModelComparison compare_models(std::vector<CustomerRfm> summaries, PeriodUnit unit);

}  // namespace lcs::clv

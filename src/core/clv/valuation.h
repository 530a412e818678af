// One valuation pipeline, shared by the app (ClvSession schedules it a slice per frame) and the CLI
// (`lifecycle clv`, run to completion): which models run on which data, the calibration end date,
// the conversion of discount and horizon between period units, the checks that refuse a fit the
// data cannot identify, the per-customer values and the per-stage summary. Anything that values
// customers goes through here, so every front end gets the same numbers and the same problems.
//
// Which date the values are as of (§5 of issue 14, as practitioners do): a count model is first fitted
// on the purchases up to the calibration end and checked against the holdout (ValuationResult::holdout,
// what the diagnostics read); then it is fitted again on all purchases up to the analysis date, and
// that refit values the customers, the stages and the equity (ValuationResult::valued_at). The other
// models have no holdout check and value at the analysis date directly. value_at_analysis_date = false
// keeps the values at the calibration end (the literature's set-up, and summaries, which have no dates).
//
// Problem kinds in ValuationResult::problem (core/problem_kinds.h):
//   fit.no_data, fit.bad_data      the summaries cannot be fitted (no customers, invalid rows)
//   fit.not_identified             the data cannot identify the model: no repeat buyer, BG/NBD a + b <= 1
//                                  (expected purchases undefined), Gamma-Gamma q <= 1 (mean spend infinite),
//                                  sBG with nobody churned
//   clv.bad_input                  settings the model cannot use (simple formula with retention 1 and no
//                                  discount, a dated model on summaries without dates, Markov without stages)
//   clv.no_history, clv.singular   Markov migration: fewer than two monthly snapshots, or no finite value
#pragma once
#include <cmath>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clv/cohort_clv.h"
#include "core/clv/customer_clv.h"
#include "core/clv/fit.h"
#include "core/clv/new_customer_clv.h"
#include "core/clv/rfm_summary.h"
#include "core/lifecycle/facts.h"
#include "core/lifecycle/model.h"
#include "core/lifecycle/model_scores.h"
#include "core/lifecycle/snapshots.h"
#include "core/problem.h"
#include "core/value/stage_value.h"
#include "core/workspace.h"

namespace lcs::clv {

enum class ValuationModel { bgnbd_gg = 0, pareto_gg, sbg, markov, simple };
inline constexpr int kValuationModelCount = 5;
const char* valuation_model_label(ValuationModel model);  // English, e.g. "BG/NBD + Gamma-Gamma" (for tr())
const char* valuation_model_id(ValuationModel model);     // "bgnbd", "paretonbd", "sbg", "markov", "simple"
std::optional<ValuationModel> parse_valuation_model(std::string_view id);  // one of the ids above
bool is_count_model(ValuationModel model);  // BG/NBD or Pareto/NBD purchases with Gamma-Gamma spend

struct ValuationSettings {
    ValuationModel model = ValuationModel::bgnbd_gg;
    // The period of holdout, horizon, discount, retention and cohort length.
    PeriodUnit unit = PeriodUnit::month;
    // Count models: time unit of t_x and T in the fit (the CLI's --data-unit); nullopt = unit. The
    // value does not depend on it beyond the optimiser's tolerance (the models scale with time).
    std::optional<PeriodUnit> fit_unit;
    int holdout_periods = 6;              // calibration ends this many periods before the analysis date
    std::optional<Date> calibration_end;  // set: used as is instead of the holdout
    int horizon = 12;                     // periods of `unit`, >= 0
    double discount = 0.01;               // per period of `unit`, >= 0
    double margin = 0.3;                  // profit share of spend
    double retention = 0.8;               // simple formula only, per period
    int cohort_periods = 12;              // sBG cohort length, periods >= 1
    bool value_at_analysis_date = true;   // dated data: values from a refit on all data (header comment)
};

// One valued customer.
struct ValuationRow {
    CustomerClv value;  // id, clv, p_alive, expected purchases, expected spend (NaN = the model has none)
    int x = -1;         // count models: calibration repeat purchases (-1 = n/a)
    double t_x = NAN, T = NAN;  // count models: in the fit unit
    int holdout_x = -1;  // count models: purchases in the holdout (-1 = not in the calibration fit)
    int customer = -1;  // index into the workspace's customers (-1: valued from summaries)
};

struct StageValuationRow {
    int customers = 0;
    StageValue value;     // CLV aggregated per stage (stage at ValuationResult::valued_at)
    double markov = NAN;  // Markov migration value per starting stage
    double margin = NAN;  // per month in the stage
};

// The holdout check of a count model: the fits on the purchases up to the calibration end and their
// summaries (x, t_x, T in the calibration period; holdout_x after it).
struct HoldoutFit {
    std::optional<FitResult> count_fit;
    std::optional<FitResult> spend_fit;
    CountParams counts;
    GammaGammaParams spend;
    std::vector<CustomerRfm> rfm;
};

struct ValuationResult {
    ValuationSettings settings;  // what it was computed with
    Date as_of;                  // analysis_date of the workspace (customer_facts.h)
    Date calibration_end;        // the holdout check fits purchases up to it
    Date valued_at;              // the values (rows, stages) are as of it and fitted on purchases up to it:
                                 // as_of after a refit, else calibration_end (header comment)
    // The fits the values come from (fitted on purchases up to valued_at):
    std::optional<FitResult> count_fit;       // BG/NBD, Pareto/NBD or sBG
    std::optional<FitResult> spend_fit;       // Gamma-Gamma
    CountParams counts;
    GammaGammaParams spend;
    std::vector<CustomerRfm> rfm;             // count models: the summaries the rows value, in order
    // Count models refitted at the analysis date: the calibration fit (diagnostics). nullopt when the
    // values come from the calibration fit itself (then the fields above are the holdout check).
    std::optional<HoldoutFit> holdout;
    CohortCounts cohort;                      // sBG: the fitted survival counts
    std::optional<double> observed_retention; // simple: the data's period retention
    std::vector<ValuationRow> rows;
    std::vector<Localized> stage_names;  // lifecycle stages (empty without stage inputs)
    std::vector<StageValuationRow> stages;
    std::vector<int> row_stages;         // stage index of each row (-1: none); empty without stages
    std::optional<Problem> markov_problem;    // the Markov stage values could not be computed
    std::optional<Problem> problem;           // the valuation failed (kinds in the header comment)
    bool ok() const { return !problem.has_value(); }
    bool refitted() const { return holdout.has_value(); }
    // The holdout check's parameters and summaries, whichever fit holds them.
    const CountParams& holdout_counts() const { return holdout ? holdout->counts : counts; }
    const GammaGammaParams& holdout_spend() const { return holdout ? holdout->spend : spend; }
    const std::vector<CustomerRfm>& holdout_rfm() const { return holdout ? holdout->rfm : rfm; }
    const std::optional<FitResult>& holdout_count_fit() const { return holdout ? holdout->count_fit : count_fit; }
};

// What the per-stage summary (and the Markov model) needs from the lifecycle side: the workspace's
// lifecycle model, its event index and the monthly snapshot history from the first data date to the
// analysis date (lifecycle_history_dates). Pointers must stay valid during the step that asks for them.
struct LifecycleInputs {
    const LifecycleModel* model = nullptr;
    const EventIndex* index = nullptr;
    const SnapshotSeries* history = nullptr;
};
// Asked once, when the stage summary is computed (so a front end can hand over its cached ones then).
using LifecycleSource = std::function<LifecycleInputs()>;

// The one-call form for the CLI and tests: computes and owns the inputs.
struct OwnedLifecycleInputs {
    LifecycleModel model;
    EventIndex index;
    SnapshotSeries history;
    Problems problems;  // from reading the workspace's lifecycle model
    LifecycleInputs view() const { return {&model, &index, &history}; }
};
// Snapshot dates of the history the stage summary reads: month ends from the first data date to
// analysis_date(workspace), the last one clamped to it.
std::vector<Date> lifecycle_history_dates(const Workspace& workspace);
OwnedLifecycleInputs compute_lifecycle_inputs(const Workspace& workspace);

// The first transaction date, or nullopt without transactions.
std::optional<Date> first_purchase_day(const Workspace& workspace);
// settings.calibration_end when set; else analysis_date − holdout periods, not before the first purchase.
Date calibration_end_for(const Workspace& workspace, const ValuationSettings& settings);

// The identification checks of fitted parameters: fit.not_identified when a + b <= 1 (BG/NBD), or
// q <= 1 (Gamma-Gamma); nullopt when the conditional expectations are defined.
std::optional<Problem> identification_problem(const CountParams& counts);
std::optional<Problem> identification_problem(const GammaGammaParams& spend);

enum class ValuationPhase { fit_counts, fit_spend, customers, stages, done };

// A valuation that runs a slice at a time. Do not copy or move it while it runs (the fitter it
// holds refers to itself); configure() may be called again at any time to start over.
class Valuation {
public:
    // Values the customers of `workspace`, which must stay unchanged and in place until done().
    // `lifecycle` (may be empty: no stage summary, and the Markov model fails with clv.bad_input).
    void configure(const Workspace& workspace, const ValuationSettings& settings, LifecycleSource lifecycle = {});
    // Count models on ready-made summaries (no dates: no holdout, no stages, as_of stays 1970-01-01);
    // the other models fail with clv.bad_input.
    void configure(std::vector<CustomerRfm> summaries, const ValuationSettings& settings);

    // Does about budget_ms of work (at least one unit: a fit iteration, a Hessian column, a batch of
    // customers, or the stage summary). No-op when done().
    void step(double budget_ms);
    bool done() const { return phase_ == ValuationPhase::done; }
    ValuationPhase phase() const { return phase_; }
    float progress() const;                                   // 0..1
    const FitProgress& fit_progress() const { return fit_progress_; }  // of the fit in progress
    std::size_t customers_valued() const { return next_customer_; }   // count models, customers phase
    std::size_t customers_to_value() const { return work_.rfm.size(); }
    // The result once done() (rows, fits, stages, or a problem).
    const ValuationResult& result() const { return work_; }
    ValuationResult take_result() { return std::move(work_); }

private:
    void start_fits();
    void finish_count_fit();
    void finish_spend_fit();
    void start_refit();
    void value_customers(double budget_ms);
    void value_count_customers(double budget_ms);
    void summarise_stages();
    void fail(Problem problem);

    ValuationPhase phase_ = ValuationPhase::done;
    const Workspace* workspace_ = nullptr;
    LifecycleSource lifecycle_;
    std::unordered_map<std::string, int> customer_index_;
    std::vector<CustomerEvents> events_;
    std::optional<ModelFitter> fitter_;
    FitProgress fit_progress_;
    std::size_t next_customer_ = 0;
    bool refit_pending_ = false;  // the fits in progress are the holdout check; a refit follows
    std::unordered_map<std::string, int> holdout_x_;  // customer id -> holdout purchases (after a refit)
    ValuationResult work_;
};

// The per-customer settings a count-model valuation values with: the horizon's periods (unit) in the
// fit's time unit, the discount and the margin.
ClvSettings count_clv_settings(const ValuationSettings& settings);

// A finished valuation's values per workspace customer (0 .. customers-1), as the model-driven stage
// conditions and the P(alive) health measure read them; they hold at result.valued_at. NaN for a
// customer without a row, and for P(alive) and expected purchases of models that have none.
ModelScores model_scores(const ValuationResult& result, std::size_t customers);

// What a customer acquired at valued_at is worth under an ok() count-model valuation
// (new_customer_clv.h, with the valuation's horizon, discount and margin); nullopt otherwise.
std::optional<NewCustomerValue> new_customer_value(const ValuationResult& result);

// One-call forms (CLI, tests): configure and step until done.
ValuationResult run_valuation(const Workspace& workspace, const ValuationSettings& settings,
                              LifecycleSource lifecycle = {});
ValuationResult run_valuation(std::vector<CustomerRfm> summaries, const ValuationSettings& settings);

}  // namespace lcs::clv

// The CLV views' shared state: the user's model settings and a fit that runs a slice at a time
// (a few milliseconds per frame) so the page never freezes. The CLV panel edits and starts it; the
// diagnostics and value panels read the finished result. All numbers come from src/core.
#pragma once
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "core/clv/cohort_clv.h"
#include "core/clv/customer_clv.h"
#include "core/clv/fit.h"
#include "core/clv/rfm_summary.h"
#include "core/value/stage_value.h"

namespace lcs {

enum class ClvModelKind { bgnbd_gg = 0, pareto_gg, sbg, markov, simple };
const char* clv_model_label(ClvModelKind kind);  // English, for tr()
const char* clv_model_id(ClvModelKind kind);     // "bgnbd", "paretonbd", "sbg", "markov", "simple"
const char* period_unit_plural(clv::PeriodUnit unit);  // "days", "weeks", "months" (English, for tr())

struct ClvSettingsInput {
    ClvModelKind model = ClvModelKind::bgnbd_gg;
    clv::PeriodUnit unit = clv::PeriodUnit::month;
    int holdout_periods = 6;      // calibration ends this many periods before the last data date
    int horizon = 12;             // periods of `unit`
    double discount = 0.01;       // per period of `unit`
    double margin = 0.3;          // profit share of spend
    double retention = 0.8;       // simple formula only, per period
    int cohort_periods = 12;      // sBG cohort length, periods
};

// One row of the per-customer table.
struct ClvRow {
    clv::CustomerClv value;  // id, clv, p_alive, expected purchases, expected spend (NaN = n/a)
    int x = -1;              // calibration repeat purchases (-1 = n/a)
    double t_x = NAN, T = NAN;
    int holdout_x = -1;
    int customer = -1;       // index into workspace customers
};

struct ClvStageRow {
    int customers = 0;
    StageValue value;               // CLV aggregated per stage
    double markov = NAN;            // Markov migration value per starting stage
    double margin = NAN;            // per month in the stage
};

struct ClvResult {
    std::uint64_t generation = 0;       // bumps on every finished run (cache key for other panels)
    std::uint64_t revision = 0;         // workspace revision it was computed on
    ClvSettingsInput settings;          // what it was computed with
    Date as_of, calibration_end;
    std::optional<clv::FitResult> count_fit;  // BG/NBD, Pareto/NBD or sBG
    std::optional<clv::FitResult> spend_fit;  // Gamma-Gamma
    clv::CountParams counts;
    clv::GammaGammaParams spend;
    std::vector<clv::CustomerRfm> rfm;        // count models: calibration summaries
    clv::CohortCounts cohort;                 // sBG: the fitted survival counts
    std::optional<double> observed_retention; // simple: the data's period retention
    std::vector<ClvRow> rows;
    std::vector<std::string> stage_names, stage_names_zh;  // lifecycle stages of the workspace model
    std::vector<ClvStageRow> stages;
    std::optional<Problem> markov_problem;
    std::optional<Problem> problem;           // the run failed: not identified, no data, ...
    bool ok() const { return !problem.has_value(); }
};

class ClvSession {
public:
    ClvSettingsInput settings;

    // Starts a run on the current workspace with `settings` (replaces a run in progress).
    void start(const AppState& state);
    // Does up to ~budget_ms of work; call every frame. No-op when idle.
    void tick(AppState& state, double budget_ms = 12);
    bool running() const { return phase_ != Phase::idle; }
    float progress() const;          // 0..1 while running
    std::string progress_text() const;  // English pieces joined with numbers; panels translate labels
    const char* phase_label() const;    // English

    const std::optional<ClvResult>& result() const { return result_; }
    // Last date with a transaction (or the workspace as_of), for the calibration-end default.
    static Date data_as_of(const Workspace& workspace);
    static std::optional<Date> data_first_day(const Workspace& workspace);
    // data_as_of − holdout periods, not before the first purchase.
    static Date calibration_end_for(const Workspace& workspace, const ClvSettingsInput& settings);

private:
    enum class Phase { idle, fit_counts, fit_spend, customers, stages };
    void finish_fit_counts();
    void compute_customers(const AppState& state, double budget_ms);
    void compute_stages(AppState& state);
    void fail(Problem problem);

    Phase phase_ = Phase::idle;
    std::uint64_t generation_ = 0;
    std::optional<clv::ModelFitter> fitter_;
    clv::FitProgress fit_progress_;
    std::vector<clv::CustomerEvents> events_;
    size_t next_customer_ = 0;
    ClvResult work_;
    std::optional<ClvResult> result_;
};

// The session every CLV view shares (lives in the app's panel data).
ClvSession& clv_session(AppState& state);

}  // namespace lcs

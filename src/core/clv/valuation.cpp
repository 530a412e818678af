#include "core/clv/valuation.h"

#include <algorithm>
#include <chrono>

#include "core/clv/bgnbd.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"
#include "core/clv/period.h"
#include "core/clv/sbg.h"
#include "core/customer_facts.h"
#include "core/lifecycle/analysis.h"
#include "core/lifecycle/staging.h"
#include "core/problem_kinds.h"

namespace lcs::clv {
namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

constexpr ValuationModel kAllModels[] = {ValuationModel::bgnbd_gg, ValuationModel::pareto_gg, ValuationModel::sbg,
                                         ValuationModel::markov, ValuationModel::simple};
static_assert(sizeof kAllModels / sizeof kAllModels[0] == kValuationModelCount, "every model is listed");

}  // namespace

const char* valuation_model_label(ValuationModel model) {
    switch (model) {
        case ValuationModel::bgnbd_gg: return "BG/NBD + Gamma-Gamma";
        case ValuationModel::pareto_gg: return "Pareto/NBD + Gamma-Gamma";
        case ValuationModel::sbg: return "sBG cohort retention";
        case ValuationModel::markov: return "Markov migration";
        case ValuationModel::simple: return "Simple formula";
    }
    return "";
}

const char* valuation_model_id(ValuationModel model) {
    switch (model) {
        case ValuationModel::bgnbd_gg: return "bgnbd";
        case ValuationModel::pareto_gg: return "paretonbd";
        case ValuationModel::sbg: return "sbg";
        case ValuationModel::markov: return "markov";
        case ValuationModel::simple: return "simple";
    }
    return "";
}

std::optional<ValuationModel> parse_valuation_model(std::string_view id) {
    for (ValuationModel model : kAllModels)
        if (id == valuation_model_id(model)) return model;
    return std::nullopt;
}

bool is_count_model(ValuationModel model) {
    return model == ValuationModel::bgnbd_gg || model == ValuationModel::pareto_gg;
}

std::vector<Date> lifecycle_history_dates(const Workspace& workspace) {
    return history_dates(workspace, AnalysisOptions{}, analysis_date(workspace));
}

OwnedLifecycleInputs compute_lifecycle_inputs(const Workspace& workspace) {
    OwnedLifecycleInputs out;
    out.model = workspace_model(workspace, out.problems);
    out.index = build_event_index(workspace);
    out.history = compute_snapshots(workspace, out.index, out.model, lifecycle_history_dates(workspace));
    return out;
}

std::optional<Date> first_purchase_day(const Workspace& workspace) { return first_transaction_date(workspace); }

Date calibration_end_for(const Workspace& workspace, const ValuationSettings& settings) {
    if (settings.calibration_end) return *settings.calibration_end;
    const Date as_of = analysis_date(workspace);
    const double days = convert_period_count(std::max(0, settings.holdout_periods), settings.unit, PeriodUnit::day);
    Date end{as_of.days - static_cast<int32_t>(std::lround(days))};
    if (auto first = first_purchase_day(workspace)) end = std::max(end, *first);
    return end;
}

std::optional<Problem> identification_problem(const CountParams& counts) {
    // a + b + x > 1 is needed for the conditional expectations at x = 0.
    if (counts.model == CountModel::bgnbd && counts.bgnbd.a + counts.bgnbd.b <= 1)
        return Problem{fit_problem::kNotIdentified, "", "BG/NBD fit has a + b <= 1: expected purchases are undefined"};
    return std::nullopt;
}

std::optional<Problem> identification_problem(const GammaGammaParams& spend) {
    if (spend.q <= 1)
        return Problem{fit_problem::kNotIdentified, "",
                       "Gamma-Gamma fit has q <= 1: the mean spend per purchase is infinite"};
    return std::nullopt;
}

void Valuation::configure(const Workspace& workspace, const ValuationSettings& settings, LifecycleSource lifecycle) {
    work_ = ValuationResult{};
    work_.settings = settings;
    workspace_ = &workspace;
    lifecycle_ = std::move(lifecycle);
    work_.as_of = analysis_date(workspace);
    work_.calibration_end = calibration_end_for(workspace, settings);
    events_ = events_from_workspace(workspace);
    holdout_x_.clear();
    // Count models check the calibration fit against the holdout, then refit (start_refit); the other
    // models have no holdout check and value at the analysis date directly.
    const bool at_analysis_date = settings.value_at_analysis_date && work_.as_of > work_.calibration_end;
    refit_pending_ = at_analysis_date && is_count_model(settings.model);
    work_.valued_at = at_analysis_date && !is_count_model(settings.model) ? work_.as_of : work_.calibration_end;
    customer_index_.clear();
    customer_index_.reserve(workspace.customers.size());
    for (size_t i = 0; i < workspace.customers.size(); ++i)
        customer_index_.emplace(workspace.customers[i].id, static_cast<int>(i));
    if (is_count_model(settings.model)) {
        RfmBuildOptions options;
        options.calibration_end = work_.calibration_end;
        options.unit = settings.fit_unit.value_or(settings.unit);
        options.holdout_end = work_.as_of;
        work_.rfm = build_rfm_summary(events_, options);
    }
    start_fits();
}

void Valuation::configure(std::vector<CustomerRfm> summaries, const ValuationSettings& settings) {
    work_ = ValuationResult{};
    work_.settings = settings;
    workspace_ = nullptr;
    lifecycle_ = {};
    events_.clear();
    customer_index_.clear();
    holdout_x_.clear();
    refit_pending_ = false;  // summaries have no dates to refit to
    work_.rfm = std::move(summaries);
    if (!is_count_model(settings.model))
        return fail({clv_problem::kBadInput, "",
                     std::string("The ") + valuation_model_label(settings.model) +
                         " model needs dated purchases (a workspace or a transaction log), not per-customer summaries"});
    start_fits();
}

void Valuation::start_fits() {
    const ValuationSettings& s = work_.settings;
    fitter_.reset();
    fit_progress_ = {};
    next_customer_ = 0;
    if (is_count_model(s.model)) {
        // Dated data is pooled on whole days (t_x and T are whole days in the fit unit); summaries as given.
        const double day = workspace_ ? 1.0 / period_length_days(s.fit_unit.value_or(s.unit)) : 0.0;
        fitter_.emplace(s.model == ValuationModel::bgnbd_gg ? make_bgnbd_fitter(work_.rfm, day)
                                                            : make_pareto_nbd_fitter(work_.rfm, day));
        phase_ = ValuationPhase::fit_counts;
    } else if (s.model == ValuationModel::sbg) {
        work_.cohort = sbg_cohort_counts(events_, s.unit, work_.valued_at, s.cohort_periods);
        fitter_.emplace(make_sbg_fitter(work_.cohort.alive));
        phase_ = ValuationPhase::fit_counts;
    } else {
        if (s.model == ValuationModel::simple)
            work_.observed_retention = observed_period_retention(events_, s.unit, work_.valued_at);
        phase_ = ValuationPhase::customers;
    }
}

void Valuation::fail(Problem problem) {
    work_.problem = std::move(problem);
    fitter_.reset();
    events_.clear();
    phase_ = ValuationPhase::done;
}

void Valuation::finish_count_fit() {
    work_.count_fit = fitter_->result();
    fitter_.reset();
    if (!work_.count_fit->ok()) return fail(*work_.count_fit->problem);
    const ValuationModel model = work_.settings.model;
    if (!is_count_model(model)) {  // sBG: its parameters are read where customers are valued
        phase_ = ValuationPhase::customers;
        return;
    }
    work_.counts.model = model == ValuationModel::bgnbd_gg ? CountModel::bgnbd : CountModel::pareto_nbd;
    if (model == ValuationModel::bgnbd_gg) work_.counts.bgnbd = bgnbd_params(*work_.count_fit);
    else work_.counts.pareto_nbd = pareto_nbd_params(*work_.count_fit);
    if (auto problem = identification_problem(work_.counts)) return fail(*problem);
    fitter_.emplace(make_gamma_gamma_fitter(work_.rfm));
    fit_progress_ = {};
    phase_ = ValuationPhase::fit_spend;
}

void Valuation::finish_spend_fit() {
    work_.spend_fit = fitter_->result();
    fitter_.reset();
    if (!work_.spend_fit->ok()) return fail(*work_.spend_fit->problem);
    work_.spend = gamma_gamma_params(*work_.spend_fit);
    if (auto problem = identification_problem(work_.spend)) return fail(*problem);
    if (refit_pending_) return start_refit();
    phase_ = ValuationPhase::customers;
}

// The holdout check is done: keep it for the diagnostics and fit again on every purchase up to the
// analysis date (summaries with T at as_of, nothing held out), the fit the customers are valued with.
void Valuation::start_refit() {
    refit_pending_ = false;
    HoldoutFit check;
    check.count_fit = std::move(work_.count_fit);
    check.spend_fit = std::move(work_.spend_fit);
    check.counts = work_.counts;
    check.spend = work_.spend;
    check.rfm = std::move(work_.rfm);
    for (const CustomerRfm& c : check.rfm) holdout_x_.emplace(c.id, c.holdout_x);
    work_.holdout = std::move(check);
    work_.count_fit.reset();
    work_.spend_fit.reset();
    work_.valued_at = work_.as_of;
    RfmBuildOptions options;
    options.calibration_end = work_.as_of;
    options.unit = work_.settings.fit_unit.value_or(work_.settings.unit);
    options.holdout_end = work_.as_of;
    work_.rfm = build_rfm_summary(events_, options);
    start_fits();
}

void Valuation::step(double budget_ms) {
    const Clock::time_point begin = Clock::now();
    bool first = true;  // at least one unit of work per call, whatever the budget
    while (phase_ != ValuationPhase::done && (first || elapsed_ms(begin) < budget_ms)) {
        first = false;
        switch (phase_) {
            case ValuationPhase::fit_counts:
            case ValuationPhase::fit_spend:
                fit_progress_ = fitter_->step(1);
                if (!fitter_->done()) break;
                if (phase_ == ValuationPhase::fit_counts) finish_count_fit();
                else finish_spend_fit();
                break;
            case ValuationPhase::customers:
                value_customers(budget_ms - elapsed_ms(begin));
                if (phase_ == ValuationPhase::stages) return;  // the stage summary gets a step of its own
                break;
            case ValuationPhase::stages:
                summarise_stages();
                events_.clear();
                phase_ = ValuationPhase::done;
                break;
            case ValuationPhase::done: break;
        }
    }
}

ClvSettings count_clv_settings(const ValuationSettings& s) {
    ClvSettings clv_settings;
    clv_settings.horizon_periods = s.horizon;
    // The horizon's periods (unit) in the fit's time unit.
    clv_settings.period_length = convert_period_count(1, s.unit, s.fit_unit.value_or(s.unit));
    clv_settings.discount = s.discount;
    clv_settings.margin = s.margin;
    return clv_settings;
}

ModelScores model_scores(const ValuationResult& result, std::size_t customers) {
    ModelScores out;
    out.as_of = result.valued_at;
    out.horizon = result.settings.horizon;
    out.horizon_unit = period_unit_name(result.settings.unit);
    out.p_alive.assign(customers, NAN);
    out.expected_purchases.assign(customers, NAN);
    out.clv.assign(customers, NAN);
    for (const ValuationRow& row : result.rows) {
        if (row.customer < 0 || static_cast<std::size_t>(row.customer) >= customers) continue;
        const auto c = static_cast<std::size_t>(row.customer);
        out.p_alive[c] = row.value.p_alive;
        out.expected_purchases[c] = row.value.expected_purchases;
        out.clv[c] = row.value.clv;
    }
    return out;
}

std::optional<NewCustomerValue> new_customer_value(const ValuationResult& result) {
    if (!result.ok() || !is_count_model(result.settings.model) || !result.count_fit || !result.spend_fit)
        return std::nullopt;
    return new_customer_value(result.counts, result.spend, count_clv_settings(result.settings));
}

void Valuation::value_count_customers(double budget_ms) {
    const ClvSettings clv_settings = count_clv_settings(work_.settings);
    const Clock::time_point begin = Clock::now();
    while (next_customer_ < work_.rfm.size()) {
        const CustomerRfm& c = work_.rfm[next_customer_++];
        ValuationRow row;
        row.value = customer_clv(work_.counts, work_.spend, c, clv_settings);
        if (auto found = customer_index_.find(c.id); found != customer_index_.end()) row.customer = found->second;
        row.x = c.x;
        row.t_x = c.t_x;
        row.T = c.T;
        if (!work_.holdout) row.holdout_x = c.holdout_x;
        else if (auto h = holdout_x_.find(c.id); h != holdout_x_.end()) row.holdout_x = h->second;
        work_.rows.push_back(std::move(row));
        if ((next_customer_ & 15) == 0 && elapsed_ms(begin) > budget_ms) return;
    }
    phase_ = ValuationPhase::stages;
}

void Valuation::value_customers(double budget_ms) {
    const ValuationSettings& s = work_.settings;
    if (is_count_model(s.model)) return value_count_customers(budget_ms);
    CohortClvSettings cohort;
    cohort.unit = s.unit;
    cohort.as_of = work_.valued_at;
    cohort.horizon = s.horizon;
    cohort.discount = s.discount;
    cohort.margin = s.margin;
    std::vector<CustomerClv> values;
    if (s.model == ValuationModel::sbg) {
        values = sbg_customer_clvs(sbg_params(*work_.count_fit), events_, cohort);
    } else if (s.model == ValuationModel::simple) {
        values = simple_customer_clvs(events_, s.retention, cohort);
        if (values.empty())
            return fail({clv_problem::kBadInput, "", "The simple formula needs retention in [0, 1) or a finite horizon"});
    }
    // Markov: every customer is worth the value of the stage they are in; valued with the stages.
    for (CustomerClv& v : values) {
        ValuationRow row;
        if (auto found = customer_index_.find(v.id); found != customer_index_.end()) row.customer = found->second;
        row.value = std::move(v);
        work_.rows.push_back(std::move(row));
    }
    phase_ = ValuationPhase::stages;
}

// Stage of every customer at valued_at, Markov migration values per stage (monthly
// snapshots up to valued_at; the discount and horizon converted to months so every model
// values the same time span), and the CLV aggregated per stage.
void Valuation::summarise_stages() {
    const bool markov_model = work_.settings.model == ValuationModel::markov;
    const LifecycleInputs inputs = lifecycle_ ? lifecycle_() : LifecycleInputs{};
    if (!workspace_ || !inputs.model || !inputs.index || !inputs.history) {
        if (markov_model)
            fail({clv_problem::kBadInput, "", "Markov migration needs the lifecycle stages of a workspace"});
        return;
    }
    const Workspace& ws = *workspace_;
    const ValuationSettings& s = work_.settings;
    const int n = static_cast<int>(inputs.model->stages.size());
    for (const Stage& st : inputs.model->stages) work_.stage_names.push_back(st.name);
    // Model-driven rules (rules.h) read this valuation's own values: they hold at valued_at.
    const ModelScores scores = model_scores(work_, ws.customers.size());
    const StageAssignment assignment = assign_stages(ws, *inputs.index, *inputs.model, work_.valued_at,
                                                     model_uses_scores(*inputs.model) ? &scores : nullptr);

    SnapshotSeries series = *inputs.history;
    size_t keep = 0;
    while (keep < series.dates.size() && series.dates[keep] <= work_.valued_at) ++keep;
    series.dates.resize(keep);
    series.stage.resize(std::min(series.stage.size(), keep));
    const double monthly_discount = convert_rate(s.discount, s.unit, PeriodUnit::month);
    // V_T counts T + 1 monthly margins (now and T more), so T = the horizon in months − 1.
    const int horizon_months = std::max(0, convert_whole_periods(s.horizon, s.unit, PeriodUnit::month) - 1);
    work_.stages.resize(static_cast<size_t>(n));
    const MarkovStageValues mv = markov_stage_values(ws, series, n, s.margin, monthly_discount, horizon_months);
    std::vector<double> markov;
    if (mv.problem) work_.markov_problem = mv.problem;
    else markov = mv.values;
    for (int i = 0; i < n && i < static_cast<int>(mv.margin.size()); ++i)
        work_.stages[static_cast<size_t>(i)].margin = mv.margin[static_cast<size_t>(i)];

    if (markov_model) {
        if (markov.empty())
            return fail(work_.markov_problem ? *work_.markov_problem
                                             : Problem{clv_problem::kNoHistory, "", "No dated transactions to build stages from"});
        for (size_t c = 0; c < ws.customers.size(); ++c) {
            const int st = assignment.stage[c];
            if (st < 0) continue;
            ValuationRow row;
            row.customer = static_cast<int>(c);
            row.value.id = ws.customers[c].id;
            row.value.clv = markov[static_cast<size_t>(st)];
            row.value.p_alive = NAN;
            row.value.expected_purchases = NAN;
            row.value.expected_spend = NAN;
            work_.rows.push_back(std::move(row));
        }
    }

    std::vector<double> value(ws.customers.size(), NAN);
    for (const ValuationRow& row : work_.rows)
        if (row.customer >= 0) value[static_cast<size_t>(row.customer)] = row.value.clv;
    const std::vector<StageValue> summary = stage_value_summary(assignment.stage, value, n);
    for (int i = 0; i < n; ++i) {
        StageValuationRow& r = work_.stages[static_cast<size_t>(i)];
        r.value = summary[static_cast<size_t>(i)];
        r.customers = r.value.customers;
        if (!markov.empty()) r.markov = markov[static_cast<size_t>(i)];
    }
    work_.row_stages.clear();
    for (const ValuationRow& row : work_.rows)
        work_.row_stages.push_back(row.customer >= 0 ? assignment.stage[static_cast<size_t>(row.customer)] : -1);
}

float Valuation::progress() const {
    // The fits take 0..0.8, split in two halves when the holdout check is followed by a refit.
    const bool two_passes = refit_pending_ || work_.holdout.has_value();
    const float done_before = work_.holdout ? 0.8f : 0.0f;
    const float share = two_passes ? 0.5f : 1.0f;
    switch (phase_) {
        case ValuationPhase::done: return 1;
        case ValuationPhase::fit_counts:
            return share * (done_before + 0.05f + 0.55f * std::min(1.0f, fit_progress_.iterations / 120.0f));
        case ValuationPhase::fit_spend:
            return share * (done_before + 0.6f + 0.2f * std::min(1.0f, fit_progress_.iterations / 60.0f));
        case ValuationPhase::customers:
            return 0.8f + 0.15f * (work_.rfm.empty() ? 1.0f : static_cast<float>(next_customer_) / work_.rfm.size());
        case ValuationPhase::stages: return 0.97f;
    }
    return 0;
}

namespace {

ValuationResult step_to_end(Valuation& valuation) {
    while (!valuation.done()) valuation.step(1000);
    return valuation.take_result();
}

}  // namespace

ValuationResult run_valuation(const Workspace& workspace, const ValuationSettings& settings, LifecycleSource lifecycle) {
    Valuation valuation;
    valuation.configure(workspace, settings, std::move(lifecycle));
    return step_to_end(valuation);
}

ValuationResult run_valuation(std::vector<CustomerRfm> summaries, const ValuationSettings& settings) {
    Valuation valuation;
    valuation.configure(std::move(summaries), settings);
    return step_to_end(valuation);
}

}  // namespace lcs::clv

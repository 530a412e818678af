#include "app/clv_session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/clv/bgnbd.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"
#include "app/lifecycle_view.h"
#include "core/lifecycle/staging.h"

namespace lcs {
namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

bool is_count_model(ClvModelKind kind) { return kind == ClvModelKind::bgnbd_gg || kind == ClvModelKind::pareto_gg; }

constexpr double kDaysPerMonth = 365.25 / 12;

}  // namespace

const char* clv_model_label(ClvModelKind kind) {
    switch (kind) {
        case ClvModelKind::bgnbd_gg: return "BG/NBD + Gamma-Gamma";
        case ClvModelKind::pareto_gg: return "Pareto/NBD + Gamma-Gamma";
        case ClvModelKind::sbg: return "sBG cohort retention";
        case ClvModelKind::markov: return "Markov migration";
        case ClvModelKind::simple: return "Simple formula";
    }
    return "";
}

const char* clv_model_id(ClvModelKind kind) {
    switch (kind) {
        case ClvModelKind::bgnbd_gg: return "bgnbd";
        case ClvModelKind::pareto_gg: return "paretonbd";
        case ClvModelKind::sbg: return "sbg";
        case ClvModelKind::markov: return "markov";
        case ClvModelKind::simple: return "simple";
    }
    return "";
}

Date ClvSession::data_as_of(const Workspace& workspace) {
    if (workspace.meta.as_of) return *workspace.meta.as_of;
    Date last{0};
    for (const Customer& c : workspace.customers)
        if (!c.transactions.empty()) last = std::max(last, c.transactions.back().date);
    return last;
}

std::optional<Date> ClvSession::data_first_day(const Workspace& workspace) {
    std::optional<Date> first;
    for (const Customer& c : workspace.customers)
        if (!c.transactions.empty() && (!first || c.transactions.front().date < *first)) first = c.transactions.front().date;
    return first;
}

Date ClvSession::calibration_end_for(const Workspace& workspace, const ClvSettingsInput& s) {
    const Date as_of = data_as_of(workspace);
    const double days = std::max(0, s.holdout_periods) * clv::period_length_days(s.unit);
    Date end{as_of.days - static_cast<int32_t>(std::lround(days))};
    if (auto first = data_first_day(workspace)) end = std::max(end, *first);
    return end;
}

void ClvSession::start(const AppState& state) {
    const Workspace& ws = state.workspace();
    work_ = ClvResult{};
    work_.settings = settings;
    work_.revision = state.revision();
    work_.as_of = data_as_of(ws);
    work_.calibration_end = calibration_end_for(ws, settings);
    events_ = clv::events_from_workspace(ws);
    fitter_.reset();
    fit_progress_ = {};
    next_customer_ = 0;
    const double unit_days = clv::period_length_days(settings.unit);

    if (is_count_model(settings.model)) {
        clv::RfmBuildOptions options;
        options.calibration_end = work_.calibration_end;
        options.unit = settings.unit;
        options.holdout_end = work_.as_of;
        work_.rfm = clv::build_rfm_summary(events_, options);
        const double day = 1.0 / unit_days;  // pool on whole days
        fitter_.emplace(settings.model == ClvModelKind::bgnbd_gg ? clv::make_bgnbd_fitter(work_.rfm, day)
                                                                 : clv::make_pareto_nbd_fitter(work_.rfm, day));
        phase_ = Phase::fit_counts;
    } else if (settings.model == ClvModelKind::sbg) {
        work_.cohort = clv::sbg_cohort_counts(events_, settings.unit, work_.calibration_end, settings.cohort_periods);
        fitter_.emplace(clv::make_sbg_fitter(work_.cohort.alive));
        phase_ = Phase::fit_counts;
    } else {
        work_.observed_retention = clv::observed_period_retention(events_, settings.unit, work_.calibration_end);
        phase_ = Phase::customers;
    }
}

void ClvSession::fail(Problem problem) {
    work_.problem = std::move(problem);
    work_.generation = ++generation_;
    result_ = std::move(work_);
    work_ = ClvResult{};
    fitter_.reset();
    phase_ = Phase::idle;
}

void ClvSession::finish_fit_counts() {
    work_.count_fit = fitter_->result();
    if (!work_.count_fit->ok()) return fail(*work_.count_fit->problem);
    if (settings.model == ClvModelKind::bgnbd_gg) {
        work_.counts.model = clv::CountModel::bgnbd;
        work_.counts.bgnbd = clv::bgnbd_params(*work_.count_fit);
        const clv::BgNbdParams& p = work_.counts.bgnbd;
        if (p.a + p.b <= 1)  // a + b + x > 1 is needed for conditional expectations at x = 0
            return fail({"fit.not_identified", "", "BG/NBD fit has a + b <= 1: expected purchases are undefined"});
    } else if (settings.model == ClvModelKind::pareto_gg) {
        work_.counts.model = clv::CountModel::pareto_nbd;
        work_.counts.pareto_nbd = clv::pareto_nbd_params(*work_.count_fit);
    }
    if (is_count_model(settings.model)) {
        fitter_.emplace(clv::make_gamma_gamma_fitter(work_.rfm));
        fit_progress_ = {};
        phase_ = Phase::fit_spend;
    } else {
        fitter_.reset();
        phase_ = Phase::customers;
    }
}

void ClvSession::tick(AppState& state, double budget_ms) {
    if (phase_ == Phase::idle) return;
    if (state.revision() != work_.revision) {  // the data changed under the run: start again
        start(state);
        return;
    }
    const Clock::time_point begin = Clock::now();
    while (phase_ != Phase::idle && elapsed_ms(begin) < budget_ms) {
        if (phase_ == Phase::fit_counts || phase_ == Phase::fit_spend) {
            fit_progress_ = fitter_->step(1);
            if (!fitter_->done()) continue;
            if (phase_ == Phase::fit_counts) {
                finish_fit_counts();
            } else {
                work_.spend_fit = fitter_->result();
                fitter_.reset();
                if (!work_.spend_fit->ok()) return fail(*work_.spend_fit->problem);
                work_.spend = clv::gamma_gamma_params(*work_.spend_fit);
                if (work_.spend.q <= 1)
                    return fail({"fit.not_identified", "",
                                 "Gamma-Gamma fit has q <= 1: the mean spend per purchase is infinite"});
                phase_ = Phase::customers;
            }
        } else if (phase_ == Phase::customers) {
            compute_customers(state, budget_ms - elapsed_ms(begin));
            if (phase_ == Phase::stages) return;  // the stage summary gets a frame of its own
        } else if (phase_ == Phase::stages) {
            compute_stages(state);
            if (phase_ == Phase::idle) return;  // failed
            work_.generation = ++generation_;
            result_ = std::move(work_);
            work_ = ClvResult{};
            events_.clear();
            phase_ = Phase::idle;
        }
    }
}

void ClvSession::compute_customers(const AppState& state, double budget_ms) {
    const ClvSettingsInput& s = work_.settings;
    auto add_rows = [&](std::vector<clv::CustomerClv> values) {
        for (clv::CustomerClv& v : values) {
            ClvRow row;
            auto index = state.find_customer(v.id);
            row.customer = index ? static_cast<int>(*index) : -1;
            row.value = std::move(v);
            work_.rows.push_back(std::move(row));
        }
    };
    clv::CohortClvSettings cohort;
    cohort.unit = s.unit;
    cohort.as_of = work_.calibration_end;
    cohort.horizon = s.horizon;
    cohort.discount = s.discount;
    cohort.margin = s.margin;
    if (is_count_model(s.model)) {
        clv::ClvSettings clv_settings;
        clv_settings.horizon_periods = s.horizon;
        clv_settings.period_length = 1;  // CLV periods are model time units
        clv_settings.discount = s.discount;
        clv_settings.margin = s.margin;
        const Clock::time_point begin = Clock::now();
        while (next_customer_ < work_.rfm.size()) {
            const clv::CustomerRfm& c = work_.rfm[next_customer_++];
            std::vector<clv::CustomerClv> one{clv::customer_clv(work_.counts, work_.spend, c, clv_settings)};
            add_rows(std::move(one));
            ClvRow& row = work_.rows.back();
            row.x = c.x;
            row.t_x = c.t_x;
            row.T = c.T;
            row.holdout_x = c.holdout_x;
            if ((next_customer_ & 15) == 0 && elapsed_ms(begin) > budget_ms) return;
        }
    } else if (s.model == ClvModelKind::sbg) {
        add_rows(clv::sbg_customer_clvs(clv::sbg_params(*work_.count_fit), events_, cohort));
    } else if (s.model == ClvModelKind::simple) {
        std::vector<clv::CustomerClv> values = clv::simple_customer_clvs(events_, s.retention, cohort);
        if (values.empty())
            return fail({"clv.bad_input", "", "The simple formula needs retention in [0, 1) or a finite horizon"});
        add_rows(std::move(values));
    } else {
        // Markov: every customer is worth the value of the stage they are in; computed with the stages.
    }
    phase_ = Phase::stages;
}

void ClvSession::compute_stages(AppState& state) {
    const Workspace& ws = state.workspace();
    // The lifecycle views' cached model, event index and monthly history (shared with those panels).
    const LifecycleModel& model = lifecycle_model(state);
    const int n = static_cast<int>(model.stages.size());
    for (const Stage& st : model.stages) {
        work_.stage_names.push_back(st.name);
        work_.stage_names_zh.push_back(st.name_zh.empty() ? st.name : st.name_zh);
    }
    const EventIndex& index = lifecycle_index(state);
    const StageAssignment assignment = assign_stages(ws, index, model, work_.calibration_end);

    // Markov migration: monthly snapshots up to the valuation date; the user's per-period discount
    // and horizon are converted to months so every model values the same time span.
    const ClvSettingsInput& s = work_.settings;
    const double months_per_period = clv::period_length_days(s.unit) / kDaysPerMonth;
    const double monthly_discount = std::pow(1 + s.discount, 1 / months_per_period) - 1;
    const int horizon_months = std::max(0, static_cast<int>(std::lround(s.horizon * months_per_period)) - 1);
    std::vector<double> markov;
    SnapshotSeries series = lifecycle_full_history(state);
    size_t keep = 0;
    while (keep < series.dates.size() && series.dates[keep] <= work_.calibration_end) ++keep;
    series.dates.resize(keep);
    series.stage.resize(std::min(series.stage.size(), keep));
    work_.stages.resize(static_cast<size_t>(n));
    MarkovStageValues mv = markov_stage_values(ws, series, n, s.margin, monthly_discount, horizon_months);
    if (mv.problem) work_.markov_problem = mv.problem;
    else markov = mv.values;
    for (int i = 0; i < n && i < static_cast<int>(mv.margin.size()); ++i)
        work_.stages[static_cast<size_t>(i)].margin = mv.margin[static_cast<size_t>(i)];

    if (s.model == ClvModelKind::markov) {
        if (markov.empty())
            return fail(work_.markov_problem ? *work_.markov_problem
                                             : Problem{"clv.no_history", "", "No dated transactions to build stages from"});
        for (size_t c = 0; c < ws.customers.size(); ++c) {
            const int st = assignment.stage[c];
            if (st < 0) continue;
            ClvRow row;
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
    for (const ClvRow& row : work_.rows)
        if (row.customer >= 0) value[static_cast<size_t>(row.customer)] = row.value.clv;
    const std::vector<StageValue> summary = stage_value_summary(assignment.stage, value, n);
    for (int i = 0; i < n; ++i) {
        ClvStageRow& r = work_.stages[static_cast<size_t>(i)];
        r.value = summary[static_cast<size_t>(i)];
        r.customers = r.value.customers;
        if (!markov.empty()) r.markov = markov[static_cast<size_t>(i)];
    }
}

float ClvSession::progress() const {
    switch (phase_) {
        case Phase::idle: return 1;
        case Phase::fit_counts: return 0.05f + 0.55f * std::min(1.0f, fit_progress_.iterations / 120.0f);
        case Phase::fit_spend: return 0.6f + 0.2f * std::min(1.0f, fit_progress_.iterations / 60.0f);
        case Phase::customers:
            return 0.8f + 0.15f * (work_.rfm.empty() ? 1.0f : static_cast<float>(next_customer_) / work_.rfm.size());
        case Phase::stages: return 0.97f;
    }
    return 0;
}

const char* period_unit_plural(clv::PeriodUnit unit) {
    switch (unit) {
        case clv::PeriodUnit::day: return "days";
        case clv::PeriodUnit::week: return "weeks";
        case clv::PeriodUnit::month: return "months";
    }
    return "";
}

const char* ClvSession::phase_label() const {
    const bool fitting = phase_ == Phase::fit_counts || phase_ == Phase::fit_spend;
    if (fitting && fit_progress_.standard_errors) return "Computing standard errors";
    switch (phase_) {
        case Phase::idle: return "Done";
        case Phase::fit_counts:
            return settings.model == ClvModelKind::sbg ? "Fitting sBG" : "Fitting the purchase model";
        case Phase::fit_spend: return "Fitting Gamma-Gamma spend";
        case Phase::customers: return "Valuing customers";
        case Phase::stages: return "Summarising stages";
    }
    return "";
}

std::string ClvSession::progress_text() const {
    if (phase_ == Phase::fit_counts || phase_ == Phase::fit_spend) {
        char text[128];
        std::snprintf(text, sizeof text, "%d / LL %.2f", fit_progress_.iterations, fit_progress_.log_likelihood);
        return text;
    }
    if (phase_ == Phase::customers && !work_.rfm.empty())
        return std::to_string(next_customer_) + " / " + std::to_string(work_.rfm.size());
    return "";
}

ClvSession& clv_session(AppState& state) { return state.panel_data<ClvSession>(); }

}  // namespace lcs

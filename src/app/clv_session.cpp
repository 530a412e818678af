#include "app/clv_session.h"

#include <cstdio>

#include "app/lifecycle_view.h"

namespace lcs {

const char* period_unit_plural(clv::PeriodUnit unit) {
    switch (unit) {
        case clv::PeriodUnit::day: return "common.days";
        case clv::PeriodUnit::week: return "clv.weeks";
        case clv::PeriodUnit::month: return "clv.months";
    }
    return "";
}

const char* clv_model_label(ClvModelKind kind) {
    switch (kind) {
        case ClvModelKind::bgnbd_gg: return "clv.model_bgnbd_gg";
        case ClvModelKind::pareto_gg: return "clv.model_pareto_gg";
        case ClvModelKind::sbg: return "clv.model_sbg";
        case ClvModelKind::markov: return "clv.model_markov";
        case ClvModelKind::simple: return "clv.model_simple";
    }
    return clv::valuation_model_label(kind);
}

void ClvSession::start(const AppState& state) {
    revision_ = state.revision();
    analysis_revision_ = state.analysis_revision();
    running_ = true;
    // The stage summary uses the lifecycle views' cached model, event index and monthly history.
    valuation_.configure(state.workspace(), settings, [this]() -> clv::LifecycleInputs {
        if (!ticking_) return {};
        return {&lifecycle_model(*ticking_), &lifecycle_index(*ticking_), &lifecycle_full_history(*ticking_)};
    });
}

void ClvSession::tick(AppState& state, double budget_ms) {
    if (!running_) return;
    if (state.analysis_revision() != analysis_revision_) {  // the data changed under the run: start again
        start(state);
        return;
    }
    ticking_ = &state;
    valuation_.step(budget_ms);
    ticking_ = nullptr;
    if (!valuation_.done()) return;
    ClvResult done;
    static_cast<clv::ValuationResult&>(done) = valuation_.take_result();
    done.generation = ++generation_;
    done.revision = revision_;
    done.analysis_revision = analysis_revision_;
    result_ = std::move(done);
    running_ = false;
}

float ClvSession::progress() const { return running_ ? valuation_.progress() : 1.0f; }

const char* ClvSession::phase_label() const {
    if (!running_) return "clv.done";
    const clv::ValuationPhase phase = valuation_.phase();
    const bool fitting = phase == clv::ValuationPhase::fit_counts || phase == clv::ValuationPhase::fit_spend;
    if (fitting && valuation_.fit_progress().standard_errors) return "clv.computing_standard_errors";
    switch (phase) {
        case clv::ValuationPhase::done: return "clv.done";
        case clv::ValuationPhase::fit_counts:
            return valuation_.result().settings.model == ClvModelKind::sbg ? "clv.fitting_sbg" : "clv.fitting_the_purchase_model";
        case clv::ValuationPhase::fit_spend: return "clv.fitting_gamma_gamma_spend";
        case clv::ValuationPhase::customers: return "clv.valuing_customers";
        case clv::ValuationPhase::stages: return "clv.summarising_stages";
    }
    return "";
}

std::string ClvSession::progress_text() const {
    if (!running_) return "";
    const clv::ValuationPhase phase = valuation_.phase();
    if (phase == clv::ValuationPhase::fit_counts || phase == clv::ValuationPhase::fit_spend) {
        char text[128];
        std::snprintf(text, sizeof text, "%d / LL %.2f", valuation_.fit_progress().iterations,
                      valuation_.fit_progress().log_likelihood);
        return text;
    }
    if (phase == clv::ValuationPhase::customers && valuation_.customers_to_value() > 0)
        return std::to_string(valuation_.customers_valued()) + " / " + std::to_string(valuation_.customers_to_value());
    return "";
}

ClvSession& clv_session(AppState& state) { return state.panel_data<ClvSession>(); }

}  // namespace lcs

#include "app/clv_session.h"

#include <cstdio>

#include "app/lifecycle_view.h"

namespace lcs {

const char* period_unit_plural(clv::PeriodUnit unit) {
    switch (unit) {
        case clv::PeriodUnit::day: return "days";
        case clv::PeriodUnit::week: return "weeks";
        case clv::PeriodUnit::month: return "months";
    }
    return "";
}

void ClvSession::start(const AppState& state) {
    revision_ = state.revision();
    running_ = true;
    // The stage summary uses the lifecycle views' cached model, event index and monthly history.
    valuation_.configure(state.workspace(), settings, [this]() -> clv::LifecycleInputs {
        if (!ticking_) return {};
        return {&lifecycle_model(*ticking_), &lifecycle_index(*ticking_), &lifecycle_full_history(*ticking_)};
    });
}

void ClvSession::tick(AppState& state, double budget_ms) {
    if (!running_) return;
    if (state.revision() != revision_) {  // the data changed under the run: start again
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
    result_ = std::move(done);
    running_ = false;
}

float ClvSession::progress() const { return running_ ? valuation_.progress() : 1.0f; }

const char* ClvSession::phase_label() const {
    if (!running_) return "Done";
    const clv::ValuationPhase phase = valuation_.phase();
    const bool fitting = phase == clv::ValuationPhase::fit_counts || phase == clv::ValuationPhase::fit_spend;
    if (fitting && valuation_.fit_progress().standard_errors) return "Computing standard errors";
    switch (phase) {
        case clv::ValuationPhase::done: return "Done";
        case clv::ValuationPhase::fit_counts:
            return valuation_.result().settings.model == ClvModelKind::sbg ? "Fitting sBG" : "Fitting the purchase model";
        case clv::ValuationPhase::fit_spend: return "Fitting Gamma-Gamma spend";
        case clv::ValuationPhase::customers: return "Valuing customers";
        case clv::ValuationPhase::stages: return "Summarising stages";
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

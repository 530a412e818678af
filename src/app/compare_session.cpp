#include "app/compare_session.h"

#include "core/clv/rfm_summary.h"
#include "core/customer_facts.h"

namespace lcs {

void CompareSession::start(const AppState& state, clv::PeriodUnit unit, Date calibration_end) {
    unit_ = unit;
    calibration_end_ = calibration_end;
    data_revision_ = state.data_revision();
    clv::CompareSettings settings;
    settings.unit = unit;
    settings.calibration_end = calibration_end;
    settings.holdout_end = analysis_date(state.workspace());
    comparer_.configure(clv::events_from_workspace(state.workspace()), settings);
    running_ = true;
}

void CompareSession::tick(AppState& state, double budget_ms) {
    if (!running_) return;
    if (state.data_revision() != data_revision_) {  // the customers changed under the run: start again
        start(state, unit_, calibration_end_);
        return;
    }
    comparer_.step(budget_ms);
    if (!comparer_.done()) return;
    CompareResult done;
    static_cast<clv::ModelComparison&>(done) = comparer_.take_result();
    done.generation = ++generation_;
    done.data_revision = data_revision_;
    result_ = std::move(done);
    running_ = false;
}

CompareSession& compare_session(AppState& state) { return state.panel_data<CompareSession>(); }

}  // namespace lcs

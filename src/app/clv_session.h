// The CLV views' shared state: the user's model settings and a core valuation (core/clv/valuation.h)
// that runs a slice at a time (a few milliseconds per frame) so the page never freezes. The CLV panel
// edits the settings and starts it; the app's job runner ticks it; the diagnostics and value panels
// read the finished result. Every number and every problem comes from core: this file only schedules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/app_state.h"
#include "core/clv/valuation.h"

namespace lcs {

// The core's valuation types under the names the panels use.
using ClvModelKind = clv::ValuationModel;
using ClvSettingsInput = clv::ValuationSettings;
using ClvRow = clv::ValuationRow;
using ClvStageRow = clv::StageValuationRow;
const char* clv_model_label(ClvModelKind kind);  // i18n key of the model's name, for tr()
inline const char* clv_model_id(ClvModelKind kind) { return clv::valuation_model_id(kind); }
const char* period_unit_plural(clv::PeriodUnit unit);  // i18n key of "days", "weeks", "months", for tr()

struct ClvResult : clv::ValuationResult {
    std::uint64_t generation = 0;  // bumps on every finished run (cache key for other panels)
    std::uint64_t revision = 0;    // workspace revision it was computed on
    std::uint64_t analysis_revision = 0;  // AppState::analysis_revision it was computed on (data + settings)
};

class ClvSession {
public:
    ClvSettingsInput settings;

    // Starts a run on the current workspace with `settings` (replaces a run in progress).
    void start(const AppState& state);
    // Does up to ~budget_ms of work; call every frame. No-op when idle. A run whose workspace
    // changed meanwhile starts again.
    void tick(AppState& state, double budget_ms = 12);
    bool running() const { return running_; }
    float progress() const;             // 0..1 while running
    std::string progress_text() const;  // English pieces joined with numbers; panels translate labels
    const char* phase_label() const;    // i18n key

    const std::optional<ClvResult>& result() const { return result_; }
    // True when the finished result was computed on other customers or settings than the workspace
    // has now (a scenario edit does not count: the fit does not read scenarios).
    bool result_outdated(const AppState& state) const {
        return result_ && result_->analysis_revision != state.analysis_revision();
    }

private:
    bool running_ = false;
    std::uint64_t generation_ = 0;
    std::uint64_t revision_ = 0;
    std::uint64_t analysis_revision_ = 0;
    AppState* ticking_ = nullptr;  // the state of the tick in progress: the stage summary reads its lifecycle caches
    clv::Valuation valuation_;
    std::optional<ClvResult> result_;
};

// The session every CLV view shares (lives in the app's panel data).
ClvSession& clv_session(AppState& state);

}  // namespace lcs

// CLV panel: model settings (model, period unit, holdout, horizon, discount, margin), a fit that runs
// a slice per frame with a progress bar, the fitted parameters with standard errors, value per
// lifecycle stage (CLV, customer equity, Markov migration value) and a virtualized per-customer table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_intervals_view.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/ui_lang.h"
#include "core/clv/period.h"
#include "core/customer_facts.h"
#include "core/text_match.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

// The interval columns (from kClvRange) are shown once the bootstrap is done (clv_intervals_view.h).
enum Column { kId, kName, kClv, kAlive, kPurchases, kSpend, kX, kTx, kT, kHoldout, kClvRange, kAliveRange, kPurchasesRange, kColumnCount };

struct ClvPanelState {
    std::string filter;
    Cached<std::tuple<std::uint64_t, std::string, int, bool>> order_key;  // result generation, filter, sort
    int sort_column = kClv;
    bool sort_ascending = false;
    std::vector<int> order;  // indexes into result rows
    Cached<std::uint64_t> published;  // result generation whose stage columns the Lifecycle panel has
};

std::string number_or_dash(double v, ValueFormat f) { return std::isfinite(v) ? format_value(v, f) : "-"; }

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "-";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

// The optimiser states why it stopped in English words (core/clv/optimizer.cpp, fit.cpp); the ones
// it can give are shown in the UI language, anything else as it is.
std::string fit_message_text(const std::string& message) {
    static const std::pair<const char*, const char*> kKnown[] = {
        {"converged", "clv.fit_converged"},
        {"converged (no further decrease within rounding)", "clv.fit_converged_within_rounding"},
        {"a parameter ran to the edge of its range (the data do not identify the model)", "clv.fit_parameter_at_edge"},
        {"the starting point is outside the feasible region", "clv.fit_start_infeasible"},
        {"the line search found no decrease", "clv.fit_line_search_no_decrease"},
        {"stalled: the objective stopped decreasing", "clv.fit_stalled"},
    };
    for (const auto& [english, key] : kKnown)
        if (message == english) return tr(key);
    int iterations = 0;
    if (std::sscanf(message.c_str(), "stopped after %d iterations", &iterations) == 1)
        return trf("clv.fit_stopped_after", {std::to_string(iterations)});
    return message;
}

// Slider over a fraction shown as a percentage.
bool percent_slider(const char* label, const char* name, double& value, float max_percent, const char* format) {
    float percent = static_cast<float>(value * 100);
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool changed = ImGui::SliderFloat(label, &percent, 0, max_percent, format, ImGuiSliderFlags_AlwaysClamp);
    automation::record(name);
    if (changed) value = percent / 100.0;
    return changed;
}

void draw_model_choice(ClvSettingsInput& s) {
    ImGui::TextUnformatted(tr("common.model"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##model", tr(clv_model_label(s.model)))) {
        for (int k = 0; k <= static_cast<int>(ClvModelKind::simple); ++k) {
            ClvModelKind kind = static_cast<ClvModelKind>(k);
            if (ImGui::Selectable(tr(clv_model_label(kind)), kind == s.model)) s.model = kind;
            automation::record(std::string("clv.model.") + clv_model_id(kind));
        }
        ImGui::EndCombo();
    }
    automation::record("clv.model");
}

void draw_unit_choice(ClvSettingsInput& s) {
    ImGui::TextUnformatted(tr("clv.period_unit"));
    const clv::PeriodUnit units[] = {clv::PeriodUnit::day, clv::PeriodUnit::week, clv::PeriodUnit::month};
    const char* unit_labels[] = {"clv.day", "clv.week", "common.month"};
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        if (ImGui::RadioButton(tr(unit_labels[k]), s.unit == units[k]) && s.unit != units[k]) {
            // Keep the same calendar span for holdout and horizon in the new unit.
            s.holdout_periods = std::max(0, clv::convert_whole_periods(s.holdout_periods, s.unit, units[k]));
            s.horizon = std::max(1, clv::convert_whole_periods(s.horizon, s.unit, units[k]));
            s.discount = clv::convert_rate(s.discount, s.unit, units[k]);
            s.cohort_periods = std::max(1, clv::convert_whole_periods(s.cohort_periods, s.unit, units[k]));
            s.unit = units[k];
        }
        automation::record(std::string("clv.unit.") + clv::period_unit_name(units[k]));
    }
}

// Holdout (up to two thirds of the `span` periods of data, with the calibration end it gives) and horizon.
void draw_holdout_and_horizon(const Workspace& ws, ClvSettingsInput& s, Date as_of, int span) {
    const char* unit = tr(period_unit_plural(s.unit));
    ImGui::TextUnformatted(trf("clv.holdout_in_unit", {unit}).c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::SliderInt("##holdout", &s.holdout_periods, 0, std::max(1, span * 2 / 3), "%d", ImGuiSliderFlags_AlwaysClamp);
    automation::record("clv.holdout");
    const Date calibration_end = clv::calibration_end_for(ws, s);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", trf("clv.calibration_and_data_end", {to_iso(calibration_end), to_iso(as_of)}).c_str());
    ImGui::PopStyleColor();

    const int max_horizon = s.unit == clv::PeriodUnit::day ? 1825 : s.unit == clv::PeriodUnit::week ? 260 : 60;
    ImGui::TextUnformatted(trf("clv.horizon_in_unit", {unit}).c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::SliderInt("##horizon", &s.horizon, 1, max_horizon, "%d", ImGuiSliderFlags_AlwaysClamp);
    automation::record("clv.horizon");
}

// Discount rate (with its yearly equivalent) and margin.
void draw_rates(ClvSettingsInput& s) {
    const char* discount_labels[] = {"clv.discount_rate_per_day", "clv.discount_rate_per_week", "clv.discount_rate_per_month"};
    ImGui::TextUnformatted(tr(discount_labels[static_cast<int>(s.unit)]));
    percent_slider("##discount", "clv.discount", s.discount, s.unit == clv::PeriodUnit::month ? 5.0f : 1.0f, "%.3f%%");
    const double yearly = clv::compound_rate_over_days(s.discount, s.unit, clv::kDaysPerYear);
    ImGui::TextDisabled("%s", trf("clv.equals_per_year", {format_value(yearly, ValueFormat::percent)}).c_str());

    ImGui::TextUnformatted(tr("clv.margin_share_of_spend"));
    percent_slider("##margin", "clv.margin", s.margin, 100, "%.0f%%");
}

// What only one model uses: the simple model's retention or the sBG cohort length (up to the `span`
// periods of data).
void draw_model_inputs(ClvSettingsInput& s, int span) {
    if (s.model == ClvModelKind::simple) {
        const char* retention_labels[] = {"clv.retention_per_day", "clv.retention_per_week", "clv.retention_per_month"};
        ImGui::TextUnformatted(tr(retention_labels[static_cast<int>(s.unit)]));
        percent_slider("##retention", "clv.retention", s.retention, 99, "%.1f%%");
    }
    if (s.model == ClvModelKind::sbg) {
        ImGui::TextUnformatted(trf("clv.cohort_length_in_unit", {tr(period_unit_plural(s.unit))}).c_str());
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::SliderInt("##cohort", &s.cohort_periods, 2, std::max(3, span), "%d", ImGuiSliderFlags_AlwaysClamp);
        automation::record("clv.cohort");
    }
}

// Fit / Restart fit, and the running fit's progress.
void draw_fit_button(AppState& state, ClvSession& session) {
    bool running = session.running();
    if (ImGui::Button(running ? tr("clv.restart_fit") : tr("clv.fit"), ImVec2(-FLT_MIN, 0))) session.start(state);
    automation::record("clv.fit");
    if (session.running()) {
        std::string overlay = std::string(tr(session.phase_label())) + "  " + session.progress_text();
        ImGui::ProgressBar(session.progress(), ImVec2(-FLT_MIN, 0), overlay.c_str());
        automation::record("clv.progress");
        automation::record_rect("clv.status.running", 0, 0, 0, 0);
    }
}

void draw_settings(AppState& state, ClvSession& session) {
    ClvSettingsInput& s = session.settings;
    const Workspace& ws = state.workspace();
    draw_model_choice(s);
    draw_unit_choice(s);
    const Date as_of = analysis_date(ws);
    const std::optional<Date> first = clv::first_purchase_day(ws);
    const double unit_days = clv::period_length_days(s.unit);
    const int span = first ? static_cast<int>((as_of.days - first->days) / unit_days) : 0;  // periods of data
    draw_holdout_and_horizon(ws, s, as_of, span);
    draw_rates(s);
    draw_model_inputs(s, span);
    ImGui::Spacing();
    draw_fit_button(state, session);
}

void param_table(const char* id, const clv::FitResult& fit) {
    if (!begin_fitting_table(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchSame))
        return;
    ImGui::TableSetupColumn(tr("clv.parameter"));
    ImGui::TableSetupColumn(tr("clv.estimate"));
    ImGui::TableSetupColumn(tr("clv.std_error"));
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < fit.params.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fit.names[i].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fixed(fit.params[i], 4).c_str());
        automation::record("clv.param." + fit.model + "." + fit.names[i]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(i < fit.std_errors.size() ? fixed(fit.std_errors[i], 4).c_str() : "-");
    }
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", trf("clv.fit_summary", {fixed(fit.log_likelihood, 2), std::to_string(fit.iterations),
                                                     fit_message_text(fit.message)}).c_str());
    ImGui::PopStyleColor();
    if (!fit.converged) ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("clv.the_fit_did_not_converge"));
}

void draw_fit(const ClvResult& r) {
    if (r.problem) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.15f, 0.15f, 1));
        ImGui::TextWrapped("%s", tr("clv.no_fit"));
        ImGui::TextWrapped("%s", r.problem->message.c_str());
        ImGui::PopStyleColor();
        ImGui::TextDisabled("[%s]", r.problem->kind.c_str());
        automation::record("clv.status.failed");
        return;
    }
    automation::record_rect("clv.status.done", 0, 0, 0, 0);
    const char* model = clv_model_label(r.settings.model);
    ImGui::Text("%s", tr(model));
    if (r.count_fit) param_table("count_params", *r.count_fit);
    if (r.spend_fit) {
        ImGui::TextUnformatted(tr("clv.spend_per_purchase_gamma_gamma"));
        param_table("spend_params", *r.spend_fit);
    }
    if (r.settings.model == ClvModelKind::sbg)
        ImGui::TextDisabled("%s", trf("clv.cohort_customers_periods", {std::to_string(r.cohort.cohort), std::to_string(r.cohort.alive.size() - 1),
                                                                     tr(period_unit_plural(r.settings.unit))}).c_str());
    if (r.settings.model == ClvModelKind::simple)
        ImGui::TextDisabled("%s", trf("clv.retention_used_observed", {format_value(r.settings.retention, ValueFormat::percent),
                                                                     r.observed_retention ? format_value(*r.observed_retention, ValueFormat::percent) : "-"}).c_str());
    if (r.settings.model == ClvModelKind::markov) ImGui::TextDisabled("%s", tr("clv.markov_steps_are_calendar_months"));
    if (r.markov_problem && r.settings.model != ClvModelKind::markov)
        ImGui::TextDisabled("%s: %s", tr("clv.markov"), r.markov_problem->message.c_str());
}

// Every fit behind the values converged (a fit that did not is no estimate: its equity is withheld).
bool fits_converged(const ClvResult& r) {
    return (!r.count_fit || r.count_fit->converged) && (!r.spend_fit || r.spend_fit->converged);
}

void draw_summary(const ClvResult& r) {
    double total = 0;
    int valued = 0;
    for (const ClvRow& row : r.rows)
        if (std::isfinite(row.value.clv)) {
            total += row.value.clv;
            ++valued;
        }
    if (!fits_converged(r)) {  // the warning goes where the values are; no equity is announced
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", tr("clv.fit_not_converged_values_withheld"));
        ImGui::PopStyleColor();
        automation::record("clv.status.not_converged");
        ImGui::TextWrapped("%s", trf("clv.summary_equity_withheld", {format_value(valued, ValueFormat::integer)}).c_str());
        return;
    }
    // Equity says what it is and where it comes from (model, customers, date): other panels show other equities.
    ImGui::TextWrapped("%s", trf("clv.summary_equity_model_customers_date", {tr(clv_model_label(r.settings.model)), format_value(valued, ValueFormat::integer),
                                                                               to_iso(r.valued_at), format_value(total, ValueFormat::money),
                                                                               format_value(valued ? total / valued : 0, ValueFormat::money)}).c_str());
    const char* kSettings[] = {"clv.valued_at_horizon_discount_day", "clv.valued_at_horizon_discount_week", "clv.valued_at_horizon_discount_month"};
    text_disabled_wrapped(trf(kSettings[static_cast<int>(r.settings.unit)], {to_iso(r.valued_at), std::to_string(r.settings.horizon),
                                                                                 format_value(r.settings.discount, ValueFormat::percent)}).c_str());
    // Which fit the numbers come from (valuation.h): the refit on all data, the holdout check beside it.
    ImGui::TextWrapped("%s", r.refitted() ? trf("clv.valued_from_refit", {to_iso(r.valued_at), to_iso(r.valued_at), to_iso(r.calibration_end)}).c_str()
                                          : trf("clv.valued_from_one_fit", {to_iso(r.valued_at)}).c_str());
    automation::record("clv.valued_from");
}

void draw_stage_table(AppState& state, const ClvResult& r) {
    if (r.stages.empty()) return;
    if (!ImGui::CollapsingHeader(tr("clv.value_per_lifecycle_stage"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    const bool intervals = clv_row_interval(state, r, 0) != nullptr;  // the bootstrap is done
    if (!begin_fitting_table("stage_value", intervals ? 7 : 6, flags)) return;
    ImGui::TableSetupColumn(tr("common.stage"), 0, 1.5f);
    ImGui::TableSetupColumn(tr("common.customers"));
    ImGui::TableSetupColumn(tr("clv.mean_clv"));
    ImGui::TableSetupColumn(tr("common.customer_equity"));
    if (intervals) ImGui::TableSetupColumn(tr("clv.equity_low_high"), 0, 1.6f);
    ImGui::TableSetupColumn(tr("common.share"));
    ImGui::TableSetupColumn(tr("clv.markov_value"));
    ImGui::TableHeadersRow();
    const Lang lang = ui_lang();
    for (size_t i = 0; i < r.stages.size(); ++i) {
        const ClvStageRow& s = r.stages[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(i < r.stage_names.size() ? r.stage_names[i].in(lang).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(s.customers, ValueFormat::integer).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.value.valued ? format_value(s.value.mean, ValueFormat::money).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(s.value.equity, ValueFormat::money).c_str());
        if (intervals) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(interval_text(clv_stage_interval(state, r, i), ValueFormat::money).c_str());
            automation::record("clv.stage_interval." + std::to_string(i));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(s.value.share, ValueFormat::percent).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(number_or_dash(s.markov, ValueFormat::money).c_str());
        if (ImGui::IsItemHovered() && std::isfinite(s.margin))
            ImGui::SetTooltip("%s %s", tr("clv.margin_per_month_in_this_stage"), format_value(s.margin, ValueFormat::money).c_str());
    }
    ImGui::EndTable();
    text_disabled_wrapped(tr("clv.markov_value_expected_discounted_margin_of"));
}

double sort_key(const ClvRow& row, int column) {
    switch (column) {
        case kClv: return row.value.clv;
        case kAlive: return row.value.p_alive;
        case kPurchases: return row.value.expected_purchases;
        case kSpend: return row.value.expected_spend;
        case kX: return row.x;
        case kTx: return row.t_x;
        case kT: return row.T;
        case kHoldout: return row.holdout_x;
        default: return 0;
    }
}

// The name of the customer a row values ("" when the workspace no longer has them at that index).
const std::string& row_name(const ClvRow& row, const Workspace& ws) {
    static const std::string kNone;
    if (row.customer < 0 || row.customer >= static_cast<int>(ws.customers.size())) return kNone;
    const Customer& c = ws.customers[static_cast<size_t>(row.customer)];
    return c.id == row.value.id ? c.name : kNone;
}

void refresh_order(ClvPanelState& p, const ClvResult& r, const Workspace& ws, const ImGuiTableSortSpecs* specs) {
    int column = p.sort_column;
    bool ascending = p.sort_ascending;
    if (specs && specs->SpecsCount > 0) {
        column = specs->Specs[0].ColumnUserID;
        ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    if (!p.order_key.stale({r.generation, p.filter, column, ascending})) return;
    p.sort_column = column;
    p.sort_ascending = ascending;
    p.order.clear();
    const TextFilter filter(p.filter);  // the same matching as the customers table
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const ClvRow& row = r.rows[i];
        if (filter.matches_any({row.value.id, row_name(row, ws)})) p.order.push_back(static_cast<int>(i));
    }
    auto less = [&](int a, int b) {
        const ClvRow& ra = r.rows[static_cast<size_t>(a)];
        const ClvRow& rb = r.rows[static_cast<size_t>(b)];
        if (column == kId) return ra.value.id < rb.value.id;
        if (column == kName) return row_name(ra, ws) < row_name(rb, ws);
        double ka = sort_key(ra, column), kb = sort_key(rb, column);
        if (std::isnan(ka)) ka = -INFINITY;  // n/a sorts as the lowest
        if (std::isnan(kb)) kb = -INFINITY;
        return ka < kb;
    };
    if (ascending) std::stable_sort(p.order.begin(), p.order.end(), less);
    else std::stable_sort(p.order.begin(), p.order.end(), [&](int a, int b) { return less(b, a); });
}

void draw_customer_table(AppState& state, ClvPanelState& p, const ClvResult& r) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##filter", tr("clv.filter_by_id_or_name"), &p.filter);
    automation::record("clv.filter");
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingStretchProp;
    float footer = ImGui::GetTextLineHeightWithSpacing();
    float height = std::max(ImGui::GetContentRegionAvail().y - footer, ImGui::GetTextLineHeightWithSpacing() * 8);
    const bool intervals = clv_row_interval(state, r, 0) != nullptr;  // the bootstrap is done
    if (!begin_fitting_table("clv_customers", intervals ? kColumnCount : kClvRange, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const std::string unit = std::string(" (") + tr(period_unit_plural(r.settings.unit)) + ")";
    ImGui::TableSetupColumn(tr("common.id"), 0, 0.9f, kId);
    ImGui::TableSetupColumn(tr("common.name"), 0, 1.2f, kName);
    ImGui::TableSetupColumn(tr("common.clv"), ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 1, kClv);
    ImGui::TableSetupColumn(tr("clv.p_alive"), ImGuiTableColumnFlags_PreferSortDescending, 1, kAlive);
    ImGui::TableSetupColumn(tr("clv.exp_purchases"), ImGuiTableColumnFlags_PreferSortDescending, 1.3f, kPurchases);
    ImGui::TableSetupColumn(tr("clv.exp_spend"), ImGuiTableColumnFlags_PreferSortDescending, 1, kSpend);
    ImGui::TableSetupColumn("x", ImGuiTableColumnFlags_PreferSortDescending, 0.5f, kX);
    ImGui::TableSetupColumn(("t_x" + unit).c_str(), ImGuiTableColumnFlags_PreferSortDescending, 1.2f, kTx);
    ImGui::TableSetupColumn(("T" + unit).c_str(), ImGuiTableColumnFlags_PreferSortDescending, 1, kT);
    ImGui::TableSetupColumn(tr("clv.holdout_x"), ImGuiTableColumnFlags_PreferSortDescending, 1.0f, kHoldout);
    if (intervals) {
        ImGui::TableSetupColumn(tr("clv.clv_low_high"), ImGuiTableColumnFlags_NoSort, 1.6f, kClvRange);
        ImGui::TableSetupColumn(tr("clv.p_alive_low_high"), ImGuiTableColumnFlags_NoSort, 1.4f, kAliveRange);
        ImGui::TableSetupColumn(tr("clv.exp_purchases_low_high"), ImGuiTableColumnFlags_NoSort, 1.4f, kPurchasesRange);
    }
    ImGui::TableHeadersRow();
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    refresh_order(p, r, state.workspace(), specs);
    if (specs) specs->SpecsDirty = false;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(p.order.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const size_t index = static_cast<size_t>(p.order[static_cast<size_t>(k)]);
            const ClvRow& row = r.rows[index];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(k);
            if (ImGui::Selectable(row.value.id.c_str(), state.selected_customer == row.value.id,
                                  ImGuiSelectableFlags_SpanAllColumns))
                state.selected_customer = row.value.id;
            ImGui::PopID();
            automation::record("clv.row." + row.value.id);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row_name(row, state.workspace()).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(number_or_dash(row.value.clv, ValueFormat::money).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(number_or_dash(row.value.p_alive, ValueFormat::percent).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fixed(row.value.expected_purchases, 2).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(number_or_dash(row.value.expected_spend, ValueFormat::money).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.x >= 0 ? std::to_string(row.x).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fixed(row.t_x, 1).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fixed(row.T, 1).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.holdout_x >= 0 ? std::to_string(row.holdout_x).c_str() : "-");
            if (const clv::CustomerIntervals* iv = intervals ? clv_row_interval(state, r, index) : nullptr) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(interval_text(iv->clv, ValueFormat::money).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(interval_text(iv->p_alive, ValueFormat::percent).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(interval_text(iv->expected_purchases, ValueFormat::number).c_str());
            }
        }
    }
    ImGui::EndTable();
    text_disabled_wrapped(trf("clv.shown_of_rows", {std::to_string(p.order.size()), std::to_string(r.rows.size())}).c_str());
}

// Offers the finished result to the Lifecycle panel as per-stage columns.
void publish_stage_columns(AppState& state, const ClvResult& r) {
    auto values = std::make_shared<std::vector<double>>(state.workspace().customers.size(), NAN);
    for (const ClvRow& row : r.rows)
        if (row.customer >= 0 && static_cast<size_t>(row.customer) < values->size())
            (*values)[static_cast<size_t>(row.customer)] = row.value.clv;
    auto summary = [values](const StageAssignment& a, int stages) {
        std::vector<double> v = *values;
        v.resize(a.stage.size(), NAN);
        return stage_value_summary(a.stage, v, stages);
    };
    StageValueColumn mean{"clv.mean", "clv.mean_clv", ValueFormat::money,
                          [summary](const Workspace&, const LifecycleModel& m, const StageAssignment& a) {
                              std::vector<double> out;
                              for (const StageValue& s : summary(a, static_cast<int>(m.stages.size())))
                                  out.push_back(s.valued ? s.mean : NAN);
                              return out;
                          }};
    StageValueColumn equity{"clv.equity", "common.customer_equity", ValueFormat::money,
                            [summary](const Workspace&, const LifecycleModel& m, const StageAssignment& a) {
                                std::vector<double> out;
                                for (const StageValue& s : summary(a, static_cast<int>(m.stages.size())))
                                    out.push_back(s.equity);
                                return out;
                            }};
    set_stage_value_column(state, std::move(mean));
    set_stage_value_column(state, std::move(equity));
}

}  // namespace

void draw_panel_clv(AppState& state) {
    ClvSession& session = clv_session(state);
    ClvPanelState& p = state.panel_data<ClvPanelState>();
    if (state.workspace().customers.empty()) {
        ImGui::TextDisabled("%s", tr("common.no_customers_yet_open_a_workspace"));
        return;
    }
    const float settings_w = ImGui::GetFontSize() * 18.5f;
    ImGui::BeginChild("clv_settings", ImVec2(settings_w, 0), true);
    draw_settings(state, session);
    if (session.result()) {
        ImGui::Separator();
        draw_fit(*session.result());
        draw_clv_parameter_intervals(state, *session.result());
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("clv_results", ImVec2(0, 0));
    const auto& result = session.result();
    if (!result) {
        ImGui::TextWrapped("%s", tr("clv.choose_a_model_and_press_fit"));
    } else if (result->ok()) {
        if (p.published.stale(result->generation)) publish_stage_columns(state, *result);
        if (session.result_outdated(state))
            ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("clv.the_data_changed_since_this_fit"));
        draw_summary(*result);
        draw_clv_equity_interval(state, *result);
        if (fits_converged(*result)) draw_stage_table(state, *result);
        draw_customer_table(state, p, *result);
    }
    ImGui::EndChild();
}

}  // namespace lcs

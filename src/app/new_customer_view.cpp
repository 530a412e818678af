#include "app/new_customer_view.h"

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/ui_style.h"
#include "imgui.h"

namespace lcs {

void draw_new_customer_value(AppState& state, const std::string& id) {
    ClvSession& session = clv_session(state);
    const std::optional<ClvResult>& fit = session.result();
    // The fit's values belong to the current customers (lifecycle_scores: a rule edit keeps them, a
    // data change drops them); the population behind them is what a new customer is drawn from.
    const std::optional<clv::NewCustomerValue> value =
        fit && lifecycle_scores(state) ? clv::new_customer_value(*fit) : std::nullopt;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextWrapped("%s", tr("new_customer.what_a_new_customer_is_worth"));
    if (!value) {
        text_disabled_wrapped(tr("new_customer.fit_a_count_model"));
        automation::record(id + ".new_customer.none");
        return;
    }
    using charts::ValueFormat;
    using charts::format_value;
    const clv::ValuationSettings& s = fit->settings;
    ImGui::TextWrapped("%s", trf("new_customer.worth_pay_at_most", {format_value(value->total(), ValueFormat::money)}).c_str());
    automation::record(id + ".new_customer");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", trf("new_customer.breakdown",
                                 {format_value(value->first_purchase, ValueFormat::money),
                                  format_value(value->expected_purchases, ValueFormat::number),
                                  std::to_string(s.horizon), tr(period_unit_plural(s.unit)),
                                  format_value(value->mean_spend, ValueFormat::money),
                                  format_value(value->repeat_value, ValueFormat::money)}).c_str());
    ImGui::TextWrapped("%s", trf("new_customer.source", {tr(clv_model_label(s.model)), to_iso(fit->valued_at),
                                                         format_value(s.margin, ValueFormat::percent),
                                                         format_value(s.discount, ValueFormat::percent)}).c_str());
    ImGui::PopStyleColor();
}

}  // namespace lcs

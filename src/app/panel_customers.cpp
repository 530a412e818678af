// Customers panel: a virtualized, sortable, filterable table of every customer, and the selected
// customer's details (editable name, segment and tags; timeline; transactions; interactions; facts).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_session.h"
#include "app/condition_text.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_actions.h"
#include "app/table_fit.h"
#include "app/text_field.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "core/customer_facts.h"
#include "core/text_match.h"

namespace lcs {
namespace {

enum Column { kId, kName, kSegment, kTags, kAcquired, kPurchases, kRevenue, kLastPurchase, kColumnCount };

// Per-row figures for the table, recomputed when the workspace revision changes.
struct RowSummary {
    int purchases = 0;
    double revenue = 0;
    int32_t last_purchase = INT32_MIN;  // INT32_MIN = none
    int32_t acquired = INT32_MIN;
    std::string tags;  // joined for display and sorting
};

struct CustomersPanelState {
    std::string filter;
    Cached<std::uint64_t> summaries;  // revision (the analysis date is a setting)
    Date as_of;  // the workspace's analysis date (core analysis_date)
    std::vector<RowSummary> rows;
    // The visible order: indexes into customers, filtered and sorted.
    Cached<std::tuple<std::uint64_t, std::string, int, bool>> order_key;  // revision, filter, sort
    int sort_column = kId;
    bool sort_ascending = true;
    std::vector<std::size_t> order;
    // Detail edit buffers, reloaded when the selection or the revision changes.
    Cached<std::pair<std::string, std::uint64_t>> detail;  // customer id, data_revision
    std::string name, segment, tags;
};

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string tag = text.substr(start, comma - start);
        auto not_space = [](unsigned char c) { return !std::isspace(c); };
        tag.erase(tag.begin(), std::find_if(tag.begin(), tag.end(), not_space));
        tag.erase(std::find_if(tag.rbegin(), tag.rend(), not_space).base(), tag.end());
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
        start = comma + 1;
    }
    return tags;
}

std::string day_text(int32_t day) { return day == INT32_MIN ? std::string("-") : to_iso(Date{day}); }

void refresh_summaries(CustomersPanelState& s, const Workspace& ws, std::uint64_t revision) {
    if (!s.summaries.stale(revision)) return;
    s.as_of = analysis_date(ws);
    s.rows.assign(ws.customers.size(), {});
    for (std::size_t i = 0; i < ws.customers.size(); ++i) {
        const Customer& c = ws.customers[i];
        CustomerFacts facts = compute_customer_facts(c, s.as_of);
        RowSummary& r = s.rows[i];
        r.purchases = facts.purchases;
        r.revenue = facts.total_spend;
        if (facts.last_purchase) r.last_purchase = facts.last_purchase->days;
        if (c.acquired) r.acquired = c.acquired->days;
        r.tags = join_tags(c.tags);
    }
}

void refresh_order(CustomersPanelState& s, const Workspace& ws, std::uint64_t revision, const ImGuiTableSortSpecs* specs) {
    int column = s.sort_column;
    bool ascending = s.sort_ascending;
    if (specs && specs->SpecsCount > 0) {
        column = specs->Specs[0].ColumnUserID;
        ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    if (!s.order_key.stale({revision, s.filter, column, ascending})) return;
    s.sort_column = column;
    s.sort_ascending = ascending;

    s.order.clear();
    const TextFilter filter(s.filter);
    for (std::size_t i = 0; i < ws.customers.size(); ++i) {
        const Customer& c = ws.customers[i];
        if (filter.matches_customer(c)) s.order.push_back(i);
    }
    const auto& rows = s.rows;
    auto less = [&](std::size_t a, std::size_t b) -> bool {
        const Customer& ca = ws.customers[a];
        const Customer& cb = ws.customers[b];
        switch (column) {
            case kName: return ca.name < cb.name;
            case kSegment: return ca.segment < cb.segment;
            case kTags: return rows[a].tags < rows[b].tags;
            case kAcquired: return rows[a].acquired < rows[b].acquired;
            case kPurchases: return rows[a].purchases < rows[b].purchases;
            case kRevenue: return rows[a].revenue < rows[b].revenue;
            case kLastPurchase: return rows[a].last_purchase < rows[b].last_purchase;
            case kId:
            default: return ca.id < cb.id;
        }
    };
    if (ascending) std::stable_sort(s.order.begin(), s.order.end(), less);
    else std::stable_sort(s.order.begin(), s.order.end(), [&](std::size_t a, std::size_t b) { return less(b, a); });
}

// The table as shown (filter and sort applied), cells as drawn, for Save CSV / Copy.
ExportTable shown_customers(const CustomersPanelState& s, const Workspace& ws) {
    ExportTable t{{tr("common.id"), tr("common.name"), tr("common.segment"), tr("customers.tags"), tr("customers.acquired"),
                   tr("customers.purchases"), tr("common.revenue"), tr("customers.last_purchase")},
                  {}};
    t.rows.reserve(s.order.size());
    for (std::size_t index : s.order) {
        const Customer& c = ws.customers[index];
        const RowSummary& r = s.rows[index];
        t.rows.push_back({c.id, c.name, c.segment, r.tags, day_text(r.acquired), std::to_string(r.purchases),
                          charts::format_value(r.revenue, charts::ValueFormat::money), day_text(r.last_purchase)});
    }
    return t;
}

void draw_table(AppState& state, CustomersPanelState& s) {
    const Workspace& ws = state.workspace();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##filter", tr("common.filter_by_id_name_segment_or_tag"), &s.filter);
    automation::record("customers.filter");

    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingFixedFit;
    float footer = ImGui::GetTextLineHeightWithSpacing();
    if (!begin_fitting_table("customers", kColumnCount, flags, ImVec2(0, -footer))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("common.id"), ImGuiTableColumnFlags_DefaultSort, 0, kId);
    ImGui::TableSetupColumn(tr("common.name"), ImGuiTableColumnFlags_WidthStretch, 1.8f, kName);
    ImGui::TableSetupColumn(tr("common.segment"), ImGuiTableColumnFlags_WidthStretch, 1.3f, kSegment);
    ImGui::TableSetupColumn(tr("customers.tags"), ImGuiTableColumnFlags_WidthStretch, 1.3f, kTags);
    ImGui::TableSetupColumn(tr("customers.acquired"), 0, 0, kAcquired);
    ImGui::TableSetupColumn(tr("customers.purchases"), ImGuiTableColumnFlags_PreferSortDescending, 0, kPurchases);
    ImGui::TableSetupColumn(tr("common.revenue"), ImGuiTableColumnFlags_PreferSortDescending, 0, kRevenue);
    ImGui::TableSetupColumn(tr("customers.last_purchase"), ImGuiTableColumnFlags_PreferSortDescending, 0, kLastPurchase);
    ImGui::TableHeadersRow();

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    refresh_order(s, ws, state.revision(), specs);  // the sort reads the summaries
    if (specs) specs->SpecsDirty = false;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.order.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            std::size_t index = s.order[static_cast<std::size_t>(row)];
            const Customer& c = ws.customers[index];
            const RowSummary& r = s.rows[index];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool selected = state.selected_customer == c.id;
            ImGui::PushID(static_cast<int>(index));
            if (ImGui::Selectable(c.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                state.selected_customer = c.id;
            ImGui::PopID();
            automation::record("customers.row." + c.id);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.segment.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.tags.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(day_text(r.acquired).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", r.purchases);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(charts::format_value(r.revenue, charts::ValueFormat::money).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(day_text(r.last_purchase).c_str());
        }
    }
    // For tests (the wheel test): how far the list is scrolled, in rows (fractional while smooth scrolling).
    double scrolled_rows = ImGui::GetScrollY() / std::max(1.0f, clipper.ItemsHeight);
    automation::publish("customers_table", "{\"first_visible_row\":" + std::to_string(static_cast<int>(scrolled_rows)) +
                                               ",\"scrolled_rows\":" + std::to_string(scrolled_rows) + "}");
    ImGui::EndTable();
    ImGui::TextDisabled("%s", trf("customers.shown_of_total", {std::to_string(s.order.size()), std::to_string(ws.customers.size())}).c_str());
    ImGui::SameLine();
    table_export_button("customers", "customers", [&] { return shown_customers(s, ws); });
}

// Single-line text field that commits one undoable edit when the user finishes typing. input_text keeps
// the buffer clean text (no NUL, no lone surrogate), so what is committed is too.
bool edit_field(const char* label, const char* automation_name, std::string& buffer) {
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 6);
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushID(automation_name);
    input_text("##value", buffer);
    ImGui::PopID();
    automation::record(automation_name);
    return ImGui::IsItemDeactivatedAfterEdit();
}

void fact_row(const char* label, const std::string& value) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

std::string optional_days(const std::optional<int>& days) {
    return days ? trf("customers.n_days", {std::to_string(*days)}) : std::string("-");
}

void draw_facts(const Customer& c, Date as_of) {
    if (!ImGui::CollapsingHeader(tr("customers.facts"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    CustomerFacts f = compute_customer_facts(c, as_of);
    using charts::ValueFormat;
    ImGui::TextDisabled("%s", trf("customers.as_of_date", {to_iso(as_of)}).c_str());
    if (!begin_fitting_table("facts", 4, ImGuiTableFlags_SizingStretchProp)) return;
    fact_row(tr("customers.purchases"), std::to_string(f.purchases));
    fact_row(tr("common.repeat_purchases"), std::to_string(f.repeat_purchases));
    fact_row(tr("customers.total_spend"), charts::format_value(f.total_spend, ValueFormat::money));
    fact_row(tr("customers.average_spend"), charts::format_value(f.average_spend, ValueFormat::money));
    fact_row(tr("customers.first_purchase"), f.first_purchase ? to_iso(*f.first_purchase) : "-");
    fact_row(tr("customers.last_purchase"), f.last_purchase ? to_iso(*f.last_purchase) : "-");
    fact_row(tr("common.recency"), optional_days(f.recency_days));
    fact_row(tr("common.tenure"), optional_days(f.tenure_days));
    fact_row(tr("customers.days_between_purchases"),
             f.mean_days_between_purchases ? charts::format_value(*f.mean_days_between_purchases, ValueFormat::number) : "-");
    fact_row(tr("customers.transactions"), std::to_string(f.transactions));
    ImGui::EndTable();
}

// Name, segment and tags, each an undoable edit of customer i (c) when it changes.
void draw_edit_fields(AppState& state, CustomersPanelState& s, std::size_t i, const Customer& c) {
    if (edit_field(tr("common.name"), "customer.name", s.name) && s.name != c.name) {
        std::string value = s.name;
        state.edit_customer(i, "common.rename_customer", [&](Customer& x) { x.name = value; });
    }
    if (edit_field(tr("common.segment"), "customer.segment", s.segment) && s.segment != c.segment) {
        std::string value = s.segment;
        state.edit_customer(i, "customers.change_segment", [&](Customer& x) { x.segment = value; });
    }
    if (edit_field(tr("customers.tags"), "customer.tags", s.tags)) {
        std::vector<std::string> tags = split_tags(s.tags);
        if (tags != state.workspace().customers[i].tags)
            state.edit_customer(i, "customers.change_tags", [&](Customer& x) { x.tags = tags; });
    }
}

// The customer's stage path as chips ("2023-08 ■ New → 2023-11 ■ Active"), wrapped to the width; the
// last kShown changes only, so a long history stays one or two lines.
void draw_stage_path(AppState& state, const std::vector<StageSpell>& path) {
    constexpr std::size_t kShown = 8;
    ImGui::TextDisabled("%s", tr("customers.stage_history"));
    if (!lifecycle_full_history_if_ready(state)) {
        draw_history_pending(state);
        return;
    }
    const LifecycleModel& model = lifecycle_model(state);
    const std::size_t first = path.size() > kShown ? path.size() - kShown : 0;
    if (first > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("…");
    }
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (std::size_t k = first; k < path.size(); ++k) {
        const std::string date = charts::format_value(path[k].from.days, charts::ValueFormat::month);
        const std::string name = path[k].stage < 0 ? tr("customers.not_present") : stage_name_at(model, path[k].stage);
        const std::string arrow = k > first || first > 0 ? "→ " : "";
        const float width = ImGui::CalcTextSize((arrow + date + "  " + name).c_str()).x + ImGui::GetFontSize() * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        ImGui::TextDisabled("%s%s", arrow.c_str(), date.c_str());
        ImGui::SameLine();
        if (path[k].stage >= 0 && path[k].stage < static_cast<int>(model.stages.size()))
            color_swatch(stage_color(model.stages[static_cast<std::size_t>(path[k].stage)]));
        ImGui::TextUnformatted(name.c_str());
    }
}

void draw_timeline(AppState& state, const Customer& c, const std::vector<StageSpell>& path) {
    if (!ImGui::CollapsingHeader(tr("customers.timeline"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    draw_stage_path(state, path);
    charts::Series purchases{tr("customers.transactions"), {}, {}, 0, charts::SeriesKind::stems};
    for (const Transaction& t : c.transactions) {
        purchases.x.push_back(t.date.days);
        purchases.y.push_back(t.amount);
    }
    charts::Series touches{tr("customers.interactions"), {}, {}, charts::palette_color(1), charts::SeriesKind::points};
    for (const Interaction& x : c.interactions) {
        touches.x.push_back(x.date.days);
        touches.y.push_back(0);
    }
    charts::Options options;
    options.height_lines = 9;
    charts::line_chart("timeline", {purchases, touches}, {"", charts::ValueFormat::date},
                       {tr("common.amount"), charts::ValueFormat::money}, options);
}

// The fitted CLV row of customer i (c), or nullptr when no fit exists or the fit did not value them.
const ClvRow* clv_row(AppState& state, std::size_t i, const Customer& c) {
    const std::optional<ClvResult>& fit = clv_session(state).result();
    if (!fit) return nullptr;
    for (const ClvRow& row : fit->rows)
        if (row.customer == static_cast<int>(i) && row.value.id == c.id) return &row;
    return nullptr;
}

// The stage's rules in words, as a tooltip on the "placed by this stage's rules" note.
void rules_tooltip(const Stage& stage) {
    ImGui::BeginTooltip();
    if (!stage.rules.all.empty()) ImGui::TextDisabled("%s", tr("rules.all_of_these_must_hold"));
    for (const Condition& k : stage.rules.all) ImGui::BulletText("%s", condition_text(k).c_str());
    if (!stage.rules.any.empty()) ImGui::TextDisabled("%s", tr("rules.and_when_listed_any_one_of"));
    for (const Condition& k : stage.rules.any) ImGui::BulletText("%s", condition_text(k).c_str());
    ImGui::EndTooltip();
}

// Where customer i (c) stands at the lifecycle analysis date: their stage and why they are in it (its
// rules matched, or the fallback took them), health score and band, and CLV with P(alive) when a
// fit exists. Every number comes from the shared lifecycle analysis and CLV session; also published
// as "customer" (with the stage path) for tests. The date shows when it is not the facts' date.
void draw_standing(AppState& state, std::size_t i, const Customer& c, Date facts_as_of, const std::vector<StageSpell>& path) {
    const LifecycleAtDate& a = lifecycle_analysis(state);
    const LifecycleModel& model = lifecycle_model(state);
    const CustomerStage placed = customer_stage(a.stages, i);
    const HealthScore none;
    const HealthScore& health = i < a.health.customers.size() ? a.health.customers[i] : none;
    const ClvRow* clv = clv_row(state, i, c);
    using charts::ValueFormat;

    if (a.as_of != facts_as_of) ImGui::TextDisabled("%s", trf("customers.as_of_date", {to_iso(a.as_of)}).c_str());
    if (begin_fitting_table("standing", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("label");
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("common.stage"));
        ImGui::TableNextColumn();
        if (placed.stage < 0) {
            ImGui::TextUnformatted(trf("customers.not_a_customer_yet_on", {to_iso(a.as_of)}).c_str());
        } else {
            color_swatch(stage_color(model.stages[static_cast<std::size_t>(placed.stage)]));
            ImGui::TextUnformatted(stage_name_at(model, placed.stage).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(placed.by_rule ? "customers.placed_by_its_rules" : "customers.placed_by_fallback"));
            automation::record("customer.stage_reason");
            if (placed.by_rule && ImGui::IsItemHovered()) rules_tooltip(model.stages[static_cast<std::size_t>(placed.stage)]);
        }
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("lifecycle.health_score"));
        ImGui::TableNextColumn();
        const ImVec4 band = ImGui::ColorConvertU32ToFloat4(health_band_color(health.band));
        if (health.score) ImGui::TextColored(band, "%.0f  %s", *health.score, tr(health_band_label(health.band)));
        else ImGui::TextDisabled("%s", tr(health_band_label(health.band)));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("common.clv"));
        ImGui::TableNextColumn();
        if (clv) {
            ImGui::TextUnformatted(charts::format_value(clv->value.clv, ValueFormat::money).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("clv.p_alive"));
            ImGui::SameLine();
            ImGui::TextUnformatted(std::isnan(clv->value.p_alive) ? "-" : charts::format_value(clv->value.p_alive, ValueFormat::percent).c_str());
            ImGui::SameLine();  // the fit values at its calibration end, not at the stage's date
            ImGui::TextDisabled("%s", trf("customers.clv_valued_at", {to_iso(clv_session(state).result()->valued_at)}).c_str());
        } else {
            ImGui::TextDisabled("%s", tr(clv_session(state).result() ? "customers.not_valued_by_the_clv_fit" : "customers.fit_a_clv_model_to_see"));
        }
        ImGui::EndTable();
    }

    Json published = {{"id", c.id},
                      {"stage", placed.stage < 0 ? Json() : Json(model.stages[static_cast<std::size_t>(placed.stage)].id)},
                      {"placed_by", placed.stage < 0 ? "" : placed.by_rule ? "rules" : "fallback"},
                      {"health", health.score ? Json(*health.score) : Json()},
                      {"band", health_band_id(health.band)},
                      {"clv", clv ? Json(clv->value.clv) : Json()},
                      {"p_alive", clv && !std::isnan(clv->value.p_alive) ? Json(clv->value.p_alive) : Json()},
                      {"stage_path", Json::array()}};
    for (const StageSpell& spell : path)
        published["stage_path"].push_back(spell.stage < 0 || spell.stage >= static_cast<int>(model.stages.size())
                                              ? Json()
                                              : Json(model.stages[static_cast<std::size_t>(spell.stage)].id));
    automation::publish("customer", published.dump());
}

// A scrolling 4-column table sized for `rows` rows (at most 10 lines high) with a frozen header row;
// the caller sets up the columns and ends the table when this returns true.
bool begin_record_table(const char* id, std::size_t rows) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    float height = ImGui::GetTextLineHeightWithSpacing() * std::min<float>(10, 1.5f + rows);
    if (!begin_fitting_table(id, 4, flags, ImVec2(0, height))) return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    return true;
}

void draw_transactions(const Customer& c) {
    if (!ImGui::CollapsingHeader(tr("customers.transactions"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!begin_record_table("transactions", c.transactions.size())) return;
    ImGui::TableSetupColumn(tr("common.date"));
    ImGui::TableSetupColumn(tr("common.amount"));
    ImGui::TableSetupColumn(tr("common.cost"));
    ImGui::TableSetupColumn(tr("common.product"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(c.transactions.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const Transaction& t = c.transactions[static_cast<std::size_t>(k)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(to_iso(t.date).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(charts::format_value(t.amount, charts::ValueFormat::money).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.cost ? charts::format_value(*t.cost, charts::ValueFormat::money).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.product.c_str());
        }
    }
    ImGui::EndTable();
}

void draw_interactions(const Customer& c) {
    if (!ImGui::CollapsingHeader(tr("customers.interactions"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!begin_record_table("interactions", c.interactions.size())) return;
    ImGui::TableSetupColumn(tr("common.date"));
    ImGui::TableSetupColumn(tr("customers.type"));
    ImGui::TableSetupColumn(tr("customers.sentiment"));
    ImGui::TableSetupColumn(tr("customers.note"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(c.interactions.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const Interaction& x = c.interactions[static_cast<std::size_t>(k)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(to_iso(x.date).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x.type.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x.sentiment ? charts::format_value(*x.sentiment, charts::ValueFormat::number).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x.note.c_str());
        }
    }
    ImGui::EndTable();
}

void draw_details(AppState& state, CustomersPanelState& s) {
    auto index = state.find_customer(state.selected_customer);
    if (!index) {
        ImGui::TextDisabled("%s", tr("customers.select_a_customer_to_see_the"));
        return;
    }
    const Customer& c = state.workspace().customers[*index];
    if (s.detail.stale({c.id, state.data_revision()})) {
        s.name = c.name;
        s.segment = c.segment;
        s.tags = join_tags(c.tags);
    }
    ImGui::Text("%s  %s", c.id.c_str(), c.name.c_str());
    ImGui::Separator();
    std::size_t i = *index;
    const SnapshotSeries* history = lifecycle_full_history_if_ready(state);
    const std::vector<StageSpell> path = history ? customer_stage_path(*history, i) : std::vector<StageSpell>{};
    draw_standing(state, i, c, s.as_of, path);
    ImGui::Separator();
    draw_edit_fields(state, s, i, c);
    const Customer& cur = state.workspace().customers[i];
    ImGui::TextDisabled("%s: %s   %s: %s   %s: %s", tr("customers.acquired"), cur.acquired ? to_iso(*cur.acquired).c_str() : "-",
                        tr("common.channel"), cur.channel.empty() ? "-" : cur.channel.c_str(), tr("customers.acquisition_cost"),
                        charts::format_value(cur.acquisition_cost, charts::ValueFormat::money).c_str());

    draw_facts(cur, s.as_of);
    draw_timeline(state, cur, path);
    draw_transactions(cur);
    draw_interactions(cur);
}

}  // namespace

void draw_panel_customers(AppState& state) {
    auto& s = state.panel_data<CustomersPanelState>();
    refresh_summaries(s, state.workspace(), state.revision());
    if (state.workspace().customers.empty()) {
        ImGui::TextDisabled("%s", tr("common.no_customers_yet_open_a_workspace"));
        return;
    }
    float width = ImGui::GetContentRegionAvail().x;
    float table_width = std::max(width * 0.56f, std::min(width, ImGui::GetFontSize() * 30));
    ImGui::BeginChild("table", ImVec2(table_width, 0));
    draw_table(state, s);
    ImGui::EndChild();
    if (table_width < width - ImGui::GetFontSize() * 10) {
        ImGui::SameLine();
        ImGui::BeginChild("details", ImVec2(0, 0), true);
        draw_details(state, s);
        ImGui::EndChild();
    }
}

}  // namespace lcs

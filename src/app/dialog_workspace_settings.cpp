#include "app/dialog_workspace_settings.h"

#include "app/automation.h"
#include "app/i18n.h"
#include "app/text_field.h"
#include "imgui.h"

namespace lcs {

namespace {

// The currencies clients use most, offered beside the free-text field (any ISO code may be typed).
constexpr const char* kCommonCurrencies[] = {"CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD"};

}  // namespace

void WorkspaceSettingsDialog::draw(AppState& state) {
    const char* id = "###workspace_settings";
    if (open_requested_) {
        open_requested_ = false;
        name_ = state.workspace().meta.name;
        currency_ = state.workspace().meta.currency;
        ImGui::OpenPopup(id);
    }
    std::string title = std::string(tr("settings.title")) + id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    automation::record("settings.dialog");
    ImGui::TextUnformatted(tr("settings.name"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    input_text("##name", name_);
    automation::record("settings.name");
    ImGui::TextUnformatted(tr("settings.currency"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    input_text("##currency", currency_);
    automation::record("settings.currency");
    for (const char* code : kCommonCurrencies) {
        ImGui::SameLine();
        if (ImGui::SmallButton(code)) currency_ = code;
        automation::record(std::string("settings.currency.") + code);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 26);
    ImGui::TextDisabled("%s", tr("settings.currency_note"));
    ImGui::PopTextWrapPos();
    const bool valid = !currency_.empty();
    ImGui::BeginDisabled(!valid);
    if (ImGui::Button(tr("settings.apply"))) {
        const std::string name = name_, currency = currency_;
        state.edit_header("settings.edit", [&](Workspace& ws) {
            ws.meta.name = name;
            ws.meta.currency = currency;
        });
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    automation::record("settings.apply");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    automation::record("settings.cancel");
    ImGui::EndPopup();
}

}  // namespace lcs

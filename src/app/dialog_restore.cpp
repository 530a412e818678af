#include "app/dialog_restore.h"

#include "app/automation.h"
#include "app/i18n.h"
#include "imgui.h"
#include "platform/platform.h"

namespace lcs {

void RestoreDialog::draw(const AppState& state, const AutosaveJournal& journal, UnsavedPrompt& prompt,
                         const std::function<void(std::uint64_t)>& restore) {
    const char* id = "###restore";
    if (open_requested_) {
        ImGui::OpenPopup(id);
        open_requested_ = false;
        close_requested_ = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.7f, viewport->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    std::string title = std::string(tr("restore.title")) + id;
    if (!ImGui::BeginPopupModal(title.c_str())) return;
    automation::record("restore.dialog");
    ImGui::TextWrapped("%s", trf("restore.explanation", {std::to_string(AutosaveJournal::kMaxVersions)}).c_str());
    if (journal.empty()) ImGui::TextDisabled("%s", tr("restore.no_versions"));
    else draw_table(state, journal, prompt, restore);
    bool escape = !prompt.pending() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (ImGui::Button(tr("common.close")) || escape)
        close_requested_ = true;
    automation::record("restore.close");
    prompt.draw(state);  // inside this popup, so opening the prompt keeps the list open behind it
    if (close_requested_) {
        close_requested_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void RestoreDialog::draw_table(const AppState& state, const AutosaveJournal& journal, UnsavedPrompt& prompt,
                               const std::function<void(std::uint64_t)>& restore) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("versions", 5, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("restore.saved_at"));
    ImGui::TableSetupColumn(tr("restore.workspace"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("restore.customers"));
    ImGui::TableSetupColumn(tr("restore.state"));
    ImGui::TableSetupColumn("##open");
    ImGui::TableHeadersRow();
    int row = 0;
    for (const AutosaveVersion& v : journal.versions()) {
        ImGui::PushID(static_cast<int>(v.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // Seconds: versions a few seconds apart are told apart.
        ImGui::TextUnformatted(platform::local_time_text(v.saved_at, true).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(v.workspace_name.empty() ? tr("app.untitled") : v.workspace_name.c_str());
        if (!v.file_name.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", v.file_name.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::to_string(v.customers).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(v.dirty ? "restore.unsaved_changes" : "restore.saved_to_a_file"));
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(tr("restore.open"))) {
            std::uint64_t id = v.id;
            prompt.ask(state, "restore.open_an_autosaved_version", [this, id, restore] {
                close_requested_ = true;
                restore(id);
            });
        }
        automation::record("restore.open." + std::to_string(row++));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace lcs

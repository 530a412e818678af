#include "app/dialog_unsaved.h"

#include "app/automation.h"
#include "app/i18n.h"
#include "imgui.h"

namespace lcs {

UnsavedPrompt::UnsavedPrompt(std::function<void()> save, std::function<void()> before_replace)
    : save_(std::move(save)), before_replace_(std::move(before_replace)) {}

void UnsavedPrompt::ask(const AppState& state, const char* action_key, std::function<void()> action) {
    if (!state.dirty()) {
        action_ = nullptr;
        open_requested_ = false;
        if (before_replace_) before_replace_();
        action();
        return;
    }
    action_ = std::move(action);
    action_key_ = action_key;
    open_requested_ = true;
}

void UnsavedPrompt::draw(const AppState& state) {
    const char* id = "###unsaved";
    if (open_requested_) {
        ImGui::OpenPopup(id);
        open_requested_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::string title = std::string(tr("unsaved.title")) + id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    automation::record("unsaved.dialog");
    const std::string& name = state.workspace().meta.name.empty() ? state.file_name() : state.workspace().meta.name;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(trf("unsaved.message", {name.empty() ? std::string(tr("app.untitled")) : name}).c_str());
    ImGui::TextUnformatted(tr("unsaved.discarded_work_stays_in_restore"));
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", tr("unsaved.next"));
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(action_key_.c_str()));
    ImGui::Spacing();

    enum { kNone, kSave, kDiscard, kCancel } choice = kNone;
    if (ImGui::Button(tr("unsaved.save"))) choice = kSave;
    automation::record("unsaved.save");
    ImGui::SameLine();
    if (ImGui::Button(tr("unsaved.discard"))) choice = kDiscard;
    automation::record("unsaved.discard");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) choice = kCancel;
    automation::record("unsaved.cancel");
    if (choice != kNone) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (choice == kNone) return;

    // The action may ask again (and so set action_): take it out first.
    std::function<void()> action = std::move(action_);
    action_ = nullptr;
    if (choice == kCancel || !action) return;
    if (choice == kSave && save_) save_();
    if (before_replace_) before_replace_();
    action();
}

}  // namespace lcs

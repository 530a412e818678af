// ImGui text fields over std::string that keep the model's text rule (core/text_clean.h): what they
// hand back is valid UTF-8 without NUL, so a name edit can never store a NUL or a lone surrogate.
// Use these instead of imgui_stdlib's InputText for any text that may end up in the workspace.
#pragma once
#include <string>

#include "imgui.h"

namespace lcs {

// As ImGui::InputTextWithHint (hint may be null) on text; returns true when text changed this frame.
// Text that breaks the rule is cleaned before ImGui sees it: ImGui 1.86 measures the buffer in bytes
// when editing starts and re-encodes it from characters afterwards, so bytes it reads as U+FFFD
// changed the length under it (that is how a NUL ended up at the end of an edited name).
bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);

// As ImGui::InputTextMultiline on text, with the same cleaning.
bool input_text_multiline(const char* label, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags = 0);

}  // namespace lcs

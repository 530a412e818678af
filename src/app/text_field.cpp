#include "app/text_field.h"

#include "core/text_clean.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {

namespace {

void keep_clean(std::string& text) {
    if (!is_clean_text(text)) text = clean_text(text);
}

}  // namespace

bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags, const char* hint) {
    keep_clean(text);
    const bool changed = hint ? ImGui::InputTextWithHint(label, hint, &text, flags) : ImGui::InputText(label, &text, flags);
    if (changed) keep_clean(text);
    return changed;
}

bool input_text_multiline(const char* label, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags) {
    keep_clean(text);
    const bool changed = ImGui::InputTextMultiline(label, &text, size, flags);
    if (changed) keep_clean(text);
    return changed;
}

}  // namespace lcs

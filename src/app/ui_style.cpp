#include "app/ui_style.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"

namespace lcs {
namespace {

void apply_base_style(ImGuiStyle& style) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.ChildRounding = 3;
    style.FrameRounding = 3;
    style.PopupRounding = 3;
    style.GrabRounding = 3;
    style.TabRounding = 3;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = 1;
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(6, 3);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.26f, 0.52f, 0.86f, 0.30f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.3f, 0.4f, 0.6f, 0.05f);
    c[ImGuiCol_Tab] = ImVec4(0.82f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.26f, 0.52f, 0.86f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.40f, 0.62f, 0.92f, 1.0f);
}

}  // namespace

void UiStyle::update(float user_scale, float pixel_ratio) {
    float scale = std::clamp(user_scale, 0.5f, 3.0f) * std::max(0.25f, pixel_ratio);
    if (std::fabs(scale - applied_scale_) < 0.01f) return;
    applied_scale_ = scale;

    if (!font_looked_up_) {
        font_looked_up_ = true;
        if (auto data = platform::read_asset("ui-cjk.ttf")) font_data_ = std::move(*data);
    }

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    float size = std::round(kBaseFontSize * scale);
    if (font_data_.empty()) {
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale);
        io.Fonts->AddFontDefault(&config);
    } else {
        // One font for Latin and CJK (WenQuanYi Micro Hei subset): glyphs missing from the subset
        // are skipped by the atlas builder, so wide ranges cost nothing.
        static const ImWchar kRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x2100, 0x21FF, 0x2200, 0x22FF,
                                          0x25A0, 0x25FF, 0x3000, 0x30FF, 0x4E00, 0x9FFF, 0xFF00, 0xFFEF, 0};
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // font_data_ outlives the atlas
        config.OversampleH = scale >= 1.5f ? 1 : 2;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        io.Fonts->AddFontFromMemoryTTF(font_data_.data(), static_cast<int>(font_data_.size()), size, &config, kRanges);
    }
    io.Fonts->Build();
    platform::reload_font_texture();

    apply_base_style(ImGui::GetStyle());
    ImGui::GetStyle().ScaleAllSizes(scale);
}

ImU32 readable_text_color(const ImVec4& fill) {
    const float luminance = 0.299f * fill.x + 0.587f * fill.y + 0.114f * fill.z;
    return luminance < 0.6f ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255);
}

ImU32 readable_text_color(ImU32 fill) { return readable_text_color(ImGui::ColorConvertU32ToFloat4(fill)); }

void same_line_if_fits(float next_width, float spacing) {
    const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + next_width <= right_edge) ImGui::SameLine(0, gap);
}

std::string label_beside_or_above(const char* label, float item_width) {
    if (labelled_width(item_width, label) <= ImGui::GetContentRegionAvail().x) return label;
    const char* end = ImGui::FindRenderedTextEnd(label);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(label, end);
    ImGui::PopTextWrapPos();
    return std::string("##") + label;
}

void text_disabled_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

float labelled_width(float item_width, const char* label) {
    return item_width + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float radio_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

}  // namespace lcs

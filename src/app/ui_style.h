// Fonts and style at the right pixel scale. ImGui works in physical pixels; the UI scale is the
// user's zoom (View > UI scale) times the device pixel ratio, so text stays sharp on high-DPI screens.
#pragma once
#include <string>

#include "imgui.h"

namespace lcs {

class UiStyle {
public:
    // Call before ImGui::NewFrame. Rebuilds the font atlas (CJK font merged) and rescales the style
    // when user_scale * pixel_ratio changed. user_scale in [0.5, 3]; pixel_ratio > 0.
    void update(float user_scale, float pixel_ratio);
    float scale() const { return applied_scale_; }
    bool has_cjk_font() const { return !font_data_.empty(); }

    static constexpr float kBaseFontSize = 16.0f;  // CSS pixels at 100%

private:
    std::string font_data_;
    bool font_looked_up_ = false;
    float applied_scale_ = 0;
};

// Text colour that stays readable on a fill: white on dark fills, near-black on light ones (by the
// fill's perceived luminance, 0.299 R + 0.587 G + 0.114 B, against 0.6). Alpha is ignored.
// The one rule for labels drawn on coloured shapes (stage chips, flow bars, heatmap cells).
ImU32 readable_text_color(const ImVec4& fill);
ImU32 readable_text_color(ImU32 fill);

// Flowing rows of controls: call between two items instead of ImGui::SameLine. Keeps the next item on
// the line when `next_width` pixels (plus `spacing`, default ItemSpacing.x) still fit in the window's
// content region, else lets it start a new line, so a row of buttons or radio buttons never runs past
// the window at a larger UI scale or in a longer language.
void same_line_if_fits(float next_width, float spacing = -1);
// The label of a widget `item_width` wide with its label on the right: `label` itself when it fits beside
// the widget; else it is drawn now on its own wrapped line and "##" + label is returned for the widget.
std::string label_beside_or_above(const char* label, float item_width);
// TextDisabled that wraps at the window's edge instead of running past it.
void text_disabled_wrapped(const char* text);
// Width of a button, radio button or checkbox with this label (text up to "##" plus frame and box).
float button_width(const char* label);
float radio_width(const char* label);
// Width of a widget `item_width` wide with its label on the right (InputInt, Combo, Slider).
float labelled_width(float item_width, const char* label);

}  // namespace lcs

// Fonts and style at the right pixel scale. ImGui works in physical pixels; the UI scale is the
// user's zoom (View > UI scale) times the device pixel ratio, so text stays sharp on high-DPI screens.
#pragma once
#include <string>

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

}  // namespace lcs

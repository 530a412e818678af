#include <cstring>

#include "app/panels.h"

namespace lcs {

// One line per panel, in tab order: LCS_PANEL(id, "English title"); src/app/panel_<id>.cpp defines draw_panel_<id>.
#define LCS_PANELS(LCS_PANEL)                     \
    LCS_PANEL(customers, "Customers")             \
    LCS_PANEL(lifecycle, "Lifecycle")             \
    LCS_PANEL(lifecycle_flow, "Stage flow")       \
    LCS_PANEL(rules, "Stage rules")               \
    LCS_PANEL(playbooks, "Playbooks")             \
    LCS_PANEL(health, "Health")                   \
    LCS_PANEL(scenarios, "Scenarios")             \
    LCS_PANEL(clv, "CLV")                         \
    LCS_PANEL(clv_diagnostics, "CLV diagnostics") \
    LCS_PANEL(value, "Value segments")            \
    LCS_PANEL(simple_clv, "Simple CLV")

#define LCS_DECLARE_PANEL(id, title) void draw_panel_##id(AppState& state);
LCS_PANELS(LCS_DECLARE_PANEL)
#undef LCS_DECLARE_PANEL

const std::vector<PanelInfo>& panel_registry() {
#define LCS_PANEL_ENTRY(id, title) PanelInfo{#id, title, &draw_panel_##id},
    static const std::vector<PanelInfo> panels = {LCS_PANELS(LCS_PANEL_ENTRY)};
#undef LCS_PANEL_ENTRY
    return panels;
}

const PanelInfo* find_panel(const char* id) {
    for (const PanelInfo& panel : panel_registry())
        if (std::strcmp(panel.id, id) == 0) return &panel;
    return nullptr;
}

}  // namespace lcs

#include <cstring>

#include "app/panels.h"

namespace lcs {

// One line per panel, in tab order: LCS_PANEL(id, "title key"); src/app/panel_<id>.cpp defines draw_panel_<id>.
#define LCS_PANELS(LCS_PANEL)                              \
    LCS_PANEL(customers, "common.customers")               \
    LCS_PANEL(lifecycle, "registry.lifecycle")             \
    LCS_PANEL(lifecycle_flow, "registry.stage_flow")       \
    LCS_PANEL(rules, "registry.stage_rules")               \
    LCS_PANEL(playbooks, "registry.playbooks")             \
    LCS_PANEL(health, "lifecycle.health")                  \
    LCS_PANEL(scenarios, "scenarios.scenarios")            \
    LCS_PANEL(clv, "common.clv")                           \
    LCS_PANEL(clv_diagnostics, "registry.clv_diagnostics") \
    LCS_PANEL(value, "registry.value_segments")            \
    LCS_PANEL(simple_clv, "registry.simple_clv")

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

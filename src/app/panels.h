// The panel registry. A panel is one file src/app/panel_<name>.cpp defining
//     void draw_panel_<name>(lcs::AppState& state);
// that draws the inside of its tab (the app draws the tab itself), plus one line in
// panel_registry.cpp. Panels read state.workspace(), cache derived results keyed on
// state.revision(), and change data only through state.edit_*().
#pragma once
#include <vector>

#include "app/app_state.h"

namespace lcs {

struct PanelInfo {
    const char* id;     // stable: settings, automation names ("tab.<id>") and ImGui ids use it
    const char* title;  // English; shown through tr()
    void (*draw)(AppState& state);
};

// In tab order.
const std::vector<PanelInfo>& panel_registry();
const PanelInfo* find_panel(const char* id);

}  // namespace lcs

// The panel registry. Panel <id> lives in src/app/panel_<id>.cpp, which defines
//     void draw_panel_<id>(lcs::AppState& state);
// that draws the inside of its tab (the app draws the tab itself), plus one line in
// panel_registry.cpp. A large panel splits into panel_<id>_<part>.cpp files (sub-tabs, views)
// sharing an internal header panel_<id>_internal.h when they share state. Panels read state.workspace(), cache derived results keyed on
// state.revision(), and change data only through state.edit_*().
#pragma once
#include <vector>

#include "app/app_state.h"

namespace lcs {

struct PanelInfo {
    const char* id;     // stable: settings, automation names ("tab.<id>") and ImGui ids use it
    const char* title;  // i18n key; shown through tr()
    void (*draw)(AppState& state);
};

// In tab order.
const std::vector<PanelInfo>& panel_registry();
const PanelInfo* find_panel(const char* id);

}  // namespace lcs

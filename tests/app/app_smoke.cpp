// Headless UI smoke test: the real app (every registered panel, menus, dialogs) driven for a few
// frames with ImGui's null-backend approach, on the demo workspace. An ImGui assertion aborts the
// run (platform/imgui_config.h); CHECK failures exit non-zero.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/panels.h"
#include "core/workspace_io.h"
#include "imgui.h"
#include "platform/native/native_host.h"

namespace {

int g_failures = 0;
int g_checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        ++g_checks;                                                              \
        if (!(cond)) {                                                           \
            ++g_failures;                                                        \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

namespace native = lcs::platform::native;

void run_frames(lcs::App& app, int frames) {
    native::set_max_frames(frames);
    lcs::platform::run_main_loop({[&] { app.before_frame(); }, [&] { app.frame(); }});
}

nlohmann::json state(lcs::App& app) { return nlohmann::json::parse(app.query("state", "")); }

}  // namespace

int main() {
    native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
    CHECK(lcs::platform::init({}));
    lcs::App app;
    app.start();
    run_frames(app, 3);
    CHECK(app.started());
    std::printf("app_smoke: %zu customers after start\n", app.state().workspace().customers.size());

    // Every panel, a few frames each.
    for (const lcs::PanelInfo& panel : lcs::panel_registry()) {
        app.select_panel(panel.id);
        run_frames(app, 4);
        CHECK(app.state().active_panel == panel.id);
    }
    run_frames(app, 2);
    return g_failures == 0 ? 0 : 1;
}

// Headless UI smoke test: the real app (every registered panel, menus, dialogs) driven for a few
// frames with ImGui's null-backend approach, on the demo workspace. An ImGui assertion aborts the
// run (platform/imgui_config.h); CHECK failures make the exit status non-zero.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/i18n.h"
#include "app/panels.h"
#include "core/workspace_io.h"
#include "imgui.h"
#include "platform/native/native_host.h"

namespace {

int g_failures = 0;
int g_checks = 0;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        ++g_checks;                                                                       \
        if (!(cond)) {                                                                    \
            ++g_failures;                                                                 \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                                 \
    } while (0)

namespace native = lcs::platform::native;
using nlohmann::json;

void run_frames(lcs::App& app, int frames) {
    native::set_max_frames(frames);
    lcs::platform::run_main_loop({[&] { app.before_frame(); }, [&] { app.frame(); }});
}

json state(lcs::App& app) { return json::parse(app.query("state", "")); }

// Clicks the centre of a named item with queued mouse input (one event per frame).
bool click(lcs::App& app, const std::string& name) {
    json r = json::parse(app.query("itemRect", name));
    if (r.is_null()) {
        std::fprintf(stderr, "app_smoke: no item '%s' drawn\n", name.c_str());
        return false;
    }
    float x = r["x"].get<float>() + r["w"].get<float>() / 2, y = r["y"].get<float>() + r["h"].get<float>() / 2;
    native::mouse_move(x, y);
    native::mouse_button(0, true);
    native::mouse_button(0, false);
    run_frames(app, 5);
    return true;
}

const char* kTinyWorkspace = R"({"format": "lifecycle-studio-workspace", "version": 1,
  "workspace": {"name": "Tiny", "currency": "EUR"},
  "customers": [
    {"id": "A1", "name": "Ann", "segment": "retail", "tags": ["vip"],
     "transactions": [{"date": "2024-01-05", "amount": 20}, {"date": "2024-03-01", "amount": 35.5}],
     "interactions": [{"date": "2024-02-01", "type": "email"}]},
    {"id": "B2", "name": "Bob", "transactions": [{"date": "2024-02-10", "amount": 12}]}
  ]})";

}  // namespace

int main() {
    native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
    CHECK(lcs::platform::init({}));
    lcs::App app;
    app.start();
    run_frames(app, 3);
    CHECK(app.started());
    CHECK(lcs::duplicate_translations() == 0);
    std::printf("app_smoke: %zu customers after start (%s)\n", app.state().workspace().customers.size(),
                app.state().file_name().c_str());

    // A workspace opened through the "file dialog", then every panel for a few frames.
    native::queue_open_file({"tiny.json", kTinyWorkspace});
    app.show_open_dialog();
    run_frames(app, 2);
    CHECK(app.state().file_name() == "tiny.json");
    CHECK(app.state().workspace().customers.size() == 2);
    for (const lcs::PanelInfo& panel : lcs::panel_registry()) {
        app.select_panel(panel.id);
        run_frames(app, 4);
        CHECK(app.state().active_panel == panel.id);
    }

    // Select a customer with a real click on its row; the details draw (chart, tables, facts).
    app.select_panel("customers");
    run_frames(app, 3);
    CHECK(click(app, "customers.row.A1"));
    CHECK(app.state().selected_customer == "A1");

    // Rename through the text field: click, type, Enter -> one undoable edit.
    CHECK(click(app, "customer.name"));
    CHECK(state(app)["wantTextInput"] == true);
    native::key(ImGui::GetIO().KeyMap[ImGuiKey_A], true, true);
    native::key(ImGui::GetIO().KeyMap[ImGuiKey_A], false, false);
    native::text_input("Ann Lee");
    native::key(ImGui::GetIO().KeyMap[ImGuiKey_Enter], true);
    native::key(ImGui::GetIO().KeyMap[ImGuiKey_Enter], false);
    run_frames(app, 6);
    CHECK(app.state().workspace().customers[0].name == "Ann Lee");
    CHECK(app.state().undo_depth() == 1);
    CHECK(app.state().dirty());
    CHECK(native::unsaved_changes());

    // Undo / redo through the app and through the Edit menu.
    app.undo();
    run_frames(app, 2);
    CHECK(app.state().workspace().customers[0].name == "Ann");
    CHECK(click(app, "menu.edit"));
    CHECK(click(app, "edit.redo"));
    CHECK(app.state().workspace().customers[0].name == "Ann Lee");
    CHECK(app.state().redo_depth() == 0);

    // Tags edit through the state API (what the panel calls), undone again.
    app.state().edit_customer(1, "Change tags", [](lcs::Customer& c) { c.tags = {"new", "trial"}; });
    run_frames(app, 2);
    CHECK(app.state().undo_depth() == 2);
    app.undo();
    CHECK(app.state().workspace().customers[1].tags.empty());

    // Save downloads "<workspace name>.json" that loads back to the same workspace.
    app.save();
    CHECK(!native::downloads().empty());
    if (!native::downloads().empty()) {
        const auto& d = native::downloads().back();
        CHECK(d.name == "Tiny.json");
        lcs::LoadResult back = lcs::load_workspace_json(d.bytes);
        CHECK(back.ok());
        if (back.ok()) CHECK(back.workspace->customers[0].name == "Ann Lee");
    }
    CHECK(!app.state().dirty());

    // A broken file: problems reported, the workspace kept.
    native::drop_file({"broken.json", "{\"format\": \"lifecycle-studio-workspace\", \"version\": 1, \"customers\": [{\"id\": "});
    run_frames(app, 3);
    CHECK(app.state().file_name() == "Tiny.json");
    CHECK(app.state().workspace().customers.size() == 2);
    CHECK(!app.state().reports().empty());
    CHECK(click(app, "errors.close"));
    CHECK(app.state().reports().empty());

    // CSV import: the mapping dialog, then an undoable merge.
    native::drop_file({"more.csv", "customer_id,date,amount\nA1,2024-04-01,10\nC3,2024-04-02,5.5\nC4,not-a-date,1\n"});
    run_frames(app, 3);
    CHECK(click(app, "import.import"));
    CHECK(app.state().workspace().customers.size() == 3);
    CHECK(app.state().workspace().customers[0].transactions.size() == 3);
    CHECK(click(app, "import.close"));
    app.undo();
    CHECK(app.state().workspace().customers.size() == 2);

    // Language switch and the demo workspaces, every panel again.
    app.set_language(lcs::Language::chinese);
    for (const char* demo : {"ecommerce", "saas"}) {
        if (!app.open_demo(demo)) {
            std::printf("app_smoke: demo %s not available\n", demo);
            continue;
        }
        for (const lcs::PanelInfo& panel : lcs::panel_registry()) {
            app.select_panel(panel.id);
            run_frames(app, 3);
        }
        if (!app.state().workspace().customers.empty()) {
            app.state().selected_customer = app.state().workspace().customers.front().id;
            app.select_panel("customers");
            run_frames(app, 3);
        }
    }
    app.set_language(lcs::Language::english);

    // Autosave: after the debounce the record is stored; a fresh app restores it.
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Autosaved"; });
    run_frames(app, 2);
    CHECK(state(app)["autosaved"] == false);
    double until = lcs::platform::now_seconds() + lcs::App::kAutosaveDelaySeconds + 0.1;
    while (lcs::platform::now_seconds() < until) run_frames(app, 1);
    run_frames(app, 1);
    CHECK(state(app)["autosaved"] == true);
    {
        lcs::App second;
        second.start();
        CHECK(second.state().workspace().customers.size() == app.state().workspace().customers.size());
        if (!second.state().workspace().customers.empty())
            CHECK(second.state().workspace().customers[0].name == "Autosaved");
        CHECK(second.state().notice().text.rfind("Restored autosave from", 0) == 0);
    }

    std::printf("app_smoke: %d checks, %d failed, %d frames\n", g_checks, g_failures, native::frames_drawn());
    return g_failures == 0 ? 0 : 1;
}

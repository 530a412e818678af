// Headless UI smoke test: the real app (every registered panel, menus, dialogs) driven for a few
// frames with ImGui's null-backend approach. An ImGui assertion aborts the run
// (platform/imgui_config.h); failed doctest checks make the exit status non-zero.
// Each TEST_CASE starts its own app (SmokeApp); the native host (files, downloads, storage) is one per
// process, so an autosave one case leaves behind is what the next app starts from.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/clv_intervals_session.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/job_runner.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "core/workspace_io.h"
#include "imgui.h"
#include "platform/native/native_host.h"

namespace {

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

// Draws every registered panel for `frames` frames each.
void draw_every_panel(lcs::App& app, int frames) {
    for (const lcs::PanelInfo& panel : lcs::panel_registry()) {
        app.select_panel(panel.id);
        run_frames(app, frames);
        CHECK(app.state().active_panel == panel.id);
    }
}

const char* kTinyWorkspace = R"({"format": "lifecycle-studio-workspace", "version": 1,
  "workspace": {"name": "Tiny", "currency": "EUR"},
  "customers": [
    {"id": "A1", "name": "Ann", "segment": "retail", "tags": ["vip"],
     "transactions": [{"date": "2024-01-05", "amount": 20}, {"date": "2024-03-01", "amount": 35.5}],
     "interactions": [{"date": "2024-02-01", "type": "email"}]},
    {"id": "B2", "name": "Bob", "transactions": [{"date": "2024-02-10", "amount": 12}]}
  ]})";

// The native platform, initialised once per process before the first app exists.
struct PlatformReady {
    PlatformReady() {
        static const bool ready = [] {
            native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
            return lcs::platform::init({});
        }();
        REQUIRE(ready);
    }
};

// A started app (the demo workspace, or the autosave an earlier case left) after a few frames.
struct SmokeApp : PlatformReady {
    lcs::App app;

    SmokeApp() {
        app.start();
        run_frames(app, 3);
        REQUIRE(app.started());
    }

    // Opens the two-customer workspace through the "file dialog".
    void open_tiny() {
        native::queue_open_file({"tiny.json", kTinyWorkspace});
        app.show_open_dialog();
        run_frames(app, 2);
        if (app.unsaved_prompt_pending()) REQUIRE(click(app, "unsaved.discard"));  // an earlier case's edits
        REQUIRE(app.state().file_name() == "tiny.json");
        REQUIRE(app.state().workspace().customers.size() == 2);
    }
};

}  // namespace

TEST_CASE_FIXTURE(SmokeApp, "the app starts; a workspace opened through the file dialog draws in every panel") {
    CHECK(lcs::duplicate_translations() == 0);
    std::printf("app_smoke: %zu customers after start (%s)\n", app.state().workspace().customers.size(),
                app.state().file_name().c_str());
    native::queue_open_file({"tiny.json", kTinyWorkspace});
    app.show_open_dialog();
    run_frames(app, 2);
    if (app.unsaved_prompt_pending()) CHECK(click(app, "unsaved.discard"));  // an earlier case's edits
    CHECK(app.state().file_name() == "tiny.json");
    CHECK(app.state().workspace().customers.size() == 2);
    draw_every_panel(app, 4);
}

TEST_CASE_FIXTURE(SmokeApp, "customer edits: select by click, rename in the text field, undo and redo, tags") {
    open_tiny();
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
    // The "Undid …" notice follows a later language switch, the edit's name included.
    CHECK(lcs::notice_text(app.state().notice()) == "Undid Rename customer");
    app.set_language(lcs::Language::chinese);
    CHECK(lcs::notice_text(app.state().notice()) == "已撤销：重命名客户");
    app.set_language(lcs::Language::english);
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
}

// The selected customer's standing (stage and why, health and band, CLV and P(alive)) is what the
// shared lifecycle analysis and CLV fit say; the filter finds a customer by a tag.
TEST_CASE_FIXTURE(SmokeApp, "customer detail: stage and the rule that placed them, health, CLV; the filter searches tags") {
    REQUIRE(app.open_demo("ecommerce"));
    lcs::AppState& s = app.state();
    app.select_panel("customers");
    const lcs::Workspace& ws = s.workspace();
    REQUIRE(ws.customers.size() > 2);

    // Before a fit: no CLV, the rest from the lifecycle analysis.
    s.selected_customer = ws.customers.front().id;
    run_frames(app, 3);
    json shown = state(app)["customer"];
    CHECK(shown["id"] == ws.customers.front().id);
    CHECK(shown["clv"].is_null());

    lcs::ClvSession& session = lcs::clv_session(s);
    session.start(s);
    for (int k = 0; session.running() && k < 100000; ++k) session.tick(s, 50);
    REQUIRE(session.result());
    REQUIRE_FALSE(lcs::lifecycle_full_history(s).dates.empty());  // the stage path reads it
    const lcs::LifecycleAtDate& a = lcs::lifecycle_analysis(s);
    const lcs::LifecycleModel& model = lcs::lifecycle_model(s);
    bool seen_rule = false, seen_fallback = false;
    for (std::size_t i = 0; i < ws.customers.size() && !(seen_rule && seen_fallback); ++i) {
        const lcs::CustomerStage placed = lcs::customer_stage(a.stages, i);
        if (placed.stage < 0 || (placed.by_rule ? seen_rule : seen_fallback)) continue;  // one of each kind
        (placed.by_rule ? seen_rule : seen_fallback) = true;
        s.selected_customer = ws.customers[i].id;
        run_frames(app, 2);
        shown = state(app)["customer"];
        CHECK(shown["id"] == ws.customers[i].id);
        CHECK(shown["stage"] == model.stages[static_cast<std::size_t>(placed.stage)].id);
        CHECK(shown["placed_by"] == (placed.by_rule ? "rules" : "fallback"));
        REQUIRE_FALSE(shown["stage_path"].empty());  // the history ends on the analysis date: today's stage last
        CHECK(shown["stage_path"].back() == shown["stage"]);
        // Hovering the reason lists the stage's rules in a tooltip (drawn without an ImGui assertion).
        json reason = json::parse(app.query("itemRect", "customer.stage_reason"));
        REQUIRE_FALSE(reason.is_null());
        native::mouse_move(reason["x"].get<float>() + 2, reason["y"].get<float>() + 2);
        run_frames(app, 3);
        const lcs::HealthScore& h = a.health.customers[i];
        CHECK(shown["band"] == lcs::health_band_id(h.band));
        if (h.score) CHECK(shown["health"].get<double>() == doctest::Approx(*h.score));
        else CHECK(shown["health"].is_null());
        for (const lcs::ClvRow& row : session.result()->rows)
            if (row.customer == static_cast<int>(i)) CHECK(shown["clv"].get<double>() == doctest::Approx(row.value.clv));
    }
    CHECK(seen_rule);

    // A tag saved on the last customer: the filter finds them by it, and only them.
    const std::size_t last = ws.customers.size() - 1;
    const std::string last_id = ws.customers[last].id, first_id = ws.customers.front().id;
    s.edit_customer(last, "customers.change_tags", [](lcs::Customer& c) { c.tags.push_back("top20"); });
    run_frames(app, 2);
    CHECK(click(app, "customers.filter"));
    native::text_input("TOP20");
    run_frames(app, 4);
    CHECK_FALSE(json::parse(app.query("itemRect", "customers.row." + last_id)).is_null());
    CHECK(json::parse(app.query("itemRect", "customers.row." + first_id)).is_null());
}

TEST_CASE_FIXTURE(SmokeApp, "save downloads <workspace name>.json that loads back to the same workspace") {
    open_tiny();
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Ann Lee"; });
    run_frames(app, 2);
    app.save();
    REQUIRE(!native::downloads().empty());
    const auto& d = native::downloads().back();
    CHECK(d.name == "Tiny.json");
    lcs::LoadResult back = lcs::load_workspace_json(d.bytes);
    REQUIRE(back.ok());
    CHECK(back.workspace->customers[0].name == "Ann Lee");
    CHECK(!app.state().dirty());
    CHECK(app.state().file_name() == "Tiny.json");

    // Save As with a data file's extension still writes the workspace as .json, and says so.
    app.save_as("client-report.csv");
    CHECK(native::downloads().back().name == "client-report.json");
    CHECK(app.state().file_name() == "client-report.json");
    CHECK(app.state().notice().key == "app.saved_as_json");
    CHECK(lcs::notice_text(app.state().notice()) ==
          "Saved client-report.json: a workspace is always a .json file (client-report.csv asked for)");
    app.save_as("plan.v2");
    CHECK(native::downloads().back().name == "plan.v2.json");
    CHECK(app.state().notice().key == "app.saved");
}

TEST_CASE_FIXTURE(SmokeApp, "a broken file: problems reported, the open workspace kept") {
    open_tiny();
    native::drop_file({"broken.json", "{\"format\": \"lifecycle-studio-workspace\", \"version\": 1, \"customers\": [{\"id\": "});
    run_frames(app, 3);
    CHECK(app.state().file_name() == "tiny.json");
    CHECK(app.state().workspace().customers.size() == 2);
    CHECK(!app.state().reports().empty());
    CHECK(click(app, "errors.close"));
    CHECK(app.state().reports().empty());
}

TEST_CASE_FIXTURE(SmokeApp, "CSV import: the mapping dialog, then an undoable merge") {
    open_tiny();
    native::drop_file({"more.csv", "customer_id,date,amount\nA1,2024-04-01,10\nC3,2024-04-02,5.5\nC4,not-a-date,1\n"});
    run_frames(app, 3);
    CHECK(click(app, "import.import"));
    CHECK(app.state().workspace().customers.size() == 3);
    CHECK(app.state().workspace().customers[0].transactions.size() == 3);
    CHECK(click(app, "import.close"));
    app.undo();
    CHECK(app.state().workspace().customers.size() == 2);
}

TEST_CASE_FIXTURE(SmokeApp, "Chinese: both demo workspaces draw in every panel and with a customer selected") {
    app.set_language(lcs::Language::chinese);
    for (const char* demo : {"ecommerce", "saas"}) {
        if (!app.open_demo(demo)) {
            std::printf("app_smoke: demo %s not available\n", demo);
            continue;
        }
        draw_every_panel(app, 3);
        if (!app.state().workspace().customers.empty()) {
            app.state().selected_customer = app.state().workspace().customers.front().id;
            app.select_panel("customers");
            run_frames(app, 3);
        }
    }
    app.set_language(lcs::Language::english);
}

// Everything reachable drawn in Chinese: both demos in every panel (with a CLV fit and the stage
// history finished, so result views draw too), a customer selected, the menus, the CSV import dialog,
// the problem dialog, About and the keyboard shortcuts. Any key looked up without a Chinese entry is
// English text in the Chinese UI; they are listed in the failure.
TEST_CASE_FIXTURE(SmokeApp, "Chinese: every string drawn has a Chinese entry") {
    app.set_language(lcs::Language::chinese);
    lcs::take_missing_translations();
    for (const char* demo : {"ecommerce", "saas"}) {
        if (!app.open_demo(demo)) continue;
        lcs::AppState& s = app.state();
        lcs::ClvSession& session = lcs::clv_session(s);
        session.start(s);
        lcs::lifecycle_full_history_if_ready(s);
        for (int frames = 0; (session.running() || !lcs::lifecycle_full_history_if_ready(s)) && frames < 3000; ++frames)
            run_frames(app, 1);
        CHECK_FALSE(session.running());
        draw_every_panel(app, 3);
        s.selected_customer = s.workspace().customers.front().id;
        draw_every_panel(app, 2);
    }
    for (const char* menu : {"menu.file", "menu.edit", "menu.view", "menu.help"}) {
        CHECK(click(app, menu));
        CHECK(click(app, menu));  // closes it again
    }
    open_tiny();
    draw_every_panel(app, 2);
    native::drop_file({"more.csv", "customer_id;date;amount\nA1;2024-04-01;10\nC3;2024-04-02;5,5\nC4;not-a-date;1\n"});
    run_frames(app, 3);
    CHECK(click(app, "import.import"));
    CHECK(click(app, "import.close"));
    CHECK(click(app, "menu.edit"));  // "撤销：导入 CSV"
    CHECK(click(app, "menu.edit"));
    native::drop_file({"broken.json", "{\"format\": \"lifecycle-studio-workspace\", \"version\": 1, \"customers\": [{\"id\": "});
    run_frames(app, 3);
    CHECK(click(app, "errors.close"));
    CHECK(click(app, "menu.help"));
    CHECK(click(app, "help.about"));
    CHECK(click(app, "about.close"));
    CHECK(click(app, "menu.help"));
    CHECK(click(app, "help.shortcuts"));
    CHECK(click(app, "shortcuts.close"));
    app.undo();
    run_frames(app, 2);
    const std::vector<std::string> missing = lcs::take_missing_translations();
    std::string list;
    for (const std::string& key : missing) list += "\n  " + key;
    CHECK_MESSAGE(missing.empty(), "drawn in Chinese without a Chinese entry:" << list);
    // In English every string passed to tr() is a key too (no English text used as a key).
    app.set_language(lcs::Language::english);
    draw_every_panel(app, 2);
    list.clear();
    for (const std::string& key : lcs::take_missing_translations()) list += "\n  " + key;
    CHECK_MESSAGE(list.empty(), "looked up in English without an entry:" << list);
}

TEST_CASE("job runner: every job is called each run with a share of the budget until none has work") {
    lcs::AppState state;
    lcs::JobRunner runner;
    int first = 0, second = 0;
    double first_budget = 0, second_budget = 0;
    runner.add("three steps", [&](lcs::AppState&, double budget_ms) {
        first_budget = budget_ms;
        return ++first < 3;
    });
    runner.add("idle", [&](lcs::AppState&, double budget_ms) {
        second_budget = budget_ms;
        ++second;
        return false;
    });
    CHECK(runner.run(state, 12));
    CHECK(runner.busy());
    CHECK(first_budget <= 6.0);  // an even share with the job after it
    CHECK(second_budget >= lcs::JobRunner::kMinStepMs);
    CHECK(runner.run(state, 12));
    CHECK_FALSE(runner.run(state, 12));
    CHECK_FALSE(runner.busy());
    CHECK(first == 3);
    CHECK(second == 3);
}

TEST_CASE("revisions: customer edits change data, header edits settings, loads and replacements both") {
    lcs::AppState state;
    lcs::Workspace ws;
    ws.customers.push_back(lcs::Customer{});
    ws.customers.back().id = "A";
    state.load(ws, "w.json");
    auto data = state.data_revision(), settings = state.settings_revision(), all = state.revision();
    state.edit_customer(0, "Rename", [](lcs::Customer& c) { c.name = "Ann"; });
    CHECK(state.data_revision() == data + 1);
    CHECK(state.settings_revision() == settings);
    CHECK(state.revision() == all + 1);
    state.edit_header("Rename workspace", [](lcs::Workspace& w) { w.meta.name = "New"; });
    CHECK(state.data_revision() == data + 1);
    CHECK(state.settings_revision() == settings + 1);
    state.undo();  // the header edit: settings again
    CHECK(state.data_revision() == data + 1);
    CHECK(state.settings_revision() == settings + 2);
    state.undo();  // the customer edit: data again
    CHECK(state.data_revision() == data + 2);
    CHECK(state.settings_revision() == settings + 2);
    CHECK(state.find_customer("A") == std::optional<std::size_t>(0));
    state.replace_workspace("Import", ws);
    CHECK(state.data_revision() == data + 3);
    CHECK(state.settings_revision() == settings + 3);
    CHECK(state.revision() == all + 5);
}

TEST_CASE_FIXTURE(SmokeApp, "background work: a CLV fit and a stage history finish while only Customers is drawn") {
    REQUIRE(app.open_demo("ecommerce"));
    lcs::AppState& s = app.state();
    lcs::ClvSession& session = lcs::clv_session(s);
    session.start(s);
    CHECK(lcs::lifecycle_full_history_if_ready(s) == nullptr);  // requested, not built yet
    app.select_panel("customers");
    int frames = 0;
    // The fit's intervals (clv_intervals_session) are background work too: they follow the fit.
    while ((session.running() || !lcs::lifecycle_full_history_if_ready(s) || app.jobs().busy()) && frames < 3000) {
        run_frames(app, 1);
        ++frames;
    }
    std::printf("app_smoke: background work done after %d Customers frames\n", frames);
    CHECK(frames < 3000);
    CHECK_FALSE(session.running());
    REQUIRE(session.result());
    CHECK(session.result()->revision == s.revision());
    CHECK(lcs::clv_intervals_session(s).bootstrap(session.result()->generation) != nullptr);
    const lcs::SnapshotSeries* history = lcs::lifecycle_full_history_if_ready(s);
    REQUIRE(history);
    CHECK_FALSE(history->dates.empty());
    CHECK_FALSE(app.jobs().busy());
}

TEST_CASE_FIXTURE(SmokeApp, "a rule edit keeps the event index and the typed model; undo restores the model") {
    open_tiny();
    lcs::AppState& s = app.state();
    app.select_panel("rules");
    run_frames(app, 3);
    lcs::LifecycleView& v = lcs::lifecycle_view(s);
    const lcs::EventIndex* index = &lcs::lifecycle_index(s);
    const auto index_builds = v.index.builds(), model_reads = v.model_key.builds();
    const lcs::LifecycleModel before = v.model;
    const auto data = s.data_revision();

    lcs::LifecycleModel edited = before;
    lcs::Condition vip;
    vip.kind = lcs::ConditionKind::has_tag;
    vip.text = "vip";
    edited.stages[0].rules.any.push_back(vip);
    REQUIRE(lcs::commit_lifecycle_model(s, edited, "Edit rule"));
    run_frames(app, 3);
    CHECK(s.data_revision() == data);
    CHECK(&lcs::lifecycle_index(s) == index);
    CHECK(v.index.builds() == index_builds);  // a rule edit does not rebuild the per-customer index
    CHECK(v.model_key.builds() == model_reads);  // nor parse back the model it just wrote
    REQUIRE_FALSE(v.model.stages[0].rules.any.empty());
    CHECK(v.model.stages[0].rules.any.back() == vip);
    CHECK_FALSE(lcs::is_builtin_model(v.model));
    CHECK_FALSE(v.model_is_builtin);

    app.undo();
    run_frames(app, 2);
    CHECK(lcs::lifecycle_model(s) == before);
    CHECK(v.model_is_builtin == lcs::is_builtin_model(before));
    CHECK(v.model_key.builds() == model_reads + 1);  // undo reads the restored section once
    CHECK(v.index.builds() == index_builds);

    s.edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Ann Lee"; });
    lcs::lifecycle_index(s);
    CHECK(v.index.builds() == index_builds + 1);  // customer edits do
}

TEST_CASE_FIXTURE(SmokeApp, "a P(alive) rule says it needs a CLV fit before one, and places customers after") {
    REQUIRE(app.open_demo("ecommerce"));
    if (app.unsaved_prompt_pending()) REQUIRE(click(app, "unsaved.discard"));
    lcs::AppState& s = app.state();
    lcs::switch_lifecycle_model(s, "crm_value_model");  // decline: cancelled, or P(alive) < 0.3
    lcs::LifecycleView& v = lcs::lifecycle_view(s);
    REQUIRE(v.model.id == "crm_value_model");
    const int decline = lcs::stage_index(v.model, "decline");
    REQUIRE(decline >= 0);
    v.selected_stage = decline;
    app.select_panel("rules");
    run_frames(app, 3);

    // No fit: the editor says so where the count would be, and the rule places no one.
    json rules = state(app)["rules"];
    REQUIRE(rules["stage"] == "decline");
    REQUIRE(rules["conditions"].size() == 2);
    CHECK(rules["conditions"][1]["kind"] == "model_p_alive");
    CHECK(rules["conditions"][1]["gap"] == "needs a CLV fit");
    CHECK(rules["conditions"][1]["count"] == 0);
    CHECK(rules["conditions"][0]["gap"] == "");  // the churn condition counts as always
    CHECK_FALSE(json::parse(app.query("itemRect", "rules.model_note")).is_null());
    const int placed_before = lcs::lifecycle_analysis(s).stages.counts[static_cast<std::size_t>(decline)];

    lcs::ClvSession& session = lcs::clv_session(s);
    session.start(s);
    for (int k = 0; session.running() && k < 100000; ++k) session.tick(s, 50);
    REQUIRE(session.result());
    REQUIRE(session.result()->ok());
    run_frames(app, 3);

    // After the fit: a live count, the customers the fit gives P(alive) < 0.3, and they are placed.
    rules = state(app)["rules"];
    CHECK(rules["conditions"][1]["gap"] == "");
    const lcs::ModelScores* scores = lcs::lifecycle_scores(s);
    REQUIRE(scores);
    const lcs::LifecycleAtDate& a = lcs::lifecycle_analysis(s);
    CHECK(scores->as_of == a.as_of);
    int low = 0;
    for (std::size_t c = 0; c < scores->p_alive.size(); ++c)
        low += a.stages.stage[c] >= 0 && scores->p_alive[c] < 0.3;
    CHECK(low > 0);
    CHECK(rules["conditions"][1]["count"] == low);
    CHECK(a.rule_counts[static_cast<std::size_t>(decline)].any_matched[1] == low);
    CHECK(a.stages.counts[static_cast<std::size_t>(decline)] > placed_before);
    CHECK(rules["assigned"] == a.stages.counts[static_cast<std::size_t>(decline)]);

    // A rule edit keeps the fit's values (the fit reads no rules): the count follows the new threshold.
    lcs::LifecycleModel edited = v.model;
    edited.stages[static_cast<std::size_t>(decline)].rules.any[1].value = 0.5;
    REQUIRE(lcs::commit_lifecycle_model(s, edited, "Edit rule"));
    run_frames(app, 3);
    int below_half = 0;
    for (std::size_t c = 0; c < scores->p_alive.size(); ++c)
        below_half += a.stages.stage[c] >= 0 && scores->p_alive[c] < 0.5;
    REQUIRE(lcs::lifecycle_scores(s));
    rules = state(app)["rules"];
    CHECK(rules["conditions"][1]["gap"] == "");
    CHECK(rules["conditions"][1]["count"] == below_half);
    CHECK(below_half > low);

    // The new-customer value shows beside the simple CLV formula once a count model is fitted.
    app.select_panel("simple_clv");
    run_frames(app, 3);
    CHECK_FALSE(json::parse(app.query("itemRect", "simple.new_customer")).is_null());
    REQUIRE(lcs::clv::new_customer_value(*session.result()));
    CHECK(lcs::clv::new_customer_value(*session.result())->total() > 0);
}

// Last: the autosave it leaves is what a later app would start from.
TEST_CASE_FIXTURE(SmokeApp, "autosave: after the debounce the record is stored; a fresh app restores it") {
    open_tiny();
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Autosaved"; });
    run_frames(app, 2);
    CHECK(state(app)["autosaved"] == false);
    double until = lcs::platform::now_seconds() + lcs::App::kAutosaveDelaySeconds + 0.1;
    while (lcs::platform::now_seconds() < until) run_frames(app, 1);
    run_frames(app, 1);
    CHECK(state(app)["autosaved"] == true);

    lcs::App second;
    second.start();
    CHECK(second.state().workspace().customers.size() == app.state().workspace().customers.size());
    REQUIRE(!second.state().workspace().customers.empty());
    CHECK(second.state().workspace().customers[0].name == "Autosaved");
    CHECK(second.state().notice().text.rfind("Restored autosave from", 0) == 0);
}

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    int status = context.run();
    std::printf("app_smoke: %d frames drawn\n", native::frames_drawn());
    return status;
}

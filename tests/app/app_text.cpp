// Every character survives a text field (part of app_smoke): editing a name that holds a character
// outside the Basic Multilingual Plane keeps it and adds no NUL (the 16-bit ImWchar build stored
// "\uFFFD田 太郎!\u0000"), the arrow keys step over it as one character, and a file whose text had to be
// repaired on load says so. Each case starts and ends with empty native storage (no autosave left).
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/text_clean.h"
#include "imgui.h"
#include "platform/native/native_host.h"

namespace {

namespace native = lcs::platform::native;
using nlohmann::json;

// 𠮷田 太郎 (𠮷 is U+20BB7, CJK Extension B).
const char* kName = "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E";

std::string workspace_with_name(const std::string& name_json) {
    return R"({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "Text"},
      "customers": [{"id": "A1", "name": )" + name_json + R"(, "transactions": [{"date": "2024-01-05", "amount": 20}]}]})";
}

void run_frames(lcs::App& app, int frames) {
    native::set_max_frames(frames);
    lcs::platform::run_main_loop({[&] { app.before_frame(); }, [&] { app.frame(); }});
}

bool click(lcs::App& app, const std::string& name) {
    json r = json::parse(app.query("itemRect", name));
    if (r.is_null()) {
        MESSAGE("no item drawn: " << name);
        return false;
    }
    native::mouse_move(r["x"].get<float>() + r["w"].get<float>() / 2, r["y"].get<float>() + r["h"].get<float>() / 2);
    native::mouse_button(0, true);
    native::mouse_button(0, false);
    run_frames(app, 5);
    return true;
}

void press(ImGuiKey key) {
    native::key(ImGui::GetIO().KeyMap[key], true);
    native::key(ImGui::GetIO().KeyMap[key], false);
}

// A started app with a one-customer workspace opened from `text`.
struct TextApp {
    lcs::App app;
    explicit TextApp(const std::string& text) {
        native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
        REQUIRE(lcs::platform::init({}));
        native::storage().clear();
        app.start();
        run_frames(app, 3);
        REQUIRE(app.started());
        native::queue_open_file({"text.json", text});
        app.show_open_dialog();
        run_frames(app, 2);
        if (app.unsaved_prompt_pending()) REQUIRE(click(app, "unsaved.discard"));
        REQUIRE(app.state().file_name() == "text.json");
    }
    ~TextApp() { native::storage().clear(); }
    const std::string& name() { return app.state().workspace().customers.at(0).name; }
};

}  // namespace

TEST_CASE("text field: a name with an astral character is edited without U+FFFD or NUL") {
    TextApp t(workspace_with_name(std::string("\"") + kName + "\""));
    t.app.select_panel("customers");
    run_frames(t.app, 3);
    REQUIRE(click(t.app, "customers.row.A1"));
    REQUIRE(click(t.app, "customer.name"));

    // End, "!", Enter: the edit from the issue.
    press(ImGuiKey_End);
    native::text_input("!");
    press(ImGuiKey_Enter);
    run_frames(t.app, 6);
    CHECK(t.name() == std::string(kName) + "!");
    CHECK(lcs::is_clean_text(t.name()));
    CHECK(t.app.state().undo_depth() == 1);

    // Home, two steps right (𠮷 is one character), then an astral character and a ZWJ emoji there.
    REQUIRE(click(t.app, "customer.name"));
    press(ImGuiKey_Home);
    press(ImGuiKey_RightArrow);
    press(ImGuiKey_RightArrow);
    native::text_input("\xF0\xA9\xB8\xBD\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");  // 𩸽👩‍👧
    press(ImGuiKey_Enter);
    run_frames(t.app, 8);
    CHECK(t.name() == "\xF0\xA0\xAE\xB7\xE7\x94\xB0\xF0\xA9\xB8\xBD\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
                      "\xE5\xA4\xAA\xE9\x83\x8E!");
    CHECK(lcs::is_clean_text(t.name()));
}

TEST_CASE("text field: opening a file with a lone surrogate and a NUL repairs them and reports where") {
    TextApp t(workspace_with_name(R"("\ud842\u7530 \u592a\u90ce!\u0000")"));
    CHECK(t.name() == "\xEF\xBF\xBD\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E!");
    const json errors = json::parse(t.app.query("state", ""))["errors"];
    REQUIRE(errors.size() == 1);
    const std::string listed = errors.dump();
    CHECK(listed.find("customers[0].name") != std::string::npos);
    CHECK(listed.find("lone UTF-16 surrogate") != std::string::npos);
    CHECK(listed.find("NUL") != std::string::npos);
}

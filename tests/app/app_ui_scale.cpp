// No clipped text at larger UI scales (part of app_smoke): every panel, and every tab inside a panel,
// is drawn at 125%, 150% and 200% in English and Chinese on the headless 1280×800 display, and every
// label that does not fit where it is drawn is reported.
//
// How clipping is seen: the native build compiles ImGui with IMGUI_ENABLE_TEST_ENGINE
// (cmake/AppTargets.cmake), so ImGui 1.86 calls the hook ItemInfo below with the label of every
// button, checkbox, radio button, slider, input, selectable, tree node and menu item it lays out, right
// after the item's rectangle is known (LastItemData). A label is clipped when its text is wider than its
// item (a button sized too small) or runs past the clip rectangle it is drawn in (the window, or the
// table cell). After each frame the windows, tables and tab bars are checked too, which catches plain
// text (Text, TextUnformatted: no hook) and tabs (their hook comes before their rectangle): a window's
// content reaching past its visible area with no horizontal scrolling, a table cell's content wider than
// its column, a column header wider than its column (ImGui draws it with an ellipsis), a tab narrower
// than its label (a tab bar that shrinks tabs to fit).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/panels.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/native/native_host.h"
#include "app_driver.h"

namespace {

namespace native = lcs::platform::native;
using nlohmann::json;

constexpr float kSlack = 1.0f;  // pixels of rounding allowed

struct ClipCheck {
    bool active = false;
    std::set<std::string> found;  // "window: label (needs 120 px, has 90 px)"
    std::set<ImGuiID> widgets;    // ids of the labelled widgets drawn in the checked frame
};

ClipCheck& clip_check() {
    static ClipCheck check;
    return check;
}

std::string visible_label(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

void report(const ImGuiWindow* window, const std::string& what, float needed, float room) {
    char sizes[64];
    std::snprintf(sizes, sizeof sizes, " (needs %.0f px, has %.0f px)", static_cast<double>(needed), static_cast<double>(room));
    clip_check().found.insert(std::string(window ? window->Name : "tab bar") + ": " + what + sizes);
}

// Windows whose width follows their content, or that show a horizontal scrollbar, cannot clip text
// sideways. (ScrollMax.x alone says nothing: ImGui sets it for any content wider than the window.)
bool grows_or_scrolls(const ImGuiWindow* w) {
    const ImGuiWindowFlags free = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup |
                                  ImGuiWindowFlags_ChildMenu;
    return (w->Flags & free) != 0 || w->ScrollbarX;
}

// The right end of a scrolling tab strip in `w` when its tabs reach past the window: the strip scrolls
// (arrows, a list), and ImGui counts its full length as the window's content. 0 when there is none.
float scrolling_tabs_end(ImGuiContext& g, const ImGuiWindow* w) {
    float end = 0;
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        const ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (bar && bar->CurrFrameVisible == g.FrameCount && (bar->Flags & ImGuiTabBarFlags_FittingPolicyScroll) &&
            w->Rect().Contains(bar->BarRect.Min))
            end = std::max(end, bar->BarRect.Min.x + bar->WidthAllTabsIdeal);
    }
    return end;
}

// Content of every window drawn this frame stays inside its visible area.
void check_windows(ImGuiContext& g) {
    for (ImGuiWindow* w : g.Windows) {
        if (!w->Active || w->Hidden || w->SkipItems || grows_or_scrolls(w)) continue;
        if (std::string(w->Name).rfind("Debug##", 0) == 0) continue;
        if (w->DC.CursorMaxPos.x <= scrolling_tabs_end(g, w) + kSlack) continue;
        // The inside of a widget (a multiline text field) scrolls its text with the caret.
        if (w->ChildId && clip_check().widgets.count(w->ChildId)) continue;
        const float room = w->InnerClipRect.Max.x;
        if (w->DC.CursorMaxPos.x > room + kSlack)
            report(w, "content wider than the window", w->DC.CursorMaxPos.x - w->DC.CursorStartPos.x, room - w->DC.CursorStartPos.x);
    }
}

// Cell contents and headers of every table drawn this frame fit their columns.
void check_tables(ImGuiContext& g) {
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        ImGuiTable* t = g.Tables.TryGetMapData(n);
        // A table that scrolls sideways shows every column in turn; its cells still must not cut their text.
        if (!t || t->LastFrameActive != g.FrameCount || (t->Flags & ImGuiTableFlags_NoClip)) continue;
        if (!t->OuterWindow || t->OuterWindow->Hidden || !t->OuterWindow->Active) continue;
        for (int i = 0; i < t->ColumnsCount; ++i) {
            const ImGuiTableColumn& c = t->Columns[i];
            if (!c.IsEnabled || !c.IsVisibleX || (c.Flags & ImGuiTableColumnFlags_NoClip)) continue;
            const char* name = ImGui::TableGetColumnName(t, i);
            const std::string column = std::string("table column '") + (name ? name : "") + "'";
            const float content = std::max(c.ContentMaxXFrozen, c.ContentMaxXUnfrozen);
            if (content > c.MaxX + kSlack) report(t->OuterWindow, column + " content", content - c.WorkMinX, c.MaxX - c.WorkMinX);
            if (c.ContentMaxXHeadersIdeal > c.MaxX + kSlack)
                report(t->OuterWindow, column + " header", c.ContentMaxXHeadersIdeal - c.WorkMinX, c.MaxX - c.WorkMinX);
        }
    }
}

// Every tab shown this frame is as wide as its label (a tab bar that shrinks tabs to fit cuts labels;
// one that scrolls keeps them whole).
void check_tab_bars(ImGuiContext& g) {
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (!bar || bar->CurrFrameVisible != g.FrameCount) continue;
        for (const ImGuiTabItem& tab : bar->Tabs)
            if (tab.LastFrameVisible == g.FrameCount && tab.Width + kSlack < tab.ContentWidth)
                report(nullptr, "tab '" + visible_label(bar->GetTabName(&tab)) + "' narrower than its label", tab.ContentWidth, tab.Width);
    }
}

using lcs::test::click;
using lcs::test::run_frames;

// Lets the view settle (a layout that measures its content the frame before, a new font after a scale
// change), then checks one frame: what a person would see.
void settle_and_check(lcs::App& app) {
    run_frames(app, 4);
    clip_check().widgets.clear();
    clip_check().active = true;
    run_frames(app, 1);
    clip_check().active = false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    check_windows(g);
    check_tables(g);
    check_tab_bars(g);
}

std::vector<std::string> items(lcs::App& app) { return json::parse(app.query("items", "")).get<std::vector<std::string>>(); }

// One frame of a window made to clip in every way the checks look for: they must report each.
void draw_clipping_probe(bool check) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(260, 260));
    ImGui::Begin("clip probe", nullptr, ImGuiWindowFlags_NoSavedSettings);
    ImGui::Button("a label much wider than its button", ImVec2(40, 0));
    ImGui::Checkbox("a checkbox label running out of the window", &clip_check().active);
    if (ImGui::BeginTabBar("probe tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
        for (const char* tab : {"first long tab title", "second long tab title", "third long tab title"})
            if (ImGui::BeginTabItem(tab)) ImGui::EndTabItem();
        ImGui::EndTabBar();
    }
    if (ImGui::BeginTable("probe table", 2, ImGuiTableFlags_SizingStretchSame, ImVec2(120, 0))) {
        ImGui::TableSetupColumn("a header much wider than its column");
        ImGui::TableSetupColumn("b");
        ImGui::TableHeadersRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("a cell text much wider than its column");
        ImGui::EndTable();
    }
    ImGui::BeginChild("narrow child", ImVec2(60, 40));
    ImGui::TextUnformatted("a text much wider than its window");
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
    if (!check) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    check_windows(g);
    check_tables(g);
    check_tab_bars(g);
}

// Draws the panel, then each of its tabs and the tabs those show (automation names "<area>.tab.<id>").
void draw_panel_and_tabs(lcs::App& app, const std::string& panel) {
    app.select_panel(panel);
    settle_and_check(app);
    std::set<std::string> visited;
    for (bool more = true; more;) {
        more = false;
        for (const std::string& name : items(app)) {
            if (name.find(".tab.") == std::string::npos || name.rfind("tab.", 0) == 0 || !visited.insert(name).second) continue;
            click(app, name);
            settle_and_check(app);
            more = true;
            break;  // the tab shown now may have tabs of its own: read the names again
        }
    }
}

}  // namespace

// ImGui 1.86 test-engine hooks (imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!clip_check().active || !label) return;
    clip_check().widgets.insert(id);
    if (ctx->LastItemData.ID != id) return;
    const std::string text = visible_label(label);
    if (text.empty()) return;
    ImGuiWindow* w = ctx->CurrentWindow;
    const ImRect bb = ctx->LastItemData.Rect;
    const ImRect clip = w->ClipRect;
    const float text_w = ImGui::CalcTextSize(text.c_str()).x;
    // A button, checkbox or selectable narrower than its label; or a label running out of its window or cell.
    if (text_w > bb.GetWidth() + kSlack) report(w, "'" + text + "' wider than its item", text_w, bb.GetWidth());
    const bool visible_rows = bb.Max.y > clip.Min.y && bb.Min.y < clip.Max.y;
    if (visible_rows && !grows_or_scrolls(w) && bb.Min.x + text_w > clip.Max.x + kSlack)
        report(w, "'" + text + "' runs past the visible area", text_w, clip.Max.x - bb.Min.x);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

TEST_CASE("UI scale: at 125%, 150% and 200% no label, tab, button or cell text is clipped, in English and Chinese") {
    // The native platform is one per process: the first test case that needs it starts it.
    if (!ImGui::GetCurrentContext()) {
        native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
        REQUIRE(lcs::platform::init({}));
    }
    lcs::App app;
    app.start();
    run_frames(app, 3);
    REQUIRE(app.open_demo("ecommerce"));
    run_frames(app, 3);
    // A finished CLV fit (the CLV and value panels show their tables) and a scenario with one lever of
    // each kind (the lever cards, the comparison and the tornado).
    lcs::ClvSession& session = lcs::clv_session(app.state());
    session.start(app.state());
    // Its intervals too (a background job after the fit): the CLV tables gain their low–high columns.
    for (int frames = 0; (session.running() || app.jobs().busy()) && frames < 5000; ++frames) run_frames(app, 1);
    REQUIRE(session.result());
    app.select_panel("scenarios");
    run_frames(app, 3);
    REQUIRE(click(app, "scenarios.new"));
    REQUIRE(click(app, "scenarios.tab.levers"));  // the tab bar remembers the tab an earlier case left open
    for (const char* kind : {"retention", "conversion", "winback", "care_plan", "acquisition", "price"}) {
        REQUIRE(click(app, "scenarios.add_lever"));
        REQUIRE(click(app, std::string("scenarios.add_lever.") + kind));
    }
    run_frames(app, 3);
    ImGui::GetCurrentContext()->TestEngineHookItems = true;

    // The checks see clipping: a probe window that clips a button, a checkbox, tabs, a header, a cell and a text.
    clip_check().found.clear();
    draw_clipping_probe(false);  // tables and tab bars lay out from the frame before
    clip_check().active = true;
    draw_clipping_probe(true);
    clip_check().active = false;
    auto reported = [](const std::string& what) {
        for (const std::string& f : clip_check().found)
            if (f.find(what) != std::string::npos) return true;
        return false;
    };
    for (const std::string& f : clip_check().found) std::printf("probe: %s\n", f.c_str());
    CHECK(reported("'a label much wider than its button' wider than its item"));
    CHECK(reported("'a checkbox label running out of the window' runs past the visible area"));
    CHECK(reported("tab 'second long tab title' narrower than its label"));
    CHECK(reported("table column 'a header much wider than its column' header"));
    CHECK(reported("table column 'a header much wider than its column' content"));
    CHECK(reported("narrow child"));

    std::vector<std::string> failures;
    for (const char* language : {"en", "zh"}) {
        app.query("command", std::string("language ") + language);
        for (const char* scale : {"1.25", "1.5", "2"}) {
            app.query("command", std::string("scale ") + scale);
            run_frames(app, 3);  // the font atlas and style follow the new scale
            for (const lcs::PanelInfo& panel : lcs::panel_registry()) {
                clip_check().found.clear();
                draw_panel_and_tabs(app, panel.id);
                for (const std::string& f : clip_check().found)
                    failures.push_back(std::string(language) + " " + scale + " " + panel.id + " | " + f);
            }
        }
    }
    app.query("command", "scale 1");
    app.query("command", "language en");
    run_frames(app, 2);
    for (const std::string& f : failures) std::printf("clipped: %s\n", f.c_str());
    CHECK(failures.empty());
}

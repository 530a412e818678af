// Headless native implementation of platform.h (ImGui's example_null approach): no window and no
// renderer; frames run back to back; storage and settings live in memory; files come from the
// test hooks in native_host.h.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "imgui.h"
#include "platform/native/native_host.h"

namespace lcs::platform {
namespace {

struct InputEvent {
    enum Kind { kMove, kButton, kKey, kText } kind;
    float x = 0, y = 0;
    int index = 0;
    bool down = false, ctrl = false, shift = false;
    std::string text;
};

struct NativeHost {
    int width = 1280, height = 800;
    bool quit = false;
    int max_frames = 0;
    int frames = 0;
    std::vector<std::string> asset_dirs;
    std::vector<FileData> queued_opens;
    FileCallback drop_handler;
    std::vector<native::Download> downloads;
    std::map<std::string, std::string> storage;
    std::vector<std::string> failing_writes;  // key prefixes: the next matching set stops halfway
    std::string title;
    int prints = 0;
    std::map<std::string, std::string> settings;
    std::string clipboard;
    bool unsaved = false;
    AutomationHandler automation;
    std::vector<InputEvent> input;
};

NativeHost& host() {
    static NativeHost instance;
    return instance;
}

const char* get_clipboard_for_imgui(void*) { return host().clipboard.c_str(); }
void set_clipboard_for_imgui(void*, const char* text) { host().clipboard = text ? text : ""; }

// ImGui 1.86 takes input as state: apply one queued event per frame so presses and releases
// are seen in separate frames, like a real user's.
void apply_next_input() {
    NativeHost& h = host();
    if (h.input.empty()) return;
    InputEvent e = h.input.front();
    h.input.erase(h.input.begin());
    ImGuiIO& io = ImGui::GetIO();
    switch (e.kind) {
        case InputEvent::kMove: io.MousePos = ImVec2(e.x, e.y); break;
        case InputEvent::kButton: io.MouseDown[e.index] = e.down; break;
        case InputEvent::kKey:
            io.KeysDown[e.index] = e.down;
            io.KeyCtrl = e.ctrl;
            io.KeyShift = e.shift;
            break;
        case InputEvent::kText: io.AddInputCharactersUTF8(e.text.c_str()); break;
    }
}

}  // namespace

bool init(const InitOptions& options) {
    NativeHost& h = host();
    h.width = options.width;
    h.height = options.height;
    // Test files each make sure the platform is up; the one ImGui context is made once.
    if (ImGui::GetCurrentContext()) return true;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(h.width), static_cast<float>(h.height));
    io.GetClipboardTextFn = get_clipboard_for_imgui;
    io.SetClipboardTextFn = set_clipboard_for_imgui;
    // Letters use their ASCII capitals as key indexes, as GLFW does in the browser build.
    const int map[][2] = {{ImGuiKey_Tab, 258},      {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                          {ImGuiKey_UpArrow, 265},  {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                          {ImGuiKey_PageDown, 267}, {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                          {ImGuiKey_Insert, 260},   {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                          {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},
                          {ImGuiKey_KeyPadEnter, 335}, {ImGuiKey_A, 'A'},      {ImGuiKey_C, 'C'},
                          {ImGuiKey_V, 'V'},        {ImGuiKey_X, 'X'},         {ImGuiKey_Y, 'Y'},
                          {ImGuiKey_Z, 'Z'}};
    for (const auto& entry : map) io.KeyMap[entry[0]] = entry[1];
    return true;
}

void run_main_loop(FrameCallbacks callbacks) {
    NativeHost& h = host();
    h.quit = false;
    int frames_this_run = 0;
    while (!h.quit && (h.max_frames == 0 || frames_this_run < h.max_frames)) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(h.width), static_cast<float>(h.height));
        io.DeltaTime = 1.0f / 60.0f;
        if (callbacks.before_frame) callbacks.before_frame();
        if (!io.Fonts->IsBuilt()) reload_font_texture();
        apply_next_input();
        ImGui::NewFrame();
        if (callbacks.frame) callbacks.frame();
        ImGui::Render();
        ++h.frames;
        ++frames_this_run;
    }
}

void request_quit() { host().quit = true; }
void request_redraw() {}

void reload_font_texture() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

float device_pixel_ratio() { return 1.0f; }
bool is_mac() { return false; }

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double unix_time_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}
std::string local_time_text(double unix_seconds, bool with_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm parts{};
    localtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, with_seconds ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M", &parts);
    return text;
}

std::optional<std::string> read_asset(const std::string& name) {
    for (const std::string& dir : host().asset_dirs) {
        std::ifstream in(dir + "/" + name, std::ios::binary);
        if (!in) continue;
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    return std::nullopt;
}

void open_file_dialog(const std::string&, FileCallback on_open) {
    NativeHost& h = host();
    if (h.queued_opens.empty()) return;
    FileData file = std::move(h.queued_opens.front());
    h.queued_opens.erase(h.queued_opens.begin());
    on_open(std::move(file));
}

void set_file_drop_handler(FileCallback on_drop) { host().drop_handler = std::move(on_drop); }

void download_file(const std::string& name, const std::string& bytes, const std::string& mime) {
    host().downloads.push_back({name, bytes, mime});
}

// A failing write stores only the first half of the value, as a write cut off midway would, then
// reports the failure.
void storage_set(const std::string& key, const std::string& value, StorageDone on_done) {
    NativeHost& h = host();
    auto failing = std::find_if(h.failing_writes.begin(), h.failing_writes.end(),
                                [&](const std::string& prefix) { return key.compare(0, prefix.size(), prefix) == 0; });
    bool fail = failing != h.failing_writes.end();
    if (fail) h.failing_writes.erase(failing);
    h.storage[key] = fail ? value.substr(0, value.size() / 2) : value;
    if (on_done) on_done(!fail);
}
void storage_remove(const std::string& key, StorageDone on_done) {
    host().storage.erase(key);
    if (on_done) on_done(true);
}
void storage_get(const std::string& key, std::function<void(std::optional<std::string>)> on_value) {
    auto it = host().storage.find(key);
    if (it == host().storage.end()) on_value(std::nullopt);
    else on_value(it->second);
}

std::string settings_get(const std::string& key) {
    auto it = host().settings.find(key);
    return it == host().settings.end() ? std::string() : it->second;
}
void settings_set(const std::string& key, const std::string& value) { host().settings[key] = value; }

void clipboard_set(const std::string& text) { host().clipboard = text; }
std::string clipboard_get() { return host().clipboard; }

void set_unsaved_changes(bool unsaved) { host().unsaved = unsaved; }
void set_title(const std::string& title) { host().title = title; }
void print_page() { ++host().prints; }

void set_automation_handler(AutomationHandler handler) { host().automation = std::move(handler); }
void notify_ready() {}

namespace native {

void set_asset_dirs(std::vector<std::string> dirs) { host().asset_dirs = std::move(dirs); }
void set_max_frames(int frames) { host().max_frames = frames; }
int frames_drawn() { return host().frames; }
void queue_open_file(FileData file) { host().queued_opens.push_back(std::move(file)); }
void drop_file(FileData file) {
    if (host().drop_handler) host().drop_handler(std::move(file));
}
const std::vector<Download>& downloads() { return host().downloads; }
bool unsaved_changes() { return host().unsaved; }
std::map<std::string, std::string>& storage() { return host().storage; }
void fail_next_storage_write(const std::string& key_prefix) { host().failing_writes.push_back(key_prefix); }
const std::string& title() { return host().title; }
int prints() { return host().prints; }
std::string query(const std::string& name, const std::string& arg) {
    return host().automation ? host().automation(name, arg) : "null";
}
void mouse_move(float x, float y) { host().input.push_back({InputEvent::kMove, x, y, 0, false, false, false, {}}); }
void mouse_button(int button, bool down) {
    host().input.push_back({InputEvent::kButton, 0, 0, button, down, false, false, {}});
}
void key(int key_index, bool down, bool ctrl, bool shift) {
    host().input.push_back({InputEvent::kKey, 0, 0, key_index, down, ctrl, shift, {}});
}
void text_input(const std::string& utf8) {
    host().input.push_back({InputEvent::kText, 0, 0, 0, false, false, false, utf8});
}

}  // namespace native
}  // namespace lcs::platform

// IM_ASSERT (platform/imgui_config.h): natively an ImGui assertion fails the run.
void lcs_imgui_assert_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
    std::abort();
}

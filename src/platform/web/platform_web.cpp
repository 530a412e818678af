// Browser implementation of platform.h: GLFW (Emscripten's emulation) + WebGL2 via ImGui's backends,
// the rest through platform_web.js. Frames are skipped while nothing happens so an idle page costs
// almost no CPU.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <vector>
#include <sstream>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "core/text_clean.h"
#include "platform/platform.h"

extern "C" {
void lcs_js_init();
int lcs_js_take_input_events();
void lcs_js_set_canvas_size(int width, int height);
void lcs_js_set_text_input(int active, int x, int y);
void lcs_js_notify_ready();
void lcs_js_open_file(const char* accept, int request_id);
void lcs_js_download(const char* name, const char* data, int len, const char* mime);
void lcs_js_storage_set(const char* key, const char* data, int len, int request_id);
void lcs_js_storage_get(const char* key, int request_id);
void lcs_js_storage_remove(const char* key, int request_id);
char* lcs_js_settings_get(const char* key);
void lcs_js_settings_set(const char* key, const char* value);
void lcs_js_clipboard_set(const char* text);
char* lcs_js_clipboard_get();
void lcs_js_set_unsaved(int unsaved);
void lcs_js_set_title(const char* title);
void lcs_js_print_canvas();
int lcs_js_is_mac();
char* lcs_js_local_time(double unix_seconds, int with_seconds);
double lcs_js_unix_time();
}

namespace lcs::platform {
namespace {

// Frames drawn after the last input: ImGui needs a few to settle hover/press/release states.
constexpr int kFramesAfterInput = 3;

struct WebHost {
    GLFWwindow* window = nullptr;
    FrameCallbacks callbacks;
    int frames_to_draw = kFramesAfterInput;
    int framebuffer_width = 0;
    int framebuffer_height = 0;
    float pixel_ratio = 1.0f;
    std::set<int> keys_pressed_since_frame;
    std::vector<std::array<int, 4>> deferred_releases;  // key, scancode, mods (action is release)
    lcs::Utf16Joiner keypress_units;                     // see char_callback
    bool text_input_active = false;
    int ime_x = 0, ime_y = 0;
    bool ready_requested = false;
    bool ready_sent = false;
    int next_request_id = 1;
    std::map<int, FileCallback> file_requests;
    // Storage requests waiting for IndexedDB: a get's on_value, or a set's / remove's on_done.
    std::map<int, std::function<void(std::optional<std::string>)>> storage_requests;
    std::map<int, StorageDone> storage_done;
    int print_after_frames = 0;  // print_page: frames to draw first (a menu that was clicked closes)
    FileCallback drop_handler;
    AutomationHandler automation;
    std::string query_answer;
    std::string clipboard_buffer;
};

WebHost& host() {
    static WebHost instance;
    return instance;
}

std::string take_js_string(char* text) {
    std::string result = text ? text : "";
    std::free(text);
    return result;
}

// The canvas fills the page in CSS pixels; its backing store follows CSS size x devicePixelRatio.
bool sync_canvas_size() {
    WebHost& h = host();
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size("#canvas", &css_width, &css_height);
    float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    int width = std::max(1, static_cast<int>(std::lround(css_width * ratio)));
    int height = std::max(1, static_cast<int>(std::lround(css_height * ratio)));
    if (width == h.framebuffer_width && height == h.framebuffer_height && ratio == h.pixel_ratio) return false;
    h.framebuffer_width = width;
    h.framebuffer_height = height;
    h.pixel_ratio = ratio;
    lcs_js_set_canvas_size(width, height);
    return true;
}

const char* get_clipboard_for_imgui(void*) {
    host().clipboard_buffer = clipboard_get();
    return host().clipboard_buffer.c_str();
}

void set_clipboard_for_imgui(void*, const char* text) { clipboard_set(text ? text : ""); }

// ImGui reports where the text cursor is: the input-method candidate window opens there.
void set_ime_position(int x, int y) {
    WebHost& h = host();
    h.ime_x = x;
    h.ime_y = y;
}

// ImGui 1.86 reads key state once per frame: a key pressed and released between two frames would be
// missed (fast typing, automation). Such releases wait until a frame has seen the key down.
void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    WebHost& h = host();
    if (action == GLFW_RELEASE && h.keys_pressed_since_frame.count(key)) {
        h.deferred_releases.push_back({key, scancode, mods, 0});
        return;
    }
    if (action == GLFW_PRESS) h.keys_pressed_since_frame.insert(key);
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// Emscripten's GLFW passes each keypress's charCode, which is one UTF-16 unit. platform_web.js keeps
// surrogate keypresses from GLFW (the text area delivers those characters whole), but ImGui's own
// callback would queue any half that still came this way as a character of its own (WCHAR32 ImGui
// stores a lone surrogate, later written as bytes ED A0 ..): here a pair is joined into its character
// and a half without its partner becomes U+FFFD, never half a character.
void char_callback(GLFWwindow*, unsigned int unit) {
    std::uint32_t codes[2];
    const int n = host().keypress_units.feed(unit, codes);
    for (int i = 0; i < n; ++i) ImGui::GetIO().AddInputCharacter(codes[i]);
}

void flush_deferred_keys() {
    WebHost& h = host();
    h.keys_pressed_since_frame.clear();
    std::vector<std::array<int, 4>> releases;
    releases.swap(h.deferred_releases);
    for (const auto& r : releases) ImGui_ImplGlfw_KeyCallback(h.window, r[0], r[1], GLFW_RELEASE, r[2]);
    if (!releases.empty()) h.frames_to_draw = std::max(h.frames_to_draw, 2);
}

void tick(void*) {
    WebHost& h = host();
    if (sync_canvas_size()) h.frames_to_draw = std::max(h.frames_to_draw, kFramesAfterInput);
    if (lcs_js_take_input_events() > 0) h.frames_to_draw = std::max(h.frames_to_draw, kFramesAfterInput);
    if (h.frames_to_draw <= 0) return;
    --h.frames_to_draw;

    if (h.callbacks.before_frame) h.callbacks.before_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (h.callbacks.frame) h.callbacks.frame();
    ImGui::Render();
    glViewport(0, 0, h.framebuffer_width, h.framebuffer_height);
    glClearColor(0.94f, 0.95f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The canvas is readable only in the task that drew it (no preserveDrawingBuffer): take the
    // picture to print right after drawing.
    if (h.print_after_frames > 0 && --h.print_after_frames == 0) lcs_js_print_canvas();
    flush_deferred_keys();

    // A text cursor blinks: keep drawing while a text field is active.
    bool want_text = ImGui::GetIO().WantTextInput;
    if (want_text) h.frames_to_draw = std::max(h.frames_to_draw, 1);
    // Every frame while editing: a click on the canvas takes focus from the hidden text area.
    if (want_text || h.text_input_active) lcs_js_set_text_input(want_text ? 1 : 0, h.ime_x, h.ime_y);
    h.text_input_active = want_text;
    if (h.ready_requested && !h.ready_sent) {
        h.ready_sent = true;
        lcs_js_notify_ready();
    }
}

}  // namespace

bool init(const InitOptions& options) {
    lcs_js_init();
    if (!glfwInit()) return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    WebHost& h = host();
    h.window = glfwCreateWindow(options.width, options.height, options.title, nullptr, nullptr);
    if (!h.window) return false;
    glfwMakeContextCurrent(h.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the app persists the layout through settings_set (localStorage)
    io.ConfigMacOSXBehaviors = is_mac();
    ImGui_ImplGlfw_InitForOpenGL(h.window, true);
    glfwSetKeyCallback(h.window, key_callback);  // wraps ImGui's (see key_callback)
    glfwSetCharCallback(h.window, char_callback);  // replaces ImGui's (see char_callback)
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // After the GLFW backend so ours win: the browser clipboard instead of GLFW's emulation.
    io.GetClipboardTextFn = get_clipboard_for_imgui;
    io.SetClipboardTextFn = set_clipboard_for_imgui;
    io.ImeSetInputScreenPosFn = set_ime_position;
    sync_canvas_size();
    return true;
}

void run_main_loop(FrameCallbacks callbacks) {
    host().callbacks = std::move(callbacks);
    emscripten_set_main_loop_arg(tick, nullptr, 0, true);
}

void request_quit() {}

void request_redraw() { host().frames_to_draw = std::max(host().frames_to_draw, 2); }

void reload_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

float device_pixel_ratio() { return host().pixel_ratio; }
bool is_mac() { return lcs_js_is_mac() != 0; }

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double unix_time_seconds() { return lcs_js_unix_time(); }
std::string local_time_text(double unix_seconds, bool with_seconds) {
    return take_js_string(lcs_js_local_time(unix_seconds, with_seconds ? 1 : 0));
}

std::optional<std::string> read_asset(const std::string& name) {
    std::ifstream in("/assets/" + name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void open_file_dialog(const std::string& accept, FileCallback on_open) {
    int id = host().next_request_id++;
    host().file_requests[id] = std::move(on_open);
    lcs_js_open_file(accept.c_str(), id);
}

void set_file_drop_handler(FileCallback on_drop) { host().drop_handler = std::move(on_drop); }

void download_file(const std::string& name, const std::string& bytes, const std::string& mime) {
    lcs_js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime.c_str());
}

void storage_set(const std::string& key, const std::string& value, StorageDone on_done) {
    int id = host().next_request_id++;
    host().storage_done[id] = std::move(on_done);
    lcs_js_storage_set(key.c_str(), value.data(), static_cast<int>(value.size()), id);
}

void storage_remove(const std::string& key, StorageDone on_done) {
    int id = host().next_request_id++;
    host().storage_done[id] = std::move(on_done);
    lcs_js_storage_remove(key.c_str(), id);
}

void storage_get(const std::string& key, std::function<void(std::optional<std::string>)> on_value) {
    int id = host().next_request_id++;
    host().storage_requests[id] = std::move(on_value);
    lcs_js_storage_get(key.c_str(), id);
}

std::string settings_get(const std::string& key) { return take_js_string(lcs_js_settings_get(key.c_str())); }
void settings_set(const std::string& key, const std::string& value) { lcs_js_settings_set(key.c_str(), value.c_str()); }

void clipboard_set(const std::string& text) { lcs_js_clipboard_set(text.c_str()); }
std::string clipboard_get() { return take_js_string(lcs_js_clipboard_get()); }

void set_unsaved_changes(bool unsaved) { lcs_js_set_unsaved(unsaved ? 1 : 0); }
void set_title(const std::string& title) { lcs_js_set_title(title.c_str()); }

void print_page() {
    host().print_after_frames = 2;
    request_redraw();
}

void set_automation_handler(AutomationHandler handler) { host().automation = std::move(handler); }
void notify_ready() {
    host().ready_requested = true;
    request_redraw();
}

}  // namespace lcs::platform

// Called from platform_web.js.
extern "C" {

EMSCRIPTEN_KEEPALIVE void lcs_web_on_file(int request_id, const char* name, const char* data, int len) {
    using namespace lcs::platform;
    WebHost& h = host();
    FileData file{name ? name : "", std::string(data, static_cast<size_t>(len))};
    if (request_id == 0) {
        if (h.drop_handler) h.drop_handler(std::move(file));
    } else if (auto it = h.file_requests.find(request_id); it != h.file_requests.end()) {
        FileCallback callback = std::move(it->second);
        h.file_requests.erase(it);
        callback(std::move(file));
    }
    request_redraw();
}

// A storage request answered: for a get, found says whether the key held data; for a set or a
// remove, whether it succeeded (no data).
EMSCRIPTEN_KEEPALIVE void lcs_web_on_storage(int request_id, int found, const char* data, int len) {
    using namespace lcs::platform;
    WebHost& h = host();
    if (auto done = h.storage_done.find(request_id); done != h.storage_done.end()) {
        StorageDone callback = std::move(done->second);
        h.storage_done.erase(done);
        if (callback) callback(found != 0);
        request_redraw();
        return;
    }
    auto it = h.storage_requests.find(request_id);
    if (it == h.storage_requests.end()) return;
    auto callback = std::move(it->second);
    h.storage_requests.erase(it);
    if (found) callback(std::string(data, static_cast<size_t>(len)));
    else callback(std::nullopt);
    request_redraw();
}

// Text from the hidden text area (typing, input methods): whole UTF-8 characters, surrogate pairs
// already joined by the browser; clean_text keeps a NUL or a stray surrogate out all the same.
EMSCRIPTEN_KEEPALIVE void lcs_web_text_input(const char* utf8) {
    if (utf8) ImGui::GetIO().AddInputCharactersUTF8(lcs::clean_text(utf8).c_str());
    lcs::platform::request_redraw();
}

// One wheel event in ImGui's units: notches, positive = up / left (platform_web.js converts the
// browser's pixels, lines or pages). Shift turns a vertical wheel horizontal, as on desktops; while
// ImGui sees Shift held (not on macOS) it swaps MouseWheel into the horizontal axis itself and ignores
// MouseWheelH, so a Shift+wheel amount goes to MouseWheel then.
EMSCRIPTEN_KEEPALIVE void lcs_web_on_wheel(double notches_x, double notches_y, int shift) {
    ImGuiIO& io = ImGui::GetIO();
    float horizontal = static_cast<float>(notches_x);
    float vertical = static_cast<float>(notches_y);
    if (shift) {  // browsers differ: some already moved a Shift+wheel to deltaX
        if (horizontal == 0.0f) horizontal = vertical;
        vertical = 0.0f;
    }
    if (shift && io.KeyShift && !io.ConfigMacOSXBehaviors) io.MouseWheel += horizontal;
    else io.MouseWheelH += horizontal;
    io.MouseWheel += vertical;
    lcs::platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE const char* lcs_web_query(const char* query, const char* arg) {
    using namespace lcs::platform;
    WebHost& h = host();
    h.query_answer = h.automation ? h.automation(query ? query : "", arg ? arg : "") : "null";
    request_redraw();
    return h.query_answer.c_str();
}

}  // extern "C"

// IM_ASSERT (platform/imgui_config.h): in the browser, report and keep going.
void lcs_imgui_assert_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
}

// The host seam: everything the app needs from its environment (browser or a headless native run).
// src/platform/web implements it with Emscripten + a JS library; src/platform/native with files on disk
// and in-memory storage (used by the app smoke test). The app never includes emscripten headers.
//
// Threading: everything is called on the one UI thread; callbacks run on that thread between frames.
#pragma once
#include <functional>
#include <optional>
#include <string>

namespace lcs::platform {

struct FileData {
    std::string name;   // file name without directories, e.g. "customers.csv"
    std::string bytes;  // raw contents (not necessarily UTF-8)
};
using FileCallback = std::function<void(FileData)>;

struct InitOptions {
    const char* title = "Lifecycle Studio";
    int width = 1280;  // native headless display size in pixels (the web uses the page size)
    int height = 800;
};

// Creates the window (web: the page canvas with WebGL2) and the ImGui context + backends.
// Returns false when the host cannot provide a GL context.
bool init(const InitOptions& options);

struct FrameCallbacks {
    std::function<void()> before_frame;  // before ImGui::NewFrame: font atlas changes go here
    std::function<void()> frame;         // between ImGui::NewFrame and ImGui::Render
};
// Runs the frame loop. Web: never returns (the browser drives frames); frames are skipped while
// nothing happens (no input, no resize, no request_redraw). Native: runs until request_quit().
void run_main_loop(FrameCallbacks callbacks);
void request_quit();

// Draw at least a couple more frames even without input (animations, pending work).
void request_redraw();

// After changing ImGui's font atlas (in before_frame): upload it again to the renderer.
void reload_font_texture();

// Display facts. device_pixel_ratio: physical pixels per CSS pixel (1 natively). ImGui works in
// physical pixels; the app scales fonts and style by this ratio to stay sharp.
float device_pixel_ratio();
bool is_mac();              // Cmd instead of Ctrl for shortcuts
double now_seconds();       // monotonic clock, seconds
// "2024-05-01 14:03" in the user's time zone; with_seconds: "2024-05-01 14:03:27".
std::string local_time_text(double unix_seconds, bool with_seconds = false);
double unix_time_seconds();

// Read-only files shipped with the app: "demo-ecommerce.json", "demo-saas.json", "ui-cjk.ttf".
// nullopt when the asset is missing.
std::optional<std::string> read_asset(const std::string& name);

// Files. accept: comma-separated extensions like ".json,.csv". The callback runs later (or never, if
// the user cancels). Web: a hidden <input type=file>. Native: see native/native_host.h.
void open_file_dialog(const std::string& accept, FileCallback on_open);
// Files dropped onto the page: the handler receives each file.
void set_file_drop_handler(FileCallback on_drop);
// Offers bytes for download with the given file name (web: a Blob download; native: records it).
void download_file(const std::string& name, const std::string& bytes, const std::string& mime);

// Large persistent storage (web: IndexedDB, async). get calls back with nullopt when the key is absent.
// set and remove call on_done(true) once the change is durable, on_done(false) when it failed (quota,
// storage unavailable); after a failed set the key may hold nothing, the old value or a partial one,
// so a caller that must not lose data writes under a new key and switches to it only after success.
// Callbacks may run before the call returns (native) or after later frames (web).
using StorageDone = std::function<void(bool ok)>;
void storage_set(const std::string& key, const std::string& value, StorageDone on_done = {});
void storage_get(const std::string& key, std::function<void(std::optional<std::string>)> on_value);
void storage_remove(const std::string& key, StorageDone on_done = {});

// Small synchronous settings (web: localStorage). Returns "" when absent.
std::string settings_get(const std::string& key);
void settings_set(const std::string& key, const std::string& value);

// System clipboard. get returns the last text the page saw pasted or copied (browsers only hand the
// clipboard over in a paste event).
void clipboard_set(const std::string& text);
std::string clipboard_get();

// Tells the host whether leaving now would lose work (web: beforeunload prompt).
void set_unsaved_changes(bool unsaved);

// The window / page title (web: document.title, shown in the tab and the print header).
void set_title(const std::string& title);

// Prints what is on screen (web: a picture of the canvas after the next frame, then the browser's
// print dialog; native: counted for tests).
void print_page();

// Test automation (web: window.lifecycleStudio). The handler answers queries such as
// ("itemRect", name) or ("state", "") with JSON text. notify_ready() resolves lifecycleStudio.ready
// once the app has started and drawn.
using AutomationHandler = std::function<std::string(const std::string& query, const std::string& arg)>;
void set_automation_handler(AutomationHandler handler);
void notify_ready();

}  // namespace lcs::platform

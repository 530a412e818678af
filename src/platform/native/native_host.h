// Test hooks of the headless native platform (platform_native.cpp): drive frames, feed files that
// the open dialog or a drop would deliver, and inspect downloads. Only tests include this.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "platform/platform.h"

namespace lcs::platform::native {

// Folders read_asset searches, in order (default: none). E.g. "<repo>/assets", "<repo>/.deps/fonts".
void set_asset_dirs(std::vector<std::string> dirs);

// run_main_loop returns after this many frames (0 = only on request_quit).
void set_max_frames(int frames);
int frames_drawn();

// The next open_file_dialog call answers with this file (otherwise the dialog is "cancelled").
void queue_open_file(FileData file);
// Delivers a file to the drop handler, as a drag-and-drop would.
void drop_file(FileData file);

struct Download {
    std::string name;
    std::string bytes;
    std::string mime;
};
const std::vector<Download>& downloads();
bool unsaved_changes();

// The in-memory storage (storage_get/set/remove), to seed or inspect it.
std::map<std::string, std::string>& storage();
// The next storage_set whose key starts with key_prefix stores only the first half of its value and
// reports failure, like a tab closed in the middle of a write.
void fail_next_storage_write(const std::string& key_prefix);
// The last set_title, and how many times print_page was called.
const std::string& title();
int prints();

// Asks the app's automation handler, like window.lifecycleStudio.query does.
std::string query(const std::string& name, const std::string& arg);

// Queued input for the next frame (ImGui coordinates in pixels).
void mouse_move(float x, float y);
void mouse_button(int button, bool down);
void key(int key_index, bool down, bool ctrl = false, bool shift = false);
void text_input(const std::string& utf8);

}  // namespace lcs::platform::native

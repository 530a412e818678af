// File > Restore...: the autosaved versions, newest first (time, workspace name, file, customers,
// whether it had unsaved changes), each with an Open button that goes through the unsaved-changes
// prompt. Automation names: restore.dialog, restore.open.<n> (n = 0 for the newest), restore.close.
#pragma once
#include <cstdint>
#include <functional>

#include "app/autosave_journal.h"
#include "app/dialog_unsaved.h"

namespace lcs {

class RestoreDialog {
public:
    void open() { open_requested_ = true; }  // shows the dialog from the next draw
    // Every frame. restore(id) opens version id (called after the prompt let it through).
    void draw(const AppState& state, const AutosaveJournal& journal, UnsavedPrompt& prompt,
              const std::function<void(std::uint64_t)>& restore);

private:
    void draw_table(const AppState& state, const AutosaveJournal& journal, UnsavedPrompt& prompt,
                    const std::function<void(std::uint64_t)>& restore);

    bool open_requested_ = false;
    bool close_requested_ = false;
};

}  // namespace lcs

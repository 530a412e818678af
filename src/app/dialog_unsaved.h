// "Unsaved changes" prompt: before a command replaces the open workspace (New, Open, a demo, a
// dropped workspace, an import into a new workspace, a restored version) while it has unsaved
// changes, asks Save / Discard / Cancel. Save saves and then carries on, Discard carries on, Cancel
// does nothing. Automation names: unsaved.dialog, unsaved.save, unsaved.discard, unsaved.cancel.
#pragma once
#include <functional>
#include <string>

#include "app/app_state.h"

namespace lcs {

class UnsavedPrompt {
public:
    // save: saves the workspace (afterwards state.dirty() is false). before_replace: runs right
    // before every action this prompt lets through (the app stores an autosave version there, so
    // even discarded work can be restored).
    UnsavedPrompt(std::function<void()> save, std::function<void()> before_replace);

    // Runs `action` now when `state` has no unsaved changes; otherwise shows the prompt (from the
    // next draw call) and runs it after Save or Discard. action_key: i18n key naming what happens
    // next ("common.new_workspace"). A newer ask replaces a pending one.
    void ask(const AppState& state, const char* action_key, std::function<void()> action);
    bool pending() const { return static_cast<bool>(action_); }

    // Draws the prompt while one is pending. Call it every frame at each place ask() is called from:
    // inside a popup that asks (the import dialog, Restore) before its EndPopup, and once at the top
    // level; the first call after ask() opens it there (a modal opened outside an open popup would
    // close that popup).
    void draw(const AppState& state);

private:
    std::function<void()> save_, before_replace_;
    std::function<void()> action_;
    std::string action_key_;
    bool open_requested_ = false;
};

}  // namespace lcs

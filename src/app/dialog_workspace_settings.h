// Edit > Workspace settings...: the workspace's name and currency (an import guesses the currency from
// the amounts; this is where a wrong guess is corrected). One undoable header edit on Apply.
// Automation names: settings.dialog, settings.name, settings.currency, settings.currency.<code>,
// settings.apply, settings.cancel.
#pragma once
#include <string>

#include "app/app_state.h"

namespace lcs {

class WorkspaceSettingsDialog {
public:
    void open() { open_requested_ = true; }  // shows the dialog, filled from the workspace, next draw
    void draw(AppState& state);              // every frame

private:
    bool open_requested_ = false;
    std::string name_;
    std::string currency_;
};

}  // namespace lcs

// File > Import CSV...: a column-mapping dialog over core/csv_import (separator, header, date
// format, column roles, a preview table), then an undoable merge into the workspace and a list of
// the rows that were not imported.
#pragma once
#include <memory>

#include "app/app_state.h"
#include "app/dialog_unsaved.h"
#include "platform/platform.h"

namespace lcs {

class CsvImportDialog {
public:
    CsvImportDialog();
    ~CsvImportDialog();
    // Shows the dialog for this file next frame. new_workspace_by_default: the open workspace is a
    // demo, so the import starts a new workspace unless the user picks merging.
    void open(platform::FileData file, bool new_workspace_by_default = false);
    // Importing into a new workspace asks this prompt first (drawn inside the dialog); may be null.
    void set_unsaved_prompt(UnsavedPrompt* prompt);
    void draw(AppState& state);          // every frame
    bool is_open() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lcs

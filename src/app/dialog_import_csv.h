// File > Import CSV...: a column-mapping dialog over core/csv_import (separator, header, date
// format, column roles, a preview table), then an undoable merge into the workspace and a list of
// the rows that were not imported.
#pragma once
#include <memory>

#include "app/app_state.h"
#include "platform/platform.h"

namespace lcs {

class CsvImportDialog {
public:
    CsvImportDialog();
    ~CsvImportDialog();
    void open(platform::FileData file);  // shows the dialog for this file next frame
    void draw(AppState& state);          // every frame
    bool is_open() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lcs

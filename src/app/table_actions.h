// "Export" for a table a panel draws: a small button with a menu holding "Save CSV" (a download of
// what is shown, in the shown order, via core/export/table_export.h) and "Copy" (tab-separated text
// on the clipboard). The panel passes a function that builds the visible rows; it runs only when
// the user picks an action, so a large table costs nothing per frame.
#pragma once
#include <functional>
#include <string>

#include "core/export/table_export.h"

namespace lcs {

// Draws the button where the cursor is (call it beside the table, e.g. on its footer line).
// id: the automation name stem, e.g. "customers" gives "customers.export", "customers.export.csv"
// and "customers.export.copy"; file_stem: the download's name without ".csv".
void table_export_button(const std::string& id, const std::string& file_stem,
                         const std::function<ExportTable()>& shown_rows);

}  // namespace lcs

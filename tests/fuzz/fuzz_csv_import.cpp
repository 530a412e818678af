// libFuzzer target: any bytes must preview and import without crashing under every separator, and
// what imports must make a workspace that saves and loads back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/csv_import.h"
#include "core/workspace_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the options, the rest is the file.
    const uint8_t choice = data[0];
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    lcs::CsvOptions options;
    options.separator = static_cast<lcs::CsvSeparator>(choice % 5);
    options.header = static_cast<lcs::CsvHeader>((choice / 5) % 3);
    options.date_format = static_cast<lcs::CsvDateFormat>((choice / 15) % 6);
    if (choice & 0x80) options = lcs::cdnow_preset();
    lcs::preview_csv(text, options, 5);
    const lcs::CsvImportResult result = lcs::import_transactions_csv(text, options);
    if (result.imported > 0) {
        const lcs::Workspace workspace = lcs::workspace_from_import(result, "fuzz");
        if (!lcs::load_workspace_json(lcs::save_workspace_json(workspace)).ok()) std::abort();
    }
    return 0;
}

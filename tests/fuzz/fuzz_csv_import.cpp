// libFuzzer target: any bytes must decode (or fail with a line), preview and import without crashing
// under every separator and encoding, and what imports must make a workspace that saves and loads
// back. The date and amount parsers see every field too: a parsed amount is finite and plausible, a
// parsed date a calendar date.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/csv_import.h"
#include "core/import/decode_file.h"
#include "core/import/parse_values.h"
#include "core/text_clean.h"
#include "core/workspace_io.h"
#include "platform/text_decoder_host.h"

namespace {

void check_value_parsers(std::string_view text) {
    // Every comma- or line-separated piece, as a field would be.
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view field = text.substr(start, end - start);
        for (bool comma : {false, true})
            if (const auto amount = lcs::parse_amount(field, comma))
                if (!std::isfinite(amount->value) || std::fabs(amount->value) > 1e12) std::abort();
        for (auto date : {lcs::parse_year_first_date(field), lcs::parse_day_month_year(field, true),
                          lcs::parse_day_month_year(field, false), lcs::parse_excel_serial(field)})
            if (date) {
                const lcs::YearMonthDay ymd = lcs::ymd_from_date(*date);
                if (!lcs::is_calendar_date(ymd.year, ymd.month, ymd.day)) std::abort();
            }
        lcs::day_month_evidence(field);
        start = end + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    // The first two bytes pick the options, the rest is the file.
    const uint8_t choice = data[0], more = data[1];
    const std::string bytes(reinterpret_cast<const char*>(data + 2), size - 2);
    lcs::CsvOptions options;
    options.separator = static_cast<lcs::CsvSeparator>(choice % 5);
    options.header = static_cast<lcs::CsvHeader>((choice / 5) % 3);
    options.date_format = static_cast<lcs::CsvDateFormat>((choice / 15) % 8);
    if (choice & 0x80) options = lcs::cdnow_preset();
    options.encoding = static_cast<lcs::TextEncoding>(more % 6);
    options.keep_cancelled = (more & 0x40) != 0;

    const lcs::DecodedText decoded = lcs::decode_import_text(bytes, options.encoding, lcs::platform::host_text_decoder());
    if (decoded.ok() && !lcs::is_clean_text(decoded.text)) std::abort();  // decoded text is UTF-8 without NUL
    if (!decoded.ok() && (decoded.problems.size() != 1 || decoded.problems[0].line < 1)) std::abort();
    check_value_parsers(decoded.ok() ? std::string_view(decoded.text) : std::string_view(bytes));

    lcs::preview_csv(bytes, options, 5);
    const lcs::CsvImportResult result = lcs::import_transactions_file(bytes, options, lcs::platform::host_text_decoder());
    if (result.imported > 0) {
        const lcs::Workspace workspace = lcs::workspace_from_import(result, "fuzz");
        if (!lcs::load_workspace_json(lcs::save_workspace_json(workspace)).ok()) std::abort();
    }
    return 0;
}

#include "core/import/import_report.h"

#include <cmath>

#include "core/import/decode_file.h"

namespace lcs {

namespace {

constexpr std::size_t kReportProblems = 100;

double cents(double value) { return std::round(value * 100) / 100; }

Json columns_json(const CsvPreview& detected) {
    Json columns = Json::object();
    for (int f = 1; f < kImportFieldCount; ++f) {
        const int column = column_of(detected.columns, static_cast<ImportField>(f));
        if (column < 0) continue;
        const auto c = static_cast<std::size_t>(column);
        columns[import_field_id(static_cast<ImportField>(f))] =
            c < detected.column_names.size() ? detected.column_names[c] : "column " + std::to_string(c + 1);
    }
    return columns;
}

}  // namespace

Json import_report_json(const std::string& file, const CsvImportResult& result, const MergeStats& stats) {
    Json report = Json::object();
    report["file"] = file;
    report["rows_read"] = result.rows;
    report["imported"] = result.imported;
    Json skipped = Json::object();
    std::size_t skipped_total = 0;
    for (const auto& [reason, rows] : result.skipped) {
        skipped[reason] = Json{{"count", rows.count}, {"lines", rows.lines}};
        skipped_total += rows.count;
    }
    report["skipped"] = skipped;
    report["skipped_total"] = skipped_total;
    report["cancelled"] = result.cancelled;
    report["customers_in_file"] = result.customers.size();
    report["customers_created"] = stats.created;
    report["customers_updated"] = stats.updated;
    report["date_range"] = result.first_date && result.last_date
                               ? Json{{"first", to_iso(*result.first_date)}, {"last", to_iso(*result.last_date)}}
                               : Json(nullptr);
    report["revenue_total"] = cents(result.revenue);
    report["currency"] = result.detected.currency;
    report["encoding"] = text_encoding_name(result.encoding);
    report["encoding_reason"] = result.encoding_reason;
    if (!result.sheet.empty()) report["sheet"] = result.sheet;  // an .xlsx workbook's sheet
    report["separator"] = csv_separator_name(result.detected.separator);
    report["header"] = result.detected.has_header;
    report["date_format"] = csv_date_format_name(result.detected.date_format);
    report["decimal_comma"] = result.detected.decimal_comma;
    report["columns"] = columns_json(result.detected);
    Json problems = Json::array();
    for (std::size_t i = 0; i < result.problems.size() && i < kReportProblems; ++i) problems.push_back(result.problems[i].to_string());
    report["problems"] = problems;
    return report;
}

Json combined_import_report(const Json& files) {
    Json report = Json::object();
    report["files"] = files;
    for (const char* key : {"rows_read", "imported", "skipped_total", "cancelled", "customers_created", "customers_updated"}) {
        std::size_t total = 0;
        for (const Json& file : files) total += file.value(key, std::size_t{0});
        report[key] = total;
    }
    double revenue = 0;
    std::string first, last;
    for (const Json& file : files) {
        revenue += file.value("revenue_total", 0.0);
        if (!file["date_range"].is_object()) continue;
        const std::string a = file["date_range"]["first"], b = file["date_range"]["last"];
        if (first.empty() || a < first) first = a;
        if (last.empty() || b > last) last = b;
    }
    report["revenue_total"] = cents(revenue);
    report["date_range"] = first.empty() ? Json(nullptr) : Json{{"first", first}, {"last", last}};
    return report;
}

}  // namespace lcs

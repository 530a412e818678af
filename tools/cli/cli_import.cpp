// Import commands: import (alias import-csv) and bench-import.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli_common.h"
#include "commands.h"
#include "core/csv_import.h"
#include "core/import/decode_file.h"
#include "core/import/import_report.h"
#include "core/workspace_io.h"
#include "platform/text_decoder_host.h"

namespace lcs::cli {

namespace {

const char* const kImportUsage =
    "usage: lifecycle import FILE [FILE...] [--orders FILE] [--encoding auto|utf-8|utf-16|utf-16be|gb18030|big5] "
    "[--keep-cancelled] [--day-first|--month-first] [--report OUT.json] [--separator ,|;|tab|space] "
    "[--date-format ymd|ymd-slash|dmy|mdy|yyyymmdd|year-first|excel] [--no-header] [--columns id=0,date=2,amount=4] "
    "[--preset cdnow] [--name NAME] [--sheet NAME] -o OUT.json";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "lifecycle: %s\n", message.c_str());
    return 2;
}

bool parse_columns(const std::string& text, CsvColumns& columns) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(start, end - start);
        const std::size_t equals = item.find('=');
        if (equals == std::string::npos) return false;
        std::string name = item.substr(0, equals);
        if (name == "id") name = "customer_id";
        const std::optional<long long> index = parse_integer(item.substr(equals + 1));
        if (!index || *index < 0 || *index > 10000) return false;
        int* slot = nullptr;
        for (int f = 1; f < kImportFieldCount && !slot; ++f)
            if (name == import_field_id(static_cast<ImportField>(f))) slot = column_of(columns, static_cast<ImportField>(f));
        if (!slot) return false;
        *slot = static_cast<int>(*index);
        start = end + 1;
    }
    return true;
}

bool parse_date_format(const std::string& text, CsvDateFormat& format) {
    const std::pair<const char*, CsvDateFormat> kFormats[] = {
        {"ymd", CsvDateFormat::ymd_dash},   {"ymd-slash", CsvDateFormat::ymd_slash}, {"dmy", CsvDateFormat::dmy},
        {"mdy", CsvDateFormat::mdy},        {"yyyymmdd", CsvDateFormat::yyyymmdd},   {"year-first", CsvDateFormat::year_first},
        {"excel", CsvDateFormat::excel_serial}};
    for (const auto& [name, value] : kFormats)
        if (text == name) {
            format = value;
            return true;
        }
    return false;
}

// The import options from the command line; returns an error message, or "" when they are fine.
std::string import_options(const Args& args, CsvOptions& options) {
    if (const auto preset = option_value(args, "--preset")) {
        if (*preset != "cdnow") return "unknown preset (known: cdnow)";
        options = cdnow_preset();
    }
    if (const auto separator = option_value(args, "--separator")) {
        if (*separator == ",") options.separator = CsvSeparator::comma;
        else if (*separator == ";") options.separator = CsvSeparator::semicolon;
        else if (*separator == "tab" || *separator == "\t") options.separator = CsvSeparator::tab;
        else if (*separator == "space" || *separator == "whitespace") options.separator = CsvSeparator::whitespace;
        else return "--separator must be , ; tab or space";
    }
    if (has_flag(args, "--day-first")) options.date_format = CsvDateFormat::dmy;
    if (has_flag(args, "--month-first")) options.date_format = CsvDateFormat::mdy;
    if (const auto format = option_value(args, "--date-format"))
        if (!parse_date_format(*format, options.date_format))
            return "--date-format must be ymd, ymd-slash, dmy, mdy, yyyymmdd, year-first or excel";
    if (has_flag(args, "--no-header")) options.header = CsvHeader::no;
    if (has_flag(args, "--header")) options.header = CsvHeader::yes;
    if (const auto columns = option_value(args, "--columns")) {
        options.columns = CsvColumns{};
        if (!parse_columns(*columns, options.columns))
            return "--columns takes name=index pairs, e.g. id=0,date=2,amount=4 (names: id date amount cost product "
                   "name first_name last_name status segment channel email phone nps lifecycle_stage order_id)";
    }
    if (const auto encoding = option_value(args, "--encoding"))
        if (!parse_text_encoding(*encoding, options.encoding))
            return "--encoding must be auto, utf-8, utf-16, utf-16le, utf-16be, gb18030 or big5";
    options.keep_cancelled = has_flag(args, "--keep-cancelled");
    options.sheet = option_value(args, "--sheet").value_or("");  // .xlsx: which sheet (default the first)
    return "";
}

void print_result(const std::string& file, const CsvImportResult& result) {
    print_problems(result.problems);
    const CsvColumns& c = result.detected.columns;
    std::fprintf(stderr, "%s: encoding: %s (%s), separator: %s, header: %s, dates: %s, columns: id=%d date=%d amount=%d "
                 "cost=%d product=%d name=%d status=%d\n",
                 file.c_str(), text_encoding_name(result.encoding), result.encoding_reason.c_str(),
                 csv_separator_name(result.detected.separator), result.detected.has_header ? "yes" : "no",
                 csv_date_format_name(result.detected.date_format), c.customer_id, c.date, c.amount, c.cost, c.product,
                 c.name, c.status);
    if (!result.sheet.empty()) std::fprintf(stderr, "%s: sheet: %s\n", file.c_str(), result.sheet.c_str());
    if (result.amount_missing && result.imported > 0) std::fprintf(stderr, "note: no amount column; every amount is 0\n");
    std::printf("imported %zu of %zu rows for %zu customers", result.imported, result.rows, result.customers.size());
    const std::size_t bad = result.rows - result.imported - result.cancelled;
    if (bad > 0 && result.cancelled > 0) std::printf(" (%zu bad rows, %zu cancelled or refunded left out)\n", bad, result.cancelled);
    else if (result.cancelled > 0) std::printf(" (%zu cancelled or refunded left out)\n", result.cancelled);
    else std::printf(bad > 0 ? " (%zu bad rows)\n" : "\n", bad);
}

}  // namespace

int cmd_import(const Args& args) {
    const std::vector<std::string> value_options = {"-o", "--separator", "--date-format", "--columns", "--preset", "--name",
                                                    "--encoding", "--report", "--orders", "--customers", "--interactions", "--sheet"};
    std::vector<std::string> files = positionals(args, value_options);
    if (const auto orders = option_value(args, "--orders")) files.push_back(*orders);
    const std::optional<std::string> out = option_value(args, "-o");
    for (const char* unsupported : {"--customers", "--interactions"})
        if (option_value(args, unsupported) || has_flag(args, unsupported))
            return usage_error(std::string(unsupported) +
                               " is not supported yet: only order (transaction) files import so far; nothing was imported");
    if (files.empty() || !out) return usage_error(kImportUsage);
    CsvOptions options;
    if (const std::string error = import_options(args, options); !error.empty()) return usage_error(error);

    std::optional<Workspace> workspace;
    Json reports = Json::array();
    std::size_t imported = 0;
    for (const std::string& file : files) {
        std::string bytes, error;
        if (!read_file(file, bytes, error)) return usage_error(error);
        const CsvImportResult result = import_transactions_file(bytes, options, platform::host_text_decoder());
        print_result(file, result);
        MergeStats stats;
        if (result.imported > 0) {
            if (!workspace) {
                const std::string name = option_value(args, "--name").value_or(std::filesystem::path(file).stem().string());
                // An empty new workspace first, so that merging counts every customer as created.
                workspace = workspace_from_import(CsvImportResult{}, name);
                if (!result.detected.currency.empty()) workspace->meta.currency = result.detected.currency;
            }
            stats = merge_import(*workspace, result);
        }
        imported += result.imported;
        reports.push_back(import_report_json(file, result, stats));
    }
    if (const auto report_path = option_value(args, "--report")) {
        std::string error;
        const Json report = reports.size() == 1 ? reports[0] : combined_import_report(reports);
        if (!write_file(*report_path, report.dump(2) + "\n", error)) return usage_error(error);
    }
    if (imported == 0) {
        std::fprintf(stderr, "lifecycle: nothing imported\n");
        return 1;
    }
    std::string error;
    if (!write_file(*out, save_workspace_json(*workspace), error)) return usage_error(error);
    if (workspace->meta.currency != "USD") std::fprintf(stderr, "currency: %s\n", workspace->meta.currency.c_str());
    return 0;
}

int cmd_import_csv(const Args& args) { return cmd_import(args); }

namespace {

// An order export as a Chinese shop writes it: order number, customer id and name, time, ¥ amount,
// status (one order in 20 cancelled); customers = rows / 10.
std::string bench_orders_csv(long long rows) {
    std::string text = "订单编号,客户编号,客户姓名,下单时间,实付金额,订单状态\n";
    text.reserve(static_cast<std::size_t>(rows) * 72);
    const long long customers = std::max(1LL, rows / 10);
    char line[160];
    for (long long i = 0; i < rows; ++i) {
        const long long customer = (i * 7919) % customers;
        const int day = static_cast<int>(i % 28) + 1, month = static_cast<int>((i / 28) % 12) + 1;
        std::snprintf(line, sizeof line, "DD%08lld,C%07lld,客户%lld喆,2024-%02d-%02d %02d:%02d:10,¥%lld.%02lld,%s\n", i,
                      customer, customer % 1000, month, day, static_cast<int>(i % 24), static_cast<int>(i % 60),
                      10 + (i * 37) % 990, i % 100, i % 20 == 0 ? "已取消" : "交易成功");
        text += line;
    }
    return text;
}

double peak_memory_mib() {
#if defined(__wasm__)
    // WebAssembly memory only grows: its size now is the peak.
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / (1024.0 * 1024.0);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
#endif
}

// Imports bytes once and prints the figures; false when nothing imported.
bool bench_one(const char* label, const std::string& bytes) {
    const auto start = std::chrono::steady_clock::now();
    const CsvImportResult result = import_transactions_file(bytes, CsvOptions{}, platform::host_text_decoder());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double mib = static_cast<double>(bytes.size()) / (1024.0 * 1024.0);
    std::printf("%-8s %7.1f MiB  %zu rows read, %zu imported, %zu cancelled, %zu customers, encoding %s\n", label, mib,
                result.rows, result.imported, result.cancelled, result.customers.size(), text_encoding_name(result.encoding));
    std::printf("%-8s %7.0f ms   %.1f MiB/s   %.0f rows/s\n", label, seconds * 1000, mib / seconds,
                static_cast<double>(result.rows) / seconds);
    print_problems(result.problems);
    return result.imported > 0;
}

}  // namespace

int cmd_bench_import(const Args& args) {
    long long rows = 1000000;
    if (const auto text = option_value(args, "--rows")) rows = parse_integer(*text).value_or(-1);
    if (rows < 1 || rows > 50000000) return usage_error("usage: lifecycle bench-import [--rows N]");
    std::string utf8 = bench_orders_csv(rows);
    if (!bench_one("UTF-8", utf8)) return 1;
    const DecodeOutcome gb = platform::host_text_decoder().encode(utf8, TextEncoding::gb18030);
    utf8.clear();
    utf8.shrink_to_fit();
    if (gb.ok) {
        if (!bench_one("GB18030", gb.text)) return 1;
    } else {
        std::printf("GB18030  (this host has no GB18030 encoder to make the file; decoding is measured natively)\n");
    }
    std::printf("peak memory: %.0f MiB\n", peak_memory_mib());
    return 0;
}

}  // namespace lcs::cli

// Internal to the CSV import (core/csv_import.cpp): what a file's layout is, decided from its first
// records: separator, header, which column is which field, the date format and day order, decimal
// comma, currency.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_import.h"

namespace lcs::import_internal {

using Records = std::vector<std::vector<std::string>>;

std::string_view trim(std::string_view text);
char separator_char(CsvSeparator separator);
// Tab, semicolon or comma when every one of the first 10 non-blank lines has the same non-zero count
// of it; else the one seen most; whitespace when none is.
CsvSeparator detect_separator(std::string_view text);
// The first `count` well-formed records.
Records sample_records(std::string_view text, char separator, std::size_t count);

struct DateDetection {
    CsvDateFormat format = CsvDateFormat::automatic;  // automatic: no format reads the column
    bool ambiguous = false;  // dmy chosen only provisionally: no value has a day or month above 12
};
// The format that reads every non-empty value of the column. allow_serial: spreadsheet day numbers
// count too (only for a column whose header names a date, or one the user chose).
DateDetection detect_date_format(const Records& rows, std::size_t column, bool allow_serial);
// Counts of d/m/yyyy values in the column that show day first / month first (core day_month_evidence).
void add_day_month_evidence(std::string_view value, std::size_t& day_first, std::size_t& month_first);

// Whether the amount column reads as decimal comma ("12,50"); prefer_comma decides when both read.
bool detect_decimal_comma(const Records& rows, int column, bool prefer_comma);
// "CNY", "USD", "EUR", "GBP" from the amount values' signs and the column's header ("金额(元)"); "".
std::string detect_currency(const Records& rows, int column, std::string_view header);

// True when a row holds something that is a date in a known format (header detection).
bool row_has_date(const std::vector<std::string>& row);
// True when any field of the row is a header the synonym table knows.
bool row_has_known_header(const std::vector<std::string>& row);

// Fills the columns left at -1: from the header names first, then date and amount from the values,
// then the customer id as the first column no field took.
void guess_columns(const std::vector<std::string>* header, const Records& data, bool decimal_comma, CsvColumns& columns);

}  // namespace lcs::import_internal

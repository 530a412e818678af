#include "core/import/csv_rows.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/import/csv_detect.h"
#include "core/import/order_status.h"
#include "core/import/parse_values.h"
#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs::import_internal {

namespace {

Problem row_problem(const char* kind, int line, std::string message) {
    return Problem{kind, "line " + std::to_string(line), std::move(message), line, 0};
}

const std::string& field_at(const std::vector<std::string>& fields, int column) {
    static const std::string kEmpty;
    return column >= 0 && static_cast<std::size_t>(column) < fields.size() ? fields[static_cast<std::size_t>(column)] : kEmpty;
}

bool has_non_ascii(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Lists the first max_problems bad rows, counts every skipped row by reason (first lines kept).
class RowSkips {
public:
    RowSkips(std::size_t max_problems, CsvImportResult& result) : max_(max_problems), result_(result) {}
    void skip(const std::string& reason, int line) {
        SkippedRows& rows = result_.skipped[reason];
        ++rows.count;
        if (rows.lines.size() < kSkippedLinesKept) rows.lines.push_back(line);
    }
    void report(Problem problem) {
        skip(problem.kind, problem.line);
        if (++count_ <= max_) result_.problems.push_back(std::move(problem));
    }
    // Adds the csv.too_many_problems summary when rows went unlisted.
    void finish() {
        if (count_ > max_)
            result_.problems.push_back(Problem{csv_problem::kTooManyProblems, "",
                                               std::to_string(count_ - max_) + " more bad rows not listed (" +
                                                   std::to_string(count_) + " in total)",
                                               0, 0});
    }

private:
    std::size_t max_;
    CsvImportResult& result_;
    std::size_t count_ = 0;
};

// The amount (required when the column exists) and the cost (optional, may be blank).
bool read_money(const std::vector<std::string>& fields, int line, const RowFormat& format, Transaction& transaction,
                Problem& problem) {
    const CsvColumns& columns = format.columns;
    if (columns.amount >= 0) {
        const std::string& text = field_at(fields, columns.amount);
        const std::optional<ParsedAmount> amount = parse_amount(text, format.decimal_comma);
        if (!amount) {
            problem = row_problem(csv_problem::kBadNumber, line, "\"" + text + "\" is not an amount");
            return false;
        }
        transaction.amount = amount->value;
    }
    const std::string& cost_text = field_at(fields, columns.cost);
    if (!trim(cost_text).empty()) {
        const std::optional<ParsedAmount> cost = parse_amount(cost_text, format.decimal_comma);
        if (!cost) {
            problem = row_problem(csv_problem::kBadNumber, line, "cost \"" + cost_text + "\" is not an amount");
            return false;
        }
        transaction.cost = cost->value;
    }
    return true;
}

void fill(std::string& target, const std::string& value) {
    if (target.empty() && !value.empty()) target = value;
}

// Customer-level fields of a row fill the customer's empty ones.
void fill_customer(ImportedCustomer& customer, const std::vector<std::string>& fields, const CsvColumns& columns) {
    if (customer.name.empty()) customer.name = row_name(fields, columns);
    fill(customer.segment, field_at(fields, columns.segment));
    fill(customer.channel, field_at(fields, columns.channel));
    const std::pair<const char*, int> attributes[] = {
        {"email", columns.email}, {"phone", columns.phone}, {"nps", columns.nps}, {"lifecycle_stage", columns.lifecycle_stage}};
    for (const auto& [key, column] : attributes) {
        const std::string& value = field_at(fields, column);
        if (value.empty()) continue;
        const bool known = std::any_of(customer.attributes.begin(), customer.attributes.end(),
                                       [name = key](const auto& attribute) { return attribute.first == name; });
        if (!known) customer.attributes.emplace_back(key, value);
    }
}

void count_imported(const Transaction& transaction, CsvImportResult& result) {
    ++result.imported;
    result.revenue += transaction.amount;
    if (!result.first_date || transaction.date < *result.first_date) result.first_date = transaction.date;
    if (!result.last_date || transaction.date > *result.last_date) result.last_date = transaction.date;
}

std::string amount_text(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace

RowFormat row_format(const CsvPreview& detected, bool keep_cancelled) {
    RowFormat format;
    format.columns = detected.columns;
    format.date_format = detected.date_format;
    format.decimal_comma = detected.decimal_comma;
    format.keep_cancelled = keep_cancelled;
    const CsvColumns& columns = detected.columns;
    format.needed = static_cast<std::size_t>(std::max({columns.customer_id, columns.date, columns.amount}) + 1);
    return format;
}

RowOutcome read_row(const std::vector<std::string>& fields, int line, const RowFormat& format, Transaction& transaction,
                    Problem& problem) {
    const CsvColumns& columns = format.columns;
    if (fields.size() < format.needed) {
        problem = row_problem(csv_problem::kMissingField, line,
                              "has " + std::to_string(fields.size()) + " fields; expected at least " + std::to_string(format.needed));
        return RowOutcome::problem;
    }
    // A cancelled order is left out before its values are checked: its amount may well be blank.
    if (!format.keep_cancelled && columns.status >= 0 && is_cancelled_status(field_at(fields, columns.status)))
        return RowOutcome::cancelled;
    if (field_at(fields, columns.customer_id).empty()) {
        problem = row_problem(csv_problem::kEmptyId, line, "the customer id is empty");
        return RowOutcome::problem;
    }
    const std::string& date_text = field_at(fields, columns.date);
    const std::optional<Date> date = parse_csv_date(date_text, format.date_format);
    if (!date) {
        problem = row_problem(csv_problem::kBadDate, line,
                              "\"" + date_text + "\" is not a valid date (" + csv_date_format_name(format.date_format) + ")");
        return RowOutcome::problem;
    }
    transaction.date = *date;
    if (!read_money(fields, line, format, transaction, problem)) return RowOutcome::problem;
    if (columns.product >= 0) transaction.product = field_at(fields, columns.product);
    return RowOutcome::imported;
}

std::string row_name(const std::vector<std::string>& fields, const CsvColumns& columns) {
    const std::string& name = field_at(fields, columns.name);
    if (!name.empty()) return name;
    const std::string& first = field_at(fields, columns.first_name);
    const std::string& last = field_at(fields, columns.last_name);
    if (first.empty() || last.empty()) return first.empty() ? last : first;
    if (has_non_ascii(first) && has_non_ascii(last)) return last + first;  // 王 + 小明: family name first
    return first + " " + last;
}

void read_rows(std::string_view text, const CsvOptions& options, CsvImportResult& result) {
    const RowFormat format = row_format(result.detected, options.keep_cancelled);
    RowSkips skips(options.max_problems, result);
    std::unordered_map<std::string, std::size_t> index;
    internal::CsvReader reader(text, separator_char(result.detected.separator));
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    bool header_pending = result.detected.has_header;
    Problem problem;
    while (reader.next(fields, line, error)) {
        if (header_pending) {
            header_pending = false;
            continue;
        }
        ++result.rows;
        if (!error.empty()) {
            skips.report(row_problem(csv_problem::kSyntax, line, error));
            continue;
        }
        Transaction transaction;
        const RowOutcome outcome = read_row(fields, line, format, transaction, problem);
        if (outcome == RowOutcome::cancelled) {
            ++result.cancelled;
            skips.skip(kSkipCancelled, line);
            continue;
        }
        if (outcome == RowOutcome::problem) {
            skips.report(std::move(problem));
            continue;
        }
        const std::string& id = fields[static_cast<std::size_t>(format.columns.customer_id)];
        auto it = index.find(id);  // find first: most rows are repeat customers, no key to build
        if (it == index.end()) {
            it = index.emplace(id, result.customers.size()).first;
            result.customers.push_back(ImportedCustomer{id, {}, {}, {}, {}, {}});
        }
        ImportedCustomer& customer = result.customers[it->second];
        fill_customer(customer, fields, format.columns);
        count_imported(transaction, result);
        customer.transactions.push_back(std::move(transaction));
    }
    skips.finish();
}

std::vector<CsvPreview::Row> preview_rows(std::string_view text, const CsvPreview& detected, bool keep_cancelled,
                                          std::size_t max_rows) {
    const RowFormat format = row_format(detected, keep_cancelled);
    std::vector<CsvPreview::Row> rows;
    internal::CsvReader reader(text, separator_char(detected.separator));
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    bool header_pending = detected.has_header;
    while (rows.size() < max_rows && reader.next(fields, line, error)) {
        if (header_pending) {
            header_pending = false;
            continue;
        }
        CsvPreview::Row row;
        row.line = line;
        row.id = field_at(fields, format.columns.customer_id);
        row.name = row_name(fields, format.columns);
        row.status = field_at(fields, format.columns.status);
        Transaction transaction;
        Problem problem;
        const RowOutcome outcome = error.empty() ? read_row(fields, line, format, transaction, problem) : RowOutcome::problem;
        row.included = outcome == RowOutcome::imported;
        if (row.included) {
            row.date = to_iso(transaction.date);
            row.amount = format.columns.amount >= 0 ? amount_text(transaction.amount) : "";
            row.product = transaction.product;
        } else {
            row.reason = outcome == RowOutcome::cancelled ? kSkipCancelled : error.empty() ? problem.to_string() : error;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace lcs::import_internal

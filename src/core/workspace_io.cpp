#include "core/workspace_io.h"

#include <algorithm>
#include <cctype>
#include <new>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/internal/io_json_cursor.h"
#include "core/internal/io_json_text.h"
#include "core/internal/io_read_workspace.h"
#include "core/problem_kinds.h"

namespace lcs {

namespace {

// A plain loop, not std::any_of with a lambda: clang 14 (em++) cannot capture structured bindings.
template <class Names>
bool is_one_of(const std::string& name, const Names& names) {
    for (const char* candidate : names)
        if (name == candidate) return true;
    return false;
}


using internal::JsonPath;
using internal::ProblemSink;

const char* const kKnownTopKeys[] = {"format",        "version",         "workspace", "customers", "transactions",
                                     "churn_reasons", "lifecycle_model", "scenarios", "settings"};

struct FlatRow {
    std::string customer_id;
    Transaction transaction;
    std::size_t index = 0;
};

// Returns false when the file is not a workspace this version can read (then nothing else is checked).
bool check_format_and_version(std::map<std::string, Json>& top, ProblemSink& sink) {
    const JsonPath root = internal::root_path();
    bool ok = true;
    const auto format = top.find("format");
    if (format == top.end()) {
        sink.report(workspace_problem::kMissingFormat, root,
                    "missing \"format\": \"lifecycle-studio-workspace\"; this is not a Lifecycle Studio workspace");
        ok = false;
    } else if (!format->second.is_string() || format->second.get_ref<const std::string&>() != kWorkspaceFormat) {
        sink.report(workspace_problem::kWrongFormat, internal::top_path("format"),
                    format->second.dump(-1, ' ', false, Json::error_handler_t::replace) +
                        " is not \"lifecycle-studio-workspace\"; this is not a Lifecycle Studio workspace");
        ok = false;
    }
    const auto version = top.find("version");
    if (version == top.end()) {
        sink.report(workspace_problem::kMissingVersion, root, "missing \"version\" (this app reads version 1)");
        return false;
    }
    if (!version->second.is_number_integer()) {
        sink.report(workspace_problem::kBadVersion, internal::top_path("version"),
                    version->second.dump(-1, ' ', false, Json::error_handler_t::replace) + " is not a whole version number");
        return false;
    }
    const long long number = version->second.get<long long>();
    if (number > kWorkspaceVersion) {
        sink.report(workspace_problem::kNewerVersion, internal::top_path("version"),
                    "version " + std::to_string(number) + " is newer than this app supports (" +
                        std::to_string(kWorkspaceVersion) + "); please update Lifecycle Studio");
        return false;
    }
    if (number < 1) {
        sink.report(workspace_problem::kBadVersion, internal::top_path("version"), "version " + std::to_string(number) + " does not exist");
        return false;
    }
    return ok;
}

void read_reason_catalog(std::map<std::string, Json>& top, ProblemSink& sink, Workspace& workspace) {
    const auto found = top.find("churn_reasons");
    if (found == top.end() || found->second.is_null()) {
        workspace.churn_reasons = default_churn_reasons();
        return;
    }
    const JsonPath path = internal::top_path("churn_reasons");
    if (!found->second.is_array()) {
        sink.report(workspace_problem::kWrongType, path, "expected an array");
        return;
    }
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < found->second.size(); ++i) {
        ChurnReason reason;
        const JsonPath at = path.element(i);
        if (!internal::read_churn_reason(found->second[i], at, sink, reason)) continue;
        if (!reason.id.empty() && !seen.insert(reason.id).second)
            sink.report(workspace_problem::kDuplicateId, at.member("id"), "duplicate churn reason id \"" + reason.id + "\"");
        workspace.churn_reasons.push_back(std::move(reason));
    }
}

void check_customer_ids(const Workspace& workspace, const std::vector<std::size_t>& doc_index, ProblemSink& sink,
                        std::unordered_map<std::string, std::size_t>& by_id) {
    const JsonPath customers = internal::top_path("customers");
    by_id.reserve(workspace.customers.size());
    for (std::size_t i = 0; i < workspace.customers.size(); ++i) {
        const std::string& id = workspace.customers[i].id;
        if (id.empty()) continue;
        const auto [it, inserted] = by_id.emplace(id, i);
        if (!inserted)
            sink.report(workspace_problem::kDuplicateId, customers.element(doc_index[i]).member("id"),
                        "duplicate customer id \"" + id + "\" (first at customers[" +
                            std::to_string(doc_index[it->second]) + "])");
    }
}

void check_churn_reasons(const Workspace& workspace, const std::vector<std::size_t>& doc_index, ProblemSink& sink) {
    std::unordered_set<std::string> known;
    std::string known_list;
    for (const ChurnReason& reason : workspace.churn_reasons) {
        known.insert(reason.id);
        known_list += (known_list.empty() ? "" : ", ") + reason.id;
    }
    const JsonPath customers = internal::top_path("customers");
    for (std::size_t i = 0; i < workspace.customers.size(); ++i) {
        const std::vector<ChurnEvent>& events = workspace.customers[i].churn_events;
        for (std::size_t j = 0; j < events.size(); ++j) {
            if (events[j].reason.empty() || known.count(events[j].reason)) continue;
            const JsonPath customer = customers.element(doc_index[i]);
            const JsonPath list = customer.member("churn_events");
            sink.report(workspace_problem::kUnknownReason, list.element(j).member("reason"),
                        "\"" + events[j].reason + "\" is not in churn_reasons (known: " + known_list + ")");
        }
    }
}

// Text repairs the cursor made (repairs() indexes first..end) inside one field, for the warnings.
struct RepairedField {
    std::size_t first = 0, end = 0;
    std::string where;        // JSON path of the field ("customers[3].name")
    std::string customer_id;  // the customer it belongs to, when it does
};

// Records the repairs made since *since in the field at `where` (customer_id may be filled later).
void note_repairs(const internal::JsonCursor& cursor, std::size_t& since, const JsonPath& where,
                  std::vector<RepairedField>& repaired) {
    if (cursor.repair_count() == since) return;
    repaired.push_back(RepairedField{since, cursor.repair_count(), where.render(), {}});
    since = cursor.repair_count();
}

template <typename T>
void sort_by_date(std::vector<T>& events) {
    std::stable_sort(events.begin(), events.end(), [](const T& a, const T& b) { return a.date < b.date; });
}

// Streams one transaction object without building a DOM for it (the bulk of a large file).
// Returns false when the element is unusable; cursor errors are checked by the caller.
bool stream_transaction(internal::JsonCursor& cursor, const JsonPath& path, ProblemSink& sink, Transaction& out,
                        std::string* customer_id, std::string& key, Json& value) {
    if (cursor.peek() != internal::JsonCursor::Kind::object) {
        if (cursor.read_value(value)) internal::report_not_object(value, path, sink);
        return false;
    }
    cursor.enter_object();
    internal::TransactionFields seen;
    while (cursor.next_member(key)) {
        if (!cursor.read_value(value)) return false;
        internal::read_transaction_member(key, value, path, sink, out, customer_id, seen);
    }
    if (cursor.failed()) return false;
    return internal::finish_transaction(path, sink, seen, customer_id != nullptr);
}

// A customer: its "transactions" array is streamed, every other member becomes a small DOM.
bool stream_customer(internal::JsonCursor& cursor, const JsonPath& path, ProblemSink& sink, Customer& out,
                     std::string& key, Json& value, std::vector<RepairedField>& repaired) {
    Json rest;
    if (cursor.peek() != internal::JsonCursor::Kind::object) {
        if (cursor.read_value(rest)) internal::report_not_object(rest, path, sink);
        return false;
    }
    cursor.enter_object();
    rest = Json::object();
    const JsonPath list = path.member("transactions");
    const std::size_t first_repaired = repaired.size();
    std::size_t since = cursor.repair_count();
    while (cursor.next_member(key)) {
        if (key == "transactions" && cursor.peek() == internal::JsonCursor::Kind::array) {
            cursor.enter_array();
            for (std::size_t i = 0; cursor.next_element(); ++i) {
                Transaction transaction;
                if (stream_transaction(cursor, list.element(i), sink, transaction, nullptr, key, value))
                    out.transactions.push_back(std::move(transaction));
                if (cursor.failed()) return false;
            }
            key = "transactions";
        } else if (!cursor.read_value(rest[key])) {
            return false;
        }
        note_repairs(cursor, since, path.member(key.c_str()), repaired);
    }
    if (cursor.failed()) return false;
    const bool usable = internal::read_customer(rest, path, sink, out);
    for (std::size_t i = first_repaired; i < repaired.size(); ++i) repaired[i].customer_id = out.id;
    return usable;
}

// What streaming the file yields before the cross-checks: the customers that read, the flat
// transactions, and every other top-level member as a DOM, with the top-level keys in file order.
struct StreamedFile {
    Workspace workspace;
    std::vector<std::size_t> doc_index;  // workspace.customers[i] is customers[doc_index[i]] of the file
    std::vector<FlatRow> flat;
    std::map<std::string, Json> top;
    std::vector<std::string> key_order;
    std::vector<RepairedField> repaired;
    Problems warnings;  // repair_warnings of repaired
};

// key and value are scratch buffers reused across elements.
void stream_customers(internal::JsonCursor& cursor, ProblemSink& sink, StreamedFile& file, std::string& key, Json& value) {
    const JsonPath customers_path = internal::top_path("customers");
    cursor.enter_array();
    for (std::size_t i = 0; cursor.next_element(); ++i) {
        Customer customer;
        const bool usable =
            stream_customer(cursor, customers_path.element(i), sink, customer, key, value, file.repaired);
        if (cursor.failed()) return;
        if (!usable) continue;
        file.workspace.customers.push_back(std::move(customer));
        file.doc_index.push_back(i);
    }
}

void stream_flat_transactions(internal::JsonCursor& cursor, ProblemSink& sink, StreamedFile& file, std::string& key,
                              Json& value) {
    const JsonPath flat_path = internal::top_path("transactions");
    cursor.enter_array();
    std::size_t since = cursor.repair_count();
    for (std::size_t i = 0; cursor.next_element(); ++i) {
        FlatRow row;
        row.index = i;
        const bool usable =
            stream_transaction(cursor, flat_path.element(i), sink, row.transaction, &row.customer_id, key, value);
        if (cursor.failed()) return;
        note_repairs(cursor, since, flat_path.element(i), file.repaired);
        if (usable) file.flat.push_back(std::move(row));
    }
}

// One workspace.repaired_text warning per repair in `repaired` (up to limit, then one line for the rest),
// naming the field, the customer and the place in the text.
Problems repair_warnings(const internal::JsonCursor& cursor, const std::vector<RepairedField>& repaired, std::size_t limit) {
    ProblemSink warnings(limit);
    const std::vector<internal::JsonCursor::Repair>& described = cursor.repairs();
    for (const RepairedField& field : repaired)
        for (std::size_t i = field.first; i < field.end; ++i) {
            if (warnings.count() >= limit || i >= described.size()) {  // not listed: skip the wording
                warnings.report(Problem{workspace_problem::kRepairedText, field.where, "one more repair (not described)", 0, 0});
                continue;
            }
            const auto [line, column] = cursor.line_column(described[i].offset);
            std::string message = field.customer_id.empty() ? "" : "customer \"" + field.customer_id + "\": ";
            message += described[i].what + " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
            warnings.report(Problem{workspace_problem::kRepairedText, field.where, std::move(message), line, column});
        }
    return warnings.finish();
}

// Reads the whole text in one pass. Returns the problem that stops the load (not one JSON object,
// a syntax error, too deep), if any; problems of single elements go to the sink.
std::optional<Problem> stream_file(std::string_view text, const LoadLimits& limits, ProblemSink& sink,
                                   StreamedFile& file) {
    internal::JsonCursor cursor(text, limits.max_depth, workspace_problem::kSyntax, workspace_problem::kTooDeep);
    using Kind = internal::JsonCursor::Kind;
    const Kind kind = cursor.peek();
    if (kind == Kind::array || kind == Kind::string || kind == Kind::number || kind == Kind::literal)
        return Problem{workspace_problem::kNotObject, "", "the file must hold one JSON object {...}", 0, 0};
    std::string key, scratch_key;
    Json scratch;
    if (cursor.enter_object()) {
        std::size_t since = cursor.repair_count();
        while (cursor.next_member(key)) {
            file.key_order.push_back(key);
            if (key == "customers" && cursor.peek() == Kind::array)
                stream_customers(cursor, sink, file, scratch_key, scratch);
            else if (key == "transactions" && cursor.peek() == Kind::array)
                stream_flat_transactions(cursor, sink, file, scratch_key, scratch);
            else if (cursor.read_value(file.top[key]))
                note_repairs(cursor, since, internal::top_path(key.c_str()), file.repaired);
            if (cursor.failed()) break;
            since = cursor.repair_count();  // customers and flat rows noted theirs, element by element
        }
    }
    if (!cursor.failed()) cursor.expect_end();
    if (cursor.failed()) return cursor.error();
    file.warnings = repair_warnings(cursor, file.repaired, limits.max_problems);
    return std::nullopt;
}

void check_duplicate_top_keys(const std::vector<std::string>& key_order, ProblemSink& sink) {
    std::unordered_set<std::string> seen_keys;
    for (const std::string& name : key_order)
        if (!seen_keys.insert(name).second)
            sink.report(workspace_problem::kDuplicateKey, internal::top_path(name.c_str()), "the key appears more than once");
}

// Reads "workspace" and "churn_reasons"; "customers" or "transactions" left in top were not arrays.
void read_small_sections(std::map<std::string, Json>& top, ProblemSink& sink, Workspace& workspace) {
    if (auto meta = top.find("workspace"); meta != top.end())
        internal::read_meta(meta->second, internal::top_path("workspace"), sink, workspace.meta);
    read_reason_catalog(top, sink, workspace);
    for (const char* name : {"customers", "transactions"})
        if (auto found = top.find(name); found != top.end() && !found->second.is_null())
            sink.report(workspace_problem::kWrongType, internal::top_path(name), "expected an array");
}

// Moves each row of the flat "transactions" list to its customer (by_id: customer id -> index).
void attach_flat_transactions(std::vector<FlatRow>& flat, const std::unordered_map<std::string, std::size_t>& by_id,
                              ProblemSink& sink, Workspace& workspace) {
    const JsonPath flat_path = internal::top_path("transactions");
    for (FlatRow& row : flat) {
        const auto customer = by_id.find(row.customer_id);
        if (customer == by_id.end()) {
            sink.report(workspace_problem::kUnknownCustomer, flat_path.element(row.index).member("customer_id"),
                        "no customer with id \"" + row.customer_id + "\" in \"customers\"");
            continue;
        }
        workspace.customers[customer->second].transactions.push_back(std::move(row.transaction));
    }
}

// The sections core keeps as JSON, and unknown keys kept verbatim in extra.
void keep_json_sections(std::map<std::string, Json>& top, Workspace& workspace) {
    if (auto found = top.find("lifecycle_model"); found != top.end()) workspace.lifecycle_model = std::move(found->second);
    if (auto found = top.find("scenarios"); found != top.end()) workspace.scenarios = std::move(found->second);
    if (auto found = top.find("settings"); found != top.end()) workspace.settings = std::move(found->second);
    for (auto& [name, value] : top) {
        const bool known = is_one_of(name, kKnownTopKeys);
        if (!known) workspace.extra[name] = std::move(value);
    }
}

void sort_events_by_date(Workspace& workspace) {
    for (Customer& customer : workspace.customers) {
        sort_by_date(customer.transactions);
        sort_by_date(customer.interactions);
        sort_by_date(customer.surveys);
        sort_by_date(customer.churn_events);
    }
}

LoadResult load_checked(std::string_view text, const LoadLimits& limits) {
    LoadResult result;
    if (text.size() > limits.max_bytes) {
        result.problems.push_back(Problem{workspace_problem::kTooLarge, "",
                                          "the file has " + std::to_string(text.size()) + " bytes; the limit is " +
                                              std::to_string(limits.max_bytes),
                                          0, 0});
        return result;
    }
    ProblemSink sink(limits.max_problems);
    StreamedFile file;
    if (std::optional<Problem> fatal = stream_file(text, limits, sink, file)) {
        result.problems.push_back(std::move(*fatal));
        return result;
    }
    result.warnings = std::move(file.warnings);

    // A foreign or newer file: its other problems would only be noise.
    ProblemSink version_sink(limits.max_problems);
    if (!check_format_and_version(file.top, version_sink)) {
        result.problems = version_sink.finish();
        return result;
    }

    Workspace& workspace = file.workspace;
    check_duplicate_top_keys(file.key_order, sink);
    read_small_sections(file.top, sink, workspace);
    std::unordered_map<std::string, std::size_t> by_id;
    check_customer_ids(workspace, file.doc_index, sink, by_id);
    attach_flat_transactions(file.flat, by_id, sink, workspace);
    check_churn_reasons(workspace, file.doc_index, sink);
    keep_json_sections(file.top, workspace);

    if (sink.count() > 0) {
        result.problems = sink.finish();
        return result;
    }
    sort_events_by_date(workspace);
    result.workspace = std::move(workspace);
    return result;
}

// ---- writing ----

class Writer {
public:
    explicit Writer(int indent) : indent_(indent) {}
    std::string& out() { return out_; }

    // Starts a member of a pretty object: newline + indentation + "key": (a comma first unless first).
    void member(int level, const char* key, bool& first) {
        if (!first) out_ += ',';
        first = false;
        newline(level);
        internal::append_json_string(out_, key);
        out_ += indent_ < 0 ? ":" : ": ";
    }
    void newline(int level) {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(static_cast<std::size_t>(indent_ * level), ' ');
    }
    std::string prefix(int level) const { return std::string(static_cast<std::size_t>(std::max(0, indent_ * level)), ' '); }
    int indent() const { return indent_; }

private:
    std::string out_;
    int indent_;
};

// One-line objects (events, reasons): "key":value pairs separated by commas.
struct Inline {
    std::string& out;
    bool first = true;
    void key(const char* name) {
        if (!first) out += ',';
        first = false;
        internal::append_json_string(out, name);
        out += ':';
    }
    void string(const char* name, const std::string& value) {
        key(name);
        internal::append_json_string(out, value);
    }
    void number(const char* name, double value) {
        key(name);
        internal::append_json_number(out, value);
    }
    void integer(const char* name, long long value) {
        key(name);
        internal::append_json_integer(out, value);
    }
    void date(const char* name, Date value) {
        key(name);
        internal::append_json_date(out, value);
    }
    // Unknown fields, skipping names the writer owns so the object never repeats a key.
    void extra(const Json& extra, std::initializer_list<const char*> known) {
        if (!extra.is_object()) return;
        for (const auto& [name, value] : extra.items()) {
            if (is_one_of(name, known)) continue;
            key(name.c_str());
            internal::append_json_value(out, value, -1, "");
        }
    }
};

template <typename T, typename WriteOne>
void write_event_array(Writer& writer, int level, const char* key, bool& first, const std::vector<T>& events, WriteOne write_one) {
    if (events.empty()) return;
    writer.member(level, key, first);
    std::string& out = writer.out();
    out += '[';
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i) out += ',';
        writer.newline(level + 1);
        out += '{';
        Inline line{out};
        write_one(line, events[i]);
        out += '}';
    }
    writer.newline(level);
    out += ']';
}

void write_customer(Writer& writer, const Customer& customer, int level) {
    std::string& out = writer.out();
    bool first = true;
    out += '{';
    writer.member(level + 1, "id", first);
    internal::append_json_string(out, customer.id);
    const auto text = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        writer.member(level + 1, key, first);
        internal::append_json_string(out, value);
    };
    text("name", customer.name);
    text("segment", customer.segment);
    if (!customer.tags.empty()) {
        writer.member(level + 1, "tags", first);
        out += '[';
        for (std::size_t i = 0; i < customer.tags.size(); ++i) {
            if (i) out += ',';
            internal::append_json_string(out, customer.tags[i]);
        }
        out += ']';
    }
    if (customer.acquired) {
        writer.member(level + 1, "acquired", first);
        internal::append_json_date(out, *customer.acquired);
    }
    text("channel", customer.channel);
    if (customer.acquisition_cost != 0) {
        writer.member(level + 1, "acquisition_cost", first);
        internal::append_json_number(out, customer.acquisition_cost);
    }
    if (customer.attributes.is_object() && !customer.attributes.empty()) {
        writer.member(level + 1, "attributes", first);
        internal::append_json_value(out, customer.attributes, -1, "");
    }
    const int events = level + 1;
    write_event_array(writer, events, "transactions", first, customer.transactions, [](Inline& line, const Transaction& t) {
        line.date("date", t.date);
        line.number("amount", t.amount);
        if (t.cost) line.number("cost", *t.cost);
        if (!t.product.empty()) line.string("product", t.product);
        line.extra(t.extra, {"date", "amount", "cost", "product", "customer_id"});
    });
    write_event_array(writer, events, "interactions", first, customer.interactions, [](Inline& line, const Interaction& e) {
        line.date("date", e.date);
        line.string("type", e.type);
        if (e.sentiment) line.number("sentiment", *e.sentiment);
        if (!e.note.empty()) line.string("note", e.note);
        line.extra(e.extra, {"date", "type", "sentiment", "note"});
    });
    write_event_array(writer, events, "surveys", first, customer.surveys, [](Inline& line, const SurveyAnswer& s) {
        line.date("date", s.date);
        if (s.nps) line.integer("nps", *s.nps);
        if (s.satisfaction) line.number("satisfaction", *s.satisfaction);
        line.extra(s.extra, {"date", "nps", "satisfaction"});
    });
    write_event_array(writer, events, "churn_events", first, customer.churn_events, [](Inline& line, const ChurnEvent& c) {
        line.date("date", c.date);
        line.string("reason", c.reason);
        if (!c.note.empty()) line.string("note", c.note);
        line.extra(c.extra, {"date", "reason", "note"});
    });
    static const char* const kCustomerKeys[] = {"id",       "name",          "segment",      "tags",
                                                "acquired", "channel",       "acquisition_cost", "attributes",
                                                "transactions", "interactions", "surveys",   "churn_events"};
    if (customer.extra.is_object())
        for (const auto& [key, value] : customer.extra.items()) {
            if (is_one_of(key, kCustomerKeys))
                continue;
            writer.member(level + 1, key.c_str(), first);
            internal::append_json_value(out, value, -1, "");
        }
    writer.newline(level);
    out += '}';
}

}  // namespace

LoadResult load_workspace_json(std::string_view text, const LoadLimits& limits) {
    // Only running out of memory is the user's problem (a file too large for this machine); any
    // other exception is a bug and propagates.
    try {
        return load_checked(text, limits);
    } catch (const std::bad_alloc&) {
        LoadResult result;
        result.problems.push_back(Problem{workspace_problem::kTooLarge, "",
                                          "the file is too large to load in the memory available", 0, 0});
        return result;
    }
}

std::string save_workspace_json(const Workspace& workspace, int indent) {
    Writer writer(indent);
    std::string& out = writer.out();
    bool first = true;
    out += '{';
    writer.member(1, "format", first);
    internal::append_json_string(out, kWorkspaceFormat);
    writer.member(1, "version", first);
    internal::append_json_integer(out, kWorkspaceVersion);

    writer.member(1, "workspace", first);
    out += '{';
    {
        Inline meta{out};
        meta.string("name", workspace.meta.name);
        meta.string("currency", workspace.meta.currency);
        if (workspace.meta.as_of) meta.date("as_of", *workspace.meta.as_of);
        if (!workspace.meta.notes.empty()) meta.string("notes", workspace.meta.notes);
        meta.extra(workspace.meta.extra, {"name", "currency", "as_of", "notes"});
    }
    out += '}';

    writer.member(1, "churn_reasons", first);
    out += '[';
    for (std::size_t i = 0; i < workspace.churn_reasons.size(); ++i) {
        const ChurnReason& reason = workspace.churn_reasons[i];
        if (i) out += ',';
        writer.newline(2);
        out += '{';
        Inline line{out};
        line.string("id", reason.id);
        line.string("name", reason.name.en);
        line.string("name_zh", reason.name.zh);
        line.string("winback_measure", reason.winback_measure.en);
        if (!reason.winback_measure.zh.empty()) line.string("winback_measure_zh", reason.winback_measure.zh);
        line.number("winback_share", reason.winback_share);
        line.extra(reason.extra, {"id", "name", "name_zh", "winback_measure", "winback_measure_zh", "winback_share"});
        out += '}';
    }
    if (!workspace.churn_reasons.empty()) writer.newline(1);
    out += ']';

    const auto section = [&](const char* key, const Json& value) {
        if (value.is_null()) return;
        writer.member(1, key, first);
        internal::append_json_value(out, value, indent, writer.prefix(1));
    };
    section("lifecycle_model", workspace.lifecycle_model);
    section("scenarios", workspace.scenarios);
    section("settings", workspace.settings);
    if (workspace.extra.is_object())
        for (const auto& [key, value] : workspace.extra.items()) {
            if (is_one_of(key, kKnownTopKeys))
                continue;
            section(key.c_str(), value);
            if (value.is_null()) {
                writer.member(1, key.c_str(), first);
                out += "null";
            }
        }

    writer.member(1, "customers", first);
    out += '[';
    for (std::size_t i = 0; i < workspace.customers.size(); ++i) {
        if (i) out += ',';
        writer.newline(2);
        write_customer(writer, workspace.customers[i], 2);
    }
    if (!workspace.customers.empty()) writer.newline(1);
    out += ']';
    writer.newline(0);
    out += '}';
    if (indent >= 0) out += '\n';
    return out;
}

std::string workspace_file_name(std::string_view requested, bool* replaced_extension) {
    if (replaced_extension) *replaced_extension = false;
    const size_t first = requested.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    const size_t last = requested.find_last_not_of(" \t");
    std::string name(requested.substr(first, last - first + 1));
    const size_t dot = name.rfind('.');
    std::string extension = dot == std::string::npos ? "" : name.substr(dot);
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".json") return name;
    for (const char* replaced : {".csv", ".tsv", ".txt", ".xls", ".xlsx"})
        if (extension == replaced) {
            if (replaced_extension) *replaced_extension = true;
            return name.substr(0, dot) + ".json";
        }
    return name + ".json";
}

}  // namespace lcs

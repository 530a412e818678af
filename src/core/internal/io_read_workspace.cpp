#include "core/internal/io_read_workspace.h"

#include <cmath>
#include <cstring>

#include "core/problem_kinds.h"

namespace lcs::internal {

namespace {

using Json = nlohmann::json;

// Amounts beyond a trillion are data errors (a misplaced column, a timestamp read as money).
constexpr double kMaxAbsAmount = 1e12;

const char* type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "a number";
    }
}

std::string short_text(const Json& value) {
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

void wrong_type(const Json& value, const JsonPath& path, ProblemSink& sink, const char* expected) {
    sink.report(workspace_problem::kWrongType, path, std::string("expected ") + expected + ", got " + type_name(value));
}

bool read_string(Json& value, const JsonPath& path, ProblemSink& sink, std::string& out) {
    if (!value.is_string()) {
        wrong_type(value, path, sink, "a string");
        return false;
    }
    out = std::move(value.get_ref<std::string&>());
    return true;
}

bool read_number(const Json& value, const JsonPath& path, ProblemSink& sink, double& out) {
    if (!value.is_number()) {
        wrong_type(value, path, sink, "a number");
        return false;
    }
    out = value.get<double>();
    if (!std::isfinite(out)) {
        sink.report(workspace_problem::kBadAmount, path, "the number is too large to represent");
        return false;
    }
    return true;
}

bool read_money(const Json& value, const JsonPath& path, ProblemSink& sink, double& out) {
    if (!read_number(value, path, sink, out)) return false;
    if (std::fabs(out) > kMaxAbsAmount) {
        sink.report(workspace_problem::kBadAmount, path, short_text(value) + " is not a plausible amount (beyond ±1e12)");
        return false;
    }
    return true;
}

bool read_in_range(const Json& value, const JsonPath& path, ProblemSink& sink, double low, double high, double& out) {
    if (!read_number(value, path, sink, out)) return false;
    if (out < low || out > high) {
        sink.report(workspace_problem::kOutOfRange, path,
                    short_text(value) + " is outside " + Json(low).dump() + ".." + Json(high).dump());
        return false;
    }
    return true;
}

void missing(const JsonPath& path, ProblemSink& sink, const char* field, const char* what) {
    sink.report(workspace_problem::kMissingField, path, std::string("missing required field \"") + field + "\" (" + what + ")");
}

bool is_object(const Json& element, const JsonPath& path, ProblemSink& sink) {
    if (element.is_object()) return true;
    wrong_type(element, path, sink, "an object");
    return false;
}

template <typename T, typename Reader>
void read_array(Json& value, const JsonPath& path, ProblemSink& sink, std::vector<T>& out, Reader reader) {
    if (!value.is_array()) {
        wrong_type(value, path, sink, "an array");
        return;
    }
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        T item;
        if (reader(value[i], path.element(i), sink, item)) out.push_back(std::move(item));
    }
}

bool read_interaction(Json& element, const JsonPath& path, ProblemSink& sink, Interaction& out) {
    if (!is_object(element, path, sink)) return false;
    bool has_date = false, has_type = false;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "date") {
            has_date = true;
            read_date(value, at, sink, out.date);
        } else if (key == "type") {
            has_type = true;
            read_string(value, at, sink, out.type);
        } else if (key == "sentiment") {
            double sentiment = 0;
            if (!value.is_null() && read_in_range(value, at, sink, -1, 1, sentiment)) out.sentiment = sentiment;
        } else if (key == "note") {
            read_string(value, at, sink, out.note);
        } else {
            out.extra[key] = std::move(value);
        }
    }
    if (!has_date) missing(path, sink, "date", "YYYY-MM-DD");
    if (!has_type) missing(path, sink, "type", "e.g. \"email\", \"complaint\"");
    return true;
}

bool read_survey(Json& element, const JsonPath& path, ProblemSink& sink, SurveyAnswer& out) {
    if (!is_object(element, path, sink)) return false;
    bool has_date = false;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "date") {
            has_date = true;
            read_date(value, at, sink, out.date);
        } else if (key == "nps") {
            if (value.is_null()) continue;
            double score = 0;
            if (!read_number(value, at, sink, score)) continue;
            if (score != std::floor(score) || score < 0 || score > 10)
                sink.report(workspace_problem::kOutOfRange, at, short_text(value) + " is not an NPS answer (a whole number 0..10)");
            else
                out.nps = static_cast<int>(score);
        } else if (key == "satisfaction") {
            double score = 0;
            if (!value.is_null() && read_in_range(value, at, sink, 1, 5, score)) out.satisfaction = score;
        } else {
            out.extra[key] = std::move(value);
        }
    }
    if (!has_date) missing(path, sink, "date", "YYYY-MM-DD");
    return true;
}

bool read_churn_event(Json& element, const JsonPath& path, ProblemSink& sink, ChurnEvent& out) {
    if (!is_object(element, path, sink)) return false;
    bool has_date = false, has_reason = false;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "date") {
            has_date = true;
            read_date(value, at, sink, out.date);
        } else if (key == "reason") {
            has_reason = true;
            read_string(value, at, sink, out.reason);
        } else if (key == "note") {
            read_string(value, at, sink, out.note);
        } else {
            out.extra[key] = std::move(value);
        }
    }
    if (!has_date) missing(path, sink, "date", "YYYY-MM-DD");
    if (!has_reason) missing(path, sink, "reason", "an id from churn_reasons");
    return true;
}

void read_tags(Json& value, const JsonPath& path, ProblemSink& sink, std::vector<std::string>& out) {
    read_array(value, path, sink, out, [](Json& tag, const JsonPath& at, ProblemSink& s, std::string& text) {
        return read_string(tag, at, s, text);
    });
}

}  // namespace

std::string JsonPath::render() const {
    if (!parent) return key ? key : "";
    std::string text = parent->render();
    if (key) {
        if (!text.empty()) text += '.';
        text += key;
    } else {
        text += '[' + std::to_string(index) + ']';
    }
    return text;
}

void ProblemSink::report(const char* kind, const JsonPath& where, std::string message) {
    if (++count_ > limit_) return;
    problems_.push_back(Problem{kind, where.render(), std::move(message), 0, 0});
}

void ProblemSink::report(Problem problem) {
    if (++count_ > limit_) return;
    problems_.push_back(std::move(problem));
}

Problems ProblemSink::finish() {
    Problems out = std::move(problems_);
    if (count_ > limit_)
        out.push_back(Problem{workspace_problem::kTooManyProblems, "",
                              std::to_string(count_ - limit_) + " more problems not listed (" +
                                  std::to_string(count_) + " in total)",
                              0, 0});
    problems_.clear();
    return out;
}

bool read_id(Json& value, const JsonPath& path, ProblemSink& sink, std::string& out) {
    if (value.is_number_integer()) {
        out = value.dump();
        return true;
    }
    if (!read_string(value, path, sink, out)) return false;
    if (out.empty()) {
        sink.report(workspace_problem::kEmptyId, path, "the id is empty");
        return false;
    }
    return true;
}

bool read_date(const Json& value, const JsonPath& path, ProblemSink& sink, Date& out) {
    if (!value.is_string()) {
        wrong_type(value, path, sink, "a date string \"YYYY-MM-DD\"");
        return false;
    }
    const std::string& text = value.get_ref<const std::string&>();
    if (const std::optional<Date> date = parse_iso_date(text)) {
        out = *date;
        return true;
    }
    const bool shaped = text.size() >= 10 && text[4] == '-' && text[7] == '-';
    sink.report(workspace_problem::kInvalidDate, path,
                short_text(value) + (shaped ? " is not a calendar date" : " is not a date in YYYY-MM-DD form"));
    return false;
}

void read_transaction_member(const std::string& key, Json& value, const JsonPath& path, ProblemSink& sink,
                             Transaction& out, std::string* customer_id, TransactionFields& seen) {
    const char* name = key.c_str();
    if (!std::strcmp(name, "date")) {
        seen.date = true;
        read_date(value, path.member("date"), sink, out.date);
    } else if (!std::strcmp(name, "amount")) {
        seen.amount = true;
        read_money(value, path.member("amount"), sink, out.amount);
    } else if (!std::strcmp(name, "cost")) {
        double cost = 0;
        if (!value.is_null() && read_money(value, path.member("cost"), sink, cost)) out.cost = cost;
    } else if (!std::strcmp(name, "product")) {
        read_string(value, path.member("product"), sink, out.product);
    } else if (customer_id && !std::strcmp(name, "customer_id")) {
        seen.customer_id = true;
        read_id(value, path.member("customer_id"), sink, *customer_id);
    } else {
        out.extra[key] = std::move(value);
    }
}

bool finish_transaction(const JsonPath& path, ProblemSink& sink, const TransactionFields& seen, bool needs_customer_id) {
    if (!seen.date) missing(path, sink, "date", "YYYY-MM-DD");
    if (!seen.amount) missing(path, sink, "amount", "a number");
    if (needs_customer_id && !seen.customer_id) {
        missing(path, sink, "customer_id", "the id of a customer in \"customers\"");
        return false;
    }
    return true;
}

void report_not_object(const Json& value, const JsonPath& path, ProblemSink& sink) {
    wrong_type(value, path, sink, "an object");
}

bool read_transaction(Json& element, const JsonPath& path, ProblemSink& sink, Transaction& out, std::string* customer_id) {
    if (!is_object(element, path, sink)) return false;
    TransactionFields seen;
    for (auto& [key, value] : element.items())
        read_transaction_member(key, value, path, sink, out, customer_id, seen);
    return finish_transaction(path, sink, seen, customer_id != nullptr);
}

bool read_customer(Json& element, const JsonPath& path, ProblemSink& sink, Customer& out) {
    if (!is_object(element, path, sink)) return false;
    bool has_id = false;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "id") {
            has_id = true;  // a bad id is reported by read_id; "missing" would be misleading
            read_id(value, at, sink, out.id);
        } else if (key == "name") {
            read_string(value, at, sink, out.name);
        } else if (key == "segment") {
            read_string(value, at, sink, out.segment);
        } else if (key == "channel") {
            read_string(value, at, sink, out.channel);
        } else if (key == "tags") {
            read_tags(value, at, sink, out.tags);
        } else if (key == "acquired") {
            Date date;
            if (!value.is_null() && read_date(value, at, sink, date)) out.acquired = date;
        } else if (key == "acquisition_cost") {
            double cost = 0;
            if (read_money(value, at, sink, cost)) {
                if (cost < 0)
                    sink.report(workspace_problem::kOutOfRange, at, short_text(value) + " is negative; a cost must be >= 0");
                else
                    out.acquisition_cost = cost;
            }
        } else if (key == "attributes") {
            if (value.is_object())
                out.attributes = std::move(value);
            else
                wrong_type(value, at, sink, "an object");
        } else if (key == "transactions") {
            read_array(value, at, sink, out.transactions, [](Json& e, const JsonPath& p, ProblemSink& s, Transaction& t) {
                return read_transaction(e, p, s, t, nullptr);
            });
        } else if (key == "interactions") {
            read_array(value, at, sink, out.interactions, read_interaction);
        } else if (key == "surveys") {
            read_array(value, at, sink, out.surveys, read_survey);
        } else if (key == "churn_events") {
            read_array(value, at, sink, out.churn_events, read_churn_event);
        } else {
            out.extra[key] = std::move(value);
        }
    }
    if (!has_id) missing(path, sink, "id", "a unique customer id");
    return true;
}

bool read_churn_reason(Json& element, const JsonPath& path, ProblemSink& sink, ChurnReason& out) {
    if (!is_object(element, path, sink)) return false;
    bool has_id = false;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "id") {
            has_id = true;
            read_id(value, at, sink, out.id);
        } else if (key == "name") {
            read_string(value, at, sink, out.name.en);
        } else if (key == "name_zh") {
            read_string(value, at, sink, out.name.zh);
        } else if (key == "winback_measure") {
            read_string(value, at, sink, out.winback_measure.en);
        } else if (key == "winback_measure_zh") {
            read_string(value, at, sink, out.winback_measure.zh);
        } else if (key == "winback_share") {
            read_in_range(value, at, sink, 0, 1, out.winback_share);
        } else {
            out.extra[key] = std::move(value);
        }
    }
    if (!has_id) missing(path, sink, "id", "e.g. \"price\"");
    return true;
}

void read_meta(Json& element, const JsonPath& path, ProblemSink& sink, WorkspaceMeta& out) {
    if (!is_object(element, path, sink)) return;
    for (auto& [key, value] : element.items()) {
        const JsonPath at = path.member(key.c_str());
        if (key == "name") {
            read_string(value, at, sink, out.name);
        } else if (key == "currency") {
            read_string(value, at, sink, out.currency);
        } else if (key == "as_of") {
            Date date;
            if (!value.is_null() && read_date(value, at, sink, date)) out.as_of = date;
        } else if (key == "notes") {
            read_string(value, at, sink, out.notes);
        } else {
            out.extra[key] = std::move(value);
        }
    }
}

}  // namespace lcs::internal

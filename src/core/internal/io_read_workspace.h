// Typed, validating conversion of workspace JSON pieces into the model (core/workspace.h).
// Every problem found is reported with its JSON path; nothing throws.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/problem.h"
#include "core/workspace.h"

namespace lcs::internal {

// A JSON path built on the stack and rendered only when a problem needs it.
struct JsonPath {
    const JsonPath* parent = nullptr;
    const char* key = nullptr;  // set for object members
    std::size_t index = 0;      // used when key is null
    std::string render() const;
    JsonPath member(const char* name) const { return JsonPath{this, name, 0}; }
    JsonPath element(std::size_t i) const { return JsonPath{this, nullptr, i}; }
};
// A top-level member such as "customers" (a path with no parent, so it owns no pointer to a temporary).
inline JsonPath top_path(const char* key) { return JsonPath{nullptr, key, 0}; }
// The document itself: renders as "".
inline JsonPath root_path() { return JsonPath{nullptr, "", 0}; }

// Collects problems up to a limit and counts the rest.
class ProblemSink {
public:
    explicit ProblemSink(std::size_t limit) : limit_(limit) {}
    void report(const char* kind, const JsonPath& where, std::string message);
    void report(Problem problem);
    std::size_t count() const { return count_; }
    // The listed problems, plus one "workspace.too_many_problems" line when some were left out.
    Problems finish();

private:
    std::size_t limit_;
    std::size_t count_ = 0;
    Problems problems_;
};

// A customer's required id: strings, or integers (converted to their decimal text).
bool read_id(nlohmann::json& value, const JsonPath& path, ProblemSink& sink, std::string& out);
// Reads "YYYY-MM-DD"; reports workspace.wrong_type / workspace.invalid_date.
bool read_date(const nlohmann::json& value, const JsonPath& path, ProblemSink& sink, Date& out);

// Each reader fills `out` from an element (moved from where useful) and reports what is wrong.
// They return false when the element is unusable (not an object, or the id is missing).
bool read_transaction(nlohmann::json& element, const JsonPath& path, ProblemSink& sink, Transaction& out,
                      std::string* customer_id);  // customer_id: flat "transactions" rows only

// The same, one member at a time (for streamed reading without a DOM per transaction):
// read_transaction_member for each member, then finish_transaction.
struct TransactionFields {
    bool date = false, amount = false, customer_id = false;
};
void read_transaction_member(const std::string& key, nlohmann::json& value, const JsonPath& path, ProblemSink& sink,
                             Transaction& out, std::string* customer_id, TransactionFields& seen);
bool finish_transaction(const JsonPath& path, ProblemSink& sink, const TransactionFields& seen, bool needs_customer_id);
// Reports workspace.wrong_type for an element that should have been an object.
void report_not_object(const nlohmann::json& value, const JsonPath& path, ProblemSink& sink);
bool read_customer(nlohmann::json& element, const JsonPath& path, ProblemSink& sink, Customer& out);
bool read_churn_reason(nlohmann::json& element, const JsonPath& path, ProblemSink& sink, ChurnReason& out);
void read_meta(nlohmann::json& element, const JsonPath& path, ProblemSink& sink, WorkspaceMeta& out);

}  // namespace lcs::internal

// The workspace: everything a user loads and saves. Plain data; derived views live elsewhere.
// Format on disk: docs/workspace-format.md (format "lifecycle-studio-workspace", version 1).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/localized.h"

namespace lcs {

using Json = nlohmann::json;

inline constexpr const char* kWorkspaceFormat = "lifecycle-studio-workspace";
inline constexpr int kWorkspaceVersion = 1;

struct Transaction {
    Date date;
    double amount = 0;                // revenue in the workspace currency; finite
    std::optional<double> cost;       // cost of goods, when known; margin = amount - cost
    std::string product;              // may be empty
    Json extra = Json::object();      // unknown fields, written back unchanged
};

// Interaction types the engine knows by name; any other string is kept and counted as "other".
// "email", "call", "visit", "ticket", "complaint", "referral", "chat", "meeting", "login"
struct Interaction {
    Date date;
    std::string type;
    std::optional<double> sentiment;  // -1 (negative) .. +1 (positive)
    std::string note;
    Json extra = Json::object();
};

struct SurveyAnswer {
    Date date;
    std::optional<int> nps;              // 0..10 likelihood to recommend
    std::optional<double> satisfaction;  // 1..5
    Json extra = Json::object();
};

struct ChurnEvent {
    Date date;
    std::string reason;  // id of a ChurnReason in the workspace catalog
    std::string note;
    Json extra = Json::object();
};

struct Customer {
    std::string id;  // unique within the workspace, non-empty
    std::string name;
    std::string segment;
    std::vector<std::string> tags;
    std::optional<Date> acquired;  // acquisition date; first purchase is used when absent
    std::string channel;           // acquisition channel
    double acquisition_cost = 0;
    Json attributes = Json::object();  // free user attributes (any JSON values)
    std::vector<Transaction> transactions;  // kept sorted by date (stable)
    std::vector<Interaction> interactions;  // kept sorted by date (stable)
    std::vector<SurveyAnswer> surveys;      // kept sorted by date (stable)
    std::vector<ChurnEvent> churn_events;   // kept sorted by date (stable)
    Json extra = Json::object();
};

struct ChurnReason {
    std::string id;             // "price", "features", "service", "other", ...
    Localized name;             // JSON keys "name" and "name_zh"
    Localized winback_measure;  // JSON keys "winback_measure" and "winback_measure_zh" (left out when empty)
    double winback_share = 0;  // expected share won back, 0..1
    Json extra = Json::object();
};

struct WorkspaceMeta {
    std::string name = "Untitled";
    std::string currency = "USD";
    std::optional<Date> as_of;  // analysis date; defaults to the last transaction date
    std::string notes;
    Json extra = Json::object();
};

struct Workspace {
    WorkspaceMeta meta;
    std::vector<Customer> customers;
    std::vector<ChurnReason> churn_reasons;  // the editable reason catalog
    // Sections owned by other core modules, stored as their JSON and parsed by those modules
    // (lifecycle model: core/lifecycle; scenarios: core/scenario; UI settings: app). Null = absent.
    Json lifecycle_model;
    Json scenarios;
    Json settings;
    Json extra = Json::object();  // unknown top-level fields
};

// The source material's win-back catalog: price 30%, features 20%, service 10%, other 20%.
std::vector<ChurnReason> default_churn_reasons();

}  // namespace lcs

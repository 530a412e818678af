// Small hand-made workspaces for the lifecycle tests (unit-lifecycle-*.cpp).
#pragma once
#include <string>

#include "core/date.h"
#include "core/lifecycle/model.h"
#include "core/workspace.h"

namespace lcs::test {

inline Date day(const char* iso) { return *parse_iso_date(iso); }

inline Customer& add_customer(Workspace& ws, const std::string& id, const std::string& segment = "") {
    Customer c;
    c.id = id;
    c.segment = segment;
    ws.customers.push_back(std::move(c));
    return ws.customers.back();
}

inline void buy(Customer& c, const char* iso, double amount) {
    Transaction t;
    t.date = day(iso);
    t.amount = amount;
    c.transactions.push_back(t);
}

inline void interact(Customer& c, const char* iso, const std::string& type) {
    Interaction x;
    x.date = day(iso);
    x.type = type;
    c.interactions.push_back(x);
}

inline void survey(Customer& c, const char* iso, int nps) {
    SurveyAnswer s;
    s.date = day(iso);
    s.nps = nps;
    c.surveys.push_back(s);
}

inline void churn(Customer& c, const char* iso, const std::string& reason) {
    ChurnEvent e;
    e.date = day(iso);
    e.reason = reason;
    c.churn_events.push_back(e);
}

// A two-stage model: "hit" with the given rules, fallback "miss".
inline LifecycleModel one_rule_model(StageRules rules) {
    LifecycleModel m;
    m.id = "test";
    m.name.en = "Test";
    Stage hit;
    hit.id = "hit";
    hit.rules = std::move(rules);
    Stage miss;
    miss.id = "miss";
    m.stages = {hit, miss};
    m.fallback_stage = "miss";
    return m;
}

}  // namespace lcs::test

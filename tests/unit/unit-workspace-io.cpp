#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/demo_generator.h"
#include "core/workspace_io.h"

using namespace lcs;

namespace {

// A valid workspace with `customers_json` as the customers array and `extra_top` spliced in at the top.
std::string doc(const std::string& customers_json, const std::string& extra_top = "") {
    return R"({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "T"},)" + extra_top +
           R"( "customers": )" + customers_json + "}";
}

// The single problem of a load that must fail with exactly one.
Problem only_problem(const std::string& text, const LoadLimits& limits = {}) {
    const LoadResult result = load_workspace_json(text, limits);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.workspace.has_value());
    REQUIRE(result.problems.size() == 1);
    return result.problems[0];
}

const char* const kGood = R"({
  "format": "lifecycle-studio-workspace", "version": 1,
  "workspace": {"name": "Shop", "currency": "EUR", "as_of": "2024-06-30", "notes": "n", "owner": "Li"},
  "customers": [
    {"id": "c1", "name": "王伟", "segment": "Loyal", "tags": ["vip"], "acquired": "2023-01-05", "channel": "social",
     "acquisition_cost": 12.5, "attributes": {"city": "上海", "score": [1, 2]}, "favourite": true,
     "transactions": [{"date": "2023-03-01", "amount": 20, "sku": "A-1"},
                      {"date": "2023-01-05", "amount": 10.25, "cost": 4, "product": "Tea"}],
     "interactions": [{"date": "2023-02-01", "type": "complaint", "sentiment": -0.5, "note": "late"}],
     "surveys": [{"date": "2023-04-01", "nps": 9, "satisfaction": 4.5}],
     "churn_events": [{"date": "2024-01-01", "reason": "price"}]},
    {"id": 42}
  ],
  "transactions": [{"customer_id": "42", "date": "2023-05-05", "amount": 7}],
  "lifecycle_model": {"stages": ["new", "active"]},
  "scenarios": [{"name": "base"}],
  "settings": {"theme": "dark"},
  "plugin_data": {"x": 1}
})";

}  // namespace

TEST_CASE("workspace-io: a complete workspace loads into the model") {
    const LoadResult result = load_workspace_json(kGood);
    REQUIRE(result.ok());
    const Workspace& w = *result.workspace;
    CHECK(w.meta.name == "Shop");
    CHECK(w.meta.currency == "EUR");
    CHECK(to_iso(*w.meta.as_of) == "2024-06-30");
    CHECK(w.meta.extra["owner"] == "Li");
    REQUIRE(w.customers.size() == 2);
    const Customer& c = w.customers[0];
    CHECK(c.name == "王伟");
    CHECK(c.tags == std::vector<std::string>{"vip"});
    CHECK(c.acquisition_cost == 12.5);
    CHECK(c.attributes["city"] == "上海");
    CHECK(c.extra["favourite"] == true);
    REQUIRE(c.transactions.size() == 2);
    // Sorted by date on load.
    CHECK(to_iso(c.transactions[0].date) == "2023-01-05");
    CHECK(c.transactions[0].amount == 10.25);
    CHECK(*c.transactions[0].cost == 4);
    CHECK(c.transactions[0].product == "Tea");
    CHECK(c.transactions[1].extra["sku"] == "A-1");
    CHECK(*c.interactions[0].sentiment == -0.5);
    CHECK(*c.surveys[0].nps == 9);
    CHECK(*c.surveys[0].satisfaction == 4.5);
    CHECK(c.churn_events[0].reason == "price");
    // Integer ids become text; flat transactions join their customer.
    CHECK(w.customers[1].id == "42");
    REQUIRE(w.customers[1].transactions.size() == 1);
    CHECK(w.customers[1].transactions[0].amount == 7);
    CHECK(w.churn_reasons.size() == default_churn_reasons().size());
    CHECK(w.lifecycle_model["stages"][1] == "active");
    CHECK(w.scenarios[0]["name"] == "base");
    CHECK(w.settings["theme"] == "dark");
    CHECK(w.extra["plugin_data"]["x"] == 1);
}

TEST_CASE("workspace-io: unknown fields survive save and load at every level") {
    const Workspace first = *load_workspace_json(kGood).workspace;
    const std::string saved = save_workspace_json(first);
    const LoadResult again = load_workspace_json(saved);
    REQUIRE(again.ok());
    CHECK(again.workspace->meta.extra["owner"] == "Li");
    CHECK(again.workspace->customers[0].extra["favourite"] == true);
    CHECK(again.workspace->customers[0].transactions[1].extra["sku"] == "A-1");
    CHECK(again.workspace->extra["plugin_data"]["x"] == 1);
    CHECK(save_workspace_json(*again.workspace) == saved);
    // Compact and indented forms hold the same workspace.
    CHECK(save_workspace_json(*load_workspace_json(save_workspace_json(first, -1)).workspace) == saved);
    CHECK(save_workspace_json(first, -1).find('\n') == std::string::npos);
}

TEST_CASE("workspace-io: syntax errors give line and column") {
    const Problem p = only_problem("{\n \"format\": \"x\",\n \"version\" 1}");
    CHECK(p.kind == "workspace.syntax");
    CHECK(p.line == 3);
    CHECK(p.column == 12);
    CHECK(p.to_string() == "[workspace.syntax] line 3, column 12: expected ':' after the member name, found '1'");
    CHECK(only_problem("").to_string() == "[workspace.syntax] line 1, column 1: expected '{', found the end of the text");
    CHECK(only_problem(R"({"a": [1, 2,]})").message.find("expected a value") == 0);
    CHECK(only_problem(R"({"a": tru})").kind == "workspace.syntax");
    CHECK(only_problem(R"({"a": "x\q"})").message == "invalid escape '\\q' in a string");
    CHECK(only_problem("{\"a\": \"\xff\"}").message.find("invalid UTF-8") == 0);
    CHECK(only_problem(R"({"a": 01})").message == "numbers must not have leading zeros");
    CHECK(only_problem(R"({"a": 1} x)").message == "expected nothing after the end of the JSON value, found 'x'");
    CHECK(only_problem("{\"a\": \"\xe4\xb8\xad\" x}").column == 11);  // columns count characters, not bytes
}

TEST_CASE("workspace-io: a file that is not a workspace") {
    CHECK(only_problem("[1, 2]").kind == "workspace.not_object");
    CHECK(only_problem(R"({"version": 1})").to_string() ==
          "[workspace.missing_format] missing \"format\": \"lifecycle-studio-workspace\"; this is not a Lifecycle Studio workspace");
    CHECK(only_problem(R"({"format": "other", "version": 1})").kind == "workspace.wrong_format");
    CHECK(only_problem(R"({"format": "lifecycle-studio-workspace"})").kind == "workspace.missing_version");
    CHECK(only_problem(R"({"format": "lifecycle-studio-workspace", "version": "1"})").kind == "workspace.bad_version");
    CHECK(only_problem(R"({"format": "lifecycle-studio-workspace", "version": 0})").kind == "workspace.bad_version");
    // A newer file: only the version problem, even if other parts would not validate.
    CHECK(only_problem(R"({"format": "lifecycle-studio-workspace", "version": 2, "customers": [{"x": 1}]})").to_string() ==
          "[workspace.newer_version] version: version 2 is newer than this app supports (1); please update Lifecycle Studio");
}

TEST_CASE("workspace-io: each kind of bad value is reported with its path") {
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"date": "2023-01-01", "amount": 1}, {"date": "2023-01-02", "amount": 1},
                                {"date": "2023-01-03", "amount": 1}, {"date": "2023-02-30", "amount": 1}]}])"))
              .to_string() == R"([workspace.invalid_date] customers[0].transactions[3].date: "2023-02-30" is not a calendar date)");
    CHECK(only_problem(doc(R"([{"id": "a", "acquired": "03/02/2023"}])")).to_string() ==
          R"([workspace.invalid_date] customers[0].acquired: "03/02/2023" is not a date in YYYY-MM-DD form)");
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"date": "2023-01-01", "amount": "12.5"}]}])")).to_string() ==
          "[workspace.wrong_type] customers[0].transactions[0].amount: expected a number, got a string");
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"date": "2023-01-01", "amount": 1e13}]}])")).to_string() ==
          "[workspace.bad_amount] customers[0].transactions[0].amount: 10000000000000.0 is not a plausible amount (beyond ±1e12)");
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"date": "2023-01-01", "amount": 1e999}]}])")).kind ==
          "workspace.bad_amount");
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"amount": 3}]}])")).to_string() ==
          "[workspace.missing_field] customers[0].transactions[0]: missing required field \"date\" (YYYY-MM-DD)");
    CHECK(only_problem(doc(R"([{"id": "a", "transactions": [{"date": "2023-01-01"}]}])")).to_string() ==
          "[workspace.missing_field] customers[0].transactions[0]: missing required field \"amount\" (a number)");
    CHECK(only_problem(doc(R"([{"name": "no id"}])")).to_string() ==
          "[workspace.missing_field] customers[0]: missing required field \"id\" (a unique customer id)");
    CHECK(only_problem(doc(R"([{"id": ""}])")).kind == "workspace.empty_id");
    CHECK(only_problem(doc(R"([{"id": "a"}, {"id": "b"}, {"id": "a"}])")).to_string() ==
          R"([workspace.duplicate_id] customers[2].id: duplicate customer id "a" (first at customers[0]))");
    CHECK(only_problem(doc(R"([{"id": "a", "surveys": [{"date": "2023-01-01", "nps": 11}]}])")).to_string() ==
          "[workspace.out_of_range] customers[0].surveys[0].nps: 11 is not an NPS answer (a whole number 0..10)");
    CHECK(only_problem(doc(R"([{"id": "a", "surveys": [{"date": "2023-01-01", "nps": 7.5}]}])")).kind == "workspace.out_of_range");
    CHECK(only_problem(doc(R"([{"id": "a", "interactions": [{"date": "2023-01-01", "type": "call", "sentiment": 2}]}])"))
              .to_string() == "[workspace.out_of_range] customers[0].interactions[0].sentiment: 2 is outside -1.0..1.0");
    CHECK(only_problem(doc(R"([{"id": "a", "acquisition_cost": -5}])")).where == "customers[0].acquisition_cost");
    CHECK(only_problem(doc(R"([{"id": "a", "tags": "vip"}])")).to_string() ==
          "[workspace.wrong_type] customers[0].tags: expected an array, got a string");
    CHECK(only_problem(doc(R"([{"id": "a", "attributes": []}])")).where == "customers[0].attributes");
    CHECK(only_problem(doc(R"([{"id": "a"}, 5])")).to_string() == "[workspace.wrong_type] customers[1]: expected an object, got a number");
    CHECK(only_problem(doc(R"({"id": "a"})")).to_string() == "[workspace.wrong_type] customers: expected an array");
    CHECK(only_problem(doc(R"([{"id": "a", "churn_events": [{"date": "2023-01-01", "reason": "weather"}]}])")).to_string() ==
          R"([workspace.unknown_reason] customers[0].churn_events[0].reason: "weather" is not in churn_reasons (known: price, features, service, other))");
    CHECK(only_problem(doc("[]", R"( "churn_reasons": [{"id": "p", "winback_share": 1.5}],)")).where == "churn_reasons[0].winback_share");
    CHECK(only_problem(doc("[]", R"( "churn_reasons": [{"id": "p"}, {"id": "p"}],)")).kind == "workspace.duplicate_id");
    CHECK(only_problem(doc("[]", R"( "workspace": {"name": "U"},)")).kind == "workspace.duplicate_key");
    CHECK(only_problem(doc(R"([{"id": "a"}])", R"( "transactions": [{"customer_id": "zz", "date": "2023-01-01", "amount": 1}],)"))
              .to_string() == R"([workspace.unknown_customer] transactions[0].customer_id: no customer with id "zz" in "customers")");
    CHECK(only_problem(doc(R"([{"id": "a"}])", R"( "transactions": [{"date": "2023-01-01", "amount": 1}],)")).to_string() ==
          "[workspace.missing_field] transactions[0]: missing required field \"customer_id\" (the id of a customer in \"customers\")");
}

TEST_CASE("workspace-io: every problem is listed, up to the limit") {
    const LoadResult result = load_workspace_json(doc(R"([{"id": "a", "transactions": [{"date": "2023-13-01", "amount": 1},
        {"date": "2023-01-01", "amount": null}]}, {"id": "a"}, {"id": 1.5}])"));
    REQUIRE(result.problems.size() == 4);
    CHECK(result.problems[0].where == "customers[0].transactions[0].date");
    CHECK(result.problems[1].where == "customers[0].transactions[1].amount");
    CHECK(result.problems[2].where == "customers[2].id");
    CHECK(result.problems[3].kind == "workspace.duplicate_id");

    std::string many = "[";
    for (int i = 0; i < 30; ++i) many += std::string(i ? "," : "") + R"({"id": "x)" + std::to_string(i) + R"(", "acquired": "bad"})";
    LoadLimits limits;
    limits.max_problems = 10;
    const LoadResult limited = load_workspace_json(doc(many + "]"), limits);
    REQUIRE(limited.problems.size() == 11);
    CHECK(limited.problems[10].to_string() == "[workspace.too_many_problems] 20 more problems not listed (30 in total)");
}

TEST_CASE("workspace-io: deep nesting and oversized input are refused") {
    std::string deep = R"({"format": "lifecycle-studio-workspace", "version": 1, "settings": )";
    for (int i = 0; i < 100000; ++i) deep += '[';
    const Problem p = only_problem(deep);
    CHECK(p.kind == "workspace.too_deep");
    CHECK(p.message == "nesting is deeper than 64 levels");
    CHECK(p.line == 1);
    LoadLimits small;
    small.max_bytes = 10;
    CHECK(only_problem(doc("[]"), small).kind == "workspace.too_large");
    // 64 levels are fine.
    std::string ok = doc("[]", R"( "settings": )" + std::string(62, '[') + std::string(62, ']') + ",");
    CHECK(load_workspace_json(ok).ok());
}

TEST_CASE("workspace-io: missing optional sections take defaults") {
    const LoadResult result = load_workspace_json(R"({"format": "lifecycle-studio-workspace", "version": 1})");
    REQUIRE(result.ok());
    CHECK(result.workspace->customers.empty());
    CHECK(result.workspace->meta.name == "Untitled");
    CHECK(result.workspace->churn_reasons.size() == 4);
    CHECK(result.workspace->churn_reasons[0].name.zh == "价格过高");
    CHECK(result.workspace->churn_reasons[0].winback_measure.zh == "打折优惠");
    CHECK(result.workspace->lifecycle_model.is_null());
    // A UTF-8 BOM is accepted.
    CHECK(load_workspace_json("\xEF\xBB\xBF{\"format\": \"lifecycle-studio-workspace\", \"version\": 1}").ok());
}

TEST_CASE("workspace-io: a churn reason's Chinese win-back measure is optional and kept") {
    const LoadResult result = load_workspace_json(doc("[]", R"( "churn_reasons": [
        {"id": "p", "name": "Price", "winback_measure": "Discount", "winback_measure_zh": "打折", "winback_share": 0.3},
        {"id": "q", "name": "Other", "winback_measure": "Call", "winback_share": 0.1}],)"));
    REQUIRE(result.ok());
    const auto& reasons = result.workspace->churn_reasons;
    CHECK(reasons[0].winback_measure.zh == "打折");
    CHECK(reasons[1].winback_measure.zh.empty());
    CHECK(reasons[1].winback_measure.in(Lang::zh) == "Call");
    const std::string saved = save_workspace_json(*result.workspace);
    // Twin keys in the same order as before Localized: load -> save -> load -> save keeps the bytes.
    CHECK(saved.find(R"("id":"p","name":"Price","name_zh":"","winback_measure":"Discount","winback_measure_zh":"打折")") !=
          std::string::npos);
    CHECK(save_workspace_json(*load_workspace_json(saved).workspace) == saved);
    CHECK(saved.find(R"("winback_measure_zh":"打折")") != std::string::npos);
    CHECK(saved.find("winback_measure_zh", saved.find(R"("id":"q")")) == std::string::npos);  // empty: left out
    CHECK(load_workspace_json(doc("[]", R"( "churn_reasons": [{"id": "p", "winback_measure_zh": 3}],)")).problems.size() == 1);
}

TEST_CASE("workspace-io: numbers and strings read back exactly") {
    const LoadResult result = load_workspace_json(doc(R"([{"id": "a\"b\u00e9\ud83d\ude00", "transactions": [
        {"date": "2023-01-01", "amount": 0.1}, {"date": "2023-01-02", "amount": -2.5e2}, {"date": "2023-01-03", "amount": 123456789.123456789},
        {"date": "2023-01-04", "amount": 1E-7}, {"date": "2023-01-05", "amount": 0}, {"date": "2023-01-06", "amount": 0.30000000000000004}]}])"));
    REQUIRE(result.ok());
    const Customer& c = result.workspace->customers[0];
    CHECK(c.id == "a\"b\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(c.transactions[0].amount == 0.1);
    CHECK(c.transactions[1].amount == -250);
    CHECK(c.transactions[2].amount == 123456789.123456789);
    CHECK(c.transactions[3].amount == 1e-7);
    CHECK(c.transactions[4].amount == 0);
    CHECK(c.transactions[5].amount == 0.1 + 0.2);
}

TEST_CASE("workspace-io: load -> save -> load is the identity on generated data") {
    for (const Workspace& generated : {generate_ecommerce_demo(7, 300), generate_saas_demo(7, 60), generate_bench_workspace(7, 50, 400)}) {
        const std::string first = save_workspace_json(generated, 0);
        const LoadResult loaded = load_workspace_json(first);
        REQUIRE(loaded.ok());
        CHECK(save_workspace_json(*loaded.workspace, 0) == first);
        CHECK(loaded.workspace->customers.size() == generated.customers.size());
    }
}

TEST_CASE("workspace-io: the committed demo workspaces load and round-trip") {
    for (const char* name : {"/assets/demo-ecommerce.json", "/assets/demo-saas.json"}) {
        std::FILE* file = std::fopen((std::string(LCS_SOURCE_DIR) + name).c_str(), "rb");
        if (!file) {
            MESSAGE("not generated yet: " << name);
            continue;
        }
        std::string text;
        char buffer[65536];
        size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
        std::fclose(file);
        const LoadResult loaded = load_workspace_json(text);
        REQUIRE(loaded.ok());
        const std::string saved = save_workspace_json(*loaded.workspace, 0);
        CHECK(saved == text);  // the assets are exactly what the generator writes
        CHECK(save_workspace_json(*load_workspace_json(saved).workspace, 0) == saved);
    }
}

TEST_CASE("workspace-io: a workspace is always saved under a .json name") {
    CHECK(workspace_file_name("client.json") == "client.json");
    CHECK(workspace_file_name("Client.JSON") == "Client.JSON");
    CHECK(workspace_file_name("client-report.csv") == "client-report.json");
    CHECK(workspace_file_name("Q3 客户.XLSX") == "Q3 客户.json");
    CHECK(workspace_file_name("notes.txt") == "notes.json");
    CHECK(workspace_file_name("plan.v2") == "plan.v2.json");
    CHECK(workspace_file_name("plan") == "plan.json");
    CHECK(workspace_file_name("  plan.csv  ") == "plan.json");
    CHECK(workspace_file_name("   ").empty());
    CHECK(workspace_file_name("").empty());
    bool replaced = true;
    CHECK(workspace_file_name("plan.v2", &replaced) == "plan.v2.json");
    CHECK(!replaced);
    CHECK(workspace_file_name("report.tsv", &replaced) == "report.json");
    CHECK(replaced);
}

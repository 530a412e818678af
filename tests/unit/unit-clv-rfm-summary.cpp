#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "core/clv/rfm_summary.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

// CDNOW_sample.txt: "master_id sample_id YYYYMMDD cds dollars", whitespace separated.
std::vector<CustomerEvents> read_cdnow_sample() {
    std::istringstream in(clv_test::read_text("CDNOW_sample.txt"));
    std::map<std::string, CustomerEvents> by_id;
    std::string master, sample, ymd;
    int cds = 0;
    double dollars = 0;
    while (in >> master >> sample >> ymd >> cds >> dollars) {
        const std::string id = std::to_string(std::stoi(sample));
        const int y = std::stoi(ymd.substr(0, 4)), m = std::stoi(ymd.substr(4, 2)), d = std::stoi(ymd.substr(6, 2));
        by_id[id].id = id;
        by_id[id].purchases.push_back({date_from_ymd({y, m, d}), dollars});
    }
    std::vector<CustomerEvents> out;
    for (auto& entry : by_id) out.push_back(std::move(entry.second));
    return out;
}

}  // namespace

TEST_CASE("rfm summary: CDNOW_sample.txt rebuilds the published summary (x exact)") {
    const auto events = read_cdnow_sample();
    REQUIRE(events.size() == 2357);
    RfmBuildOptions options;
    options.calibration_end = date_from_ymd({1997, 9, 30});
    options.unit = PeriodUnit::week;
    const auto built = build_rfm_summary(events, options);
    REQUIRE(built.size() == 2357);
    std::map<std::string, CustomerRfm> published;
    for (const auto& c : clv_test::cdnow_summary_with_spend()) published[c.id] = c;
    int total_x = 0, repeaters = 0, mismatches = 0, holdout = 0;
    for (const CustomerRfm& c : built) {
        total_x += c.x;
        repeaters += c.x > 0;
        holdout += c.holdout_x;
        const CustomerRfm& p = published.at(c.id);
        if (c.x != p.x || std::fabs(c.t_x - p.t_x) > 0.006 || std::fabs(c.T - p.T) > 0.006 ||
            std::fabs(c.zbar - p.zbar) > 0.006)
            ++mismatches;
    }
    CHECK(total_x == 2457);
    CHECK(repeaters == 946);
    CHECK(mismatches == 0);
    CHECK(holdout > 0);
    // Customer 1: purchases 1997-01-01, 01-18, 08-02 (calibration) and 12-12 (holdout).
    const CustomerRfm& first = built.front();
    CHECK(first.id == "1");
    CHECK(first.x == 2);
    CHECK(first.t_x == doctest::Approx(213.0 / 7));
    CHECK(first.T == doctest::Approx(272.0 / 7));
    CHECK(first.zbar == doctest::Approx((29.73 + 14.96) / 2));
    CHECK(first.holdout_x == 1);
    CHECK(first.holdout_spend == doctest::Approx(26.48));
}

TEST_CASE("rfm summary: same-day purchases merge, late starters are left out, units convert") {
    CustomerEvents a{"a", {{date_from_ymd({2024, 1, 1}), 10}, {date_from_ymd({2024, 1, 1}), 5},
                           {date_from_ymd({2024, 1, 31}), 20}, {date_from_ymd({2024, 1, 31}), 1}}};
    CustomerEvents late{"late", {{date_from_ymd({2024, 3, 1}), 10}}};
    RfmBuildOptions options;
    options.calibration_end = date_from_ymd({2024, 2, 29});
    options.unit = PeriodUnit::day;
    const auto built = build_rfm_summary({a, late}, options);
    REQUIRE(built.size() == 1);
    CHECK(built[0].x == 1);
    CHECK(built[0].t_x == 30);
    CHECK(built[0].T == 59);
    CHECK(built[0].zbar == 21);
    options.unit = PeriodUnit::month;
    CHECK(build_rfm_summary({a}, options)[0].T == doctest::Approx(59 / (365.25 / 12)));
}

TEST_CASE("rfm summary: the workspace adapter takes dates and amounts") {
    Workspace ws;
    Customer c;
    c.id = "c1";
    Transaction t;
    t.date = date_from_ymd({2024, 5, 1});
    t.amount = 12.5;
    c.transactions.push_back(t);
    ws.customers.push_back(c);
    const auto events = events_from_workspace(ws);
    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "c1");
    REQUIRE(events[0].purchases.size() == 1);
    CHECK(events[0].purchases[0].amount == 12.5);
    CHECK(last_purchase_date(events) == t.date);
}

TEST_CASE("rfm csv: both header layouts parse; errors name the line") {
    const RfmCsv a = parse_rfm_csv("ID,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n");
    REQUIRE_FALSE(a.problem);
    CHECK(a.customers.size() == 2);
    CHECK(a.customers[0].t_x == 30.43);
    const RfmCsv b = parse_rfm_csv("id,x,t_x,T,zbar\r\nq,1,2,3,4.5\r\n");
    REQUIRE_FALSE(b.problem);
    CHECK(b.has_spend);
    CHECK(b.customers[0].zbar == 4.5);
    const RfmCsv bad = parse_rfm_csv("id,x,t_x,T\n1,1.5,2,3\n");
    REQUIRE(bad.problem);
    CHECK(bad.problem->kind == "csv.bad_number");
    CHECK(bad.problem->line == 2);
    CHECK(parse_rfm_csv("id,x,T\n").problem->kind == "csv.missing_column");
    const RfmCsv round = parse_rfm_csv(write_rfm_csv(b.customers));
    CHECK(round.customers[0].zbar == 4.5);
}

TEST_CASE("rfm csv: read by the shared CSV reader (quotes, BOM, blank lines) and sniffed by its header") {
    const RfmCsv quoted = parse_rfm_csv("\xEF\xBB\xBF\"id\",\"frequency\",\"recency\",\"T\"\n\n\"a,1\", 2 ,\"30.5\",40\n");
    REQUIRE_FALSE(quoted.problem);
    REQUIRE(quoted.customers.size() == 1);
    CHECK(quoted.customers[0].id == "a,1");
    CHECK(quoted.customers[0].x == 2);
    CHECK(quoted.customers[0].t_x == 30.5);
    const RfmCsv open_quote = parse_rfm_csv("id,x,t_x,T\n\"a,1,2,3\n");
    REQUIRE(open_quote.problem);
    CHECK(open_quote.problem->kind == "csv.syntax");
    CHECK(open_quote.problem->where == "line 2");
    const RfmCsv empty = parse_rfm_csv("\n \n");
    REQUIRE(empty.problem);
    CHECK(empty.problem->kind == "csv.empty");
    CHECK(empty.problem->where.empty());
    CHECK(looks_like_rfm_csv("ID, Frequency ,recency,T\n1,2,3,4\n"));
    CHECK(looks_like_rfm_csv("\"id\",\"x\",\"t_x\",\"T\"\r\n"));
    CHECK_FALSE(looks_like_rfm_csv("customer_id,date,amount\n1,2024-01-01,3\n"));
    CHECK_FALSE(looks_like_rfm_csv(""));
}

TEST_CASE("survival csv: period,alive rows after an optional header; bad rows name their line") {
    const SurvivalCsv table = parse_survival_csv("period,alive\r\n0,1000\n1,631\n\n2, 468 \n");
    REQUIRE_FALSE(table.problem);
    REQUIRE(table.alive.size() == 3);
    CHECK(table.alive[0] == 1000);
    CHECK(table.alive[2] == 468);
    CHECK(parse_survival_csv("1000\n631\n").alive.size() == 2);
    const SurvivalCsv bad = parse_survival_csv("period,alive\n0,1000\n1,many\n");
    REQUIRE(bad.problem);
    CHECK(bad.problem->kind == "csv.bad_number");
    CHECK(bad.problem->where == "line 3");
    CHECK(bad.problem->message == "\"1,many\" is not period,alive");
    CHECK(bad.alive.empty());
}

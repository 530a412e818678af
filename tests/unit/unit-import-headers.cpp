// Import headers and statuses: the synonym table (Chinese and English names of every field), first +
// last names joined, cancelled and refunded orders left out and counted, customer fields filled, the
// import report, merge statistics and the currency guess.
#include <doctest/doctest.h>

#include <string>

#include "core/csv_import.h"
#include "core/import/header_synonyms.h"
#include "core/import/import_report.h"
#include "core/import/order_status.h"

using namespace lcs;

TEST_CASE("import headers: every name the issue lists maps to its field") {
    const std::pair<ImportField, std::vector<const char*>> cases[] = {
        {ImportField::customer_id, {"客户ID", "客户编号", "会员ID", "会员号", "用户ID", "买家ID", "Customer ID", "Record ID",
                                    "Account ID", "customer_id", "CUSTOMER-ID"}},
        {ImportField::date, {"订单日期", "下单时间", "支付时间", "交易日期", "成交日期", "Order Date", "Close Date", "Created"}},
        {ImportField::amount, {"实付金额", "订单金额", "支付金额", "金额", "销售额", "Amount", "Total", "Revenue", "金额(元)",
                               "实付金额（元）"}},
        {ImportField::name, {"客户姓名", "姓名", "客户名称", "公司名称", "Name", "Company Name"}},
        {ImportField::first_name, {"First Name", "first_name"}},
        {ImportField::last_name, {"Last Name", "Surname"}},
        {ImportField::status, {"订单状态", "状态", "Status", "Stage", "Deal Stage"}},
        {ImportField::segment, {"Segment", "客户类型", "会员等级"}},
        {ImportField::channel, {"Channel", "渠道", "来源", "Original Source"}},
        {ImportField::email, {"Email", "邮箱", "E-mail"}},
        {ImportField::phone, {"Phone", "手机", "手机号", "联系电话"}},
        {ImportField::product, {"Product", "商品名称", "SKU"}},
        {ImportField::cost, {"Cost", "成本"}},
        {ImportField::nps, {"NPS", "NPS Score", "推荐值"}},
        {ImportField::lifecycle_stage, {"Lifecycle Stage", "生命周期阶段"}},
        {ImportField::order_id, {"订单号", "订单编号", "Order ID", "Invoice No"}},
    };
    for (const auto& [field, names] : cases)
        for (const char* name : names) {
            INFO(name);
            CHECK(field_for_header(name) == field);
        }
    CHECK(field_for_header("备注") == ImportField::none);
    CHECK(field_for_header("") == ImportField::none);
    CHECK(std::string(import_field_id(ImportField::lifecycle_stage)) == "lifecycle_stage");
}

TEST_CASE("import headers: a Chinese order export is mapped without help, order numbers are not customer ids") {
    const std::string text = "订单编号,买家ID,收货人姓名,手机号,付款时间,实付金额,订单状态,商品名称\n"
                             "T1,u1,张三,13800000000,2024-03-02 10:00:00,¥100.00,交易成功,茶叶\n"
                             "T2,u2,李四,,2024-03-03 11:00:00,¥50.00,交易关闭,茶杯\n"
                             "T3,u1,张三,,2024-03-04 12:00:00,¥30.00,已退款,茶壶\n"
                             "T4,u1,,13900000000,2024-03-05 12:00:00,¥20.00,卖家已发货,茶盘\n";
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    const CsvColumns& c = result.detected.columns;
    CHECK(c.order_id == 0);
    CHECK(c.customer_id == 1);
    CHECK(c.name == 2);
    CHECK(c.phone == 3);
    CHECK(c.date == 4);
    CHECK(c.amount == 5);
    CHECK(c.status == 6);
    CHECK(c.product == 7);
    CHECK(result.imported == 2);
    CHECK(result.cancelled == 2);
    REQUIRE(result.customers.size() == 1);
    const ImportedCustomer& u1 = result.customers[0];
    CHECK(u1.id == "u1");
    CHECK(u1.name == "张三");
    REQUIRE(u1.attributes.size() == 1);
    CHECK(u1.attributes[0] == std::make_pair(std::string("phone"), std::string("13800000000")));  // the first one
    CHECK(result.skipped.at(kSkipCancelled).lines == std::vector<int>{3, 4});
}

TEST_CASE("import headers: a CRM deals export in English, first and last names joined") {
    const std::string text = "Record ID,First Name,Last Name,Email,Close Date,Amount,Deal Stage,Original Source,Segment\n"
                             "1,Ada,Lovelace,ada@example.com,2024-01-05,\"$1,200.00\",Closed Won,Referral,Enterprise\n"
                             "2,Alan,Turing,alan@example.com,2024-01-06,$800.00,Closed Lost,Ads,SMB\n"
                             "3,小明,王,,2024-01-07,$50.00,closedwon,Ads,SMB\n";
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    CHECK(result.cancelled == 1);
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].name == "Ada Lovelace");
    CHECK(result.customers[0].segment == "Enterprise");
    CHECK(result.customers[0].channel == "Referral");
    CHECK(result.customers[1].name == "王小明");
    CHECK(result.detected.currency == "USD");
    Workspace workspace = workspace_from_import(result, "crm");
    CHECK(workspace.meta.currency == "USD");
    CHECK(workspace.customers[0].name == "Ada Lovelace");
    CHECK(workspace.customers[0].attributes["email"] == "ada@example.com");
}

TEST_CASE("import status: cancelled and refunded words, and what stays") {
    for (const char* status : {"已取消", "已退款", "退款成功", "交易关闭", "交易关闭（买家取消）", "订单取消", "Cancelled", "canceled",
                               "REFUNDED", "Closed Lost", "closed_lost", "Voided", "交易關閉"})
        CHECK_MESSAGE(is_cancelled_status(status), status);
    for (const char* status : {"", "交易成功", "已完成", "已发货", "退款中", "部分退款", "Closed Won", "Closed", "Paid", "Shipped"})
        CHECK_MESSAGE(!is_cancelled_status(status), status);
}

TEST_CASE("import status: --keep-cancelled imports them (refund amounts stay as written)") {
    const std::string text = "客户编号,订单日期,订单金额,订单状态\na,2024-01-01,100,已完成\na,2024-01-02,-100,退款成功\nb,2024-01-03,,已取消\n";
    CsvImportResult left_out = import_transactions_csv(text, CsvOptions{});
    CHECK(left_out.imported == 1);
    CHECK(left_out.cancelled == 2);
    CHECK(left_out.problems.empty());  // b's blank amount is not checked: the row is left out first
    CsvOptions keep;
    keep.keep_cancelled = true;
    const CsvImportResult kept = import_transactions_csv(text, keep);
    CHECK(kept.imported == 2);
    CHECK(kept.cancelled == 0);
    CHECK(kept.revenue == 0);
    REQUIRE(kept.problems.size() == 1);  // now b's blank amount is a bad row
    CHECK(kept.problems[0].kind == "csv.bad_number");
}

TEST_CASE("import report: counts, reasons with lines, customers created and updated, range, revenue") {
    std::string text = "客户编号,订单日期,实付金额,订单状态\n";
    text += "old,2024-01-01,10,完成\n";     // line 2
    text += "new,2024-02-01,20,完成\n";     // 3
    text += "new,bad,20,完成\n";            // 4 bad date
    text += "x,2024-01-05,5,已取消\n";      // 5 cancelled
    for (int i = 0; i < 150; ++i) text += "y,2024-01-0,1,完成\n";  // lines 6..155: bad dates
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    Workspace workspace;
    Customer old;
    old.id = "old";
    workspace.customers.push_back(old);
    const MergeStats stats = merge_import(workspace, result);
    CHECK(stats.created == 1);
    CHECK(stats.updated == 1);
    const Json report = import_report_json("orders.csv", result, stats);
    CHECK(report["rows_read"] == 154);
    CHECK(report["imported"] == 2);
    CHECK(report["skipped_total"] == 152);
    CHECK(report["skipped"]["csv.bad_date"]["count"] == 151);
    CHECK(report["skipped"]["csv.bad_date"]["lines"].size() == 100);
    CHECK(report["skipped"]["csv.bad_date"]["lines"][0] == 4);
    CHECK(report["skipped"]["csv.bad_date"]["lines"][1] == 6);
    CHECK(report["skipped"]["cancelled"]["lines"] == Json::array({5}));
    CHECK(report["customers_created"] == 1);
    CHECK(report["customers_updated"] == 1);
    CHECK(report["date_range"]["first"] == "2024-01-01");
    CHECK(report["date_range"]["last"] == "2024-02-01");
    CHECK(report["revenue_total"] == 30.0);
    CHECK(report["encoding"] == "UTF-8");
    CHECK(report["separator"] == "comma");
    CHECK(report["columns"]["customer_id"] == "客户编号");
    CHECK(report["problems"].size() == 100);
    const Json both = combined_import_report(Json::array({report, report}));
    CHECK(both["imported"] == 4);
    CHECK(both["revenue_total"] == 60.0);
    CHECK(both["files"].size() == 2);
}

TEST_CASE("import preview: the first rows exactly as they will be imported") {
    const std::string text = "客户编号,客户姓名,订单日期,实付金额,订单状态\nC1,王喆,2024年3月2日,¥560.50,交易成功\nC2,李堃,2024/3/5,(12.00),已取消\nC3,,nope,1,完成\n";
    const CsvPreview preview = preview_csv(text, CsvOptions{}, 10);
    REQUIRE(preview.parsed.size() == 3);
    CHECK(preview.parsed[0].line == 2);
    CHECK(preview.parsed[0].included);
    CHECK(preview.parsed[0].name == "王喆");
    CHECK(preview.parsed[0].date == "2024-03-02");
    CHECK(preview.parsed[0].amount == "560.50");
    CHECK_FALSE(preview.parsed[1].included);
    CHECK(preview.parsed[1].reason == "cancelled");
    CHECK_FALSE(preview.parsed[2].included);
    CHECK(preview.parsed[2].reason.find("csv.bad_date") != std::string::npos);
    CHECK(field_of_column(preview.columns, 1) == ImportField::name);
    CsvOptions keep;
    keep.keep_cancelled = true;
    const CsvPreview kept = preview_csv(text, keep, 10);
    CHECK(kept.parsed[1].included);
    CHECK(kept.parsed[1].amount == "-12.00");
}

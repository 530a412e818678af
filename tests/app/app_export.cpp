// Taking a table out of the app (part of app_smoke): the customers table, filtered and sorted, saved
// through its Export menu as CSV (a recorded download) and copied as tab-separated text; what comes
// out is what was shown: the filtered rows only, in the shown order, with the BOM, CSV quoting and
// the formula guard from core/export/table_export.h.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_driver.h"
#include "platform/native/native_host.h"

namespace {

namespace native = lcs::platform::native;
using lcs::test::click;
using lcs::test::run_frames;
using nlohmann::json;

// Three customers in segment "keep" with awkward names, one in "drop" that the filter hides.
const char* kWorkspace = R"json({"format": "lifecycle-studio-workspace", "version": 1,
  "workspace": {"name": "Export", "currency": "EUR"},
  "customers": [
    {"id": "C1", "name": "=HYPERLINK(\"http://x\")", "segment": "keep",
     "transactions": [{"date": "2024-01-05", "amount": 20}]},
    {"id": "C2", "name": "张三, \"Zhang\"", "segment": "keep",
     "transactions": [{"date": "2024-02-05", "amount": 35.5}]},
    {"id": "C3", "name": "<img src=x onerror=alert(1)>", "segment": "keep",
     "transactions": [{"date": "2024-03-05", "amount": 12}]},
    {"id": "C4", "name": "Hidden", "segment": "drop",
     "transactions": [{"date": "2024-03-06", "amount": 99}]}
  ]})json";

std::vector<std::string> split_lines(const std::string& text, const std::string& end) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(end, start)) != std::string::npos; start = at + end.size())
        lines.push_back(text.substr(start, at - start));
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

}  // namespace

TEST_CASE("export: Save CSV and Copy on the customers table give the filtered rows in the shown order") {
    native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
    REQUIRE(lcs::platform::init({}));
    native::storage().clear();
    lcs::App app;
    app.start();
    native::key('P', false);  // a key event without Ctrl: an earlier case's Ctrl+P leaves Ctrl held, and Ctrl+typing types nothing
    run_frames(app, 3);
    native::queue_open_file({"export.json", kWorkspace});
    app.show_open_dialog();
    run_frames(app, 2);
    if (app.unsaved_prompt_pending()) REQUIRE(click(app, "unsaved.discard"));
    REQUIRE(app.state().workspace().customers.size() == 4);
    app.select_panel("customers");
    run_frames(app, 3);

    // Filter to segment "keep", then sort by ID descending: a click on the ID header, the row above C1
    // (the ID column is first and the row's selectable starts in it).
    REQUIRE(click(app, "customers.filter"));
    native::text_input("keep");
    run_frames(app, 4);
    REQUIRE(lcs::test::drawn(app, "customers.row.C1"));
    REQUIRE_FALSE(lcs::test::drawn(app, "customers.row.C4"));
    json first = json::parse(app.query("itemRect", "customers.row.C1"));
    native::mouse_move(first["x"].get<float>() + 4, first["y"].get<float>() - first["h"].get<float>() / 2);
    native::mouse_button(0, true);
    native::mouse_button(0, false);
    run_frames(app, 5);
    json c3 = json::parse(app.query("itemRect", "customers.row.C3"));
    json c1 = json::parse(app.query("itemRect", "customers.row.C1"));
    REQUIRE(c3["y"].get<float>() < c1["y"].get<float>());  // C3 is drawn first now

    const std::size_t downloads_before = native::downloads().size();
    REQUIRE(click(app, "customers.export"));
    REQUIRE(click(app, "customers.export.csv"));
    REQUIRE(native::downloads().size() == downloads_before + 1);
    const native::Download& csv = native::downloads().back();
    CHECK(csv.name == "customers.csv");
    CHECK(csv.mime == "text/csv");
    REQUIRE(csv.bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::vector<std::string> lines = split_lines(csv.bytes.substr(3), "\r\n");
    REQUIRE(lines.size() == 4);  // header + the three shown rows
    CHECK(lines[0].rfind("ID,Name,", 0) == 0);
    CHECK(lines[1].rfind("C3,<img src=x onerror=alert(1)>,keep,", 0) == 0);
    CHECK(lines[2].rfind("C2,\"张三, \"\"Zhang\"\"\",keep,", 0) == 0);
    CHECK(lines[3].rfind("C1,\"'=HYPERLINK(\"\"http://x\"\")\",keep,", 0) == 0);
    CHECK(csv.bytes.find("Hidden") == std::string::npos);

    REQUIRE(click(app, "customers.export"));
    REQUIRE(click(app, "customers.export.copy"));
    const std::vector<std::string> copied = split_lines(lcs::platform::clipboard_get(), "\n");
    REQUIRE(copied.size() == 4);
    CHECK(copied[1].rfind("C3\t<img src=x onerror=alert(1)>\tkeep\t", 0) == 0);
    CHECK(copied[3].rfind("C1\t\"'=HYPERLINK(\"\"http://x\"\")\"\tkeep\t", 0) == 0);  // quoted: it holds quotes
    native::storage().clear();
}

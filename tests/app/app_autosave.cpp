// Never losing work (part of app_smoke): the autosave journal's bookkeeping, the store's write order
// against writes cut off halfway (native::fail_next_storage_write), moving the pre-journal autosave
// into the journal, the Save / Discard / Cancel prompt before New, a demo, an opened or dropped
// workspace, an import into a new workspace and a restored version, File > Restore..., the title and
// Ctrl+P. Each case starts and ends with empty native storage, so app_smoke's cases start as before.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/app.h"
#include "app/autosave_journal.h"
#include "app/autosave_store.h"
#include "app_driver.h"
#include "platform/native/native_host.h"

namespace {

namespace native = lcs::platform::native;

const char* kWorkspace = R"({"format": "lifecycle-studio-workspace", "version": 1,
  "workspace": {"name": "Pilot client", "currency": "EUR"},
  "customers": [
    {"id": "A1", "name": "Ann", "transactions": [{"date": "2024-01-05", "amount": 20}]},
    {"id": "B2", "name": "Bob", "transactions": [{"date": "2024-02-10", "amount": 12}]}
  ]})";

using lcs::test::click;
using lcs::test::drawn;
using lcs::test::run_frames;

bool menu(lcs::App& app, const std::string& item) { return click(app, "menu.file") && click(app, item); }

int version_keys() {
    int n = 0;
    for (const auto& [key, value] : native::storage())
        if (key.rfind("autosave.v", 0) == 0) ++n;
    return n;
}

lcs::AutosaveRecord record_named(const std::string& name, std::size_t customers = 1) {
    lcs::AutosaveRecord r;
    r.version.saved_at = 1700000000;
    r.version.workspace_name = name;
    r.version.customers = customers;
    r.workspace_json = std::string(R"({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": ")") +
                       name + R"("}})";
    return r;
}

lcs::AutosaveStore loaded_store() {
    lcs::AutosaveStore store;
    store.load([] {});
    REQUIRE(store.loaded());
    return store;
}

struct EmptyStorage {
    EmptyStorage() {
        native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
        REQUIRE(lcs::platform::init({}));
        native::storage().clear();
    }
    ~EmptyStorage() { native::storage().clear(); }
};

// A started app with the two-customer workspace open and one unsaved edit.
struct EditedApp : EmptyStorage {
    lcs::App app;
    EditedApp() {
        app.start();
        run_frames(app, 3);
        REQUIRE(app.started());
        native::queue_open_file({"pilot.json", kWorkspace});
        app.show_open_dialog();
        run_frames(app, 2);
        REQUIRE(app.state().file_name() == "pilot.json");
        app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Ann (edited)"; });
        run_frames(app, 2);
        REQUIRE(app.state().dirty());
    }
    const std::string& first_name() { return app.state().workspace().customers.at(0).name; }
};

}  // namespace

TEST_CASE("autosave journal: newest first, at most 20, dropped ids, index round trip and torn indexes") {
    lcs::AutosaveJournal journal;
    CHECK(journal.next_id() == 1);
    std::vector<std::string> keys_used;
    for (int i = 0; i < 25; ++i) {
        lcs::AutosaveVersion v;
        v.id = journal.next_id();
        v.workspace_name = "W" + std::to_string(v.id);
        v.customers = static_cast<std::size_t>(i);
        lcs::AutosaveJournal next = journal.with(v);
        CHECK(next.index_key() != journal.index_key());  // never the key holding the current index
        if (i >= 20) CHECK(journal.dropped_in(next) == std::vector<std::uint64_t>{v.id - 20});
        else CHECK(journal.dropped_in(next).empty());
        journal = next;
    }
    REQUIRE(journal.versions().size() == lcs::AutosaveJournal::kMaxVersions);
    CHECK(journal.versions().front().id == 25);
    CHECK(journal.versions().back().id == 6);
    CHECK(journal.find(5) == nullptr);
    CHECK(journal.find(6)->workspace_name == "W6");

    const std::string text = journal.to_json();
    auto back = lcs::AutosaveJournal::from_json(text);
    REQUIRE(back);
    CHECK(back->to_json() == text);
    // A write cut off anywhere is not an index.
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, text.size() / 3, text.size() / 2, text.size() - 1})
        CHECK_FALSE(lcs::AutosaveJournal::from_json(text.substr(0, cut)));
    CHECK_FALSE(lcs::AutosaveJournal::from_json(R"({"format": "other", "versions": []})"));
    CHECK_FALSE(lcs::AutosaveJournal::from_json(
        R"({"format": "lifecycle-studio-autosave-index", "versions": [{"id": 3}, {"id": 3}]})"));

    // Of the two index keys, the readable one written last.
    lcs::AutosaveVersion v;
    v.id = journal.next_id();
    lcs::AutosaveJournal later = journal.with(v);
    CHECK(lcs::AutosaveJournal::newest_of(text, later.to_json()).versions().front().id == 26);
    CHECK(lcs::AutosaveJournal::newest_of(later.to_json(), text).versions().front().id == 26);
    const std::string torn = later.to_json().substr(0, later.to_json().size() / 2);
    CHECK(lcs::AutosaveJournal::newest_of(text, torn).versions().front().id == 25);
    CHECK(lcs::AutosaveJournal::newest_of(std::nullopt, std::nullopt).empty());
}

TEST_CASE("autosave record: metadata line and workspace round trip; a pre-journal record still reads") {
    lcs::AutosaveRecord r = record_named("Q3 plan", 7);
    r.version.file_name = "q3.json";
    r.version.dirty = true;
    r.selected_customer = "C7";
    auto back = lcs::parse_autosave_record(lcs::serialize_autosave_record(r));
    REQUIRE(back);
    CHECK(back->version.workspace_name == "Q3 plan");
    CHECK(back->version.customers == 7);
    CHECK(back->version.file_name == "q3.json");
    CHECK(back->version.dirty);
    CHECK(back->selected_customer == "C7");
    CHECK(back->workspace_json == r.workspace_json);
    auto legacy = lcs::parse_autosave_record(R"({"saved_at": 1.5e9, "file_name": "a.json", "dirty": true, "selected": ""})"
                                             "\n{}");
    REQUIRE(legacy);
    CHECK(legacy->version.saved_at == doctest::Approx(1.5e9));
    CHECK(legacy->version.workspace_name.empty());
    CHECK_FALSE(lcs::parse_autosave_record("no metadata line"));
    CHECK_FALSE(lcs::parse_autosave_record("[1, 2]\n{}"));
}

TEST_CASE_FIXTURE(EmptyStorage, "autosave store: keeps the last 20 versions and deletes the ones that fell off") {
    lcs::AutosaveStore store = loaded_store();
    for (int i = 1; i <= 23; ++i) store.write(record_named("V" + std::to_string(i)));
    CHECK(store.failures() == 0);
    REQUIRE(store.journal().versions().size() == 20);
    CHECK(store.journal().versions().front().workspace_name == "V23");
    CHECK(version_keys() == 20);
    CHECK(native::storage().count("autosave.v3") == 0);
    CHECK(native::storage().count("autosave.v4") == 1);
    lcs::AutosaveStore fresh = loaded_store();
    CHECK(fresh.journal().to_json() == store.journal().to_json());
    std::optional<lcs::AutosaveRecord> oldest;
    fresh.read(4, [&](std::optional<lcs::AutosaveRecord> r) { oldest = std::move(r); });
    REQUIRE(oldest);
    CHECK(oldest->version.workspace_name == "V4");
    CHECK(oldest->workspace_json.find("\"V4\"") != std::string::npos);
}

TEST_CASE_FIXTURE(EmptyStorage, "autosave store: a version or an index write cut off halfway leaves every listed version") {
    lcs::AutosaveStore store = loaded_store();
    store.write(record_named("First"));
    store.write(record_named("Second"));
    const std::string before = store.journal().to_json();

    native::fail_next_storage_write("autosave.v");  // the version itself
    store.write(record_named("Third"));
    CHECK(store.failures() == 1);
    CHECK(store.journal().to_json() == before);
    CHECK(native::storage().count("autosave.v3") == 0);  // the torn part was deleted

    native::fail_next_storage_write("autosave.index");  // the version made it, its index did not
    store.write(record_named("Fourth"));
    CHECK(store.failures() == 2);
    CHECK(store.journal().to_json() == before);

    // A new session (the tab closed mid-write) reads the last whole index; its versions load.
    lcs::AutosaveStore fresh = loaded_store();
    REQUIRE(fresh.journal().versions().size() == 2);
    CHECK(fresh.journal().versions().front().workspace_name == "Second");
    for (const lcs::AutosaveVersion& v : fresh.journal().versions()) {
        std::optional<lcs::AutosaveRecord> r;
        fresh.read(v.id, [&](std::optional<lcs::AutosaveRecord> got) { r = std::move(got); });
        REQUIRE(r);
        CHECK(r->workspace_json.find("\"" + v.workspace_name + "\"") != std::string::npos);
    }
    // Writing goes on where the whole index left off.
    fresh.write(record_named("Fifth"));
    CHECK(fresh.failures() == 0);
    CHECK(loaded_store().journal().versions().front().workspace_name == "Fifth");
}

TEST_CASE_FIXTURE(EmptyStorage, "autosave: the pre-journal single autosave moves into the journal once, and the app restores it") {
    native::storage()["autosave"] =
        std::string(R"({"saved_at": 1700000000, "file_name": "old.json", "dirty": true, "selected": "B2"})") + "\n" + kWorkspace;
    lcs::App app;
    app.start();
    run_frames(app, 2);
    REQUIRE(app.started());
    CHECK(app.state().file_name() == "old.json");
    CHECK(app.state().dirty());
    CHECK(app.state().selected_customer == "B2");
    CHECK(app.state().workspace().customers.size() == 2);
    CHECK(native::storage().count("autosave") == 0);
    REQUIRE(app.autosave().journal().versions().size() == 1);
    const lcs::AutosaveVersion& v = app.autosave().journal().versions().front();
    CHECK(v.workspace_name == "Pilot client");
    CHECK(v.customers == 2);
}

TEST_CASE_FIXTURE(EditedApp, "unsaved prompt: File > New asks; Cancel keeps the work, Discard replaces it and Restore still has it") {
    REQUIRE(menu(app, "file.new"));
    CHECK(app.unsaved_prompt_pending());
    CHECK(drawn(app, "unsaved.dialog"));
    CHECK(click(app, "unsaved.cancel"));
    CHECK_FALSE(app.unsaved_prompt_pending());
    CHECK_FALSE(drawn(app, "unsaved.dialog"));
    CHECK(app.state().file_name() == "pilot.json");
    CHECK(first_name() == "Ann (edited)");
    CHECK(app.state().dirty());

    REQUIRE(menu(app, "file.new"));
    CHECK(click(app, "unsaved.discard"));
    CHECK(app.state().workspace().customers.empty());
    CHECK(app.state().file_name().empty());
    // The discarded edit was stored as a version before New replaced it.
    REQUIRE(!app.autosave().journal().empty());
    const lcs::AutosaveVersion& newest = app.autosave().journal().versions().front();
    CHECK(newest.workspace_name == "Pilot client");
    CHECK(newest.dirty);
    CHECK(native::storage().at(lcs::autosave_version_key(newest.id)).find("Ann (edited)") != std::string::npos);
}

TEST_CASE_FIXTURE(EditedApp, "unsaved prompt: Save saves the work, then opens the demo") {
    const std::size_t downloads = native::downloads().size();
    REQUIRE(click(app, "menu.file"));
    REQUIRE(click(app, "file.demo"));
    REQUIRE(click(app, "file.demo.saas"));
    REQUIRE(click(app, "unsaved.save"));
    REQUIRE(native::downloads().size() == downloads + 1);
    CHECK(native::downloads().back().name == "Pilot client.json");
    CHECK(native::downloads().back().bytes.find("Ann (edited)") != std::string::npos);
    CHECK(app.state().file_name() == "demo-saas.json");
    CHECK_FALSE(app.state().dirty());
}

TEST_CASE_FIXTURE(EditedApp, "unsaved prompt: a dropped workspace asks; a broken one is reported without asking") {
    native::drop_file({"broken.json", "{\"format\": \"lifecycle-studio-workspace\", \"version\": 1, \"customers\": ["});
    run_frames(app, 2);
    CHECK_FALSE(app.unsaved_prompt_pending());
    CHECK_FALSE(app.state().reports().empty());
    CHECK(click(app, "errors.close"));
    CHECK(first_name() == "Ann (edited)");

    native::drop_file({"other.json", kWorkspace});
    run_frames(app, 2);
    CHECK(app.unsaved_prompt_pending());
    CHECK(app.state().file_name() == "pilot.json");
    CHECK(click(app, "unsaved.discard"));
    CHECK(app.state().file_name() == "other.json");
    CHECK(first_name() == "Ann");
}

TEST_CASE_FIXTURE(EmptyStorage, "import: a demo open means a new workspace by default; with unsaved changes it asks inside the dialog") {
    lcs::App app;
    app.start();
    run_frames(app, 3);
    REQUIRE(app.open_demo("ecommerce"));
    const std::size_t demo_customers = app.state().workspace().customers.size();
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Demo edit"; });
    run_frames(app, 2);
    native::drop_file({"client.csv", "customer_id,date,amount\nK1,2024-04-01,10\nK2,2024-04-02,5.5\n"});
    run_frames(app, 3);
    REQUIRE(drawn(app, "import.dialog"));
    REQUIRE(click(app, "import.import"));
    CHECK(app.unsaved_prompt_pending());
    CHECK(click(app, "unsaved.cancel"));
    CHECK(drawn(app, "import.dialog"));  // Cancel goes back to the dialog, nothing imported
    CHECK(app.state().workspace().customers.size() == demo_customers);

    REQUIRE(click(app, "import.import"));
    REQUIRE(click(app, "unsaved.discard"));
    CHECK(app.state().workspace().customers.size() == 2);
    CHECK(click(app, "import.close"));

    // Merging into the demo stays possible, as an explicit choice.
    REQUIRE(app.open_demo("ecommerce"));
    native::drop_file({"client.csv", "customer_id,date,amount\nK1,2024-04-01,10\n"});
    run_frames(app, 3);
    REQUIRE(click(app, "import.merge"));
    REQUIRE(click(app, "import.import"));
    CHECK_FALSE(app.unsaved_prompt_pending());
    CHECK(app.state().workspace().customers.size() == demo_customers + 1);
    CHECK(click(app, "import.close"));
}

TEST_CASE_FIXTURE(EditedApp, "File > Restore...: lists the versions and opens an older one after the prompt") {
    app.state().edit_customer(1, "Rename customer", [](lcs::Customer& c) { c.name = "Bob (later)"; });
    REQUIRE(menu(app, "file.new"));  // stores the edited workspace as a version, then asks
    REQUIRE(click(app, "unsaved.discard"));
    app.state().edit_header("Rename workspace", [](lcs::Workspace& w) { w.meta.name = "Scratch"; });
    run_frames(app, 2);
    REQUIRE(menu(app, "file.restore"));
    REQUIRE(drawn(app, "restore.dialog"));
    // The edited workspace, stored when New replaced it (a later "Scratch" may be newer).
    const auto& versions = app.autosave().journal().versions();
    auto edited = std::find_if(versions.begin(), versions.end(), [](const lcs::AutosaveVersion& v) {
        return v.workspace_name == "Pilot client" && v.dirty;
    });
    REQUIRE(edited != versions.end());
    const std::string row = std::to_string(edited - versions.begin());
    for (std::size_t i = 0; i < versions.size(); ++i) CHECK(drawn(app, "restore.open." + std::to_string(i)));

    REQUIRE(click(app, "restore.open." + row));
    CHECK(drawn(app, "unsaved.dialog"));  // "Scratch" is unsaved: asked first, the list stays behind
    CHECK(drawn(app, "restore.dialog"));
    REQUIRE(click(app, "unsaved.discard"));
    CHECK_FALSE(drawn(app, "restore.dialog"));
    CHECK(app.state().workspace().meta.name == "Pilot client");
    CHECK(app.state().workspace().customers.at(1).name == "Bob (later)");
    CHECK(app.state().notice().key == "app.restored_autosave_from");
}

TEST_CASE_FIXTURE(EditedApp, "autosave in the app: a failed write is reported and a new session restores the version before it") {
    auto wait_for_autosave = [&] {
        double until = lcs::platform::now_seconds() + lcs::App::kAutosaveDelaySeconds + 0.1;
        while (lcs::platform::now_seconds() < until) run_frames(app, 1);
        run_frames(app, 1);
    };
    wait_for_autosave();
    REQUIRE(!app.autosave().journal().empty());
    const std::string before = app.autosave().journal().to_json();
    native::fail_next_storage_write("autosave.v");
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "Lost in the write"; });
    wait_for_autosave();
    CHECK(app.autosave().failures() == 1);
    CHECK(app.state().notice().key == "app.autosave_failed");
    CHECK(app.autosave().journal().to_json() == before);

    lcs::App next_session;
    next_session.start();
    REQUIRE(next_session.started());
    CHECK(next_session.state().workspace().customers.at(0).name == "Ann (edited)");
}

TEST_CASE_FIXTURE(EditedApp, "title shows the workspace name and an unsaved mark; Ctrl+P prints") {
    CHECK(native::title() == "\u25CF Pilot client \u2022 Lifecycle Studio");
    app.save();
    run_frames(app, 2);
    CHECK(native::title() == "Pilot client \u2022 Lifecycle Studio");
    const int prints = native::prints();
    native::key('P', true, true);
    native::key('P', false, true);
    run_frames(app, 3);
    CHECK(native::prints() == prints + 1);
    REQUIRE(menu(app, "file.print"));
    CHECK(native::prints() == prints + 2);
}

TEST_CASE_FIXTURE(EditedApp, "Chinese: the prompt, the Restore list and the demo import note have Chinese text") {
    app.set_language(lcs::Language::chinese);
    lcs::take_missing_translations();
    REQUIRE(menu(app, "file.new"));
    REQUIRE(click(app, "unsaved.discard"));
    REQUIRE(menu(app, "file.restore"));
    CHECK(drawn(app, "restore.open.0"));
    REQUIRE(click(app, "restore.open.0"));
    REQUIRE(app.open_demo("saas"));
    app.state().edit_customer(0, "Rename customer", [](lcs::Customer& c) { c.name = "演示"; });
    native::drop_file({"client.csv", "customer_id,date,amount\nK1,2024-04-01,10\n"});
    run_frames(app, 3);
    REQUIRE(click(app, "import.import"));
    CHECK(drawn(app, "unsaved.dialog"));
    CHECK(click(app, "unsaved.cancel"));
    CHECK(click(app, "import.cancel"));
    std::string list;
    for (const std::string& key : lcs::take_missing_translations()) list += "\n  " + key;
    CHECK_MESSAGE(list.empty(), "drawn in Chinese without a Chinese entry:" << list);
    app.set_language(lcs::Language::english);
}

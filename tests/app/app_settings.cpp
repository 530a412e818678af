// Edit > Workspace settings: the currency an import guessed can be corrected, as one undoable edit.
#include <doctest/doctest.h>

#include "app_driver.h"

namespace native = lcs::platform::native;
using lcs::test::click;
using lcs::test::run_frames;

TEST_CASE("workspace settings: name and currency change through the dialog, undo brings them back") {
    native::set_asset_dirs({LCS_SOURCE_DIR "/assets", LCS_SOURCE_DIR "/.deps/fonts"});
    REQUIRE(lcs::platform::init({}));
    native::storage().clear();
    lcs::App app;
    app.start();
    run_frames(app, 3);
    REQUIRE(app.started());
    const std::string before_currency = app.state().workspace().meta.currency;
    const std::string before_name = app.state().workspace().meta.name;
    REQUIRE(before_currency != "CNY");

    REQUIRE(click(app, "menu.edit"));
    REQUIRE(click(app, "edit.workspace_settings"));
    REQUIRE(lcs::test::drawn(app, "settings.dialog"));
    REQUIRE(click(app, "settings.cancel"));
    CHECK_FALSE(lcs::test::drawn(app, "settings.dialog"));
    CHECK(app.state().workspace().meta.currency == before_currency);  // Cancel changes nothing

    REQUIRE(click(app, "menu.edit"));
    REQUIRE(click(app, "edit.workspace_settings"));
    REQUIRE(click(app, "settings.currency.CNY"));
    REQUIRE(click(app, "settings.apply"));
    CHECK_FALSE(lcs::test::drawn(app, "settings.dialog"));
    CHECK(app.state().workspace().meta.currency == "CNY");
    CHECK(app.state().workspace().meta.name == before_name);
    CHECK(app.state().dirty());

    REQUIRE(app.state().undo());
    CHECK(app.state().workspace().meta.currency == before_currency);
}

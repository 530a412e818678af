// The app's CLV path and the CLI's agree (part of app_smoke). The app side is ClvSession ticked to
// completion on an AppState, as the app's job runner does, with the lifecycle views' cached stage
// inputs; the CLI side is the real `lifecycle clv` binary (LCS_CLI) run on the same file, its JSON
// read back. Both must give bit-identical per-customer numbers and stage values for every model, and
// the same refusal (kind and message) for a fit the data cannot identify. The CLI's numbers go
// through JSON, whose doubles round-trip exactly, so any difference in how either side configures
// the core valuation (dates, units, holdout, lifecycle inputs) shows up.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/clv_session.h"
#include "core/workspace_io.h"

namespace {

using nlohmann::json;

struct CliRun {
    int status = -1;
    std::string out, err;
};

// A scratch file name of this process.
std::string scratch_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("lcs-clv-paths-" + std::to_string(getpid()) + "-" + name)).string();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Runs `lifecycle clv FILE ARGS` (stderr to a scratch file).
CliRun run_cli_clv(const std::string& file, const std::string& args) {
    const std::string err_path = scratch_path("clv.err");
    const std::string command = std::string("'") + LCS_CLI + "' clv '" + file + "' " + args + " 2>'" + err_path + "'";
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[1 << 16];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, got);
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read_text(err_path);
    std::remove(err_path.c_str());
    return run;
}

// The app's path: the workspace loaded into an AppState, the CLV session started and ticked to the end.
lcs::ClvResult run_app(const lcs::Workspace& workspace, const lcs::ClvSettingsInput& settings) {
    lcs::AppState state;
    state.load(workspace, "workspace.json");
    lcs::ClvSession& session = lcs::clv_session(state);
    session.settings = settings;
    session.start(state);
    int ticks = 0;
    while (session.running()) {
        session.tick(state, 1);
        ++ticks;
    }
    REQUIRE(session.result());
    if (session.result()->ok()) CHECK(ticks > 1);  // sliced, as in the app (the stages take a tick of their own)
    return *session.result();
}

lcs::Workspace load(const std::string& path) {
    lcs::LoadResult loaded = lcs::load_workspace_json(read_text(path));
    REQUIRE(loaded.ok());
    return std::move(*loaded.workspace);
}

// A JSON number or null against a double (null = NaN), exactly.
bool same(const json& cli, double app) { return cli.is_null() ? std::isnan(app) : cli.get<double>() == app; }

lcs::Transaction purchase(lcs::Date date, double amount) {
    lcs::Transaction t;
    t.date = date;
    t.amount = amount;
    return t;
}

// Spend per customer over five decades: Gamma-Gamma has q <= 1 (tests/unit/unit-clv-valuation.cpp,
// tests/cli/test_clv_cli.sh build the same data).
lcs::Workspace heavy_spend_shop() {
    lcs::Workspace ws;
    for (int i = 0; i < 60; ++i) {
        lcs::Customer c;
        c.id = "H" + std::to_string(i);
        const double amount = std::pow(10.0, i % 6);
        c.transactions.push_back(purchase(lcs::date_from_ymd({2024, 1 + i % 4, 1 + i % 20}), amount));
        c.transactions.push_back(purchase(lcs::date_from_ymd({2024, 5 + i % 3, 1 + i % 25}), amount));
        c.transactions.push_back(purchase(lcs::date_from_ymd({2024, 9 + i % 3, 1 + i % 27}), amount));
        ws.customers.push_back(std::move(c));
    }
    return ws;
}

}  // namespace

TEST_CASE("CLV paths: the app's session and lifecycle clv value the e-commerce demo identically") {
    const std::string file = LCS_SOURCE_DIR "/assets/demo-ecommerce.json";
    const lcs::Workspace workspace = load(file);
    for (lcs::ClvModelKind model : {lcs::ClvModelKind::bgnbd_gg, lcs::ClvModelKind::pareto_gg, lcs::ClvModelKind::sbg,
                                    lcs::ClvModelKind::markov, lcs::ClvModelKind::simple}) {
        lcs::ClvSettingsInput settings;  // the CLV panel's defaults, spelled out for the CLI below
        settings.model = model;
        const std::string id = lcs::clv_model_id(model);
        CAPTURE(id);
        const lcs::ClvResult app = run_app(workspace, settings);
        REQUIRE(app.ok());
        const CliRun cli = run_cli_clv(
            file, "--model " + id + " --period month --data-unit month --holdout 6 --horizon 12 --discount 0.01" +
                      " --margin 0.3 --retention 0.8 --cohort-periods 12 --json");
        INFO(cli.err);
        REQUIRE(cli.status == 0);
        const json j = json::parse(cli.out);
        CHECK(j["calibration_end"] == lcs::to_iso(app.calibration_end));
        CHECK(j["as_of"] == lcs::to_iso(app.as_of));
        REQUIRE(j["customers"].size() == app.rows.size());
        REQUIRE_FALSE(app.rows.empty());
        int differences = 0;
        for (size_t i = 0; i < app.rows.size(); ++i) {
            const json& c = j["customers"][i];
            const lcs::clv::CustomerClv& v = app.rows[i].value;
            if (c["id"] != v.id || !same(c["clv"], v.clv) || !same(c["p_alive"], v.p_alive) ||
                !same(c["expected_purchases"], v.expected_purchases) || !same(c["expected_spend"], v.expected_spend))
                ++differences;
        }
        CHECK(differences == 0);
        REQUIRE(j["stages"].size() == app.stages.size());
        for (size_t s = 0; s < app.stages.size(); ++s) {
            CHECK(j["stages"][s]["customers"] == app.stages[s].customers);
            CHECK(same(j["stages"][s]["equity"], app.stages[s].value.equity));
            CHECK(same(j["stages"][s]["markov"], app.stages[s].markov));
        }
    }
}

TEST_CASE("CLV paths: the app and lifecycle clv refuse an unidentified fit with the same kind and message") {
    const std::string file = scratch_path("heavy.json");
    const lcs::Workspace workspace = heavy_spend_shop();
    {
        std::ofstream out(file, std::ios::binary);
        out << lcs::save_workspace_json(workspace);
    }
    lcs::ClvSettingsInput settings;
    settings.holdout_periods = 0;
    const lcs::ClvResult app = run_app(workspace, settings);
    REQUIRE_FALSE(app.ok());
    CHECK(app.problem->kind == "fit.not_identified");
    const CliRun cli = run_cli_clv(file, "--model bgnbd+gg --period month --data-unit month --margin 0.3 --json");
    std::remove(file.c_str());
    CHECK(cli.status == 1);
    CHECK(cli.out.empty());
    CHECK(cli.err == app.problem->to_string() + "\n");  // print_problems: one "[kind] message" line
}

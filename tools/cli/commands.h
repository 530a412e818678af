// The `lifecycle` CLI: one function per command, grouped in one file per core area.
// Each receives the arguments after the command name and returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace lcs::cli {

using Args = std::vector<std::string>;

// cli_data.cpp
int cmd_validate(const Args& args);    // validate FILE.json
int cmd_summary(const Args& args);     // summary FILE.json [--json]
int cmd_generate(const Args& args);    // generate demo|bench ... (deterministic workspaces)
int cmd_bench_load(const Args& args);  // bench-load [--customers N] [--transactions N]

// cli_import.cpp
int cmd_import(const Args& args);        // import FILE [FILE...] [options] -o OUT.json
int cmd_import_csv(const Args& args);    // the older name of import
int cmd_bench_import(const Args& args);  // bench-import [--rows N]

// cli_lifecycle.cpp
int cmd_models(const Args& args);   // models [--json]
int cmd_stages(const Args& args);   // stages FILE.json [--model ID] [--as-of DATE] [--json]
int cmd_metrics(const Args& args);  // metrics FILE.json [--as-of DATE] [--period month] [--json]

// cli_clv.cpp
int cmd_fit(const Args& args);       // fit FILE --model bgnbd|paretonbd|gg|sbg|bgbb ...
int cmd_predict(const Args& args);   // predict FILE --model bgnbd|paretonbd --horizon T [--interval 0.9] [--json]
int cmd_clv(const Args& args);       // clv FILE --model bgnbd+gg|paretonbd+gg ...
int cmd_simulate(const Args& args);  // simulate --model bgnbd ... (parameter-recovery data)
int cmd_bench_fit(const Args& args); // bench-fit
int cmd_bench_intervals(const Args& args);  // bench-intervals [--customers N] [--draws N] [--slice N]

// cli_compare.cpp
int cmd_compare(const Args& args);  // compare FILE --calibration-end DATE [--period week] [--json]

// cli_scenario.cpp
int cmd_project(const Args& args);  // project FILE.json [--scenario NAME] [--months N] [--json]

}  // namespace lcs::cli

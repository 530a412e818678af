// lifecycle: the native CLI over the same core the browser runs.
#include <cstdio>
#include <cstring>

#include "commands.h"

namespace {

struct Command {
    const char* name;
    int (*run)(const lcs::cli::Args&);
    const char* usage;
};

const Command kCommands[] = {
    {"validate", lcs::cli::cmd_validate, "validate FILE.json"},
    {"import", lcs::cli::cmd_import, "import FILE [FILE...] [--encoding auto|utf-8|utf-16|gb18030|big5] [--keep-cancelled] [--day-first|--month-first] [--report OUT.json] [options] -o OUT.json"},
    {"import-csv", lcs::cli::cmd_import_csv, "import-csv FILE [options] -o OUT.json (same as import)"},
    {"bench-import", lcs::cli::cmd_bench_import, "bench-import [--rows N]"},
    {"summary", lcs::cli::cmd_summary, "summary FILE.json [--json]"},
    {"generate", lcs::cli::cmd_generate, "generate KIND [options] -o OUT.json"},
    {"bench-load", lcs::cli::cmd_bench_load, "bench-load [--customers N] [--transactions N]"},
    {"models", lcs::cli::cmd_models, "models [--json]"},
    {"stages", lcs::cli::cmd_stages, "stages FILE.json [--model ID] [--as-of DATE] [--json]"},
    {"metrics", lcs::cli::cmd_metrics, "metrics FILE.json [--as-of DATE] [--period month] [--json]"},
    {"fit", lcs::cli::cmd_fit, "fit FILE --model bgnbd|paretonbd|gg|sbg|bgbb [--period day|week|month] [--calibration-end DATE] [--opportunity N] [--level 0.9] [--json]"},
    {"predict", lcs::cli::cmd_predict, "predict FILE --model bgnbd|paretonbd --horizon T [--interval 0.9 [--draws N] [--seed S]] [--json]"},
    {"clv", lcs::cli::cmd_clv, "clv FILE --model bgnbd+gg|paretonbd+gg|sbg|markov|simple --horizon N --period month --discount D [--margin M] [--data-unit week] [--holdout N|--calibration-end DATE] [--value-at-calibration-end] [--retention R] [--cohort-periods N] [--interval 0.9 [--draws N] [--seed S]] [--json|--csv OUT]"},
    {"simulate", lcs::cli::cmd_simulate, "simulate --model bgnbd [options] -o OUT.csv"},
    {"bench-fit", lcs::cli::cmd_bench_fit, "bench-fit [--customers N,...] [--model bgnbd|paretonbd]"},
    {"bench-intervals", lcs::cli::cmd_bench_intervals, "bench-intervals [--customers N] [--draws N] [--slice N]"},
    {"compare", lcs::cli::cmd_compare, "compare FILE --calibration-end DATE [--period day|week|month] [--json]"},
    {"project", lcs::cli::cmd_project, "project FILE.json [--scenario NAME] [--months N] [--json]"},
};

void print_usage(FILE* out) {
    std::fprintf(out, "usage: lifecycle COMMAND [ARGS]\n\ncommands:\n");
    for (const Command& command : kCommands) std::fprintf(out, "  lifecycle %s\n", command.usage);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
        print_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const lcs::cli::Args args(argv + 2, argv + argc);
    for (const Command& command : kCommands)
        if (!std::strcmp(argv[1], command.name)) return command.run(args);
    std::fprintf(stderr, "lifecycle: unknown command '%s'\n\n", argv[1]);
    print_usage(stderr);
    return 2;
}

// Placeholder until this command group is implemented; replaced by its owner.
#include <cstdio>
#include "commands.h"
namespace lcs::cli {
int cmd_validate(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_import_csv(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_summary(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_generate(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_bench_load(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
}

// Placeholder until this command group is implemented; replaced by its owner.
#include <cstdio>
#include "commands.h"
namespace lcs::cli {
int cmd_fit(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_predict(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_clv(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_simulate(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_bench_fit(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
}

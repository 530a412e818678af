// Placeholder until this command group is implemented; replaced by its owner.
#include <cstdio>
#include "commands.h"
namespace lcs::cli {
int cmd_models(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_stages(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
int cmd_metrics(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
}

// Placeholder until this command group is implemented; replaced by its owner.
#include <cstdio>
#include "commands.h"
namespace lcs::cli {
int cmd_project(const Args&) { std::fprintf(stderr, "not implemented yet\n"); return 3; }
}

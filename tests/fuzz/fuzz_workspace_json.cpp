// libFuzzer target: any bytes must load without crashing, and a workspace that loads must save to
// text that loads again, with nothing left to repair (no NUL, no lone surrogate), and saves to the
// same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/workspace_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    lcs::LoadLimits limits;
    limits.max_problems = 20;
    const lcs::LoadResult result = lcs::load_workspace_json(text, limits);
    if (result.workspace) {
        const std::string saved = lcs::save_workspace_json(*result.workspace);
        const lcs::LoadResult again = lcs::load_workspace_json(saved);
        if (!again.ok() || !again.warnings.empty() || lcs::save_workspace_json(*again.workspace) != saved) std::abort();
    }
    return 0;
}

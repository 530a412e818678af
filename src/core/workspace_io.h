// Loading and saving workspaces as JSON (format "lifecycle-studio-workspace", version 1).
// The format is documented in docs/workspace-format.md. Nothing here throws for
// bad input (running out of memory is workspace.too_large); any other exception is a bug.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

struct LoadLimits {
    std::size_t max_bytes = std::size_t{512} << 20;  // larger input is refused (workspace.too_large)
    int max_depth = 64;                              // open arrays/objects at once (workspace.too_deep)
    std::size_t max_problems = 200;                  // problems listed; the rest are counted in one line
};

struct LoadResult {
    std::optional<Workspace> workspace;  // set only when the file has no problem at all
    Problems problems;                   // every problem found (up to LoadLimits::max_problems + 1)
    // Repairs made to text while loading (kind workspace.repaired_text: a lone surrogate became U+FFFD,
    // a NUL was removed, ...), each with the field's path and the customer; the workspace still loaded.
    // The caller shows them: the saved file will differ from the one opened.
    Problems warnings;
    bool ok() const { return workspace.has_value() && problems.empty(); }
};

// Parses and validates a workspace. Problem kinds (stable ids, all "workspace.*"):
//   syntax (where = "line L, column C"), too_large, too_deep, not_object, missing_format, wrong_format,
//   missing_version, newer_version, bad_version, wrong_type, missing_field, invalid_date, bad_amount,
//   out_of_range, empty_id, duplicate_id, unknown_customer, unknown_reason, too_many_problems; and the
//   warning repaired_text (see warnings; docs/problems.md says what is repaired and what is refused).
// Paths look like "customers[12].transactions[3].date" (indexes as in the file, 0-based).
// Flat top-level "transactions" rows ({customer_id, date, amount, ...}) are appended to their customers.
// Each customer's transactions, interactions, surveys and churn events end up sorted by date (stable).
// Missing churn_reasons gives default_churn_reasons(). Unknown fields are kept in `extra`.
LoadResult load_workspace_json(std::string_view text, const LoadLimits& limits = {});

// Deterministic JSON text (same workspace -> same bytes). indent < 0: one line. indent >= 0: one field
// per line, `indent` spaces per level; events and churn reasons stay one per line. Empty optional fields
// are left out. load_workspace_json(save_workspace_json(w)) gives back w (dates lose any time of day).
std::string save_workspace_json(const Workspace& workspace, int indent = 1);

// The file name a workspace is saved under: a workspace file is JSON whatever name was asked for.
// `requested` ending in ".json" (any case) is kept; a data or document extension (.csv, .tsv, .txt,
// .xls, .xlsx) is replaced by ".json" ("client-report.csv" -> "client-report.json", not
// "client-report.csv.json" holding a workspace); any other name gets ".json" added ("plan.v2" ->
// "plan.v2.json"). Surrounding spaces are dropped; an empty or blank name stays empty.
// *replaced_extension (when given) tells whether an extension was replaced.
std::string workspace_file_name(std::string_view requested, bool* replaced_extension = nullptr);

}  // namespace lcs

// Every stable Problem kind id (core/problem.h), one namespace per module. Code that makes a
// Problem names its kind through these constants, never a string literal, so that a kind cannot
// drift between two places. docs/problems.md lists each kind with its meaning; the unit test
// unit-problem-kinds.cpp checks that list against all_problem_kinds() both ways. A kind, once
// published, keeps its id: scripts and tests match on it.
#pragma once
#include <vector>

namespace lcs {

// Workspace JSON files (core/workspace_io.h).
namespace workspace_problem {
inline constexpr const char* kSyntax = "workspace.syntax";
inline constexpr const char* kTooLarge = "workspace.too_large";
inline constexpr const char* kTooDeep = "workspace.too_deep";
inline constexpr const char* kNotObject = "workspace.not_object";
inline constexpr const char* kMissingFormat = "workspace.missing_format";
inline constexpr const char* kWrongFormat = "workspace.wrong_format";
inline constexpr const char* kMissingVersion = "workspace.missing_version";
inline constexpr const char* kBadVersion = "workspace.bad_version";
inline constexpr const char* kNewerVersion = "workspace.newer_version";
inline constexpr const char* kWrongType = "workspace.wrong_type";
inline constexpr const char* kMissingField = "workspace.missing_field";
inline constexpr const char* kInvalidDate = "workspace.invalid_date";
inline constexpr const char* kBadAmount = "workspace.bad_amount";
inline constexpr const char* kOutOfRange = "workspace.out_of_range";
inline constexpr const char* kEmptyId = "workspace.empty_id";
inline constexpr const char* kDuplicateId = "workspace.duplicate_id";
inline constexpr const char* kDuplicateKey = "workspace.duplicate_key";
inline constexpr const char* kUnknownCustomer = "workspace.unknown_customer";
inline constexpr const char* kUnknownReason = "workspace.unknown_reason";
inline constexpr const char* kTooManyProblems = "workspace.too_many_problems";
inline constexpr const char* kInvalid = "workspace.invalid";
// A warning (LoadResult::warnings), not an error: text in a string was repaired while loading.
inline constexpr const char* kRepairedText = "workspace.repaired_text";
}  // namespace workspace_problem

// CSV files: transaction logs (core/csv_import.h) and per-customer summaries (core/clv/rfm_csv.h).
namespace csv_problem {
inline constexpr const char* kEmpty = "csv.empty";
inline constexpr const char* kTooLarge = "csv.too_large";
inline constexpr const char* kSyntax = "csv.syntax";
inline constexpr const char* kNoColumns = "csv.no_columns";
inline constexpr const char* kMissingColumn = "csv.missing_column";
inline constexpr const char* kMissingField = "csv.missing_field";
inline constexpr const char* kBadRow = "csv.bad_row";
inline constexpr const char* kEmptyId = "csv.empty_id";
inline constexpr const char* kBadDate = "csv.bad_date";
inline constexpr const char* kBadNumber = "csv.bad_number";
inline constexpr const char* kTooManyProblems = "csv.too_many_problems";
inline constexpr const char* kBadEncoding = "csv.bad_encoding";
inline constexpr const char* kBadText = "csv.bad_text";
inline constexpr const char* kAmbiguousDates = "csv.ambiguous_dates";
}  // namespace csv_problem

// Model fits (core/clv/fit.h and the models that build fitters).
namespace fit_problem {
inline constexpr const char* kNoData = "fit.no_data";
inline constexpr const char* kBadData = "fit.bad_data";
inline constexpr const char* kNotIdentified = "fit.not_identified";
inline constexpr const char* kNoSpend = "fit.no_spend";
inline constexpr const char* kNoStart = "fit.no_start";
inline constexpr const char* kFailed = "fit.failed";
}  // namespace fit_problem

// CLV values computed from inputs or fitted models (core/clv, core/value).
namespace clv_problem {
inline constexpr const char* kBadInput = "clv.bad_input";
inline constexpr const char* kNotFinite = "clv.not_finite";
inline constexpr const char* kSingular = "clv.singular";
inline constexpr const char* kNoHistory = "clv.no_history";
}  // namespace clv_problem

// Lifecycle models and their edits (core/lifecycle/model.h).
namespace lifecycle_problem {
inline constexpr const char* kBadModel = "lifecycle.bad_model";
inline constexpr const char* kNoStages = "lifecycle.no_stages";
inline constexpr const char* kUnknownTemplate = "lifecycle.unknown_template";
inline constexpr const char* kUnknownCondition = "lifecycle.unknown_condition";
inline constexpr const char* kBadCondition = "lifecycle.bad_condition";
inline constexpr const char* kBadWindow = "lifecycle.bad_window";
inline constexpr const char* kBadStageId = "lifecycle.bad_stage_id";
inline constexpr const char* kDuplicateStage = "lifecycle.duplicate_stage";
inline constexpr const char* kBadStageIndex = "lifecycle.bad_stage_index";
inline constexpr const char* kLastStage = "lifecycle.last_stage";
inline constexpr const char* kUnknownStage = "lifecycle.unknown_stage";
inline constexpr const char* kBadWeight = "lifecycle.bad_weight";
inline constexpr const char* kBadBands = "lifecycle.bad_bands";
inline constexpr const char* kBadHealth = "lifecycle.bad_health";
}  // namespace lifecycle_problem

// What-if scenarios (core/scenario).
namespace scenario_problem {
inline constexpr const char* kBadField = "scenario.bad_field";
inline constexpr const char* kUnknownField = "scenario.unknown_field";
inline constexpr const char* kUnknownStage = "scenario.unknown_stage";
inline constexpr const char* kInvalidLever = "scenario.invalid_lever";
inline constexpr const char* kInvalidBaseline = "scenario.invalid_baseline";
inline constexpr const char* kDuplicateName = "scenario.duplicate_name";
inline constexpr const char* kNoBaseline = "scenario.no_baseline";
inline constexpr const char* kTooMany = "scenario.too_many";
inline constexpr const char* kBadDelta = "scenario.bad_delta";
}  // namespace scenario_problem

// The command-line tool (tools/cli).
namespace cli_problem {
inline constexpr const char* kIo = "cli.io";
inline constexpr const char* kBadOption = "cli.bad_option";
}  // namespace cli_problem

// Every kind above, grouped by module in declaration order; for docs checks and tests.
const std::vector<const char*>& all_problem_kinds();

}  // namespace lcs

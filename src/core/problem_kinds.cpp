// The list behind all_problem_kinds(); unit-problem-kinds.cpp checks it against problem_kinds.h.
#include "core/problem_kinds.h"

namespace lcs {

const std::vector<const char*>& all_problem_kinds() {
    static const std::vector<const char*> kinds = {
        // workspace_problem
        workspace_problem::kSyntax, workspace_problem::kTooLarge, workspace_problem::kTooDeep,
        workspace_problem::kNotObject, workspace_problem::kMissingFormat, workspace_problem::kWrongFormat,
        workspace_problem::kMissingVersion, workspace_problem::kBadVersion, workspace_problem::kNewerVersion,
        workspace_problem::kWrongType, workspace_problem::kMissingField, workspace_problem::kInvalidDate,
        workspace_problem::kBadAmount, workspace_problem::kOutOfRange, workspace_problem::kEmptyId,
        workspace_problem::kDuplicateId, workspace_problem::kDuplicateKey, workspace_problem::kUnknownCustomer,
        workspace_problem::kUnknownReason, workspace_problem::kTooManyProblems, workspace_problem::kInvalid,
        workspace_problem::kRepairedText,
        // csv_problem
        csv_problem::kEmpty, csv_problem::kTooLarge, csv_problem::kSyntax, csv_problem::kNoColumns,
        csv_problem::kMissingColumn, csv_problem::kMissingField, csv_problem::kBadRow, csv_problem::kEmptyId,
        csv_problem::kBadDate, csv_problem::kBadNumber, csv_problem::kTooManyProblems, csv_problem::kBadEncoding,
        csv_problem::kBadText, csv_problem::kAmbiguousDates,
        // fit_problem
        fit_problem::kNoData, fit_problem::kBadData, fit_problem::kNotIdentified, fit_problem::kNoSpend,
        fit_problem::kNoStart, fit_problem::kFailed,
        // clv_problem
        clv_problem::kBadInput, clv_problem::kNotFinite, clv_problem::kSingular, clv_problem::kNoHistory,
        // lifecycle_problem
        lifecycle_problem::kBadModel, lifecycle_problem::kNoStages, lifecycle_problem::kUnknownTemplate,
        lifecycle_problem::kUnknownCondition, lifecycle_problem::kBadCondition, lifecycle_problem::kBadWindow,
        lifecycle_problem::kBadStageId, lifecycle_problem::kDuplicateStage, lifecycle_problem::kBadStageIndex,
        lifecycle_problem::kLastStage, lifecycle_problem::kUnknownStage, lifecycle_problem::kBadWeight,
        lifecycle_problem::kBadBands, lifecycle_problem::kBadHealth,
        // scenario_problem
        scenario_problem::kBadField, scenario_problem::kUnknownField, scenario_problem::kUnknownStage,
        scenario_problem::kInvalidLever, scenario_problem::kInvalidBaseline, scenario_problem::kDuplicateName,
        scenario_problem::kNoBaseline, scenario_problem::kTooMany, scenario_problem::kBadDelta,
        // cli_problem
        cli_problem::kIo, cli_problem::kBadOption,
    };
    return kinds;
}

}  // namespace lcs

// Per-customer repeat-purchase summaries (x, t_x, T) that the BG/NBD, Pareto/NBD and Gamma-Gamma
// models take, and their pooled form: identical (x, t_x, T) triples become one weighted row, and
// distinct times are evaluated once per likelihood call, which is what makes large fits fast.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace lcs::clv {

// Time unit of a model: day, week (7 days) or month (365.25/12 days, the average month).
enum class PeriodUnit { day, week, month };
double period_length_days(PeriodUnit unit);
const char* period_unit_name(PeriodUnit unit);  // "day", "week", "month"
std::optional<PeriodUnit> parse_period_unit(std::string_view text);

struct CustomerRfm {
    std::string id;
    int x = 0;             // repeat purchases in the calibration period (the first purchase is not one)
    double t_x = 0;        // time of the last repeat purchase since the first purchase (0 when x = 0)
    double T = 0;          // time from the first purchase to the end of calibration; 0 <= t_x <= T
    double zbar = 0;       // mean value of the x repeat purchases (0 when x = 0)
    int holdout_x = 0;     // purchases after calibration, up to the holdout end
    double holdout_spend = 0;
};

// Checks x >= 0, 0 <= t_x <= T, t_x = 0 when x = 0, finite values. Problem kind "fit.bad_data"
// with where = "customers[i]"; "fit.no_data" for an empty list.
std::optional<Problem> validate_rfm(const std::vector<CustomerRfm>& customers);

struct PooledRfm {
    struct Row {
        int x_index = 0;   // into x_values
        int tx_index = 0;  // into times
        int T_index = 0;   // into times
        double weight = 0; // customers with this triple
    };
    std::vector<int> x_values;   // distinct counts, ascending
    std::vector<double> times;   // distinct t_x and T values, ascending
    std::vector<Row> rows;       // distinct (x, t_x, T) triples
    double total_weight = 0;     // customers
    double repeat_weight = 0;    // customers with x > 0
};

// Pools valid customers (validate_rfm first). time_resolution > 0 rounds t_x and T to multiples of
// it before pooling (e.g. 1/7 for day resolution in weeks); 0 keeps them exact.
PooledRfm pool_rfm(const std::vector<CustomerRfm>& customers, double time_resolution = 0);

// What a repeat-purchase model (BG/NBD, Pareto/NBD) fit starts from: the pooled data and the figures
// its starting points are scaled by, or the problem that prevents a fit: invalid customers
// (validate_rfm) or no repeat buyer at all (fit.not_identified: purchasing cannot be told apart
// from dropout without one). `model_label` names the model in that message.
struct CountModelData {
    std::shared_ptr<const PooledRfm> data;
    std::optional<Problem> problem;
    double purchase_rate = 1;  // repeat purchases per unit of time observed (at least 1e-6)
    double mean_T = 1;         // mean observation length T (at least 1e-3)
};
CountModelData pool_for_count_model(const std::vector<CustomerRfm>& customers, double time_resolution,
                                    const char* model_label);

}  // namespace lcs::clv

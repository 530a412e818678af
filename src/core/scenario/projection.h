// Month-by-month projection of a baseline under a set of levers: an exact Markov chain with inflow.
//
// Timing (docs/scenarios.md): n_0 = start customers. For month t = 1..H
//   n_t = n_{t-1} · P'_t + a_t · e_entry      (P'_t = P with the levers active in month t applied)
//   revenue_t, margin_t, servicing_t  from n_t (customers at the end of month t)
//   lever costs_t                     from n_{t-1} (the customers the levers worked on during month t)
//   acquisition_t                     for the a_t customers acquired in month t
//   net_t = margin_t - servicing_t - lever costs_t - acquisition_t, discounted by (1 + r)^-t.
// Customer equity = sum of discounted net_t over the horizon.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"

namespace lcs {

struct ProjectedMonth {
    int month = 0;                   // 1..horizon
    std::vector<double> customers;   // per stage at the end of the month (baseline stage order)
    double new_customers = 0;        // acquired this month (all channels and acquisition levers)
    double revenue = 0;              // money this month
    double margin = 0;               // gross margin (after cost of goods, before the costs below)
    double servicing_cost = 0;
    double lever_cost = 0;           // all levers together
    double acquisition_cost = 0;     // baseline channels (lever-bought extra customers are lever cost)
    double cost = 0;                 // servicing + lever + acquisition
    double net = 0;                  // margin - cost
    double discount_factor = 1;      // (1 + r)^-month
    double cumulative_equity = 0;    // sum of discounted net up to and including this month
};

struct Projection {
    std::vector<std::string> stages;
    std::vector<ProjectedMonth> months;  // horizon entries
    double customer_equity = 0;          // sum of discounted net (money at month 0)
    double pv_margin = 0;                // discounted margin
    double pv_cost = 0;                  // discounted cost (servicing + levers + acquisition)
    double total_lever_cost = 0;         // undiscounted, all levers and months
    std::vector<double> lever_cost_by_lever;  // undiscounted, same order as the levers given
};

// Validates the baseline and every lever (problems as in validate_baseline / validate_lever, with
// where = "levers[i]"), then projects over baseline.horizon_months. nullopt when anything is invalid.
// Deterministic; O(horizon × (stages² + levers × stages)).
std::optional<Projection> project(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems);

// The transition matrix of month `month` with every lever active then applied (rows stay stochastic).
// Preconditions: baseline and levers valid (see project).
std::vector<std::vector<double>> effective_transition(const Baseline& baseline, const std::vector<Lever>& levers,
                                                      int month);

// Cumulative undiscounted margin of months 1..months; nullopt when the projection is shorter.
std::optional<double> cumulative_margin(const Projection& projection, int months);

}  // namespace lcs

// Converting between period units (core/clv/rfm.h PeriodUnit: day, week, the average month of
// 365.25/12 days): counts of periods (horizons, holdouts, cohort lengths) scale with the length of
// the unit; rates per period (discount rates) compound, so a rate per month is the rate per week
// compounded over 365.25/12/7 weeks. Every conversion between units goes through these functions.
#pragma once
#include "core/clv/rfm.h"

namespace lcs::clv {

inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12;  // = period_length_days(PeriodUnit::month)

// How many periods of `to` make `count` periods of `from` (not rounded): count · L(from) / L(to).
double convert_period_count(double count, PeriodUnit from, PeriodUnit to);
// The same, rounded to the nearest whole number of periods (half away from zero).
int convert_whole_periods(int count, PeriodUnit from, PeriodUnit to);

// A rate per period of `from` (e.g. a discount rate, > -1) as the equivalent compound rate per period
// of `to`: (1 + rate)^(L(to) / L(from)) − 1. Converting there and back returns the rate.
double convert_rate(double rate, PeriodUnit from, PeriodUnit to);
// A rate per period of `unit` compounded over `days` days, e.g. the yearly equivalent with kDaysPerYear.
double compound_rate_over_days(double rate, PeriodUnit unit, double days);

}  // namespace lcs::clv

#include "core/clv/period.h"

#include <cmath>

namespace lcs::clv {

double convert_period_count(double count, PeriodUnit from, PeriodUnit to) {
    return count * period_length_days(from) / period_length_days(to);
}

int convert_whole_periods(int count, PeriodUnit from, PeriodUnit to) {
    return static_cast<int>(std::lround(convert_period_count(count, from, to)));
}

double convert_rate(double rate, PeriodUnit from, PeriodUnit to) {
    return compound_rate_over_days(rate, from, period_length_days(to));
}

double compound_rate_over_days(double rate, PeriodUnit unit, double days) {
    return std::pow(1 + rate, days / period_length_days(unit)) - 1;
}

}  // namespace lcs::clv

// Shared by the unit-clv-*.cpp tests: reading the published data sets in tests/data (origin: tests/data/SOURCES.md).
#pragma once
#include <string>
#include <vector>

#include "core/clv/rfm_csv.h"
#include "test_data.h"

namespace clv_test {

inline std::string read_text(const std::string& name) { return test_data::read(name); }

// Parsed customers of a summary file; fails the test case when the file gave none.
inline std::vector<lcs::clv::CustomerRfm> read_summary(const std::string& name) {
    std::vector<lcs::clv::CustomerRfm> customers = lcs::clv::parse_rfm_csv(read_text(name)).customers;
    REQUIRE_FALSE(customers.empty());
    return customers;
}

inline std::vector<lcs::clv::CustomerRfm> cdnow_summary() {
    return read_summary("cdnow_customers_summary.csv");
}

inline std::vector<lcs::clv::CustomerRfm> cdnow_summary_with_spend() {
    return read_summary("cdnow_customers_summary_with_transactions.csv");
}

}  // namespace clv_test

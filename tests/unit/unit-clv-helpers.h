// Shared by the unit-clv-*.cpp tests: reading the published data sets in ../shared/data.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/clv/rfm_csv.h"

namespace clv_test {

inline std::string read_text(const std::string& name) {
    std::ifstream in(std::string(LCS_SHARED_DATA_DIR) + "/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline std::vector<lcs::clv::CustomerRfm> cdnow_summary() {
    return lcs::clv::parse_rfm_csv(read_text("cdnow_customers_summary.csv")).customers;
}

inline std::vector<lcs::clv::CustomerRfm> cdnow_summary_with_spend() {
    return lcs::clv::parse_rfm_csv(read_text("cdnow_customers_summary_with_transactions.csv")).customers;
}

}  // namespace clv_test

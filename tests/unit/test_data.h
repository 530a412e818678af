// The published data sets in tests/data (origin and licence: tests/data/SOURCES.md), read by the unit tests.
// A missing or empty file fails the calling test case cleanly, before anything indexes into its data.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace test_data {

inline std::string read(const std::string& name) {
    const std::string path = std::string(LCS_TEST_DATA_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    INFO("test data file: ", path);
    REQUIRE_FALSE(text.empty());
    return text;
}

}  // namespace test_data

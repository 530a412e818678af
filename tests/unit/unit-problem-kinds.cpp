// The problem kinds in code (core/problem_kinds.h, all_problem_kinds()) and in docs/problems.md are
// the same list, so a kind cannot be added, renamed or dropped on one side only.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/problem_kinds.h"

namespace {

std::string read_source(const std::string& relative) {
    const std::string path = std::string(LCS_SOURCE_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    INFO("source file: ", path);
    REQUIRE_FALSE(buffer.str().empty());
    return buffer.str();
}

// Every first capture of `pattern` in `text`.
std::set<std::string> captures(const std::string& text, const std::regex& pattern) {
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

std::string joined(const std::set<std::string>& kinds) {
    std::string text;
    for (const std::string& kind : kinds) text += kind + " ";
    return text;
}

}  // namespace

TEST_CASE("problem kinds: all_problem_kinds() holds each constant of problem_kinds.h once") {
    const std::set<std::string> declared =
        captures(read_source("src/core/problem_kinds.h"), std::regex(R"re(inline constexpr const char\* k\w+ = "([^"]+)")re"));
    std::set<std::string> listed;
    for (const char* kind : lcs::all_problem_kinds()) {
        INFO("kind: ", kind);
        CHECK(listed.insert(kind).second);  // no kind listed twice
        CHECK(std::regex_match(std::string(kind), std::regex(R"([a-z]+\.[a-z_]+)")));
    }
    CHECK(declared.size() > 60);
    CHECK(joined(listed) == joined(declared));
}

TEST_CASE("problem kinds: docs/problems.md lists exactly the kinds in code") {
    // Table rows of the form "| `module.kind` | meaning |".
    const std::set<std::string> documented =
        captures(read_source("docs/problems.md"), std::regex(R"(\n\| `([a-z]+\.[a-z_]+)` \|)"));
    std::set<std::string> in_code;
    for (const char* kind : lcs::all_problem_kinds()) in_code.insert(kind);
    for (const std::string& kind : in_code) {
        INFO("kind in code but not in docs/problems.md: ", kind);
        CHECK(documented.count(kind) == 1);
    }
    for (const std::string& kind : documented) {
        INFO("kind in docs/problems.md but not in code: ", kind);
        CHECK(in_code.count(kind) == 1);
    }
}

TEST_CASE("problem kinds: the drifted names are gone") {
    std::set<std::string> in_code;
    for (const char* kind : lcs::all_problem_kinds()) in_code.insert(kind);
    CHECK(in_code.count("csv.bad_number") == 1);
    CHECK(in_code.count("csv.bad_amount") == 0);
    CHECK(in_code.count("scenario.invalid_lever") == 1);
    CHECK(in_code.count("scenario.bad_lever") == 0);
}

TEST_CASE("problem kinds: code names kinds by their constants, never by a string literal") {
    std::set<std::string> kinds;
    for (const char* kind : lcs::all_problem_kinds()) kinds.insert(kind);
    const std::regex literal(R"re("([a-z]+\.[a-z_]+)")re");
    std::string offenders;
    int files = 0;
    for (const char* dir : {"src", "tools/cli"}) {
        const std::filesystem::path root = std::filesystem::path(LCS_SOURCE_DIR) / dir;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
            if (entry.path().filename() == "problem_kinds.h") continue;
            ++files;
            std::ifstream in(entry.path());
            std::string line;
            for (int number = 1; std::getline(in, line); ++number) {
                const std::string code = line.substr(0, line.find("//"));  // comments may quote kinds
                for (const std::string& found : captures(code, literal))
                    if (kinds.count(found))
                        offenders += entry.path().string() + ":" + std::to_string(number) + " " + found + "\n";
            }
        }
    }
    CHECK(files > 50);
    CHECK(offenders == "");
}

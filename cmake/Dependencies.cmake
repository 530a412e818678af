# Third-party code comes from Debian (tools/setup.sh installs it); nothing is vendored.
# nlohmann/json and doctest are header-only in /usr/include. em++ must not see /usr/include as a
# normal include path (glibc would shadow the wasm sysroot), so the web build gets a folder of
# symlinks to just those two.
find_path(LCS_JSON_INCLUDE nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_path(LCS_DOCTEST_INCLUDE doctest/doctest.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(LCS_DEPS_INCLUDE "${CMAKE_BINARY_DIR}/deps-include")
file(MAKE_DIRECTORY "${LCS_DEPS_INCLUDE}")
file(CREATE_LINK "${LCS_JSON_INCLUDE}/nlohmann" "${LCS_DEPS_INCLUDE}/nlohmann" SYMBOLIC)
file(CREATE_LINK "${LCS_DOCTEST_INCLUDE}/doctest" "${LCS_DEPS_INCLUDE}/doctest" SYMBOLIC)

add_library(lcs_deps_json INTERFACE)
target_include_directories(lcs_deps_json SYSTEM INTERFACE "${LCS_DEPS_INCLUDE}")
add_library(lcs_deps_doctest INTERFACE)
target_include_directories(lcs_deps_doctest SYSTEM INTERFACE "${LCS_DEPS_INCLUDE}")

# Version pins, printed so a build log says exactly what it used.
file(STRINGS "${LCS_JSON_INCLUDE}/nlohmann/detail/abi_macros.hpp" _json_ver REGEX "^#define NLOHMANN_JSON_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+")
string(REGEX REPLACE "#define NLOHMANN_JSON_VERSION_[A-Z]+ +([0-9]+)[^;]*" "\\1" _json_ver "${_json_ver}")
string(REPLACE ";" "." _json_ver "${_json_ver}")
file(STRINGS "${LCS_DOCTEST_INCLUDE}/doctest/doctest.h" _doctest_ver REGEX "^#define DOCTEST_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+")
string(REGEX REPLACE "#define DOCTEST_VERSION_[A-Z]+ +" "" _doctest_ver "${_doctest_ver}")
string(REPLACE ";" "." _doctest_ver "${_doctest_ver}")
message(STATUS "nlohmann/json ${_json_ver}; doctest ${_doctest_ver}; Dear ImGui from ${IMGUI_DIR}")

# Published data sets the tests read: in the repository (tests/data/SOURCES.md names their origin).
set(LCS_TEST_DATA_DIR "${CMAKE_SOURCE_DIR}/tests/data")


# Native programs over lcs_core: the CLI, the headless app smoke test, the fuzzers.
# Their tests are registered in cmake/Tests.cmake.
file(GLOB LCS_CLI_SOURCES CONFIGURE_DEPENDS tools/cli/*.cpp)
if(LCS_CLI_SOURCES)
  add_executable(lifecycle ${LCS_CLI_SOURCES})
  target_link_libraries(lifecycle PRIVATE lcs_core lcs_text_host)
  target_precompile_headers(lifecycle PRIVATE <nlohmann/json.hpp> <string> <vector>)
  lcs_set_warnings(lifecycle)
endif()

if(EXISTS "${IMGUI_DIR}/imgui.cpp" AND EXISTS "${CMAKE_SOURCE_DIR}/src/app")
  include(cmake/AppTargets.cmake)
endif()

if(LCS_FUZZ)
  # One executable per tests/fuzz/fuzz_*.cpp; `fuzzers` builds them all (the fuzz preset builds only
  # that). Each gets a corpus folder corpus-<name> next to it, which its fuzz test (cmake/Tests.cmake) and
# tools/fuzz_long.sh grow.
  file(GLOB LCS_FUZZ_SOURCES CONFIGURE_DEPENDS tests/fuzz/fuzz_*.cpp)
  add_custom_target(fuzzers)
  foreach(source ${LCS_FUZZ_SOURCES})
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE lcs_core lcs_text_host)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    add_custom_command(TARGET ${name} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/corpus-${name})
    add_dependencies(fuzzers ${name})
  endforeach()
endif()

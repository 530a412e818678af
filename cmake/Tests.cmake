# Every test suite, registered with CTest in the native build tree, one label per family:
#   unit     the doctest unit tests, natively (with the sanitizers when LCS_SANITIZE is on)
#   cli      each tests/cli/test_*.sh against this tree's `lifecycle`
#   app      app_smoke, the headless ImGui smoke test
#   wasm     the same unit tests compiled by em++, under Node      (when LCS_WEB_BUILD_DIR is set)
#   browser  each tests/browser/*.mjs suite on the web build's site (when LCS_WEB_BUILD_DIR is set)
#   fuzz     each libFuzzer target for a bounded time              (when LCS_FUZZ_BUILD_DIR is set)
# The web and fuzz builds are separate trees (em++ and clang++ builds of the same sources); naming
# them here lets one `ctest --test-dir build/native` run every family. CMakePresets.json sets both.
# Timeouts are several times what a suite took in a full run on 2 busy cores (unit 11 s, wasm 4 s,
# cli up to 50 s, app 34 s, fuzz 20 s + start-up, browser up to 90 s), so only a hang reaches them.
set(LCS_WEB_BUILD_DIR "" CACHE PATH "Web build tree (preset web) for the wasm and browser tests; empty: not registered")
set(LCS_FUZZ_BUILD_DIR "" CACHE PATH "Fuzz build tree (preset fuzz) for the fuzz tests; empty: not registered")
set(LCS_FUZZ_SECONDS 20 CACHE STRING "How long each fuzz test runs its fuzzer")

# Sanitizers stop at the first error with a stack trace; leaks count. Node finds Debian's modules.
set(LCS_TEST_ENVIRONMENT
    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    "NODE_PATH=/usr/share/nodejs")

# lcs_add_test(NAME n LABEL l TIMEOUT s COMMAND cmd... [REQUIRES files...] [ENVIRONMENT k=v...]
#              [WORKING_DIRECTORY dir] [SERIAL]): one CTest test with the common environment.
# REQUIRES names files from other build trees: when one is missing CTest reports the test as not run
# (a failure) with the missing file, instead of a confusing error from the command.
# SERIAL: nothing else runs beside it (the browser suites: Chromium with SwiftShader needs both cores).
function(lcs_add_test)
  cmake_parse_arguments(T "SERIAL" "NAME;LABEL;TIMEOUT;WORKING_DIRECTORY" "COMMAND;REQUIRES;ENVIRONMENT" ${ARGN})
  if(NOT T_WORKING_DIRECTORY)
    set(T_WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  endif()
  add_test(NAME ${T_NAME} COMMAND ${T_COMMAND} WORKING_DIRECTORY "${T_WORKING_DIRECTORY}")
  set_tests_properties(${T_NAME} PROPERTIES LABELS ${T_LABEL} TIMEOUT ${T_TIMEOUT}
                       ENVIRONMENT "${LCS_TEST_ENVIRONMENT};${T_ENVIRONMENT}")
  if(T_REQUIRES)
    set_tests_properties(${T_NAME} PROPERTIES REQUIRED_FILES "${T_REQUIRES}")
  endif()
  if(T_SERIAL)
    set_tests_properties(${T_NAME} PROPERTIES RUN_SERIAL TRUE RESOURCE_LOCK chromium)
  endif()
endfunction()

# ---- this tree: unit, cli, app ----
lcs_add_test(NAME unit LABEL unit TIMEOUT 300 COMMAND unit_tests)

if(TARGET lifecycle)
  file(GLOB LCS_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/test_*.sh)
  foreach(script ${LCS_CLI_TESTS})
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "^test_|_cli$" "" name ${name})
    lcs_add_test(NAME cli.${name} LABEL cli TIMEOUT 300 COMMAND bash ${script} $<TARGET_FILE:lifecycle>)
  endforeach()
endif()

if(TARGET app_smoke)
  lcs_add_test(NAME app_smoke LABEL app TIMEOUT 300 COMMAND app_smoke)
endif()

# ---- the web tree: wasm, browser ----
if(LCS_WEB_BUILD_DIR)
  find_program(LCS_NODE node REQUIRED)
  # Node 20's built-in fetch breaks emcc 3.1.6's loader (docs/toolchain.md).
  lcs_add_test(NAME wasm LABEL wasm TIMEOUT 300
               COMMAND ${LCS_NODE} --no-experimental-fetch ${LCS_WEB_BUILD_DIR}/unit_tests.js
               REQUIRES ${LCS_WEB_BUILD_DIR}/unit_tests.js)

  file(GLOB LCS_BROWSER_SUITES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/browser/*.test.mjs)
  foreach(script ${CMAKE_SOURCE_DIR}/tests/browser/run.mjs ${LCS_BROWSER_SUITES})
    get_filename_component(name ${script} NAME)
    string(REGEX REPLACE "(\\.test)?\\.mjs$" "" name ${name})
    if(name STREQUAL "run")
      set(name shell)  # run.mjs: the app shell (loading, files, undo, autosave, language)
    endif()
    lcs_add_test(NAME browser.${name} LABEL browser TIMEOUT 600 SERIAL
                 COMMAND ${LCS_NODE} ${script}
                 ENVIRONMENT "LCS_SITE_DIR=${LCS_WEB_BUILD_DIR}/site"
                 REQUIRES ${LCS_WEB_BUILD_DIR}/site/index.html ${CMAKE_SOURCE_DIR}/node_modules/playwright-core/package.json)
  endforeach()
endif()

# ---- the fuzz tree: fuzz ----
# Each run starts from the corpus it grew last time (in the fuzz tree) plus the committed seeds;
# a crashing input is written to the fuzz tree (the working directory).
if(LCS_FUZZ_BUILD_DIR)
  file(GLOB LCS_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
  foreach(source ${LCS_FUZZ_SOURCES})
    get_filename_component(name ${source} NAME_WE)
    set(seeds "")
    if(IS_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name})
      set(seeds ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name})
    endif()
    string(REGEX REPLACE "^fuzz_" "" short ${name})
    lcs_add_test(NAME fuzz.${short} LABEL fuzz TIMEOUT 120 WORKING_DIRECTORY ${LCS_FUZZ_BUILD_DIR}
                 COMMAND ${LCS_FUZZ_BUILD_DIR}/${name} -max_total_time=${LCS_FUZZ_SECONDS} -timeout=10
                         -rss_limit_mb=2048 ${LCS_FUZZ_BUILD_DIR}/corpus-${name} ${seeds}
                 REQUIRES ${LCS_FUZZ_BUILD_DIR}/${name})
  endforeach()
endif()

# Native build flags. Included before any target so that lcs_core, the tests and the CLI all get them.
if(LCS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(LCS_FUZZ)
  # Coverage instrumentation for everything the fuzzers reach; the fuzz executables add the driver.
  add_compile_options(-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address)
endif()
enable_testing()

# Web build flags, included before any target (add_compile_options only reaches later targets).
# The app target itself: cmake/AppTargets.cmake.
# Exception policy: native wasm exceptions on every target, at compile and link time: this emcc aborts on
# the first throw otherwise (docs/toolchain.md).
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)

# Core tests under Node: the browser computes exactly what the native tests checked.
function(lcs_web_test_target target)
  target_link_options(${target} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sTOTAL_STACK=4194304)
endfunction()

# The ImGui app, in both flavours (included when .deps/imgui exists, see tools/setup.sh):
#   web:    lifecycle_studio (.js + .wasm + .data) and a servable folder ${CMAKE_BINARY_DIR}/site
#   native: app_smoke, the headless UI smoke test (ImGui with no renderer; its test: cmake/Tests.cmake)
# Panels and app code: every src/app/*.cpp and src/app/charts/*.cpp except main.cpp (the platform comes from src/platform/<web|native>).

# ---- Dear ImGui 1.86 ----
set(LCS_IMGUI_CORE_SOURCES
    ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
if(EMSCRIPTEN)
  list(APPEND LCS_IMGUI_CORE_SOURCES ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
endif()
add_library(lcs_imgui STATIC ${LCS_IMGUI_CORE_SOURCES})
target_include_directories(lcs_imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_include_directories(lcs_imgui PUBLIC ${CMAKE_SOURCE_DIR}/src)
# Our IM_ASSERT (stays on in release builds) and no obsolete ImGui APIs, for ImGui and its users alike.
target_compile_definitions(lcs_imgui PUBLIC "IMGUI_USER_CONFIG=\"platform/imgui_config.h\"")
if(EMSCRIPTEN)
  target_compile_definitions(lcs_imgui PRIVATE IMGUI_IMPL_OPENGL_ES3)
endif()

# ---- the app (panels, state, charts, i18n): shared by the web app and the smoke test ----
file(GLOB LCS_APP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/app/*.cpp ${CMAKE_SOURCE_DIR}/src/app/charts/*.cpp
     ${CMAKE_SOURCE_DIR}/src/app/lang/*.cpp)
list(REMOVE_ITEM LCS_APP_SOURCES ${CMAKE_SOURCE_DIR}/src/app/main.cpp)
add_library(lcs_app STATIC ${LCS_APP_SOURCES})
target_link_libraries(lcs_app PUBLIC lcs_core lcs_text_host lcs_imgui)
lcs_set_warnings(lcs_app)
target_precompile_headers(lcs_app PRIVATE <nlohmann/json.hpp> <string> <vector> <algorithm> "${IMGUI_DIR}/imgui.h")

if(EMSCRIPTEN)
  # ---- web: lifecycle_studio.js + .wasm + .data, then one servable folder ----
  add_executable(lifecycle_studio ${CMAKE_SOURCE_DIR}/src/app/main.cpp ${CMAKE_SOURCE_DIR}/src/platform/web/platform_web.cpp)
  target_link_libraries(lifecycle_studio PRIVATE lcs_app)
  lcs_set_warnings(lifecycle_studio)
  set(LCS_WEB_JS_LIBRARY ${CMAKE_SOURCE_DIR}/src/platform/web/platform_web.js)
  target_link_options(lifecycle_studio PRIVATE
      -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
      -sINITIAL_MEMORY=67108864 -sENVIRONMENT=web
      "-sEXPORTED_FUNCTIONS=_main,_malloc,_free,_lcs_web_on_file,_lcs_web_on_storage,_lcs_web_query,_lcs_web_text_input,_lcs_web_on_wheel"
      --js-library ${LCS_WEB_JS_LIBRARY})
  # Shipped read-only assets: the UI font (built by tools/build_fonts.sh) and the demo workspaces.
  set(LCS_ASSET_DEPENDS ${LCS_WEB_JS_LIBRARY})
  set(LCS_FONT ${CMAKE_SOURCE_DIR}/.deps/fonts/ui-cjk.ttf)
  if(EXISTS ${LCS_FONT})
    target_link_options(lifecycle_studio PRIVATE "--preload-file=${LCS_FONT}@/assets/ui-cjk.ttf")
    list(APPEND LCS_ASSET_DEPENDS ${LCS_FONT})
  else()
    message(WARNING "No UI font at ${LCS_FONT} (run tools/setup.sh): the app falls back to ImGui's Latin-only font")
  endif()
  file(GLOB LCS_DEMO_ASSETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/demo-*.json)
  foreach(asset ${LCS_DEMO_ASSETS})
    get_filename_component(asset_name ${asset} NAME)
    target_link_options(lifecycle_studio PRIVATE "--preload-file=${asset}@/assets/${asset_name}")
    list(APPEND LCS_ASSET_DEPENDS ${asset})
  endforeach()
  if(NOT EXISTS ${LCS_FONT} AND NOT LCS_DEMO_ASSETS)
    # --preload-file never ran: give the loader an (empty) data package anyway so the page logic is one path.
    target_link_options(lifecycle_studio PRIVATE "--preload-file=${CMAKE_SOURCE_DIR}/web/manifest.webmanifest@/assets/manifest.webmanifest")
  endif()
  set_property(TARGET lifecycle_studio APPEND PROPERTY LINK_DEPENDS ${LCS_ASSET_DEPENDS})

  file(GLOB LCS_WEB_SHELL CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
  set(LCS_SITE_DIR ${CMAKE_BINARY_DIR}/site)
  add_custom_command(TARGET lifecycle_studio POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E make_directory ${LCS_SITE_DIR}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${LCS_WEB_SHELL} ${LCS_SITE_DIR}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different
              $<TARGET_FILE_DIR:lifecycle_studio>/lifecycle_studio.js
              $<TARGET_FILE_DIR:lifecycle_studio>/lifecycle_studio.wasm
              $<TARGET_FILE_DIR:lifecycle_studio>/lifecycle_studio.data
              ${LCS_SITE_DIR}
      COMMENT "Assembling the web app in ${LCS_SITE_DIR}")
  # The shell files are copied again when they change, without relinking.
  add_custom_target(lifecycle_studio_site ALL
      COMMAND ${CMAKE_COMMAND} -E make_directory ${LCS_SITE_DIR}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${LCS_WEB_SHELL} ${LCS_SITE_DIR}
      DEPENDS ${LCS_WEB_SHELL} lifecycle_studio)
else()
  # ---- native: the headless smoke test ----
  # app_clv_paths.cpp runs the CLI (LCS_CLI) beside the app's CLV session and compares their numbers.
  # app_i18n.cpp checks the UI string tables; app_values.cpp what figures mean (revisions, lever units,
  # the simple CLV calculator's starting point); app_ui_scale.cpp that no text is clipped at larger UI
  # scales, through ImGui's test-engine hooks, which the native ImGui is compiled with (not the web's).
  # app_autosave.cpp: autosave versions, writes cut off
  # halfway, the unsaved-changes prompt, Restore, the title and printing.
  # app_text.cpp: astral characters survive a text-field edit; repaired text on load is reported.
  # app_export.cpp: Save CSV / Copy on a filtered, sorted table.
  # app_clv_intervals.cpp: the CLV intervals job brackets the fit's values.
  # app_settings.cpp: Edit > Workspace settings (name, currency) as one undoable edit.
  target_compile_definitions(lcs_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
  add_executable(app_smoke ${CMAKE_SOURCE_DIR}/tests/app/app_smoke.cpp ${CMAKE_SOURCE_DIR}/tests/app/app_clv_paths.cpp
                           ${CMAKE_SOURCE_DIR}/tests/app/app_i18n.cpp ${CMAKE_SOURCE_DIR}/tests/app/app_autosave.cpp
                           ${CMAKE_SOURCE_DIR}/tests/app/app_values.cpp ${CMAKE_SOURCE_DIR}/tests/app/app_ui_scale.cpp
                           ${CMAKE_SOURCE_DIR}/tests/app/app_text.cpp ${CMAKE_SOURCE_DIR}/tests/app/app_export.cpp
                           ${CMAKE_SOURCE_DIR}/tests/app/app_clv_intervals.cpp ${CMAKE_SOURCE_DIR}/tests/app/app_settings.cpp
                           ${CMAKE_SOURCE_DIR}/src/platform/native/platform_native.cpp)
  target_link_libraries(app_smoke PRIVATE lcs_app lcs_deps_doctest)
  target_compile_definitions(app_smoke PRIVATE LCS_SOURCE_DIR="${CMAKE_SOURCE_DIR}" LCS_CLI="$<TARGET_FILE:lifecycle>")
  add_dependencies(app_smoke lifecycle)
  lcs_set_warnings(app_smoke)
endif()

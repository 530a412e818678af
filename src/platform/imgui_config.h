// Dear ImGui build configuration for every target (IMGUI_USER_CONFIG). ImGui's asserts report
// programmer errors in UI code: they stay on in release builds, and each platform decides what a
// failure does (native: abort, so the smoke test fails; web: log to the console).
#pragma once

void lcs_imgui_assert_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : lcs_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS

// 32-bit ImWchar: characters outside the Basic Multilingual Plane (CJK Extension B such as 𠮷, emoji,
// math letters) stay themselves in text fields. With 16-bit ImWchar ImGui turns them into U+FFFD while
// keeping the original byte length, and InputText then wrote its terminating NUL into the string.
#define IMGUI_USE_WCHAR32

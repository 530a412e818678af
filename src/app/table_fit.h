// Tables that never cut their text: ImGui::BeginTable with the caller's flags while the columns fit
// the space, and a horizontal scroll over the full width when they do not (a larger UI scale, Chinese
// labels, a narrow window). What "fit" means is measured on the table's previous frame: each column's
// widest content and header, given the caller's sizing (fixed widths, or stretch weights sharing the
// width). The checks in tests/app/app_ui_scale.cpp fail on any table that still cuts a cell or header.
#pragma once
#include "imgui.h"

namespace lcs {

// Same contract as ImGui::BeginTable (call ImGui::EndTable when it returns true). A table without
// ImGuiTableFlags_ScrollY keeps its natural height, plus room for the scrollbar when it scrolls.
bool begin_fitting_table(const char* str_id, int columns, ImGuiTableFlags flags = 0, const ImVec2& outer_size = ImVec2(0, 0));

}  // namespace lcs

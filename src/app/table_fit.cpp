#include "app/table_fit.h"

#include <algorithm>
#include <unordered_map>

#include "imgui_internal.h"

namespace lcs {
namespace {

// The inner width at which no column of `t` cuts its content or header, under its own sizing: fixed
// columns need their widest content; stretch columns share what is left by their weights, so the
// width must give the neediest of them (relative to its weight) enough.
float needed_width(const ImGuiTable& t) {
    float fixed = 0, stretch_weights = 0, per_weight = 0;
    int enabled = 0;
    for (int i = 0; i < t.ColumnsCount; ++i) {
        const ImGuiTableColumn& c = t.Columns[i];
        if (!c.IsEnabled) continue;
        ++enabled;
        const float content = std::max({c.ContentMaxXFrozen, c.ContentMaxXUnfrozen, c.ContentMaxXHeadersIdeal}) - c.WorkMinX;
        const float need = std::max(0.0f, content) + t.CellPaddingX * 2 + t.CellSpacingX1 + t.CellSpacingX2;
        if ((c.Flags & ImGuiTableColumnFlags_WidthStretch) && c.StretchWeight > 0) {
            stretch_weights += c.StretchWeight;
            per_weight = std::max(per_weight, need / c.StretchWeight);
        } else {
            // A fixed column keeps the width it was given when that is more than its content needs.
            fixed += std::max(need, c.WidthGiven + t.CellPaddingX * 2 + t.CellSpacingX1 + t.CellSpacingX2);
        }
    }
    const float borders = (t.Flags & ImGuiTableFlags_BordersOuterV) ? 2.0f : 0.0f;
    return fixed + per_weight * stretch_weights + borders + static_cast<float>(enabled);
}

// What a table measured, by id: its height when last drawn without scrolling (the height it gets when
// it scrolls), and the widest inner width it asked for while scrolling in the same room (stretch weights
// of proportional columns settle over a few frames; the width only grows, so the layout settles too).
struct Measured {
    float natural_height = 0;
    float room = -1;
    float scroll_width = 0;
};

std::unordered_map<ImGuiID, Measured>& measured() {
    static std::unordered_map<ImGuiID, Measured> tables;
    return tables;
}

// Whether some column's content or header reached past its cell last frame. Columns that wrap or fill
// their cell reach exactly its edge and never count, so their width does not feed back into the check.
bool columns_overflow(const ImGuiTable& t) {
    for (int i = 0; i < t.ColumnsCount; ++i) {
        const ImGuiTableColumn& c = t.Columns[i];
        if (!c.IsEnabled) continue;
        const float content = std::max({c.ContentMaxXFrozen, c.ContentMaxXUnfrozen, c.ContentMaxXHeadersIdeal});
        if (content > c.WorkMaxX + 1) return true;
    }
    return false;
}

// A fixed column narrower than its content (sized for other rows or another workspace, or narrowed by
// hand) is fitted to its content again, one column a frame.
void refit_fixed_columns(ImGuiTable& t) {
    for (int i = 0; i < t.ColumnsCount; ++i) {
        const ImGuiTableColumn& c = t.Columns[i];
        if (!c.IsEnabled || (c.Flags & ImGuiTableColumnFlags_WidthStretch)) continue;
        const float content = std::max({c.ContentMaxXFrozen, c.ContentMaxXUnfrozen, c.ContentMaxXHeadersIdeal});
        if (content > c.WorkMaxX + 1) {
            ImGui::TableSetColumnWidthAutoSingle(&t, i);
            return;
        }
    }
}

}  // namespace

bool begin_fitting_table(const char* str_id, int columns, ImGuiTableFlags flags, const ImVec2& outer_size) {
    const ImGuiID id = ImGui::GetID(str_id);
    ImGuiTable* last = ImGui::TableFindByID(id);
    // A table that scrolls vertically loses the scrollbar's width to it.
    const float scrollbar = (flags & ImGuiTableFlags_ScrollY) ? ImGui::GetStyle().ScrollbarSize : 0.0f;
    const float room = (outer_size.x > 0 ? outer_size.x : ImGui::GetContentRegionAvail().x) - scrollbar;
    if (!last || last->LastFrameActive < 0) return ImGui::BeginTable(str_id, columns, flags, outer_size);
    refit_fixed_columns(*last);
    Measured& m = measured()[id];
    const bool was_scrolling = (last->Flags & ImGuiTableFlags_ScrollX) && !(flags & ImGuiTableFlags_ScrollX);
    if (!(flags & (ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY))) {
        if (!was_scrolling) m.natural_height = last->OuterRect.GetHeight();
        else if (last->InnerWindow && last->RowPosY2 > last->InnerWindow->Pos.y)  // rows wrap less when wider
            m.natural_height = last->RowPosY2 - last->InnerWindow->Pos.y + 1;
    }
    // Scroll while a column would cut its text; once scrolling in the same room, keep the width, growing
    // it only while a column still cuts.
    const bool overflow = columns_overflow(*last);
    float needed = needed_width(*last);
    const bool keep_scrolling = was_scrolling && m.room == room;
    if (keep_scrolling) needed = overflow ? std::max(needed, m.scroll_width) : m.scroll_width;
    if ((flags & ImGuiTableFlags_ScrollX) || (!keep_scrolling && (!overflow || needed <= room + 1))) {
        m.room = -1;
        return ImGui::BeginTable(str_id, columns, flags, outer_size);
    }
    m.room = room;
    m.scroll_width = needed;
    ImVec2 outer = outer_size;
    if (!(flags & ImGuiTableFlags_ScrollY))
        outer.y = (m.natural_height > 0 ? m.natural_height : ImGui::GetTextLineHeightWithSpacing() * 4) + ImGui::GetStyle().ScrollbarSize + 2;
    return ImGui::BeginTable(str_id, columns, flags | ImGuiTableFlags_ScrollX, outer, needed);
}

}  // namespace lcs

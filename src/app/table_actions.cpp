#include "app/table_actions.h"

#include "app/automation.h"
#include "app/i18n.h"
#include "imgui.h"
#include "platform/platform.h"

namespace lcs {

void table_export_button(const std::string& id, const std::string& file_stem,
                         const std::function<ExportTable()>& shown_rows) {
    ImGui::PushID(id.c_str());
    const std::string popup = "export_menu";
    if (ImGui::SmallButton(tr("export.table_button"))) ImGui::OpenPopup(popup.c_str());
    automation::record(id + ".export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("export.table_tooltip"));
    if (ImGui::BeginPopup(popup.c_str())) {
        if (ImGui::MenuItem(tr("export.save_csv"))) {
            platform::download_file(file_stem + ".csv", table_to_csv(shown_rows()), "text/csv");
        }
        automation::record(id + ".export.csv");
        if (ImGui::MenuItem(tr("export.copy_table"))) platform::clipboard_set(table_to_tsv(shown_rows()));
        automation::record(id + ".export.copy");
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

}  // namespace lcs

#include "app/dialog_import_csv.h"

#include "app/automation.h"
#include "app/i18n.h"
#include "imgui.h"

namespace lcs {

struct CsvImportDialog::Impl {
    bool open_requested = false;
    bool open = false;
    platform::FileData file;
};

CsvImportDialog::CsvImportDialog() : impl_(std::make_unique<Impl>()) {}
CsvImportDialog::~CsvImportDialog() = default;

void CsvImportDialog::open(platform::FileData file) {
    impl_->file = std::move(file);
    impl_->open_requested = true;
}

bool CsvImportDialog::is_open() const { return impl_->open; }

void CsvImportDialog::draw(AppState& state) {
    (void)state;
    const char* id = "###import_csv";
    if (impl_->open_requested) {
        ImGui::OpenPopup(id);
        impl_->open_requested = false;
    }
    std::string title = std::string(tr("Import transactions from CSV")) + id;
    impl_->open = ImGui::BeginPopupModal(title.c_str());
    if (!impl_->open) return;
    ImGui::Text("%s (%zu bytes)", impl_->file.name.c_str(), impl_->file.bytes.size());
    ImGui::TextDisabled("CSV import is not available in this build.");
    if (ImGui::Button(tr("Close"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace lcs

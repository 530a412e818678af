// The one place the app maps its UI language to the language of domain text (core Lang), so
// bilingual model texts (Localized) follow the language switch.
#pragma once
#include "app/i18n.h"
#include "core/localized.h"

namespace lcs {

// Lang::zh while the UI is Chinese, else Lang::en.
inline Lang ui_lang() { return current_language() == Language::chinese ? Lang::zh : Lang::en; }

}  // namespace lcs

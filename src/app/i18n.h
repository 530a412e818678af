// UI strings in English and 简体中文. Text is looked up by its English form: tr("Customers") gives
// "客户" while the language is Chinese, and the English text itself when no translation exists.
// Add translations to the table in i18n.cpp (one line per string).
#pragma once
#include <string>

namespace lcs {

enum class Language { english, chinese };

void set_language(Language language);
Language current_language();
const char* language_code(Language language);   // "en" | "zh"
Language language_from_code(const std::string& code);  // unknown codes give english

// Returns a pointer valid for the program's lifetime.
const char* tr(const char* english);

// tr(english) + "###" + id: a window/tab label whose ImGui id stays the same in every language.
std::string tr_id(const char* english, const char* id);

// English texts listed more than once in the table (only the first entry is ever used): kept at
// zero by the app smoke test.
int duplicate_translations();

}  // namespace lcs
